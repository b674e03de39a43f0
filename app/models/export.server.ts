// The queries behind DIFOCA's downloads (/admin/exportes): whole lists, not pages. Each function
// returns plain rows; app/utils/exports.server.ts gives them their Spanish headers and writes the
// CSV or Excel file. Activities count the way the dashboard does (the count functions of each
// model), so a downloaded year adds up to the figures on /panel.
import { sql } from "kysely";
import type { AdvisoryStatus, AdvisoryType, EventType, IgedType, PracticeStatus, RegistrationStatus, Role, Stage, TransferStage, TransferStatus, WallKind } from "../../db/schema";
import { listCatalog, type CatalogFilters } from "~/models/practice.server";
import { listTiers, tiersForMembers } from "~/models/tier.server";
import { transferActiveInYear, transferOpenInYear } from "~/models/transfer.server";
import { todayInLima, limaYearBounds } from "~/utils/dates";
import { TRANSFER_STAGE_LABELS, TRANSFER_STATUS_LABELS } from "~/utils/transfer-labels";
import { getDb, type DB } from "~/utils/db.server";

// ---------------------------------------------------------------------------------------------
// Practices

export interface PracticeExportRow {
  id: number;
  slug: string;
  title: string;
  summary: string;
  regionName: string;
  macroregionName: string;
  leadIgedName: string;
  leadIgedType: IgedType;
  otherIgeds: string[];
  thematicLineName: string | null;
  stage: Stage;
  status: PracticeStatus;
  vigente: boolean;
  startYear: number | null;
  publishedAt: string | null;
  visitCount: number;
  feedbackCount: number;
}

// Far more than the platform will ever hold; the catalog's query is reused as is, only unpaged.
const ALL = 1_000_000;

/**
 * The practices the catalog shows with these filters (the same query, so the file holds exactly
 * what /practicas lists), every one of them, by region and title.
 */
export async function listPracticesForExport(filters: Omit<CatalogFilters, "page" | "pageSize" | "sort">, db: DB = getDb()): Promise<PracticeExportRow[]> {
  const { items } = await listCatalog({ ...filters, page: 1, pageSize: ALL }, db);
  if (items.length === 0) return [];
  const ids = items.map((i) => i.id);
  const [details, shared, feedback] = await Promise.all([
    db
      .selectFrom("practices")
      .innerJoin("regions", "regions.id", "practices.regionId")
      .innerJoin("macroregions", "macroregions.id", "regions.macroregionId")
      .innerJoin("igeds", "igeds.id", "practices.leadIgedId")
      .select(["practices.id", "macroregions.name as macroregionName", "igeds.type as leadIgedType", "practices.startYear"])
      .where("practices.id", "in", ids)
      .execute(),
    db
      .selectFrom("practiceIgeds")
      .innerJoin("igeds", "igeds.id", "practiceIgeds.igedId")
      .select(["practiceIgeds.practiceId", "igeds.name"])
      .where("practiceIgeds.practiceId", "in", ids)
      .orderBy("igeds.name")
      .execute(),
    db
      .selectFrom("practiceFeedback")
      .select(["practiceId", (eb) => eb.fn.countAll<number>().as("n")])
      .where("practiceId", "in", ids)
      .groupBy("practiceId")
      .execute(),
  ]);
  const detailOf = new Map(details.map((d) => [d.id, d]));
  const feedbackOf = new Map(feedback.map((f) => [f.practiceId, Number(f.n)]));
  const rows = items.map((item): PracticeExportRow => {
    const detail = detailOf.get(item.id);
    return {
      id: item.id,
      slug: item.slug,
      title: item.title,
      summary: item.summary,
      regionName: item.regionName,
      macroregionName: detail?.macroregionName ?? "",
      leadIgedName: item.leadIgedName,
      leadIgedType: detail?.leadIgedType ?? "ugel",
      otherIgeds: shared.filter((s) => s.practiceId === item.id).map((s) => s.name),
      thematicLineName: item.thematicLineName,
      stage: item.stage,
      status: item.status,
      vigente: item.vigente,
      startYear: detail?.startYear ?? null,
      publishedAt: item.publishedAt,
      visitCount: item.visitCount,
      feedbackCount: feedbackOf.get(item.id) ?? 0,
    };
  });
  return rows.sort((a, b) => a.regionName.localeCompare(b.regionName, "es") || a.title.localeCompare(b.title, "es") || a.id - b.id);
}

