import { describe, expect, test } from "vitest";
import { addAvailability, getAdvisory, listFreeSlots } from "~/models/advisory.server";
import { listNotifications } from "~/models/notification.server";
import { addTeamMember, setPracticeArchived } from "~/models/practice.server";
import { action, loader } from "~/routes/asesorias.nueva";
import { localToUtc, utcToLocal } from "~/utils/advisory-slots";
import { todayInLima } from "~/utils/dates";
import { createMember } from "../../tests/factories/members";
import { makePractice, publishedPractice } from "../../tests/factories/practices";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

const DAY = 24 * 3600_000;

/** An expert open every day, 08:00–18:00 Lima, in sessions of an hour. */
async function openExpert() {
  const expert = await createMember({ role: "experto", iged: null, name: "Rosa Quispe Huamán" });
  for (let weekday = 1; weekday <= 7; weekday++) {
    await addAvailability({ advisorId: expert.id, kind: "weekly", weekday, date: null, startTime: "08:00", endTime: "18:00", sessionMinutes: 60 });
  }
  return expert;
}

const request = (practiceId: number, overrides: Record<string, string> = {}) => ({
  practiceId: String(practiceId),
  type: "personalizada",
  topic: "Indicadores de resultado de la práctica",
  needs: "Queremos revisar cómo medimos los resultados de la estrategia en las escuelas.",
  modality: "virtual",
  mode: "horario",
  ...overrides,
});

const post = async (fields: Record<string, string>, userId: number, search = "") =>
  respond(async () => action({ request: formRequest(`/asesorias/nueva${search}`, fields, await sessionCookieFor(userId)), params: {}, context }));

const load = async (userId: number, search = "") => {
  const response = await respond(async () => loader({ request: getRequest(`/asesorias/nueva${search}`, await sessionCookieFor(userId)), params: {}, context }));
  return { status: response.status, data: await response.json() };
};

const slotValue = (slot: { startsAt: string; minutes: number }) => `${slot.startsAt}|${slot.minutes}`;

describe("the request form", () => {
  test("a member without a practice is told to join a team first, with a link to register one", async () => {
    const gestor = await createMember({ role: "gestor" });
    const { status, data } = await load(gestor.id);
    expect(status).toBe(200);
    expect(data.practices).toEqual([]);
    expect(data.canCreatePractice).toBe(true);
  });

  test("?practica preselects the practice and ?asesor shows that advisor's free slots; advisors without hours are marked", async () => {
    const { practice, gestor } = await publishedPractice();
    const expert = await openExpert();
    const idle = await createMember({ role: "experto", iged: null });
    const { status, data } = await load(gestor.id, `?practica=${practice.slug}&asesor=${expert.id}`);
    expect(status).toBe(200);
    expect(data.selectedPracticeId).toBe(String(practice.id));
    expect(data.advisor).toMatchObject({ id: expert.id, hasAvailability: true });
    const first = (await listFreeSlots({ advisorId: expert.id }))[0]!;
    expect(data.slotDays[0].slots[0]).toEqual({ value: slotValue(first), range: `${first.time}–${utcToLocal(first.endsAt).time}` });
    expect(data.slotDays[0].label).toMatch(/^[a-záé]+ \d{1,2} de [a-z]+$/);
    const listed = data.advisors.map((a: { id: number }) => a.id);
    expect(listed.indexOf(expert.id)).toBeLessThan(listed.indexOf(idle.id));
    expect(data.advisors.find((a: { id: number }) => a.id === idle.id).hasAvailability).toBe(false);
    const idleView = await load(gestor.id, `?asesor=${idle.id}`);
    expect(idleView.data.slotDays).toEqual([]);
  });
});

