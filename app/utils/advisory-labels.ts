// The words of advisories as people read them. Shared by server and browser code.
import type { AdvisoryModality, AdvisoryStatus, AdvisoryType } from "../../db/schema";

export type { AdvisoryModality, AdvisoryStatus, AdvisoryType } from "../../db/schema";

export const ADVISORY_TYPE_LABELS: Record<AdvisoryType, string> = {
  personalizada: "Asesoría personalizada",
  transferencia: "Asesoría sobre transferencia",
};

export const ADVISORY_STATUS_LABELS: Record<AdvisoryStatus, string> = {
  solicitada: "Solicitada",
  propuesta: "Nuevo horario propuesto",
  confirmada: "Confirmada",
  realizada: "Realizada",
  cancelada: "Cancelada",
  no_realizada: "No realizada",
};

export const MODALITY_LABELS: Record<AdvisoryModality, string> = { virtual: "Virtual", presencial: "Presencial" };

export const WEEKDAY_LABELS: Record<number, string> = { 1: "Lunes", 2: "Martes", 3: "Miércoles", 4: "Jueves", 5: "Viernes", 6: "Sábado", 7: "Domingo" };

/** What each entry of an advisory's history says. */
export const ADVISORY_EVENT_LABELS: Record<string, string> = {
  requested: "Solicitó la asesoría",
  confirmed: "Confirmó la asesoría",
  proposed: "Propuso otro horario",
  accepted: "Aceptó el horario propuesto",
  rescheduled: "Reprogramó la asesoría",
  cancelled: "Canceló la asesoría",
  minutes_recorded: "Registró la asistencia y el acta",
  not_held: "Registró que la asesoría no se realizó",
  commitment_done: "Marcó un compromiso como cumplido",
  commitment_reopened: "Marcó un compromiso como pendiente",
};

/** How many commitment rows the minutes form offers at once. */
export const COMMITMENT_ROWS = 4;
