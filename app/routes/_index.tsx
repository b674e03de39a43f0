import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { countIgedsByType } from "~/models/iged.server";
import { countRegions } from "~/models/region.server";
import { countActiveMembers } from "~/models/user.server";
import { getUser } from "~/utils/auth.server";
import { SECTIONS } from "~/utils/sections";

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, members, regions, igeds] = await Promise.all([
    getUser(request),
    countActiveMembers(),
    countRegions(),
    countIgedsByType(),
  ]);
  return json({ signedIn: user !== null, userId: user?.id ?? null, figures: { members, regions, igeds } });
}

const numberFormat = new Intl.NumberFormat("es-PE");

export default function Home() {
  const { signedIn, userId, figures } = useLoaderData<typeof loader>();
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
              <strong>{numberFormat.format(figures.members)}</strong> miembros registrados
            </li>
            <li>
              <strong>{figures.regions}</strong> regiones
            </li>
            <li>
              <strong>{figures.igeds.dre}</strong> DRE/GRE
            </li>
            <li>
              <strong>{figures.igeds.ugel}</strong> UGEL
            </li>
            <li>
              <strong>{figures.igeds.gobierno_local}</strong> gobiernos locales
            </li>
          </ul>
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
