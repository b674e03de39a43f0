// The team (or DIFOCA) marks an opportunity of improvement as addressed, with what they did, or
// reopens it. The form lives on the practice page; this module only answers its POST.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { setOpportunityAddressed } from "~/models/feedback.server";
import { practiceAccess } from "~/models/practice-access.server";
import { getPracticeCoreBySlug } from "~/models/practice.server";
import { getUser, requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { addressedSchema } from "~/utils/practice-review-validation.server";
import { redirectWithToast } from "~/utils/toast.server";

// A plain visit goes to the practice's feedback, for those who may see the practice.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const practice = params.slug ? await getPracticeCoreBySlug(params.slug) : undefined;
  if (!practice || !(await practiceAccess(await getUser(request), practice)).canView) throw notFound("Esa práctica no existe.");
  return redirect(`/practicas/${encodeURIComponent(practice.slug)}#retroalimentacion`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const practice = params.slug ? await getPracticeCoreBySlug(params.slug) : undefined;
  if (!practice) throw notFound("Esa práctica no existe.");
  const access = await practiceAccess(user, practice);
  if (!access.canView) throw notFound("Esa práctica no existe.");
  if (!access.canEdit) throw forbidden("Solo el equipo de la práctica y DIFOCA pueden dar seguimiento a las oportunidades de mejora.");

  const form = parseForm(addressedSchema, await request.formData());
  if (!form.success) return badRequest({ errors: form.errors, values: form.values });
  const itemId = /^\d{1,9}$/.test(params.itemId ?? "") ? Number(params.itemId) : 0;
  const saved =
    itemId > 0 &&
    (await setOpportunityAddressed({ itemId, practiceId: practice.id, userId: user.id, addressed: form.data.addressed, note: form.data.note }));
  if (!saved) return badRequest({ errors: { form: "Esa oportunidad de mejora no existe en esta práctica." }, values: form.values });

  return redirectWithToast(request, `/practicas/${practice.slug}#retroalimentacion`, {
    type: "success",
    message: form.data.addressed ? "Se marcó la oportunidad de mejora como atendida." : "Se reabrió la oportunidad de mejora.",
  });
}
