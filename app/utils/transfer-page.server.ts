// The loader and action of one transfer's page (/transferencias/:id) and the serving of its
// evidence. Anyone may read a transfer, like the catalog, except that until DIFOCA accepts it its
// texts and evidence are for its responsible people and DIFOCA; they act on it. The route modules
// only call these, and the model checks every step again.
import { createReadableStreamFromReadable, json, redirect, type SerializeFrom } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { describeEvidence } from "~/components/evidence-list";
import {
  addTransferEvidence,
  addTransferParticipant,
  advanceTransfer,
  changeTransferStatus,
  decideTransfer,
  getTransfer,
  getTransferEvidence,
  listAdvisoriesOfTransfer,
  removeTransferParticipant,
  type TransferDetail,
  type TransferRefusal,
} from "~/models/transfer.server";
import { getMemberByEmail } from "~/models/user.server";
import { sessionStart } from "~/utils/advisory-page.server";
import { ADVISORY_STATUS_LABELS, ADVISORY_TYPE_LABELS } from "~/utils/advisory-labels";
import { getUser, requireUser, type CurrentUser } from "~/utils/auth.server";
import { formatDate, todayInLima } from "~/utils/dates";
import { formValues, type FieldErrors } from "~/utils/forms.server";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { can } from "~/utils/permissions.server";
import { STAGE_LABELS } from "~/utils/practice-labels";
import { redirectWithToast } from "~/utils/toast.server";
import {
  DIFOCA_STAGES,
  nextTransferStage,
  OPEN_TRANSFER_STATUSES,
  TRANSFER_STAGE_HINTS,
  TRANSFER_STAGE_LABELS,
  TRANSFER_STAGES,
  TRANSFER_STATUS_LABELS,
  TRANSFER_STEP_LABELS,
  type TransferStage,
  type TransferStatus,
} from "~/utils/transfer-labels";
import { readAdvance, readDecision, readEvidence, readParticipant, readParticipantRemoval, readStatusReason } from "~/utils/transfer-validation.server";
import { downloadHeaders, readMultipartForm, readStoredUpload } from "~/utils/uploads.server";

const NOT_FOUND = "No encontramos esa transferencia.";
const EVIDENCE_NOT_FOUND = "Ese archivo no existe o ya no está disponible.";
export const DIFOCA_ONLY_MESSAGE = "Solo DIFOCA valida las etapas de evaluación e institucionalización.";
const NOT_PARTICIPANT = "Solo las personas responsables de esta transferencia y DIFOCA pueden hacer esta acción.";

/** Statuses in which evidence may still be added (a declined or closed transfer is over). */
const EVIDENCE_STATUSES: readonly TransferStatus[] = ["pendiente", "en_curso", "suspendida", "completada"];

const idParam = (value: string | undefined): number | null => (/^\d{1,9}$/.test(value ?? "") && Number(value) > 0 ? Number(value) : null);

async function transferOf(params: Params): Promise<TransferDetail> {
  const id = idParam(params.id);
  const transfer = id === null ? undefined : await getTransfer(id);
  if (!transfer) throw notFound(NOT_FOUND);
  return transfer;
}

/** A calendar date (YYYY-MM-DD) as "5 de diciembre de 2026", read at noon in Lima so no zone moves it. */
function formatDay(date: string): string {
  return formatDate(new Date(`${date}T12:00:00-05:00`));
}

