import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormError } from "~/components/forms";
import { CodeField, NewSecret, RecoveryCodes } from "~/components/mfa";
import { getMfaStatus } from "~/models/mfa.server";
import {
  changeOwnPassword,
  confirmCurrentPassword,
  confirmEnrolment,
  describeEnrolment,
  describeOwnSessions,
  endOtherSessions,
  endOwnSession,
  regenerateRecoveryCodes,
  requireUser,
  requiresMfa,
  signOut,
  startEnrolment,
  turnOffMfa,
  type CurrentUser,
} from "~/utils/auth.server";
import { formatDate, formatDateTime } from "~/utils/dates";
import { parseForm } from "~/utils/forms.server";
import { badRequest, forbidden } from "~/utils/http.server";
import { CODE_MESSAGES, securitySchema } from "~/utils/mfa-validation.server";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/utils/password.server";
import { redirectWithToast, toastCookie } from "~/utils/toast.server";
import { endSessionsSchema, passwordChangeSchema } from "~/utils/user-validation.server";

type Intent = "start" | "confirm" | "regenerate" | "disable" | "change_password" | "end_sessions";
const INTENTS = ["start", "confirm", "regenerate", "disable", "change_password", "end_sessions"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [status, enrolment, sessions] = await Promise.all([getMfaStatus(user.id), describeEnrolment(user), describeOwnSessions(request, user)]);
  return json({
    profileId: user.id,
    required: requiresMfa(user.role),
    enabled: status.enabled,
    enabledOn: status.enabledAt ? formatDate(status.enabledAt) : null,
    recoveryCodesLeft: status.recoveryCodesLeft,
    enrolment,
    passwordMin: PASSWORD_MIN,
    passwordMax: PASSWORD_MAX,
    sessions: sessions.map((session) => ({
      handle: session.handle,
      current: session.current,
      createdAt: session.createdAt,
      startedOn: formatDateTime(session.createdAt),
      endsOn: formatDateTime(session.expiresAt),
    })),
  });
}

function failure(intent: Intent, errors: Record<string, string>, init?: ResponseInit) {
  return json({ intent, errors, recoveryCodes: null, done: null }, { status: 400, ...init });
}

function throttled(intent: Intent, field: string, retryAfterSeconds: number) {
  return failure(intent, { [field]: CODE_MESSAGES.throttled(retryAfterSeconds) }, {
    status: 429,
    headers: { "Retry-After": String(retryAfterSeconds) },
  });
}

