import { defineConfig } from "@playwright/test";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${PORT}`;

// The browser journeys run against a fresh database with the demo data; the tests' own
// factories write to the same file.
const dataDir = process.env.E2E_DATA_DIR ?? path.join(root, "data/e2e");
process.env.DATABASE_PATH = path.join(dataDir, "cop.db");
process.env.SECRETS_DIR = dataDir;

const chromium = {
  browserName: "chromium" as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  },
};

export default defineConfig({
  testDir: "./e2e",
  outputDir: path.join(root, "tests/.results/playwright"),
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Journeys of several pages and up to three browsers, while the XSS and accessibility specs load
  // heavy pages in the other worker; generous, because shared 2-core machines can be slow.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: path.join(root, "tests/.results/playwright.json") }]],
  use: {
    baseURL: BASE_URL,
    locale: "es-PE",
    timezoneId: "America/Lima",
    trace: "retain-on-failure",
  },
  projects: [
    { name: "chromium", use: chromium },
    // The journeys made only of forms and links, tagged @sin-js, run a second time with JavaScript
    // turned off: the platform must work for someone whose browser does not run it.
    { name: "sin-javascript", grep: /@sin-js/, use: { ...chromium, javaScriptEnabled: false } },
  ],
  webServer: {
    command: "node tests/e2e/serve.mjs",
    cwd: root,
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_PATH: process.env.DATABASE_PATH,
      SECRETS_DIR: process.env.SECRETS_DIR,
      NODE_ENV: "production",
    },
  },
});
