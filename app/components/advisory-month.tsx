// A month of advisories: a grid of weeks starting on Monday (a real table), and the same sessions
// as a list, which reads better on a phone and with a screen reader.
import { Link } from "@remix-run/react";
import { WEEKDAY_LABELS } from "~/utils/advisory-labels";
import type { MonthDay } from "~/utils/advisory-page.server";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function Sessions({ sessions }: { sessions: MonthDay["sessions"] }) {
  return (
    <ul className="advisory-month__sessions">
      {sessions.map((s) => (
        <li key={s.id} className={`advisory-month__session advisory-month__session--${s.status}`}>
          <span className="advisory-month__time">{s.time}</span> <Link to={`/asesorias/${s.id}`}>{s.topic}</Link>{" "}
          <span className="advisory-month__status">({s.statusLabel})</span>
        </li>
      ))}
    </ul>
  );
}

export function AdvisoryMonthGrid({ weeks, label }: { weeks: MonthDay[][]; label: string }) {
  return (
    <div className="table-wrap advisory-month__grid">
      <table className="advisory-month">
        <caption className="visually-hidden">Asesorías de {label}, por semana</caption>
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th key={d} scope="col">
                {WEEKDAY_LABELS[d]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]!.date}>
              {week.map((day) => (
                <td
                  key={day.date}
                  className={["advisory-month__day", day.inMonth ? "" : "advisory-month__day--outside", day.today ? "advisory-month__day--today" : ""].filter(Boolean).join(" ")}
                  aria-current={day.today ? "date" : undefined}
                >
                  <span className="advisory-month__number" aria-hidden="true">
                    {day.day}
                  </span>
                  <span className="visually-hidden">
                    {day.label}
                    {day.today ? " (hoy)" : ""}
                  </span>
                  {day.today ? (
                    <span className="advisory-month__today" aria-hidden="true">
                      Hoy
                    </span>
                  ) : null}
                  {day.sessions.length > 0 ? <Sessions sessions={day.sessions} /> : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AdvisoryMonthList({ weeks }: { weeks: MonthDay[][] }) {
  const days = weeks.flat().filter((d) => d.inMonth && d.sessions.length > 0);
  if (days.length === 0) return <p>No tienes asesorías programadas este mes.</p>;
  return (
    <ol className="advisory-month__list">
      {days.map((day) => (
        <li key={day.date}>
          <h3>
            {day.label.charAt(0).toUpperCase() + day.label.slice(1)}
            {day.today ? " (hoy)" : ""}
          </h3>
          <Sessions sessions={day.sessions} />
        </li>
      ))}
    </ol>
  );
}
