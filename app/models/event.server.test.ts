import { describe, expect, test } from "vitest";
import { createBadge, listMemberBadges } from "~/models/badge.server";
import {
  awardBadgeToAttendees,
  cancelRegistration,
  checkInWithCode,
  createEvent,
  getEvent,
  updateEvent,
  getEventReport,
  getRegistration,
  listEventsForFeedback,
  listTestimonials,
  recordAttendance,
  registerForEvent,
  saveTestimonial,
  setAttendanceCode,
  setEventPractices,
  type EventFields,
} from "~/models/event.server";
import { giveFeedback } from "~/models/feedback.server";
import { listNotifications } from "~/models/notification.server";
import { checkLedgerTotals, getMemberPoints } from "~/models/points.server";
import { todayInLima } from "~/utils/dates";
import { createMember } from "../../tests/factories/members";
import { publishedPractice } from "../../tests/factories/practices";

const DAY = 24 * 3600_000;
const dayIn = (days: number) => todayInLima(new Date(Date.now() + days * DAY));
const ATTENDANCE_POINTS = 25;

let serial = 0;
async function makeEvent(fields: Partial<EventFields> = {}) {
  const difoca = await createMember({ role: "difoca", iged: null });
  serial += 1;
  const startsOn = fields.startsOn ?? dayIn(10);
  const event = await createEvent({
    type: "intercambio",
    title: `Intercambio de prueba ${serial}`,
    summary: "Un intercambio para las pruebas.",
    startsOn,
    endsOn: fields.endsOn ?? startsOn,
    startTime: "09:00",
    endTime: "17:00",
    macroregionId: null,
    hostRegionId: null,
    modality: "presencial",
    place: "Auditorio de la UGEL",
    meetingUrl: null,
    agenda: "",
    capacity: null,
    invitedRegionIds: [],
    ...fields,
    createdBy: difoca.id,
  });
  return { id: event.id, difoca };
}

/** Registers a member: `at` lets a past event hold registrations made before it. */
async function register(eventId: number, userId: number, at?: string) {
  const result = await registerForEvent({ eventId, userId, at });
  if (!result.ok) throw new Error(result.reason);
  return result.status;
}

const totalPoints = async (userId: number) => (await getMemberPoints(userId, new Date().getFullYear())).total;

