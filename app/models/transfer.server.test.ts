import { existsSync, readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { createBadge, enableAutomaticBadge, listBadges, listMemberBadges } from "~/models/badge.server";
import { getIgedByName } from "~/models/iged.server";
import { listNotifications } from "~/models/notification.server";
import { getMemberPoints } from "~/models/points.server";
import { changePracticeStage } from "~/models/practice.server";
import { currentYear, membersMeetingRequirement } from "~/models/tier.server";
import {
  addTransferParticipant,
  advanceTransfer,
  changeTransferStatus,
  countTransfersInYear,
  decideTransfer,
  getTransfer,
  listTransfers,
  listTransfersOfPractice,
  membersWithCompletedTransfer,
  removeTransferParticipant,
  requestTransfer,
  transferFlows,
  type TransferStage,
} from "~/models/transfer.server";
import { todayInLima } from "~/utils/dates";
import { ADVANCED_PRACTICE_REQUIREMENT } from "~/utils/tier-labels";
import { UPLOAD_ERRORS, uploadsDir } from "~/utils/uploads.server";
import { createMember } from "../../tests/factories/members";
import { publishedPractice } from "../../tests/factories/practices";

const REASON = "Queremos reducir la brecha lectora en nuestras escuelas rurales con una estrategia probada.";
const CONTEXT = "Doce instituciones educativas multigrado de la provincia, con docentes unidocentes y poca conectividad.";
const DAY = 24 * 3600_000;
const today = () => todayInLima();
const daysFromToday = (days: number) => todayInLima(new Date(Date.now() + days * DAY));

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
const storedFiles = () => (existsSync(uploadsDir()) ? readdirSync(uploadsDir()).sort() : []);

async function igedId(name: string): Promise<number> {
  const iged = await getIgedByName(name);
  if (!iged) throw new Error(`No existe la IGED ${name}`);
  return iged.id;
}

/** A published practice (led by UGEL Nasca unless told) that DIFOCA promoted to avanzado. */
async function advancedPractice(options: { lead?: string; sharedWith?: string[] } = {}) {
  const { practice, gestor, difoca } = await publishedPractice({
    leadIgedId: await igedId(options.lead ?? "UGEL Nasca"),
    otherIgedIds: await Promise.all((options.sharedWith ?? []).map(igedId)),
  });
  expect(await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "avanzado", note: "Consolidada y validada." })).toBe(true);
  return { practice, team: gestor, difoca };
}

async function request(practiceId: number, receivingIged: string, requester?: Awaited<ReturnType<typeof createMember>>) {
  const asker = requester ?? (await createMember({ role: "gestor", iged: receivingIged }));
  const result = await requestTransfer({ practiceId, requestedBy: asker.id, receivingIgedId: await igedId(receivingIged), reason: REASON, context: CONTEXT });
  return { result, asker };
}

/** A transfer DIFOCA accepted: en curso, at the stage solicitud. */
async function ongoingTransfer(receivingIged = "UGEL Huaraz") {
  const { practice, team, difoca } = await advancedPractice();
  const { result, asker } = await request(practice.id, receivingIged);
  if (!result.ok) throw new Error(result.reason);
  expect(await decideTransfer({ transferId: result.id, actorId: difoca.id, accept: true, reason: "" })).toEqual({ ok: true });
  return { id: result.id, practice, team, difoca, receiver: asker };
}

const move = (transferId: number, actorId: number, toStage: TransferStage, extra: Partial<Parameters<typeof advanceTransfer>[0]> = {}) =>
  advanceTransfer({ transferId, actorId, toStage, note: `Registro de la etapa ${toStage}.`, occurredOn: today(), ...extra });

