// The forms of events: DIFOCA's event editor (with the programme of practices and commentators),
// the attendance tools, and what members send from the event page. Every bad value becomes a
// Spanish message next to its field; the form comes back with what was typed.
import { z } from "zod";
import { isCalendarDate, isTimeOfDay, minutesOfDay } from "~/utils/advisory-slots";
import { EVENT_MODALITIES, EVENT_TYPES, TESTIMONIAL_MAX, type EventModality, type EventType } from "~/utils/event-labels";
import { formValues, idFromList, parseForm, requiredText, type FieldErrors } from "~/utils/forms.server";
import type { EventFields } from "~/models/event.server";

type Read<T> = { success: true; data: T; values: Record<string, string> } | { success: false; errors: FieldErrors; values: Record<string, string> };

/** How many rows of "practice + commentator" the editor offers; an exchange presents about eight. */
export const PRACTICE_ROWS = 10;
export const MAX_CAPACITY = 5000;

const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export interface EventFormOptions {
  macroregionIds: Set<number>;
  /** Each region's macroregion, to check the host region belongs to the chosen macroregion. */
  regionMacroregion: Map<number, number>;
  practiceIds: Set<number>;
  commentatorIds: Set<number>;
}

export interface EventForm extends EventFields {
  practices: { practiceId: number; commentatorId: number | null }[];
}

export type EventFormResult =
  | { success: true; data: EventForm }
  | { success: false; errors: FieldErrors; values: Record<string, string>; invitedRegionIds: string[] };

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** A text field: trimmed, within its limits, with no control characters. */
function text(values: Record<string, string>, name: string, errors: FieldErrors, limits: { max: number; min?: number; required?: string; tooShort?: string; tooLong: string }): string {
  const value = (values[name] ?? "").trim();
  if (value === "") {
    if (limits.required) errors[name] = limits.required;
    return value;
  }
  if (CONTROL_CHARS.test(value)) errors[name] = "El texto tiene caracteres no válidos.";
  else if (limits.min && value.length < limits.min) errors[name] = limits.tooShort ?? limits.required ?? limits.tooLong;
  else if (value.length > limits.max) errors[name] = limits.tooLong;
  return value;
}

/** An optional id chosen from a select: "" is none; anything else must be one of `allowed`. */
function optionalId(value: string | undefined, allowed: { has(id: number): boolean }): number | null | "invalid" {
  const raw = (value ?? "").trim();
  if (raw === "") return null;
  if (!/^\d{1,9}$/.test(raw) || !allowed.has(Number(raw))) return "invalid";
  return Number(raw);
}

