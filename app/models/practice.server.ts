// Good practices (BPGE): creating and editing them, their team, IGEDs and contacts, the review
// (submit, return, publish), archiving, and the text's revision history.
import type { PracticeEventType, PracticeStatus, Stage } from "../../db/schema";
import { nowIso } from "~/utils/dates";
import { getDb, writeTransaction, type DB } from "~/utils/db.server";
import { indexPractice } from "~/utils/search.server";
import { slugify } from "~/utils/slug";

export type { PracticeStatus, Stage } from "../../db/schema";

export const STAGES: readonly Stage[] = ["inicial", "intermedio", "avanzado"];
export const STAGE_LABELS: Record<Stage, string> = { inicial: "Inicial", intermedio: "Intermedio", avanzado: "Avanzado" };
export const STATUS_LABELS: Record<PracticeStatus, string> = {
  borrador: "Borrador",
  en_revision: "En revisión",
  publicada: "Publicada",
  archivada: "Archivada",
};

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

export async function getPracticeCore(id: number, db: DB = getDb()): Promise<PracticeCore | undefined> {
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

async function uniqueSlug(title: string, db: DB): Promise<string> {
  const base = slugify(title).slice(0, 80).replace(/-+$/, "") || "practica";
  let slug = base;
  for (let n = 2; ; n++) {
    const taken = await db.selectFrom("practices").select("id").where("slug", "=", slug).executeTakeFirst();
    if (!taken) return slug;
    slug = `${base}-${n}`;
  }
}

async function regionOfIged(igedId: number, db: DB): Promise<number> {
  const row = await db.selectFrom("igeds").select("regionId").where("id", "=", igedId).executeTakeFirstOrThrow();
  return row.regionId;
}

/** Creates a draft; its author is the first member of its team. */
export async function createPractice(input: PracticeText & { authorId: number }, db: DB = getDb()): Promise<PracticeCore> {
  return writeTransaction(db, async (trx) => {
    const now = nowIso();
    const slug = await uniqueSlug(input.title, trx);
    const row = await trx
      .insertInto("practices")
      .values({
        slug,
        title: input.title,
        summary: input.summary,
        thematicLineId: input.thematicLineId,
        regionId: await regionOfIged(input.leadIgedId, trx),
        leadIgedId: input.leadIgedId,
        startYear: input.startYear,
        vigente: input.vigente ? 1 : 0,
        problem: input.problem,
        strategy: input.strategy,
        results: input.results,
        lessons: input.lessons,
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
    await recordPracticeEvent({ practiceId: row.id, type: "created", actorId: input.authorId }, trx);
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
    const after = {
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
export async function submitPractice(input: { practiceId: number; actorId: number }, db: DB = getDb()): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const now = nowIso();
    const result = await trx
      .updateTable("practices")
      .set({ status: "en_revision", submittedAt: now, updatedAt: now })
      .where("id", "=", input.practiceId)
      .where("status", "=", "borrador")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await recordPracticeEvent({ practiceId: input.practiceId, type: "submitted", actorId: input.actorId }, trx);
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
    return true;
  });
}
