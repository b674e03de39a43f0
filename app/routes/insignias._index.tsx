// The public catalog of badges: what each one recognizes, its criteria in plain Spanish, its level
// and how many members hold it.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listBadges, listRuleActions } from "~/models/badge.server";
import { getUser } from "~/utils/auth.server";
import { BADGE_KIND_SHORT_LABELS, BADGE_LEVEL_LABELS, badgeImagePath, badgePath, describeRule, holdersText } from "~/utils/badge-labels";
import { can } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  // A public page: anyone may read it; DIFOCA also gets a link to manage the badges.
  const [user, badges, actions] = await Promise.all([getUser(request), listBadges(), listRuleActions()]);
  const labelOf = new Map(actions.map((a) => [a.action, a.label]));
  return json({
    canManage: can(user, "badges.manage"),
    badges: badges.map((b) => ({
      slug: b.slug,
      name: b.name,
      description: b.description,
      criteria: b.criteria,
      level: b.level,
      levelLabel: BADGE_LEVEL_LABELS[b.level],
      kindLabel: BADGE_KIND_SHORT_LABELS[b.kind],
      ruleText: b.kind === "automatica" && b.rule ? describeRule(b.rule, labelOf.get(b.rule.action)) : null,
      enabled: b.enabled,
      holders: b.holders,
    })),
  });
}

export default function BadgeCatalog() {
  const { badges, canManage } = useLoaderData<typeof loader>();
  return (
    <section className="container page">
      <div className="page-heading">
        <h1>Insignias</h1>
        {canManage ? (
          <Link to="/admin/insignias" className="button">
            Gestionar insignias
          </Link>
        ) : null}
      </div>
      <p className="lead">
        Las insignias reconocen los aportes de los miembros de la comunidad. Algunas se otorgan solas al cumplir una regla;
        otras las otorga DIFOCA con un motivo. Cada insignia otorgada es una credencial verificable (Open Badges 3.0) que su
        titular puede descargar y compartir.
      </p>
      {badges.length === 0 ? (
        <p>Todavía no hay insignias publicadas.</p>
      ) : (
        <ul className="cards">
          {badges.map((badge) => (
            <li key={badge.slug} className="card">
              <img src={badgeImagePath(badge.slug)} alt="" width={80} height={96} />
              <h2>
                <Link to={badgePath(badge.slug)}>{badge.name}</Link>
              </h2>
              <p>
                <span className="tag">Nivel {badge.levelLabel.toLowerCase()}</span> <span className="tag">{badge.kindLabel}</span>
                {badge.enabled ? null : (
                  <>
                    {" "}
                    <span className="tag">Ya no se otorga</span>
                  </>
                )}
              </p>
              <p>{badge.description}</p>
              <p>
                <strong>Criterios:</strong> {badge.criteria}
              </p>
              {badge.ruleText ? <p className="hint">{badge.ruleText}</p> : null}
              <p className="hint">{holdersText(badge.holders)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const meta: MetaFunction = () => [
  { title: "Insignias | Comunidad de Práctica de Gestión Educativa" },
  { name: "description", content: "Las insignias de la Comunidad de Práctica de Gestión Educativa: qué reconoce cada una, sus criterios y quiénes la tienen." },
];
