// DIFOCA's downloads: the one module that turns a dataset (Spanish column headers and rows) into a
// CSV or an Excel file, and that reads what a download asks for. The queries live in
// app/models/export.server.ts. Why exceljs, and why cells are neutralized: docs/decisions/011-exports.md.
import type { CellValue } from "exceljs";
import {
  eventExists,
  listActivitiesForExport,
  listAdvisoriesForExport,
  listAttendanceForExport,
  listMembersForExport,
  listPracticesForExport,
  listTransfersForExport,
  type ActivityKind,
} from "~/models/export.server";
import type { CatalogFilters } from "~/models/practice.server";
import { listMacroregions, listRegions } from "~/models/region.server";
import { listThematicLines } from "~/models/thematic-line.server";
import { ADVISORY_STATUS_LABELS, ADVISORY_TYPE_LABELS, MODALITY_LABELS } from "~/utils/advisory-labels";
import { todayInLima } from "~/utils/dates";
import { EVENT_TYPE_LABELS, REGISTRATION_STATUS_LABELS } from "~/utils/event-labels";
import { badRequest, notFound } from "~/utils/http.server";
import { IGED_TYPE_LABELS, IGED_TYPES } from "~/utils/iged-types";
import { STAGE_LABELS, STAGES, STATUS_LABELS } from "~/utils/practice-labels";
import { ROLE_LABELS } from "~/utils/roles";
import { TRANSFER_STAGE_LABELS, TRANSFER_STATUS_LABELS } from "~/utils/transfer-labels";

// ---------------------------------------------------------------------------------------------
// Datasets and the two file formats

export type Cell = string | number | null;

export interface ExportColumn {
  header: string;
  /** Dates are "YYYY-MM-DD" (Lima): text in the CSV, real dates in Excel so they sort and filter. */
  kind?: "text" | "number" | "date";
}

export interface Dataset {
  /** Without extension, ASCII: "practicas-2026-11-22". */
  fileName: string;
  sheetName: string;
  columns: ExportColumn[];
  rows: Cell[][];
}

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// A spreadsheet opening a CSV runs a cell that starts with one of these as a formula (=, +, -, @)
// or after stripping it (tab, carriage return). Text typed by members must stay text: OWASP's
// advice is a leading apostrophe, which both Excel and LibreOffice read as "this is text". Only
// the CSV needs it: the .xlsx marks each cell as a string.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would run as a formula, made inert with a leading apostrophe. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvField(cell: Cell): string {
  if (cell === null) return "";
  // Numbers come from the platform's own counts, never from what members typed.
  const text = typeof cell === "number" ? String(cell) : neutralizeFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line breaks quoted and
 * their quotes doubled. A UTF-8 byte order mark first, or Excel reads the accents as Latin-1.
 */
export function toCsv(dataset: Dataset): string {
  const lines = [dataset.columns.map((c) => csvField(c.header)), ...dataset.rows.map((row) => row.map(csvField))];
  return `\uFEFF${lines.map((fields) => fields.join(",")).join("\r\n")}\r\n`;
}

// Characters XML 1.0 forbids (pasted from word processors now and then): Excel refuses a file that has them.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// Excel's limit for the text of one cell.
const CELL_MAX = 32_767;

function xlsxValue(cell: Cell, kind: ExportColumn["kind"]): CellValue {
  if (cell === null || cell === "") return null;
  if (typeof cell === "number") return cell;
  if (kind === "date" && /^\d{4}-\d{2}-\d{2}$/.test(cell)) {
    const [y, m, d] = cell.split("-").map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d));
  }
  // A string cell of an .xlsx is never evaluated (exceljs writes formulas only from { formula }
  // values), so the text goes as typed: an apostrophe here would be shown as part of it.
  return cell.replace(XML_INVALID, "").slice(0, CELL_MAX);
}

function columnWidth(dataset: Dataset, index: number): number {
  const column = dataset.columns[index]!;
  if (column.kind === "date") return Math.max(12, column.header.length + 2);
  let longest = column.header.length;
  for (const row of dataset.rows.slice(0, 500)) {
    const cell = row[index];
    if (cell !== null && cell !== undefined) longest = Math.max(longest, String(cell).length);
  }
  return Math.min(60, Math.max(8, longest + 2));
}