describe("registration", () => {
  test("with two seats, the third registrant waits; a cancellation gives the seat to the first waiting, who is told", async () => {
    const { id } = await makeEvent({ capacity: 2 });
    const [a, b, c, d] = await Promise.all([createMember(), createMember(), createMember(), createMember()]);
    expect(await register(id, a.id)).toBe("inscrito");
    expect(await register(id, b.id)).toBe("inscrito");
    expect(await register(id, c.id)).toBe("en_espera");
    expect(await register(id, d.id)).toBe("en_espera");
    expect(await getEvent(id)).toMatchObject({ registered: 2, waiting: 2 });

    expect(await cancelRegistration({ eventId: id, userId: a.id })).toEqual({ ok: true });
    expect((await getRegistration(id, a.id))?.status).toBe("cancelado");
    expect((await getRegistration(id, c.id))?.status).toBe("inscrito");
    expect((await getRegistration(id, d.id))?.status).toBe("en_espera");
    const [seat] = await listNotifications(c.id);
    expect(seat).toMatchObject({ type: "event_seat", link: `/eventos/${id}` });
    expect(await listNotifications(d.id)).toEqual([]);
  });

  test("more seats move the waiting list up, in order, and tell each person", async () => {
    const { id } = await makeEvent({ capacity: 1 });
    const [a, b, c] = await Promise.all([createMember(), createMember(), createMember()]);
    await register(id, a.id);
    await register(id, b.id);
    await register(id, c.id);
    const event = await getEvent(id);
    await updateEvent({
      eventId: id,
      type: "intercambio",
      title: event!.title,
      summary: event!.summary,
      startsOn: event!.startsOn,
      endsOn: event!.endsOn,
      startTime: event!.startTime,
      endTime: event!.endTime,
      macroregionId: null,
      hostRegionId: null,
      modality: "presencial",
      place: event!.place,
      meetingUrl: null,
      agenda: "",
      capacity: 2,
      invitedRegionIds: [],
    });
    expect((await getRegistration(id, b.id))?.status).toBe("inscrito");
    expect((await getRegistration(id, c.id))?.status).toBe("en_espera");
    expect((await listNotifications(b.id)).map((n) => n.type)).toEqual(["event_seat"]);
    expect(await listNotifications(c.id)).toEqual([]);
  });

  test("registering twice changes nothing", async () => {
    const { id } = await makeEvent({ capacity: 5 });
    const member = await createMember();
    expect(await register(id, member.id)).toBe("inscrito");
    expect(await register(id, member.id)).toBe("inscrito");
    expect((await getEvent(id))?.registered).toBe(1);
  });

  test("after the event ended, nobody registers or cancels", async () => {
    const { id } = await makeEvent({ startsOn: dayIn(-5), endsOn: dayIn(-4) });
    const member = await createMember();
    await register(id, member.id, new Date(Date.now() - 10 * DAY).toISOString());
    const other = await createMember();
    expect(await registerForEvent({ eventId: id, userId: other.id })).toEqual({ ok: false, reason: "finished" });
    expect(await cancelRegistration({ eventId: id, userId: member.id })).toEqual({ ok: false, reason: "finished" });
    expect((await getRegistration(id, member.id))?.status).toBe("inscrito");
  });

  test("someone whose attendance is recorded cannot cancel: the seat and the points stay", async () => {
    const { id } = await makeEvent({ startsOn: dayIn(0), endsOn: dayIn(1), capacity: 1 });
    const [member, waiting] = [await createMember(), await createMember()];
    await register(id, member.id);
    expect(await register(id, waiting.id)).toBe("en_espera");
    const code = await setAttendanceCode({ eventId: id, enabled: true });
    expect(await checkInWithCode({ eventId: id, userId: member.id, code: code! })).toEqual({ ok: true });

    expect(await cancelRegistration({ eventId: id, userId: member.id })).toEqual({ ok: false, reason: "attended" });
    expect(await getRegistration(id, member.id)).toMatchObject({ status: "inscrito", attended: 1 });
    expect((await getRegistration(id, waiting.id))?.status).toBe("en_espera");
    expect(await totalPoints(member.id)).toBe(ATTENDANCE_POINTS);
  });
});

