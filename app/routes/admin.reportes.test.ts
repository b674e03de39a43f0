import { beforeEach, describe, expect, test } from "vitest";
import { listNotifications } from "~/models/notification.server";
import { getMemberPoints } from "~/models/points.server";
import { listRegions } from "~/models/region.server";
import { addWallReply, countOpenReports, createWallPost, dismissReports, listOpenReports, listWallReplies, reportWallContent } from "~/models/wall.server";
import { loader as adminHomeLoader } from "~/routes/admin._index";
import { action, loader } from "~/routes/admin.reportes";
import { createMember } from "../../tests/factories/members";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

const URL = "/admin/reportes";

/** A challenge by one gestor, a contribution by another, reported by a third member. */
async function reportedContribution() {
  const [region] = await listRegions();
  const author = await createMember();
  const contributor = await createMember({ name: "Ana Contribuyente" });
  const reporter = await createMember({ name: "Beto Reportante" });
  const difoca = await createMember({ role: "difoca", iged: null });
  const post = await createWallPost({
    kind: "challenge",
    authorId: author.id,
    title: "Alta rotación de especialistas en la UGEL",
    summary: "",
    body: "Cada año cambia la mitad del equipo de gestión pedagógica.",
    links: [],
    tags: ["rotación"],
    thematicLineId: null,
    igedId: null,
    regionId: region!.id,
  });
  const reply = await addWallReply({ postId: post.id, authorId: contributor.id, body: "**Compren** seguidores en mi-tienda.example, ¡oferta!" });
  if (!reply.ok) throw new Error(reply.reason);
  const report = await reportWallContent({ postId: post.id, replyId: reply.id, reporterId: reporter.id, reason: "spam", details: "Es publicidad." });
  if (!report.ok) throw new Error(report.reason);
  return { post, replyId: reply.id, author, contributor, reporter, difoca };
}

const year = new Date().getFullYear();

describe("/admin/reportes", () => {
  // The test database is shared by the file: each test starts with an empty queue.
  beforeEach(async () => {
    const moderator = await createMember({ role: "difoca", iged: null });
    for (const group of await listOpenReports()) await dismissReports({ postId: group.postId, replyId: group.replyId, actorId: moderator.id, note: "" });
  });

  test("a gestor gets 403 to see the queue and to act on it", async () => {
    const { post, replyId, author } = await reportedContribution();
    const cookie = await sessionCookieFor(author.id);
    expect((await respond(() => loader({ request: getRequest(URL, cookie), params: {}, context }))).status).toBe(403);
    const hide = formRequest(URL, { intent: "hide", postId: String(post.id), replyId: String(replyId), reason: "Publicidad ajena a la comunidad." }, cookie);
    expect((await respond(() => action({ request: hide, params: {}, context }))).status).toBe(403);
    expect(await countOpenReports()).toBe(1);
  });

  test("DIFOCA sees the reported contribution, its plain text, the reason and who reported it", async () => {
    const { post, replyId, contributor, difoca } = await reportedContribution();
    const cookie = await sessionCookieFor(difoca.id);
    const page = await (await respond(() => loader({ request: getRequest(URL, cookie), params: {}, context }))).json();
    const group = page.groups.find((g: { replyId: number | null }) => g.replyId === replyId);
    expect(group).toMatchObject({
      wallName: "Muro de desafíos",
      postTitle: "Alta rotación de especialistas en la UGEL",
      link: `/desafios/${post.id}#aporte-${replyId}`,
      authorName: contributor.name,
      excerpt: "Compren seguidores en mi-tienda.example, ¡oferta!",
    });
    expect(group.reports).toEqual([expect.objectContaining({ reason: "Publicidad o contenido ajeno a la comunidad", details: "Es publicidad.", reporterName: "Beto Reportante" })]);
    // The administration's home shows how many reports wait.
    const home = await (await respond(() => adminHomeLoader({ request: getRequest("/admin", cookie), params: {}, context }))).json();
    expect(home.openReports).toBe(1);
  });

  test("hiding needs a reason: without one it is a 400 for that group and keeps what was typed", async () => {
    const { post, replyId, difoca } = await reportedContribution();
    const cookie = await sessionCookieFor(difoca.id);
    const response = await respond(() => action({ request: formRequest(URL, { intent: "hide", postId: String(post.id), replyId: String(replyId), reason: "Spam" }, cookie), params: {}, context }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors.reason).toBe("Escribe el motivo (al menos 10 caracteres): su autor lo leerá.");
    expect(body.values.reason).toBe("Spam");
    expect(body.target).toBe(`${post.id}-${replyId}`);
    const empty = await respond(() => action({ request: formRequest(URL, { intent: "hide", postId: String(post.id), replyId: String(replyId), reason: "" }, cookie), params: {}, context }));
    expect((await empty.json()).errors.reason).toBe("Escribe el motivo: su autor lo leerá.");
    expect(await countOpenReports()).toBe(1);
  });

  test("hiding with a reason hides the contribution, resolves its reports, reverses its points and tells its author", async () => {
    const { post, replyId, contributor, difoca } = await reportedContribution();
    expect((await getMemberPoints(contributor.id, year)).total).toBe(5);
    const cookie = await sessionCookieFor(difoca.id);
    const response = await respond(() =>
      action({ request: formRequest(URL, { intent: "hide", postId: String(post.id), replyId: String(replyId), reason: "Publicidad ajena a la comunidad." }, cookie), params: {}, context }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(URL);
    expect(await countOpenReports()).toBe(0);
    expect((await getMemberPoints(contributor.id, year)).total).toBe(0);
    expect(await listWallReplies(post.id, null)).toEqual([]);
    const [notice] = await listNotifications(contributor.id);
    expect(notice).toMatchObject({ type: "wall_hidden", body: "Motivo: Publicidad ajena a la comunidad." });

    const page = await (await respond(() => loader({ request: getRequest(URL, cookie), params: {}, context }))).json();
    expect(page.groups).toEqual([]);
  });

  test("dismissing closes the reports and the contribution stays visible with its points", async () => {
    const { post, replyId, contributor, difoca } = await reportedContribution();
    const cookie = await sessionCookieFor(difoca.id);
    const response = await respond(() => action({ request: formRequest(URL, { intent: "dismiss", postId: String(post.id), replyId: String(replyId), note: "" }, cookie), params: {}, context }));
    expect(response.status).toBe(302);
    expect(await countOpenReports()).toBe(0);
    expect((await listWallReplies(post.id, null)).map((r) => r.id)).toEqual([replyId]);
    expect((await getMemberPoints(contributor.id, year)).total).toBe(5);
  });

  test("a reply that does not belong to the post is a 404, and a bad intent a 400", async () => {
    const { post, replyId, difoca } = await reportedContribution();
    const cookie = await sessionCookieFor(difoca.id);
    const wrong = await respond(() =>
      action({ request: formRequest(URL, { intent: "hide", postId: String(post.id + 1000), replyId: String(replyId), reason: "Publicidad ajena a la comunidad." }, cookie), params: {}, context }),
    );
    expect(wrong.status).toBe(404);
    const bad = await respond(() => action({ request: formRequest(URL, { intent: "borrar", postId: String(post.id) }, cookie), params: {}, context }));
    expect(bad.status).toBe(400);
    expect(await countOpenReports()).toBe(1);
  });
});
