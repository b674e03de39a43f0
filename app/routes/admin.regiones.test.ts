import { describe, expect, test } from "vitest";
import { listAuditForTarget } from "~/models/audit.server";
import { listMacroregions, listRegions } from "~/models/region.server";
import { action, loader } from "~/routes/admin.regiones";
import { createMember } from "../../tests/factories/members";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

async function asDifoca() {
  const difoca = await createMember({ role: "difoca", iged: null });
  return { difoca, cookie: await sessionCookieFor(difoca.id) };
}

async function region(name: string) {
  const found = (await listRegions()).find((r) => r.name === name);
  if (!found) throw new Error(`No existe la región ${name}`);
  return found;
}

async function macroregion(name: string) {
  const found = (await listMacroregions()).find((m) => m.name === name);
  if (!found) throw new Error(`No existe la macrorregión ${name}`);
  return found;
}

function post(fields: Record<string, string>, cookie: string) {
  return respond(() => action({ request: formRequest("/admin/regiones", fields, cookie), params: {}, context }));
}

describe("/admin/regiones", () => {
  test("shows the 26 regions, in Spanish order, with their macroregion", async () => {
    const { cookie } = await asDifoca();
    const response = await respond(() => loader({ request: getRequest("/admin/regiones", cookie), params: {}, context }));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.regions).toHaveLength(26);
    expect(data.regions.slice(0, 3).map((r: { name: string }) => r.name)).toEqual(["Amazonas", "Áncash", "Apurímac"]);
    expect(data.macroregions.map((m: { name: string }) => m.name)).toEqual(["Centro", "Sur", "Norte", "Oriente"]);
  });

  test("a gestor gets 403 on the page and on both actions, and nothing changes", async () => {
    const gestor = await createMember();
    const cookie = await sessionCookieFor(gestor.id);
    const ica = await region("Ica");
    const sur = await macroregion("Sur");
    expect((await respond(() => loader({ request: getRequest("/admin/regiones", cookie), params: {}, context }))).status).toBe(403);
    expect((await post({ intent: "move-region", regionId: String(ica.id), macroregionId: String(sur.id) }, cookie)).status).toBe(403);
    expect((await post({ intent: "rename-macroregion", macroregionId: String(sur.id), name: "Sur andino" }, cookie)).status).toBe(403);
    expect((await region("Ica")).macroregionName).toBe("Centro");
    expect((await macroregion("Sur")).name).toBe("Sur");
    expect(await listAuditForTarget("region", ica.id)).toEqual([]);
    expect(await listAuditForTarget("macroregion", sur.id)).toEqual([]);
  });

  test("someone signed out is sent to sign in", async () => {
    const response = await respond(() => loader({ request: getRequest("/admin/regiones"), params: {}, context }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/ingresar\?redirectTo=/);
  });

  test("DIFOCA moves a region to another macroregion and the history keeps who and from where", async () => {
    const { difoca, cookie } = await asDifoca();
    const ica = await region("Ica");
    const sur = await macroregion("Sur");
    const response = await post({ intent: "move-region", regionId: String(ica.id), macroregionId: String(sur.id) }, cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin/regiones");
    expect((await region("Ica")).macroregionName).toBe("Sur");

    const [entry] = await listAuditForTarget("region", ica.id);
    expect(entry).toMatchObject({
      action: "region.macroregion_changed",
      actorId: difoca.id,
      details: { before: { macroregion: "Centro" }, after: { macroregionId: sur.id, macroregion: "Sur" } },
    });

    // Choosing the macroregion it already has changes nothing and records nothing.
    await post({ intent: "move-region", regionId: String(ica.id), macroregionId: String(sur.id) }, cookie);
    expect(await listAuditForTarget("region", ica.id)).toHaveLength(1);
  });

  test("DIFOCA renames a macroregion; its regions follow and the name stays unique whatever the capitals", async () => {
    const { difoca, cookie } = await asDifoca();
    const oriente = await macroregion("Oriente");
    const renamed = await post({ intent: "rename-macroregion", macroregionId: String(oriente.id), name: "  Oriente   amazónico " }, cookie);
    expect(renamed.status).toBe(302);
    expect((await region("Loreto")).macroregionName).toBe("Oriente amazónico");
    const [entry] = await listAuditForTarget("macroregion", oriente.id);
    expect(entry).toMatchObject({ action: "macroregion.renamed", actorId: difoca.id, details: { before: { name: "Oriente" }, after: { name: "Oriente amazónico" } } });

    const taken = await post({ intent: "rename-macroregion", macroregionId: String(oriente.id), name: "NORTE" }, cookie);
    expect(taken.status).toBe(400);
    const body = await taken.json();
    expect(body.errors).toEqual({ name: "Ya existe una macrorregión con ese nombre." });
    expect(body.values.name).toBe("NORTE");
    expect((await macroregion("Oriente amazónico")).id).toBe(oriente.id);
  });

  test("bad input is a 400 with Spanish messages, never a 500", async () => {
    const { cookie } = await asDifoca();
    const centro = await macroregion("Centro");
    const junin = await region("Junín");
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ intent: "rename-macroregion", macroregionId: String(centro.id), name: "   " }, { name: "Escribe el nombre de la macrorregión." }],
      [{ intent: "rename-macroregion", macroregionId: String(centro.id), name: "C".repeat(61) }, { name: "El nombre puede tener hasta 60 caracteres." }],
      [{ intent: "rename-macroregion", macroregionId: String(centro.id), name: "Cen\u0000tro" }, { name: "El texto tiene caracteres no válidos." }],
      [{ intent: "rename-macroregion", macroregionId: "99999", name: "Centro andino" }, { form: "Esa macrorregión no existe." }],
      [{ intent: "rename-macroregion", macroregionId: "uno", name: "Centro andino" }, { macroregionId: "Elige una macrorregión de la lista." }],
      [{ intent: "move-region", regionId: String(junin.id), macroregionId: "99999" }, { macroregionId: "Elige una macrorregión de la lista." }],
      [{ intent: "move-region", regionId: "99999", macroregionId: String(centro.id) }, { form: "Esa región no existe." }],
      [{ intent: "move-region", regionId: "\u0000", macroregionId: String(centro.id) }, { regionId: "Elige la región de la lista." }],
      [{ intent: "borrar-region", regionId: String(junin.id) }, { intent: "La acción no es válida." }],
    ];
    for (const [fields, errors] of cases) {
      const response = await post(fields, cookie);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect((await response.json()).errors, JSON.stringify(fields)).toEqual(errors);
    }
    // A 60-character name is fine.
    expect((await post({ intent: "rename-macroregion", macroregionId: String(centro.id), name: "C".repeat(60) }, cookie)).status).toBe(302);
    expect((await region("Junín")).macroregionName).toBe("C".repeat(60));
  });
});
