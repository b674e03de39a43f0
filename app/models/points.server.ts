// Points (puntajes): the append-only ledger, the stored totals kept in the same write, the rules
// DIFOCA edits, reversals, manual adjustments, the recomputation of a period and the check that
// totals equal the ledger. Every feature gives or takes points through this module only.
import { randomUUID } from "node:crypto";
import { sql, type Expression, type Insertable } from "kysely";
import type { PointsLedgerTable } from "../../db/schema";
import { limaMonthOf, NOT_MEMBER_ACTIVITY, recordMemberActivity, refreshMemberActivityMonth } from "~/models/activity.server";
import { checkAutomaticBadges } from "~/models/badge.server";
import { formatDate, nowIso, todayInLima } from "~/utils/dates";
import { cachedAggregate } from "~/utils/cache.server";
import { getDb, writeTransaction, type DB } from "~/utils/db.server";

export const MANUAL_ADJUSTMENT = "manual_adjustment";
export const MANUAL_ADJUSTMENT_LABEL = "Ajuste manual de DIFOCA";

// Kinds of ledger rows, told apart by their unique key. An award is an original row
// (reverses_id null); reversals and recompute corrections point to the row they correct.
const REVERSE_PREFIX = "reverse:";
const RECOMPUTE_PREFIX = "recompute:";

// ---------------------------------------------------------------------------------------------
// Lima days. Peru has kept UTC−5 without daylight saving time since 1994, so a Lima day is a
// fixed 24-hour window of UTC; ISO strings in UTC compare correctly as text.

function limaDay(iso: string): string {
  return todayInLima(new Date(iso));
}

function limaYear(iso: string): number {
  return Number(limaDay(iso).slice(0, 4));
}

/** The UTC instants where a Lima day (YYYY-MM-DD) starts and where the next one starts. */
export function limaDayBounds(day: string): { start: string; end: string } {
  const start = new Date(`${day}T00:00:00.000-05:00`);
  return { start: start.toISOString(), end: new Date(start.getTime() + 24 * 3600 * 1000).toISOString() };
}

function normalizeInstant(iso: string | undefined): string {
  const date = iso === undefined ? new Date() : new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`Invalid occurredAt: ${iso}`);
  return date.toISOString();
}

// ---------------------------------------------------------------------------------------------
// Totals

/** The region of a member's IGED (null without one): the region stored beside their totals. */
function regionOfMember(db: DB, userId: Expression<number> | number) {
  return db
    .selectFrom("users")
    .innerJoin("igeds", "igeds.id", "users.igedId")
    .select("igeds.regionId")
    .where("users.id", "=", userId);
}

/**
 * Adds `delta` to a member's all-time total and to the total of one year, inside the caller's
 * write. A member's first total of a period also records their region, for the ranking by region.
 */
async function addToTotals(trx: DB, userId: number, year: number, delta: number, now: string): Promise<void> {
  if (delta === 0) return;
  await trx
    .insertInto("memberPoints")
    .values({ userId, total: delta, updatedAt: now, regionId: regionOfMember(trx, userId) })
    .onConflict((oc) => oc.column("userId").doUpdateSet((eb) => ({ total: eb("memberPoints.total", "+", delta), updatedAt: now })))
    .execute();
  await trx
    .insertInto("memberPointsYearly")
    .values({ userId, year, points: delta, regionId: regionOfMember(trx, userId) })
    .onConflict((oc) => oc.columns(["userId", "year"]).doUpdateSet((eb) => ({ points: eb("memberPointsYearly.points", "+", delta) })))
    .execute();
}

/**
 * Sets the region stored beside members' totals to the region of their IGED: after an IGED moves
 * to another region (its members, `igedId`), or after totals were written in bulk (everyone).
 */
export async function syncTotalsRegion(db: DB, scope: { igedId: number } | "everyone"): Promise<void> {
  for (const table of ["memberPoints", "memberPointsYearly"] as const) {
    let update = db.updateTable(table).set((eb) => ({ regionId: regionOfMember(db, eb.ref(`${table}.userId`)) }));
    if (scope !== "everyone") {
      const { igedId } = scope;
      update = update.where("userId", "in", (eb) => eb.selectFrom("users").select("users.id").where("users.igedId", "=", igedId));
    }
    await update.execute();
  }
}

