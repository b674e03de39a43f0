import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormError } from "~/components/forms";
import { authenticate, continueSignIn, requireAnonymous } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { badRequest, safeRedirectPath } from "~/utils/http.server";
import { describeWait } from "~/utils/rate-limit.server";
import { toastCookie } from "~/utils/toast.server";
import { signInSchema } from "~/utils/user-validation.server";

const WRONG_CREDENTIALS = "El correo o la contraseña no son correctos.";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await request.formData();
  const redirectTo = safeRedirectPath(formData.get("redirectTo"));
  const form = parseForm(signInSchema, formData);
  if (!form.success) return badRequest({ errors: form.errors, values: form.values });

  const result = await authenticate({ ...form.data, clientAddress: context.clientAddress ?? "desconocida" });
  const values = { email: form.values.email ?? "" };
  if (!result.ok) {
    if (result.reason === "throttled") {
      return json(
        {
          errors: { form: `Hubo demasiados intentos de ingreso. Espera ${describeWait(result.retryAfterSeconds)} y vuelve a intentarlo.` },
          values,
        },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    }
    if (result.reason === "inactive") {
      return badRequest({
        errors: { form: "Tu cuenta está desactivada. Si crees que es un error, escribe al equipo de DIFOCA." },
        values,
      });
    }
    return badRequest({ errors: { form: WRONG_CREDENTIALS }, values });
  }
  // A correct password starts a session, or the second step (MFA on), or the setup (DIFOCA).
  const headers = new Headers();
  headers.append("Set-Cookie", await toastCookie(request, { type: "success", message: "Ingresaste a la plataforma." }));
  return continueSignIn(request, result, redirectTo, headers);
}

export default function SignIn() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const errors: Record<string, string | undefined> | undefined = actionData?.errors;
  return (
    <section className="container page">
      <h1>Ingresar</h1>
      <Form method="post" className="form" noValidate>
        <FormError message={errors?.form} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <Field
          label="Correo electrónico"
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={actionData?.values?.email}
          errors={errors}
          autoFocus
        />
        <Field label="Contraseña" name="password" type="password" autoComplete="current-password" required errors={errors} />
        <button type="submit" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Ingresando…" : "Ingresar"}
        </button>
      </Form>
      <p>
        ¿Aún no tienes cuenta? <Link to="/registro">Crea tu cuenta</Link>.
      </p>
      <p>
        <strong>¿Olvidaste tu contraseña?</strong> Escribe al equipo de DIFOCA del MINEDU por los canales oficiales de tu DRE o
        UGEL. Después de confirmar que eres tú, te enviarán un enlace para crear una contraseña nueva, que sirve una sola vez
        durante 24 horas.
      </p>
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Ingresar | Comunidad de Práctica de Gestión Educativa" }];
