// "Por qué tengo estos puntos": a member's totals and the ledger entries that explain them, each
// with what earned it and, for adjustments, reversals and recalculations, the reason. The profile
// shows the most recent entries with a link to the whole history; the history shows them by pages.
import { Link } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { formatDate } from "~/utils/dates";

export type PointsHistoryEntryKind = "award" | "reversal" | "recompute" | "adjustment";

export interface PointsHistoryEntry {
  id: number;
  /** ISO-8601. */
  date: string;
  label: string;
  kind: PointsHistoryEntryKind;
  points: number;
  reason: string | null;
  subjectTitle: string | null;
  link: string | null;
}

export interface PointsHistoryProps {
  total: number;
  yearPoints: number;
  year: number;
  entries: PointsHistoryEntry[];
  /** How many entries the member has in all. */
  totalEntries?: number;
  /** The profile's link to the whole history, shown when `entries` are only the most recent ones. */
  historyLink?: string;
  /** The whole history's pages: which one `entries` is, of how many, of how many entries each. */
  page?: number;
  pages?: number;
  perPage?: number;
}

const KIND_NOTES: Record<PointsHistoryEntryKind, string | null> = {
  award: null,
  reversal: "Puntos retirados",
  recompute: "Corrección por recálculo",
  adjustment: null,
};

const number = (n: number) => n.toLocaleString("es-PE");

/** "+50" or "−30" (a real minus sign), as people read it. */
export function formatPoints(points: number): string {
  return points > 0 ? `+${number(points)}` : points < 0 ? `\u2212${number(Math.abs(points))}` : "0";
}

export function PointsHistory({ total, yearPoints, year, entries, totalEntries, historyLink, page = 1, pages = 1, perPage = entries.length }: PointsHistoryProps) {
  return (
    <section className="points-history" aria-labelledby="puntos-historial">
      <h2 id="puntos-historial">Por qué tengo estos puntos</h2>
      <dl className="points-summary">
        <div>
          <dt>Puntos en {year}</dt>
          <dd>{number(yearPoints)}</dd>
        </div>
        <div>
          <dt>Puntos en total</dt>
          <dd>{number(total)}</dd>
        </div>
      </dl>
      {entries.length === 0 ? (
        <p>Aún no hay puntos. Se ganan publicando prácticas, dando retroalimentación y participando en la comunidad.</p>
      ) : (
        <>
          <ol className="points-ledger" start={(page - 1) * perPage + 1}>
            {entries.map((entry) => {
              const note = KIND_NOTES[entry.kind];
              return (
                <li key={entry.id} className={entry.points < 0 ? "points-entry points-entry--negative" : "points-entry"}>
                  <time dateTime={entry.date}>{formatDate(entry.date)}</time>{" "}
                  <span className="points-entry__label">
                    {note ? `${note}: ` : null}
                    {entry.label}
                  </span>{" "}
                  <strong className="points-entry__points">
                    {formatPoints(entry.points)}
                    <span className="visually-hidden"> puntos</span>
                  </strong>
                  {entry.subjectTitle ? (
                    <>
                      {" · "}
                      {entry.link ? <Link to={entry.link}>{entry.subjectTitle}</Link> : <span>{entry.subjectTitle}</span>}
                    </>
                  ) : entry.link ? (
                    <>
                      {" · "}
                      <Link to={entry.link}>Ver</Link>
                    </>
                  ) : null}
                  {entry.reason ? <p className="hint">Motivo: {entry.reason}</p> : null}
                </li>
              );
            })}
          </ol>
          {historyLink && totalEntries !== undefined && totalEntries > entries.length ? (
            <p>
              <span className="hint">
                Se muestran los {number(entries.length)} movimientos más recientes de {number(totalEntries)}.
              </span>{" "}
              <Link to={historyLink}>Ver todo el historial de puntos</Link>
            </p>
          ) : null}
          {!historyLink && totalEntries !== undefined && pages > 1 ? (
            <>
              <p className="hint">
                Movimientos {number((page - 1) * perPage + 1)} a {number((page - 1) * perPage + entries.length)} de {number(totalEntries)}.
              </p>
              <Pagination page={page} pages={pages} />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
