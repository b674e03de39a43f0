import { sql, type Kysely } from "kysely";

// The date under which each ledger entry appears in a member's history, stored (ADR 015). An award
// is shown on the day of what earned it; a reversal, a recompute correction and a manual adjustment
// on the day they were written. The history sorted by that rule as an expression, which no index
// holds, so a long-standing member's whole ledger was read and sorted for each profile. The index
// keeps each member's entries with points in the order of the history, newest first, and also
// counts them without reading the table.
//
// The backfill is the same rule as insertLedgerRow in app/models/points.server.ts, in SQL of its
// own: migrations never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  // Every row gets its value just below; the empty default only lets SQLite add a NOT NULL column.
  await db.schema
    .alterTable("points_ledger")
    .addColumn("shown_at", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await sql`
    update points_ledger
    set shown_at = case when reverses_id is null and action <> 'manual_adjustment' then occurred_at else created_at end
  `.execute(db);
  await sql`create index points_ledger_history_idx on points_ledger (user_id, shown_at desc, id desc) where points <> 0`.execute(db);
  await sql`analyze points_ledger`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("points_ledger_history_idx").execute();
  await db.schema.alterTable("points_ledger").dropColumn("shown_at").execute();
}
