import { readFileSync } from "node:fs";
import { awardBadge, getBadgeBySlug } from "~/models/badge.server";
import { adjustPoints, awardPoints } from "~/models/points.server";
import { expect, test } from "./fixtures";

const unique = () => Math.random().toString(36).slice(2, 8);

async function givePoints(userId: number, action: string, times: number) {
  for (let i = 0; i < times; i++) {
    await awardPoints({ userId, action, subjectType: "test", subjectId: i, key: `${action}:e2e:${userId}:${i}:${unique()}` });
  }
}

test("DIFOCA creates an automatic badge, previews it, enables it, and a member who qualifies sees it", async ({ page, browser, makeMember, login }) => {
  const suffix = unique();
  const member = await makeMember({ name: `Iniciadora ${suffix}`, iged: "UGEL Nasca" });
  await givePoints(member.id, "initiative_posted", 2);

  await login(await makeMember({ role: "difoca", iged: null }));
  await page.goto("/admin/insignias");
  await page.getByLabel("Nombre").fill(`Iniciativas en marcha ${suffix}`);
  await page.getByLabel("Qué reconoce").fill("Compartir iniciativas emergentes con la comunidad.");
  await page.getByLabel("Criterios (en lenguaje sencillo)").fill("Haber compartido al menos dos iniciativas en el muro.");
  await page.getByLabel("Nivel").selectOption("plata");
  await page.getByLabel("Tipo").selectOption("automatica");
  await page.getByLabel("Acción que se cuenta").selectOption("initiative_posted");
  await page.getByLabel("Cuántas veces").fill("2");
  await page.getByRole("button", { name: "Crear insignia" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Iniciativas en marcha ${suffix}`);
  const preview = page.locator(".panel", { hasText: "Vista previa" });
  await expect(preview).toContainText("1 miembro la recibiría.");
  await expect(preview.getByRole("link", { name: `Iniciadora ${suffix}` })).toBeVisible();
  await page.getByRole("button", { name: "Activar y otorgar a 1 miembro" }).click();
  await expect(page.locator(".facts")).toContainText("Activa");

  const theirs = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const { lucia } = await import("~/utils/auth.server");
  const session = await lucia.createSession(member.id, { createdAt: new Date() });
  await theirs.addCookies([{ name: lucia.sessionCookieName, value: session.id, url: test.info().project.use.baseURL! }]);
  const theirPage = await theirs.newPage();
  await theirPage.goto(`/perfil/${member.id}`);
  await expect(theirPage.locator("#insignias-del-miembro").locator("..")).toContainText(`Iniciativas en marcha ${suffix}`);
  await theirPage.getByRole("banner").getByRole("link", { name: /Notificaciones/ }).click();
  await expect(theirPage.locator(".notifications")).toContainText(`Iniciativas en marcha ${suffix}`);
  await theirs.close();
});

test("DIFOCA awards a badge to several members at once, with a reason", { tag: "@sin-js" }, async ({ page, makeMember, login }) => {
  const suffix = unique();
  const first = await makeMember({ name: `Asistente Uno ${suffix}` });
  const second = await makeMember({ name: `Asistente Dos ${suffix}` });
  await login(await makeMember({ role: "difoca", iged: null }));
  await page.goto("/admin/insignias");
  await page.getByRole("link", { name: "Mentor de la red" }).first().click();
  await page.getByLabel("Correos, uno por línea").fill(`${first.email}\n${second.email}`);
  await page.locator("form", { has: page.getByLabel("Correos, uno por línea") }).getByLabel("Motivo").fill("Acompañaron a los equipos nuevos en el taller de noviembre.");
  await page.getByRole("button", { name: "Otorgar a todos" }).click();
  await expect(page.getByRole("status").first()).toBeVisible();

  await page.goto("/insignias/mentor-de-la-red");
  await expect(page.getByRole("link", { name: `Asistente Uno ${suffix}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Asistente Dos ${suffix}` })).toBeVisible();
  await page.goto(`/perfil/${second.id}`);
  await expect(page.locator(".points-ledger")).toContainText("Insignia");
});

test("a member hides from the public ranking and still sees their own position", { tag: "@sin-js" }, async ({ page, browser, makeMember, login }) => {
  const suffix = unique();
  const member = await makeMember({ name: `Gestora Tacna ${suffix}`, iged: "DRE Tacna" });
  await givePoints(member.id, "event_attended", 2);
  await login(member);
  await page.goto("/ranking?region=tacna");
  await expect(page.getByRole("table").getByRole("link", { name: `Gestora Tacna ${suffix}` })).toBeVisible();
  await expect(page.getByText(/Tu posición: N\.º \d+ con/)).toBeVisible();
  await page.getByRole("button", { name: "Ocultarme del ranking público" }).click();
  await expect(page.getByRole("button", { name: "Mostrarme en el ranking" })).toBeVisible();
  await expect(page.getByRole("table").getByRole("link", { name: `Gestora Tacna ${suffix}` })).toHaveCount(0);
  await expect(page.getByText("solo tú la ves")).toBeVisible();

  const visitor = await browser.newPage({ baseURL: test.info().project.use.baseURL });
  await visitor.goto("/ranking?region=tacna");
  await expect(visitor.getByText(`Gestora Tacna ${suffix}`)).toHaveCount(0);
  await visitor.close();
});

test("a badge's credential downloads and verifies, and says «revocada» after revocation", { tag: "@sin-js" }, async ({ page, browser, makeMember, login }) => {
  const suffix = unique();
  const member = await makeMember({ name: `Mentora ${suffix}` });
  const difoca = await makeMember({ role: "difoca", iged: null });
  const badge = await getBadgeBySlug("mentor-de-la-red");
  await awardBadge({ badgeId: badge!.id, userId: member.id, awardedBy: difoca.id, reason: "Mentora de equipos nuevos." });

  await login(member);
  await page.goto(`/perfil/${member.id}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Descargar credencial/ }).first().click()]);
  const file = JSON.parse(readFileSync((await download.path())!, "utf8")) as { credential: { type: string[] }; jwt: string };
  expect(file.credential.type).toContain("OpenBadgeCredential");
  expect(file.jwt.split(".")).toHaveLength(3);

  await page.getByRole("link", { name: /^Verificar/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verificación de credencial");
  await expect(page.getByText("Válida.").first()).toBeVisible();
  await page.getByLabel("Credencial (JWT)").fill(file.jwt);
  await page.getByRole("button", { name: "Verificar" }).click();
  await expect(page.getByText("Válida.").last()).toBeVisible();
  const credentialUrl = page.url();

  // DIFOCA revokes it.
  const difocaContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const { lucia } = await import("~/utils/auth.server");
  const session = await lucia.createSession(difoca.id, { createdAt: new Date() });
  await difocaContext.addCookies([{ name: lucia.sessionCookieName, value: session.id, url: test.info().project.use.baseURL! }]);
  const difocaPage = await difocaContext.newPage();
  await difocaPage.goto(`/admin/insignias/${badge!.id}`);
  const holder = difocaPage.locator("li", { hasText: `Mentora ${suffix}` });
  await holder.getByText(`Revocar la insignia de Mentora ${suffix}`).click();
  await holder.getByLabel("Motivo de la revocación").fill("Se otorgó por error.");
  await holder.getByRole("button", { name: "Revocar" }).click();
  await expect(difocaPage.getByRole("status").first()).toBeVisible();
  await difocaContext.close();

  await page.goto(credentialUrl);
  await expect(page.getByText("Revocada.").first()).toBeVisible();
  await expect(page.getByText(/Se otorgó por error\./).first()).toBeVisible();
});

