// Every main page, signed out and signed in, on a desktop and a phone, checked with axe-core in
// real Chromium: no serious or critical violation. Forms are also checked in their error state.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import type { AxeResults } from "axe-core";
import { getBadgeBySlug } from "~/models/badge.server";
import { getDb } from "~/utils/db.server";
import { heldAdvisory } from "../factories/advisories";
import { makePractice } from "../factories/practices";
import { makeChallenge, makeInitiative } from "../factories/walls";
import { expect, signInWithForm, test } from "./fixtures";

// Injected with page.evaluate, which runs outside the page's Content-Security-Policy: the app's
// CSP stays as strict as in production (no @axe-core/playwright, which needs Node 22).
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type Violation = AxeResults["violations"][number];

function describeViolation(v: Violation) {
  const nodes = v.nodes.map((n) => `    ${n.target.join(" ")}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, " ")}` : ""}`);
  return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join("\n")}`;
}

/** Runs axe-core on the page as it is now and fails on any serious or critical violation. */
async function expectAccessible(page: Page, label = new URL(page.url()).pathname + new URL(page.url()).search) {
  await page.waitForLoadState("load");
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe.run(document, {
      resultTypes: ["violations"],
    }),
  )) as AxeResults;
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.length, `Violaciones graves de accesibilidad en ${label}:\n${serious.map(describeViolation).join("\n")}`).toBe(0);
}

/** Opens each path (expecting it to load) and checks it. */
async function auditPages(page: Page, paths: string[]) {
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await expectAccessible(page, path);
  }
}

/**
 * Sends the form holding `button` empty (the browser's own checks turned off, as an old browser or a
 * hand-made request would) and checks the error state: every invalid field points at its message.
 */
async function auditErrorState(page: Page, path: string, button: string | RegExp) {
  await page.goto(path);
  const submit = page.getByRole("button", { name: button, exact: typeof button === "string" }).first();
  const form = page.locator("form", { has: submit }).first();
  await form.evaluate((f) => {
    (f as HTMLFormElement).noValidate = true;
    for (const field of f.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]), textarea")) {
      field.value = "";
    }
  });
  await submit.click();
  const invalid = page.locator("[aria-invalid=true]");
  await expect(invalid.or(page.getByRole("alert")).first(), `${path}: el formulario vacío muestra sus errores`).toBeVisible();
  for (const field of await invalid.all()) {
    const describedBy = await field.getAttribute("aria-describedby");
    expect(describedBy, `${path}: un campo inválido sin aria-describedby`).toBeTruthy();
    const messages = await Promise.all(describedBy!.split(" ").map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(messages.join(" ").trim(), `${path}: el mensaje de error del campo`).not.toBe("");
  }
  await expectAccessible(page, `${path} (con errores)`);
}

/** Ids of the demo's records, read once: a past exchange with its report, a transfer, a held advisory. */
async function demoRecords() {
  const db = getDb();
  const event = await db.selectFrom("events").select("id").orderBy("startsOn", "asc").executeTakeFirstOrThrow();
  const transfer = await db.selectFrom("transfers").select("id").orderBy("id", "asc").executeTakeFirstOrThrow();
  const advisory = await db.selectFrom("advisories").select("id").orderBy("id", "asc").executeTakeFirstOrThrow();
  const practice = await db.selectFrom("practices").select("slug").where("title", "=", "Estrategia Inclusión Total").executeTakeFirstOrThrow();
  // The member with the longest points history.
  const active = await db
    .selectFrom("pointsLedger")
    .select("userId")
    .where("points", "!=", 0)
    .groupBy("userId")
    .orderBy((eb) => eb.fn.countAll(), "desc")
    .orderBy("userId", "asc")
    .executeTakeFirstOrThrow();
  return { event: event.id, transfer: transfer.id, advisory: advisory.id, practice: practice.slug, activeMember: active.userId };
}