/** What the viewer may do with this transfer; the action and the model check it again. */
function rolesOf(user: CurrentUser | null, transfer: TransferDetail) {
  const isDifoca = can(user, "transfers.manage");
  const ownSide = user === null ? null : (transfer.participants.find((p) => p.userId === user.id)?.side ?? null);
  const isParticipant = ownSide !== null;
  const canMove = isDifoca || isParticipant;
  const next = nextTransferStage(transfer.stage);
  const ongoing = transfer.status === "en_curso";
  const nextIsDifocaOnly = next !== null && DIFOCA_STAGES.includes(next);
  return {
    signedIn: user !== null,
    isDifoca,
    isParticipant,
    canMove,
    canDecide: isDifoca && transfer.status === "pendiente",
    canAdvance: canMove && ongoing && next !== null && (!nextIsDifocaOnly || isDifoca),
    /** A responsible person sees that DIFOCA validates the next stage, instead of a form. */
    waitsForDifoca: canMove && !isDifoca && ongoing && nextIsDifocaOnly,
    canAddEvidence: canMove && EVIDENCE_STATUSES.includes(transfer.status),
    canSuspend: canMove && ongoing,
    canResume: canMove && transfer.status === "suspendida",
    canClose: canMove && OPEN_TRANSFER_STATUSES.includes(transfer.status),
    canManagePeople: canMove && EVIDENCE_STATUSES.includes(transfer.status),
    /** DIFOCA manages the people of both sides; a responsible person those of their own. */
    managedSides: (isDifoca ? ["source", "receiving"] : ownSide ? [ownSide] : []) as ("source" | "receiving")[],
    /** A request not accepted (pending, declined, withdrawn) keeps its texts and evidence for its people and DIFOCA. */
    seesRequest: transfer.accepted || canMove,
  };
}

export type TransferRoles = ReturnType<typeof rolesOf>;

function stepLabel(step: TransferDetail["steps"][number]): string {
  const label = TRANSFER_STEP_LABELS[step.type] ?? "Registró un cambio";
  return step.type === "advanced" && step.toStage ? `${label} «${TRANSFER_STAGE_LABELS[step.toStage]}»` : label;
}

function evidenceHref(transferId: number, item: { id: number; kind: "archivo" | "enlace"; url: string | null }): string {
  return item.kind === "enlace" && item.url ? item.url : `/transferencias/${transferId}/evidencias/${item.id}`;
}

// ---------------------------------------------------------------------------------------------
// The page

export type TransferPageData = SerializeFrom<typeof loadTransferPage>;

export interface TransferActionData {
  intent: string;
  errors: FieldErrors;
  values: Record<string, string>;
}

