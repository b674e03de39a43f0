import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AdvisoryMonthGrid, AdvisoryMonthList } from "~/components/advisory-month";
import { loadAdvisoryMonth } from "~/utils/advisory-page.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return loadAdvisoryMonth(request);
}

export default function AdvisoryMonth() {
  const { label, previous, next, isCurrent, weeks, count } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p>
        <Link to="/asesorias">Mis asesorías</Link>
      </p>
      <h1>Asesorías de {label.charAt(0).toLowerCase() + label.slice(1)}</h1>
      <nav className="advisory-month__nav" aria-label="Meses">
        <Link to={`/asesorias/calendario?mes=${previous.param}`}>
          <span aria-hidden="true">← </span>
          {previous.label}
        </Link>
        {isCurrent ? null : <Link to="/asesorias/calendario">Mes actual</Link>}
        <Link to={`/asesorias/calendario?mes=${next.param}`}>
          {next.label}
          <span aria-hidden="true"> →</span>
        </Link>
      </nav>
      <p className="hint">
        Horas de Lima. {count === 1 ? "Una sesión este mes." : count > 1 ? `${count} sesiones este mes.` : ""}
      </p>
      <AdvisoryMonthGrid weeks={weeks} label={label} />
      <section aria-labelledby="lista-mes">
        <h2 id="lista-mes">Sesiones del mes</h2>
        <AdvisoryMonthList weeks={weeks} />
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `Asesorías de ${data.label}` : "Asesorías del mes"} | Comunidad de Práctica de Gestión Educativa` }];
