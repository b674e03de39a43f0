import { describe, expect, test } from "vitest";
import { createEvent, setEventPractices } from "~/models/event.server";
import { listFeedbackForPractice } from "~/models/feedback.server";
import { action, loader } from "~/routes/practicas.$slug.retroalimentacion";
import { getDb } from "~/utils/db.server";
import { todayInLima } from "~/utils/practice-review-validation.server";
import { createMember } from "../../tests/factories/members";
import { publishedPractice as publishedPracticeFactory } from "../../tests/factories/practices";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

async function publishedPractice() {
  const { practice, gestor, difoca } = await publishedPracticeFactory({ title: "Escuelas seguras en Nasca", startYear: 2022, problem: "Riesgo sísmico en las escuelas.", strategy: "Simulacros y planes de contingencia.", results: "120 escuelas con plan aprobado." });
  return { practice, gestor, difoca };
}

const validFeedback = {
  keyAspects: "La práctica **articula** a la UGEL con los gobiernos locales.",
  opportunities: "- Medir la línea de base\n\n2. Registrar los simulacros\nSistematizar la experiencia",
  recommendations: "Incluir la práctica en el PAT\nBuscar financiamiento del gobierno regional",
  givenOn: "2026-11-10",
};

const path = (slug: string) => `/practicas/${slug}/retroalimentacion`;

