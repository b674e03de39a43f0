import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import {
  acceptProposal,
  addAvailability,
  addDayOff,
  cancelAdvisory,
  confirmAdvisory,
  countHeldAdvisories,
  getAdvisory,
  getCalendarToken,
  listAdvisoriesForMember,
  listCommitmentsOfPractice,
  listFreeSlots,
  memberOfCalendarToken,
  proposeAdvisoryTime,
  recordAdvisoryOutcome,
  requestAdvisory,
  rescheduleAdvisory,
  resetCalendarToken,
  setCommitmentDone,
  type AdvisoryRequest,
  type CommitmentInput,
} from "~/models/advisory.server";
import { listNotifications } from "~/models/notification.server";
import { checkLedgerTotals, getMemberPoints } from "~/models/points.server";
import { addTeamMember, changePracticeStage } from "~/models/practice.server";
import { getIgedByName } from "~/models/iged.server";
import { decideTransfer, requestTransfer } from "~/models/transfer.server";
import { BOOKING_HORIZON_DAYS, localToUtc } from "~/utils/advisory-slots";
import { todayInLima } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { heldAdvisory } from "../../tests/factories/advisories";
import { createMember } from "../../tests/factories/members";
import { publishedPractice } from "../../tests/factories/practices";

const root = fileURLToPath(new URL("../..", import.meta.url));
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** A Lima date some days from today (negative: in the past). */
const dayIn = (days: number) => todayInLima(new Date(Date.now() + days * DAY));

/**
 * A published practice (its author is the team), a second team member, and an expert who
 * advises on one date from 09:00 to 12:00 Lima time in sessions of one hour.
 */
async function setup(options: { daysAhead?: number } = {}) {
  const { practice, gestor, difoca } = await publishedPractice();
  const colleague = await createMember({ role: "gestor", iged: "UGEL Nasca" });
  await addTeamMember({ practiceId: practice.id, userId: colleague.id });
  const expert = await createMember({ role: "experto", iged: null, name: "Rosa Asesora" });
  const date = dayIn(options.daysAhead ?? 10);
  await addAvailability({ advisorId: expert.id, kind: "date", weekday: null, date, startTime: "09:00", endTime: "12:00", sessionMinutes: 60 });
  const at = (time: string, day = date) => localToUtc(day, time)!;
  const base: AdvisoryRequest = {
    practiceId: practice.id,
    requestedBy: gestor.id,
    type: "personalizada",
    topic: "Plan de monitoreo pedagógico",
    needs: "Queremos ordenar los indicadores del monitoreo.",
    modality: "virtual",
    advisorId: expert.id,
    startsAt: at("09:00"),
    minutes: 60,
  };
  const ask = (changes: Partial<AdvisoryRequest> & { now?: Date } = {}) => requestAdvisory({ ...base, ...changes });
  /** The expert's free times on the date, as Lima wall-clock times. */
  const freeTimes = async (now?: Date) => (await listFreeSlots({ advisorId: expert.id, now, days: 60 })).filter((s) => s.date === date).map((s) => s.time);
  return { practice, gestor, colleague, difoca, expert, date, at, base, ask, freeTimes };
}

/** A confirmed session of the setup's expert that took place a week ago (asked for 10 days ago). */
async function pastConfirmedSession() {
  const context = await setup({ daysAhead: -7 });
  const tenDaysAgo = new Date(Date.now() - 10 * DAY);
  const request = await context.ask({ now: tenDaysAgo });
  if (!request.ok) throw new Error(request.reason);
  const confirmed = await confirmAdvisory({ advisoryId: request.id, actorId: context.expert.id, meetingUrl: "https://meet.ejemplo.pe/monitoreo", place: null, now: tenDaysAgo });
  if (!confirmed.ok) throw new Error(confirmed.reason);
  return { ...context, advisoryId: request.id, startsAt: context.at("09:00") };
}

async function notificationsOf(userId: number, type: string) {
  return (await listNotifications(userId, { limit: 200 })).filter((n) => n.type === type);
}

/** A member's all-time points (the year asked for does not matter here). */
async function totalPoints(userId: number) {
  return (await getMemberPoints(userId, new Date().getFullYear())).total;
}

async function advisoryRowsAt(advisorId: number, startsAt: string) {
  return getDb().selectFrom("advisories").select(["id", "status"]).where("advisorId", "=", advisorId).where("startsAt", "=", startsAt).execute();
}

