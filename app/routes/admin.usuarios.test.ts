import { describe, expect, test } from "vitest";
import { listAuditForTarget } from "~/models/audit.server";
import { getMfaStatus } from "~/models/mfa.server";
import { countSessions } from "~/models/session.server";
import { getMember } from "~/models/user.server";
import { action, loader } from "~/routes/admin.usuarios";
import { getUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { hashChallengeToken } from "~/utils/totp.server";
import { createMember } from "../../tests/factories/members";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";
import { enableMfaFor } from "../../tests/support/mfa";

async function asDifoca() {
  const difoca = await createMember({ role: "difoca", iged: null, name: "Especialista DIFOCA de Prueba" });
  return { difoca, cookie: await sessionCookieFor(difoca.id) };
}

describe("/admin/usuarios", () => {
  test("finds members by name or email, ignoring capitals", async () => {
    const { cookie } = await asDifoca();
    await createMember({ name: "Rosa Huamaní Cárdenas", email: "rosa.huamani@ugel.pe" });
    const byName = await respond(() => loader({ request: getRequest("/admin/usuarios?q=huamaní", cookie), params: {}, context }));
    const byEmail = await respond(() => loader({ request: getRequest("/admin/usuarios?q=ROSA.HUAMANI", cookie), params: {}, context }));
    expect((await byName.json()).members.map((m: { name: string }) => m.name)).toEqual(["Rosa Huamaní Cárdenas"]);
    expect((await byEmail.json()).total).toBe(1);
  });

  test("a gestor and an expert get 403 on the page and on its actions", async () => {
    for (const role of ["gestor", "experto"] as const) {
      const someone = await createMember({ role, iged: role === "gestor" ? undefined : null });
      const target = await createMember();
      const cookie = await sessionCookieFor(someone.id);
      expect((await respond(() => loader({ request: getRequest("/admin/usuarios", cookie), params: {}, context }))).status).toBe(403);
      const post = formRequest("/admin/usuarios", { intent: "role", memberId: String(target.id), role: "difoca" }, cookie);
      expect((await respond(() => action({ request: post, params: {}, context }))).status).toBe(403);
      expect((await getMember(target.id))?.role).toBe("gestor");
    }
  });

  test("changes a role and keeps who did it", async () => {
    const { difoca, cookie } = await asDifoca();
    const target = await createMember();
    const response = await respond(() =>
      action({ request: formRequest("/admin/usuarios", { intent: "role", memberId: String(target.id), role: "experto", redirectTo: "/admin/usuarios?q=x" }, cookie), params: {}, context }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin/usuarios?q=x");
    expect((await getMember(target.id))?.role).toBe("experto");
    const [entry] = await listAuditForTarget("user", target.id);
    expect(entry).toMatchObject({ action: "user.role_changed", actorId: difoca.id, details: { from: "gestor", to: "experto" } });
  });

  test("deactivation needs a reason, ends the member's sessions and can be undone", async () => {
    const { cookie } = await asDifoca();
    const target = await createMember();
    const targetCookie = await sessionCookieFor(target.id);

    const noReason = await respond(() =>
      action({ request: formRequest("/admin/usuarios", { intent: "deactivate", memberId: String(target.id), reason: "" }, cookie), params: {}, context }),
    );
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).errors.reason).toBe("Escribe el motivo de la desactivación.");

    await respond(() =>
      action({ request: formRequest("/admin/usuarios", { intent: "deactivate", memberId: String(target.id), reason: "Cambió de institución" }, cookie), params: {}, context }),
    );
    expect((await getMember(target.id))?.active).toBe(false);
    expect(await getUser(getRequest("/", targetCookie))).toBeNull();

    await respond(() => action({ request: formRequest("/admin/usuarios", { intent: "reactivate", memberId: String(target.id) }, cookie), params: {}, context }));
    expect((await getMember(target.id))?.active).toBe(true);
  });

  test("a specialist cannot demote or deactivate themselves", async () => {
    const { difoca, cookie } = await asDifoca();
    const response = await respond(() =>
      action({ request: formRequest("/admin/usuarios", { intent: "role", memberId: String(difoca.id), role: "gestor" }, cookie), params: {}, context }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors.form).toMatch(/^No puedes cambiar tu propio rol/);
    expect((await getMember(difoca.id))?.role).toBe("difoca");
  });

  test("unknown roles and intents are a 400 with a Spanish message", async () => {
    const { cookie } = await asDifoca();
    const target = await createMember();
    const badRole = await respond(() =>
      action({ request: formRequest("/admin/usuarios", { intent: "role", memberId: String(target.id), role: "admin" }, cookie), params: {}, context }),
    );
    expect(badRole.status).toBe(400);
    expect((await badRole.json()).errors.role).toBe("Elige un rol de la lista.");
    const badIntent = await respond(() => action({ request: formRequest("/admin/usuarios", { intent: "borrar" }, cookie), params: {}, context }));
    expect(badIntent.status).toBe(400);
    expect((await badIntent.json()).errors.intent).toBe("La acción no es válida.");
  });
});

describe("multi-factor sign-in on /admin/usuarios", () => {
  test("becoming DIFOCA ends every session of the member, so the next sign-in goes through the MFA setup", async () => {
    const { cookie } = await asDifoca();
    const target = await createMember();
    const targetCookie = await sessionCookieFor(target.id);
    const toExpert = await respond(() =>
      action({ request: formRequest("/admin/usuarios", { intent: "role", memberId: String(target.id), role: "experto" }, cookie), params: {}, context }),
    );
    expect(toExpert.status).toBe(302);
    // Other role changes keep the member signed in...
    expect((await getUser(getRequest("/", targetCookie)))?.role).toBe("experto");

    await respond(() =>
      action({ request: formRequest("/admin/usuarios", { intent: "role", memberId: String(target.id), role: "difoca" }, cookie), params: {}, context }),
    );
    // ...becoming DIFOCA does not.
    expect(await getUser(getRequest("/", targetCookie))).toBeNull();
    expect(await countSessions(target.id)).toBe(0);
    const [entry] = await listAuditForTarget("user", target.id);
    expect(entry).toMatchObject({ action: "user.role_changed", details: { from: "experto", to: "difoca", sessionsEnded: true } });
  });

  test("the list says who has MFA on", async () => {
    const { cookie } = await asDifoca();
    const withMfa = await createMember({ name: "Gestora Con Verificación" });
    await enableMfaFor(withMfa.id);
    const response = await respond(() => loader({ request: getRequest("/admin/usuarios?q=con%20verificaci", cookie), params: {}, context }));
    expect((await response.json()).members).toEqual([expect.objectContaining({ id: withMfa.id, mfa: true })]);
  });

  test("a specialist resets a member's MFA with a reason: audited, and the member is signed out everywhere", async () => {
    const { difoca, cookie } = await asDifoca();
    const target = await createMember();
    await enableMfaFor(target.id);
    const targetCookie = await sessionCookieFor(target.id);

    const noReason = await respond(() =>
      action({ request: formRequest("/admin/usuarios", { intent: "reset_mfa", memberId: String(target.id), reason: " " }, cookie), params: {}, context }),
    );
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).errors.reason).toBe("Escribe el motivo del restablecimiento.");
    expect((await getMfaStatus(target.id)).enabled).toBe(true);

    const response = await respond(() =>
      action({
        request: formRequest("/admin/usuarios", { intent: "reset_mfa", memberId: String(target.id), reason: "Perdió su teléfono", redirectTo: "/admin/usuarios?q=a" }, cookie),
        params: {},
        context,
      }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin/usuarios?q=a");
    expect(await getMfaStatus(target.id)).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0 });
    expect(await getUser(getRequest("/", targetCookie))).toBeNull();
    const [entry] = await listAuditForTarget("user", target.id);
    expect(entry).toMatchObject({ action: "user.mfa_reset", actorId: difoca.id, details: { reason: "Perdió su teléfono" } });

    const again = await respond(() =>
      action({ request: formRequest("/admin/usuarios", { intent: "reset_mfa", memberId: String(target.id), reason: "Otra vez" }, cookie), params: {}, context }),
    );
    expect(again.status).toBe(400);
    expect((await again.json()).errors.form).toBe("Esa cuenta no tiene la verificación en dos pasos activa.");
  });

  test("a gestor cannot reset anyone's MFA, and a specialist cannot reset their own", async () => {
    const { difoca, cookie } = await asDifoca();
    await enableMfaFor(difoca.id);
    const gestor = await createMember();
    const gestorCookie = await sessionCookieFor(gestor.id);
    const byGestor = await respond(() =>
      action({ request: formRequest("/admin/usuarios", { intent: "reset_mfa", memberId: String(difoca.id), reason: "Quiero entrar" }, gestorCookie), params: {}, context }),
    );
    expect(byGestor.status).toBe(403);
    const own = await respond(() =>
      action({ request: formRequest("/admin/usuarios", { intent: "reset_mfa", memberId: String(difoca.id), reason: "Perdí mi teléfono" }, cookie), params: {}, context }),
    );
    expect(own.status).toBe(400);
    expect((await own.json()).errors.form).toBe("No puedes restablecer tu propia verificación. Pídeselo a otra persona de DIFOCA.");
    expect((await getMfaStatus(difoca.id)).enabled).toBe(true);
  });
});

