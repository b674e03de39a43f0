import { describe, expect, test } from "vitest";
import { getIgedByName } from "~/models/iged.server";
import { listNotifications } from "~/models/notification.server";
import { getMemberPoints } from "~/models/points.server";
import { addWallReply, countOpenReports, createWallPost, getWallPost, hideWallPost } from "~/models/wall.server";
import { action, loader } from "~/routes/desafios.$id._index";
import { todayInLima } from "~/utils/dates";
import { readToast } from "~/utils/toast.server";
import type { WallPostPageData } from "~/utils/wall-thread.server";
import { createMember } from "../../tests/factories/members";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

const year = Number(todayInLima().slice(0, 4));
const pointsOf = async (userId: number) => (await getMemberPoints(userId, year)).total;

async function makeChallenge(title = "Rotación alta de especialistas en la UGEL") {
  const author = await createMember({ iged: "UGEL Nasca" });
  const iged = (await getIgedByName("UGEL Nasca"))!;
  const { id } = await createWallPost({
    kind: "challenge",
    authorId: author.id,
    title,
    summary: "",
    body: "Cada año cambia la mitad del equipo de especialistas y se pierde lo avanzado con las escuelas.",
    links: [],
    tags: ["rotación de personal"],
    thematicLineId: null,
    igedId: iged.id,
    regionId: iged.regionId,
  });
  return { id, author, path: `/desafios/${id}` };
}

const load = (id: number | string, cookie?: string) => respond(() => loader({ request: getRequest(`/desafios/${id}`, cookie), params: { id: String(id) }, context }));
const post = (id: number, fields: Record<string, string>, cookie: string) =>
  respond(() => action({ request: formRequest(`/desafios/${id}`, fields, cookie), params: { id: String(id) }, context }));
const page = async (response: Response) => (await response.json()) as WallPostPageData;

