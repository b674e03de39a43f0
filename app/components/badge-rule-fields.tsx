// The rule of an automatic badge: which action is counted and how many times. Shared by the
// create and edit forms of /admin/insignias.
import { Field, SelectField, type Errors } from "~/components/forms";

export function BadgeRuleFields({
  actions,
  action,
  threshold,
  errors,
  required = false,
  placeholder = false,
}: {
  actions: { action: string; label: string }[];
  action: string;
  threshold: string;
  errors?: Errors;
  required?: boolean;
  /** Offer an empty first option ("Elige una acción"). */
  placeholder?: boolean;
}) {
  return (
    <>
      <SelectField label="Acción que se cuenta" name="action" required={required} defaultValue={action} errors={errors}>
        {placeholder ? <option value="">Elige una acción</option> : null}
        {actions.map((a) => (
          <option key={a.action} value={a.action}>
            {a.label}
          </option>
        ))}
      </SelectField>
      <Field
        label="Cuántas veces"
        name="threshold"
        type="number"
        required={required}
        hint="La insignia se otorga cuando el miembro suma esta cantidad de esa acción (sin contar lo revertido)."
        defaultValue={threshold}
        errors={errors}
      />
    </>
  );
}
