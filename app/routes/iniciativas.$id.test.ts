import { describe, expect, test } from "vitest";
import { getIgedByName } from "~/models/iged.server";
import { listNotifications } from "~/models/notification.server";
import { getPracticeDetail } from "~/models/practice.server";
import { createWallPost, getInitiativeOfPractice, getWallPost, hideWallPost } from "~/models/wall.server";
import { action, loader } from "~/routes/iniciativas.$id._index";
import { loader as practiceLoader } from "~/routes/practicas.$slug._index";
import type { WallPostPageData } from "~/utils/wall-thread.server";
import { createMember } from "../../tests/factories/members";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

async function makeInitiative(options: { withIged?: boolean; authorRole?: "gestor" | "experto" | "difoca" } = {}) {
  const withIged = options.withIged ?? true;
  const role = options.authorRole ?? "gestor";
  const author = await createMember(role === "gestor" ? { iged: "UGEL Nasca" } : { role, iged: null });
  const iged = (await getIgedByName("UGEL Nasca"))!;
  const { id } = await createWallPost({
    kind: "initiative",
    authorId: author.id,
    title: "Brigadas escolares de gestión del riesgo en Nasca",
    summary: "Estudiantes y docentes forman brigadas que revisan rutas de evacuación cada mes.",
    body: "Cada institución educativa forma una brigada con estudiantes de cuarto y quinto de secundaria.",
    links: ["https://www.ugelnasca.gob.pe/brigadas"],
    tags: [],
    thematicLineId: null,
    igedId: withIged ? iged.id : null,
    regionId: iged.regionId,
  });
  return { id, author };
}

const load = (id: number, cookie?: string) => respond(() => loader({ request: getRequest(`/iniciativas/${id}`, cookie), params: { id: String(id) }, context }));
const post = (id: number, fields: Record<string, string>, cookie: string) =>
  respond(() => action({ request: formRequest(`/iniciativas/${id}`, fields, cookie), params: { id: String(id) }, context }));
const page = async (response: Response) => (await response.json()) as WallPostPageData;

describe("an initiative's page", () => {
  test("a visitor reads it with its summary and links; a hidden one is a 404 for them", async () => {
    const initiative = await makeInitiative();
    const data = await page(await load(initiative.id));
    expect(data.post).toMatchObject({
      statusLabel: "En curso",
      summary: "Estudiantes y docentes forman brigadas que revisan rutas de evacuación cada mes.",
      links: ["https://www.ugelnasca.gob.pe/brigadas"],
      igedName: "UGEL Nasca",
    });
    const difoca = await createMember({ role: "difoca", iged: null });
    await hideWallPost({ postId: initiative.id, actorId: difoca.id, reason: "Publica la lista de estudiantes de la brigada." });
    expect((await load(initiative.id)).status).toBe(404);
    expect((await page(await load(initiative.id, await sessionCookieFor(initiative.author.id)))).post.hidden?.reason).toBe(
      "Publica la lista de estudiantes de la brigada.",
    );
  });

  test("a comment notifies the initiative's author and is anchored as a comment", async () => {
    const initiative = await makeInitiative();
    const member = await createMember({ name: "Julio Mamani", iged: "DRE Cusco" });
    const response = await post(initiative.id, { intent: "reply", body: "¿Cómo coordinan con el COE distrital?" }, await sessionCookieFor(member.id));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(new RegExp(`^/iniciativas/${initiative.id}#comentario-\\d+$`));
    const notifications = await listNotifications(initiative.author.id);
    expect(notifications.map((n) => n.title)).toContain("Julio Mamani comentó la iniciativa «Brigadas escolares de gestión del riesgo en Nasca»");
  });

  test("a comment on a hidden initiative is refused by its author too", async () => {
    const initiative = await makeInitiative();
    const difoca = await createMember({ role: "difoca", iged: null });
    await hideWallPost({ postId: initiative.id, actorId: difoca.id, reason: "Publica la lista de estudiantes de la brigada." });
    const response = await post(initiative.id, { intent: "reply", body: "Agrego un comentario a mi iniciativa." }, await sessionCookieFor(initiative.author.id));
    expect(response.status).toBe(400);
    const data = await response.json();
    expect(data.errors.form).toBe("Esta publicación está oculta.");
    expect(data.values.body).toBe("Agrego un comentario a mi iniciativa.");
  });
});