describe("requesting an advisory", () => {
  test("a team member books a free slot: the advisor is told and the slot is no longer offered", async () => {
    const { ask, expert, gestor, practice, freeTimes, at } = await setup();
    expect(await freeTimes()).toEqual(["09:00", "10:00", "11:00"]);

    const result = await ask();
    expect(result).toEqual({ ok: true, id: expect.any(Number) });
    if (!result.ok) return;
    const advisory = await getAdvisory(result.id);
    expect(advisory).toMatchObject({
      status: "solicitada",
      startsAt: at("09:00"),
      endsAt: at("10:00"),
      timeZone: "America/Lima",
      practice: { id: practice.id },
      requestedBy: { id: gestor.id },
      advisor: { id: expert.id },
    });
    // Stored in UTC: 09:00 in Lima is 14:00 UTC.
    expect(advisory?.startsAt).toMatch(/T14:00:00\.000Z$/);
    expect(await freeTimes()).toEqual(["10:00", "11:00"]);

    const [told] = await notificationsOf(expert.id, "advisory_requested");
    expect(told).toMatchObject({ link: `/asesorias/${result.id}` });
    expect(told?.title).toContain("«Plan de monitoreo pedagógico»");
    // Who asked is not told about their own request.
    expect(await notificationsOf(gestor.id, "advisory_requested")).toEqual([]);
  });

  test("only the practice's team may ask for it", async () => {
    const { ask, expert, at } = await setup();
    const stranger = await createMember({ role: "gestor", iged: "UGEL Huanta" });
    expect(await ask({ requestedBy: stranger.id })).toEqual({ ok: false, reason: "not_team" });
    expect(await advisoryRowsAt(expert.id, at("09:00"))).toEqual([]);
  });

  test("a time outside the advisor's hours, on a day off, or of another length is refused", async () => {
    const { ask, expert, at, date } = await setup();
    expect(await ask({ startsAt: at("13:00") })).toEqual({ ok: false, reason: "outside_availability" });
    expect(await ask({ startsAt: at("08:00") })).toEqual({ ok: false, reason: "outside_availability" });
    // Inside the hours but not one of the published sessions.
    expect(await ask({ startsAt: at("09:30") })).toEqual({ ok: false, reason: "outside_availability" });
    expect(await ask({ minutes: 45 })).toEqual({ ok: false, reason: "outside_availability" });
    // Another day.
    expect(await ask({ startsAt: at("09:00", dayIn(11)) })).toEqual({ ok: false, reason: "outside_availability" });
    // An advisor picked without a time.
    expect(await ask({ startsAt: null, minutes: null })).toEqual({ ok: false, reason: "outside_availability" });

    await addDayOff({ advisorId: expert.id, date, note: "Capacitación" });
    expect(await ask()).toEqual({ ok: false, reason: "outside_availability" });
    expect(await listFreeSlots({ advisorId: expert.id, days: 60 })).toEqual([]);
  });

  test("a slot beyond the booking horizon is refused, even if the advisor published it", async () => {
    const { ask, expert, at } = await setup();
    const lastDay = dayIn(BOOKING_HORIZON_DAYS - 1);
    const tooFar = dayIn(BOOKING_HORIZON_DAYS);
    for (const date of [lastDay, tooFar]) {
      await addAvailability({ advisorId: expert.id, kind: "date", weekday: null, date, startTime: "09:00", endTime: "10:00", sessionMinutes: 60 });
    }
    expect(await ask({ startsAt: at("09:00", tooFar) })).toEqual({ ok: false, reason: "outside_availability" });
    expect(await advisoryRowsAt(expert.id, at("09:00", tooFar))).toEqual([]);
    expect((await ask({ startsAt: at("09:00", lastDay) })).ok).toBe(true);
  });

  test("someone who does not advise cannot be booked", async () => {
    const { ask } = await setup();
    const gestor = await createMember({ role: "gestor" });
    expect(await ask({ advisorId: gestor.id })).toEqual({ ok: false, reason: "not_advisor" });
  });

  test("a time in the past or within the 12 hours' notice is refused", async () => {
    const { ask, at, expert, freeTimes } = await setup();
    const start = Date.parse(at("09:00"));
    expect(await ask({ now: new Date(start + HOUR) })).toEqual({ ok: false, reason: "past" });
    expect(await ask({ now: new Date(start - 2 * HOUR) })).toEqual({ ok: false, reason: "past" });
    expect(await ask({ now: new Date(start - 11 * HOUR - 59 * 60_000) })).toEqual({ ok: false, reason: "past" });
    // The slot picker does not offer what cannot be booked either.
    expect(await freeTimes(new Date(start - 11 * HOUR))).toEqual(["10:00", "11:00"]);
    expect(await advisoryRowsAt(expert.id, at("09:00"))).toEqual([]);
    // Exactly 12 hours ahead is enough.
    expect((await ask({ now: new Date(start - 12 * HOUR) })).ok).toBe(true);
  });

  test("sessions of zero or absurd length are refused", async () => {
    const { ask } = await setup();
    expect(await ask({ minutes: 0 })).toEqual({ ok: false, reason: "bad_length" });
    expect(await ask({ minutes: 600 })).toEqual({ ok: false, reason: "bad_length" });
    expect(await ask({ minutes: -60 })).toEqual({ ok: false, reason: "bad_length" });
  });

  test("an advisor is never booked twice for overlapping times", async () => {
    const { ask, expert, date, at } = await setup();
    // Half-hour sessions published over the same morning overlap the hour-long ones.
    await addAvailability({ advisorId: expert.id, kind: "date", weekday: null, date, startTime: "09:30", endTime: "10:30", sessionMinutes: 30 });
    expect((await ask()).ok).toBe(true);

    const other = await publishedPractice();
    const otherTeam = { practiceId: other.practice.id, requestedBy: other.gestor.id };
    expect(await ask(otherTeam)).toEqual({ ok: false, reason: "slot_taken" });
    expect(await ask({ ...otherTeam, startsAt: at("09:30"), minutes: 30 })).toEqual({ ok: false, reason: "slot_taken" });
    // Back to back is fine: 10:00 starts when 09:00 ends.
    expect((await ask({ ...otherTeam, startsAt: at("10:00"), minutes: 30 })).ok).toBe(true);
    expect(await advisoryRowsAt(expert.id, at("09:00"))).toHaveLength(1);
  });

  test("without an advisor, the request waits for DIFOCA, who is told", async () => {
    const { ask, gestor, expert } = await setup();
    const difoca = await createMember({ role: "difoca", iged: null });
    const result = await ask({ advisorId: null, startsAt: null, minutes: null });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await getAdvisory(result.id)).toMatchObject({ status: "solicitada", startsAt: null, advisor: null });
    const [told] = await notificationsOf(difoca.id, "advisory_requested");
    expect(told?.title).toBe("Nueva solicitud de asesoría por asignar: «Plan de monitoreo pedagógico»");
    expect(await notificationsOf(expert.id, "advisory_requested")).toEqual([]);
    expect(await notificationsOf(gestor.id, "advisory_requested")).toEqual([]);
  });
});

