import { readFileSync } from "node:fs";
import type { Browser } from "@playwright/test";
import { addAvailability } from "~/models/advisory.server";
import { lucia } from "~/utils/auth.server";
import { utcToLocal } from "~/utils/advisory-slots";
import { getDb } from "~/utils/db.server";
import { makePractice } from "../factories/practices";
import { expect, test } from "./fixtures";

const unique = () => Math.random().toString(36).slice(2, 7);

async function pageAs(browser: Browser, member: { id: number }) {
  const baseURL = test.info().project.use.baseURL!;
  const context = await browser.newContext({ baseURL, acceptDownloads: true });
  const session = await lucia.createSession(member.id, { createdAt: new Date() });
  await context.addCookies([{ name: lucia.sessionCookieName, value: session.id, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  return { page: await context.newPage(), close: () => context.close() };
}

test("a gestor requests an advisory, the advisor confirms, both see it in their calendars, the .ics downloads, the advisor records the minutes and the gestor marks a commitment done", { tag: "@sin-js" }, async ({ page, browser, makeMember, login }) => {
  const suffix = unique();
  const gestor = await makeMember({ name: `Gestora Huanta ${suffix}`, iged: "UGEL Huanta" });
  const practice = await makePractice({ publish: true, authorId: gestor.id, iged: "UGEL Huanta", title: `Comités escolares de gestión del riesgo ${suffix}` });
  const advisor = await makeMember({ role: "experto", iged: null, name: `Asesora Experta ${suffix}` });
  // The advisor's hours: every day from 08:00 to 18:00 in Lima, sessions of an hour.
  for (let weekday = 1; weekday <= 7; weekday++) {
    await addAvailability({ advisorId: advisor.id, kind: "weekly", weekday, date: null, startTime: "08:00", endTime: "18:00", sessionMinutes: 60 });
  }
  const topic = `Indicadores de resultado ${suffix}`;

  // The gestor picks the advisor, a free slot, and sends the request.
  await login(gestor);
  await page.goto(`/asesorias/nueva?practica=${practice.slug}`);
  await page.getByLabel("Asesor", { exact: true }).selectOption({ label: `Asesora Experta ${suffix} · Experto` });
  await page.getByRole("button", { name: "Ver horarios" }).click();
  await page.getByLabel("Tema").fill(topic);
  await page.getByLabel("¿Qué necesitan?").fill("Queremos definir indicadores de resultado y una línea de base para los comités.");
  await page.getByLabel("Elegir un horario de un asesor").check();
  const slot = page.locator(".advisory-slots input[type=radio]").first();
  const slotValue = (await slot.getAttribute("value"))!;
  await slot.check();
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(page.getByRole("status")).toContainText("Se envió tu solicitud");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(topic);
  const advisoryPath = new URL(page.url()).pathname;
  const startsAt = slotValue.split("|")[0]!;
  const month = utcToLocal(startsAt).date.slice(0, 7);

  // The advisor is told, opens it from their list and confirms it with the meeting link.
  const theirs = await pageAs(browser, advisor);
  await theirs.page.goto("/notificaciones");
  await expect(theirs.page.locator(".notifications")).toContainText(`«${topic}»`);
  await theirs.page.goto("/asesorias");
  await theirs.page.getByRole("link", { name: topic }).first().click();
  const confirm = theirs.page.getByRole("region", { name: "Confirmar la asesoría" });
  await confirm.getByLabel("Enlace de la reunión virtual").fill("https://meet.ejemplo.pe/comites-riesgo");
  await confirm.getByRole("button", { name: "Confirmar", exact: true }).click();
  await expect(theirs.page.getByRole("status")).toBeVisible();
  await expect(theirs.page.locator("main")).toContainText("Confirmada");

  // Both see it in their month view.
  await theirs.page.goto(`/asesorias/calendario?mes=${month}`);
  await expect(theirs.page.getByRole("link", { name: new RegExp(topic) }).first()).toBeVisible();
  await page.goto(`/asesorias/calendario?mes=${month}`);
  await expect(page.getByRole("link", { name: new RegExp(topic) }).first()).toBeVisible();

  // The gestor downloads the session for their calendar app.
  await page.goto(advisoryPath);
  await expect(page.locator("main")).toContainText("Confirmada");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Descargar .ics" }).click()]);
  const ics = readFileSync((await download.path())!, "utf8");
  expect(ics).toContain("BEGIN:VEVENT");
  expect(ics).toContain(topic);
  expect(ics).toContain(`DTSTART:${startsAt.replace(/[-:]/g, "").replace(/\.\d{3}/, "")}`);
  expect(ics).toContain("https://meet.ejemplo.pe/comites-riesgo");

  // Time passes: the session took place two hours ago.
  const past = new Date(Date.now() - 2 * 3600_000);
  past.setUTCMinutes(0, 0, 0);
  const advisoryId = Number(advisoryPath.split("/").pop());
  await getDb()
    .updateTable("advisories")
    .set({ startsAt: past.toISOString(), endsAt: new Date(past.getTime() + 3600_000).toISOString() })
    .where("id", "=", advisoryId)
    .execute();

  // The advisor records attendance, the minutes and a commitment.
  await theirs.page.goto(advisoryPath);
  const minutes = theirs.page.getByRole("region", { name: "Registrar la asistencia y el acta" });
  await minutes.getByLabel("Sí, se realizó").check();
  await minutes.getByLabel(`Gestora Huanta ${suffix}`).check();
  await minutes.getByLabel("Resumen").fill("Se revisaron los indicadores de los comités y se acordó una línea de base por escuela.");
  await minutes.getByLabel("Acuerdos").fill("- Aplicar la ficha de línea de base en 12 escuelas");
  const row = minutes.getByRole("group", { name: "Compromiso 1" });
  await row.getByLabel("Descripción").fill("Enviar la ficha de línea de base aplicada");
  await row.getByLabel("Responsable").selectOption({ label: `Gestora Huanta ${suffix}` });
  const due = utcToLocal(new Date(Date.now() + 14 * 24 * 3600_000).toISOString()).date;
  await row.getByLabel("Fecha límite").fill(due);
  await minutes.getByRole("button", { name: "Guardar el acta" }).click();
  await expect(theirs.page.getByRole("status")).toBeVisible();
  await expect(theirs.page.locator("main")).toContainText("Realizada");
  await theirs.close();

  // The gestor reads the minutes, marks the commitment done, and sees the points of attending.
  await page.goto(advisoryPath);
  await expect(page.locator("main")).toContainText("Se revisaron los indicadores de los comités");
  await page.getByRole("button", { name: /^Marcar como cumplido\s*: Enviar la ficha de línea de base aplicada/ }).click();
  await expect(page.locator(".advisory-commitment")).toContainText("Cumplido");
  await page.goto(`/perfil/${gestor.id}`);
  await expect(page.locator(".points-ledger")).toContainText("Asistencia a una asesoría");
});

test("a member outside the practice's team cannot see its advisory, and a visitor is sent to sign in", { tag: "@sin-js" }, async ({ page, makeMember, login }) => {
  const gestor = await makeMember({ iged: "UGEL Nasca" });
  const practice = await makePractice({ publish: true, authorId: gestor.id, iged: "UGEL Nasca" });
  const { requestAdvisory } = await import("~/models/advisory.server");
  const request = await requestAdvisory({ practiceId: practice.id, requestedBy: gestor.id, type: "personalizada", topic: "Plan de sostenibilidad", needs: "Necesitamos ordenar el financiamiento de la práctica.", modality: "virtual", advisorId: null, startsAt: null, minutes: null });
  if (!request.ok) throw new Error(request.reason);

  const visitor = await page.goto(`/asesorias/${request.id}`);
  expect(new URL(page.url()).pathname).toBe("/ingresar");
  expect(visitor?.status()).toBe(200);

  await login(await makeMember({ iged: "UGEL Yauli" }));
  const response = await page.goto(`/asesorias/${request.id}`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acceso no permitido");
});
