// `npm run bench`: the load benchmark of issue 9 (ADR 013). Starts the production build on a
// scratch copy of the bench database (one process per core), measures the ceiling page, the main
// read pages and a signed-in write mix with autocannon at 10 and 50 connections, and reports
// requests per second, latency percentiles, errors, the ratio to the ceiling, first-load
// JavaScript and memory, as a table and as bench/results/latest.json.
//
//   npm run bench                 10 s per measurement
//   npm run bench -- --quick      3 s per measurement
//   npm run bench -- --only=ranking,escrituras --db=/tmp/otra.db --port=3400
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuild, root } from "../server/bootstrap.mjs";
import { firstLoadJs } from "./lib/assets.mjs";
import { prepareBenchData, visitorHeaders, BROWSER } from "./lib/fixtures.mjs";
import { measure, rotate } from "./lib/load.mjs";
import { sampler, startBenchServer } from "./lib/server.mjs";

const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, "").split("=");
    return [key, value ?? "true"];
  }),
);
const quick = args.has("quick");
const durationSeconds = Number(args.get("duration") ?? (quick ? 3 : 10));
const port = Number(args.get("port") ?? process.env.BENCH_PORT ?? 3400);
const source = path.resolve(args.get("db") ?? process.env.BENCH_DATABASE ?? path.join(root, "bench/.data/bench.db"));
const only = args.has("only") ? new Set(args.get("only").split(",")) : null;
const CONNECTIONS = [10, 50];
const processes = Number(process.env.WEB_CONCURRENCY) || os.availableParallelism();

const TARGETS = {
  readShare: 0.4,
  readP99At10: 100,
  writeP95: 50,
  firstLoadJsKb: 100,
};

if (!existsSync(source)) {
  console.error(`No existe la base de la prueba de carga (${path.relative(root, source)}). Créala primero con: npm run bench:data`);
  process.exit(1);
}

ensureBuild();

