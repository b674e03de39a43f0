// The forms of badges: DIFOCA's badge editor, awards (to one member or many), revocations, and the
// public form that verifies a pasted credential. Messages in Spanish, next to each field.
import { z } from "zod";
import { BADGE_KINDS, BADGE_LEVELS, MAX_BULK_EMAILS } from "~/utils/badge-labels";
import { idFromList, optionalText, requiredText } from "~/utils/forms.server";

const nameField = requiredText(
  { required: "Escribe el nombre de la insignia.", tooShort: "El nombre debe tener al menos 3 caracteres.", tooLong: "El nombre no puede tener más de 80 caracteres." },
  80,
  3,
);
const descriptionField = requiredText(
  { required: "Escribe qué reconoce la insignia.", tooShort: "La descripción debe tener al menos 10 caracteres.", tooLong: "La descripción no puede tener más de 500 caracteres." },
  500,
  10,
);
const criteriaField = requiredText(
  { required: "Escribe los criterios en lenguaje sencillo.", tooShort: "Los criterios deben tener al menos 10 caracteres.", tooLong: "Los criterios no pueden tener más de 500 caracteres." },
  500,
  10,
);
const levelField = z.enum(BADGE_LEVELS, { error: "Elige un nivel: bronce, plata u oro." });
const kindField = z.enum(BADGE_KINDS, { error: "Elige si la insignia es automática o manual." });

const actionField = z
  .string({ error: "Elige la acción que cuenta la regla." })
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,59}$/, { error: "Elige la acción que cuenta la regla." });
const thresholdField = z
  .string({ error: "Escribe cuántas veces (un número entero de 1 a 10 000)." })
  .trim()
  .regex(/^\d{1,5}$/, { error: "Escribe cuántas veces (un número entero de 1 a 10 000)." })
  .transform(Number)
  .refine((n) => n >= 1 && n <= 10_000, { error: "Escribe cuántas veces (un número entero de 1 a 10 000)." });

/** An automatic badge's rule, from the form's "action" and "threshold" fields. */
const ruleFields = z.object({ action: actionField, threshold: thresholdField });

const reasonField = requiredText(
  { required: "Escribe el motivo.", tooShort: "El motivo debe tener al menos 3 caracteres.", tooLong: "El motivo no puede tener más de 500 caracteres." },
  500,
  3,
);

const evidenceUrlField = optionalText("El enlace no puede tener más de 500 caracteres.", 500).refine(
  (s) => {
    if (s === "") return true;
    try {
      const url = new URL(s);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  },
  { error: "Escribe un enlace completo que empiece con https://, o déjalo vacío." },
);

const emailField = z
  .string({ error: "Escribe el correo del miembro." })
  .trim()
  .min(1, { error: "Escribe el correo del miembro." })
  .max(254, { error: "El correo no puede tener más de 254 caracteres." })
  .pipe(z.email({ error: "Escribe un correo válido, por ejemplo nombre@ugel.gob.pe." }))
  .transform((s) => s.toLowerCase());

/** One email per line (commas, semicolons and spaces also separate them); duplicates are dropped. */
const emailListField = z
  .string({ error: "Escribe al menos un correo, uno por línea." })
  .max(60_000, { error: "La lista es demasiado larga." })
  .transform((text, ctx) => {
    const emails = [...new Set(text.split(/[\s,;]+/).map((s) => s.trim().toLowerCase()).filter(Boolean))];
    if (emails.length === 0) {
      ctx.addIssue({ code: "custom", message: "Escribe al menos un correo, uno por línea." });
      return z.NEVER;
    }
    if (emails.length > MAX_BULK_EMAILS) {
      ctx.addIssue({ code: "custom", message: `Escribe como máximo ${MAX_BULK_EMAILS} correos a la vez.` });
      return z.NEVER;
    }
    const invalid = emails.filter((e) => e.length > 254 || !z.email().safeParse(e).success);
    if (invalid.length > 0) {
      ctx.addIssue({ code: "custom", message: `Estos correos no son válidos: ${invalid.slice(0, 10).join(", ")}${invalid.length > 10 ? "…" : ""}` });
      return z.NEVER;
    }
    return emails;
  });

/** Creating a badge on /admin/insignias. An automatic badge also needs its rule. */
export const newBadgeSchema = z
  .object({
    name: nameField,
    description: descriptionField,
    criteria: criteriaField,
    level: levelField,
    kind: kindField,
    action: z.string().optional(),
    threshold: z.string().optional(),
  })
  .transform((value, ctx) => {
    const { action, threshold, ...fields } = value;
    if (fields.kind === "manual") return { ...fields, rule: null };
    const rule = ruleFields.safeParse({ action, threshold });
    if (!rule.success) {
      for (const issue of rule.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return { ...fields, rule: { type: "action_count" as const, ...rule.data } };
  });

const badgeEdit = { name: nameField, description: descriptionField, criteria: criteriaField, level: levelField, action: z.string().optional(), threshold: z.string().optional() };

/** What DIFOCA submits on /admin/insignias/:id: edits, a preview, enabling, awards and revocations. */
export const badgeAdminSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("save"), ...badgeEdit }),
    z.object({ intent: z.literal("preview"), action: actionField, threshold: thresholdField }),
    z.object({ intent: z.literal("enable") }),
    z.object({ intent: z.literal("disable") }),
    z.object({ intent: z.literal("award"), email: emailField, reason: reasonField, evidenceUrl: evidenceUrlField }),
    z.object({ intent: z.literal("award_many"), emails: emailListField, reason: reasonField, evidenceUrl: evidenceUrlField }),
    z.object({
      intent: z.literal("revoke"),
      awardId: idFromList("Elige una insignia otorgada de la lista."),
      reason: requiredText(
        { required: "Escribe el motivo de la revocación.", tooShort: "Escribe el motivo de la revocación.", tooLong: "El motivo no puede tener más de 500 caracteres." },
        500,
        3,
      ),
    }),
  ],
  { error: "La acción no es válida." },
);

/** The rule of an edited automatic badge, validated only when the badge is automatic. */
export function parseRuleFields(value: { action?: string; threshold?: string }) {
  const result = ruleFields.safeParse(value);
  if (result.success) return { success: true as const, rule: { type: "action_count" as const, ...result.data } };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return { success: false as const, errors };
}

/** The public verification form: a pasted VC-JWT. */
export const verifyCredentialSchema = z.object({
  jwt: z
    .string({ error: "Pega el texto de la credencial (JWT)." })
    .trim()
    .min(1, { error: "Pega el texto de la credencial (JWT)." })
    .max(20_000, { error: "Ese texto es demasiado largo para ser una credencial de esta plataforma." }),
});
