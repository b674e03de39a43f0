import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { EvidenceList } from "~/components/evidence-list";
import { FormError, TextareaField } from "~/components/forms";
import { Markdown } from "~/components/markdown";
import { PracticeAdvisories } from "~/components/practice-advisories";
import { PracticeFeedback } from "~/components/practice-feedback";
import { PromotionPanel } from "~/components/promotion-panel";
import { StageTimeline } from "~/components/stage-timeline";
import { listAdvisoriesOfPractice, listCommitmentsOfPractice } from "~/models/advisory.server";
import { listEvidence } from "~/models/evidence.server";
import { IGED_TYPE_LABELS } from "~/models/iged.server";
import { practiceAccess } from "~/models/practice-access.server";
import { loadPracticeReview } from "~/models/practice-review.server";
import {
  getPracticeDetail,
  listPracticeEvents,
  publishPractice,
  returnPractice,
  setPracticeArchived,
  STAGE_LABELS,
  STATUS_LABELS,
  submitPractice,
} from "~/models/practice.server";
import { listTransfersOfPractice } from "~/models/transfer.server";
import { getInitiativeOfPractice } from "~/models/wall.server";
import { ADVISORY_STATUS_LABELS, ADVISORY_TYPE_LABELS } from "~/utils/advisory-labels";
import { sessionStart } from "~/utils/advisory-page.server";
import { getUser, requireUser } from "~/utils/auth.server";
import { formatDate, formatMonthYear, todayInLima } from "~/utils/dates";
import { parseForm } from "~/utils/forms.server";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { can } from "~/utils/permissions.server";
import { reviewSchema, submissionProblems } from "~/utils/practice-validation.server";
import { countVisit } from "~/utils/practice-visits.server";
import { redirectWithToast } from "~/utils/toast.server";
import { TRANSFER_STAGE_LABELS } from "~/utils/transfer-labels";
import { visitorOf } from "~/utils/visitor.server";

