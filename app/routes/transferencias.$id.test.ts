import { existsSync, readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { requestAdvisory } from "~/models/advisory.server";
import { getIgedByName } from "~/models/iged.server";
import { getMemberPoints } from "~/models/points.server";
import { changePracticeStage } from "~/models/practice.server";
import { currentYear } from "~/models/tier.server";
import { getTransfer, requestTransfer, type TransferStage } from "~/models/transfer.server";
import { action, loader } from "~/routes/transferencias.$id._index";
import { loader as download } from "~/routes/transferencias.$id.evidencias.$evidenceId";
import { todayInLima } from "~/utils/dates";
import { MAX_UPLOAD_BYTES, UPLOAD_ERRORS, uploadsDir } from "~/utils/uploads.server";
import { createMember } from "../../tests/factories/members";
import { publishedPractice } from "../../tests/factories/practices";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
const pdf = (name = "acta.pdf") => new File([PDF], name, { type: "application/pdf" });
const storedFiles = () => (existsSync(uploadsDir()) ? readdirSync(uploadsDir()).sort() : []);
const DIFOCA_MESSAGE = "Solo DIFOCA valida las etapas de evaluación e institucionalización.";

/** An advanced practice of UGEL Nasca (Ica) requested by a gestor of UGEL Huaraz (Áncash). */
async function requested() {
  const { practice, gestor: team, difoca } = await publishedPractice();
  expect(await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "avanzado", note: "Consolidada." })).toBe(true);
  const receiver = await createMember({ role: "gestor", iged: "UGEL Huaraz" });
  const result = await requestTransfer({
    practiceId: practice.id,
    requestedBy: receiver.id,
    receivingIgedId: (await getIgedByName("UGEL Huaraz"))!.id,
    reason: "Queremos brigadas escolares de gestión del riesgo en nuestras escuelas.",
    context: "Escuelas altoandinas de Huaraz expuestas a aluviones y heladas.",
  });
  if (!result.ok) throw new Error(result.reason);
  return { id: result.id, practice, team, difoca, receiver };
}

const load = async (id: number | string, userId?: number) =>
  respond(async () => loader({ request: getRequest(`/transferencias/${id}`, userId ? await sessionCookieFor(userId) : undefined), params: { id: String(id) }, context }));

const post = async (id: number | string, fields: Record<string, string | Blob>, userId: number) =>
  respond(async () => action({ request: formRequest(`/transferencias/${id}`, fields, await sessionCookieFor(userId)), params: { id: String(id) }, context }));

const fetchEvidence = (id: number | string, evidenceId: number | string, userId?: number) =>
  respond(async () =>
    download({
      request: getRequest(`/transferencias/${id}/evidencias/${evidenceId}`, userId ? await sessionCookieFor(userId) : undefined),
      params: { id: String(id), evidenceId: String(evidenceId) },
      context,
    }),
  );

const advance = (id: number, userId: number, toStage: TransferStage, extra: Record<string, string | Blob> = {}) =>
  post(id, { intent: "advance", toStage, occurredOn: todayInLima(), note: `Se cumplió la etapa ${toStage} con los equipos.`, ...extra }, userId);

/** Requested and accepted by DIFOCA. */
async function ongoing() {
  const setup = await requested();
  expect((await post(setup.id, { intent: "decide", decision: "accept", reason: "" }, setup.difoca.id)).status).toBe(302);
  return setup;
}

