// The loaders and actions of a member's advisories: "Mis asesorías", the month view, one
// advisory's page with every step after the request, and the calendar files (.ics and the private
// feed). Route modules only call these, so the rules of who may do what live in one place next
// to the model that enforces them again.
import { json, type SerializeFrom } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { DateTime } from "luxon";
import {
  acceptProposal,
  CALENDAR_CHANGE_EVENTS,
  canSeeAdvisory,
  cancelAdvisory,
  confirmAdvisory,
  getAdvisory,
  getCalendarToken,
  listAdvisoriesForMember,
  listAdvisors,
  listCalendarAdvisoriesForMember,
  listFreeSlots,
  memberOfCalendarToken,
  proposeAdvisoryTime,
  recordAdvisoryOutcome,
  rescheduleAdvisory,
  resetCalendarToken,
  setCommitmentDone,
  type AdvisoryDetail,
  type AdvisoryListItem,
  type AdvisoryRefusal,
  type CalendarAdvisory,
} from "~/models/advisory.server";
import { ADVISORY_EVENT_LABELS, ADVISORY_STATUS_LABELS, ADVISORY_TYPE_LABELS, COMMITMENT_ROWS, MODALITY_LABELS, type AdvisoryStatus } from "~/utils/advisory-labels";
import { DEFAULT_TIME_ZONE, MAX_SESSION_MINUTES, MIN_SESSION_MINUTES, utcToLocal } from "~/utils/advisory-slots";
import { readOutcomeForm, readReason, readReschedule, readScheduleForm } from "~/utils/advisory-validation.server";
import { requireUser, type CurrentUser } from "~/utils/auth.server";
import { calendarResponse, renderCalendar, type CalendarEntry, type CalendarStatus } from "~/utils/calendar.server";
import { issuerOrigin } from "~/utils/credentials.server";
import { formatDate, formatDateTime, LOCALE, todayInLima } from "~/utils/dates";
import { formValues, type FieldErrors } from "~/utils/forms.server";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { can } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

const NOT_FOUND = "No encontramos esa asesoría.";
const FEED_NAME = "Asesorías — Comunidad de Práctica";
/** How many of the advisor's free slots the team's reschedule form offers. */
const RESCHEDULE_SLOTS = 24;

// ---------------------------------------------------------------------------------------------
// Dates as people read them: Lima wall-clock, 24-hour times like the forms

const dayFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: DEFAULT_TIME_ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric" });
const monthFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: "UTC", month: "long", year: "numeric" });

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "martes, 1 de diciembre de 2026, 22:00" */
export function sessionStart(startsAt: string): string {
  return `${dayFormat.format(new Date(startsAt))}, ${utcToLocal(startsAt).time}`;
}

/** "martes, 1 de diciembre de 2026, de 22:00 a 23:00 (60 minutos)" */
export function sessionWhen(startsAt: string, endsAt: string): string {
  const minutes = Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000);
  return `${dayFormat.format(new Date(startsAt))}, de ${utcToLocal(startsAt).time} a ${utcToLocal(endsAt).time} (${minutes} minutos)`;
}

/** A calendar date (YYYY-MM-DD) as "5 de diciembre de 2026", read at noon in Lima so no zone moves it. */
function formatDay(date: string): string {
  return formatDate(new Date(`${date}T12:00:00-05:00`));
}

// ---------------------------------------------------------------------------------------------
// "Mis asesorías"

export interface AdvisoryRow {
  id: number;
  when: string;
  status: AdvisoryStatus;
  statusLabel: string;
  typeLabel: string;
  topic: string;
  practiceTitle: string;
  practiceSlug: string;
  advisorName: string | null;
  modalityLabel: string;
  seriesTitle: string | null;
}

function advisoryRow(item: AdvisoryListItem): AdvisoryRow {
  return {
    id: item.id,
    when: item.startsAt ? sessionStart(item.startsAt) : "Por programar",
    status: item.status,
    statusLabel: ADVISORY_STATUS_LABELS[item.status],
    typeLabel: ADVISORY_TYPE_LABELS[item.type],
    topic: item.topic,
    practiceTitle: item.practiceTitle,
    practiceSlug: item.practiceSlug,
    advisorName: item.advisorName,
    modalityLabel: MODALITY_LABELS[item.modality],
    seriesTitle: item.seriesTitle,
  };
}

/** The absolute address of a member's private calendar feed. */
function feedUrl(request: Request, token: string): string {
  return `${issuerOrigin(request)}/asesorias/feed/${token}.ics`;
}

