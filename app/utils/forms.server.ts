// Reading a submitted form against its schema: the data, or Spanish messages per field plus
// what the person typed, so the form can be shown again with nothing lost.
import { z } from "zod";

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
  | { success: true; data: T; values: Record<string, string> }
  | { success: false; errors: FieldErrors; values: Record<string, string> };

/** The text values of a form (files are left out); for a repeated field, the first value. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !(key in values)) values[key] = value;
  }
  return values;
}

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormResult<z.output<S>> {
  const values = formValues(formData);
  const raw: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData) if (!(key in raw)) raw[key] = value;
  const result = schema.safeParse(raw);
  if (result.success) return { success: true, data: result.data, values };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  // Never send passwords back to the browser.
  for (const key of Object.keys(values)) if (/password/i.test(key)) delete values[key];
  return { success: false, errors, values };
}

// Control characters other than tab and line breaks have no place in what people write.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A required single-line or multi-line text field, trimmed, with its limits. */
export function requiredText(messages: { required: string; tooLong: string; tooShort?: string }, max: number, min = 1) {
  return z
    .string({ error: messages.required })
    .trim()
    .min(1, { error: messages.required })
    .min(min, { error: messages.tooShort ?? messages.required })
    .max(max, { error: messages.tooLong })
    .refine((s) => !CONTROL_CHARS.test(s), { error: "El texto tiene caracteres no válidos." });
}

/** An optional text field: empty becomes "". */
export function optionalText(tooLong: string, max: number) {
  return z
    .string({ error: "El texto no es válido." })
    .trim()
    .max(max, { error: tooLong })
    .refine((s) => !CONTROL_CHARS.test(s), { error: "El texto tiene caracteres no válidos." })
    .optional()
    .transform((s) => s ?? "");
}

/** A positive whole number chosen from a list (a select's value). */
export function idFromList(message: string) {
  return z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,9}$/, { error: message })
    .transform((s) => Number(s))
    .refine((n) => n > 0, { error: message });
}
