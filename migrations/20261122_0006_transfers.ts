import { sql, type Kysely } from "kysely";

// Transfers (transferencia y escalamiento): an advanced practice adopted by an IGED of another
// region, followed stage by stage with dated notes and evidence, its people on both sides, and the
// advisories about it. Every move is a row of its history; nothing is overwritten.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("transfers")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("practice_id", "integer", (c) => c.notNull().references("practices.id"))
    // Where the practice came from when the transfer was asked for (the lead IGED may change later).
    .addColumn("source_iged_id", "integer", (c) => c.notNull().references("igeds.id"))
    .addColumn("source_region_id", "integer", (c) => c.notNull().references("regions.id"))
    .addColumn("receiving_iged_id", "integer", (c) => c.notNull().references("igeds.id"))
    .addColumn("receiving_region_id", "integer", (c) => c.notNull().references("regions.id"))
    .addColumn("requested_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("context", "text", (c) => c.notNull())
    // solicitud → acuerdo → adaptacion → implementacion → evaluacion → institucionalizada
    .addColumn("stage", "text", (c) => c.notNull())
    // pendiente (DIFOCA decides), en_curso, suspendida, completada, rechazada, cerrada
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("status_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("completed_at", "text")
    .execute();
  await db.schema.createIndex("transfers_practice_idx").on("transfers").columns(["practice_id"]).execute();
  await db.schema.createIndex("transfers_regions_idx").on("transfers").columns(["source_region_id", "receiving_region_id"]).execute();
  // One open transfer per practice and receiving IGED.
  await sql`create unique index transfers_one_open_idx on transfers (practice_id, receiving_iged_id) where status in ('pendiente', 'en_curso', 'suspendida')`.execute(db);

  await db.schema
    .createTable("transfer_participants")
    .addColumn("transfer_id", "integer", (c) => c.notNull().references("transfers.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("side", "text", (c) => c.notNull().check(sql`side in ('source', 'receiving')`))
    .addColumn("added_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("transfer_participants_pk", ["transfer_id", "user_id"])
    .execute();
  await db.schema.createIndex("transfer_participants_user_idx").on("transfer_participants").columns(["user_id"]).execute();

  await db.schema
    .createTable("transfer_steps")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("transfer_id", "integer", (c) => c.notNull().references("transfers.id"))
    // requested, accepted, declined, advanced, suspended, resumed, closed, note
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("from_stage", "text")
    .addColumn("to_stage", "text")
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    // The day it happened (YYYY-MM-DD, Lima), which may be before it was written down.
    .addColumn("occurred_on", "text", (c) => c.notNull())
    .addColumn("actor_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("transfer_steps_transfer_idx").on("transfer_steps").columns(["transfer_id", "occurred_on"]).execute();

  await db.schema
    .createTable("transfer_evidence")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("transfer_id", "integer", (c) => c.notNull().references("transfers.id"))
    .addColumn("step_id", "integer", (c) => c.references("transfer_steps.id"))
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("url", "text")
    .addColumn("file_name", "text")
    .addColumn("stored_name", "text")
    .addColumn("mime_type", "text")
    .addColumn("size_bytes", "integer")
    .addColumn("uploaded_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("transfer_evidence_transfer_idx").on("transfer_evidence").columns(["transfer_id"]).execute();

  // Advisories about a transfer (asesorías sobre transferencia) point to it.
  await db.schema.alterTable("advisories").addColumn("transfer_id", "integer", (c) => c.references("transfers.id")).execute();
  await db.schema.createIndex("advisories_transfer_idx").on("advisories").columns(["transfer_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("advisories_transfer_idx").execute();
  await db.schema.alterTable("advisories").dropColumn("transfer_id").execute();
  for (const table of ["transfer_evidence", "transfer_steps", "transfer_participants", "transfers"]) {
    await db.schema.dropTable(table).execute();
  }
}
