// The loaders and actions of the events' pages: the list (/eventos), DIFOCA's editor (/eventos/nuevo,
// /eventos/:id/editar), the event page with registration, code check-in and testimonials
// (/eventos/:id), DIFOCA's attendance page (/eventos/:id/asistencia) and the .ics download. Route
// modules only call these; the model checks dates, capacity and attendance again.
import { json, type SerializeFrom } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { listAdvisors } from "~/models/advisory.server";
import { listBadges } from "~/models/badge.server";
import {
  awardBadgeToAttendees,
  cancelRegistration,
  checkInWithCode,
  createEvent,
  getEvent,
  listEvents,
  listPracticeOptionsForEvent,
  listRegistrations,
  listTestimonials,
  recordAttendance,
  registerForEvent,
  saveTestimonial,
  setAttendanceCode,
  setEventPractices,
  setTestimonialHidden,
  updateEvent,
  type EventDetail,
  type EventListItem,
  type EventRefusal,
} from "~/models/event.server";
import { listMacroregions, listRegions } from "~/models/region.server";
import { getMemberByEmail } from "~/models/user.server";
import { localToUtc } from "~/utils/advisory-slots";
import { getUser, requireUser } from "~/utils/auth.server";
import { calendarResponse, renderCalendar } from "~/utils/calendar.server";
import { issuerOrigin } from "~/utils/credentials.server";
import { formatDate, todayInLima } from "~/utils/dates";
import { EVENT_MODALITY_LABELS, EVENT_TYPE_LABELS, EVENT_TYPES, REGISTRATION_STATUS_LABELS, type EventType } from "~/utils/event-labels";
import {
  PRACTICE_ROWS,
  readAttendanceList,
  readAttendeeForm,
  readBulkBadgeForm,
  readCheckInForm,
  readEventForm,
  readTestimonialForm,
  readTestimonialId,
  type EventFormOptions,
} from "~/utils/event-validation.server";
import { formValues, type FieldErrors } from "~/utils/forms.server";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { can, requirePermission } from "~/utils/permissions.server";
import { describeWait, forgetAttempts, registerAttempt, type ThrottlePolicy } from "~/utils/rate-limit.server";
import { ROLE_LABELS } from "~/utils/roles";
import { redirectWithToast } from "~/utils/toast.server";

const NOT_FOUND = "No encontramos ese evento.";

const idParam = (value: string | undefined): number | null => (/^\d{1,9}$/.test(value ?? "") && Number(value) > 0 ? Number(value) : null);

async function eventOf(params: Params): Promise<EventDetail> {
  const id = idParam(params.id);
  const event = id === null ? undefined : await getEvent(id);
  if (!event) throw notFound(NOT_FOUND);
  return event;
}

// ---------------------------------------------------------------------------------------------
// How dates and seats read

