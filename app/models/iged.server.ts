import type { IgedType } from "../../db/schema";
import { recordAudit } from "~/models/audit.server";
import { syncTotalsRegion } from "~/models/points.server";
import { nowIso } from "~/utils/dates";
import { getDb, writeTransaction, type DB } from "~/utils/db.server";
import { nameKey } from "~/utils/reference-validation.server";

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
  const rows = await db
    .selectFrom("igeds")
    .innerJoin("regions", "regions.id", "igeds.regionId")
    .select(["igeds.id", "igeds.name", "igeds.type", "igeds.regionId", "regions.name as regionName"])
    .execute();
  // Spanish order ("Áncash" after "Amazonas", not after "Ucayali"): the DRE/GRE first, then UGEL, then local governments.
  const typeOrder = { dre: 0, ugel: 1, gobierno_local: 2 } as const;
  return rows.sort(
    (a, b) => a.regionName.localeCompare(b.regionName, "es") || typeOrder[a.type] - typeOrder[b.type] || a.name.localeCompare(b.name, "es"),
  );
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

// ---------------------------------------------------------------------------------------------
// DIFOCA's editor (/admin/igeds). IGEDs are never deleted: members and practices point to them.

export interface IgedAdminRow extends IgedOption {
  /** Accounts that belong to the IGED, active or deactivated. */
  memberCount: number;
  /** Practices, in any status, that the IGED leads or shares. */
  practiceCount: number;
}

export interface IgedSearch {
  query?: string;
  regionId?: number;
  type?: IgedType;
  page?: number;
  pageSize?: number;
}

const spanish = new Intl.Collator("es-PE");
const TYPE_ORDER: Record<IgedType, number> = { dre: 0, ugel: 1, gobierno_local: 2 };

/** Lower case without accents, so "huanuco" finds "Huánuco". */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLocaleLowerCase("es-PE");
}

/**
 * IGEDs by region, type and words of their name, a page at a time, with how many members and
 * practices each has. The name is matched here rather than in SQL because SQLite's lower() and
 * LIKE ignore accents only for ASCII; the list is a few hundred rows.
 */
export async function searchIgeds(
  search: IgedSearch,
  db: DB = getDb(),
): Promise<{ igeds: IgedAdminRow[]; total: number; page: number; pageSize: number }> {
  const pageSize = search.pageSize ?? 25;
  let query = db
    .selectFrom("igeds")
    .innerJoin("regions", "regions.id", "igeds.regionId")
    .select(["igeds.id", "igeds.name", "igeds.type", "igeds.regionId", "regions.name as regionName"]);
  if (search.regionId !== undefined) query = query.where("igeds.regionId", "=", search.regionId);
  if (search.type !== undefined) query = query.where("igeds.type", "=", search.type);
  let rows = await query.execute();

  const words = fold(search.query ?? "").split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    rows = rows.filter((row) => {
      const name = fold(row.name);
      return words.every((word) => name.includes(word));
    });
  }
  rows.sort(
    (a, b) => spanish.compare(a.regionName, b.regionName) || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || spanish.compare(a.name, b.name),
  );

  const total = rows.length;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(pages, Math.max(1, search.page ?? 1));
  const pageRows = rows.slice((page - 1) * pageSize, page * pageSize);
  const counts = await countIgedUse(
    pageRows.map((r) => r.id),
    db,
  );
  return {
    igeds: pageRows.map((r) => ({ ...r, memberCount: counts.members.get(r.id) ?? 0, practiceCount: counts.practices.get(r.id) ?? 0 })),
    total,
    page,
    pageSize,
  };
}

async function countIgedUse(ids: number[], db: DB) {
  const members = new Map<number, number>();
  const practices = new Map<number, number>();
  if (ids.length === 0) return { members, practices };
  const memberRows = await db
    .selectFrom("users")
    .select((eb) => ["igedId", eb.fn.countAll<number>().as("n")])
    .where("igedId", "in", ids)
    .groupBy("igedId")
    .execute();
  for (const row of memberRows) if (row.igedId !== null) members.set(row.igedId, Number(row.n));

  const links = db
    .selectFrom("practices")
    .select(["id as practiceId", "leadIgedId as igedId"])
    .where("leadIgedId", "in", ids)
    .union(db.selectFrom("practiceIgeds").select(["practiceId", "igedId"]).where("igedId", "in", ids));
  const practiceRows = await db
    .selectFrom(links.as("links"))
    .select((eb) => ["links.igedId", eb.fn.count<number>("links.practiceId").distinct().as("n")])
    .groupBy("links.igedId")
    .execute();
  for (const row of practiceRows) practices.set(row.igedId, Number(row.n));
  return { members, practices };
}

