import ExcelJS from "exceljs";
import { beforeAll, describe, expect, test } from "vitest";
import { createEvent, recordAttendance, registerForEvent } from "~/models/event.server";
import { getIgedByName } from "~/models/iged.server";
import { listRegions } from "~/models/region.server";
import { loader as downloadLoader } from "~/routes/admin.exportes.$dataset";
import { loader as pageLoader } from "~/routes/admin.exportes";
import { createMember } from "../../tests/factories/members";
import { makePractice, publishedPractice } from "../../tests/factories/practices";
import { context, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

const PRACTICE_HEADERS = [
  "Título",
  "Región",
  "Macrorregión",
  "IGED que lidera",
  "Tipo de IGED",
  "Otras IGED",
  "Línea temática",
  "Estadio",
  "Estado",
  "Vigente",
  "Año de inicio",
  "Publicada el",
  "Visitas",
  "Retroalimentaciones",
  "Resumen",
  "Enlace",
];

/** RFC 4180 the way a spreadsheet reads it: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += c;
  }
  return rows;
}

async function download(path: string, userId: number) {
  const cookie = await sessionCookieFor(userId);
  const dataset = new URL(path, "http://x").pathname.split("/").at(-1);
  return respond(() => downloadLoader({ request: getRequest(path, cookie), params: { dataset }, context }));
}

/** The rows of a CSV download, after checking it starts with the UTF-8 byte order mark (Response.text() would hide it). */
async function csvRows(response: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.slice(3)));
}

async function openXlsx(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook.worksheets[0]!;
}

let difocaId: number;
let gestorId: number;
let slugOf: (name: string) => string;

beforeAll(async () => {
  difocaId = (await createMember({ role: "difoca", iged: null })).id;
  gestorId = (await createMember({ role: "gestor", iged: "UGEL Nasca" })).id;
  const regions = await listRegions();
  slugOf = (name) => regions.find((r) => r.name === name)!.slug;

  // Ica: two published practices and a draft that no export may show; Áncash: one more.
  await publishedPractice({ title: "Lectura rural con tabletas" });
  await publishedPractice({ title: "Bibliotecas itinerantes en Nasca" });
  await makePractice({ title: "Borrador que nadie ve todavía", iged: "UGEL Nasca" });
  const huaraz = await getIgedByName("UGEL Huaraz");
  await publishedPractice({ title: "Gestión del riesgo en Huaraz", leadIgedId: huaraz!.id });
  // Junín: a title a spreadsheet would run as a formula.
  const junin = await getIgedByName("DRE Junín");
  await publishedPractice({ title: "=SUM(1+1)*cmd|' /C calc'!A0", leadIgedId: junin!.id });
});

