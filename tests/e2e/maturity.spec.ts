import { giveFeedback } from "~/models/feedback.server";
import { makePractice } from "../factories/practices";
import { expect, test } from "./fixtures";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

test("the team requests promotion with evidence, DIFOCA approves, and the timeline shows it", async ({ page, browser, makeMember, login }) => {
  const suffix = Math.random().toString(36).slice(2, 7);
  const practice = await makePractice({ publish: true, title: `Comités de gestión del riesgo en la sierra ${suffix}`, iged: "UGEL Huanta" });
  const expert = await makeMember({ role: "experto", iged: null });
  await giveFeedback({ practiceId: practice.id, authorId: expert.id, keyAspects: "Organización sólida.", opportunities: ["Ampliar"], recommendations: ["Institucionalizar"], givenOn: "2026-10-01" });
  await login({ id: practice.authorId });

  // The team uploads the minutes of the advisory as evidence.
  await page.goto(`/practicas/${practice.slug}/evidencias`);
  await page.getByLabel("Título").first().fill("Acta de la asesoría técnica");
  await page.getByLabel("Archivo").setInputFiles({ name: "acta-asesoria.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Subir archivo" }).click();
  await expect(page.getByRole("status")).toHaveText("Se agregó la evidencia.");

  await page.goto(`/practicas/${practice.slug}`);
  await page.getByRole("link", { name: "Solicitar el paso a intermedio" }).click();
  const advisory = page.getByRole("group", { name: "Asesoría técnica realizada" });
  await advisory.getByLabel("Cómo lo cumple la práctica").fill("El 10 de octubre recibimos una asesoría personalizada de DIFOCA.");
  await advisory.getByLabel("Evidencia (opcional)").selectOption({ label: "Acta de la asesoría técnica (archivo)" });
  await page.getByRole("button", { name: "Enviar la solicitud a DIFOCA" }).click();
  await expect(page.getByRole("status")).toBeVisible();

  // DIFOCA approves it from the queue.
  const difocaContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const difoca = await makeMember({ role: "difoca", iged: null, name: `Revisora ${suffix}` });
  const { lucia } = await import("~/utils/auth.server");
  const session = await lucia.createSession(difoca.id, { createdAt: new Date() });
  await difocaContext.addCookies([{ name: lucia.sessionCookieName, value: session.id, url: test.info().project.use.baseURL! }]);
  const difocaPage = await difocaContext.newPage();
  await difocaPage.goto("/admin/promociones");
  const request = difocaPage.getByRole("article").filter({ hasText: practice.title });
  await expect(request.getByRole("link", { name: /Acta de la asesoría técnica/ })).toBeVisible();
  await request.getByLabel("Observaciones para el equipo").fill("Criterios cumplidos con evidencia.");
  await request.getByRole("button", { name: /^Aprobar/ }).click();
  await expect(difocaPage.getByRole("status")).toBeVisible();
  await difocaContext.close();

  await page.goto(`/practicas/${practice.slug}`);
  await expect(page.locator(".tags")).toContainText("Estadio intermedio");
  const timeline = page.locator(".timeline");
  await expect(timeline).toContainText("El equipo solicitó el paso al estadio intermedio");
  await expect(timeline).toContainText("Pasó al estadio intermedio");
  await expect(timeline).toContainText(`Revisora ${suffix}`);
});

test("an expert leaves feedback and the team marks an opportunity as addressed", async ({ page, browser, makeMember, login }) => {
  const practice = await makePractice({ publish: true, iged: "UGEL Nasca" });
  const expert = await makeMember({ role: "experto", iged: null, name: "Liliana Experta" });
  await login(expert);
  await page.goto(`/practicas/${practice.slug}`);
  await page.getByRole("link", { name: "Dar retroalimentación" }).click();
  await page.getByLabel("Aspecto clave de la práctica").fill("Modelo integral de **comprensión lectora**.");
  await page.getByLabel("Oportunidades de mejora").fill("Ampliar la escala de la práctica\nReducir la dependencia de liderazgos clave");
  await page.getByLabel("Recomendaciones para la sostenibilidad y réplica").fill("Incorporarla en el PAT");
  await page.getByRole("button", { name: "Registrar retroalimentación" }).click();
  await expect(page.getByRole("status")).toHaveText("Se registró tu retroalimentación.");
  const feedback = page.locator("#retroalimentacion");
  await expect(feedback).toContainText("Liliana Experta");
  await expect(feedback.locator("strong", { hasText: "comprensión lectora" })).toBeVisible();

  // The team marks the second opportunity as addressed.
  const teamContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const { lucia } = await import("~/utils/auth.server");
  const session = await lucia.createSession(practice.authorId, { createdAt: new Date() });
  await teamContext.addCookies([{ name: lucia.sessionCookieName, value: session.id, url: test.info().project.use.baseURL! }]);
  const teamPage = await teamContext.newPage();
  await teamPage.goto(`/practicas/${practice.slug}`);
  const opportunity = teamPage.locator("#retroalimentacion li").filter({ hasText: "Reducir la dependencia de liderazgos clave" });
  await opportunity.getByText("Marcar como atendida").click();
  await opportunity.getByLabel("¿Qué hizo el equipo para atender esta oportunidad?").fill("Se conformó un equipo de tres coordinadores.");
  await opportunity.getByRole("button", { name: "Guardar como atendida" }).click();
  await expect(teamPage.locator("#retroalimentacion")).toContainText("Se conformó un equipo de tres coordinadores.");
  await teamContext.close();

  // The expert follows the improvement plan.
  await page.reload();
  await expect(page.locator("#retroalimentacion")).toContainText("Se conformó un equipo de tres coordinadores.");
  // And, not being on the team, cannot mark anything.
  await expect(page.getByText("Marcar como atendida")).toHaveCount(0);
});