/** How many practices a download with these filters would hold (the export page says it). */
export async function countPracticesForExport(filters: Omit<CatalogFilters, "page" | "pageSize" | "sort">, db: DB = getDb()): Promise<number> {
  return (await listCatalog({ ...filters, page: 1, pageSize: 1 }, db)).total;
}

// ---------------------------------------------------------------------------------------------
// Members

export interface MemberExportRow {
  id: number;
  name: string;
  email: string;
  role: Role;
  position: string;
  igedName: string | null;
  igedType: IgedType | null;
  regionName: string | null;
  macroregionName: string | null;
  active: boolean;
  hiddenFromRanking: boolean;
  createdAt: string;
  yearPoints: number;
  totalPoints: number;
  tierName: string | null;
  badges: number;
}

/** Every member (deactivated ones too, marked), with the points of the year and of all time and the tier of the year. */
export async function listMembersForExport(year: number, db: DB = getDb()): Promise<MemberExportRow[]> {
  const rows = await db
    .selectFrom("users")
    .leftJoin("igeds", "igeds.id", "users.igedId")
    .leftJoin("regions", "regions.id", "igeds.regionId")
    .leftJoin("macroregions", "macroregions.id", "regions.macroregionId")
    .leftJoin("memberPoints", "memberPoints.userId", "users.id")
    .leftJoin("memberPointsYearly", (join) => join.onRef("memberPointsYearly.userId", "=", "users.id").on("memberPointsYearly.year", "=", year))
    .select([
      "users.id",
      "users.name",
      "users.email",
      "users.role",
      "users.position",
      "users.active",
      "users.hideFromRanking",
      "users.createdAt",
      "igeds.name as igedName",
      "igeds.type as igedType",
      "regions.name as regionName",
      "macroregions.name as macroregionName",
      "memberPoints.total as totalPoints",
      "memberPointsYearly.points as yearPoints",
      (eb) =>
        eb
          .selectFrom("badgeAwards")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("badgeAwards.userId", "=", "users.id")
          .where("badgeAwards.revokedAt", "is", null)
          .as("badges"),
    ])
    .orderBy("users.name")
    .orderBy("users.id")
    .execute();
  const tiers = await tiersForMembers(
    rows.map((r) => ({ userId: r.id, points: Math.max(0, r.yearPoints ?? 0) })),
    await listTiers(db),
    db,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    position: r.position,
    igedName: r.igedName,
    igedType: r.igedType,
    regionName: r.regionName,
    macroregionName: r.macroregionName,
    active: r.active === 1,
    hiddenFromRanking: r.hideFromRanking === 1,
    createdAt: r.createdAt,
    yearPoints: r.yearPoints ?? 0,
    totalPoints: r.totalPoints ?? 0,
    tierName: tiers.get(r.id)?.name ?? null,
    badges: Number(r.badges ?? 0),
  }));
}

// ---------------------------------------------------------------------------------------------
// Activities of a year

export type ActivityKind = `advisory_${AdvisoryType}` | `event_${EventType}` | `accompaniment_${WallKind}` | "transfer";

export interface ActivityExportRow {
  /** YYYY-MM-DD in Lima. */
  date: string;
  kind: ActivityKind;
  title: string;
  practiceTitle: string | null;
  regionName: string | null;
  igedName: string | null;
  responsible: string | null;
  /** Participants of an event, attendees of an advisory. */
  participants: number | null;
  /** The modality of an advisory, the macroregion and place of an event, the stage and status of a transfer. */
  detail: string;
}

const limaDay = (iso: string) => todayInLima(new Date(iso));

/**
 * One row per activity of the year, counted as the dashboard counts them: advisories held, events
 * that took place, challenges and initiatives taken into accompaniment, and transfer processes
 * active in the year (accepted, not declined or closed before it).
 */
