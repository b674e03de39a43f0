// Loads the demo walls through the platform's own functions, so the demo shows exactly what the
// platform does: points for posts, contributions and "useful" marks, follows and notifications,
// DIFOCA's accompaniment, an open report in the queue, a contribution hidden with its reason, a
// solved challenge and an initiative that became a practice draft.
import { getIgedByName } from "~/models/iged.server";
import { getThematicLineByName } from "~/models/thematic-line.server";
import { getMemberByEmail } from "~/models/user.server";
import {
  addWallReply,
  convertInitiativeToPractice,
  createWallPost,
  hideWallReply,
  listWallFeed,
  reportWallContent,
  setAccompaniment,
  setChallengeStatus,
  setContributionUseful,
  setPostReaction,
  setReplyReaction,
  type WallResult,
} from "~/models/wall.server";
import { createMember } from "../../tests/factories/members";
import { DEMO_PASSWORD } from "./accounts";
import { WALL_MEMBERS, WALL_POSTS, type WallPostSeed } from "./walls";

/** "2026-05-04 09:30" in Lima as an ISO instant. */
function limaTime(at: string): string {
  const date = new Date(`${at.replace(" ", "T")}:00.000-05:00`);
  if (Number.isNaN(date.getTime())) throw new Error(`Demo: fecha no válida ${at}`);
  return date.toISOString();
}

async function memberId(email: string): Promise<number> {
  const member = await getMemberByEmail(email);
  if (!member) throw new Error(`Demo: no existe el miembro ${email}`);
  return member.id;
}

function check<T>(result: WallResult<T>, what: string): asserts result is { ok: true } & T {
  if (!result.ok) throw new Error(`Demo: ${what} fue rechazado (${result.reason})`);
}

async function seedPost(seed: WallPostSeed, difocaId: number): Promise<void> {
  const authorId = await memberId(seed.author);
  const iged = await getIgedByName(seed.iged);
  if (!iged) throw new Error(`Demo: no existe la IGED ${seed.iged}`);
  const line = await getThematicLineByName(seed.thematicLine);
  if (!line) throw new Error(`Demo: no existe la línea temática ${seed.thematicLine}`);

  const { id: postId } = await createWallPost({
    kind: seed.kind,
    authorId,
    at: limaTime(seed.at),
    title: seed.title,
    summary: seed.summary,
    body: seed.body,
    links: seed.links,
    tags: seed.tags,
    thematicLineId: line.id,
    igedId: iged.id,
    regionId: iged.regionId,
  });

  const replyIds: number[] = [];
  for (const reply of seed.replies) {
    const added = await addWallReply({ postId, authorId: await memberId(reply.author), body: reply.body, at: limaTime(reply.at) });
    check(added, `el aporte de ${reply.author} a «${seed.title}»`);
    replyIds.push(added.id);
  }

  for (const email of seed.interested) check(await setPostReaction({ postId, userId: await memberId(email), on: true }), `«me interesa» de ${email}`);

  for (const [index, reply] of seed.replies.entries()) {
    const replyId = replyIds[index]!;
    for (const email of reply.meSirve ?? []) check(await setReplyReaction({ replyId, userId: await memberId(email), on: true }), `«me sirve» de ${email}`);
    if (reply.useful) check(await setContributionUseful({ replyId, actorId: authorId, useful: true }), `la marca de útil en «${seed.title}»`);
  }

  if (seed.accompanied) check(await setAccompaniment({ postId, actorId: difocaId, on: true }), `el acompañamiento de «${seed.title}»`);

  // Reports and hiding come last: a hidden reply takes no more reactions.
  for (const [index, reply] of seed.replies.entries()) {
    const replyId = replyIds[index]!;
    if (reply.report) {
      const reporterId = await memberId(reply.report.reporter);
      check(await reportWallContent({ postId, replyId, reporterId, reason: reply.report.reason, details: reply.report.details }), `el reporte en «${seed.title}»`);
    }
    if (reply.hiddenReason) check(await hideWallReply({ replyId, actorId: difocaId, reason: reply.hiddenReason }), `ocultar un aporte de «${seed.title}»`);
  }

  if (seed.resolved) check(await setChallengeStatus({ postId, actorId: authorId, status: "resuelto" }), `resolver «${seed.title}»`);
  if (seed.becomesPractice) check(await convertInitiativeToPractice({ postId, actorId: authorId }), `convertir «${seed.title}» en práctica`);
}

/** Loads the demo walls once: after the practices and badges, into walls that are still empty. */
export async function seedWalls(difocaId: number): Promise<void> {
  const [challenges, initiatives] = await Promise.all([
    listWallFeed({ kind: "challenge", pageSize: 1 }),
    listWallFeed({ kind: "initiative", pageSize: 1 }),
  ]);
  if (challenges.total > 0 || initiatives.total > 0) return;
  for (const member of WALL_MEMBERS) {
    if (!(await getMemberByEmail(member.email))) await createMember({ ...member, role: "gestor", password: DEMO_PASSWORD });
  }
  // Posts in date order, so ids and the feed read like the walls' history.
  const posts = [...WALL_POSTS].sort((a, b) => a.at.localeCompare(b.at));
  for (const seed of posts) await seedPost(seed, difocaId);
}
