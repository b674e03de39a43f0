import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { BASE_URL } from "../playwright.config";
import { expect, test } from "./fixtures";

test("a form posted from another site is refused, and nothing happens", { tag: "@sin-js" }, async ({ page, makeMember, login }) => {
  const member = await makeMember();
  await login(member);
  // Another site, with a form that tries to sign the member out of the platform.
  const attacker = createServer((_req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(`<form method="post" action="${BASE_URL}/salir"><button>Enviar</button></form>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = attacker.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    const [response] = await Promise.all([
      page.waitForResponse(`${BASE_URL}/salir`),
      page.getByRole("button", { name: "Enviar" }).click(),
    ]);
    expect(response.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Solicitud rechazada" })).toBeVisible();
  } finally {
    attacker.close();
  }
  await page.goto("/");
  await expect(page.getByRole("banner").getByRole("link", { name: member.name })).toBeVisible();
});

test("a cross-origin request with a foreign Origin is refused on every action", async ({ request }) => {
  for (const path of ["/ingresar", "/registro", "/salir", "/admin/usuarios"]) {
    const response = await request.post(path, { headers: { Origin: "https://evil.example" }, form: { email: "a@b.pe", password: "x" } });
    expect(response.status(), path).toBe(403);
    expect(await response.text()).toContain("Solicitud rechazada");
  }
});

test("every page has the security headers and a fresh nonce that its scripts carry", async ({ page }) => {
  const nonces = new Set<string>();
  for (const path of ["/", "/registro", "/ingresar", "/practicas", "/no-existe"]) {
    const response = await page.goto(path);
    const headers = response!.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
    // Every inline and external script of the page is allowed by this nonce.
    const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(scriptNonces.every((n) => n === nonce)).toBe(true);
  }
  expect(nonces.size).toBe(5);
});

test("the session cookie is HttpOnly and SameSite=Lax", { tag: "@sin-js" }, async ({ page, makeMember, context }) => {
  const member = await makeMember();
  await page.goto("/ingresar");
  await page.getByLabel("Correo electrónico").fill(member.email);
  await page.getByLabel("Contraseña").fill(member.password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: member.name })).toBeVisible();
  const cookie = (await context.cookies()).find((c) => c.name === "cop_sesion");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
});

test("signing in twice gives a new session each time", { tag: "@sin-js" }, async ({ page, makeMember, context }) => {
  const member = await makeMember();
  const sessionAfterSignIn = async () => {
    await page.goto("/ingresar");
    await page.getByLabel("Correo electrónico").fill(member.email);
    await page.getByLabel("Contraseña").fill(member.password);
    await page.getByRole("button", { name: "Ingresar" }).click();
    await expect(page.getByRole("banner").getByRole("link", { name: member.name })).toBeVisible();
    const value = (await context.cookies()).find((c) => c.name === "cop_sesion")?.value;
    await page.getByRole("banner").getByRole("button", { name: "Salir" }).click();
    await expect(page.getByRole("banner").getByRole("link", { name: "Ingresar" })).toBeVisible();
    return value;
  };
  const first = await sessionAfterSignIn();
  const second = await sessionAfterSignIn();
  expect(first).toBeTruthy();
  expect(second).not.toBe(first);
});