/** The event editor. `options` holds what the selects offered, so a forged id is refused like a typo. */
export function readEventForm(formData: FormData, options: EventFormOptions): EventFormResult {
  const values = formValues(formData);
  const invitedRaw = formData.getAll("invitedRegionIds").filter((v): v is string => typeof v === "string");
  const errors: FieldErrors = {};

  const type = values.type as EventType;
  if (!EVENT_TYPES.includes(type)) errors.type = "Elige el tipo de evento.";

  const title = text(values, "title", errors, {
    max: 160,
    min: 5,
    required: "Escribe el título del evento.",
    tooShort: "El título debe tener al menos 5 caracteres.",
    tooLong: "El título no puede tener más de 160 caracteres.",
  });
  const summary = text(values, "summary", errors, {
    max: 2000,
    min: 10,
    required: "Escribe de qué trata el evento.",
    tooShort: "Cuenta un poco más de qué trata el evento (al menos 10 caracteres).",
    tooLong: "El resumen no puede tener más de 2000 caracteres.",
  });

  const startsOn = (values.startsOn ?? "").trim();
  const endsOn = (values.endsOn ?? "").trim();
  if (!isCalendarDate(startsOn)) errors.startsOn = "Escribe la fecha de inicio (día, mes y año).";
  if (!isCalendarDate(endsOn)) errors.endsOn = "Escribe la fecha de término (día, mes y año).";
  else if (!errors.startsOn && endsOn < startsOn) errors.endsOn = "La fecha de término no puede ser anterior a la de inicio.";

  const startTime = (values.startTime ?? "").trim();
  const endTime = (values.endTime ?? "").trim();
  if (!isTimeOfDay(startTime)) errors.startTime = "Escribe la hora de inicio, por ejemplo 09:00.";
  if (!isTimeOfDay(endTime)) errors.endTime = "Escribe la hora de término, por ejemplo 17:00.";
  else if (!errors.startTime && startsOn === endsOn && minutesOfDay(endTime) <= minutesOfDay(startTime)) {
    errors.endTime = "En un evento de un día, la hora de término debe ser posterior a la de inicio.";
  }

  const macroregionId = optionalId(values.macroregionId, options.macroregionIds);
  if (macroregionId === "invalid") errors.macroregionId = "Elige una macrorregión de la lista.";
  const hostRegionId = optionalId(values.hostRegionId, options.regionMacroregion);
  if (hostRegionId === "invalid") errors.hostRegionId = "Elige una región de la lista.";
  else if (hostRegionId !== null && typeof macroregionId === "number" && options.regionMacroregion.get(hostRegionId) !== macroregionId) {
    errors.hostRegionId = "La región anfitriona no pertenece a la macrorregión elegida.";
  }

  const modality = values.modality as EventModality;
  if (!EVENT_MODALITIES.includes(modality)) errors.modality = "Elige la modalidad: presencial, virtual o ambas.";
  const place = text(values, "place", errors, {
    max: 300,
    required: modality === "presencial" || modality === "mixta" ? "Escribe el lugar del evento presencial." : undefined,
    tooLong: "El lugar no puede tener más de 300 caracteres.",
  });
  const meetingUrl = (values.meetingUrl ?? "").trim();
  if (meetingUrl !== "" && (meetingUrl.length > 500 || !isWebAddress(meetingUrl))) {
    errors.meetingUrl = "Escribe un enlace completo que empiece con https://, o déjalo vacío.";
  }

  const agenda = text(values, "agenda", errors, { max: 20_000, tooLong: "La agenda no puede tener más de 20 000 caracteres." });

  const capacityText = (values.capacity ?? "").trim();
  let capacity: number | null = null;
  if (capacityText !== "") {
    if (!/^\d{1,4}$/.test(capacityText) || Number(capacityText) < 1 || Number(capacityText) > MAX_CAPACITY) {
      errors.capacity = `Escribe cuántos cupos hay (de 1 a ${MAX_CAPACITY}), o déjalo vacío si no hay límite.`;
    } else {
      capacity = Number(capacityText);
    }
  }

  const invitedRegionIds: number[] = [];
  for (const raw of invitedRaw) {
    const id = optionalId(raw, options.regionMacroregion);
    if (id === "invalid") errors.invitedRegionIds = "Elige las regiones invitadas de la lista.";
    else if (id !== null) invitedRegionIds.push(id);
  }

  const practices: EventForm["practices"] = [];
  const seen = new Set<number>();
  for (let row = 0; row < PRACTICE_ROWS; row++) {
    const practiceId = optionalId(values[`practice_${row}`], options.practiceIds);
    const commentatorId = optionalId(values[`commentator_${row}`], options.commentatorIds);
    if (practiceId === "invalid") errors[`practice_${row}`] = "Elige una práctica publicada de la lista.";
    if (commentatorId === "invalid") errors[`commentator_${row}`] = "Elige un experto o especialista DIFOCA de la lista.";
    if (practiceId === null && typeof commentatorId === "number") errors[`practice_${row}`] = "Elige la práctica que comenta esta persona.";
    if (typeof practiceId !== "number") continue;
    if (seen.has(practiceId)) {
      errors[`practice_${row}`] = "Esta práctica ya está en otra fila.";
      continue;
    }
    seen.add(practiceId);
    practices.push({ practiceId, commentatorId: typeof commentatorId === "number" ? commentatorId : null });
  }

  if (Object.keys(errors).length > 0) return { success: false, errors, values, invitedRegionIds: invitedRaw };
  return {
    success: true,
    data: {
      type,
      title,
      summary,
      startsOn,
      endsOn,
      startTime,
      endTime,
      macroregionId: macroregionId as number | null,
      hostRegionId: hostRegionId as number | null,
      modality,
      place,
      meetingUrl: meetingUrl === "" ? null : meetingUrl,
      agenda,
      capacity,
      invitedRegionIds,
      practices,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Expert feedback given at an event

/** The event a feedback was given at: none (""), or one of `events` (those where the practice was presented). */
export function readFeedbackEvent(formData: FormData, events: { id: number }[]): { success: true; eventId: number | null } | { success: false; errors: FieldErrors } {
  const raw = String(formData.get("eventId") ?? "").trim();
  if (raw === "") return { success: true, eventId: null };
  const event = /^\d{1,9}$/.test(raw) ? events.find((e) => e.id === Number(raw)) : undefined;
  if (!event) return { success: false, errors: { eventId: "Elige un evento de la lista, o «No» si no se dio en un evento." } };
  return { success: true, eventId: event.id };
}

// ---------------------------------------------------------------------------------------------
// The event page (members)

const codeSchema = z.object({
  code: z
    .string({ error: "Escribe el código que se muestra en el evento." })
    .trim()
    .min(1, { error: "Escribe el código que se muestra en el evento." })
    .max(20, { error: "El código no es correcto. Revísalo e inténtalo de nuevo." }),
});

export function readCheckInForm(formData: FormData): Read<{ code: string }> {
  return parseForm(codeSchema, formData);
}

const testimonialSchema = z.object({
  text: requiredText(
    {
      required: "Escribe tu testimonio.",
      tooShort: "Cuenta un poco más (al menos 10 caracteres).",
      tooLong: `El testimonio no puede tener más de ${TESTIMONIAL_MAX.toLocaleString("es-PE")} caracteres.`,
    },
    TESTIMONIAL_MAX,
    10,
  ),
});

export function readTestimonialForm(formData: FormData): Read<{ text: string }> {
  return parseForm(testimonialSchema, formData);
}

const testimonialIdSchema = z.object({ testimonialId: idFromList("Ese testimonio no existe.") });

export function readTestimonialId(formData: FormData): Read<{ testimonialId: number }> {
  return parseForm(testimonialIdSchema, formData);
}

// ---------------------------------------------------------------------------------------------
// Attendance (DIFOCA)

/**
 * The attendance list: who was ticked (`attended`) and who was on the list shown (`listed`, one
 * hidden field per row: an unticked box sends nothing); all of them ids of `registered`.
 */
export function readAttendanceList(
  formData: FormData,
  registered: Set<number>,
): { success: true; userIds: number[]; listedUserIds: number[] } | { success: false; errors: FieldErrors } {
  const read = (name: string): number[] | null => {
    const ids: number[] = [];
    for (const raw of formData.getAll(name)) {
      if (typeof raw !== "string" || !/^\d{1,9}$/.test(raw) || !registered.has(Number(raw))) return null;
      ids.push(Number(raw));
    }
    return [...new Set(ids)];
  };
  const userIds = read("attended");
  const listedUserIds = read("listed");
  if (userIds === null || listedUserIds === null) return { success: false, errors: { attended: "Marca solo a personas de la lista." } };
  return { success: true, userIds, listedUserIds };
}

const attendeeSchema = z.object({
  email: z
    .string({ error: "Escribe el correo de la persona." })
    .trim()
    .min(1, { error: "Escribe el correo de la persona." })
    .max(254, { error: "El correo no puede tener más de 254 caracteres." })
    .pipe(z.email({ error: "Escribe un correo válido, por ejemplo nombre@ugel.gob.pe." }))
    .transform((s) => s.toLowerCase()),
});

export function readAttendeeForm(formData: FormData): Read<{ email: string }> {
  return parseForm(attendeeSchema, formData);
}

const badgeSchema = z.object({
  badgeId: idFromList("Elige la insignia."),
  reason: requiredText(
    { required: "Escribe el motivo.", tooShort: "El motivo debe tener al menos 3 caracteres.", tooLong: "El motivo no puede tener más de 500 caracteres." },
    500,
    3,
  ),
});

export function readBulkBadgeForm(formData: FormData): Read<{ badgeId: number; reason: string }> {
  return parseForm(badgeSchema, formData);
}
