// /eventos/nuevo: DIFOCA creates an event with its programme.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EventForm } from "~/components/event-form";
import { loadEventForm, saveEventForm, type EventFormActionData } from "~/utils/event-pages.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return loadEventForm(request, null);
}

export async function action({ request }: ActionFunctionArgs) {
  return saveEventForm(request, null);
}

export default function NewEvent() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as EventFormActionData | undefined;
  return (
    <section className="container page">
      <p>
        <Link to="/eventos">Eventos</Link>
      </p>
      <h1>Nuevo evento</h1>
      <p className="lead">Al guardarlo, el evento se publica en la lista de eventos y los miembros pueden inscribirse.</p>
      <EventForm
        options={data.options}
        practiceRows={data.practiceRows}
        values={actionData?.values ?? data.values}
        invitedRegionIds={actionData?.invitedRegionIds ?? data.invitedRegionIds}
        errors={actionData?.errors}
        submitLabel="Crear evento"
      />
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Nuevo evento | Comunidad de Práctica de Gestión Educativa" }];
