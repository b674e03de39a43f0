import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { AdvisoryStatusTag } from "~/components/advisory-list";
import { AssignForm, type AssignFailure, type QueueItem } from "~/components/advisory-queue";
import { FormError } from "~/components/forms";
import { confirmAdvisory, getAdvisory, listAdvisors, listPendingRequests, listUpcomingAdvisories, type AdvisoryRefusal } from "~/models/advisory.server";
import { ADVISORY_STATUS_LABELS, ADVISORY_TYPE_LABELS, MODALITY_LABELS } from "~/utils/advisory-labels";
import { sessionStart, sessionWhen } from "~/utils/advisory-page.server";
import { MAX_SESSION_MINUTES, MIN_SESSION_MINUTES } from "~/utils/advisory-slots";
import { readScheduleForm } from "~/utils/advisory-validation.server";
import { formatTimeAgo } from "~/utils/dates";
import { formValues, type FieldErrors } from "~/utils/forms.server";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

const HERE = "/admin/asesorias";
/** How far ahead the list of confirmed sessions looks. */
const UPCOMING_DAYS = 14;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "advisories.manage");
  const now = new Date();
  const [pending, advisors, upcoming] = await Promise.all([listPendingRequests(), listAdvisors(), listUpcomingAdvisories({ days: UPCOMING_DAYS, now })]);
  const items: QueueItem[] = pending.map((p) => ({
    id: p.id,
    // Who has to act next: DIFOCA (no advisor yet), the advisor (to confirm) or the team (a proposal).
    waitingFor: p.status === "propuesta" ? "team" : p.advisorId === null ? "assignment" : "advisor",
    status: p.status,
    statusLabel: ADVISORY_STATUS_LABELS[p.status],
    typeLabel: ADVISORY_TYPE_LABELS[p.type],
    topic: p.topic,
    needs: p.needs,
    modality: p.modality,
    modalityLabel: MODALITY_LABELS[p.modality],
    when: p.startsAt ? sessionStart(p.startsAt) : "Sin horario",
    practiceTitle: p.practiceTitle,
    practiceSlug: p.practiceSlug,
    requestedByName: p.requestedByName,
    advisorName: p.advisorName,
    seriesTitle: p.seriesTitle,
    age: formatTimeAgo(p.createdAt, now),
    requestedAt: p.createdAt,
  }));
  return json({
    unassigned: items.filter((i) => i.waitingFor === "assignment"),
    withAdvisor: items.filter((i) => i.waitingFor === "advisor"),
    withTeam: items.filter((i) => i.waitingFor === "team"),
    advisors: advisors.map((a) => ({ id: a.id, name: a.name, hasAvailability: a.hasAvailability })),
    upcoming: upcoming.map((u) => ({
      id: u.id,
      when: sessionWhen(u.startsAt!, u.endsAt!),
      topic: u.topic,
      practiceTitle: u.practiceTitle,
      practiceSlug: u.practiceSlug,
      advisorName: u.advisorName,
      modalityLabel: MODALITY_LABELS[u.modality],
    })),
    upcomingDays: UPCOMING_DAYS,
  });
}

/** A refusal of the model as a message next to the request's form; 404 and 403 are thrown. */
function refusalErrors(reason: AdvisoryRefusal): FieldErrors {
  switch (reason) {
    case "not_found":
      throw notFound("No encontramos esa solicitud de asesoría.");
    case "not_team":
    case "not_allowed":
      throw forbidden();
    case "not_advisor":
      return { advisorId: "Elige un asesor de la lista." };
    case "past":
      return { date: "La fecha y hora ya pasaron." };
    case "bad_length":
      return { minutes: `La duración debe estar entre ${MIN_SESSION_MINUTES} y ${MAX_SESSION_MINUTES} minutos.` };
    case "slot_taken":
      // DIFOCA picks any time: the clash is with another session of the same advisor.
      return { form: "El asesor ya tiene otra asesoría en ese horario. Elige otra hora u otro asesor." };
    case "outside_availability":
      return { form: "Ese horario no está en la disponibilidad del asesor." };
    case "already_assigned":
      return { form: "Otra persona ya asignó esta asesoría." };
    case "wrong_status":
      return { form: "Esta solicitud cambió de estado. Ábrela para ver en qué quedó." };
    case "not_yet":
    case "started":
    case "bad_transfer":
      return { form: "La asesoría ya no admite ese cambio." };
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "advisories.manage");
  const formData = await request.formData();
  const values = formValues(formData);
  const failure = (advisoryId: number | null, errors: FieldErrors) => badRequest<AssignFailure>({ advisoryId, errors, values });
  const id = /^\d{1,9}$/.test(values.advisoryId ?? "") ? Number(values.advisoryId) : null;
  if (values.intent !== "assign" || id === null) return failure(null, { form: "La acción no es válida. Vuelve a cargar la página e inténtalo de nuevo." });

  const advisory = await getAdvisory(id);
  if (!advisory) throw notFound("No encontramos esa solicitud de asesoría.");
  const form = readScheduleForm(formData, { modality: advisory.modality, requireTime: true });
  const errors: FieldErrors = form.success ? {} : { ...form.errors };
  if (!form.success || form.data.advisorId === null) {
    if ((values.advisorId ?? "").trim() === "") errors.advisorId = "Elige un asesor de la lista.";
    return failure(id, errors);
  }
  const result = await confirmAdvisory({
    advisoryId: id,
    actorId: user.id,
    advisorId: form.data.advisorId,
    startsAt: form.data.startsAt,
    minutes: form.data.minutes,
    meetingUrl: form.data.meetingUrl,
    place: form.data.place,
    // Another specialist may have assigned it since the page was loaded: checked inside the model's transaction.
    onlyIfUnassigned: true,
  });
  if (!result.ok) return failure(id, refusalErrors(result.reason));
  const assigned = await getAdvisory(id);
  return redirectWithToast(request, HERE, {
    type: "success",
    message: `Se asignó la asesoría «${advisory.topic}» a ${assigned?.advisor?.name ?? "el asesor"} para el ${sessionStart(assigned?.startsAt ?? form.data.startsAt!)}. Avisamos al equipo y al asesor.`,
  });
}

