// Events of the community: DIFOCA's exchanges, webinars, workshops and field visits, with the
// practices presented and their commentators, registration up to capacity with a waiting list,
// attendance (a list DIFOCA ticks, or a code typed on the day) that earns points, a badge for all
// attendees at once, testimonials, and the data of the systematization report.
import { randomInt } from "node:crypto";
import { sql } from "kysely";
import type { EventModality, EventType, RegistrationStatus } from "../../db/schema";
import { limaMonthOf, refreshMemberActivityMonth, type LimaMonth } from "~/models/activity.server";
import { awardBadgeToMany } from "~/models/badge.server";
import { notify } from "~/models/notification.server";
import { awardRepeatablePoints, reverseSubjectPoints } from "~/models/points.server";
import { nowIso, todayInLima } from "~/utils/dates";
import { getDb, writeTransaction, type DB } from "~/utils/db.server";
import { slugify } from "~/utils/slug";

export type { EventModality, EventType, RegistrationStatus } from "../../db/schema";

export type EventRefusal =
  | "not_found"
  | "finished" // registration or cancellation after the event ended
  | "not_started" // a code or a testimonial before the event began
  | "wrong_code"
  | "no_code" // the event does not take attendance by code
  | "not_attendee" // a testimonial from someone who did not attend
  | "attended"; // cancelling a registration whose attendance is already recorded

export type EventResult<T = object> = ({ ok: true } & T) | { ok: false; reason: EventRefusal };

const refuse = (reason: EventRefusal) => ({ ok: false, reason }) as const;

const ATTENDED_ACTION = "event_attended";

// ---------------------------------------------------------------------------------------------
// Creating and editing (DIFOCA)

export interface EventFields {
  type: EventType;
  title: string;
  summary: string;
  startsOn: string;
  endsOn: string;
  startTime: string;
  endTime: string;
  macroregionId: number | null;
  hostRegionId: number | null;
  modality: EventModality;
  place: string;
  meetingUrl: string | null;
  agenda: string;
  capacity: number | null;
  invitedRegionIds: number[];
}

async function uniqueSlug(title: string, startsOn: string, db: DB, exceptId?: number): Promise<string> {
  const base = `${slugify(title).slice(0, 70).replace(/-+$/, "") || "evento"}-${startsOn.slice(0, 4)}`;
  let slug = base;
  for (let n = 2; ; n++) {
    let query = db.selectFrom("events").select("id").where("slug", "=", slug);
    if (exceptId !== undefined) query = query.where("id", "!=", exceptId);
    if (!(await query.executeTakeFirst())) return slug;
    slug = `${base}-${n}`;
  }
}

function columns(input: EventFields) {
  return {
    type: input.type,
    title: input.title,
    summary: input.summary,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    startTime: input.startTime,
    endTime: input.endTime,
    macroregionId: input.macroregionId,
    hostRegionId: input.hostRegionId,
    modality: input.modality,
    place: input.place,
    meetingUrl: input.meetingUrl,
    agenda: input.agenda,
    capacity: input.capacity,
  };
}

async function setInvitedRegions(eventId: number, regionIds: number[], db: DB): Promise<void> {
  await db.deleteFrom("eventRegions").where("eventId", "=", eventId).execute();
  const unique = [...new Set(regionIds)];
  if (unique.length > 0) await db.insertInto("eventRegions").values(unique.map((regionId) => ({ eventId, regionId }))).execute();
}

