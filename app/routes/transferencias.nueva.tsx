import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormError, TextareaField, type Errors } from "~/components/forms";
import { IgedSelect } from "~/components/iged-select";
import { listIgedOptions } from "~/models/iged.server";
import { getPracticeDetail, listAdvancedPractices } from "~/models/practice.server";
import { requestTransfer, type TransferRefusal } from "~/models/transfer.server";
import { getMember, getMemberByEmail } from "~/models/user.server";
import { badRequest, notFound } from "~/utils/http.server";
import { can, requirePermission } from "~/utils/permissions.server";
import { STAGE_LABELS } from "~/utils/practice-labels";
import { redirectWithToast } from "~/utils/toast.server";
import { readTransferRequest } from "~/utils/transfer-validation.server";

const NOT_FOUND = "No encontramos esa práctica entre las publicadas.";
const NO_IGED = "Tu cuenta no tiene una IGED registrada. Para solicitar una transferencia, pide a DIFOCA que registre la IGED donde trabajas.";

const NO_CONTACT = "No encontramos un miembro activo con ese correo.";

/** What the person reads when the model refuses: a 400 next to the whole form, or next to the contact's e-mail. */
const REFUSALS: Partial<Record<TransferRefusal, { field: "form" | "contactEmail"; message: string }>> = {
  not_found: { field: "form", message: "La práctica o la IGED elegida ya no existen. Vuelve a cargar la página." },
  not_advanced: { field: "form", message: "Solo se puede solicitar la transferencia de prácticas en estadio avanzado." },
  not_public: { field: "form", message: "Solo se puede solicitar la transferencia de prácticas publicadas." },
  own_iged: { field: "form", message: "Una IGED no puede solicitar la transferencia de su propia práctica." },
  already_open: { field: "form", message: "Ya hay una transferencia abierta de esta práctica a esa IGED." },
  contact_required: { field: "contactEmail", message: "Escribe el correo de la persona responsable en la IGED receptora." },
  not_receiving_member: { field: "contactEmail", message: "La persona responsable debe ser un miembro activo de la IGED receptora elegida." },
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "transfers.request");
  const choosesIged = can(user, "transfers.manage");
  const slug = new URL(request.url).searchParams.get("practica");

  if (!slug) {
    const practices = await listAdvancedPractices();
    return json({
      practices: practices.map((p) => ({ slug: p.slug, label: `${p.title} — ${p.leadIgedName} (${p.regionName})` })),
      practice: null,
      receiving: null,
      igeds: [],
    });
  }

  const practice = await getPracticeDetail(slug);
  if (!practice || practice.status !== "publicada") throw notFound(NOT_FOUND);
  const sharingIds = new Set([practice.leadIgedId, ...practice.otherIgeds.map((i) => i.id)]);
  const member = choosesIged ? null : await getMember(user.id);
  return json({
    practices: [],
    practice: {
      id: practice.id,
      slug: practice.slug,
      title: practice.title,
      regionName: practice.regionName,
      leadIgedName: practice.leadIgedName,
      otherIgedNames: practice.otherIgeds.map((i) => i.name),
      stageLabel: STAGE_LABELS[practice.stage],
      advanced: practice.stage === "avanzado",
    },
    receiving: choosesIged
      ? ({ kind: "choose" } as const)
      : member?.igedId && member.igedName
        ? ({ kind: "own", igedName: member.igedName, regionName: member.regionName ?? "", isOwnPractice: sharingIds.has(member.igedId) } as const)
        : ({ kind: "none" } as const),
    // DIFOCA may request on behalf of any IGED except the ones that already run the practice.
    igeds: choosesIged && practice.stage === "avanzado" ? (await listIgedOptions()).filter((i) => !sharingIds.has(i.id)) : [],
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "transfers.request");
  const choosesIged = can(user, "transfers.manage");
  const form = readTransferRequest(await request.formData(), { choosesIged });
  if (!form.success) return badRequest({ errors: form.errors as Record<string, string>, values: form.values });
  const receivingIgedId = form.data.receivingIgedId ?? user.igedId;
  if (receivingIgedId === null) return badRequest({ errors: { form: NO_IGED } as Record<string, string>, values: form.values });
  // DIFOCA asks on behalf of an IGED and names its responsible person there; the model checks they belong to it.
  const contact = form.data.contactEmail === null ? null : await getMemberByEmail(form.data.contactEmail);
  if (form.data.contactEmail !== null && (!contact || !contact.active)) return badRequest({ errors: { contactEmail: NO_CONTACT } as Record<string, string>, values: form.values });

  const result = await requestTransfer({
    practiceId: form.data.practiceId,
    requestedBy: user.id,
    receivingIgedId,
    receivingContactId: contact?.id ?? null,
    reason: form.data.reason,
    context: form.data.context,
  });
  if (!result.ok) {
    const refusal = REFUSALS[result.reason] ?? { field: "form", message: "No se pudo enviar la solicitud. Revisa los datos y vuelve a intentarlo." };
    return badRequest({ errors: { [refusal.field]: refusal.message } as Record<string, string>, values: form.values });
  }
  return redirectWithToast(request, `/transferencias/${result.id}`, { type: "success", message: "Se envió tu solicitud. DIFOCA la revisará." });
}

