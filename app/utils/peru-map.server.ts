// Maps of Peru's 26 community regions, drawn on the server as SVG path data (ADR 009). The
// shapes come from INEI's limits (db/geo): the 25 departments, with Lima split into Lima
// Metropolitana and Lima Provincias by merging the province shapes. Loaders call regionMap or
// flowMap and hand the plain result to <PeruMap>; nothing here reaches the browser.
//
// The regions' outlines are the same on every map, so they are not in the pages: they are one file,
// /mapas/regiones.svg (regionSprite), which the browser keeps, and each map draws a region with
// <use href="/mapas/regiones.svg?v=…#region-{slug}">. A map page then weighs a few kilobytes
// instead of the ~45 KB of outlines, twice (the markup and the loader data): ADR 015.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { geoContains, geoMercator, geoPath, type GeoProjection } from "d3-geo";
import { pathRound } from "d3-path";
import { scaleLinear, scaleQuantize, scaleThreshold } from "d3-scale";
import { merge } from "topojson-client";
import { topology } from "topojson-server";
import type { MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from "topojson-specification";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { MACROREGIONS } from "../../db/reference/regions";
import { slugify } from "~/utils/slug";

/** The drawing is 600 units wide; its height follows Peru's shape. */
const WIDTH = 600;
const PADDING = 8;
/** Coordinates in the SVG keep one decimal: a tenth of a unit is far below a screen pixel. */
const DIGITS = 1;
/** Darkest tone used by the stylesheet (peru-map__region--t1 … t5); t0 is "none". */
const TONES = 5;
/** At most this many coloured buckets besides the "0" bucket. */
const MAX_BUCKETS = 5;

const GEO_FILES = {
  departments: "peru_departamental_simple.geojson",
  provinces: "peru_provincial_simple.geojson",
} as const;

export interface RegionShape {
  slug: string;
  name: string;
  /** SVG path data in the map's viewBox. */
  path: string;
  /** A point inside the region, for arrows and labels. */
  centroid: [number, number];
}

export interface PeruMapRegion extends Omit<RegionShape, "path"> {
  value: number;
  /** Index in `legend`, or null when the map colours nothing (a flow map without values). */
  bucket: number | null;
  /** 0 for "none", 1..5 from light to dark: the CSS class peru-map__region--t{tone}. */
  tone: number | null;
  /** What the region's <title> says, e.g. "Junín: 3 prácticas". */
  title: string;
}

export interface PeruMapLegendItem {
  bucket: number;
  tone: number;
  /** Lowest and highest value in the bucket. */
  from: number;
  to: number;
  /** "0", "1–2", "3–5" … */
  label: string;
}

export interface PeruMapArrow {
  from: string;
  to: string;
  count: number;
  path: string;
  /** Stroke width in viewBox units, growing with the count. */
  width: number;
  title: string;
}

export type SkippedFlowReason = "unknown-region" | "same-region" | "no-count";

export interface SkippedFlow {
  from: string;
  to: string;
  count: number;
  reason: SkippedFlowReason;
}

/** Everything <PeruMap> needs, serializable from a loader. */
export interface PeruMapData {
  viewBox: string;
  /** The regions' outlines: `${sprite}#region-{slug}` (regionSprite). */
  sprite: string;
  width: number;
  height: number;
  regions: PeruMapRegion[];
  legend: PeruMapLegendItem[];
  arrows: PeruMapArrow[];
  /** Id of the arrowhead <marker>, unique per map on a page; null when there are no arrows. */
  arrowMarkerId: string | null;
  /** Keys of `values` that are not regions (a caller's bug, kept visible instead of thrown). */
  unknownRegions: string[];
  /** Flows that could not be drawn as an arrow, and why. */
  skippedFlows: SkippedFlow[];
}

interface Drawing {
  width: number;
  height: number;
  shapes: RegionShape[];
}

let drawing: Drawing | undefined;

/** The 26 regions projected into the map's viewBox, computed once per process. */
export function regionShapes(): RegionShape[] {
  return loadDrawing().shapes;
}

export interface RegionMapInput {
  /** A number per region slug (e.g. practices per region); missing regions count as 0. */
  values: Record<string, number>;
  /** The region's <title>; by default "Junín: 3". */
  label?: (slug: string, value: number, name: string) => string;
}

/** A choropleth: each region coloured by its value, with the legend of the buckets. */
export function regionMap(input: RegionMapInput): PeruMapData {
  const { width, height, shapes } = loadDrawing();
  const { regions, legend, unknownRegions } = colourRegions(shapes, input.values, input.label);
  return {
    viewBox: `0 0 ${width} ${height}`,
    sprite: regionSpriteUrl(),
    width,
    height,
    regions,
    legend,
    arrows: [],
    arrowMarkerId: null,
    unknownRegions,
    skippedFlows: [],
  };
}

export interface Flow {
  from: string;
  to: string;
  count: number;
}

export interface FlowMapInput {
  flows: Flow[];
  /** Optionally colours the regions too (e.g. transfers received); without it they stay neutral. */
  values?: Record<string, number>;
  label?: RegionMapInput["label"];
  /** The arrow's <title>; by default "Ayacucho → Áncash: 1 transferencia". */
  flowLabel?: (flow: Flow & { fromName: string; toName: string }) => string;
  /** Makes the arrowhead's id unique when a page shows more than one flow map. */
  id?: string;
}

/**
 * Arrows from the source region to the receiving one, curved to the right of their direction so
 * that A→B and B→A never overlap. Repeated pairs are added up. A flow naming an unknown region,
 * staying in one region or counting nothing is not drawn and comes back in `skippedFlows`.
 */
export function flowMap(input: FlowMapInput): PeruMapData {
  const { width, height, shapes } = loadDrawing();
  const bySlug = new Map(shapes.map((shape) => [shape.slug, shape]));

  const skippedFlows: SkippedFlow[] = [];
  const pairs = new Map<string, Flow>();
  for (const flow of input.flows) {
    const reason: SkippedFlowReason | null =
      !bySlug.has(flow.from) || !bySlug.has(flow.to)
        ? "unknown-region"
        : flow.from === flow.to
          ? "same-region"
          : !(Number.isFinite(flow.count) && flow.count > 0)
            ? "no-count"
            : null;
    if (reason) {
      skippedFlows.push({ ...flow, reason });
      continue;
    }
    const key = `${flow.from}→${flow.to}`;
    const previous = pairs.get(key);
    pairs.set(key, { from: flow.from, to: flow.to, count: (previous?.count ?? 0) + flow.count });
  }

  // Thick arrows first, so thin ones stay visible on top.
  const flows = [...pairs.values()].sort((a, b) => b.count - a.count);
  const maxCount = Math.max(1, ...flows.map((flow) => flow.count));
  const strokeWidth = scaleLinear().domain([1, maxCount]).range([2, 4.5]).clamp(true);
  const flowLabel = input.flowLabel ?? defaultFlowLabel;

  const arrows = flows.map((flow): PeruMapArrow => {
    const source = bySlug.get(flow.from)!;
    const target = bySlug.get(flow.to)!;
    return {
      ...flow,
      path: curvedArrow(source.centroid, target.centroid),
      width: Math.round(strokeWidth(flow.count) * 10) / 10,
      title: flowLabel({ ...flow, fromName: source.name, toName: target.name }),
    };
  });

  const coloured = input.values ? colourRegions(shapes, input.values, input.label) : null;
  const regions =
    coloured?.regions ??
    shapes.map((shape) => ({ ...withoutPath(shape), value: 0, bucket: null, tone: null, title: shape.name }));

  return {
    viewBox: `0 0 ${width} ${height}`,
    sprite: regionSpriteUrl(),
    width,
    height,
    regions,
    legend: coloured?.legend ?? [],
    arrows,
    arrowMarkerId: `${slugify(input.id ?? "mapa-flujos")}-flecha`,
    unknownRegions: coloured?.unknownRegions ?? [],
    skippedFlows,
  };
}

/** Where the regions' outlines are served (app/routes/mapas.regiones[.]svg.ts). */
const REGION_SPRITE_PATH = "/mapas/regiones.svg";

let sprite: { svg: string; version: string } | undefined;

/**
 * The 26 regions' outlines as one SVG file, each a <path id="region-{slug}"> in the maps' viewBox,
 * with no fill of its own (a map colours each <use> through the stylesheet). `version` changes
 * when the drawing does, so the file can be cached for good under its versioned address.
 */
export function regionSprite(): { svg: string; version: string } {
  if (!sprite) {
    const { width, height, shapes } = loadDrawing();
    const paths = shapes.map((shape) => `<path id="region-${shape.slug}" d="${shape.path}"/>`).join("\n");
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}">\n${paths}\n</svg>\n`;
    sprite = { svg, version: createHash("sha256").update(svg).digest("hex").slice(0, 12) };
  }
  return sprite;
}