describe("requesting a transfer", () => {
  test("a practice at the stage inicial cannot be requested", async () => {
    const { practice } = await publishedPractice();
    const { result } = await request(practice.id, "UGEL Huaraz");
    expect(result).toEqual({ ok: false, reason: "not_advanced" });
  });

  test("the IGED that leads the practice, or one that shares it, cannot request it", async () => {
    const { practice } = await advancedPractice({ sharedWith: ["UGEL Yauli"] });
    expect((await request(practice.id, "UGEL Nasca")).result).toEqual({ ok: false, reason: "own_iged" });
    expect((await request(practice.id, "UGEL Yauli")).result).toEqual({ ok: false, reason: "own_iged" });
    expect((await request(practice.id, "DRE Junín")).result.ok).toBe(true);
  });

  test("one open request per practice and receiving IGED; after DIFOCA declines it, the IGED may ask again", async () => {
    const { practice, difoca } = await advancedPractice();
    const first = await request(practice.id, "UGEL Huaraz");
    expect(first.result.ok).toBe(true);
    const colleague = await createMember({ role: "gestor", iged: "UGEL Huaraz" });
    expect((await request(practice.id, "UGEL Huaraz", colleague)).result).toEqual({ ok: false, reason: "already_open" });
    // Another IGED is not blocked by it.
    expect((await request(practice.id, "UGEL Yauli")).result.ok).toBe(true);

    if (!first.result.ok) throw new Error("unreachable");
    expect(await decideTransfer({ transferId: first.result.id, actorId: difoca.id, accept: false, reason: "Falta el acuerdo de la UGEL." })).toEqual({ ok: true });
    const declined = await getTransfer(first.result.id);
    expect(declined).toMatchObject({ status: "rechazada", statusReason: "Falta el acuerdo de la UGEL." });
    expect((await request(practice.id, "UGEL Huaraz", colleague)).result.ok).toBe(true);
  });

  test("the requester and the practice's team become the responsible people of each side; DIFOCA is told", async () => {
    const { practice, team, difoca } = await advancedPractice();
    const { result, asker } = await request(practice.id, "UGEL Huaraz");
    if (!result.ok) throw new Error(result.reason);
    const transfer = await getTransfer(result.id);
    expect(transfer).toMatchObject({ stage: "solicitud", status: "pendiente", reason: REASON, context: CONTEXT, sourceIgedName: "UGEL Nasca", receivingIgedName: "UGEL Huaraz" });
    expect(transfer!.participants.map((p) => [p.userId, p.side]).sort()).toEqual([[asker.id, "receiving"], [team.id, "source"]].sort());
    expect(transfer!.steps).toMatchObject([{ type: "requested", toStage: "solicitud", note: REASON, occurredOn: today() }]);
    const toDifoca = await listNotifications(difoca.id);
    expect(toDifoca.some((n) => n.link === `/transferencias/${result.id}` && n.title.includes("UGEL Huaraz"))).toBe(true);
  });
});

describe("DIFOCA requesting on behalf of an IGED", () => {
  test("names an active member of the receiving IGED, who becomes its responsible person; DIFOCA never is one", async () => {
    const { practice, team, difoca } = await advancedPractice();
    const huaraz = await igedId("UGEL Huaraz");
    const ask = (receivingContactId?: number) => requestTransfer({ practiceId: practice.id, requestedBy: difoca.id, receivingIgedId: huaraz, receivingContactId, reason: REASON, context: CONTEXT });
    expect(await ask()).toEqual({ ok: false, reason: "contact_required" });
    const elsewhere = await createMember({ role: "gestor", iged: "UGEL Yauli" });
    expect(await ask(elsewhere.id)).toEqual({ ok: false, reason: "not_receiving_member" });
    const otherDifoca = await createMember({ role: "difoca", iged: null });
    expect(await ask(otherDifoca.id)).toEqual({ ok: false, reason: "not_receiving_member" });

    const contact = await createMember({ role: "gestor", iged: "UGEL Huaraz" });
    const result = await ask(contact.id);
    if (!result.ok) throw new Error(result.reason);
    const transfer = await getTransfer(result.id);
    expect(transfer!.requestedBy.id).toBe(difoca.id);
    expect(transfer!.participants.map((p) => [p.userId, p.side]).sort()).toEqual([[contact.id, "receiving"], [team.id, "source"]].sort());
    // The contact is told of the request like every responsible person.
    expect((await listNotifications(contact.id)).some((n) => n.link === `/transferencias/${result.id}`)).toBe(true);
  });
});

