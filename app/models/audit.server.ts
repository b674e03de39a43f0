// The history of who changed what: one row per administrative change.
import { nowIso } from "~/utils/dates";
import { getDb, type DB } from "~/utils/db.server";

export interface AuditEntryInput {
  actorId: number | null;
  action: string;
  targetType: string;
  targetId: number | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(entry: AuditEntryInput, db: DB = getDb()): Promise<void> {
  await db
    .insertInto("auditLog")
    .values({
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      details: JSON.stringify(entry.details ?? {}),
      createdAt: nowIso(),
    })
    .execute();
}

export interface AuditEntry {
  id: number;
  action: string;
  details: Record<string, unknown>;
  createdAt: string;
  actorId: number | null;
  actorName: string | null;
}

export async function listAuditForTarget(
  targetType: string,
  targetId: number,
  db: DB = getDb(),
): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom("auditLog")
    .leftJoin("users", "users.id", "auditLog.actorId")
    .select(["auditLog.id", "auditLog.action", "auditLog.details", "auditLog.createdAt", "auditLog.actorId", "users.name as actorName"])
    .where("auditLog.targetType", "=", targetType)
    .where("auditLog.targetId", "=", targetId)
    .orderBy("auditLog.id", "desc")
    .execute();
  return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
}
