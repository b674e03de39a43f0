import { describe, expect, test } from "vitest";
import { awardPoints } from "~/models/points.server";
import { isHiddenFromRanking, setHiddenFromRanking } from "~/models/ranking.server";
import { currentYear } from "~/models/tier.server";
import { action, loader } from "~/routes/ranking._index";
import { createMember } from "../../tests/factories/members";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

let sequence = 0;
async function givePoints(userId: number, points: number, year: number) {
  for (let i = 0; i < points / 50; i++) {
    await awardPoints({
      userId,
      action: "practice_published",
      subjectType: null,
      subjectId: null,
      key: `ranking-route-test:${userId}:${++sequence}`,
      occurredAt: `${year}-08-20T14:00:00.000Z`,
    });
  }
}

type RankingData = {
  filters: { anio: string; region: string };
  ranking: { rows: { name: string; rank: number; tierName: string | null }[]; total: number };
  viewer: { id: number; hidden: boolean; own: { rank: number | null; points: number; hidden: boolean } | null } | null;
  options: { years: { value: string }[] };
  tiers: { name: string; minPoints: number; requirements: string[] }[];
};

async function load(path: string, cookie?: string): Promise<RankingData> {
  const response = await respond(() => loader({ request: getRequest(path, cookie), params: {}, context }));
  expect(response.status).toBe(200);
  return response.json();
}

describe("/ranking", () => {
  test("anyone reads a year's ranking, with its filters kept from the address", async () => {
    const leader = await createMember({ name: "Líder de Junín", iged: "DRE Junín" });
    await givePoints(leader.id, 350, 2040);
    const data = await load("/ranking?anio=2040&region=junin&tipo=nada");
    expect(data.filters).toMatchObject({ anio: "2040", region: "junin" });
    expect(data.ranking.rows.map((r) => [r.name, r.rank, r.tierName])).toEqual([["Líder de Junín", 1, "Gestor destacado"]]);
    expect(data.viewer).toBeNull();
    expect(data.options.years.map((y) => y.value)).toContain("2040");
    expect(data.tiers.map((t) => t.name)).toEqual(["Gestor participativo", "Gestor destacado", "Gestor transformador"]);
    expect(data.tiers[2]!.requirements).toEqual(["Integrar el equipo de una práctica en estadio avanzado o completar una transferencia"]);

    // An unknown year falls back to the current one; "todo" is all time.
    expect((await load("/ranking?anio=1999")).filters.anio).toBe(String(currentYear()));
    expect((await load("/ranking?anio=todo")).filters.anio).toBe("todo");
  });

  test("the signed-in member sees their own position even outside the page, and even when hidden", async () => {
    const year = 2041;
    const members = [];
    for (let i = 0; i < 27; i++) {
      const member = await createMember({ name: `Miembro ${String(i).padStart(2, "0")} del ranking` });
      await givePoints(member.id, 50 * (30 - i), year);
      members.push(member);
    }
    const last = members[26]!;
    const cookie = await sessionCookieFor(last.id);
    const data = await load(`/ranking?anio=${year}`, cookie);
    expect(data.ranking.rows).toHaveLength(25);
    expect(data.ranking.total).toBe(27);
    expect(data.viewer).toEqual({ id: last.id, hidden: false, own: { rank: 27, points: 200, hidden: false } });

    await setHiddenFromRanking(last.id, true);
    const hidden = await load(`/ranking?anio=${year}&pagina=2`, cookie);
    expect(hidden.ranking.total).toBe(26);
    expect(hidden.ranking.rows.map((r) => r.name)).toEqual(["Miembro 25 del ranking"]);
    expect(hidden.viewer).toEqual({ id: last.id, hidden: true, own: { rank: 27, points: 200, hidden: true } });
  });

  test("a signed-in member hides from the ranking and comes back, with a message", async () => {
    const member = await createMember();
    const cookie = await sessionCookieFor(member.id);
    const hide = await respond(() =>
      action({ request: formRequest("/ranking", { intent: "hide", redirectTo: "/ranking?anio=todo" }, cookie), params: {}, context }),
    );
    expect(hide.status).toBe(302);
    expect(hide.headers.get("Location")).toBe("/ranking?anio=todo");
    expect(hide.headers.get("Set-Cookie")).toMatch(/cop_aviso=/);
    expect(await isHiddenFromRanking(member.id)).toBe(true);

    // Nowhere but the ranking to go back to.
    const show = await respond(() =>
      action({ request: formRequest("/ranking", { intent: "show", redirectTo: "https://otro.example/x" }, cookie), params: {}, context }),
    );
    expect(show.headers.get("Location")).toBe("/ranking");
    expect(await isHiddenFromRanking(member.id)).toBe(false);

    const bad = await respond(() => action({ request: formRequest("/ranking", { intent: "borrar" }, cookie), params: {}, context }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.intent).toBe("La acción no es válida.");
  });

  test("hiding needs a signed-in member", async () => {
    const response = await respond(() => action({ request: formRequest("/ranking", { intent: "hide" }), params: {}, context }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/ingresar\?redirectTo=/);
  });
});
