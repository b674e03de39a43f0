import { getDb, type DB } from "~/utils/db.server";

export interface RegionWithMacroregion {
  id: number;
  slug: string;
  name: string;
  macroregionId: number;
  macroregionName: string;
}

export async function listRegions(db: DB = getDb()): Promise<RegionWithMacroregion[]> {
  return db
    .selectFrom("regions")
    .innerJoin("macroregions", "macroregions.id", "regions.macroregionId")
    .select([
      "regions.id",
      "regions.slug",
      "regions.name",
      "regions.macroregionId",
      "macroregions.name as macroregionName",
    ])
    .orderBy("regions.name")
    .execute();
}

export async function listMacroregions(db: DB = getDb()) {
  return db.selectFrom("macroregions").select(["id", "slug", "name"]).orderBy("id").execute();
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