describe("the responsible people", () => {
  test("each side holds only its own people; a responsible person manages only their side; DIFOCA manages both and is never added", async () => {
    const { practice, team, difoca } = await advancedPractice({ sharedWith: ["UGEL Yauli"] });
    const { result, asker: receiver } = await request(practice.id, "UGEL Huaraz");
    if (!result.ok) throw new Error(result.reason);
    const id = result.id;
    const add = (actorId: number, userId: number, side: "source" | "receiving") => addTransferParticipant({ transferId: id, actorId, userId, side });
    const [huarazColleague, nascaColleague, yauliColleague, outsider] = await Promise.all([
      createMember({ iged: "UGEL Huaraz", name: "Carmen Rojas Valverde" }),
      createMember({ iged: "UGEL Nasca" }),
      createMember({ iged: "UGEL Yauli" }),
      createMember({ iged: "DRE Junín" }),
    ]);

    // Nobody outside the transfer adds anyone.
    expect(await add(outsider.id, outsider.id, "receiving")).toEqual({ ok: false, reason: "not_allowed" });
    // The receiving side: only people of the receiving IGED, added by its own people.
    expect(await add(receiver.id, outsider.id, "receiving")).toEqual({ ok: false, reason: "not_receiving_member" });
    expect(await add(receiver.id, nascaColleague.id, "source")).toEqual({ ok: false, reason: "wrong_side" });
    expect(await add(team.id, huarazColleague.id, "receiving")).toEqual({ ok: false, reason: "wrong_side" });
    expect(await add(receiver.id, huarazColleague.id, "receiving")).toEqual({ ok: true });
    expect(await add(receiver.id, huarazColleague.id, "receiving")).toEqual({ ok: false, reason: "already_participant" });
    // The source side: the practice's team and the people of the IGEDs that lead or share it.
    expect(await add(team.id, outsider.id, "source")).toEqual({ ok: false, reason: "not_source_member" });
    expect(await add(team.id, huarazColleague.id, "source")).toEqual({ ok: false, reason: "already_participant" });
    expect(await add(team.id, nascaColleague.id, "source")).toEqual({ ok: true });
    expect(await add(difoca.id, yauliColleague.id, "source")).toEqual({ ok: true });
    // DIFOCA follows every transfer; it is never one of its responsible people.
    const otherDifoca = await createMember({ role: "difoca", iged: null });
    expect(await add(difoca.id, otherDifoca.id, "receiving")).toEqual({ ok: false, reason: "difoca_participant" });
    expect(await add(receiver.id, difoca.id, "receiving")).toEqual({ ok: false, reason: "difoca_participant" });

    const transfer = await getTransfer(id);
    expect(transfer!.participants.map((p) => [p.userId, p.side]).sort()).toEqual(
      [[team.id, "source"], [nascaColleague.id, "source"], [yauliColleague.id, "source"], [receiver.id, "receiving"], [huarazColleague.id, "receiving"]].sort(),
    );
    expect(transfer!.steps.filter((s) => s.type === "note").map((s) => [s.note, s.actorName])).toEqual([
      ["Agregó a Carmen Rojas Valverde como responsable de la IGED receptora.", receiver.name],
      [`Agregó a ${nascaColleague.name} como responsable del equipo de la práctica.`, team.name],
      [`Agregó a ${yauliColleague.name} como responsable del equipo de la práctica.`, difoca.name],
    ]);
    expect((await listNotifications(huarazColleague.id)).map((n) => n.type)).toContain("transfer_participant");
  });

  test("people are taken off only by their own side or DIFOCA, never the last one of a side, and it is kept in the history", async () => {
    const { id, team, receiver, difoca } = await ongoingTransfer();
    const remove = (actorId: number, userId: number) => removeTransferParticipant({ transferId: id, actorId, userId });
    expect(await remove(receiver.id, team.id)).toEqual({ ok: false, reason: "wrong_side" });
    expect(await remove(receiver.id, receiver.id)).toEqual({ ok: false, reason: "last_participant" });
    expect(await remove(difoca.id, team.id)).toEqual({ ok: false, reason: "last_participant" });
    const outsider = await createMember({ iged: "UGEL Huaraz" });
    expect(await remove(outsider.id, receiver.id)).toEqual({ ok: false, reason: "not_allowed" });

    const colleague = await createMember({ iged: "UGEL Huaraz", name: "Luis Ramos Quispe" });
    expect(await addTransferParticipant({ transferId: id, actorId: receiver.id, userId: colleague.id, side: "receiving" })).toEqual({ ok: true });
    expect(await remove(team.id, colleague.id)).toEqual({ ok: false, reason: "wrong_side" });
    expect(await remove(receiver.id, colleague.id)).toEqual({ ok: true });
    expect(await remove(receiver.id, colleague.id)).toEqual({ ok: false, reason: "not_member" });
    // A receiving person may hand over: add a colleague, then step down.
    expect(await addTransferParticipant({ transferId: id, actorId: difoca.id, userId: colleague.id, side: "receiving" })).toEqual({ ok: true });
    expect(await remove(receiver.id, receiver.id)).toEqual({ ok: true });

    const transfer = await getTransfer(id);
    expect(transfer!.participants.map((p) => [p.userId, p.side]).sort()).toEqual([[colleague.id, "receiving"], [team.id, "source"]].sort());
    expect(transfer!.steps.filter((s) => s.type === "note").map((s) => s.note)).toEqual([
      "Agregó a Luis Ramos Quispe como responsable de la IGED receptora.",
      "Quitó a Luis Ramos Quispe como responsable de la IGED receptora.",
      "Agregó a Luis Ramos Quispe como responsable de la IGED receptora.",
      `Quitó a ${receiver.name} como responsable de la IGED receptora.`,
    ]);
    // A note written today does not stop recording a stage reached earlier today.
    expect((await move(id, colleague.id, "acuerdo")).ok).toBe(true);
  });
});

