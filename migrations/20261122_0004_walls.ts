import { sql, type Kysely } from "kysely";

// The challenge wall and the initiative wall: posts (a challenge or an initiative) with their tags,
// replies (contributions to a challenge, comments on an initiative), "me sirve" and reactions,
// follows, and the reports members send to DIFOCA. Hiding is a set of columns, never a delete, so
// moderation can be undone; who hid and restored what is kept in the audit log.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("wall_posts")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('challenge', 'initiative')`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("body", "text", (c) => c.notNull())
    // JSON list of web addresses (initiatives).
    .addColumn("links", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("thematic_line_id", "integer", (c) => c.references("thematic_lines.id"))
    .addColumn("region_id", "integer", (c) => c.notNull().references("regions.id"))
    .addColumn("iged_id", "integer", (c) => c.references("igeds.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("author_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("accompanied_by", "integer", (c) => c.references("users.id"))
    .addColumn("accompanied_at", "text")
    .addColumn("practice_id", "integer", (c) => c.references("practices.id"))
    // Stored counts of visible replies and reactions: the feed sorts by them.
    .addColumn("reply_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("reaction_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_activity_at", "text", (c) => c.notNull())
    .addColumn("hidden_at", "text")
    .addColumn("hidden_by", "integer", (c) => c.references("users.id"))
    .addColumn("hidden_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("wall_posts_feed_idx").on("wall_posts").columns(["kind", "created_at"]).execute();
  await db.schema.createIndex("wall_posts_activity_idx").on("wall_posts").columns(["kind", "last_activity_at"]).execute();
  await db.schema.createIndex("wall_posts_region_idx").on("wall_posts").columns(["region_id"]).execute();
  await db.schema.createIndex("wall_posts_author_idx").on("wall_posts").columns(["author_id"]).execute();
  await db.schema.createIndex("wall_posts_practice_idx").on("wall_posts").columns(["practice_id"]).execute();

  await db.schema
    .createTable("wall_post_tags")
    .addColumn("post_id", "integer", (c) => c.notNull().references("wall_posts.id").onDelete("cascade"))
    .addColumn("tag", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("wall_post_tags_pk", ["post_id", "tag"])
    .execute();
  await db.schema.createIndex("wall_post_tags_tag_idx").on("wall_post_tags").columns(["tag"]).execute();

  await db.schema
    .createTable("wall_replies")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("post_id", "integer", (c) => c.notNull().references("wall_posts.id"))
    .addColumn("author_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("body", "text", (c) => c.notNull())
    // Set when the challenge's author marks the contribution as useful.
    .addColumn("useful_at", "text")
    .addColumn("reaction_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("hidden_at", "text")
    .addColumn("hidden_by", "integer", (c) => c.references("users.id"))
    .addColumn("hidden_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("wall_replies_post_idx").on("wall_replies").columns(["post_id", "created_at"]).execute();
  await db.schema.createIndex("wall_replies_author_idx").on("wall_replies").columns(["author_id"]).execute();

  await db.schema
    .createTable("wall_post_reactions")
    .addColumn("post_id", "integer", (c) => c.notNull().references("wall_posts.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("wall_post_reactions_pk", ["post_id", "user_id"])
    .execute();

  await db.schema
    .createTable("wall_reply_reactions")
    .addColumn("reply_id", "integer", (c) => c.notNull().references("wall_replies.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("wall_reply_reactions_pk", ["reply_id", "user_id"])
    .execute();

  await db.schema
    .createTable("wall_follows")
    .addColumn("post_id", "integer", (c) => c.notNull().references("wall_posts.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("wall_follows_pk", ["post_id", "user_id"])
    .execute();
  await db.schema.createIndex("wall_follows_user_idx").on("wall_follows").columns(["user_id"]).execute();

  await db.schema
    .createTable("wall_reports")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("post_id", "integer", (c) => c.notNull().references("wall_posts.id"))
    .addColumn("reply_id", "integer", (c) => c.references("wall_replies.id"))
    .addColumn("reporter_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("details", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("resolved_at", "text")
    .addColumn("resolved_by", "integer", (c) => c.references("users.id"))
    // "hidden" (DIFOCA hid the content) or "dismissed" (nothing to do).
    .addColumn("resolution", "text")
    .addColumn("resolution_note", "text")
    .execute();
  await db.schema.createIndex("wall_reports_open_idx").on("wall_reports").columns(["resolved_at", "created_at"]).execute();
  // One open report per member and piece of content: reporting twice changes nothing.
  await sql`create unique index wall_reports_one_open_idx on wall_reports (reporter_id, post_id, coalesce(reply_id, 0)) where resolved_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["wall_reports", "wall_follows", "wall_reply_reactions", "wall_post_reactions", "wall_replies", "wall_post_tags", "wall_posts"]) {
    await db.schema.dropTable(table).execute();
  }
}