function regionSpriteUrl(): string {
  return `${REGION_SPRITE_PATH}?v=${regionSprite().version}`;
}

function withoutPath({ slug, name, centroid }: RegionShape): Omit<RegionShape, "path"> {
  return { slug, name, centroid };
}

// ---------------------------------------------------------------------------------------------

function defaultFlowLabel(flow: Flow & { fromName: string; toName: string }): string {
  return `${flow.fromName} → ${flow.toName}: ${flow.count} ${flow.count === 1 ? "transferencia" : "transferencias"}`;
}

const numberFormat = new Intl.NumberFormat("es-PE");

function colourRegions(
  shapes: RegionShape[],
  values: Record<string, number>,
  label: RegionMapInput["label"] = (_slug, value, name) => `${name}: ${numberFormat.format(value)}`,
): { regions: PeruMapRegion[]; legend: PeruMapLegendItem[]; unknownRegions: string[] } {
  const known = new Set(shapes.map((shape) => shape.slug));
  const unknownRegions = Object.keys(values).filter((slug) => !known.has(slug));
  const valueOf = (slug: string) => {
    const value = values[slug];
    return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
  };
  const legend = legendFor(Math.max(0, ...shapes.map((shape) => valueOf(shape.slug))));
  // Bucket 0 holds everything below 1; each later bucket starts at its `from`.
  const bucketOf = scaleThreshold<number, number>()
    .domain(legend.slice(1).map((item) => item.from))
    .range(legend.map((item) => item.bucket));
  const regions = shapes.map((shape) => {
    const value = valueOf(shape.slug);
    const bucket = bucketOf(value);
    return { ...withoutPath(shape), value, bucket, tone: legend[bucket]?.tone ?? 0, title: label(shape.slug, value, shape.name) };
  });
  return { regions, legend, unknownRegions };
}

