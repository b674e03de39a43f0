import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { BarChart, LineChart } from "~/components/charts";
import { PeruMap } from "~/components/peru-map";
import { ACTIVE_MONTHS_MIN, getMemberBreakdown, getPendingWork, listDashboardYears, listMostVisitedInYear } from "~/models/dashboard.server";
import { currentYear } from "~/models/tier.server";
import { getUser } from "~/utils/auth.server";
import { barChart } from "~/utils/charts.server";
import { IGED_TYPE_LABELS } from "~/utils/iged-types";
import { can } from "~/utils/permissions.server";
import { publicPanel } from "~/utils/panel-page.server";
import { ROLE_LABELS } from "~/utils/roles";

// The public figures are for everyone; the DIFOCA part only reaches the page for "dashboard.full".
export async function loader({ request }: LoaderFunctionArgs) {
  const [user, years] = await Promise.all([getUser(request), listDashboardYears()]);
  const asked = new URL(request.url).searchParams.get("anio");
  // Anything but one of the offered years (a typo, "abc", a future year) shows the current one.
  const year = years.find((y) => String(y) === asked) ?? currentYear();
  const full = can(user, "dashboard.full");

  const [{ practices, activities, members, charts }, difoca] = await Promise.all([
    publicPanel(year),
    full
      ? Promise.all([getPendingWork(), getMemberBreakdown(year), listMostVisitedInYear(year, 10)]).then(([pending, breakdown, mostVisited]) => ({
          pending,
          breakdown,
          mostVisited,
        }))
      : Promise.resolve(null),
  ]);

  return json({
    year,
    years,
    isCurrentYear: year === currentYear(),
    practices,
    activities,
    members,
    activeMonthsMin: ACTIVE_MONTHS_MIN,
    charts: {
      ...charts,
      ...(difoca
        ? {
            membersByRole: barChart(difoca.breakdown.byRole.map((r) => ({ key: r.role, label: ROLE_LABELS[r.role], value: r.count }))),
            membersByRegion: barChart(difoca.breakdown.byRegion.map((r) => ({ key: r.slug ?? "sin-region", label: r.name, value: r.count })), {
              labelWidth: 230,
            }),
          }
        : {}),
    },
    difoca: difoca ? { pending: difoca.pending, mostVisited: difoca.mostVisited } : null,
  });
}

const format = (n: number) => n.toLocaleString("es-PE");

function Figure({ value, children }: { value: number; children: ReactNode }) {
  return (
    <li>
      <strong>{format(value)}</strong> {children}
    </li>
  );
}

