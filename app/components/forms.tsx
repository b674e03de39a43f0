// Labelled form fields that show their error next to them and keep what the person typed.
import type { ReactNode } from "react";
import { useId } from "react";

export type Errors = Record<string, string | undefined> | undefined;

interface ControlIds {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

interface ShellProps {
  label: string;
  name: string;
  errors?: Errors;
  hint?: string;
  required?: boolean;
  /** Renders the control with the ids and ARIA attributes that tie it to its label, hint and error. */
  children: (control: ControlIds) => ReactNode;
}

/** The label, hint and error around one control: the same for every kind of field. */
export function FieldShell({ label, name, errors, hint, required, children }: ShellProps) {
  const id = useId();
  const error = errors?.[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <span className="required" aria-hidden="true"> *</span> : null}
      </label>
      {hint ? <p id={`${id}-hint`} className="hint">{hint}</p> : null}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

interface FieldProps {
  label: string;
  name: string;
  type?: "text" | "email" | "password" | "search" | "number" | "url" | "date";
  defaultValue?: string;
  errors?: Errors;
  hint?: string;
  required?: boolean;
  maxLength?: number;
  minLength?: number;
  autoComplete?: string;
  autoFocus?: boolean;
  /** For dates: the latest allowed, YYYY-MM-DD. */
  max?: string;
}

export function Field({ label, name, type = "text", defaultValue, errors, hint, required, maxLength, minLength, autoComplete, autoFocus, max }: FieldProps) {
  return (
    <FieldShell label={label} name={name} errors={errors} hint={hint} required={required}>
      {(control) => (
        <input
          {...control}
          name={name}
          type={type}
          defaultValue={defaultValue}
          required={required}
          maxLength={maxLength}
          minLength={minLength}
          autoComplete={autoComplete}
          autoFocus={autoFocus}
          max={max}
        />
      )}
    </FieldShell>
  );
}

interface TextareaFieldProps {
  label: string;
  name: string;
  defaultValue?: string;
  errors?: Errors;
  hint?: string;
  required?: boolean;
  maxLength?: number;
  rows?: number;
}

export function TextareaField({ label, name, defaultValue, errors, hint, required, maxLength, rows = 6 }: TextareaFieldProps) {
  return (
    <FieldShell label={label} name={name} errors={errors} hint={hint} required={required}>
      {(control) => <textarea {...control} name={name} defaultValue={defaultValue} required={required} maxLength={maxLength} rows={rows} />}
    </FieldShell>
  );
}

interface SelectFieldProps {
  label: string;
  name: string;
  defaultValue?: string | string[];
  multiple?: boolean;
  size?: number;
  errors?: Errors;
  hint?: string;
  required?: boolean;
  children: ReactNode;
}

export function SelectField({ label, name, defaultValue, multiple, size, errors, hint, required, children }: SelectFieldProps) {
  return (
    <FieldShell label={label} name={name} errors={errors} hint={hint} required={required}>
      {(control) => (
        <select {...control} name={name} defaultValue={defaultValue} multiple={multiple} size={size} required={required}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

/** A message about the whole form (not one field), announced to screen readers. */
export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert">
      {message}
    </div>
  );
}

/** One filter of a GET search form: a select whose first option, when given, means "all". */
export function FilterSelect({ name, label, value, options, all }: { name: string; label: string; value: string; options: { value: string; label: string }[]; all?: string }) {
  return (
    <div className="field">
      <label htmlFor={`filtro-${name}`}>{label}</label>
      <select id={`filtro-${name}`} name={name} defaultValue={value}>
        {all ? <option value="">{all}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
