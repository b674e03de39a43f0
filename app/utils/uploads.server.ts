// The one way files enter and leave the platform: reading multipart forms within a size limit,
// deciding a file's type by its content (never by its name alone), keeping it outside public/
// under a generated name, and the headers it is served with.
import { randomBytes } from "node:crypto";
import { mkdir, open, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Readable } from "node:stream";
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { databasePath } from "../../db/connection";
import { fileTypeLabel } from "~/components/evidence-list";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** A whole request may add the other fields and the multipart framing to one full file. */
const MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024;
const MAX_FILE_NAME_LENGTH = 200;

export const UPLOAD_ERRORS = {
  missing: "Elige un archivo para subir.",
  empty: "El archivo está vacío.",
  tooBig: "El archivo pesa más de 10 MB. Sube un archivo más liviano.",
  notAllowed:
    "Ese tipo de archivo no está permitido. Sube un PDF, una imagen (PNG, JPG, GIF, WEBP) o un documento de Office u OpenDocument.",
  mismatch: "El contenido del archivo no corresponde a su extensión.",
  nameTooLong: "El nombre del archivo tiene más de 200 caracteres. Ponle un nombre más corto y vuelve a subirlo.",
  unsafeName:
    "El nombre del archivo tiene caracteres no permitidos (barras, rutas de carpetas, caracteres de control o marcas invisibles). Cámbiale el nombre y vuelve a subirlo.",
  activeContent:
    "El archivo contiene código de página web o de programa (HTML o JavaScript) y no se puede subir. Vuelve a guardarlo como PDF o imagen desde el programa con que lo hiciste.",
  tooManyFiles: "Sube un archivo a la vez.",
  unreadable: "No pudimos leer el formulario enviado. Vuelve a cargar la página e inténtalo de nuevo.",
} as const;

/** Where uploaded files live: UPLOADS_DIR, or uploads/ beside the database (never under public/). */
export function uploadsDir(): string {
  if (process.env.UPLOADS_DIR) return resolve(process.env.UPLOADS_DIR);
  const db = databasePath();
  return join(db.endsWith(":memory:") ? resolve("data") : dirname(db), "uploads");
}

// ---------------------------------------------------------------------------------------------
// Reading the form

export type FormReadResult =
  | { ok: true; formData: FormData }
  /** `values` keeps the text fields read before the failure, so the form can show them again. */
  | { ok: false; error: string; values: Record<string, string> };

function isMultipart(request: Request): boolean {
  return /^multipart\/form-data\s*;/i.test(request.headers.get("Content-Type") ?? "");
}

/**
 * Reads a submitted form that may carry a file. Multipart bodies are read part by part, each
 * part held to MAX_UPLOAD_BYTES and the whole body to a little more; other bodies (a form
 * without a file) are read as usual. Oversized or malformed bodies come back as a Spanish
 * error for a 400, never as an exception.
 */
export async function readMultipartForm(request: Request): Promise<FormReadResult> {
  const declaredLength = Number(request.headers.get("Content-Length"));
  if (Number.isFinite(declaredLength) && declaredLength > MAX_REQUEST_BYTES) {
    return { ok: false, error: UPLOAD_ERRORS.tooBig, values: {} };
  }
  if (!isMultipart(request)) return readPlainForm(request);

  const values: Record<string, string> = {};
  const inMemory = unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES });
  let bodyBytes = 0;
  let fileParts = 0;
  // The per-part limit alone would let a body of many parts just under 10 MB each fill memory.
  async function* countBody(name: string, data: AsyncIterable<Uint8Array>) {
    for await (const chunk of data) {
      bodyBytes += chunk.byteLength;
      if (bodyBytes > MAX_REQUEST_BYTES) throw new MaxPartSizeExceededError(name, MAX_REQUEST_BYTES);
      yield chunk;
    }
  }
  const handler: UploadHandler = async (part) => {
    if (part.filename !== undefined) fileParts++;
    const value = await inMemory({ ...part, data: countBody(part.name, part.data) });
    if (typeof value === "string" && !(part.name in values)) values[part.name] = value;
    return value;
  };
  try {
    const names = watchFileNames(request);
    const formData = await unstable_parseMultipartFormData(names.request, handler);
    // Checked once the whole body is read, so that the form keeps what the person typed; the body
    // limit above already bounds what reading it all held in memory. Every form of the platform
    // has one file field: more files is not a person using it.
    if (names.withFolders()) return { ok: false, error: UPLOAD_ERRORS.unsafeName, values };
    if (fileParts > 1) return { ok: false, error: UPLOAD_ERRORS.tooManyFiles, values };
    return { ok: true, formData };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, error: UPLOAD_ERRORS.tooBig, values };
    // Anything else here is a body the parser could not read (truncated, no boundary...).
    return { ok: false, error: UPLOAD_ERRORS.unreadable, values };
  }
}