const WRONG_PASSWORD = "La contraseña no es correcta.";
const WRONG_CODE = "El código no es correcto o ya se usó. Espera el siguiente código de tu aplicación y vuelve a intentarlo.";

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const clientAddress = context.clientAddress ?? "desconocida";
  const formData = await request.formData();
  const rawIntent = formData.get("intent");
  if (rawIntent === "change_password") return changePassword(request, user, formData, clientAddress);
  if (rawIntent === "end_sessions") return endSessions(request, user, formData, clientAddress);
  const form = parseForm(securitySchema, formData);
  const intent: Intent = INTENTS.find((i) => i === form.values.intent) ?? "start";
  if (!form.success) return badRequest({ intent, errors: form.errors, recoveryCodes: null, done: null });
  const input = form.data;

  switch (input.intent) {
    case "start":
      await startEnrolment(user.id);
      return redirectWithToast(request, "/cuenta/seguridad#activar", { type: "info", message: "Escanea el código QR con tu aplicación." });
    case "confirm": {
      // The password before any code: a wrong one uses up nothing (ASVS V7.5.1).
      const password = await confirmCurrentPassword({ user, password: input.password, clientAddress });
      if (!password.ok) {
        return password.reason === "throttled" ? throttled(intent, "password", password.retryAfterSeconds) : failure(intent, { password: WRONG_PASSWORD });
      }
      const result = await confirmEnrolment({ user, code: input.code, currentCode: input.currentCode ?? null, clientAddress });
      if (!result.ok) {
        if (result.reason === "throttled") return throttled(intent, "code", result.retryAfterSeconds);
        if (result.reason === "expired") {
          return failure(intent, { form: "La configuración venció. Vuelve a empezar: te mostraremos un código QR nuevo." });
        }
        if (result.reason === "current_invalid") {
          return failure(intent, {
            currentCode: input.currentCode
              ? "Ese código no es válido o ya se usó."
              : "Escribe un código de tu aplicación anterior o uno de tus códigos de recuperación.",
          });
        }
        return failure(intent, {
          code: CODE_MESSAGES.wrongCode,
        });
      }
      // A new factor: sessions opened without it, elsewhere, end.
      await endOtherSessions(request, user.id);
      return json({ intent, errors: null, recoveryCodes: result.recoveryCodes, done: "enabled" as const });
    }
    case "regenerate": {
      const result = await regenerateRecoveryCodes({ user, code: input.code, clientAddress });
      if (!result.ok) {
        return result.reason === "throttled" ? throttled(intent, "code", result.retryAfterSeconds) : failure(intent, { code: WRONG_CODE });
      }
      return json({ intent, errors: null, recoveryCodes: result.recoveryCodes, done: "regenerated" as const });
    }
    case "disable": {
      if (requiresMfa(user.role)) throw forbidden("Las cuentas de DIFOCA deben usar la verificación en dos pasos: no se puede desactivar.");
      const result = await turnOffMfa({ request, user, password: input.password, code: input.code, clientAddress });
      if (!result.ok) {
        switch (result.reason) {
          case "throttled":
            return throttled(intent, "code", result.retryAfterSeconds);
          case "password":
            return failure(intent, { password: WRONG_PASSWORD });
          case "required":
            throw forbidden("Las cuentas de DIFOCA deben usar la verificación en dos pasos: no se puede desactivar.");
          case "invalid":
            return failure(intent, { code: WRONG_CODE });
        }
      }
      return redirectWithToast(request, "/cuenta/seguridad", {
        type: "success",
        message: "Desactivaste la verificación en dos pasos. Tus otras sesiones se cerraron.",
      });
    }
  }
}

/** The member changes their password: the current one, the new one twice; other sessions end. */
async function changePassword(request: Request, user: CurrentUser, formData: FormData, clientAddress: string) {
  const intent = "change_password" as const;
  const form = parseForm(passwordChangeSchema, formData);
  if (!form.success) return failure(intent, form.errors);
  const result = await changeOwnPassword({
    request,
    user,
    currentPassword: form.data.currentPassword,
    newPassword: form.data.newPassword,
    clientAddress,
  });
  if (!result.ok) {
    switch (result.reason) {
      case "throttled":
        return throttled(intent, "currentPassword", result.retryAfterSeconds);
      case "password":
        return failure(intent, { currentPassword: WRONG_PASSWORD });
      case "same":
        return failure(intent, { newPassword: "La contraseña nueva debe ser distinta de la actual." });
      case "policy":
        return failure(intent, { newPassword: result.message });
    }
  }
  return redirectWithToast(
    request,
    "/cuenta/seguridad",
    {
      type: "success",
      message: `Tu contraseña se cambió.${result.otherSessionsEnded > 0 ? " Se cerraron tus sesiones en otros navegadores." : ""}`,
    },
    result.headers,
  );
}

/** The member ends one of their own sessions, or all the others, after typing their password. */
async function endSessions(request: Request, user: CurrentUser, formData: FormData, clientAddress: string) {
  const intent = "end_sessions" as const;
  const form = parseForm(endSessionsSchema, formData);
  if (!form.success) return failure(intent, form.errors);
  const password = await confirmCurrentPassword({ user, password: form.data.password, clientAddress });
  if (!password.ok) {
    return password.reason === "throttled" ? throttled(intent, "password", password.retryAfterSeconds) : failure(intent, { password: WRONG_PASSWORD });
  }
  if (form.data.session === "otras") {
    const ended = await endOtherSessions(request, user.id);
    return redirectWithToast(request, "/cuenta/seguridad#sesiones", {
      type: "success",
      message: ended === 0 ? "No tenías otras sesiones abiertas." : ended === 1 ? "Se cerró tu otra sesión." : `Se cerraron tus otras ${ended} sesiones.`,
    });
  }
  switch (await endOwnSession(request, user, form.data.session)) {
    case "unknown":
      // Someone else's session, or one already ended: nothing to say about it.
      return failure(intent, { session: "Esa sesión no existe o ya se cerró." }, { status: 404 });
    case "current": {
      const headers = new Headers();
      headers.append("Set-Cookie", await toastCookie(request, { type: "info", message: "Cerraste tu sesión." }));
      return signOut(request, "/", headers);
    }
    case "ended":
      return redirectWithToast(request, "/cuenta/seguridad#sesiones", { type: "success", message: "Se cerró la sesión." });
  }
}

