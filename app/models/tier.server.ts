// The tiers (escalas) of the network of managers: Gestor participativo, destacado, transformador.
// A member is in the highest tier (by position) whose minimum of points in the year they reach AND
// whose requirements they meet. Thresholds and requirements are data DIFOCA edits at /admin/escalas.
import { z } from "zod";
import type { Stage } from "../../db/schema";
import { recordAudit } from "~/models/audit.server";
import { membersWithCompletedTransfer } from "~/models/transfer.server";
import { todayInLima } from "~/utils/dates";
import { cachedAggregate } from "~/utils/cache.server";
import { getDb, writeTransaction, type DB } from "~/utils/db.server";
import { optionalText, parseForm, requiredText, type FieldErrors, type FormResult } from "~/utils/forms.server";
import { STAGES } from "~/utils/practice-labels";
import {
  ADVANCED_PRACTICE_REQUIREMENT,
  requirementLabel,
  TIER_DESCRIPTION_MAX,
  TIER_MIN_POINTS_MAX,
  TIER_NAME_MAX,
  type MemberTierSummary,
  type TierRequirement,
} from "~/utils/tier-labels";

export type { MemberTierSummary, TierRequirement } from "~/utils/tier-labels";

export interface Tier {
  id: number;
  slug: string;
  name: string;
  minPoints: number;
  description: string;
  position: number;
  requirements: TierRequirement[];
}

/** The year in Lima, which is the ranking's year. */
export function currentYear(now: Date = new Date()): number {
  return Number(todayInLima(now).slice(0, 4));
}

const requirementSchema = z.object({ type: z.literal("practice_stage_or_transfer"), stage: z.literal("avanzado") });

// Requirements are stored as JSON. A kind this code does not know (written by hand, or by a newer
// version) is left out rather than failing every page that shows a tier.
function parseRequirements(json: string): TierRequirement[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const parsed = requirementSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The tiers in their order, kept in memory until the data changes. */
export function listTiers(db: DB = getDb()): Promise<readonly Tier[]> {
  return cachedAggregate(
    "tiers",
    async () => {
      const rows = await db
        .selectFrom("tiers")
        .select(["id", "slug", "name", "minPoints", "description", "position", "requirements"])
        .orderBy("position")
        .orderBy("id")
        .execute();
      return rows.map((row) => ({ ...row, requirements: parseRequirements(row.requirements) }));
    },
    db,
  );
}

export interface TierUpdate {
  id: number;
  name: string;
  minPoints: number;
  description: string;
  requirements: TierRequirement[];
}

/** Saves one tier and keeps who changed it. Returns false when the tier does not exist. */
export async function updateTier(input: TierUpdate & { actorId?: number | null }, db: DB = getDb()): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom("tiers")
      .select(["name", "minPoints", "description", "requirements"])
      .where("id", "=", input.id)
      .executeTakeFirst();
    if (!before) return false;
    const after = {
      name: input.name,
      minPoints: input.minPoints,
      description: input.description,
      requirements: JSON.stringify(input.requirements),
    };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((key) => before[key] !== after[key]);
    if (changed.length === 0) return true;
    await trx.updateTable("tiers").set(after).where("id", "=", input.id).execute();
    await recordAudit(
      {
        actorId: input.actorId ?? null,
        action: "tier.updated",
        targetType: "tier",
        targetId: input.id,
        details: Object.fromEntries(changed.map((key) => [key, { before: before[key], after: after[key] }])),
      },
      trx,
    );
    return true;
  });
}

/** Saves every tier of the settings form together: thresholds are checked as a whole. */
export async function updateTiers(inputs: readonly TierUpdate[], actorId: number | null, db: DB = getDb()): Promise<void> {
  await writeTransaction(db, async (trx) => {
    for (const input of inputs) await updateTier({ ...input, actorId }, trx);
  });
}

// ---------------------------------------------------------------------------------------------
// Requirements, checked in one query per kind for a whole set of members.

/**
 * Above this many members, a requirement is checked by reading everyone who meets it (a bounded
 * group: the teams of advanced practices, the people of completed transfers) and keeping those asked
 * about. Binding thousands of ids in one query took half a second at national scale (ADR 013).
 */
const ID_LIST_LIMIT = 500;

