// The systematization report of an event on screen and on paper (the print stylesheet gives each
// practice its own page). Its words come from app/utils/event-report.server.ts, which also feeds the
// PDF, so both say the same.
import { Link } from "@remix-run/react";
import { Markdown } from "~/components/markdown";
import type { ReportDocument } from "~/utils/event-report.server";

export interface ReportFeedbackView {
  authorName: string;
  authorPosition: string;
  /** Rendered by renderMarkdown on the server. */
  keyAspectsHtml: string;
  opportunities: string[];
  recommendations: string[];
}

export interface ReportPracticeView {
  number: number;
  title: string;
  regionName: string;
  igeds: string[];
  /** Absolute, so that it can be read on paper. */
  url: string;
  problemHtml: string;
  strategyHtml: string;
  resultsHtml: string;
  commentatorName: string | null;
  feedback: ReportFeedbackView[];
}

/** The report document as the page shows it: the same words, with the markdown already rendered. */
export type EventReportView = Omit<ReportDocument, "slug" | "practices"> & { practices: ReportPracticeView[] };

const participants = (n: number) => (n === 1 ? "1 participante" : `${n.toLocaleString("es-PE")} participantes`);

export function EventReport({ report, pdfHref, isPublic }: { report: EventReportView; pdfHref: string; isPublic: boolean }) {
  const summaryTitle = report.type === "intercambio" ? "Resumen del intercambio" : "Resumen del evento";
  return (
    <article className="event-report" aria-labelledby="reporte-titulo">
      <p className="event-report__back">
        <Link to={`/eventos/${report.eventId}`}>Volver al evento</Link>
      </p>
      <header className="event-report__cover">
        <p className="event-report__kicker">Comunidad de Práctica de Gestión Educativa · MINEDU · DIFOCA</p>
        <h1 id="reporte-titulo">{report.title}</h1>
        <dl className="event-report__facts">
          <div>
            <dt>Tipo de evento</dt>
            <dd>{report.typeLabel}</dd>
          </div>
          <div>
            <dt>Fechas</dt>
            <dd>{report.dates}</dd>
          </div>
          {report.place ? (
            <div>
              <dt>Lugar</dt>
              <dd>{report.place}</dd>
            </div>
          ) : null}
          <div>
            <dt>Modalidad</dt>
            <dd>{report.modalityLabel}</dd>
          </div>
          {report.hostRegionName ? (
            <div>
              <dt>Región anfitriona</dt>
              <dd>{report.hostRegionName}</dd>
            </div>
          ) : null}
          {report.macroregionName ? (
            <div>
              <dt>Macrorregión</dt>
              <dd>{report.macroregionName}</dd>
            </div>
          ) : null}
        </dl>
        <p className="hint">Reporte generado el {report.generatedOn} a partir de los datos registrados en la plataforma.</p>
      </header>

      {isPublic ? null : (
        <p className="event-report__notice" role="note">
          Este reporte aún no es público: solo DIFOCA lo ve hasta que el evento termine. Lo que se registre hasta entonces
          (asistencia, retroalimentación, testimonios) aparecerá aquí.
        </p>
      )}

      <div className="event-report__actions">
        <a href={pdfHref} className="button button--secondary" download>
          Descargar PDF
        </a>
        <p className="hint">También puedes imprimirlo o guardarlo como PDF desde tu navegador.</p>
      </div>

      <section aria-labelledby="reporte-presentacion">
        <h2 id="reporte-presentacion">Presentación</h2>
        {report.presentation.map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </section>

      <section aria-labelledby="reporte-resumen" className="event-report__summary">
        <h2 id="reporte-resumen">{summaryTitle}</h2>
        <p>
          <strong>{report.participantsLine}</strong>
        </p>

        {report.participantRegions.length > 0 ? (
          <>
            <h3>Participantes por región</h3>
            <ul className="event-report__columns">
              {report.participantRegions.map((region) => (
                <li key={region.name}>
                  {region.name}: {participants(region.count)}
                </li>
              ))}
            </ul>
          </>
        ) : null}

        {report.invitedRegions.length > 0 ? (
          <>
            <h3>Regiones invitadas</h3>
            <p>{report.invitedRegions.join(", ")}.</p>
          </>
        ) : null}

        <h3>IGED presentes</h3>
        {report.igedGroups.length === 0 ? (
          <p>No se registraron IGED entre los asistentes.</p>
        ) : (
          <dl className="event-report__igeds">
            {report.igedGroups.map((group) => (
              <div key={group.label}>
                <dt>
                  {group.label} ({group.names.length})
                </dt>
                <dd>{group.names.join(", ")}</dd>
              </div>
            ))}
          </dl>
        )}

        <h3>Directores presentes</h3>
        {report.directors.length === 0 ? (
          <p>No se registraron directores entre los asistentes.</p>
        ) : (
          <ul>
            {report.directors.map((director, index) => (
              <li key={index}>
                {director.name}, {director.position}
                {director.igedName && !director.position.includes(director.igedName) ? ` (${director.igedName})` : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="reporte-practicas">
        <h2 id="reporte-practicas">Buenas prácticas presentadas</h2>
        {report.practices.length === 0 ? <p>En este evento no se registraron prácticas presentadas.</p> : null}
        {report.practices.map((practice) => (
          <ReportPractice key={practice.number} practice={practice} />
        ))}
      </section>

      <section aria-labelledby="reporte-testimonios" className="event-report__testimonials">
        <h2 id="reporte-testimonios">Testimonios</h2>
        {report.testimonials.length === 0 ? <p>No se registraron testimonios de los participantes.</p> : null}
        {report.testimonials.map((testimonial, index) => (
          <figure key={index} className="event-report__quote">
            <blockquote>
              <p>{testimonial.text}</p>
            </blockquote>
            <figcaption>
              <strong>{testimonial.name}</strong>
              {testimonial.position ? <span>, {testimonial.position}</span> : null}
              {testimonial.igedName ? <span> · {testimonial.igedName}</span> : null}
            </figcaption>
          </figure>
        ))}
      </section>
    </article>
  );
}

function ReportPractice({ practice }: { practice: ReportPracticeView }) {
  const headingId = `practica-${practice.number}`;
  return (
    <section className="event-report__practice" aria-labelledby={headingId}>
      <p className="event-report__region">
        {practice.number}. Región {practice.regionName}
      </p>
      <h3 id={headingId}>
        <span className="visually-hidden">Práctica {practice.number}: </span>
        {practice.title}
      </h3>
      <p className="event-report__igeds-line">
        <span className="visually-hidden">IGED: </span>
        {practice.igeds.join(", ")}
      </p>
      <p className="event-report__link">
        <a href={practice.url}>Conoce más sobre esta buena práctica</a>
      </p>

      <h4>Problema</h4>
      <Markdown html={practice.problemHtml} />
      <h4>Estrategia</h4>
      <Markdown html={practice.strategyHtml} />
      <h4>Resultados</h4>
      <Markdown html={practice.resultsHtml} />

      <h4>Información relevante del experto comentarista</h4>
      {practice.feedback.length === 0 ? (
        <>
          {practice.commentatorName ? <p>Experto comentarista: {practice.commentatorName}.</p> : null}
          <p className="event-report__empty">Sin retroalimentación registrada en el evento.</p>
        </>
      ) : (
        practice.feedback.map((entry, index) => (
          <div key={index} className="event-report__feedback">
            <p>
              <span className="event-report__label">Experto invitado:</span> <strong>{entry.authorName}</strong>
              {entry.authorPosition ? <>, {entry.authorPosition}</> : null}
            </p>
            <h5>Aspecto clave de la práctica</h5>
            <Markdown html={entry.keyAspectsHtml} />
            <h5>Oportunidades de mejora</h5>
            {entry.opportunities.length === 0 ? (
              <p>No se registraron oportunidades de mejora.</p>
            ) : (
              <ul>
                {entry.opportunities.map((text, i) => (
                  <li key={i}>{text}</li>
                ))}
              </ul>
            )}
            <h5>Recomendaciones para la sostenibilidad y réplica</h5>
            {entry.recommendations.length === 0 ? (
              <p>No se registraron recomendaciones.</p>
            ) : (
              <ul>
                {entry.recommendations.map((text, i) => (
                  <li key={i}>{text}</li>
                ))}
              </ul>
            )}
          </div>
        ))
      )}
    </section>
  );
}
