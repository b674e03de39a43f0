import { describe, expect, test } from "vitest";
import { getIgedByName } from "~/models/iged.server";
import { changePracticeStage } from "~/models/practice.server";
import { getTransfer, listTransfers } from "~/models/transfer.server";
import { action, loader } from "~/routes/transferencias.nueva";
import { createMember } from "../../tests/factories/members";
import { publishedPractice } from "../../tests/factories/practices";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

const REASON = "Tenemos el mismo problema de escuelas expuestas a huaicos y queremos brigadas escolares como las suyas.";
const CONTEXT = "Quince instituciones educativas de la provincia de Huaraz, en zonas altoandinas con riesgo de aluviones.";

async function advancedPractice(sharedWith: string[] = []) {
  const otherIgedIds = [];
  for (const name of sharedWith) otherIgedIds.push((await getIgedByName(name))!.id);
  const { practice, gestor, difoca } = await publishedPractice({ otherIgedIds });
  expect(await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "avanzado", note: "Consolidada." })).toBe(true);
  return { practice, team: gestor, difoca };
}

const load = async (search: string, userId?: number) =>
  respond(async () => loader({ request: getRequest(`/transferencias/nueva${search}`, userId ? await sessionCookieFor(userId) : undefined), params: {}, context }));

const post = async (fields: Record<string, string>, userId: number, search = "") =>
  respond(async () => action({ request: formRequest(`/transferencias/nueva${search}`, fields, await sessionCookieFor(userId)), params: {}, context }));

const fields = (practiceId: number, overrides: Record<string, string> = {}) => ({ practiceId: String(practiceId), reason: REASON, context: CONTEXT, ...overrides });

