import { describe, expect, test } from "vitest";
import { createEvent, getEvent, registerForEvent, type EventFields } from "~/models/event.server";
import { listMacroregions, listRegions } from "~/models/region.server";
import { action as editAction, loader as editLoader } from "~/routes/eventos.$id.editar";
import { loader as listLoader } from "~/routes/eventos._index";
import { action as newAction, loader as newLoader } from "~/routes/eventos.nuevo";
import { todayInLima } from "~/utils/dates";
import { createMember } from "../../tests/factories/members";
import { publishedPractice } from "../../tests/factories/practices";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

const DAY = 24 * 3600_000;
const dayIn = (days: number) => todayInLima(new Date(Date.now() + days * DAY));

let serial = 0;
async function makeEvent(fields: Partial<EventFields> = {}) {
  const difoca = await createMember({ role: "difoca", iged: null });
  serial += 1;
  const startsOn = fields.startsOn ?? dayIn(10);
  return createEvent({
    type: "intercambio",
    title: `Evento de prueba ${serial}`,
    summary: "Un evento para las pruebas.",
    startsOn,
    endsOn: fields.endsOn ?? startsOn,
    startTime: "09:00",
    endTime: "17:00",
    macroregionId: null,
    hostRegionId: null,
    modality: "presencial",
    place: "Auditorio",
    meetingUrl: null,
    agenda: "",
    capacity: null,
    invitedRegionIds: [],
    ...fields,
    createdBy: difoca.id,
  });
}

const list = async (query = "", userId?: number) =>
  (await respond(async () => listLoader({ request: getRequest(`/eventos${query}`, userId ? await sessionCookieFor(userId) : undefined), params: {}, context }))).json();

describe("/eventos", () => {
  test("a visitor sees the upcoming and the past events, with their dates, place and seats", async () => {
    const macroregions = await listMacroregions();
    const centro = macroregions.find((m) => m.name === "Centro")!;
    const regions = await listRegions();
    const limaProvincias = regions.find((r) => r.name === "Lima Provincias")!;
    const exchange = await makeEvent({
      title: "I Intercambio de Buenas Prácticas – Macrorregión Centro",
      startsOn: "2026-04-23",
      endsOn: "2026-04-24",
      macroregionId: centro.id,
      hostRegionId: limaProvincias.id,
      place: "UGEL 09 Huaura",
      capacity: 40,
    });
    const webinar = await makeEvent({ type: "webinar", title: "Webinar de planificación", startsOn: "2026-03-03", startTime: "10:00", endTime: "12:00", modality: "virtual", place: "" });
    const upcoming = await makeEvent({ title: "Taller de indicadores", type: "taller", startsOn: dayIn(20), capacity: 40 });
    for (let i = 0; i < 3; i++) await registerForEvent({ eventId: upcoming.id, userId: (await createMember()).id });

    const data = await list();
    expect(data.canManage).toBe(false);
    const next = data.upcoming.find((e: { id: number }) => e.id === upcoming.id);
    expect(next).toMatchObject({ typeLabel: "Taller", title: "Taller de indicadores", seats: "3 de 40 cupos ocupados" });
    expect(data.past.find((e: { id: number }) => e.id === upcoming.id)).toBeUndefined();

    const pastExchange = data.past.find((e: { id: number }) => e.id === exchange.id);
    expect(pastExchange).toMatchObject({
      typeLabel: "Intercambio macrorregional",
      when: "23 y 24 de abril de 2026",
      macroregionName: "Centro",
      hostRegionName: "Lima Provincias",
      modalityLabel: "Presencial",
      place: "UGEL 09 Huaura",
      seats: "0 de 40 cupos ocupados",
    });
    expect(data.past.find((e: { id: number }) => e.id === webinar.id)).toMatchObject({
      typeLabel: "Webinar",
      when: "martes 3 de marzo de 2026, 10:00–12:00",
      modalityLabel: "Virtual",
      seats: "Sin límite de cupos",
    });
    // Latest first.
    const ids = data.past.map((e: { id: number }) => e.id);
    expect(ids.indexOf(exchange.id)).toBeLessThan(ids.indexOf(webinar.id));
    // A past event's card leads to its systematization report; an upcoming one has none yet.
    expect(pastExchange.reportHref).toBe(`/eventos/${exchange.id}/reporte`);
    expect(next.reportHref).toBeNull();
  });

  test("past events filter by type and year; unknown values are ignored", async () => {
    const old = await makeEvent({ type: "taller", title: "Taller de 2025", startsOn: "2025-06-10" });
    const recent = await makeEvent({ type: "webinar", title: "Webinar de 2026", startsOn: "2026-06-10" });
    const byType = await list("?tipo=webinar");
    expect(byType.filters.tipo).toBe("webinar");
    expect(byType.past.every((e: { typeLabel: string }) => e.typeLabel === "Webinar")).toBe(true);
    expect(byType.past.map((e: { id: number }) => e.id)).toContain(recent.id);

    const byYear = await list("?anio=2025");
    expect(byYear.options.years.map((y: { value: string }) => y.value)).toEqual(expect.arrayContaining(["2025", "2026"]));
    expect(byYear.past.map((e: { id: number }) => e.id)).toContain(old.id);
    expect(byYear.past.map((e: { id: number }) => e.id)).not.toContain(recent.id);

    const unknown = await list("?tipo=fiesta&anio=1990");
    expect(unknown.filters).toEqual({ tipo: "", anio: "" });
    expect(unknown.past.map((e: { id: number }) => e.id)).toEqual(expect.arrayContaining([old.id, recent.id]));
  });

  test("DIFOCA sees the link to create an event", async () => {
    const difoca = await createMember({ role: "difoca", iged: null });
    expect((await list("", difoca.id)).canManage).toBe(true);
  });
});

