// The fields of a practice's evidence, validated the same way by the evidence page and by any
// other form that adds evidence (a promotion request). The file itself is checked by
// uploads.server.ts, which reads its content.
import { z } from "zod";
import { idFromList, requiredText } from "~/utils/forms.server";

export const EVIDENCE_TITLE_MAX = 200;
export const EVIDENCE_URL_MAX = 2000;

export const evidenceTitleField = requiredText(
  { required: "Escribe un título para la evidencia.", tooLong: "El título no puede tener más de 200 caracteres." },
  EVIDENCE_TITLE_MAX,
);

const URL_MESSAGE = "Escribe un enlace que empiece con https:// o http://.";

/** Only web addresses: a javascript: or data: link on the practice page would run in it. */
export function isWebUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

export const evidenceUrlField = z
  .string({ error: URL_MESSAGE })
  .trim()
  .min(1, { error: URL_MESSAGE })
  .max(EVIDENCE_URL_MAX, { error: "El enlace no puede tener más de 2000 caracteres." })
  .refine(isWebUrl, { error: URL_MESSAGE });

/** What the evidence page submits: an upload (its file is read apart), a link, or a deletion. */
export const evidenceActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("upload"), title: evidenceTitleField }),
    z.object({ intent: z.literal("link"), title: evidenceTitleField, url: evidenceUrlField }),
    z.object({ intent: z.literal("delete"), evidenceId: idFromList("Esa evidencia no existe.") }),
  ],
  { error: "La acción no es válida." },
);
