// The ranking of the network: members ordered by their points of a year (member_points_yearly) or of
// all time (member_points), never by summing the ledger. Filters apply first, then the rank: ties
// share it and the next one skips (1, 2, 2, 4). Members with no points, deactivated members and
// members who hide themselves are never listed; a hidden member still learns their own position.
import { z } from "zod";
import type { IgedType } from "../../db/schema";
import { regionIdBySlug } from "~/models/region.server";
import { currentYear, listTiers, tiersForMembers } from "~/models/tier.server";
import { cachedAggregate } from "~/utils/cache.server";
import { getDb, type DB } from "~/utils/db.server";

export type RankingYear = number | "all";

export interface RankingFilters {
  year: RankingYear;
  regionSlug?: string;
  macroregionSlug?: string;
  igedType?: IgedType;
}

export interface RankingRow {
  rank: number;
  userId: number;
  name: string;
  igedName: string | null;
  regionName: string | null;
  points: number;
  tierName: string | null;
}

/**
 * (userId, points) of every member with points in the period, of one region if given. The index
 * on (year, points) serves the whole country; the one on (year, region, points) a region (the
 * region of the member's IGED, stored beside the points: migration 0015).
 */
function pointsOfPeriod(db: DB, year: RankingYear, regionSlug?: string) {
  if (year === "all") {
    let query = db
      .selectFrom("memberPoints")
      .select(["memberPoints.userId", "memberPoints.total as points"])
      .where("memberPoints.total", ">", 0);
    if (regionSlug) query = query.where("memberPoints.regionId", "=", regionIdBySlug(db, regionSlug));
    return query.as("p");
  }
  let query = db
    .selectFrom("memberPointsYearly")
    .select(["memberPointsYearly.userId", "memberPointsYearly.points"])
    .where("memberPointsYearly.year", "=", year)
    .where("memberPointsYearly.points", ">", 0);
  if (regionSlug) query = query.where("memberPointsYearly.regionId", "=", regionIdBySlug(db, regionSlug));
  return query.as("p");
}

/** Active members with points in the period who match the filters (hidden ones included). */
function membersInScope(db: DB, filters: RankingFilters) {
  let query = db
    .selectFrom(pointsOfPeriod(db, filters.year, filters.regionSlug))
    .innerJoin("users", "users.id", "p.userId")
    .leftJoin("igeds", "igeds.id", "users.igedId")
    .leftJoin("regions", "regions.id", "igeds.regionId")
    .where("users.active", "=", 1);
  if (filters.macroregionSlug) {
    const slug = filters.macroregionSlug;
    query = query.where("regions.macroregionId", "=", (eb) => eb.selectFrom("macroregions").select("macroregions.id").where("macroregions.slug", "=", slug));
  }
  if (filters.igedType) query = query.where("igeds.type", "=", filters.igedType);
  return query;
}

const hasMemberFilters = (filters: RankingFilters) => Boolean(filters.regionSlug || filters.macroregionSlug || filters.igedType);

/**
 * How many members the public ranking shows with these filters (with more than `above` points).
 * Without filters on the member, it is the index's count minus the few deactivated or hidden
 * members with points, which avoids looking up every member's row.
 */