// A part's file name as the browser sent it. Remix's reader keeps only the last segment of a name
// with a path (RFC 7578), so a name like "../../etc/passwd.pdf" must be caught in the raw bytes.
const RAW_FILE_NAME = /content-disposition:[^\r\n]*?\bfilename="([^"\r\n]*)"/gi;
// The longest part-header line looked at across two chunks of the body.
const HEADER_OVERLAP = 4096;

/**
 * The same request, watched for a part whose file name carries a folder path: browsers send
 * only the name, so such a name is someone probing the server.
 */
function watchFileNames(request: Request): { request: Request; withFolders: () => boolean } {
  let withFolders = false;
  if (!request.body) return { request, withFolders: () => withFolders };
  let tail = "";
  const watch = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      const text = tail + latin1(chunk);
      for (const match of text.matchAll(RAW_FILE_NAME)) if (/[/\\]/.test(match[1]!)) withFolders = true;
      tail = text.slice(-HEADER_OVERLAP);
      controller.enqueue(chunk);
    },
  });
  const watched = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body.pipeThrough(watch),
    duplex: "half",
  } as RequestInit);
  return { request: watched, withFolders: () => withFolders };
}

async function readPlainForm(request: Request): Promise<FormReadResult> {
  try {
    return { ok: true, formData: await request.formData() };
  } catch {
    return { ok: false, error: UPLOAD_ERRORS.unreadable, values: {} };
  }
}

// ---------------------------------------------------------------------------------------------
// Deciding the type by content

export interface DetectedFileType {
  mime: string;
  /** The extension stored files of this type get. */
  extension: string;
  /** Spanish, for people: "PDF", "Documento Word"... */
  label: string;
}

const TYPES = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
} as const;
type Extension = keyof typeof TYPES;

/** Extensions a person may give each type; any other known one contradicts the content. */
const EXTENSION_ALIASES: Record<string, Extension> = { jpeg: "jpg", jpe: "jpg" };

// Images open in the browser under a sandbox policy. PDFs are downloaded: browsers refuse to run
// their PDF viewer under `sandbox`, and a PDF opened without it could run its own scripts.
const INLINE_MIME_TYPES = new Set<string>([TYPES.png, TYPES.jpg, TYPES.gif, TYPES.webp]);
const ACCEPTED_MIME_TYPES = new Set<string>(Object.values(TYPES));

function typeOf(extension: Extension): DetectedFileType {
  return { mime: TYPES[extension], extension, label: fileTypeLabel(TYPES[extension]) };
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");

const PDF = ascii("%PDF-");
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii("GIF87a");
const GIF89 = ascii("GIF89a");
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The extension of a file name, lower case, without the dot ("" when it has none). */
export function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return match ? match[1]!.toLowerCase() : "";
}

/**
 * The type of a file by its first bytes (and, for ZIP-based formats, its entry names), or null
 * when the platform does not accept it. Legacy Office files share their container with other
 * formats (MSI installers, Outlook messages), so for them the name's extension must say which.
 */
export function detectFileType(bytes: Uint8Array, fileName = ""): DetectedFileType | null {
  if (startsWith(bytes, PDF)) return typeOf("pdf");
  if (startsWith(bytes, PNG)) return typeOf("png");
  if (startsWith(bytes, JPEG)) return typeOf("jpg");
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) return typeOf("gif");
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return typeOf("webp");
  if (startsWith(bytes, ZIP)) return detectZipDocument(bytes);
  if (startsWith(bytes, OLE)) {
    const extension = extensionOf(fileName);
    return extension === "doc" || extension === "xls" || extension === "ppt" ? typeOf(extension) : null;
  }
  return null;
}

