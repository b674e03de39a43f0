// The one place that writes iCalendar (.ics), through ical-generator. Sessions are written in UTC
// ("Z" times), which every calendar app reads the same way and shows in its own zone; the
// description says the Lima time people agreed on.
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { formatDateTime } from "~/utils/dates";

/** How firm a session is: calendar apps show tentative and cancelled events differently. */
export type CalendarStatus = "confirmed" | "tentative" | "cancelled";

const ICAL_STATUS: Record<CalendarStatus, ICalEventStatus> = {
  confirmed: ICalEventStatus.CONFIRMED,
  tentative: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
};

export interface CalendarEntry {
  /** Stable across changes, e.g. "asesoria-12": calendar apps update the event instead of adding one. */
  uid: string;
  /** Grows with every change of time or status, so apps take the new version. */
  sequence: number;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  url: string;
  /** Confirmed when left out. */
  status?: CalendarStatus;
  /** @deprecated Use `status`; kept for callers written before it. */
  cancelled?: boolean;
  updatedAt: string;
}

export function renderCalendar(input: { name: string; origin: string; entries: CalendarEntry[] }): string {
  const host = new URL(input.origin).hostname;
  const calendar = ical({
    name: input.name,
    prodId: { company: "MINEDU DIFOCA", product: "Comunidad de Práctica de Gestión Educativa", language: "ES" },
    method: ICalCalendarMethod.PUBLISH,
    // Calendar apps poll the feed; once an hour is enough.
    ttl: 3600,
  });
  for (const entry of input.entries) {
    calendar.createEvent({
      id: `${entry.uid}@${host}`,
      sequence: entry.sequence,
      start: new Date(entry.startsAt),
      end: new Date(entry.endsAt),
      stamp: new Date(entry.updatedAt),
      summary: entry.title,
      description: `${entry.description}\n\nHora de Lima: ${formatDateTime(entry.startsAt)}\n${entry.url}`,
      location: entry.location ?? undefined,
      url: entry.url,
      status: ICAL_STATUS[entry.status ?? (entry.cancelled ? "cancelled" : "confirmed")],
    });
  }
  return calendar.toString();
}

/** The response for an .ics file: `download` names it for a one-off download; a feed is shown inline. */
export function calendarResponse(body: string, options: { filename?: string } = {}): Response {
  const headers: Record<string, string> = {
    "Content-Type": "text/calendar; charset=utf-8",
    "Cache-Control": "private, no-store",
  };
  if (options.filename) headers["Content-Disposition"] = `attachment; filename="${options.filename}"`;
  return new Response(body, { headers });
}
