import { describe, expect, test } from "vitest";
import { listCommitmentsOfPractice, recordAdvisoryOutcome, requestAdvisory, setCommitmentDone } from "~/models/advisory.server";
import { getIgedByName } from "~/models/iged.server";
import { changePracticeStage, getPracticeDetail, listRevisions } from "~/models/practice.server";
import { action as editAction, loader as editLoader } from "~/routes/practicas.$slug.editar";
import { action as pageAction, loader as pageLoader } from "~/routes/practicas.$slug._index";
import { action as newAction } from "~/routes/practicas.nueva";
import { advanceTransfer, decideTransfer, requestTransfer, type TransferStage } from "~/models/transfer.server";
import { formatMonthYear, todayInLima } from "~/utils/dates";
import { heldAdvisory } from "../../tests/factories/advisories";
import { createMember } from "../../tests/factories/members";
import { makePractice } from "../../tests/factories/practices";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

describe("creating a practice", () => {
  test("a gestor saves a draft and joins its team", async () => {
    const gestor = await createMember({ iged: "UGEL Nasca" });
    const iged = (await getIgedByName("UGEL Nasca"))!;
    const cookie = await sessionCookieFor(gestor.id);
    const response = await respond(() =>
      newAction({ request: formRequest("/practicas/nueva", { title: "Tertulias literarias en comunidades rurales", leadIgedId: String(iged.id) }, cookie), params: {}, context }),
    );
    expect(response.status).toBe(302);
    const slug = response.headers.get("Location")!.replace("/practicas/", "");
    expect(slug).toBe("tertulias-literarias-en-comunidades-rurales");
    const detail = await getPracticeDetail(slug);
    expect(detail).toMatchObject({ status: "borrador", stage: "inicial", regionName: "Ica" });
    expect(detail?.team.map((m) => m.id)).toEqual([gestor.id]);
  });

  test("bad input gets Spanish messages by the field and a 400", async () => {
    const gestor = await createMember();
    const cookie = await sessionCookieFor(gestor.id);
    const response = await respond(() =>
      newAction({ request: formRequest("/practicas/nueva", { title: "Corto", leadIgedId: "", startYear: "1800", thematicLineId: "x" }, cookie), params: {}, context }),
    );
    expect(response.status).toBe(400);
    const { errors, values } = await response.json();
    expect(errors).toMatchObject({
      title: "El título debe tener al menos 10 caracteres.",
      leadIgedId: "Elige la IGED que lidera la práctica.",
      startYear: expect.stringMatching(/^Escribe un año entre 1990 y \d{4}\.$/),
      thematicLineId: "Elige una línea temática de la lista.",
    });
    expect(values.title).toBe("Corto");
  });

  test("an expert cannot create practices", async () => {
    const expert = await createMember({ role: "experto", iged: null });
    const cookie = await sessionCookieFor(expert.id);
    const response = await respond(() =>
      newAction({ request: formRequest("/practicas/nueva", { title: "Una práctica cualquiera" }, cookie), params: {}, context }),
    );
    expect(response.status).toBe(403);
  });
});

