import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FieldError, FormError, TextareaField, type Errors } from "~/components/forms";
import { adjustPoints, listPointRuleChanges, listPointRules, recomputePeriod, updatePointRules } from "~/models/points.server";
import { getMemberByEmail } from "~/models/user.server";
import { formatDateTime, todayInLima } from "~/utils/dates";
import { parseForm } from "~/utils/forms.server";
import { badRequest } from "~/utils/http.server";
import { requirePermission } from "~/utils/permissions.server";
import {
  ADJUSTMENT_MAX,
  ADJUSTMENT_REASON_MAX,
  RULE_DAILY_CAP_MAX,
  RULE_POINTS_MAX,
  adjustmentSchema,
  pointRulesSchema,
  recomputeSchema,
  ruleFieldNames,
} from "~/utils/points-validation.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "points.manage");
  const [rules, changes] = await Promise.all([listPointRules(), listPointRuleChanges({ limit: 100 })]);
  return json({
    rules: rules.map((r) => ({ ...r, fields: ruleFieldNames(r.action) })),
    changes: changes.map((c) => ({
      id: c.id,
      label: c.label,
      points: c.points,
      dailyCap: c.dailyCap,
      active: c.active,
      validFrom: formatDateTime(c.validFrom),
      changedBy: c.changedByName,
    })),
    today: todayInLima(),
    limits: { rulePoints: RULE_POINTS_MAX, dailyCap: RULE_DAILY_CAP_MAX, adjustment: ADJUSTMENT_MAX, reason: ADJUSTMENT_REASON_MAX },
  });
}

type Intent = "rules" | "adjust" | "recompute";

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "points.manage");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const fail = (which: Intent | null, errors: Record<string, string>, values: Record<string, string>) => badRequest({ intent: which, errors, values });

  if (intent === "rules") {
    const rules = await listPointRules();
    const form = parseForm(pointRulesSchema(rules.map((r) => r.action)), formData);
    if (!form.success) return fail("rules", form.errors, form.values);
    const changed = await updatePointRules({ rules: form.data, actorId: actor.id });
    return redirectWithToast(request, "/admin/puntos", {
      type: changed.length > 0 ? "success" : "info",
      message:
        changed.length === 0
          ? "No cambiaste ninguna regla."
          : changed.length === 1
            ? "Se guardó el cambio de 1 regla. Rige desde ahora."
            : `Se guardaron los cambios de ${changed.length} reglas. Rigen desde ahora.`,
    });
  }

  if (intent === "adjust") {
    const form = parseForm(adjustmentSchema, formData);
    if (!form.success) return fail("adjust", form.errors, form.values);
    const member = await getMemberByEmail(form.data.email);
    if (!member) return fail("adjust", { email: "No hay ningún miembro con ese correo." }, form.values);
    if (!member.active) return fail("adjust", { email: "Esa cuenta está desactivada: reactívala antes de ajustar sus puntos." }, form.values);
    await adjustPoints({ userId: member.id, points: form.data.points, reason: form.data.reason, actorId: actor.id });
    const amount = Math.abs(form.data.points).toLocaleString("es-PE");
    return redirectWithToast(request, "/admin/puntos", {
      type: "success",
      message: form.data.points > 0 ? `Se sumaron ${amount} puntos a ${member.name}.` : `Se restaron ${amount} puntos a ${member.name}.`,
    });
  }

  if (intent === "recompute") {
    const form = parseForm(recomputeSchema(), formData);
    if (!form.success) return fail("recompute", form.errors, form.values);
    const result = await recomputePeriod({ from: form.data.from, to: form.data.to, actorId: actor.id });
    return redirectWithToast(request, "/admin/puntos", {
      type: result.rows > 0 ? "success" : "info",
      message:
        result.rows === 0
          ? "Los puntos de ese periodo ya coincidían con las reglas vigentes: no hubo nada que corregir."
          : `Se corrigieron ${result.rows.toLocaleString("es-PE")} ${result.rows === 1 ? "movimiento" : "movimientos"} de ${result.members.toLocaleString("es-PE")} ${result.members === 1 ? "miembro" : "miembros"}.`,
    });
  }

  return fail(null, { form: "La acción no es válida." }, {});
}

