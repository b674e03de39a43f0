// /eventos/:id/editar: DIFOCA changes an event and its programme.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EventForm } from "~/components/event-form";
import { loadEventForm, saveEventForm, type EventFormActionData } from "~/utils/event-pages.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadEventForm(request, params);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return saveEventForm(request, params);
}

export default function EditEvent() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as EventFormActionData | undefined;
  const event = data.event!;
  return (
    <section className="container page">
      <p>
        <Link to={`/eventos/${event.id}`}>{event.title}</Link>
      </p>
      <h1>Editar el evento</h1>
      <EventForm
        options={data.options}
        practiceRows={data.practiceRows}
        values={actionData?.values ?? data.values}
        invitedRegionIds={actionData?.invitedRegionIds ?? data.invitedRegionIds}
        errors={actionData?.errors}
        submitLabel="Guardar cambios"
      />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.event ? `Editar «${data.event.title}» | Comunidad de Práctica de Gestión Educativa` : "Editar evento" },
];