/** Inserts a ledger row unless its unique key exists (even one written by another process). */
async function insertLedgerRow(
  trx: DB,
  row: Required<Omit<Insertable<PointsLedgerTable>, "id" | "year" | "createdAt" | "shownAt">>,
  now: string,
): Promise<number | null> {
  const year = limaYear(row.occurredAt);
  // An award appears in the history on the day of what earned it; a correction on the day it was made.
  const shownAt = row.reversesId === null && row.action !== MANUAL_ADJUSTMENT ? row.occurredAt : now;
  const inserted = await trx
    .insertInto("pointsLedger")
    .values({ ...row, year, createdAt: now, shownAt })
    .onConflict((oc) => oc.column("uniqueKey").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return null;
  await addToTotals(trx, row.userId, year, row.points, now);
  // An award or its reversal can make a month of activity or undo it; a recompute correction
  // (reverses_id set, not a reversal) and the recognitions others grant cannot.
  const isReversal = row.uniqueKey.startsWith(REVERSE_PREFIX);
  if (!NOT_MEMBER_ACTIVITY.includes(row.action)) {
    const activity = { userId: row.userId, month: limaMonthOf(row.occurredAt) };
    if (isReversal) await refreshMemberActivityMonth(activity, trx);
    else if (row.reversesId === null) await recordMemberActivity(activity, trx);
  }
  return inserted.id;
}

// ---------------------------------------------------------------------------------------------
// Awarding

export interface AwardInput {
  userId: number;
  /** A point rule's action, e.g. "practice_published". */
  action: string;
  /** What the points are about, e.g. "practice" 42; null when there is no subject. */
  subjectType: string | null;
  subjectId: number | null;
  /** Unique per event, e.g. `practice_published:${practiceId}:${userId}`: the same key never counts twice. */
  key: string;
  /** When the event happened (ISO); now by default. Decides the Lima day (daily cap) and the year. */
  occurredAt?: string;
  /** The authors or team of the subject: none of them earns points for acting on it. */
  subjectOwnerIds?: number[];
  actorId?: number | null;
}

export type AwardResult =
  | { awarded: true; points: number; ledgerId: number }
  | { awarded: false; reason: "duplicate" | "own_content" | "daily_cap" | "inactive_rule" | "zero" };

/**
 * The one way a member earns points by a rule. Runs in the caller's transaction when there is one,
 * so points exist exactly when the event that earned them does.
 */
export async function awardPoints(input: AwardInput, db: DB = getDb()): Promise<AwardResult> {
  return award(input, { reAward: false }, db);
}

/**
 * `reAward`: the member earned this action about this subject before and it was taken back (a post
 * hidden and restored): giving it again is not a new action, so the daily cap does not refuse it.
 */
async function award(input: AwardInput, options: { reAward: boolean }, db: DB): Promise<AwardResult> {
  const occurredAt = normalizeInstant(input.occurredAt);
  return writeTransaction(db, async (trx) => {
    const rule = await trx
      .selectFrom("pointRules")
      .select(["points", "dailyCap", "active"])
      .where("action", "=", input.action)
      .executeTakeFirst();
    if (!rule) throw new Error(`Unknown point action: ${input.action}`);
    if (rule.active !== 1) return { awarded: false, reason: "inactive_rule" } as const;
    if (rule.points === 0) return { awarded: false, reason: "zero" } as const;
    if (input.subjectOwnerIds?.includes(input.userId)) return { awarded: false, reason: "own_content" } as const;

    const existing = await trx.selectFrom("pointsLedger").select("id").where("uniqueKey", "=", input.key).executeTakeFirst();
    if (existing) return { awarded: false, reason: "duplicate" } as const;

    if (rule.dailyCap !== null && !options.reAward) {
      // Every original award of the day counts, reversed or not: deleting and reposting does not free a slot.
      // A subject awarded again after a reversal is still one action: it takes one slot, not two.
      const { start, end } = limaDayBounds(limaDay(occurredAt));
      const { n } = await trx
        .selectFrom("pointsLedger")
        .select(
          sql<number>`count(distinct case when subject_id is null then 'row:' || id else coalesce(subject_type, '') || ':' || subject_id end)`.as("n"),
        )
        .where("userId", "=", input.userId)
        .where("occurredAt", ">=", start)
        .where("occurredAt", "<", end)
        .where("action", "=", input.action)
        .where("reversesId", "is", null)
        .executeTakeFirstOrThrow();
      if (Number(n) >= rule.dailyCap) return { awarded: false, reason: "daily_cap" } as const;
    }

    const now = nowIso();
    const ledgerId = await insertLedgerRow(
      trx,
      {
        userId: input.userId,
        action: input.action,
        points: rule.points,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        uniqueKey: input.key,
        reversesId: null,
        reason: null,
        actorId: input.actorId ?? null,
        occurredAt,
      },
      now,
    );
    // Another process wrote the same key between our check and our insert.
    if (ledgerId === null) return { awarded: false, reason: "duplicate" } as const;
    await checkAutomaticBadges(input.userId, trx);
    return { awarded: true, points: rule.points, ledgerId } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Reversals

export type ReverseResult = { reversed: true; points: number; ledgerId: number } | { reversed: false; reason: "not_found" | "already_reversed" };

/**
 * Takes back the points of the award with this key (content removed, hidden or rejected; a stage
 * left): appends a row cancelling what the award is worth now (with any recompute corrections).
 * Idempotent; nothing happens when there is no such award.
 */
export async function reversePoints(input: { key: string; reason: string; actorId?: number | null }, db: DB = getDb()): Promise<ReverseResult> {
  return writeTransaction(db, async (trx) => {
    const original = await trx
      .selectFrom("pointsLedger")
      .select(["id", "userId", "action", "points", "subjectType", "subjectId", "occurredAt", "reversesId"])
      .where("uniqueKey", "=", input.key)
      .executeTakeFirst();
    if (!original || original.reversesId !== null || original.action === MANUAL_ADJUSTMENT) return { reversed: false, reason: "not_found" } as const;
    const { corrections } = await trx
      .selectFrom("pointsLedger")
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("points"), sql<number>`0`).as("corrections"))
      .where("reversesId", "=", original.id)
      .executeTakeFirstOrThrow();
    const points = -(original.points + Number(corrections));
    const ledgerId = await insertLedgerRow(
      trx,
      {
        userId: original.userId,
        action: original.action,
        points,
        subjectType: original.subjectType,
        subjectId: original.subjectId,
        uniqueKey: `${REVERSE_PREFIX}${input.key}`,
        reversesId: original.id,
        reason: input.reason,
        actorId: input.actorId ?? null,
        // The reversal belongs to the year of the event it cancels.
        occurredAt: original.occurredAt,
      },
      nowIso(),
    );
    if (ledgerId === null) return { reversed: false, reason: "already_reversed" } as const;
    return { reversed: true, points, ledgerId } as const;
  });
}

/** Reverses every award about a subject (optionally of one action, or of one member, only). Returns how many were reversed. */
export async function reverseSubjectPoints(
  input: { subjectType: string; subjectId: number; action?: string; userId?: number; reason: string; actorId?: number | null },
  db: DB = getDb(),
): Promise<number> {
  return writeTransaction(db, async (trx) => {
    let query = trx
      .selectFrom("pointsLedger")
      .select("uniqueKey")
      .where("subjectType", "=", input.subjectType)
      .where("subjectId", "=", input.subjectId)
      .where("reversesId", "is", null)
      .where("action", "!=", MANUAL_ADJUSTMENT);
    if (input.action) query = query.where("action", "=", input.action);
    if (input.userId !== undefined) query = query.where("userId", "=", input.userId);
    const rows = await query.orderBy("id").execute();
    let count = 0;
    for (const row of rows) {
      const result = await reversePoints({ key: row.uniqueKey, reason: input.reason, actorId: input.actorId }, trx);
      if (result.reversed) count += 1;
    }
    return count;
  });
}

/** Whether a member currently holds an award of this action about this subject (an award not reversed). */
async function holdsAward(trx: DB, input: { userId: number; action: string; subjectType: string; subjectId: number }) {
  const rows = await trx
    .selectFrom("pointsLedger as award")
    .select([
      "award.id",
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom("pointsLedger as rev")
              .select("rev.id")
              .whereRef("rev.reversesId", "=", "award.id")
              .where("rev.uniqueKey", "like", `${REVERSE_PREFIX}%`),
          )
          .as("reversed"),
    ])
    .where("award.userId", "=", input.userId)
    .where("award.action", "=", input.action)
    .where("award.subjectType", "=", input.subjectType)
    .where("award.subjectId", "=", input.subjectId)
    .where("award.reversesId", "is", null)
    .execute();
  return { count: rows.length, holds: rows.some((r) => !r.reversed) };
}

/**
 * Awards an action that can be earned again after it was taken back (a stage reached, left and
 * reached again): the first award's key is `base`, later ones `base:2`, `base:3`... A member who
 * still holds the award gets nothing.
 */
export async function awardRepeatablePoints(input: AwardInput & { subjectType: string; subjectId: number }, db: DB = getDb()): Promise<AwardResult> {
  return writeTransaction(db, async (trx) => {
    const { count, holds } = await holdsAward(trx, input);
    if (holds) return { awarded: false, reason: "duplicate" } as const;
    return award({ ...input, key: count === 0 ? input.key : `${input.key}:${count + 1}` }, { reAward: count > 0 }, trx);
  });
}

// ---------------------------------------------------------------------------------------------
// Manual adjustments

/** DIFOCA's manual adjustment (positive or negative) with its reason, shown in the member's history. */
export async function adjustPoints(
  input: { userId: number; points: number; reason: string; actorId: number },
  db: DB = getDb(),
): Promise<{ ledgerId: number }> {
  const reason = input.reason.trim();
  if (reason.length === 0) throw new Error("A manual adjustment needs a reason");
  if (!Number.isSafeInteger(input.points) || input.points === 0) throw new Error("A manual adjustment needs a whole, non-zero number of points");
  return writeTransaction(db, async (trx) => {
    const now = nowIso();
    const ledgerId = await insertLedgerRow(
      trx,
      {
        userId: input.userId,
        action: MANUAL_ADJUSTMENT,
        points: input.points,
        subjectType: null,
        subjectId: null,
        uniqueKey: `${MANUAL_ADJUSTMENT}:${randomUUID()}`,
        reversesId: null,
        reason,
        actorId: input.actorId,
        occurredAt: now,
      },
      now,
    );
    if (ledgerId === null) throw new Error("Manual adjustment key collision");
    // Badges may depend on points as well as on actions.
    if (input.points > 0) await checkAutomaticBadges(input.userId, trx);
    return { ledgerId };
  });
}

// ---------------------------------------------------------------------------------------------
// Rules

export interface PointRule {
  action: string;
  label: string;
  points: number;
  dailyCap: number | null;
  active: boolean;
  position: number;
  updatedAt: string;
}

export async function listPointRules(db: DB = getDb()): Promise<PointRule[]> {
  const rows = await db
    .selectFrom("pointRules")
    .select(["action", "label", "points", "dailyCap", "active", "position", "updatedAt"])
    .orderBy("position")
    .orderBy("action")
    .execute();
  return rows.map((r) => ({ ...r, active: r.active === 1 }));
}

export interface PointRuleUpdate {
  action: string;
  points: number;
  dailyCap: number | null;
  active: boolean;
}

/**
 * Changes a rule from now on and keeps the change in its history; events already in the ledger
 * keep their points unless DIFOCA recomputes their period. Answers whether anything changed
 * (false for an unknown action or the same values).
 */
export async function updatePointRule(input: PointRuleUpdate & { actorId: number }, db: DB = getDb()): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const rule = await trx.selectFrom("pointRules").select(["points", "dailyCap", "active"]).where("action", "=", input.action).executeTakeFirst();
    if (!rule) return false;
    const active = input.active ? 1 : 0;
    if (rule.points === input.points && rule.dailyCap === input.dailyCap && rule.active === active) return false;
    const now = nowIso();
    await trx.updateTable("pointRules").set({ points: input.points, dailyCap: input.dailyCap, active, updatedAt: now }).where("action", "=", input.action).execute();
    await trx
      .insertInto("pointRuleChanges")
      .values({ action: input.action, points: input.points, dailyCap: input.dailyCap, active, validFrom: now, changedBy: input.actorId })
      .execute();
    return true;
  });
}