describe("requesting an advisory", () => {
  test("a team member books a free slot: redirected to the advisory, the slot is taken, the advisor is told", async () => {
    const { practice, gestor } = await publishedPractice();
    const expert = await openExpert();
    const slot = (await listFreeSlots({ advisorId: expert.id }))[3]!;
    const response = await post(request(practice.id, { advisorId: String(expert.id), slot: slotValue(slot) }), gestor.id, `?asesor=${expert.id}`);
    expect(response.status).toBe(302);
    const location = response.headers.get("Location")!;
    expect(location).toMatch(/^\/asesorias\/\d+$/);
    const advisory = await getAdvisory(Number(location.split("/").pop()));
    expect(advisory).toMatchObject({ status: "solicitada", startsAt: slot.startsAt, endsAt: slot.endsAt, advisor: { id: expert.id }, practice: { id: practice.id } });
    expect((await listFreeSlots({ advisorId: expert.id })).some((s) => s.startsAt === slot.startsAt)).toBe(false);
    expect((await listNotifications(expert.id)).map((n) => n.link)).toContain(location);
  });

  test("the same slot asked again by another team member is a clear 400, and the remaining slots are offered", async () => {
    const { practice, gestor } = await publishedPractice();
    const colleague = await createMember({ role: "gestor", iged: "UGEL Nasca" });
    await addTeamMember({ practiceId: practice.id, userId: colleague.id });
    const expert = await openExpert();
    const slot = (await listFreeSlots({ advisorId: expert.id }))[0]!;
    const fields = request(practice.id, { advisorId: String(expert.id), slot: slotValue(slot) });
    expect((await post(fields, gestor.id)).status).toBe(302);
    const again = await post({ ...fields, topic: "Otra consulta sobre indicadores" }, colleague.id, `?asesor=${expert.id}`);
    expect(again.status).toBe(400);
    const body = await again.json();
    expect(body.errors.slot).toBe("Ese horario acaba de ser reservado por otro equipo. Elige otro.");
    expect(body.values).toMatchObject({ topic: "Otra consulta sobre indicadores", needs: fields.needs });
    expect(body.values.slot).toBeUndefined();
    const { data } = await load(colleague.id, `?asesor=${expert.id}`);
    const offered = data.slotDays.flatMap((d: { slots: { value: string }[] }) => d.slots.map((s) => s.value));
    expect(offered).not.toContain(slotValue(slot));
    expect(offered.length).toBeGreaterThan(0);
  });

  test("a member outside the practice's team cannot ask for it", async () => {
    const { practice } = await publishedPractice();
    const { gestor: outsider } = await publishedPractice();
    const expert = await openExpert();
    const slot = (await listFreeSlots({ advisorId: expert.id }))[0]!;
    const response = await post(request(practice.id, { advisorId: String(expert.id), slot: slotValue(slot) }), outsider.id);
    expect(response.status).toBe(403);
    expect((await listFreeSlots({ advisorId: expert.id }))[0]!.startsAt).toBe(slot.startsAt);
  });

  test("an archived practice no longer asks for advisories", async () => {
    const { practice, gestor, difoca } = await publishedPractice();
    await setPracticeArchived({ practiceId: practice.id, actorId: difoca.id, archived: true, note: "La práctica dejó de aplicarse." });
    const response = await post(request(practice.id, { mode: "difoca" }), gestor.id);
    expect(response.status).toBe(400);
    expect((await response.json()).errors.practiceId).toBe("Esa práctica está archivada: ya no recibe asesorías.");
  });

  test("left to DIFOCA: a request without an advisor, and DIFOCA is told", async () => {
    const { practice, gestor, difoca } = await publishedPractice();
    const response = await post(request(practice.id, { mode: "difoca", modality: "presencial" }), gestor.id);
    expect(response.status).toBe(302);
    const location = response.headers.get("Location")!;
    const advisory = await getAdvisory(Number(location.split("/").pop()));
    expect(advisory).toMatchObject({ status: "solicitada", advisor: null, startsAt: null, modality: "presencial" });
    const told = await listNotifications(difoca.id);
    expect(told).toContainEqual(expect.objectContaining({ link: location, title: "Nueva solicitud de asesoría por asignar: «Indicadores de resultado de la práctica»" }));
  });

  test("a time that is not one of the advisor's published slots is a 400", async () => {
    const { practice, gestor } = await publishedPractice();
    const expert = await openExpert();
    const startsAt = localToUtc(todayInLima(new Date(Date.now() + 3 * DAY)), "07:13")!;
    const response = await post(request(practice.id, { advisorId: String(expert.id), slot: `${startsAt}|60` }), gestor.id);
    expect(response.status).toBe(400);
    expect((await response.json()).errors.slot).toBe("Ese horario no está en la disponibilidad del asesor.");
  });

  test("a slot in the past is a 400 asking for 12 hours' notice", async () => {
    const { practice, gestor } = await publishedPractice();
    const expert = await openExpert();
    const startsAt = localToUtc(todayInLima(new Date(Date.now() - DAY)), "09:00")!;
    const response = await post(request(practice.id, { advisorId: String(expert.id), slot: `${startsAt}|60` }), gestor.id);
    expect(response.status).toBe(400);
    expect((await response.json()).errors.slot).toBe(
      "La fecha y hora ya pasaron o están demasiado cerca: elige un horario con al menos 12 horas de anticipación.",
    );
  });

  test("a missing topic is a 400 with its message, and what was typed in the needs stays", async () => {
    const { practice, gestor } = await publishedPractice();
    const fields = request(practice.id, { mode: "difoca", topic: "" });
    const response = await post(fields, gestor.id);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors.topic).toBe("Escribe el tema de la asesoría.");
    expect(body.values.needs).toBe(fields.needs);
  });

  test("choosing a slot without an advisor asks for one", async () => {
    const { practice, gestor } = await publishedPractice();
    const response = await post(request(practice.id), gestor.id);
    expect(response.status).toBe(400);
    expect((await response.json()).errors.advisorId).toBe("Elige un asesor de la lista.");
  });
});

