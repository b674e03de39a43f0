// Advisories for tests, made through the advisory model: a request, its confirmation in the past
// by DIFOCA, and the record of the session, as if it had happened last week.
import { confirmAdvisory, recordAdvisoryOutcome, requestAdvisory } from "~/models/advisory.server";
import { createMember } from "./members";

const DAY = 24 * 3600_000;

/** A held advisory (with minutes) for a practice, asked for by a member of its team. */
export async function heldAdvisory(input: { practiceId: number; requestedBy: number; advisorId?: number; daysAgo?: number; topic?: string }) {
  const advisorId = input.advisorId ?? (await createMember({ role: "experto", iged: null })).id;
  const startsAt = new Date(Date.now() - (input.daysAgo ?? 7) * DAY);
  startsAt.setUTCMinutes(0, 0, 0);
  const before = new Date(startsAt.getTime() - 3 * DAY);
  const topic = input.topic ?? "Sostenibilidad de la práctica";
  const request = await requestAdvisory({
    practiceId: input.practiceId,
    requestedBy: input.requestedBy,
    type: "personalizada",
    topic,
    needs: "Orientación para documentar los resultados.",
    modality: "virtual",
    advisorId: null,
    startsAt: null,
    minutes: null,
    now: before,
  });
  if (!request.ok) throw new Error(`Advisory request refused: ${request.reason}`);
  // The request was left to DIFOCA, and only DIFOCA hands a request to an advisor.
  const difoca = await createMember({ role: "difoca", iged: null });
  const confirmed = await confirmAdvisory({ advisoryId: request.id, actorId: difoca.id, advisorId, startsAt: startsAt.toISOString(), minutes: 60, meetingUrl: "https://meet.ejemplo.pe/asesoria", place: null, now: before });
  if (!confirmed.ok) throw new Error(`Advisory confirmation refused: ${confirmed.reason}`);
  const recorded = await recordAdvisoryOutcome({
    advisoryId: request.id,
    actorId: advisorId,
    held: true,
    attendeeIds: [input.requestedBy],
    summary: "Se revisó la estrategia y los indicadores de resultado.",
    agreements: "- Completar la línea de base",
    commitments: [],
  });
  if (!recorded.ok) throw new Error(`Advisory outcome refused: ${recorded.reason}`);
  return { id: request.id, advisorId };
}
