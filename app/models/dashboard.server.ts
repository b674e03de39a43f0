// The figures of the community for a year: the public dashboard (/panel), its DIFOCA part and the
// home page. Counts other features already keep are read through their own models (advisories,
// events, walls, transfers, ranking and tiers); what is counted only here lives here.
//
// Years are Lima years: an instant belongs to the year (and the month) it has in Lima. Peru keeps
// UTC−5 all year, so a Lima year is a fixed window of UTC instants, and a Lima month is the month
// of the instant shifted by five hours.
import { sql, type RawBuilder } from "kysely";
import type { IgedType, Role, Stage } from "../../db/schema";
import { membersActiveInYear } from "~/models/activity.server";
import { countHeldAdvisoriesByType, countPendingRequests } from "~/models/advisory.server";
import { countEventsByType } from "~/models/event.server";
import { getRanking, type RankingRow } from "~/models/ranking.server";
import { countRegions, listMacroregions, listRegions } from "~/models/region.server";
import { currentYear, listTiers, tiersForMembers } from "~/models/tier.server";
import { countPendingTransfers, countTransfersInYear } from "~/models/transfer.server";
import { countAccompaniments, countOpenReports } from "~/models/wall.server";
import { cachedAggregate } from "~/utils/cache.server";
import { todayInLima, limaYearBounds } from "~/utils/dates";
import { getDb, type DB } from "~/utils/db.server";
import { STAGES } from "~/utils/practice-labels";
import { ROLES } from "~/utils/roles";

/** The Lima month ("01".."12") of a UTC ISO instant stored in `column` (snake_case, as SQL sees it). */
function limaMonth(column: string): RawBuilder<string> {
  return sql<string>`substr(datetime(${sql.ref(column)}, '-5 hours'), 6, 2)`;
}

/**
 * The years the dashboard offers, newest first: from the year the first practice was started to the
 * current one (always at least the current year).
 */
export async function listDashboardYears(now: Date = new Date(), db: DB = getDb()): Promise<number[]> {
  const thisYear = currentYear(now);
  const row = await db
    .selectFrom("practices")
    .select((eb) => eb.fn.min("createdAt").as("first"))
    .executeTakeFirst();
  const first = (row?.first as string | null | undefined) ?? null;
  const from = first ? Math.min(thisYear, Number(todayInLima(new Date(first)).slice(0, 4))) : thisYear;
  return Array.from({ length: thisYear - from + 1 }, (_, index) => thisYear - index);
}

// ---------------------------------------------------------------------------------------------
// Practices

/**
 * Practices vigentes at the end of `year` as far as the data can tell: published (not a draft, not
 * in review, not archived), marked as still running, and published before the year ended. Their
 * stage, line and region are today's: the platform keeps the history of stages, not of every field.
 */
function vigentesOf(db: DB, year: number) {
  const { end } = limaYearBounds(year);
  return db
    .selectFrom("practices")
    .where("practices.status", "=", "publicada")
    .where("practices.vigente", "=", 1)
    .where((eb) => eb.or([eb("practices.publishedAt", "is", null), eb("practices.publishedAt", "<", end)]));
}

export interface RegionCount {
  slug: string;
  name: string;
  macroregionName: string;
  count: number;
}

export interface PracticeFigures {
  vigentes: number;
  /** All 26 regions, by name, with 0 where there is none. */
  byRegion: RegionCount[];
  byMacroregion: { slug: string; name: string; count: number }[];
  byStage: { stage: Stage; count: number }[];
  /** Active lines (and inactive ones that still have practices), in the lines' order; then "none". */
  byLine: { slug: string | null; name: string; count: number }[];
  /** DRE/GRE, UGEL and gobiernos locales that lead or share at least one of these practices. */
  igeds: Record<IgedType, number>;
  regionsWithPractices: number;
}

