// The walls' forms: a post (challenge or initiative), a reply, a report, a moderation reason.
// Bad input becomes Spanish messages per field; what the person typed comes back with them.
import { z } from "zod";
import { idFromList, optionalText, parseForm, requiredText, type FieldErrors } from "~/utils/forms.server";
import { MAX_TAGS, REPORT_REASONS, WALL_SORTS, WALLS, type WallKind, type WallStatus } from "~/utils/wall-labels";

const BODY_MAX = 10_000;
const REPLY_MAX = 5_000;
const MAX_LINKS = 5;

const optionalId = (message: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v.trim() : ""))
    .refine((v) => v === "" || /^\d{1,9}$/.test(v), { error: message })
    .transform((v) => (v === "" ? null : Number(v)));

const tagsField = z
  .string()
  .max(400, { error: "Las etiquetas no pueden tener más de 400 caracteres." })
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(/[,;\n]/)
      .map((t) => t.replace(/^#+/, "").replace(/\s+/g, " ").trim())
      .filter((t) => t.length > 0),
  )
  .refine((tags) => tags.length <= MAX_TAGS, { error: `Usa como máximo ${MAX_TAGS} etiquetas.` })
  .refine((tags) => tags.every((t) => t.length <= 40), { error: "Cada etiqueta puede tener hasta 40 caracteres." });

const linksField = z
  .string()
  .max(2000, { error: "Los enlaces no pueden tener más de 2000 caracteres." })
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(/\s+/)
      .map((l) => l.trim())
      .filter((l) => l.length > 0),
  )
  .refine((links) => links.length <= MAX_LINKS, { error: `Agrega como máximo ${MAX_LINKS} enlaces.` })
  .refine((links) => links.every(isWebAddress), { error: "Escribe cada enlace completo, empezando por https:// (uno por línea)." });

function isWebAddress(value: string): boolean {
  if (value.length > 500) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

function postSchema(kind: WallKind) {
  const words = WALLS[kind];
  return z.object({
    title: requiredText(
      { required: `Escribe el título ${kind === "challenge" ? "del desafío" : "de la iniciativa"}.`, tooShort: "El título debe tener al menos 10 caracteres.", tooLong: "El título no puede tener más de 160 caracteres." },
      160,
      10,
    ),
    summary:
      kind === "initiative"
        ? requiredText({ required: "Escribe un resumen de la iniciativa.", tooShort: "El resumen debe tener al menos 20 caracteres.", tooLong: "El resumen no puede tener más de 400 caracteres." }, 400, 20)
        : optionalText("El resumen no puede tener más de 400 caracteres.", 400),
    body: requiredText(
      {
        required: kind === "challenge" ? "Describe el desafío: qué pasa, a quiénes afecta y qué han intentado." : "Cuenta qué están probando: las acciones y con quiénes.",
        tooShort: `Cuenta un poco más ${kind === "challenge" ? "del desafío" : "de la iniciativa"} (al menos 30 caracteres).`,
        tooLong: `El texto no puede tener más de ${BODY_MAX.toLocaleString("es-PE")} caracteres.`,
      },
      BODY_MAX,
      30,
    ),
    thematicLineId: optionalId("Elige una línea temática de la lista."),
    igedId: optionalId("Elige una IGED de la lista."),
    regionId: optionalId("Elige una región de la lista."),
    tags: kind === "challenge" ? tagsField : tagsField.transform(() => [] as string[]),
    links: kind === "initiative" ? linksField : linksField.transform(() => [] as string[]),
  }).refine((v) => v.igedId !== null || v.regionId !== null, { error: `Elige la IGED o, al menos, la región ${words.singular === "desafío" ? "del desafío" : "de la iniciativa"}.`, path: ["igedId"] });
}

export type WallPostForm = {
  title: string;
  summary: string;
  body: string;
  thematicLineId: number | null;
  igedId: number | null;
  regionId: number | null;
  tags: string[];
  links: string[];
};

export function readWallPostForm(kind: WallKind, formData: FormData) {
  return parseForm(postSchema(kind), formData) as
    | { success: true; data: WallPostForm; values: Record<string, string> }
    | { success: false; errors: FieldErrors; values: Record<string, string> };
}

function replySchema(kind: WallKind) {
  const noun = WALLS[kind].reply;
  return z.object({
    body: requiredText({ required: `Escribe tu ${noun}.`, tooShort: `Tu ${noun} debe tener al menos 5 caracteres.`, tooLong: `Tu ${noun} no puede tener más de ${REPLY_MAX.toLocaleString("es-PE")} caracteres.` }, REPLY_MAX, 5),
  });
}

// Built once: the reply is the walls' most frequent write, and building a zod schema cost it more
// than checking the text (ADR 015).
const REPLY_SCHEMAS = { challenge: replySchema("challenge"), initiative: replySchema("initiative") } satisfies Record<WallKind, unknown>;

export function readReplyForm(kind: WallKind, formData: FormData) {
  return parseForm(REPLY_SCHEMAS[kind], formData);
}

export function readReportForm(formData: FormData) {
  return parseForm(
    z.object({
      reason: z.enum(REPORT_REASONS, { error: "Elige el motivo del reporte." }),
      details: optionalText("El detalle no puede tener más de 1000 caracteres.", 1000),
    }),
    formData,
  );
}

/** DIFOCA's reason to hide content, which its author reads. */
export const moderationReasonField = requiredText(
  { required: "Escribe el motivo: su autor lo leerá.", tooShort: "Escribe el motivo (al menos 10 caracteres): su autor lo leerá.", tooLong: "El motivo no puede tener más de 500 caracteres." },
  500,
  10,
);

export function readModerationReason(formData: FormData) {
  return parseForm(z.object({ reason: moderationReasonField }), formData);
}

export function readChallengeStatus(formData: FormData) {
  return parseForm(z.object({ status: z.enum(["abierto", "en_acompanamiento", "resuelto"], { error: "Elige un estado de la lista." }) }), formData) as
    | { success: true; data: { status: WallStatus }; values: Record<string, string> }
    | { success: false; errors: FieldErrors; values: Record<string, string> };
}

/** A reply's id sent by a button of the thread. */
export const replyIdField = idFromList("El aporte no es válido.");

export interface WallFeedQuery {
  q: string;
  region: string;
  macrorregion: string;
  linea: string;
  estado: string;
  etiqueta: string;
  acompanados: boolean;
  orden: (typeof WALL_SORTS)[number] | undefined;
  page: number;
}

/** The feed's filters as they come in the URL; unknown values are ignored, never an error. */
export function readFeedQuery(kind: WallKind, url: URL): WallFeedQuery {
  const p = url.searchParams;
  const text = (name: string, max = 100) => (p.get(name) ?? "").trim().slice(0, max);
  const estado = text("estado");
  const orden = text("orden");
  const page = Number(p.get("pagina") ?? "1");
  return {
    q: text("q", 200),
    region: text("region"),
    macrorregion: text("macrorregion"),
    linea: text("linea"),
    estado: (WALLS[kind].statuses as readonly string[]).includes(estado) ? estado : "",
    etiqueta: text("etiqueta", 40),
    acompanados: p.get("acompanados") === "1",
    orden: (WALL_SORTS as readonly string[]).includes(orden) ? (orden as (typeof WALL_SORTS)[number]) : undefined,
    page: Number.isSafeInteger(page) && page > 0 && page < 100_000 ? page : 1,
  };
}

