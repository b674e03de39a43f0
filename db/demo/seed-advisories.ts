// Loads the demo advisories through the advisory model, so the demo shows exactly what the platform
// does: advisors' hours, requests on a free slot or left to DIFOCA, confirmations, a proposal, a
// cancellation, minutes with commitments and the attendance points. Each step is dated in the past
// (`now` and `at`) so every advisory's history reads in order; what must stay upcoming is placed
// relative to the day the demo is loaded.
import {
  addAvailability,
  addDayOff,
  cancelAdvisory,
  confirmAdvisory,
  getAdvisory,
  listAdvisoriesForMember,
  listAvailability,
  listFreeSlots,
  proposeAdvisoryTime,
  recordAdvisoryOutcome,
  requestAdvisory,
  setCommitmentDone,
  type AdvisoryResult,
} from "~/models/advisory.server";
import { listPracticesOfMember } from "~/models/practice.server";
import { getMemberByEmail } from "~/models/user.server";
import { localToUtc, utcToLocal } from "~/utils/advisory-slots";
import { todayInLima } from "~/utils/dates";
import { ADVISORIES, AVAILABILITY, type AdvisorySeed, type LimaTime, type PastTime, type SessionTime } from "./advisories";

const DAY = 24 * 3600_000;
const HOUR = 3600_000;

function lima(at: LimaTime): string {
  const [date, time] = at.split(" ");
  const iso = date && time ? localToUtc(date, time) : null;
  if (!iso) throw new Error(`Demo: fecha no válida ${at}`);
  return iso;
}

function dayAhead(now: Date, days: number): string {
  return todayInLima(new Date(now.getTime() + days * DAY));
}

function past(time: PastTime, now: Date): Date {
  const iso = typeof time === "string" ? lima(time) : lima(`${dayAhead(now, -time.daysAgo)} ${time.time}`);
  const at = new Date(iso);
  if (at.getTime() >= now.getTime()) throw new Error(`Demo: ${JSON.stringify(time)} debería estar en el pasado`);
  return at;
}

async function memberId(email: string): Promise<number> {
  const member = await getMemberByEmail(email);
  if (!member) throw new Error(`Demo: no existe el miembro ${email}`);
  return member.id;
}

function check(result: AdvisoryResult, what: string): asserts result is { ok: true } {
  if (!result.ok) throw new Error(`Demo: ${what} fue rechazado (${result.reason})`);
}

/** The session's start and length, as the seed asks. */
async function sessionTime(time: SessionTime, seed: AdvisorySeed, advisorId: number, now: Date): Promise<{ startsAt: string; minutes: number }> {
  if (typeof time === "string") return { startsAt: lima(time), minutes: seed.minutes ?? 60 };
  if ("firstFreeSlotAfterDays" in time) {
    const from = now.getTime() + time.firstFreeSlotAfterDays * DAY;
    const slot = (await listFreeSlots({ advisorId, now })).find((s) => Date.parse(s.startsAt) >= from);
    if (!slot) throw new Error(`Demo: ${seed.advisor} no tiene horarios libres para «${seed.topic}»`);
    return { startsAt: slot.startsAt, minutes: slot.minutes };
  }
  const preferred = lima(time.preferred);
  if (Date.parse(preferred) >= now.getTime() + time.minDaysAhead * DAY) return { startsAt: preferred, minutes: seed.minutes ?? 60 };
  // Too close or already past: the same weekday and time of day, far enough ahead.
  const { weekday, time: clock } = utcToLocal(preferred);
  for (let days = time.fallbackDaysAhead; ; days++) {
    const date = dayAhead(now, days);
    if (utcToLocal(lima(`${date} 12:00`)).weekday === weekday) return { startsAt: lima(`${date} ${clock}`), minutes: seed.minutes ?? 60 };
  }
}