export async function listActivitiesForExport(year: number, db: DB = getDb()): Promise<ActivityExportRow[]> {
  const { start, end } = limaYearBounds(year);
  const [advisories, events, accompaniments, transfers] = await Promise.all([
    db
      .selectFrom("advisories")
      .innerJoin("practices", "practices.id", "advisories.practiceId")
      .innerJoin("regions", "regions.id", "practices.regionId")
      .innerJoin("igeds", "igeds.id", "practices.leadIgedId")
      .leftJoin("users as advisor", "advisor.id", "advisories.advisorId")
      .select([
        "advisories.type",
        "advisories.topic",
        "advisories.startsAt",
        "advisories.modality",
        "practices.title as practiceTitle",
        "regions.name as regionName",
        "igeds.name as igedName",
        "advisor.name as advisorName",
        (eb) =>
          eb
            .selectFrom("advisoryAttendees")
            .select((e) => e.fn.countAll<number>().as("n"))
            .whereRef("advisoryAttendees.advisoryId", "=", "advisories.id")
            .where("advisoryAttendees.attended", "=", 1)
            .as("attendees"),
      ])
      .where("advisories.status", "=", "realizada")
      .where("advisories.startsAt", ">=", start)
      .where("advisories.startsAt", "<", end)
      .execute(),
    db
      .selectFrom("events")
      .leftJoin("regions", "regions.id", "events.hostRegionId")
      .leftJoin("macroregions", "macroregions.id", "events.macroregionId")
      .select([
        "events.type",
        "events.title",
        "events.startsOn",
        "events.place",
        "regions.name as regionName",
        "macroregions.name as macroregionName",
        (eb) =>
          eb
            .selectFrom("eventRegistrations")
            .select((e) => e.fn.countAll<number>().as("n"))
            .whereRef("eventRegistrations.eventId", "=", "events.id")
            .where("eventRegistrations.attended", "=", 1)
            .as("attendees"),
      ])
      .where("events.startsOn", ">=", `${year}-01-01`)
      .where("events.startsOn", "<=", `${year}-12-31`)
      .where("events.startsOn", "<=", todayInLima())
      .execute(),
    db
      .selectFrom("wallPosts")
      .innerJoin("regions", "regions.id", "wallPosts.regionId")
      .leftJoin("igeds", "igeds.id", "wallPosts.igedId")
      .leftJoin("users as difoca", "difoca.id", "wallPosts.accompaniedBy")
      .select(["wallPosts.kind", "wallPosts.title", "wallPosts.accompaniedAt", "wallPosts.status", "regions.name as regionName", "igeds.name as igedName", "difoca.name as accompaniedByName"])
      .where("wallPosts.accompaniedAt", ">=", start)
      .where("wallPosts.accompaniedAt", "<", end)
      .where("wallPosts.hiddenAt", "is", null)
      .execute(),
    db
      .selectFrom("transfers")
      .innerJoin("practices", "practices.id", "transfers.practiceId")
      .innerJoin("igeds as receiving", "receiving.id", "transfers.receivingIgedId")
      .innerJoin("regions as receivingRegion", "receivingRegion.id", "transfers.receivingRegionId")
      .innerJoin("igeds as source", "source.id", "transfers.sourceIgedId")
      .select([
        "transfers.createdAt",
        "transfers.stage",
        "transfers.status",
        "practices.title as practiceTitle",
        "receiving.name as receivingIgedName",
        "receivingRegion.name as receivingRegionName",
        "source.name as sourceIgedName",
      ])
      .where(transferActiveInYear(year))
      .execute(),
  ]);

  const rows: ActivityExportRow[] = [
    ...advisories.map((a) => ({
      date: limaDay(a.startsAt!),
      kind: `advisory_${a.type}` as const,
      title: a.topic,
      practiceTitle: a.practiceTitle,
      regionName: a.regionName,
      igedName: a.igedName,
      responsible: a.advisorName,
      participants: Number(a.attendees ?? 0),
      detail: a.modality === "virtual" ? "Virtual" : "Presencial",
    })),
    ...events.map((e) => ({
      date: e.startsOn,
      kind: `event_${e.type}` as const,
      title: e.title,
      practiceTitle: null,
      regionName: e.regionName,
      igedName: null,
      responsible: null,
      participants: Number(e.attendees ?? 0),
      detail: [e.macroregionName ? `Macrorregión ${e.macroregionName}` : "", e.place].filter(Boolean).join(" · "),
    })),
    ...accompaniments.map((p) => ({
      date: limaDay(p.accompaniedAt!),
      kind: `accompaniment_${p.kind}` as const,
      title: p.title,
      practiceTitle: null,
      regionName: p.regionName,
      igedName: p.igedName,
      responsible: p.accompaniedByName,
      participants: null,
      detail: "",
    })),
    ...transfers.map((t) => ({
      date: limaDay(t.createdAt),
      kind: "transfer" as const,
      title: `Transferencia de ${t.sourceIgedName} a ${t.receivingIgedName}`,
      practiceTitle: t.practiceTitle,
      regionName: t.receivingRegionName,
      igedName: t.receivingIgedName,
      responsible: null,
      participants: null,
      detail: `Etapa ${TRANSFER_STAGE_LABELS[t.stage].toLowerCase()} · ${TRANSFER_STATUS_LABELS[t.status]}`,
    })),
  ];
  return rows.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title, "es"));
}

