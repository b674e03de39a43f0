// An event as a card in the lists of /eventos: what it is, when and where, and its seats.
import { Link } from "@remix-run/react";
import type { EventCardData } from "~/utils/event-pages.server";

export function EventCard({ event, headingLevel = 3 }: { event: EventCardData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <li className="card event-card">
      <p className="event-card__type">
        <span className={`tag event-type event-type--${event.type}`}>{event.typeLabel}</span>
      </p>
      <Heading className="event-card__title">
        <Link to={`/eventos/${event.id}`}>{event.title}</Link>
      </Heading>
      <p className="event-card__when">
        <time dateTime={event.startsOn}>{event.when}</time>
      </p>
      <dl className="event-card__facts">
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
        <dt>Modalidad</dt>
        <dd>{event.modalityLabel}</dd>
        {event.place ? (
          <>
            <dt>Lugar</dt>
            <dd>{event.place}</dd>
          </>
        ) : null}
        <dt>Cupos</dt>
        <dd>{event.seats}</dd>
      </dl>
      {event.reportHref ? (
        <p className="event-card__report">
          <Link to={event.reportHref}>
            Reporte de sistematización<span className="visually-hidden"> de «{event.title}»</span>
          </Link>
        </p>
      ) : null}
    </li>
  );
}

export function EventCards({ events, empty, labelledBy }: { events: EventCardData[]; empty: string; labelledBy: string }) {
  if (events.length === 0) return <p className="hint">{empty}</p>;
  return (
    <ul className="cards event-cards" aria-labelledby={labelledBy}>
      {events.map((event) => (
        <EventCard key={event.id} event={event} />
      ))}
    </ul>
  );
}
