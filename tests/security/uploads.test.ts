// Upload abuse: oversized files, wrong magic bytes, polyglots, path-traversal names, empty files and
// many files at once, through the one upload handler and through every route that accepts a file.
// Each is refused with a Spanish message and a 400 (413 at the server's door), and nothing is
// written: no row and no new file anywhere under the data folder. What is accepted is served so
// that it can never render as a page.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { listEvidence } from "~/models/evidence.server";
import { getIgedByName } from "~/models/iged.server";
import { changePracticeStage, createPractice, type PracticeCore } from "~/models/practice.server";
import { getTransfer, requestTransfer } from "~/models/transfer.server";
import { loader as downloadEvidence } from "~/routes/evidencias.$id";
import { action as evidenceAction } from "~/routes/practicas.$slug.evidencias";
import { action as transferAction } from "~/routes/transferencias.$id._index";
import { loader as downloadTransferEvidence } from "~/routes/transferencias.$id.evidencias.$evidenceId";
import { todayInLima } from "~/utils/dates";
import { downloadHeaders, MAX_UPLOAD_BYTES, readMultipartForm, storeUpload, UPLOAD_ERRORS } from "~/utils/uploads.server";
import { createMember } from "../factories/members";
import { publishedPractice } from "../factories/practices";
import { BASE, context, getRequest, respond, sessionCookieFor } from "../setup/requests";
import { refuseLargeBodies } from "../../server/security.mjs";

// Uploads go to a folder of their own inside a root we can list entirely, so that a file written
// anywhere near it (a traversal to the parent) would show.
const root = mkdtempSync(join(tmpdir(), "cop-upload-abuse-"));
process.env.UPLOADS_DIR = join(root, "data", "uploads");
afterAll(() => {
  delete process.env.UPLOADS_DIR;
  rmSync(root, { recursive: true, force: true });
});

/** Every file under the root, with its path: before and after must be equal when nothing is written. */
function everyFile(dir = root): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p)))));

const PDF = bytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF\n");
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0");
const JPEG_START = [0xff, 0xd8, 0xff, 0xe0];

type Case = [description: string, file: () => File, error: string];

/** Files no member may upload, each with the message they must get. */
const REFUSED: Case[] = [
  // Size
  ["a file of 10 MB and one byte", () => new File([new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x25)], "escaneo.pdf"), UPLOAD_ERRORS.tooBig],
  ["an empty file", () => new File([], "vacio.pdf"), UPLOAD_ERRORS.empty],
  // Wrong magic bytes
  ["a PNG named .pdf", () => new File([PNG], "informe.pdf"), UPLOAD_ERRORS.mismatch],
  ["a Windows program renamed .pdf", () => new File([bytes("MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff")], "informe.pdf"), UPLOAD_ERRORS.notAllowed],
  ["a Linux program renamed .jpg", () => new File([bytes("\x7fELF\x02\x01\x01\0")], "foto.jpg"), UPLOAD_ERRORS.notAllowed],
  ["an HTML page renamed .pdf", () => new File(["<!doctype html><script>alert(1)</script>"], "acta.pdf"), UPLOAD_ERRORS.notAllowed],
  ["an SVG with a script", () => new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], "logo.svg"), UPLOAD_ERRORS.notAllowed],
  ["an SVG renamed .png", () => new File(['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'], "logo.png"), UPLOAD_ERRORS.notAllowed],
  // Polyglots
  [
    "a PDF header followed by an HTML page",
    () => new File([bytes("%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF")], "informe.pdf"),
    UPLOAD_ERRORS.activeContent,
  ],
  [
    "a PDF that runs JavaScript when opened",
    () => new File([bytes("%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.launchURL\\(1\\)) >> >> endobj\n%%EOF")], "informe.pdf"),
    UPLOAD_ERRORS.activeContent,
  ],
  [
    "a GIF that is also a script",
    () => new File([bytes("GIF89a/*", [0x01, 0x00, 0x80, 0x00, 0x00], "*/=alert(document.domain);//", [0x3b])], "grafico.gif"),
    UPLOAD_ERRORS.activeContent,
  ],
  [
    "a JPEG with an HTML page in its comment",
    () => new File([bytes(JPEG_START, "\0\x10JFIF\0", [0xff, 0xfe, 0x00, 0x30], "<html><img src=x onerror=alert(1)></html>", [0xff, 0xd9])], "foto.jpg"),
    UPLOAD_ERRORS.activeContent,
  ],
  [
    "a PNG with an SVG in a text chunk",
    () => new File([bytes(PNG, "\0\0\0\x30tEXtComment\0<svg/onload=alert(1)>")], "foto.png"),
    UPLOAD_ERRORS.activeContent,
  ],
  // Names
  ["a name that climbs out of the folder", () => new File([PDF], "../../etc/passwd.pdf"), UPLOAD_ERRORS.unsafeName],
  ["a name with Windows separators", () => new File([PDF], "..\\..\\x.pdf"), UPLOAD_ERRORS.unsafeName],
  ["an absolute Unix path", () => new File([PDF], "/etc/passwd.pdf"), UPLOAD_ERRORS.unsafeName],
  ["an absolute Windows path", () => new File([PDF], "C:\\Windows\\System32\\informe.pdf"), UPLOAD_ERRORS.unsafeName],
  ["a null byte in the name", () => new File([PDF], "informe.pdf\u0000.html"), UPLOAD_ERRORS.unsafeName],
  ["a right-to-left override that disguises the extension", () => new File([PDF], "informe\u202Efdp.exe"), UPLOAD_ERRORS.unsafeName],
  ["a name of 300 characters", () => new File([PDF], `${"á".repeat(296)}.pdf`), UPLOAD_ERRORS.nameTooLong],
];

