import { describe, expect, test } from "vitest";
import { getIgedByName } from "~/models/iged.server";
import { getMemberPoints, listPointRules } from "~/models/points.server";
import { getWallPost, hideWallPost, setAccompaniment } from "~/models/wall.server";
import { action as editAction, loader as editLoader } from "~/routes/iniciativas.$id.editar";
import { loader as feedLoader } from "~/routes/iniciativas._index";
import { action as newAction, loader as newLoader } from "~/routes/iniciativas.nueva";
import { createMember } from "../../tests/factories/members";
import { makeChallenge, makeInitiative } from "../../tests/factories/walls";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

async function feed(search = "") {
  const response = await respond(() => feedLoader({ request: getRequest(`/iniciativas${search}`), params: {}, context }));
  expect(response.status).toBe(200);
  return response.json();
}

const titles = (data: { result: { items: { title: string }[] } }) => data.result.items.map((i) => i.title);

const validInitiative = {
  intent: "save",
  title: "Círculos de lectura con madres y padres",
  summary: "Las familias leen con sus hijos una vez por semana en la escuela.",
  body: "Cada viernes las familias leen con sus hijos en el aula; la UGEL presta los libros y los docentes guían la sesión.",
  links: "https://ugel.gob.pe/circulos\nhttps://www.youtube.com/watch?v=abc123",
};

describe("the initiative feed", () => {
  test("shows visible initiatives with their summary, never hidden ones nor challenges", async () => {
    await makeInitiative({ title: "Iniciativa visible de tutoría entre pares", summary: "Estudiantes de quinto acompañan a los de primero." });
    const hidden = await makeInitiative({ title: "Iniciativa oculta por DIFOCA" });
    await makeChallenge({ title: "Desafío que vive en el otro muro" });
    const difoca = await createMember({ role: "difoca", iged: null });
    await hideWallPost({ postId: hidden.id, actorId: difoca.id, reason: "Contenido ajeno a la comunidad." });

    const data = await feed();
    expect(titles(data)).toEqual(["Iniciativa visible de tutoría entre pares"]);
    expect(data.result.items[0]).toMatchObject({ excerpt: "Estudiantes de quinto acompañan a los de primero.", statusLabel: "En curso", accompanied: false });
  });

  test("search ignores accents; the DIFOCA filter keeps only accompanied initiatives", async () => {
    const accompanied = await makeInitiative({ title: "Mochilas de emergencia en escuelas de altura", iged: "DRE Cusco" });
    await makeInitiative({ title: "Ferias de ciencia con institutos tecnológicos" });
    const difoca = await createMember({ role: "difoca", iged: null });
    await setAccompaniment({ postId: accompanied.id, actorId: difoca.id, on: true });

    expect(titles(await feed("?q=tecnologicos"))).toEqual(["Ferias de ciencia con institutos tecnológicos"]);
    const onlyAccompanied = await feed("?acompanados=1");
    expect(titles(onlyAccompanied)).toEqual(["Mochilas de emergencia en escuelas de altura"]);
    expect(onlyAccompanied.result.items[0]).toMatchObject({ accompanied: true, statusLabel: "En acompañamiento" });
    expect(titles(await feed("?estado=en_acompanamiento"))).toEqual(["Mochilas de emergencia en escuelas de altura"]);
    // A challenge's status means nothing on this wall.
    expect((await feed("?estado=resuelto")).filters.estado).toBe("");
  });
});

