import { deactivateMember } from "~/models/user.server";
import { SECTIONS } from "~/utils/sections";
import { makePractice } from "../factories/practices";
import { makeWallPost } from "../factories/walls";
import { demo, expect, test } from "./fixtures";

test("the home page presents the community and its sections in Spanish", { tag: "@sin-js" }, async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Comunidad de Práctica de Gestión Educativa");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comunidad de Práctica de Gestión Educativa");
  const nav = page.getByRole("navigation", { name: "Secciones" });
  for (const label of ["Prácticas", "Desafíos", "Iniciativas", "Asesorías", "Transferencias", "Ranking", "Insignias", "Eventos", "Panel"]) {
    await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
  }
  await expect(page.getByText("26", { exact: true }).first()).toBeVisible();
});

test("no link on the home page is dead", { tag: "@sin-js" }, async ({ page, request }) => {
  await page.goto("/");
  const hrefs = await page.locator("a[href^='/']").evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href")!))]);
  expect(hrefs.length).toBeGreaterThan(10);
  for (const href of hrefs) {
    const response = await request.get(href.split("#")[0]!);
    expect(response.status(), href).toBeLessThan(400);
  }
});

test("a section not built yet says so plainly", { tag: "@sin-js" }, async ({ page }) => {
  for (const section of SECTIONS.filter((s) => !s.available)) {
    const response = await page.goto(section.path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(section.title);
    await expect(page.getByRole("heading", { name: "Sección en preparación" })).toBeVisible();
  }
});

test("an unknown page is a Spanish 404", { tag: "@sin-js" }, async ({ page }) => {
  const response = await page.goto("/no-existe-esta-pagina");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Página no encontrada");
  await expect(page.getByRole("link", { name: "Volver al inicio" })).toBeVisible();
});

test("a member's profile shows their name, IGED, region, position and role", { tag: "@sin-js" }, async ({ page, makeMember }) => {
  const member = await makeMember({ name: "Indira Alvarez Ascencio", iged: "DRE Ayacucho", position: "Coordinadora de GRD" });
  await page.goto(`/perfil/${member.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Indira Alvarez Ascencio");
  const details = page.locator("dl").first();
  await expect(details).toContainText("Gestor");
  await expect(details).toContainText("Coordinadora de GRD");
  await expect(details).toContainText("DRE Ayacucho (DRE/GRE)");
  await expect(details).toContainText("Ayacucho");
});

test("a deactivated member's profile is not found, except for DIFOCA", { tag: "@sin-js" }, async ({ page, makeMember, login }) => {
  const member = await makeMember({ name: "Perfil Desactivado" });
  await deactivateMember({ memberId: member.id, actorId: null, reason: "Prueba" });
  const response = await page.goto(`/perfil/${member.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Ese perfil no existe.")).toBeVisible();

  await login(await makeMember({ role: "difoca", iged: null }));
  await page.goto(`/perfil/${member.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Perfil Desactivado");
  await expect(page.getByText("Esta cuenta está desactivada.")).toBeVisible();
});

test("/healthz says the database is reachable", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});

test.describe("on a 360-pixel phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("pages fit the screen and the sections can still be reached", { tag: "@sin-js" }, async ({ page }) => {
    for (const path of ["/", "/registro", "/ingresar", "/practicas"]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.getByRole("navigation", { name: "Secciones" }).getByRole("link", { name: "Panel" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Panel de la comunidad");
  });

  test("a title or text without spaces wraps instead of widening the page", { tag: "@sin-js" }, async ({ page }) => {
    const word = `https://www.minedu.gob.pe/${"documento-de-la-ugel-".repeat(12)}${Math.random().toString(36).slice(2, 8)}`;
    const practice = await makePractice({ publish: true, title: word, summary: word });
    const post = await makeWallPost("challenge", { title: word, body: word });
    for (const path of ["/practicas", `/practicas/${practice.slug}`, "/desafios", `/desafios/${post.id}`]) {
      await page.goto(path);
      await expect(page.getByText(word).first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });

  test("the skip link takes keyboard users to the content", { tag: "@sin-js" }, async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Saltar al contenido" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });
});

test("the demo data has a specialist, experts and managers of several regions", { tag: "@sin-js" }, async ({ page }) => {
  const expert = demo("experto");
  await page.goto("/ingresar");
  await page.getByLabel("Correo electrónico").fill(expert.email);
  await page.getByLabel("Contraseña").fill(expert.password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await page.getByRole("banner").getByRole("link", { name: expert.name }).click();
  await expect(page.locator("dl").first()).toContainText("Experto");
  await expect(page.locator("dl").first()).toContainText(expert.position);
});
