// One of each thing the routes need, made through the factories and the model functions, and the
// six roles of the authorization matrix with their session cookies. Used by the Vitest matrix
// (its own temporary database) and by the Playwright security spec (the e2e server's database).
import type { Role } from "../../db/schema";
import { confirmAdvisory, getCalendarToken, requestAdvisory } from "~/models/advisory.server";
import { awardBadge, createBadge } from "~/models/badge.server";
import { createEvent, type EventFields } from "~/models/event.server";
import { addFileEvidence } from "~/models/evidence.server";
import { giveFeedback, listFeedbackForPractice } from "~/models/feedback.server";
import { getIgedByName } from "~/models/iged.server";
import { listNotifications, notify } from "~/models/notification.server";
import { addTeamMember, changePracticeStage, createPractice } from "~/models/practice.server";
import { addTransferEvidence, requestTransfer } from "~/models/transfer.server";
import { deactivateMember } from "~/models/user.server";
import { addWallReply, reportWallContent } from "~/models/wall.server";
import { todayInLima } from "~/utils/dates";
import { createMember } from "../factories/members";
import { makePractice } from "../factories/practices";
import { makeChallenge, makeInitiative } from "../factories/walls";
import { sessionCookieFor } from "../setup/requests";

/** The roles of the matrix, in the order its tables list them. */
export const ROLES = ["visitor", "gestor", "otherGestor", "experto", "difoca", "deactivated"] as const;
export type MatrixRole = (typeof ROLES)[number];

export const ROLE_LABELS: Record<MatrixRole, string> = {
  visitor: "visitante",
  gestor: "gestor de la IGED dueña",
  otherGestor: "gestor de otra IGED",
  experto: "experto",
  difoca: "DIFOCA",
  deactivated: "cuenta desactivada con sesión antigua",
};

export const SCENARIO_IGED = "UGEL Nasca";
export const OTHER_IGED = "UGEL Huaraz";
const RECEIVING_IGED = "UGEL Ventanilla";

const DAY = 24 * 3600_000;
const dayIn = (days: number) => todayInLima(new Date(Date.now() + days * DAY));

/** A real one-page PDF, as an uploaded evidence. */
export const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
const pdf = (name: string) => new File([PDF_BYTES], name, { type: "application/pdf" });

export interface Scenario {
  /** Member ids by role; the visitor has none. */
  ids: Record<Exclude<MatrixRole, "visitor">, number>;
  /** A session cookie per role; the visitor sends none. */
  cookies: Record<MatrixRole, string | undefined>;
  /** A published practice at the stage inicial: its team is the gestor (and the deactivated member). */
  practice: { id: number; slug: string };
  /** A draft of the same team, never submitted. */
  draft: { id: number; slug: string };
  /** A published practice at the stage avanzado of the same team, asked for by another IGED. */
  advanced: { id: number; slug: string };
  /** An opportunity of improvement from an expert's feedback on `practice`. */
  opportunityId: number;
  /** A PDF evidence of `practice` (public) and one of `draft` (private). */
  evidenceId: number;
  draftEvidenceId: number;
  /** A PDF evidence of a practice of the other IGED, whose team the gestor is not on. */
  foreignEvidenceId: number;
  challengeId: number;
  initiativeId: number;
  /** A reply by the gestor of another IGED on the challenge and on the initiative. */
  replyIds: { challenge: number; initiative: number };
  /** An advisory of `practice` asked for by the gestor, confirmed by DIFOCA with an advisor, in the future. */
  advisoryId: number;
  /** The gestor's private calendar feed token. */
  feedToken: string;
  /** A transfer of `advanced` to another IGED, pending DIFOCA's decision, with a PDF evidence. */
  transferId: number;
  transferEvidenceId: number;
  /** An event that ended (its report is public) and one still to come. */
  pastEventId: number;
  upcomingEventId: number;
  /** A manual badge held by the gestor, and the id of that credential. */
  badgeId: number;
  badgeSlug: string;
  credentialId: string;
  /** A notification of the gestor. */
  notificationId: number;
}

function eventFields(title: string, startsOn: string): EventFields {
  return {
    type: "webinar",
    title,
    summary: "Un webinar de la matriz de autorización.",
    startsOn,
    endsOn: startsOn,
    startTime: "10:00",
    endTime: "12:00",
    macroregionId: null,
    hostRegionId: null,
    modality: "virtual",
    place: "",
    meetingUrl: "https://meet.ejemplo.pe/webinar",
    agenda: "## Agenda\n- Bienvenida",
    capacity: null,
    invitedRegionIds: [],
  };
}

