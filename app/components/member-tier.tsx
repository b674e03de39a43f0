// A member's tier (escala) on their profile: the tier of the year, the year's points, and what is
// missing for the next tier. Its props come from getMemberTierSummary in app/models/tier.server.ts.
import { Link } from "@remix-run/react";
import { formatPoints, type MemberTierSummary } from "~/utils/tier-labels";

export interface MemberTierProps extends MemberTierSummary {
  /** Who reads it: the member themselves ("te faltan") or someone else ("le faltan"). */
  audience?: "self" | "others";
}

export function MemberTier({ tierName, points, year, next, audience = "self" }: MemberTierProps) {
  const self = audience === "self";
  return (
    <section className="panel member-tier" aria-labelledby="escala-del-miembro">
      <h2 id="escala-del-miembro">Escala en la red de gestores</h2>
      <p>
        {tierName ? <strong className="tag tag--ok">{tierName}</strong> : <strong>Aún sin escala</strong>} ·{" "}
        {formatPoints(points)} en {year}
      </p>
      {next ? (
        <>
          {next.missingPoints > 0 ? (
            <p>
              Para ser {next.tierName} {self ? "te" : "le"} {next.missingPoints === 1 ? "falta" : "faltan"} {formatPoints(next.missingPoints)}
              {next.missingRequirements.length > 0 ? ", y además:" : "."}
            </p>
          ) : next.missingRequirements.length > 0 ? (
            <p>
              {self ? "Ya tienes" : "Ya tiene"} los puntos para ser {next.tierName}; {self ? "te" : "le"}{" "}
              {next.missingRequirements.length === 1 ? "falta" : "faltan"}:
            </p>
          ) : null}
          {next.missingRequirements.length > 0 ? (
            <ul>
              {next.missingRequirements.map((requirement) => (
                <li key={requirement}>{requirement}.</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <p>{self ? "Llegaste" : "Llegó"} a la escala más alta de la red.</p>
      )}
      <p className="hint">
        La escala se gana con los puntos de cada año. <Link to="/ranking#como-se-calcula">¿Cómo se calcula?</Link>
      </p>
    </section>
  );
}
