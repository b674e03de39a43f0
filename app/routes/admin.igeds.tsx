import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import type { IgedType } from "../../db/schema";
import { FieldError, FormError, type Errors } from "~/components/forms";
import { createIged, searchIgeds, updateIged } from "~/models/iged.server";
import { listRegionsForAdmin } from "~/models/region.server";
import { parseForm, type FieldErrors } from "~/utils/forms.server";
import { badRequest, safeRedirectPath } from "~/utils/http.server";
import { IGED_TYPE_LABELS, IGED_TYPES } from "~/utils/iged-types";
import { requirePermission } from "~/utils/permissions.server";
import { IGED_NAME_MAX, igedAdminSchema } from "~/utils/reference-validation.server";
import { redirectWithToast } from "~/utils/toast.server";
import { requestedPage } from "~/utils/pagination.server";

const PAGE_SIZE = 25;
const HERE = "/admin/igeds";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reference.manage");
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").slice(0, 120);
  const regionParam = url.searchParams.get("region") ?? "";
  const typeParam = url.searchParams.get("tipo") ?? "";
  const page = requestedPage(url.searchParams);

  const regions = await listRegionsForAdmin();
  const region = regions.find((r) => r.slug === regionParam);
  const type = (IGED_TYPES as readonly string[]).includes(typeParam) ? (typeParam as IgedType) : undefined;
  const result = await searchIgeds({ query, regionId: region?.id, type, page, pageSize: PAGE_SIZE });
  return json({
    filters: { q: query, region: region?.slug ?? "", tipo: type ?? "" },
    regions: regions.map(({ id, slug, name }) => ({ id, slug, name })),
    types: IGED_TYPES.map((value) => ({ value, label: IGED_TYPE_LABELS[value] })),
    igeds: result.igeds.map(({ id, name, type, regionId, regionName, memberCount, practiceCount }) => ({
      id,
      name,
      type,
      typeLabel: IGED_TYPE_LABELS[type],
      regionId,
      regionName,
      memberCount,
      practiceCount,
    })),
    total: result.total,
    page: result.page,
    pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
    nameMax: IGED_NAME_MAX,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "reference.manage");
  const formData = await request.formData();
  const redirectTo = safeRedirectPath(formData.get("redirectTo"), HERE);
  const back = redirectTo === HERE || redirectTo.startsWith(`${HERE}?`) ? redirectTo : HERE;
  const row = formData.get("intent") === "update" ? `iged-${Number(formData.get("igedId")) || 0}` : "new";
  const form = parseForm(igedAdminSchema, formData);
  if (!form.success) return badRequest({ row, errors: form.errors, values: form.values });
  const input = form.data;

  const fields = { name: input.name, type: input.type, regionId: input.regionId, actorId: actor.id };
  const result = input.intent === "create" ? await createIged(fields) : await updateIged({ ...fields, igedId: input.igedId });
  if (!result.ok) {
    const errors: FieldErrors = {
      not_found: { form: "Esa IGED no existe." },
      name_taken: { name: "Ya existe una IGED con ese nombre." },
      region_not_found: { regionId: "Elige la región de la lista." },
    }[result.error];
    return badRequest({ row, errors, values: form.values });
  }
  if (input.intent === "create") {
    return redirectWithToast(request, `${HERE}?q=${encodeURIComponent(result.name)}`, {
      type: "success",
      message: `Se agregó la IGED «${result.name}».`,
    });
  }
  return redirectWithToast(request, back, {
    type: result.changed ? "success" : "info",
    message: result.changed ? `Se guardaron los cambios de «${result.name}».` : `No hubo cambios en «${result.name}».`,
  });
}

type Option = { value: string; label: string };

