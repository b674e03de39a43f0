import { describe, expect, test } from "vitest";
import { listNotifications } from "~/models/notification.server";
import { checkLedgerTotals, getMemberPoints, listLedgerForMember } from "~/models/points.server";
import {
  addWallReply,
  convertInitiativeToPractice,
  countAccompaniments,
  countOpenReports,
  dismissReports,
  getInitiativeOfPractice,
  getWallPost,
  hideWallPost,
  hideWallReply,
  listOpenReports,
  listWallFeed,
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
  updateWallPost,
  updateWallReply,
} from "~/models/wall.server";
import { getDb } from "~/utils/db.server";
import { createMember } from "../../tests/factories/members";
import { makeChallenge, makeInitiative } from "../../tests/factories/walls";

const year = Number(new Date().toISOString().slice(0, 4));
const pointsOf = async (userId: number) => (await getMemberPoints(userId, year)).total;
const titlesOf = async (userId: number) => (await listNotifications(userId)).map((n) => n.title);

describe("posting and contributing", () => {
  test("a challenge earns its author points; contributions earn theirs and notify the followers", async () => {
    const challenge = await makeChallenge({ title: "Alta rotación de especialistas en la UGEL" });
    expect(await pointsOf(challenge.authorId)).toBe(10);

    const contributor = await createMember({ name: "Rosa Quispe", iged: "UGEL Nasca" });
    const reply = await addWallReply({ postId: challenge.id, authorId: contributor.id, body: "Nosotros firmamos convenios con la universidad." });
    expect(reply.ok).toBe(true);
    expect(await pointsOf(contributor.id)).toBe(5);
    expect(await titlesOf(challenge.authorId)).toContain("Nuevo aporte de Rosa Quispe al desafío «Alta rotación de especialistas en la UGEL»");
    // The contributor now follows the challenge and hears about the next contribution, not about their own.
    expect(await titlesOf(contributor.id)).toEqual([]);
    const third = await createMember({ name: "Luis Mamani" });
    await addWallReply({ postId: challenge.id, authorId: third.id, body: "En Puno rotamos menos con incentivos." });
    expect(await titlesOf(contributor.id)).toEqual(["Nuevo aporte de Luis Mamani al desafío «Alta rotación de especialistas en la UGEL»"]);

    const post = await getWallPost(challenge.id, "challenge");
    expect(post?.replyCount).toBe(2);

    // The member's points history says what earned them and links to it.
    const [entry] = await listLedgerForMember(contributor.id);
    expect(entry).toMatchObject({ label: "Aporte a un desafío", points: 5, subjectTitle: "Alta rotación de especialistas en la UGEL", link: `/desafios/${challenge.id}#aporte-${reply.ok ? reply.id : 0}` });
    const [posted] = await listLedgerForMember(challenge.authorId);
    expect(posted).toMatchObject({ label: "Desafío publicado", link: `/desafios/${challenge.id}` });
  });

  test("authors earn nothing for replying to their own post, and an unfollowed member is not notified", async () => {
    const challenge = await makeChallenge();
    const before = await pointsOf(challenge.authorId);
    await addWallReply({ postId: challenge.id, authorId: challenge.authorId, body: "Agrego un dato: son 40 plazas." });
    expect(await pointsOf(challenge.authorId)).toBe(before);

    const other = await createMember();
    await addWallReply({ postId: challenge.id, authorId: other.id, body: "Primer aporte del colega." });
    await setFollowing({ postId: challenge.id, userId: other.id, on: false });
    await addWallReply({ postId: challenge.id, authorId: challenge.authorId, body: "Gracias, lo probaremos." });
    expect(await titlesOf(other.id)).toEqual([]);
  });

  test("only the author edits a post or a reply", async () => {
    const challenge = await makeChallenge();
    const other = await createMember();
    const fields = { title: "Título cambiado por otro", summary: "", body: "Texto cambiado por otro miembro.", links: [], tags: ["convivencia"], thematicLineId: null, igedId: null, regionId: 1 };
    expect(await updateWallPost({ ...fields, postId: challenge.id, editorId: other.id })).toEqual({ ok: false, reason: "not_author" });
    expect(await updateWallPost({ ...fields, postId: challenge.id, editorId: challenge.authorId })).toEqual({ ok: true });
    const post = await getWallPost(challenge.id, "challenge");
    expect(post?.title).toBe("Título cambiado por otro");
    expect(post?.tags).toEqual(["convivencia"]);

    const reply = await addWallReply({ postId: challenge.id, authorId: other.id, body: "Aporte original." });
    if (!reply.ok) throw new Error("reply refused");
    expect(await updateWallReply({ replyId: reply.id, editorId: challenge.authorId, body: "Cambiado" })).toEqual({ ok: false, reason: "not_author" });
    expect(await updateWallReply({ replyId: reply.id, editorId: other.id, body: "Aporte corregido." })).toEqual({ ok: true });
  });

  test("the author sets the status; resolving tells the followers", async () => {
    const challenge = await makeChallenge({ title: "Bajo logro en lectura en escuelas rurales" });
    const other = await createMember();
    await addWallReply({ postId: challenge.id, authorId: other.id, body: "Prueben círculos de lectura." });
    expect(await setChallengeStatus({ postId: challenge.id, actorId: other.id, status: "resuelto" })).toEqual({ ok: false, reason: "not_author" });
    expect(await setChallengeStatus({ postId: challenge.id, actorId: challenge.authorId, status: "resuelto" })).toEqual({ ok: true });
    expect((await getWallPost(challenge.id, "challenge"))?.status).toBe("resuelto");
    expect(await titlesOf(other.id)).toContain("El desafío «Bajo logro en lectura en escuelas rurales» se marcó como resuelto");
  });
});