export async function loadTransferPage(request: Request, params: Params) {
  const user = await getUser(request);
  const transfer = await transferOf(params);
  const roles = rolesOf(user, transfer);
  const advisories = await listAdvisoriesOfTransfer(transfer.id, user?.id ?? null);

  const currentIndex = TRANSFER_STAGES.indexOf(transfer.stage);
  const completed = transfer.status === "completada";
  // The day each stage was reached: its last move there (a stage is reached once, but a request counts too).
  const reachedOn = new Map<TransferStage, string>();
  for (const step of transfer.steps) if (step.toStage && (step.type === "advanced" || step.type === "requested")) reachedOn.set(step.toStage, step.occurredOn);

  const evidence = (roles.seesRequest ? transfer.evidence : []).map((item) => ({
    id: item.id,
    stepId: item.stepId,
    stage: item.stage,
    kind: item.kind,
    title: item.title,
    href: evidenceHref(transfer.id, item),
    description: describeEvidence(item),
    fileName: item.kind === "archivo" ? item.fileName : null,
    uploaderName: item.uploaderName,
    addedOn: formatDate(item.createdAt),
  }));
  const next = nextTransferStage(transfer.stage);

  return json({
    transfer: {
      id: transfer.id,
      practice: { slug: transfer.practiceSlug, title: transfer.practiceTitle, stageLabel: STAGE_LABELS[transfer.practiceStage as keyof typeof STAGE_LABELS] ?? transfer.practiceStage },
      source: `${transfer.sourceIgedName} (${transfer.sourceRegionName})`,
      receiving: `${transfer.receivingIgedName} (${transfer.receivingRegionName})`,
      stage: transfer.stage,
      stageLabel: TRANSFER_STAGE_LABELS[transfer.stage],
      status: transfer.status,
      statusLabel: TRANSFER_STATUS_LABELS[transfer.status],
      statusReason: roles.seesRequest ? transfer.statusReason : null,
      reason: roles.seesRequest ? transfer.reason : null,
      context: roles.seesRequest ? transfer.context : null,
      requestedBy: transfer.requestedBy.name,
      requestedOn: formatDate(transfer.createdAt),
      completedOn: transfer.completedAt ? formatDate(transfer.completedAt) : null,
    },
    stages: TRANSFER_STAGES.map((stage, index) => ({
      stage,
      label: TRANSFER_STAGE_LABELS[stage],
      hint: TRANSFER_STAGE_HINTS[stage],
      state: index < currentIndex || (completed && index === currentIndex) ? ("done" as const) : index === currentIndex ? ("current" as const) : ("pending" as const),
      current: index === currentIndex,
      difocaOnly: DIFOCA_STAGES.includes(stage),
      reachedOn: reachedOn.has(stage) ? formatDay(reachedOn.get(stage)!) : null,
    })),
    people: {
      source: transfer.participants.filter((p) => p.side === "source").map(({ userId, name, position, igedName }) => ({ userId, name, position, igedName })),
      receiving: transfer.participants.filter((p) => p.side === "receiving").map(({ userId, name, position, igedName }) => ({ userId, name, position, igedName })),
    },
    steps: transfer.steps.map((step) => ({
      id: step.id,
      type: step.type,
      label: stepLabel(step),
      date: formatDay(step.occurredOn),
      dateTime: step.occurredOn,
      actorName: step.actorName,
      // The request's reason, the decline's reason and other notes of a request not accepted are not public.
      note: roles.seesRequest ? step.note : "",
      evidence: evidence.filter((e) => e.stepId === step.id),
    })),
    evidenceByStage: TRANSFER_STAGES.map((stage) => ({ stage, label: TRANSFER_STAGE_LABELS[stage], items: evidence.filter((e) => e.stage === stage) })).filter((group) => group.items.length > 0),
    advisories: advisories
      .filter((a) => roles.canMove || a.status === "realizada")
      .map((a) => ({
        id: a.id,
        when: a.startsAt ? sessionStart(a.startsAt) : "Por programar",
        dateTime: a.startsAt,
        typeLabel: ADVISORY_TYPE_LABELS[a.type],
        advisorName: a.advisorName,
        // Topics and open requests are for the people of the transfer, like on a practice's page.
        ...(roles.canMove ? { topic: a.topic, statusLabel: ADVISORY_STATUS_LABELS[a.status], status: a.status } : {}),
        href: roles.isDifoca || a.viewerInvolved ? `/asesorias/${a.id}` : null,
      })),
    roles,
    // The responsible people of either side may ask for an advisory about this transfer (the model checks it).
    canRequestAdvisory: roles.isParticipant && (transfer.status === "en_curso" || transfer.status === "suspendida"),
    next: next ? { stage: next, label: TRANSFER_STAGE_LABELS[next], hint: TRANSFER_STAGE_HINTS[next], difocaOnly: DIFOCA_STAGES.includes(next) } : null,
    today: todayInLima(),
  });
}

// ---------------------------------------------------------------------------------------------
// The actions

const invalid = (intent: string, errors: FieldErrors, values: Record<string, string>) => badRequest<TransferActionData>({ intent, errors, values });

