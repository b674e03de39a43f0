// The advisories of a practice on its page. Everyone sees which advisories were held (when, of
// which type, with whom); the topics, the open requests and the commitments are the team's and
// DIFOCA's, like the minutes, which stay on each advisory's own page.
import { Link } from "@remix-run/react";
import { AdvisoryStatusTag } from "~/components/advisory-list";
import type { AdvisoryStatus } from "~/utils/advisory-labels";

export interface PracticeAdvisoryRow {
  id: number;
  when: string;
  dateTime: string | null;
  typeLabel: string;
  advisorName: string | null;
  /** Only for the team and DIFOCA. */
  topic?: string;
  seriesTitle?: string | null;
  status?: AdvisoryStatus;
  statusLabel?: string;
}

export interface PracticeCommitmentRow {
  id: number;
  advisoryId: number;
  description: string;
  responsibleName: string;
  due: string;
  done: boolean;
  overdue: boolean;
}

export interface PracticeAdvisoriesProps {
  slug: string;
  heldCount: number;
  /** The team and DIFOCA see every advisory with its topic and the commitments; others only the held ones. */
  detailed: boolean;
  canRequest: boolean;
  advisories: PracticeAdvisoryRow[];
  commitments: PracticeCommitmentRow[];
}

export function PracticeAdvisories({ slug, heldCount, detailed, canRequest, advisories, commitments }: PracticeAdvisoriesProps) {
  const pending = commitments.filter((c) => !c.done).length;
  return (
    <section aria-labelledby="asesorias" className="practice-advisories">
      <h2 id="asesorias">Asesorías</h2>
      <p>
        {heldCount === 0
          ? "La práctica aún no ha recibido asesorías técnicas."
          : heldCount === 1
            ? "La práctica recibió 1 asesoría técnica."
            : `La práctica recibió ${heldCount} asesorías técnicas.`}
      </p>
      {canRequest ? (
        <p>
          <Link className="button button--secondary" to={`/asesorias/nueva?practica=${encodeURIComponent(slug)}`}>
            Pedir una asesoría
          </Link>
        </p>
      ) : null}
      {detailed && advisories.length > 0 ? (
        <p className="hint">Los temas, las solicitudes en curso y los compromisos solo los ven el equipo y DIFOCA. El acta de cada asesoría está en su página.</p>
      ) : null}
      {advisories.length > 0 ? (
        <ul className="practice-advisories__list">
          {advisories.map((a) => (
            <li key={a.id}>
              {a.dateTime ? <time dateTime={a.dateTime}>{a.when}</time> : <span>{a.when}</span>}
              {" · "}
              {a.typeLabel}
              {a.advisorName ? ` con ${a.advisorName}` : ""}
              {detailed && a.status && a.statusLabel ? (
                <>
                  {" "}
                  <AdvisoryStatusTag status={a.status} label={a.statusLabel} />
                </>
              ) : null}
              {detailed && a.topic ? (
                <div>
                  <Link to={`/asesorias/${a.id}`}>{a.topic}</Link>
                  {a.seriesTitle ? <span className="hint"> · {a.seriesTitle}</span> : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {detailed && commitments.length > 0 ? (
        <>
          <h3>Compromisos</h3>
          <p className="hint">
            {pending === 0 ? "El equipo cumplió todos los compromisos." : pending === 1 ? "Queda 1 compromiso pendiente." : `Quedan ${pending} compromisos pendientes.`} Se
            marcan como cumplidos en la página de cada asesoría.
          </p>
          <ul className="practice-advisories__commitments">
            {commitments.map((c) => (
              <li key={c.id}>
                <Link to={`/asesorias/${c.advisoryId}#compromisos`}>{c.description}</Link>
                <div className="hint">
                  Responsable: {c.responsibleName} · Fecha límite: {c.due}{" "}
                  {c.done ? <span className="tag tag--ok">Cumplido</span> : c.overdue ? <span className="tag tag--overdue">Vencido</span> : null}
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
