// One badge: what it recognizes, its criteria, and who holds it (each linking to their profile).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getBadgeWithHolders, isBadgePublic, listRuleActions } from "~/models/badge.server";
import { getUser } from "~/utils/auth.server";
import { BADGE_KIND_SHORT_LABELS, BADGE_LEVEL_LABELS, badgeImagePath, describeRule, holdersText } from "~/utils/badge-labels";
import { formatDate } from "~/utils/dates";
import { notFound } from "~/utils/http.server";
import { can } from "~/utils/permissions.server";

const NOT_FOUND = "Esa insignia no existe.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) throw notFound(NOT_FOUND);
  const [user, badge] = await Promise.all([getUser(request), getBadgeWithHolders(slug)]);
  const canManage = can(user, "badges.manage");
  // A badge nobody can earn yet (an automatic one being previewed) exists only for DIFOCA.
  if (!badge || (!isBadgePublic(badge, badge.holders.length) && !canManage)) throw notFound(NOT_FOUND);
  const actions = badge.kind === "automatica" && badge.rule ? await listRuleActions() : [];
  return json({
    canManage,
    badge: {
      id: badge.id,
      slug: badge.slug,
      name: badge.name,
      description: badge.description,
      criteria: badge.criteria,
      levelLabel: BADGE_LEVEL_LABELS[badge.level],
      kindLabel: BADGE_KIND_SHORT_LABELS[badge.kind],
      ruleText: badge.rule ? describeRule(badge.rule, actions.find((a) => a.action === badge.rule?.action)?.label) : null,
      enabled: badge.enabled,
    },
    holders: badge.holders.map((h) => ({
      userId: h.userId,
      name: h.name,
      iged: h.igedName,
      region: h.regionName,
      awardedOn: formatDate(h.awardedAt),
    })),
  });
}

export default function BadgePage() {
  const { badge, holders, canManage } = useLoaderData<typeof loader>();
  return (
    <section className="container page">
      <p>
        <Link to="/insignias">Insignias</Link>
      </p>
      <div className="page-heading">
        <h1>{badge.name}</h1>
        {canManage ? (
          <Link to={`/admin/insignias/${badge.id}`} className="button button--secondary">
            Gestionar esta insignia
          </Link>
        ) : null}
      </div>
      <img src={badgeImagePath(badge.slug)} alt={`Imagen de la insignia «${badge.name}»`} width={160} height={192} />
      <dl className="facts">
        <dt>Nivel</dt>
        <dd>{badge.levelLabel}</dd>
        <dt>Tipo</dt>
        <dd>{badge.kindLabel}</dd>
        <dt>Qué reconoce</dt>
        <dd>{badge.description}</dd>
        <dt>Criterios</dt>
        <dd>
          {badge.criteria}
          {badge.ruleText ? <span className="hint"> {badge.ruleText}</span> : null}
        </dd>
        {badge.enabled ? null : (
          <>
            <dt>Estado</dt>
            <dd>Esta insignia ya no se otorga; quienes la recibieron la conservan.</dd>
          </>
        )}
      </dl>

      <h2>Quiénes la tienen</h2>
      <p>{holdersText(holders.length)}</p>
      {holders.length > 0 ? (
        <ul>
          {holders.map((h) => (
            <li key={h.userId}>
              <Link to={`/perfil/${h.userId}`}>{h.name}</Link>
              <span className="hint">
                {h.iged ? ` · ${h.iged}` : ""}
                {h.region ? ` (${h.region})` : ""} · desde el {h.awardedOn}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Insignia «${data.badge.name}» | Comunidad de Práctica de Gestión Educativa` : "Insignia no encontrada" },
  ...(data ? [{ name: "description", content: data.badge.description }] : []),
];