describe("two requests for one slot at the same moment", () => {
  test("on the application's connection: one session and one clear refusal", async () => {
    const { ask, expert, at } = await setup();
    const other = await publishedPractice();
    const results = await Promise.all([ask(), ask({ practiceId: other.practice.id, requestedBy: other.gestor.id })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "slot_taken" }]);
    expect(await advisoryRowsAt(expert.id, at("09:00"))).toHaveLength(1);
  });

  // Two processes, each with its own connection to the same database file, fire at once: the
  // write transaction (BEGIN IMMEDIATE) makes the second wait for the first and then see its
  // booking. Two connections inside one Node thread cannot show this: better-sqlite3 waits for
  // the lock synchronously, so the first connection could never commit while the second waits.
  test("from two processes on separate connections: one session and one clear refusal", { timeout: 90_000 }, async () => {
    const { base, expert, at } = await setup();
    const other = await publishedPractice();
    const requests = [base, { ...base, practiceId: other.practice.id, requestedBy: other.gestor.id, topic: "Otra solicitud" }];
    const barrier = mkdtempSync(join(tmpdir(), "cop-advisory-race-"));
    const run = promisify(execFile);
    let results: unknown[];
    try {
      const processes = requests.map((request, i) =>
        run("npx", ["tsx", "tests/support/request-advisory.ts", JSON.stringify(request), barrier, `p${i}`], { cwd: root, env: { ...process.env }, timeout: 80_000 }),
      );
      results = (await Promise.all(processes)).map((p) => JSON.parse(p.stdout.trim().split("\n").pop()!));
    } finally {
      rmSync(barrier, { recursive: true, force: true });
    }
    expect(results.filter((r) => (r as { ok: boolean }).ok)).toEqual([{ ok: true, id: expect.any(Number) }]);
    expect(results.filter((r) => !(r as { ok: boolean }).ok)).toEqual([{ ok: false, reason: "slot_taken" }]);
    const rows = await advisoryRowsAt(expert.id, at("09:00"));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe("solicitada");
  });
});

