import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FieldError, FormError } from "~/components/forms";
import { decidePromotion, listPendingPromotions } from "~/models/maturity.server";
import { STAGE_LABELS } from "~/models/practice.server";
import { formatDate } from "~/utils/dates";
import { parseForm } from "~/utils/forms.server";
import { badRequest } from "~/utils/http.server";
import { requirePermission } from "~/utils/permissions.server";
import { DECISION_NOTE_MAX, promotionDecisionSchema } from "~/utils/practice-review-validation.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "practices.review");
  const requests = await listPendingPromotions();
  return json({
    noteMax: DECISION_NOTE_MAX,
    requests: requests.map((r) => ({
      id: r.id,
      practiceTitle: r.practiceTitle,
      practiceSlug: r.practiceSlug,
      regionName: r.regionName,
      stageLabel: STAGE_LABELS[r.practiceStage],
      targetStageLabel: STAGE_LABELS[r.targetStage],
      requestedAt: r.requestedAt,
      requestedByName: r.requestedByName,
      items: r.items,
    })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const decider = await requirePermission(request, "practices.review");
  const formData = await request.formData();
  const requestId = Number(formData.get("requestId")) || null;
  const form = parseForm(promotionDecisionSchema, formData);
  if (!form.success) return badRequest({ requestId, errors: form.errors, values: form.values });

  const approve = form.data.intent === "approve";
  const result = await decidePromotion({ requestId: form.data.requestId, deciderId: decider.id, approve, note: form.data.note });
  if (!result.ok) return badRequest({ requestId, errors: { form: result.error }, values: form.values });
  return redirectWithToast(request, "/admin/promociones", {
    type: "success",
    message: approve
      ? `Se aprobó la solicitud: la práctica pasó al estadio ${STAGE_LABELS[result.targetStage].toLowerCase()}.`
      : "Se devolvió la solicitud al equipo con tus observaciones.",
  });
}

export default function PromotionQueue() {
  const { requests, noteMax } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <section className="container page">
      <p>
        <Link to="/admin">Administración</Link>
      </p>
      <h1>Solicitudes de cambio de estadio</h1>
      <p className="lead">
        Los equipos piden pasar al siguiente estadio de la ruta de fortalecimiento con una nota o una evidencia por criterio.
        Apruébalas o devuélvelas con observaciones para el equipo.
      </p>
      {actionData && actionData.requestId === null ? <FormError message={Object.values(actionData.errors)[0]} /> : null}
      {requests.length === 0 ? <p>No hay solicitudes pendientes.</p> : null}
      {requests.map((r) => {
        const errors: Record<string, string | undefined> | undefined = actionData?.requestId === r.id ? actionData.errors : undefined;
        const values: Record<string, string> | undefined = actionData?.requestId === r.id ? actionData.values : undefined;
        return (
          <article key={r.id} className="card" aria-labelledby={`solicitud-${r.id}`}>
            <h2 id={`solicitud-${r.id}`}>
              <Link to={`/practicas/${r.practiceSlug}`}>{r.practiceTitle}</Link>
            </h2>
            <p className="hint">
              {r.regionName} · de {r.stageLabel.toLowerCase()} a <strong>{r.targetStageLabel.toLowerCase()}</strong> · enviada por{" "}
              {r.requestedByName} el <time dateTime={r.requestedAt}>{formatDate(r.requestedAt)}</time>
            </p>
            <dl>
              {r.items.map((item) => (
                <div key={item.criterionId}>
                  <dt>{item.criterionTitle}</dt>
                  <dd>
                    {item.automatic ? "Cumplido (verificado por la plataforma)." : item.note || "Sin nota."}
                    {item.evidenceId !== null ? (
                      <>
                        {" "}
                        <a href={`/evidencias/${item.evidenceId}`}>Ver evidencia: {item.evidenceTitle ?? "archivo"}</a>
                      </>
                    ) : null}
                  </dd>
                </div>
              ))}
            </dl>
            <FormError message={errors?.form ?? errors?.intent ?? errors?.requestId} />
            <Form method="post" className="form">
              <input type="hidden" name="requestId" value={r.id} />
              <div className="field">
                <label htmlFor={`note-${r.id}`}>Observaciones para el equipo</label>
                <p id={`note-${r.id}-hint`} className="hint">
                  Obligatorias para devolver la solicitud; opcionales para aprobarla.
                </p>
                <textarea
                  id={`note-${r.id}`}
                  name="note"
                  rows={3}
                  maxLength={noteMax}
                  defaultValue={values?.note}
                  aria-invalid={errors?.note ? true : undefined}
                  aria-describedby={errors?.note ? `note-${r.id}-hint note-${r.id}-error` : `note-${r.id}-hint`}
                />
                <FieldError id={`note-${r.id}-error`} message={errors?.note} />
              </div>
              <div className="actions">
                <button type="submit" name="intent" value="approve" disabled={busy}>
                  Aprobar<span className="visually-hidden"> la solicitud de {r.practiceTitle}</span>
                </button>
                <button type="submit" name="intent" value="return" className="button--secondary" disabled={busy}>
                  Devolver con observaciones<span className="visually-hidden"> a {r.practiceTitle}</span>
                </button>
              </div>
            </Form>
          </article>
        );
      })}
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Solicitudes de cambio de estadio | Administración | Comunidad de Práctica de Gestión Educativa" }];
