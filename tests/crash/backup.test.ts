// `npm run backup` while the production server serves and writes, and `npm run restore` with the
// server stopped: the copy holds every write answered before the backup began, none half-done,
// and the platform starts again on it.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspectDatabaseFile } from "../../db/connection";
import { makeBackup } from "../../db/backup";
import { restoreBackup } from "../../db/restore";
import { closeDb } from "~/utils/db.server";
import { ensureBuild } from "../../server/bootstrap.mjs";
import {
  checkDatabase,
  freePort,
  killServer,
  prepareWorld,
  runScript,
  runWriteLoad,
  seedFromEnvironment,
  seededRandom,
  startServerProcess,
  type Acknowledged,
  type ServerProcess,
  type World,
} from "./harness";

let PORT: number;
const databasePath = process.env.DATABASE_PATH!;
const secretsDir = path.dirname(databasePath);
const backups = mkdtempSync(path.join(tmpdir(), "cop-copias-"));
const seed = seedFromEnvironment();
let world: World;
/** The challenges made before any load, which every copy of the database holds. */
let seedChallenges: World["challenges"];
const running = new Set<ServerProcess>();

/** Checks a copy against the writes answered before it began and the live database at the end. */
async function expectConsistentCopy(file: string, before: Acknowledged[], live: Record<string, number>) {
  const name = path.basename(file);
  const check = await checkDatabase(file, before);
  expect(check.integrity, `PRAGMA integrity_check of ${name}`).toEqual(["ok"]);
  expect(check.missing, `writes answered before ${name} began that it lacks`).toEqual([]);
  expect(check.pointDifferences, `points totals in ${name} that differ from its ledger`).toEqual([]);
  expect(check.halfDone, `half-done writes in ${name}`).toEqual([]);
  for (const [table, rows] of Object.entries(check.counts)) {
    expect(rows, `${table} rows in ${name}: no more than the live database has`).toBeLessThanOrEqual(live[table]!);
  }
  const contentRows = (counts: Record<string, number>) => counts.wallReplies! + counts.practices! + counts.wallPosts!;
  expect(contentRows(check.counts), `${name} is a copy of a moment, not of the end`).toBeLessThan(contentRows(live));
  return check;
}

function start(): ServerProcess {
  const server = startServerProcess({ port: PORT, databasePath, secretsDir });
  running.add(server);
  void server.exited.then(() => running.delete(server));
  return server;
}

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  ensureBuild();
  PORT = await freePort();
  world = await prepareWorld(4);
  seedChallenges = [...world.challenges];
  await closeDb();
}, 300_000);

afterAll(async () => {
  await Promise.all([...running].map((server) => killServer(server, "SIGTERM")));
  rmSync(backups, { recursive: true, force: true });
});

