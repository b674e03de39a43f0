import { describe, expect, test } from "vitest";
import { addAvailability, confirmAdvisory, getAdvisory, proposeAdvisoryTime, requestAdvisory } from "~/models/advisory.server";
import { getIgedByName } from "~/models/iged.server";
import { listNotifications } from "~/models/notification.server";
import { getMemberPoints } from "~/models/points.server";
import { addTeamMember, changePracticeStage } from "~/models/practice.server";
import { decideTransfer, requestTransfer } from "~/models/transfer.server";
import { action, loader } from "~/routes/asesorias.$id._index";
import { localToUtc, utcToLocal } from "~/utils/advisory-slots";
import { todayInLima } from "~/utils/dates";
import { createMember } from "../../tests/factories/members";
import { publishedPractice } from "../../tests/factories/practices";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

const DAY = 24 * 3600_000;
const dayIn = (days: number) => todayInLima(new Date(Date.now() + days * DAY));
const NEEDS = "Orientación para ordenar los indicadores de la práctica.";

/** A practice with its gestor, a DIFOCA specialist, an expert, and a request left for DIFOCA to assign. */
async function pendingRequest(input: { modality?: "virtual" | "presencial"; topic?: string } = {}) {
  const { practice, gestor, difoca } = await publishedPractice();
  const expert = await createMember({ role: "experto", iged: null });
  const request = await requestAdvisory({
    practiceId: practice.id,
    requestedBy: gestor.id,
    type: "personalizada",
    topic: input.topic ?? "Indicadores de resultado",
    needs: NEEDS,
    modality: input.modality ?? "virtual",
    advisorId: null,
    startsAt: null,
    minutes: null,
  });
  if (!request.ok) throw new Error(request.reason);
  return { practice, gestor, difoca, expert, id: request.id };
}

/** The same, confirmed by DIFOCA with the expert at `startsAt`, as if decided at `decidedAt` (in the past, so the history keeps its order). */
async function confirmedAdvisory(startsAt: string, decidedAt = new Date(Math.min(Date.parse(startsAt) - 5 * DAY, Date.now() - DAY))) {
  const { practice, gestor, difoca } = await publishedPractice();
  const expert = await createMember({ role: "experto", iged: null });
  const request = await requestAdvisory({
    practiceId: practice.id,
    requestedBy: gestor.id,
    type: "personalizada",
    topic: "Sostenibilidad de la práctica",
    needs: NEEDS,
    modality: "virtual",
    advisorId: null,
    startsAt: null,
    minutes: null,
    now: decidedAt,
  });
  if (!request.ok) throw new Error(request.reason);
  const confirmed = await confirmAdvisory({
    advisoryId: request.id,
    actorId: difoca.id,
    advisorId: expert.id,
    startsAt,
    minutes: 60,
    meetingUrl: "https://meet.ejemplo.pe/asesoria",
    place: null,
    now: decidedAt,
  });
  if (!confirmed.ok) throw new Error(confirmed.reason);
  return { practice, gestor, difoca, expert, id: request.id };
}

const load = async (id: number, userId: number) => respond(async () => loader({ request: getRequest(`/asesorias/${id}`, await sessionCookieFor(userId)), params: { id: String(id) }, context }));
const post = async (id: number, userId: number, fields: Record<string, string>) =>
  respond(async () => action({ request: formRequest(`/asesorias/${id}`, fields, await sessionCookieFor(userId)), params: { id: String(id) }, context }));
const titlesOf = async (userId: number) => (await listNotifications(userId)).map((n) => n.title);

describe("who sees an advisory", () => {
  test("a gestor who is not involved gets a 403; an unknown id is a 404; the team sees it", async () => {
    const { id, gestor, difoca } = await pendingRequest();
    const outsider = await createMember({ iged: "DRE Cusco" });
    expect((await load(id, outsider.id)).status).toBe(403);
    expect((await post(id, outsider.id, { intent: "cancel", reason: "No me corresponde" })).status).toBe(403);
    expect((await load(999_999, gestor.id)).status).toBe(404);
    const page = await load(id, gestor.id);
    expect(page.status).toBe(200);
    const data = await page.json();
    expect(data.advisory.when).toBeNull();
    expect(data.roles).toMatchObject({ canConfirm: false, canCancel: true, canRecord: false });
    expect(data.icsPath).toBeNull();
    expect((await load(id, difoca.id)).status).toBe(200);
  });
});

