import { sql, type Kysely } from "kysely";

// Indexes the load benchmark called for (ADR 013), each for a query the national-scale data made slow:
// - the walls' feeds and their counts read only visible posts of one wall, newest first;
// - the panel's "active members" skips reversed ledger rows, found through their reversal;
// - the home page's most visited practices, and the panel's visits and accompaniments of a year;
// - every award of points checks the member's badge rules over their ledger rows of one action;
// - the panel's years start at the first practice; a profile lists the member's latest posts.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index wall_posts_visible_idx on wall_posts (kind, created_at) where hidden_at is null`.execute(db);
  await sql`create index wall_posts_accompanied_idx on wall_posts (accompanied_at) where accompanied_at is not null`.execute(db);
  await sql`create index points_ledger_reverses_idx on points_ledger (reverses_id) where reverses_id is not null`.execute(db);
  await db.schema.createIndex("points_ledger_user_action_idx").on("points_ledger").columns(["user_id", "action"]).execute();
  await db.schema.createIndex("practices_visited_idx").on("practices").columns(["status", "visit_count"]).execute();
  await db.schema.createIndex("practice_visits_day_idx").on("practice_visits").column("day").execute();
  await db.schema.createIndex("practices_created_idx").on("practices").column("created_at").execute();
  await db.schema.createIndex("wall_posts_author_date_idx").on("wall_posts").columns(["author_id", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ["wall_posts_author_date_idx", "practices_created_idx", "practice_visits_day_idx", "practices_visited_idx", "points_ledger_user_action_idx", "points_ledger_reverses_idx", "wall_posts_accompanied_idx", "wall_posts_visible_idx"]) {
    await db.schema.dropIndex(index).execute();
  }
}
