import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Field, FormError, SelectField, TextareaField, type Errors } from "~/components/forms";
import { groupSlotsByDay, SlotPicker } from "~/components/slot-picker";
import { listAdvisors, listFreeSlots, requestAdvisory, type AdvisoryRefusal } from "~/models/advisory.server";
import { listPracticesOfMember } from "~/models/practice.server";
import { listTransfersForAdvisory } from "~/models/transfer.server";
import { ADVISORY_TYPE_LABELS, MODALITY_LABELS } from "~/utils/advisory-labels";
import { BOOKING_HORIZON_DAYS, BOOKING_LEAD_HOURS } from "~/utils/advisory-slots";
import { readAdvisoryRequest } from "~/utils/advisory-validation.server";
import { requireUser } from "~/utils/auth.server";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { can } from "~/utils/permissions.server";
import { STATUS_LABELS } from "~/utils/practice-labels";
import { ROLE_LABELS } from "~/utils/roles";
import { redirectWithToast } from "~/utils/toast.server";

/** The picker shows the first days with free slots; a long horizon of radio buttons helps nobody. */
const PICKER_DAYS = 14;

/** What the team can read when the model refuses a request, and next to which field. */
const REFUSAL_MESSAGES: Partial<Record<AdvisoryRefusal, { field: string; message: string }>> = {
  not_advisor: { field: "advisorId", message: "Elige un asesor de la lista." },
  past: {
    field: "slot",
    message: `La fecha y hora ya pasaron o están demasiado cerca: elige un horario con al menos ${BOOKING_LEAD_HOURS} horas de anticipación.`,
  },
  bad_length: { field: "slot", message: "La duración de ese horario no es válida. Elige uno de los horarios libres del asesor." },
  outside_availability: { field: "slot", message: "Ese horario no está en la disponibilidad del asesor." },
  slot_taken: { field: "slot", message: "Ese horario acaba de ser reservado por otro equipo. Elige otro." },
  bad_transfer: { field: "transferId", message: "Elige una transferencia en curso de la práctica que indicaste." },
};

/**
 * The practices the member can ask advisories for: those of their team, and the practices whose
 * transfer they take part in (an advisory about that transfer).
 */
