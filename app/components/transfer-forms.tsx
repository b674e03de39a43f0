// The forms of a transfer's page: DIFOCA's decision, the move to the next stage (with a dated note
// and optional evidence), evidence for the current stage, and suspending, resuming or closing.
// Each is a plain post with a hidden intent, so the page works without JavaScript; the page shows
// only the ones the member may use and the server checks them again.
import { Form } from "@remix-run/react";
import { useId } from "react";
import { EVIDENCE_FILE_ACCEPT } from "~/components/evidence-list";
import { Field, FieldError, FormError, TextareaField, type Errors } from "~/components/forms";
import type { TransferActionData } from "~/utils/transfer-page.server";

/** The failed submission of this form, if the last one was. */
export function failedFor(actionData: TransferActionData | undefined, ...intents: string[]): TransferActionData | undefined {
  return actionData && intents.includes(actionData.intent) ? actionData : undefined;
}

type FormProps = { actionData?: TransferActionData };

export function DecideForms({ actionData }: FormProps) {
  const failed = failedFor(actionData, "decide");
  const declining = failed?.values.decision === "decline";
  return (
    <section aria-labelledby="decidir" className="transfer-form">
      <h3 id="decidir">Revisar la solicitud</h3>
      <p>Acepta la solicitud para que la transferencia empiece, o explica por qué no se acepta.</p>
      <FormError message={failed?.errors.decision} />
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="decide" />
        <input type="hidden" name="decision" value="accept" />
        <TextareaField
          label="Nota para los equipos (opcional)"
          name="reason"
          rows={3}
          maxLength={1000}
          defaultValue={declining ? "" : failed?.values.reason}
          errors={declining ? undefined : failed?.errors}
        />
        <button type="submit">Aceptar la solicitud</button>
      </Form>
      <details className="transfer-details" open={declining || undefined}>
        <summary>No aceptar la solicitud</summary>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="decide" />
          <input type="hidden" name="decision" value="decline" />
          <TextareaField
            label="¿Por qué no se acepta?"
            name="reason"
            required
            rows={3}
            maxLength={1000}
            defaultValue={declining ? failed?.values.reason : ""}
            errors={declining ? failed?.errors : undefined}
            hint="Quienes pidieron la transferencia leerán este motivo."
          />
          <button type="submit" className="button--danger">
            No aceptar
          </button>
        </Form>
      </details>
    </section>
  );
}

/** The evidence fields shared by the move and the evidence forms: a title, and a file or a link. */
function EvidenceFields({ errors, values, required }: { errors?: Errors; values: Record<string, string | undefined>; required: boolean }) {
  const id = useId();
  const fileError = errors?.evidenceFile;
  return (
    <fieldset className="fieldset transfer-evidence-fields">
      <legend>{required ? "Evidencia" : "Evidencia (opcional)"}</legend>
      <p className="hint">
        Un archivo (PDF, imagen PNG, JPG, GIF o WEBP, o documento de Office u OpenDocument, hasta 10 MB) o un enlace a un video, una
        carpeta o una página. Sigue las mismas reglas que las evidencias de las prácticas.
      </p>
      <Field label="Título de la evidencia" name="evidenceTitle" maxLength={200} required={required} defaultValue={values.evidenceTitle} errors={errors} hint="Por ejemplo: Acta de compromiso firmada." />
      <div className="field">
        <label htmlFor={id}>Archivo</label>
        <input
          id={id}
          name="evidenceFile"
          type="file"
          accept={EVIDENCE_FILE_ACCEPT}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? `${id}-error` : undefined}
        />
        <FieldError id={`${id}-error`} message={fileError} />
      </div>
      <Field label="O un enlace" name="evidenceUrl" type="url" maxLength={2000} defaultValue={values.evidenceUrl} errors={errors} hint="Empieza con https://. Deja este campo vacío si adjuntas un archivo." />
    </fieldset>
  );
}

export function AdvanceForm({ next, today, actionData }: FormProps & { next: { stage: string; label: string; hint: string }; today: string }) {
  const failed = failedFor(actionData, "advance");
  const values: Record<string, string | undefined> = failed?.values ?? {};
  const errors = failed?.errors;
  return (
    <section aria-labelledby="avanzar" className="transfer-form">
      <h3 id="avanzar">Pasar a la etapa «{next.label}»</h3>
      <p>{next.hint}</p>
      <Form method="post" encType="multipart/form-data" className="form" noValidate>
        <FormError message={errors?.form} />
        <input type="hidden" name="intent" value="advance" />
        <input type="hidden" name="toStage" value={next.stage} />
        <Field
          label="Fecha"
          name="occurredOn"
          type="date"
          required
          max={today}
          defaultValue={values.occurredOn ?? today}
          errors={errors}
          hint="El día en que ocurrió: hoy o antes, y no antes del último paso registrado."
        />
        <TextareaField
          label="Nota"
          name="note"
          required
          rows={4}
          maxLength={2000}
          defaultValue={values.note}
          errors={errors}
          hint="Qué se hizo para llegar a esta etapa: acuerdos, responsables, próximos pasos."
        />
        <EvidenceFields errors={errors} values={values} required={false} />
        <button type="submit">Pasar a «{next.label}»</button>
      </Form>
    </section>
  );
}

export function EvidenceForm({ stageLabel, actionData }: FormProps & { stageLabel: string }) {
  const failed = failedFor(actionData, "evidence");
  return (
    <details className="transfer-details" open={failed ? true : undefined}>
      <summary>Agregar evidencia a la etapa «{stageLabel}»</summary>
      <Form method="post" encType="multipart/form-data" className="form" noValidate>
        <FormError message={failed?.errors.form} />
        <input type="hidden" name="intent" value="evidence" />
        <EvidenceFields errors={failed?.errors} values={failed?.values ?? {}} required />
        <button type="submit">Agregar evidencia</button>
      </Form>
    </details>
  );
}

const STATUS_FORMS = {
  suspend: { summary: "Suspender la transferencia", button: "Suspender", hint: "Podrá reanudarse más adelante. Las personas responsables leerán el motivo.", danger: false },
  resume: { summary: "Reanudar la transferencia", button: "Reanudar", hint: "La transferencia vuelve a estar en curso en la misma etapa.", danger: false },
  close: { summary: "Cerrar la transferencia", button: "Cerrar", hint: "Una transferencia cerrada ya no avanza. Las personas responsables leerán el motivo.", danger: true },
} as const;

export function StatusForm({ intent, actionData }: FormProps & { intent: keyof typeof STATUS_FORMS }) {
  const failed = failedFor(actionData, intent);
  const text = STATUS_FORMS[intent];
  return (
    <details className="transfer-details" open={failed ? true : undefined}>
      <summary>{text.summary}</summary>
      <Form method="post" className="form">
        <FormError message={failed?.errors.form} />
        <input type="hidden" name="intent" value={intent} />
        <TextareaField label="Motivo" name="reason" required rows={3} maxLength={1000} defaultValue={failed?.values.reason} errors={failed?.errors} hint={text.hint} />
        <button type="submit" className={text.danger ? "button--danger" : "button--secondary"}>
          {text.button}
        </button>
      </Form>
    </details>
  );
}
