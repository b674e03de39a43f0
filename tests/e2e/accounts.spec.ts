import { completeMfaSetup, demo, expect, signInWithForm, test } from "./fixtures";

const unique = () => Math.random().toString(36).slice(2, 8);

async function fillRegistration(page: import("@playwright/test").Page, values: { name: string; email: string; password: string; iged: string; position: string }) {
  await page.goto("/registro");
  await page.getByLabel("Nombre completo").fill(values.name);
  await page.getByLabel("Correo electrónico").fill(values.email);
  await page.getByLabel("Contraseña").fill(values.password);
  await page.getByLabel("IGED donde trabajas").selectOption({ label: values.iged });
  await page.getByLabel("Cargo").fill(values.position);
  await page.getByRole("button", { name: "Crear mi cuenta" }).click();
}

test.describe("a public servant's account", () => {
  test("registers, sees their name, signs out and signs in again", { tag: "@sin-js" }, async ({ page }) => {
    const email = `rocio.${unique()}@ugelangaraes.gob.pe`;
    await fillRegistration(page, {
      name: "Rocío Ccanto Huamán",
      email,
      password: "facilitadores del bienestar",
      iged: "UGEL Angaraes",
      position: "Psicóloga facilitadora",
    });
    const header = page.getByRole("banner");
    await expect(header.getByRole("link", { name: "Rocío Ccanto Huamán" })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText("¡Bienvenida o bienvenido a la comunidad, Rocío Ccanto Huamán!");

    await header.getByRole("link", { name: "Rocío Ccanto Huamán" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rocío Ccanto Huamán");
    await expect(page.getByText("UGEL Angaraes (UGEL)")).toBeVisible();
    await expect(page.getByText("Huancavelica")).toBeVisible();
    await expect(page.getByText("Psicóloga facilitadora")).toBeVisible();

    await header.getByRole("button", { name: "Salir" }).click();
    await expect(page.getByRole("status")).toHaveText("Cerraste tu sesión.");
    await expect(header.getByRole("link", { name: "Ingresar" })).toBeVisible();

    await signInWithForm(page, email, "facilitadores del bienestar");
    await expect(header.getByRole("link", { name: "Rocío Ccanto Huamán" })).toBeVisible();
  });

  test("the IGED list is the real one, grouped by region", { tag: "@sin-js" }, async ({ page }) => {
    await page.goto("/registro");
    const select = page.getByLabel("IGED donde trabajas");
    await expect(select.locator("optgroup")).toHaveCount(26);
    await expect(select.locator('optgroup[label="Ayacucho"] option')).toContainText(["DRE Ayacucho", "UGEL Cangallo", "UGEL Huamanga"]);
    await expect(select.locator('optgroup[label="Lima Provincias"] option', { hasText: "UGEL 09 Huaura" })).toHaveCount(1);
  });

  test("bad input shows Spanish messages by each field and keeps what was typed", { tag: "@sin-js" }, async ({ page }) => {
    await fillRegistration(page, {
      name: "Luis Paredes",
      email: "luis.paredes@",
      password: "1234567890",
      iged: "DRE Pasco",
      position: "Especialista",
    });
    await expect(page.getByText("Escribe un correo válido, por ejemplo nombre@ugel.gob.pe.")).toBeVisible();
    await expect(page.getByText("Esa contraseña es muy común y fácil de adivinar. Elige otra.")).toBeVisible();
    await expect(page.getByLabel("Nombre completo")).toHaveValue("Luis Paredes");
    await expect(page.getByLabel("Correo electrónico")).toHaveValue("luis.paredes@");
    await expect(page.getByLabel("Correo electrónico")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Cargo")).toHaveValue("Especialista");
  });

  test("a wrong password shows the Spanish error", { tag: "@sin-js" }, async ({ page }) => {
    await signInWithForm(page, demo("gestor").email, "no-es-mi-contraseña");
    await expect(page.getByRole("alert")).toHaveText("El correo o la contraseña no son correctos.");
    await expect(page.getByLabel("Correo electrónico")).toHaveValue(demo("gestor").email);
  });

  test("the demo accounts can sign in", async ({ page }) => {
    const difoca = demo("difoca");
    await signInWithForm(page, difoca.email, difoca.password);
    // The demo DIFOCA account is not enrolled: its first sign-in sets up the second factor.
    await completeMfaSetup(page);
    await expect(page.getByRole("banner").getByRole("link", { name: difoca.name })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: "Administración" })).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("registering, signing out and signing in still work", async ({ page }) => {
    const email = `sin.js.${unique()}@ugelnasca.gob.pe`;
    await fillRegistration(page, { name: "Teresa Sin Script", email, password: "lectura en comunidad rural", iged: "UGEL Nasca", position: "Docente" });
    const header = page.getByRole("banner");
    await expect(header.getByRole("link", { name: "Teresa Sin Script" })).toBeVisible();
    await header.getByRole("button", { name: "Salir" }).click();
    await expect(header.getByRole("link", { name: "Ingresar" })).toBeVisible();
    await signInWithForm(page, email, "wrong-password-here");
    await expect(page.getByRole("alert")).toHaveText("El correo o la contraseña no son correctos.");
    await signInWithForm(page, email, "lectura en comunidad rural");
    await expect(header.getByRole("link", { name: "Teresa Sin Script" })).toBeVisible();
  });
});
