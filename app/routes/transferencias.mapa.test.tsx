import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, test } from "vitest";
import { getIgedByName } from "~/models/iged.server";
import { changePracticeStage } from "~/models/practice.server";
import { advanceTransfer, decideTransfer, requestTransfer, type TransferStage } from "~/models/transfer.server";
import TransferMap, { loader as mapLoader } from "~/routes/transferencias.mapa";
import { todayInLima } from "~/utils/dates";
import { createMember } from "../../tests/factories/members";
import { publishedPractice } from "../../tests/factories/practices";
import { BASE, context, getRequest, respond } from "../../tests/setup/requests";

async function igedId(name: string): Promise<number> {
  const iged = await getIgedByName(name);
  if (!iged) throw new Error(`No existe la IGED ${name}`);
  return iged.id;
}

async function advancedPractice(lead: string) {
  const { practice, difoca } = await publishedPractice({ leadIgedId: await igedId(lead) });
  expect(await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "avanzado", note: "Consolidada." })).toBe(true);
  return { practice, difoca };
}

/** A transfer DIFOCA accepted, moved by the receiving side (and DIFOCA for the last two stages) up to `stage`. */
async function transfer(practiceId: number, difocaId: number, receiving: string, options: { stage?: TransferStage; at?: string; accept?: boolean } = {}) {
  const asker = await createMember({ iged: receiving });
  const asked = await requestTransfer({
    practiceId,
    requestedBy: asker.id,
    receivingIgedId: await igedId(receiving),
    reason: "Queremos adaptarla.",
    context: "Escuelas rurales.",
    at: options.at,
  });
  if (!asked.ok) throw new Error(asked.reason);
  if (options.accept === false) return asked.id;
  expect(await decideTransfer({ transferId: asked.id, actorId: difocaId, accept: true, reason: "", at: options.at })).toEqual({ ok: true });
  const path: TransferStage[] = ["acuerdo", "adaptacion", "implementacion", "evaluacion", "institucionalizada"];
  for (const stage of path.slice(0, path.indexOf(options.stage ?? "solicitud") + 1)) {
    const actorId = stage === "evaluacion" || stage === "institucionalizada" ? difocaId : asker.id;
    expect(await advanceTransfer({ transferId: asked.id, actorId, toStage: stage, note: `Etapa ${stage}.`, occurredOn: todayInLima() })).toMatchObject({ ok: true });
  }
  return asked.id;
}

async function mapData(search = "") {
  const response = await respond(() => mapLoader({ request: getRequest(`/transferencias/mapa${search}`), params: {}, context }));
  expect(response.status).toBe(200);
  return response.json();
}

async function renderMap(search = "") {
  const path = `/transferencias/mapa${search}`;
  const { query, dataRoutes } = createStaticHandler([
    { id: "map", path: "*", loader: () => mapLoader({ request: new Request(`${BASE}${path}`), params: {}, context }), element: <TransferMap /> },
  ]);
  const state = await query(new Request(`${BASE}${path}`));
  if (state instanceof Response) throw state;
  return renderToStaticMarkup(<StaticRouterProvider router={createStaticRouter(dataRoutes, state)} context={state} />);
}

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;
/** The text of each body row of the table with this caption, cells joined by " | ". */
function tableRows(html: string, caption: string): string[] {
  const table = html.split("<table>").find((t) => t.includes(`<caption>${caption}`));
  if (!table) return [];
  const body = table.slice(table.indexOf("<tbody>"), table.indexOf("</tbody>"));
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
    [...row!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => cell!.replace(/<span class="visually-hidden">[\s\S]*?<\/span>/g, "").replace(/<[^>]+>/g, "").trim()).join(" | "),
  );
}

describe("the map of transfers", () => {
  test("with no transfers it draws Peru without arrows and says so", async () => {
    const data = await mapData();
    expect(data.flows).toEqual([]);
    expect(data.map.arrows).toEqual([]);
    const html = await renderMap();
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(count(html, /data-region=/g)).toBe(26);
    expect(count(html, /class="peru-map__arrow"/g)).toBe(0);
    expect(html).toContain("Aún no hay transferencias en curso.");
    expect(html).not.toContain("<table>");
  });

  test("draws one arrow per pair of regions and lists every flow, same-region ones too, in its tables", async () => {
    const nasca = await advancedPractice("UGEL Nasca");
    const ayacucho = await advancedPractice("DRE Ayacucho");
    const difocaId = nasca.difoca.id;
    await transfer(nasca.practice.id, difocaId, "UGEL Huaraz", { stage: "adaptacion" });
    await transfer(nasca.practice.id, difocaId, "UGEL Yauli", { at: "2025-06-10T15:00:00.000Z" });
    await transfer(nasca.practice.id, difocaId, "UGEL Ica");
    await transfer(ayacucho.practice.id, difocaId, "UGEL Huaraz", { stage: "institucionalizada" });
    // Waiting for DIFOCA: not a flow yet.
    await transfer(ayacucho.practice.id, difocaId, "DRE Pasco", { accept: false });

    const data = await mapData();
    expect(data.map.arrows.map((a: { from: string; to: string }) => `${a.from}→${a.to}`).sort()).toEqual(["ayacucho→ancash", "ica→ancash", "ica→junin"]);
    expect(data.map.skippedFlows).toEqual([expect.objectContaining({ from: "ica", to: "ica", reason: "same-region" })]);
    expect(data.map.regions.find((r: { slug: string }) => r.slug === "ancash")).toMatchObject({ value: 2, title: "Áncash: 2 transferencias recibidas" });

    const html = await renderMap();
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*>\s*<title[^>]*>Transferencias entre regiones del Perú<\/title>/);
    expect(count(html, /class="peru-map__arrow"/g)).toBe(3);
    expect(html).toContain("<title>Ayacucho → Áncash: 1 transferencia</title>");
    expect(tableRows(html, "Flujos de transferencias").sort()).toEqual([
      "Ayacucho | Áncash | 1 | 1",
      "Ica | Ica (en la misma región: sin flecha en el mapa) | 1 | 0",
      "Ica | Junín | 1 | 0",
      "Ica | Áncash | 1 | 0",
    ]);
    expect(html).toMatch(/<th scope="col">Región de origen<\/th>/);
    expect(tableRows(html, "Transferencias por región")).toEqual(["Áncash | 0 | 2", "Ayacucho | 1 | 0", "Ica | 3 | 1", "Junín | 0 | 1"]);
    expect(html).toContain('href="/transferencias?origen=ica&amp;receptora=junin"');
  });

  test("?anio= keeps the transfers active that year; an unknown year shows them all", async () => {
    const in2025 = await mapData("?anio=2025");
    expect(in2025.year).toBe(2025);
    expect(in2025.flows).toEqual([expect.objectContaining({ from: "ica", to: "junin", count: 1 })]);
    const html = await renderMap("?anio=2025");
    expect(html).toContain("Mapa de las transferencias en 2025</h1>");
    expect(count(html, /class="peru-map__arrow"/g)).toBe(1);

    const any = await mapData("?anio=1999");
    expect(any.year).toBeNull();
    expect(any.flows).toHaveLength(4);
  });
});
