import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useId, type ReactNode } from "react";
import { DayOffList, RuleList } from "~/components/availability-list";
import { FieldError, FormError, type Errors } from "~/components/forms";
import { groupSlotsByDay, localDayLabel, SlotPreview } from "~/components/slot-picker";
import { addAvailability, addDayOff, listAvailability, listFreeSlots, removeAvailability, removeDayOff } from "~/models/advisory.server";
import { WEEKDAY_LABELS } from "~/utils/advisory-labels";
import { BOOKING_HORIZON_DAYS, BOOKING_LEAD_HOURS, isCalendarDate } from "~/utils/advisory-slots";
import { readAvailabilityForm, readDayOffForm } from "~/utils/advisory-validation.server";
import { todayInLima } from "~/utils/dates";
import { badRequest, notFound } from "~/utils/http.server";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

const PATH = "/asesorias/disponibilidad";
/** The lengths offered in the form; the validation accepts any length within the limits. */
const SESSION_LENGTHS = [30, 45, 60, 90, 120];
/** The preview shows what a team sees first, not the whole horizon. */
const PREVIEW_SLOTS = 12;

type Intent = "add-weekly" | "add-date" | "remove-rule" | "add-day-off" | "remove-day-off";

const span = (rule: { startTime: string; endTime: string; sessionMinutes: number }) =>
  `de ${rule.startTime} a ${rule.endTime}, sesiones de ${rule.sessionMinutes} minutos`;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "advisories.advise");
  const today = todayInLima();
  const [{ rules, daysOff }, slots] = await Promise.all([listAvailability(user.id), listFreeSlots({ advisorId: user.id })]);
  return json({
    today,
    weekly: rules.filter((r) => r.kind === "weekly").map((r) => ({ id: r.id, text: `${WEEKDAY_LABELS[r.weekday ?? 0] ?? "Día"}, ${span(r)}` })),
    // One-off dates that already passed offer nothing more; they are not worth a line.
    dates: rules
      .filter((r) => r.kind === "date" && r.date !== null && r.date >= today)
      .map((r) => {
        const label = localDayLabel(r.date!, { withYear: true });
        return { id: r.id, text: `${label.charAt(0).toUpperCase()}${label.slice(1)}, ${span(r)}` };
      }),
    daysOff: daysOff.map((d) => ({ date: d.date, note: d.note, label: localDayLabel(d.date, { withYear: true }) })),
    preview: groupSlotsByDay(slots.slice(0, PREVIEW_SLOTS)),
    freeCount: slots.length,
    leadHours: BOOKING_LEAD_HOURS,
    horizonWeeks: Math.round(BOOKING_HORIZON_DAYS / 7),
    weekdays: Object.entries(WEEKDAY_LABELS).map(([value, label]) => ({ value, label })),
    lengths: SESSION_LENGTHS,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "advisories.advise");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const today = todayInLima();
  switch (intent) {
    case "add-weekly":
    case "add-date": {
      // The button says what is added; a stray "kind" field cannot turn one form into the other.
      formData.set("kind", intent === "add-weekly" ? "weekly" : "date");
      const form = readAvailabilityForm(formData, today);
      if (!form.success) return badRequest({ intent: intent as Intent, errors: form.errors, values: form.values });
      await addAvailability({ advisorId: user.id, ...form.data });
      const what =
        form.data.kind === "weekly"
          ? `los ${WEEKDAY_LABELS[form.data.weekday!]!.toLowerCase()}, ${span(form.data)}`
          : `el ${localDayLabel(form.data.date!, { withYear: true })}, ${span(form.data)}`;
      return redirectWithToast(request, PATH, { type: "success", message: `Se agregó tu horario: ${what}.` });
    }
    case "remove-rule": {
      const id = Number(formData.get("ruleId"));
      if (!Number.isInteger(id) || id <= 0 || !(await removeAvailability({ id, advisorId: user.id }))) {
        throw notFound("Ese horario no existe o no es tuyo.");
      }
      return redirectWithToast(request, PATH, { type: "success", message: "Se quitó el horario. Las asesorías ya reservadas se mantienen." });
    }
    case "add-day-off": {
      const form = readDayOffForm(formData, today);
      if (!form.success) return badRequest({ intent: intent as Intent, errors: form.errors, values: form.values });
      await addDayOff({ advisorId: user.id, date: form.data.date, note: form.data.note });
      return redirectWithToast(request, PATH, {
        type: "success",
        message: `Se registró el ${localDayLabel(form.data.date, { withYear: true })} como día libre. Las asesorías ya reservadas ese día se mantienen.`,
      });
    }
    case "remove-day-off": {
      const date = String(formData.get("date") ?? "");
      if (!isCalendarDate(date)) throw notFound("Ese día libre no existe.");
      await removeDayOff({ advisorId: user.id, date });
      return redirectWithToast(request, PATH, { type: "success", message: `El ${localDayLabel(date, { withYear: true })} vuelve a estar disponible.` });
    }
    default:
      return badRequest({ intent: null, errors: { form: "No reconocimos esa acción. Vuelve a intentarlo." } as Record<string, string>, values: {} as Record<string, string> });
  }
}

