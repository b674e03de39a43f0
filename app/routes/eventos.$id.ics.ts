// /eventos/:id/ics: one event as an .ics file, for anyone's calendar.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eventIcs } from "~/utils/event-pages.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return eventIcs(request, params);
}
