import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FieldError, FormError } from "~/components/forms";
import { listEvidence } from "~/models/evidence.server";
import { criteriaStatus, getPendingPromotion, listPromotionHistory, requestPromotion } from "~/models/maturity.server";
import { practiceAccess } from "~/models/practice-access.server";
import { getPracticeCoreBySlug, STAGE_LABELS } from "~/models/practice.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { parseForm } from "~/utils/forms.server";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { PROMOTION_NOTE_MAX, promotionRequestSchema } from "~/utils/practice-review-validation.server";
import { redirectWithToast } from "~/utils/toast.server";

async function requireTeam(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const practice = slug ? await getPracticeCoreBySlug(slug) : undefined;
  if (!practice) throw notFound("Esa práctica no existe.");
  const access = await practiceAccess(user, practice);
  if (!access.canView) throw notFound("Esa práctica no existe.");
  if (!access.canEdit) throw forbidden("Solo el equipo de la práctica puede solicitar el cambio de estadio.");
  return { user, practice };
}

/** Why a request cannot be sent now, if it cannot. */
function blockedReason(status: { status: string; nextStage: string | null; automaticMet: boolean }, hasPending: boolean): string | null {
  if (status.status !== "publicada") return "Solo una práctica publicada puede solicitar el cambio de estadio.";
  if (!status.nextStage) return "La práctica ya está en el estadio avanzado, el último de la ruta de fortalecimiento.";
  if (hasPending) return "Ya enviaste una solicitud. DIFOCA la está revisando.";
  if (!status.automaticMet) {
    return "Todavía no puedes enviar la solicitud: la plataforma aún no verifica todos los criterios automáticos (marcados como «No cumplido»).";
  }
  return null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { practice } = await requireTeam(request, params.slug);
  const [status, pending, history, evidence] = await Promise.all([
    criteriaStatus(practice.id),
    getPendingPromotion(practice.id),
    listPromotionHistory(practice.id),
    listEvidence(practice.id),
  ]);
  if (!status) throw notFound("Esa práctica no existe.");
  return json({
    practice: { slug: practice.slug, title: practice.title, stageLabel: STAGE_LABELS[practice.stage] },
    noteMax: PROMOTION_NOTE_MAX,
    nextStageLabel: status.nextStage ? STAGE_LABELS[status.nextStage] : null,
    criteria: status.criteria,
    blocked: blockedReason(status, pending !== null),
    evidence: evidence.map((e) => ({ id: e.id, title: e.title, kind: e.kind })),
    pending: pending
      ? {
          targetStageLabel: STAGE_LABELS[pending.targetStage],
          requestedAt: pending.requestedAt,
          requestedByName: pending.requestedByName,
          items: pending.items,
        }
      : null,
    history: history.map((h) => ({
      id: h.id,
      targetStageLabel: STAGE_LABELS[h.targetStage],
      status: h.status,
      requestedAt: h.requestedAt,
      decidedAt: h.decidedAt,
      decidedByName: h.decidedByName,
      decisionNote: h.decisionNote,
    })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, practice } = await requireTeam(request, params.slug);
  const formData = await request.formData();
  const [status, pending, evidence] = await Promise.all([criteriaStatus(practice.id), getPendingPromotion(practice.id), listEvidence(practice.id)]);
  if (!status) throw notFound("Esa práctica no existe.");
  const schema = promotionRequestSchema(
    status.criteria,
    evidence.map((e) => e.id),
  );
  const form = parseForm(schema, formData);
  const blocked = blockedReason(status, pending !== null);
  if (!form.success || blocked) {
    return badRequest({ errors: { ...(form.success ? {} : form.errors), ...(blocked ? { form: blocked } : {}) }, values: form.values });
  }
  const result = await requestPromotion({ practiceId: practice.id, requestedBy: user.id, items: form.data });
  if (!result.ok) return badRequest({ errors: { ...result.fieldErrors, form: result.error }, values: form.values });
  return redirectWithToast(request, `/practicas/${practice.slug}`, {
    type: "success",
    message: `Se envió tu solicitud de paso al estadio ${STAGE_LABELS[status.nextStage ?? "intermedio"].toLowerCase()}. DIFOCA la revisará.`,
  });
}

const DECISION_LABELS = { aprobada: "Aprobada", devuelta: "Devuelta con observaciones" } as const;

export default function RequestPromotion() {
  const { practice, nextStageLabel, criteria, blocked, evidence, pending, history, noteMax } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: Record<string, string | undefined> | undefined = actionData?.errors;
  const values: Record<string, string> | undefined = actionData?.values;
  const busy = navigation.state === "submitting";
  const canSend = blocked === null;
  // A step whose criteria the platform checks by itself (e.g. to intermedio) has nothing to fill in.
  const hasManual = criteria.some((c) => !c.automatic);
  return (
    <section className="container page">
      <p>
        <Link to={`/practicas/${practice.slug}`}>{practice.title}</Link>
      </p>
      <h1>{nextStageLabel ? `Solicitar el paso al estadio ${nextStageLabel.toLowerCase()}` : "Ruta de fortalecimiento"}</h1>
      <p className="lead">
        Estadio actual: <strong>{practice.stageLabel}</strong>.{" "}
        {nextStageLabel
          ? hasManual
            ? "Para cada criterio, explica cómo lo cumple la práctica o elige una evidencia que lo muestre. DIFOCA revisará la solicitud."
            : "La plataforma verifica por sí misma los criterios de este paso. Cuando todos se cumplan, envía la solicitud y DIFOCA la revisará."
          : null}
      </p>

      {pending ? (
        <div className="notice">
          <h2>Solicitud en revisión</h2>
          <p>
            Paso al estadio {pending.targetStageLabel.toLowerCase()}, enviada por {pending.requestedByName} el{" "}
            <time dateTime={pending.requestedAt}>{formatDate(pending.requestedAt)}</time>.
          </p>
          <ul>
            {pending.items.map((item) => (
              <li key={item.criterionId}>
                <strong>{item.criterionTitle}</strong>
                {item.automatic ? " (verificado por la plataforma)" : null}
                {item.note ? `: ${item.note}` : null}
                {item.evidenceId !== null ? (
                  <>
                    {" "}
                    · <a href={`/evidencias/${item.evidenceId}`}>{item.evidenceTitle ?? "Evidencia"}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {nextStageLabel && !pending ? (
        <Form method="post" className="form" noValidate>
          <FormError message={errors?.form} />
          {blocked && !errors?.form ? <p className="notice">{blocked}</p> : null}
          {hasManual ? (
            <p>
              ¿Falta subir un documento? Agrégalo en las <Link to={`/practicas/${practice.slug}/evidencias`}>evidencias de la práctica</Link> y
              vuelve a esta página para elegirlo.
            </p>
          ) : null}
          {criteria.map((criterion) => (
            <fieldset key={criterion.id} className="field">
              <legend>{criterion.title}</legend>
              {criterion.description ? <p className="hint">{criterion.description}</p> : null}
              {criterion.automatic ? (
                <p>
                  {criterion.met ? <span className="tag tag--ok">Cumplido</span> : <span className="tag">No cumplido</span>}{" "}
                  <span className="hint">La plataforma lo verifica por sí misma.</span>
                </p>
              ) : (
                <>
                  <label htmlFor={`note-${criterion.id}`}>Cómo lo cumple la práctica</label>
                  <textarea
                    id={`note-${criterion.id}`}
                    name={`note-${criterion.id}`}
                    rows={3}
                    maxLength={noteMax}
                    defaultValue={values?.[`note-${criterion.id}`]}
                    aria-invalid={errors?.[`note-${criterion.id}`] ? true : undefined}
                    aria-describedby={errors?.[`note-${criterion.id}`] ? `note-${criterion.id}-error` : undefined}
                  />
                  <FieldError id={`note-${criterion.id}-error`} message={errors?.[`note-${criterion.id}`]} />
                  <label htmlFor={`evidence-${criterion.id}`}>Evidencia (opcional)</label>
                  <select
                    id={`evidence-${criterion.id}`}
                    name={`evidence-${criterion.id}`}
                    defaultValue={values?.[`evidence-${criterion.id}`] ?? ""}
                    aria-invalid={errors?.[`evidence-${criterion.id}`] ? true : undefined}
                    aria-describedby={errors?.[`evidence-${criterion.id}`] ? `evidence-${criterion.id}-error` : undefined}
                  >
                    <option value="">Sin evidencia</option>
                    {evidence.map((e) => (
                      <option key={e.id} value={e.id}>
                        {e.title} ({e.kind === "archivo" ? "archivo" : "enlace"})
                      </option>
                    ))}
                  </select>
                  <FieldError id={`evidence-${criterion.id}-error`} message={errors?.[`evidence-${criterion.id}`]} />
                </>
              )}
            </fieldset>
          ))}
          {canSend ? (
            <button type="submit" disabled={busy}>
              {busy ? "Enviando…" : "Enviar la solicitud a DIFOCA"}
            </button>
          ) : null}
        </Form>
      ) : null}

      {!nextStageLabel && blocked ? <p className="notice">{blocked}</p> : null}

      <h2>Decisiones anteriores</h2>
      {history.length === 0 ? (
        <p>Todavía no hay decisiones sobre solicitudes de esta práctica.</p>
      ) : (
        <ul>
          {history.map((h) => (
            <li key={h.id}>
              <strong>
                Paso al estadio {h.targetStageLabel.toLowerCase()}: {DECISION_LABELS[h.status]}
              </strong>{" "}
              el <time dateTime={h.decidedAt}>{formatDate(h.decidedAt)}</time>
              {h.decidedByName ? ` (${h.decidedByName})` : null}
              {h.decisionNote ? <blockquote>{h.decisionNote}</blockquote> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Cambio de estadio | ${data.practice.title} | Comunidad de Práctica de Gestión Educativa` : "Cambio de estadio" },
];