describe("/practicas/:slug/retroalimentacion", () => {
  test("an expert leaves feedback and its items are kept in order", async () => {
    const { practice } = await publishedPractice();
    const expert = await createMember({ role: "experto", iged: null, name: "Jorge Chávez Escobar" });
    const cookie = await sessionCookieFor(expert.id);

    const page = await respond(() => loader({ request: getRequest(path(practice.slug), cookie), params: { slug: practice.slug }, context }));
    expect(page.status).toBe(200);
    expect((await page.json()).today).toBe(todayInLima());

    const response = await respond(() => action({ request: formRequest(path(practice.slug), validFeedback, cookie), params: { slug: practice.slug }, context }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/practicas/${practice.slug}#retroalimentacion`);

    const [feedback] = await listFeedbackForPractice(practice.id);
    expect(feedback).toMatchObject({ authorName: "Jorge Chávez Escobar", keyAspects: validFeedback.keyAspects, givenOn: "2026-11-10" });
    expect(feedback?.opportunities.map((o) => o.text)).toEqual(["Medir la línea de base", "Registrar los simulacros", "Sistematizar la experiencia"]);
    expect(feedback?.recommendations.map((r) => r.text)).toEqual(["Incluir la práctica en el PAT", "Buscar financiamiento del gobierno regional"]);
  });

  test("a gestor gets 403, even one of the practice's team", async () => {
    const { practice, gestor } = await publishedPractice();
    const other = await createMember({ role: "gestor" });
    for (const member of [gestor, other]) {
      const cookie = await sessionCookieFor(member.id);
      expect((await respond(() => loader({ request: getRequest(path(practice.slug), cookie), params: { slug: practice.slug }, context }))).status).toBe(403);
      expect(
        (await respond(() => action({ request: formRequest(path(practice.slug), validFeedback, cookie), params: { slug: practice.slug }, context }))).status,
      ).toBe(403);
    }
    expect(await listFeedbackForPractice(practice.id)).toEqual([]);
  });

  test("DIFOCA can give feedback; an unknown practice is 404", async () => {
    const { practice, difoca } = await publishedPractice();
    const cookie = await sessionCookieFor(difoca.id);
    const response = await respond(() => action({ request: formRequest(path(practice.slug), validFeedback, cookie), params: { slug: practice.slug }, context }));
    expect(response.status).toBe(302);
    expect(await listFeedbackForPractice(practice.id)).toHaveLength(1);
    expect((await respond(() => loader({ request: getRequest(path("no-existe"), cookie), params: { slug: "no-existe" }, context }))).status).toBe(404);
  });

  test("empty parts answer 400 with the Spanish messages and keep what was typed", async () => {
    const { practice } = await publishedPractice();
    const expert = await createMember({ role: "experto", iged: null });
    const cookie = await sessionCookieFor(expert.id);
    const response = await respond(() =>
      action({
        request: formRequest(path(practice.slug), { keyAspects: " ", opportunities: "\n - \n", recommendations: "", givenOn: "2026-11-10" }, cookie),
        params: { slug: practice.slug },
        context,
      }),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({
      keyAspects: "Escribe el aspecto clave de la práctica.",
      opportunities: "Escribe al menos una oportunidad de mejora.",
      recommendations: "Escribe al menos una recomendación.",
    });
    expect(body.values.givenOn).toBe("2026-11-10");
  });

  test("a future date is refused", async () => {
    const { practice } = await publishedPractice();
    const expert = await createMember({ role: "experto", iged: null });
    const cookie = await sessionCookieFor(expert.id);
    const tomorrow = new Date(Date.now() + 36 * 3600 * 1000);
    const response = await respond(() =>
      action({
        request: formRequest(path(practice.slug), { ...validFeedback, givenOn: todayInLima(tomorrow) }, cookie),
        params: { slug: practice.slug },
        context,
      }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ givenOn: "La fecha no puede ser futura." });
    expect(await listFeedbackForPractice(practice.id)).toEqual([]);
  });

  test("feedback given at an event where the practice was presented is linked to it; any other event is refused", async () => {
    const { practice, difoca } = await publishedPractice();
    const expert = await createMember({ role: "experto", iged: null });
    const cookie = await sessionCookieFor(expert.id);
    const eventFields = {
      type: "intercambio" as const,
      summary: "Intercambio de la macrorregión Centro.",
      startsOn: "2026-04-23",
      endsOn: "2026-04-24",
      startTime: "09:00",
      endTime: "17:00",
      macroregionId: null,
      hostRegionId: null,
      modality: "presencial" as const,
      place: "UGEL 09 Huaura",
      meetingUrl: null,
      agenda: "",
      capacity: null,
      invitedRegionIds: [],
      createdBy: difoca.id,
    };
    const exchange = await createEvent({ ...eventFields, title: "I Intercambio Centro" });
    const other = await createEvent({ ...eventFields, title: "Webinar sin esta práctica" });
    await setEventPractices({ eventId: exchange.id, items: [{ practiceId: practice.id, commentatorId: expert.id }] });

    const page = await respond(() => loader({ request: getRequest(path(practice.slug), cookie), params: { slug: practice.slug }, context }));
    expect((await page.json()).events).toEqual([{ id: exchange.id, label: "I Intercambio Centro (23 de abril de 2026)" }]);

    const refused = await respond(() =>
      action({ request: formRequest(path(practice.slug), { ...validFeedback, eventId: String(other.id) }, cookie), params: { slug: practice.slug }, context }),
    );
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(body.errors).toEqual({ eventId: "Elige un evento de la lista, o «No» si no se dio en un evento." });
    expect(body.values.keyAspects).toBe(validFeedback.keyAspects);
    expect(await listFeedbackForPractice(practice.id)).toEqual([]);

    const linked = await respond(() =>
      action({ request: formRequest(path(practice.slug), { ...validFeedback, eventId: String(exchange.id) }, cookie), params: { slug: practice.slug }, context }),
    );
    expect(linked.status).toBe(302);
    const outside = await respond(() => action({ request: formRequest(path(practice.slug), { ...validFeedback, eventId: "" }, cookie), params: { slug: practice.slug }, context }));
    expect(outside.status).toBe(302);
    const rows = await getDb().selectFrom("practiceFeedback").select("eventId").where("practiceId", "=", practice.id).orderBy("id").execute();
    expect(rows.map((r) => r.eventId)).toEqual([exchange.id, null]);
  });
});
