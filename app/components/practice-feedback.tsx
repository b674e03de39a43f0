// The experts' feedback on a practice page: aspecto clave, oportunidades de mejora (with the
// team's follow-up) and recomendaciones para la sostenibilidad y réplica.
import { Link, useFetcher } from "@remix-run/react";
import { useId } from "react";
import { FieldError } from "~/components/forms";
import { Markdown } from "~/components/markdown";
import { formatDate, formatDateTime } from "~/utils/dates";

export interface OpportunityView {
  id: number;
  text: string;
  addressed: boolean;
  /** ISO timestamp. */
  addressedAt: string | null;
  addressedByName: string | null;
  addressedNote: string | null;
}

export interface FeedbackView {
  id: number;
  authorName: string;
  authorPosition: string;
  /** YYYY-MM-DD */
  givenOn: string;
  /** Rendered by renderMarkdown on the server. */
  keyAspectsHtml: string;
  opportunities: OpportunityView[];
  recommendations: { id: number; text: string }[];
}

export interface PracticeFeedbackProps {
  slug: string;
  feedback: FeedbackView[];
  /** The practice's team and DIFOCA follow up the opportunities of improvement. */
  canMarkAddressed: boolean;
  /** Where an expert or DIFOCA leaves new feedback; null when this person may not. */
  giveFeedbackHref?: string | null;
}

/** A calendar day (YYYY-MM-DD) shown as such, whatever the time zone. */
function formatDay(day: string): string {
  return formatDate(`${day}T12:00:00Z`);
}

export function PracticeFeedback({ slug, feedback, canMarkAddressed, giveFeedbackHref }: PracticeFeedbackProps) {
  return (
    <section id="retroalimentacion" aria-labelledby="retroalimentacion-titulo" className="practice-feedback">
      <h2 id="retroalimentacion-titulo">Retroalimentación de expertos</h2>
      {feedback.length === 0 ? <p>Esta práctica todavía no recibe retroalimentación de expertos.</p> : null}
      {giveFeedbackHref ? (
        <p>
          <Link to={giveFeedbackHref} className="button button--secondary">
            Dar retroalimentación
          </Link>
        </p>
      ) : null}
      {feedback.map((entry) => (
        <article key={entry.id} className="card feedback">
          <header>
            <h3>
              {entry.authorName}
              {entry.authorPosition ? <span className="hint"> · {entry.authorPosition}</span> : null}
            </h3>
            <p className="hint">
              Retroalimentación del <time dateTime={entry.givenOn}>{formatDay(entry.givenOn)}</time>
            </p>
          </header>

          <h4>Aspecto clave de la práctica</h4>
          <Markdown html={entry.keyAspectsHtml} />

          <h4>Oportunidades de mejora</h4>
          <ul className="feedback__opportunities">
            {entry.opportunities.map((opportunity) => (
              <li key={opportunity.id}>
                <p>
                  {opportunity.text}{" "}
                  {opportunity.addressed ? <span className="tag tag--ok">Atendida</span> : <span className="tag">Pendiente</span>}
                </p>
                {opportunity.addressed ? (
                  <p className="hint">
                    {opportunity.addressedNote}
                    {opportunity.addressedAt ? (
                      <>
                        {" "}
                        ({opportunity.addressedByName ? `${opportunity.addressedByName}, ` : ""}
                        <time dateTime={opportunity.addressedAt}>{formatDateTime(opportunity.addressedAt)}</time>)
                      </>
                    ) : null}
                  </p>
                ) : null}
                {canMarkAddressed ? <OpportunityForm slug={slug} opportunity={opportunity} /> : null}
              </li>
            ))}
          </ul>

          <h4>Recomendaciones para la sostenibilidad y réplica</h4>
          <ul>
            {entry.recommendations.map((recommendation) => (
              <li key={recommendation.id}>{recommendation.text}</li>
            ))}
          </ul>
        </article>
      ))}
    </section>
  );
}

function OpportunityForm({ slug, opportunity }: { slug: string; opportunity: OpportunityView }) {
  const fetcher = useFetcher<{ errors?: Record<string, string> }>();
  const id = useId();
  const errors = fetcher.data?.errors;
  const action = `/practicas/${slug}/oportunidades/${opportunity.id}`;
  if (opportunity.addressed) {
    return (
      <fetcher.Form method="post" action={action} className="inline-form">
        <input type="hidden" name="addressed" value="0" />
        <button type="submit" className="button--small button--secondary" disabled={fetcher.state !== "idle"}>
          Reabrir<span className="visually-hidden"> la oportunidad de mejora</span>
        </button>
        <FieldError id={`${id}-form-error`} message={errors?.form ?? errors?.addressed} />
      </fetcher.Form>
    );
  }
  return (
    <details>
      <summary>Marcar como atendida</summary>
      <fetcher.Form method="post" action={action} className="form">
        <input type="hidden" name="addressed" value="1" />
        <div className="field">
          <label htmlFor={`${id}-note`}>¿Qué hizo el equipo para atender esta oportunidad?</label>
          <textarea
            id={`${id}-note`}
            name="note"
            rows={3}
            required
            maxLength={1000}
            aria-invalid={errors?.note ? true : undefined}
            aria-describedby={errors?.note ? `${id}-note-error` : undefined}
          />
          <FieldError id={`${id}-note-error`} message={errors?.note} />
        </div>
        <FieldError id={`${id}-form-error`} message={errors?.form ?? errors?.addressed} />
        <button type="submit" className="button--small" disabled={fetcher.state !== "idle"}>
          Guardar como atendida
        </button>
      </fetcher.Form>
    </details>
  );
}
