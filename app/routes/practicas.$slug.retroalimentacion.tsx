import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormError, SelectField, TextareaField } from "~/components/forms";
import { listEventsForFeedback } from "~/models/event.server";
import { giveFeedback } from "~/models/feedback.server";
import { practiceAccess } from "~/models/practice-access.server";
import { getPracticeCoreBySlug } from "~/models/practice.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { readFeedbackEvent } from "~/utils/event-validation.server";
import { parseForm } from "~/utils/forms.server";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { feedbackSchema, todayInLima } from "~/utils/practice-review-validation.server";
import { redirectWithToast } from "~/utils/toast.server";

const NOT_ALLOWED =
  "Solo los expertos y los especialistas DIFOCA pueden dar retroalimentación, y solo sobre prácticas publicadas de otros equipos.";

async function requireFeedbackGiver(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const practice = slug ? await getPracticeCoreBySlug(slug) : undefined;
  if (!practice) throw notFound("Esa práctica no existe.");
  const access = await practiceAccess(user, practice);
  if (!access.canView) throw notFound("Esa práctica no existe.");
  if (!access.canGiveFeedback) throw forbidden(NOT_ALLOWED);
  return { user, practice };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { practice } = await requireFeedbackGiver(request, params.slug);
  const events = await listEventsForFeedback(practice.id);
  return json({
    practice: { slug: practice.slug, title: practice.title },
    today: todayInLima(),
    events: events.map((e) => ({ id: e.id, label: `${e.title} (${formatDate(new Date(`${e.startsOn}T12:00:00-05:00`))})` })),
  });
}


export async function action({ request, params }: ActionFunctionArgs) {
  const { user, practice } = await requireFeedbackGiver(request, params.slug);
  const formData = await request.formData();
  const form = parseForm(feedbackSchema(), formData);
  const event = readFeedbackEvent(formData, await listEventsForFeedback(practice.id));
  if (!form.success || !event.success) return badRequest({ errors: { ...(form.success ? {} : form.errors), ...(event.success ? {} : event.errors) }, values: form.values });
  await giveFeedback({ practiceId: practice.id, authorId: user.id, ...form.data, eventId: event.eventId });
  return redirectWithToast(request, `/practicas/${practice.slug}#retroalimentacion`, {
    type: "success",
    message: "Se registró tu retroalimentación.",
  });
}

export default function GiveFeedback() {
  const { practice, today, events } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = actionData?.errors;
  const values = actionData?.values;
  const busy = navigation.state === "submitting";
  return (
    <section className="container page">
      <p>
        <Link to={`/practicas/${practice.slug}`}>{practice.title}</Link>
      </p>
      <h1>Dar retroalimentación</h1>
      <p className="lead">
        Tu retroalimentación ayuda al equipo a fortalecer su práctica. El equipo la verá en la página de la práctica y podrá
        indicar cómo atiende cada oportunidad de mejora.
      </p>
      <Form method="post" className="form" noValidate>
        <FormError message={errors?.form} />
        <TextareaField
          required
          label="Aspecto clave de la práctica"
          name="keyAspects"
          rows={6}
          maxLength={5000}
          hint="Lo que destaca de la práctica. Puedes usar Markdown: **negrita**, listas con guiones, enlaces."
          defaultValue={values?.keyAspects}
          errors={errors}
        />
        <TextareaField
          required
          label="Oportunidades de mejora"
          name="opportunities"
          rows={6}
          hint="Una por línea (hasta 20)."
          defaultValue={values?.opportunities}
          errors={errors}
        />
        <TextareaField
          required
          label="Recomendaciones para la sostenibilidad y réplica"
          name="recommendations"
          rows={6}
          hint="Una por línea (hasta 20)."
          defaultValue={values?.recommendations}
          errors={errors}
        />
        {events.length > 0 ? (
          <SelectField
            label="¿Se dio en un evento?"
            name="eventId"
            hint="Si comentaste la práctica en un intercambio o taller, se incluirá en su reporte de sistematización."
            defaultValue={values?.eventId ?? ""}
            errors={errors}
          >
            <option value="">No, fuera de un evento</option>
            {events.map((e) => (
              <option key={e.id} value={e.id}>
                {e.label}
              </option>
            ))}
          </SelectField>
        ) : null}
        <Field label="Fecha de la retroalimentación" name="givenOn" type="date" required max={today} defaultValue={values?.givenOn ?? today} errors={errors} />
        <button type="submit" disabled={busy}>
          {busy ? "Guardando…" : "Registrar retroalimentación"}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Dar retroalimentación | ${data.practice.title} | Comunidad de Práctica de Gestión Educativa` : "Retroalimentación" },
];
