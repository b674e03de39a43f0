import { sql, type Kysely } from "kysely";

// Advisories (asesorías personalizadas y sobre transferencia): when advisors can advise (weekly
// hours, one-off dates, days off), the advisories themselves with their history, attendance, the
// minutes and their commitments, and each member's private calendar feed. Instants are stored in
// UTC with the zone they were agreed in; availability is wall-clock time of that zone.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("advisor_availability")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("advisor_id", "integer", (c) => c.notNull().references("users.id"))
    // "weekly": every `weekday` (1 = Monday … 7 = Sunday); "date": only on `date` (YYYY-MM-DD).
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('weekly', 'date')`))
    .addColumn("weekday", "integer", (c) => c.check(sql`weekday between 1 and 7`))
    .addColumn("date", "text")
    .addColumn("start_time", "text", (c) => c.notNull())
    .addColumn("end_time", "text", (c) => c.notNull())
    .addColumn("session_minutes", "integer", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull().defaultTo("America/Lima"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("advisor_availability_advisor_idx").on("advisor_availability").columns(["advisor_id"]).execute();

  await db.schema
    .createTable("advisor_days_off")
    .addColumn("advisor_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addPrimaryKeyConstraint("advisor_days_off_pk", ["advisor_id", "date"])
    .execute();

  await db.schema
    .createTable("advisories")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("type", "text", (c) => c.notNull().check(sql`type in ('personalizada', 'transferencia')`))
    .addColumn("practice_id", "integer", (c) => c.notNull().references("practices.id"))
    .addColumn("requested_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("needs", "text", (c) => c.notNull())
    .addColumn("modality", "text", (c) => c.notNull().check(sql`modality in ('virtual', 'presencial')`))
    .addColumn("advisor_id", "integer", (c) => c.references("users.id"))
    // solicitada → (propuesta →) confirmada → realizada; or cancelada / no_realizada.
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("starts_at", "text")
    .addColumn("ends_at", "text")
    .addColumn("time_zone", "text", (c) => c.notNull().defaultTo("America/Lima"))
    .addColumn("meeting_url", "text")
    .addColumn("place", "text")
    .addColumn("cancel_reason", "text")
    .addColumn("series_title", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("advisories_advisor_time_idx").on("advisories").columns(["advisor_id", "starts_at"]).execute();
  await db.schema.createIndex("advisories_practice_idx").on("advisories").columns(["practice_id"]).execute();
  await db.schema.createIndex("advisories_status_idx").on("advisories").columns(["status", "starts_at"]).execute();

  await db.schema
    .createTable("advisory_events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("advisory_id", "integer", (c) => c.notNull().references("advisories.id"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("actor_id", "integer", (c) => c.references("users.id"))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("starts_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("advisory_events_advisory_idx").on("advisory_events").columns(["advisory_id", "created_at"]).execute();

  await db.schema
    .createTable("advisory_attendees")
    .addColumn("advisory_id", "integer", (c) => c.notNull().references("advisories.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("attended", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("advisory_attendees_pk", ["advisory_id", "user_id"])
    .execute();

  await db.schema
    .createTable("advisory_minutes")
    .addColumn("advisory_id", "integer", (c) => c.primaryKey().references("advisories.id"))
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("agreements", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("recorded_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("advisory_commitments")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("advisory_id", "integer", (c) => c.notNull().references("advisories.id"))
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("responsible_id", "integer", (c) => c.references("users.id"))
    .addColumn("responsible_name", "text", (c) => c.notNull())
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("done_at", "text")
    .addColumn("done_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("advisory_commitments_advisory_idx").on("advisory_commitments").columns(["advisory_id"]).execute();
  await db.schema.createIndex("advisory_commitments_due_idx").on("advisory_commitments").columns(["done_at", "due_date"]).execute();

  await db.schema
    .createTable("calendar_feeds")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("users.id"))
    .addColumn("token", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  // The maturity route's "advisory held" criterion is now checked by the platform.
  await db
    .updateTable("maturity_criteria")
    .set({ check_rule: "advisory", description: "El equipo recibió al menos una asesoría personalizada, registrada en la plataforma con su acta." })
    .where("title", "=", "Asesoría técnica realizada")
    .where("check_rule", "is", null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.updateTable("maturity_criteria").set({ check_rule: null }).where("check_rule", "=", "advisory").execute();
  for (const table of ["calendar_feeds", "advisory_commitments", "advisory_minutes", "advisory_attendees", "advisory_events", "advisories", "advisor_days_off", "advisor_availability"]) {
    await db.schema.dropTable(table).execute();
  }
}
