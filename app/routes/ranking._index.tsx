import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { getOwnPosition, getRanking, isHiddenFromRanking, listRankingYears, rankingVisibilitySchema, setHiddenFromRanking } from "~/models/ranking.server";
import { listMacroregions, listRegions } from "~/models/region.server";
import { currentYear, listTiers } from "~/models/tier.server";
import { getUser, requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { badRequest, safeRedirectPath } from "~/utils/http.server";
import { IGED_TYPE_LABELS, IGED_TYPES } from "~/utils/iged-types";
import { ALL_TIME, formatPoints, requirementLabel } from "~/utils/tier-labels";
import { redirectWithToast } from "~/utils/toast.server";
import { FilterSelect } from "~/components/forms";
import { requestedPage } from "~/utils/pagination.server";

const PAGE_SIZE = 25;

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

// The ranking is public: anyone may read it. Only the signed-in member's own position and the
// hide/show form depend on who asks.
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const [user, regions, macroregions, years, tiers] = await Promise.all([
    getUser(request),
    listRegions(),
    listMacroregions(),
    listRankingYears(),
    listTiers(),
  ]);
  const thisYear = currentYear();
  const yearParam = params.get("anio");
  const year: number | "all" =
    yearParam === ALL_TIME ? "all" : years.includes(Number(yearParam)) && /^\d{4}$/.test(yearParam ?? "") ? Number(yearParam) : thisYear;
  const filters = {
    anio: year === "all" ? ALL_TIME : String(year),
    region: pick(params.get("region"), regions.map((r) => r.slug)) ?? "",
    macrorregion: pick(params.get("macrorregion"), macroregions.map((m) => m.slug)) ?? "",
    tipo: (pick(params.get("tipo"), IGED_TYPES) ?? "") as (typeof IGED_TYPES)[number] | "",
  };
  const page = requestedPage(params);
  const scope = {
    year,
    regionSlug: filters.region || undefined,
    macroregionSlug: filters.macrorregion || undefined,
    igedType: filters.tipo || undefined,
  };
  const [ranking, own, hidden] = await Promise.all([
    getRanking({ ...scope, page, pageSize: PAGE_SIZE }),
    user ? getOwnPosition(user.id, scope) : Promise.resolve(null),
    user ? isHiddenFromRanking(user.id) : Promise.resolve(false),
  ]);
  return json({
    filters,
    periodLabel: year === "all" ? "todo el historial" : String(year),
    thisYear,
    options: {
      years: years.map((y) => ({ value: String(y), label: String(y) })),
      regions: regions.map((r) => ({ value: r.slug, label: r.name })),
      macroregions: macroregions.map((m) => ({ value: m.slug, label: m.name })),
    },
    ranking,
    viewer: user ? { id: user.id, hidden, own } : null,
    tiers: tiers.map((t) => ({
      id: t.id,
      name: t.name,
      minPoints: t.minPoints,
      description: t.description,
      requirements: t.requirements.map(requirementLabel),
    })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const form = parseForm(rankingVisibilitySchema, formData);
  if (!form.success) return badRequest({ errors: form.errors });
  const back = safeRedirectPath(formData.get("redirectTo"), "/ranking");
  const hide = form.data.intent === "hide";
  await setHiddenFromRanking(user.id, hide);
  return redirectWithToast(request, back.startsWith("/ranking") ? back : "/ranking", {
    type: "success",
    message: hide
      ? "Ya no apareces en el ranking público. Tú sigues viendo tu posición."
      : "Vuelves a aparecer en el ranking público.",
  });
}


export default function Ranking() {
  const { filters, periodLabel, thisYear, options, ranking, viewer, tiers } = useLoaderData<typeof loader>();
  const location = useLocation();
  const navigation = useNavigation();
  const here = `${location.pathname}${location.search}`;
  const inPeriod = periodLabel === "todo el historial" ? "en todo el historial" : `en ${periodLabel}`;
  return (
    <section className="container page">
      <h1>Ranking de la red de gestores</h1>
      <p className="lead">
        Los miembros que más aportan a la comunidad, por sus puntos {inPeriod}, y su escala en la red: Gestor participativo,
        Gestor destacado o Gestor transformador.
      </p>

      <Form method="get" className="filters" aria-label="Filtrar el ranking">
        <FilterSelect
          name="anio"
          label="Periodo"
          value={filters.anio}
          options={[...options.years, { value: ALL_TIME, label: "Todo el historial" }]}
        />
        <FilterSelect name="region" label="Región" value={filters.region} options={options.regions} all="Todas las regiones" />
        <FilterSelect name="macrorregion" label="Macrorregión" value={filters.macrorregion} options={options.macroregions} all="Todas" />
        <FilterSelect name="tipo" label="Tipo de IGED" value={filters.tipo} options={IGED_TYPES.map((t) => ({ value: t, label: IGED_TYPE_LABELS[t] }))} all="Todos" />
        <div className="filters__actions">
          <button type="submit">Ver ranking</button>
          <Link to="/ranking">Limpiar filtros</Link>
        </div>
      </Form>

      {viewer ? (
        <div className="panel" aria-labelledby="tu-posicion">
          <h2 id="tu-posicion">Tu posición</h2>
          {viewer.own === null ? (
            <p>Aún no tienes puntos {inPeriod}. Suma puntos compartiendo prácticas, comentando y participando en la comunidad.</p>
          ) : viewer.own.rank === null ? (
            <p>
              Con estos filtros no apareces en el ranking. Tienes {formatPoints(viewer.own.points)} {inPeriod}.
            </p>
          ) : (
            <p>
              <strong>
                Tu posición: N.º {viewer.own.rank.toLocaleString("es-PE")} con {formatPoints(viewer.own.points)}
              </strong>
              {viewer.own.hidden ? " (solo tú la ves: estás oculto del ranking público)." : "."}
            </p>
          )}
          <Form method="post" className="inline-form">
            <input type="hidden" name="redirectTo" value={here} />
            <input type="hidden" name="intent" value={viewer.hidden ? "show" : "hide"} />
            <button type="submit" className="button--small button--secondary" disabled={navigation.state === "submitting"}>
              {viewer.hidden ? "Mostrarme en el ranking" : "Ocultarme del ranking público"}
            </button>
          </Form>
          <p className="hint">
            {viewer.hidden
              ? "Estás oculto: los demás no te ven en el ranking, pero conservas tus puntos y tu escala."
              : "Si te ocultas, los demás no te verán en el ranking; conservas tus puntos y tu escala."}
          </p>
        </div>
      ) : (
        <p className="hint">
          <Link to={`/ingresar?redirectTo=${encodeURIComponent(here)}`}>Ingresa</Link> para ver tu posición en el ranking.
        </p>
      )}

      <p aria-live="polite" className="result-count">
        {ranking.total === 0
          ? `Nadie tiene puntos ${inPeriod} con estos filtros.`
          : ranking.total === 1
            ? `1 miembro con puntos ${inPeriod}.`
            : `${ranking.total.toLocaleString("es-PE")} miembros con puntos ${inPeriod}.`}
      </p>

      {ranking.rows.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Ranking de la red de gestores, {periodLabel}</caption>
            <thead>
              <tr>
                <th scope="col">Puesto</th>
                <th scope="col">Miembro</th>
                <th scope="col">IGED</th>
                <th scope="col">Región</th>
                <th scope="col">Escala</th>
                <th scope="col">Puntos</th>
              </tr>
            </thead>
            <tbody>
              {ranking.rows.map((row) => (
                <tr key={row.userId} aria-current={viewer?.id === row.userId ? "true" : undefined}>
                  <td>{row.rank.toLocaleString("es-PE")}</td>
                  <td>
                    <Link to={`/perfil/${row.userId}`}>{row.name}</Link>
                    {viewer?.id === row.userId ? <span className="tag"> Tú</span> : null}
                  </td>
                  <td>{row.igedName ?? "Sin IGED"}</td>
                  <td>{row.regionName ?? "—"}</td>
                  <td>{row.tierName ?? "—"}</td>
                  <td>{row.points.toLocaleString("es-PE")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <Pagination page={ranking.page} pages={ranking.pages} />

      <section aria-labelledby="como-se-calcula">
        <h2 id="como-se-calcula">¿Cómo se calcula?</h2>
        <p>
          Cada aporte a la comunidad suma puntos: publicar una práctica, que avance en la ruta de fortalecimiento, dar
          retroalimentación, comentar, aportar a los desafíos, asistir a asesorías y eventos, completar una transferencia o
          recibir una insignia. Un mismo aporte cuenta una sola vez, y los puntos de un contenido retirado se descuentan.
        </p>
        <p>
          El ranking ordena a los miembros por sus puntos del año (o de todo el historial); quienes tienen los mismos puntos
          comparten el puesto. La escala se gana cada año con los puntos de ese año
          {filters.anio === ALL_TIME ? ` (en «Todo el historial» se muestra la escala de ${thisYear})` : ""}:
        </p>
        <ol>
          {tiers.map((tier) => (
            <li key={tier.id}>
              <strong>{tier.name}</strong>: desde {formatPoints(tier.minPoints)} en el año
              {tier.requirements.length > 0 ? `, y además: ${tier.requirements.map((r) => r.charAt(0).toLowerCase() + r.slice(1)).join("; ")}` : ""}.
              {tier.description ? <span className="hint"> {tier.description}</span> : null}
            </li>
          ))}
        </ol>
        <p className="hint">Las cuentas desactivadas y quienes eligen ocultarse no aparecen en el ranking público.</p>
      </section>
    </section>
  );
}

export const meta: MetaFunction = () => [
  { title: "Ranking de la red de gestores | Comunidad de Práctica de Gestión Educativa" },
  { name: "description", content: "Los puntajes y las escalas de la red de gestores de la Comunidad de Práctica de Gestión Educativa." },
];
