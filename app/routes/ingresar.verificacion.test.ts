import { afterEach, describe, expect, test, vi } from "vitest";
import { getMfaStatus } from "~/models/mfa.server";
import { countSessions } from "~/models/session.server";
import { action as signInAction } from "~/routes/ingresar";
import { action as setupAction, loader as setupLoader } from "~/routes/ingresar_.configurar-verificacion";
import { action as verifyAction, loader as verifyLoader } from "~/routes/ingresar_.verificacion";
import { getUser } from "~/utils/auth.server";
import { readToast } from "~/utils/toast.server";
import { createMember } from "../../tests/factories/members";
import { formRequest, getRequest, respond } from "../../tests/setup/requests";
import { codeAt, enableMfaFor } from "../../tests/support/mfa";

const T0 = Date.parse("2026-11-22T15:00:10Z");
let address = 0;
const nextContext = () => {
  // Each sign-in comes from its own address, as different people would.
  address += 1;
  return { cspNonce: "test", clientAddress: `192.0.2.${address}` };
};

/** The cookies a response sets, as a browser would send them back ("name=value; ..."). */
function cookiesFrom(response: Response, previous = ""): string {
  const jar = new Map(previous.split("; ").filter(Boolean).map((c) => [c.split("=")[0]!, c] as const));
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(";")[0]!;
    const name = pair.split("=")[0]!;
    if (/max-age=0/i.test(header) || pair === `${name}=`) jar.delete(name);
    else jar.set(name, pair);
  }
  return [...jar.values()].join("; ");
}

async function signInWithPassword(member: { email: string; password: string }, redirectTo = "/panel") {
  const response = await respond(() =>
    signInAction({ request: formRequest("/ingresar", { email: member.email, password: member.password, redirectTo }), params: {}, context: nextContext() }),
  );
  return { response, cookie: cookiesFrom(response) };
}

const submitCode = (cookie: string, code: string, intent: "totp" | "recovery" = "totp", context = nextContext()) =>
  respond(() => verifyAction({ request: formRequest("/ingresar/verificacion", { intent, code }, cookie), params: {}, context }));

afterEach(() => {
  vi.useRealTimers();
});

