// A table of advisories ("Mis asesorías"): when, status, topic, type, practice, advisor, modality.
import { Link } from "@remix-run/react";
import type { AdvisoryRow } from "~/utils/advisory-page.server";

export function AdvisoryStatusTag({ status, label }: { status: string; label: string }) {
  return <span className={`tag advisory-status advisory-status--${status}`}>{label}</span>;
}

export function AdvisoryTable({ rows, caption }: { rows: AdvisoryRow[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="advisory-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Fecha y hora (Lima)</th>
            <th scope="col">Estado</th>
            <th scope="col">Tema</th>
            <th scope="col">Práctica</th>
            <th scope="col">Asesor</th>
            <th scope="col">Modalidad</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.status === "cancelada" ? "advisory-table__row--cancelled" : undefined}>
              <td>{row.when}</td>
              <td>
                <AdvisoryStatusTag status={row.status} label={row.statusLabel} />
              </td>
              <td>
                <Link to={`/asesorias/${row.id}`}>{row.topic}</Link>
                <div className="hint">
                  {row.typeLabel}
                  {row.seriesTitle ? ` · ${row.seriesTitle}` : ""}
                </div>
              </td>
              <td>
                <Link to={`/practicas/${row.practiceSlug}`}>{row.practiceTitle}</Link>
              </td>
              <td>{row.advisorName ?? "Por asignar"}</td>
              <td>{row.modalityLabel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
