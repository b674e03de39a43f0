// The advisories' forms: a request, scheduling (confirm, assign, propose, reschedule), a reason,
// the record of a session, availability and days off. Times are read as Lima wall-clock time and
// turned into UTC here; every bad value becomes a Spanish message next to its field.
import { z } from "zod";
import { isCalendarDate, isTimeOfDay, isValidSessionLength, localToUtc, MAX_SESSION_MINUTES, MIN_SESSION_MINUTES, minutesOfDay } from "~/utils/advisory-slots";
import { formValues, idFromList, optionalText, parseForm, requiredText, type FieldErrors } from "~/utils/forms.server";
import { COMMITMENT_ROWS } from "~/utils/advisory-labels";

type Read<T> = { success: true; data: T; values: Record<string, string> } | { success: false; errors: FieldErrors; values: Record<string, string> };

const LENGTH_MESSAGE = `La duración debe estar entre ${MIN_SESSION_MINUTES} y ${MAX_SESSION_MINUTES} minutos.`;

const minutesField = z
  .string({ error: LENGTH_MESSAGE })
  .trim()
  .regex(/^\d{1,4}$/, { error: LENGTH_MESSAGE })
  .transform(Number)
  .refine(isValidSessionLength, { error: LENGTH_MESSAGE });

const dateField = (message = "Escribe una fecha válida (día, mes y año).") => z.string({ error: message }).trim().refine(isCalendarDate, { error: message });
const timeField = (message = "Escribe una hora válida, por ejemplo 09:30.") => z.string({ error: message }).trim().refine(isTimeOfDay, { error: message });

const webAddress = (message: string) =>
  z
    .string()
    .trim()
    .max(500, { error: message })
    .optional()
    .transform((v) => v ?? "")
    .refine(
      (v) => {
        if (v === "") return true;
        try {
          const url = new URL(v);
          return url.protocol === "https:" || url.protocol === "http:";
        } catch {
          return false;
        }
      },
      { error: message },
    );

// ---------------------------------------------------------------------------------------------
// Request

const requestSchema = z
  .object({
    practiceId: idFromList("Elige la práctica para la que pides la asesoría."),
    type: z.enum(["personalizada", "transferencia"], { error: "Elige el tipo de asesoría." }),
    topic: requiredText({ required: "Escribe el tema de la asesoría.", tooShort: "El tema debe tener al menos 5 caracteres.", tooLong: "El tema no puede tener más de 160 caracteres." }, 160, 5),
    needs: requiredText(
      { required: "Cuenta qué necesita el equipo de esta asesoría.", tooShort: "Cuenta un poco más de lo que necesitan (al menos 20 caracteres).", tooLong: "El texto no puede tener más de 2000 caracteres." },
      2000,
      20,
    ),
    modality: z.enum(["virtual", "presencial"], { error: "Elige la modalidad: virtual o presencial." }),
    mode: z.enum(["horario", "difoca"], { error: "Elige un horario de un asesor o pide que DIFOCA asigne uno." }),
    advisorId: z.string().optional(),
    slot: z.string().optional(),
    transferId: z
      .string()
      .optional()
      .transform((v) => (v ? v.trim() : ""))
      .refine((v) => v === "" || /^\d{1,9}$/.test(v), { error: "Elige una transferencia de la lista." })
      .transform((v) => (v === "" ? null : Number(v))),
  })
  .refine((v) => v.transferId === null || v.type === "transferencia", {
    error: "Una transferencia solo se vincula a una asesoría sobre transferencia.",
    path: ["transferId"],
  })
  .transform((v, ctx) => {
    if (v.mode === "difoca") return { ...v, advisorId: null, startsAt: null, minutes: null };
    const advisorId = /^\d{1,9}$/.test(v.advisorId ?? "") ? Number(v.advisorId) : null;
    if (advisorId === null) {
      ctx.addIssue({ code: "custom", path: ["advisorId"], message: "Elige un asesor de la lista." });
      return z.NEVER;
    }
    // A slot is sent as "<UTC instant>|<minutes>".
    const [startsAt, minutes] = (v.slot ?? "").split("|");
    if (!startsAt || !minutes || Number.isNaN(Date.parse(startsAt)) || !/^\d{1,3}$/.test(minutes)) {
      ctx.addIssue({ code: "custom", path: ["slot"], message: "Elige uno de los horarios libres del asesor." });
      return z.NEVER;
    }
    return { ...v, advisorId, startsAt: new Date(startsAt).toISOString(), minutes: Number(minutes) };
  });

export type AdvisoryRequestForm = z.output<typeof requestSchema>;

export function readAdvisoryRequest(formData: FormData): Read<AdvisoryRequestForm> {
  return parseForm(requestSchema, formData);
}

// ---------------------------------------------------------------------------------------------
// Scheduling

export interface ScheduleForm {
  startsAt: string;
  minutes: number;
  meetingUrl: string | null;
  place: string | null;
  advisorId: number | null;
}