describe("who may see and change a practice", () => {
  test("a draft is a 404 for visitors and other gestores, and visible to its team", async () => {
    const practice = await makePractice();
    const outsider = await createMember({ iged: "DRE Cusco" });
    const load = async (cookie?: string) =>
      respond(async () => pageLoader({ request: getRequest(`/practicas/${practice.slug}`, cookie), params: { slug: practice.slug }, context }));
    expect((await load()).status).toBe(404);
    expect((await load(await sessionCookieFor(outsider.id))).status).toBe(404);
    expect((await load(await sessionCookieFor(practice.authorId))).status).toBe(200);
  });

  test("a gestor of another IGED gets 403 on edit, and nothing changes", async () => {
    const practice = await makePractice({ publish: true, title: "Práctica que nadie ajeno edita" });
    const outsider = await createMember({ iged: "DRE Cusco" });
    const cookie = await sessionCookieFor(outsider.id);
    const loaded = await respond(() => editLoader({ request: getRequest(`/practicas/${practice.slug}/editar`, cookie), params: { slug: practice.slug }, context }));
    expect(loaded.status).toBe(403);
    const posted = await respond(() =>
      editAction({ request: formRequest(`/practicas/${practice.slug}/editar`, { intent: "save", title: "Título cambiado por otro" }, cookie), params: { slug: practice.slug }, context }),
    );
    expect(posted.status).toBe(403);
    expect((await getPracticeDetail(practice.slug))?.title).toBe("Práctica que nadie ajeno edita");
    expect(await listRevisions(practice.id)).toEqual([]);
  });

  test("only DIFOCA publishes: the team cannot publish its own practice", async () => {
    const practice = await makePractice();
    const cookie = await sessionCookieFor(practice.authorId);
    const submit = await respond(() => pageAction({ request: formRequest(`/practicas/${practice.slug}`, { intent: "submit" }, cookie), params: { slug: practice.slug }, context }));
    expect(submit.status).toBe(302);
    const publish = await respond(() => pageAction({ request: formRequest(`/practicas/${practice.slug}`, { intent: "publish" }, cookie), params: { slug: practice.slug }, context }));
    expect(publish.status).toBe(403);
    const difoca = await createMember({ role: "difoca", iged: null });
    const difocaCookie = await sessionCookieFor(difoca.id);
    const returned = await respond(() =>
      pageAction({ request: formRequest(`/practicas/${practice.slug}`, { intent: "return", note: "" }, difocaCookie), params: { slug: practice.slug }, context }),
    );
    expect(returned.status).toBe(400);
    expect((await returned.json()).errors.note).toBe("Escribe las observaciones para el equipo.");
  });

  test("an incomplete draft cannot be sent to review, and the team is told what is missing", async () => {
    const practice = await makePractice({ results: "" });
    const cookie = await sessionCookieFor(practice.authorId);
    const response = await respond(() =>
      pageAction({ request: formRequest(`/practicas/${practice.slug}`, { intent: "submit" }, cookie), params: { slug: practice.slug }, context }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors.submit).toContain("Describe los resultados, con cifras.");
  });

  test("a script in a practice's text reaches the page sanitized", async () => {
    const practice = await makePractice({ publish: true, problem: 'Texto<script>alert("x")</script><img src=x onerror="alert(1)">' });
    const response = await respond(() => pageLoader({ request: getRequest(`/practicas/${practice.slug}`), params: { slug: practice.slug }, context }));
    const body = JSON.stringify(await response.json());
    expect(body).toContain("Texto");
    expect(body).not.toContain("<script");
    expect(body).not.toContain("onerror");
  });
});

describe("IGEDs that share a practice", () => {
  test("an unknown IGED is a 400 with a Spanish message on create and edit, never a 500", async () => {
    const gestor = await createMember({ iged: "UGEL Nasca" });
    const iged = (await getIgedByName("UGEL Nasca"))!;
    const cookie = await sessionCookieFor(gestor.id);
    const created = await respond(() =>
      newAction({ request: formRequest("/practicas/nueva", { title: "Una práctica compartida", leadIgedId: String(iged.id), otherIgedIds: "999999" }, cookie), params: {}, context }),
    );
    expect(created.status).toBe(400);
    expect((await created.json()).errors.otherIgedIds).toBe("Elige las IGED de la lista.");

    const practice = await makePractice({ authorId: gestor.id });
    const edited = await respond(() =>
      editAction({
        request: formRequest(`/practicas/${practice.slug}/editar`, { intent: "save", title: "Título suficientemente largo", leadIgedId: String(iged.id), otherIgedIds: "999999" }, cookie),
        params: { slug: practice.slug },
        context,
      }),
    );
    expect(edited.status).toBe(400);
    expect((await edited.json()).errors.otherIgedIds).toBe("Elige las IGED de la lista.");
  });
});

describe("what the review leaves behind", () => {
  test("DIFOCA's observations on a draft and its edit history are not shown to visitors once it is published", async () => {
    const { returnPractice, submitPractice, publishPractice } = await import("~/models/practice.server");
    const { loader: historyLoader } = await import("~/routes/practicas.$slug.historial");
    const practice = await makePractice();
    const difoca = await createMember({ role: "difoca", iged: null });
    await submitPractice({ practiceId: practice.id, actorId: practice.authorId });
    await returnPractice({ practiceId: practice.id, actorId: difoca.id, note: "Observación interna del borrador" });
    await submitPractice({ practiceId: practice.id, actorId: practice.authorId });
    await publishPractice({ practiceId: practice.id, actorId: difoca.id });

    const visitorPage = await respond(() => pageLoader({ request: getRequest(`/practicas/${practice.slug}`), params: { slug: practice.slug }, context }));
    const body = JSON.stringify(await visitorPage.json());
    expect(body).not.toContain("Observación interna del borrador");
    expect(body).toContain('"type":"published"');

    const teamPage = await respond(async () =>
      pageLoader({ request: getRequest(`/practicas/${practice.slug}`, await sessionCookieFor(practice.authorId)), params: { slug: practice.slug }, context }),
    );
    expect(JSON.stringify(await teamPage.json())).toContain("Observación interna del borrador");

    const history = await respond(() => historyLoader({ request: getRequest(`/practicas/${practice.slug}/historial`), params: { slug: practice.slug }, context }));
    expect(history.status).toBe(403);
  });
});

describe("the advisories of a practice", () => {
  test("visitors see the held advisories (when, type, advisor); topics, open requests and commitments are for the team and DIFOCA", async () => {
    const practice = await makePractice({ publish: true, title: "Práctica con asesorías registradas" });
    const advisor = await createMember({ role: "experto", iged: null, name: "Silvia Rosario Jaime Basilio" });
    const held = await heldAdvisory({ practiceId: practice.id, requestedBy: practice.authorId, advisorId: advisor.id, topic: "Tablero de indicadores internos" });
    const day = (offset: number) => todayInLima(new Date(Date.now() + offset * 24 * 3600_000));
    const recorded = await recordAdvisoryOutcome({
      advisoryId: held.id,
      actorId: advisor.id,
      held: true,
      attendeeIds: [practice.authorId],
      summary: "Acta interna: se revisó el tablero con el equipo.",
      agreements: "",
      commitments: [
        { description: "Enviar la línea de base corregida", responsibleId: practice.authorId, responsibleName: "Autor", dueDate: day(-3) },
        { description: "Compartir el tablero con las UGEL", responsibleId: null, responsibleName: "Equipo de la UGEL", dueDate: day(-5) },
      ],
    });
    expect(recorded.ok).toBe(true);
    const shared = (await listCommitmentsOfPractice(practice.id)).find((c) => c.description.startsWith("Compartir"))!;
    expect((await setCommitmentDone({ commitmentId: shared.id, actorId: practice.authorId, done: true })).ok).toBe(true);
    const open = await requestAdvisory({
      practiceId: practice.id,
      requestedBy: practice.authorId,
      type: "transferencia",
      topic: "Preparar la transferencia a Chincha",
      needs: "Queremos saber qué documentos pedir a la IGED receptora.",
      modality: "virtual",
      advisorId: null,
      startsAt: null,
      minutes: null,
    });
    expect(open.ok).toBe(true);

    const pageFor = async (userId?: number) => {
      const cookie = userId ? await sessionCookieFor(userId) : undefined;
      const response = await respond(() => pageLoader({ request: getRequest(`/practicas/${practice.slug}`, cookie), params: { slug: practice.slug }, context }));
      expect(response.status).toBe(200);
      return (await response.json()).advisories;
    };

    const outsider = await createMember({ iged: "DRE Cusco" });
    for (const visitor of [await pageFor(), await pageFor(outsider.id)]) {
      expect(visitor).toMatchObject({ heldCount: 1, detailed: false, canRequest: false, commitments: [] });
      expect(visitor.advisories).toEqual([expect.objectContaining({ id: held.id, typeLabel: "Asesoría personalizada", advisorName: "Silvia Rosario Jaime Basilio" })]);
      const text = JSON.stringify(visitor);
      expect(text).not.toContain("Tablero de indicadores internos");
      expect(text).not.toContain("Preparar la transferencia");
      expect(text).not.toContain("línea de base");
    }

    const team = await pageFor(practice.authorId);
    expect(team).toMatchObject({ heldCount: 1, detailed: true, canRequest: true });
    expect(team.advisories.map((a: { topic: string; when: string }) => [a.topic, a.when === "Por programar"])).toEqual([
      ["Preparar la transferencia a Chincha", true],
      ["Tablero de indicadores internos", false],
    ]);
    expect(team.advisories[1]).toMatchObject({ statusLabel: "Realizada" });
    const tags = Object.fromEntries(team.commitments.map((c: { description: string; done: boolean; overdue: boolean }) => [c.description, { done: c.done, overdue: c.overdue }]));
    expect(tags).toEqual({
      "Enviar la línea de base corregida": { done: false, overdue: true },
      "Compartir el tablero con las UGEL": { done: true, overdue: false },
    });

    const difoca = await createMember({ role: "difoca", iged: null });
    const difocaView = await pageFor(difoca.id);
    expect(difocaView).toMatchObject({ detailed: true, canRequest: false });
    expect(difocaView.commitments).toHaveLength(2);
  });
});

describe("where a practice was adopted", () => {
  test("the page lists its transfers, institutionalized with the month and the others with their stage, and offers to request it", async () => {
    const nasca = (await getIgedByName("UGEL Nasca"))!;
    const practice = await makePractice({ publish: true, title: "Lectura rural que otras UGEL adoptan", leadIgedId: nasca.id });
    const difoca = await createMember({ role: "difoca", iged: null });
    expect(await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "avanzado", note: "Consolidada." })).toBe(true);

    const transferTo = async (iged: string, upTo: TransferStage | null) => {
      const asker = await createMember({ iged });
      const asked = await requestTransfer({ practiceId: practice.id, requestedBy: asker.id, receivingIgedId: (await getIgedByName(iged))!.id, reason: "La necesitamos.", context: "Escuelas rurales." });
      if (!asked.ok) throw new Error(asked.reason);
      if (upTo === null) return asked.id;
      expect(await decideTransfer({ transferId: asked.id, actorId: difoca.id, accept: true, reason: "" })).toEqual({ ok: true });
      const stages: TransferStage[] = ["acuerdo", "adaptacion", "implementacion", "evaluacion", "institucionalizada"];
      for (const stage of stages.slice(0, stages.indexOf(upTo) + 1)) {
        const actorId = stage === "evaluacion" || stage === "institucionalizada" ? difoca.id : asker.id;
        expect(await advanceTransfer({ transferId: asked.id, actorId, toStage: stage, note: "Registrado.", occurredOn: todayInLima() })).toMatchObject({ ok: true });
      }
      return asked.id;
    };
    const huaraz = await transferTo("UGEL Huaraz", "institucionalizada");
    const yauli = await transferTo("UGEL Yauli", "adaptacion");
    await transferTo("DRE Junín", null);

    const pageFor = async (userId?: number, slug = practice.slug) => {
      const cookie = userId ? await sessionCookieFor(userId) : undefined;
      const response = await respond(() => pageLoader({ request: getRequest(`/practicas/${slug}`, cookie), params: { slug }, context }));
      expect(response.status).toBe(200);
      return response.json();
    };

    const visitor = await pageFor();
    // A request DIFOCA has not accepted yet is not an adoption.
    expect(visitor.adoptions).toEqual([
      { id: huaraz, where: "UGEL Huaraz (Áncash)", state: `institucionalizada en ${formatMonthYear(new Date())}` },
      { id: yauli, where: "UGEL Yauli (Junín)", state: "en curso: etapa adaptación" },
    ]);
    expect(visitor.canRequestTransfer).toBe(false);

    const outsider = await createMember({ iged: "DRE Cusco" });
    expect((await pageFor(outsider.id)).canRequestTransfer).toBe(true);
    expect((await pageFor(difoca.id)).canRequestTransfer).toBe(true);
    expect((await pageFor(practice.authorId)).canRequestTransfer).toBe(false);
    const sameIged = await createMember({ iged: "UGEL Nasca" });
    expect((await pageFor(sameIged.id)).canRequestTransfer).toBe(false);
    const expert = await createMember({ role: "experto", iged: null });
    expect((await pageFor(expert.id)).canRequestTransfer).toBe(false);

    const initial = await makePractice({ publish: true, title: "Práctica que aún está en el estadio inicial" });
    const initialPage = await pageFor(outsider.id, initial.slug);
    expect(initialPage).toMatchObject({ canRequestTransfer: false, adoptions: [] });
  });
});