describe("the one upload handler", () => {
  test.each(REFUSED)("refuses %s, and writes nothing", async (_, make, error) => {
    const before = everyFile();
    expect(await storeUpload(make())).toEqual({ ok: false, error });
    expect(everyFile()).toEqual(before);
  });

  test("every refusal is a Spanish sentence a person can act on", () => {
    for (const message of Object.values(UPLOAD_ERRORS)) {
      expect(message).toMatch(/^[A-ZÁÉÍÓÚÑ¿¡].+\.$/);
      expect(message).not.toMatch(/error|undefined|null|exception/i);
    }
  });

  test("a real PDF and a real photo are still accepted", async () => {
    expect(await storeUpload(new File([PDF], "Resolución Directoral N° 12.pdf"))).toMatchObject({ ok: true, mime: "application/pdf" });
    const photo = bytes(JPEG_START, "\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0", [0xff, 0xdb, 0x00, 0x43, 0x00], "\x10\x0b\x0c\x0e", [0xff, 0xd9]);
    expect(await storeUpload(new File([photo], "Taller en Huaraz.JPG"))).toMatchObject({ ok: true, mime: "image/jpeg" });
  });
});

/** A multipart POST as a browser (or a script) sends it, with repeated fields allowed. */
function multipartPost(path: string, entries: [string, string | Blob][], cookie: string): Request {
  const body = new FormData();
  for (const [key, value] of entries) body.append(key, value);
  return new Request(`${BASE}${path}`, { method: "POST", body, headers: { Cookie: cookie } });
}

async function practiceWithTeam() {
  const iged = await getIgedByName("UGEL Huaraz");
  const author = await createMember({ iged: "UGEL Huaraz" });
  const practice = await createPractice({
    title: `Brigadas escolares ${Math.random().toString(36).slice(2, 7)}`,
    summary: "",
    thematicLineId: null,
    leadIgedId: iged!.id,
    otherIgedIds: [],
    startYear: 2024,
    vigente: true,
    problem: "",
    strategy: "",
    results: "",
    lessons: "",
    authorId: author.id,
  });
  return { author, cookie: await sessionCookieFor(author.id), practice };
}

function uploadEvidence(practice: PracticeCore, entries: [string, string | Blob][], cookie: string) {
  const path = `/practicas/${practice.slug}/evidencias`;
  return respond(() => evidenceAction({ request: multipartPost(path, entries, cookie), params: { slug: practice.slug }, context }));
}

/** A transfer accepted by DIFOCA, whose receiving side may add evidence. */
async function ongoingTransfer() {
  const { practice, difoca } = await publishedPractice();
  expect(await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "avanzado", note: "Consolidada." })).toBe(true);
  const receiver = await createMember({ role: "gestor", iged: "UGEL Huaraz" });
  const requested = await requestTransfer({
    practiceId: practice.id,
    requestedBy: receiver.id,
    receivingIgedId: (await getIgedByName("UGEL Huaraz"))!.id,
    reason: "Queremos brigadas escolares de gestión del riesgo en nuestras escuelas.",
    context: "Escuelas altoandinas de Huaraz expuestas a aluviones y heladas.",
  });
  if (!requested.ok) throw new Error(requested.reason);
  const decided = await postTransfer(requested.id, [["intent", "decide"], ["decision", "accept"], ["reason", ""]], await sessionCookieFor(difoca.id));
  expect(decided.status).toBe(302);
  return { id: requested.id, cookie: await sessionCookieFor(receiver.id) };
}

