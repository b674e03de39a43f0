// One-time password reset links (ADR 014). The e-mail channel is only a seam (ADR 007), so a DIFOCA
// specialist issues the link and passes it on through MINEDU's channels. Only the SHA-256 of the
// link's token is stored; the rules (who may issue, the password policy) are in the callers.
import { recordAudit } from "~/models/audit.server";
import { nowIso } from "~/utils/dates";
import { getDb, writeTransaction, type DB } from "~/utils/db.server";

export type PasswordResetState = "valid" | "used" | "expired" | "revoked";

export interface PasswordReset {
  userId: number;
  memberName: string;
  email: string;
  expiresAt: string;
  state: PasswordResetState;
}

/**
 * Keeps a new link for a member (and who issued it, and why); any earlier unused link of the member
 * stops working. Audited with its reason.
 */
export async function issuePasswordReset(
  input: { tokenHash: string; memberId: number; issuedBy: number; reason: string; expiresAt: Date; issuedAt?: Date },
  db: DB = getDb(),
): Promise<void> {
  await writeTransaction(db, async (trx) => {
    const now = nowIso(input.issuedAt);
    const revoked = await trx
      .updateTable("passwordResets")
      .set({ revokedAt: now })
      .where("userId", "=", input.memberId)
      .where("usedAt", "is", null)
      .where("revokedAt", "is", null)
      .executeTakeFirst();
    await trx
      .insertInto("passwordResets")
      .values({
        tokenHash: input.tokenHash,
        userId: input.memberId,
        issuedBy: input.issuedBy,
        reason: input.reason,
        createdAt: now,
        expiresAt: input.expiresAt.toISOString(),
        usedAt: null,
        revokedAt: null,
      })
      .execute();
    await recordAudit(
      {
        actorId: input.issuedBy,
        action: "user.password_reset_issued",
        targetType: "user",
        targetId: input.memberId,
        details: { reason: input.reason, expiresAt: input.expiresAt.toISOString(), earlierLinksRevoked: Number(revoked.numUpdatedRows) },
      },
      trx,
    );
  });
}

/** The link with this token hash and whether it still works; undefined when there is no such link. */
export async function findPasswordReset(tokenHash: string, now = new Date(), db: DB = getDb()): Promise<PasswordReset | undefined> {
  const row = await db
    .selectFrom("passwordResets")
    .innerJoin("users", "users.id", "passwordResets.userId")
    .select(["passwordResets.userId", "users.name", "users.email", "passwordResets.expiresAt", "passwordResets.usedAt", "passwordResets.revokedAt"])
    .where("passwordResets.tokenHash", "=", tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const state: PasswordResetState = row.usedAt
    ? "used"
    : row.revokedAt
      ? "revoked"
      : Date.parse(row.expiresAt) <= now.getTime()
        ? "expired"
        : "valid";
  return { userId: row.userId, memberName: row.name, email: row.email, expiresAt: row.expiresAt, state };
}

/**
 * Uses the link: in one transaction the link is claimed (only if it still works, so two requests
 * with the same link cannot both succeed), the member's password hash is replaced, every session of
 * the member ends and pending sign-in steps are dropped. MFA stays as it is. False when the link no
 * longer works.
 */
export async function redeemPasswordReset(
  input: { tokenHash: string; passwordHash: string; now?: Date },
  db: DB = getDb(),
): Promise<{ userId: number } | null> {
  return writeTransaction(db, async (trx) => {
    const now = input.now ?? new Date();
    const claimed = await trx
      .updateTable("passwordResets")
      .set({ usedAt: nowIso(now) })
      .where("tokenHash", "=", input.tokenHash)
      .where("usedAt", "is", null)
      .where("revokedAt", "is", null)
      .where("expiresAt", ">", now.toISOString())
      .returning("userId")
      .executeTakeFirst();
    if (!claimed) return null;
    const userId = claimed.userId;
    await trx.updateTable("users").set({ passwordHash: input.passwordHash, updatedAt: nowIso(now) }).where("id", "=", userId).execute();
    const ended = await trx.deleteFrom("sessions").where("userId", "=", userId).executeTakeFirst();
    await trx.deleteFrom("mfaChallenges").where("userId", "=", userId).where("purpose", "in", ["verify", "setup"]).execute();
    await recordAudit(
      {
        actorId: userId,
        action: "user.password_reset_used",
        targetType: "user",
        targetId: userId,
        details: { sessionsEnded: Number(ended.numDeletedRows) },
      },
      trx,
    );
    return { userId };
  });
}
