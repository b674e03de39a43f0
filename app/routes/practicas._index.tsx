import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { listCatalog, type Stage } from "~/models/practice.server";
import { listMacroregions, listRegions } from "~/models/region.server";
import { listThematicLines } from "~/models/thematic-line.server";
import { getUser } from "~/utils/auth.server";
import { can } from "~/utils/permissions.server";
import { IGED_TYPE_LABELS, IGED_TYPES } from "~/utils/iged-types";
import { CATALOG_SORT_LABELS, CATALOG_SORTS, STAGE_LABELS, STAGES, type CatalogSort } from "~/utils/practice-labels";
import { snippetParts } from "~/utils/search.server";
import { FilterSelect } from "~/components/forms";
import { requestedPage } from "~/utils/pagination.server";

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const params = url.searchParams;
  const [user, regions, macroregions, lines] = await Promise.all([getUser(request), listRegions(), listMacroregions(), listThematicLines({ includeInactive: true })]);
  const q = (params.get("q") ?? "").slice(0, 200);
  const filters = {
    q,
    region: pick(params.get("region"), regions.map((r) => r.slug)) ?? "",
    macrorregion: pick(params.get("macrorregion"), macroregions.map((m) => m.slug)) ?? "",
    estadio: pick(params.get("estadio"), STAGES) ?? "",
    linea: pick(params.get("linea"), lines.map((l) => l.slug)) ?? "",
    tipo: (pick(params.get("tipo"), IGED_TYPES) ?? "") as (typeof IGED_TYPES)[number] | "",
    vigente: pick(params.get("vigente"), ["si", "no"] as const) ?? "",
    archivadas: params.get("archivadas") === "si" ? "si" : "",
    orden: (pick(params.get("orden"), CATALOG_SORTS) ?? "") as CatalogSort | "",
  };
  const page = requestedPage(params);
  const result = await listCatalog({
    query: q,
    regionSlug: filters.region || undefined,
    macroregionSlug: filters.macrorregion || undefined,
    stage: (filters.estadio || undefined) as Stage | undefined,
    lineSlug: filters.linea || undefined,
    igedType: filters.tipo || undefined,
    vigente: filters.vigente === "" ? undefined : filters.vigente === "si",
    includeArchived: filters.archivadas === "si",
    sort: filters.orden || undefined,
    page,
  });
  return json({
    filters,
    options: {
      regions: regions.map((r) => ({ value: r.slug, label: r.name })),
      macroregions: macroregions.map((m) => ({ value: m.slug, label: m.name })),
      lines: lines.map((l) => ({ value: l.slug, label: l.name })),
    },
    canCreate: can(user, "practices.create"),
    result: {
      ...result,
      items: result.items.map((item) => ({
        ...item,
        stageLabel: STAGE_LABELS[item.stage],
        snippet: item.snippet ? snippetParts(item.snippet) : null,
      })),
    },
  });
}


export default function Catalog() {
  const { filters, options, result, canCreate } = useLoaderData<typeof loader>();
  // On a phone the filters fold away; they open by themselves when one is in use.
  const filtersActive = Object.entries(filters).some(([key, value]) => key !== "q" && value !== "");
  return (
    <section className="container page">
      <div className="page-heading">
        <h1>Buenas prácticas de gestión educativa</h1>
        {canCreate ? (
          <Link to="/practicas/nueva" className="button">
            Registrar una práctica
          </Link>
        ) : null}
      </div>
      <p className="lead">
        Las prácticas de las DRE/GRE, UGEL y gobiernos locales, con su estadio en la ruta de fortalecimiento y la
        retroalimentación de los expertos.
      </p>

      <Form method="get" className="filters" role="search" aria-label="Buscar prácticas">
        <div className="field field--search">
          <label htmlFor="filtro-q">Buscar</label>
          <input id="filtro-q" name="q" type="search" defaultValue={filters.q} maxLength={200} placeholder="Por ejemplo: gestion del riesgo, lectura rural" />
        </div>
        <details className="filters__more" open={filtersActive}>
          <summary>Filtros y orden</summary>
          <div className="filters__grid">
            <FilterSelect name="region" label="Región" value={filters.region} options={options.regions} all="Todas las regiones" />
            <FilterSelect name="macrorregion" label="Macrorregión" value={filters.macrorregion} options={options.macroregions} all="Todas" />
            <FilterSelect name="estadio" label="Estadio" value={filters.estadio} options={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))} all="Todos" />
            <FilterSelect name="linea" label="Línea temática" value={filters.linea} options={options.lines} all="Todas las líneas" />
            <FilterSelect name="tipo" label="Tipo de IGED" value={filters.tipo} options={IGED_TYPES.map((t) => ({ value: t, label: IGED_TYPE_LABELS[t] }))} all="Todos" />
            <FilterSelect name="vigente" label="Vigencia" value={filters.vigente} options={[{ value: "si", label: "Vigentes" }, { value: "no", label: "No vigentes" }]} all="Todas" />
            <FilterSelect
              name="orden"
              label="Ordenar por"
              value={filters.orden}
              options={CATALOG_SORTS.filter((s) => s !== "relevancia" || filters.q).map((s) => ({ value: s, label: CATALOG_SORT_LABELS[s] }))}
              all={filters.q ? "Relevancia" : "Más recientes"}
            />
            <div className="field field--checkbox">
              <input id="filtro-archivadas" name="archivadas" type="checkbox" value="si" defaultChecked={filters.archivadas === "si"} />
              <label htmlFor="filtro-archivadas">Incluir archivadas</label>
            </div>
          </div>
        </details>
        <div className="filters__actions">
          <button type="submit">Buscar</button>
          <Link to="/practicas">Limpiar filtros</Link>
        </div>
      </Form>

      <p aria-live="polite" className="result-count">
        {result.total === 0
          ? "No encontramos prácticas con esos criterios."
          : result.total === 1
            ? "1 práctica encontrada."
            : `${result.total.toLocaleString("es-PE")} prácticas encontradas.`}
      </p>

      <ol className="practice-list">
        {result.items.map((item) => (
          <li key={item.id} className="card practice-card">
            <h2>
              <Link to={`/practicas/${item.slug}`}>{item.title}</Link>
            </h2>
            <p className="practice-card__meta">
              <span className="tag tag--stage">Estadio {item.stageLabel.toLowerCase()}</span>{" "}
              {item.thematicLineName ? <span className="tag">{item.thematicLineName}</span> : null}{" "}
              {item.status === "archivada" ? <span className="tag">Archivada</span> : null}
            </p>
            <p className="hint">
              {item.regionName} · {item.leadIgedName}
              {item.vigente ? "" : " · No vigente"} · {item.visitCount.toLocaleString("es-PE")} visitas
            </p>
            {item.snippet ? (
              <p className="snippet">
                {item.snippet.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
              </p>
            ) : (
              <p>{item.summary}</p>
            )}
          </li>
        ))}
      </ol>

      <Pagination page={result.page} pages={result.pages} />
    </section>
  );
}

export const meta: MetaFunction = () => [
  { title: "Buenas prácticas | Comunidad de Práctica de Gestión Educativa" },
  { name: "description", content: "Catálogo de buenas prácticas de gestión educativa de las DRE/GRE, UGEL y gobiernos locales del Perú." },
];