describe("advisories about a transfer", () => {
  async function ongoingTransfer() {
    const { getIgedByName } = await import("~/models/iged.server");
    const { changePracticeStage } = await import("~/models/practice.server");
    const { decideTransfer, requestTransfer } = await import("~/models/transfer.server");
    const { practice, gestor, difoca } = await publishedPractice();
    await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "avanzado", note: "Consolidada." });
    const receiver = await createMember({ role: "gestor", iged: "UGEL Huaraz" });
    const huaraz = await getIgedByName("UGEL Huaraz");
    const asked = await requestTransfer({
      practiceId: practice.id,
      requestedBy: receiver.id,
      receivingIgedId: huaraz!.id,
      reason: "Queremos adoptar la práctica en nuestras escuelas rurales.",
      context: "Doce escuelas multigrado de la provincia de Huaraz.",
    });
    if (!asked.ok) throw new Error(asked.reason);
    await decideTransfer({ transferId: asked.id, actorId: difoca.id, accept: true, reason: "" });
    return { practice, team: gestor, receiver, transferId: asked.id };
  }

  test("the receiving team, from the transfer's page, asks for an advisory about it", async () => {
    const { practice, receiver, transferId } = await ongoingTransfer();
    const { data } = await load(receiver.id, `?transferencia=${transferId}`);
    expect(data.selectedTransferId).toBe(String(transferId));
    expect(data.selectedPracticeId).toBe(String(practice.id));
    expect(data.practices.map((p: { label: string }) => p.label)).toEqual([`${practice.title} (transferencia)`]);

    const response = await post(request(practice.id, { type: "transferencia", transferId: String(transferId), mode: "difoca" }), receiver.id);
    expect(response.status).toBe(302);
    const id = Number(response.headers.get("Location")!.split("/").pop());
    const { listAdvisoriesOfTransfer } = await import("~/models/transfer.server");
    expect((await listAdvisoriesOfTransfer(transferId, receiver.id)).map((a) => a.id)).toEqual([id]);
    expect((await getAdvisory(id))?.type).toBe("transferencia");
  });

  test("a transfer goes only with an advisory about transfer, and only with its own practice", async () => {
    const { practice, team, transferId } = await ongoingTransfer();
    const personal = await post(request(practice.id, { type: "personalizada", transferId: String(transferId), mode: "difoca" }), team.id);
    expect(personal.status).toBe(400);
    expect((await personal.json()).errors.transferId).toBe("Una transferencia solo se vincula a una asesoría sobre transferencia.");

    const other = await makePractice({ authorId: team.id, publish: true });
    const mismatched = await post(request(other.id, { type: "transferencia", transferId: String(transferId), mode: "difoca" }), team.id);
    expect(mismatched.status).toBe(400);
    expect((await mismatched.json()).errors.transferId).toBe("Elige una transferencia en curso de la práctica que indicaste.");
  });

  test("someone outside the practice and the transfer cannot ask about it", async () => {
    const { practice, transferId } = await ongoingTransfer();
    const stranger = await createMember({ role: "gestor", iged: "UGEL Yauli" });
    const response = await post(request(practice.id, { type: "transferencia", transferId: String(transferId), mode: "difoca" }), stranger.id);
    expect(response.status).toBe(403);
  });
});