describe("DIFOCA's decision", () => {
  test("DIFOCA accepts: the transfer is ongoing; nobody else may decide", async () => {
    const { practice, team, difoca } = await advancedPractice();
    const { result, asker } = await request(practice.id, "UGEL Huaraz");
    if (!result.ok) throw new Error(result.reason);
    expect(await decideTransfer({ transferId: result.id, actorId: team.id, accept: true, reason: "" })).toEqual({ ok: false, reason: "difoca_only" });
    expect(await decideTransfer({ transferId: result.id, actorId: asker.id, accept: true, reason: "" })).toEqual({ ok: false, reason: "difoca_only" });
    expect(await decideTransfer({ transferId: result.id, actorId: difoca.id, accept: true, reason: "" })).toEqual({ ok: true });
    expect(await getTransfer(result.id)).toMatchObject({ status: "en_curso", stage: "solicitud" });
    // Deciding twice is refused.
    expect(await decideTransfer({ transferId: result.id, actorId: difoca.id, accept: false, reason: "Tarde" })).toEqual({ ok: false, reason: "wrong_status" });
  });
});

describe("moving through the stages", () => {
  test("only to the next stage, only by its responsible people or DIFOCA, and not before it is accepted", async () => {
    const { practice, difoca } = await advancedPractice();
    const { result, asker } = await request(practice.id, "UGEL Huaraz");
    if (!result.ok) throw new Error(result.reason);
    expect(await move(result.id, asker.id, "acuerdo")).toEqual({ ok: false, reason: "wrong_status" });
    await decideTransfer({ transferId: result.id, actorId: difoca.id, accept: true, reason: "" });

    expect(await move(result.id, asker.id, "adaptacion")).toEqual({ ok: false, reason: "wrong_stage" });
    const outsider = await createMember({ role: "gestor", iged: "UGEL Huaraz" });
    expect(await move(result.id, outsider.id, "acuerdo")).toEqual({ ok: false, reason: "not_allowed" });
    expect(await move(result.id, asker.id, "acuerdo")).toEqual({ ok: true, completed: false });
    expect(await move(result.id, asker.id, "acuerdo")).toEqual({ ok: false, reason: "wrong_stage" });
    const transfer = await getTransfer(result.id);
    expect(transfer!.stage).toBe("acuerdo");
    expect(transfer!.steps.at(-1)).toMatchObject({ type: "advanced", fromStage: "solicitud", toStage: "acuerdo", note: "Registro de la etapa acuerdo.", actorName: asker.name });
  });

  test("evaluation and institutionalization are validated by DIFOCA only", async () => {
    const { id, team, receiver, difoca } = await ongoingTransfer();
    for (const stage of ["acuerdo", "adaptacion", "implementacion"] as const) expect((await move(id, team.id, stage)).ok).toBe(true);
    expect(await move(id, team.id, "evaluacion")).toEqual({ ok: false, reason: "difoca_only" });
    expect(await move(id, receiver.id, "evaluacion")).toEqual({ ok: false, reason: "difoca_only" });
    expect(await move(id, difoca.id, "evaluacion")).toEqual({ ok: true, completed: false });
    expect(await move(id, receiver.id, "institucionalizada")).toEqual({ ok: false, reason: "difoca_only" });
  });

  test("the date can be neither in the future nor before the last step", async () => {
    const { id, receiver } = await ongoingTransfer();
    expect(await move(id, receiver.id, "acuerdo", { occurredOn: daysFromToday(1) })).toEqual({ ok: false, reason: "bad_date" });
    expect(await move(id, receiver.id, "acuerdo", { occurredOn: daysFromToday(-1) })).toEqual({ ok: false, reason: "bad_date" });
    expect((await getTransfer(id))!.stage).toBe("solicitud");
  });

  test("a file whose content is not an accepted type is refused: no evidence row, no file on disk, no move", async () => {
    const { id, receiver } = await ongoingTransfer();
    const before = storedFiles();
    const fake = new File([new TextEncoder().encode("MZ\x90\x00 este es un ejecutable")], "acta.pdf", { type: "application/pdf" });
    const result = await move(id, receiver.id, "acuerdo", { evidence: { title: "Acta", file: fake } });
    expect(result).toEqual({ ok: false, reason: "evidence", error: UPLOAD_ERRORS.notAllowed });
    const transfer = await getTransfer(id);
    expect(transfer!.stage).toBe("solicitud");
    expect(transfer!.evidence).toEqual([]);
    expect(storedFiles()).toEqual(before);
  });

  test("a valid file refused with the move (a bad date) is removed from disk; accepted, it is kept with its step", async () => {
    const { id, receiver } = await ongoingTransfer();
    const before = storedFiles();
    const pdf = () => new File([PDF], "Acta de compromiso.pdf", { type: "application/pdf" });
    expect(await move(id, receiver.id, "acuerdo", { occurredOn: daysFromToday(2), evidence: { title: "Acta", file: pdf() } })).toEqual({ ok: false, reason: "bad_date" });
    expect(storedFiles()).toEqual(before);

    expect(await move(id, receiver.id, "acuerdo", { evidence: { title: "Acta de compromiso firmada", file: pdf() } })).toEqual({ ok: true, completed: false });
    const transfer = await getTransfer(id);
    const step = transfer!.steps.at(-1)!;
    expect(transfer!.evidence).toMatchObject([{ stepId: step.id, stage: "acuerdo", kind: "archivo", title: "Acta de compromiso firmada", fileName: "Acta de compromiso.pdf", mimeType: "application/pdf" }]);
    expect(storedFiles()).toHaveLength(before.length + 1);
  });
});

