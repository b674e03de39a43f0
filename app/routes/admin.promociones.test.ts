import { describe, expect, test } from "vitest";
import { giveFeedback } from "~/models/feedback.server";
import { criteriaStatus, getPendingPromotion, listPromotionHistory, requestPromotion } from "~/models/maturity.server";
import { getPracticeCore } from "~/models/practice.server";
import { action, loader } from "~/routes/admin.promociones";
import { action as stageAction } from "~/routes/practicas.$slug.estadio";
import { heldAdvisory } from "../../tests/factories/advisories";
import { createMember } from "../../tests/factories/members";
import { publishedPractice as publishedPracticeFactory } from "../../tests/factories/practices";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

async function practiceWithPendingRequest() {
  const expert = await createMember({ role: "experto", iged: null });
  const { practice, gestor, difoca } = await publishedPracticeFactory({ title: "Acompañamiento a directivos", startYear: 2021, problem: "Directivos sin acompañamiento.", strategy: "Visitas y círculos de interaprendizaje.", results: "85 directivos acompañados." });
  await giveFeedback({ practiceId: practice.id, authorId: expert.id, keyAspects: "Claro.", opportunities: ["a"], recommendations: ["b"], givenOn: "2026-11-01" });
  await heldAdvisory({ practiceId: practice.id, requestedBy: gestor.id });
  const status = await criteriaStatus(practice.id);
  // The step to intermedio is checked by the platform only: documented, feedback and a held advisory.
  expect(status?.criteria.every((c) => c.automatic && c.met)).toBe(true);
  const items = status!.criteria.filter((c) => !c.automatic).map((c) => ({ criterionId: c.id, note: "Asesoría del 3 de octubre con DIFOCA.", evidenceId: null }));
  const request = await requestPromotion({ practiceId: practice.id, requestedBy: gestor.id, items });
  if (!request.ok) throw new Error(request.error);
  return { practice, gestor, difoca, requestId: request.requestId };
}

describe("/admin/promociones", () => {
  test("a gestor (even of the team) and an expert get 403", async () => {
    const { gestor, requestId, practice } = await practiceWithPendingRequest();
    const expert = await createMember({ role: "experto", iged: null });
    for (const member of [gestor, expert]) {
      const cookie = await sessionCookieFor(member.id);
      expect((await respond(() => loader({ request: getRequest("/admin/promociones", cookie), params: {}, context }))).status).toBe(403);
      const post = formRequest("/admin/promociones", { intent: "approve", requestId: String(requestId), note: "" }, cookie);
      expect((await respond(() => action({ request: post, params: {}, context }))).status).toBe(403);
    }
    expect((await getPracticeCore(practice.id))?.stage).toBe("inicial");
  });

  test("DIFOCA sees the queue and approves: the practice moves up", async () => {
    const { practice, difoca, requestId } = await practiceWithPendingRequest();
    const cookie = await sessionCookieFor(difoca.id);
    const page = await (await respond(() => loader({ request: getRequest("/admin/promociones", cookie), params: {}, context }))).json();
    const queued = page.requests.find((r: { id: number }) => r.id === requestId);
    expect(queued).toMatchObject({ practiceSlug: practice.slug, regionName: "Ica", targetStageLabel: "Intermedio" });
    expect(queued.items.map((i: { criterionTitle: string; automatic: boolean }) => [i.criterionTitle, i.automatic])).toEqual([
      ["Problema, estrategia y resultados documentados", true],
      ["Retroalimentación de un experto", true],
      ["Asesoría técnica realizada", true],
    ]);

    const response = await respond(() =>
      action({ request: formRequest("/admin/promociones", { intent: "approve", requestId: String(requestId), note: "" }, cookie), params: {}, context }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin/promociones");
    expect((await getPracticeCore(practice.id))?.stage).toBe("intermedio");
    expect((await listPromotionHistory(practice.id))[0]).toMatchObject({ status: "aprobada", decidedByName: difoca.name });
  });

  test("returning needs observations, which the team then reads", async () => {
    const { practice, difoca, requestId } = await practiceWithPendingRequest();
    const cookie = await sessionCookieFor(difoca.id);
    const empty = await respond(() =>
      action({ request: formRequest("/admin/promociones", { intent: "return", requestId: String(requestId), note: "" }, cookie), params: {}, context }),
    );
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors.note).toBe("Escribe las observaciones para el equipo.");
    expect(await getPendingPromotion(practice.id)).not.toBeNull();

    await respond(() =>
      action({ request: formRequest("/admin/promociones", { intent: "return", requestId: String(requestId), note: "Falta el acta." }, cookie), params: {}, context }),
    );
    expect((await getPracticeCore(practice.id))?.stage).toBe("inicial");
    expect((await listPromotionHistory(practice.id))[0]).toMatchObject({ status: "devuelta", decisionNote: "Falta el acta." });
  });
});

describe("/practicas/:slug/estadio", () => {
  test("DIFOCA moves a practice down with a required reason; a gestor gets 403", async () => {
    const { practice, gestor, difoca, requestId } = await practiceWithPendingRequest();
    const cookie = await sessionCookieFor(difoca.id);
    await respond(() => action({ request: formRequest("/admin/promociones", { intent: "approve", requestId: String(requestId) }, cookie), params: {}, context }));
    const params = { slug: practice.slug };
    const url = `/practicas/${practice.slug}/estadio`;

    const gestorCookie = await sessionCookieFor(gestor.id);
    const byGestor = await respond(() => stageAction({ request: formRequest(url, { intent: "demote", toStage: "inicial", reason: "x" }, gestorCookie), params, context }));
    expect(byGestor.status).toBe(403);

    const noReason = await respond(() => stageAction({ request: formRequest(url, { intent: "demote", toStage: "inicial", reason: "" }, cookie), params, context }));
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).errors.reason).toBe("Escribe el motivo del cambio de estadio.");

    const upward = await respond(() => stageAction({ request: formRequest(url, { intent: "demote", toStage: "avanzado", reason: "Error" }, cookie), params, context }));
    expect(upward.status).toBe(400);
    expect((await upward.json()).errors.toStage).toBe("Elige un estadio anterior al actual.");

    const done = await respond(() => stageAction({ request: formRequest(url, { intent: "demote", toStage: "inicial", reason: "El equipo se disolvió." }, cookie), params, context }));
    expect(done.status).toBe(302);
    expect((await getPracticeCore(practice.id))?.stage).toBe("inicial");
  });
});
