import { describe, expect, test } from "vitest";
import { markdownBlocks, renderEventReportPdf, toWinAnsi } from "~/utils/event-report-pdf.server";
import type { ReportDocument, ReportPractice } from "~/utils/event-report.server";

// Node's TextDecoder("windows-1252") reads 0x80–0x9F as Latin-1 control characters; WinAnsi puts
// the typographic marks there.
const WIN_ANSI_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const winAnsi = { decode: (bytes: Buffer) => [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? WIN_ANSI_HIGH[b - 0x80] : String.fromCharCode(b))).join("") };

/** The text of each page of an uncompressed pdfkit PDF: one content stream per page, text in hex. */
function pageTexts(pdf: Uint8Array): string[] {
  const raw = Buffer.from(pdf).toString("latin1");
  const streams = [...raw.matchAll(/stream\n([\s\S]*?)\nendstream/g)].map((m) => m[1] ?? "").filter((s) => s.includes(" TJ"));
  return streams.map((stream) =>
    [...stream.matchAll(/\[([^\]]*)\] TJ/g)]
      .map((line) => [...(line[1] ?? "").matchAll(/<([0-9a-f]*)>/g)].map((hex) => winAnsi.decode(Buffer.from(hex[1] ?? "", "hex"))).join(""))
      .join("\n"),
  );
}

function practice(number: number, overrides: Partial<ReportPractice> = {}): ReportPractice {
  return {
    number,
    title: `Práctica número ${number}`,
    regionName: "Junín",
    igeds: ["DRE Junín", "UGEL Huancayo"],
    url: `http://localhost:3000/practicas/practica-${number}`,
    problem: "Un problema con **cifras**: 64 % de IIEE sin planes.",
    strategy: "- Acción uno\n- Acción dos\n  - Detalle anidado",
    results: "1. Resultado medible\n2. Otro resultado",
    commentatorName: "Jorge Chávez Escobar",
    feedback: [],
    ...overrides,
  };
}

function report(overrides: Partial<ReportDocument> = {}): ReportDocument {
  return {
    eventId: 1,
    slug: "intercambio-2026",
    eventTitle: "I Intercambio de Buenas Prácticas – Macrorregión Centro",
    title: "Reporte de sistematización: I Intercambio de Buenas Prácticas – Macrorregión Centro",
    type: "intercambio",
    typeLabel: "Intercambio macrorregional",
    dates: "23 y 24 de abril de 2026",
    place: "Huacho",
    modalityLabel: "Presencial",
    hostRegionName: "Lima Provincias",
    macroregionName: "Centro",
    presentation: ["El intercambio macrorregional «I Intercambio» se realizó los días 23 y 24 de abril de 2026 en Huacho → Huaura."],
    participantsLine: "Participaron 3 gestores de 2 regiones.",
    participantRegions: [
      { name: "Lima Provincias", count: 2 },
      { name: "Junín", count: 1 },
    ],
    invitedRegions: ["Áncash"],
    igedGroups: [{ label: "DRE/GRE", names: ["DRE Junín"] }],
    directors: [{ name: "Jaime Ortega", position: "Director Regional de Educación", igedName: "DRE Junín" }],
    practices: [
      practice(1, {
        title: "Puentes para la inclusión",
        feedback: [
          {
            authorName: "Jorge Chávez Escobar",
            authorPosition: "Consejero del CNE",
            keyAspects: "Articula la escuela con el **mercado laboral**.",
            opportunities: ["Incorporar al sector productivo."],
            recommendations: ["Institucionalizar la participación empresarial."],
          },
        ],
      }),
      practice(2, { title: "Gestión del riesgo de desastres" }),
    ],
    testimonials: [{ text: "Nos gustaría adaptarla y replicarla 📅.", name: "Carolina García", position: "Especialista", igedName: "UGEL Huaraz" }],
    generatedOn: "30 de abril de 2026",
    ...overrides,
  };
}

describe("text for the standard PDF fonts", () => {
  test("Spanish stays as written; what WinAnsi lacks is replaced or dropped", () => {
    expect(toWinAnsi("¿Año «niño»? – “sí” … 5 € ü ª º N.° ¡ya!")).toBe("¿Año «niño»? – “sí” … 5 € ü ª º N.° ¡ya!");
    expect(toWinAnsi("Huacho → Huaura ≥ 80 %")).toBe("Huacho -> Huaura >= 80 %");
    expect(toWinAnsi("📅 Día 1")).toBe(" Día 1");
    expect(toWinAnsi("Jose\u0301 Pe\u0301rez")).toBe("José Pérez");
    expect(toWinAnsi("Erdős 中")).toBe("Erdos ?");
    expect(toWinAnsi("10:30\u202fa. m.")).toBe("10:30 a. m.");
  });
});