export async function getPracticeFigures(year: number, db: DB = getDb()): Promise<PracticeFigures> {
  const [regions, macroregions, lines, byRegionRows, byStageRows, byLineRows, igedRows] = await Promise.all([
    listRegions(db),
    listMacroregions(db),
    db.selectFrom("thematicLines").select(["id", "slug", "name", "active"]).orderBy("position").orderBy("name").execute(),
    vigentesOf(db, year)
      .select(["practices.regionId", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("practices.regionId")
      .execute(),
    vigentesOf(db, year)
      .select(["practices.stage", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("practices.stage")
      .execute(),
    vigentesOf(db, year)
      .select(["practices.thematicLineId", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("practices.thematicLineId")
      .execute(),
    db
      .selectFrom("igeds")
      .select(["igeds.type", (eb) => eb.fn.countAll<number>().as("n")])
      .where("igeds.id", "in", () =>
        vigentesOf(db, year)
          .select("practices.leadIgedId as igedId")
          .union(vigentesOf(db, year).innerJoin("practiceIgeds", "practiceIgeds.practiceId", "practices.id").select("practiceIgeds.igedId as igedId")),
      )
      .groupBy("igeds.type")
      .execute(),
  ]);

  const perRegion = new Map(byRegionRows.map((r) => [r.regionId, Number(r.n)]));
  const byRegion = regions.map((r) => ({ slug: r.slug, name: r.name, macroregionName: r.macroregionName, count: perRegion.get(r.id) ?? 0 }));
  const perMacroregion = new Map<number, number>();
  for (const r of regions) perMacroregion.set(r.macroregionId, (perMacroregion.get(r.macroregionId) ?? 0) + (perRegion.get(r.id) ?? 0));
  const perStage = new Map(byStageRows.map((r) => [r.stage, Number(r.n)]));
  const perLine = new Map(byLineRows.map((r) => [r.thematicLineId, Number(r.n)]));
  const byLine = lines
    .filter((line) => line.active === 1 || (perLine.get(line.id) ?? 0) > 0)
    .map((line): PracticeFigures["byLine"][number] => ({ slug: line.slug, name: line.name, count: perLine.get(line.id) ?? 0 }));
  const withoutLine = perLine.get(null) ?? 0;
  if (withoutLine > 0) byLine.push({ slug: null, name: "Sin línea temática", count: withoutLine });
  const igeds: Record<IgedType, number> = { dre: 0, ugel: 0, gobierno_local: 0 };
  for (const row of igedRows) igeds[row.type] = Number(row.n);

  return {
    vigentes: [...perRegion.values()].reduce((sum, n) => sum + n, 0),
    byRegion,
    byMacroregion: macroregions.map((m) => ({ slug: m.slug, name: m.name, count: perMacroregion.get(m.id) ?? 0 })),
    byStage: STAGES.map((stage) => ({ stage, count: perStage.get(stage) ?? 0 })),
    byLine,
    igeds,
    regionsWithPractices: byRegion.filter((r) => r.count > 0).length,
  };
}

// ---------------------------------------------------------------------------------------------
// Activities of the year

export interface ActivityFigures {
  personalizedAdvisories: number;
  transferAdvisories: number;
  exchanges: number;
  webinars: number;
  workshops: number;
  fieldVisits: number;
  challengeAccompaniments: number;
  initiativeAccompaniments: number;
  /** Transfer processes under way at some point of the year (accepted: in course, suspended or completed). */
  transferProcesses: number;
  transfersCompleted: number;
  /**
   * Advisories held and events, as DIFOCA's yearly report adds them up ("129 actividades": 96 + 28
   * advisories, 4 exchanges, 1 webinar); accompaniments and transfers are reported beside them.
   */
  total: number;
}

export async function getActivityFigures(year: number, db: DB = getDb()): Promise<ActivityFigures> {
  const [advisories, events, accompaniments, transfers] = await Promise.all([
    countHeldAdvisoriesByType(year, db),
    countEventsByType(year, db),
    countAccompaniments(year, db),
    countTransfersInYear(year, db),
  ]);
  const figures = {
    personalizedAdvisories: advisories.personalizada,
    transferAdvisories: advisories.transferencia,
    exchanges: events.intercambio,
    webinars: events.webinar,
    workshops: events.taller,
    fieldVisits: events.pasantia,
    challengeAccompaniments: accompaniments.challenge,
    initiativeAccompaniments: accompaniments.initiative,
    transferProcesses: transfers.active,
    transfersCompleted: transfers.completed,
  };
  return {
    ...figures,
    total:
      figures.personalizedAdvisories + figures.transferAdvisories + figures.exchanges + figures.webinars + figures.workshops + figures.fieldVisits,
  };
}

// ---------------------------------------------------------------------------------------------
// Members

/**
 * A member is active in a year when they did something on the platform in this many different months
 * of it ("something" is defined, and its months stored, in activity.server.ts).
 */
export const ACTIVE_MONTHS_MIN = 3;

/** Accounts that existed at the end of the year and had not been deactivated by then. */
function membersAtEndOf(db: DB, year: number) {
  const { end } = limaYearBounds(year);
  return db
    .selectFrom("users")
    .where("users.createdAt", "<", end)
    .where((eb) => eb.or([eb("users.deactivatedAt", "is", null), eb("users.deactivatedAt", ">=", end)]));
}

export interface MemberFigures {
  /** Accounts at the end of the year (today, for the current year). */
  registered: number;
  /** Of those, the accounts created during the year. */
  newInYear: number;
  /** Members active in at least ACTIVE_MONTHS_MIN different months of the year. */
  active: number;
  /** Visits to practice pages in the year: one per visitor, practice and day. */
  visits: number;
}

export async function getMemberFigures(year: number, db: DB = getDb()): Promise<MemberFigures> {
  const { start, end } = limaYearBounds(year);
  const [registered, newInYear, active, visits] = await Promise.all([
    membersAtEndOf(db, year).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    // Of the members counted above, those whose account was created in the year.
    membersAtEndOf(db, year)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("users.createdAt", ">=", start)
      .where("users.createdAt", "<", end)
      .executeTakeFirstOrThrow(),
    membersAtEndOf(db, year)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      // From the stored months of activity (activity.server.ts), kept exact with every write.
      .where("users.id", "in", membersActiveInYear(db, year, ACTIVE_MONTHS_MIN))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("practiceVisits")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("day", ">=", `${year}-01-01`)
      .where("day", "<=", `${year}-12-31`)
      .executeTakeFirstOrThrow(),
  ]);
  return { registered: Number(registered.n), newInYear: Number(newInYear.n), active: Number(active.n), visits: Number(visits.n) };
}

// ---------------------------------------------------------------------------------------------
// Stages over time and tiers

export interface StageMovesByMonth {
  /** "01".."12" */
  month: string;
  toIntermedio: number;
  toAvanzado: number;
  demoted: number;
}

/** DIFOCA's stage decisions of the year, by Lima month: promotions by the stage reached, and demotions. */
export async function getStageMoves(year: number, db: DB = getDb()): Promise<StageMovesByMonth[]> {
  const { start, end } = limaYearBounds(year);
  const rows = await db
    .selectFrom("practiceEvents")
    .select([limaMonth("practice_events.created_at").as("month"), "practiceEvents.type", "practiceEvents.toStage", (eb) => eb.fn.countAll<number>().as("n")])
    .where("practiceEvents.type", "in", ["promoted", "demoted"])
    .where("practiceEvents.createdAt", ">=", start)
    .where("practiceEvents.createdAt", "<", end)
    .groupBy(["month", "practiceEvents.type", "practiceEvents.toStage"])
    .execute();
  const months = Array.from({ length: 12 }, (_, i): StageMovesByMonth => ({ month: String(i + 1).padStart(2, "0"), toIntermedio: 0, toAvanzado: 0, demoted: 0 }));
  for (const row of rows) {
    const entry = months[Number(row.month) - 1];
    if (!entry) continue;
    const n = Number(row.n);
    if (row.type === "demoted") entry.demoted += n;
    else if (row.toStage === "avanzado") entry.toAvanzado += n;
    else if (row.toStage === "intermedio") entry.toIntermedio += n;
  }
  return months;
}

export interface TierCount {
  slug: string | null;
  name: string;
  count: number;
}

/**
 * How many members are in each tier with the points of the year (the ranking's rule: the highest
 * tier whose points and requirements they meet). Members with points below the first tier come
 * last as "Sin escala aún". Only active accounts with points count, as in the ranking.
 */
export async function getTierCounts(year: number, db: DB = getDb()): Promise<TierCount[]> {
  const [tiers, members] = await Promise.all([
    listTiers(db),
    db
      .selectFrom("memberPointsYearly")
      .innerJoin("users", "users.id", "memberPointsYearly.userId")
      .select(["memberPointsYearly.userId", "memberPointsYearly.points"])
      .where("memberPointsYearly.year", "=", year)
      .where("memberPointsYearly.points", ">", 0)
      .where("users.active", "=", 1)
      .execute(),
  ]);
  const placed = await tiersForMembers(members, tiers, db);
  const counts = new Map<number | null, number>();
  for (const tier of placed.values()) counts.set(tier?.id ?? null, (counts.get(tier?.id ?? null) ?? 0) + 1);
  return [
    ...tiers.map((tier) => ({ slug: tier.slug, name: tier.name, count: counts.get(tier.id) ?? 0 })),
    { slug: null, name: "Sin escala aún", count: counts.get(null) ?? 0 },
  ];
}

// ---------------------------------------------------------------------------------------------
// The DIFOCA part

export interface PendingWork {
  practicesInReview: number;
  promotionRequests: number;
  openReports: number;
  advisoryRequests: number;
  transferRequests: number;
}

/** What waits for DIFOCA today, whatever the year shown. */
export async function getPendingWork(db: DB = getDb()): Promise<PendingWork> {
  const [review, promotions, openReports, advisoryRequests, transferRequests] = await Promise.all([
    db.selectFrom("practices").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", "en_revision").executeTakeFirstOrThrow(),
    db.selectFrom("promotionRequests").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", "pendiente").executeTakeFirstOrThrow(),
    countOpenReports(db),
    countPendingRequests(db),
    countPendingTransfers(db),
  ]);
  return {
    practicesInReview: Number(review.n),
    promotionRequests: Number(promotions.n),
    openReports,
    advisoryRequests,
    transferRequests,
  };
}

export interface MemberBreakdown {
  byRole: { role: Role; count: number }[];
  /** All 26 regions by name (by the member's IGED), then members with no IGED. */
  byRegion: { slug: string | null; name: string; count: number }[];
}

/** Members at the end of the year (today, for the current year) by role and by region. */
export async function getMemberBreakdown(year: number, db: DB = getDb()): Promise<MemberBreakdown> {
  const [regions, byRoleRows, byRegionRows] = await Promise.all([
    listRegions(db),
    membersAtEndOf(db, year)
      .select(["users.role", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("users.role")
      .execute(),
    membersAtEndOf(db, year)
      .leftJoin("igeds", "igeds.id", "users.igedId")
      .select(["igeds.regionId", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("igeds.regionId")
      .execute(),
  ]);
  const perRole = new Map(byRoleRows.map((r) => [r.role, Number(r.n)]));
  const perRegion = new Map(byRegionRows.map((r) => [r.regionId, Number(r.n)]));
  const byRegion: MemberBreakdown["byRegion"] = regions.map((r) => ({ slug: r.slug, name: r.name, count: perRegion.get(r.id) ?? 0 }));
  const withoutRegion = perRegion.get(null) ?? 0;
  if (withoutRegion > 0) byRegion.push({ slug: null, name: "Sin IGED (expertos y DIFOCA)", count: withoutRegion });
  return { byRole: ROLES.map((role) => ({ role, count: perRole.get(role) ?? 0 })), byRegion };
}

export interface VisitedPractice {
  slug: string;
  title: string;
  regionName: string;
  status: "publicada" | "archivada";
  visits: number;
}

/** The practices most visited in the year (published or archived: the ones with a public page). */
export async function listMostVisitedInYear(year: number, limit: number, db: DB = getDb()): Promise<VisitedPractice[]> {
  const rows = await db
    .selectFrom("practiceVisits")
    .innerJoin("practices", "practices.id", "practiceVisits.practiceId")
    .innerJoin("regions", "regions.id", "practices.regionId")
    .select(["practices.slug", "practices.title", "practices.status", "regions.name as regionName", (eb) => eb.fn.countAll<number>().as("visits")])
    .where("practiceVisits.day", ">=", `${year}-01-01`)
    .where("practiceVisits.day", "<=", `${year}-12-31`)
    .where("practices.status", "in", ["publicada", "archivada"])
    .groupBy("practices.id")
    .orderBy("visits", "desc")
    .orderBy("practices.title")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, status: r.status as VisitedPractice["status"], visits: Number(r.visits) }));
}

// ---------------------------------------------------------------------------------------------
// The home page

export interface FeaturedPractice {
  slug: string;
  title: string;
  summary: string;
  stage: Stage;
  regionName: string;
  leadIgedName: string;
}

function featuredQuery(db: DB) {
  return db
    .selectFrom("practices")
    .innerJoin("regions", "regions.id", "practices.regionId")
    .innerJoin("igeds", "igeds.id", "practices.leadIgedId")
    .select(["practices.slug", "practices.title", "practices.summary", "practices.stage", "regions.name as regionName", "igeds.name as leadIgedName"])
    .where("practices.status", "=", "publicada");
}

/** Published practices DIFOCA moved up a stage most recently (each once), newest first. */
export async function listRecentlyPromoted(limit: number, db: DB = getDb()): Promise<(FeaturedPractice & { promotedAt: string })[]> {
  const rows = await featuredQuery(db)
    .innerJoin(
      (eb) =>
        eb
          .selectFrom("practiceEvents")
          .select(["practiceEvents.practiceId", (e) => e.fn.max("practiceEvents.createdAt").as("promotedAt")])
          .where("practiceEvents.type", "=", "promoted")
          .groupBy("practiceEvents.practiceId")
          .as("promotion"),
      (join) => join.onRef("promotion.practiceId", "=", "practices.id"),
    )
    .select("promotion.promotedAt")
    .orderBy("promotion.promotedAt", "desc")
    .orderBy("practices.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, promotedAt: String(r.promotedAt) }));
}

/** Published practices with the most visits of all time. */
export async function listMostVisited(limit: number, db: DB = getDb()): Promise<(FeaturedPractice & { visits: number })[]> {
  const rows = await featuredQuery(db)
    .select("practices.visitCount as visits")
    .where("practices.visitCount", ">", 0)
    .orderBy("practices.visitCount", "desc")
    .orderBy("practices.title")
    .limit(limit)
    .execute();
  return rows;
}

export interface HomeFigures {
  year: number;
  vigentes: number;
  igeds: Record<IgedType, number>;
  regionsWithPractices: number;
  members: number;
  activities: number;
}

/** The figures the home page shows: today's practices and members, and this year's activities. */
export async function getHomeFigures(db: DB = getDb()): Promise<HomeFigures> {
  const year = currentYear();
  const [practices, members, activities] = await Promise.all([
    getPracticeFigures(year, db),
    membersAtEndOf(db, year).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    getActivityFigures(year, db),
  ]);
  return {
    year,
    vigentes: practices.vigentes,
    igeds: practices.igeds,
    regionsWithPractices: practices.regionsWithPractices,
    members: Number(members.n),
    activities: activities.total,
  };
}

/** The first places of this year's public ranking. */
export async function getRankingTop(limit: number, db: DB = getDb()): Promise<RankingRow[]> {
  const ranking = await getRanking({ year: currentYear(), page: 1, pageSize: limit }, db);
  return ranking.rows;
}

// ---------------------------------------------------------------------------------------------
// Cached for the pages everyone opens (ADR 013): recomputed whenever the data changes, and on a
// new Lima day, since "today" bounds some of the figures.

export interface PublicDashboard {
  practices: PracticeFigures;
  activities: ActivityFigures;
  members: MemberFigures;
  stageMoves: StageMovesByMonth[];
  tiers: TierCount[];
}

/** The public part of /panel for a year. */
export function getPublicDashboard(year: number, db: DB = getDb()): Promise<PublicDashboard> {
  return cachedAggregate(
    `panel:${year}:${todayInLima()}`,
    async () => {
      const [practices, activities, members, stageMoves, tiers] = await Promise.all([
        getPracticeFigures(year, db),
        getActivityFigures(year, db),
        getMemberFigures(year, db),
        getStageMoves(year, db),
        getTierCounts(year, db),
      ]);
      return { practices, activities, members, stageMoves, tiers };
    },
    db,
  );
}

export interface HomeHighlights {
  figures: HomeFigures & { regions: number };
  promoted: (FeaturedPractice & { promotedAt: string })[];
  visited: (FeaturedPractice & { visits: number })[];
  top: RankingRow[];
}

/** What the home page shows besides the upcoming events: its figures, featured practices and the ranking's first places. */
export function getHomeHighlights(db: DB = getDb()): Promise<HomeHighlights> {
  return cachedAggregate(
    `home:${todayInLima()}`,
    async () => {
      const [regions, figures, promoted, visited, top] = await Promise.all([
        countRegions(db),
        getHomeFigures(db),
        listRecentlyPromoted(3, db),
        listMostVisited(3, db),
        getRankingTop(5, db),
      ]);
      return { figures: { ...figures, regions }, promoted, visited, top };
    },
    db,
  );
}