// ---------------------------------------------------------------------------------------------
// Advisories

export interface AdvisoryExportRow {
  id: number;
  type: AdvisoryType;
  status: AdvisoryStatus;
  practiceTitle: string;
  regionName: string;
  igedName: string;
  topic: string;
  modality: "virtual" | "presencial";
  advisorName: string | null;
  requestedByName: string;
  createdAt: string;
  startsAt: string | null;
  endsAt: string | null;
  seriesTitle: string | null;
  transferReceivingIged: string | null;
  attendees: number;
  commitments: number;
  commitmentsDone: number;
}

/** The advisories of a year: those scheduled in it, and those asked for in it that have no date yet. */
export async function listAdvisoriesForExport(year: number, db: DB = getDb()): Promise<AdvisoryExportRow[]> {
  const { start, end } = limaYearBounds(year);
  const rows = await db
    .selectFrom("advisories")
    .innerJoin("practices", "practices.id", "advisories.practiceId")
    .innerJoin("regions", "regions.id", "practices.regionId")
    .innerJoin("igeds", "igeds.id", "practices.leadIgedId")
    .innerJoin("users as requester", "requester.id", "advisories.requestedBy")
    .leftJoin("users as advisor", "advisor.id", "advisories.advisorId")
    .leftJoin("transfers", "transfers.id", "advisories.transferId")
    .leftJoin("igeds as receiving", "receiving.id", "transfers.receivingIgedId")
    .select([
      "advisories.id",
      "advisories.type",
      "advisories.status",
      "advisories.topic",
      "advisories.modality",
      "advisories.createdAt",
      "advisories.startsAt",
      "advisories.endsAt",
      "advisories.seriesTitle",
      "practices.title as practiceTitle",
      "regions.name as regionName",
      "igeds.name as igedName",
      "requester.name as requestedByName",
      "advisor.name as advisorName",
      "receiving.name as transferReceivingIged",
      (eb) =>
        eb
          .selectFrom("advisoryAttendees")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("advisoryAttendees.advisoryId", "=", "advisories.id")
          .where("advisoryAttendees.attended", "=", 1)
          .as("attendees"),
      (eb) =>
        eb
          .selectFrom("advisoryCommitments")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("advisoryCommitments.advisoryId", "=", "advisories.id")
          .as("commitments"),
      (eb) =>
        eb
          .selectFrom("advisoryCommitments")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("advisoryCommitments.advisoryId", "=", "advisories.id")
          .where("advisoryCommitments.doneAt", "is not", null)
          .as("commitmentsDone"),
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb("advisories.startsAt", ">=", start), eb("advisories.startsAt", "<", end)]),
        eb.and([eb("advisories.startsAt", "is", null), eb("advisories.createdAt", ">=", start), eb("advisories.createdAt", "<", end)]),
      ]),
    )
    .orderBy(sql`coalesce(advisories.starts_at, advisories.created_at)`)
    .orderBy("advisories.id")
    .execute();
  return rows.map((r) => ({ ...r, attendees: Number(r.attendees ?? 0), commitments: Number(r.commitments ?? 0), commitmentsDone: Number(r.commitmentsDone ?? 0) }));
}

// ---------------------------------------------------------------------------------------------
// Transfers

