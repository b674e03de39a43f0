// The forms of an advisory's page: confirm, propose another time, accept it, reschedule, cancel and
// record the session. Each is a plain post with a hidden intent, so the page works without
// JavaScript; the page shows only the ones the member may use and the server checks them again.
import { Form } from "@remix-run/react";
import { useId, type ReactNode } from "react";
import { Field, FieldError, FormError, SelectField, TextareaField, type Errors } from "~/components/forms";
import type { AdvisoryActionData, AdvisoryPageData } from "~/utils/advisory-page.server";

/** The failed submission of this form, if the last one was. */
export function failedFor(actionData: AdvisoryActionData | undefined, ...intents: string[]): AdvisoryActionData | undefined {
  return actionData && intents.includes(actionData.intent) ? actionData : undefined;
}

/** A time of day; the shared Field has no time type. Browsers send "HH:MM" either way. */
function TimeField({ name, defaultValue, errors }: { name: string; defaultValue?: string; errors?: Errors }) {
  const id = useId();
  const error = errors?.[name];
  return (
    <div className="field">
      <label htmlFor={id}>Hora (Lima)</label>
      <p id={`${id}-hint`} className="hint">
        En formato de 24 horas, por ejemplo 09:30 o 15:00.
      </p>
      <input
        id={id}
        name={name}
        type="time"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

function TimeFields({ values, errors, hint }: { values: { date: string; time: string; minutes: string }; errors?: Errors; hint?: string }) {
  return (
    <div className="advisory-time-fields">
      <Field label="Fecha" name="date" type="date" defaultValue={values.date} errors={errors} hint={hint} />
      <TimeField name="time" defaultValue={values.time} errors={errors} />
      <Field label="Duración (minutos)" name="minutes" type="number" defaultValue={values.minutes} errors={errors} />
    </div>
  );
}

function WhereField({ modality, values, errors }: { modality: string; values: { meetingUrl: string; place: string }; errors?: Errors }) {
  return modality === "virtual" ? (
    <Field label="Enlace de la reunión virtual" name="meetingUrl" type="url" defaultValue={values.meetingUrl} errors={errors} required hint="Empieza por https://" maxLength={500} />
  ) : (
    <Field label="Lugar de la reunión" name="place" defaultValue={values.place} errors={errors} required hint="Dirección y ambiente, por ejemplo: UGEL Nasca, sala de reuniones." maxLength={200} />
  );
}

function AdvisorSelect({ advisors, value, errors }: { advisors: AdvisoryPageData["advisors"]; value: string; errors?: Errors }) {
  if (advisors.length === 0) return null;
  return (
    <SelectField label="Asesor" name="advisorId" defaultValue={value} errors={errors} hint="Como DIFOCA, puedes asignar o cambiar el asesor.">
      <option value="">Elige un asesor</option>
      {advisors.map((a) => (
        <option key={a.id} value={a.id}>
          {a.name}
          {a.hasAvailability ? "" : " (sin horarios publicados)"}
        </option>
      ))}
    </SelectField>
  );
}

type PageProps = { data: AdvisoryPageData; actionData?: AdvisoryActionData };

export function ConfirmForm({ data, actionData }: PageProps) {
  const failed = failedFor(actionData, "confirm");
  const v = { ...data.form, ...failed?.values };
  const hasTime = data.advisory.when !== null;
  return (
    <section aria-labelledby="confirmar" className="advisory-form">
      <h3 id="confirmar">Confirmar la asesoría</h3>
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="confirm" />
        <FormError message={failed?.errors.form} />
        <AdvisorSelect advisors={data.advisors} value={v.advisorId} errors={failed?.errors} />
        <TimeFields
          values={v}
          errors={failed?.errors}
          hint={hasTime ? "Es el horario que pidió el equipo. Si lo cambias, avisaremos del cambio." : "El equipo pidió que DIFOCA asigne el horario."}
        />
        <WhereField modality={data.advisory.modality} values={v} errors={failed?.errors} />
        <button type="submit">Confirmar</button>
      </Form>
    </section>
  );
}

function Folded({ summary, open, children }: { summary: string; open: boolean; children: ReactNode }) {
  return (
    <details className="advisory-details" open={open || undefined}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

export function ProposeForm({ data, actionData }: PageProps) {
  const failed = failedFor(actionData, "propose");
  const v = { ...data.form, date: "", time: "", note: "", ...failed?.values };
  return (
    <Folded summary="Proponer otro horario" open={failed !== undefined}>
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="propose" />
        <p className="hint">El equipo recibirá la propuesta y deberá aceptarla para que la asesoría quede confirmada.</p>
        <FormError message={failed?.errors.form} />
        <AdvisorSelect advisors={data.advisors} value={v.advisorId} errors={failed?.errors} />
        <TimeFields values={v} errors={failed?.errors} />
        <WhereField modality={data.advisory.modality} values={v} errors={failed?.errors} />
        <TextareaField label="Mensaje para el equipo" name="note" rows={3} maxLength={500} required defaultValue={v.note} errors={failed?.errors} hint="Por qué propones este horario." />
        <button type="submit">Proponer este horario</button>
      </Form>
    </Folded>
  );
}

export function AcceptForm() {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="accept" />
      <button type="submit">Aceptar el horario propuesto</button>
    </Form>
  );
}

export function RescheduleForm({ data, actionData }: PageProps) {
  const failed = failedFor(actionData, "reschedule");
  const v = { date: "", time: "", minutes: data.form.minutes, reason: "", slot: "", ...failed?.values };
  const byAdvisor = data.roles.schedules;
  return (
    <Folded summary="Reprogramar" open={failed !== undefined}>
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="reschedule" />
        <FormError message={failed?.errors.form} />
        {byAdvisor ? (
          <TimeFields values={v} errors={failed?.errors} />
        ) : (
          <fieldset className="fieldset" aria-describedby="reprogramar-ayuda">
            <legend>Nuevo horario</legend>
            <p id="reprogramar-ayuda" className="hint">
              Elige uno de los horarios libres de {data.advisory.advisor?.name ?? "el asesor"}; la asesoría volverá a quedar por confirmar. Si ninguno te sirve,
              cancela con el motivo o escribe a DIFOCA.
            </p>
            {data.freeSlots.length > 0 ? (
              <ul className="advisory-reschedule__slots">
                {data.freeSlots.map((slot) => (
                  <li key={slot.value} className="field--checkbox">
                    <input type="radio" name="slot" id={`slot-${slot.value}`} value={slot.value} defaultChecked={v.slot === slot.value} />
                    <label htmlFor={`slot-${slot.value}`}>{slot.label}</label>
                  </li>
                ))}
              </ul>
            ) : (
              <p>El asesor no tiene horarios libres en las próximas semanas.</p>
            )}
            <FieldError id="slot-error" message={failed?.errors.slot} />
          </fieldset>
        )}
        <TextareaField label="Motivo del cambio" name="reason" rows={3} maxLength={500} required defaultValue={v.reason} errors={failed?.errors} hint="Las demás personas lo leerán." />
        <button type="submit">{byAdvisor ? "Reprogramar" : "Pedir el cambio de horario"}</button>
      </Form>
    </Folded>
  );
}

export function CancelForm({ actionData }: { actionData?: AdvisoryActionData }) {
  const failed = failedFor(actionData, "cancel");
  return (
    <Folded summary="Cancelar la asesoría" open={failed !== undefined}>
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="cancel" />
        <FormError message={failed?.errors.form} />
        <TextareaField label="Motivo de la cancelación" name="reason" rows={3} maxLength={500} required defaultValue={failed?.values.reason} errors={failed?.errors} hint="Las demás personas lo leerán." />
        <button type="submit" className="button--danger">
          Cancelar la asesoría
        </button>
      </Form>
    </Folded>
  );
}

export function RecordForm({ data, actionData }: PageProps) {
  const failed = failedFor(actionData, "record");
  const values: Record<string, string> = failed?.values ?? {};
  const held = values.held ?? data.form.held;
  const attendees = failed ? (values.attendees ?? "").split(",").filter(Boolean).map(Number) : data.form.attendeeIds;
  const errors = failed?.errors;
  const again = data.advisory.status !== "confirmada";
  const form = (
    <Form method="post" className="form form--wide">
      <input type="hidden" name="intent" value="record" />
      <FormError message={errors?.form} />
      <fieldset className="fieldset">
        <legend>¿Se realizó la asesoría?</legend>
        <div className="field--checkbox">
          <input type="radio" name="held" id="held-si" value="si" defaultChecked={held === "si"} />
          <label htmlFor="held-si">Sí, se realizó</label>
        </div>
        <div className="field--checkbox">
          <input type="radio" name="held" id="held-no" value="no" defaultChecked={held === "no"} />
          <label htmlFor="held-no">No se realizó</label>
        </div>
        <FieldError id="held-error" message={errors?.held} />
      </fieldset>
      <p className="hint">
        Si no se realizó, basta con guardar: el resto del formulario no se usa.
        {data.advisory.status === "realizada" ? " Se quitarán el acta y los compromisos ya registrados; el historial conserva lo ocurrido." : null}
      </p>
      <fieldset className="fieldset">
        <legend>Asistencia</legend>
        <p className="hint">Quienes asistieron reciben los puntos de la asesoría.</p>
        {data.people.map((p) => (
          <div key={p.id} className="field--checkbox">
            <input type="checkbox" name="attendees" id={`attendee-${p.id}`} value={p.id} defaultChecked={attendees.includes(p.id)} />
            <label htmlFor={`attendee-${p.id}`}>{p.name}</label>
          </div>
        ))}
        <FieldError id="attendees-error" message={errors?.attendees} />
      </fieldset>
      <TextareaField label="Resumen" name="summary" rows={6} maxLength={5000} defaultValue={values.summary ?? data.form.summary} errors={errors} hint="Lo que se trabajó en la sesión. Admite Markdown." />
      <TextareaField label="Acuerdos" name="agreements" rows={4} maxLength={5000} defaultValue={values.agreements ?? data.form.agreements} errors={errors} hint="Una lista, por ejemplo «- Completar la línea de base». Admite Markdown." />
      <fieldset className="fieldset">
        <legend>{again ? "Nuevos compromisos" : "Compromisos"}</legend>
        <p className="hint">Cada uno con su responsable y fecha límite. Deja vacías las filas que no uses.</p>
        {Array.from({ length: data.commitmentRows }, (_, i) => {
          const prefix = `commitment-${i}`;
          return (
            <fieldset key={i} className="advisory-commitment-row">
              <legend>Compromiso {i + 1}</legend>
              <Field label="Descripción" name={`${prefix}-description`} defaultValue={values[`${prefix}-description`]} errors={errors} maxLength={500} />
              <SelectField label="Responsable" name={`${prefix}-responsible`} defaultValue={values[`${prefix}-responsible`] ?? ""} errors={errors}>
                <option value="">Elige a una persona</option>
                {data.people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
                <option value="otra">Otra persona (escribe su nombre)</option>
              </SelectField>
              <Field label="Otra persona" name={`${prefix}-other`} defaultValue={values[`${prefix}-other`]} maxLength={120} hint="Solo si el responsable no es del equipo." />
              <Field label="Fecha límite" name={`${prefix}-due`} type="date" defaultValue={values[`${prefix}-due`]} errors={errors} />
            </fieldset>
          );
        })}
      </fieldset>
      <button type="submit">Guardar el acta</button>
    </Form>
  );
  return again ? (
    <Folded summary="Corregir el acta o agregar compromisos" open={failed !== undefined}>
      {form}
    </Folded>
  ) : (
    <section aria-labelledby="registrar" className="advisory-form">
      <h3 id="registrar">Registrar la asistencia y el acta</h3>
      {form}
    </section>
  );
}