describe("completing a transfer", () => {
  test("institutionalized: completed, both teams earn their points, the automatic badge is given and the tier requirement counts both sides", async () => {
    const existing = (await listBadges({ all: true })).find((b) => b.enabled && b.kind === "automatica" && b.rule?.action === "transfer_completed_source" && b.rule.threshold === 1);
    let badgeId = existing?.id;
    if (!badgeId) {
      const admin = await createMember({ role: "difoca", iged: null });
      const created = await createBadge({
        name: "Práctica que inspira",
        description: "Su práctica fue adoptada e institucionalizada por otra IGED.",
        criteria: "Completar una transferencia como equipo de la práctica transferida.",
        level: "oro",
        kind: "automatica",
        rule: { type: "action_count", action: "transfer_completed_source", threshold: 1 },
        createdBy: admin.id,
      });
      if (!created.ok) throw new Error(JSON.stringify(created.errors));
      badgeId = created.id;
      expect((await enableAutomaticBadge(badgeId, admin.id)).enabled).toBe(true);
    }

    const { id, team, receiver, difoca } = await ongoingTransfer("DRE Junín");
    const outsider = await createMember({ role: "gestor", iged: "UGEL Yauli" });
    const year = currentYear();
    const [teamBefore, receiverBefore] = await Promise.all([getMemberPoints(team.id, year), getMemberPoints(receiver.id, year)]);
    expect(await membersWithCompletedTransfer([team.id, receiver.id])).toEqual(new Set());

    for (const stage of ["acuerdo", "adaptacion", "implementacion"] as const) expect((await move(id, receiver.id, stage)).ok).toBe(true);
    expect(await move(id, difoca.id, "evaluacion")).toEqual({ ok: true, completed: false });
    expect(await move(id, difoca.id, "institucionalizada")).toEqual({ ok: true, completed: true });

    const transfer = await getTransfer(id);
    expect(transfer).toMatchObject({ stage: "institucionalizada", status: "completada" });
    expect(transfer!.completedAt).not.toBeNull();
    // 200 for the completed transfer, and the 20 of "Insignia recibida" for the badge it triggered.
    expect((await getMemberPoints(team.id, year)).total - teamBefore.total).toBe(200 + 20);
    expect((await getMemberPoints(receiver.id, year)).total - receiverBefore.total).toBe(150);
    expect((await listMemberBadges(team.id)).map((b) => b.badgeId)).toContain(badgeId);
    expect((await listMemberBadges(receiver.id)).map((b) => b.badgeId)).not.toContain(badgeId);

    expect(await membersWithCompletedTransfer([team.id, receiver.id, outsider.id])).toEqual(new Set([team.id, receiver.id]));
    // The receiver has no advanced practice: the completed transfer alone meets the tier's requirement.
    expect(await membersMeetingRequirement(ADVANCED_PRACTICE_REQUIREMENT, [receiver.id, outsider.id])).toEqual(new Set([receiver.id]));
    // Asked about thousands of members at once (the panel's tier counts), the answer is the same.
    const many = [receiver.id, outsider.id, ...Array.from({ length: 2_000 }, (_, i) => 900_000 + i)];
    expect(await membersMeetingRequirement(ADVANCED_PRACTICE_REQUIREMENT, many)).toEqual(new Set([receiver.id]));

    // A completed transfer moves no more.
    expect(await changeTransferStatus({ transferId: id, actorId: difoca.id, action: "close", reason: "Ya no corresponde." })).toEqual({ ok: false, reason: "wrong_status" });
  });
});

