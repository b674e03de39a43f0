import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FilterSelect } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { listRegions } from "~/models/region.server";
import { countPendingTransfers, listTransfers, listTransferredPractices, listTransferYears } from "~/models/transfer.server";
import { getUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { can } from "~/utils/permissions.server";
import {
  TRANSFER_STAGE_LABELS,
  TRANSFER_STAGES,
  TRANSFER_STATUS_LABELS,
  transferProgress,
  type TransferStage,
  type TransferStatus,
} from "~/utils/transfer-labels";
import { requestedPage } from "~/utils/pagination.server";

const STATUSES = Object.keys(TRANSFER_STATUS_LABELS) as TransferStatus[];

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const [user, regions, practices, years] = await Promise.all([getUser(request), listRegions(), listTransferredPractices(), listTransferYears()]);
  const regionSlugs = regions.map((r) => r.slug);
  // Unknown values are ignored, as in the catalog: an old or edited address still shows a list.
  const filters = {
    origen: pick(params.get("origen"), regionSlugs) ?? "",
    receptora: pick(params.get("receptora"), regionSlugs) ?? "",
    etapa: (pick(params.get("etapa"), TRANSFER_STAGES) ?? "") as TransferStage | "",
    estado: (pick(params.get("estado"), STATUSES) ?? "") as TransferStatus | "",
    practica: pick(params.get("practica"), practices.map((p) => p.slug)) ?? "",
    anio: pick(params.get("anio"), years.map(String)) ?? "",
  };
  const page = requestedPage(params);
  const canManage = can(user, "transfers.manage");
  const [result, pending] = await Promise.all([
    listTransfers({
      sourceRegionSlug: filters.origen || undefined,
      receivingRegionSlug: filters.receptora || undefined,
      stage: filters.etapa || undefined,
      status: filters.estado || undefined,
      practiceId: practices.find((p) => p.slug === filters.practica)?.id,
      year: filters.anio ? Number(filters.anio) : undefined,
      page,
    }),
    canManage ? countPendingTransfers() : Promise.resolve(null),
  ]);

  return json({
    filters,
    options: {
      regions: regions.map((r) => ({ value: r.slug, label: r.name })),
      practices: practices.map((p) => ({ value: p.slug, label: p.title })),
      years: years.map((y) => ({ value: String(y), label: String(y) })),
    },
    canRequest: can(user, "transfers.request"),
    pendingCount: pending,
    result: {
      ...result,
      items: result.items.map((item) => ({
        id: item.id,
        practiceSlug: item.practiceSlug,
        practiceTitle: item.practiceTitle,
        sourceIgedName: item.sourceIgedName,
        sourceRegionName: item.sourceRegionName,
        receivingIgedName: item.receivingIgedName,
        receivingRegionName: item.receivingRegionName,
        stage: item.stage,
        stageLabel: TRANSFER_STAGE_LABELS[item.stage],
        stageNumber: TRANSFER_STAGES.indexOf(item.stage) + 1,
        progress: transferProgress(item.stage),
        status: item.status,
        statusLabel: TRANSFER_STATUS_LABELS[item.status],
        updatedAt: item.updatedAt,
        updatedOn: formatDate(item.updatedAt),
      })),
    },
  });
}


