import { describe, expect, test } from "vitest";
import { barChart, lineChart } from "~/utils/charts.server";

describe("bar charts", () => {
  test("bars grow with their value from one baseline, in the order given", () => {
    const chart = barChart([
      { key: "centro", label: "Centro", value: 8 },
      { key: "sur", label: "Sur", value: 2 },
      { key: "norte", label: "Norte", value: 0 },
    ]);
    const [centro, sur, norte] = chart.bars;
    expect(chart.bars.map((b) => b.key)).toEqual(["centro", "sur", "norte"]);
    expect(new Set(chart.bars.map((b) => b.x)).size).toBe(1);
    expect(centro!.width / sur!.width).toBeCloseTo(4, 1);
    expect(norte!.width).toBe(0);
    expect(sur!.y).toBeGreaterThan(centro!.y);
    expect(chart.total).toBe(10);
    expect(chart.ticks.every((t) => Number.isInteger(t.value))).toBe(true);
    // Everything is plain data a loader can send.
    expect(JSON.parse(JSON.stringify(chart))).toEqual(chart);
  });

  test("long labels are shortened beside the bar but kept whole for the table", () => {
    const label = "Formación técnico-productiva y empleabilidad en zonas rurales";
    const [bar] = barChart([{ key: "linea", label, value: 1 }], { labelWidth: 140 }).bars;
    expect(bar!.label).toBe(label);
    expect(bar!.shortLabel.endsWith("…")).toBe(true);
    expect(bar!.shortLabel.length).toBeLessThanOrEqual(20);
  });

  test("all zeros still draw an axis, with empty bars", () => {
    const chart = barChart([{ key: "a", label: "A", value: 0 }]);
    expect(chart.bars[0]!.width).toBe(0);
    expect(chart.ticks.length).toBeGreaterThan(1);
  });
});

describe("line charts", () => {
  test("one path per series through one point per category", () => {
    const chart = lineChart({
      categories: [
        { key: "01", label: "Ene", name: "Enero" },
        { key: "02", label: "Feb", name: "Febrero" },
        { key: "03", label: "Mar", name: "Marzo" },
      ],
      series: [
        { key: "arriba", label: "Pasaron", values: [0, 4, 2] },
        { key: "abajo", label: "Volvieron", values: [1, 0, 0] },
      ],
      areas: true,
    });
    expect(chart.series.map((s) => s.points.length)).toEqual([3, 3]);
    const [up] = chart.series;
    expect(up!.path).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
    expect(up!.area).toMatch(/Z$/);
    expect(up!.total).toBe(6);
    // Higher values sit higher (smaller y); the zero line is the plot's bottom.
    expect(up!.points[1]!.y).toBeLessThan(up!.points[2]!.y);
    expect(up!.points[0]!.y).toBe(chart.plot.bottom);
    expect(chart.categories.map((c) => c.name)).toEqual(["Enero", "Febrero", "Marzo"]);
    expect(up!.points[1]!.category).toBe("Febrero");
  });
});
