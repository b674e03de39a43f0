// /eventos/:id: one event for everyone to read; members register, type the day's code and leave a
// testimonial; DIFOCA reaches the attendance, the report and the editor from here.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EventRegistration } from "~/components/event-registration";
import { EventTestimonials } from "~/components/event-testimonials";
import { Markdown } from "~/components/markdown";
import { handleEventAction, loadEventPage, type EventActionData } from "~/utils/event-pages.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadEventPage(request, params);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleEventAction(request, params);
}

export default function EventPage() {
  const { event, meeting, phase, viewer, testimonials, icsPath, report } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as EventActionData | undefined;
  return (
    <article className="container page event">
      <p>
        <Link to="/eventos">Eventos</Link>
      </p>
      <header className="event__header">
        <p>
          <span className={`tag event-type event-type--${event.type}`}>{event.typeLabel}</span>
          {phase.finished ? <span className="tag">Finalizado</span> : phase.during ? <span className="tag tag--ok">En curso</span> : null}
        </p>
        <h1>{event.title}</h1>
        <p className="event__when">
          <time dateTime={event.startsOn}>{event.when}</time>
          {event.hours ? ` · ${event.hours}` : ""}
        </p>
      </header>

      {viewer.isManager ? (
        <nav className="row-actions event__manage" aria-label="Gestión del evento">
          <Link to={`/eventos/${event.id}/editar`} className="button button--secondary button--small">
            Editar
          </Link>
          <Link to={`/eventos/${event.id}/asistencia`} className="button button--secondary button--small">
            Asistencia
          </Link>
          <Link to={`/eventos/${event.id}/reporte`} className="button button--secondary button--small">
            Reporte de sistematización
          </Link>
        </nav>
      ) : null}

      <p className="lead event__summary">{event.summary}</p>

      <dl className="facts">
        <dt>Fecha</dt>
        <dd>{event.when}</dd>
        {event.hours ? (
          <>
            <dt>Horario</dt>
            <dd>{event.hours} (hora de Lima)</dd>
          </>
        ) : null}
        <dt>Modalidad</dt>
        <dd>{event.modalityLabel}</dd>
        {event.place ? (
          <>
            <dt>Lugar</dt>
            <dd>{event.place}</dd>
          </>
        ) : null}
        {meeting.online ? (
          <>
            <dt>Enlace</dt>
            <dd>
              {meeting.url ? (
                <a href={meeting.url} rel="noopener noreferrer" target="_blank">
                  {meeting.url}
                </a>
              ) : (
                "El enlace se comparte con las personas inscritas."
              )}
            </dd>
          </>
        ) : null}
        {event.macroregionName ? (
          <>
            <dt>Macrorregión</dt>
            <dd>{event.macroregionName}</dd>
          </>
        ) : null}
        {event.hostRegionName ? (
          <>
            <dt>Región anfitriona</dt>
            <dd>{event.hostRegionName}</dd>
          </>
        ) : null}
        {event.invitedRegions.length > 0 ? (
          <>
            <dt>Regiones invitadas</dt>
            <dd>{event.invitedRegions.join(", ")}</dd>
          </>
        ) : null}
        <dt>Cupos</dt>
        <dd>
          {event.seats}
          {event.waiting > 0 ? ` · ${event.waiting === 1 ? "1 persona" : `${event.waiting} personas`} en lista de espera` : ""}
        </dd>
      </dl>

      <section aria-labelledby="inscripcion" className="panel">
        <h2 id="inscripcion">Inscripción</h2>
        <EventRegistration viewer={viewer} phase={phase} full={event.full} actionData={actionData} />
        <p>
          <a href={icsPath} download>
            Descargar .ics
          </a>{" "}
          <span className="hint">para agregar el evento a tu calendario.</span>
        </p>
      </section>

      {event.agendaHtml ? (
        <section aria-labelledby="agenda">
          <h2 id="agenda">Agenda</h2>
          <Markdown html={event.agendaHtml} />
        </section>
      ) : null}

      {event.practices.length > 0 ? (
        <section aria-labelledby="practicas">
          <h2 id="practicas">Prácticas presentadas</h2>
          <ol className="event-practices">
            {event.practices.map((p) => (
              <li key={p.slug}>
                <Link to={`/practicas/${p.slug}`}>{p.title}</Link>
                <p className="hint">
                  {p.regionName} · {p.leadIgedName}
                  {p.commentatorName ? ` · Comenta: ${p.commentatorName}` : ""}
                </p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {report ? (
        <section aria-labelledby="reporte" className="panel">
          <h2 id="reporte">Reporte de sistematización</h2>
          <p>Las prácticas presentadas, la retroalimentación de los expertos, quiénes participaron y sus testimonios.</p>
          <p className="row-actions">
            <Link to={report.href}>Leer el reporte</Link>
            <a href={report.pdfHref} download>
              Descargar el reporte en PDF
            </a>
          </p>
        </section>
      ) : null}

      {phase.started || testimonials.length > 0 ? <EventTestimonials testimonials={testimonials} viewer={viewer} actionData={actionData} /> : null}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.event.title} | Eventos | Comunidad de Práctica de Gestión Educativa` : "Evento no encontrado" },
];
