import { sql, type Kysely } from "kysely";

// Events of the community (intercambios macrorregionales, webinars, talleres, pasantías): their
// agenda, the practices presented with their commentators, the invited regions, registrations with
// a waiting list, attendance (ticked by DIFOCA or typed as a code on the day) and testimonials.
// Expert feedback given at an event points to it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("type", "text", (c) => c.notNull().check(sql`type in ('intercambio', 'webinar', 'taller', 'pasantia')`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    // Days in Lima (YYYY-MM-DD) and the daily times; an event may last several days.
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("start_time", "text", (c) => c.notNull().defaultTo("09:00"))
    .addColumn("end_time", "text", (c) => c.notNull().defaultTo("17:00"))
    .addColumn("macroregion_id", "integer", (c) => c.references("macroregions.id"))
    .addColumn("host_region_id", "integer", (c) => c.references("regions.id"))
    .addColumn("modality", "text", (c) => c.notNull().check(sql`modality in ('presencial', 'virtual', 'mixta')`))
    .addColumn("place", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("meeting_url", "text")
    .addColumn("agenda", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("capacity", "integer")
    // The code attendees type on the day to record their own attendance; null when not in use.
    .addColumn("attendance_code", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("publicado"))
    .addColumn("created_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("events_dates_idx").on("events").columns(["starts_on"]).execute();

  await db.schema
    .createTable("event_practices")
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id"))
    .addColumn("practice_id", "integer", (c) => c.notNull().references("practices.id"))
    .addColumn("commentator_id", "integer", (c) => c.references("users.id"))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("event_practices_pk", ["event_id", "practice_id"])
    .execute();

  await db.schema
    .createTable("event_regions")
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id"))
    .addColumn("region_id", "integer", (c) => c.notNull().references("regions.id"))
    .addPrimaryKeyConstraint("event_regions_pk", ["event_id", "region_id"])
    .execute();

  await db.schema
    .createTable("event_registrations")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    // inscrito, en_espera (waiting list), cancelado
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attended", "integer", (c) => c.notNull().defaultTo(0))
    // How attendance was recorded: "lista" (DIFOCA ticked it) or "codigo" (typed on the day).
    .addColumn("attendance_source", "text")
    .addColumn("registered_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("event_registrations_one_idx").on("event_registrations").columns(["event_id", "user_id"]).unique().execute();
  await db.schema.createIndex("event_registrations_user_idx").on("event_registrations").columns(["user_id"]).execute();

  await db.schema
    .createTable("event_testimonials")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("hidden_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("event_testimonials_one_idx").on("event_testimonials").columns(["event_id", "user_id"]).unique().execute();

  await db.schema.alterTable("practice_feedback").addColumn("event_id", "integer", (c) => c.references("events.id")).execute();
  await db.schema.createIndex("practice_feedback_event_idx").on("practice_feedback").columns(["event_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("practice_feedback_event_idx").execute();
  await db.schema.alterTable("practice_feedback").dropColumn("event_id").execute();
  for (const table of ["event_testimonials", "event_registrations", "event_regions", "event_practices", "events"]) {
    await db.schema.dropTable(table).execute();
  }
}
