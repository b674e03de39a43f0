// /asesorias/:id/ics: one session as an .ics file, for those who may see the advisory.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { advisoryIcs } from "~/utils/advisory-page.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return advisoryIcs(request, params);
}