const ODF_TYPES: Record<string, Extension> = {
  [TYPES.odt]: "odt",
  [TYPES.ods]: "ods",
  [TYPES.odp]: "odp",
};

/** Office Open XML or OpenDocument; any other ZIP (an archive, a Java program) is refused. */
function detectZipDocument(bytes: Uint8Array): DetectedFileType | null {
  const odf = openDocumentMimetype(bytes);
  if (odf !== null) return ODF_TYPES[odf] ? typeOf(ODF_TYPES[odf]) : null;

  const names = zipEntryNames(bytes);
  if (!names.includes("[Content_Types].xml")) return null;
  const families = (["docx", "xlsx", "pptx"] as const).filter((ext) => {
    const folder = { docx: "word/", xlsx: "xl/", pptx: "ppt/" }[ext];
    return names.some((name) => name.startsWith(folder));
  });
  return families.length === 1 ? typeOf(families[0]!) : null;
}

/**
 * OpenDocument files start with an uncompressed entry named "mimetype" holding their type
 * (the format requires it first, so that this check works).
 */
function openDocumentMimetype(bytes: Uint8Array): string | null {
  if (bytes.length < 30) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const method = view.getUint16(8, true);
  const dataLength = view.getUint32(18, true);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  const nameStart = 30;
  if (nameLength !== 8 || latin1(bytes.subarray(nameStart, nameStart + 8)) !== "mimetype") return null;
  if (method !== 0 || dataLength > 100) return "";
  const dataStart = nameStart + nameLength + extraLength;
  return latin1(bytes.subarray(dataStart, dataStart + dataLength));
}

/** The entry names of a ZIP, from its central directory (what unzip tools trust). */
function zipEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is the last 22 bytes plus a comment of up to 64 KiB.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return [];
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return [];
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    names.push(latin1(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// File names

// Control characters and the invisible marks that reorder text ("informe\u202Efdp.exe").
const UNSAFE_NAME_CHARS = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

// What a file name a person gives never holds: folders, control characters, text-reordering marks.
const REFUSED_NAME_CHARS = /[/\\\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** A person's file name made safe to show and to offer back: its last segment, printable, ≤ 200. */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const clean = base.normalize("NFC").replace(UNSAFE_NAME_CHARS, "").replace(/\s+/g, " ").trim();
  return clean.slice(0, MAX_FILE_NAME_LENGTH).trim();
}

/**
 * The name offered back for a stored file. An extension of an accepted type that is not this
 * type's was already refused; any other extension (".html", ".exe", none) gets the right one
 * added, so a saved copy never opens as something else.
 */
function displayName(sanitized: string, type: DetectedFileType): string {
  const declared = extensionOf(sanitized);
  if (declared && (EXTENSION_ALIASES[declared] ?? declared) === type.extension) return sanitized;
  const stem = sanitized || "archivo";
  return `${stem.slice(0, MAX_FILE_NAME_LENGTH - type.extension.length - 1)}.${type.extension}`;
}

// ---------------------------------------------------------------------------------------------
// Polyglots

// Markup a browser would run if it ever read the file as a page, script a page could load from it,
// and PDF actions that run JavaScript. Files with any of them are polyglots, not evidence. The
// patterns are long enough that the compressed data of a real image or PDF does not hold them by chance.
const HTML_MARKUP = /<\s*(?:script|html|body|head|iframe|frame|svg|object|embed|img|meta|link|style|form|base|!doctype)\b/i;
const SCRIPT_CALLS = /\b(?:alert|eval|prompt|fetch|atob|importScripts|setTimeout)\(|\bdocument\.(?:cookie|write|location|domain|body)\b|\bwindow\.(?:location|open|name)\b|javascript:/;
const PDF_SCRIPT = /\/(?:JavaScript|JS|Launch|RichMedia)(?![A-Za-z0-9])/;

/**
 * True when a PDF or an image also holds HTML or JavaScript (an HTML page after a PDF header, a
 * GIF that is also a script, a JPEG comment with a page). Such files are served safely anyway
 * (downloadHeaders), but they have no place among the evidence. Office documents are compressed
 * XML and are always downloaded, so they are not looked into.
 */
export function holdsActiveContent(bytes: Uint8Array, type: DetectedFileType): boolean {
  if (type.mime !== TYPES.pdf && !INLINE_MIME_TYPES.has(type.mime)) return false;
  const text = latin1(bytes);
  if (HTML_MARKUP.test(text) || SCRIPT_CALLS.test(text)) return true;
  return type.mime === TYPES.pdf && PDF_SCRIPT.test(text);
}

function contradictsContent(fileName: string, type: DetectedFileType): boolean {
  const declared = extensionOf(fileName);
  const known = EXTENSION_ALIASES[declared] ?? declared;
  return known in TYPES && known !== type.extension;
}

// ---------------------------------------------------------------------------------------------
// Storing and reading back

export type StoredUpload = { ok: true; storedName: string; fileName: string; mime: string; size: number } | { ok: false; error: string };

const STORED_NAME = new RegExp(`^[0-9a-f]{32}\\.(?:${Object.keys(TYPES).join("|")})$`);

export function isStoredName(storedName: string): boolean {
  return STORED_NAME.test(storedName);
}

/**
 * Checks an uploaded file (present, not empty, within the limit, an accepted type whose name
 * does not contradict it) and writes it under a random name. The person's file name is kept
 * only as text, never used in the path.
 */
export async function storeUpload(file: FormDataEntryValue | null | undefined): Promise<StoredUpload> {
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) return { ok: false, error: UPLOAD_ERRORS.missing };
  if (file.size === 0) return { ok: false, error: UPLOAD_ERRORS.empty };
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, error: UPLOAD_ERRORS.tooBig };
  if (file.name.length > MAX_FILE_NAME_LENGTH) return { ok: false, error: UPLOAD_ERRORS.nameTooLong };
  if (REFUSED_NAME_CHARS.test(file.name)) return { ok: false, error: UPLOAD_ERRORS.unsafeName };

  const bytes = new Uint8Array(await file.arrayBuffer());
  const fileName = sanitizeFileName(file.name);
  const type = detectFileType(bytes, fileName);
  if (!type) return { ok: false, error: UPLOAD_ERRORS.notAllowed };
  if (contradictsContent(fileName, type)) return { ok: false, error: UPLOAD_ERRORS.mismatch };
  if (holdsActiveContent(bytes, type)) return { ok: false, error: UPLOAD_ERRORS.activeContent };

  const storedName = `${randomBytes(16).toString("hex")}.${type.extension}`;
  const dir = uploadsDir();
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, storedName), bytes, { flag: "wx", mode: 0o640 });
  return { ok: true, storedName, fileName: displayName(fileName, type), mime: type.mime, size: bytes.byteLength };
}

