// Members of the community: accounts, roles, activation. The password hash is read only by
// getSignInCredentials, which only app/utils/auth.server.ts calls.
import { sql } from "kysely";
import type { Role } from "../../db/schema";
import { recordAudit } from "~/models/audit.server";
import { nowIso } from "~/utils/dates";
import { cachedAggregate } from "~/utils/cache.server";
import { getDb, writeTransaction, type DB } from "~/utils/db.server";

export type { Role } from "../../db/schema";

export interface Member {
  id: number;
  email: string;
  name: string;
  role: Role;
  position: string;
  active: boolean;
  igedId: number | null;
  igedName: string | null;
  igedType: string | null;
  regionId: number | null;
  regionName: string | null;
  createdAt: string;
  deactivatedAt: string | null;
}

function memberQuery(db: DB) {
  return db
    .selectFrom("users")
    .leftJoin("igeds", "igeds.id", "users.igedId")
    .leftJoin("regions", "regions.id", "igeds.regionId")
    .select([
      "users.id",
      "users.email",
      "users.name",
      "users.role",
      "users.position",
      "users.active",
      "users.igedId",
      "igeds.name as igedName",
      "igeds.type as igedType",
      "regions.id as regionId",
      "regions.name as regionName",
      "users.createdAt",
      "users.deactivatedAt",
    ]);
}

type MemberRow = Omit<Member, "active"> & { active: number };
const toMember = (row: MemberRow): Member => ({ ...row, active: row.active === 1 });

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Kept in memory until the data changes, like every read of a member's public profile (ADR 016). */
export function getMember(id: number, db: DB = getDb()): Promise<Member | undefined> {
  return cachedAggregate(`member:${id}`, () => readMember(id, db), db);
}

async function readMember(id: number, db: DB = getDb()): Promise<Member | undefined> {
  const row = await memberQuery(db).where("users.id", "=", id).executeTakeFirst();
  return row && toMember(row);
}

export async function getMemberByEmail(email: string, db: DB = getDb()): Promise<Member | undefined> {
  const row = await memberQuery(db).where("users.email", "=", normalizeEmail(email)).executeTakeFirst();
  return row && toMember(row);
}

export async function isEmailTaken(email: string, db: DB = getDb()): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").where("email", "=", normalizeEmail(email)).executeTakeFirst();
  return row !== undefined;
}

/** For the auth module only: what is needed to check a password. */
export async function getSignInCredentials(email: string, db: DB = getDb()) {
  return db
    .selectFrom("users")
    .select(["id", "passwordHash", "active", "role", "mfaEnabledAt"])
    .where("email", "=", normalizeEmail(email))
    .executeTakeFirst();
}

export class EmailTakenError extends Error {
  constructor() {
    super("email taken");
  }
}

export interface NewMemberInput {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  igedId: number | null;
  position: string;
}

/** Creates an account; throws EmailTakenError when the address is already registered. */
export async function createMember(input: NewMemberInput, db: DB = getDb()): Promise<number> {
  const now = nowIso();
  try {
    const row = await db
      .insertInto("users")
      .values({
        email: normalizeEmail(input.email),
        name: input.name.trim(),
        passwordHash: input.passwordHash,
        role: input.role,
        igedId: input.igedId,
        position: input.position.trim(),
        active: 1,
        createdAt: now,
        updatedAt: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    if (error instanceof Error && /UNIQUE constraint failed: users\.email/.test(error.message)) {
      throw new EmailTakenError();
    }
    throw error;
  }
}

export async function recordSignIn(userId: number, db: DB = getDb()): Promise<void> {
  await db.updateTable("users").set({ lastLoginAt: nowIso() }).where("id", "=", userId).execute();
}

export interface MemberSearch {
  query?: string;
  role?: Role;
  status?: "active" | "inactive";
  page?: number;
  pageSize?: number;
}

export async function searchMembers(search: MemberSearch, db: DB = getDb()) {
  const pageSize = search.pageSize ?? 25;
  const page = Math.max(1, search.page ?? 1);
  let query = memberQuery(db);
  const term = search.query?.trim().toLowerCase();
  if (term) {
    const like = `%${term.replace(/[!%_]/g, (c) => `!${c}`)}%`;
    // "!" escapes the %, _ and ! a person types; LIKE must be told which character escapes.
    query = query.where((eb) =>
      eb.or([sql<boolean>`lower(${eb.ref("users.name")}) like ${like} escape '!'`, sql<boolean>`${eb.ref("users.email")} like ${like} escape '!'`]),
    );
  }
  if (search.role) query = query.where("users.role", "=", search.role);
  if (search.status) query = query.where("users.active", "=", search.status === "active" ? 1 : 0);

  const { total } = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy("users.name")
    .orderBy("users.id")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { members: rows.map(toMember), total: Number(total), page, pageSize };
}

export async function countActiveMembers(db: DB = getDb()): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("active", "=", 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Changes a member's role and keeps who did it. Becoming DIFOCA ends every session of the member:
 * DIFOCA must sign in with a second factor (ADR 012), so the next sign-in goes through it.
 */
export async function changeMemberRole(
  input: { memberId: number; role: Role; actorId: number | null },
  db: DB = getDb(),
): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const current = await trx.selectFrom("users").select("role").where("id", "=", input.memberId).executeTakeFirst();
    if (!current) return false;
    if (current.role === input.role) return true;
    if (current.role === "difoca" && (await countActiveDifoca(trx)) <= 1) return false;
    await trx.updateTable("users").set({ role: input.role, updatedAt: nowIso() }).where("id", "=", input.memberId).execute();
    const endsSessions = input.role === "difoca";
    if (endsSessions) await trx.deleteFrom("sessions").where("userId", "=", input.memberId).execute();
    await recordAudit(
      {
        actorId: input.actorId,
        action: "user.role_changed",
        targetType: "user",
        targetId: input.memberId,
        details: { from: current.role, to: input.role, ...(endsSessions ? { sessionsEnded: true } : {}) },
      },
      trx,
    );
    return true;
  });
}