/** The flash message a redirect carries, as the next page would show it. */
async function toastOf(response: Response) {
  const cookie = (response.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
  return (await readToast(new Request("http://localhost:3000/", { headers: { Cookie: cookie } }))).toast;
}

describe("who sees a challenge", () => {
  test("a visitor reads a visible challenge, and a hidden one is a 404 for them and for other members", async () => {
    const challenge = await makeChallenge();
    const shown = await load(challenge.id);
    expect(shown.status).toBe(200);
    const data = await page(shown);
    expect(data.post.title).toBe("Rotación alta de especialistas en la UGEL");
    expect(data.post.statusLabel).toBe("Abierto");
    expect(data.viewer).toBeNull();

    const difoca = await createMember({ role: "difoca", iged: null });
    await hideWallPost({ postId: challenge.id, actorId: difoca.id, reason: "Incluye nombres de estudiantes menores de edad." });
    expect((await load(challenge.id)).status).toBe(404);
    const other = await createMember();
    expect((await load(challenge.id, await sessionCookieFor(other.id))).status).toBe(404);
  });

  test("the author sees their hidden challenge with DIFOCA's reason, and DIFOCA sees it too", async () => {
    const challenge = await makeChallenge();
    const difoca = await createMember({ role: "difoca", iged: null });
    await hideWallPost({ postId: challenge.id, actorId: difoca.id, reason: "Incluye nombres de estudiantes menores de edad." });

    const asAuthor = await page(await load(challenge.id, await sessionCookieFor(challenge.author.id)));
    expect(asAuthor.post.hidden?.reason).toBe("Incluye nombres de estudiantes menores de edad.");
    expect(asAuthor.viewer).toMatchObject({ isAuthor: true, canModerate: false });

    const asDifoca = await page(await load(challenge.id, await sessionCookieFor(difoca.id)));
    expect(asDifoca.post.hidden?.reason).toBe("Incluye nombres de estudiantes menores de edad.");
    expect(asDifoca.viewer?.canModerate).toBe(true);
  });

  test("an id that is not a positive whole number, or of the other wall, is a 404", async () => {
    expect((await load("abc")).status).toBe(404);
    expect((await load("0")).status).toBe(404);
    expect((await load("12abc")).status).toBe(404);
    expect((await load(999_999)).status).toBe(404);
    const challenge = await makeChallenge();
    const asInitiative = await respond(async () =>
      (await import("~/routes/iniciativas.$id._index")).loader({ request: getRequest(`/iniciativas/${challenge.id}`), params: { id: String(challenge.id) }, context }),
    );
    expect(asInitiative.status).toBe(404);
  });

  test("a script in a contribution reaches the page sanitized", async () => {
    const challenge = await makeChallenge();
    const member = await createMember();
    await addWallReply({ postId: challenge.id, authorId: member.id, body: 'Idea<script>alert("x")</script> **clave**' });
    const body = JSON.stringify(await page(await load(challenge.id)));
    expect(body).toContain("<strong>clave</strong>");
    expect(body).not.toContain("<script");
  });
});

describe("contributing", () => {
  test("a contribution by another member notifies the author and earns points, and lands on its anchor", async () => {
    const challenge = await makeChallenge();
    const member = await createMember({ name: "Rosa Quispe", iged: "DRE Cusco" });
    const before = await pointsOf(member.id);
    const response = await post(challenge.id, { intent: "reply", body: "En Cusco armamos un banco de inducción con videos cortos para los nuevos." }, await sessionCookieFor(member.id));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(new RegExp(`^/desafios/${challenge.id}#aporte-\\d+$`));
    expect(await pointsOf(member.id)).toBe(before + 5);

    const notifications = await listNotifications(challenge.author.id);
    expect(notifications.map((n) => n.title)).toContain("Nuevo aporte de Rosa Quispe al desafío «Rotación alta de especialistas en la UGEL»");

    const thread = (await page(await load(challenge.id))).replies;
    expect(thread).toHaveLength(1);
    expect(thread[0]).toMatchObject({ authorName: "Rosa Quispe", authorRegionName: "Cusco", anchor: `aporte-${thread[0]?.id}` });
  });

  test("a too short contribution is a 400 that keeps what was typed", async () => {
    const challenge = await makeChallenge();
    const member = await createMember();
    const response = await post(challenge.id, { intent: "reply", body: "Sí" }, await sessionCookieFor(member.id));
    expect(response.status).toBe(400);
    const data = await response.json();
    expect(data.errors.body).toBe("Tu aporte debe tener al menos 5 caracteres.");
    expect(data.values.body).toBe("Sí");
  });

  test("a visitor who posts is sent to sign in and comes back to the challenge", async () => {
    const challenge = await makeChallenge();
    const response = await respond(() =>
      action({ request: formRequest(`/desafios/${challenge.id}`, { intent: "reply", body: "Un aporte sin cuenta" }), params: { id: String(challenge.id) }, context }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/ingresar?redirectTo=${encodeURIComponent(`/desafios/${challenge.id}`)}`);
  });

  test("only the author edits a contribution", async () => {
    const challenge = await makeChallenge();
    const member = await createMember();
    const reply = await addWallReply({ postId: challenge.id, authorId: member.id, body: "Propongo un protocolo de entrega de cargo." });
    if (!reply.ok) throw new Error("reply refused");
    const other = await post(challenge.id, { intent: "edit-reply", replyId: String(reply.id), body: "Texto cambiado por otra persona" }, await sessionCookieFor(challenge.author.id));
    expect(other.status).toBe(403);
    const own = await post(challenge.id, { intent: "edit-reply", replyId: String(reply.id), body: "Propongo un protocolo de entrega de cargo con fichas." }, await sessionCookieFor(member.id));
    expect(own.status).toBe(302);
    expect(own.headers.get("Location")).toBe(`/desafios/${challenge.id}#aporte-${reply.id}`);
    const thread = (await page(await load(challenge.id))).replies;
    expect(thread[0]?.html).toContain("con fichas");
    expect(thread[0]?.edited).toBe(true);
  });
});

describe("me sirve and useful marks", () => {
  test("«me sirve» twice counts once, and members cannot give it to their own contribution", async () => {
    const challenge = await makeChallenge();
    const contributor = await createMember();
    const reader = await createMember();
    const reply = await addWallReply({ postId: challenge.id, authorId: contributor.id, body: "Un aporte que sirve a varios." });
    if (!reply.ok) throw new Error("reply refused");
    const cookie = await sessionCookieFor(reader.id);
    expect((await post(challenge.id, { intent: "react-reply", replyId: String(reply.id) }, cookie)).status).toBe(302);
    expect((await post(challenge.id, { intent: "react-reply", replyId: String(reply.id) }, cookie)).status).toBe(302);
    const thread = (await page(await load(challenge.id, cookie))).replies;
    expect(thread[0]).toMatchObject({ reactionCount: 1, viewerReacted: true });

    const own = await post(challenge.id, { intent: "react-reply", replyId: String(reply.id) }, await sessionCookieFor(contributor.id));
    expect(own.status).toBe(400);
    expect((await own.json()).errors.form).toBe("No puedes marcar «Me sirve» en tu propio aporte.");
  });

  test("only the challenge's author marks a contribution useful; its author earns the points and is told", async () => {
    const challenge = await makeChallenge();
    const contributor = await createMember();
    const outsider = await createMember();
    const reply = await addWallReply({ postId: challenge.id, authorId: contributor.id, body: "Un aporte que resolvió el problema." });
    if (!reply.ok) throw new Error("reply refused");

    const refused = await post(challenge.id, { intent: "useful", replyId: String(reply.id) }, await sessionCookieFor(outsider.id));
    expect(refused.status).toBe(403);

    const before = await pointsOf(contributor.id);
    const marked = await post(challenge.id, { intent: "useful", replyId: String(reply.id) }, await sessionCookieFor(challenge.author.id));
    expect(marked.status).toBe(302);
    expect(await pointsOf(contributor.id)).toBe(before + 15);
    const notifications = await listNotifications(contributor.id);
    expect(notifications.some((n) => n.type === "contribution_useful" && n.link === `/desafios/${challenge.id}#aporte-${reply.id}`)).toBe(true);
    expect((await page(await load(challenge.id))).replies[0]?.useful).toBe(true);

    const unmarked = await post(challenge.id, { intent: "not-useful", replyId: String(reply.id) }, await sessionCookieFor(challenge.author.id));
    expect(unmarked.status).toBe(302);
    expect(await pointsOf(contributor.id)).toBe(before);
  });

  test("«me interesa» belongs to initiatives: on a challenge it is a 400", async () => {
    const challenge = await makeChallenge();
    const member = await createMember();
    const response = await post(challenge.id, { intent: "react-post" }, await sessionCookieFor(member.id));
    expect(response.status).toBe(400);
    expect((await response.json()).errors.form).toBe("Esta acción no corresponde a un desafío.");
  });
});

describe("status, following and accompaniment", () => {
  test("only the author sets the status; a bad status is a 400", async () => {
    const challenge = await makeChallenge();
    const other = await createMember();
    expect((await post(challenge.id, { intent: "status", status: "resuelto" }, await sessionCookieFor(other.id))).status).toBe(403);
    const cookie = await sessionCookieFor(challenge.author.id);
    const bad = await post(challenge.id, { intent: "status", status: "cerrado" }, cookie);
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.status).toBe("Elige un estado de la lista.");
    expect((await post(challenge.id, { intent: "status", status: "resuelto" }, cookie)).status).toBe(302);
    expect((await getWallPost(challenge.id, "challenge"))?.status).toBe("resuelto");
  });

  test("a follower is notified of new contributions and can stop following", async () => {
    const challenge = await makeChallenge();
    const follower = await createMember();
    const cookie = await sessionCookieFor(follower.id);
    expect((await post(challenge.id, { intent: "follow" }, cookie)).status).toBe(302);
    expect((await page(await load(challenge.id, cookie))).viewer?.following).toBe(true);
    const contributor = await createMember();
    await addWallReply({ postId: challenge.id, authorId: contributor.id, body: "Un aporte para los que siguen." });
    expect((await listNotifications(follower.id)).some((n) => n.type === "challenge_contribution")).toBe(true);
    expect((await post(challenge.id, { intent: "unfollow" }, cookie)).status).toBe(302);
    expect((await page(await load(challenge.id, cookie))).viewer?.following).toBe(false);
  });

  test("only DIFOCA accompanies a challenge, which then shows who accompanies it", async () => {
    const challenge = await makeChallenge();
    expect((await post(challenge.id, { intent: "accompany" }, await sessionCookieFor(challenge.author.id))).status).toBe(403);
    const difoca = await createMember({ role: "difoca", iged: null, name: "Lucía Huamán" });
    expect((await post(challenge.id, { intent: "accompany" }, await sessionCookieFor(difoca.id))).status).toBe(302);
    const data = await page(await load(challenge.id));
    expect(data.post.accompaniment?.name).toBe("Lucía Huamán");
    expect(data.post.statusLabel).toBe("En acompañamiento");
  });
});

describe("moderation", () => {
  test("a gestor cannot hide a post", async () => {
    const challenge = await makeChallenge();
    const gestor = await createMember();
    const response = await post(challenge.id, { intent: "hide-post", reason: "No me gusta este desafío para nada." }, await sessionCookieFor(gestor.id));
    expect(response.status).toBe(403);
    expect((await getWallPost(challenge.id, "challenge"))?.hiddenAt).toBeNull();
  });

  test("DIFOCA needs a reason to hide a contribution; hiding it reverses its points and takes it out of the thread", async () => {
    const challenge = await makeChallenge();
    const contributor = await createMember();
    const before = await pointsOf(contributor.id);
    const reply = await addWallReply({ postId: challenge.id, authorId: contributor.id, body: "Un aporte con datos personales de docentes." });
    if (!reply.ok) throw new Error("reply refused");
    expect(await pointsOf(contributor.id)).toBe(before + 5);

    const difoca = await createMember({ role: "difoca", iged: null });
    const cookie = await sessionCookieFor(difoca.id);
    const noReason = await post(challenge.id, { intent: "hide-reply", replyId: String(reply.id), reason: "" }, cookie);
    expect(noReason.status).toBe(400);
    const refused = await noReason.json();
    expect(refused.errors.reason).toBe("Escribe el motivo: su autor lo leerá.");
    expect(refused.target).toBe(`aporte-${reply.id}`);

    const hidden = await post(challenge.id, { intent: "hide-reply", replyId: String(reply.id), reason: "Expone datos personales de docentes." }, cookie);
    expect(hidden.status).toBe(302);
    expect(await pointsOf(contributor.id)).toBe(before);

    const asVisitor = await page(await load(challenge.id));
    expect(asVisitor.replies).toHaveLength(0);
    const asAuthor = await page(await load(challenge.id, await sessionCookieFor(contributor.id)));
    expect(asAuthor.replies[0]).toMatchObject({ hidden: true, hiddenReason: "Expone datos personales de docentes." });
    const asOther = await page(await load(challenge.id, await sessionCookieFor(challenge.author.id)));
    expect(asOther.replies).toHaveLength(0);

    expect((await post(challenge.id, { intent: "restore-reply", replyId: String(reply.id) }, cookie)).status).toBe(302);
    expect(await pointsOf(contributor.id)).toBe(before + 5);
  });

  test("DIFOCA hides a whole challenge and shows it again", async () => {
    const challenge = await makeChallenge();
    const difoca = await createMember({ role: "difoca", iged: null });
    const cookie = await sessionCookieFor(difoca.id);
    expect((await post(challenge.id, { intent: "hide-post", reason: "Contiene datos personales de estudiantes." }, cookie)).status).toBe(302);
    expect((await load(challenge.id)).status).toBe(404);
    expect((await post(challenge.id, { intent: "restore-post" }, cookie)).status).toBe(302);
    expect((await load(challenge.id)).status).toBe(200);
  });
});

describe("reports", () => {
  test("members cannot report their own post", async () => {
    const challenge = await makeChallenge();
    const response = await post(challenge.id, { intent: "report", reason: "spam" }, await sessionCookieFor(challenge.author.id));
    expect(response.status).toBe(400);
    expect((await response.json()).errors.form).toBe("No puedes reportar tu propia publicación.");
  });

  test("reporting twice leaves one open report and says it was already reported", async () => {
    const challenge = await makeChallenge();
    const reporter = await createMember();
    const cookie = await sessionCookieFor(reporter.id);
    const before = await countOpenReports();
    const first = await post(challenge.id, { intent: "report", reason: "ofensivo", details: "Trata mal a los directores." }, cookie);
    expect(first.status).toBe(302);
    expect((await toastOf(first))?.message).toBe("Gracias por avisar: DIFOCA revisará tu reporte.");
    const second = await post(challenge.id, { intent: "report", reason: "ofensivo" }, cookie);
    expect(second.status).toBe(302);
    expect(await toastOf(second)).toMatchObject({ type: "info", message: expect.stringMatching(/^Ya habías reportado/) });
    expect(await countOpenReports()).toBe(before + 1);
  });

  test("a report without a reason is a 400 in Spanish", async () => {
    const challenge = await makeChallenge();
    const reporter = await createMember();
    const response = await post(challenge.id, { intent: "report", reason: "porque sí" }, await sessionCookieFor(reporter.id));
    expect(response.status).toBe(400);
    expect((await response.json()).errors.reason).toBe("Elige el motivo del reporte.");
  });
});

describe("bad requests", () => {
  test("an unknown action is a 400 and a non-numeric id a 404", async () => {
    const challenge = await makeChallenge();
    const cookie = await sessionCookieFor(challenge.author.id);
    const bad = await post(challenge.id, { intent: "delete-everything" }, cookie);
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.form).toBe("La acción no es válida.");
    const noId = await respond(() => action({ request: formRequest("/desafios/abc", { intent: "follow" }, cookie), params: { id: "abc" }, context }));
    expect(noId.status).toBe(404);
  });

  test("a contribution of another challenge cannot be reached through this one", async () => {
    const first = await makeChallenge("Desafío con un aporte propio");
    const second = await makeChallenge("Otro desafío sin relación alguna");
    const member = await createMember();
    const reply = await addWallReply({ postId: first.id, authorId: member.id, body: "Aporte del primer desafío." });
    if (!reply.ok) throw new Error("reply refused");
    const response = await post(second.id, { intent: "useful", replyId: String(reply.id) }, await sessionCookieFor(second.author.id));
    expect(response.status).toBe(404);
  });
});