describe("/transferencias/nueva", () => {
  test("a gestor of another region requests an advanced practice for their IGED and lands on the transfer", async () => {
    const { practice } = await advancedPractice();
    const gestor = await createMember({ role: "gestor", iged: "UGEL Huaraz" });

    const page = await load(`?practica=${practice.slug}`, gestor.id);
    expect(page.status).toBe(200);
    const data = await page.json();
    expect(data.practice).toMatchObject({ id: practice.id, title: practice.title, regionName: "Ica", leadIgedName: "UGEL Nasca", stageLabel: "Avanzado", advanced: true });
    expect(data.receiving).toEqual({ kind: "own", igedName: "UGEL Huaraz", regionName: "Áncash", isOwnPractice: false });

    // A gestor cannot pick another IGED: a posted one is ignored.
    const other = await getIgedByName("DRE Pasco");
    const response = await post(fields(practice.id, { igedId: String(other!.id) }), gestor.id, `?practica=${practice.slug}`);
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toMatch(/^cop_aviso=/);
    const { items } = await listTransfers({ practiceId: practice.id });
    expect(items).toHaveLength(1);
    expect(response.headers.get("Location")).toBe(`/transferencias/${items[0]!.id}`);
    const transfer = await getTransfer(items[0]!.id);
    expect(transfer).toMatchObject({ receivingIgedName: "UGEL Huaraz", receivingRegionName: "Áncash", status: "pendiente", stage: "solicitud", reason: REASON, context: CONTEXT });
    expect(transfer!.requestedBy.id).toBe(gestor.id);
  });

  test("a practice at the stage inicial: the page explains it and the request is refused with a 400", async () => {
    const { practice } = await publishedPractice();
    const gestor = await createMember({ role: "gestor", iged: "UGEL Huaraz" });
    const page = await (await load(`?practica=${practice.slug}`, gestor.id)).json();
    expect(page.practice).toMatchObject({ advanced: false, stageLabel: "Inicial" });

    const response = await post(fields(practice.id), gestor.id);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors.form).toBe("Solo se puede solicitar la transferencia de prácticas en estadio avanzado.");
    expect(body.values).toMatchObject({ reason: REASON, context: CONTEXT });
    expect((await listTransfers({ practiceId: practice.id })).total).toBe(0);
  });

  test("a gestor of the IGED that leads or shares the practice is told and refused", async () => {
    const { practice } = await advancedPractice(["UGEL Yauli"]);
    const lead = await createMember({ role: "gestor", iged: "UGEL Nasca" });
    const sharing = await createMember({ role: "gestor", iged: "UGEL Yauli" });
    const page = await (await load(`?practica=${practice.slug}`, sharing.id)).json();
    expect(page.receiving).toMatchObject({ kind: "own", igedName: "UGEL Yauli", isOwnPractice: true });

    for (const member of [lead, sharing]) {
      const response = await post(fields(practice.id), member.id);
      expect(response.status).toBe(400);
      expect((await response.json()).errors.form).toBe("Una IGED no puede solicitar la transferencia de su propia práctica.");
    }
    expect((await listTransfers({ practiceId: practice.id })).total).toBe(0);
  });

  test("a second request of the same IGED while one is open is refused", async () => {
    const { practice } = await advancedPractice();
    const first = await createMember({ role: "gestor", iged: "DRE Junín" });
    const second = await createMember({ role: "gestor", iged: "DRE Junín" });
    expect((await post(fields(practice.id), first.id)).status).toBe(302);
    const response = await post(fields(practice.id), second.id);
    expect(response.status).toBe(400);
    expect((await response.json()).errors.form).toBe("Ya hay una transferencia abierta de esta práctica a esa IGED.");
  });

  test("short answers come back with messages next to the fields and what was typed", async () => {
    const { practice } = await advancedPractice();
    const gestor = await createMember({ role: "gestor", iged: "UGEL Huaraz" });
    const response = await post(fields(practice.id, { reason: "Nos gusta.", context: "" }), gestor.id);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors.reason).toMatch(/al menos 20 caracteres/);
    expect(body.errors.context).toBe("Escribe para qué contexto la quieren adoptar.");
    expect(body.values.reason).toBe("Nos gusta.");
  });

  test("DIFOCA picks the receiving IGED from the list (the practice's own IGEDs are left out)", async () => {
    const { practice, difoca } = await advancedPractice();
    const data = await (await load(`?practica=${practice.slug}`, difoca.id)).json();
    expect(data.receiving).toEqual({ kind: "choose" });
    const names = data.igeds.map((i: { name: string }) => i.name);
    expect(names).toContain("UGEL Yauli");
    expect(names).not.toContain("UGEL Nasca");

    const missing = await post(fields(practice.id), difoca.id);
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors.igedId).toBe("Elige la IGED que adoptará la práctica.");
    const yauli = await getIgedByName("UGEL Yauli");
    const contact = await createMember({ role: "gestor", iged: "UGEL Yauli" });
    const response = await post(fields(practice.id, { igedId: String(yauli!.id), contactEmail: contact.email }), difoca.id);
    expect(response.status).toBe(302);
    expect((await listTransfers({ practiceId: practice.id })).items[0]).toMatchObject({ receivingIgedName: "UGEL Yauli" });
  });

  test("DIFOCA names the responsible person in the receiving IGED, who becomes its participant instead of DIFOCA", async () => {
    const { practice, team, difoca } = await advancedPractice();
    const yauli = String((await getIgedByName("UGEL Yauli"))!.id);

    const noContact = await post(fields(practice.id, { igedId: yauli }), difoca.id);
    expect(noContact.status).toBe(400);
    expect((await noContact.json()).errors.contactEmail).toBe("Escribe el correo de la persona responsable en la IGED receptora.");
    const unknown = await post(fields(practice.id, { igedId: yauli, contactEmail: "nadie@ejemplo.pe" }), difoca.id);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors.contactEmail).toBe("No encontramos un miembro activo con ese correo.");
    const elsewhere = await createMember({ role: "gestor", iged: "UGEL Huaraz" });
    const wrongIged = await post(fields(practice.id, { igedId: yauli, contactEmail: elsewhere.email }), difoca.id);
    expect(wrongIged.status).toBe(400);
    const body = await wrongIged.json();
    expect(body.errors.contactEmail).toBe("La persona responsable debe ser un miembro activo de la IGED receptora elegida.");
    expect(body.values.contactEmail).toBe(elsewhere.email);
    expect((await listTransfers({ practiceId: practice.id })).total).toBe(0);

    const contact = await createMember({ role: "gestor", iged: "UGEL Yauli" });
    const response = await post(fields(practice.id, { igedId: yauli, contactEmail: contact.email.toUpperCase() }), difoca.id);
    expect(response.status).toBe(302);
    const transfer = await getTransfer(Number(response.headers.get("Location")!.split("/").pop()));
    expect(transfer!.participants.map((p) => [p.userId, p.side]).sort()).toEqual([[contact.id, "receiving"], [team.id, "source"]].sort());
    expect(transfer!.participants.some((p) => p.userId === difoca.id)).toBe(false);
  });

  test("a gestor without an IGED is told why they cannot request", async () => {
    const { practice } = await advancedPractice();
    const gestor = await createMember({ role: "gestor", iged: null });
    const data = await (await load(`?practica=${practice.slug}`, gestor.id)).json();
    expect(data.receiving).toEqual({ kind: "none" });
    const response = await post(fields(practice.id), gestor.id);
    expect(response.status).toBe(400);
    expect((await response.json()).errors.form).toMatch(/no tiene una IGED registrada/);
  });

  test("without ?practica, the page offers the advanced published practices only", async () => {
    const { practice } = await advancedPractice();
    const { practice: initial } = await publishedPractice();
    const gestor = await createMember({ role: "gestor", iged: "UGEL Huaraz" });
    const data = await (await load("", gestor.id)).json();
    const slugs = data.practices.map((p: { slug: string }) => p.slug);
    expect(slugs).toContain(practice.slug);
    expect(slugs).not.toContain(initial.slug);
    expect(data.practice).toBeNull();
  });

  test("an unknown practice is a 404; a visitor is sent to sign in; an expert may not request", async () => {
    const gestor = await createMember({ role: "gestor", iged: "UGEL Huaraz" });
    expect((await load("?practica=no-existe", gestor.id)).status).toBe(404);

    const visitor = await load("?practica=algo");
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toBe(`/ingresar?redirectTo=${encodeURIComponent("/transferencias/nueva?practica=algo")}`);

    const expert = await createMember({ role: "experto", iged: null });
    expect((await load("", expert.id)).status).toBe(403);
    const { practice } = await advancedPractice();
    expect((await post(fields(practice.id), expert.id)).status).toBe(403);
  });
});
