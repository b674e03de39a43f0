// /eventos: the community's upcoming and past events; past ones can be filtered by type and year.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EventCards } from "~/components/event-card";
import { loadEventList } from "~/utils/event-pages.server";
import { FilterSelect } from "~/components/forms";

export async function loader({ request }: LoaderFunctionArgs) {
  return loadEventList(request);
}


export default function EventList() {
  const { upcoming, past, filters, options, canManage } = useLoaderData<typeof loader>();
  const filtering = Boolean(filters.tipo || filters.anio);
  return (
    <section className="container page">
      <div className="page-heading">
        <h1>Eventos</h1>
        {canManage ? (
          <Link to="/eventos/nuevo" className="button">
            Crear evento
          </Link>
        ) : null}
      </div>
      <p className="lead">
        Los intercambios macrorregionales de buenas prácticas, los webinars, los talleres y las pasantías de la comunidad. Inscríbete,
        registra tu asistencia y deja tu testimonio.
      </p>

      <section aria-labelledby="proximos">
        <h2 id="proximos">Próximos</h2>
        <EventCards events={upcoming} labelledBy="proximos" empty="No hay eventos programados por ahora." />
      </section>

      <section aria-labelledby="anteriores">
        <h2 id="anteriores">Anteriores</h2>
        {options.years.length > 0 ? (
          <Form method="get" className="filters" aria-label="Filtrar los eventos anteriores">
            <div className="filters__grid">
              <FilterSelect name="tipo" label="Tipo" value={filters.tipo} options={options.types} all="Todos los tipos" />
              <FilterSelect name="anio" label="Año" value={filters.anio} options={options.years} all="Todos los años" />
              <div className="filters__actions">
                <button type="submit">Filtrar</button>
                {filtering ? <Link to="/eventos">Quitar filtros</Link> : null}
              </div>
            </div>
          </Form>
        ) : null}
        <EventCards
          events={past}
          labelledBy="anteriores"
          empty={filtering ? "No hay eventos anteriores con esos filtros." : "Aún no hay eventos anteriores."}
        />
      </section>
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Eventos | Comunidad de Práctica de Gestión Educativa" }];
