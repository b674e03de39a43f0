// The form of a challenge or an initiative, the same on create and edit. Works without JavaScript.
import { Form, useNavigation } from "@remix-run/react";
import { Field, FormError, SelectField, TextareaField, type Errors } from "~/components/forms";
import { IgedSelect, type IgedChoice } from "~/components/iged-select";
import { MAX_TAGS, WALLS, type WallKind } from "~/utils/wall-labels";

export interface WallPostFormValues {
  title: string;
  summary: string;
  body: string;
  links: string;
  tags: string;
  thematicLineId: string;
  igedId: string;
  regionId: string;
}

const MARKDOWN_HINT = "Puedes usar formato Markdown.";

export function WallPostForm({
  kind,
  values,
  errors,
  lines,
  igeds,
  regions,
  showRegion,
  submitLabel,
}: {
  kind: WallKind;
  values: WallPostFormValues;
  errors?: Errors;
  lines: { id: number; name: string }[];
  igeds: IgedChoice[];
  regions: { id: number; name: string }[];
  /** For members without an IGED: the post then says at least its region. */
  showRegion: boolean;
  submitLabel: string;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const words = WALLS[kind];
  const ofPost = kind === "challenge" ? "del desafío" : "de la iniciativa";
  return (
    <Form method="post" className="form form--wide wall-form" noValidate>
      <input type="hidden" name="intent" value="save" />
      <FormError message={errors?.form} />
      <Field label="Título" name="title" required maxLength={160} defaultValue={values.title} errors={errors} />
      {kind === "initiative" ? (
        <TextareaField
          label="Resumen"
          name="summary"
          required
          maxLength={400}
          rows={3}
          defaultValue={values.summary}
          errors={errors}
          hint="Una o dos oraciones: qué es la iniciativa y qué busca. Aparece en el muro."
        />
      ) : null}
      {kind === "challenge" ? (
        <TextareaField
          label="Describe el desafío"
          name="body"
          required
          maxLength={10_000}
          rows={10}
          defaultValue={values.body}
          errors={errors}
          hint={`Qué pasa, a quiénes afecta, qué han intentado. ${MARKDOWN_HINT}`}
        />
      ) : (
        <TextareaField
          label="¿Qué están probando?"
          name="body"
          required
          maxLength={10_000}
          rows={10}
          defaultValue={values.body}
          errors={errors}
          hint={`Las acciones, con quiénes y qué han visto hasta ahora. ${MARKDOWN_HINT}`}
        />
      )}
      {kind === "initiative" ? (
        <TextareaField
          label="Enlaces"
          name="links"
          maxLength={2000}
          rows={3}
          defaultValue={values.links}
          errors={errors}
          hint="Documentos, fotos o videos de la iniciativa: una dirección completa por línea, empezando por https:// (hasta 5)."
        />
      ) : null}
      <SelectField label="Línea temática" name="thematicLineId" defaultValue={values.thematicLineId} errors={errors}>
        <option value="">Sin línea temática</option>
        {lines.map((line) => (
          <option key={line.id} value={line.id}>
            {line.name}
          </option>
        ))}
      </SelectField>
      <IgedSelect
        igeds={igeds}
        label="IGED"
        hint={`La región ${ofPost} es la de esta IGED. Por defecto, la tuya.`}
        required={!showRegion}
        defaultValue={values.igedId}
        errors={errors}
      />
      {showRegion ? (
        <SelectField label="Región" name="regionId" defaultValue={values.regionId} errors={errors} hint={`Si no eliges una IGED, indica la región ${ofPost}.`}>
          <option value="">Elige una región</option>
          {regions.map((region) => (
            <option key={region.id} value={region.id}>
              {region.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {kind === "challenge" ? (
        <Field
          label="Etiquetas"
          name="tags"
          maxLength={400}
          defaultValue={values.tags}
          errors={errors}
          hint={`Separadas por comas, hasta ${MAX_TAGS}. Por ejemplo: convivencia escolar, zonas rurales.`}
        />
      ) : null}
      <p className="hint">
        Todo lo que publicas en el {words.wallName.toLowerCase()} lo leen los miembros y visitantes de la comunidad. No incluyas datos
        personales de estudiantes ni docentes.
      </p>
      <button type="submit" disabled={busy}>
        {busy ? "Enviando…" : submitLabel}
      </button>
    </Form>
  );
}
