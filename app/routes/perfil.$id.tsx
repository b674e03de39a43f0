import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MemberBadges } from "~/components/member-badges";
import { MemberTier } from "~/components/member-tier";
import { PointsHistory } from "~/components/points-history";
import { loadMemberBadges } from "~/models/badge.server";
import { IGED_TYPE_LABELS } from "~/models/iged.server";
import { loadMemberPoints } from "~/models/points.server";
import { getMemberTierSummary } from "~/models/tier.server";
import { listPracticesOfMember } from "~/models/practice.server";
import { listWallPostsOfMember, wallPostPath } from "~/models/wall.server";
import { formatDate } from "~/utils/dates";
import { loadVisibleMember } from "~/utils/member-page.server";
import { can } from "~/utils/permissions.server";
import { STAGE_LABELS, STATUS_LABELS } from "~/utils/practice-labels";
import { ROLE_LABELS } from "~/utils/roles";
import { WALL_STATUS_LABELS, WALLS } from "~/utils/wall-labels";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, member, isOwnProfile } = await loadVisibleMember(request, params);
  // Drafts and practices under review are shown only to the member and to DIFOCA.
  const seesUnpublished = isOwnProfile || can(viewer, "practices.edit_any");
  // Hidden wall posts are shown to their author (who reads why) and to DIFOCA (who may restore them).
  const seesHiddenPosts = isOwnProfile || can(viewer, "walls.moderate");
  const [allPractices, points, { badges }, tier, wallPosts] = await Promise.all([
    listPracticesOfMember(member.id),
    loadMemberPoints(member.id, viewer),
    loadMemberBadges(member.id),
    getMemberTierSummary(member.id),
    listWallPostsOfMember(member.id, { includeHidden: seesHiddenPosts }),
  ]);
  const practices = allPractices.filter((p) => seesUnpublished || p.status === "publicada" || p.status === "archivada");
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
    isOwnProfile,
    points,
    badges,
    tier,
    canCreatePractice: isOwnProfile && can(viewer, "practices.create"),
    practices: practices.map((p) => ({
      slug: p.slug,
      title: p.title,
      stage: STAGE_LABELS[p.stage],
      status: p.status === "publicada" ? null : STATUS_LABELS[p.status],
      returned: p.status === "borrador" && p.reviewNote !== null,
    })),
    wallPosts: wallPosts.map((p) => {
      const words = WALLS[p.kind];
      return {
        id: p.id,
        link: wallPostPath(p),
        title: p.title,
        kind: words.singular.charAt(0).toUpperCase() + words.singular.slice(1),
        status: WALL_STATUS_LABELS[p.status],
        replies: p.replyCount === 1 ? `1 ${words.reply}` : `${p.replyCount} ${words.replies}`,
        date: formatDate(p.createdAt),
        hidden: p.hiddenAt !== null,
      };
    }),
  });
}

export default function Profile() {
  const { member, isOwnProfile, canCreatePractice, practices, wallPosts, points, badges, tier } = useLoaderData<typeof loader>();
  return (
    <section className="container page profile">
      <h1>{member.name}</h1>
      {isOwnProfile ? <p className="tag">Este es tu perfil</p> : null}
      {isOwnProfile ? (
        <p>
          <Link to="/cuenta/seguridad">Seguridad de tu cuenta (verificación en dos pasos)</Link>
        </p>
      ) : null}
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

      <MemberTier {...tier} audience={isOwnProfile ? "self" : "others"} />

      <MemberBadges badges={badges} isOwnProfile={isOwnProfile} />

      <section aria-labelledby="practicas-del-miembro">
        <h2 id="practicas-del-miembro">{isOwnProfile ? "Mis prácticas" : "Prácticas"}</h2>
        {practices.length === 0 ? (
          <p>{isOwnProfile ? "Aún no formas parte del equipo de ninguna práctica." : "No forma parte del equipo de ninguna práctica publicada."}</p>
        ) : (
          <ul>
            {practices.map((p) => (
              <li key={p.slug}>
                <Link to={`/practicas/${p.slug}`}>{p.title}</Link> <span className="hint">· Estadio {p.stage.toLowerCase()}</span>
                {p.status ? <span className="tag">{p.status}</span> : null}
                {p.returned ? <span className="tag">Devuelta con observaciones</span> : null}
              </li>
            ))}
          </ul>
        )}
        {canCreatePractice ? (
          <p>
            <Link to="/practicas/nueva">Registrar una práctica</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="muros-del-miembro">
        <h2 id="muros-del-miembro">{isOwnProfile ? "Mis desafíos e iniciativas" : "Desafíos e iniciativas"}</h2>
        {wallPosts.length === 0 ? (
          <p>{isOwnProfile ? "Aún no publicas desafíos ni iniciativas en los muros." : "No ha publicado desafíos ni iniciativas en los muros."}</p>
        ) : (
          <ul>
            {wallPosts.map((p) => (
              <li key={p.id}>
                <span className="hint">{p.kind}:</span> <Link to={p.link}>{p.title}</Link>{" "}
                <span className="hint">
                  · {p.status} · {p.replies} · {p.date}
                </span>
                {p.hidden ? <span className="tag">Oculta</span> : null}
              </li>
            ))}
          </ul>
        )}
        {isOwnProfile ? (
          <p>
            <Link to="/desafios">Ir al muro de desafíos</Link> · <Link to="/iniciativas">Ir al muro de iniciativas</Link>
          </p>
        ) : null}
      </section>

      <PointsHistory {...points} historyLink={`/perfil/${member.id}/puntos`} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.member.name} | Comunidad de Práctica de Gestión Educativa` : "Perfil no encontrado" },
];
