// The practice form: what a team writes about its practice, validated the same way on create and
// edit. A draft needs only a title and the leading IGED; sending it to review needs the rest.
import { z } from "zod";
import { formValues, idFromList, optionalText, parseForm, requiredText, type FieldErrors } from "~/utils/forms.server";
import { CONTACT_ROWS } from "~/utils/practice-labels";

const MARKDOWN_MAX = 20_000;
const markdownField = (label: string) => optionalText(`${label} no puede tener más de ${MARKDOWN_MAX.toLocaleString("es-PE")} caracteres.`, MARKDOWN_MAX);

const practiceSchema = z.object({
  title: requiredText(
    { required: "Escribe el título de la práctica.", tooShort: "El título debe tener al menos 10 caracteres.", tooLong: "El título no puede tener más de 200 caracteres." },
    200,
    10,
  ),
  summary: optionalText("El resumen no puede tener más de 400 caracteres.", 400),
  thematicLineId: z
    .string()
    .optional()
    .transform((v) => (v ? v.trim() : ""))
    .refine((v) => v === "" || /^\d{1,9}$/.test(v), { error: "Elige una línea temática de la lista." })
    .transform((v) => (v === "" ? null : Number(v))),
  leadIgedId: idFromList("Elige la IGED que lidera la práctica."),
  startYear: z
    .string()
    .optional()
    .transform((v) => (v ? v.trim() : ""))
    .refine((v) => v === "" || (/^\d{4}$/.test(v) && Number(v) >= 1990 && Number(v) <= new Date().getFullYear()), {
      error: `Escribe un año entre 1990 y ${new Date().getFullYear()}.`,
    })
    .transform((v) => (v === "" ? null : Number(v))),
  vigente: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "1" || v === "true"),
  problem: markdownField("El problema"),
  strategy: markdownField("La estrategia"),
  results: markdownField("Los resultados"),
  lessons: markdownField("Las lecciones aprendidas"),
});

export type PracticeForm = z.output<typeof practiceSchema> & { otherIgedIds: number[] };

/** Reads the practice form, including the list of other IGEDs that share the practice. */
export function readPracticeForm(formData: FormData):
  | { success: true; data: PracticeForm }
  | { success: false; errors: FieldErrors; values: Record<string, string | string[]> } {
  const result = parseForm(practiceSchema, formData);
  const rawOthers = formData.getAll("otherIgedIds").filter((v): v is string => typeof v === "string" && v !== "");
  const othersValid = rawOthers.length <= 60 && rawOthers.every((v) => /^\d{1,9}$/.test(v));
  if (!result.success || !othersValid) {
    const errors = result.success ? {} : result.errors;
    if (!othersValid) errors.otherIgedIds = "Elige las IGED de la lista.";
    return { success: false, errors, values: { ...formValues(formData), otherIgedIds: rawOthers } };
  }
  return { success: true, data: { ...result.data, otherIgedIds: rawOthers.map(Number) } };
}

/** What is still missing before a practice can be sent to review, in Spanish. */
export function submissionProblems(practice: {
  summary: string;
  thematicLineId: number | null;
  problem: string;
  strategy: string;
  results: string;
}): string[] {
  const problems: string[] = [];
  if (!practice.summary.trim()) problems.push("Escribe un resumen de la práctica.");
  if (practice.thematicLineId === null) problems.push("Elige la línea temática.");
  if (!practice.problem.trim()) problems.push("Describe el problema que atiende la práctica.");
  if (!practice.strategy.trim()) problems.push("Describe la estrategia: las acciones que la componen.");
  if (!practice.results.trim()) problems.push("Describe los resultados, con cifras.");
  return problems;
}

export const reviewNoteField = requiredText(
  { required: "Escribe las observaciones para el equipo.", tooShort: "Escribe las observaciones para el equipo.", tooLong: "Las observaciones no pueden tener más de 2000 caracteres." },
  2000,
  5,
);

export const reviewSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("publish") }),
    z.object({ intent: z.literal("return"), note: reviewNoteField }),
  ],
  { error: "La acción no es válida." },
);

export const teamMemberSchema = z.object({
  email: z
    .string({ error: "Escribe el correo del miembro." })
    .trim()
    .min(1, { error: "Escribe el correo del miembro." })
    .max(254, { error: "El correo no puede tener más de 254 caracteres." })
    .pipe(z.email({ error: "Escribe un correo válido." })),
});

const contactText = (label: string, max: number) => optionalText(`${label} no puede tener más de ${max} caracteres.`, max);

/** The contact rows of the edit form (contact-0-name, contact-0-role ...); empty rows are skipped. */
export function readContacts(formData: FormData):
  | { success: true; contacts: { name: string; role: string; email: string | null; phone: string | null }[] }
  | { success: false; errors: FieldErrors } {
  const contacts = [];
  const errors: FieldErrors = {};
  for (let i = 0; i < CONTACT_ROWS; i++) {
    const row = z
      .object({
        name: contactText("El nombre", 120),
        role: contactText("El cargo", 160),
        email: contactText("El correo", 254).refine((v) => v === "" || z.email().safeParse(v).success, { error: "Escribe un correo válido." }),
        phone: contactText("El teléfono", 40),
      })
      .safeParse({
        name: formData.get(`contact-${i}-name`) ?? "",
        role: formData.get(`contact-${i}-role`) ?? "",
        email: formData.get(`contact-${i}-email`) ?? "",
        phone: formData.get(`contact-${i}-phone`) ?? "",
      });
    if (!row.success) {
      for (const issue of row.error.issues) errors[`contact-${i}-${String(issue.path[0])}`] ??= issue.message;
      continue;
    }
    const c = row.data;
    if (!c.name && !c.role && !c.email && !c.phone) continue;
    if (!c.name) {
      errors[`contact-${i}-name`] = "Escribe el nombre del contacto.";
      continue;
    }
    contacts.push({ name: c.name, role: c.role, email: c.email || null, phone: c.phone || null });
  }
  return Object.keys(errors).length > 0 ? { success: false, errors } : { success: true, contacts };
}