async function practicesOf(userId: number, options: { includeArchived?: boolean } = {}) {
  const [own, transfers] = await Promise.all([listPracticesOfMember(userId), listTransfersForAdvisory(userId)]);
  const practices = own.filter((p) => options.includeArchived || p.status !== "archivada").map((p) => ({ ...p, viaTransfer: false }));
  for (const t of transfers) {
    if (!practices.some((p) => p.id === t.practiceId)) {
      practices.push({ id: t.practiceId, slug: t.practiceSlug, title: t.practiceTitle, status: "publicada", viaTransfer: true } as (typeof practices)[number]);
    }
  }
  return { practices, transfers };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const { practices, transfers } = await practicesOf(user.id);
  if (practices.length === 0) {
    return json({ practices: [], transfers: [], selectedTransferId: "", canCreatePractice: can(user, "practices.create"), practiceSlug: "", selectedPracticeId: "", advisors: [], advisor: null, slotDays: [], moreDays: false, horizonWeeks: 0 });
  }
  // From a transfer's page: an advisory about that transfer, for its practice.
  const transfer = transfers.find((t) => String(t.id) === url.searchParams.get("transferencia"));
  const practiceSlug = transfer?.practiceSlug ?? url.searchParams.get("practica") ?? "";
  const selected = practices.find((p) => p.slug === practiceSlug) ?? (practices.length === 1 ? practices[0] : undefined);
  const advisors = await listAdvisors();
  const chosen = advisors.find((a) => String(a.id) === url.searchParams.get("asesor")) ?? null;
  const days = chosen?.hasAvailability ? groupSlotsByDay(await listFreeSlots({ advisorId: chosen.id })) : [];
  return json({
    practices: practices.map((p) => ({
      id: p.id,
      label: p.viaTransfer ? `${p.title} (transferencia)` : p.status === "publicada" ? p.title : `${p.title} (${STATUS_LABELS[p.status].toLowerCase()})`,
    })),
    transfers: transfers.map((t) => ({ id: t.id, label: `${t.practiceTitle} → ${t.receivingIgedName}` })),
    selectedTransferId: transfer ? String(transfer.id) : "",
    canCreatePractice: false,
    practiceSlug: selected?.slug ?? "",
    selectedPracticeId: selected ? String(selected.id) : "",
    advisors: advisors.map((a) => ({ id: a.id, name: a.name, role: ROLE_LABELS[a.role], hasAvailability: a.hasAvailability })),
    advisor: chosen ? { id: chosen.id, name: chosen.name, hasAvailability: chosen.hasAvailability } : null,
    slotDays: days.slice(0, PICKER_DAYS),
    moreDays: days.length > PICKER_DAYS,
    horizonWeeks: Math.round(BOOKING_HORIZON_DAYS / 7),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  // Archived ones too, so that asking for one says why it cannot be done.
  const { practices } = await practicesOf(user.id, { includeArchived: true });
  // Whose practice it is comes before whether the form is complete: an outsider learns nothing.
  const postedPracticeId = String(formData.get("practiceId") ?? "");
  if (/^\d{1,9}$/.test(postedPracticeId) && !practices.some((p) => p.id === Number(postedPracticeId))) {
    throw forbidden("Solo el equipo de una práctica puede pedir asesorías para ella.");
  }
  const form = readAdvisoryRequest(formData);
  if (!form.success) return badRequest({ errors: form.errors, values: form.values });
  const { data } = form;
  const practice = practices.find((p) => p.id === data.practiceId);
  if (!practice) throw forbidden("Solo el equipo de una práctica puede pedir asesorías para ella.");
  if (practice.status === "archivada") {
    return badRequest({ errors: { practiceId: "Esa práctica está archivada: ya no recibe asesorías." } as Record<string, string>, values: form.values });
  }
  const result = await requestAdvisory({
    practiceId: data.practiceId,
    requestedBy: user.id,
    type: data.type,
    topic: data.topic,
    needs: data.needs,
    modality: data.modality,
    advisorId: data.advisorId,
    startsAt: data.startsAt,
    minutes: data.minutes,
    transferId: data.transferId,
  });
  if (!result.ok) {
    if (result.reason === "not_team" || result.reason === "not_allowed") throw forbidden("Solo el equipo de una práctica puede pedir asesorías para ella.");
    if (result.reason === "not_found") throw notFound();
    const refusal = REFUSAL_MESSAGES[result.reason] ?? { field: "form", message: "No se pudo enviar la solicitud. Revisa los datos y vuelve a intentarlo." };
    // The refused slot is not offered again, so it is not kept as the choice.
    const { slot: _refused, ...values } = form.values;
    return badRequest({ errors: { [refusal.field]: refusal.message } as Record<string, string>, values });
  }
  return redirectWithToast(request, `/asesorias/${result.id}`, { type: "success", message: "Se envió tu solicitud. Te avisaremos cuando se confirme." });
}

export default function NewAdvisory() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Errors = actionData?.errors;
  const values: Record<string, string | undefined> = actionData?.values ?? {};

  if (data.practices.length === 0) {
    return (
      <section className="container page">
        <p>
          <Link to="/asesorias">Asesorías</Link>
        </p>
        <h1>Pedir una asesoría</h1>
        <div className="notice" role="note">
          <p>Para pedir una asesoría, primero forma parte del equipo de una práctica.</p>
          <p>
            {data.canCreatePractice ? (
              <>
                Puedes <Link to="/practicas/nueva">registrar tu práctica</Link> o pedir al equipo de una práctica que te agregue.
              </>
            ) : (
              <>
                Pide al equipo de una práctica que te agregue, o revisa el <Link to="/practicas">catálogo de prácticas</Link>.
              </>
            )}
          </p>
        </div>
      </section>
    );
  }

  const advisor = data.advisor;
  const hasSlots = data.slotDays.length > 0;
  const mode = values.mode ?? (advisor && hasSlots ? "horario" : "difoca");
  return (
    <section className="container page">
      <p>
        <Link to="/asesorias">Asesorías</Link>
      </p>
      <h1>Pedir una asesoría</h1>
      <p className="lead">
        Un experto o un especialista de DIFOCA acompaña a tu equipo en una sesión: para fortalecer la práctica o para
        transferirla a otra IGED. Todas las horas son de Lima.
      </p>

      <section aria-labelledby="paso-asesor" className="card advisory-step">
        <h2 id="paso-asesor">1. Si quieres elegir el horario, empieza por el asesor</h2>
        <p className="hint">
          Elige un asesor y pulsa «Ver horarios»: sus horarios libres aparecerán en el paso 2. Hazlo antes de escribir tu
          solicitud. Si prefieres que DIFOCA asigne un asesor y un horario, pasa directamente al paso 2.
        </p>
        <Form method="get" className="row-actions">
          {data.practiceSlug ? <input type="hidden" name="practica" value={data.practiceSlug} /> : null}
          {data.selectedTransferId ? <input type="hidden" name="transferencia" value={data.selectedTransferId} /> : null}
          <label htmlFor="asesor">Asesor</label>
          <select id="asesor" name="asesor" defaultValue={advisor ? String(advisor.id) : ""}>
            <option value="">Elige un asesor</option>
            {data.advisors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} · {a.role}
                {a.hasAvailability ? "" : " · sin horarios publicados"}
              </option>
            ))}
          </select>
          <button type="submit" className="button--secondary">
            Ver horarios
          </button>
        </Form>
      </section>

      <section aria-labelledby="paso-solicitud">
        <h2 id="paso-solicitud">2. Tu solicitud</h2>
        <Form method="post" className="form form--wide" noValidate>
          <FormError message={errors?.form} />
          <SelectField label="Práctica" name="practiceId" required defaultValue={values.practiceId ?? data.selectedPracticeId} errors={errors}>
            {data.practices.length > 1 ? <option value="">Elige la práctica</option> : null}
            {data.practices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </SelectField>

          <RadioGroup legend="Tipo de asesoría" name="type" errors={errors}>
            <Radio name="type" value="personalizada" checked={(values.type ?? (data.selectedTransferId ? "transferencia" : "personalizada")) === "personalizada"}>
              {ADVISORY_TYPE_LABELS.personalizada}
            </Radio>
            <Radio name="type" value="transferencia" checked={(values.type ?? (data.selectedTransferId ? "transferencia" : "personalizada")) === "transferencia"}>
              {ADVISORY_TYPE_LABELS.transferencia}
            </Radio>
          </RadioGroup>

          {data.transfers.length > 0 ? (
            <SelectField
              label="Transferencia"
              name="transferId"
              defaultValue={values.transferId ?? data.selectedTransferId}
              errors={errors}
              hint="Solo para una asesoría sobre transferencia: la sesión aparecerá en la página de esa transferencia."
            >
              <option value="">Ninguna</option>
              {data.transfers.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </SelectField>
          ) : null}

          <Field label="Tema" name="topic" required maxLength={160} defaultValue={values.topic} errors={errors} hint="Por ejemplo: Indicadores de resultado de la práctica." />
          <TextareaField
            label="¿Qué necesitan?"
            name="needs"
            required
            maxLength={2000}
            rows={5}
            defaultValue={values.needs}
            errors={errors}
            hint="Cuenta la situación de la práctica y qué espera el equipo de la sesión."
          />

          <RadioGroup legend="Modalidad" name="modality" errors={errors}>
            {(["virtual", "presencial"] as const).map((m) => (
              <Radio key={m} name="modality" value={m} checked={(values.modality ?? "virtual") === m}>
                {MODALITY_LABELS[m]}
              </Radio>
            ))}
          </RadioGroup>

          <RadioGroup legend="¿Cuándo?" name="mode" errors={errors}>
            <Radio name="mode" value="horario" checked={mode === "horario"}>
              Elegir un horario de un asesor
            </Radio>
            <div className="advisory-slots">
              {advisor ? <input type="hidden" name="advisorId" value={advisor.id} /> : null}
              <Message id="advisorId-error" text={errors?.advisorId} />
              {!advisor ? (
                <p className="hint">
                  Primero <a href="#paso-asesor">elige un asesor en el paso 1</a> y pulsa «Ver horarios».
                </p>
              ) : !advisor.hasAvailability ? (
                <p className="hint">
                  {advisor.name} no tiene horarios publicados. Elige otro asesor en el paso 1 o pide que DIFOCA asigne uno.
                </p>
              ) : !hasSlots ? (
                <p className="hint">
                  {advisor.name} no tiene horarios libres en las próximas {data.horizonWeeks} semanas. Elige otro asesor o pide que DIFOCA asigne uno.
                </p>
              ) : (
                <>
                  <p className="hint">
                    Horarios libres de {advisor.name} (hora de Lima){data.moreDays ? `: se muestran los próximos ${data.slotDays.length} días con horarios` : ""}.
                  </p>
                  <Message id="slot-error" text={errors?.slot} />
                  <SlotPicker days={data.slotDays} checked={values.slot} describedBy={errors?.slot ? "slot-error" : undefined} />
                </>
              )}
              {errors?.slot && !(advisor && hasSlots) ? <Message id="slot-error" text={errors.slot} /> : null}
            </div>
            <Radio name="mode" value="difoca" checked={mode === "difoca"}>
              Que DIFOCA asigne un asesor y un horario
            </Radio>
            <p className="hint">DIFOCA te propondrá un asesor y un horario; te avisaremos en la plataforma.</p>
          </RadioGroup>

          <button type="submit" disabled={busy}>
            Enviar solicitud
          </button>
        </Form>
      </section>
    </section>
  );
}

function RadioGroup({ legend, name, errors, children }: { legend: string; name: string; errors: Errors; children: ReactNode }) {
  const error = errors?.[name];
  return (
    <fieldset className="fieldset" aria-describedby={error ? `${name}-error` : undefined}>
      <legend>
        {legend}
        <span className="required" aria-hidden="true">
          {" "}
          *
        </span>
      </legend>
      <Message id={`${name}-error`} text={error} />
      {children}
    </fieldset>
  );
}

function Radio({ name, value, checked, children }: { name: string; value: string; checked: boolean; children: ReactNode }) {
  const id = `${name}-${value}`;
  return (
    <div className="field--checkbox">
      <input type="radio" id={id} name={name} value={value} defaultChecked={checked} />
      <label htmlFor={id}>{children}</label>
    </div>
  );
}

function Message({ id, text }: { id: string; text?: string }) {
  if (!text) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {text}
    </p>
  );
}

export const meta: MetaFunction = () => [{ title: "Pedir una asesoría | Comunidad de Práctica de Gestión Educativa" }];
