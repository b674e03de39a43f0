// Bad input: every route module with an action gets many fuzzed submissions from every role that
// may post to it (and a few from the others): random, huge (1 MB), empty, unicode, null bytes,
// numbers where text is expected, repeated fields, object-like strings, overflowing numbers, dates
// out of range and ids of other things. The field names come from the route's own source and the
// modules it imports (name="...", formData.get("..."), schema keys), the intents from its
// literals. The action must never answer 500 nor throw anything but a Response, and every 4xx it
// answers carries a Spanish message, never an English or internal one.
//
// The PRNG is seeded: FUZZ_SEED=<n> replays a run; a failure prints the seed, the route, the role
// and the submitted body. FUZZ_ROUNDS=<n> changes how many submissions each allowed role makes.
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { todayInLima } from "~/utils/dates";
import { BASE } from "../setup/requests";
import { ROUTES, urlOf, type RouteEntry } from "./route-table";
import { buildScenario, freshCookie, ROLES, type MatrixRole, type Scenario } from "./scenario";

type RouteModule = { action?: (args: unknown) => Promise<unknown> };

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 8);
/** Submissions from roles the route refuses anyway (a redirect to sign in, a 403): enough to see they never break. */
const REFUSED_ROUNDS = 2;

const appDir = fileURLToPath(new URL("../../app/", import.meta.url));
const routeFiles = new Set(readdirSync(join(appDir, "routes")));
const loadRoute = (file: string): Promise<RouteModule> => import(join(appDir, "routes", file));

// ---------------------------------------------------------------------------------------------
// A seeded PRNG (mulberry32): the same seed gives the same submissions.

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof prng>;

function hashOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------
// What a route's forms hold, read from its source and the modules it imports from ~/utils and ~/components.

function sourcesOf(file: string): string[] {
  const own = readFileSync(join(appDir, "routes", file), "utf8");
  const sources = [own];
  for (const [, folder, name] of own.matchAll(/from "~\/(utils|components)\/([\w.-]+)"/g)) {
    for (const ext of [".ts", ".tsx", ""]) {
      const path = join(appDir, folder!, `${name}${ext}`);
      if (existsSync(path) && path.match(/\.tsx?$/)) {
        sources.push(readFileSync(path, "utf8"));
        break;
      }
    }
  }
  return sources;
}

