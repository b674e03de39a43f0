import { afterAll, describe, expect, test } from "vitest";
import { createDatabase } from "../../db/connection";
import { getHomeHighlights, getPublicDashboard } from "~/models/dashboard.server";
import { awardPoints } from "~/models/points.server";
import { getPracticeDetail, listCatalog } from "~/models/practice.server";
import { getRanking } from "~/models/ranking.server";
import { listMacroregions, listRegions } from "~/models/region.server";
import { getMember } from "~/models/user.server";
import { createWallPost, listWallFeed } from "~/models/wall.server";
import { listThematicLines } from "~/models/thematic-line.server";
import { currentYear } from "~/models/tier.server";
import { cachedAggregate, MAX_KEPT_VALUES } from "~/utils/cache.server";
import { getDb } from "~/utils/db.server";
import { createMember } from "../../tests/factories/members";
import { makePractice } from "../../tests/factories/practices";

// Another connection to the same file plays the part of another server process.
const otherProcess = createDatabase(process.env.DATABASE_PATH);
afterAll(() => otherProcess.destroy());

function counter() {
  let runs = 0;
  return { compute: async () => ++runs, runs: () => runs };
}

describe("cached aggregates", () => {
  test("are served from memory while no data changed", async () => {
    const c = counter();
    expect(await cachedAggregate("quiet", c.compute)).toBe(1);
    expect(await cachedAggregate("quiet", c.compute)).toBe(1);
    expect(c.runs()).toBe(1);
  });

  test("are computed again after this process writes", async () => {
    const c = counter();
    await cachedAggregate("own-write", c.compute);
    await createMember({ iged: "UGEL Huaraz" });
    expect(await cachedAggregate("own-write", c.compute)).toBe(2);
  });

  test("are computed again after another process writes", async () => {
    const c = counter();
    await cachedAggregate("other-write", c.compute);
    await otherProcess.updateTable("regions").set({ name: "Junín" }).where("slug", "=", "junin").execute();
    expect(await cachedAggregate("other-write", c.compute)).toBe(2);
  });

  test("share one computation between requests that arrive together", async () => {
    const c = counter();
    const [a, b] = await Promise.all([cachedAggregate("together", c.compute), cachedAggregate("together", c.compute)]);
    expect([a, b]).toEqual([1, 1]);
    expect(c.runs()).toBe(1);
  });

  test("do not keep a failed computation", async () => {
    await expect(cachedAggregate("failing", () => Promise.reject(new Error("sin base")))).rejects.toThrow("sin base");
    expect(await cachedAggregate("failing", async () => "ok")).toBe("ok");
  });

  test("keep at most a bounded number of values, forgetting the least recently read first", async () => {
    const first = counter();
    const second = counter();
    await cachedAggregate("bounded-first", first.compute);
    await cachedAggregate("bounded-second", second.compute);
    for (let i = 0; i < MAX_KEPT_VALUES - 2; i++) await cachedAggregate(`bounded-${i}`, async () => i);
    // Read again, "bounded-first" becomes the most recent: the next new key pushes out "bounded-second".
    expect(await cachedAggregate("bounded-first", first.compute)).toBe(1);
    await cachedAggregate("bounded-one-more", async () => "más");
    expect(await cachedAggregate("bounded-first", first.compute)).toBe(1);
    expect(await cachedAggregate("bounded-second", second.compute)).toBe(2);
    expect(first.runs()).toBe(1);
  });

  test("are kept apart for each database handle", async () => {
    const c = counter();
    expect(await cachedAggregate("per-database", c.compute)).toBe(1);
    expect(await cachedAggregate("per-database", c.compute, otherProcess)).toBe(2);
    expect(await cachedAggregate("per-database", c.compute)).toBe(1);
  });

  test("are frozen, so that no request can change what the next one reads", async () => {
    const value = await cachedAggregate("frozen", async () => [{ name: "Cusco", tags: ["sur"] }]);
    expect(() => value.push({ name: "Lima", tags: [] })).toThrow(TypeError);
    expect(() => {
      value[0]!.name = "Otra";
    }).toThrow(TypeError);
    expect(() => value[0]!.tags.push("norte")).toThrow(TypeError);
    const again = await cachedAggregate("frozen", async (): Promise<{ name: string; tags: string[] }[]> => []);
    expect(again).toEqual([{ name: "Cusco", tags: ["sur"] }]);
  });

  test("are not kept inside a transaction, which may still roll back", async () => {
    const c = counter();
    await getDb()
      .transaction()
      .execute(async (trx) => {
        await cachedAggregate("in-transaction", c.compute, trx);
        await cachedAggregate("in-transaction", c.compute, trx);
      });
    expect(c.runs()).toBe(2);
  });
});

