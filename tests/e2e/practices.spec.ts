import { makePractice } from "../factories/practices";
import { expect, test } from "./fixtures";

test("a gestor creates and submits a practice, DIFOCA publishes it, and an accent-free search finds it", { tag: "@sin-js" }, async ({ page, browser, makeMember, login }) => {
  const suffix = Math.random().toString(36).slice(2, 7);
  const title = `Círculos de lectura en quechua ${suffix}`;
  await login(await makeMember({ iged: "UGEL Huanta", name: "Nélida Huamán" }));

  await page.goto("/practicas");
  await page.getByRole("link", { name: "Registrar una práctica" }).click();
  await page.getByLabel("Título").fill(title);
  await page.getByRole("button", { name: "Guardar borrador" }).click();
  await expect(page.getByRole("status")).toContainText("Se guardó el borrador");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("Estado: Borrador.")).toBeVisible();
  await expect(page.getByText("Describe los resultados, con cifras.")).toBeVisible();

  await page.getByRole("link", { name: "Editar" }).click();
  await page.getByLabel("Resumen").fill("Docentes y familias leen en quechua cada semana.");
  await page.getByLabel("Línea temática").selectOption({ label: "Mejora de los aprendizajes" });
  await page.getByLabel("Problema").fill("Solo el 12 % de estudiantes de escuelas rurales alcanzaba el logro esperado en **comprensión lectora**.");
  await page.getByLabel("Estrategia").fill("- Círculos semanales de lectura\n- Bibliotecas de aula en quechua");
  await page.getByLabel("Resultados").fill("- 23 % más de estudiantes en el nivel de logro");
  await page.getByRole("button", { name: "Guardar cambios" }).click();
  await expect(page.getByRole("status")).toHaveText("Se guardaron los cambios.");
  await page.getByRole("button", { name: "Enviar a revisión" }).click();
  await expect(page.getByRole("status")).toContainText("Se envió la práctica a revisión");

  // DIFOCA finds it in the queue and publishes it.
  const difocaContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const difoca = await makeMember({ role: "difoca", iged: null });
  const { lucia } = await import("~/utils/auth.server");
  const session = await lucia.createSession(difoca.id, { createdAt: new Date() });
  await difocaContext.addCookies([{ name: lucia.sessionCookieName, value: session.id, url: test.info().project.use.baseURL! }]);
  const difocaPage = await difocaContext.newPage();
  await difocaPage.goto("/admin/practicas");
  await difocaPage.getByRole("link", { name: title }).click();
  await difocaPage.getByRole("button", { name: "Publicar en el estadio inicial" }).click();
  await expect(difocaPage.getByRole("status")).toHaveText("Se publicó la práctica en el estadio inicial.");
  await difocaContext.close();

  // Anyone finds it without accents or capitals, with the words highlighted.
  await page.goto("/practicas");
  await page.getByRole("searchbox", { name: "Buscar" }).fill(`CIRCULOS LECTURA ${suffix}`);
  await page.getByRole("button", { name: "Buscar" }).click();
  await expect(page).toHaveURL(new RegExp(`q=CIRCULOS\\+LECTURA\\+${suffix}`));
  await expect(page.getByText("1 práctica encontrada.")).toBeVisible();
  await expect(page.locator(".practice-card mark").first()).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Ruta de fortalecimiento", exact: true })).toBeVisible();
  await expect(page.locator(".timeline")).toContainText("DIFOCA la publicó en el estadio inicial");
  await expect(page.getByText("comprensión lectora", { exact: true })).toBeVisible();
});

test("filters live in the URL, so a search can be shared", { tag: "@sin-js" }, async ({ page }) => {
  // Lima Provincias holds only the demo's practice of UGEL 09 Huaura (the journeys use other regions).
  await page.goto("/practicas?region=lima-provincias&estadio=avanzado");
  await expect(page.getByLabel("Región", { exact: true })).toHaveValue("lima-provincias");
  await expect(page.getByLabel("Estadio")).toHaveValue("avanzado");
  const cards = page.locator(".practice-card");
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText("Puentes para la inclusión");
  await page.getByLabel("Estadio").selectOption("inicial");
  await page.getByRole("button", { name: "Buscar" }).click();
  await expect(page).toHaveURL(/region=lima-provincias/);
  await expect(page).toHaveURL(/estadio=inicial/);
  await expect(page.getByText("No encontramos prácticas con esos criterios.")).toBeVisible();
});

test("a gestor of another IGED gets 403 on a practice's edit page", { tag: "@sin-js" }, async ({ page, makeMember, login }) => {
  const practice = await makePractice({ publish: true, iged: "UGEL Nasca" });
  await login(await makeMember({ iged: "DRE Cusco" }));
  await page.goto(`/practicas/${practice.slug}`);
  await expect(page.getByRole("link", { name: "Editar" })).toHaveCount(0);
  const response = await page.goto(`/practicas/${practice.slug}/editar`);
  expect(response?.status()).toBe(403);
  await expect(page.getByText("Solo el equipo de la práctica y DIFOCA pueden editarla.")).toBeVisible();
});

test("a <script> in a practice's text is not executed on its page", async ({ page }) => {
  const practice = await makePractice({
    publish: true,
    problem: 'Texto visible<script>window.__pwned = true</script><img src="x" onerror="window.__pwned = true">\n\n[enlace](javascript:window.__pwned=true)',
  });
  await page.goto(`/practicas/${practice.slug}`);
  await expect(page.getByText("Texto visible")).toBeVisible();
  // The javascript: link lost its address, the image its handler, and the script is gone.
  await expect(page.locator('a[href^="javascript"], [onerror], .markdown script')).toHaveCount(0);
  await page.getByText("enlace", { exact: true }).click();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
});

test("the demo catalog holds the practices of the exchange", { tag: "@sin-js" }, async ({ page }) => {
  // Other journeys publish practices in the Centro macroregion while this one runs: narrow to Callao.
  await page.goto("/practicas?macrorregion=centro&region=callao");
  await expect(page.getByText(/^(1 práctica encontrada|\d+ prácticas encontradas)\.$/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Estrategia Inclusión Total" })).toBeVisible();
  await page.getByRole("link", { name: "Estrategia Inclusión Total" }).click();
  const facts = page.locator(".facts");
  await expect(facts).toContainText("DRE Callao (DRE/GRE)");
  await expect(facts).toContainText("UGEL Ventanilla");
  await expect(page.getByRole("heading", { name: "Resultados" })).toBeVisible();
  await expect(page.locator(".facts")).toContainText("Visitas");
});
