// /admin/exportes/:dataset?formato=csv|xlsx: one of DIFOCA's downloads, with its filters applied.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadExport } from "~/utils/exports.server";
import { requirePermission } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "exports.download");
  return downloadExport(request, params.dataset);
}
