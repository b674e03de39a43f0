import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AdvisoryStatusTag } from "~/components/advisory-list";
import { FormError } from "~/components/forms";
import { AdvanceForm, DecideForms, EvidenceForm, failedFor, StatusForm } from "~/components/transfer-forms";
import { TransferPeople } from "~/components/transfer-people";
import { TransferStageProgress, TransferStatusTag } from "~/components/transfer-stages";
import { TransferEvidenceByStage, TransferTimeline } from "~/components/transfer-timeline";
import { handleTransferAction, loadTransferPage, type TransferActionData } from "~/utils/transfer-page.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadTransferPage(request, params);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleTransferAction(request, params);
}

export default function TransferPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as TransferActionData | undefined;
  const { transfer, roles, next } = data;
  const acts = roles.canDecide || roles.canAdvance || roles.waitsForDifoca || roles.canAddEvidence || roles.canSuspend || roles.canResume || roles.canClose;
  const statusError = failedFor(actionData, "suspend", "resume", "close");

  return (
    <article className="container page transfer">
      <p>
        <Link to="/transferencias">Transferencias</Link>
      </p>
      <header className="transfer__header">
        <h1>
          Transferencia de «<Link to={`/practicas/${transfer.practice.slug}`}>{transfer.practice.title}</Link>»
        </h1>
        <p className="transfer__route">
          De <strong>{transfer.source}</strong> a <strong>{transfer.receiving}</strong>
        </p>
        <ul className="tags" aria-label="Datos de la transferencia">
          <li>
            <TransferStatusTag status={transfer.status} label={transfer.statusLabel} />
          </li>
          <li className="tag tag--stage">Etapa: {transfer.stageLabel}</li>
        </ul>
        <p className="hint">
          Solicitada por {transfer.requestedBy} el {transfer.requestedOn}
          {transfer.completedOn ? ` · Completada el ${transfer.completedOn}` : ""}
        </p>
      </header>

      <StatusNotice status={transfer.status} reason={transfer.statusReason} canDecide={roles.canDecide} />

      <section aria-labelledby="etapas">
        <h2 id="etapas">Etapas</h2>
        <TransferStageProgress stages={data.stages} labelledBy="etapas" />
      </section>

      {acts ? (
        <section className="panel transfer__actions" aria-labelledby="gestion">
          <h2 id="gestion">Gestión de la transferencia</h2>
          {roles.canDecide ? <DecideForms actionData={actionData} /> : null}
          {/* Keyed by what they add to, so a saved move or evidence leaves empty forms (a chosen file would stay selected). */}
          {roles.canAdvance && next ? <AdvanceForm key={next.stage} next={next} today={data.today} actionData={actionData} /> : null}
          {roles.waitsForDifoca && next ? (
            <div className="notice" role="note">
              <p>
                <strong>DIFOCA valida esta etapa.</strong> La siguiente etapa, «{next.label}», la registra un especialista de DIFOCA.
                Mientras tanto, pueden agregar evidencias a la etapa actual.
              </p>
            </div>
          ) : null}
          {roles.canAddEvidence ? (
            <EvidenceForm key={`${transfer.stageLabel}-${data.evidenceByStage.reduce((n, g) => n + g.items.length, 0)}`} stageLabel={transfer.stageLabel} actionData={actionData} />
          ) : null}
          {roles.canSuspend || roles.canResume || roles.canClose ? <FormError message={statusError?.errors.form} /> : null}
          {roles.canResume ? <StatusForm intent="resume" actionData={actionData} /> : null}
          {roles.canSuspend ? <StatusForm intent="suspend" actionData={actionData} /> : null}
          {roles.canClose ? <StatusForm intent="close" actionData={actionData} /> : null}
        </section>
      ) : null}

      <section aria-labelledby="solicitud">
        <h2 id="solicitud">La solicitud</h2>
        {transfer.reason !== null && transfer.context !== null ? (
          <>
            <h3>¿Por qué quieren adoptar esta práctica?</h3>
            <p className="transfer-note">{transfer.reason}</p>
            <h3>¿Para qué contexto?</h3>
            <p className="transfer-note">{transfer.context}</p>
          </>
        ) : (
          <p className="hint">Mientras DIFOCA no acepte la solicitud, sus detalles y evidencias solo los ven sus personas responsables y DIFOCA.</p>
        )}
      </section>

      <section aria-labelledby="responsables">
        <h2 id="responsables">Personas responsables</h2>
        <TransferPeople
          source={data.people.source}
          receiving={data.people.receiving}
          sourceLabel={transfer.source}
          receivingLabel={transfer.receiving}
          canManage={roles.canManagePeople}
          managedSides={roles.managedSides}
          actionData={actionData}
        />
      </section>

      <section aria-labelledby="historial">
        <h2 id="historial">Historial</h2>
        <TransferTimeline steps={data.steps} />
      </section>

      <section aria-labelledby="evidencias" className="transfer-evidence">
        <h2 id="evidencias">Evidencias por etapa</h2>
        <TransferEvidenceByStage groups={data.evidenceByStage} />
      </section>

      <section aria-labelledby="asesorias" className="transfer-advisories">
        <h2 id="asesorias">Asesorías sobre esta transferencia</h2>
        {data.advisories.length === 0 ? (
          <p className="hint">{roles.canMove ? "Aún no hay asesorías sobre esta transferencia." : "Aún no se realizaron asesorías sobre esta transferencia."}</p>
        ) : (
          <ul className="transfer-advisories__list">
            {data.advisories.map((a) => (
              <li key={a.id}>
                {a.dateTime ? <time dateTime={a.dateTime}>{a.when}</time> : <span>{a.when}</span>}
                {" · "}
                {a.typeLabel}
                {a.advisorName ? ` con ${a.advisorName}` : ""}
                {a.status && a.statusLabel ? (
                  <>
                    {" "}
                    <AdvisoryStatusTag status={a.status} label={a.statusLabel} />
                  </>
                ) : null}
                {a.topic ? <div>{a.href ? <Link to={a.href}>{a.topic}</Link> : a.topic}</div> : null}
              </li>
            ))}
          </ul>
        )}
        {data.canRequestAdvisory ? (
          <p className="hint">
            <Link to={`/asesorias/nueva?practica=${encodeURIComponent(transfer.practice.slug)}&transferencia=${transfer.id}`}>Pedir una asesoría sobre esta transferencia</Link>
          </p>
        ) : null}
      </section>
    </article>
  );
}

function StatusNotice({ status, reason, canDecide }: { status: string; reason: string | null; canDecide: boolean }) {
  const text: Record<string, string> = {
    pendiente: canDecide ? "Esta solicitud espera tu revisión." : "DIFOCA está revisando esta solicitud.",
    suspendida: "Esta transferencia está suspendida.",
    rechazada: "DIFOCA no aceptó esta solicitud.",
    cerrada: "Esta transferencia se cerró.",
    completada: "Esta transferencia se completó: la IGED receptora institucionalizó la práctica.",
  };
  if (!text[status]) return null;
  return (
    <div className="notice" role="note">
      <p>
        <strong>{text[status]}</strong>
        {reason ? <> Motivo: {reason}</> : null}
      </p>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Transferencia de «${data.transfer.practice.title}» a ${data.transfer.receiving} | Comunidad de Práctica de Gestión Educativa`
      : "Transferencia | Comunidad de Práctica de Gestión Educativa",
  },
];
