import { describe, expect, test } from "vitest";
import { getAdvisory, proposeAdvisoryTime, requestAdvisory } from "~/models/advisory.server";
import { listNotifications } from "~/models/notification.server";
import { loader as adminHomeLoader } from "~/routes/admin._index";
import { action, loader } from "~/routes/admin.asesorias";
import { todayInLima } from "~/utils/dates";
import { createMember } from "../../tests/factories/members";
import { publishedPractice } from "../../tests/factories/practices";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

const URL = "/admin/asesorias";
const DAY = 24 * 3600_000;
const dayIn = (days: number) => todayInLima(new Date(Date.now() + days * DAY));
const NEEDS = "Necesitamos ordenar los indicadores de permanencia de los Centros de Extensión.";

/** A request left to DIFOCA by the gestor of a published practice, and an expert who can take it. */
async function unassignedRequest(modality: "virtual" | "presencial" = "virtual") {
  const { practice, gestor, difoca } = await publishedPractice({ title: `Centros de Extensión rurales ${Math.random().toString(36).slice(2, 6)}` });
  const expert = await createMember({ role: "experto", iged: null, name: "Jorge Chávez Escobar" });
  const request = await requestAdvisory({
    practiceId: practice.id,
    requestedBy: gestor.id,
    type: "personalizada",
    topic: "Indicadores de permanencia",
    needs: NEEDS,
    modality,
    advisorId: null,
    startsAt: null,
    minutes: null,
    now: new Date(Date.now() - 3 * DAY),
    at: new Date(Date.now() - 3 * DAY).toISOString(),
  });
  if (!request.ok) throw new Error(request.reason);
  return { practice, gestor, difoca, expert, id: request.id };
}

const load = async (userId: number) => respond(async () => loader({ request: getRequest(URL, await sessionCookieFor(userId)), params: {}, context }));
const assign = async (userId: number, fields: Record<string, string>) =>
  respond(async () => action({ request: formRequest(URL, { intent: "assign", ...fields }, await sessionCookieFor(userId)), params: {}, context }));