/** Saves several rules at once (DIFOCA's table): one write. Returns the actions that changed. */
export async function updatePointRules(input: { rules: PointRuleUpdate[]; actorId: number }, db: DB = getDb()): Promise<string[]> {
  return writeTransaction(db, async (trx) => {
    const changed: string[] = [];
    for (const rule of input.rules) {
      if (await updatePointRule({ ...rule, actorId: input.actorId }, trx)) changed.push(rule.action);
    }
    return changed;
  });
}

export interface PointRuleChangeView {
  id: number;
  action: string;
  label: string;
  points: number;
  dailyCap: number | null;
  active: boolean;
  validFrom: string;
  changedByName: string | null;
}

/** The history of the rules' values, newest first. */
export async function listPointRuleChanges(options: { limit?: number } = {}, db: DB = getDb()): Promise<PointRuleChangeView[]> {
  const rows = await db
    .selectFrom("pointRuleChanges")
    .innerJoin("pointRules", "pointRules.action", "pointRuleChanges.action")
    .leftJoin("users", "users.id", "pointRuleChanges.changedBy")
    .select([
      "pointRuleChanges.id",
      "pointRuleChanges.action",
      "pointRules.label",
      "pointRuleChanges.points",
      "pointRuleChanges.dailyCap",
      "pointRuleChanges.active",
      "pointRuleChanges.validFrom",
      "users.name as changedByName",
    ])
    .orderBy("pointRuleChanges.validFrom", "desc")
    .orderBy("pointRuleChanges.id", "desc")
    .limit(options.limit ?? 100)
    .execute();
  return rows.map((r) => ({ ...r, active: r.active === 1 }));
}

