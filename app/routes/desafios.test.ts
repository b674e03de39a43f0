import { describe, expect, test } from "vitest";
import { getIgedByName } from "~/models/iged.server";
import { getMemberPoints, listPointRules } from "~/models/points.server";
import { listRegions } from "~/models/region.server";
import { getWallPost, hideWallPost, setChallengeStatus } from "~/models/wall.server";
import { action as editAction, loader as editLoader } from "~/routes/desafios.$id.editar";
import { loader as feedLoader } from "~/routes/desafios._index";
import { action as newAction, loader as newLoader } from "~/routes/desafios.nuevo";
import { createMember } from "../../tests/factories/members";
import { makeChallenge, makeInitiative } from "../../tests/factories/walls";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

async function feed(search = "", cookie?: string) {
  const response = await respond(() => feedLoader({ request: getRequest(`/desafios${search}`, cookie), params: {}, context }));
  expect(response.status).toBe(200);
  return response.json();
}

const titles = (data: { result: { items: { title: string }[] } }) => data.result.items.map((i) => i.title);

const validChallenge = {
  intent: "save",
  title: "Alta rotación de especialistas en la UGEL",
  body: "Cada año cambia la mitad del equipo de especialistas y se pierde lo avanzado en el acompañamiento a las escuelas.",
  tags: "rotación de personal, Gestión del talento",
};

describe("the challenge feed", () => {
  test("anyone sees the visible challenges, never hidden ones nor initiatives", async () => {
    const visible = await makeChallenge({ title: "Desafío visible en el muro de prueba" });
    const hidden = await makeChallenge({ title: "Desafío que DIFOCA ocultó en el muro" });
    await makeInitiative({ title: "Iniciativa que vive en el otro muro" });
    const difoca = await createMember({ role: "difoca", iged: null });
    await hideWallPost({ postId: hidden.id, actorId: difoca.id, reason: "Expone datos personales de estudiantes." });

    const data = await feed();
    expect(titles(data)).toContain("Desafío visible en el muro de prueba");
    expect(titles(data)).not.toContain("Desafío que DIFOCA ocultó en el muro");
    expect(titles(data)).not.toContain("Iniciativa que vive en el otro muro");
    expect(data.canParticipate).toBe(false);
    expect(data.signInPath).toBe("/ingresar?redirectTo=%2Fdesafios");
    const card = data.result.items.find((i: { id: number }) => i.id === visible.id);
    expect(card).toMatchObject({ statusLabel: "Abierto", regionName: "Áncash", igedName: "UGEL Huaraz", replyCount: 0 });
  });

  test("a member may publish from the feed", async () => {
    const member = await createMember();
    const data = await feed("", await sessionCookieFor(member.id));
    expect(data.canParticipate).toBe(true);
  });

  test("search ignores accents and highlights what it found", async () => {
    await makeChallenge({ title: "Deserción escolar en secundaria rural", body: "La **deserción** crece en las comunidades de altura & nadie la mide." });
    await makeChallenge({ title: "Infraestructura dañada por las lluvias" });
    const data = await feed("?q=desercion");
    expect(titles(data)).toEqual(["Deserción escolar en secundaria rural"]);
    const [item] = data.result.items;
    expect(item.snippet.some((part: { match: boolean; text: string }) => part.match && /deserción/i.test(part.text))).toBe(true);
    // The excerpt is plain text: no markdown marks, no HTML entities.
    expect(item.excerpt).toBe("La deserción crece en las comunidades de altura & nadie la mide.");
  });

  test("filters by status, region, macroregion and tag, and ignores unknown values", async () => {
    await makeChallenge({ iged: "DRE Cusco", title: "Desafío filtrado de la DRE Cusco", tags: ["Convivencia escolar"] });
    const huaraz = await makeChallenge({ iged: "UGEL Huaraz", title: "Desafío filtrado de la UGEL Huaraz" });
    await setChallengeStatus({ postId: huaraz.id, actorId: huaraz.authorId, status: "resuelto" });

    const solved = titles(await feed("?estado=resuelto"));
    expect(solved).toContain("Desafío filtrado de la UGEL Huaraz");
    expect(solved).not.toContain("Desafío filtrado de la DRE Cusco");

    const inCusco = titles(await feed("?region=cusco"));
    expect(inCusco).toContain("Desafío filtrado de la DRE Cusco");
    expect(inCusco).not.toContain("Desafío filtrado de la UGEL Huaraz");

    const south = titles(await feed("?macrorregion=sur"));
    expect(south).toContain("Desafío filtrado de la DRE Cusco");
    expect(south).not.toContain("Desafío filtrado de la UGEL Huaraz");

    const tagged = await feed("?etiqueta=convivencia%20escolar");
    expect(titles(tagged)).toEqual(["Desafío filtrado de la DRE Cusco"]);
    expect(tagged.result.items[0].tags).toEqual(["convivencia escolar"]);

    const unknown = await feed("?region=atlantida&estado=perdido&orden=azar");
    expect(unknown.filters).toMatchObject({ region: "", estado: "", orden: "" });
    expect(unknown.result.total).toBe((await feed()).result.total);
  });
});