describe("attendance", () => {
  test("ticking earns the points once; un-ticking takes them back; ticking again gives them again", async () => {
    const { id, difoca } = await makeEvent({ startsOn: dayIn(-1), endsOn: dayIn(-1) });
    const member = await createMember();
    const absent = await createMember();
    await register(id, member.id, new Date(Date.now() - 3 * DAY).toISOString());
    await register(id, absent.id, new Date(Date.now() - 3 * DAY).toISOString());

    expect(await recordAttendance({ eventId: id, actorId: difoca.id, attendedUserIds: [member.id] })).toEqual({ ok: true, attendees: 1 });
    expect(await totalPoints(member.id)).toBe(ATTENDANCE_POINTS);
    expect(await totalPoints(absent.id)).toBe(0);
    // Saving the same list again awards nothing more.
    await recordAttendance({ eventId: id, actorId: difoca.id, attendedUserIds: [member.id] });
    expect(await totalPoints(member.id)).toBe(ATTENDANCE_POINTS);
    expect(await getRegistration(id, member.id)).toMatchObject({ attended: 1, attendanceSource: "lista" });

    // Un-ticking: the list says who was on it; the unticked among them lose their attendance.
    await recordAttendance({ eventId: id, actorId: difoca.id, attendedUserIds: [], listedUserIds: [member.id, absent.id] });
    expect(await totalPoints(member.id)).toBe(0);
    expect(await getRegistration(id, member.id)).toMatchObject({ attended: 0, attendanceSource: null });

    await recordAttendance({ eventId: id, actorId: difoca.id, attendedUserIds: [member.id] });
    expect(await totalPoints(member.id)).toBe(ATTENDANCE_POINTS);
    expect((await checkLedgerTotals()).differences).toEqual([]);
  });

  test("a check-in by code survives a list saved without them, and the list never undoes it", async () => {
    const { id, difoca } = await makeEvent({ startsOn: dayIn(0), endsOn: dayIn(1) });
    const [ticked, byCode, unticked] = [await createMember(), await createMember(), await createMember()];
    for (const m of [ticked, byCode, unticked]) await register(id, m.id);
    // DIFOCA loaded the list with two people, then someone checked in with the day's code.
    await recordAttendance({ eventId: id, actorId: difoca.id, attendedUserIds: [unticked.id], listedUserIds: [unticked.id] });
    const code = await setAttendanceCode({ eventId: id, enabled: true });
    expect(await checkInWithCode({ eventId: id, userId: byCode.id, code: code! })).toEqual({ ok: true });

    // The list saved from the page loaded before the check-in: byCode is not on it.
    expect(await recordAttendance({ eventId: id, actorId: difoca.id, attendedUserIds: [ticked.id], listedUserIds: [ticked.id, unticked.id] })).toEqual({ ok: true, attendees: 2 });
    expect(await getRegistration(id, byCode.id)).toMatchObject({ attended: 1, attendanceSource: "codigo" });
    expect(await totalPoints(byCode.id)).toBe(ATTENDANCE_POINTS);
    expect(await getRegistration(id, unticked.id)).toMatchObject({ attended: 0 });
    expect(await totalPoints(unticked.id)).toBe(0);
    expect(await totalPoints(ticked.id)).toBe(ATTENDANCE_POINTS);

    // Even listed and unticked, an attendance typed with the code stays.
    await recordAttendance({ eventId: id, actorId: difoca.id, attendedUserIds: [ticked.id], listedUserIds: [ticked.id, byCode.id, unticked.id] });
    expect(await getRegistration(id, byCode.id)).toMatchObject({ attended: 1, attendanceSource: "codigo" });
    expect(await totalPoints(byCode.id)).toBe(ATTENDANCE_POINTS);
    expect((await checkLedgerTotals()).differences).toEqual([]);
  });

  test("someone who came without registering can be ticked", async () => {
    const { id, difoca } = await makeEvent({ startsOn: dayIn(0) });
    const walkIn = await createMember();
    await recordAttendance({ eventId: id, actorId: difoca.id, attendedUserIds: [walkIn.id] });
    expect(await getRegistration(id, walkIn.id)).toMatchObject({ status: "inscrito", attended: 1 });
    expect(await totalPoints(walkIn.id)).toBe(ATTENDANCE_POINTS);
  });

  test("attendance cannot be recorded before the event starts", async () => {
    const { id, difoca } = await makeEvent({ startsOn: dayIn(3) });
    const member = await createMember();
    await register(id, member.id);
    expect(await recordAttendance({ eventId: id, actorId: difoca.id, attendedUserIds: [member.id] })).toEqual({ ok: false, reason: "not_started" });
    expect(await totalPoints(member.id)).toBe(0);
  });

  test("the day's code: none active, a wrong one, the right one (any case), and outside the event's days", async () => {
    const { id } = await makeEvent({ startsOn: dayIn(0), endsOn: dayIn(1) });
    const member = await createMember();
    await register(id, member.id);
    expect(await checkInWithCode({ eventId: id, userId: member.id, code: "ABC123" })).toEqual({ ok: false, reason: "no_code" });

    const code = await setAttendanceCode({ eventId: id, enabled: true });
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    const wrong = code === "AAAAAA" ? "BBBBBB" : "AAAAAA";
    expect(await checkInWithCode({ eventId: id, userId: member.id, code: wrong })).toEqual({ ok: false, reason: "wrong_code" });
    expect(await totalPoints(member.id)).toBe(0);

    expect(await checkInWithCode({ eventId: id, userId: member.id, code: ` ${code!.toLowerCase()} ` })).toEqual({ ok: true });
    expect(await getRegistration(id, member.id)).toMatchObject({ attended: 1, attendanceSource: "codigo" });
    expect(await totalPoints(member.id)).toBe(ATTENDANCE_POINTS);
    // Typing it again changes nothing.
    await checkInWithCode({ eventId: id, userId: member.id, code: code! });
    expect(await totalPoints(member.id)).toBe(ATTENDANCE_POINTS);

    expect(await setAttendanceCode({ eventId: id, enabled: false })).toBeNull();
    expect(await checkInWithCode({ eventId: id, userId: member.id, code: code! })).toEqual({ ok: false, reason: "no_code" });

    const future = await makeEvent({ startsOn: dayIn(2) });
    const futureCode = await setAttendanceCode({ eventId: future.id, enabled: true });
    expect(await checkInWithCode({ eventId: future.id, userId: member.id, code: futureCode! })).toEqual({ ok: false, reason: "not_started" });
    const past = await makeEvent({ startsOn: dayIn(-3), endsOn: dayIn(-2) });
    const pastCode = await setAttendanceCode({ eventId: past.id, enabled: true });
    expect(await checkInWithCode({ eventId: past.id, userId: member.id, code: pastCode! })).toEqual({ ok: false, reason: "finished" });
  });
});

