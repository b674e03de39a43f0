// The XSS corpus (tests/security/xss-payloads.ts) through every markdown and free-text field that
// a page shows, rendered in Chromium: nothing runs, nothing is loaded from the payloads, no
// dangerous markup reaches the DOM, and the page reports no CSP violation.
//
// Where each field is written and where it is read:
//   member name, position ........................ header, /perfil/:id, practice team, replies, ranking, /admin/usuarios
//   IGED name, thematic line name ................ /practicas/:slug, /admin/igeds, /admin/lineas, filters of /practicas
//   practice title, summary ...................... /practicas (catalog), /practicas/:slug, /panel, /admin/practicas
//   practice problem, strategy, results, lessons   /practicas/:slug (markdown), /eventos/:id/reporte (markdown), /practicas/:slug/editar
//   practice contacts (name, role) ............... /practicas/:slug
//   publication and stage notes .................. /practicas/:slug/historial
//   evidence link title .......................... /practicas/:slug, /practicas/:slug/evidencias
//   feedback key aspects (markdown), items ....... /practicas/:slug, /practicas/:slug/retroalimentacion, /eventos/:id/reporte
//   challenge and initiative title, summary, body (markdown), tags, links
//                                                  /desafios, /iniciativas, /desafios/:id, /iniciativas/:id, …/editar
//   replies (markdown), hidden reason, report details
//                                                  /desafios/:id, /admin/reportes
//   advisory topic, needs, minutes (markdown), agreements (markdown), commitments
//                                                  /asesorias, /asesorias/:id, /practicas/:slug
//   transfer reason, context, stage note, evidence title
//                                                  /transferencias, /transferencias/:id
//   event title, summary, place, agenda (markdown), testimonials
//                                                  /eventos, /eventos/:id, /eventos/:id/reporte
//   badge name, description, criteria, award reason
//                                                  /insignias, /insignias/:slug, /credenciales/:id, /admin/insignias, /perfil/:id
//   notification title and body .................. /notificaciones
//   search terms echoed back ..................... /practicas?q=, /desafios?q=, /iniciativas?q=
//   form values echoed after an error, toasts .... /practicas/nueva, /desafios/:id (reply form)
import type { Browser, Page } from "@playwright/test";
import { awardBadge, createBadge } from "~/models/badge.server";
import { createEvent, recordAttendance, registerForEvent, saveTestimonial, setEventPractices } from "~/models/event.server";
import { giveFeedback } from "~/models/feedback.server";
import { addLinkEvidence } from "~/models/evidence.server";
import { confirmAdvisory, recordAdvisoryOutcome, requestAdvisory } from "~/models/advisory.server";
import { createIged, getIgedByName } from "~/models/iged.server";
import { notify } from "~/models/notification.server";
import { changePracticeStage, createPractice, publishPractice, replaceContacts, submitPractice } from "~/models/practice.server";
import { listRegions } from "~/models/region.server";
import { createThematicLine } from "~/models/thematic-line.server";
import { addTransferEvidence, advanceTransfer, decideTransfer, requestTransfer } from "~/models/transfer.server";
import { addWallReply, createWallPost, hideWallReply, reportWallContent } from "~/models/wall.server";
import { lucia } from "~/utils/auth.server";
import { todayInLima } from "~/utils/dates";
import { createMember } from "../factories/members";
import { asLine, asMarkdown, chunkedPayloads, XSS_MARKER, XSS_PAYLOADS, XSS_SINK, type XssPayload } from "../security/xss-payloads";
import { expect, test } from "./fixtures";

const DAY = 24 * 3600_000;
const dayIn = (days: number) => todayInLima(new Date(Date.now() + days * DAY));
// Two records carry the whole corpus in every field: half of it each.
const CHUNKS = chunkedPayloads(Math.ceil(XSS_PAYLOADS.length / 2));
/** A payload of the chunk that reads the same once whitespace is collapsed, to look for it as text. */
const visibleSample = (chunk: XssPayload[]) => chunk.find((p) => p.payload.startsWith("<") && /^[\x21-\x7e]+$/.test(p.payload))!.payload;