/** An .xlsx with one sheet: bold header row that stays in view, columns sized to their content, filters on. */
export async function toXlsx(dataset: Dataset): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded on first use: exceljs takes about a second to load, which every server start would wait for.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Comunidad de Práctica de Gestión Educativa";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(dataset.sheetName.replace(/[[\]:*?/\\]/g, " ").slice(0, 31), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = dataset.columns.map((column, index) => ({
    header: column.header,
    key: `c${index}`,
    width: columnWidth(dataset, index),
    style: column.kind === "date" ? { numFmt: "dd/mm/yyyy" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of dataset.rows) sheet.addRow(row.map((cell, index) => xlsxValue(cell, dataset.columns[index]?.kind)));
  if (dataset.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: dataset.columns.length } };
  // exceljs answers a Node Buffer (typed as its own ArrayBuffer-like "Buffer"); a copy as plain bytes is what a Response takes.
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The file as a download. Members' data: never kept by a cache. */
export async function exportResponse(dataset: Dataset, format: ExportFormat): Promise<Response> {
  const body = format === "csv" ? toCsv(dataset) : await toXlsx(dataset);
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${dataset.fileName}.${format}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

// ---------------------------------------------------------------------------------------------
// What DIFOCA can download

export const EXPORT_DATASETS = {
  practicas: {
    label: "Prácticas",
    description: "Las prácticas del catálogo con los filtros que elijas: región, IGED, línea temática, estadio, vigencia, visitas y retroalimentaciones.",
    yearly: false,
  },
  miembros: {
    label: "Miembros, puntos y escala",
    description: "Cada miembro con su IGED y región, sus puntos del año y totales, sus insignias y su escala en la red de gestores del año.",
    yearly: true,
  },
  actividades: {
    label: "Actividades del año",
    description: "Una fila por actividad: asesorías realizadas, intercambios, webinars, talleres y pasantías, acompañamientos en los muros y procesos de transferencia, con su fecha, tipo y región.",
    yearly: true,
  },
  asesorias: {
    label: "Asesorías",
    description: "Las asesorías personalizadas y sobre transferencia del año, con su estado, asesor, asistentes y compromisos.",
    yearly: true,
  },
  transferencias: {
    label: "Transferencias",
    description: "Los procesos de transferencia activos en el año: práctica, IGED de origen y receptora, etapa y estado.",
    yearly: true,
  },
  asistencia: {
    label: "Asistencia a eventos",
    description: "Una fila por inscripción a los eventos del año: evento, miembro, IGED, región, estado de la inscripción y asistencia.",
    yearly: true,
  },
} as const;

export type ExportDatasetSlug = keyof typeof EXPORT_DATASETS;

export function isExportDataset(slug: string | undefined): slug is ExportDatasetSlug {
  return slug !== undefined && Object.hasOwn(EXPORT_DATASETS, slug);
}

// ---------------------------------------------------------------------------------------------
// Reading a download's query: the catalog's filter parameters, the year, the format

export type PracticeExportFilters = Omit<CatalogFilters, "page" | "pageSize" | "sort">;

/** The catalog's filters as the form shows them (strings; "" is "any"). */
export interface PracticeFilterValues {
  q: string;
  region: string;
  macrorregion: string;
  estadio: string;
  linea: string;
  tipo: string;
  vigente: string;
  archivadas: string;
}

export const PRACTICE_FILTER_KEYS = ["q", "region", "macrorregion", "estadio", "linea", "tipo", "vigente", "archivadas"] as const;

/**
 * The practice filters of a query, with the names and values of /practicas. A value that is not
 * one of the choices is left out of `values` and explained in `errors`: the download refuses it
 * (a file without the filter asked for would mislead), the export page just drops it.
 */
export async function readPracticeFilters(params: URLSearchParams): Promise<{ values: PracticeFilterValues; filters: PracticeExportFilters; errors: string[] }> {
  const [regions, macroregions, lines] = await Promise.all([listRegions(), listMacroregions(), listThematicLines({ includeInactive: true })]);
  const errors: string[] = [];
  const values: PracticeFilterValues = { q: "", region: "", macrorregion: "", estadio: "", linea: "", tipo: "", vigente: "", archivadas: "" };
  const choose = (key: Exclude<keyof PracticeFilterValues, "q">, allowed: readonly string[], message: string) => {
    const value = (params.get(key) ?? "").trim();
    if (value === "") return;
    if (allowed.includes(value)) values[key] = value;
    else errors.push(message);
  };
  values.q = (params.get("q") ?? "").trim().slice(0, 200);
  choose("region", regions.map((r) => r.slug), "La región elegida no existe.");
  choose("macrorregion", macroregions.map((m) => m.slug), "La macrorregión elegida no existe.");
  choose("estadio", STAGES, "El estadio debe ser inicial, intermedio o avanzado.");
  choose("linea", lines.map((l) => l.slug), "La línea temática elegida no existe.");
  choose("tipo", IGED_TYPES, "El tipo de IGED debe ser DRE/GRE, UGEL o gobierno local.");
  choose("vigente", ["si", "no"], "La vigencia debe ser «si» o «no».");
  choose("archivadas", ["si"], "Para incluir las prácticas archivadas, usa archivadas=si.");
  const filters: PracticeExportFilters = {
    query: values.q || undefined,
    regionSlug: values.region || undefined,
    macroregionSlug: values.macrorregion || undefined,
    stage: (values.estadio || undefined) as PracticeExportFilters["stage"],
    lineSlug: values.linea || undefined,
    igedType: (values.tipo || undefined) as PracticeExportFilters["igedType"],
    vigente: values.vigente === "" ? undefined : values.vigente === "si",
    includeArchived: values.archivadas === "si",
  };
  return { values, filters, errors };
}

/** The Lima year of today. */
export function thisYear(): number {
  return Number(todayInLima().slice(0, 4));
}

/** The years a download can cover: from the community's creation (RVM 185-2021) to this one. */
export function exportYears(): number[] {
  const years: number[] = [];
  for (let year = thisYear(); year >= 2021; year--) years.push(year);
  return years;
}

/** `anio` of a query: this year when absent, an error when it is not a year the platform covers. */
export function readYear(params: URLSearchParams): { ok: true; year: number } | { ok: false; message: string } {
  const raw = (params.get("anio") ?? "").trim();
  if (raw === "") return { ok: true, year: thisYear() };
  const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!exportYears().includes(year)) return { ok: false, message: `El año debe estar entre 2021 y ${thisYear()}.` };
  return { ok: true, year };
}

