import { describe, expect, test } from "vitest";
import { countIgedsByType, getIgedByName, listIgedOptions } from "~/models/iged.server";
import { listMacroregions, listRegions } from "~/models/region.server";
import { getDb } from "~/utils/db.server";
import { loadReferenceData } from "./index";

describe("reference data", () => {
  test("has the 26 regions in their four macroregions", async () => {
    const regions = await listRegions();
    expect(regions).toHaveLength(26);
    expect((await listMacroregions()).map((m) => m.name)).toEqual(["Centro", "Sur", "Norte", "Oriente"]);
    const centro = regions.filter((r) => r.macroregionName === "Centro").map((r) => r.name);
    expect(centro).toEqual(["Ayacucho", "Callao", "Huancavelica", "Ica", "Junín", "Lima Metropolitana", "Lima Provincias", "Pasco"]);
  });

  test("has one DRE/GRE per region and at least three UGELs where the region has them", async () => {
    const igeds = await listIgedOptions();
    const counts = await countIgedsByType();
    expect(counts.dre).toBe(26);
    for (const region of await listRegions()) {
      const ugels = igeds.filter((i) => i.regionId === region.id && i.type === "ugel").length;
      expect(ugels, region.name).toBeGreaterThanOrEqual(region.name === "Callao" ? 1 : 3);
    }
    expect(counts.gobierno_local).toBeGreaterThan(0);
  });

  test.each([
    ["UGEL 09 Huaura", "Lima Provincias"],
    ["UGEL Víctor Fajardo", "Ayacucho"],
    ["UGEL Ventanilla", "Callao"],
    ["UGEL Angaraes", "Huancavelica"],
    ["UGEL Nasca", "Ica"],
    ["UGEL Huaraz", "Áncash"],
    ["UGEL Yauli", "Junín"],
    ["UGEL Cutervo", "Cajamarca"],
  ])("names %s of %s, as the source documents do", async (name, region) => {
    expect((await getIgedByName(name))?.regionName).toBe(region);
  });

  test("is loaded once: a second load leaves DIFOCA's edits alone", async () => {
    expect(await loadReferenceData(getDb())).toBe(false);
  });
});
