import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AdvisoryCommitments, AdvisoryFacts, AdvisoryHistory, AdvisoryMinutes } from "~/components/advisory-detail";
import { AcceptForm, CancelForm, ConfirmForm, failedFor, ProposeForm, RecordForm, RescheduleForm } from "~/components/advisory-forms";
import { AdvisoryStatusTag } from "~/components/advisory-list";
import { FormError } from "~/components/forms";
import { handleAdvisoryAction, loadAdvisoryPage, type AdvisoryActionData } from "~/utils/advisory-page.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadAdvisoryPage(request, params);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleAdvisoryAction(request, params);
}

export default function AdvisoryPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as AdvisoryActionData | undefined;
  const { advisory, roles } = data;
  const acts = roles.canConfirm || roles.canPropose || roles.canReschedule || roles.canCancel || roles.canRecord || roles.recordsLater;
  return (
    <article className="container page advisory">
      <p>
        <Link to="/asesorias">Mis asesorías</Link>
      </p>
      <header>
        <h1>{advisory.topic}</h1>
        <ul className="tags" aria-label="Datos de la asesoría">
          <li>
            <AdvisoryStatusTag status={advisory.status} label={advisory.statusLabel} />
          </li>
          <li className="tag">{advisory.typeLabel}</li>
          <li className="tag">{advisory.modalityLabel}</li>
        </ul>
      </header>

      {advisory.status === "cancelada" && advisory.cancelReason ? (
        <div className="notice" role="note">
          <p>
            <strong>Esta asesoría se canceló.</strong> Motivo: {advisory.cancelReason}
          </p>
        </div>
      ) : null}
      {advisory.status === "propuesta" ? (
        <div className="notice" role="note">
          <p>
            <strong>Se propuso un nuevo horario:</strong> {advisory.when}, hora de Lima.{" "}
            {roles.canAccept ? "Si le sirve al equipo, acéptalo; si no, puedes pedir otro horario o cancelar." : "El equipo de la práctica debe aceptarlo."}
          </p>
          {roles.canAccept ? (
            <>
              <FormError message={failedFor(actionData, "accept")?.errors.form} />
              <AcceptForm />
            </>
          ) : null}
        </div>
      ) : null}
      {advisory.status === "solicitada" && !roles.schedules ? (
        <div className="notice" role="note">
          <p>{advisory.advisor ? `${advisory.advisor.name} debe confirmar la asesoría.` : "DIFOCA asignará un asesor y un horario."} Te avisaremos.</p>
        </div>
      ) : null}

      {advisory.status === "confirmada" && roles.started && roles.isTeam && !roles.schedules ? (
        <div className="notice" role="note">
          <p>La asesoría ya empezó: el asesor registrará si se realizó o no.</p>
        </div>
      ) : null}

      <AdvisoryFacts advisory={advisory} icsPath={data.icsPath} />

      <section aria-labelledby="necesidad">
        <h2 id="necesidad">Lo que necesita el equipo</h2>
        <p className="advisory-needs">{advisory.needs}</p>
      </section>

      {acts ? (
        <section className="panel" aria-labelledby="gestion">
          <h2 id="gestion">Gestión de la asesoría</h2>
          {roles.canConfirm ? <ConfirmForm data={data} actionData={actionData} /> : null}
          {roles.recordsLater ? <p>Podrás registrar la asistencia y el acta cuando haya empezado la asesoría.</p> : null}
          {roles.canRecord ? <RecordForm data={data} actionData={actionData} /> : null}
          {roles.canPropose ? <ProposeForm data={data} actionData={actionData} /> : null}
          {roles.canReschedule ? <RescheduleForm data={data} actionData={actionData} /> : null}
          {roles.canCancel ? <CancelForm actionData={actionData} /> : null}
        </section>
      ) : null}

      <AdvisoryMinutes minutes={data.minutes} attendees={data.attendees} />
      <AdvisoryCommitments commitments={data.commitments} failed={failedFor(actionData, "commitment-done", "commitment-undone")} />
      <AdvisoryHistory history={data.history} />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Asesoría: ${data.advisory.topic} | Comunidad de Práctica de Gestión Educativa` : "Asesoría no encontrada" },
  { name: "robots", content: "noindex" },
];