describe("signing in with a second factor", () => {
  test("after the password, a member with MFA gets no session: the code comes first, then a new session", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const member = await createMember();
    const { secret } = await enableMfaFor(member.id);
    vi.setSystemTime(T0 + 45_000);

    const { response, cookie } = await signInWithPassword(member);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/ingresar/verificacion");
    expect(cookie).toMatch(/cop_verificacion=/);
    expect(cookie).not.toMatch(/cop_sesion=/);
    const pending = response.headers.getSetCookie().find((c) => c.startsWith("cop_verificacion="))!;
    expect(pending).toMatch(/HttpOnly/i);
    expect(pending).toMatch(/SameSite=Lax/i);
    expect(pending).toMatch(/Max-Age=600/i);
    expect(await getUser(getRequest("/", cookie))).toBeNull();
    expect(await countSessions(member.id)).toBe(0);
    expect((await respond(() => verifyLoader({ request: getRequest("/ingresar/verificacion", cookie), params: {}, context: nextContext() }))).status).toBe(200);

    const verified = await submitCode(cookie, codeAt(secret));
    expect(verified.status).toBe(302);
    expect(verified.headers.get("Location")).toBe("/panel");
    const signedIn = cookiesFrom(verified, cookie);
    expect(signedIn).toMatch(/cop_sesion=/);
    expect(signedIn).not.toMatch(/cop_verificacion=/);
    expect((await getUser(getRequest("/", signedIn)))?.id).toBe(member.id);
    expect(await countSessions(member.id)).toBe(1);
  });

  test("a wrong code gets a Spanish 400; after 5 wrong codes the password is asked again", async () => {
    const member = await createMember();
    await enableMfaFor(member.id);
    const { cookie } = await signInWithPassword(member);
    const wrong = await submitCode(cookie, "000000");
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).errors.code).toBe(
      "El código no es correcto o ya se usó. Espera el siguiente código de tu aplicación y vuelve a intentarlo.",
    );
    const malformed = await submitCode(cookie, "12ab");
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).errors.code).toBe("El código tiene 6 dígitos, sin letras. Revisa tu aplicación.");

    for (let i = 0; i < 3; i++) expect((await submitCode(cookie, "000000")).status).toBe(400);
    const fifth = await submitCode(cookie, "000000");
    expect(fifth.status).toBe(302);
    expect(fifth.headers.get("Location")).toBe("/ingresar");
    const toast = await readToast(getRequest("/ingresar", cookiesFrom(fifth)));
    expect(toast.toast?.message).toBe("Escribiste varios códigos incorrectos. Por seguridad, ingresa de nuevo con tu correo y contraseña.");
    expect(await countSessions(member.id)).toBe(0);
  });

  test("codes are throttled per member across sign-ins and addresses, with a 429 and Retry-After", async () => {
    const member = await createMember();
    await enableMfaFor(member.id);
    // Two sign-ins with the password, 3 wrong codes each, each from a different address.
    for (let round = 0; round < 2; round++) {
      const { cookie } = await signInWithPassword(member);
      for (let i = 0; i < 3; i++) expect((await submitCode(cookie, "000000")).status).toBe(400);
    }
    const { cookie } = await signInWithPassword(member);
    const throttled = await submitCode(cookie, "000000");
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await throttled.json()).errors.code).toMatch(/^Hubo demasiados intentos\. Espera \d+ segundos?/);
  });

  test("a recovery code signs in once, and says how many are left", async () => {
    const member = await createMember();
    const { recoveryCodes } = await enableMfaFor(member.id);
    const first = await signInWithPassword(member);
    const response = await submitCode(first.cookie, recoveryCodes[3]!, "recovery");
    expect(response.status).toBe(302);
    const { toast } = await readToast(getRequest("/", cookiesFrom(response)));
    expect(toast?.message).toBe("Ingresaste con un código de recuperación. Te quedan 9 códigos.");

    const again = await signInWithPassword(member);
    const reused = await submitCode(again.cookie, recoveryCodes[3]!, "recovery");
    expect(reused.status).toBe(400);
    expect((await reused.json()).errors.code).toBe("Ese código de recuperación no es válido o ya se usó.");
  });

  test("the step expires after 10 minutes: the password must be typed again", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const member = await createMember();
    const { secret } = await enableMfaFor(member.id);
    vi.setSystemTime(T0 + 60_000);
    const { cookie } = await signInWithPassword(member);
    vi.setSystemTime(T0 + 60_000 + 10 * 60_000 + 1_000);

    const page = await respond(() => verifyLoader({ request: getRequest("/ingresar/verificacion", cookie), params: {}, context: nextContext() }));
    expect(page.status).toBe(302);
    expect(page.headers.get("Location")).toBe("/ingresar");
    const late = await submitCode(cookie, codeAt(secret));
    expect(late.status).toBe(302);
    expect(late.headers.get("Location")).toBe("/ingresar");
    expect(cookiesFrom(late, cookie)).not.toMatch(/cop_sesion=/);
    expect(await countSessions(member.id)).toBe(0);
  });

  test("the step is bound to its member, works once, and cannot be invented", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const [ana, beto] = [await createMember(), await createMember()];
    const anaSecret = (await enableMfaFor(ana.id)).secret;
    const betoSecret = (await enableMfaFor(beto.id)).secret;
    vi.setSystemTime(T0 + 45_000);

    const { cookie } = await signInWithPassword(ana);
    // Beto's valid code does not open Ana's step.
    expect((await submitCode(cookie, codeAt(betoSecret))).status).toBe(400);
    const verified = await submitCode(cookie, codeAt(anaSecret));
    expect((await getUser(getRequest("/", cookiesFrom(verified, cookie))))?.id).toBe(ana.id);
    expect(await countSessions(beto.id)).toBe(0);

    // The same step cookie again, even with a fresh code: it was used.
    vi.setSystemTime(T0 + 75_000);
    const replayed = await submitCode(cookie, codeAt(anaSecret));
    expect(replayed.status).toBe(302);
    expect(replayed.headers.get("Location")).toBe("/ingresar");
    expect(await countSessions(ana.id)).toBe(1);

    const invented = await submitCode("cop_verificacion=ImludmVudGFkbyI%3D", codeAt(anaSecret, 1));
    expect(invented.headers.get("Location")).toBe("/ingresar");
    expect(await countSessions(ana.id)).toBe(1);
  });

  test("a member without MFA who is not DIFOCA signs in with the password alone", async () => {
    const member = await createMember({ role: "experto", iged: null });
    const { response, cookie } = await signInWithPassword(member);
    expect(response.headers.get("Location")).toBe("/panel");
    expect(cookie).toMatch(/cop_sesion=/);
  });
});

