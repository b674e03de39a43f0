// DIFOCA moves a practice down the maturity route (or, exceptionally, up without a request),
// always with a reason that stays in the practice's history. The form is on the practice page.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { changeStageByReviewer } from "~/models/maturity.server";
import { getPracticeCoreBySlug, STAGE_LABELS } from "~/models/practice.server";
import { parseForm } from "~/utils/forms.server";
import { badRequest, notFound } from "~/utils/http.server";
import { requirePermission } from "~/utils/permissions.server";
import { stageChangeSchema } from "~/utils/practice-review-validation.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "practices.review");
  return redirect(`/practicas/${encodeURIComponent(params.slug ?? "")}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "practices.review");
  const practice = params.slug ? await getPracticeCoreBySlug(params.slug) : undefined;
  if (!practice) throw notFound("Esa práctica no existe.");
  const formData = await request.formData();
  if (practice.status !== "publicada") {
    return badRequest({ errors: { form: "Solo se cambia el estadio de una práctica publicada." }, values: {} });
  }
  const form = parseForm(stageChangeSchema(practice.stage), formData);
  if (!form.success) return badRequest({ errors: form.errors, values: form.values });

  const moved = await changeStageByReviewer({ practiceId: practice.id, actorId: actor.id, toStage: form.data.toStage, reason: form.data.reason });
  if (!moved) return badRequest({ errors: { form: "No se pudo cambiar el estadio. Recarga la página e inténtalo de nuevo." }, values: form.values });
  return redirectWithToast(request, `/practicas/${practice.slug}`, {
    type: "success",
    message: `La práctica pasó al estadio ${STAGE_LABELS[form.data.toStage].toLowerCase()}.`,
  });
}