describe("scheduling", () => {
  test("the advisor confirms and the team is told; a gestor or another expert may not", async () => {
    const { ask, gestor, colleague, expert, at } = await setup();
    const request = await ask();
    if (!request.ok) throw new Error(request.reason);
    const confirm = (actorId: number) => confirmAdvisory({ advisoryId: request.id, actorId, meetingUrl: "https://meet.ejemplo.pe/monitoreo", place: null });

    expect(await confirm(gestor.id)).toEqual({ ok: false, reason: "not_allowed" });
    const otherExpert = await createMember({ role: "experto", iged: null });
    expect(await confirm(otherExpert.id)).toEqual({ ok: false, reason: "not_allowed" });
    expect((await getAdvisory(request.id))?.status).toBe("solicitada");

    expect(await confirm(expert.id)).toEqual({ ok: true });
    expect(await getAdvisory(request.id)).toMatchObject({ status: "confirmada", startsAt: at("09:00"), meetingUrl: "https://meet.ejemplo.pe/monitoreo" });
    for (const member of [gestor, colleague]) {
      const [told] = await notificationsOf(member.id, "advisory_confirmed");
      expect(told?.title).toMatch(/^Asesoría confirmada para el .*: «Plan de monitoreo pedagógico»$/);
      expect(told?.link).toBe(`/asesorias/${request.id}`);
    }
    expect(await notificationsOf(expert.id, "advisory_confirmed")).toEqual([]);
  });

  test("DIFOCA assigns an advisor and a time to a request left to them", async () => {
    const { ask, gestor, expert, at } = await setup();
    const difoca = await createMember({ role: "difoca", iged: null });
    const request = await ask({ advisorId: null, startsAt: null, minutes: null });
    if (!request.ok) throw new Error(request.reason);
    // The expert cannot take it by themselves.
    expect(await confirmAdvisory({ advisoryId: request.id, actorId: expert.id, advisorId: expert.id, startsAt: at("10:00"), minutes: 60, meetingUrl: null, place: "UGEL Nasca" })).toEqual({
      ok: false,
      reason: "not_allowed",
    });
    expect(await confirmAdvisory({ advisoryId: request.id, actorId: difoca.id, advisorId: expert.id, startsAt: at("10:00"), minutes: 60, meetingUrl: null, place: "UGEL Nasca" })).toEqual({ ok: true });
    expect(await getAdvisory(request.id)).toMatchObject({ status: "confirmada", advisor: { id: expert.id }, startsAt: at("10:00"), place: "UGEL Nasca" });
    expect(await notificationsOf(expert.id, "advisory_confirmed")).toHaveLength(1);
    expect(await notificationsOf(gestor.id, "advisory_confirmed")).toHaveLength(1);
  });

  test("DIFOCA hands an advisory to another advisor: the previous one is told they are no longer assigned", async () => {
    const { ask, expert, gestor, at } = await setup();
    const difoca = await createMember({ role: "difoca", iged: null });
    const second = await createMember({ role: "experto", iged: null });
    const third = await createMember({ role: "experto", iged: null });
    const request = await ask();
    if (!request.ok) throw new Error(request.reason);

    expect(await confirmAdvisory({ advisoryId: request.id, actorId: difoca.id, advisorId: second.id, meetingUrl: "https://meet.ejemplo.pe/a", place: null })).toEqual({ ok: true });
    const [told] = await notificationsOf(expert.id, "advisory_unassigned");
    expect(told).toMatchObject({ title: "Ya no estás asignado a la asesoría «Plan de monitoreo pedagógico»", link: "/asesorias" });
    expect(await notificationsOf(expert.id, "advisory_confirmed")).toEqual([]);
    expect(await notificationsOf(second.id, "advisory_confirmed")).toHaveLength(1);

    // Through a proposal too.
    const note = "El asesor asignado viaja esa semana.";
    expect(await proposeAdvisoryTime({ advisoryId: request.id, actorId: difoca.id, advisorId: third.id, startsAt: at("16:00"), minutes: 60, meetingUrl: "https://meet.ejemplo.pe/b", place: null, note })).toEqual({ ok: true });
    expect((await notificationsOf(second.id, "advisory_unassigned")).map((n) => n.title)).toEqual(["Ya no estás asignado a la asesoría «Plan de monitoreo pedagógico»"]);
    // Nobody else hears it: not the new advisor, not the team.
    expect(await notificationsOf(third.id, "advisory_unassigned")).toEqual([]);
    expect(await notificationsOf(gestor.id, "advisory_unassigned")).toEqual([]);
  });

  test("assigning from DIFOCA's queue refuses, inside the transaction, a request someone else already assigned", async () => {
    const { ask, expert, at } = await setup();
    const [first, second] = [await createMember({ role: "difoca", iged: null }), await createMember({ role: "difoca", iged: null })];
    const other = await createMember({ role: "experto", iged: null });
    const request = await ask({ advisorId: null, startsAt: null, minutes: null });
    if (!request.ok) throw new Error(request.reason);
    const assign = (actorId: number, advisorId: number, time: string) =>
      confirmAdvisory({ advisoryId: request.id, actorId, advisorId, startsAt: at(time), minutes: 60, meetingUrl: "https://meet.ejemplo.pe/z", place: null, onlyIfUnassigned: true });
    // Two specialists had the same queue open; the second submits after the first.
    expect(await assign(first.id, expert.id, "10:00")).toEqual({ ok: true });
    expect(await assign(second.id, other.id, "11:00")).toEqual({ ok: false, reason: "already_assigned" });
    expect(await getAdvisory(request.id)).toMatchObject({ status: "confirmada", advisor: { id: expert.id }, startsAt: at("10:00") });
    expect(await notificationsOf(other.id, "advisory_confirmed")).toEqual([]);
  });

  test("a confirmed session is not confirmed again at another time: it is rescheduled with a reason", async () => {
    const { ask, expert, at } = await setup();
    const difoca = await createMember({ role: "difoca", iged: null });
    const request = await ask();
    if (!request.ok) throw new Error(request.reason);
    expect(await confirmAdvisory({ advisoryId: request.id, actorId: expert.id, meetingUrl: null, place: null })).toEqual({ ok: true });
    for (const actorId of [expert.id, difoca.id]) {
      expect(await confirmAdvisory({ advisoryId: request.id, actorId, startsAt: at("11:00"), minutes: 60, meetingUrl: null, place: null })).toEqual({ ok: false, reason: "wrong_status" });
    }
    expect((await getAdvisory(request.id))?.startsAt).toBe(at("09:00"));
    expect((await getAdvisory(request.id))?.history.map((h) => h.type)).toEqual(["requested", "confirmed"]);
  });

  test("the advisor proposes another time, the team accepts, and the session is confirmed", async () => {
    const { ask, gestor, colleague, expert, at, freeTimes } = await setup();
    const stranger = await createMember({ role: "gestor" });
    const request = await ask();
    if (!request.ok) throw new Error(request.reason);

    // The advisor may propose a time outside their published hours.
    const proposal = { advisoryId: request.id, actorId: expert.id, startsAt: at("16:00"), minutes: 60, meetingUrl: "https://meet.ejemplo.pe/tarde", place: null, note: "En la mañana tengo comité." };
    expect(await proposeAdvisoryTime({ ...proposal, actorId: gestor.id })).toEqual({ ok: false, reason: "not_allowed" });
    expect(await proposeAdvisoryTime(proposal)).toEqual({ ok: true });
    expect(await getAdvisory(request.id)).toMatchObject({ status: "propuesta", startsAt: at("16:00"), endsAt: at("17:00") });
    // The requested morning slot is free again.
    expect(await freeTimes()).toEqual(["09:00", "10:00", "11:00"]);
    const [proposed] = await notificationsOf(gestor.id, "advisory_proposed");
    expect(proposed).toMatchObject({ body: "En la mañana tengo comité.", link: `/asesorias/${request.id}` });

    expect(await acceptProposal({ advisoryId: request.id, actorId: stranger.id })).toEqual({ ok: false, reason: "not_team" });
    expect(await acceptProposal({ advisoryId: request.id, actorId: colleague.id })).toEqual({ ok: true });
    expect(await getAdvisory(request.id)).toMatchObject({ status: "confirmada", startsAt: at("16:00") });
    expect(await notificationsOf(expert.id, "advisory_confirmed")).toHaveLength(1);
    // Nothing left to accept.
    expect(await acceptProposal({ advisoryId: request.id, actorId: gestor.id })).toEqual({ ok: false, reason: "wrong_status" });
    expect((await getAdvisory(request.id))?.history.map((h) => h.type)).toEqual(["requested", "proposed", "accepted"]);
  });

  test("the team reschedules only to another published slot, to be confirmed; the advisor to any future time", async () => {
    const { ask, gestor, colleague, expert, at, freeTimes } = await setup();
    const stranger = await createMember({ role: "gestor" });
    const request = await ask();
    if (!request.ok) throw new Error(request.reason);
    await confirmAdvisory({ advisoryId: request.id, actorId: expert.id, meetingUrl: null, place: null });
    const move = (actorId: number, startsAt: string, now?: Date) => rescheduleAdvisory({ advisoryId: request.id, actorId, startsAt, minutes: 60, reason: "Coincide con la evaluación regional.", now });

    expect(await move(stranger.id, at("10:00"))).toEqual({ ok: false, reason: "not_allowed" });
    expect(await move(gestor.id, at("13:00"))).toEqual({ ok: false, reason: "outside_availability" });
    expect(await move(gestor.id, at("10:00"), new Date(Date.parse(at("10:00")) - 3 * HOUR))).toEqual({ ok: false, reason: "past" });
    expect(await move(gestor.id, at("10:00"))).toEqual({ ok: true });
    expect(await getAdvisory(request.id)).toMatchObject({ status: "solicitada", startsAt: at("10:00") });
    expect(await freeTimes()).toEqual(["09:00", "11:00"]);
    const [asked] = await notificationsOf(expert.id, "advisory_rescheduled");
    expect(asked).toMatchObject({ body: "Motivo: Coincide con la evaluación regional." });
    expect(asked?.title).toMatch(/^El equipo pide reprogramar la asesoría/);

    const nextDayEvening = at("18:30", dayIn(12));
    expect(await move(expert.id, new Date(Date.now() - HOUR).toISOString())).toEqual({ ok: false, reason: "past" });
    expect(await move(expert.id, nextDayEvening)).toEqual({ ok: true });
    expect(await getAdvisory(request.id)).toMatchObject({ status: "confirmada", startsAt: nextDayEvening });
    for (const member of [gestor, colleague]) {
      const [told] = await notificationsOf(member.id, "advisory_rescheduled");
      expect(told?.title).toMatch(/se reprogramó para el/);
      expect(told?.body).toBe("Motivo: Coincide con la evaluación regional.");
    }
    expect(await freeTimes()).toEqual(["09:00", "10:00", "11:00"]);
  });

  test("the advisor cannot move a session onto another of their sessions", async () => {
    const { ask, expert, at } = await setup();
    const first = await ask();
    const other = await publishedPractice();
    const second = await ask({ practiceId: other.practice.id, requestedBy: other.gestor.id, startsAt: at("11:00") });
    if (!first.ok || !second.ok) throw new Error("setup");
    expect(await rescheduleAdvisory({ advisoryId: first.id, actorId: expert.id, startsAt: at("10:30"), minutes: 60, reason: "Cambio de agenda." })).toEqual({ ok: false, reason: "slot_taken" });
    expect(await confirmAdvisory({ advisoryId: first.id, actorId: expert.id, startsAt: at("11:30"), minutes: 30, meetingUrl: null, place: null })).toEqual({ ok: false, reason: "slot_taken" });
    expect((await getAdvisory(first.id))?.startsAt).toBe(at("09:00"));
  });

  test("cancelling frees the slot and tells everyone the reason", async () => {
    const { ask, gestor, colleague, expert, freeTimes } = await setup();
    const stranger = await createMember({ role: "gestor" });
    const request = await ask();
    if (!request.ok) throw new Error(request.reason);
    await confirmAdvisory({ advisoryId: request.id, actorId: expert.id, meetingUrl: null, place: null });
    expect(await freeTimes()).toEqual(["10:00", "11:00"]);

    expect(await cancelAdvisory({ advisoryId: request.id, actorId: stranger.id, reason: "No." })).toEqual({ ok: false, reason: "not_allowed" });
    expect(await cancelAdvisory({ advisoryId: request.id, actorId: colleague.id, reason: "El equipo tiene una jornada con la DRE." })).toEqual({ ok: true });
    expect(await getAdvisory(request.id)).toMatchObject({ status: "cancelada", cancelReason: "El equipo tiene una jornada con la DRE." });
    expect(await freeTimes()).toEqual(["09:00", "10:00", "11:00"]);
    for (const member of [gestor, expert]) {
      const [told] = await notificationsOf(member.id, "advisory_cancelled");
      expect(told).toMatchObject({ title: "Se canceló la asesoría «Plan de monitoreo pedagógico»", body: "Motivo: El equipo tiene una jornada con la DRE." });
    }
    expect(await notificationsOf(colleague.id, "advisory_cancelled")).toEqual([]);

    expect(await cancelAdvisory({ advisoryId: request.id, actorId: gestor.id, reason: "Otra vez." })).toEqual({ ok: false, reason: "wrong_status" });
    expect(await confirmAdvisory({ advisoryId: request.id, actorId: expert.id, meetingUrl: null, place: null })).toEqual({ ok: false, reason: "wrong_status" });
    // The freed slot can be booked again.
    expect((await ask()).ok).toBe(true);
  });
});

