import type { IgedType } from "../../db/schema";
import { nowIso } from "~/utils/dates";
import { getDb, type DB } from "~/utils/db.server";

export { IGED_TYPE_LABELS } from "~/utils/iged-types";

export interface IgedOption {
  id: number;
  name: string;
  type: IgedType;
  regionId: number;
  regionName: string;
}

/** Every IGED with its region, ordered for a select grouped by region. */
export async function listIgedOptions(db: DB = getDb()): Promise<IgedOption[]> {
  return db
    .selectFrom("igeds")
    .innerJoin("regions", "regions.id", "igeds.regionId")
    .select(["igeds.id", "igeds.name", "igeds.type", "igeds.regionId", "regions.name as regionName"])
    .orderBy("regions.name")
    .orderBy((eb) => eb.case().when("igeds.type", "=", "dre").then(0).when("igeds.type", "=", "ugel").then(1).else(2).end())
    .orderBy("igeds.name")
    .execute();
}

export async function getIged(id: number, db: DB = getDb()): Promise<IgedOption | undefined> {
  return db
    .selectFrom("igeds")
    .innerJoin("regions", "regions.id", "igeds.regionId")
    .select(["igeds.id", "igeds.name", "igeds.type", "igeds.regionId", "regions.name as regionName"])
    .where("igeds.id", "=", id)
    .executeTakeFirst();
}

export async function getIgedByName(name: string, db: DB = getDb()): Promise<IgedOption | undefined> {
  return db
    .selectFrom("igeds")
    .innerJoin("regions", "regions.id", "igeds.regionId")
    .select(["igeds.id", "igeds.name", "igeds.type", "igeds.regionId", "regions.name as regionName"])
    .where("igeds.name", "=", name)
    .executeTakeFirst();
}

export async function createIgeds(
  rows: { name: string; type: IgedType; regionId: number }[],
  db: DB = getDb(),
): Promise<void> {
  if (rows.length === 0) return;
  const createdAt = nowIso();
  await db
    .insertInto("igeds")
    .values(rows.map((r) => ({ ...r, createdAt })))
    .execute();
}

export async function countIgedsByType(db: DB = getDb()): Promise<Record<IgedType, number>> {
  const rows = await db
    .selectFrom("igeds")
    .select(["type", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("type")
    .execute();
  const counts: Record<IgedType, number> = { dre: 0, ugel: 0, gobierno_local: 0 };
  for (const row of rows) counts[row.type] = Number(row.n);
  return counts;
}
