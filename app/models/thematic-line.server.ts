// The thematic lines practices are filed under; DIFOCA keeps the list.
import { getDb, type DB } from "~/utils/db.server";

export interface ThematicLine {
  id: number;
  slug: string;
  name: string;
  active: boolean;
}

export async function listThematicLines(options: { includeInactive?: boolean } = {}, db: DB = getDb()): Promise<ThematicLine[]> {
  let query = db.selectFrom("thematicLines").select(["id", "slug", "name", "active"]).orderBy("position").orderBy("name");
  if (!options.includeInactive) query = query.where("active", "=", 1);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, active: r.active === 1 }));
}

export async function getThematicLineByName(name: string, db: DB = getDb()) {
  return db.selectFrom("thematicLines").select(["id", "slug", "name"]).where("name", "=", name).executeTakeFirst();
}
