// Badge levels, kinds and addresses as people read them. Shared by server and browser code (route
// components cannot import *.server modules, which are empty in the browser).
import type { BadgeLevel } from "../../db/schema";

export type { BadgeLevel } from "../../db/schema";
export type BadgeKind = "automatica" | "manual";

export const BADGE_LEVELS = ["bronce", "plata", "oro"] as const satisfies readonly BadgeLevel[];
export const BADGE_LEVEL_LABELS: Record<BadgeLevel, string> = { bronce: "Bronce", plata: "Plata", oro: "Oro" };

export const BADGE_KINDS = ["automatica", "manual"] as const satisfies readonly BadgeKind[];
export const BADGE_KIND_LABELS: Record<BadgeKind, string> = {
  automatica: "Automática (se otorga sola al cumplir la regla)",
  manual: "Manual (la otorga DIFOCA con un motivo)",
};
export const BADGE_KIND_SHORT_LABELS: Record<BadgeKind, string> = { automatica: "Automática", manual: "Otorgada por DIFOCA" };

/** Actions a badge rule may not count: a badge counting badges would feed itself. */
export const ACTIONS_NOT_FOR_RULES: readonly string[] = ["badge_awarded"];

/** The most emails the "award to many" form takes at once. */
export const MAX_BULK_EMAILS = 500;

export function badgePath(slug: string): string {
  return `/insignias/${slug}`;
}

export function badgeImagePath(slug: string): string {
  return `/insignias/${slug}/imagen.svg`;
}

export function credentialPath(credentialId: string): string {
  return `/credenciales/${credentialId}`;
}

export function credentialDownloadPath(credentialId: string): string {
  return `/credenciales/${credentialId}.json`;
}

/** What the profile's badge list shows for each award (see app/components/member-badges.tsx). */
export interface MemberBadgeView {
  credentialId: string;
  slug: string;
  name: string;
  level: BadgeLevel;
  levelLabel: string;
  awardedOn: string;
  reason: string;
}

/** An automatic rule in plain Spanish: "Se otorga sola al registrar 3 veces «Retroalimentación de experto a una práctica»." */
export function describeRule(rule: { action: string; threshold: number }, actionLabel: string | undefined): string {
  const times = rule.threshold === 1 ? "una vez" : `${rule.threshold.toLocaleString("es-PE")} veces`;
  return `Se otorga sola al sumar ${times} «${actionLabel ?? rule.action}» en el historial de puntos.`;
}

export function holdersText(n: number): string {
  if (n === 0) return "Todavía nadie la tiene.";
  return n === 1 ? "1 miembro la tiene." : `${n.toLocaleString("es-PE")} miembros la tienen.`;
}
