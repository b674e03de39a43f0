// The only module that knows the database is SQLite: the driver, the pragmas and the
// write-transaction mode live here. A PostgreSQL deployment replaces this file.
import SQLite from "better-sqlite3";
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { CamelCasePlugin, Kysely, SqliteDialect, SqliteQueryCompiler, sql, type PluginTransformQueryArgs, type RootOperationNode, type SqliteDatabase } from "kysely";
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
  // Reads and single statements wait up to 5 s for a lock; write transactions wait in
  // writeTransaction without blocking the process.
  sqlite.pragma("busy_timeout = 5000");
  return sqlite;
}

const handles = new WeakMap<DB, SQLite.Database>();

/** How many prepared statements a connection keeps (the app runs a few hundred distinct ones). */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * The handle as Kysely sees it, keeping its prepared statements: Kysely prepares every query it
 * runs, and preparing cost a write request more time than running its statements (ADR 015).
 * Kysely only calls all() and run() on them (the platform streams no query), which leave a
 * statement ready for the next call; SQLite prepares a kept statement again by itself after a
 * schema change.
 */
function keepingStatements(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(source: string) {
      let statement = statements.get(source);
      if (statement) {
        // Most recently used last: the first entry is the one to forget.
        statements.delete(source);
      } else {
        statement = sqlite.prepare(source);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
      }
      statements.set(source, statement);
      return statement;
    },
  };
}

/**
 * Kysely's camelCase plugin, with its names turned into snake_case while the SQL is written rather
 * than before: the plugin copied every query's whole tree of nodes to rename its identifiers, 6 %
 * of a practice page's CPU, a quarter of what it spent in Kysely (ADR 015). Every identifier reaches the SQL through
 * `sanitizeIdentifier`, so the SQL is the same; rows still come back camelCase through the plugin.
 */
class CamelCase extends CamelCasePlugin {
  override transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  toSnakeCase(name: string): string {
    return this.snakeCase(name);
  }
}

class SnakeCaseSqliteDialect extends SqliteDialect {
  constructor(
    config: ConstructorParameters<typeof SqliteDialect>[0],
    private readonly names: CamelCase,
  ) {
    super(config);
  }

  override createQueryCompiler() {
    const names = this.names;
    return new (class extends SqliteQueryCompiler {
      protected override sanitizeIdentifier(identifier: string): string {
        return super.sanitizeIdentifier(names.toSnakeCase(identifier));
      }
    })();
  }
}

/** Kysely over an SQLite file, snake_case columns seen as camelCase. */
export function createDatabase(path = databasePath()): DB {
  const sqlite = openSqlite(path);
  const camelCase = new CamelCase();
  const db = new Kysely<Database>({
    dialect: new SnakeCaseSqliteDialect({ database: keepingStatements(sqlite) }, camelCase),
    plugins: [camelCase],
  });
  handles.set(db, sqlite);
  return db;
}

/**
 * A cheap token that changes whenever the database's data may have changed, for caches of
 * expensive aggregates (app/utils/cache.server.ts, ADR 013): `PRAGMA data_version` moves when
 * another connection (another server process, a script) commits, `total_changes()` when this
 * connection writes. Null for a handle this module did not open (a transaction): do not cache.
 */
export function dataVersion(db: DB): string | null {
  const sqlite = handles.get(db);
  if (!sqlite) return null;
  const version = sqlite.pragma("data_version", { simple: true }) as number;
  const changes = totalChangesOf(sqlite).get() as number;
  return `${version}:${changes}`;
}

const totalChanges = new WeakMap<SQLite.Database, SQLite.Statement>();

function totalChangesOf(sqlite: SQLite.Database): SQLite.Statement {
  let statement = totalChanges.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare("select total_changes()").pluck();
    totalChanges.set(sqlite, statement);
  }
  return statement;
}

/** Kysely without the camelCase plugin, for migrations, which spell SQL names as they are. */
export function createMigrationDatabase(path = databasePath()): Kysely<unknown> {
  return new Kysely<unknown>({ dialect: new SqliteDialect({ database: openSqlite(path) }) });
}