describe("suspending, resuming and closing", () => {
  test("suspend, resume and close with a reason, each kept in the history; other changes are refused", async () => {
    const { id, receiver, team } = await ongoingTransfer();
    const outsider = await createMember({ role: "gestor", iged: "UGEL Huaraz" });
    expect(await changeTransferStatus({ transferId: id, actorId: outsider.id, action: "suspend", reason: "No me corresponde" })).toEqual({ ok: false, reason: "not_allowed" });
    expect(await changeTransferStatus({ transferId: id, actorId: receiver.id, action: "resume", reason: "Seguimos" })).toEqual({ ok: false, reason: "wrong_status" });

    expect(await changeTransferStatus({ transferId: id, actorId: receiver.id, action: "suspend", reason: "Cambio de gestión en la UGEL." })).toEqual({ ok: true });
    expect(await getTransfer(id)).toMatchObject({ status: "suspendida", statusReason: "Cambio de gestión en la UGEL." });
    expect(await changeTransferStatus({ transferId: id, actorId: receiver.id, action: "suspend", reason: "Otra vez" })).toEqual({ ok: false, reason: "wrong_status" });
    expect(await move(id, receiver.id, "acuerdo")).toEqual({ ok: false, reason: "wrong_status" });

    expect(await changeTransferStatus({ transferId: id, actorId: team.id, action: "resume", reason: "La nueva gestión ratificó el acuerdo." })).toEqual({ ok: true });
    expect(await getTransfer(id)).toMatchObject({ status: "en_curso", statusReason: null });
    expect(await changeTransferStatus({ transferId: id, actorId: team.id, action: "close", reason: "La UGEL adoptó otra estrategia." })).toEqual({ ok: true });
    expect(await getTransfer(id)).toMatchObject({ status: "cerrada", statusReason: "La UGEL adoptó otra estrategia." });
    expect(await changeTransferStatus({ transferId: id, actorId: team.id, action: "resume", reason: "Volvamos" })).toEqual({ ok: false, reason: "wrong_status" });

    const types = (await getTransfer(id))!.steps.map((s) => s.type);
    expect(types).toEqual(["requested", "accepted", "suspended", "resumed", "closed"]);
  });

  test("a pending request can be closed by its requester", async () => {
    const { practice } = await advancedPractice();
    const { result, asker } = await request(practice.id, "UGEL Yauli");
    if (!result.ok) throw new Error(result.reason);
    expect(await changeTransferStatus({ transferId: result.id, actorId: asker.id, action: "close", reason: "Lo pedimos por error." })).toEqual({ ok: true });
    expect((await getTransfer(result.id))!.status).toBe("cerrada");
  });
});

