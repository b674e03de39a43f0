import { json } from "@remix-run/node";
import { getDb, isDatabaseReachable } from "~/utils/db.server";

// For load balancers and uptime checks: 200 when the database answers, 503 when it does not.
export async function loader() {
  const database = await isDatabaseReachable(getDb());
  return json(
    { status: database ? "ok" : "error", database: database ? "ok" : "unreachable" },
    { status: database ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
