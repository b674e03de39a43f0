import { afterEach, describe, expect, test, vi } from "vitest";
import { listAuditForTarget } from "~/models/audit.server";
import { getMfaStatus } from "~/models/mfa.server";
import { countSessions } from "~/models/session.server";
import { action as signInAction } from "~/routes/ingresar";
import { action, loader } from "~/routes/restablecer.$token";
import { authenticate, getUser, issuePasswordResetLink, PASSWORD_RESET_HOURS } from "~/utils/auth.server";
import { createMember } from "../../tests/factories/members";
import { formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";
import { enableMfaFor } from "../../tests/support/mfa";

const NEW_PASSWORD = "mi frase nueva de la ugel";
let address = 0;
/** Each test comes from its own address, as different people would (guesses are counted per address). */
const nextAddress = () => {
  address += 1;
  return `198.51.100.${address}`;
};

afterEach(() => {
  vi.useRealTimers();
});

async function linkFor(memberId: number) {
  const difoca = await createMember({ role: "difoca", iged: null });
  const { path } = await issuePasswordResetLink({ memberId, actorId: difoca.id, reason: "Lo pidió por oficio de la UGEL" });
  return { path, token: path.split("/").pop()! };
}

const open = (token: string, clientAddress = nextAddress()) =>
  respond(() => loader({ request: getRequest(`/restablecer/${token}`), params: { token }, context: { cspNonce: "test", clientAddress } }));
const submit = (token: string, fields: Record<string, string>, clientAddress = nextAddress(), cookie?: string) =>
  respond(() => action({ request: formRequest(`/restablecer/${token}`, fields, cookie), params: { token }, context: { cspNonce: "test", clientAddress } }));
const twice = (password: string) => ({ newPassword: password, confirmPassword: password });

describe("/restablecer/:token", () => {
  test("a valid link sets a new password once: the old one stops working, every session ends, and no session starts", async () => {
    const member = await createMember({ name: "Julia Mamani Condori" });
    const cookie = await sessionCookieFor(member.id);
    await sessionCookieFor(member.id);
    const { path, token } = await linkFor(member.id);
    expect(path).toMatch(/^\/restablecer\/[A-Za-z0-9_-]{43}$/);

    const page = await open(token);
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    expect(await page.json()).toMatchObject({ state: "valid", memberName: "Julia Mamani Condori" });

    const response = await submit(token, twice(NEW_PASSWORD), nextAddress(), cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/ingresar");
    expect(response.headers.get("Set-Cookie")).not.toMatch(/cop_sesion=[^;]/);
    expect(await countSessions(member.id)).toBe(0);
    expect(await getUser(getRequest("/", cookie))).toBeNull();
    expect(await authenticate({ email: member.email, password: member.password, clientAddress: nextAddress() })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate({ email: member.email, password: NEW_PASSWORD, clientAddress: nextAddress() })).toMatchObject({ ok: true, userId: member.id });
    expect((await listAuditForTarget("user", member.id))[0]).toMatchObject({ action: "user.password_reset_used", details: { sessionsEnded: 2 } });

    // The same link a second time: gone, and the password stays the one just set.
    const again = await submit(token, twice("otra frase distinta para mí"));
    expect(again.status).toBe(410);
    expect((await again.json()).message).toBe("Este enlace ya se usó: cada enlace sirve una sola vez.");
    expect((await open(token)).status).toBe(410);
    expect(await authenticate({ email: member.email, password: NEW_PASSWORD, clientAddress: nextAddress() })).toMatchObject({ ok: true });
  });

  test("an unknown link is a Spanish 404; an expired or replaced one a Spanish 410; on the page and on the form", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.parse("2026-11-22T15:00:00Z");
    vi.setSystemTime(start);
    const member = await createMember();
    const first = await linkFor(member.id);
    const second = await linkFor(member.id);
    const cases: [string, number, string][] = [
      ["inventado", 404, "Este enlace para restablecer la contraseña no existe. Revisa que lo copiaste completo."],
      ["A".repeat(43), 404, "Este enlace para restablecer la contraseña no existe. Revisa que lo copiaste completo."],
      ["%00<script>".repeat(500), 404, "Este enlace para restablecer la contraseña no existe. Revisa que lo copiaste completo."],
      [first.token, 410, "Este enlace ya no sirve: DIFOCA creó otro más nuevo para tu cuenta."],
    ];
    for (const [token, status, message] of cases) {
      const page = await open(token);
      expect(page.status, token.slice(0, 20)).toBe(status);
      expect((await page.json()).message).toBe(message);
      const post = await submit(token, twice(NEW_PASSWORD));
      expect(post.status).toBe(status);
      expect((await post.json()).message).toBe(message);
    }
    expect((await open(second.token)).status).toBe(200);

    vi.setSystemTime(start + PASSWORD_RESET_HOURS * 3600_000);
    const expired = await submit(second.token, twice(NEW_PASSWORD));
    expect(expired.status).toBe(410);
    expect((await expired.json()).message).toBe("Este enlace venció: cada enlace sirve durante 24 horas.");
    expect(await authenticate({ email: member.email, password: member.password, clientAddress: nextAddress() })).toMatchObject({ ok: true });
  });

  test("the new password follows the registration policy, and a refused one leaves the link usable", async () => {
    const member = await createMember({ email: "pedro.huaman.reset@ugel.pe" });
    const { token } = await linkFor(member.id);
    const cases: [Record<string, string>, Record<string, string>][] = [
      [twice("corta"), { newPassword: "La contraseña debe tener al menos 10 caracteres." }],
      [twice("minedu2026"), { newPassword: "Esa contraseña es muy común y fácil de adivinar. Elige otra." }],
      [twice("Pedro.Huaman.Reset@ugel.pe"), { newPassword: "La contraseña no puede ser igual a tu correo electrónico." }],
      [{ newPassword: NEW_PASSWORD, confirmPassword: "otra cosa distinta" }, { confirmPassword: "Las dos contraseñas nuevas no coinciden. Escríbela igual en los dos campos." }],
      [{}, { newPassword: "Escribe una contraseña." }],
      [twice("x".repeat(129)), { newPassword: "La contraseña no puede tener más de 128 caracteres." }],
    ];
    for (const [fields, errors] of cases) {
      const response = await submit(token, fields);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect((await response.json()).errors).toMatchObject(errors);
    }
    expect((await submit(token, twice(NEW_PASSWORD))).status).toBe(302);
  });

  test("a member with MFA still needs the code after the reset: MFA stays as it is", async () => {
    const member = await createMember();
    await enableMfaFor(member.id);
    const { token } = await linkFor(member.id);
    expect((await submit(token, twice(NEW_PASSWORD))).status).toBe(302);
    expect((await getMfaStatus(member.id)).enabled).toBe(true);

    const signIn = await respond(() =>
      signInAction({
        request: formRequest("/ingresar", { email: member.email, password: NEW_PASSWORD }),
        params: {},
        context: { cspNonce: "test", clientAddress: nextAddress() },
      }),
    );
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get("Location")).toBe("/ingresar/verificacion");
    expect(signIn.headers.get("Set-Cookie")).not.toMatch(/cop_sesion=[^;]/);
    expect(await countSessions(member.id)).toBe(0);
  });

  test("guessing links is throttled per address: after 20 tries a 429 with Retry-After, even for a real link, while other addresses go on", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.parse("2026-11-22T15:00:00Z"));
    const member = await createMember();
    const { token } = await linkFor(member.id);
    const guesser = nextAddress();
    for (let i = 0; i < 21; i++) expect((await open(`${"B".repeat(40)}${String(i).padStart(3, "0")}`, guesser)).status).toBe(404);
    const blocked = await open(token, guesser);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await blocked.json()).message).toMatch(/^Hubo demasiados intentos desde tu conexión\. Espera/);
    expect((await submit(token, twice(NEW_PASSWORD), guesser)).status).toBe(429);
    expect((await open(token)).status).toBe(200);
  });
});
