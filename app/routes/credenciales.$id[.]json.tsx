// Downloads an award as an Open Badges 3.0 credential: a JSON file with the OpenBadgeCredential and
// the same credential signed by the platform as a VC-JWT. The credential's random id is what its
// holder shares; a revoked award is no longer handed out (its verification page says why).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { getAwardByCredentialId } from "~/models/badge.server";
import { issuerOrigin, signCredential } from "~/utils/credentials.server";
import { notFound } from "~/utils/http.server";

const CREDENTIAL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public by design: anyone holding the link may download and verify it (no sign-in to check).
  const id = params.id ?? "";
  if (!CREDENTIAL_ID.test(id)) throw notFound("Esa credencial no existe.");
  const award = await getAwardByCredentialId(id);
  if (!award) throw notFound("Esa credencial no existe.");
  if (award.revokedAt) {
    throw json({ message: "Esta credencial fue revocada: ya no se puede descargar. Su página de verificación explica el motivo." }, { status: 410 });
  }
  const { credential, jwt } = await signCredential(
    {
      credentialId: award.credentialId,
      awardedAt: award.awardedAt,
      reason: award.reason,
      evidenceUrl: award.evidenceUrl,
      recipientEmail: award.recipient.email,
      badge: award.badge,
    },
    issuerOrigin(request),
  );
  return new Response(JSON.stringify({ credential, jwt }, null, 2), {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="insignia-${award.badge.slug}-${award.credentialId.slice(0, 8)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
