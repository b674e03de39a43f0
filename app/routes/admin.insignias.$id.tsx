// One badge for DIFOCA: edit it; for an automatic one, preview who would get it and enable it
// (which applies it to past activity) or disable it; award it by hand to one member or to many at
// once, with a reason; revoke an award with a reason.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BadgeRuleFields } from "~/components/badge-rule-fields";
import { Field, FormError, SelectField, TextareaField, type Errors } from "~/components/forms";
import {
  awardBadge,
  awardBadgeToMany,
  disableBadge,
  enableAutomaticBadge,
  getAwardSummary,
  getBadge,
  listBadgeAwardsForAdmin,
  listRuleActions,
  previewAutomaticBadge,
  revokeBadgeAward,
  ruleProblem,
  updateBadge,
  type BadgePreview,
  type BadgeRule,
} from "~/models/badge.server";
import { getMemberByEmail } from "~/models/user.server";
import {
  BADGE_KIND_SHORT_LABELS,
  BADGE_LEVEL_LABELS,
  BADGE_LEVELS,
  MAX_BULK_EMAILS,
  badgeImagePath,
  badgePath,
  credentialPath,
  describeRule,
} from "~/utils/badge-labels";
import { badgeAdminSchema, parseRuleFields } from "~/utils/badge-validation.server";
import { formatDate } from "~/utils/dates";
import { parseForm } from "~/utils/forms.server";
import { badRequest, notFound } from "~/utils/http.server";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

async function badgeFromParams(params: LoaderFunctionArgs["params"]) {
  const id = Number(params.id);
  if (!/^\d{1,9}$/.test(params.id ?? "") || id <= 0) throw notFound("Esa insignia no existe.");
  const badge = await getBadge(id);
  if (!badge) throw notFound("Esa insignia no existe.");
  return badge;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "badges.manage");
  const badge = await badgeFromParams(params);
  const [actions, awards, preview] = await Promise.all([
    listRuleActions(),
    listBadgeAwardsForAdmin(badge.id),
    // Before enabling, DIFOCA sees who the rule would reach today.
    badge.kind === "automatica" && badge.rule && !badge.enabled ? previewAutomaticBadge(badge.rule, badge.id) : Promise.resolve(null),
  ]);
  const labelOf = new Map(actions.map((a) => [a.action, a.label]));
  return json({
    badge: {
      id: badge.id,
      slug: badge.slug,
      name: badge.name,
      description: badge.description,
      criteria: badge.criteria,
      level: badge.level,
      kind: badge.kind,
      kindLabel: BADGE_KIND_SHORT_LABELS[badge.kind],
      rule: badge.rule,
      ruleText: badge.rule ? describeRule(badge.rule, labelOf.get(badge.rule.action)) : null,
      enabled: badge.enabled,
    },
    actions,
    preview,
    awards: awards.map((a) => ({
      awardId: a.awardId,
      userId: a.userId,
      name: a.name,
      email: a.email,
      active: a.active,
      awardedOn: formatDate(a.awardedAt),
      awardedBy: a.awardedByName,
      reason: a.reason,
      credentialId: a.credentialId,
      revocation: a.revokedAt ? `Revocada el ${formatDate(a.revokedAt)}${a.revokedByName ? ` por ${a.revokedByName}` : ""}: ${a.revokeReason ?? ""}` : null,
    })),
  });
}

interface ActionReply {
  intent: string;
  awardId: number | null;
  errors: Record<string, string>;
  values: Record<string, string>;
  preview: (BadgePreview & { rule: BadgeRule; ruleText: string }) | null;
}

