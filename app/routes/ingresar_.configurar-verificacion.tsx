import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError } from "~/components/forms";
import { CodeField, NewSecret, RecoveryCodes } from "~/components/mfa";
import { completeSignInSetup, describeSignInSetup, requireAnonymous, SIGN_IN_STEP_MINUTES } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { badRequest } from "~/utils/http.server";
import { CODE_MESSAGES, setupCodeSchema } from "~/utils/mfa-validation.server";
import { redirectWithToast } from "~/utils/toast.server";

const EXPIRED = `La configuración venció (dura ${SIGN_IN_STEP_MINUTES} minutos). Ingresa de nuevo con tu correo y contraseña.`;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  // No pending setup is not an error to redirect from: right after the setup succeeds (without
  // JavaScript the same request renders the page) the recovery codes must still be shown.
  return json({ setup: await describeSignInSetup(request) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = parseForm(setupCodeSchema, await request.formData());
  if (!form.success) return badRequest({ errors: form.errors, recoveryCodes: null, redirectTo: null });

  const result = await completeSignInSetup(request, { code: form.data.code, clientAddress: context.clientAddress ?? "desconocida" });
  if (result.ok) {
    // The session starts with this answer, which shows the recovery codes once.
    return json({ errors: null, recoveryCodes: result.recoveryCodes, redirectTo: result.redirectTo }, { headers: result.headers });
  }
  switch (result.reason) {
    case "expired":
      return redirectWithToast(request, "/ingresar", { type: "error", message: EXPIRED });
    case "restart":
      return redirectWithToast(request, "/ingresar", {
        type: "error",
        message: CODE_MESSAGES.restart,
      });
    case "throttled":
      return json(
        { errors: { code: CODE_MESSAGES.throttled(result.retryAfterSeconds) }, recoveryCodes: null, redirectTo: null },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    case "invalid":
      return badRequest({
        errors: { code: CODE_MESSAGES.wrongCode },
        recoveryCodes: null,
        redirectTo: null,
      });
  }
}

export default function SignInSetup() {
  const { setup } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: Record<string, string | undefined> | null | undefined = actionData?.errors;

  if (actionData?.recoveryCodes) {
    return (
      <section className="container page">
        <h1>Verificación en dos pasos activada</h1>
        <p role="status">Desde ahora, al ingresar te pediremos tu contraseña y el código de tu aplicación.</p>
        <RecoveryCodes codes={actionData.recoveryCodes} />
        <p>
          <Link to={actionData.redirectTo ?? "/"} className="button">
            Ya guardé mis códigos: continuar
          </Link>
        </p>
      </section>
    );
  }

  if (!setup) {
    return (
      <section className="container page">
        <h1>Configura la verificación en dos pasos</h1>
        <p>{EXPIRED}</p>
        <p>
          <Link to="/ingresar">Ingresar</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="container page">
      <h1>Configura la verificación en dos pasos</h1>
      <p>
        Las cuentas de DIFOCA administran la comunidad, por eso necesitan un segundo paso al ingresar: además de tu contraseña,
        un código que cambia cada 30 segundos en una aplicación de tu teléfono. Configúralo ahora para continuar como{" "}
        <strong>{setup.email}</strong>.
      </p>
      <NewSecret qrCode={setup.qrCode} secret={setup.secret} />
      <Form method="post" className="form" noValidate>
        <FormError message={errors?.form} />
        <CodeField label="Código de verificación" errors={errors ?? undefined} autoFocus />
        <button type="submit" disabled={navigation.state === "submitting"}>
          Activar y continuar
        </button>
      </Form>
    </section>
  );
}

// After the setup the session exists, and this page must keep showing the recovery codes.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod === "POST" ? false : defaultShouldRevalidate;

export const meta: MetaFunction = () => [{ title: "Configura la verificación en dos pasos | Comunidad de Práctica de Gestión Educativa" }];