// ---------------------------------------------------------------------------------------------
// Recomputing a period

/**
 * Applies the rules as they are now to the awards of a period (Lima days `from`..`to`, both
 * included): each award not reversed gets a correcting row so that it is worth what its rule gives
 * today (an inactive rule gives 0). Daily caps are not applied again. Running it twice changes
 * nothing: a correction's key names the award and the rule's version.
 */
export async function recomputePeriod(
  input: { from: string; to: string; actorId: number },
  db: DB = getDb(),
): Promise<{ rows: number; members: number }> {
  const start = limaDayBounds(input.from).start;
  const end = limaDayBounds(input.to).end;
  const reason = `Recálculo del periodo del ${formatDate(`${input.from}T12:00:00Z`)} al ${formatDate(`${input.to}T12:00:00Z`)} con los puntos vigentes`;
  return writeTransaction(db, async (trx) => {
    const rules = await trx.selectFrom("pointRules").select(["action", "points", "active"]).execute();
    const versions = await trx
      .selectFrom("pointRuleChanges")
      .select(["action", (eb) => eb.fn.max("id").as("changeId")])
      .groupBy("action")
      .execute();
    const target = new Map(rules.map((r) => [r.action, r.active === 1 ? r.points : 0]));
    const version = new Map(versions.map((v) => [v.action, Number(v.changeId)]));

    const awards = await trx
      .selectFrom("pointsLedger as award")
      .select([
        "award.id",
        "award.userId",
        "award.action",
        "award.points",
        "award.subjectType",
        "award.subjectId",
        "award.occurredAt",
        (eb) =>
          eb
            .selectFrom("pointsLedger as fix")
            .select((e) => e.fn.coalesce(e.fn.sum<number>("fix.points"), sql<number>`0`).as("s"))
            .whereRef("fix.reversesId", "=", "award.id")
            .where("fix.uniqueKey", "like", `${RECOMPUTE_PREFIX}%`)
            .as("corrections"),
      ])
      .where("award.occurredAt", ">=", start)
      .where("award.occurredAt", "<", end)
      .where("award.reversesId", "is", null)
      .where("award.action", "!=", MANUAL_ADJUSTMENT)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("pointsLedger as rev")
              .select("rev.id")
              .whereRef("rev.reversesId", "=", "award.id")
              .where("rev.uniqueKey", "like", `${REVERSE_PREFIX}%`),
          ),
        ),
      )
      .orderBy("award.id")
      .execute();

    const now = nowIso();
    const members = new Set<number>();
    let rows = 0;
    for (const award of awards) {
      const points = target.get(award.action);
      const changeId = version.get(award.action);
      if (points === undefined || changeId === undefined) continue;
      const delta = points - (award.points + Number(award.corrections ?? 0));
      if (delta === 0) continue;
      const ledgerId = await insertLedgerRow(
        trx,
        {
          userId: award.userId,
          action: award.action,
          points: delta,
          subjectType: award.subjectType,
          subjectId: award.subjectId,
          uniqueKey: `${RECOMPUTE_PREFIX}${award.id}:${changeId}`,
          reversesId: award.id,
          reason,
          actorId: input.actorId,
          occurredAt: award.occurredAt,
        },
        now,
      );
      if (ledgerId === null) continue;
      rows += 1;
      members.add(award.userId);
    }
    return { rows, members: members.size };
  });
}

