// The one module that writes PDFs: the systematization report of an event, laid out with pdfkit
// and its standard Helvetica (no font files to ship). Standard fonts speak WinAnsi only, which
// covers Spanish (á é í ó ú ñ ü ¿ ¡ « » “ ” – — …); anything else is replaced before it reaches
// pdfkit, which would otherwise print garbage. Markdown becomes plain paragraphs and bullet lists.
// See docs/decisions/010-report-pdf.md.
import { Marked, type Token, type Tokens } from "marked";
import type PDFDocument from "pdfkit";
import type { ReportDocument, ReportPractice } from "~/utils/event-report.server";

// ---------------------------------------------------------------------------------------------
// Text the standard fonts can print

/** The characters of WinAnsi beyond Latin-1 (pdfkit maps them to their WinAnsi codes). */
const WIN_ANSI_EXTRA = new Set("ƒ–—‘’‚“”„†‡•…€‰‹›ˆ™ŒœŠšŸŽž˜");

/** Common characters outside WinAnsi, and what stands for them on paper. */
const REPLACEMENTS: Record<string, string> = {
  "→": "->",
  "←": "<-",
  "↔": "<->",
  "⇒": "=>",
  "≥": ">=",
  "≤": "<=",
  "≠": "!=",
  "≈": "~",
  "−": "-",
  "‐": "-",
  "‑": "-",
  "‒": "-",
  "―": "—",
  "′": "'",
  "″": '"',
  "✓": "x",
  "✔": "x",
  "✗": "x",
  "●": "•",
  "▪": "•",
  "◦": "•",
  "\u2028": "\n",
  "\u2029": "\n",
};

const isWinAnsi = (code: number) => (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff);

/** Text the standard PDF fonts can print: NFC, with the rest replaced, spaced or dropped. */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0)!;
    if (char === "\n") out += "\n";
    else if (char === "\t" || /\p{Zs}/u.test(char)) out += code === 0xa0 ? char : " ";
    else if (isWinAnsi(code) || WIN_ANSI_EXTRA.has(char)) out += char;
    else if (char in REPLACEMENTS) out += REPLACEMENTS[char];
    // Control and format characters, emoji, stray combining marks: nothing to print.
    else if (/[\p{Cc}\p{Cf}\p{M}\p{Extended_Pictographic}]/u.test(char)) continue;
    else {
      // A letter with a mark Latin-1 lacks ("ő", "ș") keeps its base letter.
      const base = char.normalize("NFKD").replace(/\p{M}/gu, "");
      out += base && [...base].every((c) => isWinAnsi(c.codePointAt(0)!)) ? base : "?";
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Markdown as paragraphs and lists

export type TextBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "item"; text: string; marker: string; level: number };

// The site renders single line breaks as breaks (markdown.server.ts): so does the PDF.
const markdown = new Marked({ gfm: true, breaks: true });

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** marked keeps the entities a member typed; on paper they are their characters. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function inlineText(tokens: Token[] | undefined): string {
  let out = "";
  for (const token of tokens ?? []) {
    switch (token.type) {
      case "br":
        out += "\n";
        break;
      case "html":
        break;
      case "link": {
        const text = inlineText(token.tokens);
        const href = (token as Tokens.Link).href;
        // On paper a link is only useful with its address.
        out += /^https?:\/\//i.test(href) && text !== href ? `${text} (${href})` : text;
        break;
      }
      case "image":
        out += token.text ? `[${decodeEntities(token.text)}]` : "";
        break;
      case "codespan":
      case "escape":
        out += decodeEntities(token.text);
        break;
      default:
        out += "tokens" in token && token.tokens ? inlineText(token.tokens) : "text" in token ? decodeEntities(String(token.text)) : "";
    }
  }
  return out;
}

