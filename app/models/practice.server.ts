// Good practices (BPGE): creating and editing them, their team, IGEDs and contacts, the review
// (submit, return, publish), archiving, and the text's revision history.
import { sql } from "kysely";
import type { PracticeEventType, PracticeStatus, Stage } from "../../db/schema";
import { awardPoints, awardRepeatablePoints, reverseSubjectPoints } from "~/models/points.server";
import { regionIdBySlug, regionIdsOfMacroregion } from "~/models/region.server";
import { thematicLineIdBySlug } from "~/models/thematic-line.server";
import { nowIso } from "~/utils/dates";
import type { NotificationType } from "~/utils/notification-types";
import { notify } from "~/models/notification.server";
import { cachedAggregate } from "~/utils/cache.server";
import { getDb, writeTransaction, type DB } from "~/utils/db.server";
import { indexPractice, practiceMatches, toMatchQuery } from "~/utils/search.server";
import { STAGE_LABELS, STAGES, type CatalogSort } from "~/utils/practice-labels";
import { slugify } from "~/utils/slug";

export type { PracticeStatus, Stage } from "../../db/schema";

export { CATALOG_SORTS, STAGE_LABELS, STAGES, STATUS_LABELS, type CatalogSort } from "~/utils/practice-labels";

/** The fields a team writes. */
export interface PracticeText {
  title: string;
  summary: string;
  thematicLineId: number | null;
  leadIgedId: number;
  otherIgedIds: number[];
  startYear: number | null;
  vigente: boolean;
  problem: string;
  strategy: string;
  results: string;
  lessons: string;
}

export const TEXT_FIELDS = ["title", "summary", "problem", "strategy", "results", "lessons"] as const;

export interface PracticeCore {
  id: number;
  slug: string;
  title: string;
  status: PracticeStatus;
  stage: Stage;
}

export async function getPracticeCoreBySlug(slug: string, db: DB = getDb()): Promise<PracticeCore | undefined> {
  return db.selectFrom("practices").select(["id", "slug", "title", "status", "stage"]).where("slug", "=", slug).executeTakeFirst();
}

/** Kept in memory until the data changes, like every read of a practice's public page (ADR 016). */
export function getPracticeCore(id: number, db: DB = getDb()): Promise<PracticeCore | undefined> {
  return cachedAggregate(`practice-core:${id}`, () => readPracticeCore(id, db), db);
}

async function readPracticeCore(id: number, db: DB): Promise<PracticeCore | undefined> {
  return db.selectFrom("practices").select(["id", "slug", "title", "status", "stage"]).where("id", "=", id).executeTakeFirst();
}

/** Appends to a practice's history (review decisions, stage moves). */
export async function recordPracticeEvent(
  event: { practiceId: number; type: PracticeEventType; actorId: number | null; note?: string; fromStage?: Stage | null; toStage?: Stage | null; at?: string },
  db: DB = getDb(),
): Promise<void> {
  await db
    .insertInto("practiceEvents")
    .values({
      practiceId: event.practiceId,
      type: event.type,
      actorId: event.actorId,
      note: event.note ?? "",
      fromStage: event.fromStage ?? null,
      toStage: event.toStage ?? null,
      createdAt: event.at ?? nowIso(),
    })
    .execute();
}

/** Tells every active member of a practice's team what happened to it, in the caller's transaction. */
export async function notifyPracticeTeam(
  practiceId: number,
  message: { type: NotificationType; title: (practiceTitle: string) => string; body?: string; anchor?: string },
  db: DB = getDb(),
): Promise<void> {
  const practice = await db.selectFrom("practices").select(["title", "slug"]).where("id", "=", practiceId).executeTakeFirst();
  if (!practice) return;
  const team = await activeTeamIds(practiceId, db);
  await notify(
    team.map((userId) => ({
      userId,
      type: message.type,
      title: message.title(practice.title),
      body: message.body ?? "",
      link: `/practicas/${practice.slug}${message.anchor ?? ""}`,
    })),
    db,
  );
}