/** Of `userIds` (null: of every member), those on the team of a published practice at `stage` or beyond. */
async function membersWithPracticeAtStage(userIds: number[] | null, stage: Stage, db: DB): Promise<Set<number>> {
  if (userIds?.length === 0) return new Set();
  const stages = STAGES.slice(STAGES.indexOf(stage));
  let query = db
    .selectFrom("practiceTeam")
    .innerJoin("practices", "practices.id", "practiceTeam.practiceId")
    .select("practiceTeam.userId")
    .distinct()
    .where("practices.status", "=", "publicada")
    .where("practices.stage", "in", stages);
  if (userIds) query = query.where("practiceTeam.userId", "in", userIds);
  const rows = await query.execute();
  return new Set(rows.map((r) => r.userId));
}

/** Of `userIds`, those who meet `requirement`. */
export async function membersMeetingRequirement(requirement: TierRequirement, userIds: number[], db: DB = getDb()): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const asked = userIds.length > ID_LIST_LIMIT ? null : userIds;
  let met: Set<number>;
  switch (requirement.type) {
    case "practice_stage_or_transfer": {
      const [byPractice, byTransfer] = await Promise.all([membersWithPracticeAtStage(asked, requirement.stage, db), membersWithCompletedTransfer(asked, db)]);
      met = new Set([...byPractice, ...byTransfer]);
      break;
    }
  }
  if (asked) return met;
  const wanted = new Set(userIds);
  return new Set([...met].filter((userId) => wanted.has(userId)));
}

const requirementKey = (requirement: TierRequirement) => JSON.stringify(requirement);

/** The highest tier whose points and requirements are met, or null. `tiers` in order of position. */
function placeInTiers(tiers: readonly Tier[], points: number, meets: (requirement: TierRequirement) => boolean): Tier | null {
  let reached: Tier | null = null;
  for (const tier of tiers) {
    if (points >= tier.minPoints && tier.requirements.every(meets)) reached = tier;
  }
  return reached;
}

/**
 * The tier of each member from their points, with the requirements checked only for the members
 * whose points reach a tier that has them (one query per kind of requirement, whatever the count).
 */
export async function tiersForMembers(
  members: { userId: number; points: number }[],
  tiers?: readonly Tier[],
  db: DB = getDb(),
): Promise<Map<number, Tier | null>> {
  const ordered = tiers ?? (await listTiers(db));
  const candidates = new Map<string, { requirement: TierRequirement; userIds: Set<number> }>();
  for (const tier of ordered) {
    for (const requirement of tier.requirements) {
      const key = requirementKey(requirement);
      const entry = candidates.get(key) ?? { requirement, userIds: new Set<number>() };
      for (const member of members) if (member.points >= tier.minPoints) entry.userIds.add(member.userId);
      candidates.set(key, entry);
    }
  }
  const met = new Map<string, Set<number>>();
  await Promise.all(
    [...candidates].map(async ([key, { requirement, userIds }]) => {
      met.set(key, await membersMeetingRequirement(requirement, [...userIds], db));
    }),
  );
  return new Map(
    members.map((member) => [
      member.userId,
      placeInTiers(ordered, member.points, (requirement) => met.get(requirementKey(requirement))?.has(member.userId) ?? false),
    ]),
  );
}

async function pointsInYear(userId: number, year: number, db: DB): Promise<number> {
  const row = await db
    .selectFrom("memberPointsYearly")
    .select("points")
    .where("userId", "=", userId)
    .where("year", "=", year)
    .executeTakeFirst();
  return Math.max(0, row?.points ?? 0);
}

export interface TierStanding {
  tier: Tier | null;
  points: number;
  next: { tier: Tier; missingPoints: number; missingRequirements: string[] } | null;
}

/** A member's tier in a year, and what they miss for the following one. */
export async function tierOf(userId: number, year: number, db: DB = getDb()): Promise<TierStanding> {
  const [tiers, points] = await Promise.all([listTiers(db), pointsInYear(userId, year, db)]);
  const kinds = new Map(tiers.flatMap((t) => t.requirements).map((r) => [requirementKey(r), r]));
  const met = new Set<string>();
  for (const [key, requirement] of kinds) {
    if ((await membersMeetingRequirement(requirement, [userId], db)).has(userId)) met.add(key);
  }
  const meets = (requirement: TierRequirement) => met.has(requirementKey(requirement));
  const tier = placeInTiers(tiers, points, meets);
  const following = tier ? tiers[tiers.indexOf(tier) + 1] : tiers[0];
  return {
    tier,
    points,
    next: following
      ? {
          tier: following,
          missingPoints: Math.max(0, following.minPoints - points),
          missingRequirements: following.requirements.filter((r) => !meets(r)).map(requirementLabel),
        }
      : null,
  };
}