/** The query string of a download with these practice filters (only those in use). */
export function practiceFilterQuery(values: PracticeFilterValues): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of PRACTICE_FILTER_KEYS) if (values[key] !== "") query.set(key, values[key]);
  return query;
}

// ---------------------------------------------------------------------------------------------
// The datasets, with their Spanish headers

const yesNo = (value: boolean) => (value ? "Sí" : "No");
const limaDay = (iso: string | null) => (iso ? todayInLima(new Date(iso)) : null);
const limaTime = (iso: string | null) =>
  iso ? new Intl.DateTimeFormat("es-PE", { timeZone: "America/Lima", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso)) : null;

const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  advisory_personalizada: ADVISORY_TYPE_LABELS.personalizada,
  advisory_transferencia: ADVISORY_TYPE_LABELS.transferencia,
  event_intercambio: "Intercambio de buenas prácticas",
  event_webinar: EVENT_TYPE_LABELS.webinar,
  event_taller: EVENT_TYPE_LABELS.taller,
  event_pasantia: EVENT_TYPE_LABELS.pasantia,
  accompaniment_challenge: "Acompañamiento de un desafío",
  accompaniment_initiative: "Acompañamiento en el muro de iniciativas",
  transfer: "Proceso de transferencia",
};

async function practicesDataset(filters: PracticeExportFilters, origin: string): Promise<Dataset> {
  const rows = await listPracticesForExport(filters);
  return {
    fileName: `practicas-${todayInLima()}`,
    sheetName: "Prácticas",
    columns: [
      { header: "Título" },
      { header: "Región" },
      { header: "Macrorregión" },
      { header: "IGED que lidera" },
      { header: "Tipo de IGED" },
      { header: "Otras IGED" },
      { header: "Línea temática" },
      { header: "Estadio" },
      { header: "Estado" },
      { header: "Vigente" },
      { header: "Año de inicio", kind: "number" },
      { header: "Publicada el", kind: "date" },
      { header: "Visitas", kind: "number" },
      { header: "Retroalimentaciones", kind: "number" },
      { header: "Resumen" },
      { header: "Enlace" },
    ],
    rows: rows.map((p) => [
      p.title,
      p.regionName,
      p.macroregionName,
      p.leadIgedName,
      IGED_TYPE_LABELS[p.leadIgedType],
      p.otherIgeds.join("; "),
      p.thematicLineName ?? "",
      STAGE_LABELS[p.stage],
      STATUS_LABELS[p.status],
      yesNo(p.vigente),
      p.startYear,
      limaDay(p.publishedAt),
      p.visitCount,
      p.feedbackCount,
      p.summary,
      `${origin}/practicas/${p.slug}`,
    ]),
  };
}

