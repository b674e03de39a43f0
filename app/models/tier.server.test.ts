import { describe, expect, test } from "vitest";
import { awardPoints } from "~/models/points.server";
import { changePracticeStage } from "~/models/practice.server";
import { getMemberTierSummary, listTiers, parseTierSettings, tierOf, tiersForMembers, updateTier, updateTiers } from "~/models/tier.server";
import { createMember } from "../../tests/factories/members";
import { makePractice } from "../../tests/factories/practices";

const YEAR = 2031;
const ADVANCED = "Integrar el equipo de una práctica en estadio avanzado o completar una transferencia";

let sequence = 0;
/** Gives a member `points` (a multiple of 50) in `year`. */
async function givePoints(userId: number, points: number, year = YEAR) {
  for (let i = 0; i < points / 50; i++) {
    await awardPoints({
      userId,
      action: "practice_published",
      subjectType: null,
      subjectId: null,
      key: `tier-test:${userId}:${year}:${++sequence}`,
      occurredAt: `${year}-03-10T15:00:00.000Z`,
    });
  }
}

async function practiceAt(stage: "inicial" | "intermedio" | "avanzado", authorId: number) {
  const difoca = await createMember({ role: "difoca", iged: null });
  const practice = await makePractice({ authorId, publish: true });
  if (stage !== "inicial") await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: stage, note: "Cambio de estadio" });
  return practice;
}

function settingsForm(tiers: { id: number; name: string; minPoints: number | string; description?: string; requiresAdvanced?: boolean }[]) {
  const form = new FormData();
  for (const t of tiers) {
    form.set(`name-${t.id}`, t.name);
    form.set(`minPoints-${t.id}`, String(t.minPoints));
    form.set(`description-${t.id}`, t.description ?? "");
    if (t.requiresAdvanced) form.set(`requiresAdvanced-${t.id}`, "si");
  }
  return form;
}

