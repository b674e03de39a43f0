import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EventCards } from "~/components/event-card";
import { getHomeHighlights } from "~/models/dashboard.server";
import { listEvents } from "~/models/event.server";
import { getUser } from "~/utils/auth.server";
import { EVENT_MODALITY_LABELS, EVENT_TYPE_LABELS } from "~/utils/event-labels";
import { formatEventWhen, formatSeats } from "~/utils/event-pages.server";
import { STAGE_LABELS } from "~/utils/practice-labels";
import { SECTIONS } from "~/utils/sections";
import { formatPoints } from "~/utils/tier-labels";

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, { figures, promoted, visited, top }, upcoming] = await Promise.all([
    getUser(request),
    getHomeHighlights(),
    listEvents({ when: "upcoming", limit: 3 }),
  ]);
  return json({
    signedIn: user !== null,
    userId: user?.id ?? null,
    figures,
    featured: {
      promoted: promoted.map((p) => ({ ...p, stageLabel: STAGE_LABELS[p.stage] })),
      visited: visited.map((p) => ({ ...p, stageLabel: STAGE_LABELS[p.stage] })),
    },
    events: upcoming.map((event) => ({
      id: event.id,
      type: event.type,
      typeLabel: EVENT_TYPE_LABELS[event.type],
      title: event.title,
      when: formatEventWhen(event),
      startsOn: event.startsOn,
      macroregionName: event.macroregionName,
      hostRegionName: event.hostRegionName,
      modalityLabel: EVENT_MODALITY_LABELS[event.modality],
      place: event.place,
      seats: formatSeats(event),
    })),
    ranking: top.map((row) => ({ rank: row.rank, userId: row.userId, name: row.name, igedName: row.igedName, points: row.points, tierName: row.tierName })),
  });
}

const numberFormat = new Intl.NumberFormat("es-PE");

