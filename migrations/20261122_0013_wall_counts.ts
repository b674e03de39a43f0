import { sql, type Kysely } from "kysely";

// The walls' counts of visible posts (ADR 013). The partial index of migration 0010 orders a wall's
// feed, but it does not hold `hidden_at`, so SQLite read every post of the table to count one
// wall's visible posts (15 ms for /desafios at national scale). The first two indexes hold every
// column the counts read, one wall and one wall in one region (the filter a UGEL most often uses),
// and end with the feed's order, newest first, so the page of posts is read in order too.
//
// The posts of a practice: most posts have none, so an index over every post told the planner
// that a practice has a hundred posts, and it preferred the new wall index (34 ms for a practice
// page). Indexed over the posts that have a practice, a practice has a few.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("wall_posts_kind_hidden_idx").on("wall_posts").columns(["kind", "hidden_at", "created_at"]).execute();
  await db.schema.createIndex("wall_posts_region_kind_idx").on("wall_posts").columns(["region_id", "kind", "hidden_at", "created_at"]).execute();
  await db.schema.dropIndex("wall_posts_practice_idx").execute();
  await sql`create index wall_posts_practice_idx on wall_posts (practice_id, kind) where practice_id is not null`.execute(db);
  // The planner's statistics of the table, with its new indexes (ANALYZE is also PostgreSQL's).
  await sql`analyze wall_posts`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("wall_posts_practice_idx").execute();
  await db.schema.createIndex("wall_posts_practice_idx").on("wall_posts").column("practice_id").execute();
  await db.schema.dropIndex("wall_posts_region_kind_idx").execute();
  await db.schema.dropIndex("wall_posts_kind_hidden_idx").execute();
}