/** Kept in memory until the data changes, like every read of a member's public profile (ADR 016). */
export function getMemberTierSummary(userId: number, options: { year?: number } = {}, db: DB = getDb()): Promise<MemberTierSummary> {
  return cachedAggregate(`member-tier:${userId}:${options.year ?? currentYear()}`, () => readMemberTierSummary(userId, options, db), db);
}

/** The props of <MemberTier> for a member's profile: the tier of the year (by default, this one in Lima). */
async function readMemberTierSummary(userId: number, options: { year?: number } = {}, db: DB = getDb()): Promise<MemberTierSummary> {
  const year = options.year ?? currentYear();
  const standing = await tierOf(userId, year, db);
  return {
    tierName: standing.tier?.name ?? null,
    points: standing.points,
    year,
    next: standing.next
      ? {
          tierName: standing.next.tier.name,
          missingPoints: standing.next.missingPoints,
          missingRequirements: standing.next.missingRequirements,
        }
      : null,
  };
}

// ---------------------------------------------------------------------------------------------
// The settings form at /admin/escalas: every tier in one form, fields named `<field>-<tierId>`.

const minPointsSchema = z
  .string({ error: "Escribe el mínimo de puntos." })
  .trim()
  .min(1, { error: "Escribe el mínimo de puntos." })
  .regex(/^-?\d+$/, { error: "Escribe un número entero de puntos, sin decimales." })
  .transform((s) => Number(s))
  .refine((n) => n >= 0 && n <= TIER_MIN_POINTS_MAX, {
    error: `El mínimo de puntos debe estar entre 0 y ${TIER_MIN_POINTS_MAX.toLocaleString("es-PE")}.`,
  });

export const INCREASING_THRESHOLDS_MESSAGE = "Cada escala debe pedir más puntos que la anterior.";

function tierSettingsSchema(tiers: readonly Pick<Tier, "id">[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const { id } of tiers) {
    shape[`name-${id}`] = requiredText(
      { required: "Escribe el nombre de la escala.", tooLong: `El nombre puede tener hasta ${TIER_NAME_MAX} caracteres.` },
      TIER_NAME_MAX,
    );
    shape[`minPoints-${id}`] = minPointsSchema;
    shape[`description-${id}`] = optionalText(`La descripción puede tener hasta ${TIER_DESCRIPTION_MAX} caracteres.`, TIER_DESCRIPTION_MAX);
  }
  return z.object(shape);
}

/**
 * Reads the settings form against the current tiers (in order of position). Each field's own rules
 * come first; thresholds must grow with the order of the tiers, and names must differ.
 */
export function parseTierSettings(formData: FormData, tiers: readonly Pick<Tier, "id">[]): FormResult<TierUpdate[]> {
  const form = parseForm(tierSettingsSchema(tiers), formData);
  const errors: FieldErrors = form.success ? {} : { ...form.errors };

  let previous: number | null = null;
  const seenNames = new Set<string>();
  for (const { id } of tiers) {
    const field = `minPoints-${id}`;
    const parsed = minPointsSchema.safeParse(form.values[field] ?? "");
    if (parsed.success) {
      if (previous !== null && parsed.data <= previous) errors[field] ??= INCREASING_THRESHOLDS_MESSAGE;
      previous = parsed.data;
    }
    const name = (form.values[`name-${id}`] ?? "").trim().toLocaleLowerCase("es-PE");
    if (name && seenNames.has(name)) errors[`name-${id}`] ??= "Dos escalas no pueden tener el mismo nombre.";
    seenNames.add(name);
  }

  if (!form.success || Object.keys(errors).length > 0) return { success: false, errors, values: form.values };
  const data = form.data as Record<string, string | number>;
  return {
    success: true,
    values: form.values,
    data: tiers.map(({ id }) => ({
      id,
      name: String(data[`name-${id}`]),
      minPoints: Number(data[`minPoints-${id}`]),
      description: String(data[`description-${id}`]),
      requirements: formData.get(`requiresAdvanced-${id}`) === "si" ? [ADVANCED_PRACTICE_REQUIREMENT] : [],
    })),
  };
}