describe("sharing an initiative", () => {
  test("a visitor is sent to sign in first", async () => {
    const response = await respond(() => newLoader({ request: getRequest("/iniciativas/nueva"), params: {}, context }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/ingresar?redirectTo=%2Finiciativas%2Fnueva");
  });

  test("an initiative needs its summary", async () => {
    const gestor = await createMember();
    const cookie = await sessionCookieFor(gestor.id);
    const response = await respond(() => newAction({ request: formRequest("/iniciativas/nueva", { ...validInitiative, summary: "" }, cookie), params: {}, context }));
    expect(response.status).toBe(400);
    const { errors, values } = await response.json();
    expect(errors.summary).toBe("Escribe un resumen de la iniciativa.");
    expect(values).toMatchObject({ title: validInitiative.title, links: validInitiative.links });
  });

  test("links must be web addresses", async () => {
    const gestor = await createMember();
    const cookie = await sessionCookieFor(gestor.id);
    const response = await respond(() =>
      newAction({ request: formRequest("/iniciativas/nueva", { ...validInitiative, links: "https://ugel.gob.pe/ok\nmi carpeta de drive" }, cookie), params: {}, context }),
    );
    expect(response.status).toBe(400);
    const { errors, values } = await response.json();
    expect(errors.links).toBe("Escribe cada enlace completo, empezando por https:// (uno por línea).");
    expect(values.links).toBe("https://ugel.gob.pe/ok\nmi carpeta de drive");
  });

  test("a gestor shares an initiative with its links, earns the points and lands on it", async () => {
    const gestor = await createMember({ iged: "UGEL Nasca" });
    const iged = (await getIgedByName("UGEL Nasca"))!;
    const cookie = await sessionCookieFor(gestor.id);
    const rule = (await listPointRules()).find((r) => r.action === "initiative_posted")!;
    const before = await getMemberPoints(gestor.id, new Date().getFullYear());
    const response = await respond(() => newAction({ request: formRequest("/iniciativas/nueva", { ...validInitiative, igedId: String(iged.id) }, cookie), params: {}, context }));
    expect(response.status).toBe(302);
    const location = response.headers.get("Location")!;
    expect(location).toMatch(/^\/iniciativas\/\d+$/);
    const post = await getWallPost(Number(location.split("/").pop()), "initiative");
    expect(post).toMatchObject({ summary: validInitiative.summary, status: "en_curso", regionName: "Ica" });
    expect(post?.links).toEqual(["https://ugel.gob.pe/circulos", "https://www.youtube.com/watch?v=abc123"]);
    expect((await getMemberPoints(gestor.id, new Date().getFullYear())).total - before.total).toBe(rule.points);
  });
});

describe("editing an initiative", () => {
  test("the author finds the links one per line and saves changes", async () => {
    const post = await makeInitiative({ links: ["https://a.gob.pe/uno", "https://b.gob.pe/dos"] });
    const cookie = await sessionCookieFor(post.authorId);
    const path = `/iniciativas/${post.id}/editar`;
    const loaded = await respond(() => editLoader({ request: getRequest(path, cookie), params: { id: String(post.id) }, context }));
    const data = await loaded.json();
    expect(data.values.links).toBe("https://a.gob.pe/uno\nhttps://b.gob.pe/dos");

    const saved = await respond(() =>
      editAction({ request: formRequest(path, { ...validInitiative, igedId: data.values.igedId, links: "https://a.gob.pe/uno" }, cookie), params: { id: String(post.id) }, context }),
    );
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/iniciativas/${post.id}`);
    const after = await getWallPost(post.id, "initiative");
    expect(after).toMatchObject({ title: validInitiative.title, summary: validInitiative.summary });
    expect(after?.links).toEqual(["https://a.gob.pe/uno"]);
  });

  test("another member gets 403 on the form and on saving", async () => {
    const post = await makeInitiative({ title: "Iniciativa que solo su autora edita" });
    const other = await createMember({ role: "experto", iged: null });
    const cookie = await sessionCookieFor(other.id);
    const path = `/iniciativas/${post.id}/editar`;
    expect((await respond(() => editLoader({ request: getRequest(path, cookie), params: { id: String(post.id) }, context }))).status).toBe(403);
    expect((await respond(() => editAction({ request: formRequest(path, validInitiative, cookie), params: { id: String(post.id) }, context }))).status).toBe(403);
    expect((await getWallPost(post.id, "initiative"))?.title).toBe("Iniciativa que solo su autora edita");
  });

  test("a challenge's id under /iniciativas is a 404", async () => {
    const challenge = await makeChallenge();
    const cookie = await sessionCookieFor(challenge.authorId);
    const response = await respond(() => editLoader({ request: getRequest(`/iniciativas/${challenge.id}/editar`, cookie), params: { id: String(challenge.id) }, context }));
    expect(response.status).toBe(404);
  });
});
