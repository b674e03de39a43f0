// Opens one piece of evidence: serves an uploaded file, or sends to a link's address. Evidence of a
// practice that is not public is shown only to those who may see the practice; to anyone else it
// does not exist (a 404, not a 403).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable, redirect } from "@remix-run/node";
import { getEvidence } from "~/models/evidence.server";
import { practiceAccess } from "~/models/practice-access.server";
import { getUser } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { downloadHeaders, readStoredUpload } from "~/utils/uploads.server";

const NOT_FOUND = "Ese archivo no existe o ya no está disponible.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  if (!/^\d{1,9}$/.test(params.id ?? "") || id <= 0) throw notFound(NOT_FOUND);
  const [user, evidence] = await Promise.all([getUser(request), getEvidence(id)]);
  if (!evidence) throw notFound(NOT_FOUND);
  const access = await practiceAccess(user, { id: evidence.practiceId, status: evidence.practiceStatus });
  if (!access.canView) throw notFound(NOT_FOUND);
  // A link was checked to be http(s) when it was added.
  if (evidence.kind === "enlace" && evidence.url) return redirect(evidence.url);
  if (!evidence.storedName) throw notFound(NOT_FOUND);

  const stored = await readStoredUpload(evidence.storedName);
  if (!stored) throw notFound(NOT_FOUND);
  const headers = downloadHeaders({ mimeType: evidence.mimeType, fileName: evidence.fileName ?? "archivo", size: stored.size });
  return new Response(createReadableStreamFromReadable(stored.stream), { status: 200, headers });
}
