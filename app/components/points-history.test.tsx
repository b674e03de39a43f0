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
  });

  test("says how points are earned when there are none yet", () => {
    expect(render({ total: 0, yearPoints: 0, year: 2026, entries: [] })).toContain("Aún no hay puntos.");
    expect(formatPoints(0)).toBe("0");
  });
});