function listBlocks(list: Tokens.List, level: number): TextBlock[] {
  const blocks: TextBlock[] = [];
  list.items.forEach((item, index) => {
    const marker = list.ordered ? `${Number(list.start || 1) + index}.` : "•";
    let first = true;
    for (const token of item.tokens) {
      if (token.type === "list") {
        blocks.push(...listBlocks(token as Tokens.List, level + 1));
      } else if (token.type === "text" || token.type === "paragraph") {
        const text = inlineText((token as Tokens.Text).tokens ?? [{ type: "text", raw: token.raw, text: (token as Tokens.Text).text }] as Token[]).trim();
        if (text) blocks.push({ kind: "item", text, marker: first ? marker : "", level });
        first = false;
      } else {
        for (const inner of tokenBlocks([token], level + 1)) blocks.push(inner);
      }
    }
  });
  return blocks;
}

function tokenBlocks(tokens: Token[], level = 0): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case "paragraph":
      case "text": {
        const text = inlineText((token as Tokens.Paragraph).tokens ?? []).trim() || decodeEntities((token as Tokens.Text).text ?? "").trim();
        if (text) blocks.push({ kind: "paragraph", text });
        break;
      }
      case "heading": {
        const text = inlineText((token as Tokens.Heading).tokens).trim();
        if (text) blocks.push({ kind: "heading", text });
        break;
      }
      case "list":
        blocks.push(...listBlocks(token as Tokens.List, level));
        break;
      case "blockquote":
        blocks.push(...tokenBlocks((token as Tokens.Blockquote).tokens, level));
        break;
      case "code":
        if (token.text.trim()) blocks.push({ kind: "paragraph", text: token.text });
        break;
      case "table": {
        const table = token as Tokens.Table;
        for (const row of [table.header, ...table.rows]) {
          blocks.push({ kind: "paragraph", text: row.map((cell) => inlineText(cell.tokens).trim()).join(" | ") });
        }
        break;
      }
      default:
        // space, hr and raw HTML blocks print nothing.
        break;
    }
  }
  return blocks;
}

/** A member's markdown as paragraphs, headings and list items of plain text. */
export function markdownBlocks(source: string): TextBlock[] {
  return tokenBlocks(markdown.lexer(source ?? ""));
}

// ---------------------------------------------------------------------------------------------
// Layout

const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";
const ITALIC = "Helvetica-Oblique";
const TEXT_COLOR = "#1c2530";
const MUTED = "#4a5664";
const PRIMARY = "#0b4f7c";
const BODY_SIZE = 10.5;
const MARGINS = { top: 70, bottom: 70, left: 64, right: 64 };

type Doc = PDFKit.PDFDocument;

interface Contents {
  label: string;
  page: number;
}

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** A new page unless `height` still fits on this one. */
function keepSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function paragraph(doc: Doc, text: string, options: { font?: string; size?: number; color?: string; gap?: number; indent?: number } = {}): void {
  const indent = options.indent ?? 0;
  doc
    .font(options.font ?? FONT)
    .fontSize(options.size ?? BODY_SIZE)
    .fillColor(options.color ?? TEXT_COLOR)
    .text(toWinAnsi(text), doc.page.margins.left + indent, doc.y, { width: contentWidth(doc) - indent, lineGap: 2, paragraphGap: options.gap ?? 6 });
}

/** A heading never ends a page: it keeps a few lines of what follows with it. */
function heading(doc: Doc, text: string, level: 1 | 2 | 3): void {
  const size = level === 1 ? 17 : level === 2 ? 12.5 : 11;
  doc.font(BOLD).fontSize(size);
  const height = doc.heightOfString(toWinAnsi(text), { width: contentWidth(doc) });
  keepSpace(doc, height + 4 * BODY_SIZE * 1.4);
  if (level === 2 && doc.y > doc.page.margins.top) doc.moveDown(0.4);
  paragraph(doc, text, { font: BOLD, size, color: level === 3 ? TEXT_COLOR : PRIMARY, gap: level === 1 ? 10 : 4 });
}

function item(doc: Doc, text: string, marker: string, level = 0): void {
  const left = doc.page.margins.left;
  const indent = 16 * (level + 1);
  doc.font(FONT).fontSize(BODY_SIZE).fillColor(TEXT_COLOR);
  keepSpace(doc, doc.currentLineHeight(true) * 1.5);
  const y = doc.y;
  if (marker) {
    const mark = toWinAnsi(marker);
    doc.text(mark, left + indent - 5 - doc.widthOfString(mark), y, { lineBreak: false });
  }
  doc.text(toWinAnsi(text), left + indent, y, { width: contentWidth(doc) - indent, lineGap: 2, paragraphGap: 4 });
  doc.x = left;
}