const NOT_FOUND = "No encontramos esa práctica.";
const PUBLIC_EVENTS = new Set(["published", "promoted", "demoted", "archived", "unarchived"]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const practice = await getPracticeDetail(params.slug ?? "");
  if (!practice) throw notFound(NOT_FOUND);
  const access = await practiceAccess(user, practice);
  // A draft is not revealed to those who may not see it.
  if (!access.canView) throw notFound(NOT_FOUND);

  const headers = new Headers();
  let counted = false;
  if (practice.status === "publicada") {
    const { visitor, setCookie } = visitorOf(request, user);
    if (visitor) counted = await countVisit({ practiceId: practice.id, visitor, day: todayInLima() });
    if (setCookie) headers.append("Set-Cookie", setCookie);
  }
  // Held advisories are public; topics, open requests and commitments are the team's and DIFOCA's.
  const advisoryDetails = access.isTeam || can(user, "advisories.manage");
  const [events, evidence, review, initiative, advisories, commitments, adoptions] = await Promise.all([
    listPracticeEvents(practice.id),
    listEvidence(practice.id),
    loadPracticeReview(practice.id, user),
    getInitiativeOfPractice(practice.id),
    listAdvisoriesOfPractice(practice.id),
    advisoryDetails ? listCommitmentsOfPractice(practice.id) : Promise.resolve([]),
    listTransfersOfPractice(practice.id),
  ]);
  // Requests still without a time first, then the newest sessions.
  const shownAdvisories = advisories
    .filter((a) => advisoryDetails || a.status === "realizada")
    .sort((a, b) => (a.startsAt === null ? -1 : b.startsAt === null ? 1 : b.startsAt.localeCompare(a.startsAt)));

  return json(
    {
      practice: {
        id: practice.id,
        slug: practice.slug,
        title: practice.title,
        summary: practice.summary,
        status: practice.status,
        statusLabel: STATUS_LABELS[practice.status],
        stage: practice.stage,
        stageLabel: STAGE_LABELS[practice.stage],
        vigente: practice.vigente,
        startYear: practice.startYear,
        reviewNote: practice.reviewNote,
        visitCount: practice.visitCount + (counted ? 1 : 0),
        thematicLineName: practice.thematicLineName,
        regionName: practice.regionName,
        macroregionName: practice.macroregionName,
        leadIged: `${practice.leadIgedName} (${IGED_TYPE_LABELS[practice.leadIgedType as keyof typeof IGED_TYPE_LABELS]})`,
        otherIgeds: practice.otherIgeds.map((i) => i.name),
        team: practice.team,
        contacts: practice.contacts,
        updatedAt: formatDate(practice.updatedAt),
        sections: [
          { id: "problema", title: "Problema", html: renderMarkdown(practice.problem) },
          { id: "estrategia", title: "Estrategia", html: renderMarkdown(practice.strategy) },
          { id: "resultados", title: "Resultados", html: renderMarkdown(practice.results) },
          { id: "lecciones", title: "Lecciones aprendidas", html: renderMarkdown(practice.lessons) },
        ].filter((s) => s.html.trim() !== ""),
      },
      // The review's back-and-forth (drafts, returns, requests) is the team's and DIFOCA's business;
      // everyone sees the decisions of the maturity route.
      events: events
        .filter((e) => access.canEdit || access.canReview || PUBLIC_EVENTS.has(e.type))
        .map((e) => ({ ...e, date: formatDate(e.createdAt) })),
      evidence,
      review,
      access,
      initiative: initiative ? { id: initiative.id, title: initiative.title } : null,
      advisories: {
        slug: practice.slug,
        heldCount: advisories.filter((a) => a.status === "realizada").length,
        detailed: advisoryDetails,
        canRequest: access.isTeam && practice.status !== "archivada",
        advisories: shownAdvisories.map((a) => ({
          id: a.id,
          when: a.startsAt ? sessionStart(a.startsAt) : "Por programar",
          dateTime: a.startsAt,
          typeLabel: ADVISORY_TYPE_LABELS[a.type],
          advisorName: a.advisorName,
          ...(advisoryDetails ? { topic: a.topic, seriesTitle: a.seriesTitle, status: a.status, statusLabel: ADVISORY_STATUS_LABELS[a.status] } : {}),
        })),
        commitments: commitments.map((c) => ({
          id: c.id,
          advisoryId: c.advisoryId,
          description: c.description,
          responsibleName: c.responsibleName,
          // A calendar date, read at noon in Lima so no time zone moves it to the day before.
          due: formatDate(new Date(`${c.dueDate}T12:00:00-05:00`)),
          done: c.done,
          overdue: c.overdue,
        })),
      },
      missing: access.canEdit && practice.status === "borrador" ? submissionProblems(practice) : [],
      adoptions: adoptions.map((t) => ({
        id: t.id,
        where: `${t.receivingIgedName} (${t.receivingRegionName})`,
        state:
          t.status === "completada" && t.completedAt
            ? `institucionalizada en ${formatMonthYear(t.completedAt)}`
            : `${t.status === "suspendida" ? "suspendida" : "en curso"}: etapa ${TRANSFER_STAGE_LABELS[t.stage].toLowerCase()}`,
      })),
      // Only a referente can be asked for, and not by its own team nor by an IGED that already runs it.
      canRequestTransfer:
        practice.status === "publicada" &&
        practice.stage === "avanzado" &&
        can(user, "transfers.request") &&
        !access.isTeam &&
        !(user?.igedId != null && [practice.leadIgedId, ...practice.otherIgeds.map((i) => i.id)].includes(user.igedId)),
    },
    { headers },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const practice = await getPracticeDetail(params.slug ?? "");
  if (!practice) throw notFound(NOT_FOUND);
  const access = await practiceAccess(user, practice);
  if (!access.canView) throw notFound(NOT_FOUND);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = `/practicas/${practice.slug}`;

  if (intent === "submit") {
    if (!access.canEdit) throw forbidden();
    const missing = submissionProblems(practice);
    if (missing.length > 0) return badRequest({ errors: { submit: `Antes de enviarla a revisión: ${missing.join(" ")}` } });
    if (!(await submitPractice({ practiceId: practice.id, actorId: user.id }))) {
      return badRequest({ errors: { submit: "Solo un borrador se puede enviar a revisión." } });
    }
    return redirectWithToast(request, here, { type: "success", message: "Se envió la práctica a revisión. DIFOCA te avisará de su decisión." });
  }

  if (intent === "publish" || intent === "return") {
    if (!access.canReview) throw forbidden();
    const form = parseForm(reviewSchema, formData);
    if (!form.success) return badRequest({ errors: form.errors });
    if (form.data.intent === "publish") {
      if (!(await publishPractice({ practiceId: practice.id, actorId: user.id }))) {
        return badRequest({ errors: { review: "Solo se puede publicar una práctica enviada a revisión." } });
      }
      return redirectWithToast(request, here, { type: "success", message: "Se publicó la práctica en el estadio inicial." });
    }
    if (!(await returnPractice({ practiceId: practice.id, actorId: user.id, note: form.data.note }))) {
      return badRequest({ errors: { review: "Solo se puede devolver una práctica enviada a revisión." } });
    }
    return redirectWithToast(request, here, { type: "success", message: "Se devolvió la práctica al equipo con tus observaciones." });
  }

  if (intent === "archive" || intent === "unarchive") {
    if (!access.canReview) throw forbidden();
    const archived = intent === "archive";
    if (!(await setPracticeArchived({ practiceId: practice.id, actorId: user.id, archived, note: "" }))) {
      return badRequest({ errors: { archive: archived ? "Solo se archiva una práctica publicada." : "La práctica no está archivada." } });
    }
    return redirectWithToast(request, here, {
      type: "success",
      message: archived ? "Se archivó la práctica: ya no aparece en el catálogo." : "La práctica volvió al catálogo.",
    });
  }

  return badRequest({ errors: { form: "La acción no es válida." } });
}

export default function PracticePage() {
  const { practice, events, evidence, review, access, missing, initiative, advisories, adoptions, canRequestTransfer } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors as Record<string, string | undefined> | undefined;
  return (
    <article className="container page practice">
      <p>
        <Link to="/practicas">Prácticas</Link>
      </p>

      {practice.status !== "publicada" ? (
        <div className="notice" role="note">
          <p>
            <strong>Estado: {practice.statusLabel}.</strong>{" "}
            {practice.status === "borrador"
              ? "Solo el equipo y DIFOCA ven esta práctica."
              : practice.status === "en_revision"
                ? "DIFOCA está revisando esta práctica."
                : "Esta práctica está archivada: no aparece en el catálogo."}
          </p>
          {practice.reviewNote && practice.status === "borrador" && access.canEdit ? (
            <p>
              <strong>Observaciones de DIFOCA:</strong> {practice.reviewNote}
            </p>
          ) : null}
        </div>
      ) : null}

      <header className="practice__header">
        <h1>{practice.title}</h1>
        <ul className="tags" aria-label="Datos de la práctica">
          <li className="tag tag--stage">Estadio {practice.stageLabel.toLowerCase()}</li>
          {practice.thematicLineName ? <li className="tag">{practice.thematicLineName}</li> : null}
          <li className="tag">{practice.regionName}</li>
          <li className="tag">{practice.vigente ? "Vigente" : "No vigente"}</li>
        </ul>
        {practice.summary ? <p className="lead">{practice.summary}</p> : null}
        {initiative ? (
          <p>
            Esta práctica nació de la iniciativa <Link to={`/iniciativas/${initiative.id}`}>«{initiative.title}»</Link>.
          </p>
        ) : null}
      </header>

      {access.canEdit || access.canReview ? (
        <section className="panel" aria-labelledby="gestion">
          <h2 id="gestion">Gestión de la práctica</h2>
          <div className="actions">
            {access.canEdit ? (
              <>
                <Link className="button button--secondary" to={`/practicas/${practice.slug}/editar`}>
                  Editar
                </Link>
                <Link className="button button--secondary" to={`/practicas/${practice.slug}/evidencias`}>
                  Evidencias
                </Link>
              </>
            ) : null}
            <Link className="button button--secondary" to={`/practicas/${practice.slug}/historial`}>
              Historial de cambios
            </Link>
          </div>
          {access.canEdit && practice.status === "borrador" ? (
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="submit" />
              {missing.length > 0 ? (
                <div>
                  <p>Para enviarla a revisión falta:</p>
                  <ul>
                    {missing.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <FormError message={errors?.submit} />
              <button type="submit">Enviar a revisión</button>
            </Form>
          ) : null}
          {access.canReview && practice.status === "en_revision" ? (
            <div className="review">
              <h3>Revisión de DIFOCA</h3>
              <FormError message={errors?.review} />
              <Form method="post">
                <input type="hidden" name="intent" value="publish" />
                <button type="submit">Publicar en el estadio inicial</button>
              </Form>
              <Form method="post" className="form">
                <input type="hidden" name="intent" value="return" />
                <TextareaField label="Observaciones para el equipo" name="note" rows={3} maxLength={2000} errors={errors} />
                <button type="submit" className="button--secondary">
                  Devolver al equipo
                </button>
              </Form>
            </div>
          ) : null}
          {access.canReview && (practice.status === "publicada" || practice.status === "archivada") ? (
            <Form method="post">
              <FormError message={errors?.archive} />
              <input type="hidden" name="intent" value={practice.status === "publicada" ? "archive" : "unarchive"} />
              <button type="submit" className="button--secondary">
                {practice.status === "publicada" ? "Archivar práctica" : "Devolver al catálogo"}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      <dl className="facts">
        <dt>Región</dt>
        <dd>
          {practice.regionName} (macrorregión {practice.macroregionName})
        </dd>
        <dt>IGED que la lidera</dt>
        <dd>{practice.leadIged}</dd>
        {practice.otherIgeds.length > 0 ? (
          <>
            <dt>La comparten</dt>
            <dd>{practice.otherIgeds.join(", ")}</dd>
          </>
        ) : null}
        {practice.startYear ? (
          <>
            <dt>Año de inicio</dt>
            <dd>{practice.startYear}</dd>
          </>
        ) : null}
        <dt>Visitas</dt>
        <dd>{practice.visitCount.toLocaleString("es-PE")}</dd>
        <dt>Última actualización</dt>
        <dd>{practice.updatedAt}</dd>
      </dl>

      {practice.sections.map((section) => (
        <section key={section.id} aria-labelledby={section.id}>
          <h2 id={section.id}>{section.title}</h2>
          <Markdown html={section.html} />
        </section>
      ))}

      <section aria-labelledby="ruta">
        <h2 id="ruta">Ruta de fortalecimiento</h2>
        <p>
          Estadio actual: <strong>{practice.stageLabel}</strong>
        </p>
        {review &&
        practice.status === "publicada" &&
        (review.promotion.canRequest || review.promotion.canDecide || review.promotion.pending || review.promotion.lastReturned) ? (
          <PromotionPanel {...review.promotion} />
        ) : null}
        <StageTimeline events={events} />
      </section>

      <section aria-labelledby="evidencias">
        <h2 id="evidencias">Evidencias</h2>
        {evidence.length > 0 ? <EvidenceList items={evidence} /> : <p>La práctica aún no tiene evidencias registradas.</p>}
        {access.canEdit ? (
          <p>
            <Link to={`/practicas/${practice.slug}/evidencias`}>Agregar o quitar evidencias</Link>
          </p>
        ) : null}
      </section>

      <PracticeAdvisories {...advisories} />

      {adoptions.length > 0 || practice.stage === "avanzado" ? (
        <section aria-labelledby="adopciones">
          <h2 id="adopciones">Dónde se adoptó</h2>
          {adoptions.length > 0 ? (
            <ul className="adoptions">
              {adoptions.map((a) => (
                <li key={a.id}>
                  <Link to={`/transferencias/${a.id}`}>{a.where}</Link> — {a.state}
                </li>
              ))}
            </ul>
          ) : (
            <p>Ninguna otra IGED ha adoptado todavía esta práctica.</p>
          )}
          {canRequestTransfer ? (
            <p>
              <Link to={`/transferencias/nueva?practica=${practice.slug}`}>Solicitar la transferencia de esta práctica</Link>{" "}
              <span className="hint">DIFOCA revisa cada solicitud antes de que empiece.</span>
            </p>
          ) : null}
        </section>
      ) : null}

      {review ? <PracticeFeedback {...review.feedback} /> : null}

      <section aria-labelledby="equipo">
        <h2 id="equipo">Equipo técnico y contactos</h2>
        {practice.team.length > 0 ? (
          <ul>
            {practice.team.map((member) => (
              <li key={member.id}>
                <Link to={`/perfil/${member.id}`}>{member.name}</Link>
                {member.position ? ` · ${member.position}` : ""}
                {member.igedName ? ` · ${member.igedName}` : ""}
              </li>
            ))}
          </ul>
        ) : null}
        {practice.contacts.length > 0 ? (
          <>
            <h3>Contactos</h3>
            <ul>
              {practice.contacts.map((contact) => (
                <li key={contact.id}>
                  {contact.name}
                  {contact.role ? ` · ${contact.role}` : ""}
                  {contact.email ? (
                    <>
                      {" · "}
                      <a href={`mailto:${contact.email}`}>{contact.email}</a>
                    </>
                  ) : null}
                  {contact.phone ? ` · ${contact.phone}` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.practice.title} | Comunidad de Práctica de Gestión Educativa` : "Práctica no encontrada" },
  ...(data?.practice.summary ? [{ name: "description", content: data.practice.summary }] : []),
];
