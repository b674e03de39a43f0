// Who may do what: the one table of permissions and the one check every loader and action uses.
// Later features add their rows here; ownership rules (a practice's team, a post's author) are
// checked by the feature with the same `can` and its own predicate.
import type { Role } from "../../db/schema";
import { requireUser, type CurrentUser } from "~/utils/auth.server";
import { forbidden } from "~/utils/http.server";

export const PERMISSIONS = {
  /** Search members, change their role, deactivate and reactivate accounts, reset a member's MFA (lost phone). */
  "users.manage": ["difoca"],
  /** See a deactivated member's profile. */
  "users.view_inactive": ["difoca"],
  /** Start a new practice (its author joins its team). */
  "practices.create": ["gestor", "difoca"],
  /** Review submitted practices: publish or return them; archive; promote and demote stages. */
  "practices.review": ["difoca"],
  /** See and edit any practice, whatever its team. */
  "practices.edit_any": ["difoca"],
  /** Leave structured feedback on a practice. */
  "practices.feedback": ["experto", "difoca"],
  /** Edit the thematic lines and the maturity route's criteria. */
  "practices.configure": ["difoca"],
  /** Edit the reference data: macroregions of the regions, the list of IGEDs. */
  "reference.manage": ["difoca"],
  /** Edit point rules, adjust a member's points by hand, recompute a period. */
  "points.manage": ["difoca"],
  /** Create and edit badges; award and revoke them by hand. */
  "badges.manage": ["difoca"],
  /** Edit the tiers of the network. */
  "tiers.manage": ["difoca"],
  /** Post challenges and initiatives, contribute, comment, react, follow and report on the walls. */
  "walls.participate": ["gestor", "experto", "difoca"],
  /** Hide and restore posts and replies, work the queue of reports, see hidden content. */
  "walls.moderate": ["difoca"],
  /** Take a challenge or an initiative into accompaniment. */
  "walls.accompany": ["difoca"],
  /** Publish availability as an advisor, and confirm, reschedule and record one's own advisories. */
  "advisories.advise": ["experto", "difoca"],
  /** Every advisory: assign advisors, confirm, reschedule, record; the queue of requests. */
  "advisories.manage": ["difoca"],
  /** Ask for an advanced practice to be transferred to one's IGED (DIFOCA: to any IGED). */
  "transfers.request": ["gestor", "difoca"],
  /** Accept or decline transfer requests, validate their last stages, act on any transfer. */
  "transfers.manage": ["difoca"],
  /** Create and edit events, record attendance, award a badge to the attendees, hide testimonials. */
  "events.manage": ["difoca"],
  /** The DIFOCA part of the dashboard (/panel). */
  "dashboard.full": ["difoca"],
  /** Download the exports (CSV and Excel) of practices, members, activities and attendance. */
  "exports.download": ["difoca"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(user: Pick<CurrentUser, "role"> | null | undefined, permission: Permission): boolean {
  if (!user) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}

/** The signed-in member, if they have the permission; otherwise a redirect to sign in or a 403. */
export async function requirePermission(request: Request, permission: Permission): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!can(user, permission)) throw forbidden();
  return user;
}
