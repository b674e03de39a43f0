import { recordAudit } from "~/models/audit.server";
import { cachedAggregate } from "~/utils/cache.server";
import { getDb, writeTransaction, type DB } from "~/utils/db.server";
import { nameKey } from "~/utils/reference-validation.server";

export interface RegionWithMacroregion {
  id: number;
  slug: string;
  name: string;
  macroregionId: number;
  macroregionName: string;
}

/** The id of the region with this slug, as a subquery: a filter on any `region_id` column. */
export function regionIdBySlug(db: DB, slug: string) {
  return db.selectFrom("regions").select("regions.id").where("regions.slug", "=", slug);
}

/** The ids of the regions of the macroregion with this slug, as a subquery (for `region_id in`). */
export function regionIdsOfMacroregion(db: DB, slug: string) {
  return db
    .selectFrom("regions")
    .innerJoin("macroregions", "macroregions.id", "regions.macroregionId")
    .select("regions.id")
    .where("macroregions.slug", "=", slug);
}

/**
 * The 26 regions in Spanish alphabetical order (SQL's byte order would put "Áncash" after "Ucayali").
 * Kept in memory until the data changes (`cachedAggregate`): nearly every page reads them.
 */
export function listRegions(db: DB = getDb()): Promise<readonly RegionWithMacroregion[]> {
  return cachedAggregate(
    "regions",
    async () => {
      const rows = await db
        .selectFrom("regions")
        .innerJoin("macroregions", "macroregions.id", "regions.macroregionId")
        .select(["regions.id", "regions.slug", "regions.name", "regions.macroregionId", "macroregions.name as macroregionName"])
        .execute();
      return rows.sort((a, b) => a.name.localeCompare(b.name, "es"));
    },
    db,
  );
}

/** The macroregions in their order, kept in memory like the regions. */
export function listMacroregions(db: DB = getDb()): Promise<readonly { id: number; slug: string; name: string }[]> {
  return cachedAggregate("macroregions", () => db.selectFrom("macroregions").select(["id", "slug", "name"]).orderBy("id").execute(), db);
}

export async function countRegions(db: DB = getDb()): Promise<number> {
  const row = await db.selectFrom("regions").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function createMacroregion(input: { slug: string; name: string }, db: DB = getDb()): Promise<number> {
  const row = await db.insertInto("macroregions").values(input).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function createRegion(
  input: { slug: string; name: string; macroregionId: number },
  db: DB = getDb(),
): Promise<number> {
  const row = await db.insertInto("regions").values(input).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

// ---------------------------------------------------------------------------------------------
// DIFOCA's editor (/admin/regiones): which macroregion each region belongs to, and the names of
// the macroregions. Slugs never change, so shared catalog links (?macrorregion=centro) keep working.

const spanish = new Intl.Collator("es-PE");

export interface RegionAdminRow extends RegionWithMacroregion {
  igedCount: number;
}

/** The regions in Spanish alphabetical order (Áncash after Amazonas), with their IGEDs counted. */
export async function listRegionsForAdmin(db: DB = getDb()): Promise<RegionAdminRow[]> {
  const rows = await db
    .selectFrom("regions")
    .innerJoin("macroregions", "macroregions.id", "regions.macroregionId")
    .leftJoin("igeds", "igeds.regionId", "regions.id")
    .select((eb) => [
      "regions.id",
      "regions.slug",
      "regions.name",
      "regions.macroregionId",
      "macroregions.name as macroregionName",
      eb.fn.count<number>("igeds.id").as("igedCount"),
    ])
    .groupBy(["regions.id", "macroregions.name"])
    .execute();
  return rows.map((r) => ({ ...r, igedCount: Number(r.igedCount) })).sort((a, b) => spanish.compare(a.name, b.name));
}

export interface MacroregionAdminRow {
  id: number;
  slug: string;
  name: string;
  regionCount: number;
}

export async function listMacroregionsForAdmin(db: DB = getDb()): Promise<MacroregionAdminRow[]> {
  const rows = await db
    .selectFrom("macroregions")
    .leftJoin("regions", "regions.macroregionId", "macroregions.id")
    .select((eb) => ["macroregions.id", "macroregions.slug", "macroregions.name", eb.fn.count<number>("regions.id").as("regionCount")])
    .groupBy("macroregions.id")
    .orderBy("macroregions.id")
    .execute();
  return rows.map((r) => ({ ...r, regionCount: Number(r.regionCount) }));
}

export async function getMacroregion(id: number, db: DB = getDb()) {
  return db.selectFrom("macroregions").select(["id", "slug", "name"]).where("id", "=", id).executeTakeFirst();
}

export type RegionMoveResult =
  | { ok: true; changed: boolean; regionName: string; macroregionName: string }
  | { ok: false; error: "region_not_found" | "macroregion_not_found" };

/** Assigns a region to another macroregion, and keeps who did it and where it was before. */
export async function moveRegionToMacroregion(
  input: { regionId: number; macroregionId: number; actorId: number | null },
  db: DB = getDb(),
): Promise<RegionMoveResult> {
  return writeTransaction(db, async (trx) => {
    const region = await trx
      .selectFrom("regions")
      .innerJoin("macroregions", "macroregions.id", "regions.macroregionId")
      .select(["regions.id", "regions.name", "regions.macroregionId", "macroregions.name as macroregionName"])
      .where("regions.id", "=", input.regionId)
      .executeTakeFirst();
    if (!region) return { ok: false, error: "region_not_found" };
    const target = await getMacroregion(input.macroregionId, trx);
    if (!target) return { ok: false, error: "macroregion_not_found" };
    if (region.macroregionId === target.id) return { ok: true, changed: false, regionName: region.name, macroregionName: target.name };

    await trx.updateTable("regions").set({ macroregionId: target.id }).where("id", "=", region.id).execute();
    await recordAudit(
      {
        actorId: input.actorId,
        action: "region.macroregion_changed",
        targetType: "region",
        targetId: region.id,
        details: {
          region: region.name,
          before: { macroregionId: region.macroregionId, macroregion: region.macroregionName },
          after: { macroregionId: target.id, macroregion: target.name },
        },
      },
      trx,
    );
    return { ok: true, changed: true, regionName: region.name, macroregionName: target.name };
  });
}

export type MacroregionRenameResult =
  | { ok: true; changed: boolean; before: string; after: string }
  | { ok: false; error: "not_found" | "name_taken" };

/** Renames a macroregion; no two macroregions may share a name, whatever the capitals. */
export async function renameMacroregion(
  input: { macroregionId: number; name: string; actorId: number | null },
  db: DB = getDb(),
): Promise<MacroregionRenameResult> {
  return writeTransaction(db, async (trx) => {
    const all = await trx.selectFrom("macroregions").select(["id", "name"]).execute();
    const current = all.find((m) => m.id === input.macroregionId);
    if (!current) return { ok: false, error: "not_found" };
    const key = nameKey(input.name);
    if (all.some((m) => m.id !== current.id && nameKey(m.name) === key)) return { ok: false, error: "name_taken" };
    if (current.name === input.name) return { ok: true, changed: false, before: current.name, after: input.name };

    await trx.updateTable("macroregions").set({ name: input.name }).where("id", "=", current.id).execute();
    await recordAudit(
      {
        actorId: input.actorId,
        action: "macroregion.renamed",
        targetType: "macroregion",
        targetId: current.id,
        details: { before: { name: current.name }, after: { name: input.name } },
      },
      trx,
    );
    return { ok: true, changed: true, before: current.name, after: input.name };
  });
}
