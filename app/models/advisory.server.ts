// Advisories (asesorías): advisors' availability, requests by a practice's team, scheduling
// without double booking, changes, the record of what happened (attendance, minutes,
// commitments) and each member's calendar. Every change is kept in the advisory's history and
// told to everyone involved in the same transaction.
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { AdvisoryModality, AdvisoryStatus, AdvisoryType } from "../../db/schema";
import type { NotificationType } from "~/utils/notification-types";
import { notify } from "~/models/notification.server";
import { awardRepeatablePoints, reverseSubjectPoints } from "~/models/points.server";
import { activeTeamIds } from "~/models/practice.server";
import { listActiveDifocaIds } from "~/models/user.server";
import {
  addMinutes,
  BOOKING_HORIZON_DAYS,
  BOOKING_LEAD_HOURS,
  computeSlots,
  DEFAULT_TIME_ZONE,
  isValidSessionLength,
  isWithinAvailability,
  type AvailabilityRule,
  type Interval,
  type Slot,
} from "~/utils/advisory-slots";
import { formatDateTime, nowIso, todayInLima, limaYearBounds } from "~/utils/dates";
import { cachedAggregate } from "~/utils/cache.server";
import { getDb, writeTransaction, type DB } from "~/utils/db.server";

export type { AdvisoryModality, AdvisoryStatus, AdvisoryType } from "../../db/schema";

/** Statuses whose time is taken in the advisor's calendar. */
export const HOLDING_STATUSES: readonly AdvisoryStatus[] = ["solicitada", "propuesta", "confirmada", "realizada"];
/** Statuses of an advisory still to happen. */
export const OPEN_STATUSES: readonly AdvisoryStatus[] = ["solicitada", "propuesta", "confirmada"];

/** Why an advisory action was refused; the route turns it into a status and a Spanish message. */
export type AdvisoryRefusal =
  | "not_found"
  | "not_team" // only the practice's team requests and answers proposals
  | "not_allowed" // not the advisor nor DIFOCA
  | "not_advisor" // the chosen person does not advise
  | "past" // the time is in the past or too soon
  | "bad_length"
  | "outside_availability"
  | "slot_taken" // the advisor is booked at an overlapping time
  | "wrong_status" // e.g. confirming a cancelled advisory
  | "not_yet" // minutes of a session that has not started
  | "started" // the team cancels or moves a session that already started
  | "already_assigned" // DIFOCA's queue: someone else assigned the request meanwhile
  | "bad_transfer"; // the transfer is not of this practice, or the advisory is not about transfer

export type AdvisoryResult<T = object> = ({ ok: true } & T) | { ok: false; reason: AdvisoryRefusal };

const refuse = (reason: AdvisoryRefusal) => ({ ok: false, reason }) as const;

const ATTENDED_ACTION = "advisory_attended";

// ---------------------------------------------------------------------------------------------
// Advisors and their availability

export async function isAdvisor(userId: number, db: DB = getDb()): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").where("id", "=", userId).where("role", "in", ["experto", "difoca"]).where("active", "=", 1).executeTakeFirst();
  return row !== undefined;
}

/** Experts and DIFOCA specialists who can advise, those with published hours first. */
export async function listAdvisors(db: DB = getDb()) {
  const rows = await db
    .selectFrom("users")
    .select([
      "users.id",
      "users.name",
      "users.role",
      "users.position",
      (eb) => eb.exists(eb.selectFrom("advisorAvailability").select("advisorAvailability.id").whereRef("advisorAvailability.advisorId", "=", "users.id")).as("hasAvailability"),
    ])
    .where("users.role", "in", ["experto", "difoca"])
    .where("users.active", "=", 1)
    .orderBy("users.name")
    .execute();
  return rows
    .map((r) => ({ ...r, hasAvailability: Boolean(r.hasAvailability) }))
    .sort((a, b) => Number(b.hasAvailability) - Number(a.hasAvailability) || a.name.localeCompare(b.name, "es"));
}

export interface AvailabilityRow extends AvailabilityRule {
  id: number;
}

export async function listAvailability(advisorId: number, db: DB = getDb()): Promise<{ rules: AvailabilityRow[]; daysOff: { date: string; note: string }[] }> {
  const [rules, daysOff] = await Promise.all([
    db
      .selectFrom("advisorAvailability")
      .select(["id", "kind", "weekday", "date", "startTime", "endTime", "sessionMinutes", "timeZone"])
      .where("advisorId", "=", advisorId)
      .orderBy("kind", "desc")
      .orderBy("weekday")
      .orderBy("date")
      .orderBy("startTime")
      .execute(),
    db.selectFrom("advisorDaysOff").select(["date", "note"]).where("advisorId", "=", advisorId).where("date", ">=", todayInLima()).orderBy("date").execute(),
  ]);
  return { rules, daysOff };
}

