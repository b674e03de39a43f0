// Structured expert feedback on a practice (aspecto clave, oportunidades de mejora,
// recomendaciones para la sostenibilidad y réplica) and the team's follow-up of each opportunity.
import { awardPoints } from "~/models/points.server";
import { notifyPracticeTeam } from "~/models/practice.server";
import { nowIso } from "~/utils/dates";
import { cachedAggregate } from "~/utils/cache.server";
import { getDb, writeTransaction, type DB } from "~/utils/db.server";

export interface NewFeedback {
  practiceId: number;
  authorId: number;
  /** Markdown. */
  keyAspects: string;
  opportunities: string[];
  recommendations: string[];
  /** YYYY-MM-DD: the day the expert gave it, which may precede its entry here. */
  givenOn: string;
  /** The event where it was given (a commentator at an exchange), if any. */
  eventId?: number | null;
}

/** Saves the feedback and its items, in the order the expert wrote them, as one write. */
export async function giveFeedback(input: NewFeedback, db: DB = getDb()): Promise<number> {
  return writeTransaction(db, async (trx) => {
    const row = await trx
      .insertInto("practiceFeedback")
      .values({
        practiceId: input.practiceId,
        authorId: input.authorId,
        keyAspects: input.keyAspects,
        givenOn: input.givenOn,
        eventId: input.eventId ?? null,
        createdAt: nowIso(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const items = [
      ...input.opportunities.map((text, position) => ({ feedbackId: row.id, kind: "oportunidad" as const, position, text })),
      ...input.recommendations.map((text, position) => ({ feedbackId: row.id, kind: "recomendacion" as const, position, text })),
    ];
    if (items.length > 0) await trx.insertInto("feedbackItems").values(items).execute();
    // An expert on the practice's own team earns nothing for commenting on it.
    const team = await trx.selectFrom("practiceTeam").select("userId").where("practiceId", "=", input.practiceId).execute();
    await awardPoints(
      {
        userId: input.authorId,
        action: "feedback_given",
        subjectType: "feedback",
        subjectId: row.id,
        key: `feedback_given:${row.id}:${input.authorId}`,
        subjectOwnerIds: team.map((m) => m.userId),
        actorId: input.authorId,
      },
      trx,
    );
    const author = await trx.selectFrom("users").select("name").where("id", "=", input.authorId).executeTakeFirst();
    await notifyPracticeTeam(
      input.practiceId,
      {
        type: "feedback_received",
        title: (t) => `${author?.name ?? "Un experto"} dejó retroalimentación para «${t}»`,
        anchor: "#retroalimentacion",
      },
      trx,
    );
    return row.id;
  });
}

export interface FeedbackOpportunity {
  id: number;
  text: string;
  addressedAt: string | null;
  addressedByName: string | null;
  addressedNote: string | null;
}

export interface FeedbackRecommendation {
  id: number;
  text: string;
}

export interface FeedbackItem {
  id: number;
  kind: "oportunidad" | "recomendacion";
  position: number;
  text: string;
  addressedAt: string | null;
  addressedByName: string | null;
  addressedNote: string | null;
}

export interface FeedbackEntry {
  id: number;
  authorId: number;
  authorName: string;
  authorPosition: string;
  /** Markdown; render it with renderMarkdown before it reaches a page. */
  keyAspects: string;
  givenOn: string;
  createdAt: string;
  opportunities: FeedbackOpportunity[];
  recommendations: FeedbackRecommendation[];
  /** Every item of both lists, opportunities first, each list in the expert's order. */
  items: FeedbackItem[];
}

/** Kept in memory until the data changes, like every read of a practice's public page (ADR 016). */
export function listFeedbackForPractice(practiceId: number, db: DB = getDb()): Promise<FeedbackEntry[]> {
  return cachedAggregate(`practice-feedback:${practiceId}`, () => readFeedbackForPractice(practiceId, db), db);
}

/** A practice's feedback in the order it was given (oldest first), each with its items in the expert's order. */
async function readFeedbackForPractice(practiceId: number, db: DB): Promise<FeedbackEntry[]> {
  const rows = await db
    .selectFrom("practiceFeedback")
    .innerJoin("users", "users.id", "practiceFeedback.authorId")
    .select([
      "practiceFeedback.id",
      "practiceFeedback.authorId",
      "users.name as authorName",
      "users.position as authorPosition",
      "practiceFeedback.keyAspects",
      "practiceFeedback.givenOn",
      "practiceFeedback.createdAt",
    ])
    .where("practiceFeedback.practiceId", "=", practiceId)
    .orderBy("practiceFeedback.givenOn")
    .orderBy("practiceFeedback.id")
    .execute();
  if (rows.length === 0) return [];

  const items = await db
    .selectFrom("feedbackItems")
    .leftJoin("users", "users.id", "feedbackItems.addressedBy")
    .select([
      "feedbackItems.id",
      "feedbackItems.feedbackId",
      "feedbackItems.kind",
      "feedbackItems.position",
      "feedbackItems.text",
      "feedbackItems.addressedAt",
      "feedbackItems.addressedNote",
      "users.name as addressedByName",
    ])
    .where(
      "feedbackItems.feedbackId",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("feedbackItems.feedbackId")
    .orderBy("feedbackItems.kind")
    .orderBy("feedbackItems.position")
    .execute();

  return rows.map((row) => {
    const own = items.filter((item) => item.feedbackId === row.id);
    return {
      ...row,
      opportunities: own
        .filter((item) => item.kind === "oportunidad")
        .map((item) => ({
          id: item.id,
          text: item.text,
          addressedAt: item.addressedAt,
          addressedByName: item.addressedAt ? item.addressedByName : null,
          addressedNote: item.addressedNote,
        })),
      recommendations: own.filter((item) => item.kind === "recomendacion").map((item) => ({ id: item.id, text: item.text })),
      items: own.map(({ feedbackId: _f, addressedByName, ...item }) => ({ ...item, addressedByName: item.addressedAt ? addressedByName : null })),
    };
  });
}

/**
 * Marks an opportunity of improvement as addressed (with what the team did) or reopens it. Only
 * opportunities of this practice's feedback qualify: anything else answers false.
 */
export async function setOpportunityAddressed(
  input: { itemId: number; practiceId: number; userId: number; addressed: boolean; note: string },
  db: DB = getDb(),
): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const item = await trx
      .selectFrom("feedbackItems")
      .innerJoin("practiceFeedback", "practiceFeedback.id", "feedbackItems.feedbackId")
      .select("feedbackItems.id")
      .where("feedbackItems.id", "=", input.itemId)
      .where("feedbackItems.kind", "=", "oportunidad")
      .where("practiceFeedback.practiceId", "=", input.practiceId)
      .executeTakeFirst();
    if (!item) return false;
    await trx
      .updateTable("feedbackItems")
      .set(
        input.addressed
          ? { addressedAt: nowIso(), addressedBy: input.userId, addressedNote: input.note }
          : // Reopening keeps nothing of the earlier note: the plan starts again.
            { addressedAt: null, addressedBy: null, addressedNote: null },
      )
      .where("id", "=", item.id)
      .execute();
    return true;
  });
}

export async function countFeedback(practiceId: number, db: DB = getDb()): Promise<number> {
  const row = await db
    .selectFrom("practiceFeedback")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("practiceId", "=", practiceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
