// In-app notifications: the one function that tells a member something happened. It runs inside
// the caller's transaction, so a notification exists exactly when its cause does. The rows are an
// outbox: an e-mail channel is a later worker that reads them after commit (ADR 007); the types and
// whether each merits an e-mail are in app/utils/notification-types.ts.
import { nowIso } from "~/utils/dates";
import type { NotificationType } from "~/utils/notification-types";
import { getDb, type DB } from "~/utils/db.server";

export interface NotificationInput {
  userId: number;
  /** What happened: a key of NOTIFICATION_TYPES, e.g. "badge_awarded", so a new kind cannot go unnamed. */
  type: NotificationType;
  title: string;
  body?: string;
  link?: string | null;
}

export async function notify(input: NotificationInput | NotificationInput[], db: DB = getDb()): Promise<void> {
  const rows = Array.isArray(input) ? input : [input];
  if (rows.length === 0) return;
  const createdAt = nowIso();
  // In slices: one notice to every member (a badge enabled over past activity tells thousands)
  // would pass SQLite's limit of 32,766 bound values in a single statement.
  for (let i = 0; i < rows.length; i += NOTIFY_BATCH) {
    await db
      .insertInto("notifications")
      .values(rows.slice(i, i + NOTIFY_BATCH).map((n) => ({ userId: n.userId, type: n.type, title: n.title, body: n.body ?? "", link: n.link ?? null, createdAt })))
      .execute();
  }
}

const NOTIFY_BATCH = 1000;

export async function countUnread(userId: number, db: DB = getDb()): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("userId", "=", userId)
    .where("readAt", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface NotificationListOptions {
  /** Only the ones not read yet. */
  unreadOnly?: boolean;
  limit?: number;
  offset?: number;
}

/** A member's notifications, newest first, one page at a time. */
export async function listNotifications(userId: number, options: NotificationListOptions = {}, db: DB = getDb()) {
  let query = db
    .selectFrom("notifications")
    .select(["id", "type", "title", "body", "link", "createdAt", "readAt"])
    .where("userId", "=", userId);
  if (options.unreadOnly) query = query.where("readAt", "is", null);
  return query
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .limit(options.limit ?? 50)
    .offset(options.offset ?? 0)
    .execute();
}

/** How many notifications a member has (or has unread), for the centre's pages. */
export async function countNotifications(userId: number, options: Pick<NotificationListOptions, "unreadOnly"> = {}, db: DB = getDb()): Promise<number> {
  if (options.unreadOnly) return countUnread(userId, db);
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("userId", "=", userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markRead(input: { userId: number; notificationId?: number }, db: DB = getDb()): Promise<void> {
  let query = db.updateTable("notifications").set({ readAt: nowIso() }).where("userId", "=", input.userId).where("readAt", "is", null);
  if (input.notificationId !== undefined) query = query.where("id", "=", input.notificationId);
  await query.execute();
}
