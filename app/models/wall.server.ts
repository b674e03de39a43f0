// The challenge wall and the initiative wall: posts, their replies (contributions to a challenge,
// comments on an initiative), "me sirve" and reactions, follows, accompaniment by DIFOCA, hiding
// and restoring, reports, and an initiative turning into a practice draft. Every write that earns
// points or tells someone something does it in the same transaction as the write itself.
import { sql } from "kysely";
import type { WallKind, WallStatus } from "../../db/schema";
import { recordAudit } from "~/models/audit.server";
import { notify, type NotificationInput } from "~/models/notification.server";
import { limaMonthOf, recordMemberActivity, refreshMemberActivityMonth } from "~/models/activity.server";
import { awardPoints, awardRepeatablePoints, reverseSubjectPoints } from "~/models/points.server";
import { createPractice, type PracticeCore } from "~/models/practice.server";
import { regionIdBySlug, regionIdsOfMacroregion } from "~/models/region.server";
import { thematicLineIdBySlug } from "~/models/thematic-line.server";
import { nowIso, limaYearBounds } from "~/utils/dates";
import { cachedAggregate } from "~/utils/cache.server";
import { getDb, writeTransaction, type DB } from "~/utils/db.server";
import { indexWallPost, toMatchQuery, wallPostMatches } from "~/utils/search.server";
import { CHALLENGE_STATUSES, WALLS, type ReportReason, type WallSort } from "~/utils/wall-labels";

export type { WallKind, WallStatus } from "../../db/schema";

/** Why a wall action was refused; the route turns it into a status and a Spanish message. */
export type WallRefusal =
  | "not_found" // no such post or reply, or hidden from this member
  | "not_author" // only the author may do this
  | "own_content" // members do not react to, mark or report their own content
  | "hidden" // the content is hidden: no new replies, reactions or reports
  | "wrong_kind" // e.g. "useful" on an initiative's comment
  | "already_converted"
  | "no_iged"; // a practice needs a leading IGED

export type WallResult<T = object> = ({ ok: true } & T) | { ok: false; reason: WallRefusal };

const refuse = (reason: WallRefusal) => ({ ok: false, reason }) as const;

// Point actions of each kind of post and reply (rules in /admin/puntos).
const POST_ACTION: Record<WallKind, string> = { challenge: "challenge_posted", initiative: "initiative_posted" };
const REPLY_ACTION: Record<WallKind, string> = { challenge: "challenge_contribution", initiative: "comment" };
const USEFUL_ACTION = "contribution_useful";

export function wallPostPath(post: { kind: WallKind; id: number }): string {
  return `${WALLS[post.kind].path}/${post.id}`;
}

// ---------------------------------------------------------------------------------------------
// Writing posts

export interface WallPostFields {
  title: string;
  /** The initiative's summary; "" for challenges. */
  summary: string;
  body: string;
  links: string[];
  tags: string[];
  thematicLineId: number | null;
  igedId: number | null;
  /** Used when no IGED is given; otherwise the IGED's region wins. */
  regionId: number;
}