/**
 * A date, a time (Lima) and a length; a meeting link for virtual sessions or a place for
 * in-person ones (`modality: null` asks for neither). `requireTime: false` lets a confirmation
 * keep the requested time.
 */
export function readScheduleForm(formData: FormData, options: { modality: "virtual" | "presencial" | null; requireTime: boolean }): Read<ScheduleForm | (Omit<ScheduleForm, "startsAt" | "minutes"> & { startsAt: null; minutes: null })> {
  const values = formValues(formData);
  const errors: FieldErrors = {};
  const date = (values.date ?? "").trim();
  const time = (values.time ?? "").trim();
  const minutesText = (values.minutes ?? "").trim();
  const wantsTime = options.requireTime || date !== "" || time !== "";
  let startsAt: string | null = null;
  let minutes: number | null = null;
  if (wantsTime) {
    const d = dateField().safeParse(date);
    const t = timeField().safeParse(time);
    const m = minutesField.safeParse(minutesText);
    if (!d.success) errors.date = d.error.issues[0]!.message;
    if (!t.success) errors.time = t.error.issues[0]!.message;
    if (!m.success) errors.minutes = m.error.issues[0]!.message;
    if (d.success && t.success) {
      startsAt = localToUtc(d.data, t.data);
      if (!startsAt) errors.time = "Esa hora no existe en esa fecha.";
    }
    if (m.success) minutes = m.data;
  }
  const link = webAddress("Escribe el enlace completo de la reunión, empezando por https://.").safeParse(values.meetingUrl);
  if (!link.success) errors.meetingUrl = link.error.issues[0]!.message;
  const place = optionalText("El lugar no puede tener más de 200 caracteres.", 200).safeParse(values.place);
  if (!place.success) errors.place = place.error.issues[0]!.message;
  if (link.success && options.modality === "virtual" && link.data === "") errors.meetingUrl = "Escribe el enlace de la reunión virtual.";
  if (place.success && options.modality === "presencial" && place.data === "") errors.place = "Escribe el lugar de la reunión presencial.";
  const advisorText = (values.advisorId ?? "").trim();
  if (advisorText !== "" && !/^\d{1,9}$/.test(advisorText)) errors.advisorId = "Elige un asesor de la lista.";
  if (Object.keys(errors).length > 0) return { success: false, errors, values };
  return {
    success: true,
    values,
    data: {
      startsAt,
      minutes,
      meetingUrl: link.success && link.data !== "" ? link.data : null,
      place: place.success && place.data !== "" ? place.data : null,
      advisorId: advisorText === "" ? null : Number(advisorText),
    } as ScheduleForm,
  };
}

/** A reason to cancel, reschedule or propose, which everyone involved reads. */
export function readReason(formData: FormData, field = "reason"): Read<{ reason: string }> {
  const result = parseForm(
    z.object({
      [field]: requiredText({ required: "Escribe el motivo: las demás personas lo leerán.", tooShort: "Escribe el motivo (al menos 5 caracteres).", tooLong: "El motivo no puede tener más de 500 caracteres." }, 500, 5),
    }),
    formData,
  );
  if (!result.success) return result;
  return { success: true, values: result.values, data: { reason: String(result.data[field]) } };
}

/** A new time for a session: date, time and length in Lima, plus the reason. */
export function readReschedule(formData: FormData): Read<{ startsAt: string; minutes: number; reason: string }> {
  // A new time keeps the session's link or place: neither is asked for again.
  const schedule = readScheduleForm(formData, { modality: null, requireTime: true });
  const reason = readReason(formData);
  const errors: FieldErrors = {};
  if (!schedule.success) {
    for (const key of ["date", "time", "minutes"]) if (schedule.errors[key]) errors[key] = schedule.errors[key]!;
  }
  if (!reason.success) Object.assign(errors, reason.errors);
  if (Object.keys(errors).length > 0 || !schedule.success || !reason.success || !schedule.data.startsAt) return { success: false, errors, values: formValues(formData) };
  return { success: true, values: formValues(formData), data: { startsAt: schedule.data.startsAt, minutes: schedule.data.minutes!, reason: reason.data.reason } };
}

// ---------------------------------------------------------------------------------------------
// After the session

export interface OutcomeForm {
  held: boolean;
  attendeeIds: number[];
  summary: string;
  agreements: string;
  commitments: { description: string; responsibleId: number | null; responsibleName: string; dueDate: string }[];
}

/**
 * The record of a session. Commitments come in numbered rows (`commitment-N-description`,
 * `-responsible` with a team member's id or a name, `-due`); empty rows are ignored, half-filled
 * ones get a message. `people` maps team member ids to names.
 */
