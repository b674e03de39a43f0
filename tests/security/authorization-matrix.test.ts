/// <reference types="vite/client" />
// The authorization matrix: every route module's loader and action, called as each role would call
// it, answers as tests/security/route-table.ts says. The table must name every route module, so a
// new route without its rows fails here.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { context, formRequest, getRequest, respond } from "../setup/requests";
import { ROUTES, urlOf, type Answer, type Case, type RouteEntry } from "./route-table";
import { buildScenario, freshCookie, ROLE_LABELS, ROLES, type MatrixRole, type Scenario } from "./scenario";

type RouteModule = { loader?: (args: unknown) => Promise<unknown>; action?: (args: unknown) => Promise<unknown> };

const modules = import.meta.glob<RouteModule>(["../../app/routes/*.{ts,tsx}", "!../../app/routes/*.test.{ts,tsx}"]);
const routesDir = fileURLToPath(new URL("../../app/routes/", import.meta.url));
const routeFiles = readdirSync(routesDir)
  .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
  .sort();
const load = (entry: RouteEntry) => modules[`../../app/routes/${entry.file}`]!();

describe("the route table", () => {
  it("has an entry for every route module in app/routes", () => {
    const listed = new Set(ROUTES.map((r) => r.file));
    const missing = routeFiles.filter((file) => !listed.has(file));
    expect(missing, `Route modules without an entry in tests/security/route-table.ts: ${missing.join(", ")}`).toEqual([]);
  });

  it("has no entry for a route module that does not exist, and no file twice", () => {
    const stale = ROUTES.map((r) => r.file).filter((file) => !routeFiles.includes(file));
    expect(stale, `Entries of tests/security/route-table.ts for files that are not in app/routes: ${stale.join(", ")}`).toEqual([]);
    const files = ROUTES.map((r) => r.file);
    expect(files.filter((file, i) => files.indexOf(file) !== i)).toEqual([]);
  });

  it("lists GET rows exactly for the modules with a loader and POST rows exactly for those with an action", async () => {
    const wrong: string[] = [];
    for (const entry of ROUTES) {
      if (!routeFiles.includes(entry.file)) continue;
      const mod = await load(entry);
      if ((typeof mod.loader === "function") !== (entry.get !== null && entry.get.length > 0)) wrong.push(`${entry.file}: loader ${typeof mod.loader}, GET rows ${entry.get?.length ?? "none"}`);
      if ((typeof mod.action === "function") !== (entry.post !== null && entry.post.length > 0)) wrong.push(`${entry.file}: action ${typeof mod.action}, POST rows ${entry.post?.length ?? "none"}`);
    }
    expect(wrong).toEqual([]);
  });
});

/** What a response says, in the table's words: its status, and where a redirect goes. */
function answerOf(response: Response): string {
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get("Location") ?? "";
    return `${response.status} ${new URL(location, "http://localhost").pathname}`;
  }
  return String(response.status);
}

/** The expected answer with the case's params filled in ("302 /practicas/:slug"). */
function expectedAnswer(answer: Answer, params: Record<string, string>): string {
  return typeof answer === "number" ? String(answer) : answer.replace(/ (.*)$/, (_, path: string) => ` ${urlOf(path, params)}`);
}

describe("the authorization matrix", () => {
  let scenario: Scenario;
  beforeAll(async () => {
    scenario = await buildScenario();
  }, 120_000);

  async function ask(mod: RouteModule, entry: RouteEntry, method: "GET" | "POST", row: Case, role: MatrixRole) {
    const params = (row.params ?? entry.params)?.(scenario) ?? {};
    const query = typeof row.query === "function" ? row.query(scenario) : (row.query ?? "");
    const url = urlOf(entry.pattern, params, query);
    const cookie = row.endsSession ? await freshCookie(scenario, role) : scenario.cookies[role];
    const expected = expectedAnswer(row.expect[role], params);
    let actual: string;
    try {
      const response =
        method === "GET"
          ? await respond(() => mod.loader!({ request: getRequest(url, cookie), params, context }))
          : await respond(() => mod.action!({ request: formRequest(url, row.fields?.(scenario) ?? {}, cookie), params, context }));
      actual = answerOf(response);
    } catch (error) {
      actual = `500 (${error instanceof Error ? error.message : String(error)})`;
    }
    return actual === expected ? null : `${method} ${url}${row.label ? ` [${row.label}]` : ""} como ${ROLE_LABELS[role]}: se esperaba ${expected}, respondió ${actual}`;
  }

  for (const entry of ROUTES) {
    it(`${entry.pattern} (${entry.file}) answers every role as the table says`, async () => {
      expect(routeFiles, `${entry.file} is not a route module`).toContain(entry.file);
      const mod = await load(entry);
      const mismatches: string[] = [];
      let asked = 0;
      for (const [method, rows] of [["GET", entry.get], ["POST", entry.post]] as const) {
        for (const row of rows ?? []) {
          for (const role of ROLES) {
            asked += 1;
            const mismatch = await ask(mod, entry, method, row, role);
            if (mismatch) mismatches.push(mismatch);
          }
        }
      }
      expect(asked).toBeGreaterThan(0);
      expect(mismatches).toEqual([]);
    });
  }
});