describe("publishing a challenge", () => {
  test("a visitor is sent to sign in first", async () => {
    const loaded = await respond(() => newLoader({ request: getRequest("/desafios/nuevo"), params: {}, context }));
    expect(loaded.status).toBe(302);
    expect(loaded.headers.get("Location")).toBe("/ingresar?redirectTo=%2Fdesafios%2Fnuevo");
    const posted = await respond(() => newAction({ request: formRequest("/desafios/nuevo", validChallenge), params: {}, context }));
    expect(posted.status).toBe(302);
    expect(posted.headers.get("Location")).toMatch(/^\/ingresar/);
  });

  test("the form starts with the author's IGED and asks no region of a gestor", async () => {
    const gestor = await createMember({ iged: "UGEL Nasca" });
    const iged = (await getIgedByName("UGEL Nasca"))!;
    const mine = await respond(async () => newLoader({ request: getRequest("/desafios/nuevo", await sessionCookieFor(gestor.id)), params: {}, context }));
    const data = await mine.json();
    expect(data.values.igedId).toBe(String(iged.id));
    expect(data.showRegion).toBe(false);
  });

  test("bad input answers 400 with Spanish messages by each field and keeps what was typed", async () => {
    const gestor = await createMember();
    const cookie = await sessionCookieFor(gestor.id);
    const response = await respond(() =>
      newAction({ request: formRequest("/desafios/nuevo", { intent: "save", title: "Corto", body: "", igedId: "", thematicLineId: "abc", tags: "uno, dos" }, cookie), params: {}, context }),
    );
    expect(response.status).toBe(400);
    const { errors, values } = await response.json();
    expect(errors).toMatchObject({
      title: "El título debe tener al menos 10 caracteres.",
      body: "Describe el desafío: qué pasa, a quiénes afecta y qué han intentado.",
      thematicLineId: "Elige una línea temática de la lista.",
    });
    expect(values).toMatchObject({ title: "Corto", tags: "uno, dos" });
  });

  test("a gestor publishes a challenge, earns the points and lands on it", async () => {
    const gestor = await createMember({ iged: "UGEL Nasca" });
    const iged = (await getIgedByName("UGEL Nasca"))!;
    const cookie = await sessionCookieFor(gestor.id);
    const rule = (await listPointRules()).find((r) => r.action === "challenge_posted")!;
    const before = await getMemberPoints(gestor.id, new Date().getFullYear());

    const response = await respond(() => newAction({ request: formRequest("/desafios/nuevo", { ...validChallenge, igedId: String(iged.id) }, cookie), params: {}, context }));
    expect(response.status).toBe(302);
    const location = response.headers.get("Location")!;
    expect(location).toMatch(/^\/desafios\/\d+$/);
    expect(response.headers.get("Set-Cookie")).toContain("cop_aviso");

    const post = await getWallPost(Number(location.split("/").pop()), "challenge");
    expect(post).toMatchObject({ title: validChallenge.title, authorId: gestor.id, regionName: "Ica", igedName: "UGEL Nasca", status: "abierto" });
    expect(post?.tags).toEqual(["gestión del talento", "rotación de personal"]);
    const after = await getMemberPoints(gestor.id, new Date().getFullYear());
    expect(after.total - before.total).toBe(rule.points);
    expect(rule.points).toBeGreaterThan(0);

    expect(titles(await feed("?q=rotacion"))).toContain(validChallenge.title);
  });

  test("an unknown IGED is a 400 with a Spanish message, never a 500", async () => {
    const gestor = await createMember();
    const cookie = await sessionCookieFor(gestor.id);
    const response = await respond(() => newAction({ request: formRequest("/desafios/nuevo", { ...validChallenge, igedId: "999999" }, cookie), params: {}, context }));
    expect(response.status).toBe(400);
    const { errors, values } = await response.json();
    expect(errors.igedId).toBe("Elige una IGED de la lista.");
    expect(values.title).toBe(validChallenge.title);
  });

  test("an expert without an IGED says the region instead, and an unknown region is a 400", async () => {
    const expert = await createMember({ role: "experto", iged: null });
    const cookie = await sessionCookieFor(expert.id);
    const loaded = await respond(() => newLoader({ request: getRequest("/desafios/nuevo", cookie), params: {}, context }));
    expect((await loaded.json()).showRegion).toBe(true);

    const nothing = await respond(() => newAction({ request: formRequest("/desafios/nuevo", { ...validChallenge, igedId: "", regionId: "" }, cookie), params: {}, context }));
    expect(nothing.status).toBe(400);
    expect((await nothing.json()).errors.igedId).toBe("Elige la IGED o, al menos, la región del desafío.");

    const unknown = await respond(() => newAction({ request: formRequest("/desafios/nuevo", { ...validChallenge, igedId: "", regionId: "999999" }, cookie), params: {}, context }));
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors.regionId).toBe("Elige una región de la lista.");

    const puno = (await listRegions()).find((r) => r.name === "Puno")!;
    const created = await respond(() => newAction({ request: formRequest("/desafios/nuevo", { ...validChallenge, igedId: "", regionId: String(puno.id) }, cookie), params: {}, context }));
    expect(created.status).toBe(302);
    const post = await getWallPost(Number(created.headers.get("Location")!.split("/").pop()), "challenge");
    expect(post).toMatchObject({ regionName: "Puno", igedId: null });
  });
});

