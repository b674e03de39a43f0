import { describe, expect, test } from "vitest";
import { deactivateMember } from "~/models/user.server";
import { action } from "~/routes/ingresar";
import { createMember } from "../../tests/factories/members";
import { formRequest, respond } from "../../tests/setup/requests";

let address = 0;
async function signIn(fields: Record<string, string>) {
  // Each test signs in from its own address, as different people would.
  address += 1;
  const context = { cspNonce: "test", clientAddress: `192.0.2.${address}` };
  return respond(() => action({ request: formRequest("/ingresar", fields), params: {}, context }));
}

describe("sign-in", () => {
  test("starts a session and goes back where the member was", async () => {
    const member = await createMember();
    const response = await signIn({ email: member.email.toUpperCase(), password: member.password, redirectTo: "/perfil/1" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/perfil/1");
    expect(response.headers.get("Set-Cookie")).toMatch(/cop_sesion=/);
  });

  test("never follows a redirect to another site", async () => {
    const member = await createMember();
    const response = await signIn({ email: member.email, password: member.password, redirectTo: "//evil.example/x" });
    expect(response.headers.get("Location")).toBe("/");
  });

  test("a wrong password and an unknown email get the same Spanish answer", async () => {
    const member = await createMember();
    const wrong = await signIn({ email: member.email, password: "no-es-la-clave" });
    const unknown = await signIn({ email: "nadie@ejemplo.pe", password: "no-es-la-clave" });
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a.errors).toEqual({ form: "El correo o la contraseña no son correctos." });
    expect(b.errors).toEqual(a.errors);
  });

  test("a deactivated account cannot sign in", async () => {
    const member = await createMember();
    await deactivateMember({ memberId: member.id, actorId: null, reason: "Dejó la UGEL" });
    const response = await signIn({ email: member.email, password: member.password });
    expect(response.status).toBe(400);
    expect((await response.json()).errors.form).toMatch(/^Tu cuenta está desactivada/);
  });

  test("after repeated failures the account must wait, with a 429 and Retry-After", async () => {
    const member = await createMember();
    const context = { cspNonce: "test", clientAddress: "198.51.100.7" };
    const attempt = () =>
      respond(() => action({ request: formRequest("/ingresar", { email: member.email, password: "adivinando-1234" }), params: {}, context }));
    for (let i = 0; i < 6; i++) expect((await attempt()).status).toBe(400);
    const throttled = await attempt();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("Retry-After")).toBe("2");
    expect((await throttled.json()).errors.form).toMatch(/^Hubo demasiados intentos de ingreso\. Espera 2 segundos/);
  });

  test("empty fields get Spanish messages", async () => {
    const response = await signIn({ email: "", password: "" });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ email: "Escribe tu correo electrónico.", password: "Escribe tu contraseña." });
  });
});