describe("backups of the live database", () => {
  it("copies the database while members write, and restoring the copy brings back every write answered before the backup, whole and with points equal to the ledger", async () => {
    console.log(`Backup test: seed ${seed} (repeat with CRASH_SEED=${seed}).`);
    const copy = path.join(backups, "copia.db");
    const server = start();
    await server.ready;
    expect((await fetch(`http://127.0.0.1:${PORT}/healthz`)).status).toBe(200);

    const acknowledged: Acknowledged[] = [];
    let stopped = false;
    const load = runWriteLoad({ world, port: PORT, random: seededRandom(seed), stopped: () => stopped, onAcknowledged: (w) => acknowledged.push(w) });
    await until(() => acknowledged.length >= 20, "20 acknowledged writes before the backup");

    // The backup function itself, the moment after the last answer: what was just written is
    // still in the WAL, not yet in the database file, and must be in the copy all the same.
    const immediate = path.join(backups, "copia-inmediata.db");
    const beforeImmediate = [...acknowledged];
    makeBackup({ source: databasePath, out: immediate });

    // Everything answered before this moment must be in the copy.
    const beforeBackup = [...acknowledged];
    const backup = await runScript("backup", ["--out", copy], { DATABASE_PATH: databasePath });
    const duringBackup = acknowledged.length - beforeBackup.length;
    // Writes go on after the copy, so the live database ends up ahead of it.
    const afterBackupStarts = acknowledged.length;
    await until(() => acknowledged.length >= afterBackupStarts + 10, "writes after the backup");

    expect(backup.output, "what npm run backup printed").toContain(`Copia de seguridad lista: ${copy}`);
    expect(backup.status, backup.output).toBe(0);
    expect(backup.output).toMatch(/Integridad: ok/);
    expect(backup.output).toMatch(/wall_replies\s+\d/);
    console.log(`Backup test: ${beforeBackup.length} writes before the backup, ${duringBackup} while it ran.`);

    // While the server has the database open, a restore refuses and changes nothing.
    const refused = await runScript("restore", [copy], { DATABASE_PATH: databasePath });
    expect(refused.status).toBe(1);
    expect(refused.output).toContain("está en uso");
    expect(refused.output).toContain("No se cambió nada.");
    expect(readdirSync(secretsDir).filter((f) => f.includes("antes-de-restaurar"))).toEqual([]);

    stopped = true;
    const result = await load;
    expect(result.unexpected, "answers that were neither a success nor a cut connection").toEqual([]);
    await killServer(server, "SIGTERM");
    const live = await checkDatabase(databasePath, acknowledged);
    expect(live.missing).toEqual([]);

    // Each copy on its own: whole, holding every write answered before it began, none half-done.
    const inImmediate = await expectConsistentCopy(immediate, beforeImmediate, live.counts);
    const inCopy = await expectConsistentCopy(copy, beforeBackup, live.counts);
    expect(inImmediate.counts.pointsLedger, "the later copy holds at least what the earlier one does").toBeLessThanOrEqual(inCopy.counts.pointsLedger!);

    // With the server stopped, the restore puts the copy in place and keeps the replaced database.
    const restored = await runScript("restore", [copy], { DATABASE_PATH: databasePath });
    expect(restored.status, restored.output).toBe(0);
    expect(restored.output).toContain(`Se restauró ${copy} en ${databasePath}`);
    const keptName = readdirSync(secretsDir).find((f) => f.startsWith(`${path.basename(databasePath)}.antes-de-restaurar-`));
    expect(keptName, "the replaced database kept beside the restored one").toBeDefined();
    expect(restored.output).toContain(`La base de datos anterior quedó guardada en ${path.join(secretsDir, keptName!)}`);
    expect(existsSync(`${databasePath}-wal`), "no WAL of the old database beside the restored one").toBe(false);

    const back = await checkDatabase(databasePath, beforeBackup);
    expect(back.integrity).toEqual(["ok"]);
    expect(back.missing).toEqual([]);
    expect(back.pointDifferences).toEqual([]);
    expect(back.halfDone).toEqual([]);
    expect(back.counts).toEqual(inCopy.counts);
    const kept = await checkDatabase(path.join(secretsDir, keptName!), acknowledged);
    expect(kept.missing, "the kept database still has every write").toEqual([]);
    expect(kept.counts).toEqual(live.counts);

    // The platform starts on the restored database and takes writes again.
    const again = start();
    await again.ready;
    expect((await fetch(`http://127.0.0.1:${PORT}/healthz`)).status).toBe(200);
    const resumed: Acknowledged[] = [];
    let resumedStop = false;
    const restoredWorld: World = { ...world, challenges: [...seedChallenges], replies: [] };
    const resumedLoad = runWriteLoad({ world: restoredWorld, port: PORT, random: seededRandom(seed + 1), stopped: () => resumedStop, onAcknowledged: (w) => resumed.push(w) });
    await until(() => resumed.length >= 5, "writes on the restored database");
    resumedStop = true;
    expect((await resumedLoad).unexpected).toEqual([]);
    await killServer(again, "SIGTERM");
    expect((await checkDatabase(databasePath, [...beforeBackup, ...resumed])).missing).toEqual([]);
  }, 300_000);

  it("refuses a copy that is damaged, is not the platform's, or comes from a newer version, and changes nothing", async () => {
    const target = path.join(backups, "destino.db");
    const good = path.join(backups, "buena.db");
    const backup = await runScript("backup", ["--out", good], { DATABASE_PATH: databasePath });
    expect(backup.status, backup.output).toBe(0);

    const garbage = path.join(backups, "basura.db");
    writeFileSync(garbage, "esto no es una base de datos ".repeat(200));
    expect(() => restoreBackup({ from: garbage, target })).toThrow("no es una base de datos SQLite válida o está dañada. No se cambió nada.");

    const foreign = path.join(backups, "ajena.db");
    new SQLite(foreign).exec("create table notas (texto text); insert into notas values ('hola');").close();
    expect(() => restoreBackup({ from: foreign, target })).toThrow("no es una base de datos de la plataforma");

    const newer = path.join(backups, "nueva.db");
    const fromGood = await runScript("backup", ["--out", newer], { DATABASE_PATH: good });
    expect(fromGood.status, fromGood.output).toBe(0);
    new SQLite(newer).exec("insert into kysely_migration (name, timestamp) values ('29990101_0001_future', '2999-01-01T00:00:00.000Z')").close();
    expect(() => restoreBackup({ from: newer, target })).toThrow("versión más nueva de la plataforma (migraciones desconocidas: 29990101_0001_future)");

    expect(existsSync(target), "nothing was written where the database would go").toBe(false);
    expect(readdirSync(backups).filter((f) => f.includes("restaurando"))).toEqual([]);
    expect(inspectDatabaseFile(good).integrity).toEqual(["ok"]);
  }, 120_000);
});
