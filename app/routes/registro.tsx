import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormError } from "~/components/forms";
import { IgedSelect } from "~/components/iged-select";
import { listIgedOptions } from "~/models/iged.server";
import { createUserSession, registerMember, requireAnonymous } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { badRequest } from "~/utils/http.server";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/utils/password.server";
import { describeWait, registerAttempt, signUpKeys } from "~/utils/rate-limit.server";
import { toastCookie } from "~/utils/toast.server";
import { registrationSchema } from "~/utils/user-validation.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const igeds = await listIgedOptions();
  return json({
    igeds: igeds.map(({ id, name, regionName }) => ({ id, name, regionName })),
    passwordMin: PASSWORD_MIN,
    passwordMax: PASSWORD_MAX,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = parseForm(registrationSchema, await request.formData());
  if (!form.success) return badRequest({ errors: form.errors, values: form.values });

  const decision = await registerAttempt(signUpKeys(context.clientAddress ?? "desconocida"));
  if (!decision.allowed) {
    const { password: _omit, ...values } = form.values;
    return json(
      { errors: { form: `Hubo demasiados registros desde esta conexión. Espera ${describeWait(decision.retryAfterSeconds)} y vuelve a intentarlo.` } as Record<string, string>, values },
      { status: 429, headers: { "Retry-After": String(decision.retryAfterSeconds) } },
    );
  }

  const { password, ...rest } = form.data;
  const result = await registerMember({ ...rest, password, role: "gestor" });
  if (!result.ok) {
    const { password: _omit, ...values } = form.values;
    return badRequest({ errors: result.errors, values });
  }
  const headers = new Headers();
  headers.append(
    "Set-Cookie",
    await toastCookie(request, { type: "success", message: `¡Bienvenida o bienvenido a la comunidad, ${form.data.name}!` }),
  );
  return createUserSession(request, result.userId, "/", headers);
}

export default function Register() {
  const { igeds, passwordMin, passwordMax } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = actionData?.errors;
  const values = actionData?.values;
  return (
    <section className="container page">
      <h1>Crear mi cuenta</h1>
      <p className="lead">
        Para servidoras y servidores públicos de las DRE/GRE, UGEL y gobiernos locales. Con tu cuenta podrás publicar
        las prácticas de tu equipo, aportar en los muros y pedir asesorías.
      </p>
      <Form method="post" className="form" noValidate>
        <FormError message={errors?.form} />
        <Field label="Nombre completo" name="name" autoComplete="name" required maxLength={120} defaultValue={values?.name} errors={errors} />
        <Field
          label="Correo electrónico"
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={values?.email}
          errors={errors}
          hint="De preferencia, tu correo institucional."
        />
        <Field
          label="Contraseña"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={passwordMin}
          maxLength={passwordMax}
          errors={errors}
          hint={`Al menos ${passwordMin} caracteres. Una frase fácil de recordar es una buena contraseña.`}
        />
        <IgedSelect igeds={igeds} defaultValue={values?.igedId} errors={errors} />
        <Field
          label="Cargo"
          name="position"
          autoComplete="organization-title"
          required
          maxLength={120}
          defaultValue={values?.position}
          errors={errors}
          hint="Por ejemplo: Especialista en Educación, Jefe de Gestión Pedagógica."
        />
        <button type="submit" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Creando tu cuenta…" : "Crear mi cuenta"}
        </button>
      </Form>
      <p>
        ¿Ya tienes cuenta? <Link to="/ingresar">Ingresa aquí</Link>.
      </p>
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Crear mi cuenta | Comunidad de Práctica de Gestión Educativa" }];