function must<T extends { ok: boolean }>(result: T, what: string): T & { ok: true } {
  if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result)}`);
  return result as T & { ok: true };
}

interface Seeded {
  viewerId: number;
  authorIds: number[];
  /** Pages that only a signed-in member (DIFOCA, who sees everything) can open. */
  signedIn: string[];
  /** Pages anyone can open. */
  open: string[];
  challengeIds: number[];
  practicePaths: string[];
}

/** The corpus written into every field through the platform's own model functions. */
async function seedCorpus(): Promise<Seeded> {
  const tag = Math.random().toString(36).slice(2, 7);
  const viewer = await createMember({ role: "difoca", iged: null, name: `Especialista DIFOCA XSS ${tag}` });
  const experto = await createMember({ role: "experto", iged: null, name: `Experta XSS ${tag}` });
  const nasca = (await getIgedByName("UGEL Nasca"))!;
  const huaraz = (await getIgedByName("UGEL Huaraz"))!;
  const receiver = await createMember({ role: "gestor", iged: "UGEL Huaraz" });
  // Local governments of the last region sort last in every IGED list, out of other journeys' way.
  const ucayali = (await listRegions()).find((r) => r.name === "Ucayali")!;
  const past = new Date(Date.now() - 3 * DAY);
  past.setUTCMinutes(0, 0, 0);
  const before = new Date(past.getTime() - 3 * DAY);

  const seeded: Seeded = { viewerId: viewer.id, authorIds: [], signedIn: [], open: [], challengeIds: [], practicePaths: [] };
  for (const [i, chunk] of CHUNKS.entries()) {
    const line = asLine(chunk);
    const md = asMarkdown(chunk);
    const label = `XSS ${tag}-${i}`;
    const author = await createMember({ iged: "UGEL Nasca", name: `${label} ${line}`, position: line });
    seeded.authorIds.push(author.id);
    const iged = must(await createIged({ name: `Zz ${label} ${line}`, type: "gobierno_local", regionId: ucayali.id, actorId: null }), "IGED");
    const thematicLine = must(await createThematicLine({ name: `Zz ${label} ${line}`, position: null, actorId: null }), "línea");

    // A practice: every text field, its contacts, an evidence link, feedback and the notes of its history.
    const practice = await createPractice({
      authorId: author.id,
      title: `${label} ${line}`,
      summary: line,
      thematicLineId: thematicLine.lineId,
      leadIgedId: nasca.id,
      otherIgedIds: [iged.igedId],
      startYear: 2024,
      vigente: true,
      problem: md,
      strategy: md,
      results: md,
      lessons: md,
    });
    await replaceContacts({ practiceId: practice.id, contacts: [{ name: line, role: line, email: null, phone: null }] });
    await submitPractice({ practiceId: practice.id, actorId: author.id });
    await publishPractice({ practiceId: practice.id, actorId: viewer.id, note: line });
    must(await addLinkEvidence({ practiceId: practice.id, uploadedBy: author.id, title: line, url: `https://ejemplo.pe/evidencia?q=${encodeURIComponent(line)}` }), "evidencia");
    await giveFeedback({ practiceId: practice.id, authorId: experto.id, keyAspects: md, opportunities: chunk.map((p) => p.payload), recommendations: [line], givenOn: dayIn(-5) });

    // An advisory held last week, with minutes and a commitment.
    const advisory = must(
      await requestAdvisory({ practiceId: practice.id, requestedBy: author.id, type: "personalizada", topic: line, needs: md, modality: "virtual", advisorId: null, startsAt: null, minutes: null, now: before }),
      "asesoría",
    );
    must(await confirmAdvisory({ advisoryId: advisory.id, actorId: viewer.id, advisorId: experto.id, startsAt: new Date(past.getTime() + i * 2 * 3600_000).toISOString(), minutes: 60, meetingUrl: "https://meet.ejemplo.pe/xss", place: null, now: before }), "confirmación");
    must(
      await recordAdvisoryOutcome({
        advisoryId: advisory.id,
        actorId: experto.id,
        held: true,
        attendeeIds: [author.id],
        summary: md,
        agreements: md,
        commitments: [{ description: line, responsibleId: null, responsibleName: line, dueDate: dayIn(20) }],
      }),
      "acta",
    );

    // A transfer of the practice, once advanced, with a note and an evidence link.
    await changePracticeStage({ practiceId: practice.id, actorId: viewer.id, toStage: "avanzado", note: line });
    const transfer = must(await requestTransfer({ practiceId: practice.id, requestedBy: receiver.id, receivingIgedId: huaraz.id, reason: md, context: md }), "transferencia");
    must(await decideTransfer({ transferId: transfer.id, actorId: viewer.id, accept: true, reason: line }), "aceptación");
    must(await advanceTransfer({ transferId: transfer.id, actorId: receiver.id, toStage: "acuerdo", note: line, occurredOn: dayIn(0) }), "avance");
    must(await addTransferEvidence({ transferId: transfer.id, actorId: receiver.id, title: line, url: "https://ejemplo.pe/plan-de-adaptacion" }), "evidencia de transferencia");

    // A challenge with replies (one hidden by DIFOCA, one reported) and an initiative.
    const post = { summary: "", body: md, links: ["https://ejemplo.pe/desafio?x=%22%3E%3Cscript%3E"], tags: chunk.map((p) => p.payload), thematicLineId: thematicLine.lineId, igedId: nasca.id, regionId: nasca.regionId };
    const challenge = await createWallPost({ ...post, kind: "challenge", authorId: author.id, title: `${label} ${line}` });
    const initiative = await createWallPost({ ...post, kind: "initiative", authorId: author.id, title: `${label} ${line}`, summary: line });
    const reply = must(await addWallReply({ postId: challenge.id, authorId: receiver.id, body: md }), "aporte");
    const hidden = must(await addWallReply({ postId: challenge.id, authorId: experto.id, body: md }), "aporte oculto");
    must(await hideWallReply({ replyId: hidden.id, actorId: viewer.id, reason: line }), "ocultar");
    must(await reportWallContent({ postId: challenge.id, replyId: reply.id, reporterId: author.id, reason: "otro", details: line }), "reporte");
    seeded.challengeIds.push(challenge.id);

    // A past exchange where the practice was shown, with a testimonial of its author.
    const event = await createEvent({
      type: "intercambio",
      title: `${label} ${line}`,
      summary: line,
      startsOn: dayIn(-2),
      endsOn: dayIn(-2),
      startTime: "09:00",
      endTime: "13:00",
      macroregionId: null,
      hostRegionId: null,
      modality: "presencial",
      place: line,
      meetingUrl: null,
      agenda: md,
      capacity: null,
      invitedRegionIds: [],
      createdBy: viewer.id,
    });
    await setEventPractices({ eventId: event.id, items: [{ practiceId: practice.id, commentatorId: experto.id }] });
    must(await registerForEvent({ eventId: event.id, userId: author.id, at: before.toISOString() }), "inscripción");
    must(await recordAttendance({ eventId: event.id, actorId: viewer.id, attendedUserIds: [author.id] }), "asistencia");
    must(await saveTestimonial({ eventId: event.id, userId: author.id, text: md }), "testimonio");

    // A badge awarded to the author, and a notification for the viewer.
    const badge = must(await createBadge({ name: `${label} ${line}`, description: line, criteria: md, level: "bronce", kind: "manual", rule: null, createdBy: viewer.id }), "insignia");
    const award = await awardBadge({ badgeId: badge.id, userId: author.id, awardedBy: viewer.id, reason: line, evidenceUrl: "https://ejemplo.pe/constancia" });
    if (!award.awarded) throw new Error("insignia no otorgada");
    await notify({ userId: viewer.id, type: "badge_awarded", title: line, body: md, link: null });

    const practicePath = `/practicas/${practice.slug}`;
    seeded.practicePaths.push(practicePath);
    const openPages = [practicePath, `/desafios/${challenge.id}`, `/iniciativas/${initiative.id}`, `/eventos/${event.id}`, `/perfil/${author.id}`, `/insignias/${badge.slug}`, `/credenciales/${award.credentialId}`];
    seeded.open.push(...openPages);
    seeded.signedIn.push(
      ...openPages,
      `${practicePath}/historial`,
      `${practicePath}/evidencias`,
      `${practicePath}/retroalimentacion`,
      `${practicePath}/editar`,
      `/asesorias/${advisory.id}`,
      `/transferencias/${transfer.id}`,
      `/eventos/${event.id}/reporte`,
      `/admin/insignias/${badge.id}`,
    );
  }
  const lists = ["/", `/practicas?q=${tag}`, `/desafios?q=${tag}`, `/iniciativas?q=${tag}`, "/eventos", "/insignias", "/ranking"];
  seeded.open.push(...lists);
  seeded.signedIn.push(
    ...lists,
    "/panel",
    "/notificaciones",
    "/asesorias",
    "/transferencias",
    "/admin/reportes",
    "/admin/lineas",
    `/admin/igeds?q=${encodeURIComponent(`Zz XSS ${tag}`)}`,
    "/admin/insignias",
    "/admin/practicas",
    `/admin/usuarios?q=${tag}`,
  );
  return seeded;
}

