import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormError } from "~/components/forms";
import { lookUpPasswordResetLink, resetPasswordWithLink, type ResetLinkLookup } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { badRequest } from "~/utils/http.server";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/utils/password.server";
import { describeWait } from "~/utils/rate-limit.server";
import { redirectWithToast } from "~/utils/toast.server";
import { passwordResetSchema } from "~/utils/user-validation.server";

type LinkProblem = "unknown" | "used" | "expired" | "revoked" | "throttled";

const PROBLEMS: Record<Exclude<LinkProblem, "throttled">, { status: number; message: string }> = {
  unknown: { status: 404, message: "Este enlace para restablecer la contraseña no existe. Revisa que lo copiaste completo." },
  used: { status: 410, message: "Este enlace ya se usó: cada enlace sirve una sola vez." },
  expired: { status: 410, message: "Este enlace venció: cada enlace sirve durante 24 horas." },
  revoked: { status: 410, message: "Este enlace ya no sirve: DIFOCA creó otro más nuevo para tu cuenta." },
};

/** The page for a link that does not work (or for too many tries): its status and Spanish message. */
function linkProblem(lookup: Exclude<ResetLinkLookup, { state: "valid" }>) {
  const noStore = { "Cache-Control": "no-store" };
  if (lookup.state === "throttled") {
    const message = `Hubo demasiados intentos desde tu conexión. Espera ${describeWait(lookup.retryAfterSeconds)} y vuelve a abrir el enlace.`;
    return json(
      { state: "throttled" as LinkProblem, message, errors: { form: message }, memberName: null, passwordMin: PASSWORD_MIN, passwordMax: PASSWORD_MAX },
      { status: 429, headers: { ...noStore, "Retry-After": String(lookup.retryAfterSeconds) } },
    );
  }
  const { status, message } = PROBLEMS[lookup.state];
  return json(
    { state: lookup.state as LinkProblem, message, errors: { form: message }, memberName: null, passwordMin: PASSWORD_MIN, passwordMax: PASSWORD_MAX },
    { status, headers: noStore },
  );
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  const lookup = await lookUpPasswordResetLink({ token: params.token ?? "", clientAddress: context.clientAddress ?? "desconocida" });
  if (lookup.state !== "valid") return linkProblem(lookup);
  return json(
    { state: "valid" as const, message: null, errors: null, memberName: lookup.memberName, passwordMin: PASSWORD_MIN, passwordMax: PASSWORD_MAX },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const clientAddress = context.clientAddress ?? "desconocida";
  const token = params.token ?? "";
  // The link first: a link that does not work gets its own answer, whatever was typed.
  const lookup = await lookUpPasswordResetLink({ token, clientAddress });
  if (lookup.state !== "valid") return linkProblem(lookup);
  const form = parseForm(passwordResetSchema, await request.formData());
  if (!form.success) return badRequest({ state: "valid" as const, message: null, errors: form.errors });
  const result = await resetPasswordWithLink({ token, link: lookup, newPassword: form.data.newPassword, clientAddress });
  if (!result.ok) {
    if (result.reason === "used") return linkProblem({ state: "used", memberName: lookup.memberName, email: lookup.email, expiresAt: lookup.expiresAt });
    return badRequest({ state: "valid" as const, message: null, errors: { newPassword: result.message } });
  }
  return redirectWithToast(request, "/ingresar", {
    type: "success",
    message: "Tu contraseña se cambió. Ingresa con tu contraseña nueva.",
  });
}

export default function ResetPassword() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  // A link that stopped working while the form was open (used in another tab) shows as such.
  const state = actionData && actionData.state !== "valid" ? actionData.state : page.state;
  const errors: Record<string, string | undefined> | undefined = actionData?.errors ?? undefined;

  if (state !== "valid") {
    const message = (actionData && actionData.state !== "valid" ? actionData.message : page.message) ?? "";
    return (
      <section className="container page">
        <h1>Este enlace no sirve</h1>
        <p>{message}</p>
        <p>
          Si todavía necesitas restablecer tu contraseña, pide un enlace nuevo al equipo de DIFOCA por los canales oficiales del
          MINEDU. Si la recuerdas, <Link to="/ingresar">ingresa con ella</Link>.
        </p>
      </section>
    );
  }

  return (
    <section className="container page">
      <h1>Crea una contraseña nueva</h1>
      <p>
        {page.memberName ? `${page.memberName}, e` : "E"}scribe tu contraseña nueva dos veces. Después ingresarás con ella; si usas la
        verificación en dos pasos, también te pediremos el código de tu aplicación. Tus sesiones abiertas se cerrarán.
      </p>
      <Form method="post" className="form" noValidate>
        <FormError message={errors?.form} />
        <Field
          label="Contraseña nueva"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={page.passwordMin}
          maxLength={page.passwordMax}
          errors={errors}
          hint={`Al menos ${page.passwordMin} caracteres. Una frase fácil de recordar es una buena contraseña.`}
          autoFocus
        />
        <Field
          label="Repite la contraseña nueva"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          maxLength={page.passwordMax}
          errors={errors}
        />
        <button type="submit" disabled={navigation.state === "submitting"}>
          Guardar la contraseña nueva
        </button>
      </Form>
    </section>
  );
}

// Nothing of this page (it names the member, its address holds the link) is kept by a cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction = () => [{ title: "Restablecer la contraseña | Comunidad de Práctica de Gestión Educativa" }];
