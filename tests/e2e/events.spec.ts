import { readFileSync } from "node:fs";
import type { Browser, Locator } from "@playwright/test";
import { lucia } from "~/utils/auth.server";
import { todayInLima } from "~/utils/dates";
import { makePractice } from "../factories/practices";
import { expect, test } from "./fixtures";

const unique = () => Math.random().toString(36).slice(2, 7);

async function pageAs(browser: Browser, member: { id: number }) {
  const baseURL = test.info().project.use.baseURL!;
  const context = await browser.newContext({ baseURL });
  const session = await lucia.createSession(member.id, { createdAt: new Date() });
  await context.addCookies([{ name: lucia.sessionCookieName, value: session.id, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  return { page: await context.newPage(), close: () => context.close() };
}

/** Chooses the option of a select whose text contains `text` (labels carry extra detail). */
async function chooseContaining(select: Locator, text: string) {
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  await select.selectOption(value!);
}

test("DIFOCA creates an exchange with practices and commentators, members register, attendance brings points and a badge, and the report shows each practice with its feedback", { tag: "@sin-js" }, async ({ page, browser, makeMember, login }) => {
  // The longest journey of the suite: three people, two practices, a report and its PDF.
  test.slow();
  const suffix = unique();
  const first = await makePractice({ publish: true, iged: "UGEL Nasca", title: `Lectura en familia ${suffix}` });
  const second = await makePractice({ publish: true, iged: "UGEL Huanta", title: `Brigadas escolares de riesgo ${suffix}` });
  const expert = await makeMember({ role: "experto", iged: null, name: `Comentarista ${suffix}` });
  const ana = await makeMember({ name: `Ana Asistente ${suffix}`, iged: "UGEL Yauli" });
  const beto = await makeMember({ name: `Beto Asistente ${suffix}`, iged: "DRE Junín", position: "Director de Gestión Pedagógica" });
  const difoca = await makeMember({ role: "difoca", iged: null });
  const title = `Intercambio de prueba Macrorregión Centro ${suffix}`;
  const today = todayInLima();

  // DIFOCA creates the exchange, today, with two practices and the expert commenting the first.
  await login(difoca);
  await page.goto("/eventos");
  await page.getByRole("link", { name: "Crear evento" }).click();
  await page.getByLabel("Tipo de evento").selectOption({ label: "Intercambio macrorregional" });
  await page.getByLabel("Título").fill(title);
  await page.getByLabel("Resumen").fill("Dos días para compartir buenas prácticas de gestión educativa de la macrorregión.");
  await page.getByLabel("Fecha de inicio").fill(today);
  await page.getByLabel("Fecha de término").fill(today);
  await page.getByLabel("Macrorregión").selectOption({ label: "Centro" });
  await page.getByLabel("Región anfitriona").selectOption({ label: "Ica" });
  await page.getByLabel("Modalidad").selectOption({ label: "Presencial" });
  await page.getByLabel("Lugar", { exact: true }).fill("Auditorio de la DRE Ica");
  await page.getByLabel("Cupos").fill("40");
  await chooseContaining(page.getByLabel("Práctica 1", { exact: true }), first.title);
  await chooseContaining(page.getByLabel("Comentarista de la práctica 1", { exact: true }), `Comentarista ${suffix}`);
  await chooseContaining(page.getByLabel("Práctica 2", { exact: true }), second.title);
  await page.getByRole("button", { name: "Crear evento" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const eventPath = new URL(page.url()).pathname;
  await expect(page.locator("main")).toContainText(`Comentarista ${suffix}`);

  // Two members register.
  for (const member of [ana, beto]) {
    const theirs = await pageAs(browser, member);
    await theirs.page.goto(eventPath);
    await theirs.page.getByRole("button", { name: "Inscribirme" }).click();
    await expect(theirs.page.locator("main")).toContainText("Estás inscrito");
    await theirs.close();
  }

  // The commentator's feedback is linked to the exchange.
  const commentator = await pageAs(browser, expert);
  await commentator.page.goto(`/practicas/${first.slug}/retroalimentacion`);
  await commentator.page.getByLabel("Aspecto clave de la práctica").fill("Involucra a las **familias** en la lectura diaria.");
  await commentator.page.getByLabel("Oportunidades de mejora").fill("Medir la línea de base");
  await commentator.page.getByLabel("Recomendaciones para la sostenibilidad y réplica").fill("Incorporarla en el PAT");
  await chooseContaining(commentator.page.getByLabel("¿Se dio en un evento?"), title);
  await commentator.page.getByRole("button", { name: "Registrar retroalimentación" }).click();
  await expect(commentator.page.getByRole("status")).toHaveText("Se registró tu retroalimentación.");
  await commentator.close();

  // DIFOCA records attendance and gives a badge to everyone who came.
  await page.goto(`${eventPath}/asistencia`);
  await page.getByLabel(`Ana Asistente ${suffix} asistió`).check();
  await page.getByLabel(`Beto Asistente ${suffix} asistió`).check();
  await page.getByRole("button", { name: "Guardar asistencia" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  const badge = page.getByRole("region", { name: "Insignia para los asistentes" });
  await badge.getByRole("combobox", { name: "Insignia" }).selectOption({ label: "Mentor de la red" });
  await badge.getByLabel("Motivo").fill(`Participaron en el ${title}.`);
  await badge.getByRole("button", { name: "Otorgar a todos los asistentes" }).click();
  await expect(page.getByRole("status")).toContainText("Se otorgó la insignia a 2 asistentes");

  // The attendees see the points and the badge.
  const ana2 = await pageAs(browser, ana);
  await ana2.page.goto(`/perfil/${ana.id}`);
  await expect(ana2.page.locator(".points-ledger")).toContainText("Asistencia a un evento");
  await expect(ana2.page.locator("#insignias-del-miembro").locator("..")).toContainText("Mentor de la red");
  await ana2.close();

  // The report shows both practices, the feedback given at the event, and who came.
  await page.goto(`${eventPath}/reporte`);
  const report = page.locator("main");
  await expect(report).toContainText(first.title);
  await expect(report).toContainText(second.title);
  await expect(report.locator("strong", { hasText: "familias" })).toBeVisible();
  await expect(report).toContainText("Medir la línea de base");
  await expect(report).toContainText("Sin retroalimentación registrada en el evento");
  await expect(report).toContainText(`Beto Asistente ${suffix}`);
  const pdf = await page.request.get(`${eventPath}/reporte.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("the dashboard's map shows the 26 regions with a table of the same numbers", { tag: "@sin-js" }, async ({ page }) => {
  await page.goto("/panel");
  const map = page.locator("svg[role=img]").filter({ has: page.locator("use[data-region]") }).first();
  await expect(map).toBeVisible();
  expect(await map.locator("use[data-region]").count()).toBe(26);
  // The outlines come from the shared file: a region that did not load would have no size.
  await expect(map.locator("use[data-region=lima-metropolitana]")).toBeVisible();
  const box = await map.locator("use[data-region=puno]").boundingBox();
  expect(box!.width).toBeGreaterThan(10);
  const table = page.getByRole("table").filter({ hasText: "Lima Metropolitana" }).first();
  await expect(table).toContainText("Lima Provincias");
  await expect(table.locator("tbody tr")).toHaveCount(26);
});

test("DIFOCA downloads the practices of a region as CSV and Excel, and both hold the expected rows", { tag: "@sin-js" }, async ({ page, makeMember, login }) => {
  const ExcelJS = (await import("exceljs")).default;
  await login(await makeMember({ role: "difoca", iged: null }));
  await page.goto("/admin/exportes");
  // Callao: the demo's practices there, which no other journey touches.
  await page.getByLabel("Región", { exact: true }).selectOption({ label: "Callao" });
  await page.getByRole("button", { name: "Aplicar" }).click();
  // «con estos filtros» only once applied: before, «11 prácticas publicadas» would match «1 práctica».
  await expect(page.locator("main")).toContainText("1 práctica con estos filtros");

  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^Descargar CSV de prácticas/ }).click()]);
  const csv = readFileSync((await csvDownload.path())!, "utf8").replace(/^\uFEFF/, "");
  const lines = csv.trim().split(/\r\n/);
  expect(lines[0]).toMatch(/^Título,Región,/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain("Estrategia Inclusión Total");

  const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^Descargar Excel \(\.xlsx\) de prácticas/ }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsxDownload.path())!);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).value).toBe("Título");
  expect(sheet.getRow(2).getCell(1).value).toBe("Estrategia Inclusión Total");
  expect(sheet.actualRowCount).toBe(2);
});
