// An advisor's published hours and days off, each with its own small form to remove it. The
// loader writes the sentences; these lists only render them.
import { Form } from "@remix-run/react";

export interface RuleLine {
  id: number;
  /** "Martes, de 09:00 a 12:00, sesiones de 45 minutos" */
  text: string;
}

export interface DayOffLine {
  date: string;
  /** "martes 1 de diciembre de 2026" */
  label: string;
  note: string;
}

function RemoveButton({ intent, field, value, what, busy }: { intent: string; field: string; value: string | number; what: string; busy: boolean }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={field} value={value} />
      <button type="submit" className="button--secondary button--small" disabled={busy}>
        Quitar<span className="visually-hidden"> {what}</span>
      </button>
    </Form>
  );
}

export function RuleList({ rules, empty, busy }: { rules: RuleLine[]; empty: string; busy: boolean }) {
  if (rules.length === 0) return <p className="hint">{empty}</p>;
  return (
    <ul className="availability-list">
      {rules.map((rule) => (
        <li key={rule.id}>
          <span>{rule.text}</span>
          <RemoveButton intent="remove-rule" field="ruleId" value={rule.id} what={rule.text} busy={busy} />
        </li>
      ))}
    </ul>
  );
}

export function DayOffList({ daysOff, busy }: { daysOff: DayOffLine[]; busy: boolean }) {
  if (daysOff.length === 0) return <p className="hint">No tienes días libres registrados.</p>;
  return (
    <ul className="availability-list">
      {daysOff.map((day) => (
        <li key={day.date}>
          <span>
            {day.label}
            {day.note ? <span className="hint"> — {day.note}</span> : null}
          </span>
          <RemoveButton intent="remove-day-off" field="date" value={day.date} what={`el día libre del ${day.label}`} busy={busy} />
        </li>
      ))}
    </ul>
  );
}