describe("scheduling", () => {
  test("DIFOCA assigns an advisor and a future time to a request: the team and the advisor are told", async () => {
    const { id, gestor, difoca, expert } = await pendingRequest({ topic: "Plan de monitoreo" });
    const date = dayIn(6);
    const response = await post(id, difoca.id, { intent: "confirm", advisorId: String(expert.id), date, time: "10:00", minutes: "60", meetingUrl: "https://meet.ejemplo.pe/monitoreo" });
    expect(response.status).toBe(302);
    const advisory = await getAdvisory(id);
    expect(advisory).toMatchObject({ status: "confirmada", startsAt: localToUtc(date, "10:00"), meetingUrl: "https://meet.ejemplo.pe/monitoreo" });
    expect(advisory?.advisor?.id).toBe(expert.id);
    expect(await titlesOf(gestor.id)).toContainEqual(expect.stringContaining("Asesoría confirmada para el"));
    expect(await titlesOf(expert.id)).toContainEqual(expect.stringContaining("«Plan de monitoreo»"));
    // The advisor now sees the session, with the .ics download.
    const page = await (await load(id, expert.id)).json();
    expect(page.icsPath).toBe(`/asesorias/${id}/ics`);
    expect(page.advisory.when).toContain("de 10:00 a 11:00 (60 minutos)");
  });

  test("the advisor confirms a request for one of their slots, keeping the requested time", async () => {
    const { practice, gestor } = await publishedPractice();
    const expert = await createMember({ role: "experto", iged: null });
    const date = dayIn(8);
    await addAvailability({ advisorId: expert.id, kind: "date", weekday: null, date, startTime: "09:00", endTime: "11:00", sessionMinutes: 60 });
    const startsAt = localToUtc(date, "09:00")!;
    const request = await requestAdvisory({ practiceId: practice.id, requestedBy: gestor.id, type: "personalizada", topic: "Diagnóstico", needs: NEEDS, modality: "presencial", advisorId: expert.id, startsAt, minutes: 60 });
    if (!request.ok) throw new Error(request.reason);
    const noPlace = await post(request.id, expert.id, { intent: "confirm", date: "", time: "", minutes: "", place: "" });
    expect(noPlace.status).toBe(400);
    expect((await noPlace.json()).errors.place).toBe("Escribe el lugar de la reunión presencial.");
    const confirmed = await post(request.id, expert.id, { intent: "confirm", date: "", time: "", minutes: "", place: "UGEL Nasca, sala de reuniones" });
    expect(confirmed.status).toBe(302);
    expect(await getAdvisory(request.id)).toMatchObject({ status: "confirmada", startsAt, place: "UGEL Nasca, sala de reuniones" });
    expect(await titlesOf(gestor.id)).toContainEqual(expect.stringContaining("Asesoría confirmada"));
    // The team cannot confirm.
    expect((await post(request.id, gestor.id, { intent: "confirm", place: "Otro lugar" })).status).toBe(403);
  });

  test("a virtual session without a meeting link is a 400 with the message, and nothing changes", async () => {
    const { id, difoca, expert } = await pendingRequest();
    const response = await post(id, difoca.id, { intent: "confirm", advisorId: String(expert.id), date: dayIn(6), time: "10:00", minutes: "60", meetingUrl: "" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.intent).toBe("confirm");
    expect(body.errors.meetingUrl).toBe("Escribe el enlace de la reunión virtual.");
    expect(body.values.date).toBe(dayIn(6));
    expect((await getAdvisory(id))?.status).toBe("solicitada");
  });

  test("a request without a time needs one, and DIFOCA must choose an advisor", async () => {
    const { id, difoca } = await pendingRequest();
    const noTime = await post(id, difoca.id, { intent: "confirm", date: "", time: "", minutes: "60", meetingUrl: "https://meet.ejemplo.pe/x" });
    expect(noTime.status).toBe(400);
    expect((await noTime.json()).errors.date).toBe("Escribe una fecha válida (día, mes y año).");
    const noAdvisor = await post(id, difoca.id, { intent: "confirm", date: dayIn(6), time: "10:00", minutes: "60", meetingUrl: "https://meet.ejemplo.pe/x" });
    expect(noAdvisor.status).toBe(400);
    expect((await noAdvisor.json()).errors.advisorId).toBe("Elige un asesor de la lista.");
  });

  test("the advisor proposes another time and the team accepts it", async () => {
    const { id, gestor, expert } = await confirmedAdvisory(`${dayIn(5)}T15:00:00.000Z`);
    const date = dayIn(9);
    // Only the team accepts; the advisor cannot accept their own proposal.
    const proposed = await post(id, expert.id, { intent: "propose", date, time: "16:30", minutes: "45", meetingUrl: "https://meet.ejemplo.pe/nueva", note: "Ese día tengo un taller en Ica." });
    expect(proposed.status).toBe(302);
    expect(await getAdvisory(id)).toMatchObject({ status: "propuesta", startsAt: localToUtc(date, "16:30") });
    expect(await titlesOf(gestor.id)).toContainEqual(expect.stringContaining("Te proponen otro horario"));
    const page = await (await load(id, gestor.id)).json();
    expect(page.roles.canAccept).toBe(true);
    expect(page.history.at(-1)).toMatchObject({ label: "Propuso otro horario", note: "Ese día tengo un taller en Ica." });
    expect((await post(id, expert.id, { intent: "accept" })).status).toBe(403);
    const accepted = await post(id, gestor.id, { intent: "accept" });
    expect(accepted.status).toBe(302);
    expect((await getAdvisory(id))?.status).toBe("confirmada");
    expect(await titlesOf(expert.id)).toContainEqual(expect.stringContaining("Asesoría confirmada"));
  });

  test("a confirmed session offers no confirm form, and confirming it again is a 400: it is moved with a reason", async () => {
    const { id, expert } = await confirmedAdvisory(`${dayIn(5)}T15:00:00.000Z`);
    const page = await (await load(id, expert.id)).json();
    expect(page.roles).toMatchObject({ canConfirm: false, canPropose: true, canReschedule: true, canCancel: true });
    const response = await post(id, expert.id, { intent: "confirm", date: dayIn(7), time: "10:00", minutes: "60", meetingUrl: "https://meet.ejemplo.pe/otra" });
    expect(response.status).toBe(400);
    expect((await response.json()).errors.form).toBe("La asesoría ya no admite ese cambio.");
    expect((await getAdvisory(id))?.startsAt).toBe(`${dayIn(5)}T15:00:00.000Z`);
  });

  test("who asked for an advisory about a transfer, from the receiving IGED, answers the proposal like the team", async () => {
    const { practice, difoca } = await publishedPractice();
    await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "avanzado", note: "Consolidada." });
    const receiver = await createMember({ role: "gestor", iged: "UGEL Huaraz" });
    const transfer = await requestTransfer({
      practiceId: practice.id,
      requestedBy: receiver.id,
      receivingIgedId: (await getIgedByName("UGEL Huaraz"))!.id,
      reason: "Queremos adoptar la práctica en nuestras escuelas rurales.",
      context: "Doce escuelas multigrado de la provincia de Huaraz.",
    });
    if (!transfer.ok) throw new Error(transfer.reason);
    await decideTransfer({ transferId: transfer.id, actorId: difoca.id, accept: true, reason: "" });
    const expert = await createMember({ role: "experto", iged: null });
    const request = await requestAdvisory({ practiceId: practice.id, requestedBy: receiver.id, type: "transferencia", transferId: transfer.id, topic: "Adaptar la práctica", needs: NEEDS, modality: "virtual", advisorId: null, startsAt: null, minutes: null });
    if (!request.ok) throw new Error(request.reason);
    await proposeAdvisoryTime({ advisoryId: request.id, actorId: difoca.id, advisorId: expert.id, startsAt: `${dayIn(6)}T15:00:00.000Z`, minutes: 60, meetingUrl: "https://meet.ejemplo.pe/t", place: null, note: "Este es el horario del asesor." });

    const page = await (await load(request.id, receiver.id)).json();
    expect(page.roles).toMatchObject({ isTeam: true, canAccept: true, canCancel: true, canReschedule: true });
    const accepted = await post(request.id, receiver.id, { intent: "accept" });
    expect(accepted.status).toBe(302);
    expect((await getAdvisory(request.id))?.status).toBe("confirmada");
  });

  test("a proposal needs a message for the team", async () => {
    const { id, expert } = await confirmedAdvisory(`${dayIn(5)}T15:00:00.000Z`);
    const response = await post(id, expert.id, { intent: "propose", date: dayIn(9), time: "16:30", minutes: "45", meetingUrl: "https://meet.ejemplo.pe/nueva", note: "" });
    expect(response.status).toBe(400);
    expect((await response.json()).errors.note).toBe("Escribe el motivo: las demás personas lo leerán.");
  });
});

