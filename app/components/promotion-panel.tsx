// The practice's place on the maturity route, for its page: the current stage, the team's way
// to ask for the next one, the pending request, DIFOCA's last observations, and DIFOCA's tools.
import { Link, useFetcher } from "@remix-run/react";
import { useId } from "react";
import { FieldError } from "~/components/forms";
import { formatDate } from "~/utils/dates";

export type StageValue = "inicial" | "intermedio" | "avanzado";

export interface StageOption {
  value: StageValue;
  label: string;
}

export interface PromotionPanelProps {
  slug: string;
  stage: StageOption;
  /** Null when the practice is already avanzado. */
  nextStage: StageOption | null;
  pending: { id: number; targetStage: StageOption; requestedAt: string; requestedByName: string } | null;
  /** DIFOCA's observations, when the latest decision returned the request. */
  lastReturned: { targetStage: StageOption; decidedAt: string; decidedByName: string | null; note: string } | null;
  /** The team (or DIFOCA) may ask for the next stage: published, not avanzado, nothing pending. */
  canRequest: boolean;
  /** DIFOCA: the queue of requests and the stage change. */
  canDecide: boolean;
  /** The stages below the current one, for DIFOCA's demotion form. */
  lowerStages: StageOption[];
}

export function PromotionPanel({ slug, stage, nextStage, pending, lastReturned, canRequest, canDecide, lowerStages }: PromotionPanelProps) {
  return (
    <aside className="card promotion-panel" aria-labelledby="estadio-titulo">
      <h3 id="estadio-titulo">Cambio de estadio</h3>

      {pending ? (
        <p className="notice">
          Solicitud de paso al estadio {pending.targetStage.label.toLowerCase()} en revisión por DIFOCA desde el{" "}
          <time dateTime={pending.requestedAt}>{formatDate(pending.requestedAt)}</time> (la envió {pending.requestedByName}).
        </p>
      ) : null}

      {lastReturned && !pending ? (
        <div className="notice">
          <p>
            DIFOCA devolvió la solicitud de paso al estadio {lastReturned.targetStage.label.toLowerCase()} el{" "}
            <time dateTime={lastReturned.decidedAt}>{formatDate(lastReturned.decidedAt)}</time>
            {lastReturned.decidedByName ? ` (${lastReturned.decidedByName})` : ""} con estas observaciones:
          </p>
          <blockquote>{lastReturned.note}</blockquote>
        </div>
      ) : null}

      {canRequest && nextStage ? (
        <p>
          <Link to={`/practicas/${slug}/promocion`} className="button">
            Solicitar el paso a {nextStage.label.toLowerCase()}
          </Link>
        </p>
      ) : null}

      {canDecide ? (
        <>
          {pending ? (
            <p>
              <Link to="/admin/promociones">Revisar las solicitudes pendientes</Link>
            </p>
          ) : null}
          {lowerStages.length > 0 ? <DemotionForm slug={slug} lowerStages={lowerStages} /> : null}
        </>
      ) : null}
    </aside>
  );
}

function DemotionForm({ slug, lowerStages }: { slug: string; lowerStages: StageOption[] }) {
  const fetcher = useFetcher<{ errors?: Record<string, string> }>();
  const id = useId();
  const errors = fetcher.data?.errors;
  return (
    <details>
      <summary>Bajar de estadio</summary>
      <fetcher.Form method="post" action={`/practicas/${slug}/estadio`} className="form">
        <input type="hidden" name="intent" value="demote" />
        <div className="field">
          <label htmlFor={`${id}-stage`}>Nuevo estadio</label>
          <select
            id={`${id}-stage`}
            name="toStage"
            required
            defaultValue={lowerStages[lowerStages.length - 1]?.value}
            aria-invalid={errors?.toStage ? true : undefined}
            aria-describedby={errors?.toStage ? `${id}-stage-error` : undefined}
          >
            {lowerStages.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-stage-error`} message={errors?.toStage} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>
            Motivo del cambio de estadio<span className="required" aria-hidden="true"> *</span>
          </label>
          <textarea
            id={`${id}-reason`}
            name="reason"
            rows={3}
            required
            maxLength={2000}
            aria-invalid={errors?.reason ? true : undefined}
            aria-describedby={errors?.reason ? `${id}-reason-error` : undefined}
          />
          <FieldError id={`${id}-reason-error`} message={errors?.reason} />
        </div>
        <FieldError id={`${id}-form-error`} message={errors?.form ?? errors?.intent} />
        <button type="submit" className="button--small button--danger" disabled={fetcher.state !== "idle"}>
          Cambiar el estadio
        </button>
      </fetcher.Form>
    </details>
  );
}
