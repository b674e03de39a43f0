// Tiers (escalas) and the ranking as people read them. Shared by server and browser code: route
// components and app/components/member-tier.tsx cannot import *.server modules.

/** The requirement a tier can ask for besides points (for now, one kind). */
export interface PracticeStageOrTransferRequirement {
  type: "practice_stage_or_transfer";
  stage: "avanzado";
}
export type TierRequirement = PracticeStageOrTransferRequirement;

export const ADVANCED_PRACTICE_REQUIREMENT: PracticeStageOrTransferRequirement = { type: "practice_stage_or_transfer", stage: "avanzado" };

/** A requirement said as something to do, so it reads well both in a list of rules and in "te falta". */
export function requirementLabel(requirement: TierRequirement): string {
  switch (requirement.type) {
    case "practice_stage_or_transfer":
      return "Integrar el equipo de una práctica en estadio avanzado o completar una transferencia";
  }
}

export const TIER_NAME_MAX = 80;
export const TIER_DESCRIPTION_MAX = 500;
export const TIER_MIN_POINTS_MAX = 1_000_000;

/** What the profile shows about a member's tier; built by getMemberTierSummary in tier.server.ts. */
export interface MemberTierSummary {
  /** null when the member reaches no tier (only if DIFOCA sets the first tier above 0 points). */
  tierName: string | null;
  /** The member's points in `year`. */
  points: number;
  year: number;
  /** The following tier and what is missing for it; null at the top tier. */
  next: { tierName: string; missingPoints: number; missingRequirements: string[] } | null;
}

/** The value of the ranking's "year" filter that means every year together. */
export const ALL_TIME = "todo";

export function formatPoints(points: number): string {
  return `${points.toLocaleString("es-PE")} ${points === 1 ? "punto" : "puntos"}`;
}
