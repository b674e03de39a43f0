import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { text } from "node:stream/consumers";
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import {
  deleteStoredUpload,
  detectFileType,
  downloadHeaders,
  MAX_UPLOAD_BYTES,
  readMultipartForm,
  readStoredUpload,
  storeUpload,
  UPLOAD_ERRORS,
  uploadsDir,
} from "~/utils/uploads.server";

// uploadsDir() reads the variable on every call, so setting it here is enough.
const root = mkdtempSync(join(tmpdir(), "cop-uploads-"));
process.env.UPLOADS_DIR = join(root, "uploads");
afterAll(() => {
  delete process.env.UPLOADS_DIR;
  rmSync(root, { recursive: true, force: true });
});
beforeEach(() => rmSync(process.env.UPLOADS_DIR!, { recursive: true, force: true }));

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p)))));

const PDF = bytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "\0\0\0\rIHDR");
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], "\0\x10JFIF\0");
const GIF = bytes("GIF89a\x01\0\x01\0");
const WEBP = bytes("RIFF\x24\0\0\0WEBPVP8 ");
const OLE = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], "\0".repeat(24));

/** A ZIP with stored (uncompressed) entries: local headers, central directory, end record. */
function zip(entries: [name: string, content: string][]): Uint8Array<ArrayBuffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name, "latin1");
    const data = Buffer.from(content, "latin1");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const DOCX = zip([["[Content_Types].xml", "<Types/>"], ["word/document.xml", "<w:document/>"]]);
const XLSX = zip([["[Content_Types].xml", "<Types/>"], ["xl/workbook.xml", "<workbook/>"]]);
const PPTX = zip([["[Content_Types].xml", "<Types/>"], ["ppt/presentation.xml", "<p:presentation/>"]]);
const ODT = zip([["mimetype", "application/vnd.oasis.opendocument.text"], ["content.xml", "<office:document-content/>"]]);
const ODS = zip([["mimetype", "application/vnd.oasis.opendocument.spreadsheet"], ["content.xml", "<x/>"]]);

const file = (content: BlobPart, name: string) => new File([content], name);
const storedFiles = () => (existsSync(uploadsDir()) ? readdirSync(uploadsDir()) : []);