function postTransfer(id: number, entries: [string, string | Blob][], cookie: string) {
  return respond(() => transferAction({ request: multipartPost(`/transferencias/${id}`, entries, cookie), params: { id: String(id) }, context }));
}

const advanceWith = (file: File | File[]): [string, string | Blob][] => [
  ["intent", "advance"],
  ["toStage", "acuerdo"],
  ["occurredOn", todayInLima()],
  ["note", "Se firmó el acta de acuerdo con la UGEL receptora."],
  ["evidenceTitle", "Acta de acuerdo"],
  ...[file].flat().map((f): [string, Blob] => ["evidenceFile", f]),
];
const evidenceWith = (file: File | File[]): [string, string | Blob][] => [
  ["intent", "evidence"],
  ["evidenceTitle", "Oficio de la UGEL"],
  ...[file].flat().map((f): [string, Blob] => ["evidenceFile", f]),
];

const MANY_FILES: [string, () => File[], string][] = [
  ["two PDFs in the one file field", () => [new File([PDF], "acta.pdf"), new File([PDF], "oficio.pdf")], UPLOAD_ERRORS.tooManyFiles],
  ["fifty small PDFs", () => Array.from({ length: 50 }, (_, i) => new File([PDF], `acta-${i}.pdf`)), UPLOAD_ERRORS.tooManyFiles],
  ["three files that together pass 11 MB", () => Array.from({ length: 3 }, (_, i) => new File([new Uint8Array(MAX_UPLOAD_BYTES - 10).fill(0x25)], `parte-${i}.pdf`)), UPLOAD_ERRORS.tooBig],
];

describe("the practice evidence page (/practicas/:slug/evidencias)", () => {
  test.each(REFUSED)("refuses %s with a 400 and the Spanish message; no row and no file", async (_, make, error) => {
    const { cookie, practice } = await practiceWithTeam();
    const before = everyFile();
    const response = await uploadEvidence(practice, [["intent", "upload"], ["title", "Acta de la UGEL"], ["file", make()]], cookie);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors.file).toBe(error);
    expect(body.values.title).toBe("Acta de la UGEL");
    expect(await listEvidence(practice.id)).toEqual([]);
    expect(everyFile()).toEqual(before);
  });

  test.each(MANY_FILES)("refuses %s at once", async (_, make, error) => {
    const { cookie, practice } = await practiceWithTeam();
    const before = everyFile();
    const response = await uploadEvidence(practice, [["intent", "upload"], ["title", "Actas"], ...make().map((f): [string, Blob] => ["file", f])], cookie);
    expect(response.status).toBe(400);
    expect((await response.json()).errors.file).toBe(error);
    expect(await listEvidence(practice.id)).toEqual([]);
    expect(everyFile()).toEqual(before);
  });

  test("files in fields of other names are refused as well", async () => {
    const { cookie, practice } = await practiceWithTeam();
    const before = everyFile();
    const response = await uploadEvidence(practice, [["intent", "upload"], ["title", "Acta"], ["file", new File([PDF], "a.pdf")], ["otro", new File([PDF], "b.pdf")]], cookie);
    expect(response.status).toBe(400);
    expect((await response.json()).errors.file).toBe(UPLOAD_ERRORS.tooManyFiles);
    expect(everyFile()).toEqual(before);
  });
});

describe("a transfer's evidence (/transferencias/:id)", () => {
  test.each(REFUSED)("refuses %s when moving to the next stage and when added alone; no row and no file", async (_, make, error) => {
    const { id, cookie } = await ongoingTransfer();
    const before = everyFile();
    for (const entries of [advanceWith(make()), evidenceWith(make())]) {
      const response = await postTransfer(id, entries, cookie);
      expect(response.status).toBe(400);
      expect((await response.json()).errors.evidenceFile).toBe(error);
    }
    expect((await getTransfer(id))!).toMatchObject({ stage: "solicitud", evidence: [] });
    expect(everyFile()).toEqual(before);
  });

  test.each(MANY_FILES)("refuses %s at once", async (_, make, error) => {
    const { id, cookie } = await ongoingTransfer();
    const before = everyFile();
    const response = await postTransfer(id, advanceWith(make()), cookie);
    expect(response.status).toBe(400);
    expect((await response.json()).errors.evidenceFile).toBe(error);
    expect((await getTransfer(id))!).toMatchObject({ stage: "solicitud", evidence: [] });
    expect(everyFile()).toEqual(before);
  });
});