describe("useful contributions and reactions", () => {
  test("the author marks a contribution useful once; unmarking takes the points back; marking again gives them back", async () => {
    const challenge = await makeChallenge();
    const contributor = await createMember();
    const reply = await addWallReply({ postId: challenge.id, authorId: contributor.id, body: "Una idea que nos funcionó." });
    if (!reply.ok) throw new Error("reply refused");
    expect(await pointsOf(contributor.id)).toBe(5);

    const stranger = await createMember();
    expect(await setContributionUseful({ replyId: reply.id, actorId: stranger.id, useful: true })).toEqual({ ok: false, reason: "not_author" });

    await setContributionUseful({ replyId: reply.id, actorId: challenge.authorId, useful: true });
    await setContributionUseful({ replyId: reply.id, actorId: challenge.authorId, useful: true });
    expect(await pointsOf(contributor.id)).toBe(20);
    expect((await listNotifications(contributor.id)).filter((n) => n.type === "contribution_useful")).toHaveLength(1);

    await setContributionUseful({ replyId: reply.id, actorId: challenge.authorId, useful: false });
    expect(await pointsOf(contributor.id)).toBe(5);
    await setContributionUseful({ replyId: reply.id, actorId: challenge.authorId, useful: true });
    expect(await pointsOf(contributor.id)).toBe(20);
    expect((await checkLedgerTotals()).differences).toEqual([]);
  });

  test("the author cannot mark their own contribution useful", async () => {
    const challenge = await makeChallenge();
    const own = await addWallReply({ postId: challenge.id, authorId: challenge.authorId, body: "Mi propio aporte." });
    if (!own.ok) throw new Error("reply refused");
    expect(await setContributionUseful({ replyId: own.id, actorId: challenge.authorId, useful: true })).toEqual({ ok: false, reason: "own_content" });
  });

  test("'me sirve' counts once per member and never on one's own reply", async () => {
    const challenge = await makeChallenge();
    const contributor = await createMember();
    const reply = await addWallReply({ postId: challenge.id, authorId: contributor.id, body: "Idea concreta." });
    if (!reply.ok) throw new Error("reply refused");
    expect(await setReplyReaction({ replyId: reply.id, userId: contributor.id, on: true })).toEqual({ ok: false, reason: "own_content" });
    await setReplyReaction({ replyId: reply.id, userId: challenge.authorId, on: true });
    await setReplyReaction({ replyId: reply.id, userId: challenge.authorId, on: true });
    let [view] = await listWallReplies(challenge.id, { id: challenge.authorId, seesHidden: false });
    expect(view?.reactionCount).toBe(1);
    expect(view?.viewerReacted).toBe(true);
    await setReplyReaction({ replyId: reply.id, userId: challenge.authorId, on: false });
    [view] = await listWallReplies(challenge.id, null);
    expect(view?.reactionCount).toBe(0);
  });

  test("reactions to an initiative are idempotent and never on one's own", async () => {
    const initiative = await makeInitiative();
    const other = await createMember();
    expect(await setPostReaction({ postId: initiative.id, userId: initiative.authorId, on: true })).toEqual({ ok: false, reason: "own_content" });
    await setPostReaction({ postId: initiative.id, userId: other.id, on: true });
    await setPostReaction({ postId: initiative.id, userId: other.id, on: true });
    expect((await getWallPost(initiative.id, "initiative"))?.reactionCount).toBe(1);
  });

  test("a comment on an initiative tells its author and earns comment points", async () => {
    const initiative = await makeInitiative({ title: "Facilitadores socioemocionales en Angaraes" });
    const other = await createMember({ name: "Ana Torres" });
    await addWallReply({ postId: initiative.id, authorId: other.id, body: "¿Cómo seleccionaron a los facilitadores?" });
    expect(await pointsOf(other.id)).toBe(2);
    expect(await titlesOf(initiative.authorId)).toContain("Ana Torres comentó la iniciativa «Facilitadores socioemocionales en Angaraes»");
  });
});

