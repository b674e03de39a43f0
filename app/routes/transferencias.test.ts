import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { beforeAll, describe, expect, test } from "vitest";
import { getIgedByName } from "~/models/iged.server";
import { changePracticeStage } from "~/models/practice.server";
import { advanceTransfer, decideTransfer, requestTransfer } from "~/models/transfer.server";
import { loader as adminHomeLoader } from "~/routes/admin._index";
import TransferList, { loader as listLoader } from "~/routes/transferencias._index";
import { todayInLima } from "~/utils/dates";
import { createMember } from "../../tests/factories/members";
import { publishedPractice } from "../../tests/factories/practices";
import { BASE, context, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

async function igedId(name: string): Promise<number> {
  const iged = await getIgedByName(name);
  if (!iged) throw new Error(`No existe la IGED ${name}`);
  return iged.id;
}

async function advancedPractice(title: string, lead: string) {
  const { practice, gestor, difoca } = await publishedPractice({ title, leadIgedId: await igedId(lead) });
  expect(await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "avanzado", note: "Consolidada." })).toBe(true);
  return { practice, team: gestor, difoca };
}

async function ask(practiceId: number, receiving: string, at?: string) {
  const asker = await createMember({ iged: receiving });
  const result = await requestTransfer({
    practiceId,
    requestedBy: asker.id,
    receivingIgedId: await igedId(receiving),
    reason: "Queremos adaptar la estrategia a nuestras escuelas.",
    context: "Escuelas rurales multigrado de la provincia.",
    at,
  });
  if (!result.ok) throw new Error(result.reason);
  return { id: result.id, asker };
}

async function list(search = "", cookie?: string) {
  const response = await respond(() => listLoader({ request: getRequest(`/transferencias${search}`, cookie), params: {}, context }));
  expect(response.status).toBe(200);
  return response.json();
}

type Row = { id: number; sourceIgedName: string; receivingIgedName: string };
const routes = (data: { result: { items: Row[] } }) => data.result.items.map((i) => `${i.sourceIgedName} → ${i.receivingIgedName}`).sort();

/** The page as the server renders it for someone. */
async function renderList(search = "", cookie?: string) {
  const path = `/transferencias${search}`;
  const { query, dataRoutes } = createStaticHandler([
    {
      id: "list",
      path: "*",
      loader: () => listLoader({ request: new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} }), params: {}, context }),
      element: createElement(TransferList as ComponentType),
    },
  ]);
  const state = await query(new Request(`${BASE}${path}`));
  if (state instanceof Response) throw state;
  return renderToStaticMarkup(createElement(StaticRouterProvider, { router: createStaticRouter(dataRoutes, state), context: state }));
}

let difocaId: number;
let nascaSlug: string;

// Nasca's reading practice goes to UGEL Huaraz (under way, at acuerdo) and, since 2025, to UGEL
// Yauli; Ayacucho's practice waits for DIFOCA's decision to go to DRE Junín.
beforeAll(async () => {
  const nasca = await advancedPractice("Lectura rural potenciada por la tecnología", "UGEL Nasca");
  const ayacucho = await advancedPractice("Gestión del riesgo de desastres en la región", "DRE Ayacucho");
  difocaId = nasca.difoca.id;
  nascaSlug = nasca.practice.slug;

  const huaraz = await ask(nasca.practice.id, "UGEL Huaraz");
  expect(await decideTransfer({ transferId: huaraz.id, actorId: difocaId, accept: true, reason: "" })).toEqual({ ok: true });
  const moved = await advanceTransfer({ transferId: huaraz.id, actorId: huaraz.asker.id, toStage: "acuerdo", note: "Acta firmada.", occurredOn: todayInLima() });
  expect(moved).toMatchObject({ ok: true });

  const yauli = await ask(nasca.practice.id, "UGEL Yauli", "2025-06-10T15:00:00.000Z");
  expect(await decideTransfer({ transferId: yauli.id, actorId: difocaId, accept: true, reason: "", at: "2025-06-20T15:00:00.000Z" })).toEqual({ ok: true });

  await ask(ayacucho.practice.id, "DRE Junín");
});

