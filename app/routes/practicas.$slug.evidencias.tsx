import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { describeEvidence, EVIDENCE_FILE_ACCEPT, EvidenceLink } from "~/components/evidence-list";
import { Field, FieldError, FormError, type Errors } from "~/components/forms";
import { addFileEvidence, addLinkEvidence, deleteEvidence, listEvidence } from "~/models/evidence.server";
import { getPracticeCoreBySlug } from "~/models/practice.server";
import { practiceAccess } from "~/models/practice-access.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { evidenceActionSchema } from "~/utils/evidence-validation.server";
import { parseForm } from "~/utils/forms.server";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readMultipartForm } from "~/utils/uploads.server";

/** The signed-in member and the practice, if they may change its evidence (the team and DIFOCA). */
async function requireEvidenceEditor(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const practice = slug ? await getPracticeCoreBySlug(slug) : undefined;
  if (!practice) throw notFound("Esa práctica no existe.");
  if (!(await practiceAccess(user, practice)).canEdit) throw forbidden();
  return { user, practice };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { practice } = await requireEvidenceEditor(request, params.slug);
  const items = await listEvidence(practice.id);
  return json({
    practice: { slug: practice.slug, title: practice.title },
    items: items.map((item) => ({ ...item, addedOn: formatDate(item.createdAt) })),
  });
}

type ActionData = { intent: string; errors: Record<string, string>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  // Checked before the body is read: someone who may not add evidence never gets a file stored.
  const { user, practice } = await requireEvidenceEditor(request, params.slug);
  const here = `/practicas/${practice.slug}/evidencias`;
  const answer = (data: ActionData) => badRequest(data);

  const body = await readMultipartForm(request);
  if (!body.ok) return answer({ intent: body.values.intent ?? "upload", errors: { file: body.error }, values: body.values });
  const form = parseForm(evidenceActionSchema, body.formData);
  if (!form.success) return answer({ intent: form.values.intent ?? "", errors: form.errors, values: form.values });

  const input = form.data;
  switch (input.intent) {
    case "upload": {
      const file = body.formData.get("file");
      const result = await addFileEvidence({ practiceId: practice.id, uploadedBy: user.id, title: input.title, file });
      if (!result.ok) return answer({ intent: "upload", errors: { file: result.error }, values: form.values });
      return redirectWithToast(request, here, { type: "success", message: "Se agregó la evidencia." });
    }
    case "link": {
      const result = await addLinkEvidence({ practiceId: practice.id, uploadedBy: user.id, title: input.title, url: input.url });
      if (!result.ok) return answer({ intent: "link", errors: { url: result.error }, values: form.values });
      return redirectWithToast(request, here, { type: "success", message: "Se agregó la evidencia." });
    }
    case "delete": {
      const deleted = await deleteEvidence({ evidenceId: input.evidenceId, practiceId: practice.id });
      if (deleted === "not_found") return answer({ intent: "delete", errors: { form: "Esa evidencia ya no existe." }, values: form.values });
      if (deleted === "in_pending_request") {
        return answer({
          intent: "delete",
          errors: { form: "Esa evidencia sustenta una solicitud de cambio de estadio pendiente: podrás quitarla cuando DIFOCA la resuelva." },
          values: form.values,
        });
      }
      return redirectWithToast(request, here, { type: "success", message: "Se eliminó la evidencia." });
    }
  }
}

export default function PracticeEvidence() {
  const { practice, items } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorsFor = (intent: string): Errors => (actionData?.intent === intent ? actionData.errors : undefined);
  const valuesFor = (intent: string) => (actionData?.intent === intent ? actionData.values : {});
  // A new list means the last submission worked: start the forms empty again.
  const listKey = items.map((item) => item.id).join("-");
  const otherError = actionData && !["upload", "link"].includes(actionData.intent) ? Object.values(actionData.errors)[0] : undefined;

  return (
    <section className="container page">
      <p>
        <Link to={`/practicas/${practice.slug}`}>Volver a la práctica</Link>
      </p>
      <h1>Evidencias de «{practice.title}»</h1>
      <p className="lead">
        Resoluciones, actas, informes, fotos y enlaces a videos o carpetas que respaldan la práctica. Quienes pueden ver la
        práctica pueden abrir sus evidencias.
      </p>
      <FormError message={otherError} />

      <h2>Evidencias actuales</h2>
      {items.length === 0 ? (
        <p>Esta práctica aún no tiene evidencias. Agrega la primera con los formularios de abajo.</p>
      ) : (
        <ul className="evidence-list">
          {items.map((item) => (
            <li key={item.id}>
              <EvidenceLink item={item} />
              <br />
              <span className="hint">
                {describeEvidence(item)} · Agregada por {item.uploaderName} el {item.addedOn}
              </span>
              <details>
                <summary>
                  Eliminar<span className="visually-hidden"> «{item.title}»</span>
                </summary>
                <Form method="post" className="row-actions">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="evidenceId" value={item.id} />
                  <p>La evidencia se eliminará para siempre.</p>
                  <button type="submit" className="button--small button--danger">
                    Sí, eliminar<span className="visually-hidden"> «{item.title}»</span>
                  </button>
                </Form>
              </details>
            </li>
          ))}
        </ul>
      )}

      <h2>Subir un archivo</h2>
      <Form method="post" encType="multipart/form-data" className="form" key={`upload-${listKey}`}>
        <input type="hidden" name="intent" value="upload" />
        <Field label="Título" name="title" required maxLength={200} defaultValue={valuesFor("upload").title} errors={errorsFor("upload")} hint="Por ejemplo: Resolución Directoral Regional N.° 0123-2025." />
        <FileField errors={errorsFor("upload")} />
        <button type="submit">Subir archivo</button>
      </Form>

      <h2>Agregar un enlace</h2>
      <Form method="post" className="form" key={`link-${listKey}`}>
        <input type="hidden" name="intent" value="link" />
        <Field label="Título" name="title" required maxLength={200} defaultValue={valuesFor("link").title} errors={errorsFor("link")} />
        <Field label="Enlace" name="url" type="url" required maxLength={2000} defaultValue={valuesFor("link").url} errors={errorsFor("link")} hint="Un video, una carpeta compartida o una página. Empieza con https://." />
        <button type="submit">Agregar enlace</button>
      </Form>
    </section>
  );
}

function FileField({ errors }: { errors: Errors }) {
  const id = useId();
  const error = errors?.file;
  return (
    <div className="field">
      <label htmlFor={id}>
        Archivo<span className="required" aria-hidden="true"> *</span>
      </label>
      <p id={`${id}-hint`} className="hint">
        PDF, imagen (PNG, JPG, GIF, WEBP) o documento de Office u OpenDocument. Hasta 10 MB.
      </p>
      <input
        id={id}
        name="file"
        type="file"
        required
        accept={EVIDENCE_FILE_ACCEPT}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Evidencias | ${data.practice.title} | Comunidad de Práctica de Gestión Educativa` : "Evidencias" },
];
