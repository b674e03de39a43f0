import { describe, expect, test } from "vitest";
import { giveFeedback, listFeedbackForPractice } from "~/models/feedback.server";
import { action } from "~/routes/practicas.$slug.oportunidades.$itemId";
import { createMember } from "../../tests/factories/members";
import { publishedPractice as publishedPracticeFactory } from "../../tests/factories/practices";
import { context, formRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

async function practiceWithFeedback() {
  const expert = await createMember({ role: "experto", iged: null });
  const { practice, gestor, difoca } = await publishedPracticeFactory({ title: "Gestión escolar con datos", startYear: 2024, problem: "Decisiones sin datos.", strategy: "Tableros de seguimiento.", results: "Todas las II.EE. usan el tablero." });
  await giveFeedback({
    practiceId: practice.id,
    authorId: expert.id,
    keyAspects: "Uso de datos.",
    opportunities: ["Definir indicadores de resultado"],
    recommendations: ["Compartir el tablero con otras UGEL"],
    givenOn: "2026-11-01",
  });
  const [feedback] = await listFeedbackForPractice(practice.id);
  return { practice, gestor, difoca, opportunity: feedback!.opportunities[0]!, recommendation: feedback!.recommendations[0]! };
}

const path = (slug: string, itemId: number | string) => `/practicas/${slug}/oportunidades/${itemId}`;

describe("/practicas/:slug/oportunidades/:itemId", () => {
  test("the team marks an opportunity as addressed with a note, and can reopen it", async () => {
    const { practice, gestor, opportunity } = await practiceWithFeedback();
    const cookie = await sessionCookieFor(gestor.id);
    const params = { slug: practice.slug, itemId: String(opportunity.id) };

    const response = await respond(() =>
      action({ request: formRequest(path(practice.slug, opportunity.id), { addressed: "1", note: "Aprobamos 5 indicadores en el PAT 2027." }, cookie), params, context }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/practicas/${practice.slug}#retroalimentacion`);
    let [feedback] = await listFeedbackForPractice(practice.id);
    expect(feedback?.opportunities[0]).toMatchObject({ addressedNote: "Aprobamos 5 indicadores en el PAT 2027.", addressedByName: gestor.name });
    expect(feedback?.opportunities[0]?.addressedAt).not.toBeNull();

    await respond(() => action({ request: formRequest(path(practice.slug, opportunity.id), { addressed: "0" }, cookie), params, context }));
    [feedback] = await listFeedbackForPractice(practice.id);
    expect(feedback?.opportunities[0]).toMatchObject({ addressedAt: null, addressedNote: null, addressedByName: null });
  });

  test("marking needs a note", async () => {
    const { practice, gestor, opportunity } = await practiceWithFeedback();
    const cookie = await sessionCookieFor(gestor.id);
    const response = await respond(() =>
      action({ request: formRequest(path(practice.slug, opportunity.id), { addressed: "1", note: "" }, cookie), params: { slug: practice.slug, itemId: String(opportunity.id) }, context }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ note: "Escribe qué hizo el equipo para atender esta oportunidad." });
  });

  test("a gestor of another team gets 403; DIFOCA may", async () => {
    const { practice, difoca, opportunity } = await practiceWithFeedback();
    const other = await createMember({ role: "gestor" });
    const params = { slug: practice.slug, itemId: String(opportunity.id) };
    const fields = { addressed: "1", note: "Lo atendimos en el taller de marzo." };
    const otherCookie = await sessionCookieFor(other.id);
    const refused = await respond(() => action({ request: formRequest(path(practice.slug, opportunity.id), fields, otherCookie), params, context }));
    expect(refused.status).toBe(403);
    expect((await listFeedbackForPractice(practice.id))[0]?.opportunities[0]?.addressedAt).toBeNull();

    const difocaCookie = await sessionCookieFor(difoca.id);
    const allowed = await respond(() => action({ request: formRequest(path(practice.slug, opportunity.id), fields, difocaCookie), params, context }));
    expect(allowed.status).toBe(302);
  });

  test("an unknown item, a recommendation or another practice's item is a 400", async () => {
    const { practice, gestor, recommendation } = await practiceWithFeedback();
    const elsewhere = await practiceWithFeedback();
    const cookie = await sessionCookieFor(gestor.id);
    const fields = { addressed: "1", note: "Lo atendimos en el taller de marzo." };
    for (const itemId of ["999999", String(recommendation.id), String(elsewhere.opportunity.id), "abc"]) {
      const response = await respond(() => action({ request: formRequest(path(practice.slug, itemId), fields, cookie), params: { slug: practice.slug, itemId }, context }));
      expect(response.status).toBe(400);
      expect((await response.json()).errors.form).toBe("Esa oportunidad de mejora no existe en esta práctica.");
    }
    expect((await listFeedbackForPractice(elsewhere.practice.id))[0]?.opportunities[0]?.addressedAt).toBeNull();
    const unknownPractice = await respond(() =>
      action({ request: formRequest(path("no-existe", 1), fields, cookie), params: { slug: "no-existe", itemId: "1" }, context }),
    );
    expect(unknownPractice.status).toBe(404);
  });
});