export default function AdminPoints() {
  const { rules, changes, today, limits } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const own = (intent: Intent) => (actionData?.intent === intent ? actionData : undefined);
  const rulesResult = own("rules");
  const adjustResult = own("adjust");
  const recomputeResult = own("recompute");
  const ruleErrors: Errors = rulesResult?.errors;

  return (
    <section className="container page">
      <p>
        <Link to="/admin">Administración</Link>
      </p>
      <h1>Puntos</h1>
      <p className="lead">
        Cuántos puntos da cada acción en la comunidad. Los puntos quedan en un libro de movimientos: cada miembro ve en su
        perfil por qué tiene los suyos.
      </p>
      {actionData && actionData.intent === null ? <FormError message={actionData.errors.form} /> : null}

      <section aria-labelledby="reglas">
        <h2 id="reglas">Reglas de puntaje</h2>
        <p>
          Un cambio rige desde el momento en que se guarda; los puntos ya otorgados no cambian, salvo que recalcules un
          periodo. El tope diario limita cuántas veces al día (hora de Lima) una persona suma puntos por esa acción.
        </p>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="rules" />
          <FormError message={rulesResult ? "Revisa los valores marcados." : undefined} />
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Reglas de puntaje</caption>
              <thead>
                <tr>
                  <th scope="col">Acción</th>
                  <th scope="col">Puntos</th>
                  <th scope="col">Tope diario</th>
                  <th scope="col">Activa</th>
                </tr>
              </thead>
              <tbody>
                {rules.map((rule) => {
                  const f = rule.fields;
                  const values = rulesResult?.values;
                  const invalid = (name: string) =>
                    ruleErrors?.[name] ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {};
                  return (
                    <tr key={rule.action}>
                      <th scope="row">{rule.label}</th>
                      <td>
                        <label className="visually-hidden" htmlFor={f.points}>
                          Puntos por «{rule.label}»
                        </label>
                        <input
                          id={f.points}
                          name={f.points}
                          type="number"
                          inputMode="numeric"
                          min={0}
                          max={limits.rulePoints}
                          step={1}
                          required
                          defaultValue={values ? values[f.points] : String(rule.points)}
                          {...invalid(f.points)}
                        />
                        <FieldError id={`${f.points}-error`} message={ruleErrors?.[f.points]} />
                      </td>
                      <td>
                        <label className="visually-hidden" htmlFor={f.dailyCap}>
                          Tope diario de «{rule.label}» (vacío: sin tope)
                        </label>
                        <input
                          id={f.dailyCap}
                          name={f.dailyCap}
                          type="number"
                          inputMode="numeric"
                          min={1}
                          max={limits.dailyCap}
                          step={1}
                          placeholder="Sin tope"
                          defaultValue={values ? values[f.dailyCap] : rule.dailyCap === null ? "" : String(rule.dailyCap)}
                          {...invalid(f.dailyCap)}
                        />
                        <FieldError id={`${f.dailyCap}-error`} message={ruleErrors?.[f.dailyCap]} />
                      </td>
                      <td>
                        <label>
                          <input type="checkbox" name={f.active} defaultChecked={values ? values[f.active] !== undefined : rule.active} />
                          <span className="visually-hidden"> «{rule.label}» está activa</span>
                        </label>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <button type="submit" disabled={busy}>
            Guardar reglas
          </button>
        </Form>
      </section>

      <section aria-labelledby="ajuste">
        <h2 id="ajuste">Ajuste manual</h2>
        <p>Suma o resta puntos a un miembro. El motivo aparece en su historial de puntos.</p>
        <Form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="adjust" />
          <Field label="Correo del miembro" name="email" type="email" required maxLength={254} defaultValue={adjustResult?.values.email} errors={adjustResult?.errors} />
          <Field
            label="Puntos"
            name="points"
            type="number"
            required
            hint={`Un número entero distinto de 0, entre -${limits.adjustment.toLocaleString("es-PE")} y ${limits.adjustment.toLocaleString("es-PE")}. Para restar, escribe un número negativo.`}
            defaultValue={adjustResult?.values.points}
            errors={adjustResult?.errors}
          />
          <TextareaField
            label="Motivo"
            name="reason"
            required
            rows={3}
            maxLength={limits.reason}
            defaultValue={adjustResult?.values.reason}
            errors={adjustResult?.errors}
          />
          <button type="submit" disabled={busy}>
            Registrar ajuste
          </button>
        </Form>
      </section>

      <section aria-labelledby="recalculo">
        <h2 id="recalculo">Recalcular un periodo</h2>
        <p>
          Aplica las reglas vigentes a los puntos otorgados entre dos fechas (hora de Lima): cada movimiento que hoy valdría
          otra cantidad recibe una corrección, que el miembro ve en su historial. Una acción desactivada vale 0. Los topes
          diarios no se vuelven a aplicar, y recalcular dos veces el mismo periodo no cambia nada.
        </p>
        <Form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="recompute" />
          <DateField label="Desde" name="from" max={today} defaultValue={recomputeResult?.values.from} errors={recomputeResult?.errors} />
          <DateField label="Hasta" name="to" max={today} defaultValue={recomputeResult?.values.to ?? today} errors={recomputeResult?.errors} />
          <button type="submit" disabled={busy}>
            Recalcular
          </button>
        </Form>
      </section>

      <section aria-labelledby="historial">
        <h2 id="historial">Historial de cambios de las reglas</h2>
        {changes.length > 0 ? (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Historial de cambios de las reglas, del más reciente al más antiguo</caption>
              <thead>
                <tr>
                  <th scope="col">Desde</th>
                  <th scope="col">Acción</th>
                  <th scope="col">Puntos</th>
                  <th scope="col">Tope diario</th>
                  <th scope="col">Estado</th>
                  <th scope="col">Quién</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.id}>
                    <td>{c.validFrom}</td>
                    <td>{c.label}</td>
                    <td>{c.points.toLocaleString("es-PE")}</td>
                    <td>{c.dailyCap === null ? "Sin tope" : c.dailyCap.toLocaleString("es-PE")}</td>
                    <td>{c.active ? "Activa" : "Desactivada"}</td>
                    <td>{c.changedBy ?? "Valor inicial"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>Aún no hay cambios.</p>
        )}
      </section>
    </section>
  );
}

/** A date (YYYY-MM-DD) with its label and error; the browser's date picker where there is one. */
function DateField({ label, name, max, defaultValue, errors }: { label: string; name: string; max: string; defaultValue?: string; errors: Errors }) {
  const id = `recalculo-${name}`;
  const error = errors?.[name];
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        <span className="required" aria-hidden="true"> *</span>
      </label>
      <input
        id={id}
        name={name}
        type="date"
        required
        min="2000-01-01"
        max={max}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Puntos | Administración | Comunidad de Práctica de Gestión Educativa" }];