describe("moderation", () => {
  test("hiding a contribution reverses its points, hides it from others and shows the reason to its author; restoring gives them back", async () => {
    const challenge = await makeChallenge();
    const contributor = await createMember();
    const difoca = await createMember({ role: "difoca", iged: null });
    const reply = await addWallReply({ postId: challenge.id, authorId: contributor.id, body: "Contenido que no corresponde." });
    if (!reply.ok) throw new Error("reply refused");
    await setContributionUseful({ replyId: reply.id, actorId: challenge.authorId, useful: true });
    expect(await pointsOf(contributor.id)).toBe(20);

    await hideWallReply({ replyId: reply.id, actorId: difoca.id, reason: "Incluye datos personales de una estudiante." });
    expect(await pointsOf(contributor.id)).toBe(0);
    expect(await listWallReplies(challenge.id, null)).toEqual([]);
    expect(await listWallReplies(challenge.id, { id: challenge.authorId, seesHidden: false })).toEqual([]);
    const [own] = await listWallReplies(challenge.id, { id: contributor.id, seesHidden: false });
    expect(own?.hidden).toBe(true);
    expect(own?.hiddenReason).toBe("Incluye datos personales de una estudiante.");
    expect((await listNotifications(contributor.id)).find((n) => n.type === "wall_hidden")?.body).toBe("Motivo: Incluye datos personales de una estudiante.");
    expect((await getWallPost(challenge.id, "challenge"))?.replyCount).toBe(0);
    // Reactions to hidden content are refused.
    expect(await setReplyReaction({ replyId: reply.id, userId: challenge.authorId, on: true })).toEqual({ ok: false, reason: "hidden" });

    await restoreWallReply({ replyId: reply.id, actorId: difoca.id });
    expect(await pointsOf(contributor.id)).toBe(20);
    expect((await getWallPost(challenge.id, "challenge"))?.replyCount).toBe(1);
    expect((await checkLedgerTotals()).differences).toEqual([]);
  });

  test("a hidden post leaves the feed and takes its points back; restoring undoes both", async () => {
    const challenge = await makeChallenge({ title: "Violencia escolar en secundaria" });
    const difoca = await createMember({ role: "difoca", iged: null });
    const inFeed = async () => (await listWallFeed({ kind: "challenge", query: "violencia escolar" })).items.map((i) => i.id);
    expect(await inFeed()).toContain(challenge.id);

    await hideWallPost({ postId: challenge.id, actorId: difoca.id, reason: "Publicación duplicada de otro desafío." });
    expect(await inFeed()).not.toContain(challenge.id);
    expect(await pointsOf(challenge.authorId)).toBe(0);
    const other = await createMember();
    expect(await addWallReply({ postId: challenge.id, authorId: other.id, body: "¿Sigue abierto?" })).toEqual({ ok: false, reason: "hidden" });

    await restoreWallPost({ postId: challenge.id, actorId: difoca.id });
    expect(await inFeed()).toContain(challenge.id);
    expect(await pointsOf(challenge.authorId)).toBe(10);
  });

  test("a member reports once; DIFOCA hides or dismisses and the reports close", async () => {
    const challenge = await makeChallenge();
    const contributor = await createMember({ name: "Autor del aporte" });
    const reporter = await createMember({ name: "Quien reporta" });
    const difoca = await createMember({ role: "difoca", iged: null });
    const reply = await addWallReply({ postId: challenge.id, authorId: contributor.id, body: "Publicidad de un curso pagado." });
    if (!reply.ok) throw new Error("reply refused");

    expect(await reportWallContent({ postId: challenge.id, replyId: reply.id, reporterId: contributor.id, reason: "spam", details: "" })).toEqual({ ok: false, reason: "own_content" });
    expect(await reportWallContent({ postId: challenge.id, replyId: reply.id, reporterId: reporter.id, reason: "spam", details: "Es publicidad." })).toEqual({ ok: true, alreadyReported: false });
    expect(await reportWallContent({ postId: challenge.id, replyId: reply.id, reporterId: reporter.id, reason: "spam", details: "" })).toEqual({ ok: true, alreadyReported: true });
    await reportWallContent({ postId: challenge.id, replyId: null, reporterId: reporter.id, reason: "otro", details: "Revisar el título." });
    expect(await countOpenReports()).toBe(2);

    const groups = await listOpenReports();
    const replyGroup = groups.find((g) => g.replyId === reply.id);
    expect(replyGroup?.authorName).toBe("Autor del aporte");
    expect(replyGroup?.reports.map((r) => r.reporterName)).toEqual(["Quien reporta"]);

    await hideWallReply({ replyId: reply.id, actorId: difoca.id, reason: "Publicidad ajena a la comunidad." });
    expect(await countOpenReports()).toBe(1);
    expect(await dismissReports({ postId: challenge.id, replyId: null, actorId: difoca.id, note: "El título es correcto." })).toBe(1);
    expect(await countOpenReports()).toBe(0);
    expect((await getWallPost(challenge.id, "challenge"))?.hiddenAt).toBeNull();
  });

  test("accompaniment moves an open post and is counted for the year", async () => {
    const challenge = await makeChallenge();
    const initiative = await makeInitiative();
    const difoca = await createMember({ role: "difoca", iged: null, name: "Especialista DIFOCA" });
    await setAccompaniment({ postId: challenge.id, actorId: difoca.id, on: true });
    await setAccompaniment({ postId: challenge.id, actorId: difoca.id, on: true });
    await setAccompaniment({ postId: initiative.id, actorId: difoca.id, on: true });
    const post = await getWallPost(challenge.id, "challenge");
    expect(post?.status).toBe("en_acompanamiento");
    expect(post?.accompaniedByName).toBe("Especialista DIFOCA");
    expect(await titlesOf(challenge.authorId)).toContain(`DIFOCA acompaña el desafío «${post?.title}»`);
    const counts = await countAccompaniments(year);
    expect(counts.challenge).toBeGreaterThanOrEqual(1);
    expect(counts.initiative).toBeGreaterThanOrEqual(1);
    await setAccompaniment({ postId: challenge.id, actorId: difoca.id, on: false });
    expect((await getWallPost(challenge.id, "challenge"))?.status).toBe("abierto");
  });

  test("ending an accompaniment keeps it in the year's count, but the post no longer shows as accompanied", async () => {
    const difoca = await createMember({ role: "difoca", iged: null });
    const challenge = await makeChallenge({ title: "Escuelas sin agua segura en la sierra de Áncash" });
    const before = (await countAccompaniments(year)).challenge;
    await setAccompaniment({ postId: challenge.id, actorId: difoca.id, on: true });
    expect((await countAccompaniments(year)).challenge).toBe(before + 1);
    await setAccompaniment({ postId: challenge.id, actorId: difoca.id, on: false });
    expect((await countAccompaniments(year)).challenge).toBe(before + 1);

    expect(await getWallPost(challenge.id, "challenge")).toMatchObject({ status: "abierto", accompaniedByName: null, accompaniedAt: null });
    const feed = await listWallFeed({ kind: "challenge", pageSize: 500 });
    expect(feed.items.find((i) => i.id === challenge.id)?.accompanied).toBe(false);
    const onlyAccompanied = await listWallFeed({ kind: "challenge", accompanied: true, pageSize: 500 });
    expect(onlyAccompanied.items.some((i) => i.id === challenge.id)).toBe(false);
  });
});

