import { describe, expect, test } from "vitest";
import { giveFeedback } from "~/models/feedback.server";
import { getIgedByName } from "~/models/iged.server";
import {
  changeStageByReviewer,
  criteriaStatus,
  decidePromotion,
  getPendingPromotion,
  listCriteria,
  listPendingPromotions,
  listPromotionHistory,
  nextStage,
  requestPromotion,
} from "~/models/maturity.server";
import { requestAdvisory } from "~/models/advisory.server";
import { changePracticeStage, createPractice, getPracticeCore } from "~/models/practice.server";
import { getDb } from "~/utils/db.server";
import { heldAdvisory } from "../../tests/factories/advisories";
import { createMember } from "../../tests/factories/members";
import { publishedPractice as publishedPracticeFactory } from "../../tests/factories/practices";

async function publishedPractice(text: { problem?: string; strategy?: string; results?: string } = {}) {
  const { practice, gestor, difoca } = await publishedPracticeFactory({ title: "Ruta de la lectura en Nasca", startYear: 2023, problem: text.problem ?? "Bajos niveles de comprensión lectora.", strategy: text.strategy ?? "- Círculos de lectura\n- Bibliotecas de aula", results: text.results ?? "El 62 % de estudiantes mejora su nivel." });
  return { practice, gestor, difoca };
}

async function withFeedback(practiceId: number) {
  const expert = await createMember({ role: "experto", iged: null });
  await giveFeedback({
    practiceId,
    authorId: expert.id,
    keyAspects: "Articula a las familias.",
    opportunities: ["Medir la línea de base"],
    recommendations: ["Incluir la práctica en el PAT"],
    givenOn: "2026-11-10",
  });
  return expert;
}

/** Every automatic criterion of the step to intermedio: documented (by the factory), feedback and a held advisory. */
async function meetAutomaticCriteria(practiceId: number, gestorId: number) {
  await withFeedback(practiceId);
  await heldAdvisory({ practiceId, requestedBy: gestorId });
}

/** A practice at intermedio, whose next step (avanzado) has manual criteria only. */
async function atIntermedio(practiceId: number, difocaId: number) {
  if (!(await changePracticeStage({ practiceId, actorId: difocaId, toStage: "intermedio", note: "Validada por DIFOCA." }))) throw new Error("No se pudo mover la práctica.");
}

/** A note for every manual criterion of the next stage (none for intermedio: its criteria are all automatic). */
async function notesForManualCriteria(practiceId: number) {
  const status = await criteriaStatus(practiceId);
  return status!.criteria
    .filter((c) => !c.automatic)
    .map((c) => ({ criterionId: c.id, note: "Consta en la Resolución Directoral Regional n.º 0456-2026.", evidenceId: null }));
}

async function eventsOf(practiceId: number) {
  return getDb()
    .selectFrom("practiceEvents")
    .select(["type", "actorId", "note", "fromStage", "toStage"])
    .where("practiceId", "=", practiceId)
    .orderBy("id")
    .execute();
}

