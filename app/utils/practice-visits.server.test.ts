import { afterEach, describe, expect, test, vi } from "vitest";
import { getPracticeDetail, hasVisit } from "~/models/practice.server";
import { getDb } from "~/utils/db.server";
import { countVisit, FLUSH_AFTER_MS, FLUSH_AT, flushVisits } from "~/utils/practice-visits.server";
import { makePractice } from "../../tests/factories/practices";

const DAY = "2026-11-23";
const visitsOf = async (slug: string) => (await getPracticeDetail(slug))!.visitCount;

/**
 * Waits for the batch written in the background to show, on the event loop only: vi.waitFor would
 * move the fake clock itself and fire the timer these tests keep still.
 */
async function untilVisits(slug: string, expected: number) {
  for (let turn = 0; turn < 2_000 && (await visitsOf(slug)) !== expected; turn++) await new Promise((resolve) => setImmediate(resolve));
  return visitsOf(slug);
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("a practice's visits", () => {
  test("count once per visitor and day, written together with the others", async () => {
    const practice = await makePractice({ publish: true });
    expect(await countVisit({ practiceId: practice.id, visitor: "a:uno", day: DAY })).toBe(true);
    expect(await countVisit({ practiceId: practice.id, visitor: "a:uno", day: DAY })).toBe(false);
    expect(await countVisit({ practiceId: practice.id, visitor: "m:7", day: DAY })).toBe(true);
    // Waiting in memory until the batch is written.
    expect(await visitsOf(practice.slug)).toBe(0);
    expect(await hasVisit({ practiceId: practice.id, visitor: "a:uno", day: DAY })).toBe(false);

    await flushVisits();
    expect(await visitsOf(practice.slug)).toBe(2);
    expect(await hasVisit({ practiceId: practice.id, visitor: "a:uno", day: DAY })).toBe(true);
    // Once written, the same visitor that day is still counted once; the next day counts again.
    expect(await countVisit({ practiceId: practice.id, visitor: "a:uno", day: DAY })).toBe(false);
    expect(await countVisit({ practiceId: practice.id, visitor: "a:uno", day: "2026-11-24" })).toBe(true);
    await flushVisits();
    expect(await visitsOf(practice.slug)).toBe(3);
  });

  test("are written a moment later without anyone asking", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const practice = await makePractice({ publish: true });
    await countVisit({ practiceId: practice.id, visitor: "a:tarde", day: DAY });
    expect(await untilVisits(practice.slug, 1)).toBe(0);
    vi.advanceTimersByTime(FLUSH_AFTER_MS);
    expect(await untilVisits(practice.slug, 1)).toBe(1);
  });

  test("are written at once when many are waiting", async () => {
    // The timer never fires here: only the size of the batch can write it.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const practice = await makePractice({ publish: true });
    for (let i = 0; i < FLUSH_AT; i++) await countVisit({ practiceId: practice.id, visitor: `a:muchos-${i}`, day: DAY });
    expect(await untilVisits(practice.slug, FLUSH_AT)).toBe(FLUSH_AT);
  });

  test("that cannot be written (a practice that no longer exists) do not cost the others", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const practice = await makePractice({ publish: true });
    const missing = Number((await getDb().selectFrom("practices").select((eb) => eb.fn.max("id").as("id")).executeTakeFirstOrThrow()).id) + 1000;
    await countVisit({ practiceId: missing, visitor: "a:perdido", day: DAY });
    await countVisit({ practiceId: practice.id, visitor: "a:salvado", day: DAY });
    await flushVisits();
    expect(await visitsOf(practice.slug)).toBe(1);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("No se pudieron guardar 1 de 2 visitas"), expect.anything());
  });
});
