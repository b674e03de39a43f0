import { sql } from "kysely";
import { describe, expect, test } from "vitest";
import { NOT_MEMBER_ACTIVITY, rebuildMemberActivity } from "~/models/activity.server";
import { createEvent, recordAttendance, updateEvent, type EventFields } from "~/models/event.server";
import { adjustPoints, awardPoints, MANUAL_ADJUSTMENT, reversePoints } from "~/models/points.server";
import { currentYear } from "~/models/tier.server";
import { addWallReply, hideWallPost, hideWallReply, restoreWallPost, restoreWallReply } from "~/models/wall.server";
import { todayInLima } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { down as dropActivityTable, up as createActivityTable } from "../../migrations/20261122_0012_member_activity";
import { createMember } from "../../tests/factories/members";
import { makeChallenge } from "../../tests/factories/walls";

// Last year is wholly in the past, so every month of it can hold activity and events.
const year = currentYear() - 1;
const mid = (month: number, day = 15) => new Date(Date.UTC(year, month - 1, day, 17)).toISOString();
const pad = (month: number) => String(month).padStart(2, "0");

/**
 * The months of activity as the definition says, counted here from every source with the test's
 * own reading (not the model's SQL): "userId:year-month" for every member and year.
 */
async function monthsByDefinition(): Promise<string[]> {
  const db = getDb();
  const limaMonth = (iso: string) => todayInLima(new Date(iso)).slice(0, 7);
  const pairs = new Set<string>();
  const ledger = await db.selectFrom("pointsLedger").select(["id", "userId", "action", "occurredAt", "reversesId", "uniqueKey"]).execute();
  const reversed = new Set(ledger.filter((row) => row.uniqueKey.startsWith("reverse:")).map((row) => row.reversesId));
  for (const row of ledger) {
    if (row.reversesId !== null || reversed.has(row.id) || ["manual_adjustment", "badge_awarded", "contribution_useful"].includes(row.action)) continue;
    pairs.add(`${row.userId}:${limaMonth(row.occurredAt)}`);
  }
  for (const table of ["wallPosts", "wallReplies"] as const) {
    for (const row of await db.selectFrom(table).select(["authorId", "createdAt", "hiddenAt"]).execute()) {
      if (row.hiddenAt === null) pairs.add(`${row.authorId}:${limaMonth(row.createdAt)}`);
    }
  }
  const attendance = await db.selectFrom("eventRegistrations").innerJoin("events", "events.id", "eventRegistrations.eventId").select(["userId", "startsOn"]).where("attended", "=", 1).execute();
  for (const row of attendance) pairs.add(`${row.userId}:${row.startsOn.slice(0, 7)}`);
  return [...pairs].sort();
}

async function storedMonths(): Promise<string[]> {
  const rows = await getDb().selectFrom("memberActivityMonths").select(["userId", "year", "month"]).execute();
  return rows.map((r) => `${r.userId}:${r.year}-${pad(r.month)}`).sort();
}

/** The stored table equals the definition, for everyone, and returns a member's months of `year`. */
async function expectStoredMatchesDefinition(userId?: number): Promise<string[]> {
  const stored = await storedMonths();
  expect(stored).toEqual(await monthsByDefinition());
  return userId === undefined ? [] : stored.filter((pair) => pair.startsWith(`${userId}:${year}-`)).map((pair) => pair.slice(`${userId}:${year}-`.length));
}

let sequence = 0;
async function award(userId: number, month: number, action = "comment") {
  const key = `activity-test:${userId}:${++sequence}`;
  expect(await awardPoints({ userId, action, subjectType: null, subjectId: null, key, occurredAt: mid(month) })).toMatchObject({ awarded: true });
  return key;
}

function eventFields(startsOn: string): EventFields {
  return {
    type: "taller",
    title: "Taller de gestión territorial",
    summary: "",
    startsOn,
    endsOn: startsOn,
    startTime: "09:00",
    endTime: "13:00",
    macroregionId: null,
    hostRegionId: null,
    modality: "virtual",
    place: "",
    meetingUrl: "https://reunion.ejemplo.pe/taller",
    agenda: "",
    capacity: null,
    invitedRegionIds: [],
  };
}

