import { describe, expect, test } from "vitest";
import { adjustPoints, awardPoints } from "~/models/points.server";
import { loader as profileLoader } from "~/routes/perfil.$id";
import { loader } from "~/routes/perfil.$id_.puntos";
import { createMember } from "../../tests/factories/members";
import { context, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

interface Entry {
  points: number;
  label: string;
  reason: string | null;
}

async function historyPage(memberId: number, query: string, viewerId: number | null) {
  const cookie = viewerId === null ? undefined : await sessionCookieFor(viewerId);
  const response = await respond(() => loader({ request: getRequest(`/perfil/${memberId}/puntos${query}`, cookie), params: { id: String(memberId) }, context }));
  expect(response.status).toBe(200);
  const { points } = await response.json();
  return points as { entries: Entry[]; page: number; pages: number; totalEntries: number; total: number };
}

describe("/perfil/:id/puntos, the whole points history", () => {
  test("holds every entry by pages of 50, newest first; the profile shows the 10 most recent and links here", async () => {
    const member = await createMember();
    const difoca = await createMember({ role: "difoca", iged: null });
    // Published years ago, written last: an award is shown on the day of what earned it.
    await awardPoints({ userId: member.id, action: "challenge_posted", subjectType: "challenge", subjectId: 1, key: `history:${member.id}:old`, occurredAt: "2024-02-10T15:00:00.000Z" });
    for (let i = 1; i <= 55; i++) await adjustPoints({ userId: member.id, points: i, reason: `Ajuste número ${i}.`, actorId: difoca.id });

    const first = await historyPage(member.id, "", member.id);
    expect({ page: first.page, pages: first.pages, totalEntries: first.totalEntries }).toEqual({ page: 1, pages: 2, totalEntries: 56 });
    expect(first.entries.map((e) => e.points)).toEqual(Array.from({ length: 50 }, (_, i) => 55 - i));
    const second = await historyPage(member.id, "?pagina=2", member.id);
    expect(second.entries.map((e) => e.points)).toEqual([5, 4, 3, 2, 1, 10]);
    expect(second.entries.at(-1)).toMatchObject({ label: "Desafío publicado" });

    // A page past the end shows the last one; anything else that is not a page, the first.
    expect((await historyPage(member.id, "?pagina=99", member.id)).entries).toEqual(second.entries);
    expect((await historyPage(member.id, "?pagina=dos", member.id)).entries).toEqual(first.entries);

    const profile = await respond(() => profileLoader({ request: getRequest(`/perfil/${member.id}`), params: { id: String(member.id) }, context }));
    const { points } = await profile.json();
    expect(points.entries.map((e: Entry) => e.points)).toEqual(Array.from({ length: 10 }, (_, i) => 55 - i));
    expect(points.totalEntries).toBe(56);
  });

  test("others read no reasons of adjustments, as on the profile; the member does", async () => {
    const member = await createMember();
    const difoca = await createMember({ role: "difoca", iged: null });
    await adjustPoints({ userId: member.id, points: -5, reason: "Puntos duplicados por error.", actorId: difoca.id });
    for (const viewer of [null, (await createMember()).id]) {
      expect((await historyPage(member.id, "", viewer)).entries).toEqual([expect.objectContaining({ points: -5, reason: null })]);
    }
    expect((await historyPage(member.id, "", member.id)).entries).toEqual([expect.objectContaining({ points: -5, reason: "Puntos duplicados por error." })]);
  });

  test("a profile that does not exist is a 404", async () => {
    for (const id of ["0", "abc", "999999"]) {
      const response = await respond(() => loader({ request: getRequest(`/perfil/${id}/puntos`), params: { id }, context }));
      expect(response.status).toBe(404);
    }
  });
});