describe("tiers", () => {
  test("the three default tiers, in order, the top one asking for an advanced practice", async () => {
    const tiers = await listTiers();
    expect(tiers.map((t) => [t.name, t.minPoints, t.requirements])).toEqual([
      ["Gestor participativo", 0, []],
      ["Gestor destacado", 300, []],
      ["Gestor transformador", 800, [{ type: "practice_stage_or_transfer", stage: "avanzado" }]],
    ]);
  });

  test("a member climbs by the points of the year", async () => {
    const newcomer = await createMember();
    expect(await tierOf(newcomer.id, YEAR)).toMatchObject({
      tier: { name: "Gestor participativo" },
      points: 0,
      next: { tier: { name: "Gestor destacado" }, missingPoints: 300, missingRequirements: [] },
    });

    const active = await createMember();
    await givePoints(active.id, 350);
    await givePoints(active.id, 500, YEAR - 1); // another year's points do not count
    expect(await tierOf(active.id, YEAR)).toMatchObject({
      tier: { name: "Gestor destacado" },
      points: 350,
      next: { tier: { name: "Gestor transformador" }, missingPoints: 450, missingRequirements: [ADVANCED] },
    });
  });

  test("transformador needs an advanced practice of theirs, not only the points", async () => {
    const member = await createMember();
    await givePoints(member.id, 850);
    expect(await tierOf(member.id, YEAR)).toMatchObject({
      tier: { name: "Gestor destacado" },
      next: { tier: { name: "Gestor transformador" }, missingPoints: 0, missingRequirements: [ADVANCED] },
    });

    // A practice in intermedio is not enough, nor one in avanzado whose team they are not on.
    await practiceAt("intermedio", member.id);
    await practiceAt("avanzado", (await createMember()).id);
    expect((await tierOf(member.id, YEAR)).tier?.name).toBe("Gestor destacado");

    await practiceAt("avanzado", member.id);
    expect(await tierOf(member.id, YEAR)).toMatchObject({ tier: { name: "Gestor transformador" }, points: 850, next: null });
  });

  test("an advanced practice alone does not make a transformador without the points", async () => {
    const member = await createMember();
    await practiceAt("avanzado", member.id);
    await givePoints(member.id, 100);
    expect(await tierOf(member.id, YEAR)).toMatchObject({
      tier: { name: "Gestor participativo" },
      next: { tier: { name: "Gestor destacado" }, missingPoints: 200, missingRequirements: [] },
    });
  });

  test("tiers of many members at once agree with one member's tier", async () => {
    const a = await createMember();
    const b = await createMember();
    await practiceAt("avanzado", a.id);
    const tiers = await tiersForMembers([
      { userId: a.id, points: 900 },
      { userId: b.id, points: 900 },
      { userId: 999_999, points: 10 },
    ]);
    expect(tiers.get(a.id)?.name).toBe("Gestor transformador");
    expect(tiers.get(b.id)?.name).toBe("Gestor destacado");
    expect(tiers.get(999_999)?.name).toBe("Gestor participativo");
  });

  test("tiers of thousands of members at once (the panel's national count) agree with those of a few", async () => {
    const a = await createMember();
    const b = await createMember();
    await practiceAt("avanzado", a.id);
    // Many more members than one query binds by id: the requirement is read for everyone and kept for these.
    const others = Array.from({ length: 2_000 }, (_, i) => ({ userId: 900_000 + i, points: 900 }));
    const tiers = await tiersForMembers([{ userId: a.id, points: 900 }, { userId: b.id, points: 900 }, ...others]);
    expect(tiers.size).toBe(2_002);
    expect(tiers.get(a.id)?.name).toBe("Gestor transformador");
    expect(tiers.get(b.id)?.name).toBe("Gestor destacado");
    expect(others.every(({ userId }) => tiers.get(userId)?.name === "Gestor destacado")).toBe(true);
  });

  test("the profile's summary says what is missing for the next tier", async () => {
    const member = await createMember();
    await givePoints(member.id, 100);
    expect(await getMemberTierSummary(member.id, { year: YEAR })).toEqual({
      tierName: "Gestor participativo",
      points: 100,
      year: YEAR,
      next: { tierName: "Gestor destacado", missingPoints: 200, missingRequirements: [] },
    });
  });

  test("DIFOCA's changes to thresholds and requirements apply at once, and are kept in the history", async () => {
    const member = await createMember();
    await givePoints(member.id, 400);
    const original = await listTiers();
    const top = original[2]!;
    try {
      await updateTier({ id: top.id, name: top.name, minPoints: 400, description: top.description, requirements: [], actorId: null });
      expect((await tierOf(member.id, YEAR)).tier?.name).toBe("Gestor transformador");
    } finally {
      await updateTiers(original, null);
    }
    expect((await tierOf(member.id, YEAR)).tier?.name).toBe("Gestor destacado");
    expect(await listTiers()).toEqual(original);
  });

  test("the settings form wants whole numbers from 0 to 1,000,000, growing with the order, and names", async () => {
    const tiers = await listTiers();
    const [t1, t2, t3] = tiers as [(typeof tiers)[0], (typeof tiers)[0], (typeof tiers)[0]];

    const decreasing = parseTierSettings(
      settingsForm([
        { id: t1.id, name: t1.name, minPoints: 0 },
        { id: t2.id, name: t2.name, minPoints: 500 },
        { id: t3.id, name: t3.name, minPoints: 500, requiresAdvanced: true },
      ]),
      tiers,
    );
    expect(decreasing.success).toBe(false);
    if (!decreasing.success) expect(decreasing.errors).toEqual({ [`minPoints-${t3.id}`]: "Cada escala debe pedir más puntos que la anterior." });

    const bad = parseTierSettings(
      settingsForm([
        { id: t1.id, name: "  ", minPoints: -1 },
        { id: t2.id, name: "x".repeat(81), minPoints: "12,5" },
        { id: t3.id, name: t3.name, minPoints: 1_000_001 },
      ]),
      tiers,
    );
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(bad.errors).toMatchObject({
        [`name-${t1.id}`]: "Escribe el nombre de la escala.",
        [`minPoints-${t1.id}`]: "El mínimo de puntos debe estar entre 0 y 1,000,000.",
        [`name-${t2.id}`]: "El nombre puede tener hasta 80 caracteres.",
        [`minPoints-${t2.id}`]: "Escribe un número entero de puntos, sin decimales.",
        [`minPoints-${t3.id}`]: "El mínimo de puntos debe estar entre 0 y 1,000,000.",
      });
      expect(bad.values[`name-${t2.id}`]).toBe("x".repeat(81));
    }

    const good = parseTierSettings(
      settingsForm([
        { id: t1.id, name: "Gestor participativo", minPoints: 0 },
        { id: t2.id, name: "Gestor destacado", minPoints: 250, description: "Aporta con constancia." },
        { id: t3.id, name: "Gestor transformador", minPoints: 700 },
      ]),
      tiers,
    );
    expect(good).toMatchObject({
      success: true,
      data: [
        { id: t1.id, minPoints: 0, requirements: [] },
        { id: t2.id, minPoints: 250, description: "Aporta con constancia.", requirements: [] },
        { id: t3.id, minPoints: 700, requirements: [] },
      ],
    });
  });
});