/** Deactivates an account and ends all its sessions in the same transaction. */
export async function deactivateMember(
  input: { memberId: number; actorId: number | null; reason: string },
  db: DB = getDb(),
): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const now = nowIso();
    const target = await trx.selectFrom("users").select("role").where("id", "=", input.memberId).executeTakeFirst();
    // The community always keeps at least one active DIFOCA specialist.
    if (target?.role === "difoca" && (await countActiveDifoca(trx)) <= 1) return false;
    const result = await trx
      .updateTable("users")
      .set({ active: 0, deactivatedAt: now, updatedAt: now })
      .where("id", "=", input.memberId)
      .where("active", "=", 1)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await trx.deleteFrom("sessions").where("userId", "=", input.memberId).execute();
    await recordAudit(
      { actorId: input.actorId, action: "user.deactivated", targetType: "user", targetId: input.memberId, details: { reason: input.reason } },
      trx,
    );
    return true;
  });
}

export async function reactivateMember(
  input: { memberId: number; actorId: number | null },
  db: DB = getDb(),
): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const result = await trx
      .updateTable("users")
      .set({ active: 1, deactivatedAt: null, updatedAt: nowIso() })
      .where("id", "=", input.memberId)
      .where("active", "=", 0)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await recordAudit({ actorId: input.actorId, action: "user.reactivated", targetType: "user", targetId: input.memberId }, trx);
    return true;
  });
}

async function countActiveDifoca(db: DB): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", "difoca")
    .where("active", "=", 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The active DIFOCA specialists: who is told about requests that wait for DIFOCA. */
export async function listActiveDifocaIds(db: DB = getDb()): Promise<number[]> {
  const rows = await db.selectFrom("users").select("id").where("role", "=", "difoca").where("active", "=", 1).orderBy("id").execute();
  return rows.map((r) => r.id);
}

/**
 * The member changed their own password: the new hash, and every session of the member ends
 * (the caller starts a new one for the browser that made the change), pending sign-in steps are
 * dropped, and it is audited. One transaction.
 */
export async function changeMemberPassword(input: { memberId: number; passwordHash: string }, db: DB = getDb()): Promise<{ sessionsEnded: number }> {
  return writeTransaction(db, async (trx) => {
    const now = nowIso();
    await trx.updateTable("users").set({ passwordHash: input.passwordHash, updatedAt: now }).where("id", "=", input.memberId).execute();
    const ended = await trx.deleteFrom("sessions").where("userId", "=", input.memberId).executeTakeFirst();
    await trx.deleteFrom("mfaChallenges").where("userId", "=", input.memberId).where("purpose", "in", ["verify", "setup"]).execute();
    // The browser that made the change gets a new session: it is not counted as ended for the member.
    const sessionsEnded = Math.max(0, Number(ended.numDeletedRows) - 1);
    await recordAudit(
      { actorId: input.memberId, action: "user.password_changed", targetType: "user", targetId: input.memberId, details: { otherSessionsEnded: sessionsEnded } },
      trx,
    );
    return { sessionsEnded };
  });
}