async function seedAdvisory(seed: AdvisorySeed, difocaId: number, now: Date): Promise<void> {
  const requesterId = await memberId(seed.requestedBy);
  const practice = (await listPracticesOfMember(requesterId)).find((p) => p.title === seed.practice);
  if (!practice) throw new Error(`Demo: ${seed.requestedBy} no está en el equipo de «${seed.practice}»`);
  const advisorId = seed.advisor ? await memberId(seed.advisor) : null;
  const time = advisorId !== null && seed.startsAt ? await sessionTime(seed.startsAt, seed, advisorId, now) : null;
  const requestedAt = past(seed.requestedAt, now);
  const what = `«${seed.topic}»`;

  const onSlot = seed.via === "horario";
  if (onSlot && (!time || advisorId === null)) throw new Error(`Demo: ${what} pide un horario del asesor`);
  const request = await requestAdvisory({
    practiceId: practice.id,
    requestedBy: requesterId,
    type: seed.type,
    topic: seed.topic,
    needs: seed.needs,
    modality: seed.modality,
    advisorId: onSlot ? advisorId : null,
    startsAt: onSlot ? time!.startsAt : null,
    minutes: onSlot ? time!.minutes : null,
    seriesTitle: seed.seriesTitle ?? null,
    now: requestedAt,
    at: requestedAt.toISOString(),
  });
  check(request, `la solicitud ${what}`);
  const advisoryId = request.id;
  const where = { meetingUrl: seed.meetingUrl ?? null, place: seed.place ?? null };

  if (seed.proposal) {
    if (advisorId === null || !time) throw new Error(`Demo: la propuesta de ${what} necesita asesor y horario`);
    const at = past(seed.proposal.at, now);
    const proposed = await proposeAdvisoryTime({ advisoryId, actorId: difocaId, advisorId, ...time, ...where, note: seed.proposal.note, now: at, at: at.toISOString() });
    check(proposed, `la propuesta de horario de ${what}`);
    return;
  }
  if (!seed.confirmedAt) return;

  const confirmedAt = past(seed.confirmedAt, now);
  // On a slot the advisor confirms the requested time; otherwise DIFOCA assigns advisor and time.
  const confirmed = onSlot
    ? await confirmAdvisory({ advisoryId, actorId: advisorId!, ...where, now: confirmedAt, at: confirmedAt.toISOString() })
    : await confirmAdvisory({ advisoryId, actorId: difocaId, advisorId: advisorId ?? undefined, ...time, ...where, now: confirmedAt, at: confirmedAt.toISOString() });
  check(confirmed, `la confirmación de ${what}`);

  if (seed.cancelled) {
    const cancelled = await cancelAdvisory({ advisoryId, actorId: await memberId(seed.cancelled.by), reason: seed.cancelled.reason, at: lima(seed.cancelled.at) });
    check(cancelled, `la cancelación de ${what}`);
    return;
  }
  if (!seed.outcome || !time || advisorId === null) return;

  // The advisor records the session a few hours after it ended.
  const recordedAt = new Date(Date.parse(time.startsAt) + time.minutes * 60_000 + 3 * HOUR);
  const attendeeIds = await Promise.all(seed.outcome.attendees.map(memberId));
  const commitments = await Promise.all(
    seed.outcome.commitments.map(async (c) => {
      const member = c.responsible.includes("@") ? await getMemberByEmail(c.responsible) : undefined;
      if (c.responsible.includes("@") && !member) throw new Error(`Demo: no existe el miembro ${c.responsible}`);
      return { description: c.description, responsibleId: member?.id ?? null, responsibleName: member?.name ?? c.responsible, dueDate: c.due };
    }),
  );
  const recorded = await recordAdvisoryOutcome({
    advisoryId,
    actorId: advisorId,
    held: true,
    attendeeIds,
    summary: seed.outcome.summary,
    agreements: seed.outcome.agreements,
    commitments,
    now: recordedAt,
    at: recordedAt.toISOString(),
  });
  check(recorded, `el acta de ${what}`);

  const stored = (await getAdvisory(advisoryId))?.commitments ?? [];
  for (const c of seed.outcome.commitments) {
    if (!c.done) continue;
    const commitment = stored.find((s) => s.description === c.description);
    if (!commitment) throw new Error(`Demo: no se guardó el compromiso «${c.description}»`);
    check(await setCommitmentDone({ commitmentId: commitment.id, actorId: await memberId(c.done.by), done: true, at: lima(c.done.at) }), `el compromiso «${c.description}»`);
  }
}

/** Loads the demo advisories once: after the practices, into a platform without advisories. */
export async function seedAdvisories(difocaId: number, now: Date = new Date()): Promise<void> {
  if ((await listAvailability(difocaId)).rules.length > 0 || (await listAdvisoriesForMember(difocaId)).length > 0) return;
  for (const seed of AVAILABILITY) {
    const advisorId = await memberId(seed.advisor);
    for (const rule of seed.weekly) await addAvailability({ advisorId, kind: "weekly", date: null, ...rule });
    for (const rule of seed.dates ?? []) {
      await addAvailability({ advisorId, kind: "date", weekday: null, date: dayAhead(now, rule.daysAhead), startTime: rule.startTime, endTime: rule.endTime, sessionMinutes: rule.sessionMinutes });
    }
    for (const off of seed.daysOff ?? []) await addDayOff({ advisorId, date: dayAhead(now, off.daysAhead), note: off.note });
  }
  // Requests in the order they were made, so ids and histories read like the platform's past.
  const ordered = [...ADVISORIES].sort((a, b) => past(a.requestedAt, now).getTime() - past(b.requestedAt, now).getTime());
  for (const seed of ordered) await seedAdvisory(seed, difocaId, now);
}
