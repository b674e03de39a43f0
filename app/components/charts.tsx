// Draws the charts laid out on the server by app/utils/charts.server.ts: plain SVG, no script.
// Each chart is one image for screen readers (its <title> and <desc>) and is followed by the same
// numbers in a real table, inside "Ver los datos", so nobody depends on seeing the drawing.
import { useId, type ReactNode } from "react";
import type { BarChartData, LineChartData } from "~/utils/charts.server";

const numberFormat = new Intl.NumberFormat("es-PE");

interface ChartTextProps {
  /** What the chart shows, e.g. "Prácticas vigentes por macrorregión, 2026". */
  title: string;
  /** A sentence for screen readers; the component adds the largest value and the total. */
  description: string;
  /** Headers of the data table's columns. */
  labelHeader: string;
  valueHeader: string;
}

export function BarChart({ chart, title, description, labelHeader, valueHeader, className }: ChartTextProps & { chart: BarChartData; className?: string }) {
  const id = useId();
  const top = chart.bars.reduce<BarChartData["bars"][number] | null>((best, bar) => (best === null || bar.value > best.value ? bar : best), null);
  const summary =
    chart.total === 0 || top === null
      ? `${description} Todos los valores son 0.`
      : `${description} El mayor valor es ${top.label}: ${numberFormat.format(top.value)}. Total: ${numberFormat.format(chart.total)}.`;
  return (
    <div className={className ? `chart ${className}` : "chart"}>
      <svg className="chart__svg" viewBox={chart.viewBox} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <g className="chart__grid">
          {chart.ticks.map((tick) => (
            <g key={tick.value}>
              <line x1={tick.at} x2={tick.at} y1={chart.plot.top} y2={chart.plot.bottom} />
              <text x={tick.at} y={chart.plot.top - 8} textAnchor="middle" className="chart__tick">
                {tick.label}
              </text>
            </g>
          ))}
        </g>
        <g className="chart__bars">
          {chart.bars.map((bar) => (
            <g key={bar.key} data-key={bar.key}>
              <title>{`${bar.label}: ${bar.valueLabel}`}</title>
              <text x={bar.labelX} y={bar.textY} textAnchor="end" dominantBaseline="middle" className="chart__label">
                {bar.shortLabel}
              </text>
              <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} className="chart__bar" />
              <text x={bar.valueX} y={bar.textY} dominantBaseline="middle" className="chart__value">
                {bar.valueLabel}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <ChartData caption={title}>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col">{valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {chart.bars.map((bar) => (
            <tr key={bar.key}>
              <th scope="row">{bar.label}</th>
              <td>{bar.valueLabel}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td>{numberFormat.format(chart.total)}</td>
          </tr>
        </tfoot>
      </ChartData>
    </div>
  );
}

export function LineChart({ chart, title, description, labelHeader, className }: Omit<ChartTextProps, "valueHeader"> & { chart: LineChartData; className?: string }) {
  const id = useId();
  const totals = chart.series.map((s) => `${s.label}: ${numberFormat.format(s.total)}`).join("; ");
  return (
    <div className={className ? `chart ${className}` : "chart"}>
      <svg className="chart__svg" viewBox={chart.viewBox} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{`${description} En total: ${totals}.`}</desc>
        <g className="chart__grid">
          {chart.ticks.map((tick) => (
            <g key={tick.value}>
              <line x1={chart.plot.left} x2={chart.plot.right} y1={tick.at} y2={tick.at} />
              <text x={chart.plot.left - 8} y={tick.at} textAnchor="end" dominantBaseline="middle" className="chart__tick">
                {tick.label}
              </text>
            </g>
          ))}
          {chart.categories.map((category) => (
            <text key={category.key} x={category.x} y={chart.plot.bottom + 18} textAnchor="middle" className="chart__tick">
              {category.label}
            </text>
          ))}
        </g>
        {chart.series.map((series) => (
          <g key={series.key} className={`chart__series chart__series--${series.index}`} data-series={series.key}>
            {series.area ? <path d={series.area} className="chart__area" /> : null}
            <path d={series.path} className="chart__line" />
            {series.points.map((point) => (
              <circle key={point.category} cx={point.x} cy={point.y} r="3.5" className="chart__point">
                <title>{`${series.label}, ${point.category}: ${numberFormat.format(point.value)}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <ul className="chart__legend">
        {chart.series.map((series) => (
          <li key={series.key}>
            <svg className={`chart__swatch chart__series--${series.index}`} viewBox="0 0 28 10" aria-hidden="true" focusable="false">
              <line x1="1" x2="27" y1="5" y2="5" className="chart__line" />
            </svg>
            {series.label}
          </li>
        ))}
      </ul>
      <ChartData caption={title}>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            {chart.series.map((series) => (
              <th key={series.key} scope="col">
                {series.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chart.categories.map((category, i) => (
            <tr key={category.key}>
              <th scope="row">{category.name}</th>
              {chart.series.map((series) => (
                <td key={series.key}>{numberFormat.format(series.points[i]?.value ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {chart.series.map((series) => (
              <td key={series.key}>{numberFormat.format(series.total)}</td>
            ))}
          </tr>
        </tfoot>
      </ChartData>
    </div>
  );
}

/** The chart's numbers as a table, folded under "Ver los datos" (the table is in the page's HTML either way). */
function ChartData({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <details className="chart__data">
      <summary>Ver los datos</summary>
      <div className="table-wrap">
        <table>
          <caption>{caption}</caption>
          {children}
        </table>
      </div>
    </details>
  );
}