describe("badges and testimonials", () => {
  test("a badge goes to the attendees only, and only once", async () => {
    const { id, difoca } = await makeEvent({ startsOn: dayIn(-1) });
    const badge = await createBadge({
      name: `Participante del intercambio ${++serial}`,
      description: "Participó en un intercambio macrorregional.",
      criteria: "Asistir a un intercambio macrorregional.",
      level: "bronce",
      kind: "manual",
      rule: null,
      createdBy: difoca.id,
    });
    if (!badge.ok) throw new Error("badge");
    const [attendee, absent] = await Promise.all([createMember(), createMember()]);
    const before = new Date(Date.now() - 3 * DAY).toISOString();
    await register(id, attendee.id, before);
    await register(id, absent.id, before);
    await recordAttendance({ eventId: id, actorId: difoca.id, attendedUserIds: [attendee.id] });

    expect(await awardBadgeToAttendees({ eventId: id, badgeId: badge.id, actorId: difoca.id, reason: "Asistió al intercambio." })).toBe(1);
    expect((await listMemberBadges(attendee.id)).map((b) => b.badgeId)).toEqual([badge.id]);
    expect(await listMemberBadges(absent.id)).toEqual([]);
    expect(await awardBadgeToAttendees({ eventId: id, badgeId: badge.id, actorId: difoca.id, reason: "Asistió al intercambio." })).toBe(0);
    expect(await listMemberBadges(attendee.id)).toHaveLength(1);
  });

  test("only attendees leave a testimonial, once the event began; rewriting replaces it", async () => {
    const { id, difoca } = await makeEvent({ startsOn: dayIn(-1) });
    const [attendee, registered] = await Promise.all([createMember(), createMember()]);
    const before = new Date(Date.now() - 3 * DAY).toISOString();
    await register(id, attendee.id, before);
    await register(id, registered.id, before);
    await recordAttendance({ eventId: id, actorId: difoca.id, attendedUserIds: [attendee.id] });

    expect(await saveTestimonial({ eventId: id, userId: registered.id, text: "Estuve inscrito pero no fui." })).toEqual({ ok: false, reason: "not_attendee" });
    expect(await saveTestimonial({ eventId: id, userId: attendee.id, text: "Aprendí mucho de las otras UGEL." })).toEqual({ ok: true });
    expect(await saveTestimonial({ eventId: id, userId: attendee.id, text: "Aprendí mucho de las otras regiones." })).toEqual({ ok: true });
    expect((await listTestimonials(id)).map((t) => t.text)).toEqual(["Aprendí mucho de las otras regiones."]);

    const upcoming = await makeEvent({ startsOn: dayIn(4) });
    expect(await saveTestimonial({ eventId: upcoming.id, userId: attendee.id, text: "Todavía no empieza." })).toEqual({ ok: false, reason: "not_started" });
  });
});