describe("markdown as paragraphs and lists", () => {
  test("paragraphs, headings, bullet and numbered lists with their nesting, links with their address", () => {
    expect(
      markdownBlocks("Primer **párrafo** con [enlace](https://minedu.gob.pe) &amp; más\nsegunda línea\n\n## Subtítulo\n\n- uno\n  - anidado\n- dos\n\n3. tres\n4. cuatro"),
    ).toEqual([
      { kind: "paragraph", text: "Primer párrafo con enlace (https://minedu.gob.pe) & más\nsegunda línea" },
      { kind: "heading", text: "Subtítulo" },
      { kind: "item", text: "uno", marker: "•", level: 0 },
      { kind: "item", text: "anidado", marker: "•", level: 1 },
      { kind: "item", text: "dos", marker: "•", level: 0 },
      { kind: "item", text: "tres", marker: "3.", level: 0 },
      { kind: "item", text: "cuatro", marker: "4.", level: 0 },
    ]);
    expect(markdownBlocks("<script>alert(1)</script>\n\n")).toEqual([]);
  });
});

describe("the PDF of a report", () => {
  test("a cover with contents, the summary, a page for each practice and the testimonials, numbered", async () => {
    const pdf = await renderEventReportPdf(report(), { compress: false });
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const pages = pageTexts(pdf);
    expect(pages).toHaveLength(5);
    pages.forEach((text, index) => expect(text).toContain(`Página ${index + 1} de 5`));

    // Lines wrap wherever the width ends: read each page as one run of text.
    const [cover, summary, first, second, testimonials] = pages.map((text) => text.replace(/\s*\n\s*/g, " "));
    expect(cover).toContain("Reporte de sistematización");
    expect(cover).toContain("I Intercambio de Buenas Prácticas – Macrorregión Centro");
    expect(cover).toContain("Índice");
    // The contents give each part the page it starts on.
    expect(cover).toMatch(/ 3 1\. Región Junín: Puentes para la inclusión/);
    expect(cover).toMatch(/ 4 2\. Región Junín: Gestión del riesgo de desastres/);

    expect(summary).toContain("Presentación");
    expect(summary).toContain("en Huacho -> Huaura.");
    expect(summary).toContain("Participaron 3 gestores de 2 regiones.");
    expect(summary).toContain("Jaime Ortega, Director Regional de Educación (DRE Junín)");

    expect(first).toContain("Puentes para la inclusión");
    expect(first).toContain("1. REGIÓN JUNÍN");
    expect(first).toContain("Un problema con cifras: 64 % de IIEE sin planes.");
    expect(first).toContain("Experto invitado: Jorge Chávez Escobar, Consejero del CNE");
    expect(first).toContain("Articula la escuela con el mercado laboral.");
    expect(first).toContain("Incorporar al sector productivo.");
    expect(first).toContain("Recomendaciones para la sostenibilidad y réplica");
    expect(first).not.toContain("Gestión del riesgo de desastres");

    expect(second).toContain("Gestión del riesgo de desastres");
    expect(second).toContain("Sin retroalimentación registrada en el evento.");

    expect(testimonials).toContain("“Nos gustaría adaptarla y replicarla .”");
    expect(testimonials).toContain("Carolina García · Especialista · UGEL Huaraz");
  });

  test("long texts flow onto more pages and the numbering follows", async () => {
    const long = Array.from({ length: 60 }, (_, i) => `- Acción ${i + 1}: una acción descrita con detalle suficiente para ocupar más de una línea en la página impresa del reporte.`).join("\n");
    const pdf = await renderEventReportPdf(report({ practices: [practice(1, { strategy: long })] }), { compress: false });
    const pages = pageTexts(pdf);
    expect(pages.length).toBeGreaterThan(4);
    expect(pages.at(-1)).toContain(`Página ${pages.length} de ${pages.length}`);
    expect(pages.join("\n")).toContain("Acción 60:");
  });
});