describe("reading transfers", () => {
  test("the list filters by regions, stage, status and year; the flows count only accepted ones; a practice lists where it is adopted", async () => {
    // Led by UGEL Angaraes: the only transfers from Huancavelica in this file.
    const { practice, difoca } = await advancedPractice({ lead: "UGEL Angaraes" });
    const ask = async (iged: string, at?: string) => {
      const asker = await createMember({ role: "gestor", iged });
      const result = await requestTransfer({ practiceId: practice.id, requestedBy: asker.id, receivingIgedId: await igedId(iged), reason: REASON, context: CONTEXT, at });
      if (!result.ok) throw new Error(result.reason);
      return { id: result.id, asker };
    };
    const toHuaraz = await ask("UGEL Huaraz");
    await decideTransfer({ transferId: toHuaraz.id, actorId: difoca.id, accept: true, reason: "" });
    expect((await move(toHuaraz.id, toHuaraz.asker.id, "acuerdo")).ok).toBe(true);
    const toYauli = await ask("UGEL Yauli");
    const toJunin = await ask("DRE Junín");
    await decideTransfer({ transferId: toJunin.id, actorId: difoca.id, accept: false, reason: "Falta sustento." });
    const toPasco = await ask("DRE Pasco");
    await decideTransfer({ transferId: toPasco.id, actorId: difoca.id, accept: true, reason: "" });
    await changeTransferStatus({ transferId: toPasco.id, actorId: difoca.id, action: "suspend", reason: "Elecciones regionales." });
    const old = await ask("Municipalidad Provincial de Huaraz", "2024-03-12T15:00:00.000Z");
    await decideTransfer({ transferId: old.id, actorId: difoca.id, accept: true, reason: "", at: "2024-03-20T15:00:00.000Z" });

    const ids = async (filters: Parameters<typeof listTransfers>[0]) => (await listTransfers({ sourceRegionSlug: "huancavelica", ...filters })).items.map((t) => t.id).sort((a, b) => a - b);
    const sorted = (...list: number[]) => list.sort((a, b) => a - b);
    expect(await ids({})).toEqual(sorted(toHuaraz.id, toYauli.id, toJunin.id, toPasco.id, old.id));
    expect(await ids({ receivingRegionSlug: "junin" })).toEqual(sorted(toYauli.id, toJunin.id));
    expect(await ids({ receivingRegionSlug: "ancash" })).toEqual(sorted(toHuaraz.id, old.id));
    expect(await ids({ stage: "acuerdo" })).toEqual([toHuaraz.id]);
    expect(await ids({ status: "pendiente" })).toEqual([toYauli.id]);
    expect(await ids({ status: "suspendida" })).toEqual([toPasco.id]);
    expect(await ids({ year: 2024 })).toEqual([old.id]);
    expect(await ids({ year: currentYear() })).toEqual(sorted(toHuaraz.id, toYauli.id, toJunin.id, toPasco.id, old.id));
    expect(await ids({ practiceId: practice.id, receivingRegionSlug: "pasco" })).toEqual([toPasco.id]);
    const page = await listTransfers({ sourceRegionSlug: "huancavelica", pageSize: 2, page: 3 });
    expect(page).toMatchObject({ total: 5, pages: 3, page: 3 });
    expect(page.items).toHaveLength(1);

    const fromHuancavelica = (await transferFlows()).filter((f) => f.from === "huancavelica");
    expect(fromHuancavelica.map(({ to, count }) => ({ to, count })).sort((a, b) => a.to.localeCompare(b.to))).toEqual([
      { to: "ancash", count: 2 },
      { to: "pasco", count: 1 },
    ]);
    expect((await transferFlows({ year: 2024 })).filter((f) => f.from === "huancavelica").map(({ to, count }) => ({ to, count }))).toEqual([{ to: "ancash", count: 1 }]);

    const adopted = await listTransfersOfPractice(practice.id);
    expect(adopted.map((t) => t.id).sort((a, b) => a - b)).toEqual(sorted(toHuaraz.id, toPasco.id, old.id));
    expect(adopted.find((t) => t.id === toHuaraz.id)).toMatchObject({ receivingIgedName: "UGEL Huaraz", receivingRegionName: "Áncash", stage: "acuerdo", status: "en_curso" });
  });
});

