import { describe, expect, test } from "vitest";
import { getMemberByEmail } from "~/models/user.server";
import { createUserFromArgs } from "./create-user";

describe("npm run user:create", () => {
  test("creates the first DIFOCA specialist without an IGED", async () => {
    const result = await createUserFromArgs(["--email", "Ana.Perez@minedu.gob.pe", "--password", "una frase muy segura", "--name", "Ana Pérez", "--role", "difoca"]);
    expect(result).toEqual({ ok: true, message: expect.stringMatching(/^Se creó la cuenta ana\.perez@minedu\.gob\.pe \(Especialista DIFOCA/) });
    expect(await getMemberByEmail("ana.perez@minedu.gob.pe")).toMatchObject({ role: "difoca", igedId: null });
  });

  test("refuses weak passwords and duplicate emails like the form does", async () => {
    const weak = await createUserFromArgs(["--email", "b@minedu.gob.pe", "--password", "1234567890", "--name", "Bea Soto", "--role", "difoca"]);
    expect(weak).toEqual({ ok: false, errors: ["--password: Esa contraseña es muy común y fácil de adivinar. Elige otra."] });
    await createUserFromArgs(["--email", "c@minedu.gob.pe", "--password", "otra frase segura", "--name", "Carla Ruiz", "--role", "experto"]);
    const duplicate = await createUserFromArgs(["--email", "C@MINEDU.gob.pe", "--password", "otra frase segura", "--name", "Carla Ruiz", "--role", "experto"]);
    expect(duplicate).toEqual({ ok: false, errors: ["--email: Ya existe una cuenta con ese correo. Ingresa con tu contraseña."] });
  });

  test("a gestor needs a real IGED, given by name", async () => {
    const missing = await createUserFromArgs(["--email", "d@ugel.pe", "--password", "frase segura larga", "--name", "Dora Lima", "--role", "gestor"]);
    expect(missing).toEqual({ ok: false, errors: ["--iged: Un gestor debe pertenecer a una IGED."] });
    const unknown = await createUserFromArgs(["--email", "d@ugel.pe", "--password", "frase segura larga", "--name", "Dora Lima", "--role", "gestor", "--iged", "UGEL Atlántida"]);
    expect(unknown).toEqual({ ok: false, errors: ['--iged: no existe una IGED "UGEL Atlántida".'] });
    const ok = await createUserFromArgs(["--email", "d@ugel.pe", "--password", "frase segura larga", "--name", "Dora Lima", "--role", "gestor", "--iged", "UGEL Nasca"]);
    expect(ok.ok).toBe(true);
    expect(await getMemberByEmail("d@ugel.pe")).toMatchObject({ igedName: "UGEL Nasca", regionName: "Ica" });
  });

  test("an unknown role or option is explained", async () => {
    const role = await createUserFromArgs(["--email", "e@x.pe", "--password", "frase segura larga", "--name", "Eva Paz", "--role", "admin"]);
    expect(role).toEqual({ ok: false, errors: ["--role: Elige un rol de la lista."] });
    const option = await createUserFromArgs(["--correo", "e@x.pe"]);
    expect(option.ok).toBe(false);
  });
});