describe("/admin/exportes", () => {
  test("a gestor gets 403 for the page and for every download", async () => {
    const cookie = await sessionCookieFor(gestorId);
    expect((await respond(() => pageLoader({ request: getRequest("/admin/exportes", cookie), params: {}, context }))).status).toBe(403);
    expect((await download("/admin/exportes/practicas?formato=csv", gestorId)).status).toBe(403);
    expect((await download("/admin/exportes/miembros?formato=xlsx", gestorId)).status).toBe(403);
  });

  test("the CSV of practices with a region filter has the header line and exactly that region's published practices", async () => {
    const response = await download(`/admin/exportes/practicas?region=${slugOf("Ica")}&formato=csv`, difocaId);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="practicas-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...rows] = await csvRows(response);
    expect(header).toEqual(PRACTICE_HEADERS);
    expect(rows.map((r) => r[0])).toEqual(["Bibliotecas itinerantes en Nasca", "Lectura rural con tabletas"]);
    for (const row of rows) {
      expect(row.slice(1, 5)).toEqual(["Ica", "Centro", "UGEL Nasca", "UGEL"]);
      expect(row.slice(7, 10)).toEqual(["Inicial", "Publicada", "Sí"]);
      expect(row[15]).toMatch(/^http:\/\/localhost:3000\/practicas\//);
    }
  });

  test("the Excel file of the same filter opens with its headers and the same rows", async () => {
    const response = await download(`/admin/exportes/practicas?region=${slugOf("Ica")}&formato=xlsx`, difocaId);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const sheet = await openXlsx(response);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(PRACTICE_HEADERS);
    expect(sheet.rowCount).toBe(3);
    expect([sheet.getCell("A2").value, sheet.getCell("A3").value]).toEqual(["Bibliotecas itinerantes en Nasca", "Lectura rural con tabletas"]);
    expect(sheet.getCell("B2").value).toBe("Ica");
    expect(sheet.getCell("L2").value).toBeInstanceOf(Date);
  });

  test("a title that starts like a formula is text in both formats", async () => {
    const query = `/admin/exportes/practicas?region=${slugOf("Junín")}&formato=`;
    const [, row] = await csvRows(await download(`${query}csv`, difocaId));
    expect(row![0]).toBe("'=SUM(1+1)*cmd|' /C calc'!A0");
    const cell = (await openXlsx(await download(`${query}xlsx`, difocaId))).getCell("A2");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    // The .xlsx marks it as a string cell: it shows as typed, without the CSV's apostrophe.
    expect(cell.value).toBe("=SUM(1+1)*cmd|' /C calc'!A0");
  });

  test("an unknown dataset is 404; a bad format or filter is 400 with the reason in Spanish", async () => {
    expect((await download("/admin/exportes/contrasenas?formato=csv", difocaId)).status).toBe(404);
    const badFormat = await download("/admin/exportes/practicas?formato=pdf", difocaId);
    expect(badFormat.status).toBe(400);
    expect(await badFormat.json()).toEqual({ message: "El formato debe ser «csv» o «xlsx»." });
    const badRegion = await download("/admin/exportes/practicas?region=atlantida&formato=csv", difocaId);
    expect(badRegion.status).toBe(400);
    expect((await badRegion.json()).message).toBe("La región elegida no existe.");
    const badYear = await download("/admin/exportes/miembros?anio=1999&formato=csv", difocaId);
    expect(badYear.status).toBe(400);
    expect((await download("/admin/exportes/asistencia?evento=999999&formato=csv", difocaId)).status).toBe(404);
  });

  test("attendance has one row per registration, and members show the year's points", async () => {
    const year = new Date().getFullYear() - 1;
    const junin = (await listRegions()).find((r) => r.name === "Junín")!;
    const event = await createEvent({
      type: "webinar",
      title: "Webinar de gestión del riesgo",
      summary: "",
      startsOn: `${year}-06-10`,
      endsOn: `${year}-06-10`,
      startTime: "10:00",
      endTime: "12:00",
      macroregionId: null,
      hostRegionId: junin.id,
      modality: "virtual",
      place: "",
      meetingUrl: null,
      agenda: "",
      capacity: null,
      invitedRegionIds: [],
      createdBy: difocaId,
      at: `${year}-05-01T15:00:00.000Z`,
    });
    const came = await createMember({ name: "Asistente Quispe", iged: "DRE Junín" });
    const missed = await createMember({ name: "Ausente Mamani", iged: "UGEL Huaraz" });
    for (const userId of [came.id, missed.id]) await registerForEvent({ eventId: event.id, userId, at: `${year}-05-02T15:00:00.000Z` });
    await recordAttendance({ eventId: event.id, actorId: difocaId, attendedUserIds: [came.id] });

    const [header, ...rows] = await csvRows(await download(`/admin/exportes/asistencia?anio=${year}&formato=csv`, difocaId));
    expect(header!.slice(0, 5)).toEqual(["Evento", "Tipo de evento", "Inicio", "Fin", "Miembro"]);
    const byName = new Map(rows.map((r) => [r[4], r]));
    expect(rows).toHaveLength(2);
    expect(byName.get("Asistente Quispe")!.slice(7, 13)).toEqual(["DRE Junín", "DRE/GRE", "Junín", "Inscrito", "Sí", "Lista de DIFOCA"]);
    expect(byName.get("Ausente Mamani")!.slice(11, 13)).toEqual(["No", ""]);

    const sheet = await openXlsx(await download(`/admin/exportes/miembros?anio=${year}&formato=xlsx`, difocaId));
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(-4)).toEqual([`Puntos ${year}`, "Puntos totales", `Escala ${year}`, "Insignias"]);
    const member = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === "Asistente Quispe")!;
    expect(member.getCell(headers.indexOf(`Puntos ${year}`) + 1).value).toBe(25);
    expect(member.getCell(headers.indexOf("Puntos totales") + 1).value).toBe(25);

    const activities = await csvRows(await download(`/admin/exportes/actividades?anio=${year}&formato=csv`, difocaId));
    expect(activities[1]!.slice(0, 3)).toEqual([`${year}-06-10`, "Webinar", "Webinar de gestión del riesgo"]);
    expect(activities[1]![7]).toBe("1");
  });

  test("the page carries the catalog's filters and the year into every download link", async () => {
    const cookie = await sessionCookieFor(difocaId);
    const request = getRequest(`/admin/exportes?region=${slugOf("Ica")}&estadio=inicial&anio=2025`, cookie);
    const data = await (await respond(() => pageLoader({ request, params: {}, context }))).json();
    expect(data.practiceCount).toBe(2);
    expect(data.applied).toEqual(["Región Ica", "Estadio inicial"]);
    const links = Object.fromEntries(data.datasets.map((d: { slug: string; href: string }) => [d.slug, d.href]));
    expect(links.practicas).toBe(`/admin/exportes/practicas?region=${slugOf("Ica")}&estadio=inicial&formato=`);
    expect(links.miembros).toBe("/admin/exportes/miembros?anio=2025&formato=");
    expect(Object.keys(links)).toEqual(["practicas", "miembros", "actividades", "asesorias", "transferencias", "asistencia"]);
  });
});
