import type { Kysely } from "kysely";

// Two lists of a practice page read their table whole (ADR 015): the practice's contacts (one
// row per contact of every practice: 5,000 at national scale, 0.7 ms for each practice page) and
// the events where it was presented (keyed by event first). Both are now read by practice.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("practice_contacts_practice_idx").on("practice_contacts").columns(["practice_id", "position", "id"]).execute();
  await db.schema.createIndex("event_practices_practice_idx").on("event_practices").column("practice_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("event_practices_practice_idx").execute();
  await db.schema.dropIndex("practice_contacts_practice_idx").execute();
}
