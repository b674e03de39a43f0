import { describe, expect, test } from "vitest";
import { createIged, updateIged } from "~/models/iged.server";
import { awardPoints, reversePoints } from "~/models/points.server";
import { changePracticeStage } from "~/models/practice.server";
import { getOwnPosition, getRanking, listRankingYears, setHiddenFromRanking } from "~/models/ranking.server";
import { deactivateMember } from "~/models/user.server";
import { getDb } from "~/utils/db.server";
import { createMember } from "../../tests/factories/members";
import { makePractice } from "../../tests/factories/practices";

// Every test works in a year (or a region) of its own: the test file shares one database.
let sequence = 0;
/** Gives a member `points` (a multiple of 50) in `year`, one published practice at a time. */
async function givePoints(userId: number, points: number, year: number) {
  const keys: string[] = [];
  for (let i = 0; i < points / 50; i++) {
    const key = `ranking-test:${userId}:${year}:${++sequence}`;
    const result = await awardPoints({
      userId,
      action: "practice_published",
      subjectType: null,
      subjectId: null,
      key,
      occurredAt: `${year}-06-15T17:00:00.000Z`,
    });
    expect(result.awarded).toBe(true);
    keys.push(key);
  }
  return keys;
}

const ranksOf = (rows: { name: string; rank: number }[]) => rows.map((r) => [r.name, r.rank]);

