import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { practiceAccess } from "~/models/practice-access.server";
import { getPracticeCoreBySlug, listRevisions } from "~/models/practice.server";
import { getUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/dates";
import { forbidden, notFound } from "~/utils/http.server";

const FIELD_LABELS: Record<string, string> = {
  title: "Título",
  summary: "Resumen",
  thematicLineId: "Línea temática",
  leadIgedId: "IGED que lidera",
  otherIgedIds: "Otras IGED",
  startYear: "Año de inicio",
  vigente: "Vigencia",
  problem: "Problema",
  strategy: "Estrategia",
  results: "Resultados",
  lessons: "Lecciones aprendidas",
};
// Long texts are shown whole; ids and flags only as "changed".
const SHOWN_AS_TEXT = new Set(["title", "summary", "problem", "strategy", "results", "lessons", "startYear"]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const practice = await getPracticeCoreBySlug(params.slug ?? "");
  if (!practice) throw notFound("No encontramos esa práctica.");
  const access = await practiceAccess(user, practice);
  if (!access.canView) throw notFound("No encontramos esa práctica.");
  // Drafts' wording (before DIFOCA published it) is the team's: the history is theirs and DIFOCA's.
  if (!access.canEdit && !access.canReview) throw forbidden("El historial de cambios solo lo ven el equipo de la práctica y DIFOCA.");
  const revisions = await listRevisions(practice.id);
  return json({
    practice: { slug: practice.slug, title: practice.title },
    revisions: revisions.map((r) => ({
      id: r.id,
      editorName: r.editorName,
      date: formatDateTime(r.createdAt),
      changes: Object.entries(r.changes).map(([field, change]) => ({
        field: FIELD_LABELS[field] ?? field,
        before: SHOWN_AS_TEXT.has(field) ? String(change.before ?? "") : null,
        after: SHOWN_AS_TEXT.has(field) ? String(change.after ?? "") : null,
      })),
    })),
  });
}

export default function PracticeHistory() {
  const { practice, revisions } = useLoaderData<typeof loader>();
  return (
    <section className="container page">
      <p>
        <Link to={`/practicas/${practice.slug}`}>Volver a la práctica</Link>
      </p>
      <h1>Historial de cambios</h1>
      <p className="lead">{practice.title}</p>
      {revisions.length === 0 ? (
        <p>El texto no ha cambiado desde que se registró la práctica.</p>
      ) : (
        <ol className="revisions">
          {revisions.map((revision) => (
            <li key={revision.id} className="card">
              <h2 className="revision__title">
                {revision.date} · {revision.editorName}
              </h2>
              <ul>
                {revision.changes.map((change) => (
                  <li key={change.field}>
                    <strong>{change.field}</strong>
                    {change.before !== null ? (
                      <div className="diff">
                        <p>
                          <span className="diff__label">Antes:</span> {change.before || "(vacío)"}
                        </p>
                        <p>
                          <span className="diff__label">Después:</span> {change.after || "(vacío)"}
                        </p>
                      </div>
                    ) : (
                      " cambió."
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Historial: ${data.practice.title} | Comunidad de Práctica de Gestión Educativa` : "Práctica no encontrada" },
];
