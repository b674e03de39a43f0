import { describe, expect, test } from "vitest";
import { computeSlots, isWithinAvailability, localToUtc, overlaps, utcToLocal, type AvailabilityRule } from "~/utils/advisory-slots";

const tuesdayMornings: AvailabilityRule = { kind: "weekly", weekday: 2, date: null, startTime: "09:00", endTime: "11:00", sessionMinutes: 45, timeZone: "America/Lima" };
// 2026-12-01 is a Tuesday.
const mondayBefore = new Date("2026-11-30T12:00:00.000Z");

describe("time zones", () => {
  test("Lima wall-clock time is UTC−5 all year, and back", () => {
    expect(localToUtc("2026-12-01", "09:00")).toBe("2026-12-01T14:00:00.000Z");
    expect(localToUtc("2026-07-01", "23:30")).toBe("2026-07-02T04:30:00.000Z");
    expect(utcToLocal("2026-12-02T03:00:00.000Z")).toEqual({ date: "2026-12-01", time: "22:00", weekday: 2 });
  });

  test("a time skipped by a daylight-saving jump elsewhere is refused, not guessed", () => {
    expect(localToUtc("2026-03-08", "02:30", "America/New_York")).toBeNull();
    expect(localToUtc("2026-02-30", "10:00")).toBeNull();
    expect(localToUtc("2026-12-01", "24:00")).toBeNull();
  });
});

describe("overlaps", () => {
  const at = (start: string, end: string) => ({ startsAt: `2026-12-01T${start}:00.000Z`, endsAt: `2026-12-01T${end}:00.000Z` });
  test("touching sessions do not overlap; any shared minute does", () => {
    expect(overlaps(at("14:00", "15:00"), at("15:00", "16:00"))).toBe(false);
    expect(overlaps(at("14:00", "15:00"), at("14:59", "16:00"))).toBe(true);
    expect(overlaps(at("14:00", "16:00"), at("14:30", "15:00"))).toBe(true);
  });
});

describe("slots", () => {
  test("weekly hours are cut into whole sessions in Lima time", () => {
    const slots = computeSlots({ rules: [tuesdayMornings], daysOff: [], busy: [], from: "2026-11-30", days: 7, now: mondayBefore });
    expect(slots.map((s) => [s.date, s.time, s.startsAt])).toEqual([
      ["2026-12-01", "09:00", "2026-12-01T14:00:00.000Z"],
      ["2026-12-01", "09:45", "2026-12-01T14:45:00.000Z"],
    ]);
    expect(slots[0]?.endsAt).toBe("2026-12-01T14:45:00.000Z");
  });

  test("days off, booked sessions and slots too soon are left out", () => {
    const oneOff: AvailabilityRule = { kind: "date", weekday: null, date: "2026-12-03", startTime: "15:00", endTime: "16:00", sessionMinutes: 60, timeZone: "America/Lima" };
    const rules = [tuesdayMornings, oneOff];
    const all = computeSlots({ rules, daysOff: [], busy: [], from: "2026-11-30", days: 14, now: mondayBefore });
    expect(all.map((s) => `${s.date} ${s.time}`)).toEqual(["2026-12-01 09:00", "2026-12-01 09:45", "2026-12-03 15:00", "2026-12-08 09:00", "2026-12-08 09:45"]);

    const fewer = computeSlots({
      rules,
      daysOff: ["2026-12-08"],
      busy: [{ startsAt: "2026-12-01T14:30:00.000Z", endsAt: "2026-12-01T15:00:00.000Z" }],
      from: "2026-11-30",
      days: 14,
      now: mondayBefore,
    });
    // The booking overlaps both Tuesday sessions of the 1st; the 8th is a day off.
    expect(fewer.map((s) => `${s.date} ${s.time}`)).toEqual(["2026-12-03 15:00"]);

    const late = computeSlots({ rules, daysOff: [], busy: [], from: "2026-11-30", days: 7, now: new Date("2026-12-01T05:00:00.000Z") });
    // Midnight in Lima on the 1st: with 12 hours of lead, nothing before 17:00Z (12:00 in Lima) that day.
    expect(late.map((s) => `${s.date} ${s.time}`)).toEqual(["2026-12-03 15:00"]);
  });

  test("a proposed session must match a published slot exactly", () => {
    const rules = [tuesdayMornings];
    expect(isWithinAvailability({ rules, daysOff: [], startsAt: "2026-12-01T14:45:00.000Z", minutes: 45 })).toBe(true);
    expect(isWithinAvailability({ rules, daysOff: [], startsAt: "2026-12-01T14:50:00.000Z", minutes: 45 })).toBe(false);
    expect(isWithinAvailability({ rules, daysOff: [], startsAt: "2026-12-01T14:45:00.000Z", minutes: 90 })).toBe(false);
    expect(isWithinAvailability({ rules, daysOff: ["2026-12-01"], startsAt: "2026-12-01T14:45:00.000Z", minutes: 45 })).toBe(false);
    expect(isWithinAvailability({ rules, daysOff: [], startsAt: "2026-12-02T14:45:00.000Z", minutes: 45 })).toBe(false);
  });
});
