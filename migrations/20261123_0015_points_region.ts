import { sql, type Kysely } from "kysely";

// The region of each member's stored totals (ADR 015). The ranking filtered by a region walked the
// index on (year, points) of the whole country and looked up every member's IGED on the way to keep
// that region's: Lima Metropolitana's first page read thousands of rows. With the member's region
// beside their points, a region's ranking is one range of the index (year, region, points), read
// in the ranking's order and only as far as the page. The region is the one of the member's IGED;
// app/models/points.server.ts writes it with the totals and keeps it when an IGED changes region.
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ["member_points", "member_points_yearly"]) {
    await db.schema
      .alterTable(table)
      .addColumn("region_id", "integer", (c) => c.references("regions.id"))
      .execute();
    await sql`
      update ${sql.table(table)}
      set region_id = (
        select igeds.region_id from users join igeds on igeds.id = users.iged_id
        where users.id = ${sql.ref(`${table}.user_id`)}
      )
    `.execute(db);
  }
  await db.schema.createIndex("member_points_region_idx").on("member_points").columns(["region_id", "total"]).execute();
  await db.schema
    .createIndex("member_points_yearly_region_idx")
    .on("member_points_yearly")
    .columns(["year", "region_id", "points"])
    .execute();
  await sql`analyze member_points`.execute(db);
  await sql`analyze member_points_yearly`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("member_points_yearly_region_idx").execute();
  await db.schema.dropIndex("member_points_region_idx").execute();
  for (const table of ["member_points", "member_points_yearly"]) {
    await db.schema.alterTable(table).dropColumn("region_id").execute();
  }
}
