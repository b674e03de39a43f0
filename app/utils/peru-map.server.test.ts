import { describe, expect, test } from "vitest";
import { listRegions } from "~/models/region.server";
import { loader as spriteLoader } from "~/routes/mapas.regiones[.]svg";
import { flowMap, regionMap, regionShapes, regionSprite } from "~/utils/peru-map.server";

function viewBoxOf(viewBox: string) {
  const [x, y, width, height] = viewBox.split(" ").map(Number);
  return { x: x!, y: y!, width: width!, height: height! };
}

describe("regionShapes", () => {
  test("draws exactly the community's 26 regions, by the slugs of the regions table", async () => {
    const regions = await listRegions();
    const shapes = regionShapes();
    expect(shapes).toHaveLength(26);
    expect(shapes.map((shape) => shape.slug).sort()).toEqual(regions.map((region) => region.slug).sort());
    expect(shapes.find((shape) => shape.slug === "junin")?.name).toBe("Junín");
    expect(shapes.find((shape) => shape.slug === "callao")?.path).toMatch(/^M/);
  });

  test("splits Lima into two outlines without the borders of the provinces inside them", () => {
    const shapes = regionShapes();
    const metropolitana = shapes.find((shape) => shape.slug === "lima-metropolitana");
    const provincias = shapes.find((shape) => shape.slug === "lima-provincias");
    expect(metropolitana?.path).toBeTruthy();
    expect(provincias?.path).toBeTruthy();
    expect(metropolitana?.path).not.toBe(provincias?.path);
    // Nine provinces merged cleanly are one ring: a single "move to" in the path.
    expect(provincias?.path.match(/M/g)).toHaveLength(1);
    expect(metropolitana?.path.match(/M/g)).toHaveLength(1);
    expect(provincias!.path.length).toBeGreaterThan(metropolitana!.path.length);
  });

  test("puts every region's point inside the drawing and keeps the drawing small", () => {
    const { viewBox } = regionMap({ values: {} });
    const box = viewBoxOf(viewBox);
    for (const shape of regionShapes()) {
      const [x, y] = shape.centroid;
      expect(x, shape.slug).toBeGreaterThan(box.x);
      expect(x, shape.slug).toBeLessThan(box.x + box.width);
      expect(y, shape.slug).toBeGreaterThan(box.y);
      expect(y, shape.slug).toBeLessThan(box.y + box.height);
    }
    const bytes = regionShapes().reduce((sum, shape) => sum + Buffer.byteLength(shape.path), 0);
    expect(bytes).toBeLessThan(60_000);
    // One decimal per coordinate.
    expect(regionShapes()[0]!.path).not.toMatch(/\.\d\d/);
  });

  test("places the north above the south", () => {
    const at = (slug: string) => regionShapes().find((shape) => shape.slug === slug)!.centroid;
    expect(at("tumbes")[1]).toBeLessThan(at("lima-metropolitana")[1]);
    expect(at("lima-metropolitana")[1]).toBeLessThan(at("tacna")[1]);
    expect(at("callao")[0]).toBeLessThan(at("madre-de-dios")[0]);
  });
});

describe("regionMap", () => {
  test("colours each region by its bucket and writes the legend in whole-number ranges", () => {
    const map = regionMap({
      values: { ayacucho: 12, junin: 3, "lima-metropolitana": 7, ica: 1 },
      label: (_slug, value, name) => `${name}: ${value} ${value === 1 ? "práctica" : "prácticas"}`,
    });
    expect(map.legend.map((item) => item.label)).toEqual(["0", "1–3", "4–5", "6–8", "9–10", "11–12"]);
    const region = (slug: string) => map.regions.find((item) => item.slug === slug)!;
    expect(region("ayacucho")).toMatchObject({ value: 12, bucket: 5, tone: 5, title: "Ayacucho: 12 prácticas" });
    expect(region("lima-metropolitana")).toMatchObject({ bucket: 3, title: "Lima Metropolitana: 7 prácticas" });
    expect(region("junin")).toMatchObject({ bucket: 1, tone: 1, title: "Junín: 3 prácticas" });
    expect(region("ica").title).toBe("Ica: 1 práctica");
    expect(region("puno")).toMatchObject({ value: 0, bucket: 0, tone: 0, title: "Puno: 0 prácticas" });
    expect(map.arrows).toEqual([]);
  });

  test("uses fewer buckets for small counts, and only '0' when there is nothing", () => {
    expect(regionMap({ values: { junin: 2, ica: 1 } }).legend.map((item) => item.label)).toEqual(["0", "1", "2"]);
    expect(regionMap({ values: { junin: 2, ica: 1 } }).legend.map((item) => item.tone)).toEqual([0, 1, 5]);
    expect(regionMap({ values: {} }).legend.map((item) => item.label)).toEqual(["0"]);
    expect(regionMap({ values: { junin: 1 } }).regions.find((item) => item.slug === "junin")?.title).toBe("Junín: 1");
  });

  test("reports values for slugs that are not regions instead of failing", () => {
    const map = regionMap({ values: { lima: 4, cusco: 2 } });
    expect(map.unknownRegions).toEqual(["lima"]);
    expect(map.regions.find((item) => item.slug === "cusco")?.value).toBe(2);
  });
});

