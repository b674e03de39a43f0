import { afterEach, describe, expect, test, vi } from "vitest";
import { listAuditForTarget } from "~/models/audit.server";
import { getMfaStatus } from "~/models/mfa.server";
import { countSessions } from "~/models/session.server";
import { action, loader } from "~/routes/cuenta.seguridad";
import { authenticate, checkSecondFactor, getUser } from "~/utils/auth.server";
import { readToast } from "~/utils/toast.server";
import { createMember } from "../../tests/factories/members";
import { formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

/** The toast a redirect leaves for the next page, as the browser would carry it. */
async function readToastMessage(response: Response): Promise<string | undefined> {
  const cookies = (response.headers.get("Set-Cookie") ?? "").split(/,(?=\s*\w+=)/).map((c) => c.split(";")[0]!.trim());
  const { toast } = await readToast(getRequest("/", cookies.join("; ")));
  return toast?.message;
}
import { codeAt, enableMfaFor } from "../../tests/support/mfa";

const T0 = Date.parse("2026-11-22T15:00:10Z");
let address = 0;
const nextContext = () => {
  address += 1;
  return { cspNonce: "test", clientAddress: `203.0.113.${address}` };
};
const post = (cookie: string, fields: Record<string, string>) =>
  respond(() => action({ request: formRequest("/cuenta/seguridad", fields, cookie), params: {}, context: nextContext() }));
const page = async (cookie: string) => (await respond(() => loader({ request: getRequest("/cuenta/seguridad", cookie), params: {}, context: nextContext() }))).json();

afterEach(() => {
  vi.useRealTimers();
});

describe("/cuenta/seguridad", () => {
  test("a visitor is sent to sign in", async () => {
    const response = await respond(() => loader({ request: getRequest("/cuenta/seguridad"), params: {}, context: nextContext() }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/ingresar?redirectTo=%2Fcuenta%2Fseguridad");
    const write = await post("", { intent: "start" });
    expect(write.status).toBe(302);
    expect(write.headers.get("Location")).toMatch(/^\/ingresar\?/);
  });

  test("a gestor turns MFA on with the password, the QR code and a code, sees 10 recovery codes once, and other sessions end", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const member = await createMember();
    const cookie = await sessionCookieFor(member.id);
    await sessionCookieFor(member.id); // signed in on another device too
    expect(await page(cookie)).toMatchObject({ enabled: false, required: false, enrolment: null });

    const started = await post(cookie, { intent: "start" });
    expect(started.status).toBe(302);
    const { enrolment } = await page(cookie);
    expect(enrolment.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    const secret = enrolment.secret.replaceAll(" ", "");

    // The password comes with the code (ASVS V7.5.1): a stolen session alone cannot turn MFA on.
    const noPassword = await post(cookie, { intent: "confirm", code: codeAt(secret) });
    expect(noPassword.status).toBe(400);
    expect((await noPassword.json()).errors.password).toBe("Escribe tu contraseña actual.");
    const wrongPassword = await post(cookie, { intent: "confirm", password: "no-es-la-clave", code: codeAt(secret) });
    expect(wrongPassword.status).toBe(400);
    expect((await wrongPassword.json()).errors.password).toBe("La contraseña no es correcta.");
    expect((await getMfaStatus(member.id)).enabled).toBe(false);
    expect(await countSessions(member.id)).toBe(2);

    const wrong = await post(cookie, { intent: "confirm", password: member.password, code: "000000" });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).errors.code).toMatch(/^El código no es correcto/);
    expect((await getMfaStatus(member.id)).enabled).toBe(false);

    const done = await post(cookie, { intent: "confirm", password: member.password, code: codeAt(secret) });
    expect(done.status).toBe(200);
    const body = await done.json();
    expect(body.recoveryCodes).toHaveLength(10);
    expect(await page(cookie)).toMatchObject({ enabled: true, recoveryCodesLeft: 10, enrolment: null });
    expect(await countSessions(member.id)).toBe(1);
    expect((await listAuditForTarget("user", member.id))[0]).toMatchObject({ action: "user.mfa_enabled", actorId: member.id });
  });

  test("new recovery codes need a current code of the app, and the old ones stop working", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const member = await createMember();
    const { secret, recoveryCodes: oldCodes } = await enableMfaFor(member.id);
    const cookie = await sessionCookieFor(member.id);
    vi.setSystemTime(T0 + 60_000);

    const noCode = await post(cookie, { intent: "regenerate", code: "" });
    expect(noCode.status).toBe(400);
    expect((await noCode.json()).errors.code).toBe("Escribe el código de 6 dígitos que muestra tu aplicación.");

    const response = await post(cookie, { intent: "regenerate", code: codeAt(secret) });
    expect(response.status).toBe(200);
    const { recoveryCodes } = await response.json();
    expect(recoveryCodes).toHaveLength(10);
    expect((await page(cookie)).recoveryCodesLeft).toBe(10);
    const byCode = (code: string) => checkSecondFactor({ userId: member.id, code, clientAddress: "203.0.113.200", allowRecoveryCode: true });
    expect(await byCode(oldCodes[0]!)).toEqual({ ok: false, reason: "invalid" });
    expect(await byCode(recoveryCodes[0])).toEqual({ ok: true, usedRecoveryCode: true });
  });

  test("a gestor turns MFA off with the password and a code; a wrong password uses up nothing", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const member = await createMember();
    const { recoveryCodes } = await enableMfaFor(member.id);
    const cookie = await sessionCookieFor(member.id);
    await sessionCookieFor(member.id);

    const wrongPassword = await post(cookie, { intent: "disable", password: "no-es-la-clave", code: recoveryCodes[0]! });
    expect(wrongPassword.status).toBe(400);
    expect((await wrongPassword.json()).errors.password).toBe("La contraseña no es correcta.");
    expect((await getMfaStatus(member.id)).recoveryCodesLeft).toBe(10);

    const response = await post(cookie, { intent: "disable", password: member.password, code: recoveryCodes[0]! });
    expect(response.status).toBe(302);
    expect(await getMfaStatus(member.id)).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0 });
    expect(await countSessions(member.id)).toBe(1);
  });

  test("DIFOCA cannot turn MFA off, even with the password and a valid code", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const difoca = await createMember({ role: "difoca", iged: null });
    const { secret, recoveryCodes } = await enableMfaFor(difoca.id);
    const cookie = await sessionCookieFor(difoca.id);
    vi.setSystemTime(T0 + 60_000);
    expect(await page(cookie)).toMatchObject({ required: true, enabled: true });

    for (const code of [codeAt(secret), recoveryCodes[0]!]) {
      const response = await post(cookie, { intent: "disable", password: difoca.password, code });
      expect(response.status).toBe(403);
    }
    expect(await getMfaStatus(difoca.id)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
  });

  test("moving to a new phone needs the password, a code of the new app and the current factor", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const difoca = await createMember({ role: "difoca", iged: null });
    const old = await enableMfaFor(difoca.id);
    const cookie = await sessionCookieFor(difoca.id);
    vi.setSystemTime(T0 + 60_000);

    await post(cookie, { intent: "start" });
    const newSecret = (await page(cookie)).enrolment.secret.replaceAll(" ", "");
    expect(newSecret).not.toBe(old.secret);

    // A stolen session with a recovery code, but without the password, moves nothing; the code is not used up.
    const withoutPassword = await post(cookie, { intent: "confirm", password: "no-es-la-clave", code: codeAt(newSecret), currentCode: old.recoveryCodes[0]! });
    expect(withoutPassword.status).toBe(400);
    expect((await withoutPassword.json()).errors.password).toBe("La contraseña no es correcta.");
    expect((await getMfaStatus(difoca.id)).recoveryCodesLeft).toBe(10);

    const missingCurrent = await post(cookie, { intent: "confirm", password: difoca.password, code: codeAt(newSecret) });
    expect(missingCurrent.status).toBe(400);
    expect((await missingCurrent.json()).errors.currentCode).toBe("Escribe un código de tu aplicación anterior o uno de tus códigos de recuperación.");
    const wrongCurrent = await post(cookie, { intent: "confirm", password: difoca.password, code: codeAt(newSecret), currentCode: "000000" });
    expect(wrongCurrent.status).toBe(400);
    expect((await wrongCurrent.json()).errors.currentCode).toBe("Ese código no es válido o ya se usó.");

    const moved = await post(cookie, { intent: "confirm", password: difoca.password, code: codeAt(newSecret), currentCode: old.recoveryCodes[0]! });
    expect(moved.status).toBe(200);
    expect((await listAuditForTarget("user", difoca.id))[0]).toMatchObject({ action: "user.mfa_device_changed" });
  });

  test("bad input gets Spanish messages, never a 500", async () => {
    const member = await createMember();
    const cookie = await sessionCookieFor(member.id);
    const unknown = await post(cookie, { intent: "borrar-todo" });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors.intent).toBe("La acción no es válida.");
    const expired = await post(cookie, { intent: "confirm", password: member.password, code: "123456" });
    expect(expired.status).toBe(400);
    expect((await expired.json()).errors.form).toBe("La configuración venció. Vuelve a empezar: te mostraremos un código QR nuevo.");
    const huge = await post(cookie, { intent: "confirm", password: member.password, code: "9".repeat(10_000) });
    expect(huge.status).toBe(400);
    const hugePassword = await post(cookie, { intent: "change_password", currentPassword: "x".repeat(5000), newPassword: "y".repeat(5000), confirmPassword: "y" });
    expect(hugePassword.status).toBe(400);
    expect((await hugePassword.json()).errors).toMatchObject({
      currentPassword: "La contraseña es demasiado larga.",
      newPassword: "La contraseña no puede tener más de 128 caracteres.",
    });
    const noSession = await post(cookie, { intent: "end_sessions", password: member.password, session: "../../otra" });
    expect(noSession.status).toBe(400);
    expect((await noSession.json()).errors.session).toBe("Elige qué sesión cerrar.");
  });
});