describe("/transferencias/:id", () => {
  test("anyone can read a transfer; a missing or malformed id is a 404", async () => {
    const { id, practice, team, receiver } = await requested();
    const response = await load(id);
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.transfer).toMatchObject({
      practice: { slug: practice.slug, title: practice.title },
      source: "UGEL Nasca (Ica)",
      receiving: "UGEL Huaraz (Áncash)",
      status: "pendiente",
      statusLabel: "Pendiente de aceptación",
      stageLabel: "Solicitud",
    });
    expect(data.stages.map((s: { label: string; state: string; current: boolean }) => [s.label, s.state, s.current])).toEqual([
      ["Solicitud", "current", true],
      ["Acuerdo", "pending", false],
      ["Adaptación", "pending", false],
      ["Implementación", "pending", false],
      ["Evaluación", "pending", false],
      ["Institucionalizada", "pending", false],
    ]);
    expect(data.people.source.map((p: { userId: number }) => p.userId)).toEqual([team.id]);
    expect(data.people.receiving.map((p: { userId: number }) => p.userId)).toEqual([receiver.id]);
    expect(data.steps).toMatchObject([{ label: "Solicitó la transferencia", actorName: receiver.name }]);
    expect(data.roles).toMatchObject({ signedIn: false, canMove: false, canDecide: false, canAdvance: false });
    // No e-mail of the responsible people reaches the page.
    expect(JSON.stringify(data)).not.toContain("@ejemplo.pe");

    expect((await load(999999)).status).toBe(404);
    expect((await load("abc")).status).toBe(404);
    expect((await post(999999, { intent: "close", reason: "No existe" }, receiver.id)).status).toBe(404);
  });

  test("DIFOCA accepts the request; the requester trying it gets a 403; declining needs a reason", async () => {
    const { id, difoca, receiver } = await requested();
    expect((await (await load(id, difoca.id)).json()).roles.canDecide).toBe(true);
    expect((await post(id, { intent: "decide", decision: "accept", reason: "" }, receiver.id)).status).toBe(403);
    expect((await getTransfer(id))!.status).toBe("pendiente");

    const noReason = await post(id, { intent: "decide", decision: "decline", reason: "" }, difoca.id);
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).errors.reason).toMatch(/Escribe por qué no se acepta/);

    const accepted = await post(id, { intent: "decide", decision: "accept", reason: "Bienvenida la réplica." }, difoca.id);
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Location")).toBe(`/transferencias/${id}`);
    expect((await getTransfer(id))!.status).toBe("en_curso");
  });

  test("a responsible person moves it to the agreement with a PDF: the step and its evidence show, and the file is served", async () => {
    const { id, receiver } = await ongoing();
    const page = await (await load(id, receiver.id)).json();
    expect(page.roles).toMatchObject({ canAdvance: true, waitsForDifoca: false });
    expect(page.next).toMatchObject({ stage: "acuerdo", label: "Acuerdo" });

    const response = await advance(id, receiver.id, "acuerdo", { evidenceTitle: "Acta de compromiso firmada", evidenceFile: pdf("Acta UGEL Huaraz.pdf") });
    expect(response.status).toBe(302);
    const data = await (await load(id)).json();
    expect(data.transfer.stageLabel).toBe("Acuerdo");
    expect(data.stages[0]).toMatchObject({ state: "done", current: false });
    expect(data.stages[1]).toMatchObject({ label: "Acuerdo", state: "current", current: true });
    const step = data.steps.at(-1);
    expect(step).toMatchObject({ label: "Pasó a la etapa «Acuerdo»", actorName: receiver.name, note: "Se cumplió la etapa acuerdo con los equipos." });
    expect(step.evidence).toHaveLength(1);
    expect(data.evidenceByStage).toMatchObject([{ label: "Acuerdo", items: [{ title: "Acta de compromiso firmada", kind: "archivo", fileName: "Acta UGEL Huaraz.pdf" }] }]);
    const item = data.evidenceByStage[0].items[0];
    expect(item.href).toBe(`/transferencias/${id}/evidencias/${item.id}`);

    const file = await fetchEvidence(id, item.id);
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe("application/pdf");
    expect(file.headers.get("Content-Security-Policy")).toBe("sandbox; default-src 'none'");
    expect(file.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);

    // The same evidence asked for under another transfer does not exist there.
    const other = await ongoing();
    expect((await fetchEvidence(other.id, item.id)).status).toBe(404);
    expect((await fetchEvidence(id, 999999)).status).toBe(404);
    expect((await fetchEvidence("x", item.id)).status).toBe(404);
  });

  test("a link as evidence of the current stage redirects to its address", async () => {
    const { id, team } = await ongoing();
    const response = await post(id, { intent: "evidence", evidenceTitle: "Video de la reunión", evidenceUrl: "https://www.youtube.com/watch?v=reunion" }, team.id);
    expect(response.status).toBe(302);
    const item = (await getTransfer(id))!.evidence[0]!;
    expect(item).toMatchObject({ kind: "enlace", stage: "solicitud", url: "https://www.youtube.com/watch?v=reunion" });
    const opened = await fetchEvidence(id, item.id);
    expect(opened.status).toBe(302);
    expect(opened.headers.get("Location")).toBe("https://www.youtube.com/watch?v=reunion");

    const unsafe = await post(id, { intent: "evidence", evidenceTitle: "Enlace", evidenceUrl: "javascript:alert(1)" }, team.id);
    expect(unsafe.status).toBe(400);
    expect((await unsafe.json()).errors.evidenceUrl).toBe("Escribe un enlace que empiece con https:// o http://.");
  });

  test("someone who is not responsible nor DIFOCA gets a 403 and nothing is stored", async () => {
    const { id } = await ongoing();
    const outsider = await createMember({ role: "gestor", iged: "UGEL Huaraz" });
    const before = storedFiles();
    const page = await (await load(id, outsider.id)).json();
    expect(page.roles).toMatchObject({ canMove: false, canAdvance: false, canAddEvidence: false });
    expect((await advance(id, outsider.id, "acuerdo", { evidenceTitle: "Acta", evidenceFile: pdf() })).status).toBe(403);
    expect((await post(id, { intent: "evidence", evidenceTitle: "Acta", evidenceFile: pdf() }, outsider.id)).status).toBe(403);
    expect((await post(id, { intent: "suspend", reason: "Porque sí" }, outsider.id)).status).toBe(403);
    expect(storedFiles()).toEqual(before);
    expect((await getTransfer(id))!).toMatchObject({ stage: "solicitud", status: "en_curso", evidence: [] });
  });

  test("evaluation is DIFOCA's: a responsible person sees a note instead of the form and is refused with a 403", async () => {
    const { id, team, receiver } = await ongoing();
    for (const stage of ["acuerdo", "adaptacion", "implementacion"] as const) expect((await advance(id, team.id, stage)).status).toBe(302);
    const page = await (await load(id, receiver.id)).json();
    expect(page.roles).toMatchObject({ canAdvance: false, waitsForDifoca: true, canAddEvidence: true });
    expect(page.next).toMatchObject({ stage: "evaluacion", difocaOnly: true });

    const refused = await advance(id, receiver.id, "evaluacion");
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toBe(DIFOCA_MESSAGE);
    expect((await getTransfer(id))!.stage).toBe("implementacion");
  });

  test("a future date, a missing note or the wrong stage come back as a 400 in Spanish", async () => {
    const { id, receiver } = await ongoing();
    const tomorrow = todayInLima(new Date(Date.now() + 24 * 3600_000));
    const future = await advance(id, receiver.id, "acuerdo", { occurredOn: tomorrow });
    expect(future.status).toBe(400);
    const body = await future.json();
    expect(body.errors.occurredOn).toBe("La fecha no puede ser futura ni anterior al último paso registrado.");
    expect(body.values.occurredOn).toBe(tomorrow);

    const noNote = await advance(id, receiver.id, "acuerdo", { note: "" });
    expect(noNote.status).toBe(400);
    expect((await noNote.json()).errors.note).toBe("Escribe una nota sobre lo que se hizo en esta etapa.");

    const badDate = await advance(id, receiver.id, "acuerdo", { occurredOn: "2026-02-30" });
    expect(badDate.status).toBe(400);
    expect((await badDate.json()).errors.occurredOn).toBe("Escribe una fecha válida (día, mes y año).");

    const skipped = await advance(id, receiver.id, "adaptacion");
    expect(skipped.status).toBe(400);
    expect((await skipped.json()).errors.form).toMatch(/etapa siguiente/);
    expect((await getTransfer(id))!.stage).toBe("solicitud");
  });

  test("an oversized or disguised file is refused with the upload message and nothing is stored", async () => {
    const { id, receiver } = await ongoing();
    const before = storedFiles();

    const big = new File([new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x25)], "acta.pdf", { type: "application/pdf" });
    const tooBig = await advance(id, receiver.id, "acuerdo", { evidenceTitle: "Acta", evidenceFile: big });
    expect(tooBig.status).toBe(400);
    expect((await tooBig.json()).errors.evidenceFile).toBe(UPLOAD_ERRORS.tooBig);

    const garbage = new File([new TextEncoder().encode("<html><script>alert(1)</script></html>")], "acta.pdf", { type: "application/pdf" });
    const disguised = await advance(id, receiver.id, "acuerdo", { evidenceTitle: "Acta", evidenceFile: garbage });
    expect(disguised.status).toBe(400);
    const body = await disguised.json();
    expect(body.errors.evidenceFile).toBe(UPLOAD_ERRORS.notAllowed);
    expect(body.values).toMatchObject({ evidenceTitle: "Acta", note: "Se cumplió la etapa acuerdo con los equipos." });

    const noTitle = await advance(id, receiver.id, "acuerdo", { evidenceFile: pdf() });
    expect(noTitle.status).toBe(400);
    expect((await noTitle.json()).errors.evidenceTitle).toBe("Escribe un título para la evidencia.");

    expect(storedFiles()).toEqual(before);
    expect((await getTransfer(id))!).toMatchObject({ stage: "solicitud", evidence: [] });
  });

  test("DIFOCA validates evaluation and institutionalization: completed, and both teams earn their points", async () => {
    const { id, team, receiver, difoca } = await ongoing();
    const year = currentYear();
    const [teamBefore, receiverBefore] = await Promise.all([getMemberPoints(team.id, year), getMemberPoints(receiver.id, year)]);
    for (const stage of ["acuerdo", "adaptacion", "implementacion"] as const) expect((await advance(id, receiver.id, stage)).status).toBe(302);
    expect((await (await load(id, difoca.id)).json()).roles).toMatchObject({ canAdvance: true, waitsForDifoca: false });
    expect((await advance(id, difoca.id, "evaluacion")).status).toBe(302);
    const done = await advance(id, difoca.id, "institucionalizada", { evidenceTitle: "Resolución Directoral de la UGEL", evidenceFile: pdf("RD.pdf") });
    expect(done.status).toBe(302);

    const data = await (await load(id)).json();
    expect(data.transfer).toMatchObject({ status: "completada", statusLabel: "Completada", stageLabel: "Institucionalizada" });
    expect(data.transfer.completedOn).not.toBeNull();
    expect(data.stages.every((s: { state: string }) => s.state === "done")).toBe(true);
    expect(data.stages[5].current).toBe(true);
    expect((await getMemberPoints(team.id, year)).total - teamBefore.total).toBe(200);
    expect((await getMemberPoints(receiver.id, year)).total - receiverBefore.total).toBe(150);
    // Nothing more to do on it but evidence.
    expect((await (await load(id, receiver.id)).json()).roles).toMatchObject({ canAdvance: false, canSuspend: false, canClose: false });
  });

  test("suspend and resume need a reason; closing ends it", async () => {
    const { id, receiver, team } = await ongoing();
    const noReason = await post(id, { intent: "suspend", reason: "" }, receiver.id);
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).errors.reason).toMatch(/Escribe el motivo/);

    expect((await post(id, { intent: "suspend", reason: "Cambio de director en la UGEL." }, receiver.id)).status).toBe(302);
    let data = await (await load(id, team.id)).json();
    expect(data.transfer).toMatchObject({ status: "suspendida", statusReason: "Cambio de director en la UGEL." });
    expect(data.roles).toMatchObject({ canResume: true, canSuspend: false, canAdvance: false });
    const twice = await post(id, { intent: "suspend", reason: "Otra vez lo mismo." }, receiver.id);
    expect(twice.status).toBe(400);
    expect((await twice.json()).errors.form).toBe("La transferencia no admite ese cambio en su estado actual.");

    expect((await post(id, { intent: "resume", reason: "El nuevo director ratificó el acuerdo." }, team.id)).status).toBe(302);
    expect((await post(id, { intent: "close", reason: "La UGEL optó por otra estrategia." }, team.id)).status).toBe(302);
    data = await (await load(id)).json();
    expect(data.steps.map((s: { label: string }) => s.label)).toEqual([
      "Solicitó la transferencia",
      "DIFOCA aceptó la solicitud",
      "Suspendió la transferencia",
      "Reanudó la transferencia",
      "Cerró la transferencia",
    ]);
  });

  test("advisories about the transfer show in their section: open ones to its people, held ones to everyone", async () => {
    const { id, practice, team, receiver } = await ongoing();
    const asked = await requestAdvisory({
      practiceId: practice.id,
      requestedBy: team.id,
      type: "transferencia",
      topic: "Plan de adaptación para Huaraz",
      needs: "Ajustar la estrategia a escuelas altoandinas.",
      modality: "virtual",
      advisorId: null,
      startsAt: null,
      minutes: null,
      transferId: id,
    });
    if (!asked.ok) throw new Error(asked.reason);
    const forTeam = await (await load(id, team.id)).json();
    expect(forTeam.advisories).toMatchObject([{ id: asked.id, topic: "Plan de adaptación para Huaraz", when: "Por programar", href: `/asesorias/${asked.id}` }]);
    expect(forTeam.canRequestAdvisory).toBe(true);
    // The receiver is responsible for the transfer, but the advisory's own page is for its team and DIFOCA.
    const forReceiver = await (await load(id, receiver.id)).json();
    expect(forReceiver.advisories).toMatchObject([{ id: asked.id, topic: "Plan de adaptación para Huaraz", href: null }]);
    // A request not yet held is not public.
    expect((await (await load(id)).json()).advisories).toEqual([]);
  });

  test("responsible people add a member by e-mail to a side and take someone off", async () => {
    const { id, receiver } = await ongoing();
    const colleague = await createMember({ role: "gestor", iged: "UGEL Huaraz", name: "Carmen Rojas Valverde" });
    const unknown = await post(id, { intent: "add-participant", email: "nadie@ejemplo.pe", side: "receiving" }, receiver.id);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors.email).toBe("No encontramos un miembro activo con ese correo.");

    const added = await post(id, { intent: "add-participant", email: colleague.email.toUpperCase(), side: "receiving" }, receiver.id);
    expect(added.status).toBe(302);
    let data = await (await load(id, colleague.id)).json();
    expect(data.people.receiving.map((p: { name: string }) => p.name)).toContain("Carmen Rojas Valverde");
    // Now they may move it too.
    expect(data.roles).toMatchObject({ isParticipant: true, canAdvance: true });

    expect((await post(id, { intent: "remove-participant", userId: String(colleague.id) }, receiver.id)).status).toBe(302);
    data = await (await load(id, colleague.id)).json();
    expect(data.roles.canMove).toBe(false);
  });

  test("each responsible person manages only their own side: other sides, strangers, DIFOCA and the last person are refused with a 400", async () => {
    const { id, team, receiver, difoca } = await ongoing();
    const page = await (await load(id, receiver.id)).json();
    expect(page.roles).toMatchObject({ canManagePeople: true, managedSides: ["receiving"] });
    expect((await (await load(id, difoca.id)).json()).roles.managedSides).toEqual(["source", "receiving"]);

    const nasca = await createMember({ role: "gestor", iged: "UGEL Nasca" });
    const otherSide = await post(id, { intent: "add-participant", email: nasca.email, side: "source" }, receiver.id);
    expect(otherSide.status).toBe(400);
    expect((await otherSide.json()).errors.form).toBe("Solo puedes agregar o quitar personas responsables de tu propio lado de la transferencia.");

    const stranger = await createMember({ role: "gestor", iged: "UGEL Yauli" });
    const notReceiving = await post(id, { intent: "add-participant", email: stranger.email, side: "receiving" }, receiver.id);
    expect(notReceiving.status).toBe(400);
    expect((await notReceiving.json()).errors.email).toBe("Del lado de la IGED receptora solo pueden ser responsables miembros activos de esa IGED.");
    const notSource = await post(id, { intent: "add-participant", email: stranger.email, side: "source" }, difoca.id);
    expect(notSource.status).toBe(400);
    expect((await notSource.json()).errors.email).toBe(
      "Del lado de la práctica solo pueden ser responsables miembros activos de su equipo o de las IGED que la lideran o comparten.",
    );

    const otherDifoca = await createMember({ role: "difoca", iged: null });
    const addDifoca = await post(id, { intent: "add-participant", email: otherDifoca.email, side: "receiving" }, difoca.id);
    expect(addDifoca.status).toBe(400);
    expect((await addDifoca.json()).errors.email).toBe("El personal de DIFOCA acompaña todas las transferencias: no se agrega como persona responsable.");

    const last = await post(id, { intent: "remove-participant", userId: String(team.id) }, difoca.id);
    expect(last.status).toBe(400);
    expect((await last.json()).errors.form).toBe("No se puede quitar a la última persona responsable de un lado: primero agrega a quien la reemplace.");
    const notMine = await post(id, { intent: "remove-participant", userId: String(team.id) }, receiver.id);
    expect(notMine.status).toBe(400);

    expect((await post(id, { intent: "add-participant", email: nasca.email, side: "source" }, team.id)).status).toBe(302);
    const data = await (await load(id)).json();
    expect(data.people.source.map((p: { userId: number }) => p.userId).sort()).toEqual([team.id, nasca.id].sort());
    expect(data.people.receiving.map((p: { userId: number }) => p.userId)).toEqual([receiver.id]);
    expect(data.steps.at(-1)).toMatchObject({ label: "Agregó una nota", note: `Agregó a ${nasca.name} como responsable del equipo de la práctica.`, actorName: team.name });
  });

  test("until DIFOCA accepts it, the request's texts and evidence are for its people and DIFOCA; afterwards they are public", async () => {
    const { id, team, receiver, difoca } = await requested();
    expect((await post(id, { intent: "evidence", evidenceTitle: "Oficio de la UGEL", evidenceUrl: "https://ejemplo.pe/oficio-ugel-huaraz" }, receiver.id)).status).toBe(302);
    const item = (await getTransfer(id))!.evidence[0]!;
    const outsider = await createMember({ role: "gestor", iged: "UGEL Yauli" });

    for (const viewer of [undefined, outsider.id]) {
      const data = await (await load(id, viewer)).json();
      expect(data.transfer).toMatchObject({ status: "pendiente", reason: null, context: null });
      expect(data.evidenceByStage).toEqual([]);
      expect(data.steps.every((s: { note: string; evidence: unknown[] }) => s.note === "" && s.evidence.length === 0)).toBe(true);
      const text = JSON.stringify(data);
      expect(text).not.toContain("brigadas escolares");
      expect(text).not.toContain("ejemplo.pe/oficio");
      expect((await fetchEvidence(id, item.id, viewer)).status).toBe(404);
    }
    for (const viewer of [team.id, receiver.id, difoca.id]) {
      const data = await (await load(id, viewer)).json();
      expect(data.transfer.reason).toBe("Queremos brigadas escolares de gestión del riesgo en nuestras escuelas.");
      expect(data.evidenceByStage[0].items[0]).toMatchObject({ title: "Oficio de la UGEL" });
      expect((await fetchEvidence(id, item.id, viewer)).status).toBe(302);
    }

    expect((await post(id, { intent: "decide", decision: "accept", reason: "" }, difoca.id)).status).toBe(302);
    const accepted = await (await load(id)).json();
    expect(accepted.transfer).toMatchObject({ reason: "Queremos brigadas escolares de gestión del riesgo en nuestras escuelas.", context: "Escuelas altoandinas de Huaraz expuestas a aluviones y heladas." });
    expect(accepted.evidenceByStage[0].items[0]).toMatchObject({ title: "Oficio de la UGEL" });
    expect((await fetchEvidence(id, item.id)).status).toBe(302);
  });

  test("a declined request keeps its reasons from visitors", async () => {
    const { id, receiver, difoca } = await requested();
    expect((await post(id, { intent: "decide", decision: "decline", reason: "La UGEL no adjuntó el acuerdo de su dirección." }, difoca.id)).status).toBe(302);
    const visitor = await (await load(id)).json();
    expect(visitor.transfer).toMatchObject({ status: "rechazada", statusReason: null, reason: null, context: null });
    expect(JSON.stringify(visitor)).not.toContain("acuerdo de su dirección");
    const own = await (await load(id, receiver.id)).json();
    expect(own.transfer.statusReason).toBe("La UGEL no adjuntó el acuerdo de su dirección.");
  });
});
