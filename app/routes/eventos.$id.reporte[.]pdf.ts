// /eventos/:id/reporte.pdf: the same report as a PDF made on the server, with the page's access rule.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderEventReportPdf } from "~/utils/event-report-pdf.server";
import { buildReportDocument, requireEventReport } from "~/utils/event-report.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { report } = await requireEventReport(request, params);
  const pdf = await renderEventReportPdf(buildReportDocument(report, new URL(request.url).origin));
  return new Response(pdf, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="reporte-${report.event.slug}.pdf"`,
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "private, no-cache",
    },
  });
}