const NEW_PASSWORD = "una frase nueva para mi cuenta";
const sessionCookieFrom = (response: Response) => /cop_sesion=([^;]+)/.exec(response.headers.get("Set-Cookie") ?? "")?.[1];

describe("changing the password on /cuenta/seguridad", () => {
  test("with the current password: the old one stops working, other sessions end, this browser gets a new session, and it is audited", async () => {
    const member = await createMember();
    const cookie = await sessionCookieFor(member.id);
    const elsewhere = await sessionCookieFor(member.id);

    const response = await post(cookie, { intent: "change_password", currentPassword: member.password, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/cuenta/seguridad");
    const newSessionId = sessionCookieFrom(response);
    expect(newSessionId).toBeTruthy();
    expect(cookie).not.toContain(newSessionId!);
    expect(await getUser(getRequest("/", cookie))).toBeNull();
    expect(await getUser(getRequest("/", elsewhere))).toBeNull();
    expect(await getUser(getRequest("/", `cop_sesion=${newSessionId}`))).toMatchObject({ id: member.id });
    expect(await countSessions(member.id)).toBe(1);
    expect(await readToastMessage(response)).toBe("Tu contraseña se cambió. Se cerraron tus sesiones en otros navegadores.");

    const signIn = (password: string) => authenticate({ email: member.email, password, clientAddress: "198.51.100.7" });
    expect(await signIn(member.password)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(NEW_PASSWORD)).toMatchObject({ ok: true, userId: member.id });
    expect((await listAuditForTarget("user", member.id))[0]).toMatchObject({
      action: "user.password_changed",
      actorId: member.id,
      details: { otherSessionsEnded: 1 },
    });
  });

  test("a wrong current password, a new one against the policy, a confirmation that differs, or the same password: a Spanish 400 and nothing changes", async () => {
    const member = await createMember({ email: "rosa.quispe.clave@ugel.pe" });
    const cookie = await sessionCookieFor(member.id);
    const other = await sessionCookieFor(member.id);
    const change = (fields: Record<string, string>) => post(cookie, { intent: "change_password", currentPassword: member.password, ...fields });
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ currentPassword: "no-es-la-clave", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, { currentPassword: "La contraseña no es correcta." }],
      [{ newPassword: "corta", confirmPassword: "corta" }, { newPassword: "La contraseña debe tener al menos 10 caracteres." }],
      [{ newPassword: "contraseña123", confirmPassword: "contraseña123" }, { newPassword: "Esa contraseña es muy común y fácil de adivinar. Elige otra." }],
      [{ newPassword: "ROSA.QUISPE.CLAVE@UGEL.PE", confirmPassword: "ROSA.QUISPE.CLAVE@UGEL.PE" }, { newPassword: "La contraseña no puede ser igual a tu correo electrónico." }],
      [{ newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` }, { confirmPassword: "Las dos contraseñas nuevas no coinciden. Escríbela igual en los dos campos." }],
      [{ newPassword: member.password, confirmPassword: member.password }, { newPassword: "La contraseña nueva debe ser distinta de la actual." }],
      [{ currentPassword: "", newPassword: "", confirmPassword: "" }, { currentPassword: "Escribe tu contraseña actual.", newPassword: "Escribe una contraseña." }],
    ];
    for (const [fields, errors] of cases) {
      const response = await change(fields);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      const body = await response.json();
      expect(body.errors).toMatchObject(errors);
      expect(JSON.stringify(body)).not.toContain(fields.newPassword || "no-password-sent");
    }
    expect(await countSessions(member.id)).toBe(2);
    expect(await getUser(getRequest("/", other))).toMatchObject({ id: member.id });
    expect(await authenticate({ email: member.email, password: member.password, clientAddress: "198.51.100.8" })).toMatchObject({ ok: true });
  });

  test("wrong current passwords count against the same throttle as signing in: then a 429 with Retry-After, even for the right one", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const member = await createMember();
    const cookie = await sessionCookieFor(member.id);
    const change = (currentPassword: string) =>
      respond(() =>
        action({
          request: formRequest("/cuenta/seguridad", { intent: "change_password", currentPassword, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, cookie),
          params: {},
          context: { cspNonce: "test", clientAddress: "198.51.100.20" },
        }),
      );
    for (let i = 0; i < 6; i++) expect((await change(`no-es-la-clave-${i}`)).status).toBe(400);
    const blocked = await change(member.password);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await blocked.json()).errors.currentPassword).toMatch(/^Hubo demasiados intentos\. Espera/);
    // The same account waits at the sign-in form too, from any address.
    expect(await authenticate({ email: member.email, password: member.password, clientAddress: "198.51.100.99" })).toMatchObject({ ok: false, reason: "throttled" });
    expect(await authenticate({ email: member.email, password: NEW_PASSWORD, clientAddress: "198.51.100.99" })).toMatchObject({ ok: false, reason: "throttled" });
  });
});

describe("the member's sessions on /cuenta/seguridad", () => {
  test("lists the member's own open sessions, this one marked, with start and end, and never a session id", async () => {
    const member = await createMember();
    const cookie = await sessionCookieFor(member.id);
    const other = await sessionCookieFor(member.id);
    const stranger = await createMember();
    await sessionCookieFor(stranger.id);

    const { sessions } = await page(cookie);
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    for (const session of sessions) {
      expect(session).toMatchObject({ handle: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), startedOn: expect.any(String), endsOn: expect.any(String) });
    }
    const text = JSON.stringify(sessions);
    for (const id of [cookie, other].map((c) => c.split("=")[1]!)) expect(text).not.toContain(id);
  });

  test("ends one session, or all the others, after the password; a wrong password ends nothing", async () => {
    const member = await createMember();
    const cookie = await sessionCookieFor(member.id);
    const laptop = await sessionCookieFor(member.id);
    const phone = await sessionCookieFor(member.id);
    const tablet = await sessionCookieFor(member.id);
    const handleOf = async (c: string) => (await page(c)).sessions.find((s: { current: boolean }) => s.current).handle as string;
    const laptopHandle = await handleOf(laptop);

    const wrong = await post(cookie, { intent: "end_sessions", password: "no-es-la-clave", session: laptopHandle });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).errors.password).toBe("La contraseña no es correcta.");
    expect(await countSessions(member.id)).toBe(4);

    const one = await post(cookie, { intent: "end_sessions", password: member.password, session: laptopHandle });
    expect(one.status).toBe(302);
    expect(await readToastMessage(one)).toBe("Se cerró la sesión.");
    expect(await getUser(getRequest("/", laptop))).toBeNull();
    expect(await countSessions(member.id)).toBe(3);

    const others = await post(cookie, { intent: "end_sessions", password: member.password, session: "otras" });
    expect(others.status).toBe(302);
    expect(await readToastMessage(others)).toBe("Se cerraron tus otras 2 sesiones.");
    expect(await getUser(getRequest("/", phone))).toBeNull();
    expect(await getUser(getRequest("/", tablet))).toBeNull();
    expect(await getUser(getRequest("/", cookie))).toMatchObject({ id: member.id });
  });

  test("another member's session cannot be ended from here: a 404, and it stays open", async () => {
    const member = await createMember();
    const cookie = await sessionCookieFor(member.id);
    const victim = await createMember();
    const victimCookie = await sessionCookieFor(victim.id);
    const victimHandle = (await page(victimCookie)).sessions[0].handle as string;

    const response = await post(cookie, { intent: "end_sessions", password: member.password, session: victimHandle });
    expect(response.status).toBe(404);
    expect((await response.json()).errors.session).toBe("Esa sesión no existe o ya se cerró.");
    expect(await getUser(getRequest("/", victimCookie))).toMatchObject({ id: victim.id });
    expect(await countSessions(victim.id)).toBe(1);
  });

  test("ending this browser's own session signs it out", async () => {
    const member = await createMember();
    const cookie = await sessionCookieFor(member.id);
    const handle = (await page(cookie)).sessions[0].handle as string;
    const response = await post(cookie, { intent: "end_sessions", password: member.password, session: handle });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    expect(response.headers.get("Set-Cookie")).toMatch(/cop_sesion=;/);
    expect(await getUser(getRequest("/", cookie))).toBeNull();
  });
});
