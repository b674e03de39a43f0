import { describe, expect, test } from "vitest";
import { getBadge, listMemberBadges } from "~/models/badge.server";
import { listNotifications } from "~/models/notification.server";
import { awardPoints } from "~/models/points.server";
import { action as badgeAction, loader as badgeLoader } from "~/routes/admin.insignias.$id";
import { action as indexAction, loader as indexLoader } from "~/routes/admin.insignias._index";
import { action as verifyAction, loader as verifyLoader } from "~/routes/credenciales.$id._index";
import { loader as downloadLoader } from "~/routes/credenciales.$id[.]json";
import { loader as catalogLoader } from "~/routes/insignias._index";
import { loader as badgePageLoader } from "~/routes/insignias.$slug._index";
import { loader as imageLoader } from "~/routes/insignias.$slug.imagen[.]svg";
import { createMember } from "../../tests/factories/members";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

async function asDifoca() {
  const difoca = await createMember({ role: "difoca", iged: null, name: "Especialista de Insignias" });
  return { difoca, cookie: await sessionCookieFor(difoca.id) };
}

let serial = 0;
const badgeFields = (overrides: Record<string, string> = {}) => ({
  name: `Asistente al taller ${++serial}`,
  description: "Reconoce a quienes asistieron al taller de planificación.",
  criteria: "Asistir al taller completo de planificación.",
  level: "plata",
  kind: "manual",
  ...overrides,
});

async function createViaRoute(cookie: string, fields: Record<string, string>): Promise<number> {
  const response = await respond(() => indexAction({ request: formRequest("/admin/insignias", fields, cookie), params: {}, context }));
  expect(response.status).toBe(302);
  return Number(/\/admin\/insignias\/(\d+)$/.exec(response.headers.get("Location") ?? "")?.[1]);
}

const post = (id: number, fields: Record<string, string>, cookie: string) =>
  respond(() => badgeAction({ request: formRequest(`/admin/insignias/${id}`, fields, cookie), params: { id: String(id) }, context }));

