import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FieldError, FormError } from "~/components/forms";
import { listTiers, parseTierSettings, updateTiers } from "~/models/tier.server";
import { badRequest } from "~/utils/http.server";
import { requirePermission } from "~/utils/permissions.server";
import { TIER_DESCRIPTION_MAX, TIER_MIN_POINTS_MAX, TIER_NAME_MAX } from "~/utils/tier-labels";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "tiers.manage");
  const tiers = await listTiers();
  return json({
    tiers: tiers.map((t) => ({
      id: t.id,
      name: t.name,
      minPoints: t.minPoints,
      description: t.description,
      requiresAdvanced: t.requirements.some((r) => r.type === "practice_stage_or_transfer"),
    })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "tiers.manage");
  const formData = await request.formData();
  const tiers = await listTiers();
  const form = parseTierSettings(formData, tiers);
  if (!form.success) {
    return badRequest({
      errors: form.errors,
      values: form.values,
      form: "Revisa los campos marcados: no se guardó ningún cambio.",
    });
  }
  await updateTiers(form.data, actor.id);
  return redirectWithToast(request, "/admin/escalas", { type: "success", message: "Se guardaron las escalas." });
}

export default function TierSettings() {
  const { tiers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = actionData?.errors;
  const values = actionData?.values;
  const invalid = (field: string) => (errors?.[field] ? { "aria-invalid": true as const, "aria-describedby": `${field}-error` } : {});
  return (
    <section className="container page">
      <p>
        <Link to="/admin">Administración</Link>
      </p>
      <h1>Escalas de la red de gestores</h1>
      <p className="lead">
        Cada miembro está en la escala más alta cuyos puntos del año alcanza y cuyos requisitos cumple. Las escalas van en
        orden: cada una debe pedir más puntos que la anterior. Los cambios se aplican de inmediato al ranking y a los perfiles.
      </p>
      <Form method="post" className="form form--wide" noValidate>
        <FormError message={actionData?.form} />
        {tiers.map((tier, index) => {
          const value = (field: string, fallback: string) => values?.[`${field}-${tier.id}`] ?? fallback;
          const requiresAdvanced = values ? values[`requiresAdvanced-${tier.id}`] === "si" : tier.requiresAdvanced;
          return (
            <fieldset key={tier.id} className="fieldset">
              <legend>
                Escala {index + 1}: {tier.name}
              </legend>
              <div className="field">
                <label htmlFor={`name-${tier.id}`}>
                  Nombre<span className="required" aria-hidden="true"> *</span>
                </label>
                <input id={`name-${tier.id}`} name={`name-${tier.id}`} required maxLength={TIER_NAME_MAX} defaultValue={value("name", tier.name)} {...invalid(`name-${tier.id}`)} />
                <FieldError id={`name-${tier.id}-error`} message={errors?.[`name-${tier.id}`]} />
              </div>
              <div className="field">
                <label htmlFor={`minPoints-${tier.id}`}>
                  Mínimo de puntos en el año<span className="required" aria-hidden="true"> *</span>
                </label>
                <input
                  id={`minPoints-${tier.id}`}
                  name={`minPoints-${tier.id}`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={TIER_MIN_POINTS_MAX}
                  step={1}
                  required
                  defaultValue={value("minPoints", String(tier.minPoints))}
                  {...invalid(`minPoints-${tier.id}`)}
                />
                <FieldError id={`minPoints-${tier.id}-error`} message={errors?.[`minPoints-${tier.id}`]} />
              </div>
              <div className="field">
                <label htmlFor={`description-${tier.id}`}>Descripción</label>
                <textarea
                  id={`description-${tier.id}`}
                  name={`description-${tier.id}`}
                  rows={3}
                  maxLength={TIER_DESCRIPTION_MAX}
                  defaultValue={value("description", tier.description)}
                  {...invalid(`description-${tier.id}`)}
                />
                <FieldError id={`description-${tier.id}-error`} message={errors?.[`description-${tier.id}`]} />
              </div>
              <div className="field field--checkbox">
                <input id={`requiresAdvanced-${tier.id}`} name={`requiresAdvanced-${tier.id}`} type="checkbox" value="si" defaultChecked={requiresAdvanced} />
                <label htmlFor={`requiresAdvanced-${tier.id}`}>
                  Exige integrar el equipo de una práctica en estadio avanzado o haber completado una transferencia
                </label>
              </div>
            </fieldset>
          );
        })}
        <button type="submit" disabled={navigation.state === "submitting"}>
          Guardar escalas
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Escalas | Administración | Comunidad de Práctica de Gestión Educativa" }];