/**
 * Runs `work` inside a write transaction. SQLite's default deferred transactions can fail with
 * SQLITE_BUSY when a reader upgrades to a writer under WAL; BEGIN IMMEDIATE takes the write lock
 * up front, so a busy database waits instead of failing.
 */
const openTransactions = new WeakSet<DB>();

export async function writeTransaction<T>(db: DB, work: (trx: DB) => Promise<T>): Promise<T> {
  // Writes that are already inside a transaction join it.
  if (db.isTransaction || openTransactions.has(db)) return work(db);
  return db.connection().execute(async (conn) => {
    openTransactions.add(conn);
    await beginImmediate(conn);
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

/** How long a write waits for another process's write to finish before failing. */
const WRITE_LOCK_WAIT_MS = 5_000;

/**
 * BEGIN IMMEDIATE, waiting for the write lock without blocking the process. SQLite's own wait
 * (busy_timeout) sleeps inside the call, so while one server process writes, another one waiting
 * to write serves nobody, and wakes up only at its next step of 1 to 100 ms, long after the lock
 * was free (ADR 015). Here the attempt does not wait, and a refused one is tried again after a
 * short pause of the event loop (1 ms, doubling to at most 8, with jitter) until the deadline.
 */
async function beginImmediate(conn: DB): Promise<void> {
  const deadline = Date.now() + WRITE_LOCK_WAIT_MS;
  let pause = 1;
  await sql`pragma busy_timeout = 0`.execute(conn);
  try {
    for (;;) {
      try {
        await sql`begin immediate`.execute(conn);
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() >= deadline) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())));
      pause = Math.min(pause * 2, 8);
    }
  } finally {
    await sql`pragma busy_timeout = 5000`.execute(conn);
  }
}

function isBusy(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error.code === "SQLITE_BUSY" || error.code === "SQLITE_BUSY_SNAPSHOT");
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

/**
 * Bulk load mode, for building a database from scratch (`npm run bench:data`): no fsync, the
 * rollback journal in memory instead of the WAL (a huge transaction would otherwise be written
 * twice), a large page cache, and foreign keys checked once at the end instead of on every insert.
 * A crash leaves a file to throw away, which is fine for generated data and never fine for the
 * live database. Pragmas apply to the connection, so this needs a Kysely with one connection
 * (createDatabase) and no open transaction.
 */
export async function beginBulkLoad(db: DB): Promise<void> {
  await sql`pragma foreign_keys = OFF`.execute(db);
  await sql`pragma synchronous = OFF`.execute(db);
  await sql`pragma journal_mode = MEMORY`.execute(db);
  await sql`pragma temp_store = MEMORY`.execute(db);
  await sql`pragma cache_size = -262144`.execute(db);
}

/**
 * Leaves bulk load mode: verifies every foreign key that was not checked while loading (throws
 * with the first violations), restores the pragmas of `openSqlite` and refreshes the query
 * planner's statistics (ANALYZE, PRAGMA optimize).
 */
export async function endBulkLoad(db: DB): Promise<void> {
  const violations = await sql<{ table: string; rowid: number; parent: string }>`pragma foreign_key_check`.execute(db);
  if (violations.rows.length > 0) {
    const sample = violations.rows.slice(0, 5).map((v) => `${v.table} #${v.rowid} → ${v.parent}`).join(", ");
    throw new Error(`Bulk load broke ${violations.rows.length} foreign keys: ${sample}`);
  }
  await sql`pragma journal_mode = WAL`.execute(db);
  await sql`pragma synchronous = FULL`.execute(db);
  await sql`pragma foreign_keys = ON`.execute(db);
  await sql`analyze`.execute(db);
  await sql`pragma optimize`.execute(db);
}

// ---------------------------------------------------------------------------------------------
// Backups and restores. `npm run backup` and `npm run restore` (db/backup.ts, db/restore.ts) only
// speak files and messages; the SQLite calls they need live here.