function blocks(doc: Doc, source: string): void {
  const parsed = markdownBlocks(source);
  if (parsed.length === 0) {
    paragraph(doc, "Sin información registrada.", { color: MUTED, font: ITALIC });
    return;
  }
  for (const block of parsed) {
    if (block.kind === "heading") paragraph(doc, block.text, { font: BOLD, gap: 3 });
    else if (block.kind === "item") item(doc, block.text, block.marker, block.level);
    else paragraph(doc, block.text);
  }
  doc.moveDown(0.3);
}

function bulletList(doc: Doc, items: string[], empty: string): void {
  if (items.length === 0) paragraph(doc, empty, { color: MUTED, font: ITALIC });
  for (const text of items) item(doc, text, "•");
  doc.moveDown(0.3);
}

function fact(doc: Doc, label: string, value: string | null): void {
  if (!value) return;
  doc.font(BOLD).fontSize(11).fillColor(TEXT_COLOR).text(toWinAnsi(`${label}: `), doc.page.margins.left, doc.y, { continued: true, lineGap: 3 });
  doc.font(FONT).text(toWinAnsi(value), { lineGap: 3 });
}

function coverPage(doc: Doc, report: ReportDocument, contents: Contents[] | null): void {
  paragraph(doc, "Comunidad de Práctica de Gestión Educativa", { size: 10, color: MUTED, gap: 2 });
  paragraph(doc, "Ministerio de Educación del Perú · Dirección de Fortalecimiento de Capacidades (DIFOCA)", { size: 10, color: MUTED, gap: 30 });
  paragraph(doc, "Reporte de sistematización", { font: BOLD, size: 26, color: PRIMARY, gap: 8 });
  paragraph(doc, report.eventTitle, { font: BOLD, size: 16, gap: 18 });
  fact(doc, "Tipo de evento", report.typeLabel);
  fact(doc, "Fechas", report.dates);
  fact(doc, "Lugar", report.place);
  fact(doc, "Modalidad", report.modalityLabel);
  fact(doc, "Región anfitriona", report.hostRegionName);
  fact(doc, "Macrorregión", report.macroregionName);
  doc.moveDown(1);
  paragraph(doc, `Reporte generado el ${report.generatedOn} a partir de los datos registrados en la plataforma.`, { size: 9, color: MUTED, gap: 24 });

  // The contents: page numbers are known only after the layout, so the first pass leaves them blank.
  heading(doc, "Índice", 2);
  const left = doc.page.margins.left;
  const numberWidth = 36;
  const entries = contents ?? [];
  for (const [index, entry] of entries.entries()) {
    const label = toWinAnsi(entry.label);
    // The practices sit between the presentation and the testimonials, in regular type.
    doc.font(index > 0 && index < entries.length - 1 ? FONT : BOLD).fontSize(10).fillColor(TEXT_COLOR);
    const y = doc.y;
    doc.text(entry.page > 0 ? String(entry.page) : "", left + contentWidth(doc) - numberWidth, y, { width: numberWidth, align: "right", lineBreak: false });
    doc.text(label, left, y, { width: contentWidth(doc) - numberWidth - 12, lineGap: 2, paragraphGap: 3 });
  }
  doc.x = left;
}

