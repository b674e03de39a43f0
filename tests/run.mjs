// `npm test`: the whole suite on a fresh machine. Installs what is missing (dependencies,
// Debian's Chromium), then runs the typecheck, the unit and integration tests (Vitest) and the
// browser journeys (Playwright in real Chromium), and ends with the totals of all of them.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
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
run("npx", ["vitest", "run", "--config", "tests/vitest.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`], {
  allowFailure: true,
});
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, "utf8"));
  const failedSuites = (report.testResults ?? []).filter((r) => r.status === "failed" && (r.assertionResults ?? []).length === 0).length;
  totals.push({ suite: "vitest", passed: report.numPassedTests, failed: report.numFailedTests + failedSuites + report.numPendingTests });
} else {
  totals.push({ suite: "vitest", passed: 0, failed: 1 });
}

console.log("\n== Recorridos en el navegador (Playwright + Chromium) ==");
const playwrightJson = path.join(results, "playwright.json");
run("npx", ["playwright", "test", "--config", "tests/playwright.config.ts"], { allowFailure: true });
if (existsSync(playwrightJson)) {
  const { stats } = JSON.parse(readFileSync(playwrightJson, "utf8"));
  // A skipped or flaky journey is a defect too.
  totals.push({ suite: "playwright", passed: stats.expected, failed: stats.unexpected + stats.flaky + stats.skipped });
} else {
  totals.push({ suite: "playwright", passed: 0, failed: 1 });
}

console.log("\n== Resumen ==");
for (const t of totals) console.log(`${t.suite}: ${t.passed} passed, ${t.failed} failed`);
const passed = totals.reduce((n, t) => n + t.passed, 0);
const failed = totals.reduce((n, t) => n + t.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
