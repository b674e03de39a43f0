// Every kind of notification the platform writes, what a person calls it, and whether it is worth
// an e-mail. The centre shows the label; the future e-mail worker (ADR 007) reads `email` as the
// default of each member's preference, so adding a type here is the only decision it needs.
// Shared by server and browser code.

export interface NotificationTypeInfo {
  /** What the notification is about, as the centre names it. */
  label: string;
  /** Whether it merits an e-mail by default: decisions about the member's work, not chatter. */
  email: boolean;
}

export const NOTIFICATION_TYPES = {
  // Practices
  practice_published: { label: "Práctica publicada", email: true },
  practice_returned: { label: "Práctica devuelta con observaciones", email: true },
  practice_promoted: { label: "Cambio de estadio", email: true },
  practice_demoted: { label: "Cambio de estadio", email: true },
  promotion_returned: { label: "Solicitud de estadio devuelta", email: true },
  feedback_received: { label: "Retroalimentación de un experto", email: true },
  // Badges
  badge_awarded: { label: "Insignia recibida", email: true },
  badge_revoked: { label: "Insignia revocada", email: true },
  // Walls
  challenge_contribution: { label: "Nuevo aporte a un desafío", email: false },
  initiative_comment: { label: "Nuevo comentario en una iniciativa", email: false },
  contribution_useful: { label: "Aporte útil", email: false },
  challenge_resolved: { label: "Desafío resuelto", email: false },
  wall_accompanied: { label: "Acompañamiento de DIFOCA", email: true },
  wall_hidden: { label: "Contenido ocultado por DIFOCA", email: true },
  wall_restored: { label: "Contenido restaurado por DIFOCA", email: false },
  // Advisories
  advisory_requested: { label: "Solicitud de asesoría", email: true },
  advisory_confirmed: { label: "Asesoría confirmada", email: true },
  advisory_proposed: { label: "Nuevo horario propuesto", email: true },
  advisory_rescheduled: { label: "Asesoría reprogramada", email: true },
  advisory_cancelled: { label: "Asesoría cancelada", email: true },
  advisory_unassigned: { label: "Asesoría asignada a otro asesor", email: true },
  advisory_minutes: { label: "Acta de asesoría", email: false },
  // Transfers
  transfer_requested: { label: "Solicitud de transferencia", email: true },
  transfer_accepted: { label: "Transferencia aceptada", email: true },
  transfer_declined: { label: "Transferencia no aceptada", email: true },
  transfer_advanced: { label: "Avance de una transferencia", email: false },
  transfer_completed: { label: "Transferencia completada", email: true },
  transfer_suspended: { label: "Transferencia suspendida", email: true },
  transfer_resumed: { label: "Transferencia reanudada", email: false },
  transfer_closed: { label: "Transferencia cerrada", email: true },
  transfer_participant: { label: "Responsable de una transferencia", email: true },
  // Events
  event_seat: { label: "Cupo en un evento", email: true },
} as const satisfies Record<string, NotificationTypeInfo>;

export type NotificationType = keyof typeof NOTIFICATION_TYPES;

export function isNotificationType(type: string): type is NotificationType {
  return Object.hasOwn(NOTIFICATION_TYPES, type);
}

/** The label of a type; a type written before it was registered still reads as a notice. */
export function notificationTypeLabel(type: string): string {
  return isNotificationType(type) ? NOTIFICATION_TYPES[type].label : "Aviso";
}

/** Whether a type merits an e-mail by default; unknown types never do. */
export function notificationEmailDefault(type: string): boolean {
  return isNotificationType(type) ? NOTIFICATION_TYPES[type].email : false;
}