const reply = (r: Omit<ActionReply, "preview"> & { preview?: ActionReply["preview"] }): ActionReply => ({ ...r, preview: r.preview ?? null });

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "badges.manage");
  const badge = await badgeFromParams(params);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const awardId = Number(formData.get("awardId")) || null;
  const form = parseForm(badgeAdminSchema, formData);
  if (!form.success) return badRequest(reply({ intent, awardId, errors: form.errors, values: form.values }));
  const here = `/admin/insignias/${badge.id}`;
  const fail = (errors: Record<string, string>) => badRequest(reply({ intent, awardId, errors, values: form.values }));

  const input = form.data;
  switch (input.intent) {
    case "save": {
      let rule: BadgeRule | null = null;
      if (badge.kind === "automatica") {
        const parsed = parseRuleFields({ action: input.action, threshold: input.threshold });
        if (!parsed.success) return fail(parsed.errors);
        rule = parsed.rule;
      }
      const saved = await updateBadge({ id: badge.id, name: input.name, description: input.description, criteria: input.criteria, level: input.level, rule, actorId: actor.id });
      if (!saved.ok) return fail(saved.errors);
      return redirectWithToast(request, here, { type: "success", message: `Se guardó la insignia «${input.name}».` });
    }
    case "preview": {
      if (badge.kind !== "automatica") return fail({ form: "Solo las insignias automáticas tienen vista previa." });
      const rule: BadgeRule = { type: "action_count", action: input.action, threshold: input.threshold };
      const problem = await ruleProblem(rule);
      if (problem) return fail({ action: problem });
      const [preview, actions] = await Promise.all([previewAutomaticBadge(rule, badge.id), listRuleActions()]);
      const ruleText = describeRule(rule, actions.find((a) => a.action === rule.action)?.label);
      return json(reply({ intent, awardId, errors: {}, values: form.values, preview: { ...preview, rule, ruleText } }));
    }
    case "enable": {
      if (badge.enabled) return redirectWithToast(request, here, { type: "info", message: "La insignia ya estaba activa." });
      const result = await enableAutomaticBadge(badge.id, actor.id);
      if (!result.enabled) return fail({ form: "Define la regla de la insignia antes de activarla." });
      const message =
        badge.kind === "automatica"
          ? `Se activó «${badge.name}». ${result.awarded === 1 ? "Se otorgó a 1 miembro" : `Se otorgó a ${result.awarded} miembros`} por su actividad anterior; cada uno recibió un solo aviso.`
          : `Se activó «${badge.name}»: ya se puede otorgar.`;
      return redirectWithToast(request, here, { type: "success", message });
    }
    case "disable": {
      await disableBadge(badge.id, actor.id);
      return redirectWithToast(request, here, { type: "success", message: `Se desactivó «${badge.name}». Quienes la tienen la conservan.` });
    }
    case "award": {
      if (!badge.enabled) return fail({ form: "Activa la insignia antes de otorgarla." });
      const member = await getMemberByEmail(input.email);
      if (!member) return fail({ email: "No hay ninguna cuenta con ese correo." });
      if (!member.active) return fail({ email: "Esa cuenta está desactivada: no puede recibir insignias." });
      const result = await awardBadge({ badgeId: badge.id, userId: member.id, awardedBy: actor.id, reason: input.reason, evidenceUrl: input.evidenceUrl || null });
      return redirectWithToast(request, here, {
        type: result.awarded ? "success" : "info",
        message: result.awarded ? `Se otorgó «${badge.name}» a ${member.name}.` : `${member.name} ya tenía «${badge.name}»: no se otorgó otra vez.`,
      });
    }
    case "award_many": {
      if (!badge.enabled) return fail({ form: "Activa la insignia antes de otorgarla." });
      const unknown: string[] = [];
      const inactive: string[] = [];
      const userIds: number[] = [];
      for (const email of input.emails) {
        const member = await getMemberByEmail(email);
        if (!member) unknown.push(email);
        else if (!member.active) inactive.push(email);
        else userIds.push(member.id);
      }
      if (unknown.length > 0 || inactive.length > 0) {
        const parts = [
          unknown.length > 0 ? `No hay cuentas con estos correos: ${unknown.join(", ")}.` : "",
          inactive.length > 0 ? `Estas cuentas están desactivadas: ${inactive.join(", ")}.` : "",
        ];
        return fail({ emails: `${parts.filter(Boolean).join(" ")} Corrige la lista: no se otorgó a nadie.` });
      }
      const awarded = await awardBadgeToMany({ badgeId: badge.id, userIds, awardedBy: actor.id, reason: input.reason, evidenceUrl: input.evidenceUrl || null });
      const already = userIds.length - awarded;
      return redirectWithToast(request, here, {
        type: "success",
        message: `Se otorgó «${badge.name}» a ${awarded === 1 ? "1 miembro" : `${awarded} miembros`}${already > 0 ? `; ${already === 1 ? "1 ya la tenía" : `${already} ya la tenían`}` : ""}.`,
      });
    }
    case "revoke": {
      const award = await getAwardSummary(input.awardId);
      if (!award || award.badgeId !== badge.id) return fail({ form: "Esa insignia otorgada no existe." });
      if (award.revokedAt) return fail({ form: "Esa insignia ya estaba revocada." });
      await revokeBadgeAward({ awardId: award.id, revokedBy: actor.id, reason: input.reason });
      return redirectWithToast(request, here, { type: "success", message: `Se revocó «${badge.name}» a ${award.name}. Sus puntos por la insignia se revirtieron.` });
    }
  }
}