test.describe("accessibility (axe-core)", () => {
  // Each test reads a group of pages; axe takes about a second per page, more on a busy machine.
  test.describe.configure({ timeout: 180_000 });

  test("the check fails on a page with a serious violation, naming the rule and the element", async ({ page }) => {
    await page.goto("/ingresar");
    // The image goes in once React has taken over <main> (its node carries React's fiber key):
    // added before, hydration would find a node it did not render and render the page again
    // without it.
    await page.waitForFunction(() => {
      const main = document.querySelector("main");
      return main !== null && Object.keys(main).some((key) => key.startsWith("__reactFiber"));
    });
    await page.evaluate(() => {
      const image = document.createElement("img");
      image.src = "/favicon.svg";
      image.id = "imagen-sin-texto";
      document.querySelector("main")!.append(image);
    });
    await expect(expectAccessible(page, "/ingresar con una imagen sin texto alternativo")).rejects.toThrow(/image-alt[\s\S]*#imagen-sin-texto/);
  });

  test("the public pages, signed out, have no serious or critical violation", async ({ page, makeMember }) => {
    const member = await makeMember({ iged: "DRE Ayacucho" });
    const challenge = await makeChallenge();
    const initiative = await makeInitiative();
    const ids = await demoRecords();
    await auditPages(page, [
      "/",
      "/practicas",
      "/practicas?macrorregion=centro&region=callao&estadio=inicial&q=inclusion",
      `/practicas/${ids.practice}`,
      "/ranking",
      "/ranking?region=ayacucho",
      "/insignias",
      "/insignias/mentor-de-la-red",
      `/perfil/${member.id}`,
      `/perfil/${ids.activeMember}/puntos`,
      "/desafios",
      `/desafios/${challenge.id}`,
      "/iniciativas",
      `/iniciativas/${initiative.id}`,
      "/transferencias",
      "/transferencias/mapa",
      "/eventos",
      `/eventos/${ids.event}`,
      `/eventos/${ids.event}/reporte`,
      "/panel",
      "/ingresar",
      "/registro",
    ]);
    const notFound = await page.goto("/no-existe-esta-pagina");
    expect(notFound?.status()).toBe(404);
    await expectAccessible(page, "página 404");
  });

  test("the sign-in and registration forms are accessible with their errors", async ({ page }) => {
    await auditErrorState(page, "/ingresar", "Ingresar");
    await auditErrorState(page, "/registro", "Crear mi cuenta");
  });

  test("the two-step verification set up at DIFOCA's first sign-in is accessible, also with a wrong code", async ({ page, makeMember }) => {
    const difoca = await makeMember({ role: "difoca", iged: null });
    await signInWithForm(page, difoca.email, difoca.password);
    await expect(page).toHaveURL(/\/ingresar\/configurar-verificacion$/);
    await expectAccessible(page);
    await page.getByLabel("Código de verificación").fill("000000");
    await page.getByRole("button", { name: "Activar y continuar" }).click();
    await expect(page.locator("[aria-invalid=true]").or(page.getByRole("alert")).first()).toBeVisible();
    await expectAccessible(page, "/ingresar/configurar-verificacion (con un código equivocado)");
  });

  test("a gestor's pages have no serious or critical violation", async ({ page, makeMember, login }) => {
    const gestor = await makeMember({ iged: "UGEL Huanta" });
    const practice = await makePractice({ publish: true, authorId: gestor.id, iged: "UGEL Huanta" });
    await heldAdvisory({ practiceId: practice.id, requestedBy: gestor.id });
    const challenge = await makeChallenge({ authorId: gestor.id, iged: "UGEL Huanta" });
    const otherInitiative = await makeInitiative();
    const advanced = await demoRecords();
    await login(gestor);
    await auditPages(page, [
      "/",
      "/notificaciones",
      `/perfil/${gestor.id}`,
      `/perfil/${gestor.id}/puntos`,
      "/cuenta/seguridad",
      `/practicas/${practice.slug}`,
      `/practicas/${practice.slug}/editar`,
      `/practicas/${practice.slug}/evidencias`,
      `/practicas/${practice.slug}/historial`,
      `/practicas/${practice.slug}/promocion`,
      `/desafios/${challenge.id}`,
      `/desafios/${challenge.id}/editar`,
      `/iniciativas/${otherInitiative.id}`,
      "/asesorias",
      "/asesorias/calendario",
      `/asesorias/nueva?practica=${practice.slug}`,
      "/transferencias",
      `/transferencias/nueva?practica=${advanced.practice}`,
    ]);
  });

  test("a gestor's forms, sent empty, show accessible errors", async ({ page, makeMember, login }) => {
    const gestor = await makeMember({ iged: "UGEL Huanta" });
    const practice = await makePractice({ publish: true, authorId: gestor.id, iged: "UGEL Huanta" });
    const challenge = await makeChallenge();
    const advanced = await demoRecords();
    await login(gestor);
    await auditErrorState(page, "/practicas/nueva", "Guardar borrador");
    await auditErrorState(page, `/practicas/${practice.slug}/editar`, "Guardar cambios");
    await auditErrorState(page, "/desafios/nuevo", "Publicar desafío");
    await auditErrorState(page, "/iniciativas/nueva", "Compartir iniciativa");
    await auditErrorState(page, `/desafios/${challenge.id}`, "Publicar aporte");
    await auditErrorState(page, `/asesorias/nueva?practica=${practice.slug}`, "Enviar solicitud");
    await auditErrorState(page, `/transferencias/nueva?practica=${advanced.practice}`, "Enviar solicitud");
  });

  test("an expert's pages and forms have no serious or critical violation", async ({ page, makeMember, login }) => {
    const practice = await makePractice({ publish: true, iged: "UGEL Nasca" });
    await login(await makeMember({ role: "experto", iged: null }));
    await auditPages(page, [`/practicas/${practice.slug}/retroalimentacion`, "/asesorias", "/asesorias/disponibilidad", "/asesorias/calendario"]);
    await auditErrorState(page, `/practicas/${practice.slug}/retroalimentacion`, "Registrar retroalimentación");
  });

  test("DIFOCA's administration pages have no serious or critical violation", async ({ page, makeMember, login }) => {
    const badge = await getBadgeBySlug("mentor-de-la-red");
    await login(await makeMember({ role: "difoca", iged: null }));
    await auditPages(page, [
      "/admin",
      "/admin/usuarios",
      "/admin/igeds",
      "/admin/lineas",
      "/admin/regiones",
      "/admin/criterios",
      "/admin/escalas",
      "/admin/insignias",
      `/admin/insignias/${badge!.id}`,
      "/admin/puntos",
      "/admin/promociones",
      "/admin/reportes",
      "/admin/asesorias",
      "/admin/exportes",
      "/admin/practicas",
    ]);
    await auditErrorState(page, "/admin/insignias", "Crear insignia");
  });

  test("DIFOCA's pages of advisories, transfers and events have no serious or critical violation", async ({ page, makeMember, login }) => {
    const ids = await demoRecords();
    await login(await makeMember({ role: "difoca", iged: null }));
    await auditPages(page, [
      `/asesorias/${ids.advisory}`,
      "/asesorias/calendario",
      `/transferencias/${ids.transfer}`,
      `/practicas/${ids.practice}/editar`,
      `/eventos/${ids.event}`,
      `/eventos/${ids.event}/editar`,
      `/eventos/${ids.event}/asistencia`,
      `/eventos/${ids.event}/reporte`,
      "/eventos/nuevo",
      "/panel",
    ]);
    await auditErrorState(page, "/eventos/nuevo", "Crear evento");
  });

  test.describe("on a 375-pixel phone", () => {
    test.use({ viewport: { width: 375, height: 740 } });

    test("the key pages have no serious or critical violation, signed out and signed in", async ({ page, makeMember, login }) => {
      const ids = await demoRecords();
      await auditPages(page, ["/", "/practicas", `/practicas/${ids.practice}`, "/ingresar", "/registro", "/desafios", "/panel"]);
      const gestor = await makeMember({ iged: "UGEL Nasca" });
      await login(gestor);
      await auditPages(page, ["/", `/perfil/${gestor.id}`, "/notificaciones", "/desafios/nuevo", "/asesorias"]);
    });
  });
});
