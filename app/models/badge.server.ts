// Badges (insignias): the catalog, automatic rules over the points ledger, awards by hand, revocation,
// and what a member's profile and a credential's verification page read.
//
// Rules of the game:
// - A member holds a badge at most once at a time (a partial unique index on badge_awards).
// - An award, its points ("badge_awarded") and its notification are written in one transaction.
// - A revoked award stays in the table (revoked_at, revoked_by, revoke_reason): its credential keeps
//   verifying as "revocada". An automatic badge is never given again by its rule to a member who
//   once had it: a revocation by DIFOCA must not be undone by the member's next point. DIFOCA can
//   still give it again by hand.
// - Automatic rules count the member's events of one action in the ledger that are still worth
//   points: the original row (points > 0) plus its reversal and recompute corrections sums above
//   zero. So a reversed event (content removed, hidden, rejected) no longer counts, without this
//   module knowing how the ledger names its reversals.
import { randomUUID } from "node:crypto";
import { sql, type ExpressionBuilder } from "kysely";
import type { BadgeLevel, Database } from "../../db/schema";
import { recordAudit } from "~/models/audit.server";
import { notify, type NotificationInput } from "~/models/notification.server";
import { awardPoints, listPointRules, reversePoints } from "~/models/points.server";
import { ACTIONS_NOT_FOR_RULES, BADGE_LEVEL_LABELS, credentialPath, type BadgeKind, type MemberBadgeView } from "~/utils/badge-labels";
import { formatDate, nowIso } from "~/utils/dates";
import { cachedAggregate } from "~/utils/cache.server";
import { getDb, writeTransaction, type DB } from "~/utils/db.server";
import { slugify } from "~/utils/slug";

export type { BadgeKind, BadgeLevel };

export interface BadgeRule {
  type: "action_count";
  action: string;
  threshold: number;
}

/** The rule stored as JSON in badges.rule, or null when it is missing or not one we know. */
export function parseBadgeRule(json: string | null): BadgeRule | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== "object") return null;
    const { type, action, threshold } = value as Record<string, unknown>;
    if (type !== "action_count" || typeof action !== "string" || typeof threshold !== "number" || !Number.isSafeInteger(threshold) || threshold < 1) return null;
    return { type, action, threshold };
  } catch {
    return null;
  }
}

