import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { FormError } from "~/components/forms";
import { CodeField } from "~/components/mfa";
import { completeSignInStep, getSignInChallenge, requireAnonymous, SIGN_IN_STEP_MINUTES } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { badRequest } from "~/utils/http.server";
import { CODE_MESSAGES, signInCodeSchema } from "~/utils/mfa-validation.server";
import { redirectWithToast, toastCookie } from "~/utils/toast.server";

const EXPIRED = `Tu verificación venció (dura ${SIGN_IN_STEP_MINUTES} minutos). Ingresa de nuevo con tu correo y contraseña.`;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  if (!(await getSignInChallenge(request, "verify"))) return redirectWithToast(request, "/ingresar", { type: "error", message: EXPIRED });
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = parseForm(signInCodeSchema, await request.formData());
  const intent = form.values.intent === "recovery" ? "recovery" : "totp";
  if (!form.success) return badRequest({ intent, errors: form.errors });

  const result = await completeSignInStep(request, { code: form.data.code, clientAddress: context.clientAddress ?? "desconocida" });
  if (result.ok) {
    const message =
      result.recoveryCodesLeft === null
        ? "Ingresaste a la plataforma."
        : `Ingresaste con un código de recuperación. Te quedan ${result.recoveryCodesLeft} ${result.recoveryCodesLeft === 1 ? "código" : "códigos"}.` +
          (result.recoveryCodesLeft <= 3 ? " Genera códigos nuevos en Seguridad de tu cuenta." : "");
    result.headers.append("Set-Cookie", await toastCookie(request, { type: "success", message }));
    return redirect(result.redirectTo, { headers: result.headers });
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
        { intent, errors: { code: CODE_MESSAGES.throttled(result.retryAfterSeconds) } },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    case "invalid":
      return badRequest({
        intent,
        errors: {
          code:
            intent === "recovery"
              ? "Ese código de recuperación no es válido o ya se usó."
              : "El código no es correcto o ya se usó. Espera el siguiente código de tu aplicación y vuelve a intentarlo.",
        },
      });
  }
}

export default function SignInVerification() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const totpErrors = actionData?.intent === "totp" ? actionData.errors : undefined;
  const recoveryErrors = actionData?.intent === "recovery" ? actionData.errors : undefined;
  const errors: Record<string, string | undefined> | undefined = actionData?.errors;
  return (
    <section className="container page">
      <h1>Verificación en dos pasos</h1>
      <p>Tu cuenta usa verificación en dos pasos. Abre tu aplicación de autenticación y escribe el código de 6 dígitos.</p>
      <FormError message={errors?.intent ?? errors?.form} />
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value="totp" />
        <CodeField label="Código de verificación" errors={totpErrors} hint="Cambia cada 30 segundos." autoFocus={actionData?.intent !== "recovery"} />
        <button type="submit" disabled={busy}>
          Verificar
        </button>
      </Form>
      <details className="mfa-recovery" open={actionData?.intent === "recovery"}>
        <summary>¿No tienes tu teléfono? Usa un código de recuperación</summary>
        <Form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="recovery" />
          <CodeField
            label="Código de recuperación"
            kind="recovery"
            errors={recoveryErrors}
            hint="Uno de los 10 códigos que guardaste al activar la verificación. Cada uno sirve una sola vez."
            autoFocus={actionData?.intent === "recovery"}
          />
          <button type="submit" className="button--secondary" disabled={busy}>
            Ingresar con el código de recuperación
          </button>
        </Form>
      </details>
      <p>
        Si perdiste tu teléfono y tus códigos, pide al equipo de DIFOCA que restablezca tu verificación. <Link to="/ingresar">Volver a ingresar</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Verificación en dos pasos | Comunidad de Práctica de Gestión Educativa" }];
