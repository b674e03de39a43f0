// DIFOCA's decisions in the queue of reports: which reported content (a post, or one of its
// replies) and, to dismiss the reports, an optional note. The reason to hide is the walls' own
// moderation reason (readModerationReason), so the author reads the same kind of text everywhere.
import { z } from "zod";
import { idFromList, optionalText, parseForm } from "~/utils/forms.server";

export const DISMISS_NOTE_MAX = 500;

const targetSchema = z.object({
  postId: idFromList("La publicación reportada no es válida."),
  replyId: z
    .string()
    .optional()
    .transform((v) => (v ? v.trim() : ""))
    .refine((v) => v === "" || /^\d{1,9}$/.test(v), { error: "El aporte reportado no es válido." })
    .transform((v) => (v === "" ? null : Number(v))),
});

/** The reported post (and reply, if the report is about one) named by the form's hidden fields; null when they are not ids. */
export function readReportTarget(formData: FormData): { postId: number; replyId: number | null } | null {
  const result = parseForm(targetSchema, formData);
  return result.success ? result.data : null;
}

export function readDismissNote(formData: FormData) {
  return parseForm(z.object({ note: optionalText(`La nota no puede tener más de ${DISMISS_NOTE_MAX} caracteres.`, DISMISS_NOTE_MAX) }), formData);
}
