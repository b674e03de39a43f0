import { sql, type Kysely } from "kysely";

// The months in which each member did something on the platform, stored (ADR 013): the panel's
// "members active in at least three months" counted them from ~1M ledger rows, wall posts, replies
// and attendance on every visit after a write. The app keeps this table exact, one member-month at
// a time, in the same transaction as each change to those sources (app/models/activity.server.ts).
//
// The backfill below is the same definition as activity.server.ts's `rebuildMemberActivity`, in
// SQL of its own: migrations never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("member_activity_months")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("year", "integer", (c) => c.notNull())
    // 1..12, the Lima month.
    .addColumn("month", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("member_activity_months_pk", ["user_id", "year", "month"])
    .modifyEnd(sql`without rowid`)
    .execute();
  await db.schema.createIndex("member_activity_months_year_idx").on("member_activity_months").columns(["year", "user_id"]).execute();

  await sql`
    insert into member_activity_months (user_id, year, month)
    select user_id, cast(substr(lima_month, 1, 4) as integer), cast(substr(lima_month, 6, 2) as integer)
    from (
      select award.user_id, substr(datetime(award.occurred_at, '-5 hours'), 1, 7) as lima_month
      from points_ledger as award
      where award.reverses_id is null
        and award.action not in ('manual_adjustment', 'badge_awarded', 'contribution_useful')
        and not exists (
          select 1 from points_ledger as reversal
          where reversal.reverses_id = award.id and reversal.unique_key like 'reverse:%'
        )
      union
      select author_id, substr(datetime(created_at, '-5 hours'), 1, 7) from wall_posts where hidden_at is null
      union
      select author_id, substr(datetime(created_at, '-5 hours'), 1, 7) from wall_replies where hidden_at is null
      union
      select event_registrations.user_id, substr(events.starts_on, 1, 7)
      from event_registrations inner join events on events.id = event_registrations.event_id
      where event_registrations.attended = 1
    )
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("member_activity_months").execute();
}