function summaryPages(doc: Doc, report: ReportDocument, pages: Contents[]): void {
  doc.addPage();
  pages.push({ label: "Presentación", page: doc.bufferedPageRange().count });
  doc.outline.addItem("Presentación");
  heading(doc, "Presentación", 1);
  for (const text of report.presentation) paragraph(doc, text);

  heading(doc, report.type === "intercambio" ? "Resumen del intercambio" : "Resumen del evento", 2);
  paragraph(doc, report.participantsLine, { font: BOLD });
  if (report.participantRegions.length > 0) {
    heading(doc, "Participantes por región", 3);
    bulletList(
      doc,
      report.participantRegions.map((r) => `${r.name}: ${r.count === 1 ? "1 participante" : `${r.count.toLocaleString("es-PE")} participantes`}`),
      "",
    );
  }
  if (report.invitedRegions.length > 0) {
    heading(doc, "Regiones invitadas", 3);
    paragraph(doc, `${report.invitedRegions.join(", ")}.`);
  }
  heading(doc, "IGED presentes", 3);
  if (report.igedGroups.length === 0) paragraph(doc, "No se registraron IGED entre los asistentes.");
  for (const group of report.igedGroups) {
    paragraph(doc, `${group.label} (${group.names.length})`, { font: BOLD, gap: 2 });
    paragraph(doc, group.names.join(", "));
  }
  heading(doc, "Directores presentes", 3);
  bulletList(
    doc,
    report.directors.map((d) => `${d.name}, ${d.position}${d.igedName && !d.position.includes(d.igedName) ? ` (${d.igedName})` : ""}`),
    "No se registraron directores entre los asistentes.",
  );
}

function practicePage(doc: Doc, practice: ReportPractice, pages: Contents[]): void {
  doc.addPage();
  pages.push({ label: `${practice.number}. Región ${practice.regionName}: ${practice.title}`, page: doc.bufferedPageRange().count });
  doc.outline.addItem(toWinAnsi(`${practice.number}. ${practice.title}`));
  paragraph(doc, `${practice.number}. Región ${practice.regionName}`.toLocaleUpperCase("es-PE"), { font: BOLD, size: 10, color: PRIMARY, gap: 4 });
  paragraph(doc, practice.title, { font: BOLD, size: 16, gap: 6 });
  paragraph(doc, practice.igeds.join(", "), { color: MUTED, gap: 4 });
  doc.font(FONT).fontSize(9).fillColor(PRIMARY).text(toWinAnsi(`Conoce más sobre esta buena práctica: ${practice.url}`), doc.page.margins.left, doc.y, {
    width: contentWidth(doc),
    link: practice.url,
    underline: true,
    paragraphGap: 8,
  });

  heading(doc, "Problema", 2);
  blocks(doc, practice.problem);
  heading(doc, "Estrategia", 2);
  blocks(doc, practice.strategy);
  heading(doc, "Resultados", 2);
  blocks(doc, practice.results);

  heading(doc, "Información relevante del experto comentarista", 2);
  if (practice.feedback.length === 0) {
    if (practice.commentatorName) paragraph(doc, `Experto comentarista: ${practice.commentatorName}.`);
    paragraph(doc, "Sin retroalimentación registrada en el evento.", { font: ITALIC, color: MUTED });
    return;
  }
  for (const entry of practice.feedback) {
    doc.font(BOLD).fontSize(BODY_SIZE);
    keepSpace(doc, 60);
    paragraph(doc, `Experto invitado: ${entry.authorName}${entry.authorPosition ? `, ${entry.authorPosition}` : ""}`, { font: BOLD });
    heading(doc, "Aspecto clave de la práctica", 3);
    blocks(doc, entry.keyAspects);
    heading(doc, "Oportunidades de mejora", 3);
    bulletList(doc, entry.opportunities, "No se registraron oportunidades de mejora.");
    heading(doc, "Recomendaciones para la sostenibilidad y réplica", 3);
    bulletList(doc, entry.recommendations, "No se registraron recomendaciones.");
  }
}

