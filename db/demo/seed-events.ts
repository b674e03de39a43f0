// Loads the demo events through the events model, so the demo shows exactly what the platform
// does. Two steps: the events are created before the practices (the experts' feedback given at the
// exchange points to it), and once every member exists, the practices presented with their
// commentators, registrations (a full workshop puts the last one on the waiting list), attendance
// with its points, the attendees' badge and the testimonials.
import { createBadge, getBadgeBySlug } from "~/models/badge.server";
import {
  awardBadgeToAttendees,
  createEvent,
  recordAttendance,
  registerForEvent,
  saveTestimonial,
  setEventPractices,
  type EventResult,
} from "~/models/event.server";
import { listPracticesOfMember } from "~/models/practice.server";
import { listMacroregions, listRegions } from "~/models/region.server";
import { getMemberByEmail } from "~/models/user.server";
import { localToUtc } from "~/utils/advisory-slots";
import { todayInLima } from "~/utils/dates";
import { slugify } from "~/utils/slug";
import { createMember } from "../../tests/factories/members";
import { DEMO_PASSWORD } from "./accounts";
import { DEMO_EVENTS, EVENT_MEMBERS, type DemoEventSeed, type LimaTime } from "./events";
import { EXPERTS, PRACTICES } from "./practices";

const DAY = 24 * 3600_000;

function lima(at: LimaTime, now: Date): string {
  const [date, time] = at.split(" ");
  const iso = date && time ? localToUtc(date, time) : null;
  if (!iso) throw new Error(`Demo: fecha no válida ${at}`);
  if (Date.parse(iso) >= now.getTime()) throw new Error(`Demo: ${at} debería estar en el pasado`);
  return iso;
}

function dates(seed: DemoEventSeed, now: Date): { startsOn: string; endsOn: string; createdAt: string } {
  if ("startsOn" in seed.when) return { startsOn: seed.when.startsOn, endsOn: seed.when.endsOn, createdAt: lima(seed.when.createdAt, now) };
  let start = now.getTime() + seed.when.inDays * DAY;
  while (new Date(`${todayInLima(new Date(start))}T12:00:00Z`).getUTCDay() !== seed.when.weekday) start += DAY;
  return { startsOn: todayInLima(new Date(start)), endsOn: todayInLima(new Date(start + (seed.when.days - 1) * DAY)), createdAt: now.toISOString() };
}

async function memberId(email: string): Promise<number> {
  const member = await getMemberByEmail(email);
  if (!member) throw new Error(`Demo: no existe el miembro ${email}`);
  return member.id;
}

function check(result: EventResult, what: string): void {
  if (!result.ok) throw new Error(`Demo: ${what} fue rechazado (${result.reason})`);
}

/** Creates the demo events (no participants yet). Returns their ids by title, for the feedback given at them. */
export async function createDemoEvents(difocaId: number, now: Date = new Date()): Promise<Map<string, number>> {
  const [regions, macroregions] = await Promise.all([listRegions(), listMacroregions()]);
  const regionId = (name: string) => {
    const region = regions.find((r) => r.name === name);
    if (!region) throw new Error(`Demo: no existe la región ${name}`);
    return region.id;
  };
  const ids = new Map<string, number>();
  for (const seed of DEMO_EVENTS) {
    const { startsOn, endsOn, createdAt } = dates(seed, now);
    const macroregion = seed.macroregion ? macroregions.find((m) => m.name === seed.macroregion) : null;
    if (macroregion === undefined) throw new Error(`Demo: no existe la macrorregión ${seed.macroregion}`);
    const { id } = await createEvent({
      type: seed.type,
      title: seed.title,
      summary: seed.summary,
      startsOn,
      endsOn,
      startTime: seed.startTime,
      endTime: seed.endTime,
      macroregionId: macroregion?.id ?? null,
      hostRegionId: seed.hostRegion ? regionId(seed.hostRegion) : null,
      modality: seed.modality,
      place: seed.place,
      meetingUrl: null,
      agenda: seed.agenda,
      capacity: seed.capacity,
      invitedRegionIds: seed.invitedRegions.map(regionId),
      createdBy: difocaId,
      at: createdAt,
    });
    ids.set(seed.title, id);
  }
  return ids;
}

/** The practices presented at an event, in the order of the seed, each with its commentator. */
async function presentedPractices(seed: DemoEventSeed): Promise<{ practiceId: number; commentatorId: number | null }[]> {
  const wanted =
    seed.practices === "commented-here"
      ? PRACTICES.flatMap((practice) => {
          const feedback = practice.feedback.find((f) => f.event === seed.title);
          const expert = feedback ? EXPERTS.find((e) => e.name === feedback.expert) : undefined;
          return feedback && expert ? [{ title: practice.title, commentator: expert.email }] : [];
        })
      : seed.practices;
  const items = [];
  for (const { title, commentator } of wanted) {
    const author = PRACTICES.find((p) => p.title === title)?.team[0];
    const practice = author ? (await listPracticesOfMember(await memberId(author.email))).find((p) => p.title === title) : undefined;
    if (!practice) throw new Error(`Demo: no existe la práctica «${title}»`);
    items.push({ practiceId: practice.id, commentatorId: await memberId(commentator) });
  }
  return items;
}

async function ensureBadge(badge: NonNullable<DemoEventSeed["attendeeBadge"]>, difocaId: number): Promise<number> {
  const existing = await getBadgeBySlug(slugify(badge.name));
  if (existing) return existing.id;
  const created = await createBadge({ ...badge, level: "bronce", kind: "manual", rule: null, createdBy: difocaId });
  if (!created.ok) throw new Error(`Demo: no se pudo crear la insignia ${badge.name}: ${JSON.stringify(created.errors)}`);
  return created.id;
}

/** Participants, attendance, badge and testimonials of the demo events. Call once every demo member exists. */
export async function seedEvents(difocaId: number, eventIds: ReadonlyMap<string, number>, now: Date = new Date()): Promise<void> {
  for (const member of EVENT_MEMBERS) {
    if (!(await getMemberByEmail(member.email))) await createMember({ ...member, role: "gestor", password: DEMO_PASSWORD });
  }
  for (const seed of DEMO_EVENTS) {
    const eventId = eventIds.get(seed.title);
    if (eventId === undefined) throw new Error(`Demo: el evento «${seed.title}» no se creó`);
    await setEventPractices({ eventId, items: await presentedPractices(seed) });

    for (const { email, at } of seed.registered) {
      check(await registerForEvent({ eventId, userId: await memberId(email), at: at ? lima(at, now) : undefined }), `la inscripción de ${email} en «${seed.title}»`);
    }
    if (seed.attended.length === 0) continue;
    const attendees = await Promise.all(seed.attended.map(memberId));
    check(await recordAttendance({ eventId, actorId: difocaId, attendedUserIds: attendees }), `la asistencia de «${seed.title}»`);
    if (seed.attendeeBadge) {
      await awardBadgeToAttendees({ eventId, badgeId: await ensureBadge(seed.attendeeBadge, difocaId), actorId: difocaId, reason: `Participó en el ${seed.title}.` });
    }
    for (const { email, text, at } of seed.testimonials) {
      check(await saveTestimonial({ eventId, userId: await memberId(email), text, at: lima(at, now) }), `el testimonio de ${email}`);
    }
  }
}
