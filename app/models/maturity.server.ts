// The maturity route (ruta de fortalecimiento): the criteria of each step up, which DIFOCA edits;
// the team's promotion requests with their evidence per criterion; DIFOCA's decisions; and
// stage changes outside a request. Every decision also lands in the practice's history.
import type { Stage } from "../../db/schema";
import { countHeldAdvisories } from "~/models/advisory.server";
import { countFeedback } from "~/models/feedback.server";
import { changePracticeStage, notifyPracticeTeam, recordPracticeEvent, STAGES } from "~/models/practice.server";
import { nowIso } from "~/utils/dates";
import { cachedAggregate } from "~/utils/cache.server";
import { getDb, writeTransaction, type DB } from "~/utils/db.server";

export type TargetStage = "intermedio" | "avanzado";
export type CheckRule = "documented" | "feedback" | "advisory";

/** Rules the platform checks by itself; any other criterion is checked by DIFOCA. */
const CHECK_RULES: readonly CheckRule[] = ["documented", "feedback", "advisory"];

function checkRuleOf(value: string | null): CheckRule | null {
  return (CHECK_RULES as readonly string[]).includes(value ?? "") ? (value as CheckRule) : null;
}

export function nextStage(stage: Stage): TargetStage | null {
  const next = STAGES[STAGES.indexOf(stage) + 1];
  return next === "intermedio" || next === "avanzado" ? next : null;
}

// ---------------------------------------------------------------------------------------------
// Criteria (DIFOCA's editor)

export interface Criterion {
  id: number;
  targetStage: TargetStage;
  title: string;
  description: string;
  position: number;
  active: boolean;
  checkRule: CheckRule | null;
}

export async function listCriteria(options: { includeInactive?: boolean; targetStage?: TargetStage } = {}, db: DB = getDb()): Promise<Criterion[]> {
  let query = db
    .selectFrom("maturityCriteria")
    .select(["id", "targetStage", "title", "description", "position", "active", "checkRule"])
    .orderBy((eb) => eb.case().when("targetStage", "=", "intermedio").then(0).else(1).end())
    .orderBy("position")
    .orderBy("id");
  if (!options.includeInactive) query = query.where("active", "=", 1);
  if (options.targetStage) query = query.where("targetStage", "=", options.targetStage);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, active: r.active === 1, checkRule: checkRuleOf(r.checkRule) }));
}

export interface CriterionInput {
  title: string;
  description: string;
  targetStage: TargetStage;
  position: number;
  active: boolean;
}

function criterionColumns(input: CriterionInput) {
  return {
    title: input.title,
    description: input.description,
    targetStage: input.targetStage,
    position: input.position,
    active: input.active ? 1 : 0,
  };
}