export interface TransferExportRow {
  id: number;
  practiceTitle: string;
  sourceIgedName: string;
  sourceRegionName: string;
  receivingIgedName: string;
  receivingRegionName: string;
  stage: TransferStage;
  status: TransferStatus;
  statusReason: string | null;
  requestedByName: string;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  advisories: number;
}

/** Every transfer open at some point of a year (requested before its end, not ended before its start), declined ones too. */
export async function listTransfersForExport(year: number, db: DB = getDb()): Promise<TransferExportRow[]> {
  const rows = await db
    .selectFrom("transfers")
    .innerJoin("practices", "practices.id", "transfers.practiceId")
    .innerJoin("igeds as sourceIged", "sourceIged.id", "transfers.sourceIgedId")
    .innerJoin("regions as sourceRegion", "sourceRegion.id", "transfers.sourceRegionId")
    .innerJoin("igeds as receivingIged", "receivingIged.id", "transfers.receivingIgedId")
    .innerJoin("regions as receivingRegion", "receivingRegion.id", "transfers.receivingRegionId")
    .innerJoin("users as requester", "requester.id", "transfers.requestedBy")
    .select([
      "transfers.id",
      "practices.title as practiceTitle",
      "sourceIged.name as sourceIgedName",
      "sourceRegion.name as sourceRegionName",
      "receivingIged.name as receivingIgedName",
      "receivingRegion.name as receivingRegionName",
      "transfers.stage",
      "transfers.status",
      "transfers.statusReason",
      "requester.name as requestedByName",
      "transfers.createdAt",
      "transfers.updatedAt",
      "transfers.completedAt",
      (eb) =>
        eb
          .selectFrom("advisories")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("advisories.transferId", "=", "transfers.id")
          .where("advisories.status", "=", "realizada")
          .as("advisories"),
    ])
    .where(transferOpenInYear(year))
    .orderBy("transfers.createdAt")
    .orderBy("transfers.id")
    .execute();
  return rows.map((r) => ({ ...r, advisories: Number(r.advisories ?? 0) }));
}

// ---------------------------------------------------------------------------------------------
// Event attendance

export interface AttendanceExportRow {
  eventId: number;
  eventTitle: string;
  eventType: EventType;
  startsOn: string;
  endsOn: string;
  memberName: string;
  email: string;
  position: string;
  igedName: string | null;
  igedType: IgedType | null;
  regionName: string | null;
  status: RegistrationStatus;
  attended: boolean;
  attendanceSource: "lista" | "codigo" | null;
  registeredAt: string;
}

/** One row per registration to the events of a year (or to one event), by event date and member name. */
export async function listAttendanceForExport(filter: { year: number } | { eventId: number }, db: DB = getDb()): Promise<AttendanceExportRow[]> {
  let query = db
    .selectFrom("eventRegistrations")
    .innerJoin("events", "events.id", "eventRegistrations.eventId")
    .innerJoin("users", "users.id", "eventRegistrations.userId")
    .leftJoin("igeds", "igeds.id", "users.igedId")
    .leftJoin("regions", "regions.id", "igeds.regionId")
    .select([
      "events.id as eventId",
      "events.title as eventTitle",
      "events.type as eventType",
      "events.startsOn",
      "events.endsOn",
      "users.name as memberName",
      "users.email",
      "users.position",
      "igeds.name as igedName",
      "igeds.type as igedType",
      "regions.name as regionName",
      "eventRegistrations.status",
      "eventRegistrations.attended",
      "eventRegistrations.attendanceSource",
      "eventRegistrations.registeredAt",
    ]);
  query =
    "eventId" in filter
      ? query.where("events.id", "=", filter.eventId)
      : query.where("events.startsOn", ">=", `${filter.year}-01-01`).where("events.startsOn", "<=", `${filter.year}-12-31`);
  const rows = await query.orderBy("events.startsOn").orderBy("events.id").orderBy("users.name").orderBy("users.id").execute();
  return rows.map((r) => ({ ...r, attended: r.attended === 1 }));
}

/** Whether an event exists, for a download of its attendance. */
export async function eventExists(eventId: number, db: DB = getDb()): Promise<boolean> {
  return Boolean(await db.selectFrom("events").select("id").where("id", "=", eventId).executeTakeFirst());
}