async function membersDataset(year: number): Promise<Dataset> {
  const rows = await listMembersForExport(year);
  return {
    fileName: `miembros-${year}`,
    sheetName: `Miembros ${year}`,
    columns: [
      { header: "Nombre" },
      { header: "Correo" },
      { header: "Rol" },
      { header: "Cargo" },
      { header: "IGED" },
      { header: "Tipo de IGED" },
      { header: "Región" },
      { header: "Macrorregión" },
      { header: "Cuenta" },
      { header: "Visible en el ranking" },
      { header: "Registrado el", kind: "date" },
      { header: `Puntos ${year}`, kind: "number" },
      { header: "Puntos totales", kind: "number" },
      { header: `Escala ${year}` },
      { header: "Insignias", kind: "number" },
    ],
    rows: rows.map((m) => [
      m.name,
      m.email,
      ROLE_LABELS[m.role],
      m.position,
      m.igedName ?? "",
      m.igedType ? IGED_TYPE_LABELS[m.igedType] : "",
      m.regionName ?? "",
      m.macroregionName ?? "",
      m.active ? "Activa" : "Desactivada",
      yesNo(!m.hiddenFromRanking),
      limaDay(m.createdAt),
      m.yearPoints,
      m.totalPoints,
      m.tierName ?? "",
      m.badges,
    ]),
  };
}

async function activitiesDataset(year: number): Promise<Dataset> {
  const rows = await listActivitiesForExport(year);
  return {
    fileName: `actividades-${year}`,
    sheetName: `Actividades ${year}`,
    columns: [
      { header: "Fecha", kind: "date" },
      { header: "Tipo de actividad" },
      { header: "Actividad" },
      { header: "Práctica" },
      { header: "Región" },
      { header: "IGED" },
      { header: "Responsable" },
      { header: "Participantes", kind: "number" },
      { header: "Detalle" },
    ],
    rows: rows.map((a) => [a.date, ACTIVITY_LABELS[a.kind], a.title, a.practiceTitle ?? "", a.regionName ?? "", a.igedName ?? "", a.responsible ?? "", a.participants, a.detail]),
  };
}

async function advisoriesDataset(year: number): Promise<Dataset> {
  const rows = await listAdvisoriesForExport(year);
  return {
    fileName: `asesorias-${year}`,
    sheetName: `Asesorías ${year}`,
    columns: [
      { header: "Tipo" },
      { header: "Estado" },
      { header: "Práctica" },
      { header: "Región" },
      { header: "IGED" },
      { header: "Tema" },
      { header: "Modalidad" },
      { header: "Asesor" },
      { header: "Solicitada por" },
      { header: "Solicitada el", kind: "date" },
      { header: "Fecha", kind: "date" },
      { header: "Hora de inicio" },
      { header: "Hora de fin" },
      { header: "Serie" },
      { header: "Transferencia a" },
      { header: "Asistentes", kind: "number" },
      { header: "Compromisos", kind: "number" },
      { header: "Compromisos cumplidos", kind: "number" },
    ],
    rows: rows.map((a) => [
      ADVISORY_TYPE_LABELS[a.type],
      ADVISORY_STATUS_LABELS[a.status],
      a.practiceTitle,
      a.regionName,
      a.igedName,
      a.topic,
      MODALITY_LABELS[a.modality],
      a.advisorName ?? "",
      a.requestedByName,
      limaDay(a.createdAt),
      limaDay(a.startsAt),
      limaTime(a.startsAt),
      limaTime(a.endsAt),
      a.seriesTitle ?? "",
      a.transferReceivingIged ?? "",
      a.attendees,
      a.commitments,
      a.commitmentsDone,
    ]),
  };
}