test("a visitor reads a member's most recent points on the profile and the whole history by pages", { tag: "@sin-js" }, async ({ page, makeMember }) => {
  const suffix = unique();
  const member = await makeMember({ name: `Constante ${suffix}` });
  const difoca = await makeMember({ role: "difoca", iged: null });
  for (let i = 1; i <= 55; i++) await adjustPoints({ userId: member.id, points: i, reason: `Reconocimiento interno ${i}.`, actorId: difoca.id });

  await page.goto(`/perfil/${member.id}`);
  const recent = page.locator(".points-history");
  await expect(recent.locator(".points-entry")).toHaveCount(10);
  await expect(recent).toContainText("Se muestran los 10 movimientos más recientes de 55.");
  await recent.getByRole("link", { name: "Ver todo el historial de puntos" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Historial de puntos de Constante ${suffix}`);
  const history = page.locator(".points-history");
  await expect(history.locator(".points-entry")).toHaveCount(50);
  await expect(history.locator(".points-entry").first()).toContainText("+55");
  await expect(history).toContainText("Movimientos 1 a 50 de 55.");
  // Others do not read why DIFOCA adjusted someone's points.
  await expect(history).not.toContainText("Reconocimiento interno");
  await history.getByRole("link", { name: "Siguiente" }).click();
  await expect(history).toContainText("Movimientos 51 a 55 de 55.");
  await expect(history.locator(".points-entry")).toHaveCount(5);
  await expect(history.locator(".points-entry").last()).toContainText("+1");
  await page.getByRole("link", { name: `Volver al perfil de Constante ${suffix}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Constante ${suffix}`);
});
