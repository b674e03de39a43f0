import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { IGED_TYPE_LABELS } from "~/models/iged.server";
import { getMember } from "~/models/user.server";
import { getUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { notFound } from "~/utils/http.server";
import { can } from "~/utils/permissions.server";
import { ROLE_LABELS } from "~/utils/roles";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound("Ese perfil no existe.");
  const [viewer, member] = await Promise.all([getUser(request), getMember(id)]);
  // A deactivated member's profile is gone for everyone but DIFOCA.
  if (!member || (!member.active && !can(viewer, "users.view_inactive"))) throw notFound("Ese perfil no existe.");
  return json({
    member: {
      id: member.id,
      name: member.name,
      position: member.position,
      role: ROLE_LABELS[member.role],
      iged: member.igedName,
      igedType: member.igedType ? IGED_TYPE_LABELS[member.igedType as keyof typeof IGED_TYPE_LABELS] : null,
      region: member.regionName,
      active: member.active,
      since: formatDate(member.createdAt),
    },
    isOwnProfile: viewer?.id === member.id,
  });
}

export default function Profile() {
  const { member, isOwnProfile } = useLoaderData<typeof loader>();
  return (
    <section className="container page profile">
      <h1>{member.name}</h1>
      {isOwnProfile ? <p className="tag">Este es tu perfil</p> : null}
      {!member.active ? (
        <p className="form-error" role="note">
          Esta cuenta está desactivada.
        </p>
      ) : null}
      <dl>
        <dt>Rol</dt>
        <dd>{member.role}</dd>
        <dt>Cargo</dt>
        <dd>{member.position || "No indicado"}</dd>
        <dt>IGED</dt>
        <dd>{member.iged ? `${member.iged}${member.igedType ? ` (${member.igedType})` : ""}` : "Sin IGED"}</dd>
        <dt>Región</dt>
        <dd>{member.region ?? "No corresponde"}</dd>
        <dt>Miembro desde</dt>
        <dd>{member.since}</dd>
      </dl>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.member.name} | Comunidad de Práctica de Gestión Educativa` : "Perfil no encontrado" },
];