export async function createEvent(input: EventFields & { createdBy: number; at?: string }, db: DB = getDb()): Promise<{ id: number; slug: string }> {
  return writeTransaction(db, async (trx) => {
    const at = input.at ?? nowIso();
    const slug = await uniqueSlug(input.title, input.startsOn, trx);
    const { id } = await trx
      .insertInto("events")
      .values({ ...columns(input), slug, attendanceCode: null, createdBy: input.createdBy, createdAt: at, updatedAt: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    await setInvitedRegions(id, input.invitedRegionIds, trx);
    return { id, slug };
  });
}

export async function updateEvent(input: EventFields & { eventId: number }, db: DB = getDb()): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const previous = await loadEvent(input.eventId, trx);
    const result = await trx.updateTable("events").set({ ...columns(input), updatedAt: nowIso() }).where("id", "=", input.eventId).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    // Attendance is activity in the month of the event's first day: moved to another month, it
    // leaves the old one and counts in the new one.
    if (previous && previous.startsOn.slice(0, 7) !== input.startsOn.slice(0, 7)) {
      const attendees = await trx.selectFrom("eventRegistrations").select("userId").where("eventId", "=", input.eventId).where("attended", "=", 1).execute();
      for (const { userId } of attendees) {
        for (const month of [previous.startsOn.slice(0, 7), input.startsOn.slice(0, 7)] as LimaMonth[]) {
          await refreshMemberActivityMonth({ userId, month }, trx);
        }
      }
    }
    await setInvitedRegions(input.eventId, input.invitedRegionIds, trx);
    // More seats than before: the waiting list moves up, in order, and each person is told.
    const event = await loadEvent(input.eventId, trx);
    if (event && event.endsOn >= todayInLima()) {
      for (let waiting = await countWaiting(event.id, trx); waiting > 0; waiting--) {
        const before = await countRegistered(event.id, trx);
        await promoteFromWaitingList(event, trx);
        if ((await countRegistered(event.id, trx)) === before) break;
      }
    }
    return true;
  });
}

/** The practices presented, in order, each with its expert commentator. */
export async function setEventPractices(input: { eventId: number; items: { practiceId: number; commentatorId: number | null }[] }, db: DB = getDb()): Promise<void> {
  await writeTransaction(db, async (trx) => {
    await trx.deleteFrom("eventPractices").where("eventId", "=", input.eventId).execute();
    const seen = new Set<number>();
    const rows = input.items
      .filter((item) => (seen.has(item.practiceId) ? false : (seen.add(item.practiceId), true)))
      .map((item, position) => ({ eventId: input.eventId, practiceId: item.practiceId, commentatorId: item.commentatorId, position }));
    if (rows.length > 0) await trx.insertInto("eventPractices").values(rows).execute();
  });
}

// ---------------------------------------------------------------------------------------------
// Registration

async function loadEvent(id: number, db: DB) {
  return db.selectFrom("events").select(["id", "slug", "title", "startsOn", "endsOn", "capacity", "attendanceCode"]).where("id", "=", id).executeTakeFirst();
}

