import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, onTestFinished, test, vi } from "vitest";
import { createEvent, getRegistration, recordAttendance, registerForEvent, setAttendanceCode, setEventPractices, type EventFields } from "~/models/event.server";
import { listNotifications } from "~/models/notification.server";
import { getMemberPoints } from "~/models/points.server";
import EventPage, { action, loader } from "~/routes/eventos.$id._index";
import { loader as icsLoader } from "~/routes/eventos.$id.ics";
import { todayInLima } from "~/utils/dates";
import { createMember } from "../../tests/factories/members";
import { publishedPractice } from "../../tests/factories/practices";
import { BASE, context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

const DAY = 24 * 3600_000;
const dayIn = (days: number) => todayInLima(new Date(Date.now() + days * DAY));
const longAgo = () => new Date(Date.now() - 30 * DAY).toISOString();

let serial = 0;
async function makeEvent(fields: Partial<EventFields> = {}) {
  const difoca = await createMember({ role: "difoca", iged: null });
  serial += 1;
  const startsOn = fields.startsOn ?? dayIn(10);
  const event = await createEvent({
    type: "webinar",
    title: `Webinar de prueba ${serial}`,
    summary: "Un webinar para las pruebas.",
    startsOn,
    endsOn: fields.endsOn ?? startsOn,
    startTime: "10:00",
    endTime: "12:00",
    macroregionId: null,
    hostRegionId: null,
    modality: "virtual",
    place: "",
    meetingUrl: "https://meet.ejemplo.pe/webinar",
    agenda: "## Agenda\n- Bienvenida",
    capacity: null,
    invitedRegionIds: [],
    ...fields,
    createdBy: difoca.id,
  });
  return { ...event, difoca };
}

const load = async (id: number | string, userId?: number) =>
  respond(async () => loader({ request: getRequest(`/eventos/${id}`, userId ? await sessionCookieFor(userId) : undefined), params: { id: String(id) }, context }));
const post = async (id: number, userId: number, fields: Record<string, string>) =>
  respond(async () => action({ request: formRequest(`/eventos/${id}`, fields, await sessionCookieFor(userId)), params: { id: String(id) }, context }));

/** The event page as a visitor's browser receives it. */
async function renderPage(id: number): Promise<string> {
  const path = `/eventos/${id}`;
  const { query, dataRoutes } = createStaticHandler([
    { id: "event", path: "*", loader: () => loader({ request: new Request(`${BASE}${path}`), params: { id: String(id) }, context }), element: createElement(EventPage) },
  ]);
  const state = await query(new Request(`${BASE}${path}`));
  if (state instanceof Response) throw state;
  return renderToStaticMarkup(createElement(StaticRouterProvider, { router: createStaticRouter(dataRoutes, state), context: state }));
}

describe("the event page", () => {
  test("anyone reads it; the meeting link is only for those with a seat; a missing or invalid id is 404", async () => {
    const { id } = await makeEvent({ title: "Webinar de planificación" });
    const { practice } = await publishedPractice({ title: "Escuelas seguras en Nasca" });
    const expert = await createMember({ role: "experto", iged: null, name: "Jorge Chávez" });
    await setEventPractices({ eventId: id, items: [{ practiceId: practice.id, commentatorId: expert.id }] });

    const response = await load(id);
    expect(response.status).toBe(200);
    const page = await response.json();
    expect(page.event).toMatchObject({ title: "Webinar de planificación", typeLabel: "Webinar", seats: "Sin límite de cupos" });
    expect(page.event.agendaHtml).toContain("<h2>Agenda</h2>");
    expect(page.event.practices).toEqual([{ slug: practice.slug, title: "Escuelas seguras en Nasca", regionName: "Ica", leadIgedName: "UGEL Nasca", commentatorName: "Jorge Chávez" }]);
    expect(page.meeting).toEqual({ online: true, url: null });
    expect(page.viewer).toMatchObject({ signedIn: false, canRegister: false });
    expect(JSON.stringify(page)).not.toContain("meet.ejemplo.pe");

    expect((await load(999_999)).status).toBe(404);
    expect((await load("abc")).status).toBe(404);
  });

  test("registration up to capacity, the waiting list, and cancelling gives the seat to the next", async () => {
    const { id } = await makeEvent({ capacity: 1 });
    const [first, second] = await Promise.all([createMember(), createMember()]);

    expect((await load(id, first.id)).status).toBe(200);
    expect((await (await load(id, first.id)).json()).viewer).toMatchObject({ canRegister: true, status: null });
    const registered = await post(id, first.id, { intent: "register" });
    expect(registered.status).toBe(302);
    expect(registered.headers.get("Location")).toBe(`/eventos/${id}`);
    const firstPage = await (await load(id, first.id)).json();
    expect(firstPage.viewer).toMatchObject({ status: "inscrito", canRegister: false, canCancel: true });
    expect(firstPage.meeting.url).toBe("https://meet.ejemplo.pe/webinar");
    expect(firstPage.event).toMatchObject({ seats: "1 de 1 cupos ocupados", full: true });

    expect((await post(id, second.id, { intent: "register" })).status).toBe(302);
    const secondPage = await (await load(id, second.id)).json();
    expect(secondPage.viewer).toMatchObject({ status: "en_espera", waitingPosition: 1, canCancel: true });
    expect(secondPage.meeting.url).toBeNull();

    expect((await post(id, first.id, { intent: "cancel" })).status).toBe(302);
    expect((await getRegistration(id, first.id))?.status).toBe("cancelado");
    expect((await getRegistration(id, second.id))?.status).toBe("inscrito");
    expect((await listNotifications(second.id)).map((n) => n.type)).toContain("event_seat");
    expect((await (await load(id, second.id)).json()).meeting.url).toBe("https://meet.ejemplo.pe/webinar");
  });

  test("a finished event refuses registration with a Spanish message", async () => {
    const { id } = await makeEvent({ startsOn: dayIn(-3) });
    const member = await createMember();
    const response = await post(id, member.id, { intent: "register" });
    expect(response.status).toBe(400);
    expect((await response.json()).errors.form).toBe("El evento ya terminó: ya no se puede inscribir ni cancelar la inscripción.");
    expect(await getRegistration(id, member.id)).toBeUndefined();
  });

  test("the day's code: a wrong one is 400, the right one records attendance and points", async () => {
    const { id } = await makeEvent({ startsOn: dayIn(0) });
    const member = await createMember();
    await registerForEvent({ eventId: id, userId: member.id });
    expect((await (await load(id, member.id)).json()).viewer.canCheckIn).toBe(false);
    const noCode = await post(id, member.id, { intent: "check-in", code: "ABCDEF" });
    expect(noCode.status).toBe(400);
    expect((await noCode.json()).errors.code).toBe("En este momento el evento no registra la asistencia con código.");

    const code = (await setAttendanceCode({ eventId: id, enabled: true }))!;
    const page = await (await load(id, member.id)).json();
    expect(page.viewer.canCheckIn).toBe(true);
    expect(JSON.stringify(page)).not.toContain(code);

    const wrong = await post(id, member.id, { intent: "check-in", code: code === "ZZZZZZ" ? "YYYYYY" : "ZZZZZZ" });
    expect(wrong.status).toBe(400);
    const body = await wrong.json();
    expect(body.errors.code).toBe("El código no es correcto. Revísalo e inténtalo de nuevo.");
    expect(body.values.code).toBeDefined();
    const empty = await post(id, member.id, { intent: "check-in", code: " " });
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors.code).toBe("Escribe el código que se muestra en el evento.");

    expect((await post(id, member.id, { intent: "check-in", code })).status).toBe(302);
    expect(await getRegistration(id, member.id)).toMatchObject({ attended: 1, attendanceSource: "codigo" });
    expect((await getMemberPoints(member.id, new Date().getFullYear())).total).toBe(25);
    expect((await (await load(id, member.id)).json()).viewer).toMatchObject({ attended: true, canCheckIn: false, canWriteTestimonial: true });
  });

  test("after a few wrong codes, a member has to wait before trying again", async () => {
    const { id } = await makeEvent({ startsOn: dayIn(0) });
    const member = await createMember();
    const code = (await setAttendanceCode({ eventId: id, enabled: true }))!;
    const wrong = code === "ZZZZZZ" ? "YYYYYY" : "ZZZZZZ";
    // The clock stands still, so the wait cannot run out between two posts on a slow machine.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date());
    onTestFinished(() => void vi.useRealTimers());
    for (let i = 0; i < 5; i++) expect((await post(id, member.id, { intent: "check-in", code: wrong })).status).toBe(400);
    const sixth = await post(id, member.id, { intent: "check-in", code: wrong });
    expect((await sixth.json()).errors.code).toBe("El código no es correcto. Revísalo e inténtalo de nuevo.");
    const blocked = await post(id, member.id, { intent: "check-in", code });
    expect(blocked.status).toBe(400);
    expect((await blocked.json()).errors.code).toBe("Hiciste demasiados intentos. Espera 2 segundos e inténtalo de nuevo.");
    expect(await getRegistration(id, member.id)).toBeUndefined();
  });

  test("testimonials: refused from a non-attendee, saved from an attendee, hidden by DIFOCA only", async () => {
    const { id, difoca } = await makeEvent({ startsOn: dayIn(-1) });
    const [attendee, absent] = await Promise.all([createMember({ name: "Rosa Quispe" }), createMember()]);
    await registerForEvent({ eventId: id, userId: attendee.id, at: longAgo() });
    await registerForEvent({ eventId: id, userId: absent.id, at: longAgo() });
    await recordAttendance({ eventId: id, actorId: difoca.id, attendedUserIds: [attendee.id] });

    const refused = await post(id, absent.id, { intent: "testimonial", text: "Me hubiera gustado ir al webinar." });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors.text).toBe("Solo quienes asistieron al evento pueden dejar un testimonio.");
    const tooShort = await post(id, attendee.id, { intent: "testimonial", text: "Bien" });
    expect(tooShort.status).toBe(400);
    expect((await tooShort.json()).errors.text).toBe("Cuenta un poco más (al menos 10 caracteres).");

    expect((await post(id, attendee.id, { intent: "testimonial", text: "Aprendí a ordenar los indicadores." })).status).toBe(302);
    const visitorPage = await (await load(id)).json();
    expect(visitorPage.testimonials).toEqual([expect.objectContaining({ name: "Rosa Quispe", text: "Aprendí a ordenar los indicadores.", hidden: false })]);
    const testimonialId = String(visitorPage.testimonials[0].id);
    expect((await (await load(id, attendee.id)).json()).viewer.ownTestimonial).toBe("Aprendí a ordenar los indicadores.");

    expect((await post(id, absent.id, { intent: "hide-testimonial", testimonialId })).status).toBe(403);
    expect((await post(id, difoca.id, { intent: "hide-testimonial", testimonialId })).status).toBe(302);
    expect((await (await load(id)).json()).testimonials).toEqual([]);
    expect((await (await load(id, difoca.id)).json()).testimonials).toEqual([expect.objectContaining({ hidden: true })]);
    expect((await post(id, difoca.id, { intent: "show-testimonial", testimonialId })).status).toBe(302);
    expect((await (await load(id)).json()).testimonials).toHaveLength(1);
    expect((await post(id, difoca.id, { intent: "hide-testimonial", testimonialId: "999999" })).status).toBe(404);
  });

  test("a member whose attendance is recorded cannot cancel the registration: 400 with the reason", async () => {
    const { id } = await makeEvent({ startsOn: dayIn(0) });
    const member = await createMember();
    await registerForEvent({ eventId: id, userId: member.id });
    const code = (await setAttendanceCode({ eventId: id, enabled: true }))!;
    expect((await post(id, member.id, { intent: "check-in", code })).status).toBe(302);
    expect((await (await load(id, member.id)).json()).viewer.canCancel).toBe(false);

    const response = await post(id, member.id, { intent: "cancel" });
    expect(response.status).toBe(400);
    expect((await response.json()).errors.form).toBe("Ya registraste tu asistencia: no puedes cancelar la inscripción.");
    expect(await getRegistration(id, member.id)).toMatchObject({ status: "inscrito", attended: 1 });
    expect((await getMemberPoints(member.id, new Date().getFullYear())).total).toBe(25);
  });

  test("once the event has ended, everyone finds its systematization report and its PDF; not before", async () => {
    const ongoing = await makeEvent({ startsOn: dayIn(0) });
    expect((await (await load(ongoing.id)).json()).report).toBeNull();
    const before = await renderPage(ongoing.id);
    expect(before).not.toContain("Reporte de sistematización");
    expect(before).not.toContain(`/eventos/${ongoing.id}/reporte`);

    const { id } = await makeEvent({ startsOn: dayIn(-2), endsOn: dayIn(-1) });
    expect((await (await load(id)).json()).report).toEqual({ href: `/eventos/${id}/reporte`, pdfHref: `/eventos/${id}/reporte.pdf` });
    const html = await renderPage(id);
    expect(html).toContain("Reporte de sistematización");
    expect(html).toContain(`href="/eventos/${id}/reporte"`);
    expect(html).toContain(`href="/eventos/${id}/reporte.pdf"`);
  });

  test("an unknown intent is 400; a visitor posting is sent to sign in", async () => {
    const { id } = await makeEvent();
    const member = await createMember();
    expect((await post(id, member.id, { intent: "borrar" })).status).toBe(400);
    const visitor = await respond(() => action({ request: formRequest(`/eventos/${id}`, { intent: "register" }), params: { id: String(id) }, context }));
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toContain("/ingresar");
  });
});

