import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Field, SelectField } from "~/components/forms";
import { countPracticesForExport } from "~/models/export.server";
import { listMacroregions, listRegions } from "~/models/region.server";
import { listThematicLines } from "~/models/thematic-line.server";
import { EXPORT_DATASETS, exportYears, practiceFilterQuery, readPracticeFilters, readYear, thisYear } from "~/utils/exports.server";
import { IGED_TYPE_LABELS, IGED_TYPES } from "~/utils/iged-types";
import { requirePermission } from "~/utils/permissions.server";
import { STAGE_LABELS, STAGES } from "~/utils/practice-labels";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "exports.download");
  const params = new URL(request.url).searchParams;
  const [{ values, filters }, regions, macroregions, lines] = await Promise.all([
    readPracticeFilters(params),
    listRegions(),
    listMacroregions(),
    listThematicLines({ includeInactive: true }),
  ]);
  // The page drops a value that is not a choice (the download would refuse it); the form only offers choices.
  const chosenYear = readYear(params);
  const year = chosenYear.ok ? chosenYear.year : thisYear();
  const practiceQuery = practiceFilterQuery(values).toString();

  const label = (options: readonly { slug: string; name: string }[], slug: string) => options.find((o) => o.slug === slug)?.name ?? slug;
  const applied = [
    values.q ? `Búsqueda «${values.q}»` : null,
    values.region ? `Región ${label(regions, values.region)}` : null,
    values.macrorregion ? `Macrorregión ${label(macroregions, values.macrorregion)}` : null,
    values.estadio ? `Estadio ${STAGE_LABELS[values.estadio as (typeof STAGES)[number]].toLowerCase()}` : null,
    values.linea ? `Línea ${label(lines, values.linea)}` : null,
    values.tipo ? `IGED de tipo ${IGED_TYPE_LABELS[values.tipo as (typeof IGED_TYPES)[number]]}` : null,
    values.vigente ? (values.vigente === "si" ? "Solo vigentes" : "Solo no vigentes") : null,
    values.archivadas ? "Con las archivadas" : null,
  ].filter((x): x is string => x !== null);

  return json({
    values,
    year,
    years: exportYears(),
    applied,
    practiceCount: await countPracticesForExport(filters),
    datasets: Object.entries(EXPORT_DATASETS).map(([slug, dataset]) => {
      const query = slug === "practicas" ? practiceQuery : `anio=${year}`;
      return { slug, label: dataset.label, description: dataset.description, yearly: dataset.yearly, href: `/admin/exportes/${slug}?${query ? `${query}&` : ""}formato=` };
    }),
    options: {
      regions: regions.map((r) => ({ value: r.slug, label: r.name })),
      macroregions: macroregions.map((m) => ({ value: m.slug, label: m.name })),
      lines: lines.map((l) => ({ value: l.slug, label: l.name })),
    },
  });
}

function Choice({ label, name, value, all, options }: { label: string; name: string; value: string; all: string; options: { value: string; label: string }[] }) {
  return (
    <SelectField label={label} name={name} defaultValue={value}>
      <option value="">{all}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );
}

function Downloads({ href, label }: { href: string; label: string }): ReactNode {
  // Plain links, not Remix <Link>: the browser downloads the file instead of navigating in the app.
  return (
    <p className="row-actions">
      <a className="button button--small" href={`${href}csv`} download>
        Descargar CSV<span className="visually-hidden"> de {label.toLowerCase()}</span>
      </a>
      <a className="button button--small button--secondary" href={`${href}xlsx`} download>
        Descargar Excel (.xlsx)<span className="visually-hidden"> de {label.toLowerCase()}</span>
      </a>
    </p>
  );
}

export default function Exports() {
  const { values, year, years, applied, practiceCount, datasets, options } = useLoaderData<typeof loader>();
  const practices = datasets.find((d) => d.slug === "practicas")!;
  const yearly = datasets.filter((d) => d.yearly);
  return (
    <section className="container page">
      <p>
        <Link to="/admin">← Administración</Link>
      </p>
      <h1>Exportaciones</h1>
      <p className="lead">
        Descarga los datos de la comunidad en CSV (para cualquier hoja de cálculo) o en Excel, con los encabezados en castellano. Los archivos
        contienen datos personales de los miembros: guárdalos solo donde corresponda.
      </p>

      <Form method="get" className="filters" aria-label="Filtros de las exportaciones">
        <fieldset className="fieldset">
          <legend>Prácticas: los filtros del catálogo</legend>
          <Field label="Buscar" name="q" type="search" defaultValue={values.q} maxLength={200} />
          <div className="filters__grid">
            <Choice label="Región" name="region" value={values.region} all="Todas las regiones" options={options.regions} />
            <Choice label="Macrorregión" name="macrorregion" value={values.macrorregion} all="Todas" options={options.macroregions} />
            <Choice label="Estadio" name="estadio" value={values.estadio} all="Todos" options={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))} />
            <Choice label="Línea temática" name="linea" value={values.linea} all="Todas las líneas" options={options.lines} />
            <Choice label="Tipo de IGED" name="tipo" value={values.tipo} all="Todos" options={IGED_TYPES.map((t) => ({ value: t, label: IGED_TYPE_LABELS[t] }))} />
            <Choice
              label="Vigencia"
              name="vigente"
              value={values.vigente}
              all="Todas"
              options={[
                { value: "si", label: "Vigentes" },
                { value: "no", label: "No vigentes" },
              ]}
            />
            <div className="field field--checkbox">
              <input id="exportar-archivadas" name="archivadas" type="checkbox" value="si" defaultChecked={values.archivadas === "si"} />
              <label htmlFor="exportar-archivadas">Incluir archivadas</label>
            </div>
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>Año de las demás exportaciones</legend>
          <SelectField label="Año" name="anio" defaultValue={String(year)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
        </fieldset>
        <div className="filters__actions">
          <button type="submit">Aplicar</button>
          <Link to="/admin/exportes">Quitar los filtros</Link>
        </div>
      </Form>

      <ul className="cards">
        <li className="card">
          <h2>{practices.label}</h2>
          <p>{practices.description}</p>
          <p className="hint" aria-live="polite">
            {practiceCount === 0 ? "Ninguna práctica" : practiceCount === 1 ? "1 práctica" : `${practiceCount.toLocaleString("es-PE")} prácticas`}
            {applied.length > 0 ? ` con estos filtros: ${applied.join("; ")}.` : " publicadas, sin filtros."}
          </p>
          <Downloads href={practices.href} label={practices.label} />
        </li>
        {yearly.map((dataset) => (
          <li key={dataset.slug} className="card">
            <h2>{dataset.label}</h2>
            <p>{dataset.description}</p>
            <p className="hint">Año {year}.</p>
            <Downloads href={dataset.href} label={dataset.label} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Exportaciones | Comunidad de Práctica de Gestión Educativa" }];
