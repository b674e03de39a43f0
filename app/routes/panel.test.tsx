import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { beforeAll, describe, expect, test } from "vitest";
import { createEvent, recordAttendance, type EventType } from "~/models/event.server";
import { getIgedByName } from "~/models/iged.server";
import { awardPoints } from "~/models/points.server";
import { changePracticeStage, publishPractice, recordVisit, setPracticeArchived, submitPractice } from "~/models/practice.server";
import { currentYear } from "~/models/tier.server";
import { decideTransfer, requestTransfer } from "~/models/transfer.server";
import { deactivateMember } from "~/models/user.server";
import { addWallReply, setAccompaniment } from "~/models/wall.server";
import Dashboard, { loader } from "~/routes/panel";
import { todayInLima } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { heldAdvisory } from "../../tests/factories/advisories";
import { createMember } from "../../tests/factories/members";
import { makePractice } from "../../tests/factories/practices";
import { makeChallenge, makeInitiative } from "../../tests/factories/walls";
import { BASE, context, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

type PanelData = {
  year: number;
  years: number[];
  practices: {
    vigentes: number;
    byRegion: { slug: string; name: string; count: number }[];
    byMacroregion: { slug: string; count: number }[];
    byStage: { stage: string; count: number }[];
    byLine: { name: string; count: number }[];
    igeds: { dre: number; ugel: number; gobierno_local: number };
  };
  activities: Record<string, number>;
  members: { registered: number; newInYear: number; active: number; visits: number };
  charts: {
    map: { regions: { slug: string; value: number }[] };
    stageMoves: { series: { key: string; points: { value: number }[] }[] };
    tiers: { bars: { label: string; value: number }[] };
  };
  difoca: { pending: Record<string, number>; mostVisited: { title: string; visits: number }[] } | null;
};

async function load(path: string, cookie?: string): Promise<PanelData> {
  const response = await respond(() => loader({ request: getRequest(path, cookie), params: {}, context }));
  expect(response.status).toBe(200);
  return response.json();
}

async function render(path: string, cookie?: string): Promise<string> {
  const { query, dataRoutes } = createStaticHandler([
    { id: "panel", path: "*", loader: () => loader({ request: getRequest(path, cookie), params: {}, context }), element: <Dashboard /> },
  ]);
  const state = await query(new Request(`${BASE}${path}`));
  if (state instanceof Response) throw state;
  return renderToStaticMarkup(<StaticRouterProvider router={createStaticRouter(dataRoutes, state)} context={state} />);
}

async function igedId(name: string): Promise<number> {
  const iged = await getIgedByName(name);
  if (!iged) throw new Error(`No existe la IGED ${name}`);
  return iged.id;
}

const year = currentYear();
const { start, end } = { start: `${year}-01-01T05:00:00.000Z`, end: `${year + 1}-01-01T05:00:00.000Z` };
/** The Lima month (01..12) of a UTC instant, computed here on its own: Lima is UTC−5 all year. */
const limaMonth = (iso: string) => new Date(new Date(iso).getTime() - 5 * 3600_000).toISOString().slice(5, 7);
const inYear = (iso: string | null) => iso !== null && iso >= start && iso < end;

let sequence = 0;
async function activity(userId: number, month: number) {
  const occurredAt = new Date(Date.UTC(year, month - 1, 15, 17)).toISOString();
  await awardPoints({ userId, action: "comment", subjectType: null, subjectId: null, key: `panel-test:${userId}:${++sequence}`, occurredAt });
}

let difocaCookie = "";
let gestorCookie = "";
const people: { three?: number; two?: number; gone?: number } = {};

// One dataset for the whole file: practices in several regions, stages and lines (some not vigente,
// archived, a draft and one in review), held advisories, events with attendance, accompaniments on
// both walls, a transfer, visits, and members active in 3, 2 and 1 months.
beforeAll(async () => {
  const difoca = await createMember({ role: "difoca", iged: null, name: "Especialista del Panel" });
  difocaCookie = await sessionCookieFor(difoca.id);
  const gestor = await createMember({ iged: "UGEL Chincha" });
  gestorCookie = await sessionCookieFor(gestor.id);

  const publish = async (input: { lead: string; others?: string[]; line: string; vigente?: boolean }) => {
    const author = await createMember({ iged: input.lead });
    const practice = await makePractice({
      authorId: author.id,
      iged: input.lead,
      line: input.line,
      vigente: input.vigente ?? true,
      otherIgedIds: await Promise.all((input.others ?? []).map(igedId)),
    });
    expect(await submitPractice({ practiceId: practice.id, actorId: author.id })).toBe(true);
    expect(await publishPractice({ practiceId: practice.id, actorId: difoca.id })).toBe(true);
    return { ...practice, authorId: author.id };
  };

  const junin = await publish({ lead: "DRE Junín", others: ["UGEL Huancayo", "Municipalidad Provincial de Huancayo"], line: "Mejora de los aprendizajes" });
  expect(await changePracticeStage({ practiceId: junin.id, actorId: difoca.id, toStage: "intermedio", note: "Con asesoría." })).toBe(true);
  const ica = await publish({ lead: "UGEL Nasca", line: "Mejora de los aprendizajes" });
  expect(await changePracticeStage({ practiceId: ica.id, actorId: difoca.id, toStage: "avanzado", note: "Consolidada." })).toBe(true);
  await publish({ lead: "DRE Ayacucho", line: "Gestión del riesgo de desastres" });
  await publish({ lead: "UGEL Huamanga", line: "Gestión del riesgo de desastres", vigente: false });
  const archived = await publish({ lead: "UGEL Huancayo", line: "Acceso y cobertura" });
  expect(await setPracticeArchived({ practiceId: archived.id, actorId: difoca.id, archived: true, note: "Ya no se aplica." })).toBe(true);
  await makePractice({ iged: "UGEL Ica", line: "Acceso y cobertura" });
  const inReview = await makePractice({ iged: "UGEL Pisco" });
  await submitPractice({ practiceId: inReview.id, actorId: inReview.authorId });

  const today = todayInLima();
  for (const [practice, visitors] of [[junin, 3], [ica, 1], [archived, 2]] as const) {
    for (let i = 0; i < visitors; i++) await recordVisit({ practiceId: practice.id, visitor: `visitante-${i}`, day: today });
  }

  await heldAdvisory({ practiceId: junin.id, requestedBy: junin.authorId, daysAgo: 1 });
  await heldAdvisory({ practiceId: ica.id, requestedBy: ica.authorId, daysAgo: 1 });

  const event = async (type: EventType, startsOn: string) =>
    createEvent({
      type,
      title: `Evento ${type} ${startsOn}`,
      summary: "",
      startsOn,
      endsOn: startsOn,
      startTime: "09:00",
      endTime: "13:00",
      macroregionId: null,
      hostRegionId: null,
      modality: "virtual",
      place: "",
      meetingUrl: "https://reunion.ejemplo.pe/evento",
      agenda: "",
      capacity: null,
      invitedRegionIds: [],
      createdBy: difoca.id,
    });
  const exchange = await event("intercambio", today);
  await event("webinar", today);
  await event("taller", `${year + 1}-06-01`);
  const attendees = [await createMember({ iged: "UGEL Huaraz" }), await createMember({ iged: "UGEL Huaraz" })];
  expect(await recordAttendance({ eventId: exchange.id, actorId: difoca.id, attendedUserIds: attendees.map((a) => a.id) })).toMatchObject({ ok: true });

  const challenge = await makeChallenge();
  expect(await setAccompaniment({ postId: challenge.id, actorId: difoca.id, on: true })).toEqual({ ok: true });
  const initiative = await makeInitiative();
  expect(await setAccompaniment({ postId: initiative.id, actorId: difoca.id, on: true })).toEqual({ ok: true });
  await makeChallenge();

  const asker = await createMember({ iged: "DRE Ayacucho" });
  const transfer = await requestTransfer({ practiceId: ica.id, requestedBy: asker.id, receivingIgedId: await igedId("DRE Ayacucho"), reason: "Adaptarla.", context: "Rural." });
  if (!transfer.ok) throw new Error(transfer.reason);
  expect(await decideTransfer({ transferId: transfer.id, actorId: difoca.id, accept: true, reason: "" })).toEqual({ ok: true });

  // Members active in three months, two months (one of them twice, on the wall too), and a
  // deactivated member who was active in three.
  const three = await createMember({ name: "Activa en tres meses", iged: "DRE Junín" });
  for (const month of [1, 2, 3]) await activity(three.id, month);
  const two = await createMember({ name: "Activa en dos meses", iged: "UGEL Huancayo" });
  for (const month of [1, 2]) await activity(two.id, month);
  await addWallReply({ postId: challenge.id, authorId: two.id, body: "Un aporte en febrero.", at: new Date(Date.UTC(year, 1, 20, 15)).toISOString() });
  const gone = await createMember({ name: "Cuenta desactivada", iged: "DRE Junín" });
  for (const month of [4, 5, 6]) await activity(gone.id, month);
  expect(await deactivateMember({ memberId: gone.id, actorId: difoca.id, reason: "Dejó la institución." })).toBe(true);
  Object.assign(people, { three: three.id, two: two.id, gone: gone.id });

  // Someone reaches the second tier with 300 points of the year.
  const leader = await createMember({ iged: "DRE Ica" });
  for (let i = 0; i < 6; i++) {
    await awardPoints({ userId: leader.id, action: "practice_published", subjectType: null, subjectId: null, key: `panel-test-leader:${i}`, occurredAt: new Date(Date.UTC(year, 0, 10)).toISOString() });
  }
});

describe("/panel", () => {
  test("the dashboard's figures match the data, counted here with the test's own queries", async () => {
    const db = getDb();
    const data = await load(`/panel?anio=${year}`);
    expect(data.year).toBe(year);

    // Practices vigentes: published and still running; by region, over all 26 regions.
    const vigentes = await db
      .selectFrom("practices")
      .innerJoin("regions", "regions.id", "practices.regionId")
      .innerJoin("macroregions", "macroregions.id", "regions.macroregionId")
      .leftJoin("thematicLines", "thematicLines.id", "practices.thematicLineId")
      .select(["practices.id", "practices.leadIgedId", "practices.stage", "regions.slug as region", "macroregions.slug as macroregion", "thematicLines.name as line"])
      .where("practices.status", "=", "publicada")
      .where("practices.vigente", "=", 1)
      .execute();
    const tally = (keys: (string | null)[]) => keys.reduce<Record<string, number>>((acc, key) => ({ ...acc, [key ?? "none"]: (acc[key ?? "none"] ?? 0) + 1 }), {});
    expect(data.practices.vigentes).toBe(vigentes.length);
    expect(vigentes.length).toBe(3);
    const regions = await db.selectFrom("regions").select("slug").execute();
    expect(regions).toHaveLength(26);
    const byRegion = tally(vigentes.map((p) => p.region));
    expect(Object.fromEntries(data.practices.byRegion.map((r) => [r.slug, r.count]))).toEqual(Object.fromEntries(regions.map((r) => [r.slug, byRegion[r.slug] ?? 0])));
    expect(byRegion).toEqual({ junin: 1, ica: 1, ayacucho: 1 });
    expect(Object.fromEntries(data.practices.byMacroregion.filter((m) => m.count > 0).map((m) => [m.slug, m.count]))).toEqual(tally(vigentes.map((p) => p.macroregion)));
    expect(Object.fromEntries(data.practices.byStage.filter((s) => s.count > 0).map((s) => [s.stage, s.count]))).toEqual(tally(vigentes.map((p) => p.stage)));
    expect(Object.fromEntries(data.practices.byLine.filter((l) => l.count > 0).map((l) => [l.name, l.count]))).toEqual(tally(vigentes.map((p) => p.line)));

    // IGEDs that lead or share a practice vigente, by type.
    const shared = await db.selectFrom("practiceIgeds").select("igedId").where("practiceId", "in", vigentes.map((p) => p.id)).execute();
    const igedIds = [...new Set([...vigentes.map((p) => p.leadIgedId), ...shared.map((s) => s.igedId)])];
    const igeds = await db.selectFrom("igeds").select("type").where("id", "in", igedIds).execute();
    expect(data.practices.igeds).toEqual({ dre: 0, ugel: 0, gobierno_local: 0, ...tally(igeds.map((i) => i.type)) });
    expect(data.practices.igeds).toEqual({ dre: 2, ugel: 2, gobierno_local: 1 });

    // Activities of the year.
    const advisories = await db.selectFrom("advisories").select(["type", "status", "startsAt"]).execute();
    const held = advisories.filter((a) => a.status === "realizada" && inYear(a.startsAt));
    const events = await db.selectFrom("events").select(["type", "startsOn"]).execute();
    const eventsHeld = events.filter((e) => e.startsOn.startsWith(`${year}-`) && e.startsOn <= todayInLima());
    const posts = await db.selectFrom("wallPosts").select(["kind", "accompaniedAt", "hiddenAt"]).execute();
    const accompanied = posts.filter((p) => inYear(p.accompaniedAt) && p.hiddenAt === null);
    const transfers = await db.selectFrom("transfers").select(["status", "createdAt", "completedAt"]).execute();
    const transfersActive = transfers.filter((t) => ["en_curso", "suspendida", "completada"].includes(t.status) && t.createdAt < end && (t.completedAt === null || t.completedAt >= start));
    const expectedActivities = {
      personalizedAdvisories: held.filter((a) => a.type === "personalizada").length,
      transferAdvisories: held.filter((a) => a.type === "transferencia").length,
      exchanges: eventsHeld.filter((e) => e.type === "intercambio").length,
      webinars: eventsHeld.filter((e) => e.type === "webinar").length,
      workshops: eventsHeld.filter((e) => e.type === "taller").length,
      fieldVisits: eventsHeld.filter((e) => e.type === "pasantia").length,
      challengeAccompaniments: accompanied.filter((p) => p.kind === "challenge").length,
      initiativeAccompaniments: accompanied.filter((p) => p.kind === "initiative").length,
      transferProcesses: transfersActive.length,
    };
    expect(data.activities).toMatchObject(expectedActivities);
    expect(expectedActivities).toMatchObject({ personalizedAdvisories: 2, exchanges: 1, webinars: 1, workshops: 0, challengeAccompaniments: 1, initiativeAccompaniments: 1, transferProcesses: 1 });
    expect(data.activities.total).toBe(held.length + eventsHeld.length);

    // Members: registered (not deactivated), active in 3+ different months, and visits of the year.
    const users = await db.selectFrom("users").select(["id", "active", "createdAt"]).execute();
    const activeAccounts = new Set(users.filter((u) => u.active === 1).map((u) => u.id));
    expect(data.members.registered).toBe(activeAccounts.size);
    // Of those, the accounts created this year (a deactivated one is not counted: it is not registered any more).
    expect(data.members.newInYear).toBe(users.filter((u) => u.active === 1 && inYear(u.createdAt)).length);
    expect(data.members.newInYear).toBeLessThanOrEqual(data.members.registered);

    const ledger = await db.selectFrom("pointsLedger").select(["id", "userId", "action", "occurredAt", "reversesId", "uniqueKey"]).execute();
    const reversed = new Set(ledger.filter((l) => l.uniqueKey.startsWith("reverse:")).map((l) => l.reversesId));
    const months = new Map<number, Set<string>>();
    const did = (userId: number, month: string) => months.set(userId, (months.get(userId) ?? new Set()).add(month));
    for (const row of ledger) {
      if (row.reversesId !== null || reversed.has(row.id) || ["manual_adjustment", "badge_awarded", "contribution_useful"].includes(row.action)) continue;
      if (inYear(row.occurredAt)) did(row.userId, limaMonth(row.occurredAt));
    }
    for (const table of ["wallPosts", "wallReplies"] as const) {
      for (const row of await db.selectFrom(table).select(["authorId", "createdAt", "hiddenAt"]).execute()) {
        if (row.hiddenAt === null && inYear(row.createdAt)) did(row.authorId, limaMonth(row.createdAt));
      }
    }
    const attendance = await db.selectFrom("eventRegistrations").innerJoin("events", "events.id", "eventRegistrations.eventId").select(["userId", "startsOn"]).where("attended", "=", 1).execute();
    for (const row of attendance) if (row.startsOn.startsWith(`${year}-`)) did(row.userId, row.startsOn.slice(5, 7));
    const active = [...months].filter(([userId, set]) => set.size >= 3 && activeAccounts.has(userId)).map(([userId]) => userId);
    expect(data.members.active).toBe(active.length);
    expect(active).toContain(people.three);
    expect(active).not.toContain(people.two);
    expect(active).not.toContain(people.gone);
    expect(months.get(people.two!)?.size).toBe(2);

    const visits = await db.selectFrom("practiceVisits").select("day").execute();
    expect(data.members.visits).toBe(visits.filter((v) => v.day.startsWith(`${year}-`)).length);
    expect(data.members.visits).toBe(6);

    // Stage moves by month: promotions by the stage reached, and demotions.
    const moves = await db.selectFrom("practiceEvents").select(["type", "toStage", "createdAt"]).where("type", "in", ["promoted", "demoted"]).execute();
    const series = Object.fromEntries(data.charts.stageMoves.series.map((s) => [s.key, s.points.map((p) => p.value)]));
    const monthly = (keep: (m: (typeof moves)[number]) => boolean) =>
      Array.from({ length: 12 }, (_, i) => moves.filter((m) => keep(m) && inYear(m.createdAt) && Number(limaMonth(m.createdAt)) === i + 1).length);
    expect(series.intermedio).toEqual(monthly((m) => m.type === "promoted" && m.toStage === "intermedio"));
    expect(series.avanzado).toEqual(monthly((m) => m.type === "promoted" && m.toStage === "avanzado"));
    expect(series.retroceso).toEqual(monthly((m) => m.type === "demoted"));
    expect(series.intermedio!.reduce((a, b) => a + b, 0) + series.avanzado!.reduce((a, b) => a + b, 0)).toBe(2);

    // Tiers of the year: nobody here reaches the third tier's 800 points, so points alone place them.
    const yearly = await db
      .selectFrom("memberPointsYearly")
      .innerJoin("users", "users.id", "memberPointsYearly.userId")
      .select("points")
      .where("year", "=", year)
      .where("points", ">", 0)
      .where("users.active", "=", 1)
      .execute();
    expect(Math.max(...yearly.map((y) => y.points))).toBeLessThan(800);
    const tiers = Object.fromEntries(data.charts.tiers.bars.map((b) => [b.label, b.value]));
    expect(tiers).toEqual({
      "Gestor participativo": yearly.filter((y) => y.points < 300).length,
      "Gestor destacado": yearly.filter((y) => y.points >= 300).length,
      "Gestor transformador": 0,
      "Sin escala aún": 0,
    });
    expect(tiers["Gestor destacado"]).toBeGreaterThan(0);
  });

  test("the map lists the 26 regions, and the table beside it too", async () => {
    const data = await load("/panel");
    expect(data.charts.map.regions).toHaveLength(26);
    expect(data.charts.map.regions.find((r) => r.slug === "junin")?.value).toBe(1);
    const html = await render("/panel");
    expect(html.match(/<tr data-region="/g)).toHaveLength(26);
    expect(html).toContain("<caption>Prácticas vigentes en las 26 regiones");
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*>\s*<title[^>]*>Prácticas vigentes por región/);
  });

  test("every chart is an SVG image with a title and a description, followed by its data in a table", async () => {
    const html = await render("/panel");
    const images = html.match(/<svg class="(?:chart__svg|peru-map__svg)"[^>]*role="img"/g) ?? [];
    expect(images.length).toBe(6);
    expect((html.match(/<desc /g) ?? []).length).toBe(images.length);
    expect((html.match(/<details class="chart__data"><summary>Ver los datos<\/summary>/g) ?? []).length).toBe(5);
    expect(html).toContain("<caption>Cambios de estadio de las prácticas por mes");
    expect(html).toContain("<th scope=\"row\">Setiembre</th>");
  });

  test("the DIFOCA part is for DIFOCA only", async () => {
    expect((await load("/panel")).difoca).toBeNull();
    expect((await load("/panel", gestorCookie)).difoca).toBeNull();
    expect(await render("/panel", gestorCookie)).not.toContain("Seguimiento de DIFOCA");

    const data = await load("/panel", difocaCookie);
    const db = getDb();
    const inReview = await db.selectFrom("practices").select("id").where("status", "=", "en_revision").execute();
    const transfersPending = await db.selectFrom("transfers").select("id").where("status", "=", "pendiente").execute();
    expect(data.difoca?.pending).toMatchObject({ practicesInReview: inReview.length, transferRequests: transfersPending.length, openReports: 0 });
    expect(data.difoca?.pending.practicesInReview).toBe(1);
    expect(data.difoca?.mostVisited.map((p) => p.visits)).toEqual([3, 2, 1]);
    const html = await render("/panel", difocaCookie);
    expect(html).toContain("Seguimiento de DIFOCA");
    expect(html).toContain('href="/admin/exportes"');
    expect(html).toContain("<caption>Miembros por rol");
  });

  test("a year that is not offered shows the current one instead of failing", async () => {
    for (const asked of ["abc", "1999", String(year + 5), "2026.5", ""]) {
      expect((await load(`/panel?anio=${encodeURIComponent(asked)}`)).year).toBe(year);
    }
    const data = await load("/panel");
    expect(data.years[0]).toBe(year);
  });

  // Last: it publishes one more practice.
  test("the charts are kept while nothing changes and drawn again as soon as the data does", async () => {
    const before = await load("/panel");
    expect((await load("/panel")).charts).toStrictEqual(before.charts);
    expect(before.charts.map.regions.find((r) => r.slug === "puno")?.value).toBe(0);

    const author = await createMember({ iged: "UGEL Puno" });
    const practice = await makePractice({ authorId: author.id, iged: "UGEL Puno", line: "Acceso y cobertura" });
    expect(await submitPractice({ practiceId: practice.id, actorId: author.id })).toBe(true);
    const difoca = await createMember({ role: "difoca", iged: null });
    expect(await publishPractice({ practiceId: practice.id, actorId: difoca.id })).toBe(true);

    const after = await load("/panel");
    expect(after.charts.map.regions.find((r) => r.slug === "puno")?.value).toBe(1);
    expect(after.practices.vigentes).toBe(before.practices.vigentes + 1);
    const html = await render("/panel");
    expect(html).toContain("Puno: 1 práctica vigente");
  });
});
