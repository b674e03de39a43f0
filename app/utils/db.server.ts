// The application's one database handle, opened on first use from DATABASE_PATH.
import { createDatabase, type DB } from "../../db/connection";

export type { DB } from "../../db/connection";
export { isDatabaseReachable, writeTransaction } from "../../db/connection";

let instance: DB | undefined;

export function getDb(): DB {
  instance ??= createDatabase();
  return instance;
}

export async function closeDb(): Promise<void> {
  const current = instance;
  instance = undefined;
  await current?.destroy();
}