describe("DIFOCA without MFA", () => {
  test("cannot get a session with the password: the setup comes first, then the recovery codes and the session", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const difoca = await createMember({ role: "difoca", iged: null });
    const { response, cookie } = await signInWithPassword(difoca, "/admin/usuarios");
    expect(response.headers.get("Location")).toBe("/ingresar/configurar-verificacion");
    expect(cookie).not.toMatch(/cop_sesion=/);
    expect(await countSessions(difoca.id)).toBe(0);

    const page = await respond(() => setupLoader({ request: getRequest("/ingresar/configurar-verificacion", cookie), params: {}, context: nextContext() }));
    const { setup } = await page.json();
    expect(setup.email).toBe(difoca.email);
    expect(setup.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(setup.qrCode.split(",")[1], "base64").toString()).toMatch(/^<svg/);
    const secret = setup.secret.replaceAll(" ", "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    const submit = (code: string) =>
      respond(() => setupAction({ request: formRequest("/ingresar/configurar-verificacion", { code }, cookie), params: {}, context: nextContext() }));
    const wrong = await submit("000000");
    expect(wrong.status).toBe(400);
    expect(await countSessions(difoca.id)).toBe(0);
    expect((await getMfaStatus(difoca.id)).enabled).toBe(false);

    const done = await submit(codeAt(secret));
    expect(done.status).toBe(200);
    const body = await done.json();
    expect(body.recoveryCodes).toHaveLength(10);
    expect(body.redirectTo).toBe("/admin/usuarios");
    const signedIn = cookiesFrom(done, cookie);
    expect((await getUser(getRequest("/", signedIn)))?.id).toBe(difoca.id);
    expect(await getMfaStatus(difoca.id)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });

    // From now on the password leads to the second step.
    vi.setSystemTime(T0 + 60_000);
    const next = await signInWithPassword(difoca);
    expect(next.response.headers.get("Location")).toBe("/ingresar/verificacion");
  });

  test("a setup that expired, or was never started, starts no session", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const difoca = await createMember({ role: "difoca", iged: null });
    const { cookie } = await signInWithPassword(difoca);
    const { setup } = await (
      await respond(() => setupLoader({ request: getRequest("/ingresar/configurar-verificacion", cookie), params: {}, context: nextContext() }))
    ).json();
    vi.setSystemTime(T0 + 11 * 60_000);
    const late = await respond(() =>
      setupAction({
        request: formRequest("/ingresar/configurar-verificacion", { code: codeAt(setup.secret.replaceAll(" ", "")) }, cookie),
        params: {},
        context: nextContext(),
      }),
    );
    expect(late.status).toBe(302);
    expect(late.headers.get("Location")).toBe("/ingresar");
    expect(await countSessions(difoca.id)).toBe(0);
    expect((await getMfaStatus(difoca.id)).enabled).toBe(false);

    const noStep = await respond(() => setupLoader({ request: getRequest("/ingresar/configurar-verificacion"), params: {}, context: nextContext() }));
    expect((await noStep.json()).setup).toBeNull();
  });
});