describe("an initiative becomes a practice", () => {
  test("the author turns it into a linked draft with its fields, once", async () => {
    const initiative = await makeInitiative({
      title: "Lectura en familia en comunidades rurales de Nasca",
      summary: "Las familias leen con sus hijos tres veces por semana.",
      body: "Entregamos **maletas viajeras** con libros a las familias.",
      links: ["https://ejemplo.pe/maletas"],
      iged: "UGEL Nasca",
    });
    const other = await createMember();
    expect(await convertInitiativeToPractice({ postId: initiative.id, actorId: other.id })).toEqual({ ok: false, reason: "not_author" });

    const result = await convertInitiativeToPractice({ postId: initiative.id, actorId: initiative.authorId });
    if (!result.ok) throw new Error(result.reason);
    const practice = await getDb()
      .selectFrom("practices")
      .select(["title", "summary", "strategy", "status", "createdBy"])
      .where("id", "=", result.practice.id)
      .executeTakeFirstOrThrow();
    expect(practice).toMatchObject({ title: "Lectura en familia en comunidades rurales de Nasca", summary: "Las familias leen con sus hijos tres veces por semana.", status: "borrador", createdBy: initiative.authorId });
    expect(practice.strategy).toContain("**maletas viajeras**");
    expect(practice.strategy).toContain("https://ejemplo.pe/maletas");
    expect((await getWallPost(initiative.id, "initiative"))?.status).toBe("convertida");
    expect((await getInitiativeOfPractice(result.practice.id))?.id).toBe(initiative.id);

    expect(await convertInitiativeToPractice({ postId: initiative.id, actorId: initiative.authorId })).toEqual({ ok: false, reason: "already_converted" });
  });

  test("a challenge cannot be turned into a practice", async () => {
    const challenge = await makeChallenge();
    expect(await convertInitiativeToPractice({ postId: challenge.id, actorId: challenge.authorId })).toEqual({ ok: false, reason: "wrong_kind" });
  });
});