export interface IgedFields {
  name: string;
  type: IgedType;
  regionId: number;
}

export type IgedWriteResult =
  | { ok: true; igedId: number; name: string; changed: boolean }
  | { ok: false; error: "not_found" | "name_taken" | "region_not_found" };

/** The IGED, other than `exceptId`, whose name is `name` whatever the capitals. */
async function igedWithSameName(name: string, exceptId: number | null, db: DB) {
  const key = nameKey(name);
  const rows = await db.selectFrom("igeds").select(["id", "name"]).execute();
  return rows.find((row) => row.id !== exceptId && nameKey(row.name) === key);
}

async function regionExists(regionId: number, db: DB): Promise<boolean> {
  return (await db.selectFrom("regions").select("id").where("id", "=", regionId).executeTakeFirst()) !== undefined;
}

/** Adds an IGED to the list; its name must be new, whatever the capitals. */
export async function createIged(input: IgedFields & { actorId: number | null }, db: DB = getDb()): Promise<IgedWriteResult> {
  return writeTransaction(db, async (trx) => {
    if (!(await regionExists(input.regionId, trx))) return { ok: false, error: "region_not_found" };
    if (await igedWithSameName(input.name, null, trx)) return { ok: false, error: "name_taken" };
    const after = { name: input.name, type: input.type, regionId: input.regionId };
    const row = await trx
      .insertInto("igeds")
      .values({ ...after, createdAt: nowIso() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit({ actorId: input.actorId, action: "iged.created", targetType: "iged", targetId: row.id, details: { after } }, trx);
    return { ok: true, igedId: row.id, name: input.name, changed: true };
  });
}

/**
 * Corrects an IGED's name, type or region. A practice's region is its lead IGED's region (see
 * createPractice), so the practices it leads move with it, in the same transaction; and so do
 * its members' points in the ranking by region.
 */
export async function updateIged(input: IgedFields & { igedId: number; actorId: number | null }, db: DB = getDb()): Promise<IgedWriteResult> {
  return writeTransaction(db, async (trx) => {
    const current = await trx.selectFrom("igeds").select(["id", "name", "type", "regionId"]).where("id", "=", input.igedId).executeTakeFirst();
    if (!current) return { ok: false, error: "not_found" };
    if (!(await regionExists(input.regionId, trx))) return { ok: false, error: "region_not_found" };
    if (await igedWithSameName(input.name, current.id, trx)) return { ok: false, error: "name_taken" };

    const next: IgedFields = { name: input.name, type: input.type, regionId: input.regionId };
    const before: Partial<IgedFields> = {};
    const after: Partial<IgedFields> = {};
    for (const key of ["name", "type", "regionId"] as const) {
      if (current[key] !== next[key]) {
        Object.assign(before, { [key]: current[key] });
        Object.assign(after, { [key]: next[key] });
      }
    }
    if (Object.keys(after).length === 0) return { ok: true, igedId: current.id, name: current.name, changed: false };

    await trx.updateTable("igeds").set(next).where("id", "=", current.id).execute();
    let practicesMoved = 0;
    if (after.regionId !== undefined) {
      const moved = await trx
        .updateTable("practices")
        .set({ regionId: next.regionId })
        .where("leadIgedId", "=", current.id)
        .executeTakeFirst();
      practicesMoved = Number(moved.numUpdatedRows);
      // Its members' points count in the ranking of the new region.
      await syncTotalsRegion(trx, { igedId: current.id });
    }
    await recordAudit(
      {
        actorId: input.actorId,
        action: "iged.updated",
        targetType: "iged",
        targetId: current.id,
        details: after.regionId !== undefined ? { before, after, practicesMoved } : { before, after },
      },
      trx,
    );
    return { ok: true, igedId: current.id, name: next.name, changed: true };
  });
}

/** Whether every id names an IGED (the list a form offered may be stale or tampered with). */
export async function allIgedsExist(ids: number[], db: DB = getDb()): Promise<boolean> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return true;
  const rows = await db.selectFrom("igeds").select("id").where("id", "in", unique).execute();
  return rows.length === unique.length;
}