function testimonialPages(doc: Doc, report: ReportDocument, pages: Contents[]): void {
  doc.addPage();
  pages.push({ label: "Testimonios", page: doc.bufferedPageRange().count });
  doc.outline.addItem("Testimonios");
  heading(doc, "Testimonios", 1);
  if (report.testimonials.length === 0) paragraph(doc, "No se registraron testimonios de los participantes.");
  const width = contentWidth(doc) - 16;
  for (const t of report.testimonials) {
    const quote = toWinAnsi(`“${t.text}”`);
    const by = toWinAnsi([t.name, t.position, t.igedName].filter(Boolean).join(" · "));
    // A testimonial stays on one page whenever it fits on one.
    const height = doc.font(ITALIC).fontSize(BODY_SIZE).heightOfString(quote, { width, lineGap: 2 }) + doc.font(BOLD).fontSize(9.5).heightOfString(by, { width }) + 24;
    keepSpace(doc, Math.min(height, bottom(doc) - doc.page.margins.top));
    const top = doc.y;
    paragraph(doc, quote, { font: ITALIC, indent: 16, gap: 4 });
    paragraph(doc, by, { font: BOLD, size: 9.5, indent: 16, color: MUTED, gap: 0 });
    if (doc.y > top) {
      doc.save().moveTo(doc.page.margins.left + 4, top).lineTo(doc.page.margins.left + 4, doc.y).lineWidth(2).strokeColor("#c9d2dc").stroke().restore();
    }
    doc.moveDown(1);
  }
}

/** Running head (not on the cover) and "Página N de M" on every page, written once all pages exist. */
function headersAndFooters(doc: Doc, report: ReportDocument): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Writing in the margins must not make pdfkit open a new page.
    const margins = { ...doc.page.margins };
    doc.page.margins.bottom = 0;
    doc.page.margins.top = 0;
    const left = margins.left;
    const width = doc.page.width - margins.left - margins.right;
    if (index > range.start) {
      doc.font(FONT).fontSize(8).fillColor(MUTED);
      let head = toWinAnsi(report.title);
      while (head.length > 10 && doc.widthOfString(head) > width) head = `${head.slice(0, -2).trimEnd()}…`;
      doc.text(head, left, 36, { width, lineBreak: false });
      doc.save().moveTo(left, 50).lineTo(left + width, 50).lineWidth(0.5).strokeColor("#c9d2dc").stroke().restore();
    }
    doc.font(FONT).fontSize(8.5).fillColor(MUTED).text(`Página ${index - range.start + 1} de ${range.count}`, left, doc.page.height - 44, { width, align: "center", lineBreak: false });
    doc.page.margins = margins;
  }
}

function layout(doc: Doc, report: ReportDocument, contents: Contents[] | null): Contents[] {
  const pages: Contents[] = [];
  coverPage(doc, report, contents);
  summaryPages(doc, report, pages);
  for (const practice of report.practices) practicePage(doc, practice, pages);
  testimonialPages(doc, report, pages);
  headersAndFooters(doc, report);
  return pages;
}

function newDocument(PDF: typeof PDFDocument, report: ReportDocument, compress: boolean): Doc {
  return new PDF({
    size: "A4",
    margins: MARGINS,
    bufferPages: true,
    compress,
    lang: "es-PE",
    displayTitle: true,
    info: {
      Title: toWinAnsi(report.title),
      Author: "Comunidad de Práctica de Gestión Educativa - MINEDU, DIFOCA",
      Subject: toWinAnsi(`Prácticas presentadas, retroalimentación de expertos y testimonios: ${report.eventTitle}`),
      Keywords: "buenas prácticas de gestión educativa, sistematización, intercambio",
      Creator: "Comunidad de Práctica de Gestión Educativa",
    },
  });
}

/**
 * The report as a PDF: a cover with its contents, the presentation and summary, one page (or more)
 * per practice, the testimonials. `compress: false` leaves the text readable in the bytes (tests).
 */
export async function renderEventReportPdf(report: ReportDocument, options: { compress?: boolean } = {}): Promise<Uint8Array<ArrayBuffer>> {
  // First pass: where each part starts. The cover's contents take the same room in both passes,
  // so the second pass lands every part on the same page and can print its number.
  // Loaded on first use: pdfkit takes about a second to load, which every server start would wait for.
  const { default: PDF } = await import("pdfkit");
  const draft = newDocument(PDF, report, false);
  const pages = layout(draft, report, [{ label: "Presentación", page: 0 }, ...report.practices.map((p) => ({ label: `${p.number}. Región ${p.regionName}: ${p.title}`, page: 0 })), { label: "Testimonios", page: 0 }]);
  draft.end();

  const doc = newDocument(PDF, report, options.compress ?? true);
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  layout(doc, report, pages);
  doc.end();
  return done;
}