/**
 * "0" and up to five buckets of whole numbers splitting 1..max evenly (d3's quantize thresholds,
 * rounded up), coloured from light to dark over the stylesheet's five tones.
 */
function legendFor(max: number): PeruMapLegendItem[] {
  const top = Math.ceil(max);
  const legend: PeruMapLegendItem[] = [{ bucket: 0, tone: 0, from: 0, to: 0, label: "0" }];
  if (top < 1) return legend;
  const count = Math.min(MAX_BUCKETS, top);
  const thresholds = scaleQuantize()
    .domain([1, top + 1])
    .range(Array.from({ length: count }, (_, index) => index))
    .thresholds()
    .map(Math.ceil);
  const starts = [...new Set([1, ...thresholds])];
  const tone = scaleLinear().domain([1, starts.length]).rangeRound([1, TONES]);
  starts.forEach((from, index) => {
    const to = (starts[index + 1] ?? top + 1) - 1;
    const bucket = index + 1;
    legend.push({
      bucket,
      tone: starts.length === 1 ? TONES : tone(bucket),
      from,
      to,
      label: from === to ? numberFormat.format(from) : `${numberFormat.format(from)}–${numberFormat.format(to)}`,
    });
  });
  return legend;
}

/**
 * A quadratic curve bending to the right of the way it goes, its ends pulled back along the
 * curve's own tangents so the arrowhead stops short of the receiving region's point.
 */
function curvedArrow([x0, y0]: [number, number], [x1, y1]: [number, number]): string {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const length = Math.hypot(dx, dy);
  const bend = 0.22;
  // In SVG's downward y, (-dy, dx) points to the right of the direction of travel.
  const control: [number, number] = [(x0 + x1) / 2 - dy * bend, (y0 + y1) / 2 + dx * bend];
  const gap = Math.min(4, length * 0.15);
  const start = towards([x0, y0], control, gap);
  const end = towards([x1, y1], control, gap);
  const path = pathRound(DIGITS);
  path.moveTo(...start);
  path.quadraticCurveTo(control[0], control[1], ...end);
  return path.toString();
}

function towards([x, y]: [number, number], [tx, ty]: [number, number], distance: number): [number, number] {
  const length = Math.hypot(tx - x, ty - y) || 1;
  return [x + ((tx - x) / length) * distance, y + ((ty - y) / length) * distance];
}

// ---------------------------------------------------------------------------------------------

type RegionFeature = Feature<Polygon | MultiPolygon, { slug: string; name: string }>;

function loadDrawing(): Drawing {
  drawing ??= drawRegions(regionFeatures());
  return drawing;
}