export async function loadMyAdvisories(request: Request) {
  const user = await requireUser(request);
  const [upcoming, past, token] = await Promise.all([
    listAdvisoriesForMember(user.id, { when: "upcoming" }),
    listAdvisoriesForMember(user.id, { when: "past" }),
    getCalendarToken(user.id),
  ]);
  return json({
    upcoming: upcoming.map(advisoryRow),
    past: past.map(advisoryRow),
    feedUrl: feedUrl(request, token),
    canAdvise: can(user, "advisories.advise"),
    canManage: can(user, "advisories.manage"),
  });
}

export async function handleMyAdvisoriesAction(request: Request) {
  const user = await requireUser(request);
  const formData = await request.formData();
  if (formData.get("intent") !== "reset-feed") return badRequest({ errors: { form: "La acción no es válida." } });
  await resetCalendarToken(user.id);
  return redirectWithToast(request, "/asesorias", { type: "success", message: "La dirección anterior dejó de funcionar." });
}

// ---------------------------------------------------------------------------------------------
// The month view

export interface MonthDay {
  date: string;
  day: number;
  /** "martes, 1 de diciembre de 2026", for screen readers and the list version. */
  label: string;
  inMonth: boolean;
  today: boolean;
  sessions: { id: number; time: string; topic: string; status: AdvisoryStatus; statusLabel: string }[];
}

/** ?mes=YYYY-MM in Lima; anything else is the current month, like any stale address. */
function monthOf(param: string | null, now: Date): DateTime {
  if (param && /^\d{4}-(0[1-9]|1[0-2])$/.test(param)) {
    const month = DateTime.fromFormat(param, "yyyy-MM", { zone: DEFAULT_TIME_ZONE });
    if (month.isValid && month.year >= 2000 && month.year <= 2100) return month.startOf("month");
  }
  return DateTime.fromJSDate(now, { zone: DEFAULT_TIME_ZONE }).startOf("month");
}

export async function loadAdvisoryMonth(request: Request, now = new Date()) {
  const user = await requireUser(request);
  const month = monthOf(new URL(request.url).searchParams.get("mes"), now);
  const next = month.plus({ months: 1 });
  const items = await listAdvisoriesForMember(user.id, { from: month.toUTC().toISO()!, to: next.toUTC().toISO()! });
  const byDate = new Map<string, MonthDay["sessions"]>();
  for (const item of items) {
    if (!item.startsAt) continue;
    const { date, time } = utcToLocal(item.startsAt);
    const list = byDate.get(date) ?? [];
    list.push({ id: item.id, time, topic: item.topic, status: item.status, statusLabel: ADVISORY_STATUS_LABELS[item.status] });
    byDate.set(date, list);
  }
  const today = todayInLima(now);
  // Weeks start on Monday (ISO weeks, as in Peru's calendars).
  const weeks: MonthDay[][] = [];
  for (let day = month.startOf("week"); day < next.endOf("week"); day = day.plus({ days: 1 })) {
    if (day.weekday === 1) weeks.push([]);
    const date = day.toFormat("yyyy-MM-dd");
    weeks[weeks.length - 1]!.push({
      date,
      day: day.day,
      label: dayFormat.format(day.set({ hour: 12 }).toJSDate()),
      inMonth: day.month === month.month,
      today: date === today,
      sessions: byDate.get(date) ?? [],
    });
  }
  const monthLabel = (m: DateTime) => capitalize(monthFormat.format(new Date(Date.UTC(m.year, m.month - 1, 15))));
  const previous = month.minus({ months: 1 });
  return json({
    month: month.toFormat("yyyy-MM"),
    label: monthLabel(month),
    previous: { param: previous.toFormat("yyyy-MM"), label: monthLabel(previous) },
    next: { param: next.toFormat("yyyy-MM"), label: monthLabel(next) },
    isCurrent: month.hasSame(DateTime.fromJSDate(now, { zone: DEFAULT_TIME_ZONE }), "month"),
    weeks,
    count: [...byDate.values()].reduce((n, sessions) => n + sessions.length, 0),
  });
}

// ---------------------------------------------------------------------------------------------
// One advisory's page

