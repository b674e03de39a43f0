// The issuer of the platform's credentials: an Open Badges 3.0 Profile, named by every credential.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { issuerOrigin, issuerProfile } from "~/utils/credentials.server";

export async function loader({ request }: LoaderFunctionArgs) {
  // Public: verifiers read it without an account.
  return new Response(JSON.stringify(issuerProfile(issuerOrigin(request)), null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" },
  });
}