export async function createCriterion(input: CriterionInput, db: DB = getDb()): Promise<number> {
  const row = await db
    .insertInto("maturityCriteria")
    .values({ ...criterionColumns(input), checkRule: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Edits a criterion; its check rule (automatic or not) is not something the editor changes. */
export async function updateCriterion(input: CriterionInput & { id: number }, db: DB = getDb()): Promise<boolean> {
  const result = await db
    .updateTable("maturityCriteria")
    .set(criterionColumns(input))
    .where("id", "=", input.id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// ---------------------------------------------------------------------------------------------
// The status of a practice against the criteria of its next stage

export interface CriterionStatus {
  id: number;
  title: string;
  description: string;
  /** Checked by the platform: `met` says whether it is fulfilled. Manual ones have `met: null`. */
  automatic: boolean;
  met: boolean | null;
}

export interface CriteriaStatus {
  practiceId: number;
  stage: Stage;
  status: string;
  nextStage: TargetStage | null;
  criteria: CriterionStatus[];
  /** Every automatic criterion is met (true when there are none). */
  automaticMet: boolean;
}

async function automaticChecks(practiceId: number, db: DB): Promise<Record<CheckRule, boolean>> {
  const practice = await db
    .selectFrom("practices")
    .select(["problem", "strategy", "results"])
    .where("id", "=", practiceId)
    .executeTakeFirstOrThrow();
  return {
    documented: [practice.problem, practice.strategy, practice.results].every((text) => text.trim().length > 0),
    feedback: (await countFeedback(practiceId, db)) > 0,
    advisory: (await countHeldAdvisories(practiceId, db)) > 0,
  };
}

export async function criteriaStatus(practiceId: number, db: DB = getDb()): Promise<CriteriaStatus | undefined> {
  const practice = await db.selectFrom("practices").select(["id", "stage", "status"]).where("id", "=", practiceId).executeTakeFirst();
  if (!practice) return undefined;
  const target = nextStage(practice.stage);
  if (!target) return { practiceId, stage: practice.stage, status: practice.status, nextStage: null, criteria: [], automaticMet: true };
  const [criteria, checks] = await Promise.all([listCriteria({ targetStage: target }, db), automaticChecks(practiceId, db)]);
  const statuses = criteria.map((c) => ({
    id: c.id,
    title: c.title,
    description: c.description,
    automatic: c.checkRule !== null,
    met: c.checkRule ? checks[c.checkRule] : null,
  }));
  return {
    practiceId,
    stage: practice.stage,
    status: practice.status,
    nextStage: target,
    criteria: statuses,
    automaticMet: statuses.every((s) => !s.automatic || s.met === true),
  };
}

// ---------------------------------------------------------------------------------------------
// Promotion requests

export interface PromotionItemView {
  criterionId: number;
  criterionTitle: string;
  automatic: boolean;
  note: string;
  evidenceId: number | null;
  evidenceTitle: string | null;
}

export interface PendingPromotion {
  id: number;
  practiceId: number;
  targetStage: TargetStage;
  requestedAt: string;
  requestedById: number;
  requestedByName: string;
  items: PromotionItemView[];
}

export interface DecidedPromotion {
  id: number;
  targetStage: TargetStage;
  status: "aprobada" | "devuelta";
  requestedAt: string;
  requestedByName: string;
  decidedAt: string;
  decidedByName: string | null;
  decisionNote: string;
}

async function itemsOf(requestIds: number[], db: DB): Promise<(PromotionItemView & { requestId: number })[]> {
  if (requestIds.length === 0) return [];
  const rows = await db
    .selectFrom("promotionRequestItems")
    .innerJoin("maturityCriteria", "maturityCriteria.id", "promotionRequestItems.criterionId")
    .leftJoin("practiceEvidence", "practiceEvidence.id", "promotionRequestItems.evidenceId")
    .select([
      "promotionRequestItems.requestId",
      "promotionRequestItems.criterionId",
      "maturityCriteria.title as criterionTitle",
      "maturityCriteria.checkRule",
      "promotionRequestItems.note",
      "promotionRequestItems.evidenceId",
      "practiceEvidence.title as evidenceTitle",
    ])
    .where("promotionRequestItems.requestId", "in", requestIds)
    .orderBy("maturityCriteria.position")
    .orderBy("maturityCriteria.id")
    .execute();
  return rows.map(({ checkRule, ...row }) => ({ ...row, automatic: checkRuleOf(checkRule) !== null }));
}

function pendingQuery(db: DB) {
  return db
    .selectFrom("promotionRequests")
    .innerJoin("users", "users.id", "promotionRequests.requestedBy")
    .select([
      "promotionRequests.id",
      "promotionRequests.practiceId",
      "promotionRequests.targetStage",
      "promotionRequests.requestedAt",
      "promotionRequests.requestedBy as requestedById",
      "users.name as requestedByName",
    ])
    .where("promotionRequests.status", "=", "pendiente");
}

/** Kept in memory until the data changes, like every read of a practice's public page (ADR 016). */
export function getPendingPromotion(practiceId: number, db: DB = getDb()): Promise<PendingPromotion | null> {
  return cachedAggregate(`practice-pending-promotion:${practiceId}`, () => readPendingPromotion(practiceId, db), db);
}

async function readPendingPromotion(practiceId: number, db: DB): Promise<PendingPromotion | null> {
  const row = await pendingQuery(db).where("promotionRequests.practiceId", "=", practiceId).executeTakeFirst();
  if (!row) return null;
  const items = await itemsOf([row.id], db);
  return { ...row, items: items.map(({ requestId: _r, ...item }) => item) };
}

/** Kept in memory until the data changes, like every read of a practice's public page (ADR 016). */
export function listPromotionHistory(practiceId: number, db: DB = getDb()): Promise<DecidedPromotion[]> {
  return cachedAggregate(`practice-promotions:${practiceId}`, () => readPromotionHistory(practiceId, db), db);
}

/** Decided requests, newest first, with DIFOCA's comments. */
async function readPromotionHistory(practiceId: number, db: DB): Promise<DecidedPromotion[]> {
  const rows = await db
    .selectFrom("promotionRequests")
    .innerJoin("users as requester", "requester.id", "promotionRequests.requestedBy")
    .leftJoin("users as decider", "decider.id", "promotionRequests.decidedBy")
    .select([
      "promotionRequests.id",
      "promotionRequests.targetStage",
      "promotionRequests.status",
      "promotionRequests.requestedAt",
      "requester.name as requestedByName",
      "promotionRequests.decidedAt",
      "decider.name as decidedByName",
      "promotionRequests.decisionNote",
    ])
    .where("promotionRequests.practiceId", "=", practiceId)
    .where("promotionRequests.status", "!=", "pendiente")
    .orderBy("promotionRequests.decidedAt", "desc")
    .orderBy("promotionRequests.id", "desc")
    .execute();
  return rows.map((r) => ({
    ...r,
    status: r.status as DecidedPromotion["status"],
    decidedAt: r.decidedAt ?? r.requestedAt,
    decisionNote: r.decisionNote ?? "",
  }));
}

export type PromotionRequestResult =
  | { ok: true; requestId: number }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

const NOTE_MIN = 10;

/**
 * The team asks to move up to the next stage, with a note and/or an evidence per manual
 * criterion. Refused when the practice is not published, is already avanzado, has a pending
 * request, or misses an automatic criterion.
 */
export async function requestPromotion(
  input: { practiceId: number; requestedBy: number; items: { criterionId: number; note: string; evidenceId: number | null }[] },
  db: DB = getDb(),
): Promise<PromotionRequestResult> {
  return writeTransaction(db, async (trx) => {
    const status = await criteriaStatus(input.practiceId, trx);
    if (!status) return { ok: false, error: "Esa práctica no existe." };
    if (status.status !== "publicada") return { ok: false, error: "Solo una práctica publicada puede pedir el cambio de estadio." };
    if (!status.nextStage) return { ok: false, error: "La práctica ya está en el estadio avanzado, el último de la ruta." };
    if (await getPendingPromotion(input.practiceId, trx)) {
      return { ok: false, error: "Ya hay una solicitud de cambio de estadio pendiente. Espera la decisión de DIFOCA." };
    }
    const unmet = status.criteria.filter((c) => c.automatic && !c.met);
    if (unmet.length > 0) {
      return {
        ok: false,
        error: `Todavía no se cumple${unmet.length > 1 ? "n" : ""}: ${unmet.map((c) => c.title).join("; ")}. Podrás enviar la solicitud cuando la plataforma lo${unmet.length > 1 ? "s" : ""} verifique.`,
      };
    }

    const evidenceIds = new Set(
      (await trx.selectFrom("practiceEvidence").select("id").where("practiceId", "=", input.practiceId).execute()).map((r) => r.id),
    );
    const given = new Map(input.items.map((item) => [item.criterionId, item]));
    const fieldErrors: Record<string, string> = {};
    const rows = status.criteria.map((criterion) => {
      const item = given.get(criterion.id);
      const note = criterion.automatic ? "" : (item?.note ?? "").trim();
      const evidenceId = criterion.automatic ? null : (item?.evidenceId ?? null);
      if (!criterion.automatic) {
        if (evidenceId !== null && !evidenceIds.has(evidenceId)) fieldErrors[`evidence-${criterion.id}`] = "Elige una evidencia de la lista.";
        else if (evidenceId === null && note.length < NOTE_MIN) {
          fieldErrors[`note-${criterion.id}`] = `Explica cómo la práctica cumple este criterio (al menos ${NOTE_MIN} caracteres) o elige una evidencia.`;
        }
      }
      return { criterionId: criterion.id, note, evidenceId };
    });
    if (Object.keys(fieldErrors).length > 0) {
      return { ok: false, error: "Completa cada criterio con una nota o una evidencia.", fieldErrors };
    }

    const now = nowIso();
    const request = await trx
      .insertInto("promotionRequests")
      .values({
        practiceId: input.practiceId,
        targetStage: status.nextStage,
        status: "pendiente",
        requestedBy: input.requestedBy,
        requestedAt: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (rows.length > 0) await trx.insertInto("promotionRequestItems").values(rows.map((r) => ({ ...r, requestId: request.id }))).execute();
    await recordPracticeEvent(
      { practiceId: input.practiceId, type: "promotion_requested", actorId: input.requestedBy, fromStage: status.stage, toStage: status.nextStage, at: now },
      trx,
    );
    return { ok: true, requestId: request.id };
  });
}

export type PromotionDecisionResult =
  | { ok: true; practiceId: number; targetStage: TargetStage; approved: boolean }
  | { ok: false; error: string };

/**
 * DIFOCA approves a pending request (the practice moves up, in the same write) or returns it with
 * observations the team reads (required).
 */
export async function decidePromotion(
  input: { requestId: number; deciderId: number; approve: boolean; note: string },
  db: DB = getDb(),
): Promise<PromotionDecisionResult> {
  const note = input.note.trim();
  if (!input.approve && note.length === 0) return { ok: false, error: "Escribe las observaciones para el equipo." };
  return writeTransaction(db, async (trx) => {
    const request = await trx
      .selectFrom("promotionRequests")
      .innerJoin("practices", "practices.id", "promotionRequests.practiceId")
      .select(["promotionRequests.id", "promotionRequests.practiceId", "promotionRequests.targetStage", "practices.stage", "practices.status"])
      .where("promotionRequests.id", "=", input.requestId)
      .where("promotionRequests.status", "=", "pendiente")
      .executeTakeFirst();
    if (!request) return { ok: false, error: "Esa solicitud ya fue atendida o no existe." };
    const now = nowIso();
    if (input.approve) {
      if (request.status !== "publicada" || nextStage(request.stage) !== request.targetStage) {
        return { ok: false, error: "El estadio de la práctica cambió desde la solicitud: devuélvela al equipo con tus observaciones." };
      }
      const moved = await changePracticeStage(
        { practiceId: request.practiceId, actorId: input.deciderId, toStage: request.targetStage, note: note || "Solicitud de cambio de estadio aprobada.", at: now },
        trx,
      );
      if (!moved) return { ok: false, error: "No se pudo cambiar el estadio de la práctica." };
    } else {
      await recordPracticeEvent(
        { practiceId: request.practiceId, type: "promotion_returned", actorId: input.deciderId, fromStage: request.stage, toStage: request.targetStage, note, at: now },
        trx,
      );
      await notifyPracticeTeam(
        request.practiceId,
        { type: "promotion_returned", title: (t) => `DIFOCA devolvió la solicitud de cambio de estadio de «${t}»`, body: note, anchor: "#ruta" },
        trx,
      );
    }
    await trx
      .updateTable("promotionRequests")
      .set({ status: input.approve ? "aprobada" : "devuelta", decidedBy: input.deciderId, decidedAt: now, decisionNote: note })
      .where("id", "=", request.id)
      .execute();
    return { ok: true, practiceId: request.practiceId, targetStage: request.targetStage, approved: input.approve };
  });
}

/**
 * DIFOCA moves a practice to another stage outside a request (down, or exceptionally up), with a
 * reason. A pending request cannot outlive the move: it is approved when the practice lands on
 * its target stage, and returned otherwise, with the same reason.
 */
export async function changeStageByReviewer(
  input: { practiceId: number; actorId: number; toStage: Stage; reason: string },
  db: DB = getDb(),
): Promise<boolean> {
  const reason = input.reason.trim();
  if (reason.length === 0) return false;
  return writeTransaction(db, async (trx) => {
    const at = nowIso();
    const moved = await changePracticeStage({ practiceId: input.practiceId, actorId: input.actorId, toStage: input.toStage, note: reason, at }, trx);
    if (!moved) return false;
    const pending = await getPendingPromotion(input.practiceId, trx);
    if (pending) {
      const approved = pending.targetStage === input.toStage;
      await trx
        .updateTable("promotionRequests")
        .set({ status: approved ? "aprobada" : "devuelta", decidedBy: input.actorId, decidedAt: at, decisionNote: reason })
        .where("id", "=", pending.id)
        .execute();
      if (!approved) {
        await recordPracticeEvent(
          { practiceId: input.practiceId, type: "promotion_returned", actorId: input.actorId, toStage: pending.targetStage, note: reason, at },
          trx,
        );
      }
    }
    return true;
  });
}

export interface PendingPromotionInQueue extends PendingPromotion {
  practiceTitle: string;
  practiceSlug: string;
  practiceStage: Stage;
  regionName: string;
}

/** DIFOCA's queue: every pending request, oldest first. */
export async function listPendingPromotions(db: DB = getDb()): Promise<PendingPromotionInQueue[]> {
  const rows = await pendingQuery(db)
    .innerJoin("practices", "practices.id", "promotionRequests.practiceId")
    .innerJoin("regions", "regions.id", "practices.regionId")
    .select(["practices.title as practiceTitle", "practices.slug as practiceSlug", "practices.stage as practiceStage", "regions.name as regionName"])
    .orderBy("promotionRequests.requestedAt")
    .orderBy("promotionRequests.id")
    .execute();
  const items = await itemsOf(
    rows.map((r) => r.id),
    db,
  );
  return rows.map((row) => ({
    ...row,
    items: items.filter((i) => i.requestId === row.id).map(({ requestId: _r, ...item }) => item),
  }));
}