export default function TransferList() {
  const { filters, options, result, canRequest, pendingCount } = useLoaderData<typeof loader>();
  // On a phone the filters fold away; they open by themselves when one is in use.
  const filtersActive = Object.values(filters).some((value) => value !== "");
  const mapLink = filters.anio ? `/transferencias/mapa?anio=${filters.anio}` : "/transferencias/mapa";
  return (
    <section className="container page">
      <div className="page-heading">
        <h1>Transferencia y escalamiento</h1>
        {canRequest ? (
          <Link to="/transferencias/nueva" className="button">
            Solicitar una transferencia
          </Link>
        ) : null}
      </div>
      <p className="lead">
        Las prácticas referentes que adoptan las IGED de otras regiones, seguidas paso a paso: solicitud, acuerdo, adaptación,
        implementación, evaluación e institucionalización.
      </p>
      {canRequest ? (
        <p className="hint">
          Solo se puede solicitar la transferencia de prácticas en estadio avanzado, y de una IGED distinta a la que la lidera. DIFOCA
          revisa cada solicitud antes de que empiece.
        </p>
      ) : null}
      <p>
        <Link to={mapLink}>Ver el mapa de las transferencias entre regiones</Link>
      </p>

      {pendingCount ? (
        <div className="notice" role="note">
          <p>
            <strong>
              {pendingCount === 1 ? "1 solicitud espera la decisión de DIFOCA." : `${pendingCount} solicitudes esperan la decisión de DIFOCA.`}
            </strong>{" "}
            <Link to="/transferencias?estado=pendiente">Ver las solicitudes pendientes</Link>
          </p>
        </div>
      ) : null}

      <Form method="get" className="filters" aria-label="Filtrar transferencias">
        <details className="filters__more" open={filtersActive}>
          <summary>Filtros</summary>
          <div className="filters__grid">
            <FilterSelect name="origen" label="Región de origen" value={filters.origen} options={options.regions} all="Todas las regiones" />
            <FilterSelect name="receptora" label="Región receptora" value={filters.receptora} options={options.regions} all="Todas las regiones" />
            <FilterSelect name="etapa" label="Etapa" value={filters.etapa} options={TRANSFER_STAGES.map((s) => ({ value: s, label: TRANSFER_STAGE_LABELS[s] }))} all="Todas las etapas" />
            <FilterSelect name="estado" label="Estado" value={filters.estado} options={STATUSES.map((s) => ({ value: s, label: TRANSFER_STATUS_LABELS[s] }))} all="Todos los estados" />
            <FilterSelect name="practica" label="Práctica" value={filters.practica} options={options.practices} all="Todas las prácticas" />
            <FilterSelect name="anio" label="Activas en el año" value={filters.anio} options={options.years} all="Todos los años" />
          </div>
        </details>
        <div className="filters__actions">
          <button type="submit">Filtrar</button>
          <Link to="/transferencias">Limpiar filtros</Link>
        </div>
      </Form>

      <p aria-live="polite" className="result-count">
        {result.total === 0
          ? filtersActive
            ? "No encontramos transferencias con esos criterios."
            : "Aún no hay transferencias registradas."
          : result.total === 1
            ? "1 transferencia encontrada."
            : `${result.total.toLocaleString("es-PE")} transferencias encontradas.`}
      </p>
      {result.total === 0 && !filtersActive ? (
        <p>
          Cuando una IGED solicite la transferencia de una práctica en estadio avanzado, su seguimiento aparecerá aquí.{" "}
          <Link to="/practicas?estadio=avanzado">Ver las prácticas en estadio avanzado</Link>
        </p>
      ) : null}

      {result.items.length > 0 ? (
        <ol className="transfer-list">
          {result.items.map((item) => (
            <li key={item.id} className="card transfer-row">
              <h2>
                <Link to={`/transferencias/${item.id}`}>
                  {item.sourceIgedName} ({item.sourceRegionName}) <span aria-hidden="true">→</span>
                  <span className="visually-hidden">hacia</span> {item.receivingIgedName} ({item.receivingRegionName})
                </Link>
              </h2>
              <p>
                Práctica: <Link to={`/practicas/${item.practiceSlug}`}>{item.practiceTitle}</Link>
              </p>
              <p className="transfer-row__tags">
                {/* The same tag as on the transfer's page; the status is always written out, the colour only repeats it. */}
                <span className={`tag transfer-status transfer-status--${item.status}`}>{item.statusLabel}</span> <span className="tag">Etapa: {item.stageLabel}</span>
              </p>
              <p className="transfer-row__progress">
                <progress max={100} value={item.progress} aria-hidden="true" />
                <span>
                  {item.stageNumber} de {TRANSFER_STAGES.length} etapas
                </span>
              </p>
              <p className="hint">
                Última actualización: <time dateTime={item.updatedAt}>{item.updatedOn}</time>
              </p>
            </li>
          ))}
        </ol>
      ) : null}

      <Pagination page={result.page} pages={result.pages} />
    </section>
  );
}

export const meta: MetaFunction = () => [
  { title: "Transferencias | Comunidad de Práctica de Gestión Educativa" },
  {
    name: "description",
    content: "El seguimiento de las buenas prácticas referentes que adoptan las IGED de otras regiones del Perú, etapa por etapa.",
  },
];
