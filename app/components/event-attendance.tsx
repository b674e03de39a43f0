// DIFOCA's attendance tools for one event: the list to tick, adding someone who came without
// registering, the day's code, and one badge for every attendee. Plain posts with a hidden intent.
import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useId } from "react";
import { Field, FieldError, FormError, SelectField, TextareaField } from "~/components/forms";
import { failedFor } from "~/components/event-registration";
import type { AttendanceActionData, loadAttendancePage } from "~/utils/event-pages.server";

type Data = SerializeFrom<typeof loadAttendancePage>;

export function AttendanceList({ registrations, started, actionData }: { registrations: Data["registrations"]; started: boolean; actionData?: AttendanceActionData }) {
  const failed = failedFor(actionData, "attendance");
  const errorId = useId();
  if (registrations.length === 0) return <p className="hint">Aún no hay personas inscritas.</p>;
  return (
    <Form method="post" className="event-attendance">
      <input type="hidden" name="intent" value="attendance" />
      <FormError message={failed?.errors.form} />
      <FieldError id={errorId} message={failed?.errors.attended} />
      {!started ? <p className="hint">La asistencia se podrá marcar desde el primer día del evento.</p> : null}
      <div className="table-wrap">
        <table aria-describedby={failed?.errors.attended ? errorId : undefined}>
          <caption className="visually-hidden">Personas inscritas y su asistencia</caption>
          <thead>
            <tr>
              <th scope="col">Asistió</th>
              <th scope="col">Nombre</th>
              <th scope="col">IGED</th>
              <th scope="col">Región</th>
              <th scope="col">Inscripción</th>
              <th scope="col">Cómo se registró</th>
            </tr>
          </thead>
          <tbody>
            {registrations.map((r) => (
              <tr key={r.userId}>
                <td>
                  {/* An unticked box sends nothing: this says the row was on the list, so only its people change. */}
                  <input type="hidden" name="listed" value={r.userId} />
                  <input
                    type="checkbox"
                    name="attended"
                    value={r.userId}
                    id={`asistio-${r.userId}`}
                    defaultChecked={r.attended}
                    className="event-attendance__check"
                  />
                  <label htmlFor={`asistio-${r.userId}`} className="visually-hidden">
                    {r.name} asistió
                  </label>
                </td>
                <td>
                  {r.name}
                  <br />
                  <span className="hint">{r.email}</span>
                </td>
                <td>{r.igedName ?? "—"}</td>
                <td>{r.regionName ?? "—"}</td>
                <td>{r.statusLabel}</td>
                <td>{r.sourceLabel ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="submit">Guardar asistencia</button>
    </Form>
  );
}

export function AddAttendeeForm({ actionData }: { actionData?: AttendanceActionData }) {
  const failed = failedFor(actionData, "add-attendee");
  return (
    <Form method="post" className="form">
      <input type="hidden" name="intent" value="add-attendee" />
      <FormError message={failed?.errors.form} />
      <Field
        label="Correo de la persona"
        name="email"
        type="email"
        required
        maxLength={254}
        hint="Para quien vino sin inscribirse: debe tener una cuenta en la comunidad."
        defaultValue={failed?.values.email}
        errors={failed?.errors}
      />
      <button type="submit" className="button--secondary">
        Agregar asistente
      </button>
    </Form>
  );
}

export function AttendanceCode({ code, finished, actionData }: { code: string | null; finished: boolean; actionData?: AttendanceActionData }) {
  const failed = failedFor(actionData, "code-on", "code-off");
  return (
    <div className="event-code">
      <FormError message={failed?.errors.code ?? failed?.errors.form} />
      {code ? (
        <>
          <p>Código del día:</p>
          <p className="event-code__value">
            {code}
          </p>
          <p className="hint">Los asistentes lo escriben en la página del evento para registrar su asistencia.</p>
        </>
      ) : (
        <p className="hint">
          {finished ? "El evento terminó." : "Activa un código para que los asistentes registren su propia asistencia durante el evento."}
        </p>
      )}
      <div className="row-actions">
        {!finished ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="code-on" />
            <button type="submit">{code ? "Cambiar el código" : "Activar código del día"}</button>
          </Form>
        ) : null}
        {code ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="code-off" />
            <button type="submit" className="button--secondary">
              Desactivar
            </button>
          </Form>
        ) : null}
      </div>
    </div>
  );
}

export function BulkBadgeForm({ badges, attended, actionData }: { badges: Data["badges"]; attended: number; actionData?: AttendanceActionData }) {
  const failed = failedFor(actionData, "badge");
  if (badges.length === 0) return <p className="hint">No hay insignias manuales activas. Créalas en Administración › Insignias.</p>;
  return (
    <Form method="post" className="form">
      <input type="hidden" name="intent" value="badge" />
      <FormError message={failed?.errors.form} />
      <p className="hint">
        {attended === 1 ? "1 asistente la recibirá" : `${attended} asistentes la recibirán`}; quien ya la tiene no la recibe otra vez.
      </p>
      <SelectField label="Insignia" name="badgeId" required defaultValue={failed?.values.badgeId ?? ""} errors={failed?.errors}>
        <option value="">Elige una insignia</option>
        {badges.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </SelectField>
      <TextareaField label="Motivo" name="reason" required rows={2} maxLength={500} hint="Lo leen quienes reciben la insignia." defaultValue={failed?.values.reason} errors={failed?.errors} />
      <button type="submit">Otorgar a todos los asistentes</button>
    </Form>
  );
}
