// The fields of the transfer forms: the request, DIFOCA's decision, a move to the next stage with
// its evidence, evidence added later, the reasons for suspending, resuming or closing, and the
// responsible people. Files are checked by uploads.server.ts (through the model), like practice
// evidence; here only whether one was attached.
import { z } from "zod";
import { TRANSFER_STAGES, type TransferStage } from "~/utils/transfer-labels";
import { evidenceTitleField, evidenceUrlField } from "~/utils/evidence-validation.server";
import { formValues, idFromList, parseForm, requiredText, type FieldErrors, type FormResult } from "~/utils/forms.server";

export const TRANSFER_TEXT_MIN = 20;
export const TRANSFER_TEXT_MAX = 2000;
export const TRANSFER_NOTE_MAX = 2000;
export const TRANSFER_REASON_MAX = 1000;

type Read<T> = FormResult<T>;

// ---------------------------------------------------------------------------------------------
// The request

export interface TransferRequestForm {
  practiceId: number;
  /** Only DIFOCA chooses; a gestor's request goes to their own IGED. */
  receivingIgedId: number | null;
  /** DIFOCA names the responsible person in the receiving IGED by e-mail; a gestor is that person. */
  contactEmail: string | null;
  reason: string;
  context: string;
}

const longText = (what: string) =>
  requiredText(
    {
      required: `Escribe ${what}.`,
      tooShort: `Escribe ${what} con al menos ${TRANSFER_TEXT_MIN} caracteres: DIFOCA y el equipo de la práctica lo leerán.`,
      tooLong: `El texto no puede tener más de ${TRANSFER_TEXT_MAX} caracteres.`,
    },
    TRANSFER_TEXT_MAX,
    TRANSFER_TEXT_MIN,
  );

const emailField = (required: string) =>
  z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .max(254, { error: "El correo no puede tener más de 254 caracteres." })
    .pipe(z.email({ error: "Escribe un correo válido, por ejemplo nombre@ugel.gob.pe." }));

