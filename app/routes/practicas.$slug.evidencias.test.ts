import { existsSync, readdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { sendRemixResponse } from "@remix-run/express/dist/server.js";
import express from "express";
import { describe, expect, test } from "vitest";
import { getEvidence, listEvidence } from "~/models/evidence.server";
import { getIgedByName } from "~/models/iged.server";
import { createPractice, publishPractice, submitPractice, type PracticeCore } from "~/models/practice.server";
import { loader as download } from "~/routes/evidencias.$id";
import { action, loader } from "~/routes/practicas.$slug.evidencias";
import { MAX_UPLOAD_BYTES, uploadsDir } from "~/utils/uploads.server";
import { createMember } from "../../tests/factories/members";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";
import { securityHeaders } from "../../server/security.mjs";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
const pdf = (name = "acta.pdf") => new File([PDF], name, { type: "application/pdf" });

async function practiceWithTeam() {
  const iged = await getIgedByName("UGEL Huaraz");
  const author = await createMember({ iged: "UGEL Huaraz" });
  const practice = await createPractice({
    title: "Brigadas escolares de gestión del riesgo",
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

async function publish(practice: PracticeCore, authorId: number) {
  const difoca = await createMember({ role: "difoca", iged: null });
  await submitPractice({ practiceId: practice.id, actorId: authorId });
  expect(await publishPractice({ practiceId: practice.id, actorId: difoca.id })).toBe(true);
}

const pagePath = (practice: PracticeCore) => `/practicas/${practice.slug}/evidencias`;

function load(practice: PracticeCore, cookie?: string) {
  return respond(() => loader({ request: getRequest(pagePath(practice), cookie), params: { slug: practice.slug }, context }));
}

function submit(practice: PracticeCore, fields: Record<string, string | Blob>, cookie?: string) {
  return respond(() => action({ request: formRequest(pagePath(practice), fields, cookie), params: { slug: practice.slug }, context }));
}

function fetchEvidence(id: number | string, cookie?: string) {
  return respond(() => download({ request: getRequest(`/evidencias/${id}`, cookie), params: { id: String(id) }, context }));
}

const storedFiles = () => (existsSync(uploadsDir()) ? readdirSync(uploadsDir()) : []);

async function uploadPdf(practice: PracticeCore, cookie: string, title = "Resolución Directoral Regional") {
  const response = await submit(practice, { intent: "upload", title, file: pdf() }, cookie);
  expect(response.status).toBe(302);
  const items = await listEvidence(practice.id);
  return items[items.length - 1]!;
}

describe("/practicas/:slug/evidencias", () => {
  test("the team uploads a PDF and sees it listed, with its type, size and who added it", async () => {
    const { author, cookie, practice } = await practiceWithTeam();
    const response = await submit(practice, { intent: "upload", title: "Resolución Directoral Regional N.° 0456", file: pdf("RDR 0456.pdf") }, cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(pagePath(practice));
    expect(response.headers.get("Set-Cookie")).toMatch(/^cop_aviso=/);

    const page = await (await load(practice, cookie)).json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      kind: "archivo",
      title: "Resolución Directoral Regional N.° 0456",
      fileName: "RDR 0456.pdf",
      mimeType: "application/pdf",
      sizeBytes: PDF.length,
      uploaderName: author.name,
    });
    expect(page.items[0].addedOn).toMatch(/^\d{1,2} de [a-z]+ de \d{4}$/);
    expect(storedFiles()).toHaveLength(1);
  });

  test("the team adds a link to a video", async () => {
    const { cookie, practice } = await practiceWithTeam();
    const response = await submit(practice, { intent: "link", title: "Video del simulacro", url: "https://www.youtube.com/watch?v=abc123" }, cookie);
    expect(response.status).toBe(302);
    expect(await listEvidence(practice.id)).toMatchObject([{ kind: "enlace", title: "Video del simulacro", url: "https://www.youtube.com/watch?v=abc123" }]);
  });

  test("DIFOCA manages the evidence of any practice", async () => {
    const { practice } = await practiceWithTeam();
    const difoca = await createMember({ role: "difoca", iged: null });
    const cookie = await sessionCookieFor(difoca.id);
    expect((await load(practice, cookie)).status).toBe(200);
    expect((await submit(practice, { intent: "link", title: "Carpeta", url: "https://drive.example.pe/carpeta" }, cookie)).status).toBe(302);
  });

  test("a gestor of another IGED gets 403 on the page and on every action, and nothing is written", async () => {
    const { cookie: teamCookie, practice } = await practiceWithTeam();
    const existing = await uploadPdf(practice, teamCookie);
    const filesBefore = storedFiles();
    const outsider = await createMember({ iged: "DRE Pasco" });
    const cookie = await sessionCookieFor(outsider.id);

    expect((await load(practice, cookie)).status).toBe(403);
    const attempts: Record<string, string | Blob>[] = [
      { intent: "upload", title: "Intruso", file: pdf() },
      { intent: "link", title: "Intruso", url: "https://example.com" },
      { intent: "delete", evidenceId: String(existing.id) },
    ];
    for (const fields of attempts) {
      expect((await submit(practice, fields, cookie)).status).toBe(403);
    }
    expect((await listEvidence(practice.id)).map((e) => e.id)).toEqual([existing.id]);
    expect(storedFiles()).toEqual(filesBefore);
  });

  test("a visitor is sent to sign in and back", async () => {
    const { practice } = await practiceWithTeam();
    for (const response of [await load(practice), await submit(practice, { intent: "link", title: "x", url: "https://example.com" })]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe(`/ingresar?redirectTo=${encodeURIComponent(pagePath(practice))}`);
    }
    expect(await listEvidence(practice.id)).toEqual([]);
  });

  test("an unknown practice is a 404", async () => {
    const { cookie } = await practiceWithTeam();
    const response = await respond(() => loader({ request: getRequest("/practicas/no-existe/evidencias", cookie), params: { slug: "no-existe" }, context }));
    expect(response.status).toBe(404);
  });

  test.each([
    ["javascript:alert(1)"],
    ["ftp://archivos.ugel.gob.pe/acta.pdf"],
    ["www.youtube.com/watch?v=abc"],
    [""],
  ])("the link %j is a 400 with a Spanish message, keeping what was typed", async (url) => {
    const { cookie, practice } = await practiceWithTeam();
    const response = await submit(practice, { intent: "link", title: "Video del simulacro", url }, cookie);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors.url).toBe("Escribe un enlace que empiece con https:// o http://.");
    expect(body.values).toMatchObject({ title: "Video del simulacro", url });
    expect(await listEvidence(practice.id)).toEqual([]);
  });

  test("an upload without a title is a 400 and stores no file", async () => {
    const { cookie, practice } = await practiceWithTeam();
    const before = storedFiles();
    const response = await submit(practice, { intent: "upload", title: "  ", file: pdf() }, cookie);
    expect(response.status).toBe(400);
    expect((await response.json()).errors.title).toBe("Escribe un título para la evidencia.");
    expect(storedFiles()).toEqual(before);
  });

  test("a file over 10 MB is a 400 with the Spanish message; the title is kept and nothing is written", async () => {
    const { cookie, practice } = await practiceWithTeam();
    const before = storedFiles();
    const big = new File([new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x25)], "escaneo.pdf");
    const response = await submit(practice, { intent: "upload", title: "Informe escaneado", file: big }, cookie);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors.file).toBe("El archivo pesa más de 10 MB. Sube un archivo más liviano.");
    expect(body.values.title).toBe("Informe escaneado");
    expect(storedFiles()).toEqual(before);
    expect(await listEvidence(practice.id)).toEqual([]);
  });

  test("a file whose content is not an accepted type is a 400 with the Spanish message", async () => {
    const { cookie, practice } = await practiceWithTeam();
    const html = new File(["<html><script>alert(1)</script></html>"], "informe.pdf", { type: "application/pdf" });
    const response = await submit(practice, { intent: "upload", title: "Informe", file: html }, cookie);
    expect(response.status).toBe(400);
    expect((await response.json()).errors.file).toMatch(/^Ese tipo de archivo no está permitido\./);
    expect(await listEvidence(practice.id)).toEqual([]);
  });

  test("deleting an evidence removes its file from disk", async () => {
    const { cookie, practice } = await practiceWithTeam();
    const evidence = await uploadPdf(practice, cookie);
    const { storedName } = (await getEvidence(evidence.id))!;
    const path = join(uploadsDir(), storedName!);
    expect(existsSync(path)).toBe(true);

    const response = await submit(practice, { intent: "delete", evidenceId: String(evidence.id) }, cookie);
    expect(response.status).toBe(302);
    expect(await listEvidence(practice.id)).toEqual([]);
    expect(existsSync(path)).toBe(false);
    expect((await fetchEvidence(evidence.id, cookie)).status).toBe(404);
  });

  test("an evidence of another practice cannot be deleted from this page", async () => {
    const mine = await practiceWithTeam();
    const theirs = await practiceWithTeam();
    const evidence = await uploadPdf(theirs.practice, theirs.cookie);
    const response = await submit(mine.practice, { intent: "delete", evidenceId: String(evidence.id) }, mine.cookie);
    expect(response.status).toBe(400);
    expect((await listEvidence(theirs.practice.id)).map((e) => e.id)).toEqual([evidence.id]);
  });
});

