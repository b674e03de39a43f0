// The systematization report of an event, shared by its page and its PDF: who may read it, and
// what it says, written once from getEventReport so that the screen, the printout and the PDF
// tell the same thing. See docs/decisions/010-report-pdf.md.
import type { Params } from "@remix-run/react";
import type { EventReportView } from "~/components/event-report";
import { getEventReport, type EventReport } from "~/models/event.server";
import { getUser } from "~/utils/auth.server";
import { formatDate, todayInLima } from "~/utils/dates";
import { EVENT_MODALITY_LABELS, EVENT_TYPE_LABELS, type EventType } from "~/utils/event-labels";
import { notFound } from "~/utils/http.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { can } from "~/utils/permissions.server";

/**
 * The report of an event for this request. DIFOCA reads it at any time (it prepares it during the
 * event); everyone else once the event has ended, when it is published knowledge. Before that it
 * does not exist for them: a 404, as for any unpublished content.
 */
export async function requireEventReport(request: Request, params: Params): Promise<{ report: EventReport; isPublic: boolean }> {
  const id = params.id ?? "";
  if (!/^\d{1,9}$/.test(id)) throw notFound("No encontramos este evento.");
  const [user, report] = await Promise.all([getUser(request), getEventReport(Number(id))]);
  if (!report) throw notFound("No encontramos este evento.");
  const isPublic = report.event.endsOn < todayInLima();
  if (!isPublic && !can(user, "events.manage")) throw notFound("El reporte de este evento se publicará cuando el evento termine.");
  return { report, isPublic };
}

/** One practice of the report; problem, strategy, results and key aspects are markdown. */
export interface ReportPractice {
  number: number;
  title: string;
  regionName: string;
  igeds: string[];
  url: string;
  problem: string;
  strategy: string;
  results: string;
  commentatorName: string | null;
  feedback: { authorName: string; authorPosition: string; keyAspects: string; opportunities: string[]; recommendations: string[] }[];
}

/** The report as plain words and markdown, ready for the page (as HTML) or for the PDF. */
export interface ReportDocument {
  eventId: number;
  slug: string;
  eventTitle: string;
  /** "Reporte de sistematización: <event title>" */
  title: string;
  type: EventType;
  typeLabel: string;
  /** "23 y 24 de abril de 2026" */
  dates: string;
  place: string;
  modalityLabel: string;
  hostRegionName: string | null;
  macroregionName: string | null;
  /** Paragraphs of plain text. */
  presentation: string[];
  /** "Participaron 12 gestores de 2 regiones." */
  participantsLine: string;
  participantRegions: { name: string; count: number }[];
  invitedRegions: string[];
  igedGroups: { label: string; names: string[] }[];
  directors: { name: string; position: string; igedName: string | null }[];
  practices: ReportPractice[];
  testimonials: { text: string; name: string; position: string; igedName: string | null }[];
  /** "22 de noviembre de 2026" */
  generatedOn: string;
}

const list = new Intl.ListFormat("es", { style: "long", type: "conjunction" });

// Calendar days (YYYY-MM-DD) read at noon UTC: the same day in Lima, whatever the server's zone.
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
const dayNumber = (iso: string) => String(Number(iso.slice(8, 10)));
const monthName = new Intl.DateTimeFormat("es-PE", { timeZone: "UTC", month: "long" });
const isTwoDays = (startsOn: string, endsOn: string) => new Date(day(startsOn).getTime() + 86_400_000).toISOString().slice(0, 10) === endsOn;

/** "5 de mayo de 2026", "23 y 24 de abril de 2026", "30 de abril al 3 de mayo de 2026" */
export function formatEventDays(startsOn: string, endsOn: string): string {
  if (startsOn >= endsOn) return formatDate(day(startsOn));
  const joint = isTwoDays(startsOn, endsOn) ? "y" : "al";
  if (startsOn.slice(0, 7) === endsOn.slice(0, 7)) return `${dayNumber(startsOn)} ${joint} ${formatDate(day(endsOn))}`;
  if (startsOn.slice(0, 4) === endsOn.slice(0, 4)) return `${dayNumber(startsOn)} de ${monthName.format(day(startsOn))} ${joint} ${formatDate(day(endsOn))}`;
  return `${formatDate(day(startsOn))} ${joint} ${formatDate(day(endsOn))}`;
}

