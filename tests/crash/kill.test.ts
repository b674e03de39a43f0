// The kill test: the production server is killed with SIGKILL at random moments while members
// write, many times over. After every restart the database must be whole, hold every write that
// was answered as saved, and keep the points totals equal to the ledger.
//   CRASH_SEED=1234 npx vitest run --config tests/vitest.config.ts tests/crash/kill.test.ts
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "~/utils/db.server";
import { ensureBuild } from "../../server/bootstrap.mjs";
import {
  checkDatabase,
  freePort,
  killServer,
  prepareWorld,
  runWriteLoad,
  seedFromEnvironment,
  seededRandom,
  startServerProcess,
  type Acknowledged,
  type ServerProcess,
  type World,
} from "./harness";

const ROUNDS = Math.max(50, Number(process.env.CRASH_ROUNDS) || 50);
const MEMBERS = 4;
let PORT: number;

const seed = seedFromEnvironment();
const random = seededRandom(seed);
const databasePath = process.env.DATABASE_PATH!;
const secretsDir = path.dirname(databasePath);
let world: World;
const running = new Set<ServerProcess>();

function start(): ServerProcess {
  const server = startServerProcess({ port: PORT, databasePath, secretsDir });
  running.add(server);
  void server.exited.then(() => running.delete(server));
  return server;
}

beforeAll(async () => {
  ensureBuild();
  PORT = await freePort();
  world = await prepareWorld(MEMBERS);
  // From here on the servers are the only ones with the database open; the checks open it briefly.
  await closeDb();
}, 300_000);

afterAll(async () => {
  await Promise.all([...running].map((server) => killServer(server, "SIGTERM")));
});

describe("the server killed with SIGKILL under a mixed write load", () => {
  it(`keeps every acknowledged write, a whole database and points equal to the ledger over ${ROUNDS} kills (seed printed)`, async () => {
    console.log(`Kill test: ${ROUNDS} rounds, seed ${seed} (repeat with CRASH_SEED=${seed}).`);
    const acknowledged: Acknowledged[] = [];
    const startTimes: number[] = [];
    let unanswered = 0;
    let roundsCutMidWrite = 0;
    let counts: Record<string, number> = {};
    const began = performance.now();

    /** Starts the server on the database the previous one died on and checks what it finds there. */
    async function restartAndCheck(where: string): Promise<{ server: ServerProcess; counts: Record<string, number> }> {
      const server = start();
      startTimes.push(await server.ready);
      // The server opens the database first (recovering what the killed one left in the WAL).
      expect((await fetch(`http://127.0.0.1:${PORT}/healthz`)).status, `${where}: /healthz after the restart`).toBe(200);
      const check = await checkDatabase(databasePath, acknowledged);
      expect(check.integrity, `${where}: PRAGMA integrity_check`).toEqual(["ok"]);
      expect(check.missing, `${where}: writes answered as saved that are missing after the restart`).toEqual([]);
      expect(check.pointDifferences, `${where}: points totals that differ from the ledger`).toEqual([]);
      expect(check.halfDone, `${where}: half-done writes`).toEqual([]);
      return { server, counts: check.counts };
    }

    let { server } = await restartAndCheck(`start (seed ${seed})`);
    for (let round = 1; round <= ROUNDS; round += 1) {
      const where = `round ${round} of ${ROUNDS} (seed ${seed})`;
      // The kill comes at a random moment once the server answers writes.
      let killed = false;
      let answered!: () => void;
      const firstAnswer = new Promise<void>((resolve) => (answered = resolve));
      const load = runWriteLoad({ world, port: PORT, random, stopped: () => killed, onAnswer: () => answered() });
      await Promise.race([firstAnswer, load.then(() => undefined)]);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 1000)));
      // No request starts after this; the ones in flight die with the server.
      killed = true;
      await killServer(server, "SIGKILL");
      const result = await load;

      expect(result.unexpected, `${where}: answers that were neither a success nor a cut connection`).toEqual([]);
      acknowledged.push(...result.acknowledged);
      unanswered += result.unanswered;
      if (result.unanswered > 0) roundsCutMidWrite += 1;
      ({ server, counts } = await restartAndCheck(where));
      if (round % 10 === 0) {
        console.log(`Kill test: ${round} kills, ${acknowledged.length} writes acknowledged, ${((performance.now() - began) / 1000).toFixed(0)} s.`);
      }
    }
    await killServer(server, "SIGTERM");

    const seconds = (performance.now() - began) / 1000;
    const sorted = [...startTimes].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(
      `Kill test: ${ROUNDS} kills in ${seconds.toFixed(0)} s; ${acknowledged.length} writes acknowledged and all present; ` +
        `${unanswered} requests cut by a kill (in ${roundsCutMidWrite} rounds); server start-up median ${median.toFixed(0)} ms ` +
        `(max ${sorted.at(-1)!.toFixed(0)} ms); rows: ${JSON.stringify(counts)}.`,
    );
    // A test that never killed the server mid-write, or never wrote, would prove nothing.
    expect(acknowledged.length, "writes acknowledged over the whole test").toBeGreaterThan(ROUNDS);
    expect(roundsCutMidWrite, "rounds in which the kill cut requests in flight").toBeGreaterThan(ROUNDS / 2);
    for (const kind of ["challenge", "contribution", "practice", "reaction", "useful"] as const) {
      expect(acknowledged.filter((w) => w.kind === kind).length, `acknowledged writes of kind ${kind}`).toBeGreaterThan(0);
    }
  }, 900_000);
});
