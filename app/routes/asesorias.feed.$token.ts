// /asesorias/feed/<token>(.ics): a member's private calendar feed. Calendar apps send no session
// cookie, so the secret token is the only key; the member can reset it from "Mis asesorías".
import type { LoaderFunctionArgs } from "@remix-run/node";
import { advisoryFeed } from "~/utils/advisory-page.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return advisoryFeed(request, params);
}
