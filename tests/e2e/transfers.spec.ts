import type { Browser, Page } from "@playwright/test";
import { changePracticeStage } from "~/models/practice.server";
import { lucia } from "~/utils/auth.server";
import { makePractice } from "../factories/practices";
import { expect, test } from "./fixtures";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const unique = () => Math.random().toString(36).slice(2, 7);

async function pageAs(browser: Browser, member: { id: number }) {
  const baseURL = test.info().project.use.baseURL!;
  const context = await browser.newContext({ baseURL });
  const session = await lucia.createSession(member.id, { createdAt: new Date() });
  await context.addCookies([{ name: lucia.sessionCookieName, value: session.id, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  return { page: await context.newPage(), close: () => context.close() };
}

/** Moves the transfer on its page to the next stage, with a note and, optionally, evidence. */
async function advance(page: Page, stage: string, note: string, evidence?: { title: string; file?: Buffer; url?: string }) {
  const form = page.getByRole("region", { name: `Pasar a la etapa «${stage}»` });
  await form.getByLabel("Nota").fill(note);
  if (evidence) {
    await form.getByLabel("Título de la evidencia").fill(evidence.title);
    if (evidence.file) await form.getByLabel("Archivo").setInputFiles({ name: "acta.pdf", mimeType: "application/pdf", buffer: evidence.file });
    if (evidence.url) await form.getByLabel("O un enlace").fill(evidence.url);
  }
  await form.getByRole("button", { name: `Pasar a «${stage}»` }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await expect(page.locator("[aria-current=step]")).toContainText(stage);
}

test("a gestor of another region requests an advanced practice, DIFOCA accepts, the teams move it with evidence, and completing it brings points and a badge", { tag: "@sin-js" }, async ({ page, browser, makeMember, login }) => {
  const suffix = unique();
  const source = await makeMember({ name: `Gestora Nasca ${suffix}`, iged: "UGEL Nasca" });
  const practice = await makePractice({ publish: true, authorId: source.id, iged: "UGEL Nasca", title: `Lectura en comunidades rurales ${suffix}` });
  const difoca = await makeMember({ role: "difoca", iged: null, name: `Especialista DIFOCA ${suffix}` });
  await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "avanzado", note: "Consolidada y validada." });
  const receiver = await makeMember({ name: `Gestor Huaraz ${suffix}`, iged: "UGEL Huaraz" });

  // The receiving gestor asks from the practice's page.
  await login(receiver);
  await page.goto(`/practicas/${practice.slug}`);
  await page.getByRole("link", { name: "Solicitar la transferencia de esta práctica" }).click();
  await page.getByLabel("¿Por qué quieren adoptar esta práctica?").fill("En nuestras escuelas rurales la comprensión lectora está muy por debajo del promedio regional.");
  await page.getByLabel("¿Para qué contexto?").fill("Veinte instituciones educativas multigrado de la provincia de Huaraz, con poca conectividad.");
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(page.getByRole("status")).toContainText("Se envió tu solicitud. DIFOCA la revisará.");
  const transferPath = new URL(page.url()).pathname;
  expect(transferPath).toMatch(/^\/transferencias\/\d+$/);
  await expect(page.locator("main")).toContainText("Pendiente de aceptación");

  // DIFOCA accepts it.
  const specialist = await pageAs(browser, difoca);
  await specialist.page.goto(transferPath);
  await specialist.page.getByRole("button", { name: "Aceptar la solicitud" }).click();
  await expect(specialist.page.getByRole("status")).toBeVisible();
  await expect(specialist.page.locator("main")).toContainText("En curso");

  // The teams move it through the first stages, with an agreement signed and an adaptation plan.
  await page.goto(transferPath);
  await advance(page, "Acuerdo", "Firmamos el acta de compromiso entre ambas UGEL.", { title: "Acta de compromiso firmada", file: PDF });
  await advance(page, "Adaptación", "Plan de adaptación para escuelas multigrado.", { title: "Plan de adaptación", url: "https://ejemplo.pe/plan-adaptacion" });
  await advance(page, "Implementación", "Se inició en veinte escuelas en agosto.");
  await expect(page.getByRole("link", { name: /Acta de compromiso firmada/ }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /Plan de adaptación/ }).first()).toBeVisible();
  // The last two stages are DIFOCA's.
  await expect(page.locator("main")).toContainText("DIFOCA valida esta etapa");
  await expect(page.getByRole("region", { name: "Pasar a la etapa «Evaluación»" })).toHaveCount(0);

  await specialist.page.goto(transferPath);
  await advance(specialist.page, "Evaluación", "Los resultados de la implementación fueron evaluados con la DRE.");
  await advance(specialist.page, "Institucionalizada", "La UGEL Huaraz incorporó la práctica a su PAT 2027.");
  await expect(specialist.page.locator("main")).toContainText("Completada");
  await specialist.close();

  // Both teams see the points; the source team also gets the badge of a completed transfer.
  await page.goto(`/perfil/${receiver.id}`);
  await expect(page.locator(".points-ledger")).toContainText("Transferencia completada (equipo de la IGED que la adopta)");
  const theirs = await pageAs(browser, source);
  await theirs.page.goto(`/perfil/${source.id}`);
  await expect(theirs.page.locator(".points-ledger")).toContainText("Transferencia completada (equipo de la práctica transferida)");
  await expect(theirs.page.locator("#insignias-del-miembro").locator("..")).toContainText("Transferencia lograda");
  await theirs.close();

  // The practice's page shows where it was adopted.
  await page.goto(`/practicas/${practice.slug}`);
  await expect(page.locator("main")).toContainText("UGEL Huaraz (Áncash)");
});

test("a request for a practice in stage inicial is refused with a clear message", { tag: "@sin-js" }, async ({ page, makeMember, login, baseURL }) => {
  const practice = await makePractice({ publish: true, iged: "UGEL Nasca" });
  await login(await makeMember({ iged: "UGEL Yauli" }));
  await page.goto(`/transferencias/nueva?practica=${practice.slug}`);
  await expect(page.locator("main")).toContainText("Esta práctica aún no se puede solicitar.");
  const forced = await page.request.post(`${baseURL}/transferencias/nueva?practica=${practice.slug}`, {
    form: { practiceId: String(practice.id), reason: "Queremos adoptarla en nuestras escuelas rurales.", context: "Doce escuelas multigrado de Yauli, en la sierra." },
    headers: { Origin: baseURL! },
  });
  expect(forced.status()).toBe(400);
  expect(await forced.text()).toContain("Solo se puede solicitar la transferencia de prácticas en estadio avanzado.");
});

test("the map shows the flows between regions, with the same numbers in a table", { tag: "@sin-js" }, async ({ page }) => {
  await page.goto("/transferencias/mapa");
  const map = page.getByRole("img", { name: /Transferencias/ });
  await expect(map).toBeVisible();
  expect(await map.locator("use[data-region]").count()).toBe(26);
  // The outlines come from the shared file: a region that did not load would have no size.
  await expect(map.locator("use[data-region=ayacucho]")).toBeVisible();
  const table = page.getByRole("table").first();
  await expect(table).toContainText("Ayacucho");
  await expect(table).toContainText("Áncash");
  // The demo's completed transfer from Ayacucho to Áncash is drawn as an arrow with its title.
  await expect(map.locator("title", { hasText: "Ayacucho → Áncash" })).toHaveCount(1);
});