describe("the server's door", () => {
  /** Runs the body-size middleware on a request with these headers: the status it answered, or "next". */
  function throughDoor(headers: Record<string, string>, method = "POST") {
    let answered: number | "next" = "next";
    const res = {
      status(code: number) {
        answered = code;
        return res;
      },
      set: () => res,
      type: () => res,
      send: () => res,
    };
    const req = { method, get: (name: string) => headers[name.toLowerCase()] };
    // Only what the middleware reads of Express's request and response.
    refuseLargeBodies(req as never, res as never, () => {});
    return answered;
  }

  test("a multipart body declared over 11 MB is a 413 before it is read", () => {
    const type = "multipart/form-data; boundary=x";
    expect(throughDoor({ "content-type": type, "content-length": String(11 * 1024 * 1024 + 1) })).toBe(413);
    expect(throughDoor({ "content-type": type, "content-length": String(11 * 1024 * 1024) })).toBe("next");
  });

  test("a plain form declared over 1 MB, a nonsense length and a body of undeclared length are 413 too", () => {
    const type = "application/x-www-form-urlencoded";
    expect(throughDoor({ "content-type": type, "content-length": String(1024 * 1024 + 1) })).toBe(413);
    expect(throughDoor({ "content-type": type, "content-length": "muchos" })).toBe(413);
    expect(throughDoor({ "content-type": type, "transfer-encoding": "chunked" })).toBe(413);
    expect(throughDoor({ "content-type": "multipart/form-data; boundary=x", "transfer-encoding": "chunked" })).toBe(413);
    expect(throughDoor({ "content-type": type, "content-length": "42" })).toBe("next");
    expect(throughDoor({}, "GET")).toBe("next");
  });

  test("behind it, a body that lies about its length is still cut at 11 MB by the upload reader", async () => {
    const body = new FormData();
    body.append("title", "Acta");
    body.append("file", new File([new Uint8Array(MAX_UPLOAD_BYTES + 2048).fill(0x25)], "acta.pdf"));
    const request = new Request(`${BASE}/subir`, { method: "POST", body });
    expect(await readMultipartForm(request)).toMatchObject({ ok: false, error: UPLOAD_ERRORS.tooBig });
  });
});

describe("serving what was accepted", () => {
  test("a practice's PDF is a sandboxed, never-sniffed download; a photo opens inline, sandboxed", async () => {
    const { cookie, practice } = await practiceWithTeam();
    expect((await uploadEvidence(practice, [["intent", "upload"], ["title", "Resolución"], ["file", new File([PDF], "resolucion.pdf")]], cookie)).status).toBe(302);
    expect((await uploadEvidence(practice, [["intent", "upload"], ["title", "Foto"], ["file", new File([PNG], "foto.png")]], cookie)).status).toBe(302);
    const [pdf, png] = await listEvidence(practice.id);
    const serve = (id: number) =>
      respond(() => downloadEvidence({ request: getRequest(`/evidencias/${id}`, cookie), params: { id: String(id) }, context }));

    const pdfResponse = await serve(pdf!.id);
    expect(pdfResponse.status).toBe(200);
    expect(pdfResponse.headers.get("Content-Type")).toBe("application/pdf");
    expect(pdfResponse.headers.get("Content-Disposition")).toMatch(/^attachment; filename="resolucion\.pdf"/);
    expect(pdfResponse.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(pdfResponse.headers.get("Content-Security-Policy")).toBe("sandbox; default-src 'none'");

    const pngResponse = await serve(png!.id);
    expect(pngResponse.headers.get("Content-Type")).toBe("image/png");
    expect(pngResponse.headers.get("Content-Disposition")).toMatch(/^inline; filename="foto\.png"/);
    expect(pngResponse.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(pngResponse.headers.get("Content-Security-Policy")).toBe("sandbox; default-src 'none'");
  });

  test("a transfer's file is served with the same protective headers", async () => {
    const { id, cookie } = await ongoingTransfer();
    expect((await postTransfer(id, evidenceWith(new File([PDF], "oficio.pdf")), cookie)).status).toBe(302);
    const [evidence] = (await getTransfer(id))!.evidence;
    const response = await respond(() =>
      downloadTransferEvidence({
        request: getRequest(`/transferencias/${id}/evidencias/${evidence!.id}`, cookie),
        params: { id: String(id), evidenceId: String(evidence!.id) },
        context,
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Security-Policy")).toBe("sandbox; default-src 'none'");
  });

  test.each(["text/html", "image/svg+xml", "application/xhtml+xml", "text/javascript", null])(
    "a stored type of %s could never be rendered: opaque download",
    (mimeType) => {
      const headers = downloadHeaders({ mimeType, fileName: "x.html", size: 10 });
      expect(headers.get("Content-Type")).toBe("application/octet-stream");
      expect(headers.get("Content-Disposition")).toMatch(/^attachment;/);
      expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    },
  );
});
