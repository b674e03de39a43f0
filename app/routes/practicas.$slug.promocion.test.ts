import { describe, expect, test } from "vitest";
import { addLinkEvidence } from "~/models/evidence.server";
import { giveFeedback } from "~/models/feedback.server";
import { getPendingPromotion } from "~/models/maturity.server";
import { loadPracticeReview } from "~/models/practice-review.server";
import { action, loader } from "~/routes/practicas.$slug.promocion";
import { getUser } from "~/utils/auth.server";
import { createMember } from "../../tests/factories/members";
import { publishedPractice as publishedPracticeFactory } from "../../tests/factories/practices";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

async function publishedPractice() {
  const { practice, gestor, difoca } = await publishedPracticeFactory({ title: "Tutoría a distancia", startYear: 2020, problem: "Estudiantes dispersos.", strategy: "Tutoría por radio.", results: "3 000 estudiantes atendidos." });
  return { practice, gestor, difoca };
}

const path = (slug: string) => `/practicas/${slug}/promocion`;

describe("/practicas/:slug/promocion", () => {
  test("the team sees the criteria and cannot send while an automatic one is unmet", async () => {
    const { practice, gestor } = await publishedPractice();
    const cookie = await sessionCookieFor(gestor.id);
    const params = { slug: practice.slug };
    const page = await (await respond(() => loader({ request: getRequest(path(practice.slug), cookie), params, context }))).json();
    expect(page.nextStageLabel).toBe("Intermedio");
    expect(page.criteria.map((c: { automatic: boolean; met: boolean | null }) => [c.automatic, c.met])).toEqual([
      [true, true],
      [true, false],
      [false, null],
    ]);
    expect(page.blocked).toMatch(/^Todavía no puedes enviar la solicitud/);

    const manual = page.criteria[2].id;
    const response = await respond(() =>
      action({ request: formRequest(path(practice.slug), { [`note-${manual}`]: "Asesoría del 3 de octubre." }, cookie), params, context }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors.form).toMatch(/^Todavía no puedes enviar la solicitud/);
    expect(await getPendingPromotion(practice.id)).toBeNull();
  });

  test("with the automatic criteria met, the team sends a note or an evidence per criterion", async () => {
    const { practice, gestor } = await publishedPractice();
    const expert = await createMember({ role: "experto", iged: null });
    await giveFeedback({ practiceId: practice.id, authorId: expert.id, keyAspects: "Bien.", opportunities: ["a"], recommendations: ["b"], givenOn: "2026-11-01" });
    const evidence = await addLinkEvidence({ practiceId: practice.id, uploadedBy: gestor.id, title: "Acta de asesoría", url: "https://ejemplo.pe/acta.pdf" });
    if (!evidence.ok) throw new Error(evidence.error);
    const cookie = await sessionCookieFor(gestor.id);
    const params = { slug: practice.slug };
    const page = await (await respond(() => loader({ request: getRequest(path(practice.slug), cookie), params, context }))).json();
    expect(page.blocked).toBeNull();
    expect(page.evidence).toEqual([{ id: evidence.id, title: "Acta de asesoría", kind: "enlace" }]);
    const manual = page.criteria[2].id;

    const short = await respond(() => action({ request: formRequest(path(practice.slug), { [`note-${manual}`]: "Sí", [`evidence-${manual}`]: "" }, cookie), params, context }));
    expect(short.status).toBe(400);
    const shortBody = await short.json();
    expect(shortBody.errors[`note-${manual}`]).toMatch(/al menos 10 caracteres/);
    expect(shortBody.values[`note-${manual}`]).toBe("Sí");

    const foreign = await respond(() => action({ request: formRequest(path(practice.slug), { [`evidence-${manual}`]: "999999" }, cookie), params, context }));
    expect((await foreign.json()).errors[`evidence-${manual}`]).toBe("Elige una evidencia de la lista.");

    const sent = await respond(() => action({ request: formRequest(path(practice.slug), { [`evidence-${manual}`]: String(evidence.id) }, cookie), params, context }));
    expect(sent.status).toBe(302);
    const pending = await getPendingPromotion(practice.id);
    expect(pending?.items.find((i) => i.criterionId === manual)).toMatchObject({ evidenceId: evidence.id, evidenceTitle: "Acta de asesoría" });

    // The practice page's panel now shows the pending request and no longer offers to ask.
    const review = await loadPracticeReview(practice.id, await getUser(getRequest("/", cookie)));
    expect(review?.promotion).toMatchObject({ canRequest: false, canDecide: false, pending: { targetStage: { value: "intermedio", label: "Intermedio" } } });
    expect(review?.feedback.feedback[0]?.keyAspectsHtml.trim()).toBe("<p>Bien.</p>");
    expect(review?.feedback.canMarkAddressed).toBe(true);
  });

  test("a gestor of another team gets 403, an unknown practice 404", async () => {
    const { practice } = await publishedPractice();
    const other = await createMember({ role: "gestor" });
    const cookie = await sessionCookieFor(other.id);
    expect((await respond(() => loader({ request: getRequest(path(practice.slug), cookie), params: { slug: practice.slug }, context }))).status).toBe(403);
    expect((await respond(() => action({ request: formRequest(path(practice.slug), {}, cookie), params: { slug: practice.slug }, context }))).status).toBe(403);
    expect((await respond(() => loader({ request: getRequest(path("no-existe"), cookie), params: { slug: "no-existe" }, context }))).status).toBe(404);
  });
});