describe("/eventos/nuevo and /eventos/:id/editar", () => {
  async function validFields() {
    const macroregions = await listMacroregions();
    const centro = macroregions.find((m) => m.name === "Centro")!;
    const regions = await listRegions();
    const limaProvincias = regions.find((r) => r.name === "Lima Provincias")!;
    const invited = regions.filter((r) => r.macroregionName === "Centro");
    const { practice } = await publishedPractice({ title: "Escuelas seguras en Nasca" });
    const expert = await createMember({ role: "experto", iged: null, name: "Jorge Chávez" });
    const start = dayIn(30);
    return {
      fields: {
        type: "intercambio",
        title: "II Intercambio de Buenas Prácticas – Macrorregión Centro",
        summary: "Las prácticas de la macrorregión Centro, comentadas por expertos.",
        startsOn: start,
        endsOn: dayIn(31),
        startTime: "08:30",
        endTime: "17:00",
        macroregionId: String(centro.id),
        hostRegionId: String(limaProvincias.id),
        modality: "mixta",
        place: "UGEL 09 Huaura",
        meetingUrl: "https://meet.ejemplo.pe/intercambio",
        agenda: "## Día 1\n- Presentación de prácticas",
        capacity: "120",
        practice_0: String(practice.id),
        commentator_0: String(expert.id),
      },
      invited,
      practice,
      expert,
    };
  }

  function formWithRegions(fields: Record<string, string>, regionIds: number[]) {
    return (path: string, cookie: string) => {
      const request = formRequest(path, fields, cookie);
      return request.formData().then((body) => {
        for (const id of regionIds) body.append("invitedRegionIds", String(id));
        return new Request(request.url, { method: "POST", body, headers: { Cookie: cookie } });
      });
    };
  }

  test("a gestor gets 403", async () => {
    const gestor = await createMember();
    const cookie = await sessionCookieFor(gestor.id);
    expect((await respond(() => newLoader({ request: getRequest("/eventos/nuevo", cookie), params: {}, context }))).status).toBe(403);
    expect((await respond(() => newAction({ request: formRequest("/eventos/nuevo", { title: "x" }, cookie), params: {}, context }))).status).toBe(403);
  });

  test("DIFOCA's bad dates, times, capacity and link answer 400 with Spanish messages, keeping what was typed", async () => {
    const difoca = await createMember({ role: "difoca", iged: null });
    const cookie = await sessionCookieFor(difoca.id);
    const { fields, invited } = await validFields();
    const build = formWithRegions(
      { ...fields, startsOn: "2026-12-10", endsOn: "2026-12-09", capacity: "0", meetingUrl: "meet.ejemplo.pe", practice_1: fields.practice_0 },
      invited.map((r) => r.id),
    );
    const response = await respond(async () => newAction({ request: await build("/eventos/nuevo", cookie), params: {}, context }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({
      endsOn: "La fecha de término no puede ser anterior a la de inicio.",
      capacity: "Escribe cuántos cupos hay (de 1 a 5000), o déjalo vacío si no hay límite.",
      meetingUrl: "Escribe un enlace completo que empiece con https://, o déjalo vacío.",
      practice_1: "Esta práctica ya está en otra fila.",
    });
    expect(body.values.title).toBe(fields.title);
    expect(body.invitedRegionIds).toEqual(invited.map((r) => String(r.id)));

    const oneDay = await respond(() =>
      newAction({ request: formRequest("/eventos/nuevo", { ...fields, endsOn: fields.startsOn, startTime: "15:00", endTime: "10:00" }, cookie), params: {}, context }),
    );
    expect(oneDay.status).toBe(400);
    expect((await oneDay.json()).errors).toEqual({ endTime: "En un evento de un día, la hora de término debe ser posterior a la de inicio." });
  });

  test("DIFOCA creates an event with its programme and invited regions, then edits it", async () => {
    const difoca = await createMember({ role: "difoca", iged: null });
    const cookie = await sessionCookieFor(difoca.id);
    const page = await respond(() => newLoader({ request: getRequest("/eventos/nuevo", cookie), params: {}, context }));
    expect(page.status).toBe(200);
    const form = await page.json();
    expect(form.options.regionGroups.flatMap((g: { regions: unknown[] }) => g.regions)).toHaveLength(26);

    const { fields, invited, practice, expert } = await validFields();
    const build = formWithRegions(fields, invited.map((r) => r.id));
    const response = await respond(async () => newAction({ request: await build("/eventos/nuevo", cookie), params: {}, context }));
    expect(response.status).toBe(302);
    const id = Number(response.headers.get("Location")!.split("/").pop());
    const event = await getEvent(id);
    expect(event).toMatchObject({ title: fields.title, capacity: 120, modality: "mixta", startTime: "08:30", meetingUrl: "https://meet.ejemplo.pe/intercambio" });
    expect(event?.invitedRegions.map((r) => r.name).sort()).toEqual(invited.map((r) => r.name).sort());
    expect(event?.practices).toEqual([expect.objectContaining({ practiceId: practice.id, commentatorId: expert.id, commentatorName: "Jorge Chávez" })]);

    // The editor starts with what was saved.
    const edit = await (await respond(() => editLoader({ request: getRequest(`/eventos/${id}/editar`, cookie), params: { id: String(id) }, context }))).json();
    expect(edit.values).toMatchObject({ title: fields.title, capacity: "120", practice_0: String(practice.id), commentator_0: String(expert.id) });
    expect(edit.invitedRegionIds).toHaveLength(invited.length);

    const saved = await respond(() =>
      editAction({ request: formRequest(`/eventos/${id}/editar`, { ...fields, capacity: "", practice_0: "", commentator_0: "" }, cookie), params: { id: String(id) }, context }),
    );
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/eventos/${id}`);
    const edited = await getEvent(id);
    expect(edited).toMatchObject({ capacity: null });
    expect(edited?.practices).toEqual([]);
    expect(edited?.invitedRegions).toEqual([]);

    expect((await respond(() => editLoader({ request: getRequest("/eventos/999999/editar", cookie), params: { id: "999999" }, context }))).status).toBe(404);
  });

  test("a forged practice or commentator id is refused like a typo", async () => {
    const difoca = await createMember({ role: "difoca", iged: null });
    const cookie = await sessionCookieFor(difoca.id);
    const { fields } = await validFields();
    const gestor = await createMember();
    const response = await respond(() => newAction({ request: formRequest("/eventos/nuevo", { ...fields, commentator_0: String(gestor.id), practice_2: "999999" }, cookie), params: {}, context }));
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({
      commentator_0: "Elige un experto o especialista DIFOCA de la lista.",
      practice_2: "Elige una práctica publicada de la lista.",
    });
  });
});