/** "el 5 de mayo de 2026", "los días 23 y 24 de abril de 2026", "del 4 al 8 de mayo de 2026" */
function whenSentence(startsOn: string, endsOn: string): string {
  const days = formatEventDays(startsOn, endsOn);
  if (startsOn >= endsOn) return `el ${days}`;
  return isTwoDays(startsOn, endsOn) ? `los días ${days}` : `del ${days}`;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString("es-PE")} ${n === 1 ? one : many}`;

const IGED_GROUPS: { type: string; label: string }[] = [
  { type: "dre", label: "DRE/GRE" },
  { type: "ugel", label: "UGEL" },
  { type: "gobierno_local", label: "Gobiernos locales" },
];

function presentationOf(report: EventReport): string[] {
  const { event } = report;
  const article = event.type === "pasantia" ? "La" : "El";
  const typeLabel = EVENT_TYPE_LABELS[event.type].toLowerCase();
  const where = [event.place ? ` en ${event.place}` : "", event.modality === "virtual" ? " en modalidad virtual" : ""].join("");
  const host = event.hostRegionName
    ? `, con ${event.hostRegionName} como región anfitriona${event.macroregionName ? ` de la Macrorregión ${event.macroregionName}` : ""}`
    : event.macroregionName
      ? `, en la Macrorregión ${event.macroregionName}`
      : "";
  const paragraphs = [`${article} ${typeLabel} «${event.title}» se realizó ${whenSentence(event.startsOn, event.endsOn)}${where}${host}.`];
  if (event.summary.trim()) paragraphs.push(event.summary.trim());

  if (report.practices.length > 0) {
    // The IGEDs behind the practices, region by region, as the printed reports name them.
    const byRegion = new Map<string, string[]>();
    for (const p of report.practices) {
      const names = byRegion.get(p.regionName) ?? [];
      for (const iged of p.igeds) if (!names.includes(iged)) names.push(iged);
      byRegion.set(p.regionName, names);
    }
    const origins = [...byRegion.entries()].map(([region, igeds]) => `${list.format(igeds)} (${region})`).join("; ");
    const commented = report.practices.some((p) => p.commentatorName || p.feedback.length > 0) ? ", comentadas por expertos invitados" : "";
    paragraphs.push(
      `Se ${report.practices.length === 1 ? "presentó" : "presentaron"} ${count(report.practices.length, "buena práctica", "buenas prácticas")} de gestión educativa${commented}, de ${count(byRegion.size, "región", "regiones")}: ${origins}.`,
    );
  }
  return paragraphs;
}

function participantsLineOf(report: EventReport): string {
  if (report.participants === 0) return "Aún no se registró la asistencia de este evento.";
  const people = count(report.participants, "gestor", "gestores");
  const regions = report.participantRegions.length;
  return `${report.participants === 1 ? "Participó" : "Participaron"} ${people}${regions > 0 ? ` de ${count(regions, "región", "regiones")}` : ""}.`;
}

/** Everything the report says, from the data; `origin` makes the practice links work on paper. */
export function buildReportDocument(report: EventReport, origin: string, now: Date = new Date()): ReportDocument {
  const { event } = report;
  return {
    eventId: event.id,
    slug: event.slug,
    eventTitle: event.title,
    title: `Reporte de sistematización: ${event.title}`,
    type: event.type,
    typeLabel: EVENT_TYPE_LABELS[event.type],
    dates: formatEventDays(event.startsOn, event.endsOn),
    place: event.place,
    modalityLabel: EVENT_MODALITY_LABELS[event.modality],
    hostRegionName: event.hostRegionName,
    macroregionName: event.macroregionName,
    presentation: presentationOf(report),
    participantsLine: participantsLineOf(report),
    participantRegions: report.participantRegions,
    // SQLite orders names by bytes ("Pasco" before "Áncash"); people read alphabetical order.
    invitedRegions: event.invitedRegions.map((r) => r.name).sort((a, b) => a.localeCompare(b, "es")),
    igedGroups: IGED_GROUPS.map(({ type, label }) => ({
      label,
      names: report.igedsPresent.filter((i) => i.type === type).map((i) => i.name),
    })).filter((group) => group.names.length > 0),
    directors: report.directorsPresent,
    practices: report.practices.map((p, index) => ({
      number: index + 1,
      title: p.title,
      regionName: p.regionName,
      igeds: p.igeds,
      url: new URL(`/practicas/${p.slug}`, origin).href,
      problem: p.problem,
      strategy: p.strategy,
      results: p.results,
      commentatorName: p.commentatorName,
      feedback: p.feedback,
    })),
    testimonials: report.testimonials.map((t) => ({ text: t.text, name: t.name, position: t.position, igedName: t.igedName })),
    generatedOn: formatDate(now),
  };
}

/** The report for the page: its markdown rendered (and sanitized) once, here. */
export function reportView(document: ReportDocument): EventReportView {
  return {
    ...document,
    practices: document.practices.map(({ problem, strategy, results, feedback, ...practice }) => ({
      ...practice,
      problemHtml: renderMarkdown(problem),
      strategyHtml: renderMarkdown(strategy),
      resultsHtml: renderMarkdown(results),
      feedback: feedback.map(({ keyAspects, ...entry }) => ({ ...entry, keyAspectsHtml: renderMarkdown(keyAspects) })),
    })),
  };
}