export interface Badge {
  id: number;
  slug: string;
  name: string;
  description: string;
  criteria: string;
  level: BadgeLevel;
  kind: BadgeKind;
  rule: BadgeRule | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

const BADGE_COLUMNS = ["badges.id", "badges.slug", "badges.name", "badges.description", "badges.criteria", "badges.level", "badges.kind", "badges.rule", "badges.enabled", "badges.createdAt", "badges.updatedAt"] as const;

type BadgeRow = Omit<Badge, "rule" | "enabled"> & { rule: string | null; enabled: number };
const toBadge = (row: BadgeRow): Badge => ({ ...row, rule: parseBadgeRule(row.rule), enabled: row.enabled === 1 });

/** Holders who count: awards not revoked, of members whose account is active. */
function holderCount(eb: ExpressionBuilder<Database, "badges">) {
  return eb
    .selectFrom("badgeAwards")
    .innerJoin("users", "users.id", "badgeAwards.userId")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .whereRef("badgeAwards.badgeId", "=", "badges.id")
    .where("badgeAwards.revokedAt", "is", null)
    .where("users.active", "=", 1);
}

// ---------------------------------------------------------------------------------------------
// Reading the catalog

export type BadgeWithHolders = Badge & { holders: number };

/**
 * The catalog. The public one holds the badges that are enabled or still held by someone (a
 * disabled rule does not take badges away); DIFOCA's (`all`) holds every badge.
 */
export async function listBadges(options: { all?: boolean } = {}, db: DB = getDb()): Promise<BadgeWithHolders[]> {
  let query = db
    .selectFrom("badges")
    .select([...BADGE_COLUMNS, (eb) => holderCount(eb).as("holders")])
    .orderBy(sql`case badges.level when 'oro' then 0 when 'plata' then 1 else 2 end`)
    .orderBy("badges.name");
  if (!options.all) {
    query = query.where((eb) => eb.or([eb("badges.enabled", "=", 1), eb(holderCount(eb), ">", 0)]));
  }
  const rows = await query.execute();
  return rows.map((r) => ({ ...toBadge(r), holders: Number(r.holders ?? 0) }));
}

export async function getBadge(id: number, db: DB = getDb()): Promise<Badge | undefined> {
  const row = await db.selectFrom("badges").select(BADGE_COLUMNS).where("id", "=", id).executeTakeFirst();
  return row && toBadge(row);
}

export async function getBadgeBySlug(slug: string, db: DB = getDb()): Promise<Badge | undefined> {
  const row = await db.selectFrom("badges").select(BADGE_COLUMNS).where("slug", "=", slug).executeTakeFirst();
  return row && toBadge(row);
}

/** How many active members hold a badge now. */
export async function countBadgeHolders(badgeId: number, db: DB = getDb()): Promise<number> {
  const row = await db
    .selectFrom("badgeAwards")
    .innerJoin("users", "users.id", "badgeAwards.userId")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("badgeAwards.badgeId", "=", badgeId)
    .where("badgeAwards.revokedAt", "is", null)
    .where("users.active", "=", 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether everyone may see a badge: it is enabled, or someone still holds it. */
export function isBadgePublic(badge: Pick<Badge, "enabled">, holders: number): boolean {
  return badge.enabled || holders > 0;
}

export interface BadgeHolder {
  awardId: number;
  userId: number;
  name: string;
  igedName: string | null;
  regionName: string | null;
  awardedAt: string;
  credentialId: string;
}

/** Who holds a badge now, newest first. Deactivated members are never listed. */
export async function listBadgeHolders(badgeId: number, db: DB = getDb()): Promise<BadgeHolder[]> {
  return db
    .selectFrom("badgeAwards")
    .innerJoin("users", "users.id", "badgeAwards.userId")
    .leftJoin("igeds", "igeds.id", "users.igedId")
    .leftJoin("regions", "regions.id", "igeds.regionId")
    .select([
      "badgeAwards.id as awardId",
      "users.id as userId",
      "users.name",
      "igeds.name as igedName",
      "regions.name as regionName",
      "badgeAwards.awardedAt",
      "badgeAwards.credentialId",
    ])
    .where("badgeAwards.badgeId", "=", badgeId)
    .where("badgeAwards.revokedAt", "is", null)
    .where("users.active", "=", 1)
    .orderBy("badgeAwards.awardedAt", "desc")
    .orderBy("badgeAwards.id", "desc")
    .execute();
}

/** A badge by its slug with its current holders; undefined when it does not exist. */
export async function getBadgeWithHolders(slug: string, db: DB = getDb()): Promise<(Badge & { holders: BadgeHolder[] }) | undefined> {
  const badge = await getBadgeBySlug(slug, db);
  if (!badge) return undefined;
  return { ...badge, holders: await listBadgeHolders(badge.id, db) };
}

export interface AdminAward {
  awardId: number;
  userId: number;
  name: string;
  email: string;
  active: boolean;
  awardedAt: string;
  awardedByName: string | null;
  reason: string;
  credentialId: string;
  revokedAt: string | null;
  revokedByName: string | null;
  revokeReason: string | null;
}

/** Every award of a badge for DIFOCA, revoked ones too, newest first. */
export async function listBadgeAwardsForAdmin(badgeId: number, options: { limit?: number } = {}, db: DB = getDb()): Promise<AdminAward[]> {
  const rows = await db
    .selectFrom("badgeAwards")
    .innerJoin("users", "users.id", "badgeAwards.userId")
    .leftJoin("users as awarder", "awarder.id", "badgeAwards.awardedBy")
    .leftJoin("users as revoker", "revoker.id", "badgeAwards.revokedBy")
    .select([
      "badgeAwards.id as awardId",
      "users.id as userId",
      "users.name",
      "users.email",
      "users.active",
      "badgeAwards.awardedAt",
      "awarder.name as awardedByName",
      "badgeAwards.reason",
      "badgeAwards.credentialId",
      "badgeAwards.revokedAt",
      "revoker.name as revokedByName",
      "badgeAwards.revokeReason",
    ])
    .where("badgeAwards.badgeId", "=", badgeId)
    .orderBy(sql`badge_awards.revoked_at is not null`)
    .orderBy("badgeAwards.awardedAt", "desc")
    .orderBy("badgeAwards.id", "desc")
    .limit(options.limit ?? 500)
    .execute();
  return rows.map((r) => ({ ...r, active: r.active === 1 }));
}

// ---------------------------------------------------------------------------------------------
// Creating and editing

export interface BadgeFields {
  name: string;
  description: string;
  criteria: string;
  level: BadgeLevel;
}

export type BadgeSaveResult = { ok: true; id: number; slug: string } | { ok: false; errors: Record<string, string> };

const NAME_TAKEN = "Ya existe una insignia con ese nombre.";

async function uniqueSlug(name: string, db: DB): Promise<string> {
  const base = slugify(name).slice(0, 80).replace(/-+$/, "") || "insignia";
  let slug = base;
  for (let n = 2; ; n++) {
    const taken = await db.selectFrom("badges").select("id").where("slug", "=", slug).executeTakeFirst();
    if (!taken) return slug;
    slug = `${base}-${n}`;
  }
}

async function nameTaken(name: string, exceptId: number | null, db: DB): Promise<boolean> {
  let query = db.selectFrom("badges").select("id").where(sql<boolean>`lower(name) = lower(${name})`);
  if (exceptId !== null) query = query.where("id", "!=", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Answers the rule's problem in Spanish (unknown action, an action that badges may not count), or null. */
export async function ruleProblem(rule: BadgeRule, db: DB = getDb()): Promise<string | null> {
  if (ACTIONS_NOT_FOR_RULES.includes(rule.action)) return "Elige una acción de la lista.";
  const actions = await listRuleActions(db);
  return actions.some((a) => a.action === rule.action) ? null : "Elige una acción de la lista.";
}

/** The actions an automatic rule may count: the point rules, except the badges' own. */
export async function listRuleActions(db: DB = getDb()): Promise<{ action: string; label: string }[]> {
  const rules = await listPointRules(db);
  return rules.filter((r) => !ACTIONS_NOT_FOR_RULES.includes(r.action)).map((r) => ({ action: r.action, label: r.label }));
}

/**
 * Creates a badge. Its slug comes from the name and never changes afterwards: issued credentials
 * point to /insignias/<slug>. A manual badge can be awarded at once; an automatic one starts
 * disabled, so DIFOCA previews who would get it before enabling it.
 */
export async function createBadge(
  input: BadgeFields & { kind: BadgeKind; rule: BadgeRule | null; createdBy: number | null },
  db: DB = getDb(),
): Promise<BadgeSaveResult> {
  if (input.kind === "automatica" && !input.rule) throw new Error("An automatic badge needs a rule");
  if (input.rule) {
    const problem = await ruleProblem(input.rule, db);
    if (problem) return { ok: false, errors: { action: problem } };
  }
  return writeTransaction(db, async (trx): Promise<BadgeSaveResult> => {
    if (await nameTaken(input.name, null, trx)) return { ok: false, errors: { name: NAME_TAKEN } };
    const now = nowIso();
    const slug = await uniqueSlug(input.name, trx);
    const row = await trx
      .insertInto("badges")
      .values({
        slug,
        name: input.name,
        description: input.description,
        criteria: input.criteria,
        level: input.level,
        kind: input.kind,
        rule: input.kind === "automatica" && input.rule ? JSON.stringify(input.rule) : null,
        enabled: input.kind === "manual" ? 1 : 0,
        createdBy: input.createdBy,
        createdAt: now,
        updatedAt: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit({ actorId: input.createdBy, action: "badge.created", targetType: "badge", targetId: row.id, details: { name: input.name, kind: input.kind, rule: input.rule } }, trx);
    return { ok: true, id: row.id, slug };
  });
}

/**
 * Edits a badge's text and level, and an automatic badge's rule. The rule of an enabled badge
 * cannot change: DIFOCA disables it, previews the new rule and enables it again, so nobody gets a
 * badge from a rule that was never previewed.
 */
export async function updateBadge(input: BadgeFields & { id: number; rule?: BadgeRule | null; actorId: number }, db: DB = getDb()): Promise<BadgeSaveResult> {
  return writeTransaction(db, async (trx): Promise<BadgeSaveResult> => {
    const badge = await getBadge(input.id, trx);
    if (!badge) return { ok: false, errors: { form: "Esa insignia no existe." } };
    let rule = badge.rule;
    if (badge.kind === "automatica" && input.rule) {
      const changed = !badge.rule || badge.rule.action !== input.rule.action || badge.rule.threshold !== input.rule.threshold;
      if (changed && badge.enabled) {
        return { ok: false, errors: { threshold: "Desactiva la insignia antes de cambiar su regla; luego revisa la vista previa y vuelve a activarla." } };
      }
      const problem = await ruleProblem(input.rule, trx);
      if (problem) return { ok: false, errors: { action: problem } };
      rule = input.rule;
    }
    if (await nameTaken(input.name, badge.id, trx)) return { ok: false, errors: { name: NAME_TAKEN } };
    await trx
      .updateTable("badges")
      .set({
        name: input.name,
        description: input.description,
        criteria: input.criteria,
        level: input.level,
        rule: rule ? JSON.stringify(rule) : null,
        updatedAt: nowIso(),
      })
      .where("id", "=", badge.id)
      .execute();
    await recordAudit({ actorId: input.actorId, action: "badge.updated", targetType: "badge", targetId: badge.id, details: { name: input.name, level: input.level, rule } }, trx);
    return { ok: true, id: badge.id, slug: badge.slug };
  });
}

// ---------------------------------------------------------------------------------------------
// Automatic rules over the ledger

/**
 * Events of the rule's action per member that still count: original rows with points > 0 whose
 * corrections (a reversal, a recomputation) have not brought them to zero or below. Reversals and
 * corrections carry the action of the row they correct, so one pass over the action's rows is enough.
 */
function qualifyingMembers(db: DB, rule: BadgeRule, userId?: number) {
  let events = db
    .selectFrom("pointsLedger")
    .select(["pointsLedger.userId", sql<number>`coalesce(points_ledger.reverses_id, points_ledger.id)`.as("eventId")])
    .where("pointsLedger.action", "=", rule.action)
    .groupBy(["pointsLedger.userId", sql`coalesce(points_ledger.reverses_id, points_ledger.id)`])
    .having(sql<boolean>`max(case when points_ledger.reverses_id is null and points_ledger.points > 0 then 1 else 0 end) = 1`)
    .having(sql<boolean>`sum(points_ledger.points) > 0`);
  if (userId !== undefined) events = events.where("pointsLedger.userId", "=", userId);
  return db
    .selectFrom(events.as("events"))
    .select(["events.userId", (eb) => eb.fn.countAll<number>().as("events")])
    .groupBy("events.userId")
    .having((eb) => eb.fn.countAll(), ">=", rule.threshold);
}

/** Active members who qualify for a rule and never had the badge (when a badge is given). */
function candidatesQuery(db: DB, rule: BadgeRule, badgeId: number | null) {
  let query = db
    .selectFrom(qualifyingMembers(db, rule).as("q"))
    .innerJoin("users", "users.id", "q.userId")
    .leftJoin("igeds", "igeds.id", "users.igedId")
    .where("users.active", "=", 1);
  if (badgeId !== null) {
    query = query.where((eb) =>
      eb.not(eb.exists(eb.selectFrom("badgeAwards").select("badgeAwards.id").whereRef("badgeAwards.userId", "=", "users.id").where("badgeAwards.badgeId", "=", badgeId))),
    );
  }
  return query;
}

export const PREVIEW_LIMIT = 50;

export interface BadgePreview {
  count: number;
  members: { id: number; name: string; igedName: string | null; events: number }[];
}

/**
 * Who would get an automatic badge with this rule if it were enabled now: how many, and the first
 * 50 by name. For an existing badge, members who have (or once had) it are left out.
 */
export async function previewAutomaticBadge(rule: BadgeRule, badgeId: number | null = null, db: DB = getDb()): Promise<BadgePreview> {
  const [countRow, members] = await Promise.all([
    candidatesQuery(db, rule, badgeId)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    candidatesQuery(db, rule, badgeId)
      .select(["users.id", "users.name", "igeds.name as igedName", "q.events"])
      .orderBy("users.name")
      .orderBy("users.id")
      .limit(PREVIEW_LIMIT)
      .execute(),
  ]);
  return { count: Number(countRow.n), members: members.map((m) => ({ ...m, events: Number(m.events) })) };
}

// Awards made inside enableAutomaticBadge's transaction collect their notifications here instead of
// sending them one by one; the transaction object is the key, because nested calls (awardPoints →
// checkAutomaticBadges → awardBadge) run on the same one.
const backfills = new WeakMap<DB, { badgeNames: Map<number, { names: string[]; credentialIds: string[] }> }>();

/**
 * Enables an automatic badge and applies it to past activity: every active member who already
 * qualifies gets it now, in one transaction.
 *
 * Notifications: each of these members gets exactly ONE notification, "Recibiste la insignia «…»"
 * ("se te otorgó por tu actividad anterior"), even when the award sets off other badges in cascade
 * (they are named in the same notification), and even when several badges are enabled at once
 * (enableAutomaticBadges). Not zero: the issue wants every award in the member's notifications, and
 * a badge one did not know about is news worth telling. Not more than one: that would be the flood.
 * The award's reason says "Otorgada por actividad anterior", so its credential and the profile tell
 * it apart from a badge earned at the moment.
 */
export async function enableAutomaticBadge(badgeId: number, actorId: number | null, db: DB = getDb()): Promise<{ enabled: boolean; awarded: number }> {
  const [result] = await enableAutomaticBadges([badgeId], actorId, db);
  return result ?? { enabled: false, awarded: 0 };
}

/** Enables several badges at once (e.g. a new catalog), still with one notification per member in all. */
export async function enableAutomaticBadges(badgeIds: number[], actorId: number | null, db: DB = getDb()): Promise<{ enabled: boolean; awarded: number }[]> {
  return writeTransaction(db, async (trx) => {
    const collector = { badgeNames: new Map<number, { names: string[]; credentialIds: string[] }>() };
    backfills.set(trx, collector);
    const results: { enabled: boolean; awarded: number }[] = [];
    try {
      for (const badgeId of badgeIds) results.push(await enableOne(trx, badgeId, actorId));
    } finally {
      backfills.delete(trx);
    }
    const notifications: NotificationInput[] = [];
    for (const [userId, { names, credentialIds }] of collector.badgeNames) {
      const single = names.length === 1;
      notifications.push({
        userId,
        type: "badge_awarded",
        title: single ? `Recibiste la insignia «${names[0]}»` : `Recibiste ${names.length} insignias`,
        body: single
          ? "Se te otorgó por tu actividad anterior en la comunidad."
          : `Se te otorgaron por tu actividad anterior en la comunidad: ${names.map((n) => `«${n}»`).join(", ")}.`,
        link: single && credentialIds[0] ? credentialPath(credentialIds[0]) : `/perfil/${userId}`,
      });
    }
    await notify(notifications, trx);
    return results;
  });
}

async function enableOne(trx: DB, badgeId: number, actorId: number | null): Promise<{ enabled: boolean; awarded: number }> {
  const badge = await getBadge(badgeId, trx);
  if (!badge) return { enabled: false, awarded: 0 };
  if (badge.kind === "manual") {
    if (!badge.enabled) await trx.updateTable("badges").set({ enabled: 1, updatedAt: nowIso() }).where("id", "=", badge.id).execute();
    await recordAudit({ actorId, action: "badge.enabled", targetType: "badge", targetId: badge.id }, trx);
    return { enabled: true, awarded: 0 };
  }
  if (!badge.rule) return { enabled: false, awarded: 0 };
  await trx.updateTable("badges").set({ enabled: 1, updatedAt: nowIso() }).where("id", "=", badge.id).execute();
  const candidates = await candidatesQuery(trx, badge.rule, badge.id).select(["users.id"]).orderBy("users.id").execute();
  const reason = `Otorgada por actividad anterior: ${badge.criteria}`;
  let awarded = 0;
  for (const { id } of candidates) {
    const result = await awardBadge({ badgeId: badge.id, userId: id, awardedBy: null, reason }, trx);
    if (result.awarded) awarded += 1;
  }
  await recordAudit({ actorId, action: "badge.enabled", targetType: "badge", targetId: badge.id, details: { awarded } }, trx);
  return { enabled: true, awarded };
}

/** Stops a badge from being given (automatically or by hand). Holders keep it. */
export async function disableBadge(badgeId: number, actorId: number | null, db: DB = getDb()): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const result = await trx.updateTable("badges").set({ enabled: 0, updatedAt: nowIso() }).where("id", "=", badgeId).where("enabled", "=", 1).executeTakeFirst();
    const changed = Number(result.numUpdatedRows) > 0;
    if (changed) await recordAudit({ actorId, action: "badge.disabled", targetType: "badge", targetId: badgeId }, trx);
    return changed;
  });
}

/**
 * Gives a member every enabled automatic badge they now qualify for and never had. Called by
 * awardPoints after each positive award, inside its transaction; it costs two small queries when
 * there is nothing to give.
 */
export async function checkAutomaticBadges(userId: number, db: DB = getDb()): Promise<void> {
  const pending = await db
    .selectFrom("badges")
    .select(["badges.id", "badges.rule", "badges.criteria"])
    .where("badges.kind", "=", "automatica")
    .where("badges.enabled", "=", 1)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom("badgeAwards").select("badgeAwards.id").whereRef("badgeAwards.badgeId", "=", "badges.id").where("badgeAwards.userId", "=", userId))),
    )
    .where((eb) => eb.exists(eb.selectFrom("users").select("users.id").where("users.id", "=", userId).where("users.active", "=", 1)))
    .orderBy("badges.id")
    .execute();
  if (pending.length === 0) return;

  const rules = pending.map((b) => ({ ...b, rule: parseBadgeRule(b.rule) })).filter((b): b is typeof b & { rule: BadgeRule } => b.rule !== null);
  const counts = new Map<string, number>();
  for (const action of new Set(rules.map((b) => b.rule.action))) {
    const row = await qualifyingMembers(db, { type: "action_count", action, threshold: 1 }, userId).executeTakeFirst();
    counts.set(action, Number(row?.events ?? 0));
  }
  for (const badge of rules) {
    if ((counts.get(badge.rule.action) ?? 0) < badge.rule.threshold) continue;
    await writeTransaction(db, async (trx) => {
      // Checked again inside the write: another process may have given it a moment ago.
      const had = await trx.selectFrom("badgeAwards").select("id").where("badgeId", "=", badge.id).where("userId", "=", userId).executeTakeFirst();
      if (!had) await awardBadge({ badgeId: badge.id, userId, awardedBy: null, reason: `Otorgada automáticamente: ${badge.criteria}` }, trx);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Awarding and revoking

export interface AwardBadgeInput {
  badgeId: number;
  userId: number;
  /** DIFOCA's specialist; null when a rule gave it. */
  awardedBy: number | null;
  reason: string;
  evidenceUrl?: string | null;
  /** When it was earned (ISO), if not now: e.g. the day of the event it recognizes. */
  awardedAt?: string;
}

export type AwardBadgeResult = { awarded: true; awardId: number; credentialId: string } | { awarded: false };

/**
 * Awards a badge to a member: the award (with the public id of its credential), its points and the
 * member's notification, in one transaction. Nothing happens when the member already holds it.
 */
export async function awardBadge(input: AwardBadgeInput, db: DB = getDb()): Promise<AwardBadgeResult> {
  return writeTransaction(db, async (trx) => {
    const badge = await trx.selectFrom("badges").select(["id", "name"]).where("id", "=", input.badgeId).executeTakeFirst();
    if (!badge) throw new Error(`Unknown badge ${input.badgeId}`);
    const awardedAt = input.awardedAt ? new Date(input.awardedAt).toISOString() : nowIso();
    const credentialId = randomUUID();
    const inserted = await trx
      .insertInto("badgeAwards")
      .values({
        credentialId,
        badgeId: badge.id,
        userId: input.userId,
        awardedAt,
        awardedBy: input.awardedBy,
        reason: input.reason.trim(),
        evidenceUrl: input.evidenceUrl?.trim() || null,
      })
      // The partial unique index (badge, member) where not revoked: already held means no row.
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) return { awarded: false } as const;

    // Before the points: awardPoints checks automatic badges again, and a badge must be news once.
    const backfill = backfills.get(trx);
    if (backfill) {
      const entry = backfill.badgeNames.get(input.userId) ?? { names: [], credentialIds: [] };
      entry.names.push(badge.name);
      entry.credentialIds.push(credentialId);
      backfill.badgeNames.set(input.userId, entry);
    } else {
      await notify(
        {
          userId: input.userId,
          type: "badge_awarded",
          title: `Recibiste la insignia «${badge.name}»`,
          body: input.reason.trim(),
          link: credentialPath(credentialId),
        },
        trx,
      );
    }
    await awardPoints(
      {
        userId: input.userId,
        action: "badge_awarded",
        subjectType: "badge_award",
        subjectId: inserted.id,
        key: `badge_awarded:${inserted.id}`,
        occurredAt: awardedAt,
        // A specialist who gives a badge to themselves gets the badge, not its points.
        subjectOwnerIds: input.awardedBy !== null ? [input.awardedBy] : undefined,
        actorId: input.awardedBy,
      },
      trx,
    );
    if (input.awardedBy !== null) {
      await recordAudit({ actorId: input.awardedBy, action: "badge.awarded", targetType: "badge_award", targetId: inserted.id, details: { badgeId: badge.id, userId: input.userId, reason: input.reason.trim() } }, trx);
    }
    return { awarded: true, awardId: inserted.id, credentialId } as const;
  });
}

/** Awards a badge to several members at once (e.g. everyone who attended an event). Returns how many were new. */
export async function awardBadgeToMany(
  input: { badgeId: number; userIds: number[]; awardedBy: number | null; reason: string; evidenceUrl?: string | null },
  db: DB = getDb(),
): Promise<number> {
  return writeTransaction(db, async (trx) => {
    let count = 0;
    for (const userId of new Set(input.userIds)) {
      const result = await awardBadge({ badgeId: input.badgeId, userId, awardedBy: input.awardedBy, reason: input.reason, evidenceUrl: input.evidenceUrl }, trx);
      if (result.awarded) count += 1;
    }
    return count;
  });
}

export class MissingReasonError extends Error {
  constructor() {
    super("A revocation needs a reason");
  }
}

/**
 * Revokes an award with its reason: the award stays (so its credential verifies as "revocada"),
 * its points are reversed, and the member is told. Answers false when it was already revoked or
 * does not exist.
 */
export async function revokeBadgeAward(input: { awardId: number; revokedBy: number; reason: string }, db: DB = getDb()): Promise<boolean> {
  const reason = input.reason.trim();
  if (!reason) throw new MissingReasonError();
  return writeTransaction(db, async (trx) => {
    const award = await trx
      .selectFrom("badgeAwards")
      .innerJoin("badges", "badges.id", "badgeAwards.badgeId")
      .select(["badgeAwards.id", "badgeAwards.userId", "badgeAwards.credentialId", "badgeAwards.revokedAt", "badges.name"])
      .where("badgeAwards.id", "=", input.awardId)
      .executeTakeFirst();
    if (!award || award.revokedAt !== null) return false;
    await trx
      .updateTable("badgeAwards")
      .set({ revokedAt: nowIso(), revokedBy: input.revokedBy, revokeReason: reason })
      .where("id", "=", award.id)
      .where("revokedAt", "is", null)
      .execute();
    await reversePoints({ key: `badge_awarded:${award.id}`, reason: `Insignia «${award.name}» revocada: ${reason}`, actorId: input.revokedBy }, trx);
    await notify(
      { userId: award.userId, type: "badge_revoked", title: `Se revocó tu insignia «${award.name}»`, body: `Motivo: ${reason}`, link: credentialPath(award.credentialId) },
      trx,
    );
    await recordAudit({ actorId: input.revokedBy, action: "badge.revoked", targetType: "badge_award", targetId: award.id, details: { reason } }, trx);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// A member's badges and one award's credential

export interface MemberBadge {
  awardId: number;
  credentialId: string;
  awardedAt: string;
  reason: string;
  badgeId: number;
  slug: string;
  name: string;
  level: BadgeLevel;
}

/** The badges a member holds now (revoked ones left out), newest first. */
export async function listMemberBadges(userId: number, db: DB = getDb()): Promise<MemberBadge[]> {
  return db
    .selectFrom("badgeAwards")
    .innerJoin("badges", "badges.id", "badgeAwards.badgeId")
    .select([
      "badgeAwards.id as awardId",
      "badgeAwards.credentialId",
      "badgeAwards.awardedAt",
      "badgeAwards.reason",
      "badges.id as badgeId",
      "badges.slug",
      "badges.name",
      "badges.level",
    ])
    .where("badgeAwards.userId", "=", userId)
    .where("badgeAwards.revokedAt", "is", null)
    .orderBy("badgeAwards.awardedAt", "desc")
    .orderBy("badgeAwards.id", "desc")
    .execute();
}

/** Kept in memory until the data changes, like every read of a member's public profile (ADR 016). */
export function loadMemberBadges(userId: number, db: DB = getDb()): Promise<{ badges: MemberBadgeView[] }> {
  return cachedAggregate(`member-badges:${userId}`, () => readMemberBadges(userId, db), db);
}

/** The props of <MemberBadges> for a profile page's loader (serializable, dates already in Spanish). */
async function readMemberBadges(userId: number, db: DB = getDb()): Promise<{ badges: MemberBadgeView[] }> {
  const badges = await listMemberBadges(userId, db);
  return {
    badges: badges.map((b) => ({
      credentialId: b.credentialId,
      slug: b.slug,
      name: b.name,
      level: b.level,
      levelLabel: BADGE_LEVEL_LABELS[b.level],
      awardedOn: formatDate(b.awardedAt),
      reason: b.reason,
    })),
  };
}

export interface AwardRecord {
  awardId: number;
  credentialId: string;
  awardedAt: string;
  reason: string;
  evidenceUrl: string | null;
  awardedByName: string | null;
  revokedAt: string | null;
  revokedByName: string | null;
  revokeReason: string | null;
  recipient: { id: number; name: string; email: string; active: boolean };
  badge: { id: number; slug: string; name: string; description: string; criteria: string; level: BadgeLevel };
}

/** One award by its credential's public id, for the credential and its verification page. */
export async function getAwardByCredentialId(credentialId: string, db: DB = getDb()): Promise<AwardRecord | undefined> {
  const row = await db
    .selectFrom("badgeAwards")
    .innerJoin("badges", "badges.id", "badgeAwards.badgeId")
    .innerJoin("users", "users.id", "badgeAwards.userId")
    .leftJoin("users as awarder", "awarder.id", "badgeAwards.awardedBy")
    .leftJoin("users as revoker", "revoker.id", "badgeAwards.revokedBy")
    .select([
      "badgeAwards.id as awardId",
      "badgeAwards.credentialId",
      "badgeAwards.awardedAt",
      "badgeAwards.reason",
      "badgeAwards.evidenceUrl",
      "awarder.name as awardedByName",
      "badgeAwards.revokedAt",
      "revoker.name as revokedByName",
      "badgeAwards.revokeReason",
      "users.id as recipientId",
      "users.name as recipientName",
      "users.email as recipientEmail",
      "users.active as recipientActive",
      "badges.id as badgeId",
      "badges.slug",
      "badges.name",
      "badges.description",
      "badges.criteria",
      "badges.level",
    ])
    .where("badgeAwards.credentialId", "=", credentialId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    awardId: row.awardId,
    credentialId: row.credentialId,
    awardedAt: row.awardedAt,
    reason: row.reason,
    evidenceUrl: row.evidenceUrl,
    awardedByName: row.awardedByName,
    revokedAt: row.revokedAt,
    revokedByName: row.revokedByName,
    revokeReason: row.revokeReason,
    recipient: { id: row.recipientId, name: row.recipientName, email: row.recipientEmail, active: row.recipientActive === 1 },
    badge: { id: row.badgeId, slug: row.slug, name: row.name, description: row.description, criteria: row.criteria, level: row.level },
  };
}

/** One award by its row id (DIFOCA's revocation form names it so). */
export async function getAwardSummary(awardId: number, db: DB = getDb()) {
  return db
    .selectFrom("badgeAwards")
    .innerJoin("users", "users.id", "badgeAwards.userId")
    .select(["badgeAwards.id", "badgeAwards.badgeId", "badgeAwards.revokedAt", "users.name"])
    .where("badgeAwards.id", "=", awardId)
    .executeTakeFirst();
}
