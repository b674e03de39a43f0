// The demo's badges, created and given through the platform's own functions: six automatic badges
// enabled over the demo's past activity (so members who already qualify get them, with one notice
// each), and two manual ones, of which "Ponente" goes to whoever presented each practice at the
// I Intercambio of the Macrorregión Centro.
import { awardBadge, createBadge, enableAutomaticBadges, getBadgeBySlug, type BadgeKind, type BadgeLevel, type BadgeRule } from "~/models/badge.server";
import { getMemberByEmail } from "~/models/user.server";
import { slugify } from "~/utils/slug";
import { PRACTICES } from "./practices";

interface BadgeSeed {
  name: string;
  level: BadgeLevel;
  kind: BadgeKind;
  description: string;
  criteria: string;
  rule: Omit<BadgeRule, "type"> | null;
}

const BADGES: readonly BadgeSeed[] = [
  {
    name: "Primera práctica publicada",
    level: "bronce",
    kind: "automatica",
    description: "Reconoce a quienes publicaron su primera buena práctica de gestión educativa en la comunidad.",
    criteria: "Formar parte del equipo de una buena práctica que DIFOCA revisó y publicó en la plataforma.",
    rule: { action: "practice_published", threshold: 1 },
  },
  {
    name: "Referente",
    level: "oro",
    kind: "automatica",
    description: "Reconoce a los equipos cuya práctica está consolidada, validada y lista para transferirse a otras regiones.",
    criteria: "Formar parte del equipo de una práctica que llegó al estadio avanzado de la ruta de fortalecimiento.",
    rule: { action: "practice_promoted_avanzado", threshold: 1 },
  },
  {
    name: "Voz experta",
    level: "plata",
    kind: "automatica",
    description: "Reconoce a quienes acompañan a otros equipos con retroalimentación estructurada.",
    criteria: "Dar retroalimentación de experto a tres prácticas: aspecto clave, oportunidades de mejora y recomendaciones.",
    rule: { action: "feedback_given", threshold: 3 },
  },
  {
    name: "Colaborador de desafíos",
    level: "plata",
    kind: "automatica",
    description: "Reconoce a quienes ayudan a resolver los desafíos de gestión que enfrentan sus colegas de otras IGED.",
    criteria: "Hacer diez aportes en el muro de desafíos.",
    rule: { action: "challenge_contribution", threshold: 10 },
  },
  {
    name: "Transferencia lograda",
    level: "oro",
    kind: "automatica",
    description: "Reconoce a los equipos cuya práctica fue adoptada e institucionalizada por una IGED de otra región.",
    criteria: "Formar parte del equipo de una práctica cuya transferencia a otra región se completó.",
    rule: { action: "transfer_completed_source", threshold: 1 },
  },
  {
    name: "Adopción institucionalizada",
    level: "oro",
    kind: "automatica",
    description: "Reconoce a los equipos de las IGED que adoptaron la buena práctica de otra región y la incorporaron a su gestión.",
    criteria: "Ser responsable, por la IGED receptora, de una transferencia que DIFOCA validó como institucionalizada.",
    rule: { action: "transfer_completed_receiver", threshold: 1 },
  },
  {
    name: "Ponente del I Intercambio Macrorregión Centro",
    level: "plata",
    kind: "manual",
    description:
      "Reconoce a quienes presentaron su buena práctica en el I Intercambio de Buenas Prácticas de Gestión Educativa de la Macrorregión Centro (23 y 24 de abril de 2026).",
    criteria: "Presentar una buena práctica ante los expertos y colegas del intercambio, y recibir su retroalimentación.",
    rule: null,
  },
  {
    name: "Mentor de la red",
    level: "oro",
    kind: "manual",
    description: "Reconoce a quienes acompañan de manera sostenida a otros equipos de la red de gestores en la mejora y la transferencia de sus prácticas.",
    criteria: "DIFOCA la otorga a quien acompañó a otros equipos durante al menos un semestre, con evidencia del acompañamiento.",
    rule: null,
  },
];

const EXCHANGE = "Macrorregión Centro";
const EXCHANGE_LAST_DAY = "2026-04-24T22:00:00.000Z";

async function ensureBadge(seed: BadgeSeed, difocaId: number): Promise<number> {
  const existing = await getBadgeBySlug(slugify(seed.name));
  if (existing) return existing.id;
  const created = await createBadge({
    name: seed.name,
    description: seed.description,
    criteria: seed.criteria,
    level: seed.level,
    kind: seed.kind,
    rule: seed.rule ? { type: "action_count", ...seed.rule } : null,
    createdBy: difocaId,
  });
  if (!created.ok) throw new Error(`Demo: no se pudo crear la insignia ${seed.name}: ${JSON.stringify(created.errors)}`);
  return created.id;
}

/** Creates the demo's badges, enables the automatic ones and gives "Ponente" to the exchange's presenters. Call after the practices. */
export async function seedBadges(difocaId: number): Promise<void> {
  const ids = new Map<string, number>();
  for (const seed of BADGES) ids.set(seed.name, await ensureBadge(seed, difocaId));

  // All at once: a member who already qualifies for several gets a single notice naming them.
  await enableAutomaticBadges(
    BADGES.filter((b) => b.kind === "automatica").map((b) => ids.get(b.name)!),
    difocaId,
  );

  // The practices presented at the exchange are those its experts commented there; the first person
  // of each team is the one who presented it.
  const ponenteId = ids.get("Ponente del I Intercambio Macrorregión Centro")!;
  for (const practice of PRACTICES) {
    if (!practice.feedback.some((f) => f.event?.includes(EXCHANGE))) continue;
    const presenter = practice.team[0];
    const member = presenter ? await getMemberByEmail(presenter.email) : undefined;
    if (!member) continue;
    await awardBadge({
      badgeId: ponenteId,
      userId: member.id,
      awardedBy: difocaId,
      reason: `Presentó «${practice.title}» en el I Intercambio de Buenas Prácticas de Gestión Educativa de la Macrorregión Centro (23 y 24 de abril de 2026).`,
      awardedAt: EXCHANGE_LAST_DAY,
    });
  }
}
