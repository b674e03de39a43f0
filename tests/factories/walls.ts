// Challenges and initiatives for tests, made through the wall model.
import { getIgedByName } from "~/models/iged.server";
import { createWallPost, type WallKind } from "~/models/wall.server";
import { getThematicLineByName } from "~/models/thematic-line.server";
import { createMember } from "./members";

export async function makeWallPost(
  kind: WallKind,
  overrides: { authorId?: number; iged?: string; title?: string; body?: string; summary?: string; tags?: string[]; links?: string[]; line?: string; at?: string } = {},
) {
  const ugel = overrides.iged ?? "UGEL Huaraz";
  const authorId = overrides.authorId ?? (await createMember({ iged: ugel })).id;
  const iged = await getIgedByName(ugel);
  if (!iged) throw new Error(`No existe la IGED ${ugel}`);
  const line = overrides.line ? await getThematicLineByName(overrides.line) : undefined;
  const { id } = await createWallPost({
    kind,
    authorId,
    title: overrides.title ?? (kind === "challenge" ? `Desafío de prueba ${Math.random().toString(36).slice(2, 8)}` : `Iniciativa de prueba ${Math.random().toString(36).slice(2, 8)}`),
    summary: kind === "initiative" ? (overrides.summary ?? "Una iniciativa que estamos probando en tres distritos.") : "",
    body: overrides.body ?? "Describimos lo que pasa, a quiénes afecta y lo que ya intentamos hacer.",
    links: overrides.links ?? [],
    tags: overrides.tags ?? [],
    thematicLineId: line?.id ?? null,
    igedId: iged.id,
    regionId: iged.regionId,
    at: overrides.at,
  });
  return { id, authorId };
}

export const makeChallenge = (overrides: Parameters<typeof makeWallPost>[1] = {}) => makeWallPost("challenge", overrides);
export const makeInitiative = (overrides: Parameters<typeof makeWallPost>[1] = {}) => makeWallPost("initiative", overrides);