/** The tables whose rows a backup counts and prints: the platform's main records. */
export const COUNTED_TABLES = [
  "users",
  "practices",
  "wall_posts",
  "wall_replies",
  "wall_reply_reactions",
  "points_ledger",
  "member_points",
  "badge_awards",
  "notifications",
  "advisories",
  "transfers",
  "events",
] as const;

export interface DatabaseFileReport {
  /** "ok", or what PRAGMA integrity_check found. */
  integrity: string[];
  /** The migrations recorded in the file; null when it has no migration table (not a platform database). */
  migrations: string[] | null;
  counts: Record<string, number>;
}

/** Checks a database file that no server uses (a backup, a restored copy) and counts its main rows. */
export function inspectDatabaseFile(path: string): DatabaseFileReport {
  const sqlite = new SQLite(path, { fileMustExist: true });
  try {
    const integrity = sqlite.pragma("integrity_check", { simple: false }) as { integrity_check: string }[];
    const tables = new Set((sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]));
    const migrations = tables.has("kysely_migration")
      ? (sqlite.prepare("select name from kysely_migration order by name").pluck().all() as string[])
      : null;
    const counts: Record<string, number> = {};
    for (const table of COUNTED_TABLES) {
      if (tables.has(table)) counts[table] = sqlite.prepare(`select count(*) from "${table}"`).pluck().get() as number;
    }
    return { integrity: integrity.map((r) => r.integrity_check), migrations, counts };
  } finally {
    sqlite.close();
  }
}

/**
 * Copies a live database to `destination` while the server keeps serving and writing.
 * VACUUM INTO reads one snapshot in a single statement: under WAL, writers go on and the copy
 * holds exactly the transactions committed when it started. (The step-wise online backup API
 * starts over each time another process writes between steps, so under steady writes it may
 * never finish.) The copy is then turned into a self-contained file with no -wal beside it.
 */
export function backupDatabase(source: string, destination: string): void {
  const sqlite = new SQLite(source, { fileMustExist: true });
  try {
    // Reads and single statements wait up to 5 s for a lock; write transactions wait in
  // writeTransaction without blocking the process.
  sqlite.pragma("busy_timeout = 5000");
    sqlite.prepare("vacuum into ?").run(destination);
  } finally {
    sqlite.close();
  }
  const copy = new SQLite(destination, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
}

/**
 * Puts `replacement` (a checked copy) in place of the database at `target`, keeping the replaced
 * file at `keepAs`. Refuses with "in_use" while any other connection (a running server, a script)
 * has the database open: it takes SQLite's exclusive lock first and holds it until the swap is
 * done, so no server can open the old file in between. The old file's WAL is folded into it
 * first, and no -wal or -shm is left beside the new file: SQLite would replay a stale WAL into it.
 */
export function replaceDatabaseFile(target: string, replacement: string, keepAs: string): { ok: true; keptOld: boolean } | { ok: false; reason: "in_use" } {
  let old: SQLite.Database | null = null;
  if (existsSync(target)) {
    old = new SQLite(target, { fileMustExist: true, timeout: 0 });
    try {
      old.pragma("locking_mode = EXCLUSIVE");
      // Leaving WAL needs every other connection gone; it also checkpoints the WAL into the file.
      const mode = old.pragma("journal_mode = DELETE", { simple: true });
      if (mode !== "delete") throw Object.assign(new Error(`journal_mode stayed ${String(mode)}`), { code: "SQLITE_BUSY" });
      old.exec("begin exclusive");
    } catch (error) {
      old.close();
      const code = (error as { code?: unknown }).code;
      if (typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"))) return { ok: false, reason: "in_use" };
      throw error;
    }
  }
  try {
    if (old) linkSync(target, keepAs);
    renameSync(replacement, target);
    for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${target}${suffix}`, { force: true });
    syncDirectory(dirname(target));
    return { ok: true, keptOld: old !== null };
  } finally {
    if (old) {
      old.exec("rollback");
      old.close();
    }
  }
}

/** Makes a rename in `dir` survive a power loss. */
function syncDirectory(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