describe("who asked for an advisory about a transfer", () => {
  test("a participant of the receiving IGED who asked accepts, reschedules, cancels and marks commitments like the team", async () => {
    const { practice, gestor, difoca } = await publishedPractice();
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
    const date = dayIn(10);
    await addAvailability({ advisorId: expert.id, kind: "date", weekday: null, date, startTime: "09:00", endTime: "12:00", sessionMinutes: 60 });
    const at = (time: string, day = date) => localToUtc(day, time)!;
    const ask = (changes: Partial<AdvisoryRequest> & { now?: Date } = {}) =>
      requestAdvisory({
        practiceId: practice.id,
        requestedBy: receiver.id,
        type: "transferencia",
        transferId: transfer.id,
        topic: "Adaptar la práctica a Huaraz",
        needs: "Ajustar los materiales a escuelas multigrado.",
        modality: "virtual",
        advisorId: expert.id,
        startsAt: at("09:00"),
        minutes: 60,
        ...changes,
      });

    const request = await ask();
    if (!request.ok) throw new Error(request.reason);
    await proposeAdvisoryTime({ advisoryId: request.id, actorId: expert.id, startsAt: at("16:00"), minutes: 60, meetingUrl: "https://meet.ejemplo.pe/t", place: null, note: "En la mañana tengo clases." });
    expect(await acceptProposal({ advisoryId: request.id, actorId: receiver.id })).toEqual({ ok: true });
    expect(await rescheduleAdvisory({ advisoryId: request.id, actorId: receiver.id, startsAt: at("10:00"), minutes: 60, reason: "Coincide con una reunión de la UGEL." })).toEqual({ ok: true });
    expect(await cancelAdvisory({ advisoryId: request.id, actorId: receiver.id, reason: "Lo veremos en la pasantía." })).toEqual({ ok: true });
    expect((await getAdvisory(request.id))?.status).toBe("cancelada");

    // A past session on the same transfer, with a commitment of the practice's gestor.
    const tenDaysAgo = new Date(Date.now() - 10 * DAY);
    const past = await ask({ advisorId: null, startsAt: null, minutes: null, now: tenDaysAgo });
    if (!past.ok) throw new Error(past.reason);
    const startsAt = new Date(Date.now() - 7 * DAY);
    startsAt.setUTCMinutes(0, 0, 0);
    await confirmAdvisory({ advisoryId: past.id, actorId: difoca.id, advisorId: expert.id, startsAt: startsAt.toISOString(), minutes: 60, meetingUrl: "https://meet.ejemplo.pe/t", place: null, now: tenDaysAgo });
    await recordAdvisoryOutcome({
      advisoryId: past.id,
      actorId: expert.id,
      held: true,
      attendeeIds: [receiver.id],
      summary: "Se revisaron los materiales.",
      agreements: "",
      commitments: [{ description: "Enviar los materiales adaptados", responsibleId: gestor.id, responsibleName: gestor.name, dueDate: dayIn(5) }],
    });
    const [commitment] = (await getAdvisory(past.id))!.commitments;
    expect(await setCommitmentDone({ commitmentId: commitment!.id, actorId: receiver.id, done: true })).toEqual({ ok: true });
  });
});