async function visibleAdvisory(user: CurrentUser, params: Params): Promise<AdvisoryDetail> {
  const id = /^\d{1,9}$/.test(params.id ?? "") ? Number(params.id) : null;
  const advisory = id === null ? undefined : await getAdvisory(id);
  if (!advisory) throw notFound(NOT_FOUND);
  // Signed-in members not involved get a 403, like a practice's drafts; ids are not secret.
  if (!(await canSeeAdvisory(advisory, user))) throw forbidden("Solo las personas involucradas en esta asesoría y DIFOCA pueden verla.");
  return advisory;
}

const OPEN: AdvisoryStatus[] = ["solicitada", "propuesta", "confirmada"];

/** What the member may do with this advisory; the model checks every step again. */
function rolesOf(user: CurrentUser, advisory: AdvisoryDetail, now: Date) {
  // Who asked is on the team's side even when not on the practice's team (a transfer's participant).
  const isTeam = advisory.team.some((m) => m.id === user.id) || advisory.requestedBy.id === user.id;
  const isAdvisor = advisory.advisor?.id === user.id;
  const isDifoca = can(user, "advisories.manage");
  const schedules = isAdvisor || isDifoca;
  const open = OPEN.includes(advisory.status);
  const started = advisory.startsAt !== null && Date.parse(advisory.startsAt) <= now.getTime();
  const recordable = (["confirmada", "realizada", "no_realizada"] as AdvisoryStatus[]).includes(advisory.status) && advisory.startsAt !== null;
  return {
    isTeam,
    isAdvisor,
    isDifoca,
    schedules,
    canConfirm: schedules && (advisory.status === "solicitada" || advisory.status === "propuesta"),
    // Without an advisor only DIFOCA proposes, choosing one in the same form.
    canPropose: schedules && open && (advisory.advisor !== null || isDifoca),
    canAccept: isTeam && advisory.status === "propuesta",
    // Once the session started the team no longer moves or cancels it: the advisor records what happened.
    canReschedule: (schedules || (isTeam && !started)) && open && advisory.advisor !== null && advisory.startsAt !== null,
    canCancel: (schedules || (isTeam && !started)) && open,
    canRecord: schedules && recordable && started,
    /** The record form appears once the session has started. */
    recordsLater: schedules && recordable && !started,
    started,
  };
}

export type AdvisoryPageData = SerializeFrom<typeof loadAdvisoryPage>;

export interface AdvisoryActionData {
  intent: string;
  errors: FieldErrors;
  values: Record<string, string>;
}

export async function loadAdvisoryPage(request: Request, params: Params, now = new Date()) {
  const user = await requireUser(request);
  const advisory = await visibleAdvisory(user, params);
  const roles = rolesOf(user, advisory, now);
  const teamOnly = !roles.schedules;
  const [advisors, freeSlots] = await Promise.all([
    roles.isDifoca && (roles.canConfirm || roles.canPropose) ? listAdvisors() : Promise.resolve([]),
    roles.canReschedule && teamOnly && advisory.advisor ? listFreeSlots({ advisorId: advisory.advisor.id, now }) : Promise.resolve([]),
  ]);
  const local = advisory.startsAt ? utcToLocal(advisory.startsAt) : null;
  const length = advisory.startsAt && advisory.endsAt ? Math.round((Date.parse(advisory.endsAt) - Date.parse(advisory.startsAt)) / 60_000) : null;
  // Who may attend and be responsible: the team and whoever asked (they may have left the team).
  const people = [...advisory.team];
  if (!people.some((p) => p.id === advisory.requestedBy.id)) people.push(advisory.requestedBy);
  const canToggleAll = roles.isTeam || roles.schedules;
  return json({
    advisory: {
      id: advisory.id,
      typeLabel: ADVISORY_TYPE_LABELS[advisory.type],
      status: advisory.status,
      statusLabel: ADVISORY_STATUS_LABELS[advisory.status],
      topic: advisory.topic,
      needs: advisory.needs,
      seriesTitle: advisory.seriesTitle,
      practice: advisory.practice,
      requestedBy: advisory.requestedBy,
      team: advisory.team,
      advisor: advisory.advisor ? { id: advisory.advisor.id, name: advisory.advisor.name } : null,
      when: advisory.startsAt && advisory.endsAt ? sessionWhen(advisory.startsAt, advisory.endsAt) : null,
      modality: advisory.modality,
      modalityLabel: MODALITY_LABELS[advisory.modality],
      meetingUrl: advisory.meetingUrl,
      place: advisory.place,
      cancelReason: advisory.cancelReason,
      requestedAt: formatDate(advisory.createdAt),
    },
    history: advisory.history.map((event) => ({
      label: ADVISORY_EVENT_LABELS[event.type] ?? event.type,
      actorName: event.actorName,
      date: formatDateTime(event.createdAt),
      note: event.note,
      time: event.startsAt ? sessionStart(event.startsAt) : null,
    })),
    minutes: advisory.minutes
      ? {
          summaryHtml: renderMarkdown(advisory.minutes.summary),
          agreementsHtml: renderMarkdown(advisory.minutes.agreements),
          recordedByName: advisory.minutes.recordedByName,
          recordedAt: formatDateTime(advisory.minutes.recordedAt),
        }
      : null,
    attendees: advisory.attendees,
    commitments: advisory.commitments.map((c) => ({
      id: c.id,
      description: c.description,
      responsibleName: c.responsibleName,
      due: formatDay(c.dueDate),
      done: c.done,
      overdue: c.overdue,
      canToggle: canToggleAll || c.responsibleId === user.id,
    })),
    roles,
    form: {
      // The confirm form starts from the requested slot; the others from nothing.
      date: local?.date ?? "",
      time: local?.time ?? "",
      minutes: String(length ?? 60),
      meetingUrl: advisory.meetingUrl ?? "",
      place: advisory.place ?? "",
      advisorId: advisory.advisor ? String(advisory.advisor.id) : "",
      summary: advisory.minutes?.summary ?? "",
      agreements: advisory.minutes?.agreements ?? "",
      attendeeIds: advisory.attendees.filter((a) => a.attended).map((a) => a.userId),
      held: advisory.status === "no_realizada" ? "no" : "si",
    },
    advisors: advisors.map((a) => ({ id: a.id, name: a.name, hasAvailability: a.hasAvailability })),
    freeSlots: freeSlots.slice(0, RESCHEDULE_SLOTS).map((s) => ({ value: `${s.startsAt}|${s.minutes}`, label: sessionWhen(s.startsAt, s.endsAt) })),
    people,
    commitmentRows: COMMITMENT_ROWS,
    today: todayInLima(now),
    icsPath: advisory.startsAt ? `/asesorias/${advisory.id}/ics` : null,
  });
}

