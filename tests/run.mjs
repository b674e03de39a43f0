// `npm test`: the whole suite on a fresh machine. Installs what is missing (dependencies,
// Debian's Chromium), then runs the typecheck, the unit and integration tests (Vitest) and the
// browser journeys (Playwright in real Chromium), and ends with the totals of all of them.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { ensureBuild, ensureDependencies, root, run } from "../server/bootstrap.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const results = path.join(root, "tests/.results");

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `No se encontró Chromium en ${CHROMIUM}. Instálalo con:\n  sudo apt-get update && sudo apt-get install -y chromium\n` +
        "o indica otra ruta con CHROMIUM_PATH.",
    );
    process.exit(1);
  }
  console.log("Instalando Chromium desde los paquetes de Debian…");
  run("apt-get", ["update", "-qq"]);
  run("apt-get", ["install", "-y", "-qq", "chromium"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

/**
 * A free port on loopback for the journeys' server, so that they never meet a server left running
 * on a fixed one (Playwright refuses to start then). E2E_PORT, when set, wins.
 * @returns {Promise<number>}
 */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** @type {{ suite: string, passed: number, failed: number }[]} */
const totals = [];

ensureDependencies();
ensureChromium();
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

console.log("\n== Verificación de tipos (tsc) ==");
const typecheck = run("npx", ["tsc", "--noEmit"], { allowFailure: true });
totals.push({ suite: "typecheck", passed: typecheck.status === 0 ? 1 : 0, failed: typecheck.status === 0 ? 0 : 1 });

// The production build comes first: the crash-safety and server-level tests start it.
ensureBuild();

console.log("\n== Pruebas unitarias y de integración (Vitest) ==");
const vitestJson = path.join(results, "vitest.json");
const vitest = run("npx", ["vitest", "run", "--config", "tests/vitest.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`], {
  allowFailure: true,
});
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, "utf8"));
  const failedSuites = (report.testResults ?? []).filter((r) => r.status === "failed" && (r.assertionResults ?? []).length === 0).length;
  const failed = report.numFailedTests + failedSuites + report.numPendingTests;
  // A run that failed outside any test (an unhandled error) is a failure even with none counted.
  totals.push({ suite: "vitest", passed: report.numPassedTests, failed: vitest.status !== 0 && failed === 0 ? 1 : failed });
} else {
  totals.push({ suite: "vitest", passed: 0, failed: 1 });
}

console.log("\n== Recorridos en el navegador (Playwright + Chromium) ==");
const playwrightJson = path.join(results, "playwright.json");
const e2ePort = process.env.E2E_PORT ?? String(await freePort());
const playwright = run("npx", ["playwright", "test", "--config", "tests/playwright.config.ts"], {
  allowFailure: true,
  env: { ...process.env, E2E_PORT: e2ePort },
});
if (existsSync(playwrightJson)) {
  const { stats, errors = [] } = JSON.parse(readFileSync(playwrightJson, "utf8"));
  // A skipped or flaky journey is a defect too; so is an error outside the journeys (a server that
  // would not start), and a failed run that counted nothing.
  const failed = stats.unexpected + stats.flaky + stats.skipped + errors.length;
  totals.push({ suite: "playwright", passed: stats.expected, failed: playwright.status !== 0 && failed === 0 ? 1 : failed });
} else {
  totals.push({ suite: "playwright", passed: 0, failed: 1 });
}

console.log("\n== Resumen ==");
for (const t of totals) console.log(`${t.suite}: ${t.passed} passed, ${t.failed} failed`);
const passed = totals.reduce((n, t) => n + t.passed, 0);
const failed = totals.reduce((n, t) => n + t.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