describe("a session that already started", () => {
  test("the team can no longer cancel or move it; the advisor records that it was not held", async () => {
    const { advisoryId, gestor, colleague, expert, at } = await pastConfirmedSession();
    expect(await cancelAdvisory({ advisoryId, actorId: gestor.id, reason: "No pudimos conectarnos." })).toEqual({ ok: false, reason: "started" });
    expect(await rescheduleAdvisory({ advisoryId, actorId: colleague.id, startsAt: at("10:00", dayIn(10)), minutes: 60, reason: "No pudimos conectarnos." })).toEqual({
      ok: false,
      reason: "started",
    });
    expect((await getAdvisory(advisoryId))?.status).toBe("confirmada");
    expect(await recordAdvisoryOutcome({ advisoryId, actorId: expert.id, held: false, attendeeIds: [], summary: "", agreements: "", commitments: [] })).toEqual({ ok: true });
    expect((await getAdvisory(advisoryId))?.status).toBe("no_realizada");
  });

  test("until it starts, the team may still cancel it", async () => {
    const { advisoryId, gestor, startsAt } = await pastConfirmedSession();
    expect(await cancelAdvisory({ advisoryId, actorId: gestor.id, reason: "El equipo no podrá asistir.", now: new Date(Date.parse(startsAt) - 60_000) })).toEqual({ ok: true });
  });
});

