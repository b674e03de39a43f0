import { describe, expect, test } from "vitest";
import { addAvailability, listAvailability, listFreeSlots } from "~/models/advisory.server";
import { action, loader } from "~/routes/asesorias.disponibilidad";
import { todayInLima } from "~/utils/dates";
import { createMember } from "../../tests/factories/members";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

const PATH = "/asesorias/disponibilidad";
const DAY = 24 * 3600_000;

async function advisor() {
  const expert = await createMember({ role: "experto", iged: null });
  return { ...expert, cookie: await sessionCookieFor(expert.id) };
}

const post = (fields: Record<string, string>, cookie: string) => respond(() => action({ request: formRequest(PATH, fields, cookie), params: {}, context }));
const load = async (cookie: string) => {
  const response = await respond(() => loader({ request: getRequest(PATH, cookie), params: {}, context }));
  return { status: response.status, data: response.status === 200 ? await response.json() : null };
};

/** Open every day of the week, 08:00–18:00 in sessions of an hour. */
async function openEveryDay(advisorId: number) {
  for (let weekday = 1; weekday <= 7; weekday++) {
    await addAvailability({ advisorId, kind: "weekly", weekday, date: null, startTime: "08:00", endTime: "18:00", sessionMinutes: 60 });
  }
}

describe("an advisor's availability page", () => {
  test("an advisor adds weekly hours and sees them in words, in Lima time, with a preview of free slots", async () => {
    const expert = await advisor();
    const added = await post({ intent: "add-weekly", weekday: "2", startTime: "09:00", endTime: "12:00", sessionMinutes: "45" }, expert.cookie);
    expect(added.status).toBe(302);
    expect(added.headers.get("Location")).toBe(PATH);
    const { status, data } = await load(expert.cookie);
    expect(status).toBe(200);
    expect(data.weekly.map((r: { text: string }) => r.text)).toEqual(["Martes, de 09:00 a 12:00, sesiones de 45 minutos"]);
    // Four sessions of 45 minutes fit in three hours; every Tuesday in the coming weeks offers them.
    expect(data.preview.length).toBeGreaterThan(0);
    for (const day of data.preview) {
      expect(day.label).toMatch(/^martes \d{1,2} de [a-z]+$/);
      expect(day.slots.map((s: { range: string }) => s.range)).toEqual(["09:00–09:45", "09:45–10:30", "10:30–11:15", "11:15–12:00"].slice(-day.slots.length));
    }
  });

  test("a one-off date is listed with its date, and the advisor can remove it", async () => {
    const expert = await advisor();
    const date = todayInLima(new Date(Date.now() + 5 * DAY));
    expect((await post({ intent: "add-date", date, startTime: "15:00", endTime: "17:00", sessionMinutes: "60" }, expert.cookie)).status).toBe(302);
    const { data } = await load(expert.cookie);
    expect(data.dates).toHaveLength(1);
    expect(data.dates[0].text).toMatch(/ de \d{4}, de 15:00 a 17:00, sesiones de 60 minutos$/);
    expect(data.preview.flatMap((d: { date: string }) => d.date)).toEqual([date]);
    expect((await post({ intent: "remove-rule", ruleId: String(data.dates[0].id) }, expert.cookie)).status).toBe(302);
    expect((await listAvailability(expert.id)).rules).toEqual([]);
  });

  test("a gestor cannot open the page nor publish hours", async () => {
    const gestor = await createMember({ role: "gestor" });
    const cookie = await sessionCookieFor(gestor.id);
    expect((await load(cookie)).status).toBe(403);
    expect((await post({ intent: "add-weekly", weekday: "1", startTime: "09:00", endTime: "12:00", sessionMinutes: "60" }, cookie)).status).toBe(403);
    expect((await listAvailability(gestor.id)).rules).toEqual([]);
  });

  test("an end before the start is a 400 with the message next to the end time, keeping what was typed", async () => {
    const expert = await advisor();
    const response = await post({ intent: "add-weekly", weekday: "3", startTime: "12:00", endTime: "09:00", sessionMinutes: "60" }, expert.cookie);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.intent).toBe("add-weekly");
    expect(body.errors.endTime).toBe("La hora de fin debe ser posterior a la de inicio.");
    expect(body.values).toMatchObject({ weekday: "3", startTime: "12:00", endTime: "09:00" });
    expect((await listAvailability(expert.id)).rules).toEqual([]);
  });

  test("sessions of 0 or 600 minutes are refused with a Spanish message", async () => {
    const expert = await advisor();
    for (const sessionMinutes of ["0", "600"]) {
      const response = await post({ intent: "add-weekly", weekday: "1", startTime: "08:00", endTime: "18:00", sessionMinutes }, expert.cookie);
      expect(response.status).toBe(400);
      expect((await response.json()).errors.sessionMinutes).toBe("La duración debe estar entre 15 y 240 minutos.");
    }
    expect((await listAvailability(expert.id)).rules).toEqual([]);
  });

  test("a one-off date or a day off in the past is a 400 next to its own form", async () => {
    const expert = await advisor();
    const yesterday = todayInLima(new Date(Date.now() - DAY));
    const date = await post({ intent: "add-date", date: yesterday, startTime: "09:00", endTime: "12:00", sessionMinutes: "60" }, expert.cookie);
    expect(date.status).toBe(400);
    expect(await date.json()).toMatchObject({ intent: "add-date", errors: { date: "La fecha ya pasó." } });
    const dayOff = await post({ intent: "add-day-off", date: yesterday, note: "Vacaciones" }, expert.cookie);
    expect(dayOff.status).toBe(400);
    expect(await dayOff.json()).toMatchObject({ intent: "add-day-off", errors: { date: "La fecha ya pasó." }, values: { note: "Vacaciones" } });
    expect((await listAvailability(expert.id)).daysOff).toEqual([]);
  });

  test("a day off takes that day's slots out of the preview, and removing it brings them back", async () => {
    const expert = await advisor();
    await openEveryDay(expert.id);
    const firstDay = (await load(expert.cookie)).data.preview[0].date as string;
    expect((await post({ intent: "add-day-off", date: firstDay, note: "Comisión de servicio" }, expert.cookie)).status).toBe(302);
    const { data } = await load(expert.cookie);
    expect(data.daysOff).toEqual([expect.objectContaining({ date: firstDay, note: "Comisión de servicio" })]);
    expect(data.preview.map((d: { date: string }) => d.date)).not.toContain(firstDay);
    expect((await listFreeSlots({ advisorId: expert.id })).some((s) => s.date === firstDay)).toBe(false);
    expect((await post({ intent: "remove-day-off", date: firstDay }, expert.cookie)).status).toBe(302);
    expect((await load(expert.cookie)).data.preview[0].date).toBe(firstDay);
  });

  test("removing another advisor's hours is a 404 and leaves them in place", async () => {
    const owner = await advisor();
    const other = await advisor();
    const ruleId = await addAvailability({ advisorId: owner.id, kind: "weekly", weekday: 4, date: null, startTime: "09:00", endTime: "11:00", sessionMinutes: 60 });
    expect((await post({ intent: "remove-rule", ruleId: String(ruleId) }, other.cookie)).status).toBe(404);
    expect((await listAvailability(owner.id)).rules.map((r) => r.id)).toEqual([ruleId]);
  });
});