describe("/eventos/:id/ics", () => {
  const ics = async (id: number | string) => respond(() => icsLoader({ request: getRequest(`/eventos/${id}/ics`), params: { id: String(id) }, context }));

  test("a one-day event with its Lima times in UTC, named after its slug", async () => {
    const { id, slug } = await makeEvent({ title: "Webinar de planificación", startsOn: "2026-12-03", startTime: "10:00", endTime: "12:00" });
    const response = await ics(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/calendar");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="evento-${slug}.ics"`);
    const body = await response.text();
    expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(body).toContain(`UID:evento-${id}@`);
    expect(body).toContain("DTSTART:20261203T150000Z");
    expect(body).toContain("DTEND:20261203T170000Z");
    expect(body).toContain("SUMMARY:Webinar de planificación");
    expect(body).toContain("LOCATION:Virtual");
    expect((await ics(0)).status).toBe(404);
  });

  test("a two-day event is one entry per day, each ending the same day", async () => {
    const { id } = await makeEvent({ title: "Intercambio Centro", startsOn: "2026-12-03", endsOn: "2026-12-04", startTime: "09:00", endTime: "17:00" });
    const body = await (await ics(id)).text();
    const events = body.split("BEGIN:VEVENT").slice(1);
    expect(events).toHaveLength(2);
    const [first, second] = events as [string, string];
    expect(first).toContain(`UID:evento-${id}-1@`);
    expect(first).toContain("DTSTART:20261203T140000Z");
    expect(first).toContain("DTEND:20261203T220000Z");
    expect(first).toContain("SUMMARY:Intercambio Centro (día 1 de 2)");
    expect(second).toContain(`UID:evento-${id}-2@`);
    expect(second).toContain("DTSTART:20261204T140000Z");
    expect(second).toContain("DTEND:20261204T220000Z");
    expect(second).toContain("SUMMARY:Intercambio Centro (día 2 de 2)");
  });
});