describe("/admin/asesorias", () => {
  test("a gestor gets 403 to see the queue and to assign, and nothing changes", async () => {
    const { gestor, expert, id } = await unassignedRequest();
    expect((await load(gestor.id)).status).toBe(403);
    const response = await assign(gestor.id, { advisoryId: String(id), advisorId: String(expert.id), date: dayIn(3), time: "10:00", minutes: "60", meetingUrl: "https://meet.ejemplo.pe/a" });
    expect(response.status).toBe(403);
    expect((await getAdvisory(id))?.status).toBe("solicitada");
  });

  test("DIFOCA sees an unassigned request with its practice, requester, needs, no time and its age; the admin home counts it", async () => {
    const { practice, gestor, difoca, id } = await unassignedRequest();
    const response = await load(difoca.id);
    expect(response.status).toBe(200);
    const page = await response.json();
    const item = page.unassigned.find((i: { id: number }) => i.id === id);
    expect(item).toMatchObject({
      topic: "Indicadores de permanencia",
      needs: NEEDS,
      practiceTitle: practice.title,
      requestedByName: gestor.name,
      modalityLabel: "Virtual",
      when: "Sin horario",
      age: "hace 3 días",
    });
    expect(page.withAdvisor.some((i: { id: number }) => i.id === id)).toBe(false);
    expect(page.advisors.length).toBeGreaterThan(0);
    const home = await (await respond(async () => adminHomeLoader({ request: getRequest("/admin", await sessionCookieFor(difoca.id)), params: {}, context }))).json();
    expect(home.pendingAdvisories).toBeGreaterThanOrEqual(1);
  });

  test("assigning a virtual session without its link is a 400 next to that request, keeping what was typed", async () => {
    const { difoca, expert, id } = await unassignedRequest("virtual");
    const response = await assign(difoca.id, { advisoryId: String(id), advisorId: String(expert.id), date: dayIn(4), time: "15:30", minutes: "90", meetingUrl: "" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.advisoryId).toBe(id);
    expect(body.errors).toEqual({ meetingUrl: "Escribe el enlace de la reunión virtual." });
    expect(body.values).toMatchObject({ advisorId: String(expert.id), date: dayIn(4), time: "15:30", minutes: "90" });
    expect((await getAdvisory(id))?.advisor).toBeNull();
  });

  test("assigning without an advisor, or in the past, is a 400 with a Spanish message", async () => {
    const { difoca, expert, id } = await unassignedRequest("presencial");
    const noAdvisor = await assign(difoca.id, { advisoryId: String(id), advisorId: "", date: dayIn(4), time: "10:00", minutes: "60", place: "UGEL Chota, sala de reuniones" });
    expect(noAdvisor.status).toBe(400);
    expect((await noAdvisor.json()).errors.advisorId).toBe("Elige un asesor de la lista.");

    const past = await assign(difoca.id, { advisoryId: String(id), advisorId: String(expert.id), date: dayIn(-2), time: "10:00", minutes: "60", place: "UGEL Chota, sala de reuniones" });
    expect(past.status).toBe(400);
    const body = await past.json();
    expect(body.advisoryId).toBe(id);
    expect(body.errors.date).toBe("La fecha y hora ya pasaron.");
    expect(body.values.place).toBe("UGEL Chota, sala de reuniones");
    expect((await getAdvisory(id))?.status).toBe("solicitada");
  });

  test("assigning confirms the session with the advisor, tells the team and the advisor, and lists it among the next two weeks", async () => {
    const { gestor, difoca, expert, id } = await unassignedRequest();
    const response = await assign(difoca.id, { advisoryId: String(id), advisorId: String(expert.id), date: dayIn(5), time: "09:30", minutes: "60", meetingUrl: "https://meet.ejemplo.pe/cetpro" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(URL);

    const advisory = await getAdvisory(id);
    expect(advisory).toMatchObject({ status: "confirmada", meetingUrl: "https://meet.ejemplo.pe/cetpro", advisor: { id: expert.id } });
    const team = (await listNotifications(gestor.id)).map((n) => n.title);
    expect(team.some((t) => t.startsWith("Asesoría confirmada para el") && t.includes("«Indicadores de permanencia»"))).toBe(true);
    expect((await listNotifications(expert.id)).some((n) => n.link === `/asesorias/${id}`)).toBe(true);

    const page = await (await load(difoca.id)).json();
    expect(page.unassigned.some((i: { id: number }) => i.id === id)).toBe(false);
    expect(page.upcoming.find((u: { id: number }) => u.id === id)).toMatchObject({ advisorName: "Jorge Chávez Escobar", topic: "Indicadores de permanencia" });

    // A second assignment of the same request is refused next to it, not a 500.
    const again = await assign(difoca.id, { advisoryId: String(id), advisorId: String(expert.id), date: dayIn(6), time: "09:30", minutes: "60", meetingUrl: "https://meet.ejemplo.pe/cetpro" });
    expect(again.status).toBe(400);
    expect((await again.json()).errors.form).toBe("Otra persona ya asignó esta asesoría.");
  });

  test("a request another specialist proposed a time for meanwhile is refused with a 400, and keeps that advisor", async () => {
    const { difoca, expert, id } = await unassignedRequest();
    const colleague = await createMember({ role: "difoca", iged: null });
    const other = await createMember({ role: "experto", iged: null });
    // Loaded by both; the colleague assigns first through the advisory's page (a proposal to the team).
    const proposed = await proposeAdvisoryTime({ advisoryId: id, actorId: colleague.id, advisorId: expert.id, startsAt: `${dayIn(8)}T15:00:00.000Z`, minutes: 60, meetingUrl: "https://meet.ejemplo.pe/p", place: null, note: "Propuesta." });
    expect(proposed.ok).toBe(true);
    const late = await assign(difoca.id, { advisoryId: String(id), advisorId: String(other.id), date: dayIn(9), time: "10:00", minutes: "60", meetingUrl: "https://meet.ejemplo.pe/q" });
    expect(late.status).toBe(400);
    const body = await late.json();
    expect(body).toMatchObject({ advisoryId: id, errors: { form: "Otra persona ya asignó esta asesoría." } });
    expect(await getAdvisory(id)).toMatchObject({ status: "propuesta", advisor: { id: expert.id } });
  });

  test("an advisor already busy at that time is a 400, and an unknown request a 404", async () => {
    const first = await unassignedRequest();
    const second = await unassignedRequest();
    const fields = { advisorId: String(first.expert.id), date: dayIn(7), time: "11:00", minutes: "60", meetingUrl: "https://meet.ejemplo.pe/x" };
    expect((await assign(first.difoca.id, { advisoryId: String(first.id), ...fields })).status).toBe(302);
    const clash = await assign(first.difoca.id, { advisoryId: String(second.id), ...fields, time: "11:30" });
    expect(clash.status).toBe(400);
    expect((await clash.json()).errors.form).toBe("El asesor ya tiene otra asesoría en ese horario. Elige otra hora u otro asesor.");
    expect((await assign(first.difoca.id, { advisoryId: "999999", ...fields })).status).toBe(404);
  });
});
