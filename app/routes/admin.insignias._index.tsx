// DIFOCA's badges: the whole catalog (enabled or not) and the form that creates a badge. Each badge
// is then managed on /admin/insignias/:id (edit, preview, enable, award, revoke).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BadgeRuleFields } from "~/components/badge-rule-fields";
import { Field, FormError, SelectField, TextareaField } from "~/components/forms";
import { createBadge, listBadges, listRuleActions } from "~/models/badge.server";
import { BADGE_KIND_LABELS, BADGE_KIND_SHORT_LABELS, BADGE_KINDS, BADGE_LEVEL_LABELS, BADGE_LEVELS, badgeImagePath } from "~/utils/badge-labels";
import { newBadgeSchema } from "~/utils/badge-validation.server";
import { parseForm } from "~/utils/forms.server";
import { badRequest } from "~/utils/http.server";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "badges.manage");
  const [badges, actions] = await Promise.all([listBadges({ all: true }), listRuleActions()]);
  return json({
    badges: badges.map((b) => ({
      id: b.id,
      slug: b.slug,
      name: b.name,
      levelLabel: BADGE_LEVEL_LABELS[b.level],
      kindLabel: BADGE_KIND_SHORT_LABELS[b.kind],
      enabled: b.enabled,
      holders: b.holders,
    })),
    actions,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "badges.manage");
  const form = parseForm(newBadgeSchema, await request.formData());
  if (!form.success) return badRequest({ errors: form.errors, values: form.values });
  const result = await createBadge({ ...form.data, createdBy: actor.id });
  if (!result.ok) return badRequest({ errors: result.errors, values: form.values });
  const next =
    form.data.kind === "automatica"
      ? "Revisa la vista previa de quiénes la recibirían y actívala cuando estés conforme."
      : "Ya puedes otorgarla.";
  return redirectWithToast(request, `/admin/insignias/${result.id}`, { type: "success", message: `Se creó la insignia «${form.data.name}». ${next}` });
}

export default function AdminBadges() {
  const { badges, actions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values = actionData?.values ?? {};
  return (
    <section className="container page">
      <p>
        <Link to="/admin">Administración</Link>
      </p>
      <h1>Insignias</h1>
      <p className="lead">
        Crea insignias automáticas (reglas sobre el historial de puntos) o manuales (las otorga DIFOCA con un motivo). Las
        automáticas se activan después de revisar quiénes las recibirían. <Link to="/insignias">Ver el catálogo público</Link>.
      </p>

      {badges.length === 0 ? (
        <p>Todavía no hay insignias.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Insignias de la comunidad</caption>
            <thead>
              <tr>
                <th scope="col">Insignia</th>
                <th scope="col">Nivel</th>
                <th scope="col">Tipo</th>
                <th scope="col">Estado</th>
                <th scope="col">La tienen</th>
              </tr>
            </thead>
            <tbody>
              {badges.map((b) => (
                <tr key={b.id}>
                  <td>
                    <img src={badgeImagePath(b.slug)} alt="" width={30} height={36} /> <Link to={`/admin/insignias/${b.id}`}>{b.name}</Link>
                  </td>
                  <td>{b.levelLabel}</td>
                  <td>{b.kindLabel}</td>
                  <td>{b.enabled ? "Activa" : "Inactiva"}</td>
                  <td>{b.holders.toLocaleString("es-PE")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Nueva insignia</h2>
      <Form method="post" className="form form--wide">
        <FormError message={errors?.form} />
        <Field label="Nombre" name="name" required maxLength={80} defaultValue={values.name} errors={errors} />
        <TextareaField label="Qué reconoce" name="description" required maxLength={500} rows={3} defaultValue={values.description} errors={errors} />
        <TextareaField
          label="Criterios (en lenguaje sencillo)"
          name="criteria"
          required
          maxLength={500}
          rows={3}
          hint="Por ejemplo: «Publicar tu primera buena práctica en la plataforma»."
          defaultValue={values.criteria}
          errors={errors}
        />
        <SelectField label="Nivel" name="level" required defaultValue={values.level ?? "bronce"} errors={errors}>
          {BADGE_LEVELS.map((level) => (
            <option key={level} value={level}>
              {BADGE_LEVEL_LABELS[level]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Tipo" name="kind" required defaultValue={values.kind ?? "automatica"} errors={errors}>
          {BADGE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {BADGE_KIND_LABELS[kind]}
            </option>
          ))}
        </SelectField>
        <fieldset className="fieldset">
          <legend>Regla (solo para insignias automáticas)</legend>
          <BadgeRuleFields actions={actions} placeholder action={values.action ?? ""} threshold={values.threshold ?? "1"} errors={errors} />
        </fieldset>
        <button type="submit">Crear insignia</button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Insignias | Administración | Comunidad de Práctica de Gestión Educativa" }];
