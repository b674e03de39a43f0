// The only module that knows the database is SQLite: the driver, the pragmas and the
// write-transaction mode live here. A PostgreSQL deployment replaces this file.
import SQLite from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from "kysely";
import type { Database } from "./schema";

export type DB = Kysely<Database>;

export const DEFAULT_DATABASE_PATH = "data/cop.db";

export function databasePath(): string {
  return resolve(process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
}

/** Opens the raw SQLite handle with the pragmas every connection must have. */
export function openSqlite(path: string): SQLite.Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  // FULL: a write that was answered as saved survives a power loss or a kill, not only a crash.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return sqlite;
}

/** Kysely over an SQLite file, snake_case columns seen as camelCase. */
export function createDatabase(path = databasePath()): DB {
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: openSqlite(path) }),
    plugins: [new CamelCasePlugin()],
  });
}

/** Kysely without the camelCase plugin, for migrations, which spell SQL names as they are. */
export function createMigrationDatabase(path = databasePath()): Kysely<unknown> {
  return new Kysely<unknown>({ dialect: new SqliteDialect({ database: openSqlite(path) }) });
}

/**
 * Runs `work` inside a write transaction. SQLite's default deferred transactions can fail with
 * SQLITE_BUSY when a reader upgrades to a writer under WAL; BEGIN IMMEDIATE takes the write lock
 * up front, so a busy database waits (busy_timeout) instead of failing.
 */
const openTransactions = new WeakSet<DB>();

export async function writeTransaction<T>(db: DB, work: (trx: DB) => Promise<T>): Promise<T> {
  // Writes that are already inside a transaction join it.
  if (db.isTransaction || openTransactions.has(db)) return work(db);
  return db.connection().execute(async (conn) => {
    openTransactions.add(conn);
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

/** Answers whether the database can be read. */
export async function isDatabaseReachable(db: DB): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