describe("flowMap", () => {
  test("draws one curved arrow per pair of regions, thicker for more transfers", () => {
    const map = flowMap({
      flows: [
        { from: "ayacucho", to: "ancash", count: 1 },
        { from: "huancavelica", to: "junin", count: 2 },
        { from: "huancavelica", to: "junin", count: 1 },
        { from: "ica", to: "junin", count: 1 },
      ],
    });
    expect(map.arrows).toHaveLength(3);
    const arrow = (from: string, to: string) => map.arrows.find((item) => item.from === from && item.to === to)!;
    expect(arrow("huancavelica", "junin")).toMatchObject({ count: 3, title: "Huancavelica → Junín: 3 transferencias" });
    expect(arrow("ayacucho", "ancash").title).toBe("Ayacucho → Áncash: 1 transferencia");
    expect(arrow("ayacucho", "ancash").path).toMatch(/^M[\d.]+,[\d.]+Q[\d.]+,[\d.]+,[\d.]+,[\d.]+$/);
    expect(arrow("huancavelica", "junin").width).toBeGreaterThan(arrow("ica", "junin").width);
    expect(map.arrowMarkerId).toBe("mapa-flujos-flecha");
    expect(map.skippedFlows).toEqual([]);
    expect(map.legend).toEqual([]);
    expect(map.regions).toHaveLength(26);
  });

  test("bends opposite flows to opposite sides so both arrows stay visible", () => {
    const map = flowMap({
      flows: [
        { from: "ayacucho", to: "ancash", count: 1 },
        { from: "ancash", to: "ayacucho", count: 1 },
      ],
    });
    const control = (path: string) => path.split("Q")[1]!.split(",").slice(0, 2).map(Number);
    const [there, back] = map.arrows.map((arrow) => control(arrow.path));
    expect(Math.hypot(there![0]! - back![0]!, there![1]! - back![1]!)).toBeGreaterThan(50);
  });

  test("skips flows with unknown regions, within one region or without a count, and says so", () => {
    const map = flowMap({
      flows: [
        { from: "ayacucho", to: "atlantida", count: 2 },
        { from: "junin", to: "junin", count: 1 },
        { from: "pasco", to: "junin", count: 0 },
        { from: "pasco", to: "junin", count: 1 },
      ],
      id: "Transferencias 2026",
    });
    expect(map.arrows.map((arrow) => `${arrow.from}>${arrow.to}`)).toEqual(["pasco>junin"]);
    expect(map.skippedFlows).toEqual([
      { from: "ayacucho", to: "atlantida", count: 2, reason: "unknown-region" },
      { from: "junin", to: "junin", count: 1, reason: "same-region" },
      { from: "pasco", to: "junin", count: 0, reason: "no-count" },
    ]);
    expect(map.arrowMarkerId).toBe("transferencias-2026-flecha");
  });

  test("can colour the regions as well, with the caller's words", () => {
    const map = flowMap({
      flows: [{ from: "ica", to: "junin", count: 1 }],
      values: { junin: 1 },
      label: (_slug, value, name) => `${name}: ${value} recibidas`,
      flowLabel: (flow) => `De ${flow.fromName} a ${flow.toName}`,
    });
    expect(map.arrows[0]?.title).toBe("De Ica a Junín");
    expect(map.regions.find((item) => item.slug === "junin")).toMatchObject({ tone: 5, title: "Junín: 1 recibidas" });
    expect(map.legend.map((item) => item.label)).toEqual(["0", "1"]);
  });
});

describe("regionSprite", () => {
  test("holds every region's outline once, by id, in the maps' viewBox, with no colour of its own", () => {
    const { svg, version } = regionSprite();
    const { viewBox } = regionMap({ values: {} });
    expect(svg).toContain(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}">`);
    for (const shape of regionShapes()) expect(svg).toContain(`<path id="region-${shape.slug}" d="${shape.path}"/>`);
    expect(svg.match(/<path /g)).toHaveLength(26);
    expect(svg).not.toMatch(/fill|style|<script/);
    expect(version).toMatch(/^[0-9a-f]{12}$/);
  });

  test("is what the maps link, so their pages carry no outlines", () => {
    const map = regionMap({ values: { junin: 2 } });
    expect(map.sprite).toBe(`/mapas/regiones.svg?v=${regionSprite().version}`);
    expect(JSON.stringify(map)).not.toMatch(/"path"|M\d/);
    expect(JSON.stringify(flowMap({ flows: [{ from: "ica", to: "pasco", count: 1 }] }).regions)).not.toContain("path");
  });
});

describe("/mapas/regiones.svg", () => {
  const get = (url: string) => spriteLoader({ request: new Request(url), params: {}, context: { cspNonce: "", clientAddress: "127.0.0.1" } });

  test("serves the outlines as SVG, cached for good under the address the maps link", async () => {
    const response = get(`http://localhost${regionMap({ values: {} }).sprite}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/svg+xml; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(await response.text()).toBe(regionSprite().svg);
  });

  test("is cached only for an hour under an old or missing version", () => {
    expect(get("http://localhost/mapas/regiones.svg").headers.get("Cache-Control")).toBe("public, max-age=3600");
    expect(get("http://localhost/mapas/regiones.svg?v=000000000000").headers.get("Cache-Control")).toBe("public, max-age=3600");
  });

  test("answers 304 without the outlines to a browser that holds the same version", async () => {
    const etag = `"${regionSprite().version}"`;
    const ask = (ifNoneMatch: string) =>
      spriteLoader({ request: new Request("http://localhost/mapas/regiones.svg", { headers: { "If-None-Match": ifNoneMatch } }), params: {}, context: { cspNonce: "", clientAddress: "127.0.0.1" } });
    for (const header of [etag, `W/${etag}`, `"000000000000", ${etag}`]) {
      const response = ask(header);
      expect(response.status, header).toBe(304);
      expect(await response.text()).toBe("");
      expect(response.headers.get("ETag")).toBe(etag);
    }
    const stale = ask(`"000000000000"`);
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(regionSprite().svg);
  });
});
