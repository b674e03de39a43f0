import { describe, expect, test } from "vitest";
import {
  awardBadge,
  awardBadgeToMany,
  checkAutomaticBadges,
  createBadge,
  enableAutomaticBadge,
  getBadgeWithHolders,
  listBadges,
  listMemberBadges,
  MissingReasonError,
  previewAutomaticBadge,
  revokeBadgeAward,
  type BadgeRule,
} from "~/models/badge.server";
import { listNotifications } from "~/models/notification.server";
import { awardPoints, listLedgerForMember, reversePoints } from "~/models/points.server";
import { deactivateMember, reactivateMember } from "~/models/user.server";
import { getDb } from "~/utils/db.server";
import { createMember } from "../../tests/factories/members";

let serial = 0;
/** Records `times` events of an action for a member in the ledger, on distinct days (no daily cap in the way). */
async function recordEvents(userId: number, action: string, times: number) {
  const keys: string[] = [];
  for (let i = 0; i < times; i++) {
    serial += 1;
    const key = `test:${action}:${serial}`;
    const day = String((serial % 27) + 1).padStart(2, "0");
    await awardPoints({ userId, action, subjectType: "test", subjectId: serial, key, occurredAt: `2026-03-${day}T15:00:00.000Z` });
    keys.push(key);
  }
  return keys;
}