describe("after the session", () => {
  test("minutes wait for the session to start, and only the advisor or DIFOCA record them", async () => {
    const { ask, expert, gestor, at } = await setup();
    const request = await ask();
    if (!request.ok) throw new Error(request.reason);
    const record = (actorId: number, now: Date) =>
      recordAdvisoryOutcome({ advisoryId: request.id, actorId, held: true, attendeeIds: [gestor.id], summary: "Resumen.", agreements: "", commitments: [], now });
    const after = new Date(Date.parse(at("10:00")));
    // Not confirmed yet.
    expect(await record(expert.id, after)).toEqual({ ok: false, reason: "wrong_status" });
    await confirmAdvisory({ advisoryId: request.id, actorId: expert.id, meetingUrl: null, place: null });
    expect(await record(expert.id, new Date(Date.parse(at("09:00")) - 60_000))).toEqual({ ok: false, reason: "not_yet" });
    expect(await record(gestor.id, after)).toEqual({ ok: false, reason: "not_allowed" });
    expect((await getAdvisory(request.id))?.status).toBe("confirmada");
    expect(await record(expert.id, after)).toEqual({ ok: true });
    expect((await getAdvisory(request.id))?.status).toBe("realizada");
  });

  test("attendees earn the points; correcting the attendance takes them back and gives them again", async () => {
    const { advisoryId, expert, gestor, colleague, practice, date } = await pastConfirmedSession();
    const outsider = await createMember({ role: "gestor" });
    const year = Number(date.slice(0, 4));
    const before = {
      gestor: await getMemberPoints(gestor.id, year),
      colleague: await getMemberPoints(colleague.id, year),
      outsider: await totalPoints(outsider.id),
      expert: await totalPoints(expert.id),
    };
    const record = (attendeeIds: number[], held = true) =>
      recordAdvisoryOutcome({
        advisoryId,
        actorId: expert.id,
        held,
        attendeeIds,
        summary: "Se revisaron los indicadores del monitoreo.",
        agreements: "- Ajustar la ficha de monitoreo",
        commitments: [],
      });

    expect(await record([gestor.id, colleague.id, outsider.id])).toEqual({ ok: true });
    const advisory = await getAdvisory(advisoryId);
    expect(advisory).toMatchObject({ status: "realizada", minutes: { summary: "Se revisaron los indicadores del monitoreo.", agreements: "- Ajustar la ficha de monitoreo", recordedByName: "Rosa Asesora" } });
    // Attendance is kept for the team; the outsider is not on it.
    expect(Object.fromEntries(advisory!.attendees.map((a) => [a.userId, a.attended]))).toEqual({ [gestor.id]: true, [colleague.id]: true });
    expect(await getMemberPoints(gestor.id, year)).toEqual({ total: before.gestor.total + 20, yearPoints: before.gestor.yearPoints + 20 });
    expect(await getMemberPoints(colleague.id, year)).toEqual({ total: before.colleague.total + 20, yearPoints: before.colleague.yearPoints + 20 });
    // Someone outside the team, and the advisor, earn nothing for it.
    expect(await totalPoints(outsider.id)).toBe(before.outsider);
    expect(await totalPoints(expert.id)).toBe(before.expert);
    const [minutesTold] = await notificationsOf(gestor.id, "advisory_minutes");
    expect(minutesTold?.title).toBe("Se registró el acta de la asesoría «Plan de monitoreo pedagógico»");

    // The colleague did not attend after all.
    expect(await record([gestor.id])).toEqual({ ok: true });
    expect(await totalPoints(gestor.id)).toBe(before.gestor.total + 20);
    expect(await totalPoints(colleague.id)).toBe(before.colleague.total);
    expect((await getAdvisory(advisoryId))?.attendees.find((a) => a.userId === colleague.id)?.attended).toBe(false);

    // Yes they did.
    expect(await record([gestor.id, colleague.id])).toEqual({ ok: true });
    expect(await totalPoints(gestor.id)).toBe(before.gestor.total + 20);
    expect(await totalPoints(colleague.id)).toBe(before.colleague.total + 20);

    // It did not take place: nobody keeps points for it, and it no longer counts as held.
    expect(await record([gestor.id, colleague.id], false)).toEqual({ ok: true });
    expect((await getAdvisory(advisoryId))?.status).toBe("no_realizada");
    expect(await totalPoints(gestor.id)).toBe(before.gestor.total);
    expect(await totalPoints(colleague.id)).toBe(before.colleague.total);
    expect(await countHeldAdvisories(practice.id)).toBe(0);

    expect((await checkLedgerTotals()).differences).toEqual([]);
  });

  test("a held session recorded again as not held loses its minutes and commitments; the history keeps both records", async () => {
    const { advisoryId, expert, gestor, practice } = await pastConfirmedSession();
    const commitments: CommitmentInput[] = [{ description: "Actualizar la línea de base", responsibleId: gestor.id, responsibleName: gestor.name, dueDate: dayIn(3) }];
    await recordAdvisoryOutcome({ advisoryId, actorId: expert.id, held: true, attendeeIds: [gestor.id], summary: "Acta de la sesión.", agreements: "- Acuerdo", commitments });
    expect((await getAdvisory(advisoryId))?.commitments).toHaveLength(1);
    expect(await recordAdvisoryOutcome({ advisoryId, actorId: expert.id, held: false, attendeeIds: [], summary: "", agreements: "", commitments: [] })).toEqual({ ok: true });
    const advisory = await getAdvisory(advisoryId);
    expect(advisory).toMatchObject({ status: "no_realizada", minutes: null, commitments: [] });
    expect(await listCommitmentsOfPractice(practice.id)).toEqual([]);
    expect(advisory?.history.map((h) => h.type)).toEqual(["requested", "confirmed", "minutes_recorded", "not_held"]);
  });

  test("a session recorded as not held gives no points and no minutes", async () => {
    const { advisoryId, expert, gestor, practice } = await pastConfirmedSession();
    const before = await totalPoints(gestor.id);
    expect(
      await recordAdvisoryOutcome({ advisoryId, actorId: expert.id, held: false, attendeeIds: [gestor.id], summary: "", agreements: "", commitments: [] }),
    ).toEqual({ ok: true });
    const advisory = await getAdvisory(advisoryId);
    expect(advisory).toMatchObject({ status: "no_realizada", minutes: null });
    expect(advisory?.attendees.every((a) => !a.attended)).toBe(true);
    expect(await totalPoints(gestor.id)).toBe(before);
    expect(await countHeldAdvisories(practice.id)).toBe(0);
    const [told] = await notificationsOf(gestor.id, "advisory_minutes");
    expect(told?.title).toBe("La asesoría «Plan de monitoreo pedagógico» se registró como no realizada");
  });

  test("commitments: overdue when past their date (Lima) and not done; the team marks them done", async () => {
    const { advisoryId, expert, gestor, colleague, practice } = await pastConfirmedSession();
    const partner = await createMember({ role: "gestor", iged: "UGEL Huanta", name: "Aliado de la UGEL" });
    const stranger = await createMember({ role: "gestor" });
    const commitments: CommitmentInput[] = [
      { description: "Actualizar la línea de base", responsibleId: gestor.id, responsibleName: gestor.name, dueDate: dayIn(-1) },
      { description: "Presentar la ficha a la UGEL", responsibleId: partner.id, responsibleName: partner.name, dueDate: dayIn(5) },
      { description: "Compartir el informe con las IIEE", responsibleId: null, responsibleName: "Dirección de la UGEL", dueDate: todayInLima() },
    ];
    expect(
      await recordAdvisoryOutcome({ advisoryId, actorId: expert.id, held: true, attendeeIds: [gestor.id], summary: "Acta.", agreements: "", commitments }),
    ).toEqual({ ok: true });
    const [told] = await notificationsOf(colleague.id, "advisory_minutes");
    expect(told?.body).toBe("Compromisos: 3.");

    const state = async () =>
      Object.fromEntries((await listCommitmentsOfPractice(practice.id)).map((c) => [c.description, { done: c.done, overdue: c.overdue }]));
    expect(await state()).toEqual({
      "Actualizar la línea de base": { done: false, overdue: true },
      "Presentar la ficha a la UGEL": { done: false, overdue: false },
      // Due today is not overdue yet.
      "Compartir el informe con las IIEE": { done: false, overdue: false },
    });
    const detail = await getAdvisory(advisoryId);
    expect(detail?.commitments.map((c) => [c.description, c.overdue])).toEqual([
      ["Actualizar la línea de base", true],
      ["Compartir el informe con las IIEE", false],
      ["Presentar la ficha a la UGEL", false],
    ]);
    const [late, , partners] = detail!.commitments;

    expect(await setCommitmentDone({ commitmentId: late!.id, actorId: stranger.id, done: true })).toEqual({ ok: false, reason: "not_allowed" });
    expect(await setCommitmentDone({ commitmentId: 999_999, actorId: gestor.id, done: true })).toEqual({ ok: false, reason: "not_found" });
    expect(await setCommitmentDone({ commitmentId: late!.id, actorId: colleague.id, done: true })).toEqual({ ok: true });
    // The person responsible may mark their own, even from outside the team.
    expect(await setCommitmentDone({ commitmentId: partners!.id, actorId: partner.id, done: true })).toEqual({ ok: true });
    expect(await state()).toEqual({
      "Actualizar la línea de base": { done: true, overdue: false },
      "Presentar la ficha a la UGEL": { done: true, overdue: false },
      "Compartir el informe con las IIEE": { done: false, overdue: false },
    });
    const done = (await listCommitmentsOfPractice(practice.id)).find((c) => c.id === late!.id);
    expect(done?.doneAt).not.toBeNull();

    // Reopened, it is overdue again.
    expect(await setCommitmentDone({ commitmentId: late!.id, actorId: gestor.id, done: false })).toEqual({ ok: true });
    expect((await state())["Actualizar la línea de base"]).toEqual({ done: false, overdue: true });
    expect((await getAdvisory(advisoryId))?.history.map((h) => h.type)).toEqual(["requested", "confirmed", "minutes_recorded", "commitment_done", "commitment_done", "commitment_reopened"]);
  });

  test("held advisories are counted per practice: only those held", async () => {
    const { ask, practice, gestor, expert, at } = await setup();
    expect(await countHeldAdvisories(practice.id)).toBe(0);
    const request = await ask();
    if (!request.ok) throw new Error(request.reason);
    await confirmAdvisory({ advisoryId: request.id, actorId: expert.id, meetingUrl: null, place: null });
    expect(await countHeldAdvisories(practice.id)).toBe(0);
    await recordAdvisoryOutcome({ advisoryId: request.id, actorId: expert.id, held: true, attendeeIds: [gestor.id], summary: "Acta.", agreements: "", commitments: [], now: new Date(Date.parse(at("10:00"))) });
    expect(await countHeldAdvisories(practice.id)).toBe(1);
    await heldAdvisory({ practiceId: practice.id, requestedBy: gestor.id });
    expect(await countHeldAdvisories(practice.id)).toBe(2);
    const other = await publishedPractice();
    expect(await countHeldAdvisories(other.practice.id)).toBe(0);
  });
});