export default function Dashboard() {
  const { year, years, isCurrentYear, practices, activities, members, activeMonthsMin, charts, difoca } = useLoaderData<typeof loader>();
  const asOf = isCurrentYear ? "al día de hoy" : `publicadas hasta el fin de ${year}`;
  return (
    <section className="container page dashboard">
      <h1>Panel de la comunidad</h1>
      <p className="lead">
        Las cifras de la Comunidad de Práctica de Gestión Educativa en {year}: las prácticas vigentes del país, las actividades del año, los miembros y
        la red de gestores.
      </p>

      <Form method="get" className="search-form" aria-label="Elegir el año">
        <div className="field">
          <label htmlFor="panel-anio">Año</label>
          <select id="panel-anio" name="anio" defaultValue={String(year)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Ver el año</button>
      </Form>

      <section aria-labelledby="panel-practicas">
        <h2 id="panel-practicas">Prácticas vigentes</h2>
        <p className="hint">
          Buenas prácticas publicadas que siguen en marcha, {asOf}. El estadio, la línea temática y la región son los de hoy.
        </p>
        <ul className="figures">
          <Figure value={practices.vigentes}>prácticas vigentes</Figure>
          <Figure value={practices.regionsWithPractices}>regiones con prácticas</Figure>
          <Figure value={practices.igeds.dre}>{IGED_TYPE_LABELS.dre} con prácticas</Figure>
          <Figure value={practices.igeds.ugel}>{IGED_TYPE_LABELS.ugel} con prácticas</Figure>
          <Figure value={practices.igeds.gobierno_local}>gobiernos locales con prácticas</Figure>
        </ul>
        <p className="hint">Una IGED cuenta si lidera una práctica vigente o la comparte con otras.</p>

        <h3>Por región</h3>
        <div className="dashboard-map">
          <PeruMap
            map={charts.map}
            className="dashboard-map__figure"
            title={`Prácticas vigentes por región, ${year}`}
            description="Mapa de las 26 regiones del Perú coloreadas según su número de prácticas vigentes: más oscuro, más prácticas. Los mismos datos están en la tabla junto al mapa."
            legendTitle="Prácticas vigentes"
          />
          <div className="table-wrap dashboard-map__table">
            <table>
              <caption>Prácticas vigentes en las 26 regiones, {year}</caption>
              <thead>
                <tr>
                  <th scope="col">Región</th>
                  <th scope="col">Macrorregión</th>
                  <th scope="col">Prácticas vigentes</th>
                </tr>
              </thead>
              <tbody>
                {practices.byRegion.map((region) => (
                  <tr key={region.slug} data-region={region.slug}>
                    <th scope="row">{region.name}</th>
                    <td>{region.macroregionName}</td>
                    <td>
                      {region.count > 0 && isCurrentYear ? (
                        <Link to={`/practicas?region=${region.slug}&vigente=si`}>
                          {format(region.count)}
                          <span className="visually-hidden"> {region.count === 1 ? "práctica" : "prácticas"} de {region.name} en el catálogo</span>
                        </Link>
                      ) : (
                        format(region.count)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    Total
                  </th>
                  <td>{format(practices.vigentes)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </div>

        <div className="dashboard-charts">
          <div>
            <h3>Por macrorregión</h3>
            <BarChart
              chart={charts.byMacroregion}
              title={`Prácticas vigentes por macrorregión, ${year}`}
              description="Barras horizontales con el número de prácticas vigentes de cada macrorregión."
              labelHeader="Macrorregión"
              valueHeader="Prácticas vigentes"
            />
          </div>
          <div>
            <h3>Por estadio</h3>
            <BarChart
              chart={charts.byStage}
              title={`Prácticas vigentes por estadio de la ruta de fortalecimiento, ${year}`}
              description="Barras horizontales con el número de prácticas vigentes en los estadios inicial, intermedio y avanzado."
              labelHeader="Estadio"
              valueHeader="Prácticas vigentes"
            />
          </div>
        </div>

        <h3>Por línea temática</h3>
        <BarChart
          chart={charts.byLine}
          title={`Prácticas vigentes por línea temática, ${year}`}
          description="Barras horizontales con el número de prácticas vigentes de cada línea temática."
          labelHeader="Línea temática"
          valueHeader="Prácticas vigentes"
        />
      </section>

      <section aria-labelledby="panel-actividades">
        <h2 id="panel-actividades">Actividades de {year}</h2>
        <p>
          En {year} se {activities.total === 1 ? "desarrolló" : "desarrollaron"} <strong>{format(activities.total)}</strong>{" "}
          {activities.total === 1 ? "actividad" : "actividades"} de la comunidad (asesorías realizadas y eventos), además de los acompañamientos en los
          muros y los procesos de transferencia.
        </p>
        <ul className="figures">
          <Figure value={activities.personalizedAdvisories}>asesorías personalizadas realizadas</Figure>
          <Figure value={activities.transferAdvisories}>asesorías sobre transferencia realizadas</Figure>
          <Figure value={activities.exchanges}>intercambios de buenas prácticas</Figure>
          <Figure value={activities.webinars}>{activities.webinars === 1 ? "webinar" : "webinars"}</Figure>
          <Figure value={activities.workshops}>{activities.workshops === 1 ? "taller" : "talleres"}</Figure>
          <Figure value={activities.fieldVisits}>{activities.fieldVisits === 1 ? "pasantía" : "pasantías"}</Figure>
          <Figure value={activities.challengeAccompaniments}>acompañamientos en el muro de desafíos</Figure>
          <Figure value={activities.initiativeAccompaniments}>acompañamientos en el muro de iniciativas</Figure>
          <Figure value={activities.transferProcesses}>
            procesos de transferencia ({format(activities.transfersCompleted)} {activities.transfersCompleted === 1 ? "completado" : "completados"})
          </Figure>
        </ul>
        <p className="hint">
          Cuentan las asesorías que se realizaron, los eventos que ya empezaron en el año, los desafíos e iniciativas que DIFOCA tomó en acompañamiento
          y las transferencias aceptadas que estuvieron en curso en algún momento del año.
        </p>
      </section>

      <section aria-labelledby="panel-miembros">
        <h2 id="panel-miembros">Miembros y visitas</h2>
        <ul className="figures">
          <Figure value={members.registered}>miembros registrados</Figure>
          <Figure value={members.newInYear}>se registraron en {year}</Figure>
          <Figure value={members.active}>miembros activos en {year}</Figure>
          <Figure value={members.visits}>visitas a las prácticas en {year}</Figure>
        </ul>
        <p className="hint">
          Un miembro activo participó en la comunidad en al menos {activeMonthsMin} meses distintos del año: ganó puntos por lo que hizo (publicar o
          hacer avanzar una práctica con su equipo, retroalimentar, publicar o aportar en los muros, asistir a una asesoría o a un evento, completar
          una transferencia), escribió en los muros o asistió a un evento. Ingresar o solo leer no cuenta, ni las insignias o ajustes que otorga
          DIFOCA. Una visita es una persona que abre una práctica en un día.
        </p>
      </section>

      <section aria-labelledby="panel-estadios">
        <h2 id="panel-estadios">Cambios de estadio en {year}</h2>
        <p>Las prácticas que DIFOCA hizo avanzar en la ruta de fortalecimiento, o volver a un estadio anterior, mes a mes.</p>
        <LineChart
          chart={charts.stageMoves}
          title={`Cambios de estadio de las prácticas por mes, ${year}`}
          description="Líneas con el número de prácticas que pasaron al estadio intermedio, al estadio avanzado o volvieron a un estadio anterior en cada mes del año."
          labelHeader="Mes"
        />
      </section>

      <section aria-labelledby="panel-escalas">
        <h2 id="panel-escalas">Escalas de la red de gestores en {year}</h2>
        <p>
          Cuántos miembros con puntos en {year} están en cada escala del <Link to={`/ranking?anio=${year}`}>ranking de {year}</Link>.
        </p>
        <BarChart
          chart={charts.tiers}
          title={`Miembros por escala de la red de gestores, ${year}`}
          description="Barras horizontales con el número de miembros en cada escala, y los que aún no alcanzan la primera."
          labelHeader="Escala"
          valueHeader="Miembros"
        />
      </section>

      {difoca ? (
        <section aria-labelledby="panel-difoca" className="dashboard-difoca">
          <h2 id="panel-difoca">Seguimiento de DIFOCA</h2>
          <p className="hint">Solo el equipo de DIFOCA ve esta parte del panel.</p>

          <h3>Trabajo pendiente hoy</h3>
          <ul className="figures">
            <Figure value={difoca.pending.practicesInReview}>
              <Link to="/admin/practicas">prácticas por revisar</Link>
            </Figure>
            <Figure value={difoca.pending.promotionRequests}>
              <Link to="/admin/promociones">solicitudes de cambio de estadio</Link>
            </Figure>
            <Figure value={difoca.pending.openReports}>
              <Link to="/admin/reportes">reportes de los muros</Link>
            </Figure>
            <Figure value={difoca.pending.advisoryRequests}>
              <Link to="/admin/asesorias">solicitudes de asesoría</Link>
            </Figure>
            <Figure value={difoca.pending.transferRequests}>
              <Link to="/transferencias?estado=pendiente">solicitudes de transferencia</Link>
            </Figure>
          </ul>

          <div className="dashboard-charts">
            <div>
              <h3>Miembros por rol</h3>
              {charts.membersByRole ? (
                <BarChart
                  chart={charts.membersByRole}
                  title={`Miembros por rol, ${year}`}
                  description="Barras horizontales con el número de miembros de cada rol."
                  labelHeader="Rol"
                  valueHeader="Miembros"
                />
              ) : null}
            </div>
            <div>
              <h3>Prácticas más visitadas en {year}</h3>
              {difoca.mostVisited.length === 0 ? (
                <p>Aún no hay visitas a las prácticas en {year}.</p>
              ) : (
                <div className="table-wrap">
                  <table>
                    <caption>Las {difoca.mostVisited.length} prácticas más visitadas en {year}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Práctica</th>
                        <th scope="col">Región</th>
                        <th scope="col">Visitas</th>
                      </tr>
                    </thead>
                    <tbody>
                      {difoca.mostVisited.map((practice) => (
                        <tr key={practice.slug}>
                          <th scope="row">
                            <Link to={`/practicas/${practice.slug}`}>{practice.title}</Link>
                            {practice.status === "archivada" ? <span className="tag"> Archivada</span> : null}
                          </th>
                          <td>{practice.regionName}</td>
                          <td>{format(practice.visits)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </div>
          </div>

          <h3>Miembros por región</h3>
          {charts.membersByRegion ? (
            <BarChart
              chart={charts.membersByRegion}
              title={`Miembros por región de su IGED, ${year}`}
              description="Barras horizontales con el número de miembros de cada región, según la IGED donde trabajan."
              labelHeader="Región"
              valueHeader="Miembros"
            />
          ) : null}

          <h3>Descargas</h3>
          <p>
            Las prácticas, los miembros con sus puntos y escala, las actividades, asesorías, transferencias y asistencia a eventos, en CSV y Excel:{" "}
            <Link to="/admin/exportes">ir a las descargas</Link>.
          </p>
        </section>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Panel de la comunidad${data ? ` ${data.year}` : ""} | Comunidad de Práctica de Gestión Educativa` },
  {
    name: "description",
    content: "Las cifras de la Comunidad de Práctica de Gestión Educativa: prácticas vigentes por región, macrorregión, estadio y línea temática, actividades, miembros y escalas.",
  },
];
