// The forms of /admin/puntos: the point rules table, DIFOCA's manual adjustment and the
// recomputation of a period. Messages are in Spanish and are the source of truth with or without JS.
import { z } from "zod";
import { todayInLima } from "~/utils/dates";
import { requiredText } from "~/utils/forms.server";

export const RULE_POINTS_MAX = 10_000;
export const RULE_DAILY_CAP_MAX = 1_000;
export const ADJUSTMENT_MAX = 10_000;
export const ADJUSTMENT_REASON_MAX = 500;

const fmt = (n: number) => n.toLocaleString("es-PE");

/** A whole number written by a person: optional sign (also the typographic minus), digits, nothing else. */
function wholeNumber(messages: { required: string; invalid: string }) {
  return z
    .string({ error: messages.required })
    .trim()
    .min(1, { error: messages.required })
    .transform((s) => s.replace(/\u2212/g, "-"))
    .refine((s) => /^[-+]?\d{1,7}$/.test(s), { error: messages.invalid })
    .transform((s) => Number(s));
}

/** The names of the fields of one rule in the rules form. */
export function ruleFieldNames(action: string) {
  return { points: `points-${action}`, dailyCap: `dailyCap-${action}`, active: `active-${action}` };
}

/**
 * The whole rules table in one form: for each action, its points (0 to 10 000), its daily cap
 * (empty for none, or 1 to 1 000) and whether it is active (a checkbox).
 */
export function pointRulesSchema(actions: string[]) {
  const shape: Record<string, z.ZodType> = { intent: z.literal("rules", { error: "La acción no es válida." }) };
  for (const action of actions) {
    const names = ruleFieldNames(action);
    shape[names.points] = wholeNumber({ required: "Escribe los puntos de esta acción.", invalid: "Escribe un número entero de puntos." }).refine(
      (n) => n >= 0 && n <= RULE_POINTS_MAX,
      { error: `Los puntos deben estar entre 0 y ${fmt(RULE_POINTS_MAX)}.` },
    );
    shape[names.dailyCap] = z
      .string({ error: "Escribe un número entero o deja el tope vacío." })
      .trim()
      .optional()
      .transform((s) => s ?? "")
      .refine((s) => s === "" || /^\d{1,7}$/.test(s), { error: "Escribe un número entero o deja el tope vacío." })
      .transform((s) => (s === "" ? null : Number(s)))
      .refine((n) => n === null || (n >= 1 && n <= RULE_DAILY_CAP_MAX), {
        error: `El tope diario debe estar entre 1 y ${fmt(RULE_DAILY_CAP_MAX)}, o vacío si no tiene tope.`,
      });
    shape[names.active] = z
      .string()
      .optional()
      .transform((s) => s !== undefined);
  }
  return z.object(shape).transform((value) =>
    actions.map((action) => {
      const names = ruleFieldNames(action);
      return {
        action,
        points: value[names.points] as number,
        dailyCap: value[names.dailyCap] as number | null,
        active: value[names.active] as boolean,
      };
    }),
  );
}

/** DIFOCA's manual adjustment: a member by email, a whole non-zero number of points and the reason. */
export const adjustmentSchema = z.object({
  intent: z.literal("adjust", { error: "La acción no es válida." }),
  email: z
    .string({ error: "Escribe el correo del miembro." })
    .trim()
    .min(1, { error: "Escribe el correo del miembro." })
    .max(254, { error: "El correo no puede tener más de 254 caracteres." })
    .pipe(z.email({ error: "Escribe un correo válido, por ejemplo nombre@ugel.gob.pe." }))
    .transform((s) => s.toLowerCase()),
  points: wholeNumber({ required: "Escribe cuántos puntos sumar o restar.", invalid: "Escribe un número entero de puntos, por ejemplo 20 o -20." })
    .refine((n) => n !== 0, { error: "El ajuste no puede ser de 0 puntos." })
    .refine((n) => Math.abs(n) <= ADJUSTMENT_MAX, { error: `El ajuste debe estar entre -${fmt(ADJUSTMENT_MAX)} y ${fmt(ADJUSTMENT_MAX)} puntos.` }),
  reason: requiredText(
    { required: "Escribe el motivo del ajuste.", tooLong: `El motivo no puede tener más de ${ADJUSTMENT_REASON_MAX} caracteres.` },
    ADJUSTMENT_REASON_MAX,
  ),
});

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function dateField(required: string) {
  return z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDate(s) && s >= "2000-01-01", { error: "Escribe una fecha válida (día, mes y año)." });
}

/** The period to recompute: Lima days, from ≤ to, neither in the future. */
export function recomputeSchema(today: string = todayInLima()) {
  return z
    .object({
      intent: z.literal("recompute", { error: "La acción no es válida." }),
      from: dateField("Indica desde qué fecha recalcular.").refine((s) => s <= today, { error: "La fecha no puede ser futura." }),
      to: dateField("Indica hasta qué fecha recalcular.").refine((s) => s <= today, { error: "La fecha no puede ser futura." }),
    })
    .superRefine((value, ctx) => {
      if (value.from > value.to) ctx.addIssue({ code: "custom", path: ["to"], message: "La fecha final no puede ser anterior a la inicial." });
    });
}
