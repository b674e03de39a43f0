import { sql, type Kysely } from "kysely";

// When a transfer ended (completed, closed or declined): the yearly figures, the map and the list
// by year need it to know in which years a transfer was active, and a closed or declined one has
// no completion date. Existing ended transfers take their last change as the end.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("transfers").addColumn("ended_at", "text").execute();
  await sql`update transfers set ended_at = coalesce(completed_at, updated_at) where status in ('completada', 'cerrada', 'rechazada')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("transfers").dropColumn("ended_at").execute();
}
