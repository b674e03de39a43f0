// /eventos/:id/asistencia: DIFOCA records who attended (a list to tick, a code typed on the day) and
// gives one badge to every attendee.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AddAttendeeForm, AttendanceCode, AttendanceList, BulkBadgeForm } from "~/components/event-attendance";
import { handleAttendanceAction, loadAttendancePage, type AttendanceActionData } from "~/utils/event-pages.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadAttendancePage(request, params);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleAttendanceAction(request, params);
}

export default function EventAttendance() {
  const { event, phase, registrations, badges } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as AttendanceActionData | undefined;
  return (
    <section className="container page">
      <p>
        <Link to={`/eventos/${event.id}`}>{event.title}</Link>
      </p>
      <h1>Asistencia</h1>
      <p className="lead">
        {event.when}. {event.registered === 1 ? "1 persona inscrita" : `${event.registered} personas inscritas`}
        {event.waiting > 0 ? `, ${event.waiting} en lista de espera` : ""}; {event.attended === 1 ? "1 asistente" : `${event.attended} asistentes`}.
      </p>

      <section aria-labelledby="codigo" className="panel">
        <h2 id="codigo">Código de asistencia</h2>
        <AttendanceCode code={event.code} finished={phase.finished} actionData={actionData} />
      </section>

      <section aria-labelledby="lista">
        <h2 id="lista">Lista de inscritos</h2>
        <p className="hint">Marca a quienes asistieron. Cada asistente recibe los puntos por asistir una sola vez; si desmarcas a alguien, se le quitan.</p>
        <AttendanceList registrations={registrations} started={phase.started} actionData={actionData} />
      </section>

      <section aria-labelledby="agregar" className="panel">
        <h2 id="agregar">Agregar a alguien que vino sin inscribirse</h2>
        <AddAttendeeForm actionData={actionData} />
      </section>

      <section aria-labelledby="insignia" className="panel">
        <h2 id="insignia">Insignia para los asistentes</h2>
        <BulkBadgeForm badges={badges} attended={event.attended} actionData={actionData} />
      </section>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Asistencia | ${data.event.title} | Comunidad de Práctica de Gestión Educativa` : "Asistencia" },
];