describe("calendars", () => {
  test("each member sees their upcoming and past sessions", async () => {
    const { ask, gestor, colleague, expert } = await setup();
    const stranger = await createMember({ role: "gestor" });
    const upcoming = await ask();
    if (!upcoming.ok) throw new Error(upcoming.reason);
    const held = await heldAdvisory({ practiceId: (await getAdvisory(upcoming.id))!.practice.id, requestedBy: gestor.id, advisorId: expert.id });
    for (const member of [gestor, colleague, expert]) {
      expect((await listAdvisoriesForMember(member.id, { when: "upcoming" })).map((a) => a.id)).toEqual([upcoming.id]);
      expect((await listAdvisoriesForMember(member.id, { when: "past" })).map((a) => a.id)).toEqual([held.id]);
    }
    expect(await listAdvisoriesForMember(stranger.id)).toEqual([]);
  });

  test("the private calendar token is stable until reset; the old one stops working", async () => {
    const member = await createMember({ name: "Carmen Calendario" });
    const token = await getCalendarToken(member.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await getCalendarToken(member.id)).toBe(token);
    expect(await memberOfCalendarToken(token)).toEqual({ id: member.id, name: "Carmen Calendario" });

    const fresh = await resetCalendarToken(member.id);
    expect(fresh).not.toBe(token);
    expect(await memberOfCalendarToken(token)).toBeUndefined();
    expect(await memberOfCalendarToken(fresh)).toEqual({ id: member.id, name: "Carmen Calendario" });
    expect(await getCalendarToken(member.id)).toBe(fresh);
    expect(await memberOfCalendarToken("no-es-un-token")).toBeUndefined();

    // A deactivated account's feed stops too.
    await getDb().updateTable("users").set({ active: 0 }).where("id", "=", member.id).execute();
    expect(await memberOfCalendarToken(fresh)).toBeUndefined();
  });
});