// ---------------------------------------------------------------------------------------------
// The check: totals equal the ledger

export interface TotalsDifference {
  userId: number;
  name: string | null;
  /** null for the all-time total. */
  year: number | null;
  /** What the ledger adds up to. */
  ledger: number;
  /** What the stored totals say. */
  stored: number;
}

/** Recomputes every member's totals (all time and per year) from the ledger and lists any difference. */
export async function checkLedgerTotals(db: DB = getDb()): Promise<{ members: number; differences: TotalsDifference[] }> {
  const [ledgerTotals, storedTotals, ledgerYears, storedYears] = await Promise.all([
    db.selectFrom("pointsLedger").select(["userId", (eb) => eb.fn.sum<number>("points").as("points")]).groupBy("userId").execute(),
    db.selectFrom("memberPoints").select(["userId", "total"]).execute(),
    db.selectFrom("pointsLedger").select(["userId", "year", (eb) => eb.fn.sum<number>("points").as("points")]).groupBy(["userId", "year"]).execute(),
    db.selectFrom("memberPointsYearly").select(["userId", "year", "points"]).execute(),
  ]);

  const differences: Omit<TotalsDifference, "name">[] = [];
  const members = new Set<number>();
  const compare = (ledger: Map<string, number>, stored: Map<string, number>, year: (key: string) => number | null) => {
    for (const key of new Set([...ledger.keys(), ...stored.keys()])) {
      const userId = Number(key.split(":")[0]);
      members.add(userId);
      const l = ledger.get(key) ?? 0;
      const s = stored.get(key) ?? 0;
      if (l !== s) differences.push({ userId, year: year(key), ledger: l, stored: s });
    }
  };
  compare(
    new Map(ledgerTotals.map((r) => [String(r.userId), Number(r.points)])),
    new Map(storedTotals.map((r) => [String(r.userId), r.total])),
    () => null,
  );
  compare(
    new Map(ledgerYears.map((r) => [`${r.userId}:${r.year}`, Number(r.points)])),
    new Map(storedYears.map((r) => [`${r.userId}:${r.year}`, r.points])),
    (key) => Number(key.split(":")[1]),
  );

  const ids = [...new Set(differences.map((d) => d.userId))];
  const names = ids.length ? await db.selectFrom("users").select(["id", "name"]).where("id", "in", ids).execute() : [];
  const nameOf = new Map(names.map((u) => [u.id, u.name]));
  differences.sort((a, b) => a.userId - b.userId || (a.year ?? 0) - (b.year ?? 0));
  return { members: members.size, differences: differences.map((d) => ({ ...d, name: nameOf.get(d.userId) ?? null })) };
}

