// /eventos/:id/reporte: the systematization report of an event, generated from its data. DIFOCA
// reads it at any time; everyone once the event has ended (docs/decisions/010-report-pdf.md).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { EventReport } from "~/components/event-report";
import { buildReportDocument, reportView, requireEventReport } from "~/utils/event-report.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { report, isPublic } = await requireEventReport(request, params);
  const document = buildReportDocument(report, new URL(request.url).origin);
  return json(
    { report: reportView(document), isPublic, pdfHref: `/eventos/${report.event.id}/reporte.pdf` },
    // Before the event ends only DIFOCA sees it, and its data keeps changing: no shared caches.
    { headers: { "Cache-Control": "private, no-cache" } },
  );
}

export default function EventReportPage() {
  const { report, isPublic, pdfHref } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <EventReport report={report} isPublic={isPublic} pdfHref={pdfHref} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.report.title} | Comunidad de Práctica de Gestión Educativa` : "Reporte de sistematización | Comunidad de Práctica de Gestión Educativa" },
  {
    name: "description",
    content: data
      ? `Reporte de sistematización de «${data.report.eventTitle}» (${data.report.dates}): prácticas presentadas, retroalimentación de expertos y testimonios.`
      : "Reporte de sistematización de un evento de la Comunidad de Práctica de Gestión Educativa.",
  },
];

export function ErrorBoundary() {
  return <ErrorPage />;
}
