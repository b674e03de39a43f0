// Opens one piece of a transfer's evidence: serves an uploaded file, or sends to a link's address.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { serveTransferEvidence } from "~/utils/transfer-page.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return serveTransferEvidence(request, params);
}