// ---------------------------------------------------------------------------------------------
// Reading a member's points

export async function getMemberPoints(userId: number, year: number, db: DB = getDb()): Promise<{ total: number; yearPoints: number }> {
  const [all, yearly] = await Promise.all([
    db.selectFrom("memberPoints").select("total").where("userId", "=", userId).executeTakeFirst(),
    db.selectFrom("memberPointsYearly").select("points").where("userId", "=", userId).where("year", "=", year).executeTakeFirst(),
  ]);
  return { total: all?.total ?? 0, yearPoints: yearly?.points ?? 0 };
}

export type LedgerEntryKind = "award" | "reversal" | "recompute" | "adjustment";

export interface LedgerEntry {
  id: number;
  /** ISO: when the event happened; for reversals, corrections and adjustments, when they were made. */
  date: string;
  action: string;
  label: string;
  kind: LedgerEntryKind;
  points: number;
  /** Why: the reason of a manual adjustment, a reversal or a recomputation. */
  reason: string | null;
  /** What earned the points, e.g. the practice's title, and where to see it. */
  subjectTitle: string | null;
  link: string | null;
}

function kindOf(row: { action: string; reversesId: number | null; uniqueKey: string }): LedgerEntryKind {
  if (row.action === MANUAL_ADJUSTMENT) return "adjustment";
  if (row.reversesId === null) return "award";
  return row.uniqueKey.startsWith(RECOMPUTE_PREFIX) ? "recompute" : "reversal";
}