describe("the feed", () => {
  test("filters by status and tag, searches without accents and sorts by activity", async () => {
    const quiet = await makeChallenge({ title: "Articulación con la educación técnico-productiva", tags: ["CETPRO", "Empleabilidad"] });
    const busy = await makeChallenge({ title: "Gestión del riesgo de desastres en escuelas rurales" });
    const other = await createMember();
    await addWallReply({ postId: busy.id, authorId: other.id, body: "Simulacros con la comunidad." });
    await setChallengeStatus({ postId: busy.id, actorId: busy.authorId, status: "resuelto" });

    const byTag = await listWallFeed({ kind: "challenge", tag: "#cetpro" });
    expect(byTag.items.map((i) => i.id)).toEqual([quiet.id]);
    expect(byTag.items[0]?.tags).toEqual(["cetpro", "empleabilidad"]);

    const solved = await listWallFeed({ kind: "challenge", status: "resuelto" });
    expect(solved.items.map((i) => i.id)).toContain(busy.id);
    expect(solved.items.map((i) => i.id)).not.toContain(quiet.id);

    const search = await listWallFeed({ kind: "challenge", query: "tecnico productiva" });
    expect(search.items.map((i) => i.id)).toEqual([quiet.id]);

    const active = await listWallFeed({ kind: "challenge", sort: "activos" });
    expect(active.items.findIndex((i) => i.id === busy.id)).toBeLessThan(active.items.findIndex((i) => i.id === quiet.id));

    // The other wall does not show challenges.
    expect((await listWallFeed({ kind: "initiative" })).items.map((i) => i.id)).not.toContain(quiet.id);
  });

  test("counts a wall's visible posts in the country, a region and a macroregion as posts are published, moved, hidden and restored", async () => {
    const db = getDb();
    // What the feed must say: the posts themselves, counted.
    const actual = async (kind: "challenge" | "initiative", regionSlug?: string, macroregionSlug?: string) => {
      let query = db
        .selectFrom("wallPosts")
        .innerJoin("regions", "regions.id", "wallPosts.regionId")
        .innerJoin("macroregions", "macroregions.id", "regions.macroregionId")
        .where("wallPosts.kind", "=", kind)
        .where("wallPosts.hiddenAt", "is", null);
      if (regionSlug) query = query.where("regions.slug", "=", regionSlug);
      if (macroregionSlug) query = query.where("macroregions.slug", "=", macroregionSlug);
      return Number((await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    };
    const scopes = [{}, { regionSlug: "ancash" }, { regionSlug: "cusco" }, { macroregionSlug: "norte" }, { macroregionSlug: "sur" }];
    const expectCountsRight = async () => {
      for (const kind of ["challenge", "initiative"] as const) {
        for (const scope of scopes) {
          const feed = await listWallFeed({ kind, ...scope, pageSize: 5 });
          expect({ kind, ...scope, total: feed.total }).toEqual({ kind, ...scope, total: await actual(kind, scope.regionSlug, scope.macroregionSlug) });
          expect(feed.pages).toBe(Math.max(1, Math.ceil(feed.total / 5)));
        }
      }
    };

    const countryBefore = (await listWallFeed({ kind: "challenge" })).total;
    const cuscoBefore = (await listWallFeed({ kind: "challenge", regionSlug: "cusco" })).total;
    const huaraz = await makeChallenge({ iged: "UGEL Huaraz" });
    await makeInitiative({ iged: "UGEL Calca" });
    expect((await listWallFeed({ kind: "challenge" })).total).toBe(countryBefore + 1);
    await expectCountsRight();

    const difoca = await createMember({ role: "difoca", iged: null });
    await hideWallPost({ postId: huaraz.id, actorId: difoca.id, reason: "Publicación duplicada de otro desafío." });
    // Hiding twice changes nothing more.
    await hideWallPost({ postId: huaraz.id, actorId: difoca.id, reason: "Publicación duplicada de otro desafío." });
    expect((await listWallFeed({ kind: "challenge" })).total).toBe(countryBefore);
    await expectCountsRight();

    // A hidden post moved by its author is counted where it is once restored, and only there.
    const calca = await getDb().selectFrom("igeds").select(["id", "regionId"]).where("name", "=", "UGEL Calca").executeTakeFirstOrThrow();
    const edit = { postId: huaraz.id, editorId: huaraz.authorId, title: "Desafío trasladado a Cusco", summary: "", body: "Ahora en Cusco.", links: [], tags: [], thematicLineId: null };
    expect(await updateWallPost({ ...edit, igedId: calca.id, regionId: calca.regionId })).toEqual({ ok: true });
    await expectCountsRight();
    await restoreWallPost({ postId: huaraz.id, actorId: difoca.id });
    await restoreWallPost({ postId: huaraz.id, actorId: difoca.id });
    expect((await listWallFeed({ kind: "challenge", regionSlug: "cusco" })).total).toBe(cuscoBefore + 1);
    await expectCountsRight();

    // A visible post moved back leaves Cusco's count for Áncash's.
    const huarazIged = await getDb().selectFrom("igeds").select(["id", "regionId"]).where("name", "=", "UGEL Huaraz").executeTakeFirstOrThrow();
    expect(await updateWallPost({ ...edit, igedId: huarazIged.id, regionId: huarazIged.regionId })).toEqual({ ok: true });
    expect((await listWallFeed({ kind: "challenge", regionSlug: "cusco" })).total).toBe(cuscoBefore);
    await expectCountsRight();

    // Filters the stored counts do not hold are counted from the posts.
    const tagged = await listWallFeed({ kind: "challenge", regionSlug: "ancash", tag: "sin-esta-etiqueta" });
    expect(tagged.total).toBe(0);
  });
});