describe("«me interesa»", () => {
  test("members cannot react to their own initiative; others react once", async () => {
    const initiative = await makeInitiative();
    const own = await post(initiative.id, { intent: "react-post" }, await sessionCookieFor(initiative.author.id));
    expect(own.status).toBe(400);
    expect((await own.json()).errors.form).toBe("No puedes reaccionar a tu propia publicación.");

    const member = await createMember();
    const cookie = await sessionCookieFor(member.id);
    expect((await post(initiative.id, { intent: "react-post" }, cookie)).status).toBe(302);
    expect((await post(initiative.id, { intent: "react-post" }, cookie)).status).toBe(302);
    const data = await page(await load(initiative.id, cookie));
    expect(data.post.reactionCount).toBe(1);
    expect(data.viewer?.reacted).toBe(true);
    expect((await post(initiative.id, { intent: "unreact-post" }, cookie)).status).toBe(302);
    expect((await getWallPost(initiative.id, "initiative"))?.reactionCount).toBe(0);
  });

  test("marking useful is for challenges only", async () => {
    const initiative = await makeInitiative();
    const member = await createMember();
    const replied = await post(initiative.id, { intent: "reply", body: "Un comentario cualquiera sobre las brigadas." }, await sessionCookieFor(member.id));
    const replyId = replied.headers.get("Location")!.split("#comentario-")[1] ?? "";
    const response = await post(initiative.id, { intent: "useful", replyId }, await sessionCookieFor(initiative.author.id));
    expect(response.status).toBe(400);
    expect((await response.json()).errors.form).toBe("Esta acción no corresponde a una iniciativa.");
  });
});

describe("turning an initiative into a practice", () => {
  test("its author gets a linked practice draft, once", async () => {
    const initiative = await makeInitiative();
    const cookie = await sessionCookieFor(initiative.author.id);
    const response = await post(initiative.id, { intent: "convert" }, cookie);
    expect(response.status).toBe(302);
    const location = response.headers.get("Location")!;
    expect(location).toMatch(/^\/practicas\/[a-z0-9-]+\/editar$/);
    const slug = location.split("/")[2] ?? "";
    const practice = await getPracticeDetail(slug);
    expect(practice).toMatchObject({ status: "borrador", title: "Brigadas escolares de gestión del riesgo en Nasca" });
    expect(practice?.strategy).toContain("https://www.ugelnasca.gob.pe/brigadas");
    expect((await getInitiativeOfPractice(practice!.id))?.id).toBe(initiative.id);

    const data = await page(await load(initiative.id, cookie));
    expect(data.post.practice).toMatchObject({ slug, linked: true });
    expect(data.post.statusLabel).toBe("Convertida en práctica");
    expect(data.viewer?.canConvert).toBe(false);
    // A visitor is told about the draft but gets no link to a page they could not open.
    expect((await page(await load(initiative.id))).post.practice?.linked).toBe(false);

    const practicePage = await respond(() => practiceLoader({ request: getRequest(`/practicas/${slug}`, cookie), params: { slug }, context }));
    expect((await practicePage.json()).initiative).toEqual({ id: initiative.id, title: "Brigadas escolares de gestión del riesgo en Nasca" });

    const again = await post(initiative.id, { intent: "convert" }, cookie);
    expect(again.status).toBe(400);
    expect((await again.json()).errors.form).toBe("Esta iniciativa ya se convirtió en práctica.");
  });

  test("another member cannot convert it, and an expert who cannot create practices neither", async () => {
    const initiative = await makeInitiative();
    const other = await createMember();
    expect((await post(initiative.id, { intent: "convert" }, await sessionCookieFor(other.id))).status).toBe(403);
    const byExpert = await makeInitiative({ authorRole: "experto" });
    expect((await post(byExpert.id, { intent: "convert" }, await sessionCookieFor(byExpert.author.id))).status).toBe(403);
    expect((await getWallPost(initiative.id, "initiative"))?.practice).toBeNull();
  });

  test("without an IGED on the initiative, the author's own IGED leads the practice", async () => {
    const initiative = await makeInitiative({ withIged: false });
    const response = await post(initiative.id, { intent: "convert" }, await sessionCookieFor(initiative.author.id));
    expect(response.status).toBe(302);
    const slug = response.headers.get("Location")!.split("/")[2] ?? "";
    expect((await getPracticeDetail(slug))?.leadIgedName).toBe("UGEL Nasca");
  });

  test("when neither the initiative nor its author has an IGED, the author is asked to choose one", async () => {
    const initiative = await makeInitiative({ withIged: false, authorRole: "difoca" });
    const response = await post(initiative.id, { intent: "convert" }, await sessionCookieFor(initiative.author.id));
    expect(response.status).toBe(400);
    expect((await response.json()).errors.form).toMatch(/^Para crear la práctica, primero elige la IGED de la iniciativa/);
    expect((await getWallPost(initiative.id, "initiative"))?.practice).toBeNull();
  });
});