describe("the years a transfer belongs to", () => {
  test("a declined request ends when it is declined: it is not in the lists of later years nor counted as a process", async () => {
    const { practice, difoca } = await advancedPractice({ lead: "DRE Cusco" });
    const year = currentYear();
    const countBefore = await countTransfersInYear(year - 2);
    const asker = await createMember({ role: "gestor", iged: "UGEL Yauli" });
    const asked = await requestTransfer({ practiceId: practice.id, requestedBy: asker.id, receivingIgedId: await igedId("UGEL Yauli"), reason: REASON, context: CONTEXT, at: `${year - 2}-03-12T15:00:00.000Z` });
    if (!asked.ok) throw new Error(asked.reason);
    expect(await decideTransfer({ transferId: asked.id, actorId: difoca.id, accept: false, reason: "Falta sustento.", at: `${year - 2}-03-20T15:00:00.000Z` })).toEqual({ ok: true });
    expect((await getTransfer(asked.id))!.endedAt).toBe(`${year - 2}-03-20T15:00:00.000Z`);

    const ids = async (y: number) => (await listTransfers({ practiceId: practice.id, year: y })).items.map((t) => t.id);
    expect(await ids(year - 2)).toEqual([asked.id]);
    expect(await ids(year - 1)).toEqual([]);
    expect(await ids(year)).toEqual([]);
    // Declined, it never was a process.
    expect(await countTransfersInYear(year - 2)).toEqual(countBefore);
    expect((await transferFlows({ year: year - 2 })).some((f) => f.from === "cusco" && f.to === "junin")).toBe(false);
  });

  test("a transfer closed last year counts in last year's figures and not in this year's; one withdrawn before acceptance never counts", async () => {
    const { practice, difoca } = await advancedPractice({ lead: "DRE Cusco" });
    const year = currentYear();
    const [lastBefore, thisBefore] = await Promise.all([countTransfersInYear(year - 1), countTransfersInYear(year)]);
    const ask = async (iged: string, at: string) => {
      const asker = await createMember({ role: "gestor", iged });
      const result = await requestTransfer({ practiceId: practice.id, requestedBy: asker.id, receivingIgedId: await igedId(iged), reason: REASON, context: CONTEXT, at });
      if (!result.ok) throw new Error(result.reason);
      return { id: result.id, asker };
    };
    const closed = await ask("DRE Pasco", `${year - 1}-02-10T15:00:00.000Z`);
    await decideTransfer({ transferId: closed.id, actorId: difoca.id, accept: true, reason: "", at: `${year - 1}-02-20T15:00:00.000Z` });
    expect(await changeTransferStatus({ transferId: closed.id, actorId: difoca.id, action: "close", reason: "La DRE cambió de prioridades.", at: `${year - 1}-06-01T15:00:00.000Z` })).toEqual({ ok: true });
    const withdrawn = await ask("UGEL Huaraz", `${year - 1}-04-10T15:00:00.000Z`);
    expect(await changeTransferStatus({ transferId: withdrawn.id, actorId: withdrawn.asker.id, action: "close", reason: "Lo pedimos por error.", at: `${year - 1}-04-11T15:00:00.000Z` })).toEqual({ ok: true });

    expect(await countTransfersInYear(year - 1)).toEqual({ active: lastBefore.active + 1, completed: lastBefore.completed });
    expect(await countTransfersInYear(year)).toEqual(thisBefore);
    expect((await listTransfers({ practiceId: practice.id, year: year - 1 })).items.map((t) => t.id).sort((a, b) => a - b)).toEqual([closed.id, withdrawn.id]);
    expect((await listTransfers({ practiceId: practice.id, year })).items).toEqual([]);
    expect((await transferFlows({ year: year - 1 })).find((f) => f.from === "cusco" && f.to === "pasco")?.count).toBe(1);
    expect((await transferFlows({ year })).find((f) => f.from === "cusco" && f.to === "pasco")).toBeUndefined();
  });
});
