import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AdvisoryTable } from "~/components/advisory-list";
import { handleMyAdvisoriesAction, loadMyAdvisories } from "~/utils/advisory-page.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return loadMyAdvisories(request);
}

export async function action({ request }: ActionFunctionArgs) {
  return handleMyAdvisoriesAction(request);
}

export default function MyAdvisories() {
  const { upcoming, past, feedUrl, canAdvise, canManage } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <div className="page-heading">
        <h1>Mis asesorías</h1>
        <Link className="button" to="/asesorias/nueva">
          Pedir una asesoría
        </Link>
      </div>
      <p className="lead">Las asesorías de tus prácticas y las que das como asesor, con su horario en hora de Lima.</p>
      <ul className="actions advisory-links">
        <li>
          <Link to="/asesorias/calendario">Ver el mes</Link>
        </li>
        {canAdvise ? (
          <li>
            <Link to="/asesorias/disponibilidad">Mi disponibilidad</Link>
          </li>
        ) : null}
        {canManage ? (
          <li>
            <Link to="/admin/asesorias">Solicitudes por atender</Link>
          </li>
        ) : null}
      </ul>

      <section aria-labelledby="proximas">
        <h2 id="proximas">Próximas</h2>
        {upcoming.length > 0 ? (
          <AdvisoryTable rows={upcoming} caption="Próximas asesorías" />
        ) : (
          <p>
            No tienes asesorías próximas. <Link to="/asesorias/nueva">Pide una asesoría</Link> para una de tus prácticas.
          </p>
        )}
      </section>

      <section aria-labelledby="anteriores">
        <h2 id="anteriores">Anteriores</h2>
        {past.length > 0 ? <AdvisoryTable rows={past} caption="Asesorías anteriores" /> : <p>Aún no tienes asesorías anteriores.</p>}
      </section>

      <section className="panel advisory-feed" aria-labelledby="calendario-app">
        <h2 id="calendario-app">Calendario en tu aplicación</h2>
        <p>
          Copia esta dirección y agrégala en Google Calendar, Outlook u otra aplicación con la opción «suscribirse a un calendario por URL» (o «desde
          Internet»). Tus asesorías aparecerán allí y se actualizarán solas cuando cambien.
        </p>
        <div className="field">
          <label htmlFor="feed-url">Dirección de tu calendario</label>
          <input id="feed-url" type="text" readOnly value={feedUrl} aria-describedby="feed-privada" className="advisory-feed__url" />
        </div>
        <p id="feed-privada" className="hint">
          Es privada: quien la tenga puede ver tus asesorías. Si la compartiste por error, cámbiala y la anterior dejará de funcionar.
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="reset-feed" />
          <button type="submit" className="button--secondary">
            Cambiar la dirección
          </button>
        </Form>
      </section>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Mis asesorías | Comunidad de Práctica de Gestión Educativa" }];
