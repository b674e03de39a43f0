import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { neutralizeFormula, toCsv, toXlsx, type Dataset } from "~/utils/exports.server";

const dataset: Dataset = {
  fileName: "prueba",
  sheetName: "Prácticas",
  columns: [{ header: "Título" }, { header: "Región" }, { header: "Visitas", kind: "number" }, { header: "Publicada el", kind: "date" }],
  rows: [
    ["Gestión del riesgo, en Ayacucho", "Ayacucho", 12, "2026-04-23"],
    ['Escuela "de la confianza"\ncon salto de línea', "Lima Metropolitana", 0, null],
    ["=SUM(A1:A9)", "+51 999", -3, "2025-12-31"],
    ["- Primera acción: diagnóstico", "@UGEL", 1, null],
  ],
};

async function openXlsx(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe("neutralizeFormula", () => {
  test("text a spreadsheet would run gets a leading apostrophe; other text stays as it is", () => {
    for (const text of ["=1+1", "+51", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) expect(neutralizeFormula(text)).toBe(`'${text}`);
    for (const text of ["Ayacucho", "", "Año 2026 = bueno", "'ya citado"]) expect(neutralizeFormula(text)).toBe(text);
  });
});

describe("toCsv", () => {
  const csv = toCsv(dataset);

  test("starts with the UTF-8 byte order mark and ends every line with CRLF", () => {
    expect(csv.startsWith("\uFEFFTítulo,Región,Visitas,Publicada el\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  test("quotes fields with commas, quotes and line breaks, doubling the quotes (RFC 4180)", () => {
    const lines = csv.slice(1).split("\r\n");
    expect(lines[1]).toBe('"Gestión del riesgo, en Ayacucho",Ayacucho,12,2026-04-23');
    expect(lines[2]).toBe('"Escuela ""de la confianza""\ncon salto de línea",Lima Metropolitana,0,');
  });

  test("a formula typed as text arrives as text; numbers stay numbers", () => {
    expect(csv).toContain("'=SUM(A1:A9),'+51 999,-3,2025-12-31\r\n");
    expect(csv).toContain("'- Primera acción: diagnóstico,'@UGEL,1,\r\n");
  });
});

describe("toXlsx", () => {
  test("opens in exceljs with a bold, frozen header row and the same rows", async () => {
    const sheet = await openXlsx(await toXlsx(dataset));
    expect(sheet.name).toBe("Prácticas");
    expect(sheet.getRow(1).values).toEqual([undefined, "Título", "Región", "Visitas", "Publicada el"]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getCell("A2").value).toBe("Gestión del riesgo, en Ayacucho");
    expect(sheet.getCell("C2").value).toBe(12);
    expect(sheet.getCell("D2").value).toEqual(new Date(Date.UTC(2026, 3, 23)));
    expect(sheet.getCell("A3").value).toBe('Escuela "de la confianza"\ncon salto de línea');
    expect(sheet.getCell("D3").value).toBeNull();
  });

  test("a formula typed as text is a string cell, never a formula, shown as typed without an apostrophe", async () => {
    const sheet = await openXlsx(await toXlsx(dataset));
    const cell = sheet.getCell("A4");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe("=SUM(A1:A9)");
    expect(cell.formula).toBeUndefined();
    expect(sheet.getCell("B4").value).toBe("+51 999");
    expect(sheet.getCell("C4").value).toBe(-3);
    // A title that starts with a dash reads as it was written.
    expect(sheet.getCell("A5").value).toBe("- Primera acción: diagnóstico");
    expect(sheet.getCell("B5").value).toBe("@UGEL");
  });

  test("characters XML forbids are dropped so Excel can open the file", async () => {
    const sheet = await openXlsx(await toXlsx({ ...dataset, rows: [["Con\u0007 campana\u000B", "Ica", 1, null]] }));
    expect(sheet.getCell("A2").value).toBe("Con campana");
  });
});
