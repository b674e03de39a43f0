// In-app notifications: the one function that tells a member something happened. It runs inside
// the caller's transaction, so a notification exists exactly when its cause does. An e-mail channel
// can later be added here, reading the same rows.
import { nowIso } from "~/utils/dates";
import { getDb, type DB } from "~/utils/db.server";

export interface NotificationInput {
  userId: number;
  /** What happened, e.g. "badge_awarded", "feedback_received". */
  type: string;
  title: string;
  body?: string;
  link?: string | null;
}

export async function notify(input: NotificationInput | NotificationInput[], db: DB = getDb()): Promise<void> {
  const rows = Array.isArray(input) ? input : [input];
  if (rows.length === 0) return;
  const createdAt = nowIso();
  await db
    .insertInto("notifications")
    .values(rows.map((n) => ({ userId: n.userId, type: n.type, title: n.title, body: n.body ?? "", link: n.link ?? null, createdAt })))
    .execute();
}

export async function countUnread(userId: number, db: DB = getDb()): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("userId", "=", userId)
    .where("readAt", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listNotifications(userId: number, options: { limit?: number } = {}, db: DB = getDb()) {
  return db
    .selectFrom("notifications")
    .select(["id", "type", "title", "body", "link", "createdAt", "readAt"])
    .where("userId", "=", userId)
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .limit(options.limit ?? 50)
    .execute();
}

export async function markRead(input: { userId: number; notificationId?: number }, db: DB = getDb()): Promise<void> {
  let query = db.updateTable("notifications").set({ readAt: nowIso() }).where("userId", "=", input.userId).where("readAt", "is", null);
  if (input.notificationId !== undefined) query = query.where("id", "=", input.notificationId);
  await query.execute();
}
