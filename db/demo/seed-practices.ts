// Loads the demo practices through the platform's own functions, so the demo shows exactly what
// the platform does: drafts, review, publication, promotions with their dates, expert feedback
// and the opportunities a team already addressed.
import { giveFeedback, listFeedbackForPractice, setOpportunityAddressed } from "~/models/feedback.server";
import { getIgedByName } from "~/models/iged.server";
import {
  addTeamMember,
  changePracticeStage,
  createPractice,
  publishPractice,
  replaceContacts,
  submitPractice,
} from "~/models/practice.server";
import { getThematicLineByName } from "~/models/thematic-line.server";
import { getMemberByEmail } from "~/models/user.server";
import { createMember } from "../../tests/factories/members";
import { DEMO_PASSWORD } from "./accounts";
import { EXPERTS, PRACTICES, type PracticeSeed } from "./practices";

async function memberId(person: { name: string; email: string; position: string; iged: string | null; role: "gestor" | "experto" }) {
  const existing = await getMemberByEmail(person.email);
  if (existing) return existing.id;
  const created = await createMember({ ...person, password: DEMO_PASSWORD });
  return created.id;
}

async function igedId(name: string): Promise<number> {
  const iged = await getIgedByName(name);
  if (!iged) throw new Error(`Demo: no existe la IGED ${name}`);
  return iged.id;
}

async function seedPractice(seed: PracticeSeed, difocaId: number, eventIds: ReadonlyMap<string, number>): Promise<void> {
  const [author, ...others] = seed.team;
  if (!author) throw new Error(`Demo: la práctica ${seed.title} no tiene equipo`);
  const authorId = await memberId({ ...author, role: "gestor" });
  const line = await getThematicLineByName(seed.thematicLine);
  // The draft and its submission are dated before the publication, so the history reads in order.
  const [published, ...promotions] = seed.stageHistory;
  const publishedOn = Date.parse(`${published?.date ?? "2025-03-01"}T15:00:00.000Z`);
  const daysBefore = (days: number) => new Date(publishedOn - days * 24 * 3600 * 1000).toISOString();
  const inReview = seed.status !== "publicada";
  const practice = await createPractice({
    authorId,
    at: inReview ? undefined : daysBefore(30),
    title: seed.title,
    summary: seed.summary,
    thematicLineId: line?.id ?? null,
    leadIgedId: await igedId(seed.leadIged),
    otherIgedIds: await Promise.all(seed.otherIgeds.map(igedId)),
    startYear: seed.startYear,
    vigente: seed.vigente,
    problem: seed.problem,
    strategy: seed.strategy,
    results: seed.results,
    lessons: seed.lessons,
  });
  for (const member of others) await addTeamMember({ practiceId: practice.id, userId: await memberId({ ...member, role: "gestor" }) });
  await replaceContacts({ practiceId: practice.id, contacts: seed.contacts.map((c) => ({ ...c, phone: null })) });
  if (seed.status === "borrador") return;
  await submitPractice({ practiceId: practice.id, actorId: authorId, at: inReview ? undefined : daysBefore(14) });
  if (seed.status === "en_revision") return;

  await publishPractice({ practiceId: practice.id, actorId: difocaId, at: new Date(publishedOn).toISOString(), note: published?.note });
  for (const step of promotions) {
    await changePracticeStage({ practiceId: practice.id, actorId: difocaId, toStage: step.stage, note: step.note, at: `${step.date}T15:00:00.000Z` });
  }

  for (const feedback of seed.feedback) {
    const expert = EXPERTS.find((e) => e.name === feedback.expert);
    if (!expert) throw new Error(`Demo: experto desconocido ${feedback.expert}`);
    const authorOfFeedback = await memberId({ ...expert, iged: null, role: "experto" });
    const eventId = feedback.event === null ? null : eventIds.get(feedback.event);
    if (eventId === undefined) throw new Error(`Demo: el evento «${feedback.event}» no existe`);
    await giveFeedback({
      practiceId: practice.id,
      authorId: authorOfFeedback,
      keyAspects: feedback.keyAspects,
      opportunities: [...feedback.opportunities],
      recommendations: [...feedback.recommendations],
      givenOn: feedback.date,
      eventId,
    });
    if (feedback.addressed.length > 0) {
      const stored = (await listFeedbackForPractice(practice.id)).at(-1);
      const opportunities = stored?.opportunities ?? [];
      for (const { index, note } of feedback.addressed) {
        const item = opportunities[index];
        if (item) await setOpportunityAddressed({ itemId: item.id, practiceId: practice.id, userId: authorId, addressed: true, note });
      }
    }
  }
}

/** `eventIds`: the demo events by title (db/demo/seed-events.ts), for the feedback given at one of them. */
export async function seedPractices(difocaId: number, eventIds: ReadonlyMap<string, number>): Promise<void> {
  for (const seed of PRACTICES) await seedPractice(seed, difocaId, eventIds);
}
