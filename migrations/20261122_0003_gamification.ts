import { sql, type Kysely } from "kysely";

// Gamification: point rules and their history, the append-only points ledger with stored totals
// (all time and per year), badges and their awards, the tiers of the network, members who hide
// from the ranking; and the in-app notifications that tell members what happened.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").addColumn("hide_from_ranking", "integer", (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable("point_rules")
    .addColumn("action", "text", (c) => c.primaryKey())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("points", "integer", (c) => c.notNull())
    .addColumn("daily_cap", "integer")
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  // Every value a rule has had, and from when: a rule change applies from its date on.
  await db.schema
    .createTable("point_rule_changes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("action", "text", (c) => c.notNull().references("point_rules.action"))
    .addColumn("points", "integer", (c) => c.notNull())
    .addColumn("daily_cap", "integer")
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("valid_from", "text", (c) => c.notNull())
    .addColumn("changed_by", "integer", (c) => c.references("users.id"))
    .execute();
  await db.schema.createIndex("point_rule_changes_action_idx").on("point_rule_changes").columns(["action", "valid_from"]).execute();

  await db.schema
    .createTable("points_ledger")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("points", "integer", (c) => c.notNull())
    .addColumn("subject_type", "text")
    .addColumn("subject_id", "integer")
    // The same event can never count twice: e.g. "practice_published:42:7" (action:subject:member).
    .addColumn("unique_key", "text", (c) => c.notNull().unique())
    .addColumn("reverses_id", "integer", (c) => c.references("points_ledger.id"))
    .addColumn("reason", "text")
    .addColumn("actor_id", "integer", (c) => c.references("users.id"))
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("points_ledger_user_idx").on("points_ledger").columns(["user_id", "occurred_at"]).execute();
  await db.schema.createIndex("points_ledger_subject_idx").on("points_ledger").columns(["subject_type", "subject_id"]).execute();
  await db.schema.createIndex("points_ledger_action_idx").on("points_ledger").columns(["action", "occurred_at"]).execute();

  await db.schema
    .createTable("member_points")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("users.id"))
    .addColumn("total", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("member_points_yearly")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("points", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("member_points_yearly_pk", ["user_id", "year"])
    .execute();
  await db.schema.createIndex("member_points_yearly_rank_idx").on("member_points_yearly").columns(["year", "points"]).execute();
  await db.schema.createIndex("member_points_total_idx").on("member_points").column("total").execute();

  await db.schema
    .createTable("badges")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("criteria", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull().check(sql`level in ('bronce', 'plata', 'oro')`))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('automatica', 'manual')`))
    // For automatic badges, JSON: { "type": "action_count", "action": "...", "threshold": 10 }.
    .addColumn("rule", "text")
    .addColumn("enabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("badge_awards")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    // Public id of the verifiable credential (Open Badges 3.0).
    .addColumn("credential_id", "text", (c) => c.notNull().unique())
    .addColumn("badge_id", "integer", (c) => c.notNull().references("badges.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("awarded_at", "text", (c) => c.notNull())
    .addColumn("awarded_by", "integer", (c) => c.references("users.id"))
    .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("evidence_url", "text")
    .addColumn("revoked_at", "text")
    .addColumn("revoked_by", "integer", (c) => c.references("users.id"))
    .addColumn("revoke_reason", "text")
    .execute();
  // A member holds a badge at most once at a time.
  await sql`create unique index badge_awards_active_uq on badge_awards (badge_id, user_id) where revoked_at is null`.execute(db);
  await db.schema.createIndex("badge_awards_user_idx").on("badge_awards").column("user_id").execute();

  await db.schema
    .createTable("tiers")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("min_points", "integer", (c) => c.notNull())
    // JSON list of extra requirements, e.g. [{ "type": "practice_stage", "stage": "avanzado" }].
    .addColumn("requirements", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("link", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema.createIndex("notifications_user_idx").on("notifications").columns(["user_id", "read_at", "created_at"]).execute();

  // Defaults DIFOCA edits at /admin/puntos.
  const now = new Date().toISOString();
  const rules: [string, string, number, number | null][] = [
    ["practice_published", "Práctica publicada (para cada miembro del equipo)", 50, null],
    ["practice_promoted_intermedio", "Práctica que pasa al estadio intermedio (para cada miembro del equipo)", 80, null],
    ["practice_promoted_avanzado", "Práctica que pasa al estadio avanzado (para cada miembro del equipo)", 150, null],
    ["feedback_given", "Retroalimentación de experto a una práctica", 30, 5],
    ["challenge_posted", "Desafío publicado", 10, 3],
    ["challenge_contribution", "Aporte a un desafío", 5, 10],
    ["contribution_useful", "Aporte elegido como útil por el autor del desafío", 15, null],
    ["initiative_posted", "Iniciativa compartida", 10, 3],
    ["comment", "Comentario", 2, 10],
    ["advisory_attended", "Asistencia a una asesoría", 20, null],
    ["event_attended", "Asistencia a un evento", 25, null],
    ["transfer_completed_source", "Transferencia completada (equipo de la práctica transferida)", 200, null],
    ["transfer_completed_receiver", "Transferencia completada (equipo de la IGED que la adopta)", 150, null],
    ["badge_awarded", "Insignia recibida", 20, null],
  ];
  await db
    .insertInto("point_rules")
    .values(rules.map(([action, label, points, daily_cap], position) => ({ action, label, points, daily_cap, active: 1, position, updated_at: now })))
    .execute();
  await db
    .insertInto("point_rule_changes")
    .values(rules.map(([action, , points, daily_cap]) => ({ action, points, daily_cap, active: 1, valid_from: "2020-01-01T00:00:00.000Z", changed_by: null })))
    .execute();

  await db
    .insertInto("tiers")
    .values([
      { slug: "participativo", name: "Gestor participativo", min_points: 0, requirements: "[]", position: 0, description: "Participa en la comunidad: comparte, comenta y aprende con sus pares." },
      { slug: "destacado", name: "Gestor destacado", min_points: 300, requirements: "[]", position: 1, description: "Aporta de manera constante: sus prácticas, aportes y asistencias suman al menos 300 puntos en el año." },
      {
        slug: "transformador",
        name: "Gestor transformador",
        min_points: 800,
        requirements: JSON.stringify([{ type: "practice_stage_or_transfer", stage: "avanzado" }]),
        position: 2,
        description: "Transforma la gestión en su territorio: al menos 800 puntos en el año y una práctica suya en estadio avanzado o una transferencia completada.",
      },
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["notifications", "tiers", "badge_awards", "badges", "member_points_yearly", "member_points", "points_ledger", "point_rule_changes", "point_rules"]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable("users").dropColumn("hide_from_ranking").execute();
}
