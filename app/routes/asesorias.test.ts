import { describe, expect, test } from "vitest";
import { addAvailability, cancelAdvisory, confirmAdvisory, getCalendarToken, recordAdvisoryOutcome, requestAdvisory } from "~/models/advisory.server";
import { loader as icsLoader } from "~/routes/asesorias.$id.ics";
import { action as indexAction, loader as indexLoader } from "~/routes/asesorias._index";
import { loader as monthLoader } from "~/routes/asesorias.calendario";
import { loader as feedLoader } from "~/routes/asesorias.feed.$token";
import { todayInLima } from "~/utils/dates";
import { createMember } from "../../tests/factories/members";
import { publishedPractice } from "../../tests/factories/practices";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

const DAY = 24 * 3600_000;

/** A practice's advisory confirmed by DIFOCA with an expert at `startsAt` (decided a while ago). */
async function confirmedAdvisory(input: { startsAt: string; topic: string; meetingUrl?: string }) {
  const { practice, gestor, difoca } = await publishedPractice();
  const expert = await createMember({ role: "experto", iged: null });
  const decidedAt = new Date(Math.min(Date.parse(input.startsAt) - 5 * DAY, Date.now() - DAY));
  const request = await requestAdvisory({
    practiceId: practice.id,
    requestedBy: gestor.id,
    type: "personalizada",
    topic: input.topic,
    needs: "Orientación para documentar los resultados.",
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
    startsAt: input.startsAt,
    minutes: 60,
    meetingUrl: input.meetingUrl ?? "https://meet.ejemplo.pe/asesoria",
    place: null,
    now: decidedAt,
  });
  if (!confirmed.ok) throw new Error(confirmed.reason);
  return { id: request.id, practice, gestor, difoca, expert };
}

const inDays = (days: number, hourUtc = 15) => {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(hourUtc, 0, 0, 0);
  return date.toISOString();
};

describe("Mis asesorías", () => {
  test("lists upcoming and past sessions, with the links a member may use and the private feed address", async () => {
    const upcoming = await confirmedAdvisory({ startsAt: inDays(4), topic: "Plan de mejora de la práctica" });
    const cookie = await sessionCookieFor(upcoming.gestor.id);
    const response = await respond(() => indexLoader({ request: getRequest("/asesorias", cookie), params: {}, context }));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.upcoming).toHaveLength(1);
    expect(data.upcoming[0]).toMatchObject({ id: upcoming.id, topic: "Plan de mejora de la práctica", statusLabel: "Confirmada", modalityLabel: "Virtual", advisorName: upcoming.expert.name });
    expect(data.past).toEqual([]);
    expect(data).toMatchObject({ canAdvise: false, canManage: false });
    const token = await getCalendarToken(upcoming.gestor.id);
    expect(data.feedUrl).toBe(`http://localhost:3000/asesorias/feed/${token}.ics`);

    const expertData = await (await respond(async () => indexLoader({ request: getRequest("/asesorias", await sessionCookieFor(upcoming.expert.id)), params: {}, context }))).json();
    expect(expertData.canAdvise).toBe(true);
    expect(expertData.upcoming.map((r: { id: number }) => r.id)).toEqual([upcoming.id]);
  });

  test("a visitor is sent to sign in", async () => {
    const response = await respond(() => indexLoader({ request: getRequest("/asesorias"), params: {}, context }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/ingresar?redirectTo=%2Fasesorias");
  });
});

describe("the month view", () => {
  test("a session late in the evening in Lima appears on its Lima date", async () => {
    // 03:00 UTC on 2 December is 22:00 on 1 December in Lima.
    const { id, gestor } = await confirmedAdvisory({ startsAt: "2026-12-02T03:00:00.000Z", topic: "Sesión nocturna con el equipo" });
    const cookie = await sessionCookieFor(gestor.id);
    const response = await respond(() => monthLoader({ request: getRequest("/asesorias/calendario?mes=2026-12", cookie), params: {}, context }));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data).toMatchObject({ month: "2026-12", label: "Diciembre de 2026", previous: { param: "2026-11" }, next: { param: "2027-01" } });
    type Day = { date: string; inMonth: boolean; sessions: { id: number; time: string; topic: string }[] };
    const days: Day[] = data.weeks.flat();
    // Weeks start on Monday: 1 December 2026 is a Tuesday, so the grid opens on Monday 30 November.
    expect(days[0]!.date).toBe("2026-11-30");
    expect(days.length % 7).toBe(0);
    const first = days.find((d) => d.date === "2026-12-01")!;
    expect(first.sessions).toEqual([expect.objectContaining({ id, time: "22:00", topic: "Sesión nocturna con el equipo" })]);
    expect(days.find((d) => d.date === "2026-12-02")!.sessions).toEqual([]);
  });

  test("a month that makes no sense shows the current one", async () => {
    const member = await createMember();
    const cookie = await sessionCookieFor(member.id);
    const response = await respond(() => monthLoader({ request: getRequest("/asesorias/calendario?mes=2026-13", cookie), params: {}, context }));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.month).toBe(todayInLima().slice(0, 7));
    expect(data.isCurrent).toBe(true);
    expect(data.weeks.flat().filter((d: { today: boolean }) => d.today)).toHaveLength(1);
  });
});