describe("changes", () => {
  test("the team reschedules only to the advisor's free slots", async () => {
    const { id, gestor, expert } = await confirmedAdvisory(`${dayIn(5)}T15:00:00.000Z`);
    const date = dayIn(10);
    await addAvailability({ advisorId: expert.id, kind: "date", weekday: null, date, startTime: "09:00", endTime: "11:00", sessionMinutes: 60 });
    const outside = await post(id, gestor.id, { intent: "reschedule", date, time: "14:00", minutes: "60", reason: "El director no puede ese día." });
    expect(outside.status).toBe(400);
    expect((await outside.json()).errors.form).toBe("Ese horario no está en la disponibilidad del asesor.");
    const none = await post(id, gestor.id, { intent: "reschedule", reason: "El director no puede ese día." });
    expect(none.status).toBe(400);
    expect((await none.json()).errors.slot).toBe("Elige uno de los horarios libres del asesor.");
    // The page offers the free slots, and one of them works without typing anything.
    const page = await (await load(id, gestor.id)).json();
    const slot = page.freeSlots.find((s: { value: string }) => s.value.startsWith(localToUtc(date, "10:00")!));
    expect(slot.label).toContain("de 10:00 a 11:00");
    const moved = await post(id, gestor.id, { intent: "reschedule", slot: slot.value, reason: "El director no puede ese día." });
    expect(moved.status).toBe(302);
    // The team's change waits for the advisor's confirmation.
    expect(await getAdvisory(id)).toMatchObject({ status: "solicitada", startsAt: localToUtc(date, "10:00") });
    expect(await titlesOf(expert.id)).toContainEqual(expect.stringContaining("El equipo pide reprogramar"));
  });

  test("cancelling needs a reason; then the advisory is cancelled and everyone involved is told", async () => {
    const { id, practice, gestor, difoca, expert } = await confirmedAdvisory(`${dayIn(5)}T15:00:00.000Z`);
    const teammate = await createMember({ iged: "UGEL Nasca" });
    await addTeamMember({ practiceId: practice.id, userId: teammate.id });
    const noReason = await post(id, difoca.id, { intent: "cancel", reason: "" });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).errors.reason).toBe("Escribe el motivo: las demás personas lo leerán.");
    expect((await getAdvisory(id))?.status).toBe("confirmada");
    const cancelled = await post(id, difoca.id, { intent: "cancel", reason: "El asesor tiene una comisión de servicio." });
    expect(cancelled.status).toBe(302);
    expect(await getAdvisory(id)).toMatchObject({ status: "cancelada", cancelReason: "El asesor tiene una comisión de servicio." });
    for (const member of [gestor, teammate, expert]) {
      expect(await titlesOf(member.id)).toContainEqual("Se canceló la asesoría «Sostenibilidad de la práctica»");
    }
    // Nothing is left to change.
    const page = await (await load(id, gestor.id)).json();
    expect(page.roles).toMatchObject({ canCancel: false, canReschedule: false, canRecord: false });
    const again = await post(id, gestor.id, { intent: "cancel", reason: "Otra vez por si acaso." });
    expect(again.status).toBe(400);
    expect((await again.json()).errors.form).toBe("La asesoría ya no admite ese cambio.");
  });
});