describe("password reset links from /admin/usuarios", () => {
  const issue = (cookie: string, fields: Record<string, string>) =>
    respond(() => action({ request: formRequest("/admin/usuarios", { intent: "reset_password", ...fields }, cookie), params: {}, context }));

  test("a specialist issues a one-time link with a reason: shown once, only its hash kept, audited, valid 24 hours", async () => {
    const { difoca, cookie } = await asDifoca();
    const member = await createMember({ name: "Carmen Rojas Vilca" });
    const response = await issue(cookie, { memberId: String(member.id), reason: "Lo pidió por oficio de la UGEL Cusco" });
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const { resetLink } = await response.json();
    expect(resetLink).toMatchObject({ memberName: "Carmen Rojas Vilca", url: expect.stringMatching(/^http:\/\/localhost:3000\/restablecer\/[A-Za-z0-9_-]{43}$/) });
    const token = resetLink.url.split("/").pop();

    const rows = await getDb().selectFrom("passwordResets").selectAll().where("userId", "=", member.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tokenHash: hashChallengeToken(token), issuedBy: difoca.id, usedAt: null });
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(Date.parse(rows[0]!.expiresAt) - Date.parse(rows[0]!.createdAt)).toBe(24 * 3600_000);
    const [entry] = await listAuditForTarget("user", member.id);
    expect(entry).toMatchObject({ action: "user.password_reset_issued", actorId: difoca.id, details: { reason: "Lo pidió por oficio de la UGEL Cusco" } });
    expect(JSON.stringify(entry)).not.toContain(token);

    // The page lists members, never the link again.
    const page = await respond(() => loader({ request: getRequest("/admin/usuarios", cookie), params: {}, context }));
    expect(await page.text()).not.toContain(token);
  });

  test("a gestor or an expert cannot issue a link, and nothing is stored", async () => {
    const target = await createMember();
    for (const role of ["gestor", "experto"] as const) {
      const someone = await createMember({ role, iged: role === "gestor" ? undefined : null });
      const response = await issue(await sessionCookieFor(someone.id), { memberId: String(target.id), reason: "Quiero entrar a su cuenta" });
      expect(response.status).toBe(403);
    }
    expect(await getDb().selectFrom("passwordResets").select("tokenHash").where("userId", "=", target.id).execute()).toEqual([]);
  });

  test("no link for one's own account, for a deactivated account, for nobody, or without a reason", async () => {
    const { difoca, cookie } = await asDifoca();
    const inactive = await createMember();
    const { deactivateMember } = await import("~/models/user.server");
    await deactivateMember({ memberId: inactive.id, actorId: difoca.id, reason: "Dejó la UGEL" });
    const member = await createMember();
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ memberId: String(difoca.id), reason: "Olvidé mi contraseña" }, { form: "No puedes crear un enlace para tu propia cuenta. Pídeselo a otra persona de DIFOCA." }],
      [{ memberId: String(inactive.id), reason: "Lo pidió por teléfono" }, { form: "Esa cuenta está desactivada. Reactívala antes de crear un enlace." }],
      [{ memberId: "999999", reason: "Lo pidió por teléfono" }, { form: "Ese miembro no existe." }],
      [{ memberId: String(member.id), reason: "  " }, { reason: "Escribe el motivo: por ejemplo, quién lo pidió y por qué canal." }],
      [{ memberId: "abc", reason: "Lo pidió" }, { memberId: "Elige un miembro de la lista." }],
    ];
    for (const [fields, errors] of cases) {
      const response = await issue(cookie, fields);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect((await response.json()).errors).toMatchObject(errors);
    }
    const stored = await getDb().selectFrom("passwordResets").select("userId").where("userId", "in", [difoca.id, inactive.id, member.id]).execute();
    expect(stored).toEqual([]);
  });

  test("a newer link for the same member replaces the earlier one", async () => {
    const { cookie } = await asDifoca();
    const member = await createMember();
    const first = (await (await issue(cookie, { memberId: String(member.id), reason: "Primer pedido" })).json()).resetLink.url.split("/").pop();
    await issue(cookie, { memberId: String(member.id), reason: "El primer enlace se perdió" });
    const rows = await getDb().selectFrom("passwordResets").select(["tokenHash", "revokedAt"]).where("userId", "=", member.id).orderBy("createdAt").execute();
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.tokenHash === hashChallengeToken(first))?.revokedAt).not.toBeNull();
    expect(rows.filter((r) => r.revokedAt === null)).toHaveLength(1);
  });
});

describe("the last DIFOCA specialist", () => {
  test("cannot lose the role or be deactivated, and a name with % is found", async () => {
    const { getDb } = await import("~/utils/db.server");
    const { changeMemberRole, deactivateMember } = await import("~/models/user.server");
    // Leave exactly one active specialist in this test database.
    await getDb().updateTable("users").set({ active: 0 }).where("role", "=", "difoca").execute();
    const last = await createMember({ role: "difoca", iged: null });
    expect(await changeMemberRole({ memberId: last.id, role: "gestor", actorId: null })).toBe(false);
    expect(await deactivateMember({ memberId: last.id, actorId: null, reason: "Prueba" })).toBe(false);
    expect((await getMember(last.id))?.role).toBe("difoca");

    const cookie = await sessionCookieFor(last.id);
    await createMember({ name: "Rosa 100% Huamán" });
    const found = await respond(() => loader({ request: getRequest("/admin/usuarios?q=100%25", cookie), params: {}, context }));
    expect((await found.json()).members.map((m: { name: string }) => m.name)).toEqual(["Rosa 100% Huamán"]);
  });
});
