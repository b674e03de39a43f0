// The maturity route of a practice: its stage and the decisions that moved it, oldest first.
import type { PracticeEventType, Stage } from "../../db/schema";

export interface TimelineEvent {
  id: number;
  type: PracticeEventType;
  fromStage: Stage | null;
  toStage: Stage | null;
  note: string;
  date: string;
  actorName: string | null;
}

const STAGE_NAMES: Record<Stage, string> = { inicial: "inicial", intermedio: "intermedio", avanzado: "avanzado" };

function describe(event: TimelineEvent): string {
  switch (event.type) {
    case "created":
      return "Se creó el borrador";
    case "submitted":
      return "El equipo la envió a revisión";
    case "returned":
      return "DIFOCA la devolvió con observaciones";
    case "published":
      return "DIFOCA la publicó en el estadio inicial";
    case "promotion_requested":
      return `El equipo solicitó el paso al estadio ${event.toStage ? STAGE_NAMES[event.toStage] : ""}`.trim();
    case "promoted":
      return `Pasó al estadio ${event.toStage ? STAGE_NAMES[event.toStage] : ""}`.trim();
    case "promotion_returned":
      return "DIFOCA devolvió la solicitud de cambio de estadio";
    case "demoted":
      return `DIFOCA la regresó al estadio ${event.toStage ? STAGE_NAMES[event.toStage] : ""}`.trim();
    case "archived":
      return "Se archivó";
    case "unarchived":
      return "Volvió al catálogo";
  }
}

export function StageTimeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <p>Todavía no hay decisiones registradas.</p>;
  return (
    <ol className="timeline">
      {events.map((event) => (
        <li key={event.id} className={`timeline__item timeline__item--${event.type}`}>
          <p className="timeline__date">{event.date}</p>
          <p className="timeline__what">
            <strong>{describe(event)}</strong>
            {event.actorName ? <span className="hint"> · {event.actorName}</span> : null}
          </p>
          {event.note ? <p className="timeline__note">{event.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
