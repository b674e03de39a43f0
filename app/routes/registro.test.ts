import { describe, expect, test } from "vitest";
import { getIgedByName } from "~/models/iged.server";
import { getMemberByEmail } from "~/models/user.server";
import { action } from "~/routes/registro";
import { createMember } from "../../tests/factories/members";
import { context, formRequest, respond } from "../../tests/setup/requests";

async function register(fields: Record<string, string | Blob>) {
  return respond(() => action({ request: formRequest("/registro", fields), params: {}, context }));
}

async function validFields(overrides: Record<string, string> = {}) {
  const iged = await getIgedByName("UGEL Huamanga");
  return {
    name: "María Quispe Huamán",
    email: `maria.${Math.random().toString(36).slice(2)}@ugelhuamanga.gob.pe`,
    password: "una frase larga y segura",
    igedId: String(iged!.id),
    position: "Especialista en Educación",
    ...overrides,
  };
}

describe("registration", () => {
  test("creates a gestor of the chosen IGED, signs them in and greets them", async () => {
    const fields = await validFields({ email: "Maria.Quispe@UGELHuamanga.gob.pe" });
    const response = await register(fields);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    const cookies = response.headers.get("Set-Cookie") ?? "";
    expect(cookies).toMatch(/cop_sesion=[^;]+;.*HttpOnly/i);
    expect(cookies).toMatch(/SameSite=Lax/i);
    const member = await getMemberByEmail("maria.quispe@ugelhuamanga.gob.pe");
    expect(member).toMatchObject({ name: "María Quispe Huamán", role: "gestor", igedName: "UGEL Huamanga", regionName: "Ayacucho" });
  });

  test("an empty form gets a Spanish message by every field", async () => {
    const response = await register({ name: "", email: "", password: "", igedId: "", position: "" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({
      name: "Escribe tu nombre completo.",
      email: "Escribe tu correo electrónico.",
      password: "Escribe una contraseña.",
      igedId: "Elige tu IGED de la lista.",
      position: "Escribe tu cargo.",
    });
  });

  test("keeps what the person typed, except the password", async () => {
    const fields = await validFields({ email: "no-es-un-correo", password: "password1234" });
    const response = await register(fields);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors.email).toBe("Escribe un correo válido, por ejemplo nombre@ugel.gob.pe.");
    expect(body.errors.password).toBe("Esa contraseña es muy común y fácil de adivinar. Elige otra.");
    expect(body.values).toMatchObject({ name: fields.name, email: "no-es-un-correo", position: fields.position });
    expect(body.values.password).toBeUndefined();
  });

  test("refuses an email already registered, whatever its capitals", async () => {
    const existing = await createMember({ email: "repetido@ejemplo.pe" });
    const response = await register(await validFields({ email: "REPETIDO@ejemplo.pe" }));
    expect(response.status).toBe(400);
    expect((await response.json()).errors.email).toBe("Ya existe una cuenta con ese correo. Ingresa con tu contraseña.");
    expect((await getMemberByEmail(existing.email))?.id).toBe(existing.id);
  });

  test("two simultaneous registrations with one email make one account", async () => {
    const fields = await validFields({ email: "simultaneo@ejemplo.pe" });
    const [a, b] = await Promise.all([register(fields), register(fields)]);
    expect([a.status, b.status].sort()).toEqual([302, 400]);
  });

  test.each([
    ["an unknown IGED", { igedId: "999999" }, "igedId", "Elige tu IGED de la lista."],
    ["an IGED that is not a number", { igedId: "UGEL; drop table users" }, "igedId", "Elige tu IGED de la lista."],
    ["an over-long name", { name: "a".repeat(121) }, "name", "El nombre no puede tener más de 120 caracteres."],
    ["an over-long position", { position: "b".repeat(121) }, "position", "El cargo no puede tener más de 120 caracteres."],
    ["an over-long email", { email: `${"c".repeat(250)}@x.pe` }, "email", "El correo no puede tener más de 254 caracteres."],
    ["a null byte in the name", { name: "Ana\u0000Pérez" }, "name", "El texto tiene caracteres no válidos."],
    ["an over-long password", { password: "d".repeat(129) }, "password", "La contraseña no puede tener más de 128 caracteres."],
  ])("refuses %s with a 400 and a Spanish message", async (_case, overrides, field, message) => {
    const response = await register(await validFields(overrides));
    expect(response.status).toBe(400);
    expect((await response.json()).errors[field]).toBe(message);
  });

  test("a file where text is expected is a 400, not a 500", async () => {
    const fields = await validFields();
    const response = await register({ ...fields, name: new Blob(["x"]) });
    expect(response.status).toBe(400);
    expect((await response.json()).errors.name).toBe("Escribe tu nombre completo.");
  });
});

describe("registration from one address", () => {
  test("is slowed down once its 30 free attempts in an hour are used, with a Spanish 429, so probing which e-mails exist stays slow", async () => {
    const taken = await createMember();
    const from = { ...context, clientAddress: "203.0.113.9" };
    const attempt = async () =>
      respond(async () => action({ request: formRequest("/registro", await validFields({ email: taken.email })), params: {}, context: from }));
    // Thirty free attempts; the next one still answers and starts the wait.
    for (let i = 0; i < 31; i++) expect((await attempt()).status).toBe(400);
    const throttled = await attempt();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect((await throttled.json()).errors.form).toMatch(/^Hubo demasiados registros desde esta conexión\. Espera/);
    // Another address is not affected.
    expect((await respond(async () => action({ request: formRequest("/registro", await validFields()), params: {}, context }))).status).toBe(302);
  });
});
