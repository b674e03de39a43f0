// The words of events as people read them. Shared by server and browser code.
import type { EventModality, EventType, RegistrationStatus } from "../../db/schema";

export type { EventModality, EventType, RegistrationStatus } from "../../db/schema";

export const EVENT_TYPES: readonly EventType[] = ["intercambio", "webinar", "taller", "pasantia"];

export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  intercambio: "Intercambio macrorregional",
  webinar: "Webinar",
  taller: "Taller",
  pasantia: "Pasantía",
};

export const EVENT_MODALITIES: readonly EventModality[] = ["presencial", "virtual", "mixta"];

export const EVENT_MODALITY_LABELS: Record<EventModality, string> = { presencial: "Presencial", virtual: "Virtual", mixta: "Presencial y virtual" };

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  inscrito: "Inscrito",
  en_espera: "En lista de espera",
  cancelado: "Inscripción cancelada",
};

/** The longest testimonial: a short word about the event, not a report. */
export const TESTIMONIAL_MAX = 1200;
