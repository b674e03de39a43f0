// The months in which each member did something on the platform: the panel's "members active in at
// least three months of the year" (ADR 013). Counting them from the ledger, the walls and attendance
// took seconds at national scale on every visit after a write, so they are stored in
// member_activity_months and kept exact one member-month at a time, in the transaction of each
// change to what they are made of: a ledger row (points.server), a wall post or reply created,
// hidden or restored (wall.server), attendance recorded or corrected, or an event moved to another
// month (event.server).
//
// What counts as "doing something" in a Lima month:
//  - a points-ledger award (any rule: a practice published or promoted with their team, feedback
//    given, a challenge or initiative posted, a contribution or comment, an advisory or event
//    attended, a transfer completed) that was not taken back, leaving out recognitions granted by
//    others (manual adjustments, badges, a contribution chosen as useful);
//  - a challenge, initiative, contribution or comment on the walls that is not hidden (this also
//    counts what a daily cap of points left without points);
//  - attendance at an event (the month of its first day).
// Signing in or only reading does not count.
import { sql, type RawBuilder } from "kysely";
import { todayInLima } from "~/utils/dates";
import { getDb, type DB } from "~/utils/db.server";

/**
 * Ledger actions that are recognitions granted by someone else, not something the member did: they
 * do not make a month active. ("manual_adjustment" is points.server's MANUAL_ADJUSTMENT, written out
 * because points.server imports this module.)
 */
export const NOT_MEMBER_ACTIVITY: readonly string[] = ["manual_adjustment", "badge_awarded", "contribution_useful"];

/** A Lima month, "YYYY-MM". */
export type LimaMonth = `${number}-${number}`;

/** The Lima month ("YYYY-MM") of a UTC ISO instant. */
export function limaMonthOf(iso: string): LimaMonth {
  return todayInLima(new Date(iso)).slice(0, 7) as LimaMonth;
}

/** The Lima month ("YYYY-MM") of a UTC ISO instant stored in `column` (snake_case, as SQL sees it). */
function limaMonthSql(column: string): RawBuilder<string> {
  return sql<string>`substr(datetime(${sql.ref(column)}, '-5 hours'), 1, 7)`;
}

/** The UTC instants where a Lima month starts and where the next one starts, and its first and next month's first day. */
function monthBounds(month: LimaMonth) {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, "0")}`;
  // Peru keeps UTC−5 all year: a Lima month starts at 05:00 UTC of its first day.
  return { start: `${month}-01T05:00:00.000Z`, end: `${next}-01T05:00:00.000Z`, firstDay: `${month}-01`, nextFirstDay: `${next}-01` };
}

/**
 * The (member, Lima month "YYYY-MM") pairs of activity, from the sources: all of them, or those of
 * one member in one month. A pair may come more than once (one per source).
 */
function activitySources(db: DB, scope?: { userId: number; month: LimaMonth }) {
  const bounds = scope ? monthBounds(scope.month) : null;
  let ledger = db
    .selectFrom("pointsLedger as award")
    .select(["award.userId", limaMonthSql("award.occurred_at").as("month")])
    .where("award.reversesId", "is", null)
    .where("award.action", "not in", NOT_MEMBER_ACTIVITY)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("pointsLedger as reversal")
            .select("reversal.id")
            .whereRef("reversal.reversesId", "=", "award.id")
            .where("reversal.uniqueKey", "like", "reverse:%"),
        ),
      ),
    );
  let posts = db
    .selectFrom("wallPosts")
    .select(["wallPosts.authorId as userId", limaMonthSql("wall_posts.created_at").as("month")])
    .where("wallPosts.hiddenAt", "is", null);
  let replies = db
    .selectFrom("wallReplies")
    .select(["wallReplies.authorId as userId", limaMonthSql("wall_replies.created_at").as("month")])
    .where("wallReplies.hiddenAt", "is", null);
  let attendance = db
    .selectFrom("eventRegistrations")
    .innerJoin("events", "events.id", "eventRegistrations.eventId")
    .select(["eventRegistrations.userId", sql<string>`substr(events.starts_on, 1, 7)`.as("month")])
    .where("eventRegistrations.attended", "=", 1);
  if (scope && bounds) {
    // Each restricted by the member and the month's bounds, so that the indexes by author or member
    // and date find the few rows concerned.
    ledger = ledger.where("award.userId", "=", scope.userId).where("award.occurredAt", ">=", bounds.start).where("award.occurredAt", "<", bounds.end);
    posts = posts.where("wallPosts.authorId", "=", scope.userId).where("wallPosts.createdAt", ">=", bounds.start).where("wallPosts.createdAt", "<", bounds.end);
    replies = replies
      .where("wallReplies.authorId", "=", scope.userId)
      .where("wallReplies.createdAt", ">=", bounds.start)
      .where("wallReplies.createdAt", "<", bounds.end);
    attendance = attendance
      .where("eventRegistrations.userId", "=", scope.userId)
      .where("events.startsOn", ">=", bounds.firstDay)
      .where("events.startsOn", "<", bounds.nextFirstDay);
  }
  return ledger.unionAll(posts).unionAll(replies).unionAll(attendance);
}

/**
 * Records a month of activity after a change that can only add one: a visible post or reply
 * created, or an award that is not a recognition. The member did something that month by
 * definition, so the sources need not be read again (refreshMemberActivityMonth reads them, for
 * changes that may take activity away).
 */
export async function recordMemberActivity(input: { userId: number; month: LimaMonth }, db: DB = getDb()): Promise<void> {
  const [year, month] = input.month.split("-").map(Number) as [number, number];
  await db.insertInto("memberActivityMonths").values({ userId: input.userId, year, month }).onConflict((oc) => oc.doNothing()).execute();
}

/**
 * Makes the stored row of one member-month agree with the sources: present when the member did
 * something that month, absent otherwise. Called in the transaction of every change to the sources,
 * after the change.
 */
export async function refreshMemberActivityMonth(input: { userId: number; month: LimaMonth }, db: DB = getDb()): Promise<void> {
  const [year, month] = input.month.split("-").map(Number) as [number, number];
  const found = await db
    .selectFrom(activitySources(db, input).as("source"))
    .select("source.userId")
    .limit(1)
    .executeTakeFirst();
  if (found) {
    await db
      .insertInto("memberActivityMonths")
      .values({ userId: input.userId, year, month })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await db.deleteFrom("memberActivityMonths").where("userId", "=", input.userId).where("year", "=", year).where("month", "=", month).execute();
  }
}

/**
 * Fills member_activity_months again from the sources, for every member and year: for data written
 * in bulk (the benchmark's generator). Run it inside a transaction. Migration 0012 does the same in
 * its own SQL.
 */
export async function rebuildMemberActivity(db: DB = getDb()): Promise<number> {
  await db.deleteFrom("memberActivityMonths").execute();
  const result = await db
    .insertInto("memberActivityMonths")
    .columns(["userId", "year", "month"])
    .expression(
      db
        .selectFrom(activitySources(db).as("source"))
        .select(["source.userId", sql<number>`cast(substr(source.month, 1, 4) as integer)`.as("year"), sql<number>`cast(substr(source.month, 6, 2) as integer)`.as("month")])
        .distinct(),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** The ids of the members who did something in at least `minMonths` different months of `year` (a subquery). */
export function membersActiveInYear(db: DB, year: number, minMonths: number) {
  return db
    .selectFrom("memberActivityMonths")
    .select("memberActivityMonths.userId")
    .where("memberActivityMonths.year", "=", year)
    .groupBy("memberActivityMonths.userId")
    .having((eb) => eb.fn.countAll(), ">=", minMonths);
}