async function uniqueSlug(title: string, db: DB): Promise<string> {
  const base = slugify(title).slice(0, 80).replace(/-+$/, "") || "practica";
  let slug = base;
  for (let n = 2; ; n++) {
    const taken = await db.selectFrom("practices").select("id").where("slug", "=", slug).executeTakeFirst();
    if (!taken) return slug;
    slug = `${base}-${n}`;
  }
}

/** The practice's own columns as the team writes them (other IGEDs live in their own table). */
function textColumns(input: PracticeText) {
  return {
    title: input.title,
    summary: input.summary,
    thematicLineId: input.thematicLineId,
    leadIgedId: input.leadIgedId,
    startYear: input.startYear,
    vigente: input.vigente ? 1 : 0,
    problem: input.problem,
    strategy: input.strategy,
    results: input.results,
    lessons: input.lessons,
  };
}

async function regionOfIged(igedId: number, db: DB): Promise<number> {
  const row = await db.selectFrom("igeds").select("regionId").where("id", "=", igedId).executeTakeFirstOrThrow();
  return row.regionId;
}

/** Creates a draft; its author is the first member of its team. `at` dates it (for imported history). */
export async function createPractice(input: PracticeText & { authorId: number; at?: string }, db: DB = getDb()): Promise<PracticeCore> {
  return writeTransaction(db, async (trx) => {
    const now = input.at ?? nowIso();
    const slug = await uniqueSlug(input.title, trx);
    const row = await trx
      .insertInto("practices")
      .values({
        slug,
        ...textColumns(input),
        regionId: await regionOfIged(input.leadIgedId, trx),
        status: "borrador",
        stage: "inicial",
        createdBy: input.authorId,
        createdAt: now,
        updatedAt: now,
      })
      .returning(["id", "slug", "title", "status", "stage"])
      .executeTakeFirstOrThrow();
    await setOtherIgeds(row.id, input.otherIgedIds.filter((id) => id !== input.leadIgedId), trx);
    await trx.insertInto("practiceTeam").values({ practiceId: row.id, userId: input.authorId, addedAt: now }).execute();
    await recordPracticeEvent({ practiceId: row.id, type: "created", actorId: input.authorId, at: now }, trx);
    return row;
  });
}

async function setOtherIgeds(practiceId: number, igedIds: number[], db: DB): Promise<void> {
  await db.deleteFrom("practiceIgeds").where("practiceId", "=", practiceId).execute();
  const unique = [...new Set(igedIds)];
  if (unique.length > 0) {
    await db.insertInto("practiceIgeds").values(unique.map((igedId) => ({ practiceId, igedId }))).execute();
  }
}

/**
 * Saves a new version of the text and keeps what changed (who, when, before and after) in the
 * revision history. Published practices stay in the search index.
 */
export async function updatePractice(
  input: PracticeText & { practiceId: number; editorId: number },
  db: DB = getDb(),
): Promise<void> {
  await writeTransaction(db, async (trx) => {
    const before = await trx.selectFrom("practices").selectAll().where("id", "=", input.practiceId).executeTakeFirstOrThrow();
    const beforeIgeds = (await trx.selectFrom("practiceIgeds").select("igedId").where("practiceId", "=", input.practiceId).execute())
      .map((r) => r.igedId)
      .sort((a, b) => a - b);
    const after = textColumns(input);
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const [key, value] of Object.entries(after)) {
      const old = before[key as keyof typeof before];
      if (old !== value) changes[key] = { before: old, after: value };
    }
    const afterIgeds = [...new Set(input.otherIgedIds.filter((id) => id !== input.leadIgedId))].sort((a, b) => a - b);
    if (beforeIgeds.join(",") !== afterIgeds.join(",")) changes.otherIgedIds = { before: beforeIgeds, after: afterIgeds };
    if (Object.keys(changes).length === 0) return;

    const now = nowIso();
    await trx
      .updateTable("practices")
      .set({ ...after, regionId: await regionOfIged(input.leadIgedId, trx), updatedAt: now })
      .where("id", "=", input.practiceId)
      .execute();
    await setOtherIgeds(input.practiceId, afterIgeds, trx);
    await trx
      .insertInto("practiceRevisions")
      .values({ practiceId: input.practiceId, editorId: input.editorId, changes: JSON.stringify(changes), createdAt: now })
      .execute();
    if (before.status === "publicada" || before.status === "archivada") await indexPractice(input.practiceId, trx);
  });
}