/** Adds weekly hours (weekday) or a one-off date; the caller validated times and length. */
export async function addAvailability(
  input: { advisorId: number; kind: "weekly" | "date"; weekday: number | null; date: string | null; startTime: string; endTime: string; sessionMinutes: number },
  db: DB = getDb(),
): Promise<number> {
  const row = await db
    .insertInto("advisorAvailability")
    .values({
      advisorId: input.advisorId,
      kind: input.kind,
      weekday: input.kind === "weekly" ? input.weekday : null,
      date: input.kind === "date" ? input.date : null,
      startTime: input.startTime,
      endTime: input.endTime,
      sessionMinutes: input.sessionMinutes,
      timeZone: DEFAULT_TIME_ZONE,
      createdAt: nowIso(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Removes one of the advisor's own rules. Sessions already booked stay. */
export async function removeAvailability(input: { id: number; advisorId: number }, db: DB = getDb()): Promise<boolean> {
  const result = await db.deleteFrom("advisorAvailability").where("id", "=", input.id).where("advisorId", "=", input.advisorId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function addDayOff(input: { advisorId: number; date: string; note: string }, db: DB = getDb()): Promise<void> {
  await db
    .insertInto("advisorDaysOff")
    .values(input)
    .onConflict((oc) => oc.columns(["advisorId", "date"]).doUpdateSet({ note: input.note }))
    .execute();
}

export async function removeDayOff(input: { advisorId: number; date: string }, db: DB = getDb()): Promise<void> {
  await db.deleteFrom("advisorDaysOff").where("advisorId", "=", input.advisorId).where("date", "=", input.date).execute();
}

async function busyTimes(advisorId: number, db: DB, exceptId?: number): Promise<Interval[]> {
  let query = db
    .selectFrom("advisories")
    .select(["startsAt", "endsAt"])
    .where("advisorId", "=", advisorId)
    .where("status", "in", HOLDING_STATUSES)
    .where("startsAt", "is not", null);
  if (exceptId !== undefined) query = query.where("id", "!=", exceptId);
  const rows = await query.execute();
  return rows.map((r) => ({ startsAt: r.startsAt!, endsAt: r.endsAt! }));
}

/** The advisor's free slots from today (Lima) over the booking horizon. */
export async function listFreeSlots(input: { advisorId: number; now?: Date; days?: number }, db: DB = getDb()): Promise<Slot[]> {
  const now = input.now ?? new Date();
  const [{ rules, daysOff }, busy] = await Promise.all([listAvailability(input.advisorId, db), busyTimes(input.advisorId, db)]);
  return computeSlots({ rules, daysOff: daysOff.map((d) => d.date), busy, from: todayInLima(now), days: input.days ?? BOOKING_HORIZON_DAYS, now });
}

/** Inside the caller's write transaction: refuses a time that overlaps another session of the advisor. */
async function checkFree(advisorId: number, slot: Interval, db: DB, exceptId?: number): Promise<boolean> {
  const clash = await db
    .selectFrom("advisories")
    .select("id")
    .where("advisorId", "=", advisorId)
    .where("status", "in", HOLDING_STATUSES)
    .where("startsAt", "<", slot.endsAt)
    .where("endsAt", ">", slot.startsAt)
    .$if(exceptId !== undefined, (q) => q.where("id", "!=", exceptId!))
    .executeTakeFirst();
  return clash === undefined;
}

function checkTime(startsAt: string, minutes: number, now: Date, leadHours: number): AdvisoryRefusal | null {
  if (!isValidSessionLength(minutes)) return "bad_length";
  if (Date.parse(startsAt) < now.getTime() + leadHours * 3600_000) return "past";
  return null;
}

// ---------------------------------------------------------------------------------------------
// History and notifications

async function recordEvent(input: { advisoryId: number; type: string; actorId: number | null; note?: string; startsAt?: string | null; at?: string }, db: DB) {
  await db
    .insertInto("advisoryEvents")
    .values({ advisoryId: input.advisoryId, type: input.type, actorId: input.actorId, note: input.note ?? "", startsAt: input.startsAt ?? null, createdAt: input.at ?? nowIso() })
    .execute();
}

/** Everyone involved in an advisory: the team of its practice, who asked for it, and its advisor. */
async function involvedIds(advisory: { practiceId: number; requestedBy: number; advisorId: number | null }, db: DB): Promise<number[]> {
  const team = await activeTeamIds(advisory.practiceId, db);
  return [...new Set([...team, advisory.requestedBy, ...(advisory.advisorId ? [advisory.advisorId] : [])])];
}

async function tell(ids: number[], except: number | null, message: { type: NotificationType; title: string; body?: string; advisoryId: number }, db: DB) {
  await notify(
    ids.filter((id) => id !== except).map((userId) => ({ userId, type: message.type, title: message.title, body: message.body ?? "", link: `/asesorias/${message.advisoryId}` })),
    db,
  );
}

async function loadAdvisory(id: number, db: DB) {
  return db
    .selectFrom("advisories")
    .innerJoin("practices", "practices.id", "advisories.practiceId")
    .select([
      "advisories.id",
      "advisories.practiceId",
      "advisories.requestedBy",
      "advisories.advisorId",
      "advisories.status",
      "advisories.startsAt",
      "advisories.endsAt",
      "advisories.topic",
      "advisories.modality",
      "practices.title as practiceTitle",
    ])
    .where("advisories.id", "=", id)
    .executeTakeFirst();
}

type LoadedAdvisory = NonNullable<Awaited<ReturnType<typeof loadAdvisory>>>;

/** The advisor of the session or any DIFOCA specialist. */
async function isAdvisorOrDifoca(advisory: LoadedAdvisory, actorId: number, db: DB): Promise<boolean> {
  if (advisory.advisorId === actorId) return true;
  const actor = await db.selectFrom("users").select("role").where("id", "=", actorId).executeTakeFirst();
  return actor?.role === "difoca";
}

async function isOnTeam(practiceId: number, userId: number, db: DB): Promise<boolean> {
  return (await activeTeamIds(practiceId, db)).includes(userId);
}

/**
 * The team's side of an advisory: the practice's team and whoever asked for it (a transfer's
 * participant from the receiving IGED is not on the practice's team).
 */
async function isTeamSide(advisory: LoadedAdvisory, userId: number, db: DB): Promise<boolean> {
  return advisory.requestedBy === userId || (await isOnTeam(advisory.practiceId, userId, db));
}

/** Whether a time is past the last day the team may book (today in Lima and the next BOOKING_HORIZON_DAYS − 1 days). */
function beyondHorizon(startsAt: string, now: Date): boolean {
  const lastDay = todayInLima(new Date(now.getTime() + (BOOKING_HORIZON_DAYS - 1) * 24 * 3600_000));
  return todayInLima(new Date(startsAt)) > lastDay;
}

const hasStarted = (advisory: { startsAt: string | null }, now: Date) => advisory.startsAt !== null && Date.parse(advisory.startsAt) <= now.getTime();

const when = (iso: string) => formatDateTime(iso);

// ---------------------------------------------------------------------------------------------
// Requesting and scheduling

export interface AdvisoryRequest {
  practiceId: number;
  requestedBy: number;
  type: AdvisoryType;
  topic: string;
  needs: string;
  modality: AdvisoryModality;
  /** A free slot of this advisor; or none, and DIFOCA assigns one. */
  advisorId: number | null;
  startsAt: string | null;
  minutes: number | null;
  seriesTitle?: string | null;
  /** For an advisory about transfer: the transfer of this practice it belongs to. */
  transferId?: number | null;
}

/**
 * Who may ask for an advisory: the practice's team; for one about a transfer, also the people
 * responsible for that transfer (the receiving IGED's team).
 */
async function mayRequest(input: { practiceId: number; requestedBy: number; type: AdvisoryType; transferId?: number | null }, db: DB): Promise<AdvisoryRefusal | null> {
  if (input.transferId != null) {
    if (input.type !== "transferencia") return "bad_transfer";
    const transfer = await db.selectFrom("transfers").select(["practiceId", "status"]).where("id", "=", input.transferId).executeTakeFirst();
    if (!transfer || transfer.practiceId !== input.practiceId || !["en_curso", "suspendida"].includes(transfer.status)) return "bad_transfer";
    const participant = await db
      .selectFrom("transferParticipants")
      .select("userId")
      .where("transferId", "=", input.transferId)
      .where("userId", "=", input.requestedBy)
      .executeTakeFirst();
    if (participant) return null;
  }
  return (await isOnTeam(input.practiceId, input.requestedBy, db)) ? null : "not_team";
}

/**
 * A team member asks for an advisory, on a free slot of an advisor or for DIFOCA to assign. The
 * slot is checked against the advisor's hours and taken inside the write transaction, so two
 * requests for one slot give one booking and one refusal.
 */
export async function requestAdvisory(input: AdvisoryRequest & { now?: Date; at?: string }, db: DB = getDb()): Promise<AdvisoryResult<{ id: number }>> {
  const now = input.now ?? new Date();
  return writeTransaction(db, async (trx) => {
    const refusal = await mayRequest(input, trx);
    if (refusal) return refuse(refusal);
    let slot: Interval | null = null;
    if (input.advisorId !== null) {
      if (input.startsAt === null || input.minutes === null) return refuse("outside_availability");
      if (!(await isAdvisor(input.advisorId, trx))) return refuse("not_advisor");
      const timeProblem = checkTime(input.startsAt, input.minutes, now, BOOKING_LEAD_HOURS);
      if (timeProblem) return refuse(timeProblem);
      // The slot picker offers only the horizon; a crafted form does not book further ahead.
      if (beyondHorizon(input.startsAt, now)) return refuse("outside_availability");
      const { rules, daysOff } = await listAvailability(input.advisorId, trx);
      if (!isWithinAvailability({ rules, daysOff: daysOff.map((d) => d.date), startsAt: input.startsAt, minutes: input.minutes })) return refuse("outside_availability");
      slot = { startsAt: new Date(input.startsAt).toISOString(), endsAt: addMinutes(input.startsAt, input.minutes) };
      if (!(await checkFree(input.advisorId, slot, trx))) return refuse("slot_taken");
    }
    const at = input.at ?? nowIso(now);
    const { id } = await trx
      .insertInto("advisories")
      .values({
        type: input.type,
        practiceId: input.practiceId,
        requestedBy: input.requestedBy,
        topic: input.topic,
        needs: input.needs,
        modality: input.modality,
        advisorId: input.advisorId,
        status: "solicitada",
        startsAt: slot?.startsAt ?? null,
        endsAt: slot?.endsAt ?? null,
        timeZone: DEFAULT_TIME_ZONE,
        meetingUrl: null,
        place: null,
        cancelReason: null,
        seriesTitle: input.seriesTitle ?? null,
        transferId: input.transferId ?? null,
        createdAt: at,
        updatedAt: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordEvent({ advisoryId: id, type: "requested", actorId: input.requestedBy, startsAt: slot?.startsAt ?? null, at }, trx);
    const recipients = input.advisorId !== null ? [input.advisorId] : await listActiveDifocaIds(trx);
    await tell(
      recipients,
      input.requestedBy,
      {
        type: "advisory_requested",
        title: slot ? `Nueva solicitud de asesoría para el ${when(slot.startsAt)}: «${input.topic}»` : `Nueva solicitud de asesoría por asignar: «${input.topic}»`,
        advisoryId: id,
      },
      trx,
    );
    return { ok: true, id } as const;
  });
}

export interface ScheduleInput {
  advisoryId: number;
  actorId: number;
  /** DIFOCA may assign another advisor; an advisor schedules their own sessions. */
  advisorId?: number;
  /** A new time, or none to keep the requested one. */
  startsAt?: string | null;
  minutes?: number | null;
  meetingUrl: string | null;
  place: string | null;
  /** DIFOCA's queue: refuse ("already_assigned") if someone gave the request an advisor meanwhile. */
  onlyIfUnassigned?: boolean;
  now?: Date;
  at?: string;
}

/** Tells an advisor who was taken off an advisory; they no longer see it, so the link is their list. */
async function tellUnassigned(previousAdvisorId: number | null, newAdvisorId: number, actorId: number, topic: string, db: DB) {
  if (previousAdvisorId === null || previousAdvisorId === newAdvisorId || previousAdvisorId === actorId) return;
  await notify({ userId: previousAdvisorId, type: "advisory_unassigned", title: `Ya no estás asignado a la asesoría «${topic}»`, body: "DIFOCA la asignó a otro asesor.", link: "/asesorias" }, db);
}

async function setTime(
  advisory: LoadedAdvisory,
  input: ScheduleInput,
  status: "confirmada" | "propuesta",
  trx: DB,
): Promise<AdvisoryResult<{ startsAt: string; advisorId: number; changed: boolean }>> {
  const now = input.now ?? new Date();
  const advisorId = input.advisorId ?? advisory.advisorId;
  if (advisorId === null || advisorId === undefined) return refuse("not_advisor");
  if (advisorId !== advisory.advisorId && !(await isAdvisor(advisorId, trx))) return refuse("not_advisor");
  let startsAt = advisory.startsAt;
  let endsAt = advisory.endsAt;
  if (input.startsAt) {
    const minutes = input.minutes ?? 0;
    // Advisors and DIFOCA may set any future time (they coordinate by other means); not the past.
    const problem = checkTime(input.startsAt, minutes, now, 0);
    if (problem) return refuse(problem);
    startsAt = new Date(input.startsAt).toISOString();
    endsAt = addMinutes(startsAt, minutes);
  }
  if (!startsAt || !endsAt) return refuse("past");
  if (Date.parse(startsAt) < now.getTime()) return refuse("past");
  if (!(await checkFree(advisorId, { startsAt, endsAt }, trx, advisory.id))) return refuse("slot_taken");
  await trx
    .updateTable("advisories")
    .set({ advisorId, startsAt, endsAt, status, meetingUrl: input.meetingUrl, place: input.place, updatedAt: input.at ?? nowIso(now) })
    .where("id", "=", advisory.id)
    .execute();
  return { ok: true, startsAt, advisorId, changed: startsAt !== advisory.startsAt || advisorId !== advisory.advisorId } as const;
}

/** The advisor or DIFOCA confirms a request (at its time or another), assigning an advisor when needed. */
export async function confirmAdvisory(input: ScheduleInput, db: DB = getDb()): Promise<AdvisoryResult> {
  return writeTransaction(db, async (trx) => {
    const advisory = await loadAdvisory(input.advisoryId, trx);
    if (!advisory) return refuse("not_found");
    if (!(await isAdvisorOrDifoca(advisory, input.actorId, trx))) return refuse("not_allowed");
    // Checked here, in the write transaction: two specialists assigning at once give one assignment.
    if (input.onlyIfUnassigned && advisory.advisorId !== null) return refuse("already_assigned");
    if (input.advisorId !== undefined && input.advisorId !== advisory.advisorId && advisory.advisorId !== null) {
      // Only DIFOCA hands an advisory to another advisor.
      const actor = await trx.selectFrom("users").select("role").where("id", "=", input.actorId).executeTakeFirst();
      if (actor?.role !== "difoca") return refuse("not_allowed");
    }
    // A confirmed session moves through rescheduleAdvisory, which asks for a reason.
    if (!(["solicitada", "propuesta"] as AdvisoryStatus[]).includes(advisory.status)) return refuse("wrong_status");
    const result = await setTime(advisory, input, "confirmada", trx);
    if (!result.ok) return result;
    await recordEvent({ advisoryId: advisory.id, type: "confirmed", actorId: input.actorId, startsAt: result.startsAt, at: input.at }, trx);
    await tellUnassigned(advisory.advisorId, result.advisorId, input.actorId, advisory.topic, trx);
    const involved = await involvedIds({ ...advisory, advisorId: result.advisorId }, trx);
    await tell(
      involved,
      input.actorId,
      {
        type: "advisory_confirmed",
        title: `Asesoría confirmada para el ${when(result.startsAt)}: «${advisory.topic}»`,
        body: result.changed && advisory.startsAt ? "El horario cambió respecto de lo solicitado." : "",
        advisoryId: advisory.id,
      },
      trx,
    );
    return { ok: true } as const;
  });
}

/** The advisor or DIFOCA proposes another time; the team accepts it (or cancels). */
export async function proposeAdvisoryTime(input: ScheduleInput & { note: string }, db: DB = getDb()): Promise<AdvisoryResult> {
  return writeTransaction(db, async (trx) => {
    const advisory = await loadAdvisory(input.advisoryId, trx);
    if (!advisory) return refuse("not_found");
    if (!(await isAdvisorOrDifoca(advisory, input.actorId, trx))) return refuse("not_allowed");
    if (!(["solicitada", "propuesta", "confirmada"] as AdvisoryStatus[]).includes(advisory.status)) return refuse("wrong_status");
    if (!input.startsAt) return refuse("past");
    const result = await setTime(advisory, input, "propuesta", trx);
    if (!result.ok) return result;
    await recordEvent({ advisoryId: advisory.id, type: "proposed", actorId: input.actorId, note: input.note, startsAt: result.startsAt, at: input.at }, trx);
    await tellUnassigned(advisory.advisorId, result.advisorId, input.actorId, advisory.topic, trx);
    const team = await involvedIds({ ...advisory, advisorId: result.advisorId }, trx);
    await tell(team, input.actorId, { type: "advisory_proposed", title: `Te proponen otro horario para la asesoría «${advisory.topic}»: ${when(result.startsAt)}`, body: input.note, advisoryId: advisory.id }, trx);
    return { ok: true } as const;
  });
}

/** A team member (or who asked for it) accepts the proposed time. */
export async function acceptProposal(input: { advisoryId: number; actorId: number }, db: DB = getDb()): Promise<AdvisoryResult> {
  return writeTransaction(db, async (trx) => {
    const advisory = await loadAdvisory(input.advisoryId, trx);
    if (!advisory) return refuse("not_found");
    if (!(await isTeamSide(advisory, input.actorId, trx))) return refuse("not_team");
    if (advisory.status !== "propuesta" || !advisory.startsAt) return refuse("wrong_status");
    if (Date.parse(advisory.startsAt) < Date.now()) return refuse("past");
    await trx.updateTable("advisories").set({ status: "confirmada", updatedAt: nowIso() }).where("id", "=", advisory.id).execute();
    await recordEvent({ advisoryId: advisory.id, type: "accepted", actorId: input.actorId, startsAt: advisory.startsAt }, trx);
    await tell(await involvedIds(advisory, trx), input.actorId, { type: "advisory_confirmed", title: `Asesoría confirmada para el ${when(advisory.startsAt)}: «${advisory.topic}»`, advisoryId: advisory.id }, trx);
    return { ok: true } as const;
  });
}

/**
 * Moves a session to another time with a reason. The advisor and DIFOCA set any future time and
 * the session stays confirmed; the team picks another free slot of the advisor, to be confirmed.
 */
export async function rescheduleAdvisory(
  input: { advisoryId: number; actorId: number; startsAt: string; minutes: number; reason: string; now?: Date },
  db: DB = getDb(),
): Promise<AdvisoryResult> {
  const now = input.now ?? new Date();
  return writeTransaction(db, async (trx) => {
    const advisory = await loadAdvisory(input.advisoryId, trx);
    if (!advisory) return refuse("not_found");
    if (!(OPEN_STATUSES as AdvisoryStatus[]).includes(advisory.status)) return refuse("wrong_status");
    const byAdvisor = await isAdvisorOrDifoca(advisory, input.actorId, trx);
    if (!byAdvisor && !(await isTeamSide(advisory, input.actorId, trx))) return refuse("not_allowed");
    if (advisory.advisorId === null) return refuse("not_advisor");
    // Once it started, the advisor records whether it was held; the team can no longer move it.
    if (!byAdvisor && hasStarted(advisory, now)) return refuse("started");
    const problem = checkTime(input.startsAt, input.minutes, now, byAdvisor ? 0 : BOOKING_LEAD_HOURS);
    if (problem) return refuse(problem);
    if (!byAdvisor) {
      if (beyondHorizon(input.startsAt, now)) return refuse("outside_availability");
      const { rules, daysOff } = await listAvailability(advisory.advisorId, trx);
      if (!isWithinAvailability({ rules, daysOff: daysOff.map((d) => d.date), startsAt: input.startsAt, minutes: input.minutes })) return refuse("outside_availability");
    }
    const slot = { startsAt: new Date(input.startsAt).toISOString(), endsAt: addMinutes(input.startsAt, input.minutes) };
    if (!(await checkFree(advisory.advisorId, slot, trx, advisory.id))) return refuse("slot_taken");
    const status: AdvisoryStatus = byAdvisor ? "confirmada" : "solicitada";
    await trx.updateTable("advisories").set({ ...slot, status, updatedAt: nowIso(now) }).where("id", "=", advisory.id).execute();
    await recordEvent({ advisoryId: advisory.id, type: "rescheduled", actorId: input.actorId, note: input.reason, startsAt: slot.startsAt }, trx);
    await tell(
      await involvedIds(advisory, trx),
      input.actorId,
      {
        type: "advisory_rescheduled",
        title: byAdvisor ? `La asesoría «${advisory.topic}» se reprogramó para el ${when(slot.startsAt)}` : `El equipo pide reprogramar la asesoría «${advisory.topic}» para el ${when(slot.startsAt)}`,
        body: `Motivo: ${input.reason}`,
        advisoryId: advisory.id,
      },
      trx,
    );
    return { ok: true } as const;
  });
}

/** Cancels with a reason (the team, the advisor or DIFOCA); the time is freed and everyone is told. */
export async function cancelAdvisory(input: { advisoryId: number; actorId: number; reason: string; now?: Date; at?: string }, db: DB = getDb()): Promise<AdvisoryResult> {
  // `at` says when the cancellation happens (demo data replays the past).
  const now = input.now ?? (input.at ? new Date(input.at) : new Date());
  return writeTransaction(db, async (trx) => {
    const advisory = await loadAdvisory(input.advisoryId, trx);
    if (!advisory) return refuse("not_found");
    if (!(OPEN_STATUSES as AdvisoryStatus[]).includes(advisory.status)) return refuse("wrong_status");
    if (!(await isAdvisorOrDifoca(advisory, input.actorId, trx))) {
      if (!(await isTeamSide(advisory, input.actorId, trx))) return refuse("not_allowed");
      // Once it started, the advisor records whether it was held ("no realizada" if it was not).
      if (hasStarted(advisory, now)) return refuse("started");
    }
    const at = input.at ?? nowIso(now);
    await trx.updateTable("advisories").set({ status: "cancelada", cancelReason: input.reason, updatedAt: at }).where("id", "=", advisory.id).execute();
    await recordEvent({ advisoryId: advisory.id, type: "cancelled", actorId: input.actorId, note: input.reason, at }, trx);
    await tell(await involvedIds(advisory, trx), input.actorId, { type: "advisory_cancelled", title: `Se canceló la asesoría «${advisory.topic}»`, body: `Motivo: ${input.reason}`, advisoryId: advisory.id }, trx);
    return { ok: true } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// After the session: attendance, minutes, commitments

export interface CommitmentInput {
  description: string;
  responsibleId: number | null;
  responsibleName: string;
  dueDate: string;
}

/**
 * The advisor or DIFOCA records what happened: held or not, who attended (they earn the points),
 * the minutes and new commitments. Recording again updates the minutes and attendance (points
 * follow) and adds the new commitments.
 */
export async function recordAdvisoryOutcome(
  input: { advisoryId: number; actorId: number; held: boolean; attendeeIds: number[]; summary: string; agreements: string; commitments: CommitmentInput[]; now?: Date; at?: string },
  db: DB = getDb(),
): Promise<AdvisoryResult> {
  const now = input.now ?? new Date();
  return writeTransaction(db, async (trx) => {
    const advisory = await loadAdvisory(input.advisoryId, trx);
    if (!advisory) return refuse("not_found");
    if (!(await isAdvisorOrDifoca(advisory, input.actorId, trx))) return refuse("not_allowed");
    if (!(["confirmada", "realizada", "no_realizada"] as AdvisoryStatus[]).includes(advisory.status) || !advisory.startsAt) return refuse("wrong_status");
    if (Date.parse(advisory.startsAt) > now.getTime()) return refuse("not_yet");
    const at = input.at ?? nowIso(now);
    const involved = new Set(await involvedIds({ ...advisory, advisorId: null }, trx));
    const attendees = input.held ? [...new Set(input.attendeeIds)].filter((id) => involved.has(id)) : [];

    await trx.updateTable("advisories").set({ status: input.held ? "realizada" : "no_realizada", updatedAt: at }).where("id", "=", advisory.id).execute();
    // Attendance: points for who attended; taken back from who no longer counts as attending.
    const previous = await trx.selectFrom("advisoryAttendees").select(["userId", "attended"]).where("advisoryId", "=", advisory.id).execute();
    await trx.deleteFrom("advisoryAttendees").where("advisoryId", "=", advisory.id).execute();
    const rows = [...involved].map((userId) => ({ advisoryId: advisory.id, userId, attended: attendees.includes(userId) ? 1 : 0 }));
    if (rows.length > 0) await trx.insertInto("advisoryAttendees").values(rows).execute();
    for (const userId of attendees) {
      // Repeatable: attendance corrected away and back earns the points again.
      await awardRepeatablePoints(
        { userId, action: ATTENDED_ACTION, subjectType: "advisory", subjectId: advisory.id, key: `${ATTENDED_ACTION}:${advisory.id}:${userId}`, occurredAt: advisory.startsAt, actorId: input.actorId },
        trx,
      );
    }
    for (const row of previous) {
      if (row.attended === 1 && !attendees.includes(row.userId)) {
        await reverseSubjectPoints(
          { subjectType: "advisory", subjectId: advisory.id, action: ATTENDED_ACTION, userId: row.userId, reason: "La asistencia a la asesoría se corrigió.", actorId: input.actorId },
          trx,
        );
      }
    }

    if (input.held) {
      await trx
        .insertInto("advisoryMinutes")
        .values({ advisoryId: advisory.id, summary: input.summary, agreements: input.agreements, recordedBy: input.actorId, recordedAt: at, updatedAt: at })
        .onConflict((oc) => oc.column("advisoryId").doUpdateSet({ summary: input.summary, agreements: input.agreements, updatedAt: at }))
        .execute();
      if (input.commitments.length > 0) {
        await trx
          .insertInto("advisoryCommitments")
          .values(input.commitments.map((c) => ({ advisoryId: advisory.id, ...c, doneAt: null, doneBy: null, createdAt: at })))
          .execute();
      }
    } else {
      await reverseSubjectPoints({ subjectType: "advisory", subjectId: advisory.id, action: ATTENDED_ACTION, reason: "La asesoría no se realizó.", actorId: input.actorId }, trx);
      // A session that did not take place has no minutes nor commitments; the history keeps what was recorded before.
      await trx.deleteFrom("advisoryCommitments").where("advisoryId", "=", advisory.id).execute();
      await trx.deleteFrom("advisoryMinutes").where("advisoryId", "=", advisory.id).execute();
    }
    await recordEvent({ advisoryId: advisory.id, type: input.held ? "minutes_recorded" : "not_held", actorId: input.actorId, at }, trx);
    await tell(
      await involvedIds(advisory, trx),
      input.actorId,
      {
        type: "advisory_minutes",
        title: input.held ? `Se registró el acta de la asesoría «${advisory.topic}»` : `La asesoría «${advisory.topic}» se registró como no realizada`,
        body: input.held && input.commitments.length > 0 ? `Compromisos: ${input.commitments.length}.` : "",
        advisoryId: advisory.id,
      },
      trx,
    );
    return { ok: true } as const;
  });
}

/** A team member, the person responsible, the advisor or DIFOCA marks a commitment done (or not). */
export async function setCommitmentDone(input: { commitmentId: number; actorId: number; done: boolean; at?: string }, db: DB = getDb()): Promise<AdvisoryResult> {
  return writeTransaction(db, async (trx) => {
    const commitment = await trx.selectFrom("advisoryCommitments").select(["id", "advisoryId", "responsibleId", "doneAt"]).where("id", "=", input.commitmentId).executeTakeFirst();
    if (!commitment) return refuse("not_found");
    const advisory = await loadAdvisory(commitment.advisoryId, trx);
    if (!advisory) return refuse("not_found");
    const allowed =
      commitment.responsibleId === input.actorId || (await isTeamSide(advisory, input.actorId, trx)) || (await isAdvisorOrDifoca(advisory, input.actorId, trx));
    if (!allowed) return refuse("not_allowed");
    if ((commitment.doneAt !== null) === input.done) return { ok: true } as const;
    const at = input.at ?? nowIso();
    await trx
      .updateTable("advisoryCommitments")
      .set({ doneAt: input.done ? at : null, doneBy: input.done ? input.actorId : null })
      .where("id", "=", commitment.id)
      .execute();
    await recordEvent({ advisoryId: advisory.id, type: input.done ? "commitment_done" : "commitment_reopened", actorId: input.actorId, at }, trx);
    return { ok: true } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface AdvisoryListItem {
  id: number;
  type: AdvisoryType;
  status: AdvisoryStatus;
  topic: string;
  modality: AdvisoryModality;
  startsAt: string | null;
  endsAt: string | null;
  practiceId: number;
  practiceTitle: string;
  practiceSlug: string;
  advisorName: string | null;
  seriesTitle: string | null;
}

function listQuery(db: DB) {
  return db
    .selectFrom("advisories")
    .innerJoin("practices", "practices.id", "advisories.practiceId")
    .leftJoin("users as advisor", "advisor.id", "advisories.advisorId")
    .select([
      "advisories.id",
      "advisories.type",
      "advisories.status",
      "advisories.topic",
      "advisories.modality",
      "advisories.startsAt",
      "advisories.endsAt",
      "advisories.practiceId",
      "advisories.seriesTitle",
      "practices.title as practiceTitle",
      "practices.slug as practiceSlug",
      "advisor.name as advisorName",
    ]);
}

/** Advisories a member takes part in: as advisor, as who asked, or as a member of the practice's team. */
export async function listAdvisoriesForMember(
  userId: number,
  options: { from?: string; to?: string; when?: "upcoming" | "past"; now?: Date } = {},
  db: DB = getDb(),
): Promise<AdvisoryListItem[]> {
  const now = (options.now ?? new Date()).toISOString();
  let query = listQuery(db).where((eb) =>
    eb.or([
      eb("advisories.advisorId", "=", userId),
      eb("advisories.requestedBy", "=", userId),
      eb.exists(eb.selectFrom("practiceTeam").select("practiceTeam.userId").whereRef("practiceTeam.practiceId", "=", "advisories.practiceId").where("practiceTeam.userId", "=", userId)),
    ]),
  );
  if (options.from) query = query.where("advisories.startsAt", ">=", options.from);
  if (options.to) query = query.where("advisories.startsAt", "<", options.to);
  if (options.when === "upcoming") {
    // Still to happen: open ones in the future, and requests without a time yet.
    query = query.where("advisories.status", "in", OPEN_STATUSES).where((eb) => eb.or([eb("advisories.startsAt", "is", null), eb("advisories.endsAt", ">", now)]));
    return query.orderBy(sql`advisories.starts_at is null`).orderBy("advisories.startsAt").orderBy("advisories.id").execute();
  }
  if (options.when === "past") {
    query = query.where((eb) => eb.or([eb("advisories.status", "not in", OPEN_STATUSES), eb("advisories.endsAt", "<=", now)]));
    return query.orderBy("advisories.startsAt", "desc").orderBy("advisories.id", "desc").limit(100).execute();
  }
  return query.orderBy("advisories.startsAt").orderBy("advisories.id").execute();
}

export interface PendingRequest extends AdvisoryListItem {
  needs: string;
  advisorId: number | null;
  requestedByName: string;
  createdAt: string;
}

/** DIFOCA's queue: requests waiting for an advisor or a confirmation, and proposals waiting for the team; oldest first. */
export async function listPendingRequests(db: DB = getDb()): Promise<PendingRequest[]> {
  return listQuery(db)
    .innerJoin("users as requester", "requester.id", "advisories.requestedBy")
    .select(["advisories.needs", "advisories.advisorId", "advisories.createdAt", "requester.name as requestedByName"])
    .where("advisories.status", "in", ["solicitada", "propuesta"])
    .orderBy("advisories.createdAt")
    .orderBy("advisories.id")
    .execute();
}

/** How many requests and proposals wait in DIFOCA's queue. */
export async function countPendingRequests(db: DB = getDb()): Promise<number> {
  const row = await db
    .selectFrom("advisories")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "in", ["solicitada", "propuesta"])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Confirmed sessions of every advisor that start within the next `days` days, soonest first. */
export async function listUpcomingAdvisories(options: { days: number; now?: Date }, db: DB = getDb()): Promise<AdvisoryListItem[]> {
  const now = options.now ?? new Date();
  const until = new Date(now.getTime() + options.days * 24 * 3600_000);
  return listQuery(db)
    .where("advisories.status", "=", "confirmada")
    .where("advisories.endsAt", ">", now.toISOString())
    .where("advisories.startsAt", "<", until.toISOString())
    .orderBy("advisories.startsAt")
    .orderBy("advisories.id")
    .execute();
}

/** Kept in memory until the data changes, like every read of a practice's public page (ADR 016). */
export function listAdvisoriesOfPractice(practiceId: number, db: DB = getDb()): Promise<AdvisoryListItem[]> {
  return cachedAggregate(`practice-advisories:${practiceId}`, () => readAdvisoriesOfPractice(practiceId, db), db);
}

/** Every advisory of a practice, newest first, for its page. */
async function readAdvisoriesOfPractice(practiceId: number, db: DB): Promise<AdvisoryListItem[]> {
  return listQuery(db).where("advisories.practiceId", "=", practiceId).where("advisories.status", "!=", "cancelada").orderBy("advisories.startsAt", "desc").execute();
}

/** Held advisories of a practice: the maturity route's "advisory held" criterion reads this. */
export async function countHeldAdvisories(practiceId: number, db: DB = getDb()): Promise<number> {
  const row = await db
    .selectFrom("advisories")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("practiceId", "=", practiceId)
    .where("status", "=", "realizada")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface CommitmentView {
  id: number;
  advisoryId: number;
  description: string;
  responsibleId: number | null;
  responsibleName: string;
  dueDate: string;
  done: boolean;
  doneAt: string | null;
  overdue: boolean;
}

function commitmentView(row: { id: number; advisoryId: number; description: string; responsibleId: number | null; responsibleName: string; dueDate: string; doneAt: string | null }, today: string): CommitmentView {
  return { ...row, done: row.doneAt !== null, overdue: row.doneAt === null && row.dueDate < today };
}

export async function listCommitmentsOfPractice(practiceId: number, db: DB = getDb()): Promise<CommitmentView[]> {
  const rows = await db
    .selectFrom("advisoryCommitments")
    .innerJoin("advisories", "advisories.id", "advisoryCommitments.advisoryId")
    .select([
      "advisoryCommitments.id",
      "advisoryCommitments.advisoryId",
      "advisoryCommitments.description",
      "advisoryCommitments.responsibleId",
      "advisoryCommitments.responsibleName",
      "advisoryCommitments.dueDate",
      "advisoryCommitments.doneAt",
    ])
    .where("advisories.practiceId", "=", practiceId)
    .orderBy("advisoryCommitments.doneAt")
    .orderBy("advisoryCommitments.dueDate")
    .execute();
  const today = todayInLima();
  return rows.map((r) => commitmentView(r, today));
}

export interface AdvisoryDetail {
  id: number;
  type: AdvisoryType;
  status: AdvisoryStatus;
  topic: string;
  needs: string;
  modality: AdvisoryModality;
  startsAt: string | null;
  endsAt: string | null;
  timeZone: string;
  meetingUrl: string | null;
  place: string | null;
  cancelReason: string | null;
  seriesTitle: string | null;
  practice: { id: number; slug: string; title: string };
  requestedBy: { id: number; name: string };
  advisor: { id: number; name: string; email: string } | null;
  team: { id: number; name: string }[];
  minutes: { summary: string; agreements: string; recordedByName: string; recordedAt: string; updatedAt: string } | null;
  attendees: { userId: number; name: string; attended: boolean }[];
  commitments: CommitmentView[];
  history: { type: string; actorName: string | null; note: string; startsAt: string | null; createdAt: string }[];
  createdAt: string;
}

export async function getAdvisory(id: number, db: DB = getDb()): Promise<AdvisoryDetail | undefined> {
  const row = await db
    .selectFrom("advisories")
    .innerJoin("practices", "practices.id", "advisories.practiceId")
    .innerJoin("users as requester", "requester.id", "advisories.requestedBy")
    .leftJoin("users as advisor", "advisor.id", "advisories.advisorId")
    .select([
      "advisories.id",
      "advisories.type",
      "advisories.status",
      "advisories.topic",
      "advisories.needs",
      "advisories.modality",
      "advisories.startsAt",
      "advisories.endsAt",
      "advisories.timeZone",
      "advisories.meetingUrl",
      "advisories.place",
      "advisories.cancelReason",
      "advisories.seriesTitle",
      "advisories.createdAt",
      "advisories.advisorId",
      "practices.id as practiceId",
      "practices.slug as practiceSlug",
      "practices.title as practiceTitle",
      "requester.id as requesterId",
      "requester.name as requesterName",
      "advisor.name as advisorName",
      "advisor.email as advisorEmail",
    ])
    .where("advisories.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [team, minutes, attendees, commitments, history] = await Promise.all([
    db
      .selectFrom("practiceTeam")
      .innerJoin("users", "users.id", "practiceTeam.userId")
      .select(["users.id", "users.name"])
      .where("practiceTeam.practiceId", "=", row.practiceId)
      .where("users.active", "=", 1)
      .orderBy("practiceTeam.addedAt")
      .execute(),
    db
      .selectFrom("advisoryMinutes")
      .innerJoin("users", "users.id", "advisoryMinutes.recordedBy")
      .select(["advisoryMinutes.summary", "advisoryMinutes.agreements", "users.name as recordedByName", "advisoryMinutes.recordedAt", "advisoryMinutes.updatedAt"])
      .where("advisoryMinutes.advisoryId", "=", id)
      .executeTakeFirst(),
    db
      .selectFrom("advisoryAttendees")
      .innerJoin("users", "users.id", "advisoryAttendees.userId")
      .select(["advisoryAttendees.userId", "users.name", "advisoryAttendees.attended"])
      .where("advisoryAttendees.advisoryId", "=", id)
      .orderBy("users.name")
      .execute(),
    db
      .selectFrom("advisoryCommitments")
      .select(["id", "advisoryId", "description", "responsibleId", "responsibleName", "dueDate", "doneAt"])
      .where("advisoryId", "=", id)
      .orderBy("dueDate")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("advisoryEvents")
      .leftJoin("users", "users.id", "advisoryEvents.actorId")
      .select(["advisoryEvents.type", "users.name as actorName", "advisoryEvents.note", "advisoryEvents.startsAt", "advisoryEvents.createdAt"])
      .where("advisoryEvents.advisoryId", "=", id)
      .orderBy("advisoryEvents.createdAt")
      .orderBy("advisoryEvents.id")
      .execute(),
  ]);
  const today = todayInLima();
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    topic: row.topic,
    needs: row.needs,
    modality: row.modality,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    meetingUrl: row.meetingUrl,
    place: row.place,
    cancelReason: row.cancelReason,
    seriesTitle: row.seriesTitle,
    createdAt: row.createdAt,
    practice: { id: row.practiceId, slug: row.practiceSlug, title: row.practiceTitle },
    requestedBy: { id: row.requesterId, name: row.requesterName },
    advisor: row.advisorId && row.advisorName && row.advisorEmail ? { id: row.advisorId, name: row.advisorName, email: row.advisorEmail } : null,
    team,
    minutes: minutes ?? null,
    attendees: attendees.map((a) => ({ ...a, attended: a.attended === 1 })),
    commitments: commitments.map((c) => commitmentView(c, today)),
    history,
  };
}

/** Who may see an advisory: everyone involved and DIFOCA. */
export async function canSeeAdvisory(advisory: AdvisoryDetail, user: { id: number; role: string }): Promise<boolean> {
  return user.role === "difoca" || advisory.advisor?.id === user.id || advisory.requestedBy.id === user.id || advisory.team.some((m) => m.id === user.id);
}

/** History entries that change a session's time or status: calendar apps replace their copy when the count grows. */
export const CALENDAR_CHANGE_EVENTS = ["confirmed", "proposed", "accepted", "rescheduled", "cancelled"] as const;

export interface CalendarAdvisory {
  id: number;
  status: AdvisoryStatus;
  topic: string;
  modality: AdvisoryModality;
  startsAt: string;
  endsAt: string;
  meetingUrl: string | null;
  place: string | null;
  practiceTitle: string;
  advisorName: string | null;
  updatedAt: string;
  changes: number;
}

/** The sessions with a time of a member's advisories (as advisor, who asked, or team), for their calendar feed. */
export async function listCalendarAdvisoriesForMember(userId: number, db: DB = getDb()): Promise<CalendarAdvisory[]> {
  const rows = await db
    .selectFrom("advisories")
    .innerJoin("practices", "practices.id", "advisories.practiceId")
    .leftJoin("users as advisor", "advisor.id", "advisories.advisorId")
    .select([
      "advisories.id",
      "advisories.status",
      "advisories.topic",
      "advisories.modality",
      "advisories.startsAt",
      "advisories.endsAt",
      "advisories.meetingUrl",
      "advisories.place",
      "advisories.updatedAt",
      "practices.title as practiceTitle",
      "advisor.name as advisorName",
      (eb) =>
        eb
          .selectFrom("advisoryEvents")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("advisoryEvents.advisoryId", "=", "advisories.id")
          .where("advisoryEvents.type", "in", CALENDAR_CHANGE_EVENTS)
          .as("changes"),
    ])
    .where("advisories.startsAt", "is not", null)
    .where((eb) =>
      eb.or([
        eb("advisories.advisorId", "=", userId),
        eb("advisories.requestedBy", "=", userId),
        eb.exists(eb.selectFrom("practiceTeam").select("practiceTeam.userId").whereRef("practiceTeam.practiceId", "=", "advisories.practiceId").where("practiceTeam.userId", "=", userId)),
      ]),
    )
    .orderBy("advisories.startsAt")
    .orderBy("advisories.id")
    .execute();
  return rows.map((r) => ({ ...r, startsAt: r.startsAt!, endsAt: r.endsAt!, changes: Number(r.changes ?? 0) }));
}

// ---------------------------------------------------------------------------------------------
// Calendar feed tokens

/** The member's private calendar token, made on first use. */
export async function getCalendarToken(userId: number, db: DB = getDb()): Promise<string> {
  const existing = await db.selectFrom("calendarFeeds").select("token").where("userId", "=", userId).executeTakeFirst();
  if (existing) return existing.token;
  return resetCalendarToken(userId, db);
}

/** A new secret token: the old feed address stops working at once. */
export async function resetCalendarToken(userId: number, db: DB = getDb()): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await db
    .insertInto("calendarFeeds")
    .values({ userId, token, createdAt: nowIso() })
    .onConflict((oc) => oc.column("userId").doUpdateSet({ token, createdAt: nowIso() }))
    .execute();
  return token;
}

/** The active member a calendar token belongs to. */
export async function memberOfCalendarToken(token: string, db: DB = getDb()): Promise<{ id: number; name: string } | undefined> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return undefined;
  return db
    .selectFrom("calendarFeeds")
    .innerJoin("users", "users.id", "calendarFeeds.userId")
    .select(["users.id", "users.name"])
    .where("calendarFeeds.token", "=", token)
    .where("users.active", "=", 1)
    .executeTakeFirst();
}

/** How many advisories of each type were held in a year (the dashboard reads this). */
export async function countHeldAdvisoriesByType(year: number, db: DB = getDb()): Promise<Record<AdvisoryType, number>> {
  const rows = await db
    .selectFrom("advisories")
    .select(["type", (eb) => eb.fn.countAll<number>().as("n")])
    .where("status", "=", "realizada")
    .where("startsAt", ">=", limaYearBounds(year).start)
    .where("startsAt", "<", limaYearBounds(year).end)
    .groupBy("type")
    .execute();
  const counts: Record<AdvisoryType, number> = { personalizada: 0, transferencia: 0 };
  for (const row of rows) counts[row.type] = Number(row.n);
  return counts;
}