/** The ledger's own columns of an entry of a member's history. */
const LEDGER_ENTRY_COLUMNS = [
  "pointsLedger.id",
  "pointsLedger.action",
  "pointsLedger.points",
  "pointsLedger.reason",
  "pointsLedger.reversesId",
  "pointsLedger.uniqueKey",
] as const;

/** Who reads a member's history; null for a visitor. */
export type LedgerViewer = { id: number; role: string } | null;

/** Whether `viewer` reads a member's whole ledger: the member, DIFOCA, or no viewer at all (trusted reads). */
function seesWholeLedger(userId: number, viewer: LedgerViewer | undefined): boolean {
  return viewer === undefined || (viewer !== null && (viewer.id === userId || viewer.role === "difoca"));
}

/**
 * A member's ledger, newest first, with each rule's label and a link to what earned the points.
 * `viewer` decides what a reader other than the member or DIFOCA sees: no reasons of reversals
 * or adjustments (they may quote a moderation), nothing about hidden wall content and no
 * advisory topics (advisories are private to those involved). Without `viewer` (DIFOCA's tools,
 * the member's own reads) everything is shown.
 */
export async function listLedgerForMember(
  userId: number,
  options: { limit?: number; offset?: number; viewer?: LedgerViewer } = {},
  db: DB = getDb(),
): Promise<LedgerEntry[]> {
  const seesAll = seesWholeLedger(userId, options.viewer);
  // The page of the member's rows is chosen first, on the ledger alone, in the order its index
  // keeps (migration 0014), and only those rows are joined to what earned them (ADR 015).
  const page = db
    .selectFrom("pointsLedger")
    .select([...LEDGER_ENTRY_COLUMNS, "pointsLedger.subjectType", "pointsLedger.subjectId", "pointsLedger.shownAt"])
    .where("pointsLedger.userId", "=", userId)
    .where("pointsLedger.points", "!=", 0)
    .orderBy("pointsLedger.shownAt", "desc")
    .orderBy("pointsLedger.id", "desc")
    .limit(Math.min(Math.max(options.limit ?? 50, 1), 500))
    .offset(Math.max(options.offset ?? 0, 0))
    .as("pointsLedger");
  const rows = await db
    .selectFrom(page)
    .leftJoin("pointRules", "pointRules.action", "pointsLedger.action")
    .leftJoin("practices", (join) =>
      join.onRef("practices.id", "=", "pointsLedger.subjectId").on("pointsLedger.subjectType", "=", "practice"),
    )
    .leftJoin("practiceFeedback", (join) =>
      join.onRef("practiceFeedback.id", "=", "pointsLedger.subjectId").on("pointsLedger.subjectType", "=", "feedback"),
    )
    .leftJoin("practices as feedbackPractice", "feedbackPractice.id", "practiceFeedback.practiceId")
    .leftJoin("badgeAwards", (join) =>
      join.onRef("badgeAwards.id", "=", "pointsLedger.subjectId").on("pointsLedger.subjectType", "=", "badge_award"),
    )
    .leftJoin("badges", "badges.id", "badgeAwards.badgeId")
    .leftJoin("wallReplies", (join) => join.onRef("wallReplies.id", "=", "pointsLedger.subjectId").on("pointsLedger.subjectType", "=", "wall_reply"))
    .leftJoin("wallPosts", (join) =>
      join.on((eb) =>
        eb.or([
          eb.and([eb("pointsLedger.subjectType", "=", "wall_post"), eb("wallPosts.id", "=", eb.ref("pointsLedger.subjectId"))]),
          eb("wallPosts.id", "=", eb.ref("wallReplies.postId")),
        ]),
      ),
    )
    .leftJoin("advisories", (join) => join.onRef("advisories.id", "=", "pointsLedger.subjectId").on("pointsLedger.subjectType", "=", "advisory"))
    .select([
      "wallPosts.id as wallPostId",
      "wallPosts.kind as wallKind",
      "wallPosts.title as wallTitle",
      "wallPosts.hiddenAt as wallPostHiddenAt",
      "wallReplies.id as wallReplyId",
      "wallReplies.hiddenAt as wallReplyHiddenAt",
      "advisories.id as advisoryId",
      "advisories.topic as advisoryTopic",
      "badgeAwards.credentialId",
      "badges.name as badgeName",
      ...LEDGER_ENTRY_COLUMNS,
      "pointRules.label",
      "practices.slug as practiceSlug",
      "practices.title as practiceTitle",
      "feedbackPractice.slug as feedbackPracticeSlug",
      "feedbackPractice.title as feedbackPracticeTitle",
      "pointsLedger.shownAt as date",
    ])
    .orderBy("pointsLedger.shownAt", "desc")
    .orderBy("pointsLedger.id", "desc")
    .execute();
  return rows.map((r) => {
    const slug = r.practiceSlug ?? r.feedbackPracticeSlug;
    const wallPath = r.wallPostId !== null && r.wallKind !== null ? `${r.wallKind === "challenge" ? "/desafios" : "/iniciativas"}/${r.wallPostId}` : null;
    const wallLink = wallPath && r.wallReplyId !== null ? `${wallPath}#${r.wallKind === "challenge" ? "aporte" : "comentario"}-${r.wallReplyId}` : wallPath;
    const kind = kindOf(r);
    const wallHidden = r.wallPostHiddenAt !== null || r.wallReplyHiddenAt !== null;
    const showWall = seesAll || !wallHidden;
    const showAdvisory = seesAll;
    return {
      id: r.id,
      date: r.date,
      action: r.action,
      label: r.action === MANUAL_ADJUSTMENT ? MANUAL_ADJUSTMENT_LABEL : (r.label ?? r.action),
      kind,
      points: r.points,
      reason: seesAll || (kind !== "reversal" && kind !== "adjustment") ? r.reason : null,
      subjectTitle: r.practiceTitle ?? r.feedbackPracticeTitle ?? r.badgeName ?? (showWall ? r.wallTitle : null) ?? (showAdvisory ? r.advisoryTopic : null) ?? null,
      link: slug
        ? `/practicas/${slug}`
        : r.credentialId
          ? `/credenciales/${r.credentialId}`
          : ((showWall ? wallLink : null) ?? (showAdvisory && r.advisoryId !== null ? `/asesorias/${r.advisoryId}` : null)),
    };
  });
}