/** Lower case, single spaces, no leading "#": "Gestión del riesgo" and "#gestión del  riesgo" are one tag. */
export function normalizeTag(tag: string): string {
  return tag.normalize("NFC").replace(/^#+/, "").replace(/\s+/g, " ").trim().toLowerCase();
}

async function regionForPost(fields: Pick<WallPostFields, "igedId" | "regionId">, db: DB): Promise<number> {
  if (fields.igedId === null) return fields.regionId;
  const iged = await db.selectFrom("igeds").select("regionId").where("id", "=", fields.igedId).executeTakeFirstOrThrow();
  return iged.regionId;
}

async function setTags(postId: number, tags: string[], db: DB): Promise<void> {
  await db.deleteFrom("wallPostTags").where("postId", "=", postId).execute();
  const unique = [...new Set(tags.map(normalizeTag).filter((t) => t.length > 0))];
  if (unique.length > 0) await db.insertInto("wallPostTags").values(unique.map((tag) => ({ postId, tag }))).execute();
}

async function follow(postId: number, userId: number, at: string, db: DB): Promise<void> {
  await db
    .insertInto("wallFollows")
    .values({ postId, userId, createdAt: at })
    .onConflict((oc) => oc.columns(["postId", "userId"]).doNothing())
    .execute();
}

/** Adds `delta` to a wall's stored count of visible posts in a region, inside the caller's write. */
async function countVisiblePost(kind: WallKind, regionId: number, delta: 1 | -1, db: DB): Promise<void> {
  await db
    .insertInto("wallPostCounts")
    .values({ kind, regionId, visible: delta })
    .onConflict((oc) => oc.columns(["kind", "regionId"]).doUpdateSet((eb) => ({ visible: eb("wallPostCounts.visible", "+", delta) })))
    .execute();
}

/**
 * Counts every wall's visible posts per region again from the posts themselves: after posts were
 * written in bulk (the benchmark's data), never needed by the platform's own writes.
 */
export async function recountWallPosts(db: DB = getDb()): Promise<void> {
  await db.deleteFrom("wallPostCounts").execute();
  await db
    .insertInto("wallPostCounts")
    .columns(["kind", "regionId", "visible"])
    .expression((eb) =>
      eb
        .selectFrom("wallPosts")
        .select(["wallPosts.kind", "wallPosts.regionId", (e) => e.fn.countAll<number>().as("visible")])
        .where("wallPosts.hiddenAt", "is", null)
        .groupBy(["wallPosts.kind", "wallPosts.regionId"]),
    )
    .execute();
}

/** Publishes a challenge or an initiative: its author earns the points and follows it. `at` dates it (demo history). */
export async function createWallPost(input: WallPostFields & { kind: WallKind; authorId: number; at?: string }, db: DB = getDb()): Promise<{ id: number }> {
  return writeTransaction(db, async (trx) => {
    const at = input.at ?? nowIso();
    const regionId = await regionForPost(input, trx);
    const { id } = await trx
      .insertInto("wallPosts")
      .values({
        kind: input.kind,
        title: input.title,
        summary: input.kind === "initiative" ? input.summary : "",
        body: input.body,
        links: JSON.stringify(input.kind === "initiative" ? input.links : []),
        thematicLineId: input.thematicLineId,
        regionId,
        igedId: input.igedId,
        status: WALLS[input.kind].initialStatus,
        authorId: input.authorId,
        accompaniedBy: null,
        accompaniedAt: null,
        practiceId: null,
        lastActivityAt: at,
        hiddenAt: null,
        hiddenBy: null,
        hiddenReason: null,
        createdAt: at,
        updatedAt: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await countVisiblePost(input.kind, regionId, 1, trx);
    await setTags(id, input.tags, trx);
    await follow(id, input.authorId, at, trx);
    await awardPoints(
      { userId: input.authorId, action: POST_ACTION[input.kind], subjectType: "wall_post", subjectId: id, key: `${POST_ACTION[input.kind]}:${id}`, occurredAt: at },
      trx,
    );
    // The post counts as activity even when a daily cap left it without points.
    await recordMemberActivity({ userId: input.authorId, month: limaMonthOf(at) }, trx);
    await indexWallPost(id, trx);
    return { id };
  });
}

/** The author edits their post. Hidden posts may be edited too: the author can fix what DIFOCA pointed out. */
export async function updateWallPost(input: WallPostFields & { postId: number; editorId: number }, db: DB = getDb()): Promise<WallResult> {
  return writeTransaction(db, async (trx) => {
    const post = await trx.selectFrom("wallPosts").select(["kind", "authorId", "regionId", "hiddenAt"]).where("id", "=", input.postId).executeTakeFirst();
    if (!post) return refuse("not_found");
    if (post.authorId !== input.editorId) return refuse("not_author");
    const regionId = await regionForPost(input, trx);
    if (regionId !== post.regionId && post.hiddenAt === null) {
      await countVisiblePost(post.kind, post.regionId, -1, trx);
      await countVisiblePost(post.kind, regionId, 1, trx);
    }
    await trx
      .updateTable("wallPosts")
      .set({
        title: input.title,
        summary: post.kind === "initiative" ? input.summary : "",
        body: input.body,
        links: JSON.stringify(post.kind === "initiative" ? input.links : []),
        thematicLineId: input.thematicLineId,
        regionId,
        igedId: input.igedId,
        updatedAt: nowIso(),
      })
      .where("id", "=", input.postId)
      .execute();
    await setTags(input.postId, input.tags, trx);
    await indexWallPost(input.postId, trx);
    return { ok: true } as const;
  });
}

/** The author of a challenge sets its status; resolving it tells the members who follow it. */
export async function setChallengeStatus(input: { postId: number; actorId: number; status: WallStatus }, db: DB = getDb()): Promise<WallResult> {
  if (!CHALLENGE_STATUSES.includes(input.status)) return refuse("wrong_kind");
  return writeTransaction(db, async (trx) => {
    const post = await trx.selectFrom("wallPosts").select(["kind", "authorId", "status", "title", "hiddenAt"]).where("id", "=", input.postId).executeTakeFirst();
    if (!post) return refuse("not_found");
    if (post.kind !== "challenge") return refuse("wrong_kind");
    if (post.authorId !== input.actorId) return refuse("not_author");
    if (post.status === input.status) return { ok: true } as const;
    const now = nowIso();
    await trx.updateTable("wallPosts").set({ status: input.status, lastActivityAt: now }).where("id", "=", input.postId).execute();
    if (input.status === "resuelto" && post.hiddenAt === null) {
      const followers = await followerIds(input.postId, trx);
      await notify(
        followers
          .filter((id) => id !== input.actorId)
          .map((userId) => ({
            userId,
            type: "challenge_resolved",
            title: `El desafío «${post.title}» se marcó como resuelto`,
            link: wallPostPath({ kind: "challenge", id: input.postId }),
          })),
        trx,
      );
    }
    return { ok: true } as const;
  });
}

async function followerIds(postId: number, db: DB): Promise<number[]> {
  const rows = await db
    .selectFrom("wallFollows")
    .innerJoin("users", "users.id", "wallFollows.userId")
    .select("wallFollows.userId")
    .where("wallFollows.postId", "=", postId)
    .where("users.active", "=", 1)
    .execute();
  return rows.map((r) => r.userId);
}

// ---------------------------------------------------------------------------------------------
// Replies

/**
 * A contribution to a challenge or a comment on an initiative: its author earns points (not on
 * their own post), follows the post, and every other follower is told.
 */
export async function addWallReply(input: { postId: number; authorId: number; body: string; at?: string }, db: DB = getDb()): Promise<WallResult<{ id: number }>> {
  return writeTransaction(db, async (trx) => {
    const post = await trx.selectFrom("wallPosts").select(["id", "kind", "title", "authorId", "hiddenAt"]).where("id", "=", input.postId).executeTakeFirst();
    if (!post) return refuse("not_found");
    if (post.hiddenAt !== null) return refuse("hidden");
    const at = input.at ?? nowIso();
    const { id } = await trx
      .insertInto("wallReplies")
      .values({ postId: post.id, authorId: input.authorId, body: input.body, usefulAt: null, hiddenAt: null, hiddenBy: null, hiddenReason: null, createdAt: at, updatedAt: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("wallPosts")
      .set((eb) => ({ replyCount: eb("replyCount", "+", 1), lastActivityAt: at }))
      .where("id", "=", post.id)
      .execute();
    const action = REPLY_ACTION[post.kind];
    await awardPoints(
      { userId: input.authorId, action, subjectType: "wall_reply", subjectId: id, key: `${action}:${id}`, occurredAt: at, subjectOwnerIds: [post.authorId] },
      trx,
    );
    await recordMemberActivity({ userId: input.authorId, month: limaMonthOf(at) }, trx);
    const followers = await followerIds(post.id, trx);
    const author = await trx.selectFrom("users").select("name").where("id", "=", input.authorId).executeTakeFirstOrThrow();
    const words = WALLS[post.kind];
    await notify(
      followers
        .filter((userId) => userId !== input.authorId)
        .map(
          (userId): NotificationInput => ({
            userId,
            type: post.kind === "challenge" ? "challenge_contribution" : "initiative_comment",
            title:
              post.kind === "challenge"
                ? `Nuevo aporte de ${author.name} al desafío «${post.title}»`
                : `${author.name} comentó la iniciativa «${post.title}»`,
            link: `${wallPostPath(post)}#${words.reply}-${id}`,
          }),
        ),
      trx,
    );
    await follow(post.id, input.authorId, at, trx);
    return { ok: true, id } as const;
  });
}

/** The author edits their reply. */
export async function updateWallReply(input: { replyId: number; editorId: number; body: string }, db: DB = getDb()): Promise<WallResult> {
  const result = await db
    .updateTable("wallReplies")
    .set({ body: input.body, updatedAt: nowIso() })
    .where("id", "=", input.replyId)
    .where("authorId", "=", input.editorId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return { ok: true };
  const exists = await db.selectFrom("wallReplies").select("id").where("id", "=", input.replyId).executeTakeFirst();
  return refuse(exists ? "not_author" : "not_found");
}

async function replyWithPost(replyId: number, db: DB) {
  return db
    .selectFrom("wallReplies")
    .innerJoin("wallPosts", "wallPosts.id", "wallReplies.postId")
    .select([
      "wallReplies.id",
      "wallReplies.authorId",
      "wallReplies.usefulAt",
      "wallReplies.hiddenAt",
      "wallReplies.createdAt",
      "wallPosts.id as postId",
      "wallPosts.kind",
      "wallPosts.title as postTitle",
      "wallPosts.authorId as postAuthorId",
      "wallPosts.hiddenAt as postHiddenAt",
    ])
    .where("wallReplies.id", "=", replyId)
    .executeTakeFirst();
}

/**
 * The challenge's author marks a contribution as useful (or takes the mark back): its author earns
 * the points, or loses them again. Marking twice changes nothing.
 */
export async function setContributionUseful(input: { replyId: number; actorId: number; useful: boolean }, db: DB = getDb()): Promise<WallResult> {
  return writeTransaction(db, async (trx) => {
    const reply = await replyWithPost(input.replyId, trx);
    if (!reply) return refuse("not_found");
    if (reply.kind !== "challenge") return refuse("wrong_kind");
    if (reply.postAuthorId !== input.actorId) return refuse("not_author");
    if (reply.authorId === input.actorId) return refuse("own_content");
    if (reply.hiddenAt !== null || reply.postHiddenAt !== null) return refuse("hidden");
    if ((reply.usefulAt !== null) === input.useful) return { ok: true } as const;
    const now = nowIso();
    await trx.updateTable("wallReplies").set({ usefulAt: input.useful ? now : null }).where("id", "=", reply.id).execute();
    if (input.useful) {
      await awardRepeatablePoints(
        { userId: reply.authorId, action: USEFUL_ACTION, subjectType: "wall_reply", subjectId: reply.id, key: `${USEFUL_ACTION}:${reply.id}`, actorId: input.actorId },
        trx,
      );
      await notify(
        {
          userId: reply.authorId,
          type: "contribution_useful",
          title: `Tu aporte al desafío «${reply.postTitle}» fue marcado como útil`,
          body: "El autor del desafío eligió tu aporte como uno de los que le sirvieron.",
          link: `${wallPostPath({ kind: "challenge", id: reply.postId })}#aporte-${reply.id}`,
        },
        trx,
      );
    } else {
      await reverseSubjectPoints(
        { subjectType: "wall_reply", subjectId: reply.id, action: USEFUL_ACTION, reason: "El autor del desafío quitó la marca de aporte útil.", actorId: input.actorId },
        trx,
      );
    }
    return { ok: true } as const;
  });
}

/** "Me sirve" on a reply: once per member, never on their own; giving or taking it back twice changes nothing. */
export async function setReplyReaction(input: { replyId: number; userId: number; on: boolean }, db: DB = getDb()): Promise<WallResult> {
  return writeTransaction(db, async (trx) => {
    const reply = await replyWithPost(input.replyId, trx);
    if (!reply) return refuse("not_found");
    if (reply.authorId === input.userId) return refuse("own_content");
    if (reply.hiddenAt !== null || reply.postHiddenAt !== null) return refuse("hidden");
    if (input.on) {
      await trx
        .insertInto("wallReplyReactions")
        .values({ replyId: reply.id, userId: input.userId, createdAt: nowIso() })
        .onConflict((oc) => oc.columns(["replyId", "userId"]).doNothing())
        .execute();
    } else {
      await trx.deleteFrom("wallReplyReactions").where("replyId", "=", reply.id).where("userId", "=", input.userId).execute();
    }
    await trx
      .updateTable("wallReplies")
      .set({ reactionCount: (eb) => eb.selectFrom("wallReplyReactions").select((e) => e.fn.countAll<number>().as("n")).where("replyId", "=", reply.id) })
      .where("id", "=", reply.id)
      .execute();
    return { ok: true } as const;
  });
}

/** A reaction ("me interesa") on a post: once per member, never on their own post. */
export async function setPostReaction(input: { postId: number; userId: number; on: boolean }, db: DB = getDb()): Promise<WallResult> {
  return writeTransaction(db, async (trx) => {
    const post = await trx.selectFrom("wallPosts").select(["id", "authorId", "hiddenAt"]).where("id", "=", input.postId).executeTakeFirst();
    if (!post) return refuse("not_found");
    if (post.authorId === input.userId) return refuse("own_content");
    if (post.hiddenAt !== null) return refuse("hidden");
    if (input.on) {
      await trx
        .insertInto("wallPostReactions")
        .values({ postId: post.id, userId: input.userId, createdAt: nowIso() })
        .onConflict((oc) => oc.columns(["postId", "userId"]).doNothing())
        .execute();
    } else {
      await trx.deleteFrom("wallPostReactions").where("postId", "=", post.id).where("userId", "=", input.userId).execute();
    }
    await trx
      .updateTable("wallPosts")
      .set({ reactionCount: (eb) => eb.selectFrom("wallPostReactions").select((e) => e.fn.countAll<number>().as("n")).where("postId", "=", post.id) })
      .where("id", "=", post.id)
      .execute();
    return { ok: true } as const;
  });
}

/** Follows or stops following a post; idempotent. */
export async function setFollowing(input: { postId: number; userId: number; on: boolean }, db: DB = getDb()): Promise<WallResult> {
  const post = await db.selectFrom("wallPosts").select(["id", "hiddenAt", "authorId"]).where("id", "=", input.postId).executeTakeFirst();
  if (!post || (post.hiddenAt !== null && post.authorId !== input.userId)) return refuse("not_found");
  if (input.on) await follow(post.id, input.userId, nowIso(), db);
  else await db.deleteFrom("wallFollows").where("postId", "=", post.id).where("userId", "=", input.userId).execute();
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// DIFOCA: accompaniment, hiding and restoring

/** A DIFOCA specialist takes a post into accompaniment (or ends it). The author is told. */
export async function setAccompaniment(input: { postId: number; actorId: number; on: boolean }, db: DB = getDb()): Promise<WallResult> {
  return writeTransaction(db, async (trx) => {
    const post = await trx
      .selectFrom("wallPosts")
      .select(["id", "kind", "title", "authorId", "status", "accompaniedBy", "hiddenAt"])
      .where("id", "=", input.postId)
      .executeTakeFirst();
    if (!post) return refuse("not_found");
    if (post.hiddenAt !== null) return refuse("hidden");
    if ((post.accompaniedBy !== null) === input.on) return { ok: true } as const;
    const now = nowIso();
    const open: WallStatus = post.kind === "challenge" ? "abierto" : "en_curso";
    // Accompaniment moves an open post to "en acompañamiento"; ending it moves it back. Solved and converted posts keep their status.
    const status: WallStatus =
      input.on && post.status === open ? "en_acompanamiento" : !input.on && post.status === "en_acompanamiento" ? open : post.status;
    await trx
      .updateTable("wallPosts")
      // Ending keeps accompaniedAt: the accompaniment happened and still counts for its year.
      .set(input.on ? { accompaniedBy: input.actorId, accompaniedAt: now, status, lastActivityAt: now } : { accompaniedBy: null, status, lastActivityAt: now })
      .where("id", "=", post.id)
      .execute();
    await recordAudit({ actorId: input.actorId, action: input.on ? "wall.accompany" : "wall.end_accompaniment", targetType: "wall_post", targetId: post.id }, trx);
    if (input.on && post.authorId !== input.actorId) {
      const words = WALLS[post.kind];
      await notify(
        {
          userId: post.authorId,
          type: "wall_accompanied",
          title: `DIFOCA acompaña ${words.withArticle} «${post.title}»`,
          body: "Un especialista de DIFOCA acompañará tu publicación; coordinará contigo por la plataforma.",
          link: wallPostPath(post),
        },
        trx,
      );
    }
    return { ok: true } as const;
  });
}

async function resolveReports(target: { postId: number; replyId: number | null }, resolution: "hidden" | "dismissed", actorId: number, note: string, db: DB) {
  let query = db
    .updateTable("wallReports")
    .set({ resolvedAt: nowIso(), resolvedBy: actorId, resolution, resolutionNote: note })
    .where("postId", "=", target.postId)
    .where("resolvedAt", "is", null);
  query = target.replyId === null ? query.where("replyId", "is", null) : query.where("replyId", "=", target.replyId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * DIFOCA hides a post with a reason: others no longer see it, its author sees why, and the points
 * it earned are reversed through the ledger. Open reports about it are resolved.
 */
export async function hideWallPost(input: { postId: number; actorId: number; reason: string }, db: DB = getDb()): Promise<WallResult> {
  return writeTransaction(db, async (trx) => {
    const post = await trx
      .selectFrom("wallPosts")
      .select(["id", "kind", "title", "authorId", "regionId", "hiddenAt", "createdAt"])
      .where("id", "=", input.postId)
      .executeTakeFirst();
    if (!post) return refuse("not_found");
    if (post.hiddenAt !== null) return { ok: true } as const;
    await trx.updateTable("wallPosts").set({ hiddenAt: nowIso(), hiddenBy: input.actorId, hiddenReason: input.reason }).where("id", "=", post.id).execute();
    await countVisiblePost(post.kind, post.regionId, -1, trx);
    await reverseSubjectPoints({ subjectType: "wall_post", subjectId: post.id, reason: `Publicación ocultada por DIFOCA: ${input.reason}`, actorId: input.actorId }, trx);
    await refreshMemberActivityMonth({ userId: post.authorId, month: limaMonthOf(post.createdAt) }, trx);
    await resolveReports({ postId: post.id, replyId: null }, "hidden", input.actorId, input.reason, trx);
    await recordAudit({ actorId: input.actorId, action: "wall.hide_post", targetType: "wall_post", targetId: post.id, details: { reason: input.reason } }, trx);
    const words = WALLS[post.kind];
    await notify(
      {
        userId: post.authorId,
        type: "wall_hidden",
        title: `DIFOCA ocultó ${words.withArticle} «${post.title}»`,
        body: `Motivo: ${input.reason}`,
        link: wallPostPath(post),
      },
      trx,
    );
    return { ok: true } as const;
  });
}

/** DIFOCA restores a hidden post: it is seen again and its author earns its points again. */
export async function restoreWallPost(input: { postId: number; actorId: number }, db: DB = getDb()): Promise<WallResult> {
  return writeTransaction(db, async (trx) => {
    const post = await trx
      .selectFrom("wallPosts")
      .select(["id", "kind", "title", "authorId", "regionId", "hiddenAt", "createdAt"])
      .where("id", "=", input.postId)
      .executeTakeFirst();
    if (!post) return refuse("not_found");
    if (post.hiddenAt === null) return { ok: true } as const;
    await trx.updateTable("wallPosts").set({ hiddenAt: null, hiddenBy: null, hiddenReason: null }).where("id", "=", post.id).execute();
    await countVisiblePost(post.kind, post.regionId, 1, trx);
    const action = POST_ACTION[post.kind];
    await awardRepeatablePoints(
      { userId: post.authorId, action, subjectType: "wall_post", subjectId: post.id, key: `${action}:${post.id}`, occurredAt: post.createdAt, actorId: input.actorId },
      trx,
    );
    await refreshMemberActivityMonth({ userId: post.authorId, month: limaMonthOf(post.createdAt) }, trx);
    await recordAudit({ actorId: input.actorId, action: "wall.restore_post", targetType: "wall_post", targetId: post.id }, trx);
    await notify(
      { userId: post.authorId, type: "wall_restored", title: `DIFOCA volvió a mostrar ${WALLS[post.kind].withArticle} «${post.title}»`, link: wallPostPath(post) },
      trx,
    );
    return { ok: true } as const;
  });
}

/** DIFOCA hides a reply with a reason; its points (the reply's and "useful") are reversed. */
export async function hideWallReply(input: { replyId: number; actorId: number; reason: string }, db: DB = getDb()): Promise<WallResult> {
  return writeTransaction(db, async (trx) => {
    const reply = await replyWithPost(input.replyId, trx);
    if (!reply) return refuse("not_found");
    if (reply.hiddenAt !== null) return { ok: true } as const;
    await trx.updateTable("wallReplies").set({ hiddenAt: nowIso(), hiddenBy: input.actorId, hiddenReason: input.reason }).where("id", "=", reply.id).execute();
    await trx
      .updateTable("wallPosts")
      .set((eb) => ({ replyCount: eb("replyCount", "-", 1) }))
      .where("id", "=", reply.postId)
      .execute();
    await reverseSubjectPoints({ subjectType: "wall_reply", subjectId: reply.id, reason: `Aporte ocultado por DIFOCA: ${input.reason}`, actorId: input.actorId }, trx);
    await refreshMemberActivityMonth({ userId: reply.authorId, month: limaMonthOf(reply.createdAt) }, trx);
    await resolveReports({ postId: reply.postId, replyId: reply.id }, "hidden", input.actorId, input.reason, trx);
    await recordAudit({ actorId: input.actorId, action: "wall.hide_reply", targetType: "wall_reply", targetId: reply.id, details: { reason: input.reason } }, trx);
    const words = WALLS[reply.kind];
    await notify(
      {
        userId: reply.authorId,
        type: "wall_hidden",
        title: `DIFOCA ocultó tu ${words.reply} en ${words.withArticle} «${reply.postTitle}»`,
        body: `Motivo: ${input.reason}`,
        link: `${wallPostPath({ kind: reply.kind, id: reply.postId })}#${words.reply}-${reply.id}`,
      },
      trx,
    );
    return { ok: true } as const;
  });
}

/** DIFOCA restores a hidden reply; its author earns its points again (and "useful" if still marked). */
export async function restoreWallReply(input: { replyId: number; actorId: number }, db: DB = getDb()): Promise<WallResult> {
  return writeTransaction(db, async (trx) => {
    const reply = await replyWithPost(input.replyId, trx);
    if (!reply) return refuse("not_found");
    if (reply.hiddenAt === null) return { ok: true } as const;
    await trx.updateTable("wallReplies").set({ hiddenAt: null, hiddenBy: null, hiddenReason: null }).where("id", "=", reply.id).execute();
    await trx
      .updateTable("wallPosts")
      .set((eb) => ({ replyCount: eb("replyCount", "+", 1) }))
      .where("id", "=", reply.postId)
      .execute();
    const action = REPLY_ACTION[reply.kind];
    const owners = [reply.postAuthorId];
    await awardRepeatablePoints(
      { userId: reply.authorId, action, subjectType: "wall_reply", subjectId: reply.id, key: `${action}:${reply.id}`, occurredAt: reply.createdAt, subjectOwnerIds: owners, actorId: input.actorId },
      trx,
    );
    if (reply.usefulAt !== null) {
      await awardRepeatablePoints(
        { userId: reply.authorId, action: USEFUL_ACTION, subjectType: "wall_reply", subjectId: reply.id, key: `${USEFUL_ACTION}:${reply.id}`, actorId: input.actorId },
        trx,
      );
    }
    await refreshMemberActivityMonth({ userId: reply.authorId, month: limaMonthOf(reply.createdAt) }, trx);
    await recordAudit({ actorId: input.actorId, action: "wall.restore_reply", targetType: "wall_reply", targetId: reply.id }, trx);
    const words = WALLS[reply.kind];
    await notify(
      {
        userId: reply.authorId,
        type: "wall_restored",
        title: `DIFOCA volvió a mostrar tu ${words.reply} en ${words.withArticle} «${reply.postTitle}»`,
        link: `${wallPostPath({ kind: reply.kind, id: reply.postId })}#${words.reply}-${reply.id}`,
      },
      trx,
    );
    return { ok: true } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Reports

/** A member reports a post or a reply as inappropriate. A second report of the same content by the same member changes nothing. */
export async function reportWallContent(
  input: { postId: number; replyId: number | null; reporterId: number; reason: ReportReason; details: string },
  db: DB = getDb(),
): Promise<WallResult<{ alreadyReported: boolean }>> {
  return writeTransaction(db, async (trx) => {
    const post = await trx.selectFrom("wallPosts").select(["id", "authorId", "hiddenAt"]).where("id", "=", input.postId).executeTakeFirst();
    if (!post || post.hiddenAt !== null) return refuse("not_found");
    let authorId = post.authorId;
    if (input.replyId !== null) {
      const reply = await trx.selectFrom("wallReplies").select(["authorId", "hiddenAt"]).where("id", "=", input.replyId).where("postId", "=", post.id).executeTakeFirst();
      if (!reply || reply.hiddenAt !== null) return refuse("not_found");
      authorId = reply.authorId;
    }
    if (authorId === input.reporterId) return refuse("own_content");
    let existing = trx.selectFrom("wallReports").select("id").where("reporterId", "=", input.reporterId).where("postId", "=", post.id).where("resolvedAt", "is", null);
    existing = input.replyId === null ? existing.where("replyId", "is", null) : existing.where("replyId", "=", input.replyId);
    if (await existing.executeTakeFirst()) return { ok: true, alreadyReported: true } as const;
    await trx
      .insertInto("wallReports")
      .values({ postId: post.id, replyId: input.replyId, reporterId: input.reporterId, reason: input.reason, details: input.details, createdAt: nowIso(), resolvedAt: null, resolvedBy: null, resolution: null, resolutionNote: null })
      .execute();
    return { ok: true, alreadyReported: false } as const;
  });
}

export interface OpenReportGroup {
  postId: number;
  replyId: number | null;
  kind: WallKind;
  postTitle: string;
  /** The reported text (the reply's, or the post's body). */
  excerpt: string;
  authorName: string;
  reports: { reason: ReportReason; details: string; reporterName: string; createdAt: string }[];
  firstReportedAt: string;
}

/** DIFOCA's queue: open reports, one group per reported post or reply, oldest first. */
export async function listOpenReports(db: DB = getDb()): Promise<OpenReportGroup[]> {
  const rows = await db
    .selectFrom("wallReports")
    .innerJoin("wallPosts", "wallPosts.id", "wallReports.postId")
    .leftJoin("wallReplies", "wallReplies.id", "wallReports.replyId")
    .innerJoin("users as reporter", "reporter.id", "wallReports.reporterId")
    .innerJoin("users as author", (join) => join.on(sql`author.id`, "=", sql`coalesce(wall_replies.author_id, wall_posts.author_id)`))
    .select([
      "wallReports.postId",
      "wallReports.replyId",
      "wallReports.reason",
      "wallReports.details",
      "wallReports.createdAt",
      "wallPosts.kind",
      "wallPosts.title as postTitle",
      "wallPosts.body as postBody",
      "wallReplies.body as replyBody",
      "reporter.name as reporterName",
      "author.name as authorName",
    ])
    .where("wallReports.resolvedAt", "is", null)
    .orderBy("wallReports.createdAt")
    .orderBy("wallReports.id")
    .execute();
  const groups = new Map<string, OpenReportGroup>();
  for (const row of rows) {
    const key = `${row.postId}:${row.replyId ?? 0}`;
    let group = groups.get(key);
    if (!group) {
      const text = row.replyBody ?? row.postBody;
      group = {
        postId: row.postId,
        replyId: row.replyId,
        kind: row.kind,
        postTitle: row.postTitle,
        excerpt: text.length > 400 ? `${text.slice(0, 400)}…` : text,
        authorName: row.authorName,
        reports: [],
        firstReportedAt: row.createdAt,
      };
      groups.set(key, group);
    }
    group.reports.push({ reason: row.reason as ReportReason, details: row.details, reporterName: row.reporterName, createdAt: row.createdAt });
  }
  return [...groups.values()];
}

export async function countOpenReports(db: DB = getDb()): Promise<number> {
  const row = await db.selectFrom("wallReports").select((eb) => eb.fn.countAll<number>().as("n")).where("resolvedAt", "is", null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** DIFOCA finds nothing wrong: the open reports about this content are closed. */
export async function dismissReports(input: { postId: number; replyId: number | null; actorId: number; note: string }, db: DB = getDb()): Promise<number> {
  return writeTransaction(db, async (trx) => {
    const count = await resolveReports({ postId: input.postId, replyId: input.replyId }, "dismissed", input.actorId, input.note, trx);
    if (count > 0) {
      await recordAudit(
        { actorId: input.actorId, action: "wall.dismiss_reports", targetType: input.replyId === null ? "wall_post" : "wall_reply", targetId: input.replyId ?? input.postId, details: { note: input.note } },
        trx,
      );
    }
    return count;
  });
}

// ---------------------------------------------------------------------------------------------
// An initiative becomes a practice

/**
 * The author turns their initiative into a practice draft: title, summary, line and IGED carry
 * over; what they are trying becomes the strategy, with the links. The two stay linked.
 */
export async function convertInitiativeToPractice(
  input: { postId: number; actorId: number; igedId?: number | null },
  db: DB = getDb(),
): Promise<WallResult<{ practice: PracticeCore }>> {
  return writeTransaction(db, async (trx) => {
    const post = await trx
      .selectFrom("wallPosts")
      .select(["id", "kind", "title", "summary", "body", "links", "thematicLineId", "igedId", "authorId", "practiceId", "hiddenAt"])
      .where("id", "=", input.postId)
      .executeTakeFirst();
    if (!post) return refuse("not_found");
    if (post.kind !== "initiative") return refuse("wrong_kind");
    if (post.authorId !== input.actorId) return refuse("not_author");
    if (post.hiddenAt !== null) return refuse("hidden");
    if (post.practiceId !== null) return refuse("already_converted");
    const leadIgedId = post.igedId ?? input.igedId ?? null;
    if (leadIgedId === null) return refuse("no_iged");
    const links = parseLinks(post.links);
    const strategy = links.length > 0 ? `${post.body}\n\n**Enlaces de la iniciativa**\n\n${links.map((l) => `- <${l}>`).join("\n")}` : post.body;
    const practice = await createPractice(
      {
        authorId: input.actorId,
        title: post.title,
        summary: post.summary.slice(0, 400),
        thematicLineId: post.thematicLineId,
        leadIgedId,
        otherIgedIds: [],
        startYear: null,
        vigente: true,
        problem: "",
        strategy,
        results: "",
        lessons: "",
      },
      trx,
    );
    await trx.updateTable("wallPosts").set({ practiceId: practice.id, status: "convertida", lastActivityAt: nowIso() }).where("id", "=", post.id).execute();
    return { ok: true, practice } as const;
  });
}

/** Kept in memory until the data changes, like every read of a practice's public page (ADR 016). */
export function getInitiativeOfPractice(practiceId: number, db: DB = getDb()): ReturnType<typeof readInitiativeOfPractice> {
  return cachedAggregate(`practice-initiative:${practiceId}`, () => readInitiativeOfPractice(practiceId, db), db);
}

/** The initiative a practice grew from, if any (shown on the practice's page). */
async function readInitiativeOfPractice(practiceId: number, db: DB) {
  return db
    .selectFrom("wallPosts")
    .select(["id", "title", "kind"])
    .where("practiceId", "=", practiceId)
    .where("kind", "=", "initiative")
    .where("hiddenAt", "is", null)
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// Reading

export function parseLinks(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export interface WallFeedFilters {
  kind: WallKind;
  query?: string;
  regionSlug?: string;
  macroregionSlug?: string;
  lineSlug?: string;
  status?: WallStatus;
  /** Only posts DIFOCA accompanies. */
  accompanied?: boolean;
  tag?: string;
  sort?: WallSort;
  page?: number;
  pageSize?: number;
}

export interface WallFeedItem {
  id: number;
  kind: WallKind;
  title: string;
  summary: string;
  body: string;
  status: WallStatus;
  authorName: string;
  regionName: string;
  igedName: string | null;
  thematicLineName: string | null;
  replyCount: number;
  reactionCount: number;
  accompanied: boolean;
  createdAt: string;
  lastActivityAt: string;
  tags: string[];
  snippet: string | null;
}

/** A wall's feed: visible posts, filtered, searched, sorted, one page at a time. The same for every
 * reader, so kept in memory until the data changes (ADR 016).
 */
export function listWallFeed(filters: WallFeedFilters, db: DB = getDb()): ReturnType<typeof readWallFeed> {
  return cachedAggregate(`wall-feed:${JSON.stringify(filters)}`, () => readWallFeed(filters, db), db);
}

async function readWallFeed(filters: WallFeedFilters, db: DB) {
  const pageSize = filters.pageSize ?? 15;
  const page = Math.max(1, filters.page ?? 1);
  const matchQuery = filters.query ? toMatchQuery(filters.query) : null;

  // Filters on wall_posts' own columns (lookups by slug as subqueries), so the count needs no
  // join: it walks the index of visible posts of the wall (ADR 013). A wall in a place only, the
  // feed most visits see, is counted from the stored counts instead (ADR 015).
  let filtered = db.selectFrom("wallPosts").where("wallPosts.kind", "=", filters.kind).where("wallPosts.hiddenAt", "is", null);
  if (matchQuery) filtered = filtered.innerJoin(wallPostMatches(matchQuery).as("m"), (join) => join.onRef(sql.ref("m.id"), "=", "wallPosts.id")) as typeof filtered;
  if (filters.regionSlug) filtered = filtered.where("wallPosts.regionId", "=", regionIdBySlug(db, filters.regionSlug));
  if (filters.macroregionSlug) filtered = filtered.where("wallPosts.regionId", "in", regionIdsOfMacroregion(db, filters.macroregionSlug));
  if (filters.lineSlug) filtered = filtered.where("wallPosts.thematicLineId", "=", thematicLineIdBySlug(db, filters.lineSlug));
  if (filters.status) filtered = filtered.where("wallPosts.status", "=", filters.status);
  if (filters.accompanied) filtered = filtered.where("wallPosts.accompaniedBy", "is not", null);
  if (filters.tag) {
    const tag = normalizeTag(filters.tag);
    filtered = filtered.where((eb) =>
      eb.exists(eb.selectFrom("wallPostTags").select("wallPostTags.postId").whereRef("wallPostTags.postId", "=", "wallPosts.id").where("wallPostTags.tag", "=", tag)),
    );
  }

  const total = onlyPlaceFilters(filters, matchQuery)
    ? await countStored(filters, db)
    : Number((await filtered.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow()).total);

  const query = filtered
    .innerJoin("regions", "regions.id", "wallPosts.regionId")
    .innerJoin("users as author", "author.id", "wallPosts.authorId")
    .leftJoin("igeds", "igeds.id", "wallPosts.igedId")
    .leftJoin("thematicLines", "thematicLines.id", "wallPosts.thematicLineId");
  let rows = query.select([
    "wallPosts.id",
    "wallPosts.kind",
    "wallPosts.title",
    "wallPosts.summary",
    "wallPosts.body",
    "wallPosts.status",
    "wallPosts.replyCount",
    "wallPosts.reactionCount",
    "wallPosts.accompaniedBy",
    "wallPosts.createdAt",
    "wallPosts.lastActivityAt",
    "author.name as authorName",
    "regions.name as regionName",
    "igeds.name as igedName",
    "thematicLines.name as thematicLineName",
    matchQuery ? sql<string>`m.snippet`.as("snippet") : sql<null>`null`.as("snippet"),
  ]);
  if (filters.sort === "activos") {
    rows = rows.orderBy(sql`wall_posts.reply_count + wall_posts.reaction_count`, "desc").orderBy("wallPosts.lastActivityAt", "desc");
  } else if (matchQuery && filters.sort === undefined) {
    rows = rows.orderBy(sql`m.rank`);
  }
  rows = rows.orderBy("wallPosts.createdAt", "desc").orderBy("wallPosts.id", "desc");
  const items = await rows.limit(pageSize).offset((page - 1) * pageSize).execute();
  const tags = await tagsOf(items.map((i) => i.id), db);

  return {
    items: items.map(({ accompaniedBy, ...item }): WallFeedItem => ({ ...item, accompanied: accompaniedBy !== null, tags: tags.get(item.id) ?? [] })),
    total,
    page,
    pageSize,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/** Whether the feed is filtered by region or macroregion at most: the stored counts answer it. */
function onlyPlaceFilters(filters: WallFeedFilters, matchQuery: string | null): boolean {
  return matchQuery === null && !filters.lineSlug && !filters.status && !filters.accompanied && !filters.tag;
}

/** A wall's visible posts, in a region or macroregion if given, from the stored counts. */
async function countStored(filters: WallFeedFilters, db: DB): Promise<number> {
  let query = db.selectFrom("wallPostCounts").where("wallPostCounts.kind", "=", filters.kind);
  if (filters.regionSlug) query = query.where("wallPostCounts.regionId", "=", regionIdBySlug(db, filters.regionSlug));
  if (filters.macroregionSlug) query = query.where("wallPostCounts.regionId", "in", regionIdsOfMacroregion(db, filters.macroregionSlug));
  const row = await query.select((eb) => eb.fn.sum<number>("wallPostCounts.visible").as("n")).executeTakeFirstOrThrow();
  return Number(row.n ?? 0);
}

async function tagsOf(postIds: number[], db: DB): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  if (postIds.length === 0) return map;
  const rows = await db.selectFrom("wallPostTags").select(["postId", "tag"]).where("postId", "in", postIds).orderBy("tag").execute();
  for (const row of rows) map.set(row.postId, [...(map.get(row.postId) ?? []), row.tag]);
  return map;
}

export interface WallPostDetail {
  id: number;
  kind: WallKind;
  title: string;
  summary: string;
  body: string;
  links: string[];
  tags: string[];
  status: WallStatus;
  authorId: number;
  authorName: string;
  authorPosition: string;
  regionId: number;
  regionName: string;
  igedId: number | null;
  igedName: string | null;
  thematicLineId: number | null;
  thematicLineName: string | null;
  accompaniedByName: string | null;
  accompaniedAt: string | null;
  practice: { slug: string; title: string; status: string } | null;
  replyCount: number;
  reactionCount: number;
  hiddenAt: string | null;
  hiddenReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A post with everything its page shows about it, hidden or not (the route decides who sees it). */
export async function getWallPost(id: number, kind: WallKind, db: DB = getDb()): Promise<WallPostDetail | undefined> {
  const row = await db
    .selectFrom("wallPosts")
    .innerJoin("users as author", "author.id", "wallPosts.authorId")
    .innerJoin("regions", "regions.id", "wallPosts.regionId")
    .leftJoin("igeds", "igeds.id", "wallPosts.igedId")
    .leftJoin("thematicLines", "thematicLines.id", "wallPosts.thematicLineId")
    .leftJoin("users as companion", "companion.id", "wallPosts.accompaniedBy")
    .leftJoin("practices", "practices.id", "wallPosts.practiceId")
    .select([
      "wallPosts.id",
      "wallPosts.kind",
      "wallPosts.title",
      "wallPosts.summary",
      "wallPosts.body",
      "wallPosts.links",
      "wallPosts.status",
      "wallPosts.authorId",
      "author.name as authorName",
      "author.position as authorPosition",
      "wallPosts.regionId",
      "regions.name as regionName",
      "wallPosts.igedId",
      "igeds.name as igedName",
      "wallPosts.thematicLineId",
      "thematicLines.name as thematicLineName",
      "wallPosts.accompaniedBy",
      "companion.name as accompaniedByName",
      "wallPosts.accompaniedAt",
      "practices.slug as practiceSlug",
      "practices.title as practiceTitle",
      "practices.status as practiceStatus",
      "wallPosts.replyCount",
      "wallPosts.reactionCount",
      "wallPosts.hiddenAt",
      "wallPosts.hiddenReason",
      "wallPosts.createdAt",
      "wallPosts.updatedAt",
    ])
    .where("wallPosts.id", "=", id)
    .where("wallPosts.kind", "=", kind)
    .executeTakeFirst();
  if (!row) return undefined;
  const { practiceSlug, practiceTitle, practiceStatus, links, accompaniedBy, accompaniedAt, ...rest } = row;
  const tags = await tagsOf([row.id], db);
  return {
    ...rest,
    // An ended accompaniment keeps its date (it is counted), but the post is no longer accompanied.
    accompaniedAt: accompaniedBy !== null ? accompaniedAt : null,
    links: parseLinks(links),
    tags: tags.get(row.id) ?? [],
    practice: practiceSlug && practiceTitle && practiceStatus ? { slug: practiceSlug, title: practiceTitle, status: practiceStatus } : null,
  };
}

/** What the signed-in member has done on a post: following it, reacting to it. */
export async function getViewerState(postId: number, userId: number, db: DB = getDb()) {
  const [following, reacted] = await Promise.all([
    db.selectFrom("wallFollows").select("postId").where("postId", "=", postId).where("userId", "=", userId).executeTakeFirst(),
    db.selectFrom("wallPostReactions").select("postId").where("postId", "=", postId).where("userId", "=", userId).executeTakeFirst(),
  ]);
  return { following: Boolean(following), reacted: Boolean(reacted) };
}

export interface WallReplyView {
  id: number;
  body: string;
  authorId: number;
  authorName: string;
  authorRegionName: string | null;
  useful: boolean;
  reactionCount: number;
  viewerReacted: boolean;
  hidden: boolean;
  hiddenReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * A post's thread, oldest first. Hidden replies are left out, except for their author (who sees
 * why) and for DIFOCA (who may restore them).
 */
export async function listWallReplies(postId: number, viewer: { id: number; seesHidden: boolean } | null, db: DB = getDb()): Promise<WallReplyView[]> {
  let query = db
    .selectFrom("wallReplies")
    .innerJoin("users as author", "author.id", "wallReplies.authorId")
    .leftJoin("igeds", "igeds.id", "author.igedId")
    .leftJoin("regions", "regions.id", "igeds.regionId")
    .select([
      "wallReplies.id",
      "wallReplies.body",
      "wallReplies.authorId",
      "author.name as authorName",
      "regions.name as authorRegionName",
      "wallReplies.usefulAt",
      "wallReplies.reactionCount",
      "wallReplies.hiddenAt",
      "wallReplies.hiddenReason",
      "wallReplies.createdAt",
      "wallReplies.updatedAt",
      viewer
        ? (eb) =>
            eb
              .exists(eb.selectFrom("wallReplyReactions").select("wallReplyReactions.replyId").whereRef("wallReplyReactions.replyId", "=", "wallReplies.id").where("wallReplyReactions.userId", "=", viewer.id))
              .as("viewerReacted")
        : sql<number>`0`.as("viewerReacted"),
    ])
    .where("wallReplies.postId", "=", postId);
  if (!viewer) query = query.where("wallReplies.hiddenAt", "is", null);
  else if (!viewer.seesHidden) query = query.where((eb) => eb.or([eb("wallReplies.hiddenAt", "is", null), eb("wallReplies.authorId", "=", viewer.id)]));
  const rows = await query.orderBy("wallReplies.createdAt").orderBy("wallReplies.id").execute();
  return rows.map(({ usefulAt, hiddenAt, viewerReacted, ...r }) => ({
    ...r,
    useful: usefulAt !== null,
    hidden: hiddenAt !== null,
    viewerReacted: Boolean(viewerReacted),
  }));
}

export async function getWallReply(replyId: number, db: DB = getDb()) {
  return db
    .selectFrom("wallReplies")
    .innerJoin("wallPosts", "wallPosts.id", "wallReplies.postId")
    .select(["wallReplies.id", "wallReplies.postId", "wallReplies.authorId", "wallReplies.body", "wallReplies.hiddenAt", "wallPosts.kind", "wallPosts.title as postTitle", "wallPosts.hiddenAt as postHiddenAt"])
    .where("wallReplies.id", "=", replyId)
    .executeTakeFirst();
}

/** Kept in memory until the data changes, like every read of a member's public profile (ADR 016). */
export function listWallPostsOfMember(userId: number, options: { includeHidden: boolean }, db: DB = getDb()): ReturnType<typeof readWallPostsOfMember> {
  return cachedAggregate(`member-wall-posts:${userId}:${options.includeHidden}`, () => readWallPostsOfMember(userId, options, db), db);
}

/** The posts a member wrote, for their profile (hidden ones only for themselves and DIFOCA). */
async function readWallPostsOfMember(userId: number, options: { includeHidden: boolean }, db: DB = getDb()) {
  let query = db
    .selectFrom("wallPosts")
    .select(["id", "kind", "title", "status", "replyCount", "createdAt", "hiddenAt"])
    .where("authorId", "=", userId);
  if (!options.includeHidden) query = query.where("hiddenAt", "is", null);
  return query.orderBy("createdAt", "desc").limit(20).execute();
}

/** How many posts DIFOCA took into accompaniment in a year, per wall (the dashboard reads this). */
export async function countAccompaniments(year: number, db: DB = getDb()): Promise<Record<WallKind, number>> {
  const rows = await db
    .selectFrom("wallPosts")
    .select(["kind", (eb) => eb.fn.countAll<number>().as("n")])
    .where("accompaniedAt", ">=", limaYearBounds(year).start)
    .where("accompaniedAt", "<", limaYearBounds(year).end)
    .where("hiddenAt", "is", null)
    .groupBy("kind")
    .execute();
  const counts: Record<WallKind, number> = { challenge: 0, initiative: 0 };
  for (const row of rows) counts[row.kind] = Number(row.n);
  return counts;
}
