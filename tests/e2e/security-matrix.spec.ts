// The security headers and the cross-origin refusal, on the real server (server/security.mjs in
// front of the production build), for every route of tests/security/route-table.ts: the same table
// as the authorization matrix, with the same scenario made in the e2e server's database.
import { listNotifications } from "~/models/notification.server";
import { BASE_URL } from "../playwright.config";
import { ROUTES, urlOf, type Case, type RouteEntry } from "../security/route-table";
import { buildScenario, type MatrixRole, type Scenario } from "../security/scenario";
import { expect, test } from "./fixtures";

// One scenario for the whole file: its tests run one after another in one worker.
test.describe.configure({ mode: "default" });

let scenario: Scenario;
test.beforeAll(async () => {
  scenario = await buildScenario();
});

function urlFor(entry: RouteEntry, row: Case): string {
  const params = (row.params ?? entry.params)?.(scenario) ?? {};
  const query = typeof row.query === "function" ? row.query(scenario) : (row.query ?? "");
  return urlOf(entry.pattern, params, query);
}

const headersOf = (role: MatrixRole, extra: Record<string, string> = {}) => {
  const cookie = scenario.cookies[role];
  return cookie ? { ...extra, Cookie: cookie } : extra;
};

const FOREIGN = "https://sitio-ajeno.example";
const FORGERIES = [
  { name: "con un Origin ajeno", headers: { Origin: FOREIGN } },
  { name: "sin Origin y con un Referer ajeno", headers: { Referer: `${FOREIGN}/formulario.html` } },
  { name: "con Sec-Fetch-Site: cross-site", headers: { "Sec-Fetch-Site": "cross-site" } },
] as const;

test("every action refuses a cross-origin POST with the Spanish refusal page", async ({ request }) => {
  const actions = ROUTES.filter((entry) => entry.post !== null);
  expect(actions.length).toBeGreaterThan(30);
  const accepted: string[] = [];
  for (const entry of actions) {
    const url = urlFor(entry, entry.post![0]!);
    for (const forgery of FORGERIES) {
      // As DIFOCA, who may do almost anything: only the origin check stands in the way.
      const response = await request.post(url, { headers: headersOf("difoca", forgery.headers), form: { intent: "x" }, maxRedirects: 0 });
      const body = await response.text();
      if (response.status() !== 403 || !body.includes("<h1>Solicitud rechazada</h1>")) accepted.push(`${url} ${forgery.name}: ${response.status()}`);
    }
  }
  expect(accepted).toEqual([]);
});

test("a form posted from the platform's own pages is not refused", async ({ request }) => {
  const sameSite: Record<string, string>[] = [{ Origin: BASE_URL }, { Referer: `${BASE_URL}/ingresar` }, { "Sec-Fetch-Site": "same-origin" }];
  for (const headers of sameSite) {
    // An empty sign-in form reaches the action, which answers with its validation messages.
    const response = await request.post("/ingresar", { headers, form: { email: "", password: "" }, maxRedirects: 0 });
    expect(response.status(), JSON.stringify(headers)).toBe(400);
    expect(await response.text()).not.toContain("Solicitud rechazada");
  }
});

test("a forged cross-origin action has no effect, while the same form from the site works", async ({ request }) => {
  const unread = async () => (await listNotifications(scenario.ids.gestor, { unreadOnly: true })).map((n) => n.id);
  expect(await unread()).toContain(scenario.notificationId);
  for (const forgery of FORGERIES) {
    const response = await request.post("/notificaciones", { headers: headersOf("gestor", forgery.headers), form: { intent: "read-all" }, maxRedirects: 0 });
    expect(response.status(), forgery.name).toBe(403);
    expect(await unread(), forgery.name).toContain(scenario.notificationId);
  }
  const genuine = await request.post("/notificaciones", { headers: headersOf("gestor", { Origin: BASE_URL }), form: { intent: "read-all" }, maxRedirects: 0 });
  expect(genuine.status()).toBe(302);
  expect(await unread()).not.toContain(scenario.notificationId);
});

