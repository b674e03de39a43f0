// The forms of the maturity route and of expert feedback: the expert's feedback, the team's
// "opportunity addressed" note, the promotion request, DIFOCA's decision, the stage change and
// the criteria editor. Messages are in Spanish and are the source of truth with or without JS.
import { z } from "zod";
import type { Stage } from "../../db/schema";
import { todayInLima } from "~/utils/dates";
import { idFromList, optionalText, requiredText } from "~/utils/forms.server";

const STAGE_ORDER: readonly Stage[] = ["inicial", "intermedio", "avanzado"];

/** Today's date in Lima as YYYY-MM-DD (en-CA formats dates that way). */
export { todayInLima };

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const FEEDBACK_LIST_MAX_ITEMS = 20;
export const FEEDBACK_ITEM_MAX = 1000;
export const KEY_ASPECTS_MAX = 5000;

/** A textarea with one item per line; list markers people type ("- ", "* ", "1. ") are dropped. */
export function linesToItems(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d{1,2}[.)])\s+/, "").trim())
    .filter((line) => line.length > 0);
}

// Control characters other than tab and line breaks have no place in what people write.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function itemList(messages: { required: string; tooMany: string; tooLong: string }) {
  return z
    .string({ error: messages.required })
    .refine((s) => !CONTROL_CHARS.test(s), { error: "El texto tiene caracteres no válidos." })
    .transform(linesToItems)
    .refine((items) => items.length > 0, { error: messages.required })
    .refine((items) => items.length <= FEEDBACK_LIST_MAX_ITEMS, { error: messages.tooMany })
    .refine((items) => items.every((item) => item.length <= FEEDBACK_ITEM_MAX), { error: messages.tooLong });
}

/** The expert's structured feedback. */
export function feedbackSchema(today: string = todayInLima()) {
  return z.object({
    keyAspects: requiredText(
      {
        required: "Escribe el aspecto clave de la práctica.",
        tooLong: `El aspecto clave no puede tener más de ${KEY_ASPECTS_MAX.toLocaleString("es-PE")} caracteres.`,
      },
      KEY_ASPECTS_MAX,
    ),
    opportunities: itemList({
      required: "Escribe al menos una oportunidad de mejora.",
      tooMany: `Escribe como máximo ${FEEDBACK_LIST_MAX_ITEMS} oportunidades de mejora.`,
      tooLong: `Cada oportunidad de mejora puede tener hasta ${FEEDBACK_ITEM_MAX} caracteres.`,
    }),
    recommendations: itemList({
      required: "Escribe al menos una recomendación.",
      tooMany: `Escribe como máximo ${FEEDBACK_LIST_MAX_ITEMS} recomendaciones.`,
      tooLong: `Cada recomendación puede tener hasta ${FEEDBACK_ITEM_MAX} caracteres.`,
    }),
    givenOn: z
      .string({ error: "Indica la fecha de la retroalimentación." })
      .trim()
      .min(1, { error: "Indica la fecha de la retroalimentación." })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Escribe una fecha válida (día, mes y año)." })
      .refine(isRealDate, { error: "Escribe una fecha válida (día, mes y año)." })
      .refine((s) => s >= "2000-01-01", { error: "Escribe una fecha válida (día, mes y año)." })
      .refine((s) => s <= today, { error: "La fecha no puede ser futura." }),
  });
}

export const ADDRESSED_NOTE_MAX = 1000;
const ADDRESSED_NOTE_REQUIRED = "Escribe qué hizo el equipo para atender esta oportunidad.";

/** The team marks an opportunity of improvement as addressed (with what they did) or reopens it. */
export const addressedSchema = z
  .object({
    addressed: z.enum(["1", "0"], { error: "La acción no es válida." }).transform((s) => s === "1"),
    note: optionalText(`La nota puede tener hasta ${ADDRESSED_NOTE_MAX} caracteres.`, ADDRESSED_NOTE_MAX),
  })
  .superRefine((value, ctx) => {
    if (value.addressed && value.note.length === 0) ctx.addIssue({ code: "custom", path: ["note"], message: ADDRESSED_NOTE_REQUIRED });
  });

export const PROMOTION_NOTE_MIN = 10;
export const PROMOTION_NOTE_MAX = 2000;

export interface PromotionFormCriterion {
  id: number;
  automatic: boolean;
}

/**
 * The team's promotion request, built for the criteria of the next stage and the practice's own
 * evidence: fields `note-<criterionId>` and `evidence-<criterionId>` (an evidence id or empty).
 * Every manual criterion needs a note of at least 10 characters or an evidence.
 */
