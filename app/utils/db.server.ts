// The application's one database handle, opened on first use from DATABASE_PATH.
import { createDatabase, type DB } from "../../db/connection";

export type { DB } from "../../db/connection";
export { isDatabaseReachable, writeTransaction } from "../../db/connection";

let instance: DB | undefined;

/** Work a module still holds in memory for a handle (visits not yet written), done before it closes. */
const beforeCloseTasks: Array<(db: DB) => Promise<void>> = [];

export function getDb(): DB {
  instance ??= createDatabase();
  return instance;
}

/** Runs `task` for the handle whenever `closeDb` closes it (the server stopping, a test's end). */
export function beforeClose(task: (db: DB) => Promise<void>): void {
  beforeCloseTasks.push(task);
}

export async function closeDb(): Promise<void> {
  const current = instance;
  instance = undefined;
  if (!current) return;
  for (const task of beforeCloseTasks) await task(current);
  await current.destroy();
}
