// What an advisory's page shows: the session, its record (attendance, minutes, commitments) and
// its history. The forms that change it are in advisory-forms.tsx.
import { Form, Link } from "@remix-run/react";
import { FormError } from "~/components/forms";
import { Markdown } from "~/components/markdown";
import type { AdvisoryActionData, AdvisoryPageData } from "~/utils/advisory-page.server";

export function AdvisoryFacts({ advisory, icsPath }: Pick<AdvisoryPageData, "advisory" | "icsPath">) {
  return (
    <>
      <dl className="facts">
        <dt>Fecha y hora</dt>
        <dd>{advisory.when ? `${advisory.when}, hora de Lima` : "Por programar"}</dd>
        <dt>Modalidad</dt>
        <dd>{advisory.modalityLabel}</dd>
        {advisory.meetingUrl ? (
          <>
            <dt>Enlace de la reunión</dt>
            <dd>
              <a href={advisory.meetingUrl} rel="noopener noreferrer" className="advisory-link">
                {advisory.meetingUrl}
              </a>
            </dd>
          </>
        ) : null}
        {advisory.place ? (
          <>
            <dt>Lugar</dt>
            <dd>{advisory.place}</dd>
          </>
        ) : null}
        <dt>Práctica</dt>
        <dd>
          <Link to={`/practicas/${advisory.practice.slug}`}>{advisory.practice.title}</Link>
        </dd>
        <dt>Asesor</dt>
        <dd>{advisory.advisor ? <Link to={`/perfil/${advisory.advisor.id}`}>{advisory.advisor.name}</Link> : "Por asignar: DIFOCA asignará un asesor."}</dd>
        <dt>La pidió</dt>
        <dd>
          <Link to={`/perfil/${advisory.requestedBy.id}`}>{advisory.requestedBy.name}</Link>, el {advisory.requestedAt}
        </dd>
        <dt>Equipo de la práctica</dt>
        <dd>{advisory.team.length > 0 ? advisory.team.map((m) => m.name).join(", ") : "Sin miembros activos"}</dd>
        {advisory.seriesTitle ? (
          <>
            <dt>Forma parte de</dt>
            <dd>{advisory.seriesTitle}</dd>
          </>
        ) : null}
      </dl>
      {icsPath ? (
        <p>
          <a href={icsPath} download className="button button--secondary button--small">
            Descargar .ics
          </a>{" "}
          <span className="hint">Para agregar esta sesión a tu calendario.</span>
        </p>
      ) : null}
    </>
  );
}

export function AdvisoryMinutes({ minutes, attendees }: Pick<AdvisoryPageData, "minutes" | "attendees">) {
  if (!minutes) return null;
  const present = attendees.filter((a) => a.attended);
  const absent = attendees.filter((a) => !a.attended);
  return (
    <section aria-labelledby="acta">
      <h2 id="acta">Acta</h2>
      <p className="hint">
        Registrada por {minutes.recordedByName} el {minutes.recordedAt}.
      </p>
      <h3>Asistencia</h3>
      <p>
        {present.length > 0 ? `Asistieron: ${present.map((a) => a.name).join(", ")}.` : "No se registró asistencia del equipo."}
        {absent.length > 0 ? ` No asistieron: ${absent.map((a) => a.name).join(", ")}.` : ""}
      </p>
      <h3>Resumen</h3>
      <Markdown html={minutes.summaryHtml} />
      {minutes.agreementsHtml.trim() !== "" ? (
        <>
          <h3>Acuerdos</h3>
          <Markdown html={minutes.agreementsHtml} />
        </>
      ) : null}
    </section>
  );
}

export function AdvisoryCommitments({ commitments, failed }: { commitments: AdvisoryPageData["commitments"]; failed?: AdvisoryActionData }) {
  if (commitments.length === 0) return null;
  return (
    <section aria-labelledby="compromisos">
      <h2 id="compromisos">Compromisos</h2>
      <FormError message={failed?.errors.form} />
      <ul className="advisory-commitments">
        {commitments.map((c) => (
          <li key={c.id} className={c.done ? "advisory-commitment advisory-commitment--done" : "advisory-commitment"}>
            <p className="advisory-commitment__text">{c.description}</p>
            <p className="advisory-commitment__meta">
              Responsable: {c.responsibleName} · Fecha límite: {c.due}{" "}
              {c.done ? <span className="tag tag--ok">Cumplido</span> : c.overdue ? <span className="tag tag--overdue">Vencido</span> : null}
            </p>
            {c.canToggle ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value={c.done ? "commitment-undone" : "commitment-done"} />
                <input type="hidden" name="commitmentId" value={c.id} />
                <button type="submit" className="button--secondary button--small">
                  {c.done ? "Marcar como pendiente" : "Marcar como cumplido"}
                  <span className="visually-hidden">: {c.description}</span>
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function AdvisoryHistory({ history }: Pick<AdvisoryPageData, "history">) {
  return (
    <section aria-labelledby="historial">
      <h2 id="historial">Historial</h2>
      <ol className="timeline">
        {history.map((event, index) => (
          <li key={index} className="timeline__item">
            <p>
              <strong>{event.actorName ?? "Alguien"}</strong>: {event.label.charAt(0).toLowerCase() + event.label.slice(1)}
              {event.time ? ` (${event.time})` : ""}.
            </p>
            <p className="timeline__date">{event.date}</p>
            {event.note ? <p className="timeline__note">{event.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
