import { describe, expect, test } from "vitest";
import { addLinkEvidence } from "~/models/evidence.server";
import { giveFeedback } from "~/models/feedback.server";
import { getPendingPromotion } from "~/models/maturity.server";
import { loadPracticeReview } from "~/models/practice-review.server";
import { changePracticeStage } from "~/models/practice.server";
import { action, loader } from "~/routes/practicas.$slug.promocion";
import { getUser } from "~/utils/auth.server";
import { heldAdvisory } from "../../tests/factories/advisories";
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
    expect(page.criteria.map((c: { title: string; automatic: boolean; met: boolean | null }) => [c.title, c.automatic, c.met])).toEqual([
      ["Problema, estrategia y resultados documentados", true, true],
      ["Retroalimentación de un experto", true, false],
      ["Asesoría técnica realizada", true, false],
    ]);
    expect(page.blocked).toMatch(/^Todavía no puedes enviar la solicitud/);

    // A note typed for the advisory criterion does not stand in for the platform's check.
    const advisory = page.criteria[2].id;
    const response = await respond(() =>
      action({ request: formRequest(path(practice.slug), { [`note-${advisory}`]: "Asesoría del 3 de octubre." }, cookie), params, context }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors.form).toMatch(/^Todavía no puedes enviar la solicitud/);
    expect(await getPendingPromotion(practice.id)).toBeNull();
  });

  test("the advisory criterion is met once an advisory was held; then the team sends the request with nothing to fill", async () => {
    const { practice, gestor } = await publishedPractice();
    const expert = await createMember({ role: "experto", iged: null });
    await giveFeedback({ practiceId: practice.id, authorId: expert.id, keyAspects: "Bien.", opportunities: ["a"], recommendations: ["b"], givenOn: "2026-11-01" });
    const cookie = await sessionCookieFor(gestor.id);
    const params = { slug: practice.slug };
    const load = async () => (await respond(() => loader({ request: getRequest(path(practice.slug), cookie), params, context }))).json();
    const advisoryMet = (page: { criteria: { title: string; met: boolean | null }[] }) => page.criteria.find((c) => c.title === "Asesoría técnica realizada")?.met;

    let page = await load();
    expect(advisoryMet(page)).toBe(false);
    expect(page.blocked).toMatch(/^Todavía no puedes enviar la solicitud/);

    await heldAdvisory({ practiceId: practice.id, requestedBy: gestor.id });
    page = await load();
    expect(advisoryMet(page)).toBe(true);
    expect(page.criteria.every((c: { automatic: boolean; met: boolean | null }) => c.automatic && c.met)).toBe(true);
    expect(page.blocked).toBeNull();

    const sent = await respond(() => action({ request: formRequest(path(practice.slug), {}, cookie), params, context }));
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe(`/practicas/${practice.slug}`);
    const pending = await getPendingPromotion(practice.id);
    expect(pending?.targetStage).toBe("intermedio");
    expect(pending?.items.map((i) => [i.criterionTitle, i.automatic, i.note, i.evidenceId])).toEqual([
      ["Problema, estrategia y resultados documentados", true, "", null],
      ["Retroalimentación de un experto", true, "", null],
      ["Asesoría técnica realizada", true, "", null],
    ]);

    // The practice page's panel now shows the pending request and no longer offers to ask.
    const review = await loadPracticeReview(practice.id, await getUser(getRequest("/", cookie)));
    expect(review?.promotion).toMatchObject({ canRequest: false, canDecide: false, pending: { targetStage: { value: "intermedio", label: "Intermedio" } } });
    expect(review?.feedback.feedback[0]?.keyAspectsHtml.trim()).toBe("<p>Bien.</p>");
    expect(review?.feedback.canMarkAddressed).toBe(true);
  });

  test("towards avanzado, the team sends a note or an evidence per criterion", async () => {
    const { practice, gestor, difoca } = await publishedPractice();
    await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "intermedio", note: "Aprobada por DIFOCA." });
    const evidence = await addLinkEvidence({ practiceId: practice.id, uploadedBy: gestor.id, title: "Resolución de reconocimiento", url: "https://ejemplo.pe/rdr.pdf" });
    if (!evidence.ok) throw new Error(evidence.error);
    const cookie = await sessionCookieFor(gestor.id);
    const params = { slug: practice.slug };
    const page = await (await respond(() => loader({ request: getRequest(path(practice.slug), cookie), params, context }))).json();
    expect(page.nextStageLabel).toBe("Avanzado");
    expect(page.blocked).toBeNull();
    expect(page.evidence).toEqual([{ id: evidence.id, title: "Resolución de reconocimiento", kind: "enlace" }]);
    expect(page.criteria).toHaveLength(5);
    expect(page.criteria.every((c: { automatic: boolean }) => !c.automatic)).toBe(true);
    const [manual, ...others]: number[] = page.criteria.map((c: { id: number }) => c.id);
    const otherNotes = Object.fromEntries(others.map((id) => [`note-${id}`, "Consta en el PAT 2026 de la UGEL."]));

    const short = await respond(() => action({ request: formRequest(path(practice.slug), { ...otherNotes, [`note-${manual}`]: "Sí", [`evidence-${manual}`]: "" }, cookie), params, context }));
    expect(short.status).toBe(400);
    const shortBody = await short.json();
    expect(shortBody.errors[`note-${manual}`]).toMatch(/al menos 10 caracteres/);
    expect(shortBody.values[`note-${manual}`]).toBe("Sí");
    expect(shortBody.values[`note-${others[0]}`]).toBe("Consta en el PAT 2026 de la UGEL.");

    const foreign = await respond(() => action({ request: formRequest(path(practice.slug), { ...otherNotes, [`evidence-${manual}`]: "999999" }, cookie), params, context }));
    expect((await foreign.json()).errors[`evidence-${manual}`]).toBe("Elige una evidencia de la lista.");
    expect(await getPendingPromotion(practice.id)).toBeNull();

    const sent = await respond(() => action({ request: formRequest(path(practice.slug), { ...otherNotes, [`evidence-${manual}`]: String(evidence.id) }, cookie), params, context }));
    expect(sent.status).toBe(302);
    const pending = await getPendingPromotion(practice.id);
    expect(pending?.targetStage).toBe("avanzado");
    expect(pending?.items.find((i) => i.criterionId === manual)).toMatchObject({ evidenceId: evidence.id, evidenceTitle: "Resolución de reconocimiento" });
    expect(pending?.items.find((i) => i.criterionId === others[0])).toMatchObject({ note: "Consta en el PAT 2026 de la UGEL.", evidenceId: null });

    const review = await loadPracticeReview(practice.id, await getUser(getRequest("/", cookie)));
    expect(review?.promotion).toMatchObject({ canRequest: false, canDecide: false, pending: { targetStage: { value: "avanzado", label: "Avanzado" } } });
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