/** A request for the marker: /xss-hit, /practicas/xss-hit (a relative fetch), /xss-hit.js, /xss-hit/ (a base). */
const MARKER_PATH = new RegExp(`/${XSS_MARKER}(\\.[a-z]+)?/?$`);

/**
 * Watches a page for any sign of a payload at work: a dialog, a request to the marker, a CSP
 * violation or a script error. Dialogs are dismissed so that the page carries on.
 */
async function watch(page: Page) {
  const signs: string[] = [];
  page.on("dialog", (dialog) => {
    signs.push(`diálogo ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  page.on("request", (request) => {
    // Payload text ends up in slugs and search terms; only a request for the marker itself counts.
    const url = new URL(request.url());
    if (url.hostname.startsWith("xss.") || MARKER_PATH.test(url.pathname)) signs.push(`solicitud a ${request.url()}`);
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) signs.push(message.text());
  });
  page.on("pageerror", (error) => signs.push(`${error.name}: ${error.message}`));
  // The browser's own report of blocked content, independent of the console wording.
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__cspViolations.push(`CSP ${e.violatedDirective}: ${e.blockedURI}`));
  });
  return signs;
}

/** What is wrong with the DOM of the page: markup that a payload could have put there. */
function dangerousMarkup(): string[] {
  const found: string[] = [];
  const w = window as unknown as { __xss?: unknown; __cspViolations?: string[] };
  if (w.__xss !== undefined) found.push("window.__xss quedó definido");
  found.push(...(w.__cspViolations ?? []));
  const scripts = [...document.scripts];
  for (const script of scripts) {
    if (!script.nonce || script.nonce !== scripts[0]!.nonce) found.push(`script sin el nonce de la página: ${script.outerHTML.slice(0, 120)}`);
  }
  const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "codebase", "srcset"];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith("on")) found.push(`<${element.localName} ${name}>`);
      if (name === "srcdoc") found.push(`<${element.localName} srcdoc>`);
      if (URL_ATTRIBUTES.includes(name)) {
        let protocol: string;
        try {
          protocol = new URL(attribute.value, document.baseURI).protocol;
        } catch {
          continue;
        }
        const harmlessData = protocol === "data:" && element.localName === "img";
        if (!["http:", "https:", "mailto:", "tel:"].includes(protocol) && !harmlessData) found.push(`<${element.localName} ${name}="${attribute.value.slice(0, 80)}">`);
      }
    }
  }
  for (const element of document.querySelectorAll("iframe, frame, frameset, object, embed, applet, portal, base, meta[http-equiv], math, svg script, link[rel=import], template")) {
    found.push(`<${element.localName}> en la página`);
  }
  return found;
}

/** Opens a page and checks that nothing of the corpus ran, loaded or slipped into the DOM. */
async function expectHarmless(page: Page, signs: string[], path: string, { javaScriptEnabled = true } = {}) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} responde`).toBe(200);
  await page.waitForLoadState("load");
  // Two frames: time for error, focus and animation handlers to fire, had any survived.
  if (javaScriptEnabled) await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await page.evaluate(dangerousMarkup), path).toEqual([]);
  expect(signs, path).toEqual([]);
}

async function signedInPage(browser: Browser, memberId: number, javaScriptEnabled = true) {
  const baseURL = test.info().project.use.baseURL!;
  const context = await browser.newContext({ baseURL, javaScriptEnabled, locale: "es-PE", timezoneId: "America/Lima" });
  const session = await lucia.createSession(memberId, { createdAt: new Date() });
  await context.addCookies([{ name: lucia.sessionCookieName, value: session.id, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  const page = await context.newPage();
  return { page, signs: await watch(page), close: () => context.close() };
}

test.describe("the XSS corpus in every field", () => {
  let seeded: Seeded;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    seeded = await seedCorpus();
  });

  // DIFOCA's pages are split in two tests, so that both workers share them.
  for (const half of [0, 1] as const) {
    test(`DIFOCA opens every page that shows the corpus and nothing runs (part ${half + 1})`, async ({ page, login }) => {
      test.setTimeout(120_000);
      const signs = await watch(page);
      await login({ id: seeded.viewerId });
      const paths = seeded.signedIn.filter((_, i) => i % 2 === half);
      for (const path of paths) await expectHarmless(page, signs, path);
    });
  }

  test("a visitor opens every public page that shows the corpus and nothing runs", async ({ page }) => {
    test.setTimeout(120_000);
    const signs = await watch(page);
    for (const path of seeded.open) await expectHarmless(page, signs, path);
  });

  test("plain-text fields show the payloads as text, and markdown shows code as code", async ({ page, login }) => {
    const signs = await watch(page);
    await login({ id: seeded.viewerId });
    for (const [i, chunk] of CHUNKS.entries()) {
      await expectHarmless(page, signs, seeded.practicePaths[i]!);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(visibleSample(chunk));
    }
    // The corpus's code span holds a script tag: it is shown, as code.
    const withCodeSpan = CHUNKS.findIndex((chunk) => chunk.some((p) => p.name === "html in a code span stays text"));
    await expectHarmless(page, signs, seeded.practicePaths[withCodeSpan]!);
    await expect(page.locator(".markdown code").filter({ hasText: `<script>${XSS_SINK}</script>` }).first()).toBeVisible();
  });

  test("search terms are echoed back as text in the search box", async ({ page }) => {
    test.setTimeout(90_000);
    const signs = await watch(page);
    // The search box keeps 200 characters: the corpus packed into queries of at most that length
    // (the few longer payloads are covered by the stored fields).
    const queries: string[] = [];
    for (const { payload } of XSS_PAYLOADS) {
      const term = payload.replace(/\s+/g, " ");
      if (term.length > 200 || term.includes("\u0000")) continue;
      const last = queries.at(-1);
      if (last !== undefined && last.length + 1 + term.length <= 200) queries[queries.length - 1] = `${last} ${term}`;
      else queries.push(term);
    }
    // Every eighth query, alternating between the two search pages, keeps the run short.
    for (const [i, query] of queries.filter((_, n) => n % 8 === 0).entries()) {
      const section = i % 2 === 0 ? "/practicas" : "/desafios";
      await expectHarmless(page, signs, `${section}?q=${encodeURIComponent(query)}`);
      await expect(page.getByRole("searchbox").first()).toHaveValue(query);
    }
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`payloads typed into the practice form and a wall reply come back as text (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
      const gestor = await createMember({ iged: "UGEL Nasca" });
      const { page, signs, close } = await signedInPage(browser, gestor.id, javaScriptEnabled);
      try {
        // A title too short to save: the form answers 400 and shows what was typed, as typed.
        const tooShort = `"><i>x`;
        await expectHarmless(page, signs, "/practicas/nueva", { javaScriptEnabled });
        await page.getByLabel("Título").fill(tooShort);
        await page.getByRole("button", { name: "Guardar borrador" }).click();
        await expect(page.getByText("El título debe tener al menos 10 caracteres.")).toBeVisible();
        await expect(page.getByLabel("Título")).toHaveValue(tooShort);
        expect(await page.evaluate(dangerousMarkup)).toEqual([]);

        const title = `Práctica <script>${XSS_SINK}</script> "><svg onload=${XSS_SINK}>`;
        await page.getByLabel("Título").fill(title);
        await page.getByRole("button", { name: "Guardar borrador" }).click();
        await expect(page.getByRole("status")).toContainText("Se guardó el borrador");
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
        expect(await page.evaluate(dangerousMarkup)).toEqual([]);
        await page.getByRole("link", { name: "Editar" }).click();
        await page.getByLabel("Problema").fill(`Texto antes <img src=x onerror=${XSS_SINK}> y \`<b onclick=x>código</b>\`\n\n[clic](javascript:${XSS_SINK})`);
        await page.getByLabel("Resumen").fill(`</textarea><script>${XSS_SINK}</script>`);
        await page.getByRole("button", { name: "Guardar cambios" }).click();
        await expect(page.getByRole("status")).toHaveText("Se guardaron los cambios.");
        await expect(page.getByText("Texto antes")).toBeVisible();
        await expect(page.locator(".markdown code", { hasText: "<b onclick=x>código</b>" })).toBeVisible();
        expect(await page.evaluate(dangerousMarkup)).toEqual([]);
        expect(signs).toEqual([]);

        // A contribution to one of the corpus's challenges.
        await expectHarmless(page, signs, `/desafios/${seeded.challengeIds[0]}`, { javaScriptEnabled });
        const word = `aporte-${Math.random().toString(36).slice(2, 8)}`;
        const body = `${word} <script>${XSS_SINK}</script> con <img src=x onerror=${XSS_SINK}> y \`<svg onload=${XSS_SINK}>\``;
        await page.getByRole("textbox", { name: "Tu aporte", exact: true }).fill(body);
        await page.getByRole("button", { name: "Publicar aporte" }).click();
        await expect(page.locator(".wall-reply", { hasText: word }).locator("code", { hasText: `<svg onload=${XSS_SINK}>` })).toBeVisible();
        await page.waitForLoadState("load");
        expect(await page.evaluate(dangerousMarkup)).toEqual([]);
        expect(signs).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});
