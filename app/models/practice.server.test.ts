import { describe, expect, test } from "vitest";
import { getIgedByName } from "~/models/iged.server";
import {
  changePracticeStage,
  getPracticeDetail,
  listCatalog,
  listPracticeEvents,
  listRevisions,
  publishPractice,
  recordVisit,
  returnPractice,
  setPracticeArchived,
  submitPractice,
  updatePractice,
} from "~/models/practice.server";
import { toMatchQuery } from "~/utils/search.server";
import { createMember } from "../../tests/factories/members";
import { makePractice } from "../../tests/factories/practices";

const titles = (items: { title: string }[]) => items.map((i) => i.title);

describe("a practice's review", () => {
  test("a draft is not in the catalog; once submitted and published it is, at the stage inicial", async () => {
    const practice = await makePractice({ title: "Bibliotecas rurales que abren los sábados" });
    expect(titles((await listCatalog({ query: "bibliotecas sabados" })).items)).toEqual([]);
    expect(await submitPractice({ practiceId: practice.id, actorId: practice.authorId })).toBe(true);
    const difoca = await createMember({ role: "difoca", iged: null });
    expect(await publishPractice({ practiceId: practice.id, actorId: difoca.id })).toBe(true);
    const found = await listCatalog({ query: "bibliotecas sabados" });
    expect(titles(found.items)).toEqual(["Bibliotecas rurales que abren los sábados"]);
    expect(found.items[0]?.stage).toBe("inicial");
    expect((await listPracticeEvents(practice.id)).map((e) => e.type)).toEqual(["created", "submitted", "published"]);
  });

  test("a returned practice goes back to draft with DIFOCA's observations", async () => {
    const practice = await makePractice();
    await submitPractice({ practiceId: practice.id, actorId: practice.authorId });
    const difoca = await createMember({ role: "difoca", iged: null });
    expect(await returnPractice({ practiceId: practice.id, actorId: difoca.id, note: "Agrega las cifras de 2025." })).toBe(true);
    const detail = await getPracticeDetail(practice.slug);
    expect(detail).toMatchObject({ status: "borrador", reviewNote: "Agrega las cifras de 2025." });
    // Only a practice under review can be published.
    expect(await publishPractice({ practiceId: practice.id, actorId: difoca.id })).toBe(false);
  });

  test("stage moves keep who, when and why", async () => {
    const practice = await makePractice({ publish: true });
    const difoca = await createMember({ role: "difoca", iged: null, name: "Revisora DIFOCA" });
    await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "intermedio", note: "Asesoría y retroalimentación recibidas." });
    await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "inicial", note: "Los resultados no se sostuvieron." });
    const events = (await listPracticeEvents(practice.id)).filter((e) => e.type === "promoted" || e.type === "demoted");
    expect(events).toMatchObject([
      { type: "promoted", fromStage: "inicial", toStage: "intermedio", actorName: "Revisora DIFOCA", note: "Asesoría y retroalimentación recibidas." },
      { type: "demoted", fromStage: "intermedio", toStage: "inicial", note: "Los resultados no se sostuvieron." },
    ]);
  });
});

describe("the text's revision history", () => {
  test("keeps who changed which field, with before and after", async () => {
    const practice = await makePractice({ title: "Ferias de empleo para egresados" });
    const detail = (await getPracticeDetail(practice.slug))!;
    await updatePractice({
      practiceId: practice.id,
      editorId: practice.authorId,
      title: "Ferias de empleo para egresados con discapacidad",
      summary: detail.summary,
      thematicLineId: detail.thematicLineId,
      leadIgedId: detail.leadIgedId,
      otherIgedIds: [],
      startYear: detail.startYear,
      vigente: detail.vigente,
      problem: detail.problem,
      strategy: detail.strategy,
      results: "- 118 estudiantes",
      lessons: detail.lessons,
    });
    const [revision] = await listRevisions(practice.id);
    expect(revision?.changes).toEqual({
      title: { before: "Ferias de empleo para egresados", after: "Ferias de empleo para egresados con discapacidad" },
      results: { before: "- Un resultado con cifras: 12 %", after: "- 118 estudiantes" },
    });
  });
});

