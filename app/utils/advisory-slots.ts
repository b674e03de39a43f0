// When an advisor can be booked: their weekly hours and one-off dates, cut into sessions, minus
// days off, the past, and what is already booked. Availability is wall-clock time in the
// advisor's zone (America/Lima); slots are UTC instants, so nothing depends on the server's zone.
import { DateTime } from "luxon";

export const DEFAULT_TIME_ZONE = "America/Lima";
/** A session shorter or longer than this is a typing mistake, not an advisory. */
export const MIN_SESSION_MINUTES = 15;
export const MAX_SESSION_MINUTES = 240;
/** Members book at least this long ahead, so the advisor can prepare. */
export const BOOKING_LEAD_HOURS = 12;
/** How far ahead the slot picker looks. */
export const BOOKING_HORIZON_DAYS = 42;

export interface AvailabilityRule {
  kind: "weekly" | "date";
  /** 1 = Monday … 7 = Sunday. */
  weekday: number | null;
  date: string | null;
  startTime: string;
  endTime: string;
  sessionMinutes: number;
  timeZone: string;
}

export interface Interval {
  startsAt: string;
  endsAt: string;
}

export interface Slot extends Interval {
  /** Local date and time in the rule's zone, e.g. "2026-12-01" and "09:30". */
  date: string;
  time: string;
  minutes: number;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isTimeOfDay(value: string): boolean {
  return TIME.test(value);
}

export function isCalendarDate(value: string): boolean {
  return DATE.test(value) && DateTime.fromISO(value, { zone: DEFAULT_TIME_ZONE }).isValid;
}

export function minutesOfDay(time: string): number {
  const m = TIME.exec(time);
  if (!m) throw new Error(`Invalid time of day: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function isValidSessionLength(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes >= MIN_SESSION_MINUTES && minutes <= MAX_SESSION_MINUTES;
}

/** The UTC instant of a wall-clock date and time in a zone; null when it does not exist. */
export function localToUtc(date: string, time: string, zone = DEFAULT_TIME_ZONE): string | null {
  if (!DATE.test(date) || !TIME.test(time)) return null;
  const local = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!local.isValid) return null;
  // A time skipped by a daylight-saving jump comes back shifted; refuse it rather than guess.
  if (local.toFormat("yyyy-MM-dd'T'HH:mm") !== `${date}T${time}`) return null;
  return local.toUTC().toISO({ suppressMilliseconds: false })!;
}

/** The wall-clock date and time of an instant in a zone. */
export function utcToLocal(iso: string, zone = DEFAULT_TIME_ZONE): { date: string; time: string; weekday: number } {
  const local = DateTime.fromISO(iso, { zone: "utc" }).setZone(zone);
  return { date: local.toFormat("yyyy-MM-dd"), time: local.toFormat("HH:mm"), weekday: local.weekday };
}

export function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

/** Half-open intervals: a session ending at 10:00 does not overlap one starting at 10:00. */
export function overlaps(a: Interval, b: Interval): boolean {
  return Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);
}

function appliesOn(rule: AvailabilityRule, date: string, weekday: number): boolean {
  return rule.kind === "date" ? rule.date === date : rule.weekday === weekday;
}

/** The sessions one rule offers on one local date. */
function slotsOfRule(rule: AvailabilityRule, date: string): Slot[] {
  const start = minutesOfDay(rule.startTime);
  const end = minutesOfDay(rule.endTime);
  const slots: Slot[] = [];
  if (!isValidSessionLength(rule.sessionMinutes)) return slots;
  for (let m = start; m + rule.sessionMinutes <= end; m += rule.sessionMinutes) {
    const time = `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
    const startsAt = localToUtc(date, time, rule.timeZone);
    if (!startsAt) continue;
    slots.push({ startsAt, endsAt: addMinutes(startsAt, rule.sessionMinutes), date, time, minutes: rule.sessionMinutes });
  }
  return slots;
}

/**
 * The free slots of an advisor from `from` (a local date) for `days` days: sessions of their rules,
 * not on a day off, starting at least the lead time after `now`, not overlapping a booked session.
 */
export function computeSlots(input: {
  rules: AvailabilityRule[];
  daysOff: string[];
  busy: Interval[];
  from: string;
  days: number;
  now: Date;
  leadHours?: number;
  zone?: string;
}): Slot[] {
  const zone = input.zone ?? DEFAULT_TIME_ZONE;
  const earliest = input.now.getTime() + (input.leadHours ?? BOOKING_LEAD_HOURS) * 3600_000;
  const daysOff = new Set(input.daysOff);
  const first = DateTime.fromISO(input.from, { zone });
  if (!first.isValid) return [];
  const found = new Map<string, Slot>();
  for (let i = 0; i < input.days; i++) {
    const day = first.plus({ days: i });
    const date = day.toFormat("yyyy-MM-dd");
    if (daysOff.has(date)) continue;
    for (const rule of input.rules) {
      if (!appliesOn(rule, date, day.weekday)) continue;
      for (const slot of slotsOfRule(rule, date)) {
        if (Date.parse(slot.startsAt) < earliest) continue;
        if (input.busy.some((b) => overlaps(slot, b))) continue;
        if (!found.has(slot.startsAt)) found.set(slot.startsAt, slot);
      }
    }
  }
  return [...found.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** Whether a session from `startsAt` of `minutes` is one of the advisor's published slots (ignoring bookings and the lead time). */
export function isWithinAvailability(input: { rules: AvailabilityRule[]; daysOff: string[]; startsAt: string; minutes: number; zone?: string }): boolean {
  const zone = input.zone ?? DEFAULT_TIME_ZONE;
  const { date, weekday } = utcToLocal(input.startsAt, zone);
  if (input.daysOff.includes(date)) return false;
  return input.rules.some(
    (rule) => appliesOn(rule, date, weekday) && slotsOfRule(rule, date).some((s) => s.startsAt === new Date(input.startsAt).toISOString() && s.minutes === input.minutes),
  );
}