const REFUSAL_MESSAGES: Record<Exclude<TransferRefusal, "not_found" | "not_allowed" | "difoca_only">, { field: string; message: string }> = {
  not_advanced: { field: "form", message: "Solo se puede solicitar la transferencia de prácticas en estadio avanzado." },
  not_public: { field: "form", message: "Solo se puede solicitar la transferencia de prácticas publicadas." },
  own_iged: { field: "form", message: "Una IGED no puede solicitar la transferencia de su propia práctica." },
  already_open: { field: "form", message: "Ya hay una transferencia abierta de esta práctica a esa IGED." },
  wrong_stage: { field: "form", message: "La transferencia solo puede pasar a la etapa siguiente. Vuelve a cargar la página." },
  wrong_status: { field: "form", message: "La transferencia no admite ese cambio en su estado actual." },
  bad_date: { field: "occurredOn", message: "La fecha no puede ser futura ni anterior al último paso registrado." },
  not_member: { field: "email", message: "No encontramos un miembro activo con ese correo." },
  wrong_side: { field: "form", message: "Solo puedes agregar o quitar personas responsables de tu propio lado de la transferencia." },
  last_participant: { field: "form", message: "No se puede quitar a la última persona responsable de un lado: primero agrega a quien la reemplace." },
  difoca_participant: { field: "email", message: "El personal de DIFOCA acompaña todas las transferencias: no se agrega como persona responsable." },
  already_participant: { field: "email", message: "Esa persona ya es responsable de esta transferencia." },
  not_source_member: {
    field: "email",
    message: "Del lado de la práctica solo pueden ser responsables miembros activos de su equipo o de las IGED que la lideran o comparten.",
  },
  not_receiving_member: { field: "email", message: "Del lado de la IGED receptora solo pueden ser responsables miembros activos de esa IGED." },
  contact_required: { field: "contactEmail", message: "Escribe el correo de la persona responsable en la IGED receptora." },
};

/** A refusal of the model as the page shows it: 404 and 403 are thrown, the rest is a 400 by the form. */
function refused(reason: TransferRefusal, intent: string, values: Record<string, string>) {
  if (reason === "not_found") throw notFound(NOT_FOUND);
  if (reason === "not_allowed") throw forbidden(NOT_PARTICIPANT);
  if (reason === "difoca_only") throw forbidden(DIFOCA_ONLY_MESSAGE);
  const { field, message } = REFUSAL_MESSAGES[reason];
  return invalid(intent, { [field]: message }, values);
}

