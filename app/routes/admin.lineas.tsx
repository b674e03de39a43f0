import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FieldError, FormError } from "~/components/forms";
import { createThematicLine, listThematicLinesForAdmin, setThematicLineActive, updateThematicLine } from "~/models/thematic-line.server";
import { parseForm, type FieldErrors } from "~/utils/forms.server";
import { badRequest } from "~/utils/http.server";
import { requirePermission } from "~/utils/permissions.server";
import { POSITION_MAX, THEMATIC_LINE_NAME_MAX, thematicLineAdminSchema } from "~/utils/reference-validation.server";
import { redirectWithToast } from "~/utils/toast.server";

const HERE = "/admin/lineas";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "practices.configure");
  const lines = await listThematicLinesForAdmin();
  return json({
    lines: lines.map(({ id, name, active, position, practiceCount }) => ({ id, name, active, position, practiceCount })),
    limits: { name: THEMATIC_LINE_NAME_MAX, position: POSITION_MAX },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "practices.configure");
  const formData = await request.formData();
  const row = formData.get("intent") === "create" ? "new" : `line-${Number(formData.get("lineId")) || 0}`;
  const form = parseForm(thematicLineAdminSchema, formData);
  if (!form.success) return badRequest({ row, errors: form.errors, values: form.values });
  const input = form.data;

  const result =
    input.intent === "create"
      ? await createThematicLine({ name: input.name, position: input.position, actorId: actor.id })
      : input.intent === "update"
        ? await updateThematicLine({ lineId: input.lineId, name: input.name, position: input.position, actorId: actor.id })
        : await setThematicLineActive({ lineId: input.lineId, active: input.intent === "activate", actorId: actor.id });
  if (!result.ok) {
    const errors: FieldErrors =
      result.error === "not_found" ? { form: "Esa línea temática no existe." } : { name: "Ya existe una línea temática con ese nombre." };
    return badRequest({ row, errors, values: form.values });
  }

  const messages = {
    create: `Se agregó la línea temática «${result.name}».`,
    update: `Se guardaron los cambios de la línea «${result.name}».`,
    deactivate: `Se desactivó la línea «${result.name}». Ya no se ofrece en los formularios; sus prácticas la conservan.`,
    activate: `Se activó la línea «${result.name}».`,
  };
  return redirectWithToast(request, HERE, {
    type: result.changed ? "success" : "info",
    message: result.changed ? messages[input.intent] : `No hubo cambios en la línea «${result.name}».`,
  });
}

export default function AdminThematicLines() {
  const { lines, limits } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const newFailed = actionData?.row === "new" ? actionData : undefined;
  const strayError =
    actionData && actionData.row !== "new" && !lines.some((l) => `line-${l.id}` === actionData.row) ? Object.values(actionData.errors)[0] : undefined;

  return (
    <section className="container page">
      <p>
        <Link to="/admin">Administración</Link>
      </p>
      <h1>Líneas temáticas</h1>
      <p className="lead">
        Las líneas temáticas con que los equipos clasifican sus prácticas, en el orden en que se ofrecen. Una línea desactivada ya
        no se ofrece en los formularios, pero las prácticas que la usan la conservan.
      </p>
      <FormError message={strayError} />

      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Líneas temáticas de las prácticas</caption>
          <thead>
            <tr>
              <th scope="col">Línea temática y orden</th>
              <th scope="col">Prácticas</th>
              <th scope="col">Estado</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => {
              const own = actionData?.row === `line-${line.id}` ? actionData : undefined;
              const p = `linea-${line.id}`;
              const values = own?.values.intent === "update" ? own.values : { name: line.name, position: String(line.position) };
              return (
                <tr key={line.id}>
                  <td>
                    <Form method="post" className="row-actions" noValidate>
                      <input type="hidden" name="intent" value="update" />
                      <input type="hidden" name="lineId" value={line.id} />
                      <label className="visually-hidden" htmlFor={`${p}-name`}>
                        Nombre de la línea {line.name}
                      </label>
                      <input
                        id={`${p}-name`}
                        name="name"
                        required
                        maxLength={limits.name}
                        defaultValue={values.name}
                        aria-invalid={own?.errors.name ? true : undefined}
                        aria-describedby={own?.errors.name ? `${p}-name-error` : undefined}
                      />
                      <label htmlFor={`${p}-position`}>Orden</label>
                      <input
                        id={`${p}-position`}
                        name="position"
                        type="number"
                        min={0}
                        max={limits.position}
                        step={1}
                        defaultValue={values.position}
                        aria-invalid={own?.errors.position ? true : undefined}
                        aria-describedby={own?.errors.position ? `${p}-position-error` : undefined}
                      />
                      <button type="submit" className="button--small" disabled={busy}>
                        Guardar<span className="visually-hidden"> la línea {line.name}</span>
                      </button>
                    </Form>
                    <FieldError id={`${p}-name-error`} message={own?.errors.name} />
                    <FieldError id={`${p}-position-error`} message={own?.errors.position} />
                    {own && !own.errors.name && !own.errors.position ? <FormError message={Object.values(own.errors)[0]} /> : null}
                  </td>
                  <td>{line.practiceCount}</td>
                  <td>
                    {line.active ? "Activa" : <span className="tag">Desactivada</span>}
                    <Form method="post" className="row-actions">
                      <input type="hidden" name="intent" value={line.active ? "deactivate" : "activate"} />
                      <input type="hidden" name="lineId" value={line.id} />
                      <button type="submit" className="button--small button--secondary" disabled={busy}>
                        {line.active ? "Desactivar" : "Activar"}
                        <span className="visually-hidden"> la línea {line.name}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <section>
        <h2>Agregar una línea temática</h2>
        <Form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="create" />
          <FormError message={newFailed ? (newFailed.errors.form ?? newFailed.errors.intent) : undefined} />
          <div className="field">
            <label htmlFor="linea-nueva-name">
              Nombre<span className="required" aria-hidden="true"> *</span>
            </label>
            <input
              id="linea-nueva-name"
              name="name"
              required
              maxLength={limits.name}
              defaultValue={newFailed?.values.name}
              aria-invalid={newFailed?.errors.name ? true : undefined}
              aria-describedby={newFailed?.errors.name ? "linea-nueva-name-error" : undefined}
            />
            <FieldError id="linea-nueva-name-error" message={newFailed?.errors.name} />
          </div>
          <div className="field">
            <label htmlFor="linea-nueva-position">Orden</label>
            <p id="linea-nueva-position-hint" className="hint">
              Si lo dejas vacío, la línea va al final de la lista.
            </p>
            <input
              id="linea-nueva-position"
              name="position"
              type="number"
              min={0}
              max={limits.position}
              step={1}
              defaultValue={newFailed?.values.position}
              aria-invalid={newFailed?.errors.position ? true : undefined}
              aria-describedby={newFailed?.errors.position ? "linea-nueva-position-hint linea-nueva-position-error" : "linea-nueva-position-hint"}
            />
            <FieldError id="linea-nueva-position-error" message={newFailed?.errors.position} />
          </div>
          <button type="submit" disabled={busy}>
            Agregar línea temática
          </button>
        </Form>
      </section>
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Líneas temáticas | Administración | Comunidad de Práctica de Gestión Educativa" }];
