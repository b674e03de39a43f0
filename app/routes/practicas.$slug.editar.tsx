import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormError } from "~/components/forms";
import { PracticeForm } from "~/components/practice-form";
import { allIgedsExist, getIged, listIgedOptions } from "~/models/iged.server";
import { practiceAccess } from "~/models/practice-access.server";
import { addTeamMember, getPracticeDetail, removeTeamMember, replaceContacts, updatePractice } from "~/models/practice.server";
import { isActiveThematicLine, listThematicLines } from "~/models/thematic-line.server";
import { getMemberByEmail } from "~/models/user.server";
import { requireUser } from "~/utils/auth.server";
import { getDb, writeTransaction } from "~/utils/db.server";
import { parseForm } from "~/utils/forms.server";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { CONTACT_ROWS } from "~/utils/practice-labels";
import { readContacts, readPracticeForm, teamMemberSchema } from "~/utils/practice-validation.server";
import { redirectWithToast } from "~/utils/toast.server";

async function requireEditablePractice(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const practice = await getPracticeDetail(slug ?? "");
  if (!practice) throw notFound("No encontramos esa práctica.");
  const access = await practiceAccess(user, practice);
  if (!access.canView) throw notFound("No encontramos esa práctica.");
  if (!access.canEdit) throw forbidden("Solo el equipo de la práctica y DIFOCA pueden editarla.");
  return { user, practice };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { practice } = await requireEditablePractice(request, params.slug);
  const [allLines, igeds] = await Promise.all([listThematicLines({ includeInactive: true }), listIgedOptions()]);
  // A line DIFOCA retired stays offered to the practices already filed under it.
  const lines = allLines.filter((l) => l.active || l.id === practice.thematicLineId);
  return json({
    practice: {
      slug: practice.slug,
      title: practice.title,
      values: {
        title: practice.title,
        summary: practice.summary,
        thematicLineId: practice.thematicLineId ? String(practice.thematicLineId) : "",
        leadIgedId: String(practice.leadIgedId),
        otherIgedIds: practice.otherIgeds.map((i) => String(i.id)),
        startYear: practice.startYear ? String(practice.startYear) : "",
        vigente: practice.vigente,
        problem: practice.problem,
        strategy: practice.strategy,
        results: practice.results,
        lessons: practice.lessons,
      },
      team: practice.team,
      contacts: practice.contacts,
    },
    lines: lines.map(({ id, name }) => ({ id, name })),
    igeds: igeds.map(({ id, name, regionName }) => ({ id, name, regionName })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, practice } = await requireEditablePractice(request, params.slug);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = `/practicas/${practice.slug}/editar`;

  if (intent === "save") {
    const form = readPracticeForm(formData);
    const contacts = readContacts(formData);
    if (!form.success || !contacts.success) {
      const errors = { ...(form.success ? {} : form.errors), ...(contacts.success ? {} : contacts.errors) };
      return badRequest({ intent: "save", errors, values: form.success ? null : form.values });
    }
    if (!(await getIged(form.data.leadIgedId))) {
      return badRequest({ intent: "save", errors: { leadIgedId: "Elige la IGED que lidera la práctica." }, values: null });
    }
    if (!(await allIgedsExist(form.data.otherIgedIds))) {
      return badRequest({ intent: "save", errors: { otherIgedIds: "Elige las IGED de la lista." }, values: null });
    }
    const lineId = form.data.thematicLineId;
    if (lineId !== null && lineId !== practice.thematicLineId && !(await isActiveThematicLine(lineId))) {
      return badRequest({ intent: "save", errors: { thematicLineId: "Elige una línea temática de la lista." }, values: null });
    }
    // The text and the contacts are one save: both or neither.
    await writeTransaction(getDb(), async (trx) => {
      await updatePractice({ ...form.data, practiceId: practice.id, editorId: user.id }, trx);
      await replaceContacts({ practiceId: practice.id, contacts: contacts.contacts }, trx);
    });
    return redirectWithToast(request, `/practicas/${practice.slug}`, { type: "success", message: "Se guardaron los cambios." });
  }

  if (intent === "add-member") {
    const form = parseForm(teamMemberSchema, formData);
    if (!form.success) return badRequest({ intent: "team", errors: form.errors, values: null });
    const member = await getMemberByEmail(form.data.email);
    if (!member || !member.active) {
      return badRequest({ intent: "team", errors: { email: "No hay un miembro activo con ese correo. Pídele que se registre primero." }, values: null });
    }
    await addTeamMember({ practiceId: practice.id, userId: member.id });
    return redirectWithToast(request, here, { type: "success", message: `${member.name} ahora es parte del equipo de la práctica.` });
  }

  if (intent === "remove-member") {
    const memberId = Number(formData.get("memberId"));
    if (!Number.isSafeInteger(memberId) || !(await removeTeamMember({ practiceId: practice.id, userId: memberId }))) {
      return badRequest({ intent: "team", errors: { team: "No se pudo quitar a esa persona: el equipo debe tener al menos un miembro." }, values: null });
    }
    return redirectWithToast(request, here, { type: "success", message: "Se quitó a la persona del equipo." });
  }

  return badRequest({ intent: "none", errors: { form: "La acción no es válida." }, values: null });
}

export default function EditPractice() {
  const { practice, lines, igeds } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors as Record<string, string | undefined> | undefined;
  const typed = actionData?.values as Record<string, string | string[]> | null | undefined;
  const text = (key: keyof typeof practice.values) =>
    typed && typeof typed[key] === "string" ? (typed[key] as string) : (practice.values[key] as string | undefined);
  const contactRows = Array.from({ length: CONTACT_ROWS }, (_, i) => practice.contacts[i] ?? null);
  return (
    <section className="container page">
      <p>
        <Link to={`/practicas/${practice.slug}`}>Volver a la práctica</Link>
      </p>
      <h1>Editar: {practice.title}</h1>
      <p className="lead">Cada cambio queda en el historial de la práctica, con quién lo hizo y cuándo.</p>
      <PracticeForm
        lines={lines}
        igeds={igeds}
        errors={actionData?.intent === "save" ? errors : undefined}
        submitLabel="Guardar cambios"
        values={{
          title: text("title"),
          summary: text("summary"),
          thematicLineId: text("thematicLineId"),
          leadIgedId: text("leadIgedId"),
          otherIgedIds: typed && Array.isArray(typed.otherIgedIds) ? typed.otherIgedIds : practice.values.otherIgedIds,
          startYear: text("startYear"),
          vigente: typed ? typed.vigente === "on" : practice.values.vigente,
          problem: text("problem"),
          strategy: text("strategy"),
          results: text("results"),
          lessons: text("lessons"),
        }}
      >
        <fieldset className="fieldset">
          <legend>Contactos públicos</legend>
          <p className="hint">Las personas a quienes otras IGED pueden escribir sobre la práctica.</p>
          {contactRows.map((contact, i) => (
            <div key={i} className="contact-row">
              <Field label={`Contacto ${i + 1}: nombre`} name={`contact-${i}-name`} maxLength={120} defaultValue={contact?.name ?? ""} errors={errors} />
              <Field label="Cargo" name={`contact-${i}-role`} maxLength={160} defaultValue={contact?.role ?? ""} errors={errors} />
              <Field label="Correo" name={`contact-${i}-email`} type="email" maxLength={254} defaultValue={contact?.email ?? ""} errors={errors} />
              <Field label="Teléfono" name={`contact-${i}-phone`} maxLength={40} defaultValue={contact?.phone ?? ""} errors={errors} />
            </div>
          ))}
        </fieldset>
      </PracticeForm>

      <section aria-labelledby="equipo">
        <h2 id="equipo">Equipo técnico</h2>
        <p className="hint">Los miembros del equipo pueden editar la práctica y sus evidencias.</p>
        <FormError message={actionData?.intent === "team" ? errors?.team : undefined} />
        <ul>
          {practice.team.map((member) => (
            <li key={member.id} className="row-actions">
              <span>
                {member.name}
                {member.position ? ` · ${member.position}` : ""}
              </span>
              {practice.team.length > 1 ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-member" />
                  <input type="hidden" name="memberId" value={member.id} />
                  <button type="submit" className="button--small button--secondary">
                    Quitar<span className="visually-hidden"> a {member.name} del equipo</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        <Form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="add-member" />
          <Field
            label="Agregar al equipo (correo del miembro)"
            name="email"
            type="email"
            maxLength={254}
            errors={actionData?.intent === "team" ? errors : undefined}
          />
          <button type="submit" className="button--secondary">
            Agregar al equipo
          </button>
        </Form>
      </section>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Editar: ${data.practice.title} | Comunidad de Práctica de Gestión Educativa` : "Práctica no encontrada" },
];
