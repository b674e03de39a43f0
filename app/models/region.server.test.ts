import { expect, test } from "vitest";
import { listRegions } from "~/models/region.server";

test("regions come in Spanish alphabetical order, accents included", async () => {
  const names = (await listRegions()).map((r) => r.name);
  expect(names).toHaveLength(26);
  expect(names.slice(0, 3)).toEqual(["Amazonas", "Áncash", "Apurímac"]);
  expect(names.at(-1)).toBe("Ucayali");
});

test("IGEDs for a select come grouped by region in the same order, DRE/GRE first", async () => {
  const { listIgedOptions } = await import("~/models/iged.server");
  const options = await listIgedOptions();
  const regions = [...new Set(options.map((o) => o.regionName))];
  expect(regions.slice(0, 2)).toEqual(["Amazonas", "Áncash"]);
  const ancash = options.filter((o) => o.regionName === "Áncash");
  expect(ancash[0]?.type).toBe("dre");
});