export function readTransferRequest(formData: FormData, options: { choosesIged: boolean }): Read<TransferRequestForm> {
  const schema = z.object({
    practiceId: idFromList("Elige una práctica en estadio avanzado."),
    igedId: options.choosesIged ? idFromList("Elige la IGED que adoptará la práctica.") : z.unknown().optional(),
    contactEmail: options.choosesIged ? emailField("Escribe el correo de la persona responsable en la IGED receptora.") : z.unknown().optional(),
    reason: longText("por qué quieren adoptar esta práctica"),
    context: longText("para qué contexto la quieren adoptar"),
  });
  const result = parseForm(schema, formData);
  if (!result.success) return result;
  return {
    success: true,
    values: result.values,
    data: {
      practiceId: result.data.practiceId,
      receivingIgedId: options.choosesIged ? (result.data.igedId as number) : null,
      contactEmail: options.choosesIged ? (result.data.contactEmail as string) : null,
      reason: result.data.reason,
      context: result.data.context,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Reasons and decisions

const reasonText = (required: string) =>
  requiredText(
    { required, tooShort: "Escribe el motivo (al menos 5 caracteres).", tooLong: `El motivo no puede tener más de ${TRANSFER_REASON_MAX} caracteres.` },
    TRANSFER_REASON_MAX,
    5,
  );

/** DIFOCA's decision: accepting may carry a note; declining needs the reason. */
export function readDecision(formData: FormData): Read<{ accept: boolean; reason: string }> {
  const values = formValues(formData);
  const decision = values.decision;
  if (decision !== "accept" && decision !== "decline") return { success: false, errors: { decision: "Elige si aceptas o no la solicitud." }, values };
  if (decision === "accept") {
    const note = (values.reason ?? "").trim();
    if (note.length > TRANSFER_REASON_MAX) return { success: false, errors: { reason: `La nota no puede tener más de ${TRANSFER_REASON_MAX} caracteres.` }, values };
    return { success: true, values, data: { accept: true, reason: note } };
  }
  const result = parseForm(z.object({ reason: reasonText("Escribe por qué no se acepta la solicitud: quienes la pidieron lo leerán.") }), formData);
  if (!result.success) return result;
  return { success: true, values, data: { accept: false, reason: result.data.reason } };
}

/** The reason for suspending, resuming or closing a transfer. */
export function readStatusReason(formData: FormData): Read<{ reason: string }> {
  return parseForm(z.object({ reason: reasonText("Escribe el motivo: las personas responsables lo leerán.") }), formData);
}

// ---------------------------------------------------------------------------------------------
// Evidence

/** Evidence attached to a form: a file (checked later by the upload handler) or a link. */
export type EvidenceChoice = { title: string; file: File; url: null } | { title: string; file: null; url: string };

/** Whether a file input was filled: browsers send an empty part with no name when it was not. */
/**
 * The file a person chose, or null for an empty file input: browsers send one as an empty part
 * without a name, which some FormData implementations rename "blob".
 */
export function attachedFile(value: FormDataEntryValue | null): File | null {
  if (!(value instanceof File)) return null;
  return value.size === 0 && (value.name === "" || value.name === "blob") ? null : value;
}

/**
 * Reads the evidence fields (evidenceTitle, evidenceFile, evidenceUrl). With `required` false, a form
 * with none of them filled means no evidence (null).
 */
export function readEvidence(formData: FormData, required: boolean): { ok: true; evidence: EvidenceChoice | null } | { ok: false; errors: FieldErrors } {
  const file = attachedFile(formData.get("evidenceFile"));
  const url = String(formData.get("evidenceUrl") ?? "").trim();
  const rawTitle = String(formData.get("evidenceTitle") ?? "");
  if (!file && url === "" && rawTitle.trim() === "") {
    return required ? { ok: false, errors: { evidenceFile: "Elige un archivo o escribe un enlace." } } : { ok: true, evidence: null };
  }
  const errors: FieldErrors = {};
  const title = evidenceTitleField.safeParse(rawTitle);
  if (!title.success) errors.evidenceTitle = title.error.issues[0]?.message ?? "Escribe un título para la evidencia.";
  if (file && url !== "") errors.evidenceUrl = "Adjunta un archivo o escribe un enlace, no ambos.";
  else if (!file && url === "") errors.evidenceFile = "Elige un archivo o escribe un enlace para la evidencia.";
  let link: string | null = null;
  if (!file && url !== "") {
    const parsed = evidenceUrlField.safeParse(url);
    if (parsed.success) link = parsed.data;
    else errors.evidenceUrl = parsed.error.issues[0]?.message ?? "Escribe un enlace que empiece con https:// o http://.";
  }
  if (Object.keys(errors).length > 0 || !title.success) return { ok: false, errors };
  return { ok: true, evidence: file ? { title: title.data, file, url: null } : { title: title.data, file: null, url: link! } };
}

// ---------------------------------------------------------------------------------------------
// Moving to the next stage

export interface AdvanceForm {
  toStage: TransferStage;
  occurredOn: string;
  note: string;
  evidence: EvidenceChoice | null;
}

/** A real calendar date written as YYYY-MM-DD (what <input type="date"> sends). */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function readAdvance(formData: FormData): Read<AdvanceForm> {
  const schema = z.object({
    toStage: z.enum(TRANSFER_STAGES as [TransferStage, ...TransferStage[]], { error: "Elige la etapa a la que pasa la transferencia." }),
    occurredOn: z
      .string({ error: "Escribe la fecha en que ocurrió." })
      .trim()
      .refine(isCalendarDate, { error: "Escribe una fecha válida (día, mes y año)." }),
    note: requiredText(
      {
        required: "Escribe una nota sobre lo que se hizo en esta etapa.",
        tooShort: "Escribe una nota de al menos 10 caracteres sobre lo que se hizo en esta etapa.",
        tooLong: `La nota no puede tener más de ${TRANSFER_NOTE_MAX} caracteres.`,
      },
      TRANSFER_NOTE_MAX,
      10,
    ),
  });
  const result = parseForm(schema, formData);
  const evidence = readEvidence(formData, false);
  if (!result.success || !evidence.ok) {
    return { success: false, errors: { ...(result.success ? {} : result.errors), ...(evidence.ok ? {} : evidence.errors) }, values: result.values };
  }
  return { success: true, values: result.values, data: { ...result.data, evidence: evidence.evidence } };
}

// ---------------------------------------------------------------------------------------------
// Responsible people

export const TRANSFER_SIDES = ["source", "receiving"] as const;
export type TransferSide = (typeof TRANSFER_SIDES)[number];

export function readParticipant(formData: FormData): Read<{ email: string; side: TransferSide }> {
  return parseForm(
    z.object({
      email: emailField("Escribe el correo de la persona."),
      side: z.enum(TRANSFER_SIDES, { error: "Elige de qué lado será responsable." }),
    }),
    formData,
  );
}

export function readParticipantRemoval(formData: FormData): Read<{ userId: number }> {
  return parseForm(z.object({ userId: idFromList("Esa persona no es responsable de esta transferencia.") }), formData);
}
