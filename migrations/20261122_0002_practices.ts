import { sql, type Kysely } from "kysely";

// Good practices (BPGE): the practice and its IGEDs, team, contacts and evidence; its events
// (review, stage moves) and text revisions; the maturity criteria and promotion requests;
// structured expert feedback; and visits counted once per visitor per day.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("thematic_lines")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("practices")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("thematic_line_id", "integer", (c) => c.references("thematic_lines.id"))
    .addColumn("region_id", "integer", (c) => c.notNull().references("regions.id"))
    .addColumn("lead_iged_id", "integer", (c) => c.notNull().references("igeds.id"))
    .addColumn("start_year", "integer")
    .addColumn("vigente", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("problem", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("strategy", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("results", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("lessons", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("borrador").check(sql`status in ('borrador', 'en_revision', 'publicada', 'archivada')`),
    )
    .addColumn("stage", "text", (c) => c.notNull().defaultTo("inicial").check(sql`stage in ('inicial', 'intermedio', 'avanzado')`))
    .addColumn("review_note", "text")
    .addColumn("visit_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text")
    .addColumn("published_at", "text")
    .addColumn("stage_changed_at", "text")
    .execute();
  await db.schema.createIndex("practices_catalog_idx").on("practices").columns(["status", "published_at"]).execute();
  await db.schema.createIndex("practices_region_idx").on("practices").columns(["region_id", "status"]).execute();
  await db.schema.createIndex("practices_line_idx").on("practices").columns(["thematic_line_id", "status"]).execute();
  await db.schema.createIndex("practices_stage_idx").on("practices").columns(["stage", "status"]).execute();
  await db.schema.createIndex("practices_lead_iged_idx").on("practices").column("lead_iged_id").execute();

  await db.schema
    .createTable("practice_igeds")
    .addColumn("practice_id", "integer", (c) => c.notNull().references("practices.id").onDelete("cascade"))
    .addColumn("iged_id", "integer", (c) => c.notNull().references("igeds.id"))
    .addPrimaryKeyConstraint("practice_igeds_pk", ["practice_id", "iged_id"])
    .execute();
  await db.schema.createIndex("practice_igeds_iged_idx").on("practice_igeds").column("iged_id").execute();

  await db.schema
    .createTable("practice_team")
    .addColumn("practice_id", "integer", (c) => c.notNull().references("practices.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("added_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("practice_team_pk", ["practice_id", "user_id"])
    .execute();
  await db.schema.createIndex("practice_team_user_idx").on("practice_team").column("user_id").execute();

  await db.schema
    .createTable("practice_contacts")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("practice_id", "integer", (c) => c.notNull().references("practices.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("email", "text")
    .addColumn("phone", "text")
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("practice_evidence")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("practice_id", "integer", (c) => c.notNull().references("practices.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('archivo', 'enlace')`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("url", "text")
    .addColumn("file_name", "text")
    .addColumn("stored_name", "text")
    .addColumn("mime_type", "text")
    .addColumn("size_bytes", "integer")
    .addColumn("uploaded_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("practice_evidence_practice_idx").on("practice_evidence").column("practice_id").execute();

  await db.schema
    .createTable("practice_events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("practice_id", "integer", (c) => c.notNull().references("practices.id").onDelete("cascade"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("from_stage", "text")
    .addColumn("to_stage", "text")
    .addColumn("actor_id", "integer", (c) => c.references("users.id"))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("practice_events_practice_idx").on("practice_events").columns(["practice_id", "created_at"]).execute();

  await db.schema
    .createTable("practice_revisions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("practice_id", "integer", (c) => c.notNull().references("practices.id").onDelete("cascade"))
    .addColumn("editor_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("changes", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("practice_revisions_practice_idx").on("practice_revisions").column("practice_id").execute();

  await db.schema
    .createTable("maturity_criteria")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("target_stage", "text", (c) => c.notNull().check(sql`target_stage in ('intermedio', 'avanzado')`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    // A criterion the platform can check by itself: 'documented' (problem, strategy and results
    // written), 'feedback' (an expert's feedback received). Null: checked by DIFOCA on the evidence.
    .addColumn("check_rule", "text")
    .execute();

  await db.schema
    .createTable("promotion_requests")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("practice_id", "integer", (c) => c.notNull().references("practices.id").onDelete("cascade"))
    .addColumn("target_stage", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('pendiente', 'aprobada', 'devuelta')`))
    .addColumn("requested_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("decided_by", "integer", (c) => c.references("users.id"))
    .addColumn("decided_at", "text")
    .addColumn("decision_note", "text")
    .execute();
  await db.schema.createIndex("promotion_requests_practice_idx").on("promotion_requests").columns(["practice_id", "status"]).execute();

  await db.schema
    .createTable("promotion_request_items")
    .addColumn("request_id", "integer", (c) => c.notNull().references("promotion_requests.id").onDelete("cascade"))
    .addColumn("criterion_id", "integer", (c) => c.notNull().references("maturity_criteria.id"))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("evidence_id", "integer", (c) => c.references("practice_evidence.id").onDelete("set null"))
    .addPrimaryKeyConstraint("promotion_request_items_pk", ["request_id", "criterion_id"])
    .execute();

  await db.schema
    .createTable("practice_feedback")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("practice_id", "integer", (c) => c.notNull().references("practices.id").onDelete("cascade"))
    .addColumn("author_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("key_aspects", "text", (c) => c.notNull())
    .addColumn("given_on", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("practice_feedback_practice_idx").on("practice_feedback").column("practice_id").execute();
  await db.schema.createIndex("practice_feedback_author_idx").on("practice_feedback").column("author_id").execute();

  await db.schema
    .createTable("feedback_items")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("feedback_id", "integer", (c) => c.notNull().references("practice_feedback.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('oportunidad', 'recomendacion')`))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("addressed_at", "text")
    .addColumn("addressed_by", "integer", (c) => c.references("users.id"))
    .addColumn("addressed_note", "text")
    .execute();
  await db.schema.createIndex("feedback_items_feedback_idx").on("feedback_items").column("feedback_id").execute();

  await db.schema
    .createTable("practice_visits")
    .addColumn("practice_id", "integer", (c) => c.notNull().references("practices.id").onDelete("cascade"))
    .addColumn("visitor", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("practice_visits_pk", ["practice_id", "day", "visitor"])
    .execute();

  // Defaults DIFOCA can edit afterwards.
  const lines = [
    ["gestion-del-riesgo-de-desastres", "Gestión del riesgo de desastres"],
    ["inclusion-y-atencion-a-la-diversidad", "Inclusión y atención a la diversidad"],
    ["convivencia-y-bienestar-socioemocional", "Convivencia y bienestar socioemocional"],
    ["mejora-de-los-aprendizajes", "Mejora de los aprendizajes"],
    ["evaluacion-y-uso-de-evidencia", "Evaluación y uso de evidencia"],
    ["formacion-tecnico-productiva-y-empleabilidad", "Formación técnico-productiva y empleabilidad"],
    ["planificacion-y-gestion-por-procesos", "Planificación y gestión por procesos"],
    ["acceso-y-cobertura", "Acceso y cobertura"],
  ];
  await db
    .insertInto("thematic_lines")
    .values(lines.map(([slug, name], position) => ({ slug, name, position, active: 1 })))
    .execute();

  const criteria: [string, string, string, string | null][] = [
    ["intermedio", "Problema, estrategia y resultados documentados", "La práctica describe el problema que atiende, las acciones de su estrategia y sus resultados con cifras.", "documented"],
    ["intermedio", "Retroalimentación de un experto", "La práctica recibió al menos una retroalimentación estructurada de un experto de la comunidad.", "feedback"],
    ["intermedio", "Asesoría técnica realizada", "El equipo recibió al menos una asesoría personalizada (o DIFOCA deja constancia de que se realizó).", null],
    ["avanzado", "Incluida en los instrumentos de gestión", "La práctica figura en el PEI, el PAT o el POI de la IGED. Adjunta el documento o la página que lo muestra.", null],
    ["avanzado", "Formalizada con un documento normativo", "Una resolución (por ejemplo, una Resolución Directoral Regional) formaliza la práctica. Indica su número y adjunta el archivo.", null],
    ["avanzado", "Equipo técnico consolidado", "Un equipo técnico estable y designado conduce la práctica.", null],
    ["avanzado", "Resultados sostenidos por al menos un año", "Los resultados se mantienen al menos un año, con evidencia (informes, reportes de monitoreo).", null],
    ["avanzado", "Fuente de financiamiento", "La práctica tiene una fuente de financiamiento identificada (presupuesto institucional, programa presupuestal, aliados).", null],
  ];
  await db
    .insertInto("maturity_criteria")
    .values(
      criteria.map(([target_stage, title, description, check_rule], position) => ({ target_stage, title, description, check_rule, position, active: 1 })),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "practice_visits",
    "feedback_items",
    "practice_feedback",
    "promotion_request_items",
    "promotion_requests",
    "maturity_criteria",
    "practice_revisions",
    "practice_events",
    "practice_evidence",
    "practice_contacts",
    "practice_team",
    "practice_igeds",
    "practices",
    "thematic_lines",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
