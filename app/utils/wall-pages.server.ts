// The loaders and actions of the walls' feed, new-post and edit pages. Both walls are one
// implementation taking the WallKind, so /desafios and /iniciativas cannot drift apart; each route
// module only names its kind.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import type { WallPostFormValues } from "~/components/wall-post-form";
import { getIged, listIgedOptions } from "~/models/iged.server";
import { listMacroregions, listRegions } from "~/models/region.server";
import { isActiveThematicLine, listThematicLines } from "~/models/thematic-line.server";
import { createWallPost, getWallPost, listWallFeed, updateWallPost, wallPostPath, type WallKind, type WallPostDetail } from "~/models/wall.server";
import { getUser, type CurrentUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { markdownToText } from "~/utils/markdown.server";
import { can, requirePermission } from "~/utils/permissions.server";
import { snippetParts } from "~/utils/search.server";
import { redirectWithToast } from "~/utils/toast.server";
import { WALL_STATUS_LABELS, WALLS, type WallStatus } from "~/utils/wall-labels";
import { readFeedQuery, readWallPostForm, type WallPostForm } from "~/utils/wall-validation.server";

const EXCERPT_LENGTH = 220;

/** The plain start of a text, cut at a word and marked "…" when there is more. */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s.,;:]+$/, "")}…`;
}

// ---------------------------------------------------------------------------------------------
// The feed

export async function loadWallFeed(kind: WallKind, request: Request) {
  const url = new URL(request.url);
  const [user, regions, macroregions, lines] = await Promise.all([getUser(request), listRegions(), listMacroregions(), listThematicLines({ includeInactive: true })]);
  const query = readFeedQuery(kind, url);
  // Unknown slugs are ignored like any other stale address, never an error.
  const known = (value: string, slugs: string[]) => (slugs.includes(value) ? value : "");
  const filters = {
    q: query.q,
    region: known(query.region, regions.map((r) => r.slug)),
    macrorregion: known(query.macrorregion, macroregions.map((m) => m.slug)),
    linea: known(query.linea, lines.map((l) => l.slug)),
    estado: query.estado,
    etiqueta: query.etiqueta,
    acompanados: query.acompanados,
    orden: query.orden ?? "",
  };
  const result = await listWallFeed({
    kind,
    query: filters.q || undefined,
    regionSlug: filters.region || undefined,
    macroregionSlug: filters.macrorregion || undefined,
    lineSlug: filters.linea || undefined,
    status: (filters.estado || undefined) as WallStatus | undefined,
    accompanied: filters.acompanados || undefined,
    tag: filters.etiqueta || undefined,
    sort: query.orden,
    page: query.page,
  });
  const back = `${url.pathname}${url.search}`;
  return json({
    kind,
    filters,
    options: {
      regions: regions.map((r) => ({ value: r.slug, label: r.name })),
      macroregions: macroregions.map((m) => ({ value: m.slug, label: m.name })),
      lines: lines.map((l) => ({ value: l.slug, label: l.name })),
    },
    canParticipate: can(user, "walls.participate"),
    signInPath: `/ingresar?redirectTo=${encodeURIComponent(back)}`,
    result: {
      total: result.total,
      page: result.page,
      pages: result.pages,
      items: result.items.map((item) => ({
        id: item.id,
        title: item.title,
        status: item.status,
        statusLabel: WALL_STATUS_LABELS[item.status],
        accompanied: item.accompanied,
        authorName: item.authorName,
        regionName: item.regionName,
        igedName: item.igedName,
        thematicLineName: item.thematicLineName,
        createdAt: item.createdAt,
        date: formatDate(item.createdAt),
        // Only the start of the text travels to the page, never the whole body.
        excerpt: excerpt(kind === "initiative" ? item.summary : markdownToText(item.body)),
        snippet: item.snippet ? snippetParts(item.snippet) : null,
        replyCount: item.replyCount,
        reactionCount: item.reactionCount,
        tags: item.tags,
      })),
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The post form, shared by new and edit

async function formOptions(extraLineId: number | null) {
  const [allLines, igeds, regions] = await Promise.all([listThematicLines({ includeInactive: true }), listIgedOptions(), listRegions()]);
  return {
    // A line DIFOCA retired stays offered to the posts already filed under it.
    lines: allLines.filter((l) => l.active || l.id === extraLineId).map(({ id, name }) => ({ id, name })),
    igeds: igeds.map(({ id, name, regionName }) => ({ id, name, regionName })),
    regions: regions.map(({ id, name }) => ({ id, name })),
  };
}

type Checked = { ok: true; fields: WallPostForm & { regionId: number } } | { ok: false; errors: Record<string, string> };

/** What the schema cannot know: that the IGED, the region and the line exist (and the line is active). */
async function checkReferences(data: WallPostForm, keepLineId: number | null): Promise<Checked> {
  let regionId: number;
  if (data.igedId !== null) {
    const iged = await getIged(data.igedId);
    if (!iged) return { ok: false, errors: { igedId: "Elige una IGED de la lista." } };
    regionId = iged.regionId;
  } else {
    const regions = await listRegions();
    const region = regions.find((r) => r.id === data.regionId);
    if (!region) return { ok: false, errors: { regionId: "Elige una región de la lista." } };
    regionId = region.id;
  }
  if (data.thematicLineId !== null && data.thematicLineId !== keepLineId && !(await isActiveThematicLine(data.thematicLineId))) {
    return { ok: false, errors: { thematicLineId: "Elige una línea temática de la lista." } };
  }
  return { ok: true, fields: { ...data, regionId } };
}

const EMPTY_VALUES: WallPostFormValues = { title: "", summary: "", body: "", links: "", tags: "", thematicLineId: "", igedId: "", regionId: "" };

/** The typed values of a refused submission, to show the form again with nothing lost. */
function typedValues(values: Record<string, string>): WallPostFormValues {
  // Browsers send a textarea's line breaks as CRLF; the form shows them back as typed.
  const pick = (key: keyof WallPostFormValues) => (values[key] ?? "").replace(/\r\n?/g, "\n");
  return {
    title: pick("title"),
    summary: pick("summary"),
    body: pick("body"),
    links: pick("links"),
    tags: pick("tags"),
    thematicLineId: pick("thematicLineId"),
    igedId: pick("igedId"),
    regionId: pick("regionId"),
  };
}

function refused(errors: Record<string, string>, values: Record<string, string>) {
  return badRequest({ errors, values: typedValues(values) });
}

// ---------------------------------------------------------------------------------------------
// A new post

export async function loadNewWallPost(kind: WallKind, request: Request) {
  const user = await requirePermission(request, "walls.participate");
  const options = await formOptions(null);
  return json({
    kind,
    ...options,
    // Members without an IGED (experts, DIFOCA) say at least which region the post is about.
    showRegion: user.igedId === null,
    values: { ...EMPTY_VALUES, igedId: user.igedId ? String(user.igedId) : "" } satisfies WallPostFormValues,
  });
}

export async function createWallPostAction(kind: WallKind, request: Request) {
  const user = await requirePermission(request, "walls.participate");
  const form = readWallPostForm(kind, await request.formData());
  if (!form.success) return refused(form.errors, form.values);
  const checked = await checkReferences(form.data, null);
  if (!checked.ok) return refused(checked.errors, form.values);
  const { id } = await createWallPost({ ...checked.fields, kind, authorId: user.id });
  return redirectWithToast(request, wallPostPath({ kind, id }), {
    type: "success",
    message:
      kind === "challenge"
        ? "Se publicó tu desafío. Te avisaremos cuando alguien haga un aporte."
        : "Se compartió tu iniciativa. Te avisaremos cuando alguien la comente.",
  });
}

// ---------------------------------------------------------------------------------------------
// Editing a post

/** The post, if this member wrote it: 404 when it does not exist (or is hidden from them), 403 otherwise. */
async function requireOwnPost(kind: WallKind, request: Request, params: LoaderFunctionArgs["params"]): Promise<{ user: CurrentUser; post: WallPostDetail }> {
  const user = await requirePermission(request, "walls.participate");
  const id = /^\d{1,9}$/.test(params.id ?? "") ? Number(params.id) : null;
  const post = id ? await getWallPost(id, kind) : undefined;
  const notFoundMessage = `No encontramos ${WALLS[kind].withArticle} que buscas.`;
  if (!post) throw notFound(notFoundMessage);
  if (post.authorId !== user.id) {
    // A hidden post does not exist for anyone but its author.
    if (post.hiddenAt !== null) throw notFound(notFoundMessage);
    throw forbidden(`Solo quien publicó ${WALLS[kind].withArticle} puede editarl${kind === "challenge" ? "o" : "a"}.`);
  }
  return { user, post };
}

export async function loadEditWallPost(kind: WallKind, request: Request, params: LoaderFunctionArgs["params"]) {
  const { user, post } = await requireOwnPost(kind, request, params);
  const options = await formOptions(post.thematicLineId);
  return json({
    kind,
    ...options,
    post: { id: post.id, title: post.title, path: wallPostPath(post), hiddenReason: post.hiddenAt !== null ? post.hiddenReason : null },
    showRegion: user.igedId === null || post.igedId === null,
    values: {
      title: post.title,
      summary: post.summary,
      body: post.body,
      links: post.links.join("\n"),
      tags: post.tags.join(", "),
      thematicLineId: post.thematicLineId ? String(post.thematicLineId) : "",
      igedId: post.igedId ? String(post.igedId) : "",
      regionId: String(post.regionId),
    } satisfies WallPostFormValues,
  });
}

export async function updateWallPostAction(kind: WallKind, request: Request, params: LoaderFunctionArgs["params"]) {
  const { user, post } = await requireOwnPost(kind, request, params);
  const form = readWallPostForm(kind, await request.formData());
  if (!form.success) return refused(form.errors, form.values);
  const checked = await checkReferences(form.data, post.thematicLineId);
  if (!checked.ok) return refused(checked.errors, form.values);
  const result = await updateWallPost({ ...checked.fields, postId: post.id, editorId: user.id });
  if (!result.ok) throw result.reason === "not_author" ? forbidden() : notFound();
  return redirectWithToast(request, wallPostPath(post), { type: "success", message: "Se guardaron los cambios." });
}