async function countVisible(filters: RankingFilters, above: number, db: DB): Promise<number> {
  if (filters.regionSlug) {
    // One region's members with points: one range of the index, each member looked up by key
    // (and their IGED only when a filter asks about it).
    const inScope = filters.macroregionSlug || filters.igedType
      ? membersInScope(db, filters)
      : db.selectFrom(pointsOfPeriod(db, filters.year, filters.regionSlug)).innerJoin("users", "users.id", "p.userId").where("users.active", "=", 1);
    const row = await inScope
      .where("users.hideFromRanking", "=", 0)
      .where("p.points", ">", above)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
  if (hasMemberFilters(filters)) {
    // The members of the macroregion or IGED type first, then each one's points by key: CROSS JOIN
    // fixes that order in SQLite, which would otherwise walk every member with points in the
    // period (ADR 013).
    const row = await db
      .selectFrom("users")
      .crossJoin(pointsOfPeriod(db, filters.year))
      .whereRef("p.userId", "=", "users.id")
      .where("users.active", "=", 1)
      .where("users.hideFromRanking", "=", 0)
      .where("users.igedId", "in", (eb) => {
        let igeds = eb.selectFrom("igeds").innerJoin("regions", "regions.id", "igeds.regionId").select("igeds.id");
        if (filters.macroregionSlug) {
          const slug = filters.macroregionSlug;
          igeds = igeds.where("regions.macroregionId", "=", (sub) => sub.selectFrom("macroregions").select("macroregions.id").where("macroregions.slug", "=", slug));
        }
        if (filters.igedType) igeds = igeds.where("igeds.type", "=", filters.igedType);
        return igeds;
      })
      .where("p.points", ">", above)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
  const [inIndex, excluded] = await Promise.all([
    db
      .selectFrom(pointsOfPeriod(db, filters.year))
      .where("p.points", ">", above)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("users")
      .where((eb) =>
        eb.and([
          eb.or([eb("users.active", "=", 0), eb("users.hideFromRanking", "=", 1)]),
          eb.exists(
            eb
              .selectFrom(pointsOfPeriod(db, filters.year))
              .select("p.userId")
              .whereRef("p.userId", "=", "users.id")
              .where("p.points", ">", above),
          ),
        ]),
      )
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return Number(inIndex.n) - Number(excluded.n);
}

export interface RankingPage {
  rows: RankingRow[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

/**
 * The public ranking: one page of it, and how many members it holds. Ties share a rank and are
 * listed by name.
 *
 * Speed: a query ordered exactly like its window (`points desc`) lets SQLite walk the index on
 * (year, points) backwards, rank as it goes and stop at the page's end, with no sort of the whole
 * set. So the page is found in two short steps: (1) the ranks and points at the page's positions,
 * in index order; (2) the members whose points fall between the page's first and last points,
 * ordered by points and name (only the tie groups at the page's edges can be larger than a page).
 */
export function getRanking(filters: RankingFilters & { page?: number; pageSize?: number }, db: DB = getDb()): Promise<RankingPage> {
  // The same for every reader, so kept in memory until the data changes (ADR 016); the all-time
  // ranking shows each member's tier of this year, hence the year in the key.
  if (db.isTransaction) return readRanking(filters, db);
  const key = [filters.year, filters.regionSlug ?? "", filters.macroregionSlug ?? "", filters.igedType ?? "", filters.page ?? 1, filters.pageSize ?? 25, currentYear()].join(":");
  return cachedAggregate(`ranking:${key}`, () => db.transaction().execute((trx) => readRanking(filters, trx)), db);
}

/** One page of the ranking, read in one snapshot so that points awarded meanwhile cannot shift it. */
async function readRanking(filters: RankingFilters & { page?: number; pageSize?: number }, db: DB): Promise<RankingPage> {
  const pageSize = filters.pageSize ?? 25;
  const page = Math.max(1, filters.page ?? 1);
  const offset = (page - 1) * pageSize;
  const visible = membersInScope(db, filters).where("users.hideFromRanking", "=", 0);

  const [positions, counted] = await Promise.all([
    visible
      .select((eb) => ["p.points", eb.fn.agg<number>("rank", []).over((ob) => ob.orderBy("p.points", "desc")).as("rank")])
      .orderBy("p.points", "desc")
      .limit(pageSize)
      .offset(offset)
      .execute(),
    countVisible(filters, 0, db),
  ]);
  const total = counted;
  const result = { total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
  if (positions.length === 0) return { rows: [], ...result };

  const rankOfPoints = new Map(positions.map((p) => [p.points, Number(p.rank)]));
  const highest = positions[0]!;
  const lowest = positions[positions.length - 1]!;
  const band = await visible
    .where("p.points", "<=", highest.points)
    .where("p.points", ">=", lowest.points)
    .select(["p.userId", "p.points", "users.name", "igeds.name as igedName", "regions.name as regionName"])
    .orderBy("p.points", "desc")
    .orderBy("users.name")
    .orderBy("users.id")
    .execute();
  // band[0] is the first member with the page's highest points, at position rank - 1 overall.
  const skip = offset - (Number(highest.rank) - 1);
  const found = band.slice(skip, skip + pageSize);

  const tierNames = await tierNamesFor(found, filters.year, db);
  return {
    rows: found.map((r) => ({
      rank: rankOfPoints.get(r.points) ?? 0,
      userId: r.userId,
      name: r.name,
      igedName: r.igedName,
      regionName: r.regionName,
      points: r.points,
      tierName: tierNames.get(r.userId) ?? null,
    })),
    ...result,
  };
}

/**
 * The tier shown beside each member of a page. Tiers are earned with the points of a year: a year's
 * ranking shows the tier of that year; the all-time ranking shows the member's tier this year.
 */
async function tierNamesFor(rows: { userId: number; points: number }[], year: RankingYear, db: DB): Promise<Map<number, string>> {
  if (rows.length === 0) return new Map();
  let members = rows.map((r) => ({ userId: r.userId, points: r.points }));
  if (year === "all") {
    const thisYear = await db
      .selectFrom("memberPointsYearly")
      .select(["userId", "points"])
      .where("year", "=", currentYear())
      .where("userId", "in", members.map((m) => m.userId))
      .execute();
    const byUser = new Map(thisYear.map((r) => [r.userId, r.points]));
    members = members.map((m) => ({ userId: m.userId, points: byUser.get(m.userId) ?? 0 }));
  }
  const tiers = await tiersForMembers(members, await listTiers(db), db);
  const names = new Map<number, string>();
  for (const [userId, tier] of tiers) if (tier) names.set(userId, tier.name);
  return names;
}

export interface OwnPosition {
  /** The member's place among the members the filters show; null when the filters leave them out. */
  rank: number | null;
  points: number;
  /** The member hides from the public ranking: only they see this position. */
  hidden: boolean;
}

/**
 * Where a member stands in the ranking with these filters, whichever page is shown and even if
 * they hide themselves (their rank is then the one they would have if they were shown). Null when
 * they have no points in the period or their account is deactivated.
 */
export async function getOwnPosition(userId: number, filters: RankingFilters, db: DB = getDb()): Promise<OwnPosition | null> {
  // Two lookups by primary key: the member (and where they work), and their points in the period.
  const [member, period] = await Promise.all([
    db
      .selectFrom("users")
      .leftJoin("igeds", "igeds.id", "users.igedId")
      .leftJoin("regions", "regions.id", "igeds.regionId")
      .leftJoin("macroregions", "macroregions.id", "regions.macroregionId")
      .select(["users.active", "users.hideFromRanking", "igeds.type as igedType", "regions.slug as regionSlug", "macroregions.slug as macroregionSlug"])
      .where("users.id", "=", userId)
      .executeTakeFirst(),
    filters.year === "all"
      ? db.selectFrom("memberPoints").select("total as points").where("userId", "=", userId).executeTakeFirst()
      : db.selectFrom("memberPointsYearly").select("points").where("userId", "=", userId).where("year", "=", filters.year).executeTakeFirst(),
  ]);
  const points = period?.points ?? 0;
  if (!member || member.active !== 1 || points <= 0) return null;
  const hidden = member.hideFromRanking === 1;
  const inScope =
    (!filters.regionSlug || member.regionSlug === filters.regionSlug) &&
    (!filters.macroregionSlug || member.macroregionSlug === filters.macroregionSlug) &&
    (!filters.igedType || member.igedType === filters.igedType);
  if (!inScope) return { rank: null, points, hidden };
  return { rank: (await countVisible(filters, points, db)) + 1, points, hidden };
}

/** The years that have points, newest first, always including the current one; kept in memory until the data changes. */
export function listRankingYears(now: Date = new Date(), db: DB = getDb()): Promise<readonly number[]> {
  const thisYear = currentYear(now);
  return cachedAggregate(
    `ranking-years:${thisYear}`,
    async () => {
      const rows = await db.selectFrom("memberPointsYearly").select("year").distinct().where("points", ">", 0).execute();
      return [...new Set([thisYear, ...rows.map((r) => r.year)])].sort((a, b) => b - a);
    },
    db,
  );
}

export async function isHiddenFromRanking(userId: number, db: DB = getDb()): Promise<boolean> {
  const row = await db.selectFrom("users").select("hideFromRanking").where("id", "=", userId).executeTakeFirst();
  return row?.hideFromRanking === 1;
}

export async function setHiddenFromRanking(userId: number, hidden: boolean, db: DB = getDb()): Promise<void> {
  await db.updateTable("users").set({ hideFromRanking: hidden ? 1 : 0 }).where("id", "=", userId).execute();
}

/** The form of /ranking where a member hides from (or comes back to) the public ranking. */
export const rankingVisibilitySchema = z.object({
  intent: z.enum(["hide", "show"], { error: "La acción no es válida." }),
});