describe("the ranking", () => {
  test("members with the same points share a rank and the next rank skips (1, 2, 2, 4)", async () => {
    const year = 2031;
    const ana = await createMember({ name: "Ana Ranking" });
    const beto = await createMember({ name: "Beto Ranking" });
    const carla = await createMember({ name: "Carla Ranking" });
    const dario = await createMember({ name: "Darío Ranking" });
    const ena = await createMember({ name: "Ena Ranking" });
    await givePoints(ana.id, 150, year);
    await givePoints(carla.id, 100, year);
    await givePoints(beto.id, 100, year);
    await givePoints(dario.id, 50, year);
    // Ena earned points and lost them: she has a row with 0 points, and must not be listed.
    const [key] = await givePoints(ena.id, 50, year);
    await reversePoints({ key: key!, reason: "Contenido retirado" });

    const ranking = await getRanking({ year, page: 1, pageSize: 25 });
    expect(ranksOf(ranking.rows)).toEqual([
      ["Ana Ranking", 1],
      ["Beto Ranking", 2],
      ["Carla Ranking", 2],
      ["Darío Ranking", 4],
    ]);
    expect(ranking.total).toBe(4);
    expect(ranking.rows[0]).toMatchObject({ points: 150, tierName: "Gestor participativo", igedName: expect.any(String), regionName: expect.any(String) });
    expect(await getOwnPosition(ena.id, { year })).toBeNull();
    expect(await getOwnPosition(carla.id, { year })).toEqual({ rank: 2, points: 100, hidden: false });
  });

  test("filters by region, macroregion and IGED type before ranking", async () => {
    const year = 2032;
    const cusco = await createMember({ name: "Cusco DRE", iged: "DRE Cusco" });
    const cuscoUgel = await createMember({ name: "Cusco UGEL", iged: "UGEL Calca" });
    const puno = await createMember({ name: "Puno UGEL", iged: "UGEL Azángaro" });
    const ica = await createMember({ name: "Ica UGEL", iged: "UGEL Nasca" });
    const tumbes = await createMember({ name: "Tumbes Municipio", iged: "Municipalidad Provincial de Tumbes" });
    await givePoints(ica.id, 300, year);
    await givePoints(cusco.id, 200, year);
    await givePoints(puno.id, 150, year);
    await givePoints(cuscoUgel.id, 100, year);
    await givePoints(tumbes.id, 50, year);

    const byRegion = await getRanking({ year, regionSlug: "cusco", page: 1, pageSize: 25 });
    expect(ranksOf(byRegion.rows)).toEqual([
      ["Cusco DRE", 1],
      ["Cusco UGEL", 2],
    ]);
    expect(byRegion.rows[0]).toMatchObject({ igedName: "DRE Cusco", regionName: "Cusco" });

    const bySouth = await getRanking({ year, macroregionSlug: "sur", page: 1, pageSize: 25 });
    expect(ranksOf(bySouth.rows)).toEqual([
      ["Cusco DRE", 1],
      ["Puno UGEL", 2],
      ["Cusco UGEL", 3],
    ]);

    const byUgel = await getRanking({ year, igedType: "ugel", page: 1, pageSize: 25 });
    expect(ranksOf(byUgel.rows)).toEqual([
      ["Ica UGEL", 1],
      ["Puno UGEL", 2],
      ["Cusco UGEL", 3],
    ]);

    const southUgel = await getRanking({ year, macroregionSlug: "sur", igedType: "ugel", page: 1, pageSize: 25 });
    expect(ranksOf(southUgel.rows)).toEqual([
      ["Puno UGEL", 1],
      ["Cusco UGEL", 2],
    ]);
    expect(await getOwnPosition(cuscoUgel.id, { year, macroregionSlug: "sur", igedType: "ugel" })).toMatchObject({ rank: 2 });
    // Outside the filters: no rank, but the member still learns their points.
    expect(await getOwnPosition(ica.id, { year, macroregionSlug: "sur" })).toEqual({ rank: null, points: 300, hidden: false });

    const local = await getRanking({ year, igedType: "gobierno_local", page: 1, pageSize: 25 });
    expect(ranksOf(local.rows)).toEqual([["Tumbes Municipio", 1]]);
  });

  test("a member who hides is not listed, yet sees the position they would have", async () => {
    const year = 2033;
    const first = await createMember({ name: "Primera Visible" });
    const hidden = await createMember({ name: "Oculta del Ranking" });
    const third = await createMember({ name: "Tercera Visible" });
    await givePoints(first.id, 200, year);
    await givePoints(hidden.id, 150, year);
    await givePoints(third.id, 100, year);
    await setHiddenFromRanking(hidden.id, true);

    const ranking = await getRanking({ year, page: 1, pageSize: 25 });
    expect(ranksOf(ranking.rows)).toEqual([
      ["Primera Visible", 1],
      ["Tercera Visible", 2],
    ]);
    expect(ranking.total).toBe(2);
    expect(await getOwnPosition(hidden.id, { year })).toEqual({ rank: 2, points: 150, hidden: true });

    await setHiddenFromRanking(hidden.id, false);
    expect(ranksOf((await getRanking({ year, page: 1, pageSize: 25 })).rows)).toEqual([
      ["Primera Visible", 1],
      ["Oculta del Ranking", 2],
      ["Tercera Visible", 3],
    ]);
  });

  test("deactivated members never appear, not even for themselves", async () => {
    const year = 2034;
    const active = await createMember({ name: "Miembro Activo" });
    const gone = await createMember({ name: "Miembro Desactivado" });
    const difoca = await createMember({ role: "difoca", iged: null });
    await givePoints(gone.id, 500, year);
    await givePoints(active.id, 50, year);
    await deactivateMember({ memberId: gone.id, actorId: difoca.id, reason: "Dejó la institución" });

    for (const filters of [{ year }, { year: "all" as const }]) {
      const ranking = await getRanking({ ...filters, page: 1, pageSize: 1000 });
      expect(ranking.rows.map((r) => r.userId)).not.toContain(gone.id);
    }
    expect(ranksOf((await getRanking({ year, page: 1, pageSize: 25 })).rows)).toEqual([["Miembro Activo", 1]]);
    expect(await getOwnPosition(gone.id, { year })).toBeNull();
  });

  test("pages the ranking and gives a member's own position outside the page shown", async () => {
    const year = 2035;
    const names = ["Uno", "Dos", "Tres", "Cuatro", "Cinco"];
    const members = [];
    for (const [i, name] of names.entries()) {
      const member = await createMember({ name: `Página ${name}` });
      await givePoints(member.id, 50 * (names.length - i), year);
      members.push(member);
    }
    const firstPage = await getRanking({ year, page: 1, pageSize: 2 });
    expect(firstPage).toMatchObject({ total: 5, pages: 3, page: 1 });
    expect(ranksOf(firstPage.rows)).toEqual([
      ["Página Uno", 1],
      ["Página Dos", 2],
    ]);
    expect(ranksOf((await getRanking({ year, page: 3, pageSize: 2 })).rows)).toEqual([["Página Cinco", 5]]);
    expect(await getOwnPosition(members[3]!.id, { year })).toEqual({ rank: 4, points: 100, hidden: false });

    const beyond = await getRanking({ year, page: 9, pageSize: 2 });
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(5);
  });

  test("a tie that crosses pages keeps its rank and its order by name on both pages", async () => {
    const year = 2039;
    for (const [name, points] of [["Empate Zoila", 100], ["Líder Único", 150], ["Empate Ana", 100], ["Empate Mario", 100], ["Cola Final", 50]] as const) {
      await givePoints((await createMember({ name })).id, points, year);
    }
    const pages = [];
    for (const page of [1, 2, 3]) pages.push(ranksOf((await getRanking({ year, page, pageSize: 2 })).rows));
    expect(pages).toEqual([
      [
        ["Líder Único", 1],
        ["Empate Ana", 2],
      ],
      [
        ["Empate Mario", 2],
        ["Empate Zoila", 2],
      ],
      [["Cola Final", 5]],
    ]);
  });

  test("all time adds every year; a year counts only its own points", async () => {
    // Madre de Dios is used by this test only, so the all-time ranking can be read in it alone.
    const steady = await createMember({ name: "Constante Madre de Dios", iged: "UGEL Manu" });
    const recent = await createMember({ name: "Reciente Madre de Dios", iged: "UGEL Tambopata" });
    await givePoints(steady.id, 200, 2036);
    await givePoints(steady.id, 200, 2037);
    await givePoints(recent.id, 300, 2037);

    const ofYear = await getRanking({ year: 2037, regionSlug: "madre-de-dios", page: 1, pageSize: 25 });
    expect(ofYear.rows.map((r) => [r.name, r.rank, r.points])).toEqual([
      ["Reciente Madre de Dios", 1, 300],
      ["Constante Madre de Dios", 2, 200],
    ]);
    const allTime = await getRanking({ year: "all", regionSlug: "madre-de-dios", page: 1, pageSize: 25 });
    expect(allTime.rows.map((r) => [r.name, r.rank, r.points])).toEqual([
      ["Constante Madre de Dios", 1, 400],
      ["Reciente Madre de Dios", 2, 300],
    ]);
    expect(await getOwnPosition(recent.id, { year: "all", regionSlug: "madre-de-dios" })).toEqual({ rank: 2, points: 300, hidden: false });
    expect(await getOwnPosition(recent.id, { year: 2036 })).toBeNull();

    const years = await listRankingYears();
    expect(years).toEqual(expect.arrayContaining([2036, 2037]));
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  test("an IGED moved to another region takes its members' points to that region's ranking", async () => {
    const year = 2040;
    const regionId = async (slug: string) =>
      (await getDb().selectFrom("regions").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
    const [pasco, huanuco] = [await regionId("pasco"), await regionId("huanuco")];
    const iged = { name: "UGEL Traslado de Prueba", type: "ugel" as const, actorId: null };
    const created = await createIged({ ...iged, regionId: pasco });
    if (!created.ok) throw new Error("the IGED was not created");
    const mover = await createMember({ name: "Gestora Trasladada", iged: iged.name });
    await givePoints(mover.id, 100, year);
    const names = async (regionSlug: string, period: number | "all") =>
      (await getRanking({ year: period, regionSlug, page: 1, pageSize: 100 })).rows.map((r) => r.name);

    expect(await names("pasco", year)).toEqual(["Gestora Trasladada"]);
    expect(await names("pasco", "all")).toContain("Gestora Trasladada");
    expect(await names("huanuco", year)).toEqual([]);

    expect(await updateIged({ ...iged, igedId: created.igedId, regionId: huanuco })).toMatchObject({ ok: true, changed: true });
    expect(await names("pasco", year)).toEqual([]);
    expect(await names("pasco", "all")).not.toContain("Gestora Trasladada");
    expect(await names("huanuco", "all")).toContain("Gestora Trasladada");
    const moved = await getRanking({ year, regionSlug: "huanuco", page: 1, pageSize: 25 });
    expect(moved.rows.map((r) => [r.name, r.rank, r.points, r.regionName])).toEqual([["Gestora Trasladada", 1, 100, "Huánuco"]]);
    expect(moved.total).toBe(1);
    expect(await getOwnPosition(mover.id, { year, regionSlug: "huanuco" })).toEqual({ rank: 1, points: 100, hidden: false });

    // Points earned after the move, in a year the member had no points yet, count there too.
    await givePoints(mover.id, 50, year + 1);
    expect(await names("huanuco", year + 1)).toEqual(["Gestora Trasladada"]);
    expect(await names("pasco", year + 1)).toEqual([]);
  });

  test("shows each member's tier of the year, checking the requirement of the top tier", async () => {
    const year = 2038;
    const withPractice = await createMember({ name: "Transformadora con práctica" });
    const withoutPractice = await createMember({ name: "Destacado sin práctica avanzada" });
    const difoca = await createMember({ role: "difoca", iged: null });
    const practice = await makePractice({ authorId: withPractice.id, publish: true });
    await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "avanzado", note: "Consolidada" });
    await givePoints(withPractice.id, 800, year);
    await givePoints(withoutPractice.id, 850, year);

    const ranking = await getRanking({ year, page: 1, pageSize: 25 });
    expect(ranking.rows.map((r) => [r.name, r.tierName])).toEqual([
      ["Destacado sin práctica avanzada", "Gestor destacado"],
      ["Transformadora con práctica", "Gestor transformador"],
    ]);
  });
});