export async function handleTransferAction(request: Request, params: Params) {
  const user = await requireUser(request);
  const transfer = await transferOf(params);
  const roles = rolesOf(user, transfer);
  // Checked before the body is read: someone who may not act never gets a file stored.
  if (!roles.canMove) throw forbidden(NOT_PARTICIPANT);

  const body = await readMultipartForm(request);
  if (!body.ok) {
    const intent = body.values.intent ?? "advance";
    return invalid(intent, { [intent === "advance" || intent === "evidence" ? "evidenceFile" : "form"]: body.error }, body.values);
  }
  const formData = body.formData;
  const intent = String(formData.get("intent") ?? "");
  const values = formValues(formData);
  const here = `/transferencias/${transfer.id}`;
  const done = (message: string) => redirectWithToast(request, here, { type: "success", message });

  switch (intent) {
    case "decide": {
      if (!roles.isDifoca) throw forbidden("Solo DIFOCA acepta o rechaza las solicitudes de transferencia.");
      const form = readDecision(formData);
      if (!form.success) return invalid(intent, form.errors, form.values);
      const result = await decideTransfer({ transferId: transfer.id, actorId: user.id, accept: form.data.accept, reason: form.data.reason });
      if (!result.ok) return refused(result.reason, intent, values);
      return done(form.data.accept ? "Se aceptó la solicitud: la transferencia está en curso." : "Se registró que la solicitud no fue aceptada. Avisamos a quienes la pidieron.");
    }

    case "advance": {
      const form = readAdvance(formData);
      if (!form.success) return invalid(intent, form.errors, form.values);
      if (DIFOCA_STAGES.includes(form.data.toStage) && !roles.isDifoca) throw forbidden(DIFOCA_ONLY_MESSAGE);
      const result = await advanceTransfer({
        transferId: transfer.id,
        actorId: user.id,
        toStage: form.data.toStage,
        occurredOn: form.data.occurredOn,
        note: form.data.note,
        evidence: form.data.evidence,
      });
      if (!result.ok) {
        if (result.reason === "evidence") return invalid(intent, { evidenceFile: result.error }, values);
        return refused(result.reason, intent, values);
      }
      return done(
        result.completed
          ? "La transferencia se completó: la práctica quedó institucionalizada. Los equipos de ambas IGED recibieron sus puntos."
          : `La transferencia pasó a la etapa «${TRANSFER_STAGE_LABELS[form.data.toStage]}».`,
      );
    }

    case "evidence": {
      if (!roles.canAddEvidence) return refused("wrong_status", intent, values);
      const evidence = readEvidence(formData, true);
      if (!evidence.ok) return invalid(intent, evidence.errors, values);
      const { title, file, url } = evidence.evidence!;
      const result = await addTransferEvidence({ transferId: transfer.id, actorId: user.id, title, file, url });
      if (!result.ok) {
        if (result.reason === "evidence") return invalid(intent, { [file ? "evidenceFile" : "evidenceUrl"]: result.error }, values);
        return refused(result.reason, intent, values);
      }
      return done("Se agregó la evidencia.");
    }

    case "suspend":
    case "resume":
    case "close": {
      const form = readStatusReason(formData);
      if (!form.success) return invalid(intent, form.errors, form.values);
      const result = await changeTransferStatus({ transferId: transfer.id, actorId: user.id, action: intent, reason: form.data.reason });
      if (!result.ok) return refused(result.reason, intent, values);
      return done({ suspend: "Se suspendió la transferencia.", resume: "Se reanudó la transferencia.", close: "Se cerró la transferencia." }[intent]);
    }

    case "add-participant": {
      if (!roles.canManagePeople) return refused("wrong_status", intent, values);
      const form = readParticipant(formData);
      if (!form.success) return invalid(intent, form.errors, form.values);
      const member = await getMemberByEmail(form.data.email);
      if (!member || !member.active) return refused("not_member", intent, values);
      const result = await addTransferParticipant({ transferId: transfer.id, actorId: user.id, userId: member.id, side: form.data.side });
      if (!result.ok) return refused(result.reason, intent, values);
      return done(`${member.name} ahora es responsable de la transferencia.`);
    }

    case "remove-participant": {
      const form = readParticipantRemoval(formData);
      if (!form.success) return invalid(intent, form.errors, form.values);
      const person = transfer.participants.find((p) => p.userId === form.data.userId);
      if (!person) return invalid(intent, { form: "Esa persona ya no es responsable de esta transferencia." }, values);
      const result = await removeTransferParticipant({ transferId: transfer.id, actorId: user.id, userId: person.userId });
      if (!result.ok) return refused(result.reason, intent, values);
      return done(`Se quitó a ${person.name} de las personas responsables.`);
    }

    default:
      return invalid(intent, { form: "La acción no es válida." }, values);
  }
}

// ---------------------------------------------------------------------------------------------
// Serving evidence

/**
 * GET /transferencias/:id/evidencias/:evidenceId: a stored file with the upload handler's headers,
 * or a redirect to a link. Evidence is public like the transfer once DIFOCA accepted it; before,
 * it does not exist for anyone but its responsible people and DIFOCA. One that belongs to another
 * transfer does not exist here.
 */
export async function serveTransferEvidence(request: Request, params: Params) {
  const transferId = idParam(params.id);
  const evidenceId = idParam(params.evidenceId);
  const evidence = transferId === null || evidenceId === null ? undefined : await getTransferEvidence(evidenceId);
  if (!evidence || evidence.transferId !== transferId) throw notFound(EVIDENCE_NOT_FOUND);
  const transfer = await getTransfer(transferId);
  if (!transfer || !rolesOf(await getUser(request), transfer).seesRequest) throw notFound(EVIDENCE_NOT_FOUND);
  // A link was checked to be http(s) when it was added.
  if (evidence.kind === "enlace" && evidence.url) return redirect(evidence.url);
  if (!evidence.storedName) throw notFound(EVIDENCE_NOT_FOUND);
  const stored = await readStoredUpload(evidence.storedName);
  if (!stored) throw notFound(EVIDENCE_NOT_FOUND);
  const headers = downloadHeaders({ mimeType: evidence.mimeType, fileName: evidence.fileName ?? "archivo", size: stored.size });
  return new Response(createReadableStreamFromReadable(stored.stream), { status: 200, headers });
}