export function promotionRequestSchema(criteria: PromotionFormCriterion[], evidenceIds: number[]) {
  const manual = criteria.filter((c) => !c.automatic);
  const shape: Record<string, z.ZodType> = {};
  for (const criterion of manual) {
    shape[`note-${criterion.id}`] = optionalText(`La nota puede tener hasta ${PROMOTION_NOTE_MAX} caracteres.`, PROMOTION_NOTE_MAX);
    shape[`evidence-${criterion.id}`] = z
      .string({ error: "Elige una evidencia de la lista." })
      .trim()
      .optional()
      .transform((s) => s ?? "")
      .refine((s) => s === "" || (/^\d{1,9}$/.test(s) && evidenceIds.includes(Number(s))), { error: "Elige una evidencia de la lista." })
      .transform((s) => (s === "" ? null : Number(s)));
  }
  return z
    .object(shape)
    .superRefine((value, ctx) => {
      for (const criterion of manual) {
        const note = value[`note-${criterion.id}`] as string;
        const evidence = value[`evidence-${criterion.id}`] as number | null;
        if (evidence === null && note.length < PROMOTION_NOTE_MIN) {
          ctx.addIssue({
            code: "custom",
            path: [`note-${criterion.id}`],
            message: `Explica cómo la práctica cumple este criterio (al menos ${PROMOTION_NOTE_MIN} caracteres) o elige una evidencia.`,
          });
        }
      }
    })
    .transform((value) =>
      manual.map((criterion) => ({
        criterionId: criterion.id,
        note: value[`note-${criterion.id}`] as string,
        evidenceId: value[`evidence-${criterion.id}`] as number | null,
      })),
    );
}

export const DECISION_NOTE_MAX = 2000;
const requestIdField = idFromList("Elige una solicitud de la lista.");

/** DIFOCA approves a promotion request or returns it to the team with observations. */
export const promotionDecisionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("approve"),
      requestId: requestIdField,
      note: optionalText(`Las observaciones pueden tener hasta ${DECISION_NOTE_MAX.toLocaleString("es-PE")} caracteres.`, DECISION_NOTE_MAX),
    }),
    z.object({
      intent: z.literal("return"),
      requestId: requestIdField,
      note: requiredText(
        {
          required: "Escribe las observaciones para el equipo.",
          tooLong: `Las observaciones pueden tener hasta ${DECISION_NOTE_MAX.toLocaleString("es-PE")} caracteres.`,
        },
        DECISION_NOTE_MAX,
      ),
    }),
  ],
  { error: "La acción no es válida." },
);

export const STAGE_REASON_MAX = 2000;
const stageReason = requiredText(
  {
    required: "Escribe el motivo del cambio de estadio.",
    tooLong: `El motivo puede tener hasta ${STAGE_REASON_MAX.toLocaleString("es-PE")} caracteres.`,
  },
  STAGE_REASON_MAX,
);
const stageField = z.enum(STAGE_ORDER as [Stage, ...Stage[]], { error: "Elige un estadio de la lista." });

const rank = (stage: Stage) => STAGE_ORDER.indexOf(stage);

/** DIFOCA moves a practice down: a stage lower than the current one, and the reason. */
export function demotionSchema(current: Stage) {
  return z.object({
    toStage: stageField.refine((s) => rank(s) < rank(current), { error: "Elige un estadio anterior al actual." }),
    reason: stageReason,
  });
}

/**
 * What /practicas/<slug>/estadio takes: a demotion (intent "demote", the usual case) or,
 * exceptionally, a promotion outside a request (intent "promote"). Either way a reason.
 */
export function stageChangeSchema(current: Stage) {
  return z.discriminatedUnion(
    "intent",
    [
      demotionSchema(current).extend({ intent: z.literal("demote") }),
      z.object({
        intent: z.literal("promote"),
        toStage: stageField.refine((s) => rank(s) > rank(current), { error: "Elige un estadio posterior al actual." }),
        reason: stageReason,
      }),
    ],
    { error: "La acción no es válida." },
  );
}

export const CRITERION_TITLE_MAX = 200;
export const CRITERION_DESCRIPTION_MAX = 1000;

const criterionFields = {
  title: requiredText(
    { required: "Escribe el nombre del criterio.", tooLong: `El nombre puede tener hasta ${CRITERION_TITLE_MAX} caracteres.` },
    CRITERION_TITLE_MAX,
  ),
  description: optionalText(`La descripción puede tener hasta ${CRITERION_DESCRIPTION_MAX.toLocaleString("es-PE")} caracteres.`, CRITERION_DESCRIPTION_MAX),
  targetStage: z.enum(["intermedio", "avanzado"], { error: "Elige el estadio al que corresponde el criterio." }),
  // An unchecked checkbox is not sent at all.
  active: z
    .string()
    .optional()
    .transform((s) => s === "on" || s === "1" || s === "true"),
  position: z
    .string({ error: "Escribe el orden como un número entre 0 y 999." })
    .trim()
    .regex(/^\d{1,3}$/, { error: "Escribe el orden como un número entre 0 y 999." })
    .transform((s) => Number(s)),
};

/** DIFOCA's editor of the maturity criteria: update one or create one. */
export const criterionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("update"), criterionId: idFromList("Elige un criterio de la lista."), ...criterionFields }),
    z.object({ intent: z.literal("create"), ...criterionFields }),
  ],
  { error: "La acción no es válida." },
);