describe("/evidencias/:id", () => {
  test("a published practice's file is served to visitors with its type, name and protective headers", async () => {
    const { author, cookie, practice } = await practiceWithTeam();
    const evidence = await uploadPdf(practice, cookie);
    await publish(practice, author.id);

    const response = await fetchEvidence(evidence.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="acta.pdf"; filename*=UTF-8''acta.pdf`);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Security-Policy")).toBe("sandbox; default-src 'none'");
    expect(response.headers.get("Cache-Control")).toBe("private, max-age=300");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
  });

  test("a draft's file is a 404 for visitors and other members, and served to its team and DIFOCA", async () => {
    const { cookie, practice } = await practiceWithTeam();
    const evidence = await uploadPdf(practice, cookie);
    const outsider = await createMember({ iged: "DRE Pasco" });
    const difoca = await createMember({ role: "difoca", iged: null });

    expect((await fetchEvidence(evidence.id)).status).toBe(404);
    expect((await fetchEvidence(evidence.id, await sessionCookieFor(outsider.id))).status).toBe(404);
    expect((await fetchEvidence(evidence.id, cookie)).status).toBe(200);
    expect((await fetchEvidence(evidence.id, await sessionCookieFor(difoca.id))).status).toBe(200);
  });

  test("a link evidence sends to its address; unknown ids and ids that are not numbers are a 404", async () => {
    const { author, cookie, practice } = await practiceWithTeam();
    await submit(practice, { intent: "link", title: "Video", url: "https://example.com/video" }, cookie);
    await publish(practice, author.id);
    const [link] = await listEvidence(practice.id);
    const opened = await fetchEvidence(String(link!.id));
    expect(opened.status).toBe(302);
    expect(opened.headers.get("Location")).toBe("https://example.com/video");
    for (const id of ["999999", "abc", "1.5", "../1"]) {
      expect((await fetchEvidence(id)).status).toBe(404);
    }
  });

  test("the sandbox policy reaches the wire through the production server's header middleware", async () => {
    const { author, cookie, practice } = await practiceWithTeam();
    const evidence = await uploadPdf(practice, cookie);
    await publish(practice, author.id);

    // The same middleware and the same Response-to-Express copy the production server uses.
    const app = express();
    app.use(securityHeaders);
    app.get("/evidencias/:id", async (req, res) => {
      await sendRemixResponse(res, await fetchEvidence(req.params.id));
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/evidencias/${evidence.id}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      // Only the file's own policy, not the pages' one beside it.
      expect(response.headers.get("Content-Security-Policy")).toBe("sandbox; default-src 'none'");
      expect(response.headers.get("X-Content-Type-Options")).toMatch(/^nosniff/);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
