import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FieldError, FormError } from "~/components/forms";
import { listMacroregionsForAdmin, listRegionsForAdmin, moveRegionToMacroregion, renameMacroregion } from "~/models/region.server";
import { parseForm, type FieldErrors } from "~/utils/forms.server";
import { badRequest } from "~/utils/http.server";
import { requirePermission } from "~/utils/permissions.server";
import { MACROREGION_NAME_MAX, regionAdminSchema } from "~/utils/reference-validation.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reference.manage");
  const [regions, macroregions] = await Promise.all([listRegionsForAdmin(), listMacroregionsForAdmin()]);
  return json({
    regions: regions.map(({ id, name, macroregionId, igedCount }) => ({ id, name, macroregionId, igedCount })),
    macroregions: macroregions.map(({ id, name, regionCount }) => ({ id, name, regionCount })),
    nameMax: MACROREGION_NAME_MAX,
  });
}

/** Which row a failed submission belongs to, so its message and what was typed show there. */
function rowOf(formData: FormData): string | null {
  const intent = formData.get("intent");
  if (intent === "move-region") return `region-${Number(formData.get("regionId")) || 0}`;
  if (intent === "rename-macroregion") return `macroregion-${Number(formData.get("macroregionId")) || 0}`;
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "reference.manage");
  const formData = await request.formData();
  const row = rowOf(formData);
  const form = parseForm(regionAdminSchema, formData);
  if (!form.success) return badRequest({ row, errors: form.errors, values: form.values });
  const input = form.data;

  if (input.intent === "move-region") {
    const result = await moveRegionToMacroregion({ regionId: input.regionId, macroregionId: input.macroregionId, actorId: actor.id });
    if (!result.ok) {
      const errors: FieldErrors =
        result.error === "region_not_found"
          ? { form: "Esa región no existe." }
          : { macroregionId: "Elige una macrorregión de la lista." };
      return badRequest({ row, errors, values: form.values });
    }
    return redirectWithToast(request, "/admin/regiones", {
      type: result.changed ? "success" : "info",
      message: result.changed
        ? `${result.regionName} ahora pertenece a la macrorregión ${result.macroregionName}.`
        : `${result.regionName} ya pertenecía a la macrorregión ${result.macroregionName}.`,
    });
  }

  const result = await renameMacroregion({ macroregionId: input.macroregionId, name: input.name, actorId: actor.id });
  if (!result.ok) {
    const errors: FieldErrors =
      result.error === "not_found" ? { form: "Esa macrorregión no existe." } : { name: "Ya existe una macrorregión con ese nombre." };
    return badRequest({ row, errors, values: form.values });
  }
  return redirectWithToast(request, "/admin/regiones", {
    type: result.changed ? "success" : "info",
    message: result.changed ? `La macrorregión ${result.before} ahora se llama ${result.after}.` : "No hubo cambios en el nombre.",
  });
}

export default function AdminRegions() {
  const { regions, macroregions, nameMax } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const failed = (row: string) => (actionData?.row === row ? actionData : undefined);
  const strayError = actionData && (actionData.row === null || !isKnownRow(actionData.row)) ? firstError(actionData.errors) : undefined;

  function isKnownRow(row: string) {
    return regions.some((r) => `region-${r.id}` === row) || macroregions.some((m) => `macroregion-${m.id}` === row);
  }

  return (
    <section className="container page">
      <p>
        <Link to="/admin">Administración</Link>
      </p>
      <h1>Regiones y macrorregiones</h1>
      <p className="lead">
        A qué macrorregión pertenece cada región. La macrorregión se usa en el catálogo de prácticas y en los intercambios
        macrorregionales. Los cambios quedan en el historial con quién los hizo.
      </p>
      <FormError message={strayError} />

      <h2>Macrorregiones</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Macrorregiones y su nombre</caption>
          <thead>
            <tr>
              <th scope="col">Macrorregión</th>
              <th scope="col">Regiones</th>
              <th scope="col">Cambiar el nombre</th>
            </tr>
          </thead>
          <tbody>
            {macroregions.map((macro) => {
              const own = failed(`macroregion-${macro.id}`);
              const inputId = `macrorregion-${macro.id}-nombre`;
              return (
                <tr key={macro.id}>
                  <th scope="row">{macro.name}</th>
                  <td>{macro.regionCount}</td>
                  <td>
                    <Form method="post" className="row-actions">
                      <input type="hidden" name="intent" value="rename-macroregion" />
                      <input type="hidden" name="macroregionId" value={macro.id} />
                      <label className="visually-hidden" htmlFor={inputId}>
                        Nuevo nombre de la macrorregión {macro.name}
                      </label>
                      <input
                        id={inputId}
                        name="name"
                        required
                        maxLength={nameMax}
                        defaultValue={own ? own.values.name : macro.name}
                        aria-invalid={own?.errors.name ? true : undefined}
                        aria-describedby={own?.errors.name ? `${inputId}-error` : undefined}
                      />
                      <button type="submit" className="button--small" disabled={busy}>
                        Cambiar nombre<span className="visually-hidden"> de {macro.name}</span>
                      </button>
                    </Form>
                    <FieldError id={`${inputId}-error`} message={own?.errors.name} />
                    {own && !own.errors.name ? <FormError message={firstError(own.errors)} /> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h2>Regiones</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Las 26 regiones y su macrorregión</caption>
          <thead>
            <tr>
              <th scope="col">Región</th>
              <th scope="col">IGED</th>
              <th scope="col">Macrorregión</th>
            </tr>
          </thead>
          <tbody>
            {regions.map((region) => {
              const own = failed(`region-${region.id}`);
              const selectId = `region-${region.id}-macrorregion`;
              return (
                <tr key={region.id}>
                  <th scope="row">{region.name}</th>
                  <td>{region.igedCount}</td>
                  <td>
                    <Form method="post" className="row-actions">
                      <input type="hidden" name="intent" value="move-region" />
                      <input type="hidden" name="regionId" value={region.id} />
                      <label className="visually-hidden" htmlFor={selectId}>
                        Macrorregión de {region.name}
                      </label>
                      <select
                        id={selectId}
                        name="macroregionId"
                        defaultValue={own ? own.values.macroregionId : String(region.macroregionId)}
                        aria-invalid={own?.errors.macroregionId ? true : undefined}
                        aria-describedby={own?.errors.macroregionId ? `${selectId}-error` : undefined}
                      >
                        {macroregions.map((macro) => (
                          <option key={macro.id} value={macro.id}>
                            {macro.name}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button--small" disabled={busy}>
                        Cambiar<span className="visually-hidden"> la macrorregión de {region.name}</span>
                      </button>
                    </Form>
                    <FieldError id={`${selectId}-error`} message={own?.errors.macroregionId} />
                    {own && !own.errors.macroregionId ? <FormError message={firstError(own.errors)} /> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function firstError(errors: Record<string, string>): string | undefined {
  return Object.values(errors)[0];
}

export const meta: MetaFunction = () => [{ title: "Regiones y macrorregiones | Administración | Comunidad de Práctica de Gestión Educativa" }];
