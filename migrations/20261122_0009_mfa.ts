import { sql, type Kysely } from "kysely";

// Multi-factor sign-in (ADR 012): a member's TOTP secret (encrypted by the application, so a copy
// of the database alone gives no working codes), the last time step accepted (no code is accepted
// twice), their single-use recovery codes (only keyed hashes are kept), and the short-lived
// challenges between a correct password and a session (a second step, or the setup DIFOCA must do).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").addColumn("totp_secret", "text").execute();
  await db.schema.alterTable("users").addColumn("totp_last_step", "integer").execute();
  await db.schema.alterTable("users").addColumn("mfa_enabled_at", "text").execute();

  await db.schema
    .createTable("recovery_codes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("recovery_codes_user_idx").on("recovery_codes").column("user_id").execute();

  await db.schema
    .createTable("mfa_challenges")
    // The SHA-256 of the random token kept in the browser's cookie (or of the enrolment's id).
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("purpose", "text", (c) => c.notNull().check(sql`purpose in ('verify', 'setup', 'enrol')`))
    // For setup and enrolment: the new secret, encrypted, until a code confirms it.
    .addColumn("pending_secret", "text")
    .addColumn("redirect_to", "text", (c) => c.notNull().defaultTo("/"))
    .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("mfa_challenges_user_idx").on("mfa_challenges").columns(["user_id", "purpose"]).execute();

  // MFA is required for DIFOCA from now on: their open sessions end, so that their next sign-in
  // goes through the setup.
  await sql`delete from sessions where user_id in (select id from users where role = 'difoca')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("mfa_challenges").execute();
  await db.schema.dropTable("recovery_codes").execute();
  await db.schema.alterTable("users").dropColumn("mfa_enabled_at").execute();
  await db.schema.alterTable("users").dropColumn("totp_last_step").execute();
  await db.schema.alterTable("users").dropColumn("totp_secret").execute();
}
