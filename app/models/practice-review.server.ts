// Everything the practice page needs for its expert feedback and its maturity route, in the
// plain shapes the PracticeFeedback and PromotionPanel components take.
import type { Stage } from "../../db/schema";
import type { FeedbackView, PracticeFeedbackProps } from "~/components/practice-feedback";
import type { PromotionPanelProps, StageOption } from "~/components/promotion-panel";
import { listFeedbackForPractice } from "~/models/feedback.server";
import { getPendingPromotion, listPromotionHistory, nextStage } from "~/models/maturity.server";
import { practiceAccess } from "~/models/practice-access.server";
import { getPracticeCore, STAGE_LABELS, STAGES } from "~/models/practice.server";
import type { CurrentUser } from "~/utils/auth.server";
import { getDb, type DB } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";

export function stageOption(stage: Stage): StageOption {
  return { value: stage, label: STAGE_LABELS[stage] };
}

export interface PracticeReview {
  feedback: PracticeFeedbackProps;
  promotion: PromotionPanelProps;
}

/**
 * Loads the feedback and the maturity panel of a practice for this viewer. The caller has already
 * checked that the viewer may see the practice. Undefined for an unknown practice.
 */
export async function loadPracticeReview(practiceId: number, user: CurrentUser | null, db: DB = getDb()): Promise<PracticeReview | undefined> {
  const practice = await getPracticeCore(practiceId, db);
  if (!practice) return undefined;
  const [access, entries, pending, history] = await Promise.all([
    practiceAccess(user, practice, db),
    listFeedbackForPractice(practiceId, db),
    getPendingPromotion(practiceId, db),
    listPromotionHistory(practiceId, db),
  ]);

  const feedback: FeedbackView[] = entries.map((entry) => ({
    id: entry.id,
    authorName: entry.authorName,
    authorPosition: entry.authorPosition,
    givenOn: entry.givenOn,
    keyAspectsHtml: renderMarkdown(entry.keyAspects),
    opportunities: entry.opportunities.map((o) => ({ ...o, addressed: o.addressedAt !== null })),
    recommendations: entry.recommendations,
  }));

  const next = practice.status === "publicada" ? nextStage(practice.stage) : null;
  const latest = history[0];
  const published = practice.status === "publicada";
  return {
    feedback: {
      slug: practice.slug,
      feedback,
      canMarkAddressed: access.canEdit,
      giveFeedbackHref: access.canGiveFeedback ? `/practicas/${practice.slug}/retroalimentacion` : null,
    },
    promotion: {
      slug: practice.slug,
      stage: stageOption(practice.stage),
      nextStage: next ? stageOption(next) : null,
      // Requests and DIFOCA's comments on them are for the team and DIFOCA only.
      pending: pending && (access.canEdit || access.canReview)
        ? { id: pending.id, targetStage: stageOption(pending.targetStage), requestedAt: pending.requestedAt, requestedByName: pending.requestedByName }
        : null,
      lastReturned:
        latest && latest.status === "devuelta" && (access.canEdit || access.canReview)
          ? { targetStage: stageOption(latest.targetStage), decidedAt: latest.decidedAt, decidedByName: latest.decidedByName, note: latest.decisionNote }
          : null,
      canRequest: access.canEdit && published && next !== null && pending === null,
      canDecide: access.canReview && published,
      lowerStages: access.canReview && published ? STAGES.slice(0, STAGES.indexOf(practice.stage)).map(stageOption) : [],
    },
  };
}