/** The team sends a draft (or a returned practice) to DIFOCA's review queue. */
export async function submitPractice(input: { practiceId: number; actorId: number; at?: string }, db: DB = getDb()): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const now = input.at ?? nowIso();
    const result = await trx
      .updateTable("practices")
      .set({ status: "en_revision", submittedAt: now, updatedAt: now })
      .where("id", "=", input.practiceId)
      .where("status", "=", "borrador")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await recordPracticeEvent({ practiceId: input.practiceId, type: "submitted", actorId: input.actorId, at: now }, trx);
    return true;
  });
}

/** DIFOCA publishes a submitted practice at the stage inicial. */
export async function publishPractice(input: { practiceId: number; actorId: number; note?: string; at?: string }, db: DB = getDb()): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const now = input.at ?? nowIso();
    const result = await trx
      .updateTable("practices")
      .set({ status: "publicada", stage: "inicial", publishedAt: now, stageChangedAt: now, reviewNote: null, updatedAt: now })
      .where("id", "=", input.practiceId)
      .where("status", "=", "en_revision")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await recordPracticeEvent(
      { practiceId: input.practiceId, type: "published", actorId: input.actorId, toStage: "inicial", note: input.note ?? "", at: now },
      trx,
    );
    await indexPractice(input.practiceId, trx);
    // The team is rewarded for DIFOCA's decision: no "own content" rule applies here.
    for (const userId of await activeTeamIds(input.practiceId, trx)) {
      await awardPoints(
        {
          userId,
          action: "practice_published",
          subjectType: "practice",
          subjectId: input.practiceId,
          key: `practice_published:${input.practiceId}:${userId}`,
          occurredAt: now,
          actorId: input.actorId,
        },
        trx,
      );
    }
    await notifyPracticeTeam(input.practiceId, { type: "practice_published", title: (t) => `DIFOCA publicó tu práctica «${t}» en el catálogo` }, trx);
    return true;
  });
}

/** DIFOCA returns a submitted practice to its team with observations the team sees. */
export async function returnPractice(input: { practiceId: number; actorId: number; note: string }, db: DB = getDb()): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const result = await trx
      .updateTable("practices")
      .set({ status: "borrador", reviewNote: input.note, updatedAt: nowIso() })
      .where("id", "=", input.practiceId)
      .where("status", "=", "en_revision")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await recordPracticeEvent({ practiceId: input.practiceId, type: "returned", actorId: input.actorId, note: input.note }, trx);
    await notifyPracticeTeam(
      input.practiceId,
      { type: "practice_returned", title: (t) => `DIFOCA devolvió tu práctica «${t}» con observaciones`, body: input.note },
      trx,
    );
    return true;
  });
}

/** Archived practices leave the catalog (not the web) and can be brought back. */
export async function setPracticeArchived(
  input: { practiceId: number; actorId: number; archived: boolean; note: string },
  db: DB = getDb(),
): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const result = await trx
      .updateTable("practices")
      .set({ status: input.archived ? "archivada" : "publicada", updatedAt: nowIso() })
      .where("id", "=", input.practiceId)
      .where("status", "=", input.archived ? "publicada" : "archivada")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    if (input.archived) {
      // A request to move up cannot stand for a practice that leaves the catalog.
      await trx
        .updateTable("promotionRequests")
        .set({ status: "devuelta", decidedBy: input.actorId, decidedAt: nowIso(), decisionNote: "La práctica se archivó." })
        .where("practiceId", "=", input.practiceId)
        .where("status", "=", "pendiente")
        .execute();
    }
    await recordPracticeEvent(
      { practiceId: input.practiceId, type: input.archived ? "archived" : "unarchived", actorId: input.actorId, note: input.note },
      trx,
    );
    return true;
  });
}

