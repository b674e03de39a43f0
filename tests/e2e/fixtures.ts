// Shared pieces of the browser journeys: members made straight in the database, signing in
// without the form, and a check that no page breaks its Content-Security-Policy.
import { test as base, expect, type Page } from "@playwright/test";
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
