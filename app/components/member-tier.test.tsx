import { MemoryRouter } from "react-router-dom";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { MemberTier, type MemberTierProps } from "~/components/member-tier";

const render = (props: MemberTierProps) =>
  renderToStaticMarkup(
    <MemoryRouter>
      <MemberTier {...props} />
    </MemoryRouter>,
  ).replace(/<[^>]+>/g, "");

describe("<MemberTier>", () => {
  test("says the tier, the year's points and the points missing for the next tier", () => {
    const text = render({ tierName: "Gestor participativo", points: 120, year: 2026, next: { tierName: "Gestor destacado", missingPoints: 180, missingRequirements: [] } });
    expect(text).toContain("Gestor participativo");
    expect(text).toContain("120 puntos en 2026");
    expect(text).toContain("Para ser Gestor destacado te faltan 180 puntos.");
  });

  test("lists the missing requirements, to the member or to others", () => {
    const next = { tierName: "Gestor transformador", missingPoints: 0, missingRequirements: ["Integrar el equipo de una práctica en estadio avanzado o completar una transferencia"] };
    expect(render({ tierName: "Gestor destacado", points: 900, year: 2026, next })).toContain(
      "Ya tienes los puntos para ser Gestor transformador; te falta:Integrar el equipo de una práctica en estadio avanzado o completar una transferencia.",
    );
    expect(render({ tierName: "Gestor destacado", points: 1, year: 2026, next: { ...next, missingPoints: 1 }, audience: "others" })).toContain(
      "Para ser Gestor transformador le falta 1 punto, y además:",
    );
    expect(render({ tierName: "Gestor transformador", points: 900, year: 2026, next: null })).toContain("Llegaste a la escala más alta de la red.");
  });
});