describe("detecting a file's type by its content", () => {
  test.each([
    ["a PDF", PDF, "informe.pdf", "application/pdf"],
    ["a PNG", PNG, "foto.png", "image/png"],
    ["a JPEG", JPEG, "foto.jpg", "image/jpeg"],
    ["a GIF", GIF, "grafico.gif", "image/gif"],
    ["a WEBP", WEBP, "foto.webp", "image/webp"],
    ["a Word document", DOCX, "acta.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["an Excel workbook", XLSX, "datos.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["a PowerPoint deck", PPTX, "exposicion.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
    ["an OpenDocument text", ODT, "acta.odt", "application/vnd.oasis.opendocument.text"],
    ["an OpenDocument spreadsheet", ODS, "datos.ods", "application/vnd.oasis.opendocument.spreadsheet"],
    ["a legacy Word document", OLE, "oficio.doc", "application/msword"],
    ["a legacy Excel workbook", OLE, "metas.xls", "application/vnd.ms-excel"],
  ])("accepts %s", (_, content, name, mime) => {
    expect(detectFileType(content, name)?.mime).toBe(mime);
  });

  test.each([
    ["HTML", bytes("<html><script>alert(1)</script></html>"), "pagina.pdf"],
    ["SVG", bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), "logo.svg"],
    ["a Windows program", bytes("MZ\x90\0\x03\0\0\0"), "programa.pdf"],
    ["a shell script", bytes("#!/bin/sh\nrm -rf /\n"), "script.pdf"],
    ["a plain ZIP archive", zip([["notas.txt", "hola"]]), "archivos.zip"],
    ["a ZIP that only names [Content_Types].xml", zip([["[Content_Types].xml", "<Types/>"]]), "acta.docx"],
    ["an OpenDocument template", zip([["mimetype", "application/vnd.oasis.opendocument.text-template"]]), "plantilla.odt"],
    ["an OLE container that is not a legacy Office file", OLE, "instalador.msi"],
    ["an OLE container with no extension", OLE, "oficio"],
    ["a PDF signature that does not start the file", bytes("<html>%PDF-1.4"), "informe.pdf"],
  ])("refuses %s", (_, content, name) => {
    expect(detectFileType(content, name)).toBeNull();
  });
});

describe("storing an upload", () => {
  test("keeps the bytes under a generated name and the person's name only as text", async () => {
    const result = await storeUpload(file(PDF, "Informe de resultados 2025.pdf"));
    expect(result).toMatchObject({ ok: true, fileName: "Informe de resultados 2025.pdf", mime: "application/pdf", size: PDF.length });
    if (!result.ok) return;
    expect(result.storedName).toMatch(/^[0-9a-f]{32}\.pdf$/);
    expect(storedFiles()).toEqual([result.storedName]);
    expect(new Uint8Array(readFileSync(join(uploadsDir(), result.storedName)))).toEqual(PDF);
  });

  test("a name with a path is refused and never reaches the disk path", async () => {
    const result = await storeUpload(file(PDF, "../../etc/passwd.pdf"));
    expect(result).toEqual({ ok: false, error: UPLOAD_ERRORS.unsafeName });
    expect(existsSync(join(dirname(uploadsDir()), "passwd.pdf"))).toBe(false);
    expect(storedFiles()).toEqual([]);
  });

  test("a name with control characters or text-reordering marks is refused", async () => {
    for (const name of ["acta\u0000.pdf", "acta\u202Efdp.exe.pdf", "acta\n.pdf", "acta\u2067x.pdf"]) {
      expect(await storeUpload(file(PDF, name))).toEqual({ ok: false, error: UPLOAD_ERRORS.unsafeName });
    }
    expect(storedFiles()).toEqual([]);
  });

  test("a name with a foreign extension gets the real one added", async () => {
    expect(await storeUpload(file(PNG, "foto.html"))).toMatchObject({ ok: true, fileName: "foto.html.png", mime: "image/png" });
    expect(await storeUpload(file(PNG, "foto"))).toMatchObject({ ok: true, fileName: "foto.png" });
    expect(await storeUpload(file(JPEG, "foto.JPEG"))).toMatchObject({ ok: true, fileName: "foto.JPEG" });
  });

  test.each([
    ["nothing was chosen", null, UPLOAD_ERRORS.missing],
    ["the browser sent an empty file field", file("", ""), UPLOAD_ERRORS.missing],
    ["the file is empty", file("", "vacio.pdf"), UPLOAD_ERRORS.empty],
    ["the file is over 10 MB", file(new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x25), "grande.pdf"), UPLOAD_ERRORS.tooBig],
    ["the name is over 200 characters", file(PDF, `${"a".repeat(197)}.pdf`), UPLOAD_ERRORS.nameTooLong],
    ["it is HTML", file("<html><body>hola</body></html>", "pagina.html"), UPLOAD_ERRORS.notAllowed],
    ["it is SVG", file("<svg xmlns='http://www.w3.org/2000/svg'/>", "logo.svg"), UPLOAD_ERRORS.notAllowed],
    ["it is a program", file(bytes("MZ\x90\0"), "informe.pdf"), UPLOAD_ERRORS.notAllowed],
    ["a PNG is named .pdf", file(PNG, "informe.pdf"), UPLOAD_ERRORS.mismatch],
    ["a GIF is named .pdf", file(bytes("GIF89a/*%PDF-1.4*/"), "informe.pdf"), UPLOAD_ERRORS.mismatch],
    ["a Word document is named .xlsx", file(DOCX, "datos.xlsx"), UPLOAD_ERRORS.mismatch],
  ])("is refused when %s, and nothing is written", async (_, value, error) => {
    expect(await storeUpload(value)).toEqual({ ok: false, error });
    expect(storedFiles()).toEqual([]);
  });
});

describe("reading and deleting stored files", () => {
  test("reads back what was stored, and deletes it", async () => {
    const stored = await storeUpload(file(PDF, "informe.pdf"));
    if (!stored.ok) throw new Error(stored.error);
    const read = await readStoredUpload(stored.storedName);
    expect(read?.size).toBe(PDF.length);
    expect(await text(read!.stream)).toBe(Buffer.from(PDF).toString("latin1"));
    await deleteStoredUpload(stored.storedName);
    expect(storedFiles()).toEqual([]);
    expect(await readStoredUpload(stored.storedName)).toBeNull();
  });

  test("names the platform did not make are refused, even if such a file exists", async () => {
    writeFileSync(join(root, "secreto.pdf"), "%PDF-1.4 secreto");
    for (const name of ["../secreto.pdf", "..\\secreto.pdf", `${"a".repeat(32)}.pdf/../../secreto.pdf`, "/etc/passwd", `${"A".repeat(32)}.pdf`, `${"a".repeat(32)}.html`]) {
      expect(await readStoredUpload(name)).toBeNull();
      await deleteStoredUpload(name);
    }
    expect(existsSync(join(root, "secreto.pdf"))).toBe(true);
  });
});