function drawRegions(features: RegionFeature[]): Drawing {
  const collection: FeatureCollection<Polygon | MultiPolygon> = { type: "FeatureCollection", features };
  const projection: GeoProjection = geoMercator().fitWidth(WIDTH - 2 * PADDING, collection);
  const [tx, ty] = projection.translate();
  projection.translate([tx + PADDING, ty + PADDING]);
  const path = geoPath(projection).digits(DIGITS);
  const height = Math.ceil(path.bounds(collection)[1][1] + PADDING);

  const shapes = features.map((feature): RegionShape => {
    const [cx, cy] = path.centroid(feature);
    const centroid: [number, number] = [round(cx), round(cy)];
    // A crescent's centroid can fall outside it; then the region's largest part is used.
    const inside = geoContains(feature, projection.invert!(centroid)!);
    return {
      slug: feature.properties.slug,
      name: feature.properties.name,
      path: path(feature) ?? "",
      centroid: inside ? centroid : largestPartCentroid(feature, path),
    };
  });
  shapes.sort((a, b) => a.name.localeCompare(b.name, "es"));
  return { width: WIDTH, height, shapes };
}

function largestPartCentroid(feature: RegionFeature, path: ReturnType<typeof geoPath>): [number, number] {
  const parts =
    feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  const largest = parts
    .map((coordinates) => ({ type: "Polygon" as const, coordinates }))
    .sort((a, b) => path.area(b) - path.area(a))[0]!;
  const [cx, cy] = path.centroid(largest);
  return [round(cx), round(cy)];
}

function round(value: number): number {
  return Math.round(value * 10 ** DIGITS) / 10 ** DIGITS;
}

/** The community's regions by slug, with the names people read (accents included). */
function regionNames(): Map<string, string> {
  return new Map(MACROREGIONS.flatMap((macro) => macro.regions.map((name) => [slugify(name), name] as const)));
}

const LIMA_DEPARTMENT = "LIMA";
const LIMA_PROVINCE = "LIMA";

function regionFeatures(): RegionFeature[] {
  const names = regionNames();
  const feature = (slug: string, geometry: Polygon | MultiPolygon): RegionFeature => {
    const name = names.get(slug);
    if (!name) throw new Error(`db/geo: ${slug} no es una región de db/reference/regions.ts`);
    return { type: "Feature", properties: { slug, name }, geometry };
  };

  const departments = readGeoJson(GEO_FILES.departments).features.filter(
    (department) => department.properties?.NOMBDEP !== LIMA_DEPARTMENT,
  );
  const features = departments.map((department) =>
    feature(slugify(String(department.properties?.NOMBDEP)), department.geometry),
  );

  // Merging through a topology drops the borders the provinces share, so each half of Lima is
  // one outline; only Lima's provinces are needed for it.
  const limaProvinces: FeatureCollection = {
    type: "FeatureCollection",
    features: readGeoJson(GEO_FILES.provinces).features.filter(
      (province) => province.properties?.FIRST_NOMB === LIMA_DEPARTMENT,
    ),
  };
  const lima: Topology = topology({ provinces: limaProvinces });
  const provinces = lima.objects.provinces;
  if (provinces?.type !== "GeometryCollection") throw new Error("db/geo: faltan las provincias de Lima");
  const [metropolitana, provincias] = partition(
    provinces.geometries as Array<TopoPolygon<{ NOMBPROV?: string }> | TopoMultiPolygon<{ NOMBPROV?: string }>>,
    (province) => province.properties?.NOMBPROV === LIMA_PROVINCE,
  );
  features.push(feature(slugify("Lima Metropolitana"), merge(lima, metropolitana)));
  features.push(feature(slugify("Lima Provincias"), merge(lima, provincias)));
  return features;
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

function readGeoJson(file: string): FeatureCollection<Polygon | MultiPolygon> {
  return JSON.parse(readFileSync(join(geoDir(), file), "utf8")) as FeatureCollection<Polygon | MultiPolygon>;
}

/**
 * db/geo from the project root. This module runs from app/utils in tests and scripts and from
 * the bundled build/index.js in production, so it walks up to the first folder that has it.
 */
function geoDir(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(folder, "db", "geo");
    if (existsSync(join(candidate, GEO_FILES.departments))) return candidate;
    const parent = dirname(folder);
    if (parent === folder) return join(process.cwd(), "db", "geo");
    folder = parent;
  }
}