function PreviewPanel({ preview, ruleText }: { preview: BadgePreview; ruleText: string | null }) {
  return (
    <div className="panel" role="status">
      <h3>Vista previa: quiénes la recibirían hoy</h3>
      {ruleText ? <p className="hint">{ruleText}</p> : null}
      <p>
        <strong>
          {preview.count === 0 ? "Nadie cumple la regla todavía." : preview.count === 1 ? "1 miembro la recibiría." : `${preview.count.toLocaleString("es-PE")} miembros la recibirían.`}
        </strong>
        {preview.count > preview.members.length ? ` Se muestran los primeros ${preview.members.length}.` : ""}
      </p>
      {preview.members.length > 0 ? (
        <ul>
          {preview.members.map((m) => (
            <li key={m.id}>
              <Link to={`/perfil/${m.id}`}>{m.name}</Link>
              <span className="hint">
                {m.igedName ? ` · ${m.igedName}` : ""} · {m.events} {m.events === 1 ? "vez" : "veces"}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export default function AdminBadge() {
  const { badge, actions, preview, awards } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorsFor = (intent: string): Errors => (actionData?.intent === intent ? actionData.errors : undefined);
  const valuesFor = (intent: string): Record<string, string> => (actionData?.intent === intent ? actionData.values : {});
  const saveValues = valuesFor("save");
  const previewValues = valuesFor("preview");
  const typedPreview = actionData?.preview ?? null;
  const activeAwards = awards.filter((a) => !a.revocation);
  const revokedAwards = awards.filter((a) => a.revocation);
  const generalError = actionData && ["enable", "disable", "save", "preview"].includes(actionData.intent) ? actionData.errors.form : undefined;
  return (
    <section className="container page">
      <p>
        <Link to="/admin">Administración</Link> › <Link to="/admin/insignias">Insignias</Link>
      </p>
      <div className="page-heading">
        <h1>{badge.name}</h1>
        <Link to={badgePath(badge.slug)}>Ver su página pública</Link>
      </div>
      <img src={badgeImagePath(badge.slug)} alt={`Imagen de la insignia «${badge.name}»`} width={100} height={120} />
      <dl className="facts">
        <dt>Tipo</dt>
        <dd>{badge.kindLabel}</dd>
        <dt>Nivel</dt>
        <dd>{BADGE_LEVEL_LABELS[badge.level]}</dd>
        <dt>Estado</dt>
        <dd>{badge.enabled ? "Activa" : "Inactiva"}</dd>
        {badge.ruleText ? (
          <>
            <dt>Regla</dt>
            <dd>{badge.ruleText}</dd>
          </>
        ) : null}
        <dt>La tienen</dt>
        <dd>{activeAwards.length.toLocaleString("es-PE")}</dd>
      </dl>
      <FormError message={generalError} />

      {badge.kind === "automatica" ? (
        <section>
          <h2>Activación</h2>
          {badge.enabled ? (
            <>
              <p>La insignia está activa: cada miembro que cumpla la regla la recibe en el momento.</p>
              <Form method="post">
                <input type="hidden" name="intent" value="disable" />
                <button type="submit" className="button--secondary">
                  Desactivar la insignia
                </button>
              </Form>
            </>
          ) : (
            <>
              <p>
                Al activarla se aplica también a la actividad anterior: la recibe cada miembro que ya cumple la regla, con un
                solo aviso por persona.
              </p>
              {preview ? <PreviewPanel preview={preview} ruleText={badge.ruleText} /> : null}
              <Form method="post">
                <input type="hidden" name="intent" value="enable" />
                <button type="submit">
                  {preview && preview.count > 0 ? `Activar y otorgar a ${preview.count.toLocaleString("es-PE")} ${preview.count === 1 ? "miembro" : "miembros"}` : "Activar la insignia"}
                </button>
              </Form>
            </>
          )}
        </section>
      ) : (
        <section>
          <h2>Activación</h2>
          <p>{badge.enabled ? "La insignia está activa: se puede otorgar." : "La insignia está inactiva: no se puede otorgar."}</p>
          <Form method="post">
            <input type="hidden" name="intent" value={badge.enabled ? "disable" : "enable"} />
            <button type="submit" className={badge.enabled ? "button--secondary" : undefined}>
              {badge.enabled ? "Desactivar la insignia" : "Activar la insignia"}
            </button>
          </Form>
        </section>
      )}

      {badge.enabled ? (
        <section>
          <h2>Otorgar la insignia</h2>
          <h3>A un miembro</h3>
          <Form method="post" className="form form--wide">
            <input type="hidden" name="intent" value="award" />
            <FormError message={errorsFor("award")?.form} />
            <Field label="Correo del miembro" name="email" type="email" required maxLength={254} defaultValue={valuesFor("award").email} errors={errorsFor("award")} />
            <TextareaField label="Motivo" name="reason" required maxLength={500} rows={2} defaultValue={valuesFor("award").reason} errors={errorsFor("award")} />
            <Field label="Enlace a la evidencia (opcional)" name="evidenceUrl" type="url" maxLength={500} defaultValue={valuesFor("award").evidenceUrl} errors={errorsFor("award")} />
            <button type="submit">Otorgar</button>
          </Form>
          <h3>A varios miembros a la vez</h3>
          <Form method="post" className="form form--wide">
            <input type="hidden" name="intent" value="award_many" />
            <FormError message={errorsFor("award_many")?.form} />
            <TextareaField
              label="Correos, uno por línea"
              name="emails"
              required
              rows={6}
              hint={`Por ejemplo, todas las personas que asistieron a un evento. Hasta ${MAX_BULK_EMAILS} correos; si alguno no corresponde a una cuenta activa, no se otorga a nadie y se indica cuál corregir.`}
              defaultValue={valuesFor("award_many").emails}
              errors={errorsFor("award_many")}
            />
            <TextareaField label="Motivo" name="reason" required maxLength={500} rows={2} defaultValue={valuesFor("award_many").reason} errors={errorsFor("award_many")} />
            <Field label="Enlace a la evidencia (opcional)" name="evidenceUrl" type="url" maxLength={500} defaultValue={valuesFor("award_many").evidenceUrl} errors={errorsFor("award_many")} />
            <button type="submit">Otorgar a todos</button>
          </Form>
        </section>
      ) : null}

      <section>
        <h2>Quiénes la tienen</h2>
        {activeAwards.length === 0 ? <p>Nadie la tiene todavía.</p> : null}
        {actionData?.intent === "revoke" ? <FormError message={Object.values(actionData.errors)[0]} /> : null}
        <ul className="stack">
          {activeAwards.map((a) => (
            <li key={a.awardId}>
              <Link to={`/perfil/${a.userId}`}>{a.name}</Link> <span className="hint">{a.email}</span>
              {a.active ? null : <span className="tag">Cuenta desactivada</span>}
              <br />
              <span className="hint">
                Desde el {a.awardedOn} · {a.awardedBy ? `otorgada por ${a.awardedBy}` : "por la regla automática"} · {a.reason || "sin motivo"} ·{" "}
                <Link to={credentialPath(a.credentialId)}>credencial</Link>
              </span>
              <details>
                <summary>
                  Revocar<span className="visually-hidden"> la insignia de {a.name}</span>
                </summary>
                <Form method="post" className="row-actions">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="awardId" value={a.awardId} />
                  <label htmlFor={`revoke-${a.awardId}`}>Motivo de la revocación</label>
                  <input id={`revoke-${a.awardId}`} name="reason" required maxLength={500} />
                  <button type="submit" className="button--small button--danger">
                    Revocar
                  </button>
                </Form>
              </details>
            </li>
          ))}
        </ul>
        {revokedAwards.length > 0 ? (
          <>
            <h3>Revocadas</h3>
            <ul>
              {revokedAwards.map((a) => (
                <li key={a.awardId}>
                  {a.name} · <span className="hint">{a.revocation}</span> · <Link to={credentialPath(a.credentialId)}>credencial</Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section>
        <h2>Editar la insignia</h2>
        <Form method="post" className="form form--wide">
          <FormError message={errorsFor("save")?.form} />
          <Field label="Nombre" name="name" required maxLength={80} defaultValue={saveValues.name ?? badge.name} errors={errorsFor("save")} />
          <TextareaField label="Qué reconoce" name="description" required maxLength={500} rows={3} defaultValue={saveValues.description ?? badge.description} errors={errorsFor("save")} />
          <TextareaField label="Criterios (en lenguaje sencillo)" name="criteria" required maxLength={500} rows={3} defaultValue={saveValues.criteria ?? badge.criteria} errors={errorsFor("save")} />
          <SelectField label="Nivel" name="level" required defaultValue={saveValues.level ?? badge.level} errors={errorsFor("save")}>
            {BADGE_LEVELS.map((level) => (
              <option key={level} value={level}>
                {BADGE_LEVEL_LABELS[level]}
              </option>
            ))}
          </SelectField>
          {badge.kind === "automatica" ? (
            <fieldset className="fieldset">
              <legend>Regla</legend>
              {badge.enabled ? <p className="hint">Para cambiar la regla, desactiva la insignia, revisa la vista previa y actívala otra vez.</p> : null}
              <BadgeRuleFields
                actions={actions}
                required
                action={saveValues.action ?? previewValues.action ?? badge.rule?.action ?? ""}
                threshold={saveValues.threshold ?? previewValues.threshold ?? String(badge.rule?.threshold ?? 1)}
                errors={errorsFor("save") ?? errorsFor("preview")}
              />
              {badge.enabled ? null : (
                <button type="submit" name="intent" value="preview" className="button--secondary" formNoValidate>
                  Vista previa de esta regla (sin guardar)
                </button>
              )}
              {typedPreview ? <PreviewPanel preview={typedPreview} ruleText={typedPreview.ruleText} /> : null}
            </fieldset>
          ) : null}
          <button type="submit" name="intent" value="save">
            Guardar cambios
          </button>
        </Form>
      </section>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.badge.name} | Insignias | Administración | Comunidad de Práctica de Gestión Educativa` : "Insignia no encontrada" },
];