const SCHEMA_KEY = /^\s*(\w+):\s*(?:z\.|\w+Field\b|requiredText\(|optionalText\(|idFromList\(|\w+Schema\b)/gm;

function formShapeOf(file: string): { fields: string[]; literals: string[] } {
  const fields = new Set<string>(["intent"]);
  const literals = new Set<string>();
  for (const source of sourcesOf(file)) {
    for (const [, name] of source.matchAll(/\bname=(?:"|\{")([\w.[\]-]+)"/g)) fields.add(name!);
    for (const [, name] of source.matchAll(/(?:formData|form|body|data)\.get(?:All)?\("([\w.[\]-]+)"\)/g)) fields.add(name!);
    for (const [, name] of source.matchAll(SCHEMA_KEY)) fields.add(name!);
    for (const [, value] of source.matchAll(/z\.literal\("([^"]{1,40})"\)/g)) literals.add(value!);
    for (const [, value] of source.matchAll(/case "([^"]{1,40})":/g)) literals.add(value!);
    for (const [, value] of source.matchAll(/\bvalue="([^"{}]{1,40})"/g)) literals.add(value!);
    for (const [, list] of source.matchAll(/z\.enum\(\[([^\]]{1,400})\]/g)) for (const [, v] of list!.matchAll(/"([^"]+)"/g)) literals.add(v!);
  }
  // Names that only the browser's own fields have, or that are Remix's.
  for (const skip of ["_data", "redirectTo"]) fields.delete(skip);
  return { fields: [...fields].sort(), literals: [...literals].sort() };
}

// ---------------------------------------------------------------------------------------------
// Values

const MB = 1024 * 1024;
const UNICODE = [
  "👩🏽‍🏫📚✨",
  "\u202Egnp.exe\u202C",
  "\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627",
  "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301",
  "Z̴̧̛̖̟͔̱̯̪̩͎̙̥̪̠̖͑̇͆̃̋̔̊̊a̸̢̛͍̰̠̤͍̜̞̩͙͈̘̦͗̿̉͗͋̐̀̋̀l̷̥̣̩̓͊g̸̨̦̘̗̍o̶̧̯͓̿",
  "\uFEFF\u200B\u200D\u2060",
  "\uD800",
  "ñandú Áncash Huánuco",
  "𝕳𝖊𝖑𝖑𝖔 𝟙𝟚𝟛",
];
const NUMBERS = ["0", "-1", "-999999999", "1e308", "9".repeat(40), "NaN", "Infinity", "0x10", "1.5", "00012", " 7 ", "+3", "2147483648", "-0"];
const DATES = ["0000-00-00", "9999-12-31", "2026-02-30", "-000001-01-01", "2026-13-01", "1900-01-01", "2026-12-01T25:61:00Z", "31/12/2026", "+275760-09-13"];
const TIMES = ["25:00", "-1:00", "10:60", "99:99", "00:00", "23:59:59.999"];
const OBJECTS = ["[object Object]", '{"$gt":""}', "__proto__", "constructor", "[]", "{}", "null", "undefined", "true", "false", "on"];
const MARKUP = ["<script>alert(1)</script>", "javascript:alert(1)", "' OR 1=1 --", "%00", "../../etc/passwd", "${7*7}", "{{7*7}}"];

/** Ids of the scenario's things, to be sent where other things' ids are expected. */
function scenarioIds(s: Scenario): string[] {
  return [
    ...Object.values(s.ids),
    s.practice.id, s.draft.id, s.advanced.id, s.opportunityId, s.evidenceId, s.draftEvidenceId, s.challengeId, s.initiativeId,
    s.replyIds.challenge, s.replyIds.initiative, s.advisoryId, s.transferId, s.transferEvidenceId, s.pastEventId, s.upcomingEventId,
    s.badgeId, s.notificationId,
  ].map(String);
}

function randomText(r: Random, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += String.fromCharCode(r.chance(0.9) ? 32 + r.int(95) : r.int(0x3000));
  return out;
}

/** A plausible value: what a person might really type, so that some submissions pass validation and reach the models. */
function plausible(r: Random, s: Scenario, literals: string[]): string {
  return r.pick([
    () => (literals.length ? r.pick(literals) : "texto"),
    () => (literals.length ? r.pick(literals) : "texto"),
    () => r.pick(scenarioIds(s)),
    () => "Un texto de prueba con tildes: gestión, región, niñas y niños.",
    () => todayInLima(),
    () => "10:00",
    () => "https://www.ejemplo.pe/documento",
    () => "persona.prueba@ugel.gob.pe",
    () => String(1 + r.int(30)),
    () => "",
  ])();
}

/** A hostile value. */
function hostile(r: Random, s: Scenario): string {
  return r.pick([
    () => randomText(r, 1 + r.int(300)),
    () => "",
    () => "   \t\n  ",
    () => r.pick(UNICODE),
    () => `${randomText(r, 5)}\u0000${randomText(r, 5)}`,
    () => "\u0000",
    () => r.pick(NUMBERS),
    () => r.pick(DATES),
    () => r.pick(TIMES),
    () => r.pick(OBJECTS),
    () => r.pick(MARKUP),
    () => r.pick(scenarioIds(s)),
    () => String(-r.int(1e6)),
  ])();
}

interface Submission {
  entries: [string, string | File][];
  encoding: "multipart" | "urlencoded";
}

function submissionFor(r: Random, s: Scenario, shape: { fields: string[]; literals: string[] }): Submission {
  const entries: [string, string | File][] = [];
  const encoding = r.chance(0.5) ? "multipart" : "urlencoded";
  // One field of some submissions holds 1 MB (of "ñ" in multipart bodies; url-encoded, six times
  // that many bytes would mostly measure the URL decoder).
  const huge = r.chance(0.25) ? r.pick(shape.fields) : null;
  for (const name of shape.fields) {
    if (r.chance(0.15)) continue; // a missing field
    const repeats = r.chance(0.1) ? 2 + r.int(3) : 1; // an array, as repeated keys
    for (let i = 0; i < repeats; i++) {
      // Mostly a real intent, so that the fuzz reaches each branch of the action.
      const real = name === "intent" && shape.literals.length > 0 && r.chance(0.75);
      let value = real ? r.pick(shape.literals) : r.chance(0.55) ? plausible(r, s, shape.literals) : hostile(r, s);
      if (name === huge && i === 0) value = (encoding === "multipart" ? "ñ" : "a").repeat(MB);
      if (encoding === "multipart" && /file/i.test(name) && r.chance(0.5)) {
        entries.push([name, new File([r.chance(0.5) ? "%PDF-1.4\n%%EOF\n" : randomText(r, 50)], r.chance(0.5) ? "acta.pdf" : hostile(r, s).slice(0, 300))]);
      } else {
        entries.push([name, value]);
      }
    }
  }
  // Fields no form has: type confusion on names too.
  if (r.chance(0.3)) entries.push([r.pick(["__proto__", "constructor", "errors[form]", "intent[]", "a".repeat(1000), "\u0000"]), hostile(r, s).slice(0, 1000)]);
  return { entries, encoding };
}

function requestOf(url: string, submission: Submission, cookie: string | undefined): Request {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  if (submission.encoding === "urlencoded") {
    const body = new URLSearchParams();
    for (const [key, value] of submission.entries) body.append(key, typeof value === "string" ? value : value.name);
    return new Request(`${BASE}${url}`, { method: "POST", body, headers });
  }
  const body = new FormData();
  for (const [key, value] of submission.entries) body.append(key, value);
  return new Request(`${BASE}${url}`, { method: "POST", body, headers });
}

/** The submission as it can be read in a failure message: long values cut, files named. */
function describeSubmission(submission: Submission): string {
  const shown = submission.entries.map(([key, value]) => {
    const text = typeof value === "string" ? value : `<archivo ${JSON.stringify(value.name.slice(0, 80))}, ${value.size} bytes>`;
    return [key.slice(0, 60), text.length > 120 ? `${text.slice(0, 120)}… (${text.length} caracteres)` : text];
  });
  return `${submission.encoding} ${JSON.stringify(shown)}`;
}

// ---------------------------------------------------------------------------------------------
// What an answer must say

const SPANISH = /[áéíóúñ¿¡ÁÉÍÓÚÑ]|\b(el|la|los|las|de|del|que|un|una|no|es|por|para|con|tu|su|se|en|al|ya|esta|este|solo|hay|puede[sn]?|escribe|elige)\b/i;
const NOT_FOR_PEOPLE = /\b(Invalid|Expected|expected|received|Required|Too (big|small)|must|should|cannot|Cannot|Error|TypeError|SqliteError|SQLITE|stack)\b|undefined|NaN|\[object /;

/** The messages of an answer meant for the person: errors, message, error. The echoed values are not looked at. */
function messagesOf(body: unknown): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === "string") out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  if (body && typeof body === "object") {
    const record = body as Record<string, unknown>;
    for (const key of ["errors", "message", "error", "formError", "fieldErrors"]) if (key in record) walk(record[key]);
  } else if (typeof body === "string") {
    out.push(body);
  }
  return out;
}

async function problemsOf(response: Response): Promise<string[]> {
  if (response.status >= 500) return [`status ${response.status}`];
  if (response.status < 400) return [];
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the text itself is the message.
  }
  const messages = messagesOf(body).filter((m) => m.trim() !== "");
  if (messages.length === 0) return [`status ${response.status} without a message for the person: ${text.slice(0, 300)}`];
  return messages
    .filter((m) => !SPANISH.test(m) || NOT_FOR_PEOPLE.test(m))
    .map((m) => `status ${response.status} with a message that is not plain Spanish: ${JSON.stringify(m.slice(0, 300))}`);
}

// ---------------------------------------------------------------------------------------------

/** The roles the table lets act (a 400 of validation for an empty form): they get the full fuzz. */
function rolesThatMayPost(entry: RouteEntry): Set<MatrixRole> {
  const allowed = new Set<MatrixRole>();
  for (const row of entry.post ?? []) for (const role of ROLES) if (row.expect[role] === 400) allowed.add(role);
  return allowed;
}

let scenario: Scenario;
beforeAll(async () => {
  scenario = await buildScenario();
}, 60_000);

const entries = ROUTES.filter((entry) => entry.post && entry.post.length > 0 && routeFiles.has(entry.file));

describe(`form fuzzer (FUZZ_SEED=${SEED})`, () => {
  test("covers every route module with an action", { timeout: 120_000 }, async () => {
    const withAction: string[] = [];
    for (const file of routeFiles) {
      if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
      const mod = await loadRoute(file);
      if (typeof mod.action === "function") withAction.push(file);
    }
    expect(entries.map((e) => e.file).sort()).toEqual(withAction.sort());
  });

  test("its checks catch a 500, an English or internal message, and a refusal without a message", async () => {
    const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
    expect(await problemsOf(answer(500, { message: "Ocurrió un problema." }))).toHaveLength(1);
    expect(await problemsOf(answer(400, { errors: { title: "Invalid input: expected string, received undefined" } }))).toHaveLength(1);
    expect(await problemsOf(answer(400, { errors: { form: "TypeError: Cannot read properties of undefined" } }))).toHaveLength(1);
    expect(await problemsOf(answer(400, { values: { title: "hola" } }))).toHaveLength(1);
    expect(await problemsOf(answer(400, { errors: { title: "Escribe un título para la evidencia." }, values: { title: "Invalid" } }))).toEqual([]);
    expect(await problemsOf(answer(403, { message: "No tienes permiso para ver esta página o hacer esta acción." }))).toEqual([]);
  });

  test.each(entries.map((entry) => [entry.file, entry] as const))(
    "%s: never a 500, always a Spanish message",
    async (file, entry) => {
      const mod = await loadRoute(file);
      const shape = formShapeOf(file);
      expect(shape.fields.length).toBeGreaterThan(0);
      const allowed = rolesThatMayPost(entry);
      const r = prng(SEED ^ hashOf(file));
      const failures: string[] = [];
      let sent = 0;
      const statuses: Record<number, number> = {};
      // Every distinct thing the table posts to (a practice and a draft, say).
      const paramSets = [entry.params?.(scenario) ?? {}, ...(entry.post ?? []).flatMap((row) => (row.params ? [row.params(scenario)] : []))];
      for (const role of ROLES) {
        const rounds = allowed.has(role) ? ROUNDS : REFUSED_ROUNDS;
        for (let i = 0; i < rounds; i++) {
          const params = r.pick(paramSets);
          const url = urlOf(entry.pattern, params);
          const submission = submissionFor(r, scenario, shape);
          const cookie = entry.post!.some((row) => row.endsSession) ? await freshCookie(scenario, role) : scenario.cookies[role];
          const context = { cspNonce: "fuzz", clientAddress: `203.0.113.${1 + r.int(250)}` };
          const where = `FUZZ_SEED=${SEED} ${file} as ${role} (#${i}) with ${describeSubmission(submission)}`;
          sent++;
          const started = performance.now();
          let response: Response;
          try {
            const result = await mod.action!({ request: requestOf(url, submission, cookie), params, context });
            if (!(result instanceof Response)) {
              failures.push(`${where}: the action answered something that is not a Response`);
              continue;
            }
            response = result;
          } catch (thrown) {
            if (!(thrown instanceof Response)) {
              failures.push(`${where}: threw ${thrown instanceof Error ? `${thrown.name}: ${thrown.message}\n${thrown.stack?.split("\n").slice(1, 4).join("\n")}` : String(thrown)}`);
              continue;
            }
            response = thrown;
          }
          if (process.env.FUZZ_DEBUG) {
            statuses[response.status] = (statuses[response.status] ?? 0) + 1;
            const ms = performance.now() - started;
            if (ms > 300) console.log(`slow ${Math.round(ms)} ms: ${where.slice(0, 600)} -> ${response.status}`);
          }
          for (const problem of await problemsOf(response)) failures.push(`${where}: ${problem}`);
        }
      }
      expect(sent).toBeGreaterThan(0);
      if (process.env.FUZZ_DEBUG) console.log(file, JSON.stringify(shape), JSON.stringify(statuses));
      expect(failures, failures.slice(0, 5).join("\n\n")).toEqual([]);
    },
    120_000,
  );
});
