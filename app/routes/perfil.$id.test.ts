import { describe, expect, test } from "vitest";
import { adjustPoints } from "~/models/points.server";
import { hideWallPost } from "~/models/wall.server";
import { loader } from "~/routes/perfil.$id";
import { createMember } from "../../tests/factories/members";
import { makeChallenge, makeInitiative } from "../../tests/factories/walls";
import { context, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

interface WallPostRow {
  title: string;
  link: string;
  kind: string;
  status: string;
  hidden: boolean;
}

async function wallPostsSeenBy(memberId: number, viewerId: number | null): Promise<WallPostRow[]> {
  const cookie = viewerId === null ? undefined : await sessionCookieFor(viewerId);
  const response = await respond(() => loader({ request: getRequest(`/perfil/${memberId}`, cookie), params: { id: String(memberId) }, context }));
  return (await response.json()).wallPosts;
}

describe("/perfil/:id, the member's wall posts", () => {
  test("everyone sees the visible ones; a hidden one only its author and DIFOCA, marked hidden", async () => {
    const author = await createMember({ iged: "UGEL Huaraz" });
    const difoca = await createMember({ role: "difoca", iged: null });
    const other = await createMember();
    const challenge = await makeChallenge({ authorId: author.id, title: "Escuelas rurales sin plan de gestión del riesgo" });
    const initiative = await makeInitiative({ authorId: author.id, title: "Simulacros con alerta por radio comunitaria" });
    await hideWallPost({ postId: initiative.id, actorId: difoca.id, reason: "Incluye datos personales de una estudiante." });

    for (const viewer of [null, other.id]) {
      expect(await wallPostsSeenBy(author.id, viewer)).toEqual([
        expect.objectContaining({ title: "Escuelas rurales sin plan de gestión del riesgo", link: `/desafios/${challenge.id}`, kind: "Desafío", status: "Abierto", hidden: false }),
      ]);
    }
    for (const viewer of [author.id, difoca.id]) {
      const posts = await wallPostsSeenBy(author.id, viewer);
      expect(posts.find((p) => p.link === `/iniciativas/${initiative.id}`)).toMatchObject({ kind: "Iniciativa", status: "En curso", hidden: true });
      expect(posts).toHaveLength(2);
    }
  });
});

describe("/perfil/:id, the points history", () => {
  test("a visitor and another member read no moderation reasons nor hidden titles; the member and DIFOCA do", async () => {
    const author = await createMember({ iged: "UGEL Huaraz" });
    const difoca = await createMember({ role: "difoca", iged: null });
    const other = await createMember();
    const hidden = await makeChallenge({ authorId: author.id, title: "Caso de acoso en la IE 3021" });
    await hideWallPost({ postId: hidden.id, actorId: difoca.id, reason: "Expone a una menor de edad." });
    await adjustPoints({ userId: author.id, points: -5, reason: "Puntos duplicados por error.", actorId: difoca.id });
    const historyOf = async (viewerId: number | null) => {
      const cookie = viewerId === null ? undefined : await sessionCookieFor(viewerId);
      const response = await respond(() => loader({ request: getRequest(`/perfil/${author.id}`, cookie), params: { id: String(author.id) }, context }));
      return JSON.stringify((await response.json()).points.entries);
    };
    for (const viewer of [null, other.id]) {
      const history = await historyOf(viewer);
      expect(history).toContain("Desafío publicado");
      expect(history).not.toMatch(/acoso|menor de edad|duplicados/);
      expect(history).not.toContain(`/desafios/${hidden.id}`);
    }
    for (const viewer of [author.id, difoca.id]) {
      const history = await historyOf(viewer);
      expect(history).toContain("Publicación ocultada por DIFOCA: Expone a una menor de edad.");
      expect(history).toContain("Caso de acoso en la IE 3021");
      expect(history).toContain("Puntos duplicados por error.");
    }
  });
});
