import { completeMfaSetup, expect, signInWithForm, test } from "./fixtures";

test("a gestor who opens /admin/usuarios gets a Spanish 403 page", { tag: "@sin-js" }, async ({ page, makeMember, login }) => {
  await login(await makeMember({ role: "gestor" }));
  const response = await page.goto("/admin/usuarios");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acceso no permitido");
  await expect(page.getByText("No tienes permiso para ver esta página o hacer esta acción.")).toBeVisible();
});

test("a visitor is asked to sign in first, and comes back after", { tag: "@sin-js" }, async ({ page, makeMember }) => {
  const difoca = await makeMember({ role: "difoca", iged: null });
  await page.goto("/admin/usuarios");
  await expect(page).toHaveURL(/\/ingresar\?redirectTo=%2Fadmin%2Fusuarios/);
  await page.getByLabel("Correo electrónico").fill(difoca.email);
  await page.getByLabel("Contraseña").fill(difoca.password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  // DIFOCA needs a second factor: the first sign-in sets it up, then goes on to where it was going.
  await expect(page).toHaveURL(/\/ingresar\/configurar-verificacion$/);
  await completeMfaSetup(page);
  await expect(page).toHaveURL(/\/admin\/usuarios$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Usuarios");
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("a DIFOCA specialist changes a role and deactivates a member, who is signed out and cannot sign in", async ({
      page,
      browser,
      makeMember,
      login,
    }) => {
      const suffix = Math.random().toString(36).slice(2, 7);
      const target = await makeMember({ name: `Wilmer Cusi ${suffix}`, iged: "UGEL Cangallo" });
      // The member is signed in elsewhere while this happens.
      const elsewhere = await browser.newContext({ baseURL: test.info().project.use.baseURL });
      const theirPage = await elsewhere.newPage();
      await signInWithForm(theirPage, target.email, target.password);
      await expect(theirPage.getByRole("banner").getByRole("link", { name: target.name })).toBeVisible();

      await login(await makeMember({ role: "difoca", iged: null }));
      await page.goto("/admin/usuarios");
      await page.getByRole("searchbox", { name: "Buscar por nombre o correo" }).fill(`cusi ${suffix}`);
      await page.getByRole("button", { name: "Buscar" }).click();
      await expect(page.getByText("1 miembro encontrado.")).toBeVisible();
      const row = page.getByRole("row", { name: new RegExp(target.name) });

      await row.getByLabel(`Rol de ${target.name}`).selectOption("experto");
      await row.getByRole("button", { name: `Cambiar rol de ${target.name}` }).click();
      await expect(page.getByRole("status")).toHaveText(`${target.name} ahora tiene el rol Experto.`);
      await expect(page.getByRole("searchbox", { name: "Buscar por nombre o correo" })).toHaveValue(`cusi ${suffix}`);

      await row.getByText(`Desactivar la cuenta de ${target.name}`).click();
      await row.getByLabel("Motivo", { exact: true }).fill("Dejó de laborar en la UGEL");
      await row.getByRole("button", { name: "Desactivar cuenta" }).click();
      await expect(page.getByRole("status")).toHaveText(`Se desactivó la cuenta de ${target.name}. Sus sesiones se cerraron.`);
      await expect(row.getByRole("cell", { name: /Desactivada/ })).toBeVisible();

      // Their open session has ended...
      await theirPage.reload();
      await expect(theirPage.getByRole("banner").getByRole("link", { name: "Ingresar" })).toBeVisible();
      // ...and they cannot sign in again.
      await signInWithForm(theirPage, target.email, target.password);
      await expect(theirPage.getByRole("alert")).toContainText("Tu cuenta está desactivada.");
      await elsewhere.close();
    });
  });
}
