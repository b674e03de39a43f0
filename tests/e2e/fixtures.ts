// Shared pieces of the browser journeys: members made straight in the database, signing in
// without the form, and a check that no page breaks its Content-Security-Policy.
import { test as base, expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { lucia } from "~/utils/auth.server";
import { createMember, type MemberSeed } from "../factories/members";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../db/demo/accounts";

export { expect };

type Member = Awaited<ReturnType<typeof createMember>>;

export const test = base.extend<{
  /** Signs the page's browser context in as a member, with a real session. */
  login: (member: { id: number }) => Promise<void>;
  makeMember: (seed?: MemberSeed) => Promise<Member>;
  pageProblems: string[];
}>({
  makeMember: async ({}, use) => {
    await use((seed) => createMember(seed));
  },
  login: async ({ context, baseURL }, use) => {
    await use(async (member) => {
      const session = await lucia.createSession(member.id, { createdAt: new Date() });
      await context.addCookies([{ name: lucia.sessionCookieName, value: session.id, url: baseURL!, httpOnly: true, sameSite: "Lax" }]);
    });
  },
  // Every journey fails if the page reports a CSP violation or a script error.
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
      });
      page.on("pageerror", (error) => problems.push(`${error.name}: ${error.message}`));
      await use(problems);
      expect(problems, "errores o violaciones de la política de seguridad en la página").toEqual([]);
    },
    { auto: true },
  ],
});

export const demo = (role: "difoca" | "experto" | "gestor") => {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role && a.active !== false)!;
  return { ...account, password: DEMO_PASSWORD };
};

export async function signInWithForm(page: Page, email: string, password: string) {
  await page.goto("/ingresar");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña").fill(password);
  await page.getByRole("button", { name: "Ingresar" }).click();
}

/** The code an authenticator app shows for this secret, `steps` periods of 30 s from now. */
export function totpCode(secret: string, steps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret.replaceAll(" ", "")), algorithm: "SHA1", digits: 6, period: 30 }).generate({
    timestamp: Date.now() + steps * 30_000,
  });
}

/** The secret shown as text beside the QR code, as a person would type it into their app. */
export async function readTotpSecret(page: Page): Promise<string> {
  const text = await page.getByText(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/).textContent();
  return text!.replaceAll(" ", "");
}

/** The MFA setup DIFOCA goes through at first sign-in: the code of the app, then the recovery codes. */
export async function completeMfaSetup(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  // The sign-in before it hashes a password and draws a QR code: on a busy 2-core machine running
  // another browser, that round trip has taken more than the default ten seconds.
  await expect(page).toHaveURL(/\/ingresar\/configurar-verificacion$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Configura la verificación en dos pasos");
  const secret = await readTotpSecret(page);
  await page.getByLabel("Código de verificación").fill(totpCode(secret));
  await page.getByRole("button", { name: "Activar y continuar" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verificación en dos pasos activada");
  const recoveryCodes = await page.getByRole("region", { name: "Tus códigos de recuperación" }).getByRole("listitem").allTextContents();
  await page.getByRole("link", { name: "Ya guardé mis códigos: continuar" }).click();
  return { secret, recoveryCodes };
}
