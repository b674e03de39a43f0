// The public key that signs the platform's credentials (a JWK Set), for outside verifiers.
import { publicJwks } from "~/utils/credentials.server";

export async function loader() {
  // Public: a verifier needs the key without an account.
  return new Response(JSON.stringify(await publicJwks(), null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" },
  });
}