describe("the systematization report", () => {
  test("counts who came, where from, their IGEDs and directors, and only the feedback given at the event", async () => {
    const { id, difoca } = await makeEvent({ startsOn: dayIn(-2), endsOn: dayIn(-1) });
    const director = await createMember({ iged: "UGEL Nasca", name: "Rosa Quispe", position: "Directora de la UGEL Nasca" });
    const specialist = await createMember({ iged: "UGEL Nasca", position: "Especialista en Educación" });
    const huaura = await createMember({ iged: "UGEL 09 Huaura", name: "Luis Ramos", position: "Director de Gestión Pedagógica" });
    const absent = await createMember({ iged: "DRE Cusco", position: "Director Regional" });
    const before = new Date(Date.now() - 5 * DAY).toISOString();
    for (const m of [director, specialist, huaura, absent]) await register(id, m.id, before);
    await recordAttendance({ eventId: id, actorId: difoca.id, attendedUserIds: [director.id, specialist.id, huaura.id] });

    const { practice } = await publishedPractice({ title: "Escuelas seguras en Nasca" });
    const expert = await createMember({ role: "experto", iged: null, name: "Jorge Chávez" });
    await setEventPractices({ eventId: id, items: [{ practiceId: practice.id, commentatorId: expert.id }] });
    const common = { practiceId: practice.id, authorId: expert.id, opportunities: ["Medir la línea de base"], recommendations: ["Incluir la práctica en el PAT"], givenOn: dayIn(-1) };
    await giveFeedback({ ...common, keyAspects: "Comentario en el intercambio.", eventId: id });
    await giveFeedback({ ...common, keyAspects: "Comentario en una asesoría, fuera del evento." });

    const report = await getEventReport(id);
    expect(report?.participants).toBe(3);
    expect(report?.participantRegions).toEqual([
      { name: "Ica", count: 2 },
      { name: "Lima Provincias", count: 1 },
    ]);
    expect(report?.igedsPresent.map((i) => i.name)).toEqual(["UGEL Nasca", "UGEL 09 Huaura"]);
    expect(report?.directorsPresent.map((d) => d.name)).toEqual(["Luis Ramos", "Rosa Quispe"]);
    expect(report?.practices).toHaveLength(1);
    expect(report?.practices[0]).toMatchObject({ title: "Escuelas seguras en Nasca", regionName: "Ica", commentatorName: "Jorge Chávez" });
    expect(report?.practices[0]?.feedback).toHaveLength(1);
    expect(report?.practices[0]?.feedback[0]).toMatchObject({
      authorName: "Jorge Chávez",
      keyAspects: "Comentario en el intercambio.",
      opportunities: ["Medir la línea de base"],
      recommendations: ["Incluir la práctica en el PAT"],
    });
    expect(await getEventReport(999_999)).toBeUndefined();
  });
});

describe("events for linking feedback", () => {
  test("only events that have begun where the practice was presented", async () => {
    const { practice } = await publishedPractice({ title: "Brigadas escolares en Nasca" });
    const past = await makeEvent({ startsOn: dayIn(-3) });
    const today = await makeEvent({ startsOn: dayIn(0), endsOn: dayIn(1) });
    const upcoming = await makeEvent({ startsOn: dayIn(5) });
    const elsewhere = await makeEvent({ startsOn: dayIn(-2) });
    for (const event of [past, today, upcoming]) await setEventPractices({ eventId: event.id, items: [{ practiceId: practice.id, commentatorId: null }] });
    expect(elsewhere.id).toBeGreaterThan(0);
    expect((await listEventsForFeedback(practice.id)).map((e) => e.id)).toEqual([today.id, past.id]);
  });
});
