import type { Browser } from "@playwright/test";
import { lucia } from "~/utils/auth.server";
import { makeInitiative } from "../factories/walls";
import { expect, test } from "./fixtures";

const unique = () => Math.random().toString(36).slice(2, 7);

/** A second person at another computer: a browser context signed in as them. */
async function pageAs(browser: Browser, member: { id: number }, options: { javaScriptEnabled?: boolean } = {}) {
  const baseURL = test.info().project.use.baseURL!;
  const context = await browser.newContext({ baseURL, javaScriptEnabled: options.javaScriptEnabled ?? true });
  const session = await lucia.createSession(member.id, { createdAt: new Date() });
  await context.addCookies([{ name: lucia.sessionCookieName, value: session.id, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  return { page: await context.newPage(), close: () => context.close() };
}

test("a member posts a challenge, another contributes, the author marks it useful and solved, and both see notifications and points", { tag: "@sin-js" }, async ({ page, browser, makeMember, login }) => {
  const suffix = unique();
  const author = await makeMember({ name: `Gestora Huaraz ${suffix}`, iged: "UGEL Huaraz" });
  const helper = await makeMember({ name: `Gestor Nasca ${suffix}`, iged: "UGEL Nasca" });
  const title = `Alta rotación de especialistas en la UGEL ${suffix}`;

  await login(author);
  await page.goto("/desafios");
  await page.getByRole("link", { name: "Publicar un desafío" }).first().click();
  await page.getByLabel("Título").fill(title);
  await page.getByLabel("Describe el desafío").fill("Cada año cambia **la mitad** del equipo de especialistas y se pierde lo avanzado con las escuelas.");
  await page.getByLabel("Etiquetas").fill("rotación, gestión del talento");
  await page.getByRole("button", { name: "Publicar desafío" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("status")).toContainText("Se publicó tu desafío");
  await expect(page.locator("strong", { hasText: "la mitad" })).toBeVisible();

  // The other member contributes from their own browser, without JavaScript.
  const other = await pageAs(browser, helper, { javaScriptEnabled: false });
  await other.page.goto("/desafios?q=rotacion");
  await other.page.getByRole("link", { name: title }).click();
  await other.page.getByRole("textbox", { name: "Tu aporte", exact: true }).fill("En Nasca firmamos un convenio con el instituto pedagógico para formar a los nuevos especialistas.");
  await other.page.getByRole("button", { name: "Publicar aporte" }).click();
  await expect(other.page.getByRole("heading", { name: "1 aporte" })).toBeVisible();
  await expect(other.page.locator(".wall-reply")).toContainText("convenio con el instituto pedagógico");

  // The author is told, marks the contribution useful and the challenge solved.
  await page.goto("/notificaciones");
  await expect(page.locator(".notifications")).toContainText(`Nuevo aporte de Gestor Nasca ${suffix} al desafío «${title}»`);
  await page.getByRole("button", { name: `Ver : Nuevo aporte de Gestor Nasca ${suffix} al desafío «${title}»` }).click();
  await page.getByRole("button", { name: /Marcar como útil/ }).click();
  await expect(page.locator(".wall-reply").getByText("Aporte útil")).toBeVisible();
  await page.getByLabel("Estado del desafío").selectOption("resuelto");
  await page.getByRole("button", { name: "Cambiar estado" }).click();
  // The header's status tag, not the form: the select's own option says «Resuelto» before anything is saved.
  await expect(page.locator(".wall-post__header .tag--status")).toHaveText("Resuelto");

  // The contributor sees both notifications and the points with what earned them.
  await other.page.goto("/notificaciones");
  await expect(other.page.locator(".notifications")).toContainText(`Tu aporte al desafío «${title}» fue marcado como útil`);
  await expect(other.page.locator(".notifications")).toContainText(`El desafío «${title}» se marcó como resuelto`);
  await other.page.goto(`/perfil/${helper.id}`);
  const ledger = other.page.locator(".points-ledger");
  await expect(ledger).toContainText("Aporte elegido como útil por el autor del desafío");
  await expect(ledger).toContainText("Aporte a un desafío");
  await expect(other.page.locator(".points-summary")).toContainText("20");
  await other.close();

  // The author's own points for posting.
  await page.goto(`/perfil/${author.id}`);
  await expect(page.locator(".points-ledger")).toContainText("Desafío publicado");
  await expect(page.getByRole("link", { name: title }).first()).toBeVisible();
});

test("DIFOCA hides a contribution with a reason: its points are reversed, its author sees why, others do not see it", { tag: "@sin-js" }, async ({ page, browser, makeMember, login }) => {
  const suffix = unique();
  const author = await makeMember({ iged: "UGEL Huanta" });
  const contributor = await makeMember({ name: `Aportante ${suffix}`, iged: "UGEL Yauli" });
  const difoca = await makeMember({ role: "difoca", iged: null });
  const title = `Simulacros en escuelas rurales dispersas ${suffix}`;

  await login(author);
  await page.goto("/desafios/nuevo");
  await page.getByLabel("Título").fill(title);
  await page.getByLabel("Describe el desafío").fill("Las escuelas unidocentes no tienen brigadas ni rutas de evacuación señalizadas.");
  await page.getByRole("button", { name: "Publicar desafío" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const postUrl = page.url();

  const theirs = await pageAs(browser, contributor);
  await theirs.page.goto(postUrl);
  await theirs.page.getByRole("textbox", { name: "Tu aporte", exact: true }).fill("Escríbanme al 999 888 777 para venderles un curso de brigadas.");
  await theirs.page.getByRole("button", { name: "Publicar aporte" }).click();
  await expect(theirs.page.locator(".wall-reply")).toHaveCount(1);
  await theirs.page.goto(`/perfil/${contributor.id}`);
  await expect(theirs.page.locator(".points-summary")).toContainText("5");

  const moderator = await pageAs(browser, difoca);
  await moderator.page.goto(postUrl);
  const reply = moderator.page.locator(".wall-reply").filter({ hasText: "venderles un curso" });
  await reply.getByText("Ocultar").first().click();
  await reply.getByLabel("Motivo (su autor lo leerá)").fill("Ofrece un servicio pagado y expone un teléfono personal.");
  await reply.getByRole("button", { name: "Ocultar" }).click();
  await expect(moderator.page.getByRole("status")).toBeVisible();
  await expect(moderator.page.locator(".wall-reply")).toContainText("Oculto por DIFOCA.");
  await moderator.close();

  // Other members no longer see it; visitors neither.
  await page.reload();
  await expect(page.locator(".wall-reply")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "0 aportes" })).toBeVisible();

  // Its author sees it with the reason, and the points went back.
  await theirs.page.goto(postUrl);
  await expect(theirs.page.locator(".wall-reply")).toContainText("DIFOCA ocultó tu aporte.");
  await expect(theirs.page.locator(".wall-reply")).toContainText("Ofrece un servicio pagado y expone un teléfono personal.");
  await theirs.page.goto(`/perfil/${contributor.id}`);
  const ledger = theirs.page.locator(".points-ledger");
  await expect(ledger).toContainText("Puntos retirados");
  await expect(ledger).toContainText("Aporte ocultado por DIFOCA: Ofrece un servicio pagado");
  await expect(theirs.page.locator(".points-summary dd").first()).toHaveText("0");
  await theirs.close();
});

test("an initiative becomes a practice draft that keeps its fields and its link", { tag: "@sin-js" }, async ({ page, makeMember, login }) => {
  const suffix = unique();
  const author = await makeMember({ iged: "UGEL Nasca" });
  const title = `Maletas viajeras de lectura en Nasca ${suffix}`;

  await login(author);
  await page.goto("/iniciativas/nueva");
  await page.getByLabel("Título").fill(title);
  await page.getByLabel("Resumen").fill("Las familias rurales leen con sus hijos tres veces por semana con libros que rotan.");
  await page.getByLabel("¿Qué están probando?").fill("Entregamos maletas con veinte libros que rotan entre comunidades cada mes.");
  await page.getByLabel("Enlaces").fill("https://ejemplo.pe/maletas-viajeras");
  await page.getByRole("button", { name: "Compartir iniciativa" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  await page.getByRole("button", { name: "Convertir en práctica" }).click();
  await expect(page).toHaveURL(/\/practicas\/[^/]+\/editar$/);
  await expect(page.getByRole("status")).toContainText("Se creó el borrador de la práctica a partir de tu iniciativa");
  await expect(page.getByLabel("Título")).toHaveValue(title);
  await expect(page.getByLabel("Resumen")).toHaveValue("Las familias rurales leen con sus hijos tres veces por semana con libros que rotan.");
  await expect(page.getByLabel("Estrategia")).toHaveValue(/maletas con veinte libros/);

  const practicePath = new URL(page.url()).pathname.replace(/\/editar$/, "");
  await page.goto(practicePath);
  await page.getByRole("link", { name: title }).first().click();
  await expect(page).toHaveURL(/\/iniciativas\/\d+$/);
  await expect(page.locator(".wall-post")).toContainText("Convertida en práctica");
  await expect(page.getByRole("button", { name: "Convertir en práctica" })).toHaveCount(0);
});

test("a member cannot react to their own initiative nor edit someone else's", { tag: "@sin-js" }, async ({ page, makeMember, login, baseURL }) => {
  const author = await makeMember({ iged: "UGEL Angaraes" });
  const mine = await makeInitiative({ authorId: author.id, title: `Facilitadores socioemocionales ${unique()}` });
  const someoneElse = await makeInitiative({ title: `Escuela de familias ${unique()}` });

  await login(author);
  await page.goto(`/iniciativas/${mine.id}`);
  await expect(page.getByRole("button", { name: /Me interesa/ })).toHaveCount(0);
  // Even a hand-made request is refused, with a Spanish message.
  const forced = await page.request.post(`${baseURL}/iniciativas/${mine.id}`, { form: { intent: "react-post" }, headers: { Origin: baseURL! } });
  expect(forced.status()).toBe(400);
  expect(await forced.text()).toContain("No puedes reaccionar a tu propia publicación.");

  // Someone else's initiative: a reaction works, the edit page is forbidden.
  await page.goto(`/iniciativas/${someoneElse.id}`);
  await expect(page.getByRole("link", { name: "Editar" })).toHaveCount(0);
  await page.getByRole("button", { name: "Me interesa (0)" }).click();
  await expect(page.getByRole("button", { name: "Me interesa (1)" })).toHaveAttribute("aria-pressed", "true");
  const response = await page.goto(`/iniciativas/${someoneElse.id}/editar`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acceso no permitido");
});
