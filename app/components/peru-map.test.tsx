import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { PeruMap } from "~/components/peru-map";
import { flowMap, regionMap } from "~/utils/peru-map.server";

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe("<PeruMap>", () => {
  test("shows the 26 regions as one labelled image with a legend", () => {
    const map = regionMap({
      values: { junin: 3, ayacucho: 1 },
      label: (_slug, value, name) => `${name}: ${value} ${value === 1 ? "práctica" : "prácticas"}`,
    });
    const html = renderToStaticMarkup(
      <PeruMap
        map={map}
        title="Prácticas vigentes por región"
        description="Mapa del Perú; los mismos números están en la tabla siguiente."
        legendTitle="Prácticas"
      />,
    );
    expect(html).toContain('role="img"');
    expect(html).toMatch(/<svg[^>]*aria-labelledby="([^"]+)"[^>]*>[\s\S]*<title id="\1">Prácticas vigentes por región<\/title>/);
    expect(html).toContain("Mapa del Perú; los mismos números están en la tabla siguiente.</desc>");
    expect(count(html, /<use [^>]*data-region=/g)).toBe(26);
    // Each region is its outline in the shared file, under the file's current version.
    expect(html).toContain(`<use href="${map.sprite}#region-junin" class="peru-map__region peru-map__tone--`);
    expect(map.sprite).toMatch(/^\/mapas\/regiones\.svg\?v=[0-9a-f]{12}$/);
    expect(html).not.toMatch(/ d="M/);
    expect(html).toContain("<title>Junín: 3 prácticas</title>");
    expect(html).toContain("<title>Ayacucho: 1 práctica</title>");
    expect(html).toContain("<title>Lima Metropolitana: 0 prácticas</title>");
    expect(html).toContain("<title>Lima Provincias: 0 prácticas</title>");
    expect(html).toContain('<p class="peru-map__legend-title">Prácticas</p>');
    expect(html.replace(/<[^>]+>/g, "|")).toContain("|0|");
    expect(html).not.toContain("<marker");
    expect(html).not.toContain("<script");
  });

  test("draws one arrow per flow, pointing with an arrowhead defined in the same image", () => {
    const map = flowMap({
      flows: [
        { from: "ayacucho", to: "ancash", count: 1 },
        { from: "huancavelica", to: "junin", count: 1 },
        { from: "ica", to: "pasco", count: 2 },
        { from: "ica", to: "narnia", count: 1 },
      ],
    });
    const html = renderToStaticMarkup(
      <PeruMap map={map} title="Transferencias entre regiones" description="Flechas de la región de origen a la que adopta." />,
    );
    expect(count(html, /class="peru-map__arrow"/g)).toBe(3);
    expect(html).toContain("<title>Ayacucho → Áncash: 1 transferencia</title>");
    expect(html).toContain("<title>Ica → Pasco: 2 transferencias</title>");
    expect(html).toContain('<marker id="mapa-flujos-flecha"');
    expect(count(html, /marker-end="url\(#mapa-flujos-flecha\)"/g)).toBe(3);
    expect(count(html, /<use [^>]*data-region=/g)).toBe(26);
    // Without values there is nothing to explain with a legend.
    expect(html).not.toContain("peru-map__legend");
  });
});