describe("/admin/insignias", () => {
  test("a gestor and an expert get 403 on every page and action", async () => {
    const { cookie: difocaCookie } = await asDifoca();
    const badgeId = await createViaRoute(difocaCookie, badgeFields());
    for (const role of ["gestor", "experto"] as const) {
      const someone = await createMember({ role, iged: role === "gestor" ? undefined : null });
      const cookie = await sessionCookieFor(someone.id);
      expect((await respond(() => indexLoader({ request: getRequest("/admin/insignias", cookie), params: {}, context }))).status).toBe(403);
      expect((await respond(() => indexAction({ request: formRequest("/admin/insignias", badgeFields(), cookie), params: {}, context }))).status).toBe(403);
      expect((await respond(() => badgeLoader({ request: getRequest(`/admin/insignias/${badgeId}`, cookie), params: { id: String(badgeId) }, context }))).status).toBe(403);
      expect((await post(badgeId, { intent: "award", email: someone.email, reason: "Me la doy" }, cookie)).status).toBe(403);
      expect(await listMemberBadges(someone.id)).toHaveLength(0);
    }
    const anonymous = await respond(() => indexLoader({ request: getRequest("/admin/insignias"), params: {}, context }));
    expect(anonymous.status).toBe(302);
  });

  test("bad input is a 400 with Spanish messages next to each field, keeping what was typed", async () => {
    const { cookie } = await asDifoca();
    const empty = await respond(() => indexAction({ request: formRequest("/admin/insignias", { name: "", description: "corta", criteria: "", level: "diamante", kind: "automatica", action: "", threshold: "cero" }, cookie), params: {}, context }));
    expect(empty.status).toBe(400);
    const body = await empty.json();
    expect(body.errors).toMatchObject({
      name: "Escribe el nombre de la insignia.",
      description: "La descripción debe tener al menos 10 caracteres.",
      criteria: "Escribe los criterios en lenguaje sencillo.",
      level: "Elige un nivel: bronce, plata u oro.",
    });
    expect(body.values.description).toBe("corta");

    const noRule = await respond(() => indexAction({ request: formRequest("/admin/insignias", badgeFields({ kind: "automatica", action: "", threshold: "0" }), cookie), params: {}, context }));
    expect(noRule.status).toBe(400);
    expect((await noRule.json()).errors).toMatchObject({ action: "Elige la acción que cuenta la regla.", threshold: "Escribe cuántas veces (un número entero de 1 a 10 000)." });

    const selfReferential = await respond(() => indexAction({ request: formRequest("/admin/insignias", badgeFields({ kind: "automatica", action: "badge_awarded", threshold: "2" }), cookie), params: {}, context }));
    expect(selfReferential.status).toBe(400);
    expect((await selfReferential.json()).errors.action).toBe("Elige una acción de la lista.");

    const fields = badgeFields();
    await createViaRoute(cookie, fields);
    const duplicate = await respond(() => indexAction({ request: formRequest("/admin/insignias", { ...fields, name: fields.name.toUpperCase() }, cookie), params: {}, context }));
    expect(duplicate.status).toBe(400);
    expect((await duplicate.json()).errors.name).toBe("Ya existe una insignia con ese nombre.");

    const badgeId = await createViaRoute(cookie, badgeFields());
    const badEmail = await post(badgeId, { intent: "award", email: "no-es-correo", reason: "" }, cookie);
    expect(badEmail.status).toBe(400);
    expect((await badEmail.json()).errors).toMatchObject({ email: "Escribe un correo válido, por ejemplo nombre@ugel.gob.pe.", reason: "Escribe el motivo." });
    const unknown = await post(badgeId, { intent: "award", email: "nadie@ejemplo.pe", reason: "Asistió" }, cookie);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors.email).toBe("No hay ninguna cuenta con ese correo.");
    const badIntent = await post(badgeId, { intent: "borrar" }, cookie);
    expect(badIntent.status).toBe(400);
    expect((await badIntent.json()).errors.intent).toBe("La acción no es válida.");
    const noReason = await post(badgeId, { intent: "revoke", awardId: "1", reason: "" }, cookie);
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).errors.reason).toBe("Escribe el motivo de la revocación.");
  });

  test("DIFOCA creates an automatic badge, previews it and enables it over past activity", async () => {
    const { cookie } = await asDifoca();
    const qualifies = await createMember({ name: "Zoila Previa Cumple" });
    const notYet = await createMember({ name: "Zenón Previa Aún No" });
    for (let i = 0; i < 2; i++) {
      await awardPoints({ userId: qualifies.id, action: "transfer_completed_receiver", subjectType: "test", subjectId: i, key: `route-preview:${qualifies.id}:${i}` });
    }
    await awardPoints({ userId: notYet.id, action: "transfer_completed_receiver", subjectType: "test", subjectId: 9, key: `route-preview:${notYet.id}` });

    const badgeId = await createViaRoute(cookie, badgeFields({ kind: "automatica", action: "transfer_completed_receiver", threshold: "2", level: "oro" }));
    expect((await getBadge(badgeId))?.enabled).toBe(false);
    const page = await respond(() => badgeLoader({ request: getRequest(`/admin/insignias/${badgeId}`, cookie), params: { id: String(badgeId) }, context }));
    const { preview } = await page.json();
    expect(preview.count).toBe(1);
    expect(preview.members.map((m: { name: string }) => m.name)).toEqual(["Zoila Previa Cumple"]);

    const typed = await post(badgeId, { intent: "preview", action: "transfer_completed_receiver", threshold: "1" }, cookie);
    expect(typed.status).toBe(200);
    expect((await typed.json()).preview.count).toBe(2);
    expect((await getBadge(badgeId))?.rule?.threshold).toBe(2);

    const enabled = await post(badgeId, { intent: "enable" }, cookie);
    expect(enabled.status).toBe(302);
    expect(await listMemberBadges(qualifies.id)).toHaveLength(1);
    expect(await listMemberBadges(notYet.id)).toHaveLength(0);

    const locked = await post(badgeId, { intent: "save", ...badgeFields({ level: "oro" }), action: "transfer_completed_receiver", threshold: "1" }, cookie);
    expect(locked.status).toBe(400);
    expect((await locked.json()).errors.threshold).toMatch(/^Desactiva la insignia antes de cambiar su regla/);
  });

  test("awarding to many by email with a reason: unknown emails stop it, repeating it gives nothing new", async () => {
    const { cookie } = await asDifoca();
    const badgeId = await createViaRoute(cookie, badgeFields());
    const a = await createMember();
    const b = await createMember();

    const withUnknown = await post(badgeId, { intent: "award_many", emails: `${a.email}\nnadie.aqui@ejemplo.pe`, reason: "Asistieron al taller" }, cookie);
    expect(withUnknown.status).toBe(400);
    expect((await withUnknown.json()).errors.emails).toMatch(/nadie\.aqui@ejemplo\.pe.*no se otorgó a nadie/);
    expect(await listMemberBadges(a.id)).toHaveLength(0);

    const ok = await post(badgeId, { intent: "award_many", emails: `${a.email}\n${b.email.toUpperCase()}, ${a.email}`, reason: "Asistieron al taller" }, cookie);
    expect(ok.status).toBe(302);
    const again = await post(badgeId, { intent: "award_many", emails: `${a.email}\n${b.email}`, reason: "Asistieron al taller" }, cookie);
    expect(again.status).toBe(302);
    for (const member of [a, b]) {
      const badges = await listMemberBadges(member.id);
      expect(badges).toHaveLength(1);
      expect(badges[0]!.reason).toBe("Asistieron al taller");
      expect((await listNotifications(member.id)).filter((n) => n.type === "badge_awarded")).toHaveLength(1);
    }
  });

  test("a credential downloads, verifies, and says 'revocada' once revoked", async () => {
    const { cookie, difoca } = await asDifoca();
    const badgeId = await createViaRoute(cookie, badgeFields());
    const member = await createMember({ name: "Rayda Prueba Credencial" });
    expect((await post(badgeId, { intent: "award", email: member.email, reason: "Ponente del intercambio", evidenceUrl: "https://www.gob.pe/minedu" }, cookie)).status).toBe(302);
    const [award] = await listMemberBadges(member.id);
    const id = award!.credentialId;

    const download = await respond(() => downloadLoader({ request: getRequest(`/credenciales/${id}.json`), params: { id }, context }));
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment; filename="insignia-.+\.json"$/);
    const file = await download.json();
    expect(file.credential.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(file.credential.evidence[0]).toMatchObject({ narrative: "Ponente del intercambio", id: "https://www.gob.pe/minedu" });

    const page = await respond(() => verifyLoader({ request: getRequest(`/credenciales/${id}`), params: { id }, context }));
    const before = (await page.json()).credential;
    expect(before).toMatchObject({ valid: true, revoked: false, statusLabel: "Válida", signatureValid: true, recipient: { name: "Rayda Prueba Credencial" } });

    const pasted = await respond(() => verifyAction({ request: formRequest(`/credenciales/${id}`, { jwt: file.jwt }), params: { id }, context }));
    expect((await pasted.json()).result).toMatchObject({ valid: true, details: { isThisCredential: true } });
    const [h, p, s] = (file.jwt as string).split(".");
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, "base64url").toString()), name: "Referente" })).toString("base64url")}.${s}`;
    const tampered = await respond(() => verifyAction({ request: formRequest(`/credenciales/${id}`, { jwt: forged }), params: { id }, context }));
    expect((await tampered.json()).result).toMatchObject({ valid: false, message: expect.stringMatching(/alterada/) });
    const empty = await respond(() => verifyAction({ request: formRequest(`/credenciales/${id}`, { jwt: "" }), params: { id }, context }));
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors.jwt).toBe("Pega el texto de la credencial (JWT).");

    const revoke = await post(badgeId, { intent: "revoke", awardId: String(award!.awardId), reason: "Se registró por error" }, cookie);
    expect(revoke.status).toBe(302);
    const after = (await (await respond(() => verifyLoader({ request: getRequest(`/credenciales/${id}`), params: { id }, context }))).json()).credential;
    expect(after).toMatchObject({ valid: false, revoked: true, statusLabel: "Revocada" });
    expect(after.revocation).toMatch(new RegExp(`^Revocada el .+ por ${difoca.name}: Se registró por error\\.$`));
    const pastedAfter = await respond(() => verifyAction({ request: formRequest(`/credenciales/${id}`, { jwt: file.jwt }), params: { id }, context }));
    expect((await pastedAfter.json()).result).toMatchObject({ valid: false, message: expect.stringMatching(/revocada/) });
    expect((await respond(() => downloadLoader({ request: getRequest(`/credenciales/${id}.json`), params: { id }, context }))).status).toBe(410);
  });

  test("the catalog, a badge's page and its image are public; a badge being prepared is not", async () => {
    const { cookie } = await asDifoca();
    const manualId = await createViaRoute(cookie, badgeFields({ name: `<script>alert(1)</script> Insignia ${++serial}` }));
    const draftId = await createViaRoute(cookie, badgeFields({ kind: "automatica", action: "comment", threshold: "50" }));
    const manual = (await getBadge(manualId))!;
    const draft = (await getBadge(draftId))!;

    const catalog = await (await respond(() => catalogLoader({ request: getRequest("/insignias"), params: {}, context }))).json();
    const slugs = catalog.badges.map((b: { slug: string }) => b.slug);
    expect(slugs).toContain(manual.slug);
    expect(slugs).not.toContain(draft.slug);

    expect((await respond(() => badgePageLoader({ request: getRequest(`/insignias/${manual.slug}`), params: { slug: manual.slug }, context }))).status).toBe(200);
    expect((await respond(() => badgePageLoader({ request: getRequest(`/insignias/${draft.slug}`), params: { slug: draft.slug }, context }))).status).toBe(404);
    expect((await respond(() => badgePageLoader({ request: getRequest(`/insignias/${draft.slug}`, cookie), params: { slug: draft.slug }, context }))).status).toBe(200);

    const image = await respond(() => imageLoader({ request: getRequest(`/insignias/${manual.slug}/imagen.svg`), params: { slug: manual.slug }, context }));
    expect(image.headers.get("Content-Type")).toBe("image/svg+xml; charset=utf-8");
    expect(image.headers.get("Cache-Control")).toMatch(/^public, max-age=3600/);
    const svg = await image.text();
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
    const etag = image.headers.get("ETag")!;
    const cached = await respond(() => imageLoader({ request: new Request(`http://localhost:3000/insignias/${manual.slug}/imagen.svg`, { headers: { "If-None-Match": etag } }), params: { slug: manual.slug }, context }));
    expect(cached.status).toBe(304);
  });
});