async function countWaiting(eventId: number, db: DB): Promise<number> {
  const row = await db
    .selectFrom("eventRegistrations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("eventId", "=", eventId)
    .where("status", "=", "en_espera")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function countRegistered(eventId: number, db: DB): Promise<number> {
  const row = await db
    .selectFrom("eventRegistrations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("eventId", "=", eventId)
    .where("status", "=", "inscrito")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A member registers: a seat while there is room, otherwise the waiting list. Registering again
 * changes nothing; after cancelling, it counts as a new registration.
 */
export async function registerForEvent(input: { eventId: number; userId: number; at?: string }, db: DB = getDb()): Promise<EventResult<{ status: RegistrationStatus }>> {
  return writeTransaction(db, async (trx) => {
    const event = await loadEvent(input.eventId, trx);
    if (!event) return refuse("not_found");
    if (!input.at && event.endsOn < todayInLima()) return refuse("finished");
    const existing = await trx.selectFrom("eventRegistrations").select(["id", "status"]).where("eventId", "=", event.id).where("userId", "=", input.userId).executeTakeFirst();
    if (existing && existing.status !== "cancelado") return { ok: true, status: existing.status } as const;
    const full = event.capacity !== null && (await countRegistered(event.id, trx)) >= event.capacity;
    const status: RegistrationStatus = full ? "en_espera" : "inscrito";
    const at = input.at ?? nowIso();
    if (existing) {
      await trx.updateTable("eventRegistrations").set({ status, registeredAt: at, updatedAt: at }).where("id", "=", existing.id).execute();
    } else {
      await trx
        .insertInto("eventRegistrations")
        .values({ eventId: event.id, userId: input.userId, status, attendanceSource: null, registeredAt: at, updatedAt: at })
        .execute();
    }
    return { ok: true, status } as const;
  });
}

/** A member cancels; the first on the waiting list takes the seat and is told. */
export async function cancelRegistration(input: { eventId: number; userId: number }, db: DB = getDb()): Promise<EventResult> {
  return writeTransaction(db, async (trx) => {
    const event = await loadEvent(input.eventId, trx);
    if (!event) return refuse("not_found");
    if (event.endsOn < todayInLima()) return refuse("finished");
    const existing = await trx.selectFrom("eventRegistrations").select(["id", "status", "attended"]).where("eventId", "=", event.id).where("userId", "=", input.userId).executeTakeFirst();
    if (!existing || existing.status === "cancelado") return { ok: true } as const;
    if (existing.attended === 1) return refuse("attended");
    const now = nowIso();
    await trx.updateTable("eventRegistrations").set({ status: "cancelado", updatedAt: now }).where("id", "=", existing.id).execute();
    if (existing.status === "inscrito") await promoteFromWaitingList(event, trx);
    return { ok: true } as const;
  });
}

async function promoteFromWaitingList(event: { id: number; slug: string; title: string; capacity: number | null }, db: DB): Promise<void> {
  if (event.capacity !== null && (await countRegistered(event.id, db)) >= event.capacity) return;
  const next = await db
    .selectFrom("eventRegistrations")
    .select(["id", "userId"])
    .where("eventId", "=", event.id)
    .where("status", "=", "en_espera")
    .orderBy("registeredAt")
    .orderBy("id")
    .executeTakeFirst();
  if (!next) return;
  await db.updateTable("eventRegistrations").set({ status: "inscrito", updatedAt: nowIso() }).where("id", "=", next.id).execute();
  await notify({ userId: next.userId, type: "event_seat", title: `Se liberó un cupo: quedaste inscrito en «${event.title}»`, link: `/eventos/${event.id}` }, db);
}

// ---------------------------------------------------------------------------------------------
// Attendance

async function setAttended(eventId: number, userId: number, attended: boolean, source: "lista" | "codigo", actorId: number | null, occurredAt: string, db: DB) {
  const now = nowIso();
  const existing = await db.selectFrom("eventRegistrations").select(["id", "attended"]).where("eventId", "=", eventId).where("userId", "=", userId).executeTakeFirst();
  if (!existing) {
    if (!attended) return;
    // Someone who came without registering still attended.
    await db.insertInto("eventRegistrations").values({ eventId, userId, status: "inscrito", attended: 1, attendanceSource: source, registeredAt: now, updatedAt: now }).execute();
  } else {
    if ((existing.attended === 1) === attended) return;
    await db
      .updateTable("eventRegistrations")
      .set({ attended: attended ? 1 : 0, attendanceSource: attended ? source : null, updatedAt: now })
      .where("id", "=", existing.id)
      .execute();
  }
  if (attended) {
    await awardRepeatablePoints(
      { userId, action: ATTENDED_ACTION, subjectType: "event", subjectId: eventId, key: `${ATTENDED_ACTION}:${eventId}:${userId}`, occurredAt, actorId },
      db,
    );
  } else {
    await reverseSubjectPoints({ subjectType: "event", subjectId: eventId, action: ATTENDED_ACTION, userId, reason: "La asistencia al evento se corrigió.", actorId }, db);
  }
  // `occurredAt` is an instant of the event's first day: its month is the attendance's.
  await refreshMemberActivityMonth({ userId, month: limaMonthOf(occurredAt) }, db);
}

/** The Lima noon of the event's first day: when attendance points count. */
function eventInstant(event: { startsOn: string }): string {
  return new Date(`${event.startsOn}T12:00:00.000-05:00`).toISOString();
}

/**
 * DIFOCA ticks who attended among the registered (and may add members who came unregistered):
 * each attendee earns the points once; un-ticking takes them back. Only the people of the list
 * DIFOCA saw (`listedUserIds`) and those ticked change: someone who checked in with the day's code
 * after the list was loaded is not on it, and a check-in by code is never undone by the list.
 */
export async function recordAttendance(
  input: { eventId: number; actorId: number; attendedUserIds: number[]; listedUserIds?: number[] },
  db: DB = getDb(),
): Promise<EventResult<{ attendees: number }>> {
  return writeTransaction(db, async (trx) => {
    const event = await loadEvent(input.eventId, trx);
    if (!event) return refuse("not_found");
    if (event.startsOn > todayInLima()) return refuse("not_started");
    const attended = new Set(input.attendedUserIds);
    const byCode = await trx
      .selectFrom("eventRegistrations")
      .select("userId")
      .where("eventId", "=", event.id)
      .where("attended", "=", 1)
      .where("attendanceSource", "=", "codigo")
      .execute();
    const keep = new Set([...attended, ...byCode.map((r) => r.userId)]);
    for (const userId of attended) await setAttended(event.id, userId, true, "lista", input.actorId, eventInstant(event), trx);
    for (const userId of new Set(input.listedUserIds ?? [])) {
      if (!keep.has(userId)) await setAttended(event.id, userId, false, "lista", input.actorId, eventInstant(event), trx);
    }
    const { n } = await trx
      .selectFrom("eventRegistrations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("eventId", "=", event.id)
      .where("attended", "=", 1)
      .executeTakeFirstOrThrow();
    return { ok: true, attendees: Number(n) } as const;
  });
}

/** DIFOCA turns the attendance code on (a new random code) or off. */
export async function setAttendanceCode(input: { eventId: number; enabled: boolean }, db: DB = getDb()): Promise<string | null> {
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  const code = input.enabled ? Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join("") : null;
  await db.updateTable("events").set({ attendanceCode: code, updatedAt: nowIso() }).where("id", "=", input.eventId).execute();
  return code;
}

/** An attendee types the day's code during the event: attendance and points. */
export async function checkInWithCode(input: { eventId: number; userId: number; code: string }, db: DB = getDb()): Promise<EventResult> {
  return writeTransaction(db, async (trx) => {
    const event = await loadEvent(input.eventId, trx);
    if (!event) return refuse("not_found");
    if (!event.attendanceCode) return refuse("no_code");
    const today = todayInLima();
    if (today < event.startsOn) return refuse("not_started");
    if (today > event.endsOn) return refuse("finished");
    if (input.code.trim().toUpperCase() !== event.attendanceCode) return refuse("wrong_code");
    await setAttended(event.id, input.userId, true, "codigo", null, eventInstant(event), trx);
    return { ok: true } as const;
  });
}

/** DIFOCA awards a badge to everyone who attended, at once (idempotent per member). */
export async function awardBadgeToAttendees(input: { eventId: number; badgeId: number; actorId: number; reason: string }, db: DB = getDb()): Promise<number> {
  const attendees = await db.selectFrom("eventRegistrations").select("userId").where("eventId", "=", input.eventId).where("attended", "=", 1).execute();
  return awardBadgeToMany({ badgeId: input.badgeId, userIds: attendees.map((a) => a.userId), awardedBy: input.actorId, reason: input.reason, evidenceUrl: null }, db);
}

// ---------------------------------------------------------------------------------------------
// Testimonials

/** An attendee leaves (or rewrites) a short testimonial once the event has begun. */
export async function saveTestimonial(input: { eventId: number; userId: number; text: string; at?: string }, db: DB = getDb()): Promise<EventResult> {
  return writeTransaction(db, async (trx) => {
    const event = await loadEvent(input.eventId, trx);
    if (!event) return refuse("not_found");
    if (!input.at && event.startsOn > todayInLima()) return refuse("not_started");
    const registration = await trx.selectFrom("eventRegistrations").select("attended").where("eventId", "=", event.id).where("userId", "=", input.userId).executeTakeFirst();
    if (registration?.attended !== 1) return refuse("not_attendee");
    const at = input.at ?? nowIso();
    await trx
      .insertInto("eventTestimonials")
      .values({ eventId: event.id, userId: input.userId, text: input.text, hiddenAt: null, createdAt: at })
      .onConflict((oc) => oc.columns(["eventId", "userId"]).doUpdateSet({ text: input.text, createdAt: at }))
      .execute();
    return { ok: true } as const;
  });
}

/** DIFOCA hides (or shows again) a testimonial. */
export async function setTestimonialHidden(input: { testimonialId: number; hidden: boolean }, db: DB = getDb()): Promise<boolean> {
  const result = await db.updateTable("eventTestimonials").set({ hiddenAt: input.hidden ? nowIso() : null }).where("id", "=", input.testimonialId).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface EventListItem {
  id: number;
  slug: string;
  type: EventType;
  title: string;
  summary: string;
  startsOn: string;
  endsOn: string;
  startTime: string;
  endTime: string;
  modality: EventModality;
  place: string;
  macroregionName: string | null;
  hostRegionName: string | null;
  capacity: number | null;
  registered: number;
}

function eventListQuery(db: DB) {
  return db
    .selectFrom("events")
    .leftJoin("macroregions", "macroregions.id", "events.macroregionId")
    .leftJoin("regions as host", "host.id", "events.hostRegionId")
    .select([
      "events.id",
      "events.slug",
      "events.type",
      "events.title",
      "events.summary",
      "events.startsOn",
      "events.endsOn",
      "events.startTime",
      "events.endTime",
      "events.modality",
      "events.place",
      "macroregions.name as macroregionName",
      "host.name as hostRegionName",
      "events.capacity",
      (eb) =>
        eb
          .selectFrom("eventRegistrations")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("eventRegistrations.eventId", "=", "events.id")
          .where("eventRegistrations.status", "=", "inscrito")
          .as("registered"),
    ]);
}

/** Upcoming events (soonest first) or past ones (latest first), optionally of one type or year. */
export async function listEvents(options: { when: "upcoming" | "past"; type?: EventType; year?: number; limit?: number }, db: DB = getDb()): Promise<EventListItem[]> {
  const today = todayInLima();
  let query = eventListQuery(db);
  query = options.when === "upcoming" ? query.where("events.endsOn", ">=", today) : query.where("events.endsOn", "<", today);
  if (options.type) query = query.where("events.type", "=", options.type);
  if (options.year) query = query.where("events.startsOn", ">=", `${options.year}-01-01`).where("events.startsOn", "<=", `${options.year}-12-31`);
  query = options.when === "upcoming" ? query.orderBy("events.startsOn").orderBy("events.id") : query.orderBy("events.startsOn", "desc").orderBy("events.id", "desc");
  const rows = await query.limit(options.limit ?? 100).execute();
  return rows.map((r) => ({ ...r, registered: Number(r.registered ?? 0) }));
}

export interface EventDetail extends EventListItem {
  macroregionId: number | null;
  hostRegionId: number | null;
  meetingUrl: string | null;
  agenda: string;
  attendanceCode: string | null;
  updatedAt: string;
  waiting: number;
  attended: number;
  invitedRegions: { id: number; name: string }[];
  practices: {
    practiceId: number;
    slug: string;
    title: string;
    regionName: string;
    leadIgedName: string;
    commentatorId: number | null;
    commentatorName: string | null;
  }[];
}

export async function getEvent(id: number, db: DB = getDb()): Promise<EventDetail | undefined> {
  const row = await eventListQuery(db)
    .select([
      "events.macroregionId",
      "events.hostRegionId",
      "events.meetingUrl",
      "events.agenda",
      "events.attendanceCode",
      "events.updatedAt",
      (eb) =>
        eb
          .selectFrom("eventRegistrations")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("eventRegistrations.eventId", "=", "events.id")
          .where("eventRegistrations.status", "=", "en_espera")
          .as("waiting"),
      (eb) =>
        eb
          .selectFrom("eventRegistrations")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("eventRegistrations.eventId", "=", "events.id")
          .where("eventRegistrations.attended", "=", 1)
          .as("attended"),
    ])
    .where("events.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [invitedRegions, practices] = await Promise.all([
    db
      .selectFrom("eventRegions")
      .innerJoin("regions", "regions.id", "eventRegions.regionId")
      .select(["regions.id", "regions.name"])
      .where("eventRegions.eventId", "=", id)
      .execute()
      .then((rows) => rows.sort((a, b) => a.name.localeCompare(b.name, "es"))),
    db
      .selectFrom("eventPractices")
      .innerJoin("practices", "practices.id", "eventPractices.practiceId")
      .innerJoin("regions", "regions.id", "practices.regionId")
      .innerJoin("igeds", "igeds.id", "practices.leadIgedId")
      .leftJoin("users as commentator", "commentator.id", "eventPractices.commentatorId")
      .select([
        "practices.id as practiceId",
        "practices.slug",
        "practices.title",
        "regions.name as regionName",
        "igeds.name as leadIgedName",
        "eventPractices.commentatorId",
        "commentator.name as commentatorName",
      ])
      .where("eventPractices.eventId", "=", id)
      .orderBy("eventPractices.position")
      .execute(),
  ]);
  return { ...row, registered: Number(row.registered ?? 0), waiting: Number(row.waiting ?? 0), attended: Number(row.attended ?? 0), invitedRegions, practices };
}

export async function getRegistration(eventId: number, userId: number, db: DB = getDb()) {
  return db.selectFrom("eventRegistrations").select(["status", "attended", "attendanceSource"]).where("eventId", "=", eventId).where("userId", "=", userId).executeTakeFirst();
}

/** Everyone registered, waiting or attending, for DIFOCA's attendance list. */
export async function listRegistrations(eventId: number, db: DB = getDb()) {
  const rows = await db
    .selectFrom("eventRegistrations")
    .innerJoin("users", "users.id", "eventRegistrations.userId")
    .leftJoin("igeds", "igeds.id", "users.igedId")
    .leftJoin("regions", "regions.id", "igeds.regionId")
    .select([
      "users.id as userId",
      "users.name",
      "users.email",
      "users.position",
      "igeds.name as igedName",
      "regions.name as regionName",
      "eventRegistrations.status",
      "eventRegistrations.attended",
      "eventRegistrations.attendanceSource",
      "eventRegistrations.registeredAt",
    ])
    .where("eventRegistrations.eventId", "=", eventId)
    .orderBy(sql`case event_registrations.status when 'inscrito' then 0 when 'en_espera' then 1 else 2 end`)
    .orderBy("eventRegistrations.registeredAt")
    .execute();
  return rows.map((r) => ({ ...r, attended: r.attended === 1 }));
}

export async function listTestimonials(eventId: number, options: { includeHidden?: boolean } = {}, db: DB = getDb()) {
  let query = db
    .selectFrom("eventTestimonials")
    .innerJoin("users", "users.id", "eventTestimonials.userId")
    .leftJoin("igeds", "igeds.id", "users.igedId")
    .leftJoin("regions", "regions.id", "igeds.regionId")
    .select([
      "eventTestimonials.id",
      "eventTestimonials.userId",
      "eventTestimonials.text",
      "eventTestimonials.hiddenAt",
      "eventTestimonials.createdAt",
      "users.name",
      "users.position",
      "igeds.name as igedName",
      "regions.name as regionName",
    ])
    .where("eventTestimonials.eventId", "=", eventId);
  if (!options.includeHidden) query = query.where("eventTestimonials.hiddenAt", "is", null);
  return query.orderBy("eventTestimonials.createdAt").orderBy("eventTestimonials.id").execute();
}

/** Events a practice was presented at, for its page. */
export async function listEventsOfPractice(practiceId: number, db: DB = getDb()) {
  return db
    .selectFrom("eventPractices")
    .innerJoin("events", "events.id", "eventPractices.eventId")
    .select(["events.id", "events.title", "events.type", "events.startsOn"])
    .where("eventPractices.practiceId", "=", practiceId)
    .orderBy("events.startsOn", "desc")
    .execute();
}

/**
 * The practices DIFOCA can put on an event's programme: the published ones, plus any already on
 * the event (a practice archived since must not fall off the programme when the event is edited).
 */
export async function listPracticeOptionsForEvent(eventId: number | null, db: DB = getDb()) {
  return db
    .selectFrom("practices")
    .innerJoin("regions", "regions.id", "practices.regionId")
    .select(["practices.id", "practices.title", "regions.name as regionName"])
    .where((eb) =>
      eventId === null
        ? eb("practices.status", "=", "publicada")
        : eb.or([
            eb("practices.status", "=", "publicada"),
            eb.exists(eb.selectFrom("eventPractices").select("eventPractices.practiceId").whereRef("eventPractices.practiceId", "=", "practices.id").where("eventPractices.eventId", "=", eventId)),
          ]),
    )
    .orderBy("regions.name")
    .orderBy("practices.title")
    .execute();
}

/** Events that have begun where the practice was presented, for linking feedback to one of them. */
export async function listEventsForFeedback(practiceId: number, db: DB = getDb()) {
  return db
    .selectFrom("events")
    .select(["events.id", "events.title", "events.startsOn"])
    .where("events.startsOn", "<=", todayInLima())
    .where((eb) =>
      eb.exists(eb.selectFrom("eventPractices").select("eventPractices.eventId").whereRef("eventPractices.eventId", "=", "events.id").where("eventPractices.practiceId", "=", practiceId)),
    )
    .orderBy("events.startsOn", "desc")
    .execute();
}

/** Events of a year by type (the dashboard reads this). */
export async function countEventsByType(year: number, db: DB = getDb()): Promise<Record<EventType, number>> {
  const rows = await db
    .selectFrom("events")
    .select(["type", (eb) => eb.fn.countAll<number>().as("n")])
    .where("startsOn", ">=", `${year}-01-01`)
    .where("startsOn", "<=", `${year}-12-31`)
    .where("startsOn", "<=", todayInLima())
    .groupBy("type")
    .execute();
  const counts: Record<EventType, number> = { intercambio: 0, webinar: 0, taller: 0, pasantia: 0 };
  for (const row of rows) counts[row.type] = Number(row.n);
  return counts;
}

// ---------------------------------------------------------------------------------------------
// The systematization report

export interface EventReport {
  event: EventDetail;
  participants: number;
  participantRegions: { name: string; count: number }[];
  igedsPresent: { name: string; type: string; regionName: string }[];
  directorsPresent: { name: string; position: string; igedName: string | null }[];
  practices: {
    practiceId: number;
    slug: string;
    title: string;
    regionName: string;
    igeds: string[];
    problem: string;
    strategy: string;
    results: string;
    commentatorName: string | null;
    feedback: { authorName: string; authorPosition: string; keyAspects: string; opportunities: string[]; recommendations: string[] }[];
  }[];
  testimonials: Awaited<ReturnType<typeof listTestimonials>>;
}

/** Everything the report of an event says, from the data: who came, what was presented, what experts said. */
export async function getEventReport(eventId: number, db: DB = getDb()): Promise<EventReport | undefined> {
  const event = await getEvent(eventId, db);
  if (!event) return undefined;
  const attendees = await db
    .selectFrom("eventRegistrations")
    .innerJoin("users", "users.id", "eventRegistrations.userId")
    .leftJoin("igeds", "igeds.id", "users.igedId")
    .leftJoin("regions", "regions.id", "igeds.regionId")
    .select(["users.name", "users.position", "igeds.name as igedName", "igeds.type as igedType", "regions.name as regionName"])
    .where("eventRegistrations.eventId", "=", eventId)
    .where("eventRegistrations.attended", "=", 1)
    .execute();
  const byRegion = new Map<string, number>();
  const igeds = new Map<string, { name: string; type: string; regionName: string }>();
  for (const a of attendees) {
    if (a.regionName) byRegion.set(a.regionName, (byRegion.get(a.regionName) ?? 0) + 1);
    if (a.igedName && a.igedType && a.regionName) igeds.set(a.igedName, { name: a.igedName, type: a.igedType, regionName: a.regionName });
  }
  const practices = [];
  for (const p of event.practices) {
    const practice = await db.selectFrom("practices").select(["problem", "strategy", "results"]).where("id", "=", p.practiceId).executeTakeFirstOrThrow();
    const shared = await db
      .selectFrom("practiceIgeds")
      .innerJoin("igeds", "igeds.id", "practiceIgeds.igedId")
      .select("igeds.name")
      .where("practiceIgeds.practiceId", "=", p.practiceId)
      .orderBy("igeds.name")
      .execute();
    const feedbackRows = await db
      .selectFrom("practiceFeedback")
      .innerJoin("users", "users.id", "practiceFeedback.authorId")
      .select(["practiceFeedback.id", "users.name as authorName", "users.position as authorPosition", "practiceFeedback.keyAspects"])
      .where("practiceFeedback.practiceId", "=", p.practiceId)
      .where("practiceFeedback.eventId", "=", eventId)
      .orderBy("practiceFeedback.id")
      .execute();
    const feedback = [];
    for (const f of feedbackRows) {
      const items = await db.selectFrom("feedbackItems").select(["kind", "text"]).where("feedbackId", "=", f.id).orderBy("position").execute();
      feedback.push({
        authorName: f.authorName,
        authorPosition: f.authorPosition,
        keyAspects: f.keyAspects,
        opportunities: items.filter((i) => i.kind === "oportunidad").map((i) => i.text),
        recommendations: items.filter((i) => i.kind === "recomendacion").map((i) => i.text),
      });
    }
    practices.push({ ...p, igeds: [p.leadIgedName, ...shared.map((s) => s.name)], ...practice, feedback });
  }
  return {
    event,
    participants: attendees.length,
    participantRegions: [...byRegion.entries()].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "es")),
    igedsPresent: [...igeds.values()].sort((a, b) => a.regionName.localeCompare(b.regionName, "es") || a.name.localeCompare(b.name, "es")),
    directorsPresent: attendees
      .filter((a) => /director/i.test(a.position))
      .map((a) => ({ name: a.name, position: a.position, igedName: a.igedName }))
      .sort((a, b) => a.name.localeCompare(b.name, "es")),
    practices,
    testimonials: await listTestimonials(eventId, {}, db),
  };
}