async function member(role: Role, iged: string | null) {
  return createMember({ role, iged });
}

export async function buildScenario(): Promise<Scenario> {
  const tag = Math.random().toString(36).slice(2, 8);
  const gestor = await member("gestor", SCENARIO_IGED);
  const otherGestor = await member("gestor", OTHER_IGED);
  const experto = await member("experto", null);
  const difoca = await member("difoca", null);
  // Someone who was on the team and wrote on the walls, and whose account DIFOCA then deactivated.
  const deactivated = await member("gestor", SCENARIO_IGED);
  // People the roles are not: the advisor of the advisory, the expert who gave feedback, the receiving side.
  const advisor = await member("experto", null);
  const commentator = await member("experto", null);
  const receiver = await member("gestor", RECEIVING_IGED);

  // Practices: published inicial, a draft, and an advanced one; the gestor on every team.
  const practice = await makePractice({ authorId: gestor.id, iged: SCENARIO_IGED, title: `Práctica de la matriz ${tag}`, publish: true });
  await addTeamMember({ practiceId: practice.id, userId: deactivated.id });
  const draft = await makePractice({ authorId: gestor.id, iged: SCENARIO_IGED, title: `Borrador de la matriz ${tag}` });
  await addTeamMember({ practiceId: draft.id, userId: deactivated.id });
  const advanced = await makePractice({ authorId: gestor.id, iged: SCENARIO_IGED, title: `Práctica avanzada de la matriz ${tag}`, publish: true });
  if (!(await changePracticeStage({ practiceId: advanced.id, actorId: difoca.id, toStage: "avanzado", note: "Consolidada." }))) {
    throw new Error("The advanced practice could not be promoted");
  }

  await giveFeedback({
    practiceId: practice.id,
    authorId: commentator.id,
    keyAspects: "Un equipo técnico consolidado.",
    opportunities: ["Definir indicadores de resultado"],
    recommendations: ["Incluir la práctica en el PAT"],
    givenOn: dayIn(-3),
  });
  const feedback = (await listFeedbackForPractice(practice.id))[0];
  const opportunityId = feedback?.opportunities[0]?.id;
  if (!opportunityId) throw new Error("The feedback has no opportunity");

  const evidence = await addFileEvidence({ practiceId: practice.id, uploadedBy: gestor.id, title: "Resolución directoral", file: pdf("resolucion.pdf") });
  const draftEvidence = await addFileEvidence({ practiceId: draft.id, uploadedBy: gestor.id, title: "Acta interna", file: pdf("acta.pdf") });
  const foreign = await makePractice({ authorId: otherGestor.id, iged: OTHER_IGED, title: `Práctica de otra IGED ${tag}`, publish: true });
  const foreignEvidence = await addFileEvidence({ practiceId: foreign.id, uploadedBy: otherGestor.id, title: "Informe de resultados", file: pdf("informe.pdf") });
  if (!evidence.ok || !draftEvidence.ok || !foreignEvidence.ok) throw new Error("The evidence could not be stored");

  // Walls: a challenge and an initiative by the gestor, each with a reply from another IGED and a report.
  const challenge = await makeChallenge({ authorId: gestor.id, iged: SCENARIO_IGED, title: `Desafío de la matriz ${tag}` });
  const initiative = await makeInitiative({ authorId: gestor.id, iged: SCENARIO_IGED, title: `Iniciativa de la matriz ${tag}` });
  const replyIds = { challenge: 0, initiative: 0 };
  for (const [kind, postId] of [["challenge", challenge.id], ["initiative", initiative.id]] as const) {
    const reply = await addWallReply({ postId, authorId: otherGestor.id, body: "En Huaraz probamos algo parecido con buenos resultados." });
    if (!reply.ok) throw new Error(`The reply was refused: ${reply.reason}`);
    replyIds[kind] = reply.id;
  }
  const report = await reportWallContent({ postId: challenge.id, replyId: null, reporterId: otherGestor.id, reason: "spam", details: "" });
  if (!report.ok) throw new Error(`The report was refused: ${report.reason}`);

  // An advisory asked for by the gestor, handed by DIFOCA to an advisor for next week.
  const advisory = await requestAdvisory({
    practiceId: practice.id,
    requestedBy: gestor.id,
    type: "personalizada",
    topic: "Indicadores de resultado",
    needs: "Orientación para medir los resultados.",
    modality: "virtual",
    advisorId: null,
    startsAt: null,
    minutes: null,
  });
  if (!advisory.ok) throw new Error(`The advisory was refused: ${advisory.reason}`);
  const startsAt = new Date(Date.now() + 7 * DAY);
  startsAt.setUTCHours(15, 0, 0, 0);
  const confirmed = await confirmAdvisory({ advisoryId: advisory.id, actorId: difoca.id, advisorId: advisor.id, startsAt: startsAt.toISOString(), minutes: 60, meetingUrl: "https://meet.ejemplo.pe/asesoria", place: null });
  if (!confirmed.ok) throw new Error(`The advisory confirmation was refused: ${confirmed.reason}`);
  const feedToken = await getCalendarToken(gestor.id);

  // A transfer of the advanced practice to an IGED of another region, waiting for DIFOCA.
  const receivingIged = await getIgedByName(RECEIVING_IGED);
  const transfer = await requestTransfer({
    practiceId: advanced.id,
    requestedBy: receiver.id,
    receivingIgedId: receivingIged!.id,
    reason: "Queremos adoptar la práctica en nuestras escuelas.",
    context: "Escuelas urbanas con alta matrícula.",
  });
  if (!transfer.ok) throw new Error(`The transfer was refused: ${transfer.reason}`);
  const transferEvidence = await addTransferEvidence({ transferId: transfer.id, actorId: receiver.id, title: "Oficio de solicitud", file: pdf("oficio.pdf") });
  if (!transferEvidence.ok) throw new Error("The transfer evidence was refused");

  const pastEvent = await createEvent({ ...eventFields(`Webinar pasado de la matriz ${tag}`, dayIn(-10)), createdBy: difoca.id });
  const upcomingEvent = await createEvent({ ...eventFields(`Webinar próximo de la matriz ${tag}`, dayIn(20)), createdBy: difoca.id });

  const badge = await createBadge({
    name: `Insignia de la matriz ${tag}`,
    description: "Reconoce a quien documenta su práctica.",
    criteria: "Documentar una práctica con evidencias.",
    level: "bronce",
    kind: "manual",
    rule: null,
    createdBy: difoca.id,
  });
  if (!badge.ok) throw new Error(`The badge was refused: ${JSON.stringify(badge.errors)}`);
  const award = await awardBadge({ badgeId: badge.id, userId: gestor.id, awardedBy: difoca.id, reason: "Documentó su práctica." });
  if (!award.awarded) throw new Error("The badge was not awarded");

  await notify({ userId: gestor.id, type: "badge_awarded", title: "Recibiste una insignia", link: `/insignias/${badge.slug}` });
  const notificationId = (await listNotifications(gestor.id))[0]?.id;
  if (!notificationId) throw new Error("The gestor has no notification");

  // The deactivated member keeps a session row made before (or despite) the deactivation.
  if (!(await deactivateMember({ memberId: deactivated.id, actorId: difoca.id, reason: "Dejó la UGEL." }))) throw new Error("Could not deactivate");

  const ids = { gestor: gestor.id, otherGestor: otherGestor.id, experto: experto.id, difoca: difoca.id, deactivated: deactivated.id };
  return {
    ids,
    cookies: {
      visitor: undefined,
      gestor: await sessionCookieFor(gestor.id),
      otherGestor: await sessionCookieFor(otherGestor.id),
      experto: await sessionCookieFor(experto.id),
      difoca: await sessionCookieFor(difoca.id),
      deactivated: await sessionCookieFor(deactivated.id),
    },
    practice: { id: practice.id, slug: practice.slug },
    draft: { id: draft.id, slug: draft.slug },
    advanced: { id: advanced.id, slug: advanced.slug },
    opportunityId,
    evidenceId: evidence.id,
    draftEvidenceId: draftEvidence.id,
    foreignEvidenceId: foreignEvidence.id,
    challengeId: challenge.id,
    initiativeId: initiative.id,
    replyIds,
    advisoryId: advisory.id,
    feedToken,
    transferId: transfer.id,
    transferEvidenceId: transferEvidence.id,
    pastEventId: pastEvent.id,
    upcomingEventId: upcomingEvent.id,
    badgeId: badge.id,
    badgeSlug: badge.slug,
    credentialId: award.credentialId,
    notificationId,
  };
}

/** A fresh session cookie for a role, for requests that end the session they come with (signing out). */
export async function freshCookie(scenario: Scenario, role: MatrixRole): Promise<string | undefined> {
  return role === "visitor" ? undefined : sessionCookieFor(scenario.ids[role]);
}
