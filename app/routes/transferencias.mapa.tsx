import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PeruMap } from "~/components/peru-map";
import { listTransferYears, transferFlows } from "~/models/transfer.server";
import { flowMap } from "~/utils/peru-map.server";

const transfers = (n: number) => (n === 1 ? "1 transferencia" : `${n.toLocaleString("es-PE")} transferencias`);

export async function loader({ request }: LoaderFunctionArgs) {
  const years = await listTransferYears();
  const asked = new URL(request.url).searchParams.get("anio");
  // An unknown year is ignored, as in the list: the map then shows every year.
  const year = years.find((y) => String(y) === asked) ?? null;
  const flows = await transferFlows(year ? { year } : {});

  const received: Record<string, number> = {};
  const regions = new Map<string, { slug: string; name: string; outgoing: number; received: number }>();
  const region = (slug: string, name: string) => {
    const row = regions.get(slug) ?? { slug, name, outgoing: 0, received: 0 };
    regions.set(slug, row);
    return row;
  };
  for (const flow of flows) {
    region(flow.from, flow.fromName).outgoing += flow.count;
    region(flow.to, flow.toName).received += flow.count;
    received[flow.to] = (received[flow.to] ?? 0) + flow.count;
  }

  const map = flowMap({
    flows: flows.map(({ from, to, count }) => ({ from, to, count })),
    values: received,
    label: (_slug, value, name) => `${name}: ${value === 1 ? "1 transferencia recibida" : `${value} transferencias recibidas`}`,
    id: year ? `transferencias-${year}` : "transferencias",
  });
  const skipped = new Set(map.skippedFlows.map((f) => `${f.from}→${f.to}`));

  return json({
    year,
    years,
    map,
    total: flows.reduce((sum, flow) => sum + flow.count, 0),
    flows: flows.map((flow) => ({
      from: flow.from,
      to: flow.to,
      fromName: flow.fromName,
      toName: flow.toName,
      count: flow.count,
      completed: flow.completed,
      // Within one region there is no arrow to draw; the table still counts it.
      drawn: !skipped.has(`${flow.from}→${flow.to}`),
    })),
    regions: [...regions.values()].sort((a, b) => a.name.localeCompare(b.name, "es")),
  });
}

export default function TransferMap() {
  const { year, years, map, flows, regions, total } = useLoaderData<typeof loader>();
  const inYear = year ? ` en ${year}` : "";
  const listLink = (params: Record<string, string>) => `/transferencias?${new URLSearchParams({ ...params, ...(year ? { anio: String(year) } : {}) }).toString()}`;
  return (
    <section className="container page">
      <p>
        <Link to={year ? `/transferencias?anio=${year}` : "/transferencias"}>Transferencias</Link>
      </p>
      <h1>Mapa de las transferencias{inYear}</h1>
      <p className="lead">
        De qué región viene cada práctica transferida y a qué región llega. Cuentan las transferencias aceptadas por DIFOCA: en curso,
        suspendidas o completadas.
      </p>

      {years.length > 1 ? (
        <Form method="get" className="search-form" aria-label="Elegir el año">
          <div className="field">
            <label htmlFor="mapa-anio">Activas en el año</label>
            <select id="mapa-anio" name="anio" defaultValue={year ? String(year) : ""}>
              <option value="">Todos los años</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">Ver</button>
        </Form>
      ) : null}

      <div className="transfer-map">
        <PeruMap
          map={map}
          className="transfer-map__figure"
          title={`Transferencias entre regiones del Perú${inYear}`}
          description={
            flows.length === 0
              ? "Mapa de las 26 regiones del Perú. Aún no hay transferencias en curso."
              : "Mapa de las 26 regiones del Perú con flechas desde la región de cada práctica hacia la región de la IGED que la adopta; el color de cada región indica cuántas transferencias recibió. Los mismos datos están en las tablas que siguen al mapa."
          }
          legendTitle="Transferencias recibidas"
        />

        <div className="transfer-map__tables">
          {flows.length === 0 ? (
            <p>Aún no hay transferencias en curso{inYear}.</p>
          ) : (
            <>
              <p className="result-count">{transfers(total)} entre regiones{inYear}.</p>
              <div className="table-wrap">
                <table>
                  <caption>Flujos de transferencias por región de origen y región receptora{inYear}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Región de origen</th>
                      <th scope="col">Región receptora</th>
                      <th scope="col">Transferencias</th>
                      <th scope="col">Completadas</th>
                    </tr>
                  </thead>
                  <tbody>
                    {flows.map((flow) => (
                      <tr key={`${flow.from}-${flow.to}`}>
                        <th scope="row">{flow.fromName}</th>
                        <td>
                          {flow.toName}
                          {flow.drawn ? null : <span className="hint"> (en la misma región: sin flecha en el mapa)</span>}
                        </td>
                        <td>
                          <Link to={listLink({ origen: flow.from, receptora: flow.to })}>
                            {flow.count}
                            <span className="visually-hidden">
                              {" "}
                              {flow.count === 1 ? "transferencia" : "transferencias"} de {flow.fromName} a {flow.toName}
                            </span>
                          </Link>
                        </td>
                        <td>{flow.completed}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>

              <div className="table-wrap">
                <table>
                  <caption>Transferencias por región{inYear}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Región</th>
                      <th scope="col">Salientes</th>
                      <th scope="col">Recibidas</th>
                    </tr>
                  </thead>
                  <tbody>
                    {regions.map((r) => (
                      <tr key={r.slug}>
                        <th scope="row">{r.name}</th>
                        <td>{r.outgoing}</td>
                        <td>{r.received}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {regions.length < map.regions.length ? <p className="hint">Las demás regiones aún no tienen transferencias{inYear}.</p> : null}
            </>
          )}
        </div>
      </div>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Mapa de las transferencias${data?.year ? ` en ${data.year}` : ""} | Comunidad de Práctica de Gestión Educativa` },
  { name: "description", content: "Mapa del Perú con los flujos de transferencia de buenas prácticas de gestión educativa entre regiones, con sus tablas." },
];
