// The badges a member holds, for their profile: image, name, level, date, and links to verify and
// download each credential. Its props come from loadMemberBadges(userId) in
// app/models/badge.server.ts.
import { Link } from "@remix-run/react";
import { badgeImagePath, credentialDownloadPath, credentialPath, type MemberBadgeView } from "~/utils/badge-labels";

export function MemberBadges({ badges, isOwnProfile = false }: { badges: MemberBadgeView[]; isOwnProfile?: boolean }) {
  return (
    <section aria-labelledby="insignias-del-miembro">
      <h2 id="insignias-del-miembro">Insignias</h2>
      {badges.length === 0 ? (
        <p>
          {isOwnProfile ? "Todavía no tienes insignias." : "Todavía no tiene insignias."} <Link to="/insignias">Conoce las insignias y cómo se obtienen</Link>.
        </p>
      ) : (
        <ul className="cards">
          {badges.map((badge) => (
            <li key={badge.credentialId} className="card">
              <img src={badgeImagePath(badge.slug)} alt="" width={64} height={77} />
              <h3>
                <Link to={credentialPath(badge.credentialId)}>{badge.name}</Link>
              </h3>
              <p>
                <span className="tag">Nivel {badge.levelLabel.toLowerCase()}</span>
              </p>
              <p className="hint">Desde el {badge.awardedOn}</p>
              <p>
                <Link to={credentialPath(badge.credentialId)}>
                  Verificar<span className="visually-hidden"> la credencial de «{badge.name}»</span>
                </Link>{" "}
                ·{" "}
                <a href={credentialDownloadPath(badge.credentialId)} download>
                  Descargar credencial<span className="visually-hidden"> de «{badge.name}»</span>
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
