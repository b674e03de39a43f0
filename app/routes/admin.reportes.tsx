import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, TextareaField } from "~/components/forms";
import { dismissReports, getWallReply, hideWallPost, hideWallReply, listOpenReports, wallPostPath } from "~/models/wall.server";
import { formatDateTime } from "~/utils/dates";
import { badRequest, notFound } from "~/utils/http.server";
import { markdownToText } from "~/utils/markdown.server";
import { requirePermission } from "~/utils/permissions.server";
import { DISMISS_NOTE_MAX, readDismissNote, readReportTarget } from "~/utils/report-validation.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readModerationReason } from "~/utils/wall-validation.server";
import { REPORT_REASON_LABELS, WALLS } from "~/utils/wall-labels";

/** One group of the queue: a reported post, or one reported reply of a post. */
const groupKey = (target: { postId: number; replyId: number | null }) => `${target.postId}-${target.replyId ?? "publicacion"}`;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "walls.moderate");
  const groups = await listOpenReports();
  return json({
    groups: groups.map((g) => {
      const words = WALLS[g.kind];
      return {
        key: groupKey(g),
        postId: g.postId,
        replyId: g.replyId,
        wallName: words.wallName,
        // What was reported, in words: "Aporte de …", "Comentario de …", "Desafío de …".
        what: g.replyId === null ? words.singular : words.reply,
        postTitle: g.postTitle,
        link: g.replyId === null ? wallPostPath({ kind: g.kind, id: g.postId }) : `${wallPostPath({ kind: g.kind, id: g.postId })}#${words.reply}-${g.replyId}`,
        authorName: g.authorName,
        // Members write markdown; the queue shows what they said as plain text, never as HTML.
        excerpt: markdownToText(g.excerpt),
        reports: g.reports.map((r) => ({
          reason: REPORT_REASON_LABELS[r.reason] ?? r.reason,
          details: r.details,
          reporterName: r.reporterName,
          date: formatDateTime(r.createdAt),
          dateTime: r.createdAt,
        })),
      };
    }),
    noteMax: DISMISS_NOTE_MAX,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const moderator = await requirePermission(request, "walls.moderate");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const target = readReportTarget(formData);
  if (!target || (intent !== "hide" && intent !== "dismiss")) {
    return badRequest({ target: null, intent: null, errors: { form: "La acción no es válida. Vuelve a cargar la página e inténtalo de nuevo." } as Record<string, string>, values: {} as Record<string, string> });
  }
  const key = groupKey(target);

  if (intent === "dismiss") {
    const form = readDismissNote(formData);
    if (!form.success) return badRequest({ target: key, intent, errors: form.errors, values: form.values });
    const closed = await dismissReports({ postId: target.postId, replyId: target.replyId, actorId: moderator.id, note: form.data.note });
    return redirectWithToast(request, "/admin/reportes", {
      type: closed > 0 ? "success" : "info",
      message: closed > 0 ? "Se descartaron los reportes: el contenido sigue visible." : "Esos reportes ya estaban resueltos.",
    });
  }

  const form = readModerationReason(formData);
  if (!form.success) return badRequest({ target: key, intent, errors: form.errors, values: form.values });
  if (target.replyId !== null) {
    const reply = await getWallReply(target.replyId);
    if (!reply || reply.postId !== target.postId) throw notFound("Ese aporte ya no existe.");
    const result = await hideWallReply({ replyId: reply.id, actorId: moderator.id, reason: form.data.reason });
    if (!result.ok) throw notFound("Ese aporte ya no existe.");
    return redirectWithToast(request, "/admin/reportes", {
      type: "success",
      message: `Se ocultó el ${WALLS[reply.kind].reply} y se cerraron sus reportes. Su autor verá el motivo.`,
    });
  }
  const result = await hideWallPost({ postId: target.postId, actorId: moderator.id, reason: form.data.reason });
  if (!result.ok) throw notFound("Esa publicación ya no existe.");
  return redirectWithToast(request, "/admin/reportes", { type: "success", message: "Se ocultó la publicación y se cerraron sus reportes. Su autor verá el motivo." });
}

export default function ReportQueue() {
  const { groups, noteMax } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <section className="container page">
      <p>
        <Link to="/admin">Administración</Link>
      </p>
      <h1>Reportes de los muros</h1>
      <p className="lead">
        Lo que los miembros reportaron como inapropiado en los muros de desafíos e iniciativas. Oculta el contenido con un motivo que su
        autor leerá (sus puntos se revierten), o descarta los reportes si no hay nada que corregir.
      </p>
      {actionData && actionData.target === null ? <FormError message={actionData.errors.form} /> : null}
      {groups.length === 0 ? <p>No hay reportes pendientes.</p> : null}
      {groups.map((g) => {
        const mine = actionData && actionData.target === g.key ? actionData : undefined;
        const hideErrors = mine?.intent === "hide" ? mine.errors : undefined;
        const dismissErrors = mine?.intent === "dismiss" ? mine.errors : undefined;
        const headingId = `reporte-${g.key}`;
        return (
          <article key={g.key} className="card report-group" aria-labelledby={headingId}>
            <h2 id={headingId}>
              <Link to={g.link}>{g.postTitle}</Link>
            </h2>
            <p className="hint">
              {g.wallName} · {g.what.charAt(0).toUpperCase() + g.what.slice(1)} de {g.authorName}
            </p>
            <blockquote className="report-group__excerpt">{g.excerpt}</blockquote>
            <h3>{g.reports.length === 1 ? "1 reporte" : `${g.reports.length} reportes`}</h3>
            <ul className="report-group__reports">
              {g.reports.map((r, i) => (
                <li key={i}>
                  <strong>{r.reason}</strong>
                  {r.details ? <>: {r.details}</> : null}
                  <br />
                  <span className="hint">
                    Reportado por {r.reporterName} el <time dateTime={r.dateTime}>{r.date}</time>
                  </span>
                </li>
              ))}
            </ul>
            <FormError message={mine?.errors.form} />
            <div className="report-group__actions">
              <Form method="post" className="form">
                <input type="hidden" name="intent" value="hide" />
                <input type="hidden" name="postId" value={g.postId} />
                {g.replyId !== null ? <input type="hidden" name="replyId" value={g.replyId} /> : null}
                <TextareaField
                  label="Motivo para ocultarlo"
                  name="reason"
                  hint="Su autor leerá este motivo."
                  required
                  rows={3}
                  maxLength={500}
                  errors={hideErrors}
                  defaultValue={mine?.intent === "hide" ? mine.values.reason : undefined}
                />
                <button type="submit" disabled={busy}>
                  Ocultar<span className="visually-hidden"> el {g.what} de {g.authorName} en «{g.postTitle}»</span>
                </button>
              </Form>
              <Form method="post" className="form">
                <input type="hidden" name="intent" value="dismiss" />
                <input type="hidden" name="postId" value={g.postId} />
                {g.replyId !== null ? <input type="hidden" name="replyId" value={g.replyId} /> : null}
                <TextareaField
                  label="Nota (opcional)"
                  name="note"
                  hint="Para el equipo de DIFOCA: por qué no hay nada que corregir."
                  rows={3}
                  maxLength={noteMax}
                  errors={dismissErrors}
                  defaultValue={mine?.intent === "dismiss" ? mine.values.note : undefined}
                />
                <button type="submit" className="button--secondary" disabled={busy}>
                  Descartar los reportes<span className="visually-hidden"> sobre «{g.postTitle}»</span>
                </button>
              </Form>
            </div>
          </article>
        );
      })}
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Reportes de los muros | Administración | Comunidad de Práctica de Gestión Educativa" }];
