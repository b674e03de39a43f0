// The server under test: the production build started as `node server/index.mjs` on a scratch
// copy of the bench database, one process per core, with the bench ceiling page enabled.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * @param {{ root: string, port: number, databasePath: string, processes: number }} options
 */
export async function startBenchServer({ root, port, databasePath, processes }) {
  const child = spawn(process.execPath, [path.join(root, "server/index.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      BENCH: "1",
      WEB_CONCURRENCY: String(processes),
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: databasePath,
      SECRETS_DIR: path.dirname(databasePath),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk) => (log.stdout += chunk));
  child.stderr.on("data", (chunk) => (log.stderr += chunk));
  const origin = `http://127.0.0.1:${port}`;
  // Loading the build takes a few seconds, much longer on a busy machine.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`El servidor terminó al iniciar:\n${log.stderr || log.stdout}`);
    try {
      const response = await fetch(`${origin}/bench`);
      if (response.ok) {
        // Every worker must be up before measuring, not only the first one to answer.
        if (workerPids(child.pid).length >= (processes > 1 ? processes : 0)) break;
      }
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error("El servidor no respondió en 3 minutos.");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    origin,
    log,
    pid: /** @type {number} */ (child.pid),
    /** The resident memory (MB) of the primary and its workers, now. */
    rssMb() {
      const pids = [/** @type {number} */ (child.pid), ...workerPids(child.pid)];
      return pids.reduce((sum, pid) => sum + rssKb(pid), 0) / 1024;
    },
    /** CPU time (ms) the primary and its workers have used so far: a measure the machine's noise barely moves. */
    cpuMs() {
      const pids = [/** @type {number} */ (child.pid), ...workerPids(child.pid)];
      return pids.reduce((sum, pid) => sum + cpuTicks(pid), 0) * (1000 / CLOCK_TICKS);
    },
    processCount() {
      return 1 + workerPids(child.pid).length;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** @param {number | undefined} pid */
function workerPids(pid) {
  if (!pid) return [];
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

// Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ) on every common platform.
const CLOCK_TICKS = 100;

/** @param {number} pid */
function cpuTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The fields after the command name (which may hold spaces) start at ") ".
    const fields = stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** @param {number} pid */
function rssKb(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Samples a number every `everyMs` until stopped; answers the peak and the mean. */
export function sampler(read, everyMs = 250) {
  const values = [];
  const timer = setInterval(() => values.push(read()), everyMs);
  return {
    stop() {
      clearInterval(timer);
      values.push(read());
      const peak = Math.max(...values);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return { peakMb: round(peak), meanMb: round(mean) };
    },
  };
}

const round = (n) => Math.round(n * 10) / 10;
