// A wall's feed: heading, filters kept in the address (a plain GET form), the posts as cards and
// the pages. The same for the challenge wall and the initiative wall.
import { Form, Link } from "@remix-run/react";
import type { SerializeFrom } from "@remix-run/node";
import { Pagination } from "~/components/pagination";
import type { loadWallFeed } from "~/utils/wall-pages.server";
import { REACTION_LABELS, WALL_SORT_LABELS, WALL_SORTS, WALL_STATUS_LABELS, WALLS } from "~/utils/wall-labels";
import { FilterSelect } from "~/components/forms";

export type WallFeedData = SerializeFrom<typeof loadWallFeed>;

const EXPLANATIONS = {
  challenge: "Los desafíos de gestión que enfrentan los equipos de las IGED: cuéntalos y recibe aportes de colegas de otras regiones.",
  initiative: "Las iniciativas que los equipos están probando y todavía no son prácticas: compártelas, coméntalas y hazlas crecer.",
} as const;


function count(n: number, singular: string, plural: string): string {
  return `${n.toLocaleString("es-PE")} ${n === 1 ? singular : plural}`;
}

export function WallFeed({ data }: { data: WallFeedData }) {
  const { kind, filters, options, result, canParticipate, signInPath } = data;
  const words = WALLS[kind];
  const newPath = `${words.path}/${kind === "challenge" ? "nuevo" : "nueva"}`;
  const tagPath = (tag: string) => `${words.path}?etiqueta=${encodeURIComponent(tag)}`;
  // On a phone the filters fold away; they open by themselves when one is in use.
  const filtersActive = Boolean(filters.region || filters.macrorregion || filters.linea || filters.estado || filters.acompanados || filters.orden);
  const searching = Boolean(filters.q || filters.etiqueta || filtersActive);

  return (
    <section className="container page">
      <div className="page-heading">
        <h1>{words.wallName}</h1>
        {canParticipate ? (
          <Link to={newPath} className="button">
            {words.newLabel}
          </Link>
        ) : (
          <Link to={signInPath} className="button button--secondary">
            Ingresa para publicar
          </Link>
        )}
      </div>
      <p className="lead">{EXPLANATIONS[kind]}</p>

      <Form method="get" className="filters" role="search" aria-label={`Buscar ${words.plural}`}>
        <div className="field field--search">
          <label htmlFor="filtro-q">Buscar</label>
          <input
            id="filtro-q"
            name="q"
            type="search"
            defaultValue={filters.q}
            maxLength={200}
            placeholder={kind === "challenge" ? "Por ejemplo: rotación de personal, convivencia" : "Por ejemplo: lectura, tutoría"}
          />
        </div>
        {filters.etiqueta ? <input type="hidden" name="etiqueta" value={filters.etiqueta} /> : null}
        <details className="filters__more" open={filtersActive}>
          <summary>Filtros y orden</summary>
          <div className="filters__grid">
            <FilterSelect name="region" label="Región" value={filters.region} options={options.regions} all="Todas las regiones" />
            <FilterSelect name="macrorregion" label="Macrorregión" value={filters.macrorregion} options={options.macroregions} all="Todas" />
            <FilterSelect name="linea" label="Línea temática" value={filters.linea} options={options.lines} all="Todas las líneas" />
            <FilterSelect
              name="estado"
              label="Estado"
              value={filters.estado}
              options={words.statuses.map((s) => ({ value: s, label: WALL_STATUS_LABELS[s] }))}
              all="Todos"
            />
            <FilterSelect
              name="orden"
              label="Ordenar por"
              value={filters.orden}
              // Without a search the default order is already "newest first".
              options={WALL_SORTS.filter((s) => s !== "recientes" || filters.q).map((s) => ({ value: s, label: WALL_SORT_LABELS[s] }))}
              all={filters.q ? "Relevancia" : WALL_SORT_LABELS.recientes}
            />
            <div className="field field--checkbox">
              <input id="filtro-acompanados" name="acompanados" type="checkbox" value="1" defaultChecked={filters.acompanados} />
              <label htmlFor="filtro-acompanados">Solo acompañados por DIFOCA</label>
            </div>
          </div>
        </details>
        <div className="filters__actions">
          <button type="submit">Buscar</button>
          <Link to={words.path}>Limpiar filtros</Link>
        </div>
      </Form>

      {filters.etiqueta ? (
        <p className="wall-active-tag">
          Etiqueta: <span className="tag">#{filters.etiqueta}</span>{" "}
          <Link to={words.path}>
            Quitar<span className="visually-hidden"> la etiqueta {filters.etiqueta}</span>
          </Link>
        </p>
      ) : null}

      {result.total === 0 ? (
        <div className="notice wall-empty" role="status">
          {searching ? (
            <p>
              No encontramos {words.plural} con esos criterios. Prueba con otras palabras, quita algún filtro o{" "}
              <Link to={words.path}>mira todo el muro</Link>.
            </p>
          ) : (
            <p>
              Todavía no hay {words.plural} en el muro.{" "}
              {canParticipate ? (
                <>
                  <Link to={newPath}>{words.newLabel}</Link> y empieza la conversación.
                </>
              ) : (
                <>
                  <Link to={signInPath}>Ingresa</Link> para publicar el primero.
                </>
              )}
            </p>
          )}
        </div>
      ) : (
        <>
        <p aria-live="polite" className="result-count">
          {count(result.total, words.singular, words.plural)}
        </p>
        <ol className="wall-list">
          {result.items.map((item) => (
            <li key={item.id} className="card wall-card">
              <h2>
                <Link to={`${words.path}/${item.id}`}>{item.title}</Link>
              </h2>
              <p className="wall-card__tags">
                <span className={`tag tag--status tag--${item.status}`}>{item.statusLabel}</span>{" "}
                {item.accompanied ? <span className="tag tag--ok">Acompañado por DIFOCA</span> : null}{" "}
                {item.thematicLineName ? <span className="tag">{item.thematicLineName}</span> : null}
              </p>
              <p className="hint">
                {item.authorName} · {item.regionName}
                {item.igedName ? ` · ${item.igedName}` : ""} · <time dateTime={item.createdAt}>{item.date}</time>
              </p>
              {item.snippet ? (
                <p className="snippet">
                  {item.snippet.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
                </p>
              ) : (
                <p>{item.excerpt}</p>
              )}
              <div className="wall-card__footer">
                <p className="wall-card__counts">
                  {count(item.replyCount, words.reply, words.replies)}
                  {/* Only initiatives take "me interesa"; a challenge would always read 0. */}
                  {kind === "initiative" ? ` · ${item.reactionCount.toLocaleString("es-PE")} ${REACTION_LABELS.post.toLowerCase()}` : null}
                </p>
                {item.tags.length > 0 ? (
                  <ul className="tags" aria-label="Etiquetas">
                    {item.tags.map((tag) => (
                      <li key={tag}>
                        <Link to={tagPath(tag)} className="tag wall-tag">
                          #{tag}
                        </Link>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
        </>
      )}

      <Pagination page={result.page} pages={result.pages} />
    </section>
  );
}
