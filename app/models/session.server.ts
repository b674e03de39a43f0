// Lucia's adapter over Kysely. Written here rather than taken from @lucia-auth/adapter-sqlite,
// which pins better-sqlite3 11 and would open a second path into the database (ADR 002).
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import { getDb, type DB } from "~/utils/db.server";

export class KyselySessionAdapter implements Adapter {
  constructor(private readonly db: () => DB = getDb) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await this.db()
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.userId")
      .select([
        "sessions.id",
        "sessions.userId",
        "sessions.expiresAt",
        "sessions.createdAt",
        "users.name",
        "users.email",
        "users.role",
        "users.igedId",
        "users.active",
      ])
      .where("sessions.id", "=", sessionId)
      .executeTakeFirst();
    // A deactivated member has no valid session, whatever the session row says.
    if (!row || row.active !== 1) return [null, null];
    return [
      { id: row.id, userId: row.userId, expiresAt: new Date(row.expiresAt), attributes: { createdAt: new Date(row.createdAt) } },
      { id: row.userId, attributes: { name: row.name, email: row.email, role: row.role, igedId: row.igedId } },
    ];
  }

  async getUserSessions(userId: number): Promise<DatabaseSession[]> {
    const rows = await this.db()
      .selectFrom("sessions")
      .select(["id", "userId", "expiresAt", "createdAt"])
      .where("userId", "=", userId)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      userId: r.userId,
      expiresAt: new Date(r.expiresAt),
      attributes: { createdAt: new Date(r.createdAt) },
    }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.db()
      .insertInto("sessions")
      .values({
        id: session.id,
        userId: session.userId,
        expiresAt: session.expiresAt.toISOString(),
        createdAt: session.attributes.createdAt.toISOString(),
      })
      .execute();
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.db().updateTable("sessions").set({ expiresAt: expiresAt.toISOString() }).where("id", "=", sessionId).execute();
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db().deleteFrom("sessions").where("id", "=", sessionId).execute();
  }

  async deleteUserSessions(userId: number): Promise<void> {
    await this.db().deleteFrom("sessions").where("userId", "=", userId).execute();
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db().deleteFrom("sessions").where("expiresAt", "<=", new Date().toISOString()).execute();
  }
}

export async function countSessions(userId: number, db: DB = getDb()): Promise<number> {
  const row = await db
    .selectFrom("sessions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("userId", "=", userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface MemberSession {
  id: string;
  createdAt: string;
  expiresAt: string;
}

/** The member's sessions that have not expired, newest first. */
export async function listMemberSessions(userId: number, now = new Date(), db: DB = getDb()): Promise<MemberSession[]> {
  return db
    .selectFrom("sessions")
    .select(["id", "createdAt", "expiresAt"])
    .where("userId", "=", userId)
    .where("expiresAt", ">", now.toISOString())
    .orderBy("createdAt", "desc")
    .orderBy("id")
    .execute();
}

/** Ends one session, only if it belongs to the member (ownership in the query); false otherwise. */
export async function deleteMemberSession(input: { userId: number; sessionId: string }, db: DB = getDb()): Promise<boolean> {
  const result = await db.deleteFrom("sessions").where("id", "=", input.sessionId).where("userId", "=", input.userId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Ends every session of the member but one (the browser's own); returns how many ended. */
export async function deleteOtherMemberSessions(input: { userId: number; keepSessionId: string | null }, db: DB = getDb()): Promise<number> {
  let query = db.deleteFrom("sessions").where("userId", "=", input.userId);
  if (input.keepSessionId) query = query.where("id", "!=", input.keepSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
