// The public part of /panel: the community's figures and the charts drawn from them. The figures
// are kept until the data or the day changes (getPublicDashboard, ADR 013); the charts drawn from
// them are kept the same way, since drawing them (scales, bars, the map's colours) cost a tenth of
// the page's CPU on every request (ADR 015).
import { getPublicDashboard } from "~/models/dashboard.server";
import { cachedAggregate } from "~/utils/cache.server";
import { barChart, lineChart } from "~/utils/charts.server";
import { todayInLima } from "~/utils/dates";
import { getDb, type DB } from "~/utils/db.server";
import { regionMap } from "~/utils/peru-map.server";
import { STAGE_LABELS } from "~/utils/practice-labels";

const MONTHS = [
  ["Ene", "Enero"],
  ["Feb", "Febrero"],
  ["Mar", "Marzo"],
  ["Abr", "Abril"],
  ["May", "Mayo"],
  ["Jun", "Junio"],
  ["Jul", "Julio"],
  ["Ago", "Agosto"],
  ["Set", "Setiembre"],
  ["Oct", "Octubre"],
  ["Nov", "Noviembre"],
  ["Dic", "Diciembre"],
] as const;

const practicesWord = (n: number) => (n === 1 ? "1 práctica vigente" : `${n.toLocaleString("es-PE")} prácticas vigentes`);

/** The year's public figures and their charts, as the panel shows them to everyone. */
export function publicPanel(year: number, db: DB = getDb()) {
  return cachedAggregate(
    `panel-page:${year}:${todayInLima()}`,
    async () => {
      const { practices, activities, members, stageMoves, tiers } = await getPublicDashboard(year, db);
      const values = Object.fromEntries(practices.byRegion.map((r) => [r.slug, r.count]));
      return {
        practices,
        activities,
        members,
        charts: {
          map: regionMap({ values, label: (_slug, value, name) => `${name}: ${practicesWord(value)}` }),
          byMacroregion: barChart(practices.byMacroregion.map((m) => ({ key: m.slug, label: m.name, value: m.count }))),
          byStage: barChart(practices.byStage.map((s) => ({ key: s.stage, label: STAGE_LABELS[s.stage], value: s.count }))),
          byLine: barChart(practices.byLine.map((l) => ({ key: l.slug ?? "sin-linea", label: l.name, value: l.count })), { labelWidth: 260 }),
          stageMoves: lineChart({
            categories: stageMoves.map((m, i) => ({ key: m.month, label: MONTHS[i]![0], name: MONTHS[i]![1] })),
            series: [
              { key: "intermedio", label: "Pasaron a intermedio", values: stageMoves.map((m) => m.toIntermedio) },
              { key: "avanzado", label: "Pasaron a avanzado", values: stageMoves.map((m) => m.toAvanzado) },
              { key: "retroceso", label: "Volvieron a un estadio anterior", values: stageMoves.map((m) => m.demoted) },
            ],
          }),
          tiers: barChart(tiers.map((t) => ({ key: t.slug ?? "sin-escala", label: t.name, value: t.count }))),
        },
      };
    },
    db,
  );
}
