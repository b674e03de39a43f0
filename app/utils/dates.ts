// Dates are stored as ISO-8601 in UTC and shown in Peru's time zone and Spanish.
export const TIME_ZONE = "America/Lima";
export const LOCALE = "es-PE";

export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}

const dateFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, day: "numeric", month: "long", year: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** "22 de noviembre de 2026" */
export function formatDate(iso: string | Date): string {
  return dateFormat.format(typeof iso === "string" ? new Date(iso) : iso);
}

const monthFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, month: "long", year: "numeric" });

/** "noviembre de 2026" */
export function formatMonthYear(iso: string | Date): string {
  return monthFormat.format(typeof iso === "string" ? new Date(iso) : iso);
}

/** "22 de noviembre de 2026, 05:41 a. m." */
export function formatDateTime(iso: string | Date): string {
  return dateTimeFormat.format(typeof iso === "string" ? new Date(iso) : iso);
}

// Made once: building an Intl formatter costs more than a whole query.
const isoDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in Lima, YYYY-MM-DD. */
export function todayInLima(now: Date = new Date()): string {
  return isoDayFormat.format(now);
}

const relativeFormat = new Intl.RelativeTimeFormat(LOCALE, { numeric: "always" });

/** "hace 3 días", "hace 5 horas", "hace 10 minutos": how long something has been waiting. */
export function formatTimeAgo(iso: string | Date, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 60_000));
  if (minutes < 60) return relativeFormat.format(-Math.max(1, minutes), "minute");
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return relativeFormat.format(-hours, "hour");
  const days = Math.floor(hours / 24);
  if (days < 60) return relativeFormat.format(-days, "day");
  return relativeFormat.format(-Math.floor(days / 30), "month");
}

/**
 * The UTC instants where a Lima year begins and where the next one begins: stored instants of the
 * year are `>= start` and `< end`. Peru keeps UTC−5 without daylight saving time.
 */
export function limaYearBounds(year: number): { start: string; end: string } {
  return { start: `${year}-01-01T05:00:00.000Z`, end: `${year + 1}-01-01T05:00:00.000Z` };
}
