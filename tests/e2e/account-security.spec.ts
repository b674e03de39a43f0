// The member's own account security: changing the password, ending other sessions, and the
// one-time reset link DIFOCA issues when a password is forgotten. Forms and links only, so the
// journeys also run with JavaScript turned off (@sin-js).
import type { Browser } from "@playwright/test";
import { expect, signInWithForm, test } from "./fixtures";

const NEW_PASSWORD = "una frase nueva para la ugel";

/** A second browser of the same project (with or without JavaScript), as another device would be. */
async function anotherBrowser(browser: Browser) {
  const { baseURL, javaScriptEnabled, locale, timezoneId } = test.info().project.use;
  return browser.newContext({ baseURL, javaScriptEnabled, locale, timezoneId });
}

test("a gestor changes the password: other sessions end, the old password stops working and the new one works", { tag: "@sin-js" }, async ({ page, browser, makeMember }) => {
  const gestor = await makeMember({ role: "gestor" });
  const header = page.getByRole("banner");
  // Signed in on another device too.
  const other = await anotherBrowser(browser);
  const otherPage = await other.newPage();
  await signInWithForm(otherPage, gestor.email, gestor.password);
  await expect(otherPage.getByRole("banner").getByRole("link", { name: gestor.name })).toBeVisible();

  await signInWithForm(page, gestor.email, gestor.password);
  await expect(header.getByRole("link", { name: gestor.name })).toBeVisible();
  await page.goto("/cuenta/seguridad");
  const sessions = page.getByRole("table", { name: "Tus sesiones abiertas" });
  await expect(sessions.getByRole("row")).toHaveCount(3);
  await expect(sessions.getByText("Esta sesión", { exact: true })).toHaveCount(1);

  // A new password that does not match its confirmation changes nothing.
  await page.getByLabel("Contraseña actual").fill(gestor.password);
  await page.getByLabel(/^Contraseña nueva/).fill(NEW_PASSWORD);
  await page.getByLabel("Repite la contraseña nueva").fill(`${NEW_PASSWORD}.`);
  await page.getByRole("button", { name: "Cambiar contraseña" }).click();
  await expect(page.getByText("Las dos contraseñas nuevas no coinciden. Escríbela igual en los dos campos.")).toBeVisible();

  await page.getByLabel("Contraseña actual").fill(gestor.password);
  await page.getByLabel(/^Contraseña nueva/).fill(NEW_PASSWORD);
  await page.getByLabel("Repite la contraseña nueva").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Cambiar contraseña" }).click();
  await expect(page.getByRole("status")).toHaveText("Tu contraseña se cambió. Se cerraron tus sesiones en otros navegadores.");
  await expect(header.getByRole("link", { name: gestor.name })).toBeVisible();
  await expect(sessions.getByRole("row")).toHaveCount(2);

  // The other device is signed out.
  await otherPage.goto("/cuenta/seguridad");
  await expect(otherPage).toHaveURL(/\/ingresar\?redirectTo=/);
  await other.close();

  await header.getByRole("button", { name: "Salir" }).click();
  await expect(page.getByRole("status")).toHaveText("Cerraste tu sesión.");
  await signInWithForm(page, gestor.email, gestor.password);
  await expect(page.getByText("El correo o la contraseña no son correctos.")).toBeVisible();
  await signInWithForm(page, gestor.email, NEW_PASSWORD);
  await expect(header.getByRole("link", { name: gestor.name })).toBeVisible();

  // And a session opened elsewhere can be ended from here, with the password.
  const tablet = await anotherBrowser(browser);
  const tabletPage = await tablet.newPage();
  await signInWithForm(tabletPage, gestor.email, NEW_PASSWORD);
  await expect(tabletPage.getByRole("banner").getByRole("link", { name: gestor.name })).toBeVisible();
  await page.goto("/cuenta/seguridad");
  await page.getByLabel("Tu contraseña, para cerrar sesiones").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Cerrar todas las demás" }).click();
  await expect(page.getByRole("status")).toHaveText("Se cerró tu otra sesión.");
  await tabletPage.goto("/cuenta/seguridad");
  await expect(tabletPage).toHaveURL(/\/ingresar\?redirectTo=/);
  await tablet.close();
});

test("a DIFOCA specialist issues a reset link; the member sets a new password through it, and the link cannot be used twice", { tag: "@sin-js" }, async ({ page, browser, makeMember, login }) => {
  const member = await makeMember({ role: "gestor", name: `Gestora Olvidadiza ${Date.now().toString(36)}` });
  const difoca = await makeMember({ role: "difoca", iged: null });
  await login(difoca);

  // The sign-in page tells members to ask DIFOCA (the same text for everyone: it reveals nothing).
  const visitor = await anotherBrowser(browser);
  const memberPage = await visitor.newPage();
  await memberPage.goto("/ingresar");
  await expect(memberPage.getByText(/Escribe al equipo de DIFOCA del MINEDU/)).toBeVisible();

  await page.goto(`/admin/usuarios?q=${encodeURIComponent(member.email)}`);
  await page.getByText(`Restablecer contraseña de ${member.name}`).click();
  await page.getByLabel("Motivo (quién lo pidió y por qué canal)").fill("Lo pidió por oficio de su UGEL");
  await page.getByRole("button", { name: `Crear enlace para ${member.name}` }).click();
  const linkField = page.getByLabel("Enlace para restablecer la contraseña");
  await expect(linkField).toHaveValue(/\/restablecer\/[A-Za-z0-9_-]{43}$/);
  const link = new URL(await linkField.inputValue()).pathname;

  // The member opens the link in their own browser.
  await memberPage.goto(link);
  await expect(memberPage.getByRole("heading", { level: 1 })).toHaveText("Crea una contraseña nueva");
  await memberPage.getByLabel(/^Contraseña nueva/).fill("corta");
  await memberPage.getByLabel("Repite la contraseña nueva").fill("corta");
  await memberPage.getByRole("button", { name: "Guardar la contraseña nueva" }).click();
  await expect(memberPage.getByText("La contraseña debe tener al menos 10 caracteres.")).toBeVisible();
  await memberPage.getByLabel(/^Contraseña nueva/).fill(NEW_PASSWORD);
  await memberPage.getByLabel("Repite la contraseña nueva").fill(NEW_PASSWORD);
  await memberPage.getByRole("button", { name: "Guardar la contraseña nueva" }).click();
  await expect(memberPage).toHaveURL(/\/ingresar$/);
  await expect(memberPage.getByRole("status")).toHaveText("Tu contraseña se cambió. Ingresa con tu contraseña nueva.");

  await signInWithForm(memberPage, member.email, member.password);
  await expect(memberPage.getByText("El correo o la contraseña no son correctos.")).toBeVisible();
  await signInWithForm(memberPage, member.email, NEW_PASSWORD);
  await expect(memberPage.getByRole("banner").getByRole("link", { name: member.name })).toBeVisible();

  // The link works once.
  const again = await memberPage.goto(link);
  expect(again?.status()).toBe(410);
  await expect(memberPage.getByRole("heading", { level: 1 })).toHaveText("Este enlace no sirve");
  await expect(memberPage.getByText("Este enlace ya se usó: cada enlace sirve una sola vez.")).toBeVisible();
  const invented = await memberPage.goto(`/restablecer/${"A".repeat(43)}`);
  expect(invented?.status()).toBe(404);
  await visitor.close();
});
