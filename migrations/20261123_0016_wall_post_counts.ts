import { sql, type Kysely } from "kysely";

// How many visible posts each wall has in each region, stored (ADR 015). Counting a wall's visible
// posts for its first page read some 30,000 entries of the index of migration 0013 on every visit;
// the stored counts are 26 rows per wall. app/models/wall.server.ts keeps them in the same
// transaction as every change of a post's visibility or region (publish, edit, hide, restore).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("wall_post_counts")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("region_id", "integer", (c) => c.notNull().references("regions.id"))
    .addColumn("visible", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("wall_post_counts_pk", ["kind", "region_id"])
    .execute();
  await sql`
    insert into wall_post_counts (kind, region_id, visible)
    select kind, region_id, count(*) from wall_posts where hidden_at is null group by kind, region_id
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("wall_post_counts").execute();
}