describe("editing a challenge", () => {
  test("a member who is not the author gets 403 on the form and on saving, and nothing changes", async () => {
    const post = await makeChallenge({ title: "Desafío que solo su autor edita" });
    const other = await createMember({ iged: "DRE Cusco" });
    const cookie = await sessionCookieFor(other.id);
    const path = `/desafios/${post.id}/editar`;
    const loaded = await respond(() => editLoader({ request: getRequest(path, cookie), params: { id: String(post.id) }, context }));
    expect(loaded.status).toBe(403);
    const saved = await respond(() => editAction({ request: formRequest(path, { ...validChallenge, title: "Título cambiado por otra persona" }, cookie), params: { id: String(post.id) }, context }));
    expect(saved.status).toBe(403);
    expect((await getWallPost(post.id, "challenge"))?.title).toBe("Desafío que solo su autor edita");
  });

  test("the author sees the form filled in and saves the changes", async () => {
    const post = await makeChallenge({ title: "Desafío con etiquetas para editar", tags: ["lectura", "zonas rurales"] });
    const cookie = await sessionCookieFor(post.authorId);
    const path = `/desafios/${post.id}/editar`;
    const loaded = await respond(() => editLoader({ request: getRequest(path, cookie), params: { id: String(post.id) }, context }));
    expect(loaded.status).toBe(200);
    const data = await loaded.json();
    expect(data.values).toMatchObject({ title: "Desafío con etiquetas para editar", tags: "lectura, zonas rurales" });
    expect(data.post.hiddenReason).toBeNull();

    const saved = await respond(() =>
      editAction({ request: formRequest(path, { ...validChallenge, title: "Desafío con etiquetas ya editado", igedId: data.values.igedId, tags: "lectura" }, cookie), params: { id: String(post.id) }, context }),
    );
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/desafios/${post.id}`);
    const after = await getWallPost(post.id, "challenge");
    expect(after).toMatchObject({ title: "Desafío con etiquetas ya editado", igedName: "UGEL Huaraz" });
    expect(after?.tags).toEqual(["lectura"]);
  });

  test("bad input and an unknown IGED on edit are 400s that keep what was typed", async () => {
    const post = await makeChallenge();
    const cookie = await sessionCookieFor(post.authorId);
    const path = `/desafios/${post.id}/editar`;
    const short = await respond(() => editAction({ request: formRequest(path, { ...validChallenge, body: "Muy breve" }, cookie), params: { id: String(post.id) }, context }));
    expect(short.status).toBe(400);
    const shortData = await short.json();
    expect(shortData.errors.body).toBe("Cuenta un poco más del desafío (al menos 30 caracteres).");
    expect(shortData.values.body).toBe("Muy breve");
    const unknown = await respond(() => editAction({ request: formRequest(path, { ...validChallenge, igedId: "999999" }, cookie), params: { id: String(post.id) }, context }));
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors.igedId).toBe("Elige una IGED de la lista.");
  });

  test("a hidden challenge shows its author DIFOCA's reason, and is a 404 for others", async () => {
    const post = await makeChallenge();
    const difoca = await createMember({ role: "difoca", iged: null });
    await hideWallPost({ postId: post.id, actorId: difoca.id, reason: "Incluye el nombre de un estudiante." });
    const path = `/desafios/${post.id}/editar`;
    const mine = await respond(async () => editLoader({ request: getRequest(path, await sessionCookieFor(post.authorId)), params: { id: String(post.id) }, context }));
    expect((await mine.json()).post.hiddenReason).toBe("Incluye el nombre de un estudiante.");
    const theirs = await respond(async () => editLoader({ request: getRequest(path, await sessionCookieFor(difoca.id)), params: { id: String(post.id) }, context }));
    expect(theirs.status).toBe(404);
  });

  test("an unknown id, a malformed id or an initiative's id is a 404", async () => {
    const member = await createMember();
    const cookie = await sessionCookieFor(member.id);
    const initiative = await makeInitiative({ authorId: member.id });
    for (const id of ["999999", "abc", String(initiative.id)]) {
      const response = await respond(() => editLoader({ request: getRequest(`/desafios/${id}/editar`, cookie), params: { id }, context }));
      expect(response.status).toBe(404);
    }
  });
});
