// A member's whole points history, by pages: every ledger entry that explains their points, as the
// reader may see it (the profile shows the most recent ones and links here).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PointsHistory } from "~/components/points-history";
import { loadMemberPoints } from "~/models/points.server";
import { loadVisibleMember } from "~/utils/member-page.server";
import { requestedPage } from "~/utils/pagination.server";

const PAGE_SIZE = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, member, isOwnProfile } = await loadVisibleMember(request, params);
  const page = requestedPage(new URL(request.url).searchParams);
  const points = await loadMemberPoints(member.id, viewer, undefined, { perPage: PAGE_SIZE, page });
  return json({ member: { id: member.id, name: member.name }, isOwnProfile, points });
}

export default function PointsHistoryPage() {
  const { member, isOwnProfile, points } = useLoaderData<typeof loader>();
  return (
    <section className="container page profile">
      <p>
        <Link to={`/perfil/${member.id}`}>{isOwnProfile ? "Volver a mi perfil" : `Volver al perfil de ${member.name}`}</Link>
      </p>
      <h1>{isOwnProfile ? "Mi historial de puntos" : `Historial de puntos de ${member.name}`}</h1>
      <PointsHistory {...points} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Historial de puntos de ${data.member.name} | Comunidad de Práctica de Gestión Educativa` : "Perfil no encontrado" },
];
