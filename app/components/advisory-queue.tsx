// DIFOCA's queue of advisory requests: the inline form that gives an unassigned request its
// advisor, date, time and meeting link or place. A plain post, so it works without JavaScript.
import { Form, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { Field, FieldError, FormError, SelectField, type Errors } from "~/components/forms";
import type { AdvisoryModality, AdvisoryStatus } from "~/utils/advisory-labels";

export interface QueueItem {
  id: number;
  waitingFor: "assignment" | "advisor" | "team";
  status: AdvisoryStatus;
  statusLabel: string;
  typeLabel: string;
  topic: string;
  needs: string;
  modality: AdvisoryModality;
  modalityLabel: string;
  /** The requested time in Lima, or "Sin horario". */
  when: string;
  practiceTitle: string;
  practiceSlug: string;
  requestedByName: string;
  advisorName: string | null;
  seriesTitle: string | null;
  /** "hace 3 días" */
  age: string;
  requestedAt: string;
}

/** A refused assignment: which request it was for, the messages and what was typed. */
export interface AssignFailure {
  advisoryId: number | null;
  errors: Record<string, string>;
  values: Record<string, string>;
}

/** A time of day in Lima; the shared Field has no time type. Browsers send "HH:MM" either way. */
function TimeField({ defaultValue, errors }: { defaultValue?: string; errors?: Errors }) {
  const id = useId();
  const error = errors?.time;
  return (
    <div className="field">
      <label htmlFor={id}>Hora (Lima)</label>
      <p id={`${id}-hint`} className="hint">
        En formato de 24 horas, por ejemplo 09:30.
      </p>
      <input
        id={id}
        name="time"
        type="time"
        required
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function AssignForm({
  item,
  advisors,
  failed,
}: {
  item: QueueItem;
  advisors: { id: number; name: string; hasAvailability: boolean }[];
  failed?: AssignFailure;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("advisoryId") === String(item.id);
  const v = { advisorId: "", date: "", time: "", minutes: "60", meetingUrl: "", place: "", ...failed?.values };
  const errors = failed?.errors;
  return (
    <details className="advisory-queue__assign" open={failed !== undefined || undefined}>
      <summary>
        Asignar<span className="visually-hidden"> un asesor a «{item.topic}»</span>
      </summary>
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="assign" />
        <input type="hidden" name="advisoryId" value={item.id} />
        <FormError message={errors?.form} />
        <SelectField label="Asesor" name="advisorId" defaultValue={v.advisorId} errors={errors} required>
          <option value="">Elige un asesor</option>
          {advisors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
              {a.hasAvailability ? "" : " (sin horarios publicados)"}
            </option>
          ))}
        </SelectField>
        <div className="advisory-queue__times">
          <Field label="Fecha" name="date" type="date" defaultValue={v.date} errors={errors} required />
          <TimeField defaultValue={v.time} errors={errors} />
          <Field label="Duración (minutos)" name="minutes" type="number" defaultValue={v.minutes} errors={errors} required />
        </div>
        {item.modality === "virtual" ? (
          <Field label="Enlace de la reunión virtual" name="meetingUrl" type="url" defaultValue={v.meetingUrl} errors={errors} required hint="Empieza por https://" maxLength={500} />
        ) : (
          <Field label="Lugar de la reunión" name="place" defaultValue={v.place} errors={errors} required hint="Dirección y ambiente de la reunión presencial." maxLength={200} />
        )}
        <button type="submit" disabled={busy}>
          Asignar y confirmar<span className="visually-hidden"> «{item.topic}»</span>
        </button>
      </Form>
    </details>
  );
}