describe("calendar files", () => {
  test("a session downloads as an .ics event in UTC, for those involved only", async () => {
    const { id, gestor } = await confirmedAdvisory({ startsAt: "2026-12-02T03:00:00.000Z", topic: "Indicadores de resultado" });
    const response = await respond(async () => icsLoader({ request: getRequest(`/asesorias/${id}/ics`, await sessionCookieFor(gestor.id)), params: { id: String(id) }, context }));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/calendar");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="asesoria-${id}.ics"`);
    const body = await response.text();
    expect(body).toContain("BEGIN:VEVENT");
    expect(body).toContain("DTSTART:20261202T030000Z");
    expect(body).toContain("DTEND:20261202T040000Z");
    expect(body).toContain("Asesoría: Indicadores de resultado");
    expect(body).toContain(`UID:asesoria-${id}@localhost`);
    expect(body).toContain("SEQUENCE:1");

    const outsider = await createMember({ iged: "DRE Cusco" });
    const refused = await respond(async () => icsLoader({ request: getRequest(`/asesorias/${id}/ics`, await sessionCookieFor(outsider.id)), params: { id: String(id) }, context }));
    expect(refused.status).toBe(403);
  });

  test("the .ics says how firm the session is: a request is tentative, a confirmed one confirmed, one not held cancelled", async () => {
    const { practice, gestor } = await publishedPractice();
    const expert = await createMember({ role: "experto", iged: null });
    const date = todayInLima(new Date(Date.now() + 9 * DAY));
    await addAvailability({ advisorId: expert.id, kind: "date", weekday: null, date, startTime: "09:00", endTime: "10:00", sessionMinutes: 60 });
    const request = await requestAdvisory({ practiceId: practice.id, requestedBy: gestor.id, type: "personalizada", topic: "Plan de mejora", needs: "Orientación para documentar los resultados.", modality: "virtual", advisorId: expert.id, startsAt: `${date}T14:00:00.000Z`, minutes: 60 });
    if (!request.ok) throw new Error(request.reason);
    const ics = async () => {
      const response = await respond(async () => icsLoader({ request: getRequest(`/asesorias/${request.id}/ics`, await sessionCookieFor(gestor.id)), params: { id: String(request.id) }, context }));
      return (await response.text()).match(/^STATUS:.*$/m)?.[0].trim();
    };
    expect(await ics()).toBe("STATUS:TENTATIVE");
    await confirmAdvisory({ advisoryId: request.id, actorId: expert.id, meetingUrl: "https://meet.ejemplo.pe/m", place: null });
    expect(await ics()).toBe("STATUS:CONFIRMED");
    await recordAdvisoryOutcome({ advisoryId: request.id, actorId: expert.id, held: false, attendeeIds: [], summary: "", agreements: "", commitments: [], now: new Date(Date.now() + 10 * DAY) });
    expect(await ics()).toBe("STATUS:CANCELLED");
  });

  test("a request without a time has no .ics yet", async () => {
    const { practice, gestor } = await publishedPractice();
    const request = await requestAdvisory({ practiceId: practice.id, requestedBy: gestor.id, type: "personalizada", topic: "Por programar", needs: "Orientación para documentar los resultados.", modality: "virtual", advisorId: null, startsAt: null, minutes: null });
    if (!request.ok) throw new Error(request.reason);
    const response = await respond(async () => icsLoader({ request: getRequest(`/asesorias/${request.id}/ics`, await sessionCookieFor(gestor.id)), params: { id: String(request.id) }, context }));
    expect(response.status).toBe(404);
  });

  test("the private feed lists the member's sessions, cancelled ones marked; a reset address stops the old one", async () => {
    const kept = await confirmedAdvisory({ startsAt: inDays(6), topic: "Sistematización de la experiencia" });
    const dropped = await confirmedAdvisory({ startsAt: inDays(8), topic: "Sesión que se canceló" });
    await cancelAdvisory({ advisoryId: dropped.id, actorId: dropped.difoca.id, reason: "Se juntó con otra sesión." });
    const token = await getCalendarToken(kept.expert.id);
    const feed = (t: string) => respond(() => feedLoader({ request: getRequest(`/asesorias/feed/${t}`), params: { token: t }, context }));

    const response = await feed(`${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/calendar");
    expect(response.headers.get("Content-Disposition")).toBeNull();
    const body = await response.text();
    expect(body).toContain("Asesoría: Sistematización de la experiencia");
    expect(body).toContain("Asesorías — Comunidad de Práctica");
    expect(body).not.toContain("Sesión que se canceló");

    // The other expert sees their cancelled session as cancelled.
    const droppedBody = await (await feed(await getCalendarToken(dropped.expert.id))).text();
    expect(droppedBody).toContain("Asesoría: Sesión que se canceló");
    expect(droppedBody).toContain("STATUS:CANCELLED");

    // Resetting from "Mis asesorías": the old address is a 404 at once, the new one works.
    const cookie = await sessionCookieFor(kept.expert.id);
    const reset = await respond(() => indexAction({ request: formRequest("/asesorias", { intent: "reset-feed" }, cookie), params: {}, context }));
    expect(reset.status).toBe(302);
    expect(reset.headers.get("Set-Cookie")).toContain("cop_aviso");
    const old = await feed(token);
    expect(old.status).toBe(404);
    expect(old.headers.get("Content-Type")).toContain("text/plain");
    const fresh = await getCalendarToken(kept.expert.id);
    expect(fresh).not.toBe(token);
    expect((await feed(fresh)).status).toBe(200);
    expect((await feed("no-existe")).status).toBe(404);
  });
});