export function readOutcomeForm(formData: FormData, people: Map<number, string>): Read<OutcomeForm> {
  const values = formValues(formData);
  const errors: FieldErrors = {};
  const held = values.held === "si";
  if (values.held !== "si" && values.held !== "no") errors.held = "Indica si la asesoría se realizó.";
  const attendeeIds = formData
    .getAll("attendees")
    .filter((v): v is string => typeof v === "string" && /^\d{1,9}$/.test(v))
    .map(Number)
    .filter((id) => people.has(id));
  let summary = "";
  let agreements = "";
  const commitments: OutcomeForm["commitments"] = [];
  if (held) {
    const s = requiredText({ required: "Escribe el resumen del acta.", tooShort: "El resumen debe tener al menos 20 caracteres.", tooLong: "El resumen no puede tener más de 5000 caracteres." }, 5000, 20).safeParse(values.summary ?? "");
    if (s.success) summary = s.data;
    else errors.summary = s.error.issues[0]!.message;
    const a = optionalText("Los acuerdos no pueden tener más de 5000 caracteres.", 5000).safeParse(values.agreements);
    if (a.success) agreements = a.data;
    else errors.agreements = a.error.issues[0]!.message;
    if (attendeeIds.length === 0) errors.attendees = "Marca quiénes asistieron a la asesoría.";
    for (let i = 0; i < COMMITMENT_ROWS; i++) {
      const description = (values[`commitment-${i}-description`] ?? "").trim();
      const responsible = (values[`commitment-${i}-responsible`] ?? "").trim();
      const due = (values[`commitment-${i}-due`] ?? "").trim();
      if (description === "" && responsible === "" && due === "") continue;
      if (description.length < 5 || description.length > 500) errors[`commitment-${i}-description`] = "Describe el compromiso (entre 5 y 500 caracteres).";
      let responsibleId: number | null = null;
      let responsibleName = responsible;
      if (/^\d{1,9}$/.test(responsible) && people.has(Number(responsible))) {
        responsibleId = Number(responsible);
        responsibleName = people.get(responsibleId)!;
      } else if (responsible.length < 3 || responsible.length > 120) {
        errors[`commitment-${i}-responsible`] = "Indica quién es responsable del compromiso.";
      }
      if (!isCalendarDate(due)) errors[`commitment-${i}-due`] = "Escribe la fecha límite del compromiso.";
      commitments.push({ description, responsibleId, responsibleName, dueDate: due });
    }
  }
  if (Object.keys(errors).length > 0) return { success: false, errors, values };
  return { success: true, values, data: { held, attendeeIds: held ? attendeeIds : [], summary, agreements, commitments } };
}

// ---------------------------------------------------------------------------------------------
// Availability

export interface AvailabilityForm {
  kind: "weekly" | "date";
  weekday: number | null;
  date: string | null;
  startTime: string;
  endTime: string;
  sessionMinutes: number;
}

export function readAvailabilityForm(formData: FormData, today: string): Read<AvailabilityForm> {
  const values = formValues(formData);
  const errors: FieldErrors = {};
  const kind = values.kind === "date" ? "date" : values.kind === "weekly" ? "weekly" : null;
  if (!kind) errors.kind = "Elige si es un horario semanal o una fecha.";
  let weekday: number | null = null;
  let date: string | null = null;
  if (kind === "weekly") {
    weekday = /^[1-7]$/.test(values.weekday ?? "") ? Number(values.weekday) : null;
    if (weekday === null) errors.weekday = "Elige el día de la semana.";
  }
  if (kind === "date") {
    date = (values.date ?? "").trim();
    if (!isCalendarDate(date)) errors.date = "Escribe una fecha válida.";
    else if (date < today) errors.date = "La fecha ya pasó.";
  }
  const start = timeField("Escribe la hora de inicio, por ejemplo 09:00.").safeParse(values.startTime ?? "");
  const end = timeField("Escribe la hora de fin, por ejemplo 12:00.").safeParse(values.endTime ?? "");
  const length = minutesField.safeParse(values.sessionMinutes ?? "");
  if (!start.success) errors.startTime = start.error.issues[0]!.message;
  if (!end.success) errors.endTime = end.error.issues[0]!.message;
  if (!length.success) errors.sessionMinutes = length.error.issues[0]!.message;
  if (start.success && end.success && length.success) {
    const span = minutesOfDay(end.data) - minutesOfDay(start.data);
    if (span <= 0) errors.endTime = "La hora de fin debe ser posterior a la de inicio.";
    else if (span < length.data) errors.sessionMinutes = "En ese horario no cabe ni una sesión de esa duración.";
  }
  if (Object.keys(errors).length > 0 || !kind || !start.success || !end.success || !length.success) return { success: false, errors, values };
  return { success: true, values, data: { kind, weekday, date, startTime: start.data, endTime: end.data, sessionMinutes: length.data } };
}

export function readDayOffForm(formData: FormData, today: string): Read<{ date: string; note: string }> {
  const result = parseForm(z.object({ date: dateField(), note: optionalText("La nota no puede tener más de 200 caracteres.", 200) }), formData);
  if (result.success && result.data.date < today) return { success: false, errors: { date: "La fecha ya pasó." }, values: result.values };
  return result;
}
