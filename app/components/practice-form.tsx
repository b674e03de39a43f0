// The practice form, the same on create and edit. Works without JavaScript.
import { Form, useNavigation } from "@remix-run/react";
import { Field, FormError, SelectField, TextareaField, type Errors } from "~/components/forms";
import { IgedSelect, type IgedChoice } from "~/components/iged-select";

export interface PracticeFormValues {
  title?: string;
  summary?: string;
  thematicLineId?: string;
  leadIgedId?: string;
  otherIgedIds?: string[];
  startYear?: string;
  vigente?: boolean;
  problem?: string;
  strategy?: string;
  results?: string;
  lessons?: string;
}

const MARKDOWN_HINT = "Puedes usar Markdown: **negrita**, listas con guiones (- acción) y enlaces.";

export function PracticeForm({
  values,
  errors,
  lines,
  igeds,
  submitLabel,
  children,
}: {
  values: PracticeFormValues;
  errors?: Errors;
  lines: { id: number; name: string }[];
  igeds: IgedChoice[];
  submitLabel: string;
  children?: React.ReactNode;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <Form method="post" className="form form--wide" noValidate>
      <input type="hidden" name="intent" value="save" />
      <FormError message={errors?.form} />
      <Field label="Título" name="title" required maxLength={200} defaultValue={values.title} errors={errors} />
      <TextareaField
        label="Resumen"
        name="summary"
        maxLength={400}
        rows={3}
        defaultValue={values.summary}
        errors={errors}
        hint="Una o dos oraciones: qué hace la práctica y qué logra. Aparece en el catálogo."
      />
      <SelectField label="Línea temática" name="thematicLineId" defaultValue={values.thematicLineId ?? ""} errors={errors}>
        <option value="">Elige una línea temática</option>
        {lines.map((line) => (
          <option key={line.id} value={line.id}>
            {line.name}
          </option>
        ))}
      </SelectField>
      <IgedSelect
        igeds={igeds}
        label="IGED que lidera la práctica"
        name="leadIgedId"
        hint="La región de la práctica es la de esta IGED."
        defaultValue={values.leadIgedId}
        errors={errors}
      />
      <IgedSelect
        igeds={igeds}
        label="Otras IGED y gobiernos locales que la comparten"
        name="otherIgedIds"
        hint="Solo para prácticas colectivas. Mantén presionada la tecla Ctrl (o Cmd) para elegir varias."
        multiple
        required={false}
        defaultValue={values.otherIgedIds}
        errors={errors}
      />
      <Field label="Año de inicio" name="startYear" type="number" defaultValue={values.startYear} errors={errors} />
      <div className="field field--checkbox">
        <input id="vigente" name="vigente" type="checkbox" defaultChecked={values.vigente ?? true} />
        <label htmlFor="vigente">La práctica sigue vigente (se implementa actualmente)</label>
      </div>
      <TextareaField label="Problema" name="problem" rows={6} defaultValue={values.problem} errors={errors} hint={`El problema que atiende, con datos. ${MARKDOWN_HINT}`} />
      <TextareaField label="Estrategia" name="strategy" rows={8} defaultValue={values.strategy} errors={errors} hint={`Las acciones que la componen. ${MARKDOWN_HINT}`} />
      <TextareaField label="Resultados" name="results" rows={8} defaultValue={values.results} errors={errors} hint={`Los resultados, con cifras. ${MARKDOWN_HINT}`} />
      <TextareaField label="Lecciones aprendidas" name="lessons" rows={5} defaultValue={values.lessons} errors={errors} hint={MARKDOWN_HINT} />
      {children}
      <button type="submit" disabled={busy}>
        {busy ? "Guardando…" : submitLabel}
      </button>
    </Form>
  );
}