export default function NewTransfer() {
  const { practices, practice, receiving, igeds } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Errors = actionData?.errors;
  const values: Record<string, string | undefined> = actionData?.values ?? {};

  return (
    <section className="container page transfer-request">
      <p>
        <Link to="/transferencias">Transferencias</Link>
      </p>
      <h1>Solicitar la transferencia de una práctica</h1>
      <p className="lead">
        Una práctica en estadio avanzado puede ser adoptada por una IGED de otra región. Cuenta por qué la quieren adoptar y para
        qué contexto: DIFOCA revisará la solicitud y, si la acepta, los equipos de ambas IGED la llevarán etapa por etapa.
      </p>

      {!practice ? (
        <PracticeChooser practices={practices} />
      ) : (
        <>
          <section aria-labelledby="practica" className="card transfer-request__practice">
            <h2 id="practica">{practice.title}</h2>
            <dl className="facts">
              <dt>Región</dt>
              <dd>{practice.regionName}</dd>
              <dt>IGED que la lidera</dt>
              <dd>{practice.leadIgedName}</dd>
              {practice.otherIgedNames.length > 0 ? (
                <>
                  <dt>Otras IGED</dt>
                  <dd>{practice.otherIgedNames.join(", ")}</dd>
                </>
              ) : null}
              <dt>Estadio</dt>
              <dd>{practice.stageLabel}</dd>
            </dl>
            <p>
              <Link to={`/practicas/${practice.slug}`}>Ver la práctica</Link>
            </p>
          </section>

          {!practice.advanced ? (
            <div className="notice" role="note">
              <p>
                <strong>Esta práctica aún no se puede solicitar.</strong> Solo se puede solicitar la transferencia de prácticas en
                estadio avanzado, es decir, consolidadas y validadas por DIFOCA. Esta práctica está en estadio{" "}
                {practice.stageLabel.toLowerCase()}.
              </p>
              <p>
                <Link to="/transferencias/nueva">Elige una práctica en estadio avanzado</Link>
              </p>
            </div>
          ) : receiving?.kind === "none" ? (
            <div className="notice" role="note">
              <p>{NO_IGED}</p>
            </div>
          ) : receiving?.kind === "own" && receiving.isOwnPractice ? (
            <div className="notice" role="note">
              <p>
                <strong>{receiving.igedName} ya lidera o comparte esta práctica.</strong> Una IGED no puede solicitar la
                transferencia de su propia práctica.
              </p>
            </div>
          ) : (
            <Form method="post" className="form form--wide" noValidate>
              <FormError message={errors?.form} />
              <input type="hidden" name="practiceId" value={practice.id} />
              {receiving?.kind === "own" ? (
                <div className="field transfer-request__receiving">
                  <p>
                    <strong>IGED receptora:</strong> {receiving.igedName} ({receiving.regionName})
                  </p>
                  <p className="hint">La transferencia se solicita para la IGED donde trabajas.</p>
                </div>
              ) : (
                <>
                  <IgedSelect
                    igeds={igeds}
                    name="igedId"
                    label="IGED receptora"
                    hint="La IGED que adoptará la práctica, agrupadas por región. No aparecen las que ya la lideran o comparten."
                    defaultValue={values.igedId}
                    errors={errors}
                  />
                  <Field
                    label="Correo de la persona responsable en la IGED receptora"
                    name="contactEmail"
                    type="email"
                    required
                    maxLength={254}
                    defaultValue={values.contactEmail}
                    errors={errors}
                    hint="Un miembro con cuenta activa en esa IGED: será la persona responsable del lado receptor. DIFOCA acompaña la transferencia sin ser parte de ella."
                  />
                </>
              )}
              <TextareaField
                label="¿Por qué quieren adoptar esta práctica?"
                name="reason"
                required
                maxLength={TRANSFER_TEXT_MAX_LENGTH}
                rows={5}
                defaultValue={values.reason}
                errors={errors}
                hint="El problema que comparten con la práctica y lo que esperan lograr. Entre 20 y 2000 caracteres."
              />
              <TextareaField
                label="¿Para qué contexto?"
                name="context"
                required
                maxLength={TRANSFER_TEXT_MAX_LENGTH}
                rows={5}
                defaultValue={values.context}
                errors={errors}
                hint="El territorio, la población (instituciones educativas, estudiantes, docentes) y las condiciones donde se aplicará. Entre 20 y 2000 caracteres."
              />
              <button type="submit" disabled={busy}>
                Enviar solicitud
              </button>
            </Form>
          )}
        </>
      )}
    </section>
  );
}

// The browser bundle cannot read constants of *.server modules: this repeats the validation's limit.
const TRANSFER_TEXT_MAX_LENGTH = 2000;

function PracticeChooser({ practices }: { practices: { slug: string; label: string }[] }) {
  if (practices.length === 0) {
    return (
      <div className="notice" role="note">
        <p>Aún no hay prácticas publicadas en estadio avanzado que se puedan solicitar.</p>
        <p>
          <Link to="/practicas">Ver el catálogo de prácticas</Link>
        </p>
      </div>
    );
  }
  return (
    <section aria-labelledby="elegir">
      <h2 id="elegir">Elige la práctica</h2>
      <Form method="get" className="row-actions">
        <label htmlFor="practica">Práctica en estadio avanzado</label>
        <select id="practica" name="practica" required defaultValue="">
          <option value="" disabled>
            Elige una práctica
          </option>
          {practices.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.label}
            </option>
          ))}
        </select>
        <button type="submit" className="button--secondary">
          Continuar
        </button>
      </Form>
      <p className="hint">
        También puedes solicitarla desde la página de la práctica, o buscarla en el <Link to="/practicas?estadio=avanzado">catálogo</Link>.
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.practice ? `Solicitar la transferencia de «${data.practice.title}» | Comunidad de Práctica de Gestión Educativa` : "Solicitar una transferencia | Comunidad de Práctica de Gestión Educativa" },
];