/** A refusal of the model as the page shows it: 404 and 403 are thrown, the rest is a 400 by the form. */
function refused(reason: AdvisoryRefusal, intent: string, values: Record<string, string>, byAdvisor: boolean) {
  const messages: Record<Exclude<AdvisoryRefusal, "not_found" | "not_team" | "not_allowed">, string> = {
    not_advisor: "Elige un asesor de la lista.",
    past: byAdvisor
      ? "La fecha y hora ya pasaron."
      : "La fecha y hora ya pasaron o están demasiado cerca: elige un horario con al menos 12 horas de anticipación.",
    bad_length: `La duración debe estar entre ${MIN_SESSION_MINUTES} y ${MAX_SESSION_MINUTES} minutos.`,
    outside_availability: "Ese horario no está en la disponibilidad del asesor.",
    slot_taken: "Ese horario acaba de ser reservado por otro equipo. Elige otro.",
    wrong_status: "La asesoría ya no admite ese cambio.",
    not_yet: "Podrás registrar el acta cuando haya empezado la asesoría.",
    started: "La asesoría ya empezó: el asesor registrará si se realizó o no.",
    already_assigned: "Otra persona ya asignó esta asesoría.",
    bad_transfer: "Elige una transferencia en curso de esta práctica.",
  };
  if (reason === "not_found") throw notFound(NOT_FOUND);
  if (reason === "not_team" || reason === "not_allowed") throw forbidden();
  const errors: FieldErrors = { form: messages[reason] };
  if (reason === "not_advisor") errors.advisorId = messages.not_advisor;
  return badRequest<AdvisoryActionData>({ intent, errors, values });
}

const invalid = (intent: string, errors: FieldErrors, values: Record<string, string>) => badRequest<AdvisoryActionData>({ intent, errors, values });

