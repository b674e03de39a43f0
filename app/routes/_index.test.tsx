import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, test } from "vitest";
import { createEvent, type EventFields } from "~/models/event.server";
import { awardPoints } from "~/models/points.server";
import { changePracticeStage, recordVisit } from "~/models/practice.server";
import { currentYear } from "~/models/tier.server";
import Home, { loader } from "~/routes/_index";
import { todayInLima } from "~/utils/dates";
import { createMember } from "../../tests/factories/members";
import { publishedPractice } from "../../tests/factories/practices";
import { BASE, context, getRequest, respond } from "../../tests/setup/requests";

async function render(): Promise<string> {
  const { query, dataRoutes } = createStaticHandler([{ id: "home", path: "*", loader: () => loader({ request: getRequest("/"), params: {}, context }), element: <Home /> }]);
  const state = await query(new Request(`${BASE}/`));
  if (state instanceof Response) throw state;
  return renderToStaticMarkup(<StaticRouterProvider router={createStaticRouter(dataRoutes, state)} context={state} />);
}

function day(offset: number): string {
  const date = new Date(`${todayInLima()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

const eventFields = (title: string, startsOn: string, createdBy: number): EventFields & { createdBy: number } => ({
  type: "webinar",
  title,
  summary: "",
  startsOn,
  endsOn: startsOn,
  startTime: "10:00",
  endTime: "12:00",
  macroregionId: null,
  hostRegionId: null,
  modality: "virtual",
  place: "",
  meetingUrl: "https://reunion.ejemplo.pe/webinar",
  agenda: "",
  capacity: 50,
  invitedRegionIds: [],
  createdBy,
});

describe("the home page", () => {
  test("shows the figures, featured practices, the next events and the top of this year's ranking", async () => {
    const difoca = await createMember({ role: "difoca", iged: null });
    for (const [title, offset] of [
      ["Webinar que ya pasó", -20],
      ["Cuarto webinar", 40],
      ["Primer webinar", 3],
      ["Tercer webinar", 30],
      ["Segundo webinar", 10],
    ] as const) {
      await createEvent(eventFields(title, day(offset), difoca.id));
    }

    const promoted = await publishedPractice({ title: "Práctica que avanzó" });
    expect(await changePracticeStage({ practiceId: promoted.practice.id, actorId: promoted.difoca.id, toStage: "intermedio", note: "Con asesoría." })).toBe(true);
    const visited = await publishedPractice({ title: "Práctica muy visitada" });
    for (const visitor of ["a", "b", "c"]) await recordVisit({ practiceId: visited.practice.id, visitor, day: todayInLima() });

    const leader = await createMember({ name: "Líder del Año", iged: "DRE Junín" });
    for (let i = 0; i < 8; i++) {
      await awardPoints({ userId: leader.id, action: "practice_published", subjectType: null, subjectId: null, key: `home-test:${i}`, occurredAt: new Date().toISOString() });
    }

    const response = await respond(() => loader({ request: getRequest("/"), params: {}, context }));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.figures).toMatchObject({ vigentes: 2, regions: 26, year: currentYear(), igeds: { dre: 0, ugel: 1, gobierno_local: 0 } });
    expect(data.events.map((e: { title: string }) => e.title)).toEqual(["Primer webinar", "Segundo webinar", "Tercer webinar"]);
    expect(data.featured.promoted.map((p: { title: string }) => p.title)).toEqual(["Práctica que avanzó"]);
    expect(data.featured.visited.map((p: { title: string; visits: number }) => [p.title, p.visits])).toEqual([["Práctica muy visitada", 3]]);
    expect(data.ranking[0]).toMatchObject({ rank: 1, name: "Líder del Año", points: 400, tierName: "Gestor destacado" });
    expect(data.ranking.length).toBeLessThanOrEqual(5);

    const html = await render();
    expect(html).toContain("Próximos eventos");
    expect(html).toContain(">Primer webinar</a>");
    expect(html).not.toContain("Webinar que ya pasó");
    expect(html).toContain(`Ranking de ${currentYear()}`);
    expect(html).toContain(">Líder del Año</a>");
    expect(html).toContain(">Práctica que avanzó</a>");
    expect(html).toContain("<strong>26</strong> regiones");
    expect(html).toContain('href="/panel"');
  });
});
