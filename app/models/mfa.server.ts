// Multi-factor sign-in in the database: a member's TOTP secret (stored encrypted; this module never
// sees it in clear), the last time step accepted, the recovery codes (keyed hashes) and the
// short-lived challenges between a correct password and a session. The rules are in
// app/utils/auth.server.ts and the cryptography in app/utils/totp.server.ts (ADR 012).
import type { MfaChallengePurpose } from "../../db/schema";
import { recordAudit } from "~/models/audit.server";
import { nowIso } from "~/utils/dates";
import { getDb, writeTransaction, type DB } from "~/utils/db.server";

export type { MfaChallengePurpose } from "../../db/schema";

export interface MfaStatus {
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
}

export async function getMfaStatus(userId: number, db: DB = getDb()): Promise<MfaStatus> {
  const user = await db.selectFrom("users").select(["mfaEnabledAt"]).where("id", "=", userId).executeTakeFirst();
  const enabledAt = user?.mfaEnabledAt ?? null;
  return { enabled: enabledAt !== null, enabledAt, recoveryCodesLeft: enabledAt ? await countRecoveryCodesLeft(userId, db) : 0 };
}

/** For the auth module only: the encrypted secret and the last step accepted. */
export async function getTotpCredentials(userId: number, db: DB = getDb()) {
  const row = await db
    .selectFrom("users")
    .select(["totpSecret", "totpLastStep", "mfaEnabledAt"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!row?.totpSecret || !row.mfaEnabledAt) return undefined;
  return { encryptedSecret: row.totpSecret, lastStep: row.totpLastStep };
}

/**
 * Records that the code of `step` was used, only if no code of that step or a later one was used
 * before: one conditional write, so two requests with the same code cannot both succeed.
 */
export async function claimTotpStep(userId: number, step: number, db: DB = getDb()): Promise<boolean> {
  const result = await db
    .updateTable("users")
    .set({ totpLastStep: step })
    .where("id", "=", userId)
    .where("mfaEnabledAt", "is not", null)
    .where((eb) => eb.or([eb("totpLastStep", "is", null), eb("totpLastStep", "<", step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Turns MFA on with a confirmed secret (or moves it to a new device): the secret, the step of the
 * code that confirmed it, and a fresh set of recovery codes replacing any earlier ones.
 */
export async function enableMfa(
  input: { userId: number; encryptedSecret: string; confirmedStep: number; recoveryCodeHashes: string[] },
  db: DB = getDb(),
): Promise<void> {
  await writeTransaction(db, async (trx) => {
    const now = nowIso();
    const current = await trx.selectFrom("users").select("mfaEnabledAt").where("id", "=", input.userId).executeTakeFirstOrThrow();
    await trx
      .updateTable("users")
      .set({ totpSecret: input.encryptedSecret, totpLastStep: input.confirmedStep, mfaEnabledAt: current.mfaEnabledAt ?? now, updatedAt: now })
      .where("id", "=", input.userId)
      .execute();
    await insertRecoveryCodes(input.userId, input.recoveryCodeHashes, trx);
    await trx.deleteFrom("mfaChallenges").where("userId", "=", input.userId).where("purpose", "in", ["setup", "enrol"]).execute();
    await recordAudit(
      { actorId: input.userId, action: current.mfaEnabledAt ? "user.mfa_device_changed" : "user.mfa_enabled", targetType: "user", targetId: input.userId },
      trx,
    );
  });
}

async function insertRecoveryCodes(userId: number, hashes: string[], db: DB): Promise<void> {
  await db.deleteFrom("recoveryCodes").where("userId", "=", userId).execute();
  const now = nowIso();
  if (hashes.length > 0) {
    await db
      .insertInto("recoveryCodes")
      .values(hashes.map((codeHash) => ({ userId, codeHash, createdAt: now, usedAt: null })))
      .execute();
  }
}

/** A new set of recovery codes; the earlier ones stop working. */
export async function replaceRecoveryCodes(userId: number, hashes: string[], db: DB = getDb()): Promise<void> {
  await writeTransaction(db, async (trx) => {
    await insertRecoveryCodes(userId, hashes, trx);
    await recordAudit({ actorId: userId, action: "user.mfa_recovery_codes_regenerated", targetType: "user", targetId: userId }, trx);
  });
}

/** Marks an unused recovery code as used; false when there is no such unused code. Single use. */
export async function useRecoveryCode(userId: number, codeHash: string, db: DB = getDb()): Promise<boolean> {
  const result = await db
    .updateTable("recoveryCodes")
    .set({ usedAt: nowIso() })
    .where("userId", "=", userId)
    .where("codeHash", "=", codeHash)
    .where("usedAt", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countRecoveryCodesLeft(userId: number, db: DB = getDb()): Promise<number> {
  const row = await db
    .selectFrom("recoveryCodes")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("userId", "=", userId)
    .where("usedAt", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function clearMfa(userId: number, db: DB): Promise<void> {
  await db
    .updateTable("users")
    .set({ totpSecret: null, totpLastStep: null, mfaEnabledAt: null, updatedAt: nowIso() })
    .where("id", "=", userId)
    .execute();
  await db.deleteFrom("recoveryCodes").where("userId", "=", userId).execute();
  await db.deleteFrom("mfaChallenges").where("userId", "=", userId).execute();
}

/** The member turns MFA off themselves (the rules, such as DIFOCA never can, are the caller's). */
export async function disableMfa(userId: number, db: DB = getDb()): Promise<void> {
  await writeTransaction(db, async (trx) => {
    await clearMfa(userId, trx);
    await recordAudit({ actorId: userId, action: "user.mfa_disabled", targetType: "user", targetId: userId }, trx);
  });
}

/**
 * A DIFOCA specialist resets a member's MFA (a lost phone): the secret and recovery codes are
 * gone, every session of the member ends, and who did it and why is kept in the audit log.
 * Returns false when the member had no MFA to reset.
 */
export async function resetMemberMfa(input: { memberId: number; actorId: number; reason: string }, db: DB = getDb()): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const target = await trx.selectFrom("users").select("mfaEnabledAt").where("id", "=", input.memberId).executeTakeFirst();
    if (!target?.mfaEnabledAt) return false;
    await clearMfa(input.memberId, trx);
    await trx.deleteFrom("sessions").where("userId", "=", input.memberId).execute();
    await recordAudit(
      { actorId: input.actorId, action: "user.mfa_reset", targetType: "user", targetId: input.memberId, details: { reason: input.reason } },
      trx,
    );
    return true;
  });
}

/** Which of these members have MFA on (for the admin list). */
export async function listMfaEnabledIds(userIds: number[], db: DB = getDb()): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const rows = await db.selectFrom("users").select("id").where("id", "in", userIds).where("mfaEnabledAt", "is not", null).execute();
  return new Set(rows.map((r) => r.id));
}

export interface MfaChallenge {
  tokenHash: string;
  userId: number;
  purpose: MfaChallengePurpose;
  pendingSecret: string | null;
  redirectTo: string;
  failures: number;
  expiresAt: string;
}

/** A new challenge; a member has at most one of each purpose, so an earlier one is replaced. */
export async function createMfaChallenge(
  input: { tokenHash: string; userId: number; purpose: MfaChallengePurpose; pendingSecret: string | null; redirectTo: string; expiresAt: Date },
  db: DB = getDb(),
): Promise<void> {
  await writeTransaction(db, async (trx) => {
    const now = nowIso();
    await trx
      .deleteFrom("mfaChallenges")
      .where((eb) => eb.or([eb.and([eb("userId", "=", input.userId), eb("purpose", "=", input.purpose)]), eb("expiresAt", "<=", now)]))
      .execute();
    await trx
      .insertInto("mfaChallenges")
      .values({
        tokenHash: input.tokenHash,
        userId: input.userId,
        purpose: input.purpose,
        pendingSecret: input.pendingSecret,
        redirectTo: input.redirectTo,
        expiresAt: input.expiresAt.toISOString(),
        createdAt: now,
      })
      .execute();
  });
}

const challengeColumns = ["tokenHash", "userId", "purpose", "pendingSecret", "redirectTo", "failures", "expiresAt"] as const;

/** A challenge that has not expired, of an active member. */
export async function getMfaChallenge(tokenHash: string, purpose: MfaChallengePurpose, now = new Date(), db: DB = getDb()) {
  return db
    .selectFrom("mfaChallenges")
    .innerJoin("users", "users.id", "mfaChallenges.userId")
    .select(challengeColumns.map((c) => `mfaChallenges.${c}` as const))
    .select(["users.email", "users.role"])
    .where("mfaChallenges.tokenHash", "=", tokenHash)
    .where("mfaChallenges.purpose", "=", purpose)
    .where("mfaChallenges.expiresAt", ">", now.toISOString())
    .where("users.active", "=", 1)
    .executeTakeFirst();
}

/** The member's enrolment in progress on their security page, if it has not expired. */
export async function getEnrolment(userId: number, now = new Date(), db: DB = getDb()): Promise<MfaChallenge | undefined> {
  return db
    .selectFrom("mfaChallenges")
    .select(challengeColumns)
    .where("userId", "=", userId)
    .where("purpose", "=", "enrol")
    .where("expiresAt", ">", now.toISOString())
    .executeTakeFirst();
}

/** Counts a wrong code against a challenge and returns how many there have been. */
export async function recordChallengeFailure(tokenHash: string, db: DB = getDb()): Promise<number> {
  const row = await db
    .updateTable("mfaChallenges")
    .set((eb) => ({ failures: eb("failures", "+", 1) }))
    .where("tokenHash", "=", tokenHash)
    .returning("failures")
    .executeTakeFirst();
  return row?.failures ?? Number.POSITIVE_INFINITY;
}

/** Ends a challenge; true only for the one caller that ended it (a challenge is used once). */
export async function deleteMfaChallenge(tokenHash: string, db: DB = getDb()): Promise<boolean> {
  const result = await db.deleteFrom("mfaChallenges").where("tokenHash", "=", tokenHash).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