async function transfersDataset(year: number): Promise<Dataset> {
  const rows = await listTransfersForExport(year);
  return {
    fileName: `transferencias-${year}`,
    sheetName: `Transferencias ${year}`,
    columns: [
      { header: "Práctica" },
      { header: "IGED de origen" },
      { header: "Región de origen" },
      { header: "IGED receptora" },
      { header: "Región receptora" },
      { header: "Etapa" },
      { header: "Estado" },
      { header: "Motivo del estado" },
      { header: "Solicitada por" },
      { header: "Solicitada el", kind: "date" },
      { header: "Último movimiento", kind: "date" },
      { header: "Completada el", kind: "date" },
      { header: "Asesorías sobre transferencia", kind: "number" },
    ],
    rows: rows.map((t) => [
      t.practiceTitle,
      t.sourceIgedName,
      t.sourceRegionName,
      t.receivingIgedName,
      t.receivingRegionName,
      TRANSFER_STAGE_LABELS[t.stage],
      TRANSFER_STATUS_LABELS[t.status],
      t.statusReason ?? "",
      t.requestedByName,
      limaDay(t.createdAt),
      limaDay(t.updatedAt),
      limaDay(t.completedAt),
      t.advisories,
    ]),
  };
}

async function attendanceDataset(filter: { year: number } | { eventId: number }): Promise<Dataset> {
  const rows = await listAttendanceForExport(filter);
  const name = "eventId" in filter ? `evento-${filter.eventId}` : String(filter.year);
  return {
    fileName: `asistencia-${name}`,
    sheetName: "eventId" in filter ? "Asistencia" : `Asistencia ${filter.year}`,
    columns: [
      { header: "Evento" },
      { header: "Tipo de evento" },
      { header: "Inicio", kind: "date" },
      { header: "Fin", kind: "date" },
      { header: "Miembro" },
      { header: "Correo" },
      { header: "Cargo" },
      { header: "IGED" },
      { header: "Tipo de IGED" },
      { header: "Región" },
      { header: "Inscripción" },
      { header: "Asistió" },
      { header: "Asistencia registrada por" },
      { header: "Inscrito el", kind: "date" },
    ],
    rows: rows.map((r) => [
      r.eventTitle,
      EVENT_TYPE_LABELS[r.eventType],
      r.startsOn,
      r.endsOn,
      r.memberName,
      r.email,
      r.position,
      r.igedName ?? "",
      r.igedType ? IGED_TYPE_LABELS[r.igedType] : "",
      r.regionName ?? "",
      REGISTRATION_STATUS_LABELS[r.status],
      yesNo(r.attended),
      r.attendanceSource === "lista" ? "Lista de DIFOCA" : r.attendanceSource === "codigo" ? "Código del día" : "",
      limaDay(r.registeredAt),
    ]),
  };
}

/**
 * /admin/exportes/:dataset?formato=csv|xlsx plus the dataset's filters: the file, or 404 for a
 * dataset that does not exist and 400 (with the reason in Spanish) for a format or filter that is
 * not valid. The caller has checked the permission.
 */
export async function downloadExport(request: Request, slug: string | undefined): Promise<Response> {
  if (!isExportDataset(slug)) throw notFound("No existe esa exportación.");
  const url = new URL(request.url);
  const params = url.searchParams;
  const format = params.get("formato") ?? "csv";
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) return badRequest({ message: "El formato debe ser «csv» o «xlsx»." });

  if (slug === "practicas") {
    const { filters, errors } = await readPracticeFilters(params);
    if (errors.length > 0) return badRequest({ message: errors.join(" ") });
    return exportResponse(await practicesDataset(filters, url.origin), format as ExportFormat);
  }
  if (slug === "asistencia" && params.has("evento")) {
    const raw = params.get("evento") ?? "";
    const eventId = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(eventId)) return badRequest({ message: "El evento debe indicarse con su número." });
    if (!(await eventExists(eventId))) throw notFound("No existe ese evento.");
    return exportResponse(await attendanceDataset({ eventId }), format as ExportFormat);
  }
  const year = readYear(params);
  if (!year.ok) return badRequest({ message: year.message });
  const build = { miembros: membersDataset, actividades: activitiesDataset, asesorias: advisoriesDataset, transferencias: transfersDataset, asistencia: (y: number) => attendanceDataset({ year: y }) }[slug];
  return exportResponse(await build(year.year), format as ExportFormat);
}