export default function Home() {
  const { signedIn, userId, figures, featured, events, ranking } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero">
        <div className="container">
          <p className="tag">Ministerio de Educación · DIFOCA</p>
          <h1>Comunidad de Práctica de Gestión Educativa</h1>
          <p className="lead">
            El espacio donde los servidores públicos de las DRE/GRE, UGEL y gobiernos locales comparten sus buenas
            prácticas de gestión educativa, reciben retroalimentación de expertos, se ayudan ante los desafíos del
            territorio y llevan las prácticas maduras a otras regiones.
          </p>
          <div className="actions">
            {signedIn ? (
              <Link to={`/perfil/${userId}`} className="button">
                Ver mi perfil
              </Link>
            ) : (
              <>
                <Link to="/registro" className="button">
                  Crear mi cuenta
                </Link>
                <Link to="/ingresar" className="button button--secondary">
                  Ingresar
                </Link>
              </>
            )}
          </div>
        </div>
      </section>

      <div className="container page">
        <section aria-labelledby="cifras">
          <h2 id="cifras">La comunidad en la plataforma</h2>
          <ul className="figures">
            <li>
              <strong>{numberFormat.format(figures.vigentes)}</strong> prácticas vigentes
            </li>
            <li>
              <strong>{figures.regions}</strong> regiones
            </li>
            <li>
              <strong>{numberFormat.format(figures.igeds.dre)}</strong> DRE/GRE con prácticas
            </li>
            <li>
              <strong>{numberFormat.format(figures.igeds.ugel)}</strong> UGEL con prácticas
            </li>
            <li>
              <strong>{numberFormat.format(figures.igeds.gobierno_local)}</strong> gobiernos locales con prácticas
            </li>
            <li>
              <strong>{numberFormat.format(figures.members)}</strong> miembros registrados
            </li>
            <li>
              <strong>{numberFormat.format(figures.activities)}</strong> actividades en {figures.year}
            </li>
          </ul>
          <p>
            <Link to="/panel">Ver todas las cifras en el panel de la comunidad</Link>
          </p>
        </section>

        {featured.promoted.length > 0 || featured.visited.length > 0 ? (
          <section aria-labelledby="destacadas">
            <h2 id="destacadas">Prácticas destacadas</h2>
            <div className="home-featured">
              {featured.promoted.length > 0 ? (
                <div>
                  <h3 id="destacadas-promovidas">Avanzaron de estadio recientemente</h3>
                  <ul className="featured-list" aria-labelledby="destacadas-promovidas">
                    {featured.promoted.map((practice) => (
                      <li key={practice.slug}>
                        <Link to={`/practicas/${practice.slug}`}>{practice.title}</Link>
                        <span className="hint">
                          {" "}
                          {practice.leadIgedName}, {practice.regionName}
                        </span>{" "}
                        <span className="tag tag--stage">Estadio {practice.stageLabel.toLowerCase()}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {featured.visited.length > 0 ? (
                <div>
                  <h3 id="destacadas-visitadas">Las más visitadas</h3>
                  <ul className="featured-list" aria-labelledby="destacadas-visitadas">
                    {featured.visited.map((practice) => (
                      <li key={practice.slug}>
                        <Link to={`/practicas/${practice.slug}`}>{practice.title}</Link>
                        <span className="hint">
                          {" "}
                          {practice.leadIgedName}, {practice.regionName} · {numberFormat.format(practice.visits)}{" "}
                          {practice.visits === 1 ? "visita" : "visitas"}
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </div>
            <p>
              <Link to="/practicas">Ver el catálogo de buenas prácticas</Link>
            </p>
          </section>
        ) : null}

        <section aria-labelledby="proximos-eventos">
          <h2 id="proximos-eventos">Próximos eventos</h2>
          <EventCards events={events} empty="Aún no hay eventos programados." labelledBy="proximos-eventos" />
          <p>
            <Link to="/eventos">Ver todos los eventos</Link>
          </p>
        </section>

        <section aria-labelledby="ranking-inicio">
          <h2 id="ranking-inicio">Ranking de {figures.year}</h2>
          {ranking.length === 0 ? (
            <p className="hint">Aún nadie suma puntos este año.</p>
          ) : (
            <div className="table-wrap home-ranking">
              <table>
                <caption>Los primeros lugares del ranking de la red de gestores, {figures.year}</caption>
                <thead>
                  <tr>
                    <th scope="col">Puesto</th>
                    <th scope="col">Miembro</th>
                    <th scope="col">Escala</th>
                    <th scope="col">Puntos</th>
                  </tr>
                </thead>
                <tbody>
                  {ranking.map((row) => (
                    <tr key={row.userId}>
                      <td>{row.rank}</td>
                      <th scope="row">
                        <Link to={`/perfil/${row.userId}`}>{row.name}</Link>
                        {row.igedName ? <span className="hint"> {row.igedName}</span> : null}
                      </th>
                      <td>{row.tierName ?? "—"}</td>
                      <td>{formatPoints(row.points)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p>
            <Link to="/ranking">Ver el ranking completo</Link>
          </p>
        </section>

        <section aria-labelledby="secciones">
          <h2 id="secciones">Secciones</h2>
          <ul className="cards">
            {SECTIONS.map((section) => (
              <li key={section.path} className="card">
                <h3>
                  <Link to={section.path}>{section.title}</Link>
                </h3>
                <p>{section.summary}</p>
                {section.available ? (
                  <span className="tag tag--ok">Disponible</span>
                ) : (
                  <span className="tag">En preparación</span>
                )}
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="ruta">
          <h2 id="ruta">Ruta de fortalecimiento de las buenas prácticas</h2>
          <p>
            Cada práctica madura en tres estadios, con el acompañamiento de la comunidad, de expertos y de las unidades
            del Ministerio de Educación.
          </p>
          <ol className="stages">
            <li>
              <h3>Inicial</h3>
              <p>Se identifica una experiencia emergente del territorio y se hace visible ante la comunidad.</p>
            </li>
            <li>
              <h3>Intermedio</h3>
              <p>La práctica se fortalece con asesoría técnica, retroalimentación de expertos y sistematización.</p>
            </li>
            <li>
              <h3>Avanzado</h3>
              <p>
                La práctica está consolidada: forma parte de los instrumentos de gestión, tiene respaldo normativo y
                resultados con evidencia, y está lista para su transferencia y escalamiento.
              </p>
            </li>
          </ol>
        </section>

        <section aria-labelledby="red">
          <h2 id="red">Red de gestores</h2>
          <p>
            Cada aporte en los muros de desafíos e iniciativas, en las asesorías y en los intercambios suma puntajes e
            insignias. El ranking anual reconoce tres escalas: <strong>Gestor participativo</strong>,{" "}
            <strong>Gestor destacado</strong> y <strong>Gestor transformador</strong>.
          </p>
        </section>
      </div>
    </>
  );
}
