import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { beforeAll, describe, expect, test } from "vitest";
import { createEvent, recordAttendance, registerForEvent, saveTestimonial, setEventPractices, type EventFields } from "~/models/event.server";
import { giveFeedback } from "~/models/feedback.server";
import { getIgedByName } from "~/models/iged.server";
import { listMacroregions, listRegions } from "~/models/region.server";
import EventReportPage, { loader as reportLoader } from "~/routes/eventos.$id.reporte";
import { loader as pdfLoader } from "~/routes/eventos.$id.reporte[.]pdf";
import { todayInLima } from "~/utils/dates";
import { createMember } from "../../tests/factories/members";
import { makePractice } from "../../tests/factories/practices";
import { BASE, context, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

/** A Lima day `days` away from today, YYYY-MM-DD. */
const dayFromToday = (days: number) => todayInLima(new Date(Date.now() + days * 86_400_000));

async function igedId(name: string): Promise<number> {
  const iged = await getIgedByName(name);
  if (!iged) throw new Error(`No existe la IGED ${name}`);
  return iged.id;
}

async function eventFields(overrides: Partial<EventFields>): Promise<EventFields> {
  const regions = await listRegions();
  const region = (name: string) => regions.find((r) => r.name === name)!.id;
  const centro = (await listMacroregions()).find((m) => m.name === "Centro")!;
  return {
    type: "intercambio",
    title: "Intercambio de prueba",
    summary: "",
    startsOn: dayFromToday(-10),
    endsOn: dayFromToday(-9),
    startTime: "08:30",
    endTime: "17:00",
    macroregionId: centro.id,
    hostRegionId: region("Lima Provincias"),
    modality: "presencial",
    place: "Huacho",
    meetingUrl: null,
    agenda: "",
    capacity: null,
    invitedRegionIds: [region("Áncash"), region("Pasco")],
    ...overrides,
  };
}

let difoca: { id: number };
let pastEventId: number;
let runningEventId: number;

beforeAll(async () => {
  difoca = await createMember({ role: "difoca", iged: null, name: "Especialista DIFOCA" });
  const expert = await createMember({ role: "experto", iged: null, name: "Jorge Chávez Escobar", position: "Consejero del Consejo Nacional de Educación - CNE" });

  const inclusion = await makePractice({
    publish: true,
    iged: "UGEL 09 Huaura",
    title: "Puentes para la inclusión laboral",
    problem: "Una brecha de inserción laboral cercana al **80 %**.",
    strategy: "- Organización interna y planificación conjunta\n- Alianzas con OMAPED",
    results: "- 118 estudiantes en «Mi Oportunidad Técnica»",
  });
  const risk = await makePractice({
    publish: true,
    iged: "DRE Junín",
    otherIgedIds: [await igedId("UGEL Huancayo")],
    title: "Gestión del riesgo de desastres",
    problem: "Planes de gestión del riesgo desactualizados.",
  });

  const past = await createEvent({ ...(await eventFields({ title: "I Intercambio Macrorregión Centro", summary: "Dos días de interaprendizaje." })), createdBy: difoca.id });
  pastEventId = past.id;
  await setEventPractices({ eventId: past.id, items: [{ practiceId: inclusion.id, commentatorId: expert.id }, { practiceId: risk.id, commentatorId: expert.id }] });

  const huaura = await createMember({ iged: "UGEL 09 Huaura", name: "Ana Quispe Rojas" });
  const huaura2 = await createMember({ iged: "UGEL 09 Huaura", name: "Luis Torres Vega" });
  const director = await createMember({ iged: "DRE Junín", name: "Jaime Ortega", position: "Director Regional de Educación" });
  const absent = await createMember({ iged: "DRE Pasco", name: "Persona Ausente" });
  for (const member of [huaura, huaura2, director, absent]) {
    expect(await registerForEvent({ eventId: past.id, userId: member.id, at: `${dayFromToday(-20)}T15:00:00.000Z` })).toMatchObject({ ok: true });
  }
  expect(await recordAttendance({ eventId: past.id, actorId: difoca.id, attendedUserIds: [huaura.id, huaura2.id, director.id] })).toMatchObject({ ok: true, attendees: 3 });

  await giveFeedback({
    practiceId: inclusion.id,
    authorId: expert.id,
    eventId: past.id,
    givenOn: dayFromToday(-10),
    keyAspects: "Articula el sistema educativo con el **mercado laboral**.",
    opportunities: ["Incorporar al sector productivo de manera sistemática."],
    recommendations: ["Institucionalizar la participación del sector empresarial."],
  });
  // Feedback given elsewhere (an advisory, the practice page) is not part of the event's report.
  await giveFeedback({
    practiceId: inclusion.id,
    authorId: expert.id,
    eventId: null,
    givenOn: dayFromToday(-30),
    keyAspects: "Comentario dado fuera del evento.",
    opportunities: ["Oportunidad ajena al intercambio."],
    recommendations: [],
  });

  expect(
    await saveTestimonial({ eventId: past.id, userId: director.id, text: "La experiencia de Huaura nos inspira a replicarla.", at: `${dayFromToday(-9)}T20:00:00.000Z` }),
  ).toEqual({ ok: true });

  const running = await createEvent({ ...(await eventFields({ title: "Taller en curso", type: "taller", startsOn: dayFromToday(-1), endsOn: dayFromToday(1) })), createdBy: difoca.id });
  runningEventId = running.id;
});

const loadReport = (id: number, cookie?: string) =>
  respond(() => reportLoader({ request: getRequest(`/eventos/${id}/reporte`, cookie), params: { id: String(id) }, context }));

const loadPdf = (id: number, cookie?: string) =>
  respond(() => pdfLoader({ request: getRequest(`/eventos/${id}/reporte.pdf`, cookie), params: { id: String(id) }, context }));

async function renderReport(id: number): Promise<string> {
  const path = `/eventos/${id}/reporte`;
  const { query, dataRoutes } = createStaticHandler([
    { id: "report", path: "*", loader: () => reportLoader({ request: new Request(`${BASE}${path}`), params: { id: String(id) }, context }), element: createElement(EventReportPage) },
  ]);
  const state = await query(new Request(`${BASE}${path}`));
  if (state instanceof Response) throw state;
  const html = renderToStaticMarkup(createElement(StaticRouterProvider, { router: createStaticRouter(dataRoutes, state), context: state }));
  return html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&").replace(/\s+/g, " ");
}

describe("the report of an event that has ended", () => {
  test("a visitor reads it, generated from what was recorded at the event", async () => {
    const response = await loadReport(pastEventId);
    expect(response.status).toBe(200);
    const { report, isPublic, pdfHref } = await response.json();
    expect(isPublic).toBe(true);
    expect(pdfHref).toBe(`/eventos/${pastEventId}/reporte.pdf`);
    expect(report.title).toBe("Reporte de sistematización: I Intercambio Macrorregión Centro");
    expect(report.participantsLine).toBe("Participaron 3 gestores de 2 regiones.");
    expect(report.participantRegions).toEqual([
      { name: "Lima Provincias", count: 2 },
      { name: "Junín", count: 1 },
    ]);
    expect(report.igedGroups).toEqual([
      { label: "DRE/GRE", names: ["DRE Junín"] },
      { label: "UGEL", names: ["UGEL 09 Huaura"] },
    ]);
    expect(report.directors).toEqual([{ name: "Jaime Ortega", position: "Director Regional de Educación", igedName: "DRE Junín" }]);
    expect(report.practices.map((p: { title: string }) => p.title)).toEqual(["Puentes para la inclusión laboral", "Gestión del riesgo de desastres"]);
    expect(report.practices[1].igeds).toEqual(["DRE Junín", "UGEL Huancayo"]);
    expect(report.practices[0].feedback).toHaveLength(1);
    expect(report.practices[0].feedback[0]).toMatchObject({
      authorName: "Jorge Chávez Escobar",
      authorPosition: "Consejero del Consejo Nacional de Educación - CNE",
      opportunities: ["Incorporar al sector productivo de manera sistemática."],
    });
    expect(report.practices[0].problemHtml).toContain("<strong>80 %</strong>");
  });

  test("the page says it all in order: presentation, summary, each practice with its feedback, testimonials", async () => {
    const text = await renderReport(pastEventId);
    const inOrder = [
      "Reporte de sistematización: I Intercambio Macrorregión Centro",
      "Descargar PDF",
      "También puedes imprimirlo o guardarlo como PDF desde tu navegador",
      "Presentación",
      "El intercambio macrorregional «I Intercambio Macrorregión Centro» se realizó los días",
      "en Huacho, con Lima Provincias como región anfitriona de la Macrorregión Centro.",
      "Dos días de interaprendizaje.",
      "Se presentaron 2 buenas prácticas de gestión educativa, comentadas por expertos invitados, de 2 regiones: UGEL 09 Huaura (Lima Provincias); DRE Junín y UGEL Huancayo (Junín).",
      "Resumen del intercambio",
      "Participaron 3 gestores de 2 regiones.",
      "Lima Provincias: 2 participantes",
      "Junín: 1 participante",
      "Regiones invitadas Áncash, Pasco.",
      "DRE/GRE (1) DRE Junín",
      "UGEL (1) UGEL 09 Huaura",
      "Directores presentes Jaime Ortega, Director Regional de Educación (DRE Junín)",
      "1. Región Lima Provincias",
      "Puentes para la inclusión laboral",
      "Problema",
      "Estrategia",
      "Alianzas con OMAPED",
      "Resultados",
      "118 estudiantes en «Mi Oportunidad Técnica»",
      "Experto invitado: Jorge Chávez Escobar , Consejero del Consejo Nacional de Educación - CNE",
      "Aspecto clave de la práctica",
      "mercado laboral",
      "Oportunidades de mejora Incorporar al sector productivo de manera sistemática.",
      "Recomendaciones para la sostenibilidad y réplica Institucionalizar la participación del sector empresarial.",
      "2. Región Junín",
      "Gestión del riesgo de desastres",
      "DRE Junín, UGEL Huancayo",
      "Experto comentarista: Jorge Chávez Escobar.",
      "Sin retroalimentación registrada en el evento",
      "Testimonios",
      "La experiencia de Huaura nos inspira a replicarla.",
      "Jaime Ortega , Director Regional de Educación · DRE Junín",
    ];
    let from = 0;
    for (const phrase of inOrder) {
      const at = text.indexOf(phrase, from);
      expect(at, `"${phrase}" after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + phrase.length;
    }
    expect(text).not.toContain("Comentario dado fuera del evento");
    expect(text).not.toContain("Oportunidad ajena al intercambio");
    expect(text).not.toContain("Persona Ausente");
    expect(text).not.toContain("aún no es público");
  });

  test("a visitor downloads the PDF: one page per practice besides the cover, summary and testimonials", async () => {
    const response = await loadPdf(pastEventId);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="reporte-i-intercambio-macrorregion-centro-\d{4}\.pdf"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(Number(response.headers.get("Content-Length"))).toBe(bytes.length);
    const pages = bytes.toString("latin1").match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2 + 3);
  });
});

describe("before the event ends", () => {
  test("the report does not exist for visitors and members", async () => {
    const gestor = await createMember({ iged: "UGEL 09 Huaura" });
    expect((await loadReport(runningEventId)).status).toBe(404);
    expect((await loadReport(runningEventId, await sessionCookieFor(gestor.id))).status).toBe(404);
    expect((await loadPdf(runningEventId)).status).toBe(404);
  });

  test("DIFOCA reads it and is told it is not public yet", async () => {
    const cookie = await sessionCookieFor(difoca.id);
    const response = await loadReport(runningEventId, cookie);
    expect(response.status).toBe(200);
    const { report, isPublic } = await response.json();
    expect(isPublic).toBe(false);
    expect(report.title).toBe("Reporte de sistematización: Taller en curso");
    expect(report.participantsLine).toBe("Aún no se registró la asistencia de este evento.");
    const pdf = await loadPdf(runningEventId, cookie);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
  });

  test("an unknown or malformed event is a 404", async () => {
    expect((await loadReport(999_999)).status).toBe(404);
    const malformed = await respond(() => reportLoader({ request: getRequest("/eventos/abc/reporte"), params: { id: "abc" }, context }));
    expect(malformed.status).toBe(404);
  });
});