describe("after the session", () => {
  test("the minutes cannot be recorded before the session starts", async () => {
    const { id, gestor, expert } = await confirmedAdvisory(`${dayIn(5)}T15:00:00.000Z`);
    const page = await (await load(id, expert.id)).json();
    expect(page.roles).toMatchObject({ canRecord: false, recordsLater: true });
    const response = await post(id, expert.id, { intent: "record", held: "si", attendees: String(gestor.id), summary: "Se revisaron los indicadores de resultado." });
    expect(response.status).toBe(400);
    expect((await response.json()).errors.form).toBe("Podrás registrar el acta cuando haya empezado la asesoría.");
    expect((await getAdvisory(id))?.status).toBe("confirmada");
  });

  test("the advisor records a held session: attendance earns points, commitments are listed and followed", async () => {
    const startsAt = new Date(Date.now() - 2 * DAY);
    startsAt.setUTCMinutes(0, 0, 0);
    const { id, gestor, expert } = await confirmedAdvisory(startsAt.toISOString());
    const year = Number(utcToLocal(startsAt.toISOString()).date.slice(0, 4));
    const pointsBefore = (await getMemberPoints(gestor.id, year)).total;
    const yesterday = dayIn(-1);
    const nextMonth = dayIn(30);

    const invalid = await post(id, expert.id, { intent: "record", held: "si", summary: "Corto", "commitment-0-description": "Algo" });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).errors).toMatchObject({
      summary: "El resumen debe tener al menos 20 caracteres.",
      attendees: "Marca quiénes asistieron a la asesoría.",
      "commitment-0-description": "Describe el compromiso (entre 5 y 500 caracteres).",
      "commitment-0-responsible": "Indica quién es responsable del compromiso.",
    });
    // The team does not record minutes.
    expect((await post(id, gestor.id, { intent: "record", held: "no" })).status).toBe(403);

    const recorded = await post(id, expert.id, {
      intent: "record",
      held: "si",
      attendees: String(gestor.id),
      summary: "Se revisó la **estrategia** y los indicadores de resultado.",
      agreements: "- Completar la línea de base",
      "commitment-0-description": "Enviar la línea de base actualizada",
      "commitment-0-responsible": String(gestor.id),
      "commitment-0-due": yesterday,
      "commitment-1-description": "Presentar la práctica al consejo regional",
      "commitment-1-responsible": "otra",
      "commitment-1-other": "Directora de la UGEL",
      "commitment-1-due": nextMonth,
    });
    expect(recorded.status).toBe(302);
    expect((await getAdvisory(id))?.status).toBe("realizada");
    expect((await getMemberPoints(gestor.id, year)).total).toBe(pointsBefore + 20);

    const page = await (await load(id, gestor.id)).json();
    expect(page.advisory.statusLabel).toBe("Realizada");
    expect(page.minutes.summaryHtml).toContain("<strong>estrategia</strong>");
    expect(page.attendees).toContainEqual({ userId: gestor.id, name: gestor.name, attended: true });
    expect(page.commitments).toHaveLength(2);
    const [baseline, council] = page.commitments;
    expect(baseline).toMatchObject({ description: "Enviar la línea de base actualizada", responsibleName: gestor.name, overdue: true, done: false, canToggle: true });
    expect(council).toMatchObject({ responsibleName: "Directora de la UGEL", overdue: false, done: false });

    // A team member marks it done; someone unrelated cannot.
    const outsider = await createMember({ iged: "DRE Cusco" });
    expect((await post(id, outsider.id, { intent: "commitment-done", commitmentId: String(baseline.id) })).status).toBe(403);
    const marked = await post(id, gestor.id, { intent: "commitment-done", commitmentId: String(baseline.id) });
    expect(marked.status).toBe(302);
    const after = await (await load(id, gestor.id)).json();
    expect(after.commitments.find((c: { id: number }) => c.id === baseline.id)).toMatchObject({ done: true, overdue: false });
    expect(after.history.at(-1)).toMatchObject({ label: "Marcó un compromiso como cumplido", actorName: gestor.name });
  });

  test("once the session started the team cannot cancel it (400 with why); the advisor still records it", async () => {
    const startsAt = new Date(Date.now() - 3600_000);
    startsAt.setUTCMinutes(0, 0, 0);
    const { id, gestor, expert } = await confirmedAdvisory(startsAt.toISOString());
    const page = await (await load(id, gestor.id)).json();
    expect(page.roles).toMatchObject({ started: true, canCancel: false, canReschedule: false });
    const response = await post(id, gestor.id, { intent: "cancel", reason: "No pudimos conectarnos a la reunión." });
    expect(response.status).toBe(400);
    expect((await response.json()).errors.form).toBe("La asesoría ya empezó: el asesor registrará si se realizó o no.");
    expect((await getAdvisory(id))?.status).toBe("confirmada");
    expect((await (await load(id, expert.id)).json()).roles).toMatchObject({ canRecord: true });
    expect((await post(id, expert.id, { intent: "record", held: "no" })).status).toBe(302);
    expect((await getAdvisory(id))?.status).toBe("no_realizada");
  });

  test("a session that did not happen is recorded without minutes", async () => {
    const startsAt = new Date(Date.now() - DAY);
    startsAt.setUTCMinutes(0, 0, 0);
    const { id, gestor, difoca } = await confirmedAdvisory(startsAt.toISOString());
    const response = await post(id, difoca.id, { intent: "record", held: "no" });
    expect(response.status).toBe(302);
    expect((await getAdvisory(id))?.status).toBe("no_realizada");
    expect(await titlesOf(gestor.id)).toContainEqual("La asesoría «Sostenibilidad de la práctica» se registró como no realizada");
  });
});