/** Moves a practice to another stage and keeps the decision in its history. */
export async function changePracticeStage(
  input: { practiceId: number; actorId: number; toStage: Stage; note: string; at?: string },
  db: DB = getDb(),
): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const current = await trx.selectFrom("practices").select(["stage", "status"]).where("id", "=", input.practiceId).executeTakeFirst();
    if (!current || current.status !== "publicada" || current.stage === input.toStage) return false;
    const at = input.at ?? nowIso();
    await trx.updateTable("practices").set({ stage: input.toStage, stageChangedAt: at, updatedAt: at }).where("id", "=", input.practiceId).execute();
    const up = STAGES.indexOf(input.toStage) > STAGES.indexOf(current.stage);
    await recordPracticeEvent(
      { practiceId: input.practiceId, type: up ? "promoted" : "demoted", actorId: input.actorId, fromStage: current.stage, toStage: input.toStage, note: input.note, at },
      trx,
    );
    await indexPractice(input.practiceId, trx);
    await settleStagePoints({ practiceId: input.practiceId, actorId: input.actorId, from: current.stage, to: input.toStage, note: input.note, at }, trx);
    await notifyPracticeTeam(
      input.practiceId,
      {
        type: up ? "practice_promoted" : "practice_demoted",
        title: (t) => (up ? `«${t}» pasó al estadio ${input.toStage}` : `«${t}» volvió al estadio ${input.toStage}`),
        body: input.note,
        anchor: "#ruta",
      },
      trx,
    );
    return true;
  });
}

