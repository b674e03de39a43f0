// The page of one wall post (a challenge or an initiative) with its thread, and every action taken
// on it. Both walls share this module: their route modules only say which wall they are.
import { json, type TypedResponse } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import {
  addWallReply,
  convertInitiativeToPractice,
  getViewerState,
  getWallPost,
  getWallReply,
  hideWallPost,
  hideWallReply,
  listWallReplies,
  reportWallContent,
  restoreWallPost,
  restoreWallReply,
  setAccompaniment,
  setChallengeStatus,
  setContributionUseful,
  setFollowing,
  setPostReaction,
  setReplyReaction,
  updateWallReply,
  wallPostPath,
  type WallKind,
  type WallPostDetail,
  type WallRefusal,
  type WallStatus,
} from "~/models/wall.server";
import { getUser, requireUser, type CurrentUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { idFromList, type FieldErrors } from "~/utils/forms.server";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { can } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";
import { WALL_STATUS_LABELS, WALLS } from "~/utils/wall-labels";
import { readChallengeStatus, readModerationReason, readReplyForm, readReportForm } from "~/utils/wall-validation.server";

// ---------------------------------------------------------------------------------------------
// What the page receives

export interface WallReplyPageItem {
  id: number;
  /** The element id the thread and notifications link to, e.g. "aporte-12". */
  anchor: string;
  html: string;
  /** The markdown, only for its author (the edit form). */
  body: string | null;
  authorId: number;
  authorName: string;
  authorRegionName: string | null;
  date: string;
  edited: boolean;
  useful: boolean;
  reactionCount: number;
  viewerReacted: boolean;
  hidden: boolean;
  hiddenReason: string | null;
}

export interface WallViewer {
  id: number;
  isAuthor: boolean;
  canParticipate: boolean;
  canModerate: boolean;
  canAccompany: boolean;
  /** The author of an initiative who may start practices, while it has not become one. */
  canConvert: boolean;
  following: boolean;
  reacted: boolean;
}

export interface WallPostPageData {
  kind: WallKind;
  /** This page's path, for the sign-in link. */
  path: string;
  post: {
    id: number;
    title: string;
    status: WallStatus;
    statusLabel: string;
    summary: string;
    html: string;
    links: string[];
    tags: string[];
    authorId: number;
    authorName: string;
    authorPosition: string;
    regionName: string;
    igedName: string | null;
    thematicLineName: string | null;
    accompaniment: { name: string; since: string } | null;
    /** The practice it became; `linked` is false when the viewer could not open the draft. */
    practice: { slug: string; title: string; linked: boolean } | null;
    reactionCount: number;
    date: string;
    editedDate: string | null;
    hidden: { date: string; reason: string } | null;
  };
  replies: WallReplyPageItem[];
  viewer: WallViewer | null;
}

/** A refused or badly filled form: which one, and the Spanish messages to show next to it. */
export interface WallActionData {
  intent: string;
  /** "post", or the anchor of the reply the form belongs to. */
  target: string;
  errors: FieldErrors;
  values: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Finding the post

function notFoundMessage(kind: WallKind): string {
  return kind === "challenge" ? "No encontramos ese desafío." : "No encontramos esa iniciativa.";
}

function postIdFrom(params: Params, kind: WallKind): number {
  const raw = params.id ?? "";
  if (!/^\d{1,9}$/.test(raw) || Number(raw) <= 0) throw notFound(notFoundMessage(kind));
  return Number(raw);
}

/** A hidden post exists only for its author and for DIFOCA; for everyone else it is a 404. */
function seesPost(post: WallPostDetail, user: CurrentUser | null): boolean {
  if (post.hiddenAt === null) return true;
  return user !== null && (user.id === post.authorId || can(user, "walls.moderate"));
}

async function requireVisiblePost(postId: number, kind: WallKind, user: CurrentUser | null): Promise<WallPostDetail> {
  const post = await getWallPost(postId, kind);
  if (!post || !seesPost(post, user)) throw notFound(notFoundMessage(kind));
  return post;
}

function isWebAddress(link: string): boolean {
  try {
    const url = new URL(link);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Loader

export async function loadWallPostPage(request: Request, params: Params, kind: WallKind) {
  const postId = postIdFrom(params, kind);
  const user = await getUser(request);
  const post = await requireVisiblePost(postId, kind, user);
  const moderates = can(user, "walls.moderate");
  const [replies, state] = await Promise.all([
    listWallReplies(post.id, user ? { id: user.id, seesHidden: moderates } : null),
    user ? getViewerState(post.id, user.id) : Promise.resolve({ following: false, reacted: false }),
  ]);
  const isAuthor = user?.id === post.authorId;

  const data: WallPostPageData = {
    kind,
    path: wallPostPath(post),
    post: {
      id: post.id,
      title: post.title,
      status: post.status,
      statusLabel: WALL_STATUS_LABELS[post.status],
      summary: post.summary,
      html: renderMarkdown(post.body),
      links: post.links.filter(isWebAddress),
      tags: post.tags,
      authorId: post.authorId,
      authorName: post.authorName,
      authorPosition: post.authorPosition,
      regionName: post.regionName,
      igedName: post.igedName,
      thematicLineName: post.thematicLineName,
      accompaniment: post.accompaniedByName && post.accompaniedAt ? { name: post.accompaniedByName, since: formatDate(post.accompaniedAt) } : null,
      practice: post.practice
        ? {
            slug: post.practice.slug,
            title: post.practice.title,
            // A draft opens only for its team and DIFOCA; others would meet a 404.
            linked: post.practice.status === "publicada" || post.practice.status === "archivada" || isAuthor || can(user, "practices.edit_any"),
          }
        : null,
      reactionCount: post.reactionCount,
      date: formatDate(post.createdAt),
      editedDate: post.updatedAt > post.createdAt ? formatDate(post.updatedAt) : null,
      hidden: post.hiddenAt !== null ? { date: formatDate(post.hiddenAt), reason: post.hiddenReason ?? "" } : null,
    },
    replies: replies.map((reply) => ({
      id: reply.id,
      anchor: `${WALLS[kind].reply}-${reply.id}`,
      html: renderMarkdown(reply.body),
      body: user?.id === reply.authorId ? reply.body : null,
      authorId: reply.authorId,
      authorName: reply.authorName,
      authorRegionName: reply.authorRegionName,
      date: formatDate(reply.createdAt),
      edited: reply.updatedAt > reply.createdAt,
      useful: reply.useful,
      reactionCount: reply.reactionCount,
      viewerReacted: reply.viewerReacted,
      hidden: reply.hidden,
      hiddenReason: reply.hiddenReason,
    })),
    viewer: user
      ? {
          id: user.id,
          isAuthor,
          canParticipate: can(user, "walls.participate"),
          canModerate: moderates,
          canAccompany: can(user, "walls.accompany"),
          canConvert:
            kind === "initiative" && isAuthor && post.practice === null && post.hiddenAt === null && can(user, "walls.participate") && can(user, "practices.create"),
          following: state.following,
          reacted: state.reacted,
        }
      : null,
  };
  return json(data);
}

// ---------------------------------------------------------------------------------------------
// Actions

interface ActionContext {
  request: Request;
  user: CurrentUser;
  post: WallPostDetail;
  kind: WallKind;
  formData: FormData;
  intent: string;
  /** The post's page. */
  here: string;
}

type ActionResponse = Response | TypedResponse<WallActionData>;

function refuseForm(intent: string, target: string, message: string, values: Record<string, string> = {}) {
  return badRequest<WallActionData>({ intent, target, errors: { form: message }, values });
}

function invalidForm(intent: string, target: string, errors: FieldErrors, values: Record<string, string>) {
  return badRequest<WallActionData>({ intent, target, errors, values });
}

/** A refusal of the model as a status and a Spanish message: 403 and 404 are thrown, the rest are a 400 next to the form. */
function refusal(ctx: ActionContext, reason: WallRefusal, target: string, values: Record<string, string> = {}): ActionResponse {
  const words = WALLS[ctx.kind];
  const onReply = target !== "post";
  switch (reason) {
    case "not_found":
      throw notFound(onReply ? `No encontramos ese ${words.reply}.` : notFoundMessage(ctx.kind));
    case "not_author":
      throw forbidden(onReply && ctx.intent === "edit-reply" ? `Solo su autor puede editar este ${words.reply}.` : `Solo quien publicó ${words.withArticle} puede hacer esto.`);
    case "own_content":
      return refuseForm(ctx.intent, target, ownContentMessage(ctx, onReply), values);
    case "hidden":
      return refuseForm(ctx.intent, target, ctx.post.hiddenAt !== null || !onReply ? "Esta publicación está oculta." : `Este ${words.reply} está oculto.`, values);
    case "wrong_kind":
      return refuseForm(ctx.intent, target, `Esta acción no corresponde a ${ctx.kind === "challenge" ? "un desafío" : "una iniciativa"}.`, values);
    case "already_converted":
      return refuseForm(ctx.intent, target, "Esta iniciativa ya se convirtió en práctica.", values);
    case "no_iged":
      return refuseForm(ctx.intent, target, "Para crear la práctica, primero elige la IGED de la iniciativa: usa «Editar» y vuelve a intentarlo.", values);
  }
}

function ownContentMessage(ctx: ActionContext, onReply: boolean): string {
  const noun = WALLS[ctx.kind].reply;
  switch (ctx.intent) {
    case "report":
      return onReply ? `No puedes reportar tu propio ${noun}.` : "No puedes reportar tu propia publicación.";
    case "useful":
    case "not-useful":
      return "No puedes marcar como útil tu propio aporte.";
    case "react-reply":
    case "unreact-reply":
      return `No puedes marcar «Me sirve» en tu propio ${noun}.`;
    default:
      return "No puedes reaccionar a tu propia publicación.";
  }
}

function requireParticipant(user: CurrentUser): void {
  if (!can(user, "walls.participate")) throw forbidden("Tu cuenta no puede participar en los muros.");
}

function requireAuthor(ctx: ActionContext): void {
  if (ctx.post.authorId !== ctx.user.id) throw forbidden(`Solo quien publicó ${WALLS[ctx.kind].withArticle} puede hacer esto.`);
}

/** The reply a thread button points at: it must belong to this post and be visible to the member. */
async function requireReply(ctx: ActionContext) {
  const words = WALLS[ctx.kind];
  const parsed = idFromList(`El ${words.reply} no es válido.`).safeParse(ctx.formData.get("replyId") ?? undefined);
  // Only a tampered form sends a bad id: the error page says so.
  if (!parsed.success) throw badRequest({ message: `El ${words.reply} no es válido.` });
  const reply = await getWallReply(parsed.data);
  const visible = reply && reply.postId === ctx.post.id && (reply.hiddenAt === null || reply.authorId === ctx.user.id || can(ctx.user, "walls.moderate"));
  if (!reply || !visible) throw notFound(`No encontramos ese ${words.reply}.`);
  return { reply, target: `${words.reply}-${reply.id}`, at: `${ctx.here}#${words.reply}-${reply.id}` } as const;
}

const done = (ctx: ActionContext, to: string, message: string, type: "success" | "info" = "success") =>
  redirectWithToast(ctx.request, to, { type, message });

export async function handleWallPostAction(request: Request, params: Params, kind: WallKind): Promise<ActionResponse> {
  const postId = postIdFrom(params, kind);
  const user = await requireUser(request);
  const post = await requireVisiblePost(postId, kind, user);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const ctx: ActionContext = { request, user, post, kind, formData, intent, here: wallPostPath(post) };
  const words = WALLS[kind];

  switch (intent) {
    case "reply": {
      requireParticipant(user);
      const form = readReplyForm(kind, formData);
      if (!form.success) return invalidForm(intent, "post", form.errors, form.values);
      const result = await addWallReply({ postId: post.id, authorId: user.id, body: form.data.body });
      if (!result.ok) return refusal(ctx, result.reason, "post", form.values);
      return done(
        ctx,
        `${ctx.here}#${words.reply}-${result.id}`,
        kind === "challenge" ? "Se publicó tu aporte. Quienes siguen el desafío recibirán un aviso." : "Se publicó tu comentario.",
      );
    }

    case "edit-reply": {
      const found = await requireReply(ctx);
      if (found.reply.authorId !== user.id) throw forbidden(`Solo su autor puede editar este ${words.reply}.`);
      const form = readReplyForm(kind, formData);
      if (!form.success) return invalidForm(intent, found.target, form.errors, form.values);
      const result = await updateWallReply({ replyId: found.reply.id, editorId: user.id, body: form.data.body });
      if (!result.ok) return refusal(ctx, result.reason, found.target, form.values);
      return done(ctx, found.at, `Se guardaron los cambios de tu ${words.reply}.`);
    }

    case "useful":
    case "not-useful": {
      requireParticipant(user);
      const found = await requireReply(ctx);
      const useful = intent === "useful";
      const result = await setContributionUseful({ replyId: found.reply.id, actorId: user.id, useful });
      if (!result.ok) return refusal(ctx, result.reason, found.target);
      return done(ctx, found.at, useful ? "Marcaste el aporte como útil; su autor recibirá un aviso." : "Quitaste la marca de aporte útil.");
    }

    case "react-reply":
    case "unreact-reply": {
      requireParticipant(user);
      const found = await requireReply(ctx);
      const on = intent === "react-reply";
      const result = await setReplyReaction({ replyId: found.reply.id, userId: user.id, on });
      if (!result.ok) return refusal(ctx, result.reason, found.target);
      return done(ctx, found.at, on ? "Marcaste «Me sirve»." : "Quitaste tu «Me sirve».");
    }

    case "react-post":
    case "unreact-post": {
      requireParticipant(user);
      // "Me interesa" belongs to initiatives; on a challenge, "me sirve" goes to each contribution.
      if (kind !== "initiative") return refusal(ctx, "wrong_kind", "post");
      const on = intent === "react-post";
      const result = await setPostReaction({ postId: post.id, userId: user.id, on });
      if (!result.ok) return refusal(ctx, result.reason, "post");
      return done(ctx, ctx.here, on ? "Marcaste «Me interesa»." : "Quitaste tu «Me interesa».");
    }

    case "follow":
    case "unfollow": {
      requireParticipant(user);
      const on = intent === "follow";
      const result = await setFollowing({ postId: post.id, userId: user.id, on });
      if (!result.ok) return refusal(ctx, result.reason, "post");
      return done(ctx, ctx.here, on ? `Sigues ${words.withArticle}: te avisaremos de cada nuevo ${words.reply}.` : `Dejaste de seguir ${words.withArticle}.`);
    }

    case "status": {
      if (kind !== "challenge") return refusal(ctx, "wrong_kind", "post");
      requireAuthor(ctx);
      const form = readChallengeStatus(formData);
      if (!form.success) return invalidForm(intent, "post", form.errors, form.values);
      const result = await setChallengeStatus({ postId: post.id, actorId: user.id, status: form.data.status });
      if (!result.ok) return refusal(ctx, result.reason, "post");
      return done(ctx, ctx.here, `El desafío ahora está «${WALL_STATUS_LABELS[form.data.status].toLowerCase()}».`);
    }

    case "accompany":
    case "end-accompany": {
      if (!can(user, "walls.accompany")) throw forbidden("Solo DIFOCA acompaña desafíos e iniciativas.");
      const on = intent === "accompany";
      const result = await setAccompaniment({ postId: post.id, actorId: user.id, on });
      if (!result.ok) return refusal(ctx, result.reason, "post");
      return done(ctx, ctx.here, on ? `Acompañas ${words.withArticle}; su autor recibirá un aviso.` : "Terminó el acompañamiento de DIFOCA.");
    }

    case "hide-post":
    case "restore-post": {
      if (!can(user, "walls.moderate")) throw forbidden("Solo DIFOCA oculta o vuelve a mostrar publicaciones.");
      if (intent === "restore-post") {
        const result = await restoreWallPost({ postId: post.id, actorId: user.id });
        if (!result.ok) return refusal(ctx, result.reason, "post");
        return done(ctx, ctx.here, "La publicación vuelve a estar visible para todos.");
      }
      const form = readModerationReason(formData);
      if (!form.success) return invalidForm(intent, "post", form.errors, form.values);
      const result = await hideWallPost({ postId: post.id, actorId: user.id, reason: form.data.reason });
      if (!result.ok) return refusal(ctx, result.reason, "post", form.values);
      return done(ctx, ctx.here, "Se ocultó la publicación; su autor verá el motivo.");
    }

    case "hide-reply":
    case "restore-reply": {
      if (!can(user, "walls.moderate")) throw forbidden("Solo DIFOCA oculta o vuelve a mostrar aportes y comentarios.");
      const found = await requireReply(ctx);
      if (intent === "restore-reply") {
        const result = await restoreWallReply({ replyId: found.reply.id, actorId: user.id });
        if (!result.ok) return refusal(ctx, result.reason, found.target);
        return done(ctx, found.at, `El ${words.reply} vuelve a estar visible para todos.`);
      }
      const form = readModerationReason(formData);
      if (!form.success) return invalidForm(intent, found.target, form.errors, form.values);
      const result = await hideWallReply({ replyId: found.reply.id, actorId: user.id, reason: form.data.reason });
      if (!result.ok) return refusal(ctx, result.reason, found.target, form.values);
      return done(ctx, found.at, `Se ocultó el ${words.reply}; su autor verá el motivo.`);
    }

    case "report": {
      requireParticipant(user);
      let replyId: number | null = null;
      let target = "post";
      let to = ctx.here;
      if (formData.get("replyId") !== null) {
        const found = await requireReply(ctx);
        replyId = found.reply.id;
        target = found.target;
        to = found.at;
        if (found.reply.hiddenAt !== null) return refusal(ctx, "hidden", target);
      }
      // Hidden content is already out of sight: there is nothing left to report.
      if (post.hiddenAt !== null) return refusal(ctx, "hidden", target);
      const form = readReportForm(formData);
      if (!form.success) return invalidForm(intent, target, form.errors, form.values);
      const result = await reportWallContent({ postId: post.id, replyId, reporterId: user.id, reason: form.data.reason, details: form.data.details });
      if (!result.ok) return refusal(ctx, result.reason, target, form.values);
      const what = replyId === null ? "esta publicación" : `este ${words.reply}`;
      if (result.alreadyReported) return done(ctx, to, `Ya habías reportado ${what}; DIFOCA lo revisará.`, "info");
      return done(ctx, to, "Gracias por avisar: DIFOCA revisará tu reporte.");
    }

    case "convert": {
      if (kind !== "initiative") return refusal(ctx, "wrong_kind", "post");
      requireParticipant(user);
      if (!can(user, "practices.create")) throw forbidden("Tu cuenta no puede crear prácticas.");
      requireAuthor(ctx);
      const result = await convertInitiativeToPractice({ postId: post.id, actorId: user.id, igedId: user.igedId });
      if (!result.ok) return refusal(ctx, result.reason, "post");
      return done(
        ctx,
        `/practicas/${result.practice.slug}/editar`,
        "Se creó el borrador de la práctica a partir de tu iniciativa; complétalo y envíalo a revisión.",
      );
    }

    default:
      return refuseForm(intent, "post", "La acción no es válida.");
  }
}
