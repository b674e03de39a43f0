import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PracticeForm } from "~/components/practice-form";
import { allIgedsExist, getIged, listIgedOptions } from "~/models/iged.server";
import { createPractice } from "~/models/practice.server";
import { isActiveThematicLine, listThematicLines } from "~/models/thematic-line.server";
import { badRequest } from "~/utils/http.server";
import { requirePermission } from "~/utils/permissions.server";
import { readPracticeForm } from "~/utils/practice-validation.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "practices.create");
  const [lines, igeds] = await Promise.all([listThematicLines(), listIgedOptions()]);
  return json({
    lines: lines.map(({ id, name }) => ({ id, name })),
    igeds: igeds.map(({ id, name, regionName }) => ({ id, name, regionName })),
    defaultIged: user.igedId ? String(user.igedId) : "",
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "practices.create");
  const form = readPracticeForm(await request.formData());
  if (!form.success) return badRequest({ errors: form.errors, values: form.values });
  const { data } = form;
  if (!(await getIged(data.leadIgedId))) {
    return badRequest({ errors: { leadIgedId: "Elige la IGED que lidera la práctica." }, values: {} });
  }
  if (!(await allIgedsExist(data.otherIgedIds))) {
    return badRequest({ errors: { otherIgedIds: "Elige las IGED de la lista." }, values: {} });
  }
  if (data.thematicLineId !== null && !(await isActiveThematicLine(data.thematicLineId))) {
    return badRequest({ errors: { thematicLineId: "Elige una línea temática de la lista." }, values: {} });
  }
  const practice = await createPractice({ ...data, authorId: user.id });
  return redirectWithToast(request, `/practicas/${practice.slug}`, {
    type: "success",
    message: "Se guardó el borrador. Agrega evidencias y, cuando esté completo, envíalo a revisión.",
  });
}

export default function NewPractice() {
  const { lines, igeds, defaultIged } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = (actionData?.values ?? {}) as Record<string, string | string[] | undefined>;
  const text = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : undefined);
  return (
    <section className="container page">
      <p>
        <Link to="/practicas">Prácticas</Link>
      </p>
      <h1>Nueva buena práctica</h1>
      <p className="lead">
        Guarda la práctica como borrador: solo tu equipo y DIFOCA la ven. Cuando esté completa, envíala a revisión para
        que DIFOCA la publique en el catálogo.
      </p>
      <PracticeForm
        lines={lines}
        igeds={igeds}
        errors={actionData?.errors}
        submitLabel="Guardar borrador"
        values={{
          title: text("title"),
          summary: text("summary"),
          thematicLineId: text("thematicLineId"),
          leadIgedId: text("leadIgedId") ?? defaultIged,
          otherIgedIds: Array.isArray(values.otherIgedIds) ? values.otherIgedIds : [],
          startYear: text("startYear"),
          vigente: actionData ? values.vigente === "on" : true,
          problem: text("problem"),
          strategy: text("strategy"),
          results: text("results"),
          lessons: text("lessons"),
        }}
      />
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Nueva buena práctica | Comunidad de Práctica de Gestión Educativa" }];
