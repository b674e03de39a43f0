// Who may see and change a practice: its team (the members who keep it) and DIFOCA. Published
// and archived practices are public; drafts and practices under review are not.
import type { PracticeStatus } from "../../db/schema";
import type { CurrentUser } from "~/utils/auth.server";
import { getDb, type DB } from "~/utils/db.server";
import { can } from "~/utils/permissions.server";

export interface PracticeAccess {
  /** The practice can be read by this person. */
  canView: boolean;
  /** This person is on the practice's team. */
  isTeam: boolean;
  /** This person may edit the practice's text, team, contacts and evidence. */
  canEdit: boolean;
  /** This person may publish, return, archive, promote and demote it. */
  canReview: boolean;
  /** This person may leave expert feedback on it. */
  canGiveFeedback: boolean;
}

export async function isTeamMember(practiceId: number, userId: number, db: DB = getDb()): Promise<boolean> {
  const row = await db
    .selectFrom("practiceTeam")
    .select("userId")
    .where("practiceId", "=", practiceId)
    .where("userId", "=", userId)
    .executeTakeFirst();
  return row !== undefined;
}

export function isPublic(status: PracticeStatus): boolean {
  return status === "publicada" || status === "archivada";
}

export async function practiceAccess(
  user: CurrentUser | null,
  practice: { id: number; status: PracticeStatus },
  db: DB = getDb(),
): Promise<PracticeAccess> {
  const isTeam = user ? await isTeamMember(practice.id, user.id, db) : false;
  const canEdit = isTeam || can(user, "practices.edit_any");
  return {
    canView: isPublic(practice.status) || canEdit,
    isTeam,
    canEdit,
    canReview: can(user, "practices.review"),
    canGiveFeedback: can(user, "practices.feedback") && practice.status === "publicada" && !isTeam,
  };
}