export async function countLedgerForMember(userId: number, db: DB = getDb()): Promise<number> {
  const row = await db
    .selectFrom("pointsLedger")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("userId", "=", userId)
    .where("points", "!=", 0)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many of the most recent ledger entries the profile shows; the rest are in its points history. */
const PROFILE_LEDGER_ENTRIES = 10;

/**
 * Everything "Por qué tengo estos puntos" needs (the props of PointsHistory), serializable, as
 * `viewer` may see it (null: a visitor): the totals and one page of the ledger, newest first. A
 * page past the end is the last one.
 */
export function loadMemberPoints(
  userId: number,
  viewer: LedgerViewer,
  year: number = Number(todayInLima().slice(0, 4)),
  options: { perPage?: number; page?: number } = {},
  db: DB = getDb(),
): ReturnType<typeof readMemberPoints> {
  // The same for every reader who sees as much of the ledger: kept until the data changes (ADR 016).
  // `?? null`: a missing viewer is a visitor here, never the trusted full view.
  const whole = seesWholeLedger(userId, viewer ?? null);
  const key = `member-points:${userId}:${year}:${options.perPage ?? ""}:${options.page ?? ""}:${whole}`;
  return cachedAggregate(key, () => readMemberPoints(userId, viewer, year, options, db), db);
}

async function readMemberPoints(userId: number, viewer: LedgerViewer, year: number, options: { perPage?: number; page?: number }, db: DB) {
  const perPage = options.perPage ?? PROFILE_LEDGER_ENTRIES;
  const [points, totalEntries] = await Promise.all([getMemberPoints(userId, year, db), countLedgerForMember(userId, db)]);
  const pages = Math.max(1, Math.ceil(totalEntries / perPage));
  const page = Math.min(pages, Math.max(1, options.page ?? 1));
  // `?? null`: a missing viewer is a visitor here, never the trusted full view.
  const entries = await listLedgerForMember(userId, { limit: perPage, offset: (page - 1) * perPage, viewer: viewer ?? null }, db);
  return { total: points.total, yearPoints: points.yearPoints, year, entries, totalEntries, page, pages, perPage };
}
