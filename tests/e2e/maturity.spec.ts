import { giveFeedback } from "~/models/feedback.server";
import { changePracticeStage } from "~/models/practice.server";
import { heldAdvisory } from "../factories/advisories";
import { makePractice } from "../factories/practices";
import { expect, test } from "./fixtures";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

test("once an advisory is held the team requests intermedio, DIFOCA approves, and the timeline shows it", { tag: "@sin-js" }, async ({ page, browser, makeMember, login }) => {
  const suffix = Math.random().toString(36).slice(2, 7);
  const practice = await makePractice({ publish: true, title: `Comités de gestión del riesgo en la sierra ${suffix}`, iged: "UGEL Huanta" });
  const expert = await makeMember({ role: "experto", iged: null });
  await giveFeedback({ practiceId: practice.id, authorId: expert.id, keyAspects: "Organización sólida.", opportunities: ["Ampliar"], recommendations: ["Institucionalizar"], givenOn: "2026-10-01" });
  await login({ id: practice.authorId });

  // Documented and with feedback, but no advisory held yet: the platform does not let the team ask.
  await page.goto(`/practicas/${practice.slug}/promocion`);
  const advisory = page.getByRole("group", { name: "Asesoría técnica realizada" });
  await expect(advisory.locator(".tag")).toHaveText("No cumplido");
  await expect(page.getByText(/^Todavía no puedes enviar la solicitud/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Enviar la solicitud a DIFOCA" })).toHaveCount(0);

  // The expert advises the team and records the minutes.
  await heldAdvisory({ practiceId: practice.id, requestedBy: practice.authorId, advisorId: expert.id });

  await page.goto(`/practicas/${practice.slug}`);
  await page.getByRole("link", { name: "Solicitar el paso a intermedio" }).click();
  // Every criterion of this step is checked by the platform: nothing to write or attach.
  await expect(page.getByText("La plataforma verifica por sí misma los criterios de este paso.")).toBeVisible();
  for (const title of ["Problema, estrategia y resultados documentados", "Retroalimentación de un experto", "Asesoría técnica realizada"]) {
    await expect(page.getByRole("group", { name: title }).locator(".tag")).toHaveText("Cumplido");
  }
  const form = page.locator("form", { has: page.getByRole("button", { name: "Enviar la solicitud a DIFOCA" }) });
  await expect(form.getByRole("textbox")).toHaveCount(0);
  await expect(form.getByRole("combobox")).toHaveCount(0);
  await page.getByRole("button", { name: "Enviar la solicitud a DIFOCA" }).click();
  await expect(page.getByRole("status")).toHaveText("Se envió tu solicitud de paso al estadio intermedio. DIFOCA la revisará.");

  // DIFOCA finds it in the queue, with the advisory verified by the platform, and approves it.
  const difocaContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const difoca = await makeMember({ role: "difoca", iged: null, name: `Revisora ${suffix}` });
  const { lucia } = await import("~/utils/auth.server");
  const session = await lucia.createSession(difoca.id, { createdAt: new Date() });
  await difocaContext.addCookies([{ name: lucia.sessionCookieName, value: session.id, url: test.info().project.use.baseURL! }]);
  const difocaPage = await difocaContext.newPage();
  await difocaPage.goto("/admin/promociones");
  const request = difocaPage.getByRole("article").filter({ hasText: practice.title });
  await expect(request).toContainText("de inicial a intermedio");
  await expect(request.locator("dl > div").filter({ hasText: "Asesoría técnica realizada" }).locator("dd")).toHaveText("Cumplido (verificado por la plataforma).");
  await request.getByLabel("Observaciones para el equipo").fill("Criterios verificados por la plataforma.");
  await request.getByRole("button", { name: /^Aprobar/ }).click();
  await expect(difocaPage.getByRole("status")).toHaveText("Se aprobó la solicitud: la práctica pasó al estadio intermedio.");
  await difocaContext.close();

  await page.goto(`/practicas/${practice.slug}`);
  await expect(page.locator(".tags")).toContainText("Estadio intermedio");
  const timeline = page.getByRole("region", { name: "Ruta de fortalecimiento" }).locator(".timeline");
  await expect(timeline).toContainText("El equipo solicitó el paso al estadio intermedio");
  await expect(timeline).toContainText("Pasó al estadio intermedio");
  await expect(timeline).toContainText(`Revisora ${suffix}`);
});

test("towards avanzado the team attaches evidence per criterion, DIFOCA sees it and approves", { tag: "@sin-js" }, async ({ page, browser, makeMember, login }) => {
  const suffix = Math.random().toString(36).slice(2, 7);
  const practice = await makePractice({ publish: true, title: `Presupuesto escolar participativo ${suffix}`, iged: "UGEL Huanta" });
  const validator = await makeMember({ role: "difoca", iged: null });
  await changePracticeStage({ practiceId: practice.id, actorId: validator.id, toStage: "intermedio", note: "Validada en el intercambio macrorregional." });
  await login({ id: practice.authorId });

  // The team uploads the resolution that formalizes the practice as evidence.
  await page.goto(`/practicas/${practice.slug}/evidencias`);
  await page.getByLabel("Título").first().fill("Resolución Directoral Regional de reconocimiento");
  await page.getByLabel("Archivo").setInputFiles({ name: "rdr-reconocimiento.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Subir archivo" }).click();
  await expect(page.getByRole("status")).toHaveText("Se agregó la evidencia.");

  await page.goto(`/practicas/${practice.slug}`);
  await page.getByRole("link", { name: "Solicitar el paso a avanzado" }).click();
  const formalized = page.getByRole("group", { name: "Formalizada con un documento normativo" });
  await formalized.getByLabel("Cómo lo cumple la práctica").fill("Reconocida por la Resolución Directoral Regional n.º 0456-2026.");
  await formalized.getByLabel("Evidencia (opcional)").selectOption({ label: "Resolución Directoral Regional de reconocimiento (archivo)" });
  for (const title of ["Incluida en los instrumentos de gestión", "Equipo técnico consolidado", "Resultados sostenidos por al menos un año", "Fuente de financiamiento"]) {
    await page.getByRole("group", { name: title }).getByLabel("Cómo lo cumple la práctica").fill(`Consta en el informe anual 2025 de la UGEL (${title.toLowerCase()}).`);
  }
  await page.getByRole("button", { name: "Enviar la solicitud a DIFOCA" }).click();
  await expect(page.getByRole("status")).toHaveText("Se envió tu solicitud de paso al estadio avanzado. DIFOCA la revisará.");

  // DIFOCA reads the note and opens the evidence from the queue, and approves.
  const difocaContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const difoca = await makeMember({ role: "difoca", iged: null, name: `Revisor ${suffix}` });
  const { lucia } = await import("~/utils/auth.server");
  const session = await lucia.createSession(difoca.id, { createdAt: new Date() });
  await difocaContext.addCookies([{ name: lucia.sessionCookieName, value: session.id, url: test.info().project.use.baseURL! }]);
  const difocaPage = await difocaContext.newPage();
  await difocaPage.goto("/admin/promociones");
  const request = difocaPage.getByRole("article").filter({ hasText: practice.title });
  await expect(request).toContainText("de intermedio a avanzado");
  const formalizedItem = request.locator("dl > div").filter({ hasText: "Formalizada con un documento normativo" });
  await expect(formalizedItem).toContainText("Reconocida por la Resolución Directoral Regional n.º 0456-2026.");
  await expect(formalizedItem.getByRole("link", { name: "Ver evidencia: Resolución Directoral Regional de reconocimiento" })).toBeVisible();
  await request.getByLabel("Observaciones para el equipo").fill("Criterios cumplidos con evidencia.");
  await request.getByRole("button", { name: /^Aprobar/ }).click();
  await expect(difocaPage.getByRole("status")).toHaveText("Se aprobó la solicitud: la práctica pasó al estadio avanzado.");
  await difocaContext.close();

  await page.goto(`/practicas/${practice.slug}`);
  await expect(page.locator(".tags")).toContainText("Estadio avanzado");
  const timeline = page.getByRole("region", { name: "Ruta de fortalecimiento" }).locator(".timeline");
  await expect(timeline).toContainText("El equipo solicitó el paso al estadio avanzado");
  await expect(timeline).toContainText("Pasó al estadio avanzado");
  await expect(timeline).toContainText(`Revisor ${suffix}`);
});

test("an expert leaves feedback and the team marks an opportunity as addressed", { tag: "@sin-js" }, async ({ page, browser, makeMember, login }) => {
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