// The days are calendar dates, not instants: read them at noon UTC so no zone moves them.
// Names come from a whole date, not alone: es-PE capitalizes a month or weekday standing alone.
const FULL_DATE = new Intl.DateTimeFormat("es-PE", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" });

function dayParts(date: string) {
  const d = new Date(`${date}T12:00:00Z`);
  const parts = FULL_DATE.formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { day: d.getUTCDate(), month: part("month"), monthIndex: d.getUTCMonth(), year: d.getUTCFullYear(), weekday: part("weekday"), time: d.getTime() };
}

/** "martes 3 de marzo de 2026", "23 y 24 de abril de 2026", "del 23 al 25 de abril de 2026", "del 30 de abril al 2 de mayo de 2026". */
export function formatEventDays(startsOn: string, endsOn: string): string {
  const a = dayParts(startsOn);
  if (startsOn === endsOn) return `${a.weekday} ${a.day} de ${a.month} de ${a.year}`;
  const b = dayParts(endsOn);
  if (a.year !== b.year) return `del ${a.day} de ${a.month} de ${a.year} al ${b.day} de ${b.month} de ${b.year}`;
  if (a.monthIndex !== b.monthIndex) return `del ${a.day} de ${a.month} al ${b.day} de ${b.month} de ${b.year}`;
  if (b.time - a.time === 24 * 3600_000) return `${a.day} y ${b.day} de ${a.month} de ${a.year}`;
  return `del ${a.day} al ${b.day} de ${a.month} de ${a.year}`;
}

/** One-day events carry their hours: "martes 3 de marzo de 2026, 10:00–12:00"; longer ones only their days. */
export function formatEventWhen(event: Pick<EventListItem, "startsOn" | "endsOn" | "startTime" | "endTime">): string {
  const days = formatEventDays(event.startsOn, event.endsOn);
  return event.startsOn === event.endsOn ? `${days}, ${event.startTime}–${event.endTime}` : days;
}

export function formatSeats(event: Pick<EventListItem, "registered" | "capacity">): string {
  if (event.capacity === null) return "Sin límite de cupos";
  return `${event.registered} de ${event.capacity} cupos ocupados`;
}

/** An event as the cards of /eventos (and the home page) show it. */
export function eventCard(item: EventListItem) {
  return {
    id: item.id,
    type: item.type,
    typeLabel: EVENT_TYPE_LABELS[item.type],
    title: item.title,
    when: formatEventWhen(item),
    startsOn: item.startsOn,
    macroregionName: item.macroregionName,
    hostRegionName: item.hostRegionName,
    modalityLabel: EVENT_MODALITY_LABELS[item.modality],
    place: item.place,
    seats: formatSeats(item),
    // Once an event has ended its systematization report is public (see requireEventReport).
    reportHref: item.endsOn < todayInLima() ? `/eventos/${item.id}/reporte` : null,
  };
}

/** A card's data; the report link is left out where only upcoming events are shown. */
export type EventCardData = Omit<ReturnType<typeof eventCard>, "reportHref"> & { reportHref?: string | null };

// ---------------------------------------------------------------------------------------------
// The list

export async function loadEventList(request: Request) {
  const params = new URL(request.url).searchParams;
  const [user, upcoming, allPast] = await Promise.all([getUser(request), listEvents({ when: "upcoming" }), listEvents({ when: "past", limit: 5000 })]);
  const years = [...new Set(allPast.map((e) => Number(e.startsOn.slice(0, 4))))].sort((a, b) => b - a);
  // Unknown values are ignored, as in the catalog: an old or edited address still shows a list.
  const tipo = (EVENT_TYPES as readonly string[]).includes(params.get("tipo") ?? "") ? (params.get("tipo") as EventType) : "";
  const anio = years.map(String).includes(params.get("anio") ?? "") ? (params.get("anio") as string) : "";
  const past = tipo || anio ? await listEvents({ when: "past", type: tipo || undefined, year: anio ? Number(anio) : undefined }) : allPast.slice(0, 100);
  return json({
    upcoming: upcoming.map(eventCard),
    past: past.map(eventCard),
    filters: { tipo, anio },
    options: {
      types: EVENT_TYPES.map((t) => ({ value: t, label: EVENT_TYPE_LABELS[t] })),
      years: years.map((y) => ({ value: String(y), label: String(y) })),
    },
    canManage: can(user, "events.manage"),
  });
}

// ---------------------------------------------------------------------------------------------
// DIFOCA's editor

async function formOptions(eventId: number | null) {
  const [macroregions, regions, practices, advisors] = await Promise.all([listMacroregions(), listRegions(), listPracticeOptionsForEvent(eventId), listAdvisors()]);
  const check: EventFormOptions = {
    macroregionIds: new Set(macroregions.map((m) => m.id)),
    regionMacroregion: new Map(regions.map((r) => [r.id, r.macroregionId])),
    practiceIds: new Set(practices.map((p) => p.id)),
    commentatorIds: new Set(advisors.map((a) => a.id)),
  };
  const shown = {
    macroregions: macroregions.map((m) => ({ id: m.id, name: m.name })),
    regions: regions.map((r) => ({ id: r.id, name: r.name, macroregionName: r.macroregionName })),
    regionGroups: macroregions.map((m) => ({ name: m.name, regions: regions.filter((r) => r.macroregionId === m.id).map((r) => ({ id: r.id, name: r.name })) })),
    practices: practices.map((p) => ({ id: p.id, label: `${p.title} (${p.regionName})` })),
    commentators: advisors.map((a) => ({ id: a.id, label: `${a.name} (${ROLE_LABELS[a.role]})` })),
  };
  return { check, shown };
}

/** What an existing event's form starts with: its fields, its invited regions, and one row per practice. */
function eventValues(event: EventDetail): Record<string, string> {
  const values: Record<string, string> = {
    type: event.type,
    title: event.title,
    summary: event.summary,
    startsOn: event.startsOn,
    endsOn: event.endsOn,
    startTime: event.startTime,
    endTime: event.endTime,
    macroregionId: event.macroregionId === null ? "" : String(event.macroregionId),
    hostRegionId: event.hostRegionId === null ? "" : String(event.hostRegionId),
    modality: event.modality,
    place: event.place,
    meetingUrl: event.meetingUrl ?? "",
    agenda: event.agenda,
    capacity: event.capacity === null ? "" : String(event.capacity),
  };
  event.practices.forEach((p, row) => {
    values[`practice_${row}`] = String(p.practiceId);
    values[`commentator_${row}`] = p.commentatorId === null ? "" : String(p.commentatorId);
  });
  return values;
}

export async function loadEventForm(request: Request, params: Params | null) {
  await requirePermission(request, "events.manage");
  const event = params ? await eventOf(params) : null;
  const { shown } = await formOptions(event?.id ?? null);
  return json({
    event: event ? { id: event.id, title: event.title } : null,
    options: shown,
    practiceRows: Math.max(PRACTICE_ROWS, event?.practices.length ?? 0),
    values: event ? eventValues(event) : { type: "intercambio", modality: "presencial", startTime: "09:00", endTime: "17:00" },
    invitedRegionIds: event ? event.invitedRegions.map((r) => String(r.id)) : [],
  });
}

export interface EventFormActionData {
  errors: FieldErrors;
  values: Record<string, string>;
  invitedRegionIds: string[];
}

export async function saveEventForm(request: Request, params: Params | null) {
  const user = await requirePermission(request, "events.manage");
  const existing = params ? await eventOf(params) : null;
  const { check } = await formOptions(existing?.id ?? null);
  const form = readEventForm(await request.formData(), check);
  if (!form.success) return badRequest<EventFormActionData>({ errors: form.errors, values: form.values, invitedRegionIds: form.invitedRegionIds });
  const { practices, ...fields } = form.data;
  let id: number;
  if (existing) {
    await updateEvent({ ...fields, eventId: existing.id });
    id = existing.id;
  } else {
    id = (await createEvent({ ...fields, createdBy: user.id })).id;
  }
  await setEventPractices({ eventId: id, items: practices });
  return redirectWithToast(request, `/eventos/${id}`, { type: "success", message: existing ? "Se guardaron los cambios del evento." : "Se creó el evento." });
}

// ---------------------------------------------------------------------------------------------
// The event page

/** Where the event stands today, in Lima. */
function phaseOf(event: Pick<EventDetail, "startsOn" | "endsOn">, today = todayInLima()) {
  const started = event.startsOn <= today;
  const finished = event.endsOn < today;
  return { started, finished, during: started && !finished };
}

export async function loadEventPage(request: Request, params: Params) {
  const [user, event] = await Promise.all([getUser(request), eventOf(params)]);
  const isManager = can(user, "events.manage");
  const phase = phaseOf(event);
  const [registrations, testimonials] = await Promise.all([user ? listRegistrations(event.id) : Promise.resolve([]), listTestimonials(event.id, { includeHidden: true })]);
  const mine = user ? registrations.find((r) => r.userId === user.id) : undefined;
  const active = mine && mine.status !== "cancelado" ? mine : undefined;
  const waitingPosition = active?.status === "en_espera" ? registrations.filter((r) => r.status === "en_espera").findIndex((r) => r.userId === user?.id) + 1 : null;
  const ownTestimonial = user ? testimonials.find((t) => t.userId === user.id) : undefined;
  const attended = mine?.attended ?? false;
  const codeActive = event.attendanceCode !== null;
  // The meeting link is for the people who have a seat, and for DIFOCA.
  const seesLink = isManager || active?.status === "inscrito" || attended;
  const path = `/eventos/${event.id}`;

  return json({
    event: {
      id: event.id,
      type: event.type,
      typeLabel: EVENT_TYPE_LABELS[event.type],
      title: event.title,
      summary: event.summary,
      when: formatEventWhen(event),
      startsOn: event.startsOn,
      hours: event.startsOn === event.endsOn ? null : `${event.startTime}–${event.endTime}`,
      modality: event.modality,
      modalityLabel: EVENT_MODALITY_LABELS[event.modality],
      place: event.place,
      macroregionName: event.macroregionName,
      hostRegionName: event.hostRegionName,
      invitedRegions: event.invitedRegions.map((r) => r.name),
      agendaHtml: event.agenda.trim() ? renderMarkdown(event.agenda) : "",
      practices: event.practices.map((p) => ({
        slug: p.slug,
        title: p.title,
        regionName: p.regionName,
        leadIgedName: p.leadIgedName,
        commentatorName: p.commentatorName,
      })),
      seats: formatSeats(event),
      full: event.capacity !== null && event.registered >= event.capacity,
      waiting: event.waiting,
      attended: event.attended,
    },
    meeting: {
      online: event.modality !== "presencial",
      url: seesLink ? event.meetingUrl : null,
    },
    phase,
    viewer: {
      signedIn: user !== null,
      signInPath: `/ingresar?redirectTo=${encodeURIComponent(path)}`,
      status: active?.status ?? null,
      statusLabel: active ? REGISTRATION_STATUS_LABELS[active.status] : null,
      waitingPosition,
      attended,
      canRegister: user !== null && !phase.finished && !active && !attended,
      canCancel: !phase.finished && active !== undefined && !attended,
      canCheckIn: user !== null && phase.during && codeActive && !attended,
      canWriteTestimonial: attended && phase.started,
      ownTestimonial: ownTestimonial?.text ?? null,
      isManager,
    },
    testimonials: testimonials
      .filter((t) => isManager || t.hiddenAt === null)
      .map((t) => ({
        id: t.id,
        name: t.name,
        position: t.position,
        igedName: t.igedName,
        regionName: t.regionName,
        text: t.text,
        hidden: t.hiddenAt !== null,
        writtenOn: formatDate(t.createdAt),
      })),
    icsPath: `${path}/ics`,
    // The report is public once the event has ended (DIFOCA reaches it before, from its tools).
    report: phase.finished ? { href: `${path}/reporte`, pdfHref: `${path}/reporte.pdf` } : null,
  });
}

export type EventPageData = SerializeFrom<typeof loadEventPage>;

export interface EventActionData {
  intent: string;
  errors: FieldErrors;
  values: Record<string, string>;
}

const REFUSALS: Record<Exclude<EventRefusal, "not_found">, { field: string; message: string }> = {
  finished: { field: "form", message: "El evento ya terminó: ya no se puede inscribir ni cancelar la inscripción." },
  not_started: { field: "form", message: "El evento aún no empieza." },
  wrong_code: { field: "code", message: "El código no es correcto. Revísalo e inténtalo de nuevo." },
  no_code: { field: "code", message: "En este momento el evento no registra la asistencia con código." },
  not_attendee: { field: "text", message: "Solo quienes asistieron al evento pueden dejar un testimonio." },
  attended: { field: "form", message: "Ya registraste tu asistencia: no puedes cancelar la inscripción." },
};

function refused(reason: EventRefusal, intent: string, values: Record<string, string>, notStarted?: string) {
  if (reason === "not_found") throw notFound(NOT_FOUND);
  const { field, message } = REFUSALS[reason];
  return badRequest<EventActionData>({ intent, errors: { [field]: reason === "not_started" && notStarted ? notStarted : message }, values });
}

// A six-character code is only safe if nobody can try thousands: a few free tries, then waits.
const CODE_POLICY: ThrottlePolicy = { freeAttempts: 5, maxDelaySeconds: 10 * 60, forgetAfterSeconds: 3600 };

export async function handleEventAction(request: Request, params: Params) {
  const event = await eventOf(params);
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const values = formValues(formData);
  const here = `/eventos/${event.id}`;
  const invalid = (errors: FieldErrors) => badRequest<EventActionData>({ intent, errors, values });

  switch (intent) {
    case "register": {
      const result = await registerForEvent({ eventId: event.id, userId: user.id });
      if (!result.ok) return refused(result.reason, intent, values);
      const message =
        result.status === "inscrito"
          ? "Te inscribiste en el evento."
          : `Los cupos están completos: quedaste en la lista de espera (puesto ${await waitingPositionOf(event.id, user.id)}). Te avisaremos si se libera un cupo.`;
      return redirectWithToast(request, here, { type: result.status === "inscrito" ? "success" : "info", message });
    }
    case "cancel": {
      const result = await cancelRegistration({ eventId: event.id, userId: user.id });
      if (!result.ok) return refused(result.reason, intent, values);
      return redirectWithToast(request, here, { type: "success", message: "Se canceló tu inscripción." });
    }
    case "check-in": {
      const form = readCheckInForm(formData);
      if (!form.success) return invalid(form.errors);
      const throttle = [{ key: `event-code:${event.id}:${user.id}`, policy: CODE_POLICY }];
      const decision = await registerAttempt(throttle);
      if (!decision.allowed) return invalid({ code: `Hiciste demasiados intentos. Espera ${describeWait(decision.retryAfterSeconds)} e inténtalo de nuevo.` });
      const result = await checkInWithCode({ eventId: event.id, userId: user.id, code: form.data.code });
      if (!result.ok) return refused(result.reason, intent, values, "El evento aún no empieza: el código se registra durante el evento.");
      await forgetAttempts(throttle);
      return redirectWithToast(request, here, { type: "success", message: "Se registró tu asistencia. ¡Gracias por participar!" });
    }
    case "testimonial": {
      const form = readTestimonialForm(formData);
      if (!form.success) return invalid(form.errors);
      const result = await saveTestimonial({ eventId: event.id, userId: user.id, text: form.data.text });
      if (!result.ok) return refused(result.reason, intent, values, "Podrás dejar tu testimonio cuando empiece el evento.");
      return redirectWithToast(request, `${here}#testimonios`, { type: "success", message: "Se guardó tu testimonio." });
    }
    case "hide-testimonial":
    case "show-testimonial": {
      if (!can(user, "events.manage")) throw forbidden("Solo DIFOCA puede ocultar o mostrar testimonios.");
      const form = readTestimonialId(formData);
      const testimonials = await listTestimonials(event.id, { includeHidden: true });
      if (!form.success || !testimonials.some((t) => t.id === form.data.testimonialId)) throw notFound("Ese testimonio no existe.");
      const hidden = intent === "hide-testimonial";
      await setTestimonialHidden({ testimonialId: form.data.testimonialId, hidden });
      return redirectWithToast(request, `${here}#testimonios`, { type: "success", message: hidden ? "Se ocultó el testimonio." : "El testimonio vuelve a estar visible." });
    }
    default:
      return invalid({ form: "La acción no es válida." });
  }
}

async function waitingPositionOf(eventId: number, userId: number): Promise<number> {
  const waiting = (await listRegistrations(eventId)).filter((r) => r.status === "en_espera");
  return waiting.findIndex((r) => r.userId === userId) + 1;
}

// ---------------------------------------------------------------------------------------------
// Attendance (DIFOCA)

const SOURCE_LABELS: Record<"lista" | "codigo", string> = { lista: "Marcada por DIFOCA", codigo: "Con el código del día" };

async function manualBadges() {
  return (await listBadges({ all: true })).filter((b) => b.kind === "manual" && b.enabled);
}

export async function loadAttendancePage(request: Request, params: Params) {
  await requirePermission(request, "events.manage");
  const event = await eventOf(params);
  const [registrations, badges] = await Promise.all([listRegistrations(event.id), manualBadges()]);
  const phase = phaseOf(event);
  return json({
    event: { id: event.id, title: event.title, when: formatEventWhen(event), code: event.attendanceCode, registered: event.registered, waiting: event.waiting, attended: event.attended },
    phase,
    registrations: registrations.map((r) => ({
      userId: r.userId,
      name: r.name,
      email: r.email,
      igedName: r.igedName,
      regionName: r.regionName,
      statusLabel: REGISTRATION_STATUS_LABELS[r.status],
      attended: r.attended,
      sourceLabel: r.attended && r.attendanceSource ? SOURCE_LABELS[r.attendanceSource] : null,
    })),
    badges: badges.map((b) => ({ id: b.id, name: b.name })),
  });
}

export type AttendanceActionData = EventActionData;

const NOT_STARTED_ATTENDANCE = "El evento aún no empieza: la asistencia se registra desde su primer día.";

export async function handleAttendanceAction(request: Request, params: Params) {
  const actor = await requirePermission(request, "events.manage");
  const event = await eventOf(params);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const values = formValues(formData);
  const here = `/eventos/${event.id}/asistencia`;
  const invalid = (errors: FieldErrors) => badRequest<AttendanceActionData>({ intent, errors, values });

  switch (intent) {
    case "attendance": {
      const registrations = await listRegistrations(event.id);
      const list = readAttendanceList(formData, new Set(registrations.map((r) => r.userId)));
      if (!list.success) return invalid(list.errors);
      const result = await recordAttendance({ eventId: event.id, actorId: actor.id, attendedUserIds: list.userIds, listedUserIds: list.listedUserIds });
      if (!result.ok) return result.reason === "not_started" ? invalid({ attended: NOT_STARTED_ATTENDANCE }) : refused(result.reason, intent, values);
      return redirectWithToast(request, here, {
        type: "success",
        message: `Se guardó la asistencia: ${result.attendees === 1 ? "1 asistente" : `${result.attendees} asistentes`}.`,
      });
    }
    case "add-attendee": {
      const form = readAttendeeForm(formData);
      if (!form.success) return invalid(form.errors);
      const member = await getMemberByEmail(form.data.email);
      if (!member) return invalid({ email: "No hay ninguna cuenta con ese correo." });
      if (!member.active) return invalid({ email: "Esa cuenta está desactivada." });
      const registrations = await listRegistrations(event.id);
      if (registrations.some((r) => r.userId === member.id && r.attended)) return redirectWithToast(request, here, { type: "info", message: `${member.name} ya figuraba como asistente.` });
      const result = await recordAttendance({ eventId: event.id, actorId: actor.id, attendedUserIds: [member.id] });
      if (!result.ok) return result.reason === "not_started" ? invalid({ email: NOT_STARTED_ATTENDANCE }) : refused(result.reason, intent, values);
      return redirectWithToast(request, here, { type: "success", message: `Se registró la asistencia de ${member.name}.` });
    }
    case "code-on":
    case "code-off": {
      const enabled = intent === "code-on";
      if (enabled && phaseOf(event).finished) return invalid({ code: "El evento ya terminó: no hace falta un código de asistencia." });
      const code = await setAttendanceCode({ eventId: event.id, enabled });
      return redirectWithToast(request, here, {
        type: "success",
        message: code ? `El código del día es ${code}. Muéstralo a los asistentes.` : "Se desactivó el código de asistencia.",
      });
    }
    case "badge": {
      const form = readBulkBadgeForm(formData);
      if (!form.success) return invalid(form.errors);
      const badge = (await manualBadges()).find((b) => b.id === form.data.badgeId);
      if (!badge) return invalid({ badgeId: "Elige una insignia manual activa de la lista." });
      const current = await getEvent(event.id);
      if (!current || current.attended === 0) return invalid({ badgeId: "Aún no hay asistentes: registra la asistencia antes de otorgar la insignia." });
      const awarded = await awardBadgeToAttendees({ eventId: event.id, badgeId: badge.id, actorId: actor.id, reason: form.data.reason });
      const already = current.attended - awarded;
      return redirectWithToast(request, here, {
        type: awarded > 0 ? "success" : "info",
        message: `Se otorgó la insignia a ${awarded === 1 ? "1 asistente" : `${awarded} asistentes`}${already > 0 ? ` (${already === 1 ? "1 ya la tenía" : `${already} ya la tenían`})` : ""}.`,
      });
    }
    default:
      return invalid({ form: "La acción no es válida." });
  }
}

// ---------------------------------------------------------------------------------------------
// The .ics file

/** The calendar days of an event, first to last (YYYY-MM-DD). */
function eventDays(startsOn: string, endsOn: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${startsOn}T12:00:00Z`); day.toISOString().slice(0, 10) <= endsOn; day = new Date(day.getTime() + 24 * 3600_000)) {
    days.push(day.toISOString().slice(0, 10));
  }
  return days.length > 0 ? days : [startsOn];
}

/**
 * The event as an .ics file: one calendar entry per day, from its start to its end time that day
 * (a two-day exchange is not one 32-hour block). A one-day event keeps the uid it always had.
 */
export async function eventIcs(request: Request, params: Params) {
  const event = await eventOf(params);
  const origin = issuerOrigin(request);
  const url = `${origin}/eventos/${event.id}`;
  const days = eventDays(event.startsOn, event.endsOn);
  const body = renderCalendar({
    name: "Eventos de la Comunidad de Práctica de Gestión Educativa",
    origin,
    entries: days.map((day, index) => ({
      uid: days.length === 1 ? `evento-${event.id}` : `evento-${event.id}-${index + 1}`,
      // Seconds of the last change: grows with every edit, so calendar apps take the new version.
      sequence: Math.floor(Date.parse(event.updatedAt) / 1000),
      title: days.length === 1 ? event.title : `${event.title} (día ${index + 1} de ${days.length})`,
      description: `${EVENT_TYPE_LABELS[event.type]}. ${event.summary}`,
      startsAt: localToUtc(day, event.startTime) ?? localToUtc(day, "00:00")!,
      endsAt: localToUtc(day, event.endTime) ?? localToUtc(day, "23:59")!,
      location: event.place.trim() || (event.modality === "presencial" ? null : "Virtual"),
      url,
      cancelled: false,
      updatedAt: event.updatedAt,
    })),
  });
  return calendarResponse(body, { filename: `evento-${event.slug}.ics` });
}