export default function AdminIgeds() {
  const { filters, regions, types, igeds, total, page, pages, nameMax } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const regionOptions: Option[] = regions.map((r) => ({ value: String(r.id), label: r.name }));
  const typeOptions: Option[] = types.map((t) => ({ value: t.value, label: t.label }));
  const newFailed = actionData?.row === "new" ? actionData : undefined;
  const strayError =
    actionData && actionData.row !== "new" && !igeds.some((i) => `iged-${i.id}` === actionData.row) ? Object.values(actionData.errors)[0] : undefined;

  return (
    <section className="container page">
      <p>
        <Link to="/admin">Administración</Link>
      </p>
      <h1>IGED</h1>
      <p className="lead">
        Las DRE/GRE, UGEL y gobiernos locales que los miembros eligen al registrarse y las prácticas al indicar quién las lidera.
        Una IGED no se borra: si su nombre, tipo o región están mal, corrígelos aquí.
      </p>
      <FormError message={strayError} />

      <Form method="get" className="filters" role="search" aria-label="Buscar IGED">
        <div className="field field--search">
          <label htmlFor="filtro-q">Buscar por nombre</label>
          <input id="filtro-q" name="q" type="search" defaultValue={filters.q} maxLength={120} />
        </div>
        <div className="field">
          <label htmlFor="filtro-region">Región</label>
          <select id="filtro-region" name="region" defaultValue={filters.region}>
            <option value="">Todas</option>
            {regions.map((r) => (
              <option key={r.id} value={r.slug}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filtro-tipo">Tipo</label>
          <select id="filtro-tipo" name="tipo" defaultValue={filters.tipo}>
            <option value="">Todos</option>
            {types.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__actions">
          <button type="submit">Buscar</button>
          <Link to={HERE}>Limpiar filtros</Link>
        </div>
      </Form>

      <p aria-live="polite" className="result-count">
        {total === 1 ? "1 IGED encontrada." : `${total.toLocaleString("es-PE")} IGED encontradas.`}
      </p>

      {igeds.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">IGED de la comunidad</caption>
            <thead>
              <tr>
                <th scope="col">IGED</th>
                <th scope="col">Tipo</th>
                <th scope="col">Región</th>
                <th scope="col">Miembros</th>
                <th scope="col">Prácticas</th>
                <th scope="col">Corregir</th>
              </tr>
            </thead>
            <tbody>
              {igeds.map((iged) => {
                const own = actionData?.row === `iged-${iged.id}` ? actionData : undefined;
                return (
                  <tr key={iged.id}>
                    <th scope="row">{iged.name}</th>
                    <td>{iged.typeLabel}</td>
                    <td>{iged.regionName}</td>
                    <td>{iged.memberCount}</td>
                    <td>{iged.practiceCount}</td>
                    <td>
                      <details open={own ? true : undefined}>
                        <summary>
                          Editar<span className="visually-hidden"> {iged.name}</span>
                        </summary>
                        <IgedForm
                          idPrefix={`iged-${iged.id}`}
                          intent="update"
                          igedId={iged.id}
                          redirectTo={here}
                          values={own ? own.values : { name: iged.name, type: iged.type, regionId: String(iged.regionId) }}
                          errors={own?.errors}
                          regionOptions={regionOptions}
                          typeOptions={typeOptions}
                          nameMax={nameMax}
                          busy={busy}
                          submitLabel="Guardar cambios"
                        />
                      </details>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No hay IGED que coincidan con la búsqueda.</p>
      )}
      <p className="hint">
        Miembros: cuentas de la IGED, activas o desactivadas. Prácticas: las que la IGED lidera o comparte, en cualquier estado.
      </p>

      <Pagination page={page} pages={pages} />

      <section>
        <h2>Agregar una IGED</h2>
        <IgedForm
          idPrefix="iged-nueva"
          intent="create"
          redirectTo={here}
          values={newFailed ? newFailed.values : { type: "ugel", regionId: "" }}
          errors={newFailed?.errors}
          regionOptions={regionOptions}
          typeOptions={typeOptions}
          nameMax={nameMax}
          busy={busy}
          submitLabel="Agregar IGED"
        />
      </section>
    </section>
  );
}

function IgedForm(props: {
  idPrefix: string;
  intent: "create" | "update";
  igedId?: number;
  redirectTo: string;
  values: Record<string, string | undefined>;
  errors: Errors;
  regionOptions: Option[];
  typeOptions: Option[];
  nameMax: number;
  busy: boolean;
  submitLabel: string;
}) {
  const { idPrefix: p, values, errors } = props;
  const invalid = (name: string) => (errors?.[name] ? { "aria-invalid": true as const, "aria-describedby": `${p}-${name}-error` } : {});
  return (
    <Form method="post" className="form" noValidate>
      <input type="hidden" name="intent" value={props.intent} />
      {props.igedId ? <input type="hidden" name="igedId" value={props.igedId} /> : null}
      <input type="hidden" name="redirectTo" value={props.redirectTo} />
      <FormError message={errors?.form ?? errors?.intent ?? errors?.igedId} />
      <div className="field">
        <label htmlFor={`${p}-name`}>
          Nombre<span className="required" aria-hidden="true"> *</span>
        </label>
        <input id={`${p}-name`} name="name" required maxLength={props.nameMax} defaultValue={values.name} {...invalid("name")} />
        <FieldError id={`${p}-name-error`} message={errors?.name} />
      </div>
      <div className="field">
        <label htmlFor={`${p}-type`}>Tipo</label>
        <select id={`${p}-type`} name="type" defaultValue={values.type} {...invalid("type")}>
          {props.typeOptions.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
        <FieldError id={`${p}-type-error`} message={errors?.type} />
      </div>
      <div className="field">
        <label htmlFor={`${p}-region`}>
          Región<span className="required" aria-hidden="true"> *</span>
        </label>
        <select id={`${p}-region`} name="regionId" required defaultValue={values.regionId} {...invalid("regionId")}>
          <option value="">Elige una región</option>
          {props.regionOptions.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
        <FieldError id={`${p}-regionId-error`} message={errors?.regionId} />
      </div>
      <button type="submit" disabled={props.busy}>
        {props.submitLabel}
      </button>
    </Form>
  );
}

export const meta: MetaFunction = () => [{ title: "IGED | Administración | Comunidad de Práctica de Gestión Educativa" }];