describe("the maturity route", () => {
  test("the default criteria are there, and the route ends at avanzado", async () => {
    const criteria = await listCriteria();
    expect(criteria.filter((c) => c.targetStage === "intermedio").map((c) => c.checkRule)).toEqual(["documented", "feedback", "advisory"]);
    expect(criteria.filter((c) => c.targetStage === "avanzado")).toHaveLength(5);
    expect(nextStage("inicial")).toBe("intermedio");
    expect(nextStage("intermedio")).toBe("avanzado");
    expect(nextStage("avanzado")).toBeNull();
  });

  test("automatic criteria: documented needs problem, strategy and results; feedback an expert's feedback; advisory a held advisory", async () => {
    const { practice, gestor } = await publishedPractice({ results: "   " });
    let status = await criteriaStatus(practice.id);
    expect(status?.nextStage).toBe("intermedio");
    const byTitle = (s: typeof status) => Object.fromEntries(s!.criteria.map((c) => [c.title, { automatic: c.automatic, met: c.met }]));
    expect(byTitle(status)).toEqual({
      "Problema, estrategia y resultados documentados": { automatic: true, met: false },
      "Retroalimentación de un experto": { automatic: true, met: false },
      "Asesoría técnica realizada": { automatic: true, met: false },
    });
    expect(status?.automaticMet).toBe(false);

    await withFeedback(practice.id);
    await getDb().updateTable("practices").set({ results: "Cobertura del 90 %." }).where("id", "=", practice.id).execute();
    status = await criteriaStatus(practice.id);
    expect(byTitle(status)).toEqual({
      "Problema, estrategia y resultados documentados": { automatic: true, met: true },
      "Retroalimentación de un experto": { automatic: true, met: true },
      "Asesoría técnica realizada": { automatic: true, met: false },
    });
    expect(status?.automaticMet).toBe(false);

    // An advisory asked for, not yet held, does not count.
    const asked = await requestAdvisory({ practiceId: practice.id, requestedBy: gestor.id, type: "personalizada", topic: "Indicadores", needs: "Orientación.", modality: "virtual", advisorId: null, startsAt: null, minutes: null });
    expect(asked.ok).toBe(true);
    expect((await criteriaStatus(practice.id))?.automaticMet).toBe(false);

    await heldAdvisory({ practiceId: practice.id, requestedBy: gestor.id });
    status = await criteriaStatus(practice.id);
    expect(status?.criteria.every((c) => c.automatic && c.met)).toBe(true);
    expect(status?.automaticMet).toBe(true);
  });

  test("the step to avanzado has manual criteria only, which DIFOCA checks", async () => {
    const { practice, difoca } = await publishedPractice();
    await atIntermedio(practice.id, difoca.id);
    const status = await criteriaStatus(practice.id);
    expect(status?.nextStage).toBe("avanzado");
    expect(status?.criteria).toHaveLength(5);
    expect(status?.criteria.every((c) => !c.automatic && c.met === null)).toBe(true);
    expect(status?.automaticMet).toBe(true);
  });

  test("a request is refused while an automatic criterion is unmet", async () => {
    const { practice, gestor } = await publishedPractice();
    const result = await requestPromotion({ practiceId: practice.id, requestedBy: gestor.id, items: await notesForManualCriteria(practice.id) });
    expect(result).toEqual({ ok: false, error: expect.stringContaining("Retroalimentación de un experto") });
    expect(await getPendingPromotion(practice.id)).toBeNull();

    // With the feedback but no advisory held yet, still refused.
    await withFeedback(practice.id);
    const withoutAdvisory = await requestPromotion({ practiceId: practice.id, requestedBy: gestor.id, items: [] });
    expect(withoutAdvisory).toEqual({
      ok: false,
      error: "Todavía no se cumple: Asesoría técnica realizada. Podrás enviar la solicitud cuando la plataforma lo verifique.",
    });
    expect(await getPendingPromotion(practice.id)).toBeNull();
  });

  test("each manual criterion needs a note of 10 characters or an evidence", async () => {
    const { practice, gestor, difoca } = await publishedPractice();
    await atIntermedio(practice.id, difoca.id);
    const [manual, ...others] = await notesForManualCriteria(practice.id);
    const result = await requestPromotion({ practiceId: practice.id, requestedBy: gestor.id, items: [{ ...manual!, note: "Sí" }, ...others] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.fieldErrors?.[`note-${manual!.criterionId}`]).toMatch(/al menos 10 caracteres/);
      expect(Object.keys(result.fieldErrors ?? {})).toEqual([`note-${manual!.criterionId}`]);
    }
    expect(await getPendingPromotion(practice.id)).toBeNull();

    // A note for each manual criterion is kept with the request.
    const sent = await requestPromotion({ practiceId: practice.id, requestedBy: gestor.id, items: [manual!, ...others] });
    expect(sent.ok).toBe(true);
    const pending = await getPendingPromotion(practice.id);
    expect(pending?.targetStage).toBe("avanzado");
    expect(pending?.items).toHaveLength(5);
    expect(pending?.items.every((i) => !i.automatic && i.note === "Consta en la Resolución Directoral Regional n.º 0456-2026.")).toBe(true);
  });

  test("only one pending request per practice", async () => {
    const { practice, gestor } = await publishedPractice();
    await meetAutomaticCriteria(practice.id, gestor.id);
    const first = await requestPromotion({ practiceId: practice.id, requestedBy: gestor.id, items: await notesForManualCriteria(practice.id) });
    expect(first.ok).toBe(true);
    const second = await requestPromotion({ practiceId: practice.id, requestedBy: gestor.id, items: await notesForManualCriteria(practice.id) });
    expect(second).toEqual({ ok: false, error: expect.stringMatching(/^Ya hay una solicitud/) });
    const pending = await getPendingPromotion(practice.id);
    expect(pending?.targetStage).toBe("intermedio");
    expect(pending?.items.map((i) => [i.criterionTitle, i.automatic])).toEqual([
      ["Problema, estrategia y resultados documentados", true],
      ["Retroalimentación de un experto", true],
      ["Asesoría técnica realizada", true],
    ]);
    expect((await listPendingPromotions()).some((r) => r.id === pending?.id && r.practiceSlug === practice.slug && r.regionName === "Ica")).toBe(true);
  });

  test("approval moves the practice up and keeps who decided, when and why", async () => {
    const { practice, gestor, difoca } = await publishedPractice();
    await meetAutomaticCriteria(practice.id, gestor.id);
    const request = await requestPromotion({ practiceId: practice.id, requestedBy: gestor.id, items: await notesForManualCriteria(practice.id) });
    if (!request.ok) throw new Error(request.error);

    const decision = await decidePromotion({ requestId: request.requestId, deciderId: difoca.id, approve: true, note: "Cumple los criterios." });
    expect(decision).toMatchObject({ ok: true, approved: true, targetStage: "intermedio" });
    expect((await getPracticeCore(practice.id))?.stage).toBe("intermedio");
    expect(await getPendingPromotion(practice.id)).toBeNull();
    const [history] = await listPromotionHistory(practice.id);
    expect(history).toMatchObject({ status: "aprobada", decisionNote: "Cumple los criterios.", decidedByName: difoca.name });

    const events = await eventsOf(practice.id);
    expect(events.slice(-2)).toEqual([
      { type: "promotion_requested", actorId: gestor.id, note: "", fromStage: "inicial", toStage: "intermedio" },
      { type: "promoted", actorId: difoca.id, note: "Cumple los criterios.", fromStage: "inicial", toStage: "intermedio" },
    ]);
    // A request already decided cannot be decided again.
    expect((await decidePromotion({ requestId: request.requestId, deciderId: difoca.id, approve: true, note: "" })).ok).toBe(false);
    // The next step is avanzado.
    expect((await criteriaStatus(practice.id))?.nextStage).toBe("avanzado");
  });

  test("returning keeps the stage and the comment the team reads; a comment is required", async () => {
    const { practice, gestor, difoca } = await publishedPractice();
    await meetAutomaticCriteria(practice.id, gestor.id);
    const request = await requestPromotion({ practiceId: practice.id, requestedBy: gestor.id, items: await notesForManualCriteria(practice.id) });
    if (!request.ok) throw new Error(request.error);

    expect(await decidePromotion({ requestId: request.requestId, deciderId: difoca.id, approve: false, note: "  " })).toEqual({
      ok: false,
      error: "Escribe las observaciones para el equipo.",
    });
    const decision = await decidePromotion({ requestId: request.requestId, deciderId: difoca.id, approve: false, note: "Adjunten el acta de la asesoría." });
    expect(decision.ok).toBe(true);
    expect((await getPracticeCore(practice.id))?.stage).toBe("inicial");
    const [history] = await listPromotionHistory(practice.id);
    expect(history).toMatchObject({ status: "devuelta", decisionNote: "Adjunten el acta de la asesoría.", decidedByName: difoca.name });
    expect((await eventsOf(practice.id)).at(-1)).toEqual({
      type: "promotion_returned",
      actorId: difoca.id,
      note: "Adjunten el acta de la asesoría.",
      fromStage: "inicial",
      toStage: "intermedio",
    });
    // The team may ask again.
    const again = await requestPromotion({ practiceId: practice.id, requestedBy: gestor.id, items: await notesForManualCriteria(practice.id) });
    expect(again.ok).toBe(true);
  });

  test("demotion requires a reason and records 'demoted'", async () => {
    const { practice, difoca } = await publishedPractice();
    expect(await changeStageByReviewer({ practiceId: practice.id, actorId: difoca.id, toStage: "intermedio", reason: "Validada en el intercambio macrorregional." })).toBe(true);
    expect(await changeStageByReviewer({ practiceId: practice.id, actorId: difoca.id, toStage: "inicial", reason: " " })).toBe(false);
    expect((await getPracticeCore(practice.id))?.stage).toBe("intermedio");

    expect(await changeStageByReviewer({ practiceId: practice.id, actorId: difoca.id, toStage: "inicial", reason: "El equipo técnico se disolvió." })).toBe(true);
    expect((await getPracticeCore(practice.id))?.stage).toBe("inicial");
    expect((await eventsOf(practice.id)).at(-1)).toEqual({
      type: "demoted",
      actorId: difoca.id,
      note: "El equipo técnico se disolvió.",
      fromStage: "intermedio",
      toStage: "inicial",
    });
  });

  test("moving the stage closes a pending request instead of leaving it stale", async () => {
    const { practice, gestor, difoca } = await publishedPractice();
    await meetAutomaticCriteria(practice.id, gestor.id);
    await requestPromotion({ practiceId: practice.id, requestedBy: gestor.id, items: await notesForManualCriteria(practice.id) });
    await changeStageByReviewer({ practiceId: practice.id, actorId: difoca.id, toStage: "avanzado", reason: "Caso excepcional validado por DIGEGED." });
    expect(await getPendingPromotion(practice.id)).toBeNull();
    expect((await listPromotionHistory(practice.id))[0]).toMatchObject({ status: "devuelta", decisionNote: "Caso excepcional validado por DIGEGED." });
  });

  test("only published practices below avanzado can ask", async () => {
    const { practice, gestor, difoca } = await publishedPractice();
    await changeStageByReviewer({ practiceId: practice.id, actorId: difoca.id, toStage: "avanzado", reason: "Referente nacional." });
    expect(await requestPromotion({ practiceId: practice.id, requestedBy: gestor.id, items: [] })).toEqual({
      ok: false,
      error: expect.stringMatching(/ya está en el estadio avanzado/),
    });

    const iged = await getIgedByName("UGEL Nasca");
    const draft = await createPractice({
      authorId: gestor.id,
      title: "Borrador",
      summary: "",
      thematicLineId: null,
      leadIgedId: iged!.id,
      otherIgedIds: [],
      startYear: null,
      vigente: true,
      problem: "p",
      strategy: "s",
      results: "r",
      lessons: "",
    });
    expect(await requestPromotion({ practiceId: draft.id, requestedBy: gestor.id, items: [] })).toEqual({
      ok: false,
      error: expect.stringMatching(/Solo una práctica publicada/),
    });
  });
});