function QueueCard({ item, children }: { item: QueueItem; children?: ReactNode }) {
  const headingId = `solicitud-${item.id}`;
  return (
    <li className="card advisory-queue__item">
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>
          <Link to={`/asesorias/${item.id}`}>{item.topic}</Link>
        </h3>
        <p className="hint">
          {item.typeLabel}
          {item.seriesTitle ? ` · ${item.seriesTitle}` : ""} · <AdvisoryStatusTag status={item.status} label={item.statusLabel} />
        </p>
        <dl className="advisory-queue__facts">
          <dt>Práctica</dt>
          <dd>
            <Link to={`/practicas/${item.practiceSlug}`}>{item.practiceTitle}</Link>
          </dd>
          <dt>Pedida por</dt>
          <dd>
            {item.requestedByName}, <time dateTime={item.requestedAt}>{item.age}</time>
          </dd>
          <dt>Modalidad</dt>
          <dd>{item.modalityLabel}</dd>
          <dt>Horario (Lima)</dt>
          <dd>{item.when}</dd>
          {item.advisorName ? (
            <>
              <dt>Asesor</dt>
              <dd>{item.advisorName}</dd>
            </>
          ) : null}
        </dl>
        <h4 className="advisory-queue__needs-title">Lo que necesita el equipo</h4>
        <p className="advisory-queue__needs">{item.needs}</p>
        {children}
        <p>
          <Link to={`/asesorias/${item.id}`}>
            Abrir la solicitud<span className="visually-hidden"> «{item.topic}»</span>
          </Link>
        </p>
      </article>
    </li>
  );
}

export default function AdvisoryQueue() {
  const { unassigned, withAdvisor, withTeam, advisors, upcoming, upcomingDays } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="container page">
      <p>
        <Link to="/admin">Administración</Link>
      </p>
      <h1>Solicitudes de asesoría</h1>
      <p className="lead">
        Las asesorías que esperan a alguien: asigna un asesor y un horario a las que los equipos dejaron a DIFOCA, y sigue las que esperan la
        confirmación del asesor o la respuesta del equipo. Las horas son de Lima.
      </p>
      {actionData && actionData.advisoryId === null ? <FormError message={actionData.errors.form} /> : null}

      <section aria-labelledby="por-asignar">
        <h2 id="por-asignar">Por asignar ({unassigned.length})</h2>
        {unassigned.length === 0 ? <p>No hay solicitudes esperando un asesor.</p> : null}
        <ul className="advisory-queue">
          {unassigned.map((item) => (
            <QueueCard key={item.id} item={item}>
              <AssignForm item={item} advisors={advisors} failed={actionData && actionData.advisoryId === item.id ? actionData : undefined} />
            </QueueCard>
          ))}
        </ul>
      </section>

      <section aria-labelledby="esperan-asesor">
        <h2 id="esperan-asesor">Esperan la confirmación del asesor ({withAdvisor.length})</h2>
        {withAdvisor.length === 0 ? <p>No hay solicitudes esperando la confirmación de un asesor.</p> : null}
        <ul className="advisory-queue">
          {withAdvisor.map((item) => (
            <QueueCard key={item.id} item={item} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="esperan-equipo">
        <h2 id="esperan-equipo">Propuestas que esperan al equipo ({withTeam.length})</h2>
        {withTeam.length === 0 ? <p>No hay horarios propuestos esperando la respuesta de un equipo.</p> : null}
        <ul className="advisory-queue">
          {withTeam.map((item) => (
            <QueueCard key={item.id} item={item} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="proximas">
        <h2 id="proximas">Confirmadas en los próximos {upcomingDays} días</h2>
        {upcoming.length === 0 ? (
          <p>No hay asesorías confirmadas en los próximos {upcomingDays} días.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Asesorías confirmadas en los próximos {upcomingDays} días</caption>
              <thead>
                <tr>
                  <th scope="col">Fecha y hora (Lima)</th>
                  <th scope="col">Tema</th>
                  <th scope="col">Práctica</th>
                  <th scope="col">Asesor</th>
                  <th scope="col">Modalidad</th>
                </tr>
              </thead>
              <tbody>
                {upcoming.map((u) => (
                  <tr key={u.id}>
                    <td>{u.when}</td>
                    <td>
                      <Link to={`/asesorias/${u.id}`}>{u.topic}</Link>
                    </td>
                    <td>
                      <Link to={`/practicas/${u.practiceSlug}`}>{u.practiceTitle}</Link>
                    </td>
                    <td>{u.advisorName}</td>
                    <td>{u.modalityLabel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Solicitudes de asesoría | Administración | Comunidad de Práctica de Gestión Educativa" }];
