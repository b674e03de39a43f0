// The dashboard's charts, laid out on the server with d3-scale and d3-shape. Loaders call
// barChart/lineChart and hand the plain result (numbers and strings only) to the components of
// app/components/charts.tsx, which draw it as SVG: no chart library and no script reach the browser.
import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { area, line } from "d3-shape";

/** Coordinates keep one decimal: a tenth of a unit is far below a screen pixel. */
const DIGITS = 1;
const round = (n: number) => Math.round(n * 10 ** DIGITS) / 10 ** DIGITS;
const numberFormat = new Intl.NumberFormat("es-PE");

// ---------------------------------------------------------------------------------------------
// Horizontal bars (regions, lines, stages, tiers...)

export interface BarInput {
  key: string;
  label: string;
  value: number;
}

export interface Bar {
  key: string;
  /** The whole label, for the bar's <title> and the data table. */
  label: string;
  /** The label drawn beside the bar, shortened when it would not fit. */
  shortLabel: string;
  value: number;
  valueLabel: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the label ends (text-anchor end) and where the value starts, on the bar's middle line. */
  labelX: number;
  valueX: number;
  textY: number;
}

export interface AxisTick {
  value: number;
  label: string;
  /** Position along the axis: x for bars, y for lines. */
  at: number;
}

export interface BarChartData {
  viewBox: string;
  width: number;
  height: number;
  bars: Bar[];
  /** Vertical grid lines at round values, from the top of the plot to its bottom. */
  ticks: AxisTick[];
  plot: { left: number; right: number; top: number; bottom: number };
  total: number;
}

export interface BarChartOptions {
  width?: number;
  /** Room for the labels on the left. */
  labelWidth?: number;
  /** Height of one row (bar and gap). */
  rowHeight?: number;
}

/** Characters of a label that fit in the label column at the stylesheet's 13px text. */
function fitLabel(label: string, labelWidth: number): string {
  const max = Math.max(6, Math.floor(labelWidth / 7));
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

/** Horizontal bars in the order given, on a scale from 0 to a round value above the largest. */
export function barChart(items: BarInput[], options: BarChartOptions = {}): BarChartData {
  const width = options.width ?? 640;
  const labelWidth = options.labelWidth ?? 190;
  const rowHeight = options.rowHeight ?? 26;
  const plot = { left: labelWidth + 8, right: width - 48, top: 22, bottom: 22 + Math.max(1, items.length) * rowHeight };
  const height = plot.bottom + 6;
  const max = Math.max(1, ...items.map((item) => item.value));
  const x = scaleLinear().domain([0, max]).nice().range([plot.left, plot.right]);
  const y = scaleBand<string>()
    .domain(items.map((item) => item.key))
    .range([plot.top, plot.bottom])
    .paddingInner(0.25)
    .paddingOuter(0.125);
  const bars = items.map((item): Bar => {
    const top = y(item.key) ?? plot.top;
    const value = Math.max(0, item.value);
    return {
      key: item.key,
      label: item.label,
      shortLabel: fitLabel(item.label, labelWidth),
      value: item.value,
      valueLabel: numberFormat.format(item.value),
      x: round(plot.left),
      y: round(top),
      width: round(x(value) - plot.left),
      height: round(y.bandwidth()),
      labelX: round(plot.left - 8),
      valueX: round(x(value) + 6),
      textY: round(top + y.bandwidth() / 2),
    };
  });
  const ticks = x
    .ticks(Math.min(5, x.domain()[1]!))
    .filter(Number.isInteger)
    .map((value) => ({ value, label: numberFormat.format(value), at: round(x(value)) }));
  return {
    viewBox: `0 0 ${width} ${round(height)}`,
    width,
    height: round(height),
    bars,
    ticks,
    plot,
    total: items.reduce((sum, item) => sum + item.value, 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Lines over categories (months)

export interface LineSeriesInput {
  key: string;
  label: string;
  /** One value per category, in the categories' order. */
  values: number[];
}

export interface LinePoint {
  x: number;
  y: number;
  value: number;
  category: string;
}

export interface LineSeries {
  key: string;
  label: string;
  /** 0, 1, 2...: the stylesheet's line style (colour and dash) for this series. */
  index: number;
  /** SVG path data from d3-shape's line(). */
  path: string;
  /** The area under the line (d3-shape's area()), when the chart asks for areas. */
  area: string | null;
  points: LinePoint[];
  total: number;
}

export interface LineChartData {
  viewBox: string;
  width: number;
  height: number;
  /** `label` is drawn under the axis (it may be short, "Set"); `name` is read in the table ("Setiembre"). */
  categories: { key: string; label: string; name: string; x: number }[];
  /** Horizontal grid lines at round values. */
  ticks: AxisTick[];
  plot: { left: number; right: number; top: number; bottom: number };
  series: LineSeries[];
}

export interface LineChartInput {
  categories: { key: string; label: string; name?: string }[];
  series: LineSeriesInput[];
  /** Fill the area under each line (for one or two series; more would hide each other). */
  areas?: boolean;
  width?: number;
  height?: number;
}

/** One line per series over the categories, on a scale from 0 to a round value above the largest. */
export function lineChart(input: LineChartInput): LineChartData {
  const width = input.width ?? 640;
  const height = input.height ?? 260;
  const plot = { left: 40, right: width - 16, top: 16, bottom: height - 30 };
  const keys = input.categories.map((c) => c.key);
  const x = scalePoint<string>().domain(keys).range([plot.left, plot.right]).padding(0.3);
  const max = Math.max(1, ...input.series.flatMap((s) => s.values));
  const y = scaleLinear().domain([0, max]).nice().range([plot.bottom, plot.top]);

  const drawLine = line<LinePoint>()
    .x((p) => p.x)
    .y((p) => p.y)
    .digits(DIGITS);
  const drawArea = area<LinePoint>()
    .x((p) => p.x)
    .y0(y(0))
    .y1((p) => p.y)
    .digits(DIGITS);

  const series = input.series.map((s, index): LineSeries => {
    const points = input.categories.map((category, i) => {
      const value = s.values[i] ?? 0;
      return { x: round(x(category.key) ?? plot.left), y: round(y(value)), value, category: category.name ?? category.label };
    });
    return {
      key: s.key,
      label: s.label,
      index,
      path: drawLine(points) ?? "",
      area: input.areas ? (drawArea(points) ?? null) : null,
      points,
      total: points.reduce((sum, p) => sum + p.value, 0),
    };
  });

  const ticks = y
    .ticks(Math.min(4, y.domain()[1]!))
    .filter(Number.isInteger)
    .map((value) => ({ value, label: numberFormat.format(value), at: round(y(value)) }));

  return {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    categories: input.categories.map((c) => ({ key: c.key, label: c.label, name: c.name ?? c.label, x: round(x(c.key) ?? plot.left) })),
    ticks,
    plot,
    series,
  };
}
