// The thematic lines practices are filed under; DIFOCA keeps the list.
import { recordAudit } from "~/models/audit.server";
import { cachedAggregate } from "~/utils/cache.server";
import { getDb, writeTransaction, type DB } from "~/utils/db.server";
import { nameKey, POSITION_MAX } from "~/utils/reference-validation.server";
import { slugify } from "~/utils/slug";

export interface ThematicLine {
  id: number;
  slug: string;
  name: string;
  active: boolean;
}

/** The lines in their order (the active ones unless asked), kept in memory until the data changes. */
export function listThematicLines(options: { includeInactive?: boolean } = {}, db: DB = getDb()): Promise<readonly ThematicLine[]> {
  const includeInactive = options.includeInactive === true;
  return cachedAggregate(
    `thematic-lines:${includeInactive ? "all" : "active"}`,
    async () => {
      let query = db.selectFrom("thematicLines").select(["id", "slug", "name", "active"]).orderBy("position").orderBy("name");
      if (!includeInactive) query = query.where("active", "=", 1);
      const rows = await query.execute();
      return rows.map((r) => ({ ...r, active: r.active === 1 }));
    },
    db,
  );
}

/** The id of the thematic line with this slug, as a subquery: a filter on a `thematic_line_id` column. */
export function thematicLineIdBySlug(db: DB, slug: string) {
  return db.selectFrom("thematicLines").select("thematicLines.id").where("thematicLines.slug", "=", slug);
}

export async function getThematicLineByName(name: string, db: DB = getDb()) {
  return db.selectFrom("thematicLines").select(["id", "slug", "name"]).where("name", "=", name).executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// DIFOCA's editor (/admin/lineas). Lines are never deleted: a deactivated line is no longer
// offered in forms, and the practices filed under it keep it. A line's slug never changes, so
// catalog links (?linea=...) keep working after a rename.

export interface ThematicLineAdminRow extends ThematicLine {
  position: number;
  /** Practices, in any status, filed under the line. */
  practiceCount: number;
}

export async function listThematicLinesForAdmin(db: DB = getDb()): Promise<ThematicLineAdminRow[]> {
  const rows = await db
    .selectFrom("thematicLines")
    .leftJoin("practices", "practices.thematicLineId", "thematicLines.id")
    .select((eb) => [
      "thematicLines.id",
      "thematicLines.slug",
      "thematicLines.name",
      "thematicLines.active",
      "thematicLines.position",
      eb.fn.count<number>("practices.id").as("practiceCount"),
    ])
    .groupBy("thematicLines.id")
    .orderBy("thematicLines.position")
    .orderBy("thematicLines.name")
    .execute();
  return rows.map((r) => ({ ...r, active: r.active === 1, practiceCount: Number(r.practiceCount) }));
}

export type ThematicLineWriteResult =
  | { ok: true; lineId: number; name: string; changed: boolean }
  | { ok: false; error: "not_found" | "name_taken" };

async function allLines(db: DB) {
  return db.selectFrom("thematicLines").select(["id", "slug", "name", "active", "position"]).execute();
}

function nameTaken(lines: { id: number; name: string }[], name: string, exceptId: number | null): boolean {
  const key = nameKey(name);
  return lines.some((line) => line.id !== exceptId && nameKey(line.name) === key);
}

/** A slug no other line has (a renamed line keeps its old slug, which a new line may want). */
function freeSlug(name: string, taken: Set<string>): string {
  const base = slugify(name) || "linea";
  let slug = base;
  for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
  return slug;
}

/** Adds an active line; without a position it goes after the last one. */
export async function createThematicLine(
  input: { name: string; position: number | null; actorId: number | null },
  db: DB = getDb(),
): Promise<ThematicLineWriteResult> {
  return writeTransaction(db, async (trx) => {
    const lines = await allLines(trx);
    if (nameTaken(lines, input.name, null)) return { ok: false, error: "name_taken" };
    const position = input.position ?? Math.min(POSITION_MAX, Math.max(-1, ...lines.map((l) => l.position)) + 1);
    const after = { name: input.name, slug: freeSlug(input.name, new Set(lines.map((l) => l.slug))), position, active: true };
    const row = await trx
      .insertInto("thematicLines")
      .values({ ...after, active: 1 })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(
      { actorId: input.actorId, action: "thematic_line.created", targetType: "thematic_line", targetId: row.id, details: { after } },
      trx,
    );
    return { ok: true, lineId: row.id, name: input.name, changed: true };
  });
}

/** Renames a line or changes its place in the list; its practices stay filed under it. */
export async function updateThematicLine(
  input: { lineId: number; name: string; position: number; actorId: number | null },
  db: DB = getDb(),
): Promise<ThematicLineWriteResult> {
  return writeTransaction(db, async (trx) => {
    const lines = await allLines(trx);
    const current = lines.find((l) => l.id === input.lineId);
    if (!current) return { ok: false, error: "not_found" };
    if (nameTaken(lines, input.name, current.id)) return { ok: false, error: "name_taken" };

    const before: { name?: string; position?: number } = {};
    const after: { name?: string; position?: number } = {};
    if (current.name !== input.name) [before.name, after.name] = [current.name, input.name];
    if (current.position !== input.position) [before.position, after.position] = [current.position, input.position];
    if (Object.keys(after).length === 0) return { ok: true, lineId: current.id, name: current.name, changed: false };

    await trx.updateTable("thematicLines").set({ name: input.name, position: input.position }).where("id", "=", current.id).execute();
    await recordAudit(
      { actorId: input.actorId, action: "thematic_line.updated", targetType: "thematic_line", targetId: current.id, details: { before, after } },
      trx,
    );
    return { ok: true, lineId: current.id, name: input.name, changed: true };
  });
}

/** Deactivates a line (no longer offered in forms) or activates it again. */
export async function setThematicLineActive(
  input: { lineId: number; active: boolean; actorId: number | null },
  db: DB = getDb(),
): Promise<ThematicLineWriteResult> {
  return writeTransaction(db, async (trx) => {
    const current = await trx.selectFrom("thematicLines").select(["id", "name", "active"]).where("id", "=", input.lineId).executeTakeFirst();
    if (!current) return { ok: false, error: "not_found" };
    if ((current.active === 1) === input.active) return { ok: true, lineId: current.id, name: current.name, changed: false };

    await trx.updateTable("thematicLines").set({ active: input.active ? 1 : 0 }).where("id", "=", current.id).execute();
    await recordAudit(
      {
        actorId: input.actorId,
        action: input.active ? "thematic_line.activated" : "thematic_line.deactivated",
        targetType: "thematic_line",
        targetId: current.id,
        details: { name: current.name, before: { active: current.active === 1 }, after: { active: input.active } },
      },
      trx,
    );
    return { ok: true, lineId: current.id, name: current.name, changed: true };
  });
}

export async function isActiveThematicLine(id: number, db: DB = getDb()): Promise<boolean> {
  const row = await db.selectFrom("thematicLines").select("id").where("id", "=", id).where("active", "=", 1).executeTakeFirst();
  return row !== undefined;
}