describe("the catalog", () => {
  test("full-text search ignores accents and case and highlights what matched", async () => {
    await makePractice({ title: "Gestión del riesgo en escuelas altoandinas", publish: true, iged: "DRE Ayacucho", line: "Gestión del riesgo de desastres" });
    for (const query of ["gestion del riesgo", "GESTIÓN RIESGO", "altoandin"]) {
      expect(titles((await listCatalog({ query })).items), query).toContain("Gestión del riesgo en escuelas altoandinas");
    }
    const [hit] = (await listCatalog({ query: "altoandinas" })).items;
    expect(hit?.snippet).toContain("\u0002altoandinas\u0003");
  });

  test("search terms are words, never query syntax", () => {
    expect(toMatchQuery('gestión "riesgo" OR x* NEAR(a b)')).toBe('"gestión"* "riesgo"* "or"* "x"* "near"* "a"* "b"*');
    expect(toMatchQuery("  ***  ")).toBeNull();
  });

  test("filters by region, macroregion, stage, line, IGED type and vigencia", async () => {
    const shared = (await getIgedByName("Municipalidad Provincial de Huamanga"))!;
    const a = await makePractice({ title: "Filtro A Cusco avanzado", iged: "DRE Cusco", line: "Acceso y cobertura", publish: true });
    await makePractice({ title: "Filtro B Ayacucho compartida", iged: "UGEL Huanta", otherIgedIds: [shared.id], vigente: false, publish: true });
    const difoca = await createMember({ role: "difoca", iged: null });
    await changePracticeStage({ practiceId: a.id, actorId: difoca.id, toStage: "avanzado", note: "Consolidada." });

    const only = async (filters: Parameters<typeof listCatalog>[0]) => titles((await listCatalog({ ...filters, query: "filtro" })).items);
    expect(await only({ regionSlug: "cusco" })).toEqual(["Filtro A Cusco avanzado"]);
    expect(await only({ macroregionSlug: "centro" })).toEqual(["Filtro B Ayacucho compartida"]);
    expect(await only({ stage: "avanzado" })).toEqual(["Filtro A Cusco avanzado"]);
    expect(await only({ lineSlug: "acceso-y-cobertura" })).toEqual(["Filtro A Cusco avanzado"]);
    expect(await only({ igedType: "gobierno_local" })).toEqual(["Filtro B Ayacucho compartida"]);
    expect(await only({ igedType: "dre" })).toEqual(["Filtro A Cusco avanzado"]);
    expect(await only({ vigente: false })).toEqual(["Filtro B Ayacucho compartida"]);

    // Without a search too: the names shown come with each practice, and the count is the filter's.
    const cusco = await listCatalog({ regionSlug: "cusco", stage: "avanzado", pageSize: 100 });
    expect(cusco.items.find((i) => i.title === "Filtro A Cusco avanzado")).toMatchObject({
      regionName: "Cusco",
      leadIgedName: "DRE Cusco",
      thematicLineName: "Acceso y cobertura",
      snippet: null,
    });
    expect(cusco.items.every((i) => i.regionName === "Cusco" && i.stage === "avanzado")).toBe(true);
    expect(cusco.total).toBe(cusco.items.length);
    const local = await listCatalog({ igedType: "gobierno_local", macroregionSlug: "centro", pageSize: 100 });
    expect(titles(local.items)).toContain("Filtro B Ayacucho compartida");
    expect(local.total).toBe(local.items.length);
  });

  test("archived practices leave the catalog unless asked for", async () => {
    const practice = await makePractice({ title: "Archivo de prueba retirado", publish: true });
    const difoca = await createMember({ role: "difoca", iged: null });
    await setPracticeArchived({ practiceId: practice.id, actorId: difoca.id, archived: true, note: "" });
    expect(titles((await listCatalog({ query: "retirado" })).items)).toEqual([]);
    expect(titles((await listCatalog({ query: "retirado", includeArchived: true })).items)).toEqual(["Archivo de prueba retirado"]);
  });

  test("counts pages and sorts by visits", async () => {
    const one = await makePractice({ title: "Orden visitas uno", publish: true });
    const two = await makePractice({ title: "Orden visitas dos", publish: true });
    await recordVisit({ practiceId: two.id, visitor: "a:1", day: "2026-11-20" });
    await recordVisit({ practiceId: two.id, visitor: "a:2", day: "2026-11-20" });
    await recordVisit({ practiceId: one.id, visitor: "a:1", day: "2026-11-20" });
    const sorted = await listCatalog({ query: "orden visitas", sort: "visitas", pageSize: 1 });
    expect(sorted.total).toBe(2);
    expect(sorted.pages).toBe(2);
    expect(titles(sorted.items)).toEqual(["Orden visitas dos"]);
  });
});

describe("visits", () => {
  test("count once per visitor per day", async () => {
    const practice = await makePractice({ publish: true });
    expect(await recordVisit({ practiceId: practice.id, visitor: "m:1", day: "2026-11-21" })).toBe(true);
    expect(await recordVisit({ practiceId: practice.id, visitor: "m:1", day: "2026-11-21" })).toBe(false);
    expect(await recordVisit({ practiceId: practice.id, visitor: "m:1", day: "2026-11-22" })).toBe(true);
    expect(await recordVisit({ practiceId: practice.id, visitor: "a:x", day: "2026-11-22" })).toBe(true);
    expect((await getPracticeDetail(practice.slug))?.visitCount).toBe(3);
  });
});

describe("the team hears about decisions on its practice", () => {
  test("publication, return, stage moves and expert feedback notify every active member of the team", async () => {
    const { listNotifications } = await import("~/models/notification.server");
    const { giveFeedback } = await import("~/models/feedback.server");
    const { addTeamMember } = await import("~/models/practice.server");
    const practice = await makePractice({ title: "Redes de tutoría entre pares" });
    const colleague = await createMember();
    await addTeamMember({ practiceId: practice.id, userId: colleague.id });
    const difoca = await createMember({ role: "difoca", iged: null });
    await submitPractice({ practiceId: practice.id, actorId: practice.authorId });
    await returnPractice({ practiceId: practice.id, actorId: difoca.id, note: "Falta la línea de base." });
    await submitPractice({ practiceId: practice.id, actorId: practice.authorId });
    await publishPractice({ practiceId: practice.id, actorId: difoca.id });
    await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "intermedio", note: "Criterios cumplidos." });
    const expert = await createMember({ role: "experto", iged: null, name: "Experta Invitada" });
    await giveFeedback({ practiceId: practice.id, authorId: expert.id, keyAspects: "Sólida.", opportunities: ["Medir"], recommendations: ["Escalar"], givenOn: "2026-11-01" });

    for (const member of [practice.authorId, colleague.id]) {
      const titles = (await listNotifications(member)).map((n) => n.title).reverse();
      expect(titles).toEqual([
        "DIFOCA devolvió tu práctica «Redes de tutoría entre pares» con observaciones",
        "DIFOCA publicó tu práctica «Redes de tutoría entre pares» en el catálogo",
        "«Redes de tutoría entre pares» pasó al estadio intermedio",
        "Experta Invitada dejó retroalimentación para «Redes de tutoría entre pares»",
      ]);
    }
    expect(await listNotifications(expert.id)).toEqual([]);
  });
});