// Writes must not grow the original: everything runs on a copy, migrated to the latest schema.
const scratchDir = mkdtempSync(path.join(os.tmpdir(), "cop-bench-"));
const databasePath = path.join(scratchDir, "bench.db");
console.log(`Copiando ${path.relative(root, source)} a un archivo temporal…`);
copyFileSync(source, databasePath);
if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${databasePath}-wal`);
execFileSync("npx", ["tsx", "db/migrate.ts"], { cwd: root, env: { ...process.env, DATABASE_PATH: databasePath }, stdio: ["ignore", "ignore", "inherit"] });

const data = prepareBenchData(databasePath);
const server = await startBenchServer({ root, port, databasePath, processes });
// Interrupted (Ctrl+C): stop the server and remove the copy before leaving.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    await server.stop();
    rmSync(scratchDir, { recursive: true, force: true });
    process.exit(130);
  });
}
const origin = server.origin;
const visitor = visitorHeaders();
const get = (pathFor) => () => ({ path: pathFor(), headers: visitor() });

const practice = rotate(data.reads.practices);
const search = rotate(data.reads.searches);
const profile = rotate(data.reads.profiles);
const region = rotate(data.reads.regions);

/** The write mix: a contribution to a challenge, then a "Me sirve" on someone else's contribution. */
function writeMix() {
  const { writers, cookies, challenges, reactions } = data.writes;
  const writer = rotate(writers);
  const challenge = rotate(challenges);
  let n = 0;
  let reactionIndex = 0;
  return () => {
    n++;
    const headers = { "user-agent": BROWSER, origin, "content-type": "application/x-www-form-urlencoded" };
    if (n % 2 === 1 || reactionIndex >= reactions.length) {
      const userId = writer();
      const body = new URLSearchParams({
        intent: "reply",
        body: `Aporte ${n} de la prueba de carga: en nuestra UGEL lo resolvimos con un cronograma compartido y reuniones quincenales con los directores.`,
      });
      return { method: "POST", path: `/desafios/${challenge()}`, headers: { ...headers, cookie: cookies.get(userId) }, body: body.toString() };
    }
    const reaction = reactions[reactionIndex++];
    const body = new URLSearchParams({ intent: "react-reply", replyId: String(reaction.replyId) });
    return { method: "POST", path: `/desafios/${reaction.postId}`, headers: { ...headers, cookie: cookies.get(reaction.userId) }, body: body.toString() };
  };
}

/** @type {{ key: string, label: string, kind: "ceiling" | "info" | "read" | "write", next: () => any, sample?: string }[]} */
const targets = [
  { key: "techo", label: "Techo (/bench)", kind: "ceiling", next: get(() => "/bench"), sample: "/bench" },
  { key: "healthz", label: "/healthz (informativo)", kind: "info", next: get(() => "/healthz") },
  { key: "inicio", label: "/", kind: "read", next: get(() => "/"), sample: "/" },
  {
    key: "practicas",
    label: "/practicas?region&q",
    kind: "read",
    next: get(() => {
      const s = search();
      return `/practicas?${new URLSearchParams({ region: s.region, q: s.q })}`;
    }),
    sample: `/practicas?${new URLSearchParams({ region: data.reads.searches[0].region, q: data.reads.searches[0].q })}`,
  },
  { key: "practica", label: "/practicas/:slug", kind: "read", next: get(() => `/practicas/${practice()}`), sample: `/practicas/${data.reads.practices[0]}` },
  { key: "desafios", label: "/desafios", kind: "read", next: get(() => "/desafios"), sample: "/desafios" },
  { key: "ranking", label: "/ranking?region", kind: "read", next: get(() => `/ranking?region=${region()}`), sample: `/ranking?region=${data.reads.regions[0]}` },
  { key: "perfil", label: "/perfil/:id", kind: "read", next: get(() => `/perfil/${profile()}`), sample: `/perfil/${data.reads.profiles[0]}` },
  { key: "panel", label: "/panel", kind: "read", next: get(() => "/panel"), sample: "/panel" },
  { key: "escrituras", label: "Escrituras (aporte, «Me sirve»)", kind: "write", next: writeMix() },
].filter((t) => !only || t.kind === "ceiling" || only.has(t.key));
const ceilingTarget = targets.find((t) => t.kind === "ceiling");

/** The machine's CPU time so far, from /proc/stat (Linux): all of it, and what the host took (steal). */
function machineCpu() {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: fields.slice(0, 8).reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
  } catch {
    return null;
  }
}
const cpuAtStart = machineCpu();

try {
  console.log(`Servidor listo (${server.processCount()} procesos).`);
  const idleRssMb = Math.round(server.rssMb() * 10) / 10;

  const results = [];
  for (const target of targets) {
    // Each page is warmed up right before it is measured (JIT, SQLite's page cache, cached
    // aggregates), so one page's first-time costs never land in another page's figures.
    const warmStart = Date.now();
    if (target.kind !== "write") await measure({ origin, connections: processes * 2, durationSeconds: 2, next: target.next });
    await untilIdle();
    const warmUpSeconds = Math.round((Date.now() - warmStart) / 100) / 10;
    for (const connections of CONNECTIONS) {
      const memory = sampler(() => server.rssMb());
      const cpuBefore = server.cpuMs();
      const run = await measure({ origin, connections, durationSeconds, next: target.next });
      const cpuMsPerRequest = run.requests ? Math.round(((server.cpuMs() - cpuBefore) / run.requests) * 100) / 100 : null;
      const result = { key: target.key, label: target.label, kind: target.kind, warmUpSeconds, ...run, cpuMsPerRequest, memory: memory.stop() };
      results.push(result);
      await untilIdle();
      // The ceiling again, right after the page and as long: on a shared machine (this one loses
      // 10–20 % of its CPU to other guests, more at times) the speed drifts within a run, and a
      // ratio between two moments minutes apart would measure the drift as much as the page.
      if (target.kind === "read") {
        const paired = await measure({ origin, connections, durationSeconds, next: ceilingTarget.next });
        result.pairedCeilingRps = paired.rps;
        await untilIdle();
      }
      process.stdout.write(
        `  ${target.label} · ${connections} conexiones: ${run.rps} req/s, p99 ${run.latencyMs.p99} ms${result.pairedCeilingRps ? ` (techo a continuación: ${result.pairedCeilingRps} req/s)` : ""}\n`,
      );
    }
  }

  const firstLoad = {};
  for (const target of targets.filter((t) => t.sample)) {
    firstLoad[target.key] = { path: target.sample, ...(await firstLoadJs(origin, target.sample, { "user-agent": BROWSER })) };
  }

  await server.stop();
  const serverLog = `${server.log.stdout}\n${server.log.stderr}`;
  const sqliteBusy = (serverLog.match(/SQLITE_BUSY/g) ?? []).length;

  // Ratios and verdicts.
  const ceiling = Object.fromEntries(results.filter((r) => r.kind === "ceiling").map((r) => [r.connections, r.rps]));
  const ceilingCpu = Object.fromEntries(results.filter((r) => r.kind === "ceiling").map((r) => [r.connections, r.cpuMsPerRequest]));
  for (const r of results) {
    // A read page against the ceiling measured right after it; anything else against the first.
    const ceilingRps = r.pairedCeilingRps ?? ceiling[r.connections];
    r.ratio = ceilingRps ? Math.round((r.rps / ceilingRps) * 100) / 100 : null;
    // The same ratio from CPU time per request: what the ratio would be if the server's cores were
    // all its own, a check of the measured ratio on a busy machine.
    r.cpuRatio = ceilingCpu[r.connections] && r.cpuMsPerRequest ? Math.round((ceilingCpu[r.connections] / r.cpuMsPerRequest) * 100) / 100 : null;
    const checks = [];
    if (r.kind === "read") {
      checks.push(["proporción ≥ 40 %", r.ratio !== null && r.ratio >= TARGETS.readShare]);
      if (r.connections === 10) checks.push(["p99 < 100 ms", r.latencyMs.p99 !== null && r.latencyMs.p99 < TARGETS.readP99At10]);
      checks.push(["sin errores", r.errors.total === 0]);
    } else if (r.kind === "write") {
      checks.push(["p95 < 50 ms", r.latencyMs.p95 !== null && r.latencyMs.p95 < TARGETS.writeP95]);
      checks.push(["sin errores", r.errors.total === 0]);
      checks.push(["sin SQLITE_BUSY", sqliteBusy === 0]);
    } else {
      checks.push(["sin errores", r.errors.total === 0]);
    }
    r.checks = checks.map(([name, pass]) => ({ name, pass }));
    r.pass = r.kind === "info" ? null : checks.every(([, pass]) => pass);
  }
  for (const [key, js] of Object.entries(firstLoad)) js.pass = js.gzipKb < TARGETS.firstLoadJsKb;

  printTable(results, firstLoad, { idleRssMb, sqliteBusy });

  const failed = [
    ...results.filter((r) => r.pass === false).map((r) => `${r.label} (${r.connections}): ${r.checks.filter((c) => !c.pass).map((c) => c.name).join(", ")}`),
    ...Object.entries(firstLoad).filter(([, js]) => !js.pass).map(([key, js]) => `JS inicial de ${js.path}: ${js.gzipKb} KB`),
  ];
  const cpuAtEnd = machineCpu();
  // The share of the machine's CPU time the host gave to other guests during the run: above a few
  // percent, figures from the same commit can differ by a factor of two between runs.
  const stealPercent = cpuAtStart && cpuAtEnd ? Math.round(((cpuAtEnd.steal - cpuAtStart.steal) / Math.max(1, cpuAtEnd.total - cpuAtStart.total)) * 1000) / 10 : null;
  if (stealPercent !== null) console.log(`Tiempo de CPU que el anfitrión dio a otras máquinas durante la medición (steal): ${stealPercent} %.`);
  const report = {
    finishedAt: new Date().toISOString(),
    machine: { stealPercent, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGb: Math.round(os.totalmem() / 1024 ** 3), node: process.version, platform: `${os.platform()} ${os.release()}`, loadAverage: os.loadavg() },
    settings: { durationSeconds, connections: CONNECTIONS, processes, tool: "autocannon", database: path.relative(root, source), targets: TARGETS },
    data: data.counts,
    ids: { practices: data.reads.practices.length, searches: data.reads.searches, profiles: data.reads.profiles.length, writers: data.writes.writers.length },
    results,
    firstLoadJs: firstLoad,
    memory: { idleRssMb, peakRssMb: Math.max(...results.map((r) => r.memory.peakMb)) },
    sqliteBusy,
    serverErrors: server.log.stderr.split("\n").filter((line) => line.trim()).slice(0, 50),
    pass: failed.length === 0,
    failed,
  };
  const resultsDir = path.join(root, "bench/results");
  mkdirSync(resultsDir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(path.join(resultsDir, "latest.json"), json);
  writeFileSync(path.join(resultsDir, `${report.finishedAt.replace(/[:.]/g, "-")}.json`), json);
  console.log(`\nResultados en bench/results/latest.json`);
  if (failed.length) {
    console.log(`\nNo cumplen el objetivo:\n${failed.map((f) => `  - ${f}`).join("\n")}`);
    process.exitCode = 1;
  } else {
    console.log("\nTodas las páginas cumplen los objetivos.");
  }
} finally {
  await server.stop();
  if (!args.has("keep")) rmSync(scratchDir, { recursive: true, force: true });
  else console.log(`Base temporal conservada en ${databasePath}`);
}

/**
 * Waits until the server has finished the requests autocannon left in flight (it stops sending,
 * the server keeps working): otherwise one measurement's backlog would be billed to the next.
 * Idle means under a tenth of a core for half a second; at most 2 minutes.
 */
async function untilIdle() {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const before = server.cpuMs();
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (server.cpuMs() - before < 50 || Date.now() > deadline) return;
  }
}

function printTable(results, firstLoad, { idleRssMb, sqliteBusy }) {
  const rows = [["Página", "Conex.", "req/s", "p50 ms", "p95 ms", "p99 ms", "Errores", "Techo junto", "Proporción", "CPU ms/pedido", "RSS máx MB", "Objetivo"]];
  for (const r of results) {
    rows.push([
      r.label,
      String(r.connections),
      r.rps.toFixed(0),
      String(r.latencyMs.p50),
      String(r.latencyMs.p95),
      String(r.latencyMs.p99),
      String(r.errors.total),
      r.pairedCeilingRps ? r.pairedCeilingRps.toFixed(0) : "—",
      r.ratio === null ? "—" : `${Math.round(r.ratio * 100)} %`,
      String(r.cpuMsPerRequest),
      String(r.memory.peakMb),
      r.pass === null ? "—" : r.pass ? "cumple" : `NO: ${r.checks.filter((c) => !c.pass).map((c) => c.name).join(", ")}`,
    ]);
  }
  console.log(`\n${formatTable(rows)}`);
  const js = [["Página", "JS inicial (gzip) KB", "sin comprimir KB", "archivos", "HTML gzip KB", "Objetivo"]];
  for (const entry of Object.values(firstLoad)) {
    js.push([entry.path, String(entry.gzipKb), String(entry.rawKb), String(entry.files), String(entry.htmlGzipKb), entry.pass ? "cumple" : "NO: < 100 KB"]);
  }
  console.log(`\n${formatTable(js)}`);
  console.log(`\nMemoria del servidor (todos los procesos): ${idleRssMb} MB en reposo, ${Math.max(...results.map((r) => r.memory.peakMb))} MB máximo bajo carga. SQLITE_BUSY en el registro del servidor: ${sqliteBusy}.`);
}

function formatTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(" | ")} |`;
  return [line(rows[0]), `|${widths.map((w, i) => (i === 0 ? ":" : "") + "-".repeat(w + 1) + (i === 0 ? "" : ":")).join("|")}|`, ...rows.slice(1).map(line)].join("\n");
}