describe("the stored months of activity", () => {
  test("an award makes its Lima month active; a badge or a manual adjustment does not", async () => {
    const member = await createMember({ iged: "DRE Junín" });
    const difoca = await createMember({ role: "difoca", iged: null });
    await award(member.id, 2);
    // 03:00 UTC on 1 March is still February in Lima.
    await awardPoints({ userId: member.id, action: "comment", subjectType: null, subjectId: null, key: `activity-test:edge:${member.id}`, occurredAt: `${year}-03-01T03:00:00.000Z` });
    await award(member.id, 4, "badge_awarded");
    await adjustPoints({ userId: member.id, points: 10, reason: "Apoyo en el encuentro regional.", actorId: difoca.id });
    expect(await expectStoredMatchesDefinition(member.id)).toEqual(["02"]);
    // Nor in the current year, when the adjustment was made.
    expect((await storedMonths()).filter((pair) => pair.startsWith(`${member.id}:`))).toEqual([`${member.id}:${year}-02`]);
    // The list the model leaves out names the same manual adjustment as the points model.
    expect(NOT_MEMBER_ACTIVITY).toContain(MANUAL_ADJUSTMENT);
  });

  test("a reversal takes the month back, unless something else happened in it", async () => {
    const member = await createMember({ iged: "DRE Junín" });
    const key = await award(member.id, 5);
    const other = await award(member.id, 6);
    await award(member.id, 6);
    expect(await expectStoredMatchesDefinition(member.id)).toEqual(["05", "06"]);
    expect(await reversePoints({ key, reason: "Contenido retirado." })).toMatchObject({ reversed: true });
    expect(await reversePoints({ key: other, reason: "Contenido retirado." })).toMatchObject({ reversed: true });
    expect(await expectStoredMatchesDefinition(member.id)).toEqual(["06"]);
  });

  test("hiding a post takes its points and its month back; restoring it gives both back", async () => {
    const difoca = await createMember({ role: "difoca", iged: null });
    const author = await createMember({ iged: "UGEL Huaraz" });
    const post = await makeChallenge({ authorId: author.id, at: mid(7) });
    expect(await expectStoredMatchesDefinition(author.id)).toEqual(["07"]);

    expect(await hideWallPost({ postId: post.id, actorId: difoca.id, reason: "Datos personales." })).toEqual({ ok: true });
    const ledger = await getDb().selectFrom("pointsLedger").select("points").where("userId", "=", author.id).execute();
    expect(ledger.reduce((sum, row) => sum + row.points, 0)).toBe(0);
    expect(await expectStoredMatchesDefinition(author.id)).toEqual([]);

    expect(await restoreWallPost({ postId: post.id, actorId: difoca.id })).toEqual({ ok: true });
    expect(await expectStoredMatchesDefinition(author.id)).toEqual(["07"]);
  });

  test("a reply counts in its month even when it earns no points; hiding and restoring it follow", async () => {
    const difoca = await createMember({ role: "difoca", iged: null });
    const author = await createMember({ iged: "UGEL Huaraz" });
    const post = await makeChallenge({ authorId: author.id, at: mid(1) });
    // On their own challenge the author earns nothing, but they did something in August.
    const own = await addWallReply({ postId: post.id, authorId: author.id, body: "Actualizo el avance del desafío.", at: mid(8) });
    expect(own.ok).toBe(true);
    const colleague = await createMember({ iged: "UGEL Huaraz" });
    const reply = await addWallReply({ postId: post.id, authorId: colleague.id, body: "En nuestra UGEL lo resolvimos así.", at: mid(9) });
    if (!reply.ok) throw new Error("the reply was refused");
    expect(await expectStoredMatchesDefinition(author.id)).toEqual(["01", "08"]);
    expect(await expectStoredMatchesDefinition(colleague.id)).toEqual(["09"]);

    expect(await hideWallReply({ replyId: reply.id, actorId: difoca.id, reason: "Fuera de tema." })).toEqual({ ok: true });
    expect(await expectStoredMatchesDefinition(colleague.id)).toEqual([]);
    expect(await restoreWallReply({ replyId: reply.id, actorId: difoca.id })).toEqual({ ok: true });
    expect(await expectStoredMatchesDefinition(colleague.id)).toEqual(["09"]);
  });

  test("attendance marked and unmarked, and an event moved to another month", async () => {
    const difoca = await createMember({ role: "difoca", iged: null });
    const attendee = await createMember({ iged: "DRE Ica" });
    const event = await createEvent({ ...eventFields(`${year}-10-20`), createdBy: difoca.id });

    expect(await recordAttendance({ eventId: event.id, actorId: difoca.id, attendedUserIds: [attendee.id] })).toMatchObject({ ok: true });
    expect(await expectStoredMatchesDefinition(attendee.id)).toEqual(["10"]);

    expect(await recordAttendance({ eventId: event.id, actorId: difoca.id, attendedUserIds: [], listedUserIds: [attendee.id] })).toMatchObject({ ok: true });
    expect(await expectStoredMatchesDefinition(attendee.id)).toEqual([]);

    // Marked again, then the event moves to November: the attendance counts in November. The
    // attendance's points stay dated in October (the ledger keeps when they were earned), so
    // October stays active too, as the definition says.
    expect(await recordAttendance({ eventId: event.id, actorId: difoca.id, attendedUserIds: [attendee.id] })).toMatchObject({ ok: true });
    expect(await updateEvent({ ...eventFields(`${year}-11-03`), eventId: event.id })).toBe(true);
    expect(await expectStoredMatchesDefinition(attendee.id)).toEqual(["10", "11"]);

    // Unmarked in November: the attendance and its points are gone, and with them both months.
    expect(await recordAttendance({ eventId: event.id, actorId: difoca.id, attendedUserIds: [], listedUserIds: [attendee.id] })).toMatchObject({ ok: true });
    expect(await expectStoredMatchesDefinition(attendee.id)).toEqual([]);

    // An event that moves with attendance and no points left in the old month.
    expect(await recordAttendance({ eventId: event.id, actorId: difoca.id, attendedUserIds: [attendee.id] })).toMatchObject({ ok: true });
    await getDb().deleteFrom("memberActivityMonths").where("userId", "=", attendee.id).execute();
    await updateEvent({ ...eventFields(`${year}-12-01`), eventId: event.id });
    // The move refreshed both months from the sources: November (points) and December (attendance).
    expect(await expectStoredMatchesDefinition(attendee.id)).toEqual(["11", "12"]);
  });

  test("rebuilding the table and the migration's backfill both give the definition", async () => {
    const member = await createMember({ iged: "DRE Junín" });
    await award(member.id, 3);
    await makeChallenge({ authorId: member.id, at: mid(11) });
    const db = getDb();
    const expected = await monthsByDefinition();
    expect(expected.length).toBeGreaterThan(0);

    await db.deleteFrom("memberActivityMonths").execute();
    expect(await rebuildMemberActivity(db)).toBe(expected.length);
    expect(await storedMonths()).toEqual(expected);

    await dropActivityTable(db);
    await createActivityTable(db);
    expect(await storedMonths()).toEqual(expected);
    const indexes = await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'member_activity_months'`.execute(db);
    expect(indexes.rows.map((r) => r.name)).toContain("member_activity_months_year_idx");
  });
});
