import type { Page } from "@playwright/test";
import { completeMfaSetup, expect, readTotpSecret, signInWithForm, test, totpCode } from "./fixtures";

async function signOut(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: "Salir" }).click();
  await expect(page.getByRole("status")).toHaveText("Cerraste tu sesión.");
}

test("a gestor turns on MFA, then signs in with the password and a code, and with a recovery code", async ({ page, makeMember }) => {
  const gestor = await makeMember({ role: "gestor" });
  const header = page.getByRole("banner");
  await signInWithForm(page, gestor.email, gestor.password);
  await header.getByRole("link", { name: gestor.name }).click();
  await page.getByRole("link", { name: "Seguridad de tu cuenta (verificación en dos pasos)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seguridad de tu cuenta");
  await expect(page.getByText("Estado: No activa")).toBeVisible();

  await page.getByRole("button", { name: "Activar la verificación en dos pasos" }).click();
  await expect(page.getByRole("img", { name: /Código QR/ })).toBeVisible();
  const secret = await readTotpSecret(page);
  const codeField = page.getByLabel("Código de verificación");
  await expect(codeField).toHaveAttribute("inputmode", "numeric");
  await expect(codeField).toHaveAttribute("autocomplete", "one-time-code");
  // The password is asked too: a stolen session alone cannot turn MFA on.
  const passwordField = page.getByLabel(/^Tu contraseña( \*)?$/);
  await expect(passwordField).toHaveAttribute("type", "password");
  await passwordField.fill("no-es-la-clave");
  await codeField.fill(totpCode(secret));
  await page.getByRole("button", { name: "Activar", exact: true }).click();
  await expect(page.getByText("La contraseña no es correcta.")).toBeVisible();
  await expect(page.getByText("Estado: No activa")).toBeVisible();
  await page.getByLabel(/^Tu contraseña( \*)?$/).fill(gestor.password);
  await page.getByLabel("Código de verificación").fill("000000");
  await page.getByRole("button", { name: "Activar", exact: true }).click();
  await expect(page.getByText(/^El código no es correcto\./)).toBeVisible();
  await page.getByLabel(/^Tu contraseña( \*)?$/).fill(gestor.password);
  await page.getByLabel("Código de verificación").fill(totpCode(secret));
  await page.getByRole("button", { name: "Activar", exact: true }).click();

  const codes = page.getByRole("region", { name: "Tus códigos de recuperación" });
  await expect(codes.getByRole("listitem")).toHaveCount(10);
  const recoveryCodes = await codes.getByRole("listitem").allTextContents();
  await expect(page.getByText(/^Estado: Activa desde el/)).toBeVisible();
  await expect(page.getByText("Te quedan 10 códigos de recuperación.")).toBeVisible();

  // Signing in again: the password, then the code of the app (the next one: each code works once).
  await signOut(page);
  await signInWithForm(page, gestor.email, gestor.password);
  await expect(page).toHaveURL(/\/ingresar\/verificacion$/);
  await expect(header.getByRole("link", { name: "Ingresar" })).toBeVisible();
  await page.getByLabel("Código de verificación").fill("123456");
  await page.getByRole("button", { name: "Verificar" }).click();
  await expect(page.getByText(/^El código no es correcto o ya se usó\./)).toBeVisible();
  await page.getByLabel("Código de verificación").fill(totpCode(secret, 1));
  await page.getByRole("button", { name: "Verificar" }).click();
  await expect(header.getByRole("link", { name: gestor.name })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Ingresaste a la plataforma.");

  // And with a recovery code, when the phone is not at hand.
  await signOut(page);
  await signInWithForm(page, gestor.email, gestor.password);
  await page.getByText("¿No tienes tu teléfono? Usa un código de recuperación").click();
  await page.getByLabel("Código de recuperación").fill(recoveryCodes[0]!.toUpperCase());
  await page.getByRole("button", { name: "Ingresar con el código de recuperación" }).click();
  await expect(header.getByRole("link", { name: gestor.name })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Ingresaste con un código de recuperación. Te quedan 9 códigos.");

  await page.goto("/cuenta/seguridad");
  await expect(page.getByText("Te quedan 9 códigos de recuperación.")).toBeVisible();

  // The same recovery code does not work twice.
  await signOut(page);
  await signInWithForm(page, gestor.email, gestor.password);
  await page.getByText("¿No tienes tu teléfono? Usa un código de recuperación").click();
  await page.getByLabel("Código de recuperación").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Ingresar con el código de recuperación" }).click();
  await expect(page.getByText("Ese código de recuperación no es válido o ya se usó.")).toBeVisible();
  await expect(header.getByRole("link", { name: "Ingresar" })).toBeVisible();
});

test("a DIFOCA specialist's first sign-in goes through the setup, and the next one asks for the code", async ({ page, makeMember }) => {
  const difoca = await makeMember({ role: "difoca", iged: null });
  const header = page.getByRole("banner");
  await signInWithForm(page, difoca.email, difoca.password);
  await expect(page).toHaveURL(/\/ingresar\/configurar-verificacion$/);
  // No session yet: the setup is the only way in.
  await page.goto("/admin/usuarios");
  await expect(page).toHaveURL(/\/ingresar\?redirectTo=/);
  await page.goto("/ingresar/configurar-verificacion");
  const { secret } = await completeMfaSetup(page);
  await expect(header.getByRole("link", { name: "Administración" })).toBeVisible();

  // DIFOCA cannot turn it off: the page does not offer it.
  await page.goto("/cuenta/seguridad");
  await expect(page.getByText(/Tu cuenta es de DIFOCA: la verificación en dos pasos no se puede desactivar/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Desactivar" })).toHaveCount(0);

  await signOut(page);
  await signInWithForm(page, difoca.email, difoca.password);
  await expect(page).toHaveURL(/\/ingresar\/verificacion$/);
  await page.getByLabel("Código de verificación").fill(totpCode(secret, 1));
  await page.getByRole("button", { name: "Verificar" }).click();
  await expect(header.getByRole("link", { name: "Administración" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a DIFOCA specialist sets up MFA at first sign-in and signs in again with a code", async ({ page, makeMember }) => {
    const difoca = await makeMember({ role: "difoca", iged: null });
    const header = page.getByRole("banner");
    await page.goto("/admin/usuarios");
    await page.getByLabel("Correo electrónico").fill(difoca.email);
    await page.getByLabel("Contraseña").fill(difoca.password);
    await page.getByRole("button", { name: "Ingresar" }).click();
    await expect(page).toHaveURL(/\/ingresar\/configurar-verificacion$/);
    await page.getByLabel("Código de verificación").fill("12");
    await page.getByRole("button", { name: "Activar y continuar" }).click();
    await expect(page.getByText("El código tiene 6 dígitos, sin letras. Revisa tu aplicación.")).toBeVisible();
    const { secret, recoveryCodes } = await completeMfaSetup(page);
    expect(recoveryCodes).toHaveLength(10);
    await expect(page).toHaveURL(/\/admin\/usuarios$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Usuarios");

    await signOut(page);
    await signInWithForm(page, difoca.email, difoca.password);
    await expect(page).toHaveURL(/\/ingresar\/verificacion$/);
    await page.getByLabel("Código de verificación").fill(totpCode(secret, 1));
    await page.getByRole("button", { name: "Verificar" }).click();
    await expect(header.getByRole("link", { name: difoca.name })).toBeVisible();
  });

  test("a gestor turns MFA on from the security page, with the password and a code", async ({ page, makeMember, login }) => {
    const gestor = await makeMember({ role: "gestor" });
    await login(gestor);
    await page.goto("/cuenta/seguridad");
    await page.getByRole("button", { name: "Activar la verificación en dos pasos" }).click();
    const secret = await readTotpSecret(page);
    await page.getByLabel(/^Tu contraseña( \*)?$/).fill(gestor.password);
    await page.getByLabel("Código de verificación").fill(totpCode(secret));
    await page.getByRole("button", { name: "Activar", exact: true }).click();
    await expect(page.getByRole("region", { name: "Tus códigos de recuperación" }).getByRole("listitem")).toHaveCount(10);
    await expect(page.getByText("Te quedan 10 códigos de recuperación.")).toBeVisible();
  });
});