export default function AccountSecurity() {
  const { profileId, required, enabled, enabledOn, recoveryCodesLeft, enrolment, passwordMin, passwordMax, sessions } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errorsFor = (intent: Intent): Record<string, string | undefined> | undefined =>
    actionData?.intent === intent && actionData.errors ? actionData.errors : undefined;

  return (
    <section className="container page">
      <p>
        <Link to={`/perfil/${profileId}`}>Mi perfil</Link>
      </p>
      <h1>Seguridad de tu cuenta</h1>

      <section aria-labelledby="contrasena-titulo">
        <h2 id="contrasena-titulo">Cambiar contraseña</h2>
        <p>Al cambiarla, se cerrarán tus sesiones en otros navegadores y dispositivos. En este seguirás dentro.</p>
        <Form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="change_password" />
          <FormError message={errorsFor("change_password")?.form ?? errorsFor("change_password")?.intent} />
          <Field
            label="Contraseña actual"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            errors={errorsFor("change_password")}
          />
          <Field
            label="Contraseña nueva"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={passwordMin}
            maxLength={passwordMax}
            errors={errorsFor("change_password")}
            hint={`Al menos ${passwordMin} caracteres. Una frase fácil de recordar es una buena contraseña.`}
          />
          <Field
            label="Repite la contraseña nueva"
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            required
            maxLength={passwordMax}
            errors={errorsFor("change_password")}
          />
          <button type="submit" disabled={busy}>
            Cambiar contraseña
          </button>
        </Form>
      </section>

      <section id="sesiones" aria-labelledby="sesiones-titulo">
        <h2 id="sesiones-titulo">Sesiones abiertas</h2>
        <p>
          Cada vez que ingresas desde un navegador se abre una sesión. Si ves una que no reconoces, ciérrala y cambia tu
          contraseña. Para cerrar sesiones te pedimos tu contraseña.
        </p>
        <Form method="post" id="cerrar-sesiones" className="form" noValidate>
          <input type="hidden" name="intent" value="end_sessions" />
          <FormError message={errorsFor("end_sessions")?.session ?? errorsFor("end_sessions")?.form ?? errorsFor("end_sessions")?.intent} />
          <Field
            label="Tu contraseña, para cerrar sesiones"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            errors={errorsFor("end_sessions")}
          />
          {sessions.length > 1 ? (
            <button type="submit" name="session" value="otras" className="button--secondary" disabled={busy}>
              Cerrar todas las demás
            </button>
          ) : null}
        </Form>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Tus sesiones abiertas</caption>
            <thead>
              <tr>
                <th scope="col">Inicio</th>
                <th scope="col">Vence</th>
                <th scope="col">Acción</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.handle}>
                  <td>
                    <time dateTime={session.createdAt}>{session.startedOn}</time>
                    {session.current ? (
                      <>
                        {" "}
                        <span className="tag tag--ok">Esta sesión</span>
                      </>
                    ) : null}
                  </td>
                  <td>{session.endsOn}</td>
                  <td>
                    <button type="submit" form="cerrar-sesiones" name="session" value={session.handle} className="button--small button--secondary" disabled={busy}>
                      Cerrar esta sesión<span className="visually-hidden"> iniciada el {session.startedOn}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <h2>Verificación en dos pasos</h2>
      <p>
        Con la verificación en dos pasos, al ingresar te pedimos tu contraseña y además un código de 6 dígitos que cambia cada 30
        segundos en una aplicación de tu teléfono. Así, quien averigüe tu contraseña no puede entrar a tu cuenta.
        {required ? " Las cuentas de DIFOCA siempre la usan." : null}
      </p>

      {actionData?.recoveryCodes ? (
        <>
          <p role="status" className="notice">
            {actionData.done === "enabled"
              ? "La verificación en dos pasos está activa. Tus otras sesiones se cerraron."
              : "Generaste códigos de recuperación nuevos. Los anteriores ya no sirven."}
          </p>
          <RecoveryCodes codes={actionData.recoveryCodes} />
        </>
      ) : null}

      <p className="mfa-status">
        Estado:{" "}
        {enabled ? (
          <strong>Activa{enabledOn ? ` desde el ${enabledOn}` : ""}</strong>
        ) : (
          <strong>No activa</strong>
        )}
      </p>
      {enabled ? (
        <p>
          {recoveryCodesLeft === 1 ? "Te queda 1 código de recuperación." : `Te quedan ${recoveryCodesLeft} códigos de recuperación.`}
          {recoveryCodesLeft <= 3 ? " Te conviene generar códigos nuevos." : null}
        </p>
      ) : null}

      {enrolment ? (
        <section id="activar" aria-labelledby="activar-titulo">
          <h2 id="activar-titulo">{enabled ? "Cambiar de teléfono" : "Activar la verificación en dos pasos"}</h2>
          <NewSecret qrCode={enrolment.qrCode} secret={enrolment.secret} />
          <Form method="post" className="form" noValidate>
            <FormError message={errorsFor("confirm")?.form} />
            <input type="hidden" name="intent" value="confirm" />
            <Field
              label="Tu contraseña"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              hint="Para confirmar que eres tú antes de cambiar cómo ingresas."
              errors={errorsFor("confirm")}
            />
            <CodeField label={enabled ? "Código de la aplicación nueva" : "Código de verificación"} errors={errorsFor("confirm")} />
            {enabled ? (
              <CodeField
                label="Código actual"
                name="currentCode"
                kind="any"
                hint="Para confirmar que eres tú: un código de tu aplicación anterior o uno de tus códigos de recuperación."
                errors={errorsFor("confirm")}
              />
            ) : null}
            <button type="submit" disabled={busy}>
              {enabled ? "Usar la aplicación nueva" : "Activar"}
            </button>
          </Form>
        </section>
      ) : (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="start" />
          <FormError message={errorsFor("start")?.form ?? errorsFor("start")?.intent} />
          <button type="submit" className={enabled ? "button--secondary" : undefined} disabled={busy}>
            {enabled ? "Cambiar de teléfono" : "Activar la verificación en dos pasos"}
          </button>
        </Form>
      )}

      {enabled ? (
        <>
          <section aria-labelledby="codigos-titulo">
            <h2 id="codigos-titulo">Códigos de recuperación</h2>
            <p>Genera 10 códigos nuevos si usaste varios o si crees que alguien los vio. Los anteriores dejarán de servir.</p>
            <Form method="post" className="form" noValidate>
              <input type="hidden" name="intent" value="regenerate" />
              <CodeField label="Código de tu aplicación" errors={errorsFor("regenerate")} />
              <button type="submit" className="button--secondary" disabled={busy}>
                Generar códigos nuevos
              </button>
            </Form>
          </section>

          {required ? (
            <p className="hint">
              Tu cuenta es de DIFOCA: la verificación en dos pasos no se puede desactivar. Si perdiste tu teléfono, otra persona de
              DIFOCA puede restablecerla.
            </p>
          ) : (
            <section aria-labelledby="desactivar-titulo">
              <h2 id="desactivar-titulo">Desactivar la verificación en dos pasos</h2>
              <p>Tu cuenta quedará protegida solo por tu contraseña. Tus otras sesiones se cerrarán.</p>
              <Form method="post" className="form" noValidate>
                <input type="hidden" name="intent" value="disable" />
                <Field label="Contraseña" name="password" type="password" autoComplete="current-password" required errors={errorsFor("disable")} />
                <CodeField
                  label="Código de verificación"
                  kind="any"
                  hint="Un código de tu aplicación o uno de tus códigos de recuperación."
                  errors={errorsFor("disable")}
                />
                <button type="submit" className="button--danger" disabled={busy}>
                  Desactivar
                </button>
              </Form>
            </section>
          )}
        </>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Seguridad de tu cuenta | Comunidad de Práctica de Gestión Educativa" }];