describe("the list of transfers", () => {
  test("a visitor sees every transfer with its stage, status and progress, and no request link", async () => {
    const data = await list();
    expect(data.result.total).toBe(3);
    expect(routes(data)).toEqual(["DRE Ayacucho → DRE Junín", "UGEL Nasca → UGEL Huaraz", "UGEL Nasca → UGEL Yauli"]);
    const huaraz = data.result.items.find((i: Row) => i.receivingIgedName === "UGEL Huaraz");
    expect(huaraz).toMatchObject({
      sourceRegionName: "Ica",
      receivingRegionName: "Áncash",
      stageLabel: "Acuerdo",
      statusLabel: "En curso",
      stageNumber: 2,
      progress: 20,
    });
    expect(data.canRequest).toBe(false);
    expect(data.pendingCount).toBeNull();

    const html = await renderList();
    expect(html).toContain("3 transferencias encontradas.");
    expect(html).toContain("2 de 6 etapas");
    expect(html).toContain("Pendiente de aceptación");
    expect(html).toContain('href="/transferencias/mapa"');
    expect(html).not.toContain("Solicitar una transferencia");
  });

  test("filters by source region, receiving region, stage, status, practice and year", async () => {
    expect(routes(await list("?origen=ayacucho"))).toEqual(["DRE Ayacucho → DRE Junín"]);
    expect(routes(await list("?receptora=ancash"))).toEqual(["UGEL Nasca → UGEL Huaraz"]);
    expect(routes(await list("?receptora=junin&origen=ica"))).toEqual(["UGEL Nasca → UGEL Yauli"]);
    expect(routes(await list("?etapa=acuerdo"))).toEqual(["UGEL Nasca → UGEL Huaraz"]);
    expect(routes(await list("?estado=pendiente"))).toEqual(["DRE Ayacucho → DRE Junín"]);
    expect(routes(await list(`?practica=${nascaSlug}`))).toEqual(["UGEL Nasca → UGEL Huaraz", "UGEL Nasca → UGEL Yauli"]);
    // Asked for in 2025 and still under way: the only one active that year.
    const in2025 = await list("?anio=2025");
    expect(routes(in2025)).toEqual(["UGEL Nasca → UGEL Yauli"]);
    expect(in2025.options.years.map((y: { value: string }) => y.value)).toContain("2025");
  });

  test("an unknown filter value is ignored, and a filter without results says so", async () => {
    const data = await list("?origen=atlantida&etapa=cualquiera&anio=1990&pagina=x");
    expect(data.filters).toMatchObject({ origen: "", etapa: "", anio: "" });
    expect(data.result.total).toBe(3);

    const html = await renderList("?origen=tumbes");
    expect(html).toContain("No encontramos transferencias con esos criterios.");
  });

  test("DIFOCA sees how many requests wait for a decision; a gestor may request but sees no callout", async () => {
    const difocaCookie = await sessionCookieFor(difocaId);
    expect((await list("", difocaCookie)).pendingCount).toBe(1);
    const difocaPage = await renderList("", difocaCookie);
    expect(difocaPage).toContain("1 solicitud espera la decisión de DIFOCA.");
    expect(difocaPage).toContain('href="/transferencias?estado=pendiente"');
    const adminHome = await (await respond(() => adminHomeLoader({ request: getRequest("/admin", difocaCookie), params: {}, context }))).json();
    expect(adminHome.pendingTransfers).toBe(1);

    const gestor = await createMember({ iged: "DRE Cusco" });
    const gestorCookie = await sessionCookieFor(gestor.id);
    const data = await list("", gestorCookie);
    expect(data).toMatchObject({ canRequest: true, pendingCount: null });
    const gestorPage = await renderList("", gestorCookie);
    expect(gestorPage).not.toContain("espera la decisión de DIFOCA");
    expect(gestorPage).toContain('href="/transferencias/nueva"');
    expect(gestorPage).toContain("Solo se puede solicitar la transferencia de prácticas en estadio avanzado");
  });
});
