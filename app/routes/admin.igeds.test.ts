import { describe, expect, test } from "vitest";
import { listAuditForTarget } from "~/models/audit.server";
import { getIged, getIgedByName, listIgedOptions } from "~/models/iged.server";
import { getPracticeDetail } from "~/models/practice.server";
import { listRegions } from "~/models/region.server";
import { action, loader } from "~/routes/admin.igeds";
import { createMember } from "../../tests/factories/members";
import { makePractice } from "../../tests/factories/practices";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

async function asDifoca() {
  const difoca = await createMember({ role: "difoca", iged: null });
  return { difoca, cookie: await sessionCookieFor(difoca.id) };
}

async function regionId(name: string): Promise<string> {
  const found = (await listRegions()).find((r) => r.name === name);
  if (!found) throw new Error(`No existe la región ${name}`);
  return String(found.id);
}

function post(fields: Record<string, string>, cookie: string) {
  return respond(() => action({ request: formRequest("/admin/igeds", fields, cookie), params: {}, context }));
}

async function page(search: string, cookie: string) {
  const response = await respond(() => loader({ request: getRequest(`/admin/igeds${search}`, cookie), params: {}, context }));
  expect(response.status).toBe(200);
  return response.json();
}

type Row = { name: string; typeLabel: string; regionName: string; memberCount: number; practiceCount: number };

