import { describe, expect, test } from "vitest";
import { getMemberFigures, getPracticeFigures, getStageMoves, listDashboardYears } from "~/models/dashboard.server";
import { createEvent, recordAttendance } from "~/models/event.server";
import { awardPoints, reversePoints } from "~/models/points.server";
import { changePracticeStage, createPractice } from "~/models/practice.server";
import { currentYear } from "~/models/tier.server";
import { deactivateMember } from "~/models/user.server";
import { hideWallPost } from "~/models/wall.server";
import { getDb } from "~/utils/db.server";
import { createMember } from "../../tests/factories/members";
import { publishedPractice } from "../../tests/factories/practices";
import { makeChallenge } from "../../tests/factories/walls";

// Last year is wholly in the past, so every month of it can hold activity and events.
const year = currentYear() - 1;
const mid = (month: number, day = 15) => new Date(Date.UTC(year, month - 1, day, 17)).toISOString();

let sequence = 0;
async function points(userId: number, month: number, action = "comment") {
  const key = `dashboard-test:${userId}:${++sequence}`;
  const result = await awardPoints({ userId, action, subjectType: null, subjectId: null, key, occurredAt: mid(month) });
  expect(result.awarded).toBe(true);
  return key;
}

/** A member whose account exists since before the year (registration itself is dated today). */
async function longtimeMember(name: string) {
  const member = await createMember({ name, iged: "DRE Junín" });
  await getDb().updateTable("users").set({ createdAt: "2020-03-01T15:00:00.000Z" }).where("id", "=", member.id).execute();
  return member;
}

describe("members active in a year", () => {
  test("count the members who did something in at least three different months", async () => {
    const difoca = await createMember({ role: "difoca", iged: null });
    const before = (await getMemberFigures(year)).active;

    // Points in two months and a challenge in a third: active.
    const poster = await longtimeMember("Publica un desafío");
    await points(poster.id, 1);
    await points(poster.id, 2);
    await makeChallenge({ authorId: poster.id, at: mid(3) });

    // Two months, and an event attended in a third: active.
    const attendee = await longtimeMember("Asiste a un evento");
    await points(attendee.id, 1);
    await points(attendee.id, 2);
    const event = await createEvent({
      type: "webinar",
      title: "Webinar de marzo",
      summary: "",
      startsOn: `${year}-03-10`,
      endsOn: `${year}-03-10`,
      startTime: "10:00",
      endTime: "12:00",
      macroregionId: null,
      hostRegionId: null,
      modality: "virtual",
      place: "",
      meetingUrl: "https://reunion.ejemplo.pe/webinar",
      agenda: "",
      capacity: null,
      invitedRegionIds: [],
      createdBy: difoca.id,
    });
    expect(await recordAttendance({ eventId: event.id, actorId: difoca.id, attendedUserIds: [attendee.id] })).toMatchObject({ ok: true });

    // Two months, and in a third only points taken back: not active.
    const reversed = await longtimeMember("Puntos revertidos");
    await points(reversed.id, 1);
    await points(reversed.id, 2);
    expect(await reversePoints({ key: await points(reversed.id, 3), reason: "Contenido retirado." })).toMatchObject({ reversed: true });

    // Two months, and in a third only a badge DIFOCA gave: not active.
    const badged = await longtimeMember("Recibe una insignia");
    await points(badged.id, 1);
    await points(badged.id, 2);
    await points(badged.id, 3, "badge_awarded");

    // Two months, and in a third a challenge DIFOCA hid: not active.
    const hidden = await longtimeMember("Desafío ocultado");
    await points(hidden.id, 1);
    await points(hidden.id, 2);
    const post = await makeChallenge({ authorId: hidden.id, at: mid(3) });
    expect(await hideWallPost({ postId: post.id, actorId: difoca.id, reason: "Datos personales." })).toEqual({ ok: true });

    // Many things in one month only: not active.
    const busy = await longtimeMember("Mucho en un mes");
    for (let i = 0; i < 5; i++) await points(busy.id, 6);

    // Active in three months of that year, deactivated this year: still one of that year's active members.
    const gone = await longtimeMember("Cuenta desactivada después");
    for (const month of [4, 5, 6]) await points(gone.id, month);
    expect(await deactivateMember({ memberId: gone.id, actorId: difoca.id, reason: "Dejó la institución." })).toBe(true);

    expect((await getMemberFigures(year)).active - before).toBe(3);
    // The same members are not active the following year.
    expect((await getMemberFigures(year + 1)).active).toBe(0);
  });

  test("registered members are the accounts of the end of the year, not deactivated by then", async () => {
    const before = await getMemberFigures(year);
    await longtimeMember("Miembro antiguo");
    await createMember({ name: "Miembro de este año" });
    const after = await getMemberFigures(year);
    expect(after.registered - before.registered).toBe(1);
    expect(after.newInYear).toBe(before.newInYear);
  });
});

describe("practices of a year", () => {
  test("stage moves are counted in the Lima month DIFOCA decided them", async () => {
    const { practice, difoca } = await publishedPractice();
    // 04:00 UTC on 1 May is still 30 April in Lima.
    expect(await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "intermedio", note: "Avanza.", at: mid(3) })).toBe(true);
    expect(await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "avanzado", note: "Avanza.", at: `${year}-05-01T04:00:00.000Z` })).toBe(true);
    expect(await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "intermedio", note: "Retrocede.", at: mid(9) })).toBe(true);
    const moves = await getStageMoves(year);
    expect(moves).toHaveLength(12);
    expect(moves.filter((m) => m.toIntermedio + m.toAvanzado + m.demoted > 0)).toEqual([
      { month: "03", toIntermedio: 1, toAvanzado: 0, demoted: 0 },
      { month: "04", toIntermedio: 0, toAvanzado: 1, demoted: 0 },
      { month: "09", toIntermedio: 0, toAvanzado: 0, demoted: 1 },
    ]);
  });

  test("a past year counts the practices published by its end, and the years start with the first practice", async () => {
    const { practice } = await publishedPractice({ title: "Publicada este año" });
    expect((await getPracticeFigures(currentYear())).vigentes).toBeGreaterThan(0);
    expect((await getPracticeFigures(year - 3)).vigentes).toBe(0);

    const author = await createMember({ iged: "UGEL Nasca" });
    await createPractice({
      authorId: author.id,
      title: "Borrador antiguo",
      summary: "",
      thematicLineId: null,
      leadIgedId: (await getDb().selectFrom("practices").select("leadIgedId").where("id", "=", practice.id).executeTakeFirstOrThrow()).leadIgedId,
      otherIgedIds: [],
      startYear: null,
      vigente: true,
      problem: "",
      strategy: "",
      results: "",
      lessons: "",
      at: `${year - 3}-06-01T15:00:00.000Z`,
    });
    const years = await listDashboardYears();
    expect(years).toEqual([year + 1, year, year - 1, year - 2, year - 3]);
  });
});