test("every page, signed out and as DIFOCA, has CSP with a fresh nonce on every script, nosniff, frame-ancestors and Referrer-Policy", async ({
  request,
}) => {
  const pages = ROUTES.filter((entry) => entry.get !== null && !entry.resource);
  const problems: string[] = [];
  const nonces = new Set<string>();
  let documents = 0;
  for (const entry of pages) {
    for (const row of entry.get!) {
      const url = urlFor(entry, row);
      for (const role of ["visitor", "difoca"] as const) {
        const response = await request.get(url, { headers: headersOf(role), maxRedirects: 0 });
        const where = `${url} (${role}, ${response.status()})`;
        const headers = response.headers();
        const csp = headers["content-security-policy"] ?? "";
        if (headers["x-content-type-options"] !== "nosniff") problems.push(`${where}: sin nosniff`);
        if (!/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/.test(headers["referrer-policy"] ?? "")) problems.push(`${where}: Referrer-Policy ${headers["referrer-policy"]}`);
        if (!csp.includes("frame-ancestors 'none'") && headers["x-frame-options"] !== "DENY") problems.push(`${where}: se puede enmarcar`);
        const nonce = /script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
        if (!nonce) problems.push(`${where}: CSP sin nonce: ${csp}`);
        if (/unsafe-inline|unsafe-eval/.test(csp)) problems.push(`${where}: CSP con unsafe-*`);
        if (!(headers["content-type"] ?? "").startsWith("text/html") || !nonce) continue;
        documents += 1;
        nonces.add(nonce);
        const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
        if (scripts.length === 0) problems.push(`${where}: una página sin scripts`);
        for (const tag of scripts) if (!tag.includes(` nonce="${nonce}"`)) problems.push(`${where}: ${tag} no lleva el nonce de la respuesta`);
      }
    }
  }
  expect(problems).toEqual([]);
  expect(documents).toBeGreaterThan(80);
  // A nonce is never reused: every HTML answer had its own.
  expect(nonces.size).toBe(documents);
});

test("resource routes answer with their content type and nosniff; uploaded files in a sandbox", async ({ request }) => {
  const resources = ROUTES.filter((entry) => entry.resource);
  expect(resources.map((r) => r.file)).toEqual(expect.arrayContaining(["evidencias.$id.tsx", "eventos.$id.ics.ts", "eventos.$id.reporte[.]pdf.ts", "admin.exportes.$dataset.ts", "insignias.$slug.imagen[.]svg.tsx", "credenciales.$id[.]json.tsx"]));
  for (const entry of resources) {
    const row = entry.get![0]!;
    const role = row.expect.visitor === 200 ? "visitor" : "difoca";
    expect(row.expect[role], `${entry.file}: the first GET row answers 200 to a visitor or DIFOCA`).toBe(200);
    const url = urlFor(entry, row);
    const response = await request.get(url, { headers: headersOf(role), maxRedirects: 0 });
    expect(response.status(), url).toBe(200);
    expect(response.headers()["content-type"], url).toMatch(entry.resource!);
    // Downloads set nosniff themselves and the server adds it again; browsers read the first value (Fetch standard).
    expect(response.headers()["x-content-type-options"], url).toMatch(/^nosniff(, nosniff)?$/);
    if (/^\/(transferencias\/\d+\/)?evidencias\//.test(url)) {
      expect(response.headers()["content-security-policy"], url).toContain("sandbox");
      expect(response.headers()["content-disposition"], url).toBeTruthy();
    }
  }
});

test("in Chromium, signed in as DIFOCA, the scripts of the pages run under their nonce with no CSP violation", async ({ page, login }) => {
  await login({ id: scenario.ids.difoca });
  for (const path of [`/practicas/${scenario.practice.slug}`, `/asesorias/${scenario.advisoryId}`, "/admin/usuarios"]) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(200);
    const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce, path).toBeTruthy();
    const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(scriptNonces.length, path).toBeGreaterThan(0);
    expect(scriptNonces.every((n) => n === nonce), path).toBe(true);
  }
  // The pageProblems fixture fails the test on any CSP violation or script error.
});