export default function Availability() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const failed = (intent: Intent) => (actionData?.intent === intent ? actionData : undefined);
  return (
    <section className="container page">
      <p>
        <Link to="/asesorias">Asesorías</Link>
      </p>
      <h1>Tu disponibilidad para asesorías</h1>
      <p className="lead">
        Publica cuándo puedes asesorar: tus horas de cada semana y fechas puntuales, con la duración de cada sesión. Los
        equipos eligen uno de tus horarios libres con al menos {data.leadHours} horas de anticipación y hasta{" "}
        {data.horizonWeeks} semanas adelante.
      </p>
      <p className="notice availability-zone" role="note">
        <strong>Horas de Lima (UTC−5).</strong> Todas las horas de esta página están en la hora de Lima.
      </p>
      {actionData?.intent === null ? <FormError message={actionData.errors.form} /> : null}

      <section aria-labelledby="semanal">
        <h2 id="semanal">Horario semanal</h2>
        <RuleList rules={data.weekly} empty="Todavía no publicas horas semanales." busy={busy} />
        <Form method="post" className="form availability-form" noValidate>
          <input type="hidden" name="intent" value="add-weekly" />
          <h3>Agregar horas semanales</h3>
          <FormError message={failed("add-weekly")?.errors.kind} />
          <Control label="Día de la semana" name="weekday" errors={failed("add-weekly")?.errors}>
            {(props) => (
              <select {...props} name="weekday" defaultValue={failed("add-weekly")?.values.weekday ?? "1"} required>
                {data.weekdays.map((d) => (
                  <option key={d.value} value={d.value}>
                    {d.label}
                  </option>
                ))}
              </select>
            )}
          </Control>
          <TimeRange values={failed("add-weekly")?.values} errors={failed("add-weekly")?.errors} lengths={data.lengths} />
          <button type="submit" disabled={busy}>
            Agregar horas semanales
          </button>
        </Form>
      </section>

      <section aria-labelledby="fechas">
        <h2 id="fechas">Fechas puntuales</h2>
        <RuleList rules={data.dates} empty="No tienes fechas puntuales próximas." busy={busy} />
        <Form method="post" className="form availability-form" noValidate>
          <input type="hidden" name="intent" value="add-date" />
          <h3>Agregar una fecha</h3>
          <FormError message={failed("add-date")?.errors.kind} />
          <Control label="Fecha" name="date" errors={failed("add-date")?.errors}>
            {(props) => <input {...props} type="date" name="date" min={data.today} defaultValue={failed("add-date")?.values.date} required />}
          </Control>
          <TimeRange values={failed("add-date")?.values} errors={failed("add-date")?.errors} lengths={data.lengths} />
          <button type="submit" disabled={busy}>
            Agregar fecha
          </button>
        </Form>
      </section>

      <section aria-labelledby="libres">
        <h2 id="libres">Días libres</h2>
        <p className="hint">Un día libre quita ese día de tus horarios; las asesorías ya reservadas se mantienen.</p>
        <DayOffList daysOff={data.daysOff} busy={busy} />
        <Form method="post" className="form availability-form" noValidate>
          <input type="hidden" name="intent" value="add-day-off" />
          <h3>Agregar un día libre</h3>
          <Control label="Fecha" name="date" errors={failed("add-day-off")?.errors}>
            {(props) => <input {...props} type="date" name="date" min={data.today} defaultValue={failed("add-day-off")?.values.date} required />}
          </Control>
          <Control label="Nota (opcional)" name="note" hint="Por ejemplo: vacaciones, comisión de servicio." errors={failed("add-day-off")?.errors}>
            {(props) => <input {...props} name="note" maxLength={200} defaultValue={failed("add-day-off")?.values.note} />}
          </Control>
          <button type="submit" disabled={busy}>
            Agregar día libre
          </button>
        </Form>
      </section>

      <section aria-labelledby="vista-previa">
        <h2 id="vista-previa">Tus próximos horarios libres</h2>
        {data.preview.length === 0 ? (
          <p>Todavía no tienes horarios libres: agrega horas semanales o una fecha para que los equipos puedan reservar.</p>
        ) : (
          <>
            <p className="hint">
              Así ven los equipos tus horarios (hora de Lima). {data.freeCount > PREVIEW_SLOTS ? `Se muestran los ${PREVIEW_SLOTS} primeros de ${data.freeCount}.` : null}
            </p>
            <SlotPreview days={data.preview} />
          </>
        )}
      </section>
    </section>
  );
}

/** A labelled control with its hint and error, for inputs the shared fields do not cover (time). */
function Control({
  label,
  name,
  hint,
  errors,
  children,
}: {
  label: string;
  name: string;
  hint?: string;
  errors?: Errors;
  children: (props: { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined }) => ReactNode;
}) {
  const id = useId();
  const error = errors?.[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

function TimeRange({ values, errors, lengths }: { values?: Record<string, string>; errors?: Errors; lengths: number[] }) {
  return (
    <div className="availability-form__times">
      <Control label="Desde" name="startTime" hint="Hora de Lima" errors={errors}>
        {(props) => <input {...props} type="time" name="startTime" step={300} defaultValue={values?.startTime ?? "09:00"} required />}
      </Control>
      <Control label="Hasta" name="endTime" hint="Hora de Lima" errors={errors}>
        {(props) => <input {...props} type="time" name="endTime" step={300} defaultValue={values?.endTime ?? "12:00"} required />}
      </Control>
      <Control label="Duración de cada sesión" name="sessionMinutes" errors={errors}>
        {(props) => (
          <select {...props} name="sessionMinutes" defaultValue={values?.sessionMinutes ?? "60"} required>
            {lengths.map((m) => (
              <option key={m} value={m}>
                {m} minutos
              </option>
            ))}
          </select>
        )}
      </Control>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Tu disponibilidad para asesorías | Comunidad de Práctica de Gestión Educativa" }];