describe("/admin/igeds", () => {
  test("a gestor gets 403 on the page and on its actions, and nothing changes", async () => {
    const gestor = await createMember();
    const cookie = await sessionCookieFor(gestor.id);
    const nasca = (await getIgedByName("UGEL Nasca"))!;
    const before = (await listIgedOptions()).length;
    expect((await respond(() => loader({ request: getRequest("/admin/igeds", cookie), params: {}, context }))).status).toBe(403);
    expect((await post({ intent: "create", name: "UGEL Nueva", type: "ugel", regionId: await regionId("Ica") }, cookie)).status).toBe(403);
    expect(
      (await post({ intent: "update", igedId: String(nasca.id), name: "UGEL Nazca", type: "ugel", regionId: await regionId("Lima Provincias") }, cookie))
        .status,
    ).toBe(403);
    expect((await listIgedOptions()).length).toBe(before);
    expect(await getIged(nasca.id)).toMatchObject({ name: "UGEL Nasca", regionName: "Ica" });
    expect(await listAuditForTarget("iged", nasca.id)).toEqual([]);
  });

  test("filters by region and type and searches the name, ignoring accents and capitals, all in the address", async () => {
    const { cookie } = await asDifoca();
    const ica = await page("?region=ica&tipo=ugel", cookie);
    expect(ica.filters).toEqual({ q: "", region: "ica", tipo: "ugel" });
    expect(ica.igeds.length).toBeGreaterThan(0);
    expect(ica.igeds.every((i: Row) => i.regionName === "Ica" && i.typeLabel === "UGEL")).toBe(true);

    const byName = await page("?q=HUANUCO", cookie);
    expect(byName.igeds.map((i: Row) => i.name)).toContain("DRE Huánuco");

    // Unknown filters are ignored rather than failing.
    const unknown = await page("?region=atlantida&tipo=ministerio&pagina=abc", cookie);
    expect(unknown.filters).toEqual({ q: "", region: "", tipo: "" });
    expect(unknown.page).toBe(1);
  });

  test("pages through the list, 25 at a time", async () => {
    const { cookie } = await asDifoca();
    const first = await page("", cookie);
    expect(first.igeds).toHaveLength(25);
    expect(first.pages).toBe(Math.ceil(first.total / 25));
    const second = await page("?pagina=2", cookie);
    expect(second.page).toBe(2);
    expect(second.igeds[0].name).not.toBe(first.igeds[0].name);
    const beyond = await page("?pagina=9999", cookie);
    expect(beyond.page).toBe(first.pages);
  });

  test("shows how many members and practices each IGED has", async () => {
    const { cookie } = await asDifoca();
    await createMember({ iged: "UGEL Pisco" });
    await makePractice({ iged: "UGEL Pisco" });
    const [pisco] = (await page("?q=UGEL%20Pisco", cookie)).igeds as Row[];
    // The practice's author is a member of the IGED too.
    expect(pisco).toMatchObject({ name: "UGEL Pisco", memberCount: 2, practiceCount: 1 });
  });

  test("adds an IGED, and refuses a name that exists with other capitals", async () => {
    const { difoca, cookie } = await asDifoca();
    const created = await post({ intent: "create", name: "Municipalidad Distrital de Subtanjalla", type: "gobierno_local", regionId: await regionId("Ica") }, cookie);
    expect(created.status).toBe(302);
    const iged = await getIgedByName("Municipalidad Distrital de Subtanjalla");
    expect(iged).toMatchObject({ type: "gobierno_local", regionName: "Ica" });
    const [entry] = await listAuditForTarget("iged", iged!.id);
    expect(entry).toMatchObject({ action: "iged.created", actorId: difoca.id, details: { after: { name: "Municipalidad Distrital de Subtanjalla", type: "gobierno_local" } } });

    const before = (await listIgedOptions()).length;
    const duplicate = await post({ intent: "create", name: "ugel HUARAZ", type: "ugel", regionId: await regionId("Áncash") }, cookie);
    expect(duplicate.status).toBe(400);
    const body = await duplicate.json();
    expect(body.errors).toEqual({ name: "Ya existe una IGED con ese nombre." });
    expect(body.values).toMatchObject({ name: "ugel HUARAZ", type: "ugel" });
    expect((await listIgedOptions()).length).toBe(before);
  });

  test("renames an IGED and moves it to another region; the practices it leads move with it", async () => {
    const { difoca, cookie } = await asDifoca();
    const lima = await regionId("Lima Provincias");
    await post({ intent: "create", name: "UGEL Mala", type: "ugel", regionId: await regionId("Ica") }, cookie);
    const iged = (await getIgedByName("UGEL Mala"))!;
    const practice = await makePractice({ iged: "UGEL Mala" });

    const response = await post({ intent: "update", igedId: String(iged.id), name: "UGEL 15 Mala", type: "ugel", regionId: lima, redirectTo: "/admin/igeds?q=mala" }, cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin/igeds?q=mala");
    expect(await getIged(iged.id)).toMatchObject({ name: "UGEL 15 Mala", regionName: "Lima Provincias" });
    expect(await getPracticeDetail(practice.slug)).toMatchObject({ leadIgedId: iged.id, leadIgedName: "UGEL 15 Mala", regionName: "Lima Provincias" });

    const [entry] = await listAuditForTarget("iged", iged.id);
    expect(entry).toMatchObject({
      action: "iged.updated",
      actorId: difoca.id,
      details: { before: { name: "UGEL Mala", regionId: Number(await regionId("Ica")) }, after: { name: "UGEL 15 Mala", regionId: Number(lima) }, practicesMoved: 1 },
    });
    expect(entry!.details.before).not.toHaveProperty("type");

    // Its own name with other capitals is not a duplicate; another IGED's name is.
    expect((await post({ intent: "update", igedId: String(iged.id), name: "UGEL 15 MALA", type: "ugel", regionId: lima }, cookie)).status).toBe(302);
    const taken = await post({ intent: "update", igedId: String(iged.id), name: "ugel nasca", type: "ugel", regionId: lima }, cookie);
    expect(taken.status).toBe(400);
    expect((await taken.json()).errors).toEqual({ name: "Ya existe una IGED con ese nombre." });

    // An outside address is never followed.
    const outside = await post({ intent: "update", igedId: String(iged.id), name: "UGEL 15 Mala", type: "dre", regionId: lima, redirectTo: "//malicioso.example" }, cookie);
    expect(outside.headers.get("Location")).toBe("/admin/igeds");
  });

  test("bad input is a 400 with Spanish messages by the field, keeping what was typed", async () => {
    const { cookie } = await asDifoca();
    const ica = await regionId("Ica");
    const nasca = (await getIgedByName("UGEL Nasca"))!;
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ intent: "create", name: "", type: "ugel", regionId: ica }, { name: "Escribe el nombre de la IGED." }],
      [{ intent: "create", name: "U".repeat(121), type: "ugel", regionId: ica }, { name: "El nombre puede tener hasta 120 caracteres." }],
      [{ intent: "create", name: "UGEL\u0000Ica", type: "ugel", regionId: ica }, { name: "El texto tiene caracteres no válidos." }],
      [{ intent: "create", name: "UGEL Ica Norte", type: "ministerio", regionId: ica }, { type: "Elige el tipo de IGED: DRE/GRE, UGEL o gobierno local." }],
      [{ intent: "create", name: "UGEL Ica Norte", type: "ugel", regionId: "" }, { regionId: "Elige la región de la lista." }],
      [{ intent: "create", name: "UGEL Ica Norte", type: "ugel", regionId: "99999" }, { regionId: "Elige la región de la lista." }],
      [{ intent: "update", igedId: "99999", name: "UGEL Ica Norte", type: "ugel", regionId: ica }, { form: "Esa IGED no existe." }],
      [{ intent: "update", igedId: "-3", name: "UGEL Ica Norte", type: "ugel", regionId: ica }, { igedId: "Elige una IGED de la lista." }],
      [{ intent: "update", igedId: String(nasca.id), name: "UGEL Nasca", type: "ugel", regionId: "1e3" }, { regionId: "Elige la región de la lista." }],
      [{ intent: "borrar", igedId: String(nasca.id) }, { intent: "La acción no es válida." }],
    ];
    for (const [fields, errors] of cases) {
      const response = await post(fields, cookie);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      const body = await response.json();
      expect(body.errors, JSON.stringify(fields)).toEqual(errors);
      if (fields.name !== undefined) expect(body.values.name).toBe(fields.name);
    }
    expect(await getIgedByName("UGEL Ica Norte")).toBeUndefined();
    expect(await getIged(nasca.id)).toMatchObject({ name: "UGEL Nasca", type: "ugel", regionName: "Ica" });
  });
});