/** A stored file to stream, or null when the name is not one the platform made or the file is gone. */
export async function readStoredUpload(storedName: string): Promise<{ stream: Readable; size: number } | null> {
  if (!isStoredName(storedName)) return null;
  try {
    const handle = await open(join(uploadsDir(), storedName), "r");
    const { size } = await handle.stat();
    return { stream: handle.createReadStream(), size };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** Removes a stored file; a name the platform did not make is ignored. */
export async function deleteStoredUpload(storedName: string): Promise<void> {
  if (!isStoredName(storedName)) return;
  await rm(join(uploadsDir(), storedName), { force: true });
}

// ---------------------------------------------------------------------------------------------
// Serving

/** `filename*` as RFC 5987 wants it: UTF-8, percent-encoded, including the characters encodeURIComponent leaves. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The plain-ASCII `filename` for old clients: accents dropped, anything else unusual made "_". */
function asciiFileName(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._ ()-]/g, "_");
}

/**
 * Headers for serving a stored file: its own type, never sniffed; shown in the browser only
 * for PDFs and images; and a sandbox, so that even a file that fooled the checks cannot run
 * script with the platform's origin.
 */
export function downloadHeaders(file: { mimeType: string | null; fileName: string; size: number }): Headers {
  const mime = file.mimeType && ACCEPTED_MIME_TYPES.has(file.mimeType) ? file.mimeType : "application/octet-stream";
  const disposition = INLINE_MIME_TYPES.has(mime) ? "inline" : "attachment";
  return new Headers({
    "Content-Type": mime,
    "Content-Length": String(file.size),
    "Content-Disposition": `${disposition}; filename="${asciiFileName(file.fileName)}"; filename*=UTF-8''${rfc5987(file.fileName)}`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox; default-src 'none'",
    "Cache-Control": "private, max-age=300",
  });
}