async function newAutomaticBadge(rule: Omit<BadgeRule, "type">, name = `Insignia de prueba ${++serial}`) {
  const difoca = await createMember({ role: "difoca", iged: null });
  const created = await createBadge({
    name,
    description: "Una insignia creada en una prueba.",
    criteria: "Cumplir la regla de la prueba.",
    level: "plata",
    kind: "automatica",
    rule: { type: "action_count", ...rule },
    createdBy: difoca.id,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return { badgeId: created.id, slug: created.slug, difocaId: difoca.id };
}

async function newManualBadge() {
  const difoca = await createMember({ role: "difoca", iged: null });
  const created = await createBadge({
    name: `Insignia manual ${++serial}`,
    description: "Una insignia que DIFOCA otorga a mano.",
    criteria: "Lo decide DIFOCA con un motivo.",
    level: "oro",
    kind: "manual",
    rule: null,
    createdBy: difoca.id,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return { badgeId: created.id, slug: created.slug, difocaId: difoca.id };
}

const holds = async (userId: number, badgeId: number) => (await listMemberBadges(userId)).some((b) => b.badgeId === badgeId);
const badgeNotices = async (userId: number) => (await listNotifications(userId)).filter((n) => n.type === "badge_awarded");

describe("automatic badges", () => {
  test("a member gets the badge when the count reaches the threshold, and only once", async () => {
    const { badgeId } = await newAutomaticBadge({ action: "challenge_contribution", threshold: 3 });
    await enableAutomaticBadge(badgeId, null);
    const member = await createMember();

    await recordEvents(member.id, "challenge_contribution", 2);
    expect(await holds(member.id, badgeId)).toBe(false);

    await recordEvents(member.id, "challenge_contribution", 1);
    expect(await holds(member.id, badgeId)).toBe(true);

    await recordEvents(member.id, "challenge_contribution", 2);
    await checkAutomaticBadges(member.id);
    const awards = await getDb().selectFrom("badgeAwards").select("id").where("badgeId", "=", badgeId).where("userId", "=", member.id).execute();
    expect(awards).toHaveLength(1);
    const notices = (await badgeNotices(member.id)).filter((n) => n.title.includes("Insignia de prueba"));
    expect(notices).toHaveLength(1);
    // The badge earns its own points, once.
    const ledger = await listLedgerForMember(member.id);
    expect(ledger.filter((e) => e.action === "badge_awarded" && e.kind === "award")).toHaveLength(1);
  });

  test("reversed events do not count toward a rule", async () => {
    const { badgeId } = await newAutomaticBadge({ action: "comment", threshold: 2 });
    await enableAutomaticBadge(badgeId, null);
    const member = await createMember();
    const [first] = await recordEvents(member.id, "comment", 1);
    await reversePoints({ key: first!, reason: "Comentario ocultado por moderación" });
    await recordEvents(member.id, "comment", 1);
    expect(await holds(member.id, badgeId)).toBe(false);
    await recordEvents(member.id, "comment", 1);
    expect(await holds(member.id, badgeId)).toBe(true);
  });

  test("a disabled automatic badge is not given", async () => {
    const { badgeId } = await newAutomaticBadge({ action: "initiative_posted", threshold: 1 });
    const member = await createMember();
    await recordEvents(member.id, "initiative_posted", 1);
    expect(await holds(member.id, badgeId)).toBe(false);
  });

  test("the preview lists exactly who qualifies: active members over the threshold who do not hold it", async () => {
    const rule = { action: "advisory_attended", threshold: 2 } as const;
    const { badgeId } = await newAutomaticBadge(rule);
    const twice = await createMember({ name: "Ana Preview Dos" });
    const thrice = await createMember({ name: "Beto Preview Tres" });
    const once = await createMember({ name: "Carla Preview Una" });
    const gone = await createMember({ name: "Dario Preview Desactivado" });
    const reversed = await createMember({ name: "Elena Preview Revertida" });
    await recordEvents(twice.id, "advisory_attended", 2);
    await recordEvents(thrice.id, "advisory_attended", 3);
    await recordEvents(once.id, "advisory_attended", 1);
    await recordEvents(gone.id, "advisory_attended", 2);
    const [key] = await recordEvents(reversed.id, "advisory_attended", 2);
    await reversePoints({ key: key!, reason: "Asistencia anulada" });
    await deactivateMember({ memberId: gone.id, actorId: null, reason: "Prueba" });

    const preview = await previewAutomaticBadge({ type: "action_count", ...rule }, badgeId);
    expect(preview.count).toBe(2);
    expect(preview.members.map((m) => m.name)).toEqual(["Ana Preview Dos", "Beto Preview Tres"]);
    expect(preview.members.map((m) => m.events)).toEqual([2, 3]);
  });

  test("enabling applies the rule to past activity with at most one notification per member", async () => {
    const feedbackBadge = await newAutomaticBadge({ action: "feedback_given", threshold: 2 });
    const first = await createMember();
    const second = await createMember();
    const below = await createMember();
    await recordEvents(first.id, "feedback_given", 2);
    await recordEvents(second.id, "feedback_given", 4);
    await recordEvents(below.id, "feedback_given", 1);
    const before = await Promise.all([first, second, below].map((m) => badgeNotices(m.id)));
    expect(before.every((n) => n.length === 0)).toBe(true);

    const result = await enableAutomaticBadge(feedbackBadge.badgeId, feedbackBadge.difocaId);
    expect(result).toEqual({ enabled: true, awarded: 2 });
    expect(await holds(first.id, feedbackBadge.badgeId)).toBe(true);
    expect(await holds(second.id, feedbackBadge.badgeId)).toBe(true);
    expect(await holds(below.id, feedbackBadge.badgeId)).toBe(false);
    for (const member of [first, second]) {
      const notices = await badgeNotices(member.id);
      expect(notices).toHaveLength(1);
      expect(notices[0]!.body).toMatch(/actividad anterior/);
    }
    expect(await badgeNotices(below.id)).toHaveLength(0);
    const [award] = await listMemberBadges(first.id);
    expect(award!.reason).toMatch(/^Otorgada por actividad anterior/);

    // Enabling again changes nothing.
    expect((await enableAutomaticBadge(feedbackBadge.badgeId, null)).awarded).toBe(0);
    expect(await badgeNotices(first.id)).toHaveLength(1);

    // From now on it is given at the moment, with its own notice.
    await recordEvents(below.id, "feedback_given", 1);
    expect(await holds(below.id, feedbackBadge.badgeId)).toBe(true);
    expect(await badgeNotices(below.id)).toHaveLength(1);
  });

  test("badges set off in cascade while enabling share the member's single notification", async () => {
    // A member who qualified for an enabled badge while their account was deactivated does not hold
    // it; the badge's points from a newly enabled badge make them get it too, in the same notice.
    const older = await newAutomaticBadge({ action: "contribution_useful", threshold: 1 });
    const newer = await newAutomaticBadge({ action: "initiative_posted", threshold: 1 });
    const member = await createMember();
    await deactivateMember({ memberId: member.id, actorId: null, reason: "Prueba" });
    await recordEvents(member.id, "contribution_useful", 1);
    await recordEvents(member.id, "initiative_posted", 1);
    await enableAutomaticBadge(older.badgeId, null);
    expect(await holds(member.id, older.badgeId)).toBe(false);
    await reactivateMember({ memberId: member.id, actorId: older.difocaId });

    await enableAutomaticBadge(newer.badgeId, null);
    expect(await holds(member.id, newer.badgeId)).toBe(true);
    expect(await holds(member.id, older.badgeId)).toBe(true);
    const notices = await badgeNotices(member.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.title).toBe("Recibiste 2 insignias");
  });

  test("a revoked automatic badge is not given back by the member's next points", async () => {
    const { badgeId, difocaId } = await newAutomaticBadge({ action: "event_attended", threshold: 1 });
    await enableAutomaticBadge(badgeId, null);
    const member = await createMember();
    await recordEvents(member.id, "event_attended", 1);
    const [award] = await listMemberBadges(member.id);
    await revokeBadgeAward({ awardId: award!.awardId, revokedBy: difocaId, reason: "Asistencia registrada por error" });
    await recordEvents(member.id, "event_attended", 1);
    expect(await holds(member.id, badgeId)).toBe(false);
  });
});

describe("manual badges", () => {
  test("awarding to many with a reason is idempotent and says how many were new", async () => {
    const { badgeId, difocaId } = await newManualBadge();
    const members = await Promise.all([createMember(), createMember(), createMember()]);
    const ids = members.map((m) => m.id);

    expect(await awardBadgeToMany({ badgeId, userIds: ids.slice(0, 2), awardedBy: difocaId, reason: "Asistió al webinar de marzo" })).toBe(2);
    expect(await awardBadgeToMany({ badgeId, userIds: [...ids, ids[0]!], awardedBy: difocaId, reason: "Asistió al webinar de marzo" })).toBe(1);

    const badge = await getBadgeWithHolders((await listBadges({ all: true })).find((b) => b.id === badgeId)!.slug);
    expect(badge!.holders.map((h) => h.userId).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const notices = await badgeNotices(id);
      expect(notices).toHaveLength(1);
      expect(notices[0]!.title).toMatch(/^Recibiste la insignia «Insignia manual/);
      expect(notices[0]!.link).toMatch(/^\/credenciales\/[0-9a-f-]{36}$/);
      const [award] = await listMemberBadges(id);
      expect(award!.reason).toBe("Asistió al webinar de marzo");
    }
    const single = await awardBadge({ badgeId, userId: ids[0]!, awardedBy: difocaId, reason: "Otra vez" });
    expect(single.awarded).toBe(false);
  });

  test("revocation needs a reason, reverses the badge's points and keeps the award as revoked", async () => {
    const { badgeId, difocaId } = await newManualBadge();
    const member = await createMember();
    const result = await awardBadge({ badgeId, userId: member.id, awardedBy: difocaId, reason: "Mentoría a la UGEL Yauli" });
    if (!result.awarded) throw new Error("not awarded");
    const pointsOf = async () => (await listLedgerForMember(member.id)).filter((e) => e.action === "badge_awarded").reduce((sum, e) => sum + e.points, 0);
    expect(await pointsOf()).toBeGreaterThan(0);

    await expect(revokeBadgeAward({ awardId: result.awardId, revokedBy: difocaId, reason: "   " })).rejects.toBeInstanceOf(MissingReasonError);
    expect(await holds(member.id, badgeId)).toBe(true);

    expect(await revokeBadgeAward({ awardId: result.awardId, revokedBy: difocaId, reason: "Se otorgó a la persona equivocada" })).toBe(true);
    expect(await holds(member.id, badgeId)).toBe(false);
    expect(await pointsOf()).toBe(0);
    const row = await getDb().selectFrom("badgeAwards").select(["revokedAt", "revokedBy", "revokeReason"]).where("id", "=", result.awardId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ revokedBy: difocaId, revokeReason: "Se otorgó a la persona equivocada" });
    expect(row.revokedAt).not.toBeNull();
    expect((await listNotifications(member.id)).some((n) => n.type === "badge_revoked" && n.body.includes("persona equivocada"))).toBe(true);
    // Revoking twice does nothing; DIFOCA can give it again by hand.
    expect(await revokeBadgeAward({ awardId: result.awardId, revokedBy: difocaId, reason: "Otra vez" })).toBe(false);
    expect((await awardBadge({ badgeId, userId: member.id, awardedBy: difocaId, reason: "Ahora sí corresponde" })).awarded).toBe(true);
  });

  test("deactivated members are never listed as holders", async () => {
    const { badgeId, difocaId, slug } = await newManualBadge();
    const stays = await createMember();
    const leaves = await createMember();
    await awardBadgeToMany({ badgeId, userIds: [stays.id, leaves.id], awardedBy: difocaId, reason: "Ponentes del taller" });
    await deactivateMember({ memberId: leaves.id, actorId: difocaId, reason: "Dejó la institución" });
    const badge = await getBadgeWithHolders(slug);
    expect(badge!.holders.map((h) => h.userId)).toEqual([stays.id]);
    expect((await listBadges()).find((b) => b.id === badgeId)!.holders).toBe(1);
  });
});