export async function handleAdvisoryAction(request: Request, params: Params, now = new Date()) {
  const user = await requireUser(request);
  const advisory = await visibleAdvisory(user, params);
  const roles = rolesOf(user, advisory, now);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const values = formValues(formData);
  const here = `/asesorias/${advisory.id}`;
  const done = (message: string) => redirectWithToast(request, here, { type: "success", message });
  const involved = roles.isTeam || roles.schedules;

  switch (intent) {
    case "confirm": {
      if (!roles.schedules) throw forbidden();
      const form = readScheduleForm(formData, { modality: advisory.modality, requireTime: advisory.startsAt === null });
      if (!form.success) return invalid(intent, form.errors, form.values);
      const result = await confirmAdvisory({
        advisoryId: advisory.id,
        actorId: user.id,
        // Only DIFOCA assigns; an advisor confirms their own sessions.
        advisorId: roles.isDifoca && form.data.advisorId !== null ? form.data.advisorId : undefined,
        startsAt: form.data.startsAt,
        minutes: form.data.minutes,
        meetingUrl: form.data.meetingUrl,
        place: form.data.place,
      });
      if (!result.ok) return refused(result.reason, intent, values, true);
      return done("Se confirmó la asesoría. Avisamos a las personas involucradas.");
    }

    case "propose": {
      if (!roles.schedules) throw forbidden();
      const form = readScheduleForm(formData, { modality: advisory.modality, requireTime: true });
      const note = readReason(formData, "note");
      if (!form.success || !note.success) return invalid(intent, { ...(form.success ? {} : form.errors), ...(note.success ? {} : note.errors) }, values);
      const result = await proposeAdvisoryTime({
        advisoryId: advisory.id,
        actorId: user.id,
        advisorId: roles.isDifoca && form.data.advisorId !== null ? form.data.advisorId : undefined,
        startsAt: form.data.startsAt,
        minutes: form.data.minutes,
        meetingUrl: form.data.meetingUrl,
        place: form.data.place,
        note: note.data.reason,
      });
      if (!result.ok) return refused(result.reason, intent, values, true);
      return done("Se propuso el nuevo horario. El equipo debe aceptarlo.");
    }

    case "accept": {
      if (!roles.isTeam) throw forbidden();
      const result = await acceptProposal({ advisoryId: advisory.id, actorId: user.id });
      if (!result.ok) return refused(result.reason, intent, values, false);
      return done("Aceptaste el horario: la asesoría quedó confirmada.");
    }

    case "reschedule": {
      if (!involved) throw forbidden();
      // The team picks one of the advisor's free slots ("<UTC instant>|<minutes>"), which comes as
      // the date, time and length the form reads.
      const slot = String(formData.get("slot") ?? "");
      const [slotStart, slotMinutes] = slot.split("|");
      if (slotStart && slotMinutes && !Number.isNaN(Date.parse(slotStart))) {
        const local = utcToLocal(new Date(slotStart).toISOString());
        formData.set("date", local.date);
        formData.set("time", local.time);
        formData.set("minutes", slotMinutes);
      }
      const form = readReschedule(formData);
      if (!form.success) {
        const errors = { ...form.errors };
        if (!roles.schedules && slot === "" && (values.date ?? "").trim() === "") {
          delete errors.date;
          delete errors.time;
          delete errors.minutes;
          errors.slot = "Elige uno de los horarios libres del asesor.";
        }
        return invalid(intent, errors, values);
      }
      const result = await rescheduleAdvisory({ advisoryId: advisory.id, actorId: user.id, ...form.data, now });
      if (!result.ok) return refused(result.reason, intent, values, roles.schedules);
      return done(
        roles.schedules ? "Se reprogramó la asesoría. Avisamos a las personas involucradas." : "Se pidió el cambio de horario. El asesor debe confirmarlo.",
      );
    }

    case "cancel": {
      if (!involved) throw forbidden();
      const form = readReason(formData);
      if (!form.success) return invalid(intent, form.errors, form.values);
      const result = await cancelAdvisory({ advisoryId: advisory.id, actorId: user.id, reason: form.data.reason, now });
      if (!result.ok) return refused(result.reason, intent, values, roles.schedules);
      return done("Se canceló la asesoría. Avisamos a las personas involucradas.");
    }

    case "record": {
      if (!roles.schedules) throw forbidden();
      if (!roles.started) return refused("not_yet", intent, values, true);
      // A responsible person is a team member from the list, or a name typed under "Otra persona".
      for (let i = 0; i < COMMITMENT_ROWS; i++) {
        const chosen = String(formData.get(`commitment-${i}-responsible`) ?? "");
        if (chosen === "" || chosen === "otra") formData.set(`commitment-${i}-responsible`, String(formData.get(`commitment-${i}-other`) ?? "").trim());
      }
      const people = new Map([...advisory.team, advisory.requestedBy].map((p) => [p.id, p.name]));
      const form = readOutcomeForm(formData, people);
      if (!form.success) return invalid(intent, form.errors, { ...values, attendees: formData.getAll("attendees").join(",") });
      const result = await recordAdvisoryOutcome({ advisoryId: advisory.id, actorId: user.id, ...form.data });
      if (!result.ok) return refused(result.reason, intent, values, true);
      return done(form.data.held ? "Se registraron la asistencia y el acta. Avisamos al equipo." : "Se registró que la asesoría no se realizó.");
    }

    case "commitment-done":
    case "commitment-undone": {
      const id = Number(formData.get("commitmentId"));
      if (!advisory.commitments.some((c) => c.id === id)) throw notFound("No encontramos ese compromiso.");
      const markDone = intent === "commitment-done";
      const result = await setCommitmentDone({ commitmentId: id, actorId: user.id, done: markDone });
      if (!result.ok) return refused(result.reason, intent, values, roles.schedules);
      return done(markDone ? "Se marcó el compromiso como cumplido." : "El compromiso volvió a quedar pendiente.");
    }

    default:
      return invalid(intent, { form: "La acción no es válida." }, values);
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar files

/** Requests and proposals are not settled yet; sessions called off or not held are cancelled. */
const CALENDAR_STATUS: Record<AdvisoryStatus, CalendarStatus> = {
  solicitada: "tentative",
  propuesta: "tentative",
  confirmada: "confirmed",
  realizada: "confirmed",
  cancelada: "cancelled",
  no_realizada: "cancelled",
};

/** One advisory as a calendar event; the same uid in the download and the feed, so apps keep one copy. */
function calendarEntry(advisory: CalendarAdvisory, origin: string): CalendarEntry {
  const lines = [
    `Práctica: ${advisory.practiceTitle}`,
    `Asesor: ${advisory.advisorName ?? "por asignar"}`,
    `Modalidad: ${MODALITY_LABELS[advisory.modality]}`,
    `Estado: ${ADVISORY_STATUS_LABELS[advisory.status]}`,
  ];
  if (advisory.meetingUrl) lines.push(`Enlace de la reunión: ${advisory.meetingUrl}`);
  if (advisory.place) lines.push(`Lugar: ${advisory.place}`);
  return {
    uid: `asesoria-${advisory.id}`,
    sequence: advisory.changes,
    title: `Asesoría: ${advisory.topic}`,
    description: lines.join("\n"),
    startsAt: advisory.startsAt,
    endsAt: advisory.endsAt,
    location: advisory.place ?? advisory.meetingUrl,
    url: `${origin}/asesorias/${advisory.id}`,
    status: CALENDAR_STATUS[advisory.status],
    updatedAt: advisory.updatedAt,
  };
}

/** GET /asesorias/:id/ics: the one session as a file to import. */
export async function advisoryIcs(request: Request, params: Params) {
  const user = await requireUser(request);
  const advisory = await visibleAdvisory(user, params);
  if (!advisory.startsAt || !advisory.endsAt) throw notFound("Esta asesoría aún no tiene fecha y hora.");
  const changes = new Set<string>(CALENDAR_CHANGE_EVENTS);
  const origin = issuerOrigin(request);
  const entry = calendarEntry(
    {
      id: advisory.id,
      status: advisory.status,
      topic: advisory.topic,
      modality: advisory.modality,
      startsAt: advisory.startsAt,
      endsAt: advisory.endsAt,
      meetingUrl: advisory.meetingUrl,
      place: advisory.place,
      practiceTitle: advisory.practice.title,
      advisorName: advisory.advisor?.name ?? null,
      updatedAt: advisory.history.at(-1)?.createdAt ?? advisory.createdAt,
      changes: advisory.history.filter((e) => changes.has(e.type)).length,
    },
    origin,
  );
  return calendarResponse(renderCalendar({ name: FEED_NAME, origin, entries: [entry] }), { filename: `asesoria-${advisory.id}.ics` });
}

/** GET /asesorias/feed/:token(.ics): a member's sessions for calendar apps, which send no session cookie. */
export async function advisoryFeed(request: Request, params: Params) {
  const token = (params.token ?? "").replace(/\.ics$/, "");
  const member = await memberOfCalendarToken(token);
  if (!member) return new Response("No encontramos ese calendario. Copia la dirección nueva desde «Mis asesorías».", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const origin = issuerOrigin(request);
  const advisories = await listCalendarAdvisoriesForMember(member.id);
  return calendarResponse(renderCalendar({ name: FEED_NAME, origin, entries: advisories.map((a) => calendarEntry(a, origin)) }));
}
