import { renderToStaticMarkup } from "react-dom/server";
import { MemoryRouter } from "react-router-dom";
import { describe, expect, test } from "vitest";
import { formatPoints, PointsHistory, type PointsHistoryProps } from "~/components/points-history";

const render = (props: PointsHistoryProps) =>
  renderToStaticMarkup(
    <MemoryRouter>
      <PointsHistory {...props} />
    </MemoryRouter>,
  );

describe("PointsHistory", () => {
  test("explains each movement: date, label, signed points, what earned it and why", () => {
    const html = render({
      total: 1235,
      yearPoints: 45,
      year: 2026,
      totalEntries: 3,
      historyLink: "/perfil/7/puntos",
      entries: [
        { id: 3, date: "2026-05-04T15:00:00.000Z", label: "Ajuste manual de DIFOCA", kind: "adjustment", points: -5, reason: "Puntos duplicados.", subjectTitle: null, link: null },
        { id: 2, date: "2026-04-23T15:00:00.000Z", label: "Práctica publicada", kind: "award", points: 50, reason: null, subjectTitle: "Escuelas seguras", link: "/practicas/escuelas-seguras" },
      ],
    });
    expect(html).toContain("Por qué tengo estos puntos");
    expect(html).toContain(`<dd>${(1235).toLocaleString("es-PE")}</dd>`);
    expect(html).toContain("4 de mayo de 2026");
    expect(html).toContain("\u22125");
    expect(html).toContain("+50");
    expect(html).toMatch(/<a [^>]*href="\/practicas\/escuelas-seguras"[^>]*>Escuelas seguras<\/a>/);
    expect(html).toContain("Motivo: Puntos duplicados.");
    expect(html).toContain("Se muestran los 2 movimientos más recientes de 3.");
    expect(html).toMatch(/<a [^>]*href="\/perfil\/7\/puntos"[^>]*>Ver todo el historial de puntos<\/a>/);
  });

  test("on the profile, no link to the history when every entry is already shown", () => {
    const entry = { id: 1, date: "2026-04-23T15:00:00.000Z", label: "Práctica publicada", kind: "award" as const, points: 50, reason: null, subjectTitle: null, link: null };
    const html = render({ total: 50, yearPoints: 50, year: 2026, totalEntries: 1, historyLink: "/perfil/7/puntos", entries: [entry] });
    expect(html).not.toContain("Ver todo el historial");
    expect(html).not.toContain("Página");
  });

  test("in the whole history, a page says which entries it holds and links to the pages around it", () => {
    const entries = [51, 52].map((n) => ({ id: 100 - n, date: "2026-04-23T15:00:00.000Z", label: "Aporte útil", kind: "award" as const, points: 5, reason: null, subjectTitle: null, link: null }));
    const html = render({ total: 900, yearPoints: 100, year: 2026, totalEntries: 152, entries, page: 2, pages: 4, perPage: 50 });
    expect(html).toContain("Movimientos 51 a 52 de 152.");
    expect(html).toContain('<ol class="points-ledger" start="51">');
    expect(html).toContain("Página 2 de 4");
    expect(html).toMatch(/<a [^>]*href="\/\?pagina=1"[^>]*>Anterior<\/a>/);
    expect(html).toMatch(/<a [^>]*href="\/\?pagina=3"[^>]*>Siguiente<\/a>/);
    expect(html).not.toContain("más recientes");
  });

  test("says how points are earned when there are none yet", () => {
    expect(render({ total: 0, yearPoints: 0, year: 2026, entries: [] })).toContain("Aún no hay puntos.");
    expect(formatPoints(0)).toBe("0");
  });
});
