import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FieldError, FormError, type Errors } from "~/components/forms";
import { createCriterion, listCriteria, updateCriterion } from "~/models/maturity.server";
import { STAGE_LABELS } from "~/models/practice.server";
import { parseForm } from "~/utils/forms.server";
import { badRequest } from "~/utils/http.server";
import { requirePermission } from "~/utils/permissions.server";
import { CRITERION_DESCRIPTION_MAX, CRITERION_TITLE_MAX, criterionSchema } from "~/utils/practice-review-validation.server";
import { redirectWithToast } from "~/utils/toast.server";

const CHECK_RULE_LABELS = {
  documented: "La plataforma verifica que el problema, la estrategia y los resultados estén escritos.",
  feedback: "La plataforma verifica que la práctica haya recibido retroalimentación de un experto.",
  advisory: "La plataforma verifica que el equipo haya tenido al menos una asesoría realizada, con su acta.",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "practices.configure");
  const criteria = await listCriteria({ includeInactive: true });
  return json({
    criteria: criteria.map((c) => ({ ...c, checkRuleLabel: c.checkRule ? CHECK_RULE_LABELS[c.checkRule] : null })),
    limits: { title: CRITERION_TITLE_MAX, description: CRITERION_DESCRIPTION_MAX },
    stages: (["intermedio", "avanzado"] as const).map((value) => ({ value, label: STAGE_LABELS[value] })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "practices.configure");
  const formData = await request.formData();
  const criterionId = formData.get("intent") === "update" ? Number(formData.get("criterionId")) || null : null;
  const form = parseForm(criterionSchema, formData);
  if (!form.success) return badRequest({ criterionId, errors: form.errors, values: form.values });

  const { title, description, targetStage, position, active } = form.data;
  const fields = { title, description, targetStage, position, active };
  if (form.data.intent === "update") {
    const saved = await updateCriterion({ ...fields, id: form.data.criterionId });
    if (!saved) return badRequest({ criterionId, errors: { form: "Ese criterio no existe." }, values: form.values });
    return redirectWithToast(request, "/admin/criterios", { type: "success", message: `Se guardó el criterio «${form.data.title}».` });
  }
  await createCriterion(fields);
  return redirectWithToast(request, "/admin/criterios", { type: "success", message: `Se agregó el criterio «${form.data.title}».` });
}

type CriterionFormValues = { title?: string; description?: string; targetStage?: string; position?: string; active?: boolean };

export default function MaturityCriteria() {
  const { criteria, stages, limits } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const newErrors = actionData && actionData.criterionId === null ? actionData.errors : undefined;
  const newValues = actionData && actionData.criterionId === null ? actionData.values : undefined;
  return (
    <section className="container page">
      <p>
        <Link to="/admin">Administración</Link>
      </p>
      <h1>Criterios de la ruta de fortalecimiento</h1>
      <p className="lead">
        Los criterios que una práctica debe cumplir para pasar al estadio intermedio o al avanzado. Los equipos los ven al
        solicitar el cambio de estadio; un criterio desactivado deja de pedirse.
      </p>

      {stages.map((stage) => (
        <section key={stage.value}>
          <h2>Para pasar al estadio {stage.label.toLowerCase()}</h2>
          {criteria
            .filter((c) => c.targetStage === stage.value)
            .map((c) => {
              const own = actionData?.criterionId === c.id;
              return (
                <details key={c.id} className="card" open={own}>
                  <summary>
                    {c.position}. {c.title}
                    {c.active ? null : <span className="tag"> Desactivado</span>}
                    {c.checkRule ? <span className="tag tag--ok"> Automático</span> : null}
                  </summary>
                  {c.checkRuleLabel ? <p className="hint">{c.checkRuleLabel}</p> : null}
                  <CriterionForm
                    idPrefix={`criterio-${c.id}`}
                    intent="update"
                    criterionId={c.id}
                    stages={stages}
                    limits={limits}
                    values={
                      own && actionData
                        ? { ...actionData.values, active: actionData.values.active !== undefined }
                        : { title: c.title, description: c.description, targetStage: c.targetStage, position: String(c.position), active: c.active }
                    }
                    errors={own ? actionData?.errors : undefined}
                    busy={busy}
                    submitLabel="Guardar"
                  />
                </details>
              );
            })}
        </section>
      ))}

      <section>
        <h2>Agregar un criterio</h2>
        <CriterionForm
          idPrefix="criterio-nuevo"
          intent="create"
          stages={stages}
                    limits={limits}
          values={newValues ? { ...newValues, active: newValues.active !== undefined } : { active: true, position: "0", targetStage: "intermedio" }}
          errors={newErrors}
          busy={busy}
          submitLabel="Agregar criterio"
        />
      </section>
    </section>
  );
}

function CriterionForm(props: {
  idPrefix: string;
  intent: "update" | "create";
  criterionId?: number;
  stages: { value: string; label: string }[];
  limits: { title: number; description: number };
  values: CriterionFormValues;
  errors: Errors;
  busy: boolean;
  submitLabel: string;
}) {
  const { idPrefix: p, values, errors } = props;
  const invalid = (name: string) => (errors?.[name] ? { "aria-invalid": true, "aria-describedby": `${p}-${name}-error` } : {});
  return (
    <Form method="post" className="form" noValidate>
      <input type="hidden" name="intent" value={props.intent} />
      {props.criterionId ? <input type="hidden" name="criterionId" value={props.criterionId} /> : null}
      <FormError message={errors?.form ?? errors?.intent ?? errors?.criterionId} />
      <div className="field">
        <label htmlFor={`${p}-title`}>
          Nombre del criterio<span className="required" aria-hidden="true"> *</span>
        </label>
        <input id={`${p}-title`} name="title" required maxLength={props.limits.title} defaultValue={values.title} {...invalid("title")} />
        <FieldError id={`${p}-title-error`} message={errors?.title} />
      </div>
      <div className="field">
        <label htmlFor={`${p}-description`}>Descripción</label>
        <textarea id={`${p}-description`} name="description" rows={3} maxLength={props.limits.description} defaultValue={values.description} {...invalid("description")} />
        <FieldError id={`${p}-description-error`} message={errors?.description} />
      </div>
      <div className="field">
        <label htmlFor={`${p}-stage`}>Estadio al que se pasa</label>
        <select id={`${p}-stage`} name="targetStage" defaultValue={values.targetStage} {...invalid("targetStage")}>
          {props.stages.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <FieldError id={`${p}-targetStage-error`} message={errors?.targetStage} />
      </div>
      <div className="field">
        <label htmlFor={`${p}-position`}>Orden</label>
        <input id={`${p}-position`} name="position" type="number" min={0} max={999} step={1} defaultValue={values.position} {...invalid("position")} />
        <FieldError id={`${p}-position-error`} message={errors?.position} />
      </div>
      <div className="field">
        <label>
          <input type="checkbox" name="active" defaultChecked={values.active} /> Activo (se pide a los equipos)
        </label>
      </div>
      <button type="submit" disabled={props.busy}>
        {props.submitLabel}
      </button>
    </Form>
  );
}

export const meta: MetaFunction = () => [{ title: "Criterios de la ruta de fortalecimiento | Administración | Comunidad de Práctica de Gestión Educativa" }];