describe("the cached figures of the panel and the home page", () => {
  test("count a member who just registered", async () => {
    const year = currentYear();
    const before = await getPublicDashboard(year);
    const home = await getHomeHighlights();
    await createMember({ iged: "DRE Junín" });
    expect((await getPublicDashboard(year)).members.registered).toBe(before.members.registered + 1);
    expect((await getHomeHighlights()).figures.members).toBe(home.figures.members + 1);
  });
});

describe("the reference lists every page reads", () => {
  test("show a change made by another process on the next read", async () => {
    const macroregion = (await listMacroregions()).find((m) => m.slug === "sur")!;
    const region = (await listRegions()).find((r) => r.slug === "cusco")!;
    expect(region.macroregionName).toBe(macroregion.name);
    await otherProcess.updateTable("macroregions").set({ name: "Macrorregión Sur Andina" }).where("slug", "=", "sur").execute();
    expect((await listMacroregions()).find((m) => m.slug === "sur")!.name).toBe("Macrorregión Sur Andina");
    expect((await listRegions()).find((r) => r.slug === "cusco")!.macroregionName).toBe("Macrorregión Sur Andina");

    const lines = await listThematicLines();
    await otherProcess.updateTable("thematicLines").set({ active: 0 }).where("id", "=", lines[0]!.id).execute();
    expect((await listThematicLines()).map((l) => l.id)).toEqual(lines.slice(1).map((l) => l.id));
    expect((await listThematicLines({ includeInactive: true })).find((l) => l.id === lines[0]!.id)?.active).toBe(false);
  });
});

describe("the reads of the public pages (ADR 016)", () => {
  test("show a change made by another process on the next read, and are frozen", async () => {
    const practice = await makePractice({ title: "Mesas técnicas de Tumbes", publish: true });
    const member = await createMember({ name: "Rosa Elvira Chávez Ruiz", iged: "UGEL Huaraz" });
    const before = await getPracticeDetail(practice.slug);
    const catalog = await listCatalog({ query: "tumbes" });
    expect(catalog.items.map((i) => i.title)).toEqual(["Mesas técnicas de Tumbes"]);
    expect(Object.isFrozen(before)).toBe(true);
    expect((await getMember(member.id))?.name).toBe("Rosa Elvira Chávez Ruiz");

    await otherProcess.updateTable("practices").set({ summary: "Resumen cambiado por otro proceso." }).where("id", "=", practice.id).execute();
    await otherProcess.updateTable("users").set({ name: "Rosa Elvira Chávez de Ruiz" }).where("id", "=", member.id).execute();
    expect((await getPracticeDetail(practice.slug))?.summary).toBe("Resumen cambiado por otro proceso.");
    expect((await listCatalog({ query: "tumbes" })).items[0]?.summary).toBe("Resumen cambiado por otro proceso.");
    expect((await getMember(member.id))?.name).toBe("Rosa Elvira Chávez de Ruiz");
  });

  test("show what this process just wrote: a new challenge on the wall, new points in the ranking", async () => {
    const author = await createMember({ iged: "UGEL Huaraz" });
    const feed = await listWallFeed({ kind: "challenge" });
    const ranking = await getRanking({ year: currentYear() });
    const region = (await listRegions()).find((r) => r.slug === "ancash")!;
    await createWallPost({
      kind: "challenge",
      authorId: author.id,
      title: "Actas de notas que llegan tarde a la UGEL",
      summary: "",
      body: "Cada bimestre las actas llegan con semanas de retraso.",
      links: [],
      tags: [],
      thematicLineId: null,
      igedId: null,
      regionId: region.id,
    });
    const after = await listWallFeed({ kind: "challenge" });
    expect(after.total).toBe(feed.total + 1);
    expect(after.items[0]?.title).toBe("Actas de notas que llegan tarde a la UGEL");
    await awardPoints({ userId: author.id, action: "practice_published", subjectType: null, subjectId: null, key: `kept-ranking:${author.id}`, occurredAt: new Date().toISOString() });
    expect((await getRanking({ year: currentYear() })).total).toBe(ranking.total + 1);
  });
});
