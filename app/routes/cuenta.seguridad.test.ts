import { afterEach, describe, expect, test, vi } from "vitest";
import { listAuditForTarget } from "~/models/audit.server";
import { getMfaStatus } from "~/models/mfa.server";
import { countSessions } from "~/models/session.server";
import { action, loader } from "~/routes/cuenta.seguridad";
import { checkSecondFactor } from "~/utils/auth.server";
import { createMember } from "../../tests/factories/members";
import { formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";
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

  test("a gestor turns MFA on with the QR code and a code, sees 10 recovery codes once, and other sessions end", async () => {
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

    const wrong = await post(cookie, { intent: "confirm", code: "000000" });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).errors.code).toMatch(/^El código no es correcto/);
    expect((await getMfaStatus(member.id)).enabled).toBe(false);

    const done = await post(cookie, { intent: "confirm", code: codeAt(secret) });
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

  test("moving to a new phone needs a code of the new app and the current factor", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const difoca = await createMember({ role: "difoca", iged: null });
    const old = await enableMfaFor(difoca.id);
    const cookie = await sessionCookieFor(difoca.id);
    vi.setSystemTime(T0 + 60_000);

    await post(cookie, { intent: "start" });
    const newSecret = (await page(cookie)).enrolment.secret.replaceAll(" ", "");
    expect(newSecret).not.toBe(old.secret);

    const missingCurrent = await post(cookie, { intent: "confirm", code: codeAt(newSecret) });
    expect(missingCurrent.status).toBe(400);
    expect((await missingCurrent.json()).errors.currentCode).toBe("Escribe un código de tu aplicación anterior o uno de tus códigos de recuperación.");
    const wrongCurrent = await post(cookie, { intent: "confirm", code: codeAt(newSecret), currentCode: "000000" });
    expect(wrongCurrent.status).toBe(400);
    expect((await wrongCurrent.json()).errors.currentCode).toBe("Ese código no es válido o ya se usó.");

    const moved = await post(cookie, { intent: "confirm", code: codeAt(newSecret), currentCode: old.recoveryCodes[0]! });
    expect(moved.status).toBe(200);
    expect((await listAuditForTarget("user", difoca.id))[0]).toMatchObject({ action: "user.mfa_device_changed" });
  });

  test("bad input gets Spanish messages, never a 500", async () => {
    const member = await createMember();
    const cookie = await sessionCookieFor(member.id);
    const unknown = await post(cookie, { intent: "borrar-todo" });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors.intent).toBe("La acción no es válida.");
    const expired = await post(cookie, { intent: "confirm", code: "123456" });
    expect(expired.status).toBe(400);
    expect((await expired.json()).errors.form).toBe("La configuración venció. Vuelve a empezar: te mostraremos un código QR nuevo.");
    const huge = await post(cookie, { intent: "confirm", code: "9".repeat(10_000) });
    expect(huge.status).toBe(400);
  });
});
