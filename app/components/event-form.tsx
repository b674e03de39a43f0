// DIFOCA's event editor: what the event is, when and where, its agenda and seats, the regions
// invited, and the practices presented with their commentators. One plain form; a refused
// submission comes back with every value as typed.
import { Form, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { Field, FieldError, FormError, SelectField, TextareaField, type Errors } from "~/components/forms";
import { EVENT_MODALITIES, EVENT_MODALITY_LABELS, EVENT_TYPE_LABELS, EVENT_TYPES } from "~/utils/event-labels";

interface Option {
  id: number;
  label: string;
}

export interface EventFormOptions {
  macroregions: { id: number; name: string }[];
  regionGroups: { name: string; regions: { id: number; name: string }[] }[];
  practices: Option[];
  commentators: Option[];
}

interface Props {
  options: EventFormOptions;
  practiceRows: number;
  values: Record<string, string>;
  invitedRegionIds: string[];
  errors?: Errors;
  submitLabel: string;
}

/** A time of day; the shared Field has no time type. */
function TimeField({ label, name, defaultValue, errors }: { label: string; name: string; defaultValue?: string; errors?: Errors }) {
  const id = useId();
  const error = errors?.[name];
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        <span className="required" aria-hidden="true">
          {" "}
          *
        </span>
      </label>
      <input
        id={id}
        name={name}
        type="time"
        required
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

function PracticeRow({ row, options, values, errors }: { row: number; options: EventFormOptions; values: Record<string, string>; errors?: Errors }) {
  return (
    <div className="event-practice-row">
      <SelectField label={`Práctica ${row + 1}`} name={`practice_${row}`} defaultValue={values[`practice_${row}`] ?? ""} errors={errors}>
        <option value="">Ninguna</option>
        {options.practices.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </SelectField>
      <SelectField label={`Comentarista de la práctica ${row + 1}`} name={`commentator_${row}`} defaultValue={values[`commentator_${row}`] ?? ""} errors={errors}>
        <option value="">Sin comentarista</option>
        {options.commentators.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

export function EventForm({ options, practiceRows, values, invitedRegionIds, errors, submitLabel }: Props) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const invited = new Set(invitedRegionIds);
  const invitedErrorId = useId();
  return (
    <Form method="post" className="form form--wide" noValidate>
      <FormError message={errors && Object.keys(errors).length > 0 ? "Revisa los campos marcados." : undefined} />
      <SelectField label="Tipo de evento" name="type" required defaultValue={values.type ?? ""} errors={errors}>
        {EVENT_TYPES.map((t) => (
          <option key={t} value={t}>
            {EVENT_TYPE_LABELS[t]}
          </option>
        ))}
      </SelectField>
      <Field label="Título" name="title" required maxLength={160} defaultValue={values.title} errors={errors} />
      <TextareaField
        label="Resumen"
        name="summary"
        required
        rows={4}
        maxLength={2000}
        hint="De qué trata el evento y a quiénes está dirigido."
        defaultValue={values.summary}
        errors={errors}
      />

      <fieldset className="fieldset">
        <legend>Fechas y horario (hora de Lima)</legend>
        <div className="event-form__pair">
          <Field label="Fecha de inicio" name="startsOn" type="date" required defaultValue={values.startsOn} errors={errors} />
          <Field label="Fecha de término" name="endsOn" type="date" required defaultValue={values.endsOn} errors={errors} hint="Igual a la de inicio si dura un día." />
        </div>
        <div className="event-form__pair">
          <TimeField label="Hora de inicio" name="startTime" defaultValue={values.startTime} errors={errors} />
          <TimeField label="Hora de término" name="endTime" defaultValue={values.endTime} errors={errors} />
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend>Lugar</legend>
        <div className="event-form__pair">
          <SelectField label="Macrorregión" name="macroregionId" defaultValue={values.macroregionId ?? ""} errors={errors}>
            <option value="">Nacional (ninguna)</option>
            {options.macroregions.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Región anfitriona" name="hostRegionId" defaultValue={values.hostRegionId ?? ""} errors={errors}>
            <option value="">Ninguna</option>
            {options.regionGroups.map((group) => (
              <optgroup key={group.name} label={group.name}>
                {group.regions.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
        </div>
        <SelectField label="Modalidad" name="modality" required defaultValue={values.modality ?? ""} errors={errors}>
          {EVENT_MODALITIES.map((m) => (
            <option key={m} value={m}>
              {EVENT_MODALITY_LABELS[m]}
            </option>
          ))}
        </SelectField>
        <Field label="Lugar" name="place" maxLength={300} hint="Obligatorio si el evento es presencial, por ejemplo «UGEL Huaura, auditorio»." defaultValue={values.place} errors={errors} />
        <Field
          label="Enlace de la reunión"
          name="meetingUrl"
          type="url"
          maxLength={500}
          hint="Solo lo ven las personas inscritas y DIFOCA."
          defaultValue={values.meetingUrl}
          errors={errors}
        />
      </fieldset>

      <TextareaField
        label="Agenda"
        name="agenda"
        rows={10}
        maxLength={20000}
        hint="Puedes usar Markdown: **negrita**, listas con guiones, subtítulos con ###."
        defaultValue={values.agenda}
        errors={errors}
      />
      <Field label="Cupos" name="capacity" type="number" hint="Déjalo vacío si no hay límite. Cuando se llenan, las inscripciones pasan a la lista de espera." defaultValue={values.capacity} errors={errors} />

      <fieldset className="fieldset event-form__regions" aria-describedby={errors?.invitedRegionIds ? invitedErrorId : undefined}>
        <legend>Regiones invitadas</legend>
        <FieldError id={invitedErrorId} message={errors?.invitedRegionIds} />
        {options.regionGroups.map((group) => (
          <fieldset key={group.name} className="event-form__region-group">
            <legend>{group.name}</legend>
            {group.regions.map((r) => (
              <div key={r.id} className="field--checkbox">
                <input id={`region-${r.id}`} type="checkbox" name="invitedRegionIds" value={r.id} defaultChecked={invited.has(String(r.id))} />
                <label htmlFor={`region-${r.id}`}>{r.name}</label>
              </div>
            ))}
          </fieldset>
        ))}
      </fieldset>

      <fieldset className="fieldset">
        <legend>Prácticas presentadas</legend>
        <p className="hint">En el orden en que se presentan, cada una con el experto o especialista que la comenta.</p>
        {Array.from({ length: practiceRows }, (_, row) => (
          <PracticeRow key={row} row={row} options={options} values={values} errors={errors} />
        ))}
      </fieldset>

      <button type="submit" disabled={busy}>
        {busy ? "Guardando…" : submitLabel}
      </button>
    </Form>
  );
}