/** The practice's team members whose accounts are active. */
export async function activeTeamIds(practiceId: number, db: DB): Promise<number[]> {
  const rows = await db
    .selectFrom("practiceTeam")
    .innerJoin("users", "users.id", "practiceTeam.userId")
    .select("users.id")
    .where("practiceTeam.practiceId", "=", practiceId)
    .where("users.active", "=", 1)
    .orderBy("practiceTeam.addedAt")
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Points for a stage move: moving up, the team earns the points of each stage reached (both when
 * DIFOCA skips one); moving down, the points of each stage left are taken back from whoever got
 * them. A stage reached again after a demotion earns its points again.
 */
async function settleStagePoints(
  input: { practiceId: number; actorId: number; from: Stage; to: Stage; note: string; at: string },
  trx: DB,
): Promise<void> {
  const fromIndex = STAGES.indexOf(input.from);
  const toIndex = STAGES.indexOf(input.to);
  if (toIndex > fromIndex) {
    const team = await activeTeamIds(input.practiceId, trx);
    for (const stage of STAGES.slice(fromIndex + 1, toIndex + 1)) {
      if (stage === "inicial") continue;
      const action = `practice_promoted_${stage}`;
      for (const userId of team) {
        await awardRepeatablePoints(
          {
            userId,
            action,
            subjectType: "practice",
            subjectId: input.practiceId,
            key: `${action}:${input.practiceId}:${userId}`,
            occurredAt: input.at,
            actorId: input.actorId,
          },
          trx,
        );
      }
    }
  } else {
    for (const stage of STAGES.slice(toIndex + 1, fromIndex + 1)) {
      if (stage === "inicial") continue;
      await reverseSubjectPoints(
        {
          subjectType: "practice",
          subjectId: input.practiceId,
          action: `practice_promoted_${stage}`,
          reason: `La práctica dejó el estadio ${STAGE_LABELS[stage].toLowerCase()}: ${input.note}`,
          actorId: input.actorId,
        },
        trx,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reading practices

export interface CatalogFilters {
  query?: string;
  regionSlug?: string;
  macroregionSlug?: string;
  stage?: Stage;
  lineSlug?: string;
  igedType?: "dre" | "ugel" | "gobierno_local";
  vigente?: boolean;
  includeArchived?: boolean;
  sort?: CatalogSort;
  page?: number;
  pageSize?: number;
}


export interface CatalogItem {
  id: number;
  slug: string;
  title: string;
  summary: string;
  stage: Stage;
  status: PracticeStatus;
  vigente: boolean;
  regionName: string;
  leadIgedName: string;
  thematicLineName: string | null;
  visitCount: number;
  publishedAt: string | null;
  snippet: string | null;
}

/** The public catalog: published (and, on request, archived) practices, filtered, searched, sorted. The same for every
 * reader, so kept in memory until the data changes (ADR 016).
 */
export function listCatalog(filters: CatalogFilters, db: DB = getDb()): ReturnType<typeof readCatalog> {
  return cachedAggregate(`catalog:${JSON.stringify(filters)}`, () => readCatalog(filters, db), db);
}

async function readCatalog(filters: CatalogFilters, db: DB) {
  const pageSize = filters.pageSize ?? 12;
  const page = Math.max(1, filters.page ?? 1);
  const matchQuery = filters.query ? toMatchQuery(filters.query) : null;

  // Filters on practices' own columns (lookups by slug as subqueries): the count reads practices
  // alone, and the page is read in the order of an index, joined to the names it shows only then
  // (ADR 015). With inner joins SQLite started from the 26 regions and sorted every published
  // practice for each page.
  let query = db
    .selectFrom("practices")
    .where("practices.status", "in", filters.includeArchived ? ["publicada", "archivada"] : ["publicada"]);
  // The full-text match runs first, as a subquery joined on the id.
  if (matchQuery) query = query.innerJoin(practiceMatches(matchQuery).as("m"), (join) => join.onRef(sql.ref("m.id"), "=", "practices.id")) as typeof query;
  if (filters.regionSlug) query = query.where("practices.regionId", "=", regionIdBySlug(db, filters.regionSlug));
  if (filters.macroregionSlug) query = query.where("practices.regionId", "in", regionIdsOfMacroregion(db, filters.macroregionSlug));
  if (filters.stage) query = query.where("practices.stage", "=", filters.stage);
  if (filters.lineSlug) query = query.where("practices.thematicLineId", "=", thematicLineIdBySlug(db, filters.lineSlug));
  if (filters.vigente !== undefined) query = query.where("practices.vigente", "=", filters.vigente ? 1 : 0);
  if (filters.igedType) {
    const type = filters.igedType;
    // A practice counts for an IGED type when its lead or any IGED sharing it is of that type.
    query = query.where((eb) =>
      eb.or([
        eb("practices.leadIgedId", "in", eb.selectFrom("igeds").select("igeds.id").where("igeds.type", "=", type)),
        eb.exists(
          eb
            .selectFrom("practiceIgeds")
            .innerJoin("igeds as shared", "shared.id", "practiceIgeds.igedId")
            .select("practiceIgeds.igedId")
            .whereRef("practiceIgeds.practiceId", "=", "practices.id")
            .where("shared.type", "=", type),
        ),
      ]),
    );
  }

  const { total } = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();

  // Every practice has a region and a lead IGED (not null foreign keys): the joins are left joins
  // only so that SQLite reads the practices first, in the page's order.
  let rows = query
    .leftJoin("regions", "regions.id", "practices.regionId")
    .leftJoin("igeds", "igeds.id", "practices.leadIgedId")
    .leftJoin("thematicLines", "thematicLines.id", "practices.thematicLineId")
    .select([
      "practices.id",
      "practices.slug",
      "practices.title",
      "practices.summary",
      "practices.stage",
      "practices.status",
      "practices.vigente",
      "practices.visitCount",
      "practices.publishedAt",
      "regions.name as regionName",
      "igeds.name as leadIgedName",
      "thematicLines.name as thematicLineName",
      matchQuery ? sql<string>`m.snippet`.as("snippet") : sql<null>`null`.as("snippet"),
    ]);
  const sort = filters.sort ?? (matchQuery ? "relevancia" : "recientes");
  if (sort === "relevancia" && matchQuery) rows = rows.orderBy(sql`m.rank`);
  else if (sort === "visitas") rows = rows.orderBy("practices.visitCount", "desc");
  else if (sort === "titulo") rows = rows.orderBy("practices.title");
  else if (sort === "estadio") rows = rows.orderBy(sql`case practices.stage when 'avanzado' then 0 when 'intermedio' then 1 else 2 end`);
  rows = rows.orderBy("practices.publishedAt", "desc").orderBy("practices.id", "desc");

  const items = await rows.limit(pageSize).offset((page - 1) * pageSize).execute();
  return {
    items: items.map((r): CatalogItem => ({ ...r, regionName: r.regionName ?? "", leadIgedName: r.leadIgedName ?? "", vigente: r.vigente === 1 })),
    total: Number(total),
    page,
    pageSize,
    pages: Math.max(1, Math.ceil(Number(total) / pageSize)),
  };
}

export interface PracticeDetail {
  id: number;
  slug: string;
  title: string;
  summary: string;
  status: PracticeStatus;
  stage: Stage;
  vigente: boolean;
  startYear: number | null;
  problem: string;
  strategy: string;
  results: string;
  lessons: string;
  reviewNote: string | null;
  visitCount: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  stageChangedAt: string | null;
  thematicLineId: number | null;
  thematicLineName: string | null;
  regionId: number;
  regionName: string;
  macroregionName: string;
  leadIgedId: number;
  leadIgedName: string;
  leadIgedType: string;
  otherIgeds: { id: number; name: string; type: string }[];
  team: { id: number; name: string; position: string; igedName: string | null }[];
  contacts: { id: number; name: string; role: string; email: string | null; phone: string | null }[];
}

/** Kept in memory until the data changes, like every read of a practice's public page (ADR 016). */
export function getPracticeDetail(slug: string, db: DB = getDb()): Promise<PracticeDetail | undefined> {
  return cachedAggregate(`practice:${slug}`, () => readPracticeDetail(slug, db), db);
}

async function readPracticeDetail(slug: string, db: DB): Promise<PracticeDetail | undefined> {
  const row = await db
    .selectFrom("practices")
    .innerJoin("regions", "regions.id", "practices.regionId")
    .innerJoin("macroregions", "macroregions.id", "regions.macroregionId")
    .innerJoin("igeds", "igeds.id", "practices.leadIgedId")
    .leftJoin("thematicLines", "thematicLines.id", "practices.thematicLineId")
    .select([
      "practices.id",
      "practices.slug",
      "practices.title",
      "practices.summary",
      "practices.status",
      "practices.stage",
      "practices.vigente",
      "practices.startYear",
      "practices.problem",
      "practices.strategy",
      "practices.results",
      "practices.lessons",
      "practices.reviewNote",
      "practices.visitCount",
      "practices.createdAt",
      "practices.updatedAt",
      "practices.publishedAt",
      "practices.stageChangedAt",
      "practices.thematicLineId",
      "thematicLines.name as thematicLineName",
      "practices.regionId",
      "regions.name as regionName",
      "macroregions.name as macroregionName",
      "practices.leadIgedId",
      "igeds.name as leadIgedName",
      "igeds.type as leadIgedType",
    ])
    .where("practices.slug", "=", slug)
    .executeTakeFirst();
  if (!row) return undefined;
  const [otherIgeds, team, contacts] = await Promise.all([
    db
      .selectFrom("practiceIgeds")
      .innerJoin("igeds", "igeds.id", "practiceIgeds.igedId")
      .select(["igeds.id", "igeds.name", "igeds.type"])
      .where("practiceIgeds.practiceId", "=", row.id)
      .orderBy("igeds.name")
      .execute(),
    db
      .selectFrom("practiceTeam")
      .innerJoin("users", "users.id", "practiceTeam.userId")
      .leftJoin("igeds", "igeds.id", "users.igedId")
      .select(["users.id", "users.name", "users.position", "igeds.name as igedName"])
      .where("practiceTeam.practiceId", "=", row.id)
      .where("users.active", "=", 1)
      .orderBy("practiceTeam.addedAt")
      .execute(),
    db
      .selectFrom("practiceContacts")
      .select(["id", "name", "role", "email", "phone"])
      .where("practiceId", "=", row.id)
      .orderBy("position")
      .orderBy("id")
      .execute(),
  ]);
  return { ...row, vigente: row.vigente === 1, otherIgeds, team, contacts };
}

export interface PracticeEventView {
  id: number;
  type: PracticeEventType;
  fromStage: Stage | null;
  toStage: Stage | null;
  note: string;
  createdAt: string;
  actorName: string | null;
}

/** Kept in memory until the data changes, like every read of a practice's public page (ADR 016). */
export function listPracticeEvents(practiceId: number, db: DB = getDb()): Promise<PracticeEventView[]> {
  return cachedAggregate(`practice-events:${practiceId}`, () => readPracticeEvents(practiceId, db), db);
}

/** The practice's history, oldest first. */
async function readPracticeEvents(practiceId: number, db: DB): Promise<PracticeEventView[]> {
  return db
    .selectFrom("practiceEvents")
    .leftJoin("users", "users.id", "practiceEvents.actorId")
    .select([
      "practiceEvents.id",
      "practiceEvents.type",
      "practiceEvents.fromStage",
      "practiceEvents.toStage",
      "practiceEvents.note",
      "practiceEvents.createdAt",
      "users.name as actorName",
    ])
    .where("practiceEvents.practiceId", "=", practiceId)
    .orderBy("practiceEvents.createdAt")
    .orderBy("practiceEvents.id")
    .execute();
}

export async function listRevisions(practiceId: number, db: DB = getDb()) {
  const rows = await db
    .selectFrom("practiceRevisions")
    .innerJoin("users", "users.id", "practiceRevisions.editorId")
    .select(["practiceRevisions.id", "practiceRevisions.changes", "practiceRevisions.createdAt", "users.name as editorName"])
    .where("practiceRevisions.practiceId", "=", practiceId)
    .orderBy("practiceRevisions.id", "desc")
    .execute();
  return rows.map((r) => ({ ...r, changes: JSON.parse(r.changes) as Record<string, { before: unknown; after: unknown }> }));
}

/** Practices waiting in DIFOCA's review queue, oldest first. */
export async function listReviewQueue(db: DB = getDb()) {
  return db
    .selectFrom("practices")
    .innerJoin("regions", "regions.id", "practices.regionId")
    .innerJoin("igeds", "igeds.id", "practices.leadIgedId")
    .select(["practices.id", "practices.slug", "practices.title", "practices.submittedAt", "regions.name as regionName", "igeds.name as leadIgedName"])
    .where("practices.status", "=", "en_revision")
    .orderBy("practices.submittedAt")
    .execute();
}

/** Published practices in stage avanzado (the ones that can be transferred), by title. */
export async function listAdvancedPractices(db: DB = getDb()) {
  return db
    .selectFrom("practices")
    .innerJoin("regions", "regions.id", "practices.regionId")
    .innerJoin("igeds", "igeds.id", "practices.leadIgedId")
    .select(["practices.id", "practices.slug", "practices.title", "regions.name as regionName", "igeds.name as leadIgedName"])
    .where("practices.status", "=", "publicada")
    .where("practices.stage", "=", "avanzado")
    .orderBy("practices.title")
    .execute();
}

/** Kept in memory until the data changes, like every read of a member's public profile (ADR 016). */
export function listPracticesOfMember(userId: number, db: DB = getDb()): ReturnType<typeof readPracticesOfMember> {
  return cachedAggregate(`member-practices:${userId}`, () => readPracticesOfMember(userId, db), db);
}

/** The practices whose team a member is on (drafts included). */
async function readPracticesOfMember(userId: number, db: DB = getDb()) {
  return db
    .selectFrom("practiceTeam")
    .innerJoin("practices", "practices.id", "practiceTeam.practiceId")
    .select(["practices.id", "practices.slug", "practices.title", "practices.status", "practices.stage", "practices.reviewNote"])
    .where("practiceTeam.userId", "=", userId)
    .orderBy("practices.updatedAt", "desc")
    .execute();
}

/** A visit to a practice: a visitor (a member id or an anonymous token) on a day in Lima. */
export interface PracticeVisit {
  practiceId: number;
  visitor: string;
  day: string;
}

/** Whether this visitor's visit to the practice on that day is already counted. */
export async function hasVisit(visit: PracticeVisit, db: DB = getDb()): Promise<boolean> {
  const row = await db
    .selectFrom("practiceVisits")
    .select("practiceId")
    .where("practiceId", "=", visit.practiceId)
    .where("day", "=", visit.day)
    .where("visitor", "=", visit.visitor)
    .executeTakeFirst();
  return row !== undefined;
}

/** Rows per insert: three values each, well under SQLite's and PostgreSQL's parameter limits. */
const VISITS_PER_INSERT = 500;

/**
 * Counts visits, each once per visitor, practice and day, in one transaction: the visits already
 * counted are left out, and each practice's total grows by its new ones. Returns how many were new.
 */
export async function recordVisits(visits: readonly PracticeVisit[], db: DB = getDb()): Promise<number> {
  if (visits.length === 0) return 0;
  return writeTransaction(db, async (trx) => {
    const added = new Map<number, number>();
    for (let i = 0; i < visits.length; i += VISITS_PER_INSERT) {
      const rows = visits.slice(i, i + VISITS_PER_INSERT).map(({ practiceId, visitor, day }) => ({ practiceId, visitor, day }));
      const inserted = await trx
        .insertInto("practiceVisits")
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .returning("practiceId")
        .execute();
      for (const { practiceId } of inserted) added.set(practiceId, (added.get(practiceId) ?? 0) + 1);
    }
    for (const [practiceId, count] of added) {
      await trx
        .updateTable("practices")
        .set((eb) => ({ visitCount: eb("visitCount", "+", count) }))
        .where("id", "=", practiceId)
        .execute();
    }
    return [...added.values()].reduce((sum, count) => sum + count, 0);
  });
}

/** Counts one visit once per visitor and day; true when it was new. */
export async function recordVisit(visit: PracticeVisit, db: DB = getDb()): Promise<boolean> {
  return (await recordVisits([visit], db)) > 0;
}

// ---------------------------------------------------------------------------------------------
// Team and contacts

export async function addTeamMember(input: { practiceId: number; userId: number }, db: DB = getDb()): Promise<void> {
  await db
    .insertInto("practiceTeam")
    .values({ ...input, addedAt: nowIso() })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Removes a member from the team, but never the last one: a practice always has someone to keep it. */
export async function removeTeamMember(input: { practiceId: number; userId: number }, db: DB = getDb()): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const { n } = await trx
      .selectFrom("practiceTeam")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("practiceId", "=", input.practiceId)
      .executeTakeFirstOrThrow();
    if (Number(n) <= 1) return false;
    const result = await trx.deleteFrom("practiceTeam").where("practiceId", "=", input.practiceId).where("userId", "=", input.userId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  });
}

export async function replaceContacts(
  input: { practiceId: number; contacts: { name: string; role: string; email: string | null; phone: string | null }[] },
  db: DB = getDb(),
): Promise<void> {
  await writeTransaction(db, async (trx) => {
    await trx.deleteFrom("practiceContacts").where("practiceId", "=", input.practiceId).execute();
    if (input.contacts.length > 0) {
      await trx
        .insertInto("practiceContacts")
        .values(input.contacts.map((c, position) => ({ ...c, practiceId: input.practiceId, position })))
        .execute();
    }
  });
}