describe("reading a multipart form", () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request("http://localhost:3000/subir", { method: "POST", body, headers });

  test("gives the fields and the file", async () => {
    const body = new FormData();
    body.append("title", "Acta");
    body.append("file", file(PDF, "acta.pdf"));
    const result = await readMultipartForm(post(body));
    if (!result.ok) throw new Error(result.error);
    expect(result.formData.get("title")).toBe("Acta");
    expect(result.formData.get("file")).toBeInstanceOf(File);
  });

  test("a file over 10 MB is a Spanish error that keeps the fields read before it", async () => {
    const body = new FormData();
    body.append("title", "Acta escaneada");
    body.append("file", file(new Uint8Array(MAX_UPLOAD_BYTES + 1), "acta.pdf"));
    expect(await readMultipartForm(post(body))).toEqual({ ok: false, error: UPLOAD_ERRORS.tooBig, values: { title: "Acta escaneada" } });
  });

  test("many parts that are each under the limit cannot add up past it", async () => {
    const body = new FormData();
    for (let i = 0; i < 3; i++) body.append(`file${i}`, file(new Uint8Array(MAX_UPLOAD_BYTES - 10), `parte${i}.pdf`));
    expect(await readMultipartForm(post(body))).toMatchObject({ ok: false, error: UPLOAD_ERRORS.tooBig });
  });

  test("a declared length far over the limit is refused without reading the body", async () => {
    let pulled = false;
    // highWaterMark 0: the stream is pulled only when someone reads it.
    const stream = new ReadableStream(
      {
        pull() {
          pulled = true;
          throw new Error("the body should not be read");
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request("http://localhost:3000/subir", {
      method: "POST",
      body: stream,
      duplex: "half",
      headers: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(50 * MAX_UPLOAD_BYTES) },
    } as RequestInit);
    expect(await readMultipartForm(request)).toMatchObject({ ok: false, error: UPLOAD_ERRORS.tooBig });
    expect(pulled).toBe(false);
  });

  test.each([
    ["a truncated body", '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nActa'],
    ["a part without its headers", "--x\r\n\r\nActa\r\n--x--\r\n"],
  ])("%s is a Spanish error, not an exception", async (_, body) => {
    const result = await readMultipartForm(post(body, { "Content-Type": "multipart/form-data; boundary=x" }));
    expect(result).toMatchObject({ ok: false, error: UPLOAD_ERRORS.unreadable });
  });

  test("a form without a file (url-encoded) is read as usual", async () => {
    const result = await readMultipartForm(post("intent=delete&evidenceId=3", { "Content-Type": "application/x-www-form-urlencoded" }));
    expect(result.ok && result.formData.get("evidenceId")).toBe("3");
  });
});

describe("serving headers", () => {
  test("PDFs and images open in the browser, sandboxed and never sniffed", () => {
    const headers = downloadHeaders({ mimeType: "application/pdf", fileName: "Resolución N° 12.pdf", size: 10 });
    expect(headers.get("Content-Type")).toBe("application/pdf");
    expect(headers.get("Content-Disposition")).toBe(
      `attachment; filename="Resolucion N_ 12.pdf"; filename*=UTF-8''Resoluci%C3%B3n%20N%C2%B0%2012.pdf`,
    );
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("Content-Security-Policy")).toBe("sandbox; default-src 'none'");
    expect(headers.get("Cache-Control")).toBe("private, max-age=300");
  });

  test("office documents are downloaded; quotes cannot break out of the header", () => {
    const headers = downloadHeaders({ mimeType: "application/msword", fileName: 'acta "final"; x=1.doc', size: 10 });
    expect(headers.get("Content-Disposition")).toBe(`attachment; filename="acta _final__ x_1.doc"; filename*=UTF-8''acta%20%22final%22%3B%20x%3D1.doc`);
  });

  test("a type the platform does not accept is served as an opaque download", () => {
    const headers = downloadHeaders({ mimeType: "text/html", fileName: "x.html", size: 10 });
    expect(headers.get("Content-Type")).toBe("application/octet-stream");
    expect(headers.get("Content-Disposition")).toMatch(/^attachment;/);
  });
});
