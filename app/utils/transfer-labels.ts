// The words of transfers as people read them: stages, statuses and history. Shared by server and
// browser code.
import type { TransferStage, TransferStatus } from "../../db/schema";

export type { TransferStage, TransferStatus } from "../../db/schema";

export const TRANSFER_STAGES: readonly TransferStage[] = ["solicitud", "acuerdo", "adaptacion", "implementacion", "evaluacion", "institucionalizada"];

export const TRANSFER_STAGE_LABELS: Record<TransferStage, string> = {
  solicitud: "Solicitud",
  acuerdo: "Acuerdo",
  adaptacion: "Adaptación",
  implementacion: "Implementación",
  evaluacion: "Evaluación",
  institucionalizada: "Institucionalizada",
};

/** What reaching each stage means, shown on the timeline and the form that moves to it. */
export const TRANSFER_STAGE_HINTS: Record<TransferStage, string> = {
  solicitud: "La IGED que adopta la práctica explica por qué y para qué contexto.",
  acuerdo: "Ambas partes firman un acuerdo o un acta de compromiso.",
  adaptacion: "El equipo receptor tiene un plan de adaptación de la práctica a su contexto.",
  implementacion: "La práctica adaptada se pone en marcha en la IGED receptora.",
  evaluacion: "Se evalúan los resultados de la implementación; DIFOCA la valida.",
  institucionalizada: "La IGED receptora incorporó la práctica a sus instrumentos de gestión; DIFOCA la valida.",
};

/** Stages only DIFOCA may move a transfer to. */
export const DIFOCA_STAGES: readonly TransferStage[] = ["evaluacion", "institucionalizada"];

export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = {
  pendiente: "Pendiente de aceptación",
  en_curso: "En curso",
  suspendida: "Suspendida",
  completada: "Completada",
  rechazada: "No aceptada",
  cerrada: "Cerrada",
};

export const OPEN_TRANSFER_STATUSES: readonly TransferStatus[] = ["pendiente", "en_curso", "suspendida"];

export const TRANSFER_STEP_LABELS: Record<string, string> = {
  requested: "Solicitó la transferencia",
  accepted: "DIFOCA aceptó la solicitud",
  declined: "DIFOCA no aceptó la solicitud",
  advanced: "Pasó a la etapa",
  suspended: "Suspendió la transferencia",
  resumed: "Reanudó la transferencia",
  closed: "Cerró la transferencia",
  note: "Agregó una nota",
};

export function nextTransferStage(stage: TransferStage): TransferStage | null {
  return TRANSFER_STAGES[TRANSFER_STAGES.indexOf(stage) + 1] ?? null;
}

/** Progress from 0 to 100: how far along the six stages a transfer is. */
export function transferProgress(stage: TransferStage): number {
  return Math.round((TRANSFER_STAGES.indexOf(stage) / (TRANSFER_STAGES.length - 1)) * 100);
}
