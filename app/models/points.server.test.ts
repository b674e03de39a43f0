import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { giveFeedback } from "~/models/feedback.server";
import {
  adjustPoints,
  awardPoints,
  checkLedgerTotals,
  getMemberPoints,
  limaDayBounds,
  listLedgerForMember,
  listPointRuleChanges,
  listPointRules,
  loadMemberPoints,
  recomputePeriod,
  reversePoints,
  reverseSubjectPoints,
  updatePointRule,
} from "~/models/points.server";
import { addTeamMember, changePracticeStage, publishPractice, submitPractice } from "~/models/practice.server";
import { addWallReply, hideWallPost, hideWallReply, restoreWallPost } from "~/models/wall.server";
import { getDb } from "~/utils/db.server";
import { heldAdvisory } from "../../tests/factories/advisories";
import { createMember } from "../../tests/factories/members";
import { makePractice } from "../../tests/factories/practices";
import { makeChallenge } from "../../tests/factories/walls";

const root = fileURLToPath(new URL("../..", import.meta.url));
let subjects = 1000;
const nextSubject = () => ++subjects;

/** The net points of one action in a member's ledger (awards, reversals and corrections). */
async function pointsOf(userId: number, action: string): Promise<number> {
  const row = await getDb()
    .selectFrom("pointsLedger")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("points"), eb.val(0)).as("points"))
    .where("userId", "=", userId)
    .where("action", "=", action)
    .executeTakeFirstOrThrow();
  return Number(row.points);
}

async function ledgerSum(userId: number): Promise<number> {
  const row = await getDb()
    .selectFrom("pointsLedger")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("points"), eb.val(0)).as("points"))
    .where("userId", "=", userId)
    .executeTakeFirstOrThrow();
  return Number(row.points);
}

async function rowsWithKey(key: string): Promise<number> {
  const rows = await getDb().selectFrom("pointsLedger").select("id").where("uniqueKey", "=", key).execute();
  return rows.length;
}

describe("awarding points", () => {
  test("the same key counts once: the second award is a no-op and the totals move once", async () => {
    const member = await createMember();
    const subjectId = nextSubject();
    const award = { userId: member.id, action: "advisory_attended", subjectType: "advisory", subjectId, key: `advisory_attended:${subjectId}:${member.id}`, occurredAt: "2026-05-04T15:00:00.000Z" };
    const first = await awardPoints(award);
    expect(first).toMatchObject({ awarded: true, points: 20 });
    expect(await awardPoints(award)).toEqual({ awarded: false, reason: "duplicate" });
    expect(await rowsWithKey(award.key)).toBe(1);
    expect(await pointsOf(member.id, "advisory_attended")).toBe(20);
    expect(await getMemberPoints(member.id, 2026)).toEqual({ total: await ledgerSum(member.id), yearPoints: await ledgerSum(member.id) });
  });

  test("two processes awarding the same keys at the same moment write one row per key", { timeout: 90_000 }, async () => {
    const member = await createMember();
    const keys = Array.from({ length: 5 }, (_, i) => `race:${member.id}:${i}`);
    const barrier = mkdtempSync(join(tmpdir(), "cop-race-"));
    const run = promisify(execFile);
    try {
      const processes = ["a", "b"].map((name) =>
        run("npx", ["tsx", "tests/support/award-points.ts", String(member.id), keys.join(","), "20", barrier, name], {
          cwd: root,
          env: { ...process.env },
          timeout: 80_000,
        }),
      );
      const outputs = (await Promise.all(processes)).map((p) => JSON.parse(p.stdout.trim().split("\n").pop()!) as Record<string, number>);
      // Each process tried every key 20 times: exactly one attempt per key won, in one process or the other.
      expect(outputs.reduce((sum, o) => sum + (o.awarded ?? 0), 0)).toBe(keys.length);
      expect(outputs.reduce((sum, o) => sum + (o.duplicate ?? 0), 0)).toBe(keys.length * 40 - keys.length);
    } finally {
      rmSync(barrier, { recursive: true, force: true });
    }
    for (const key of keys) expect(await rowsWithKey(key)).toBe(1);
    expect(await pointsOf(member.id, "practice_published")).toBe(keys.length * 50);
    const { total } = await getMemberPoints(member.id, 2026);
    expect(total).toBe(await ledgerSum(member.id));
  });

  test("no points for acting on one's own content", async () => {
    const author = await createMember();
    const other = await createMember();
    const subjectId = nextSubject();
    const base = { action: "challenge_contribution", subjectType: "challenge", subjectId, subjectOwnerIds: [author.id] };
    expect(await awardPoints({ ...base, userId: author.id, key: `challenge_contribution:${subjectId}:${author.id}` })).toEqual({
      awarded: false,
      reason: "own_content",
    });
    expect(await awardPoints({ ...base, userId: other.id, key: `challenge_contribution:${subjectId}:${other.id}` })).toMatchObject({ awarded: true, points: 5 });
    expect(await pointsOf(author.id, "challenge_contribution")).toBe(0);
  });

  test("a low-value action stops counting at its daily cap, per Lima day", async () => {
    const member = await createMember();
    // challenge_posted: 10 points, at most 3 a day. 04:59 UTC is still the previous day in Lima.
    const at = ["2026-03-10T05:00:00.000Z", "2026-03-10T14:00:00.000Z", "2026-03-11T04:59:59.000Z", "2026-03-11T04:59:59.500Z"];
    const results = [];
    for (const [i, occurredAt] of at.entries()) {
      results.push(await awardPoints({ userId: member.id, action: "challenge_posted", subjectType: "challenge", subjectId: nextSubject(), key: `cap:${member.id}:${i}`, occurredAt }));
    }
    expect(results.map((r) => (r.awarded ? "ok" : r.reason))).toEqual(["ok", "ok", "ok", "daily_cap"]);
    // The day before (Lima) and the day after are other days.
    const before = await awardPoints({ userId: member.id, action: "challenge_posted", subjectType: "challenge", subjectId: nextSubject(), key: `cap:${member.id}:b`, occurredAt: "2026-03-10T04:59:00.000Z" });
    const after = await awardPoints({ userId: member.id, action: "challenge_posted", subjectType: "challenge", subjectId: nextSubject(), key: `cap:${member.id}:c`, occurredAt: "2026-03-11T05:00:00.000Z" });
    expect([before.awarded, after.awarded]).toEqual([true, true]);
    expect(await pointsOf(member.id, "challenge_posted")).toBe(50);
    expect(limaDayBounds("2026-03-10")).toEqual({ start: "2026-03-10T05:00:00.000Z", end: "2026-03-11T05:00:00.000Z" });
  });

  test("a hidden post restored gets its points back even on a capped day; a restored post takes one slot, not two", async () => {
    const difoca = await createMember({ role: "difoca", iged: null });
    const author = await createMember({ iged: "UGEL Huaraz" });
    // challenge_posted: 10 points, at most 3 a day (Lima).
    const day1 = ["2026-03-12T14:00:00.000Z", "2026-03-12T15:00:00.000Z", "2026-03-12T16:00:00.000Z"];
    const posts = [];
    for (const at of day1) posts.push(await makeChallenge({ authorId: author.id, at }));
    expect(await pointsOf(author.id, "challenge_posted")).toBe(30);
    await hideWallPost({ postId: posts[1]!.id, actorId: difoca.id, reason: "Datos personales." });
    expect(await pointsOf(author.id, "challenge_posted")).toBe(20);
    await restoreWallPost({ postId: posts[1]!.id, actorId: difoca.id });
    expect(await pointsOf(author.id, "challenge_posted")).toBe(30);
    // The cap still holds for a new challenge that day.
    await makeChallenge({ authorId: author.id, at: "2026-03-12T17:00:00.000Z" });
    expect(await pointsOf(author.id, "challenge_posted")).toBe(30);

    // Another day: one challenge hidden and restored, then two more: all three count.
    const first = await makeChallenge({ authorId: author.id, at: "2026-03-13T14:00:00.000Z" });
    await hideWallPost({ postId: first.id, actorId: difoca.id, reason: "Revisión." });
    await restoreWallPost({ postId: first.id, actorId: difoca.id });
    await makeChallenge({ authorId: author.id, at: "2026-03-13T15:00:00.000Z" });
    await makeChallenge({ authorId: author.id, at: "2026-03-13T16:00:00.000Z" });
    expect(await pointsOf(author.id, "challenge_posted")).toBe(60);
    expect((await checkLedgerTotals()).differences).toEqual([]);
  });

  test("an inactive rule or a rule worth 0 gives nothing", async () => {
    const difoca = await createMember({ role: "difoca", iged: null });
    const member = await createMember();
    const rule = (await listPointRules()).find((r) => r.action === "event_attended")!;
    await updatePointRule({ action: "event_attended", points: rule.points, dailyCap: rule.dailyCap, active: false, actorId: difoca.id });
    expect(await awardPoints({ userId: member.id, action: "event_attended", subjectType: "event", subjectId: 1, key: `ev:${member.id}:1` })).toEqual({ awarded: false, reason: "inactive_rule" });
    await updatePointRule({ action: "event_attended", points: 0, dailyCap: null, active: true, actorId: difoca.id });
    expect(await awardPoints({ userId: member.id, action: "event_attended", subjectType: "event", subjectId: 1, key: `ev:${member.id}:1` })).toEqual({ awarded: false, reason: "zero" });
    await updatePointRule({ action: "event_attended", points: rule.points, dailyCap: rule.dailyCap, active: true, actorId: difoca.id });
    expect(await rowsWithKey(`ev:${member.id}:1`)).toBe(0);
  });
});

describe("reversals and adjustments", () => {
  test("a reversal takes the points back, in the total and the year, and happens once", async () => {
    const member = await createMember();
    const subjectId = nextSubject();
    const key = `comment:${subjectId}:${member.id}`;
    await awardPoints({ userId: member.id, action: "comment", subjectType: "comment", subjectId, key, occurredAt: "2025-12-31T12:00:00.000Z" });
    expect(await getMemberPoints(member.id, 2025)).toEqual({ total: 2, yearPoints: 2 });

    expect(await reversePoints({ key, reason: "Comentario eliminado por moderación." })).toMatchObject({ reversed: true, points: -2 });
    expect(await reversePoints({ key, reason: "Otra vez." })).toEqual({ reversed: false, reason: "already_reversed" });
    expect(await reversePoints({ key: "comment:no-existe", reason: "Nada." })).toEqual({ reversed: false, reason: "not_found" });
    expect(await getMemberPoints(member.id, 2025)).toEqual({ total: 0, yearPoints: 0 });

    const [reversal] = await listLedgerForMember(member.id, { limit: 1 });
    expect(reversal).toMatchObject({ kind: "reversal", points: -2, reason: "Comentario eliminado por moderación.", label: "Comentario" });
  });

  test("reversing a subject takes back every award about it", async () => {
    const [a, b] = [await createMember(), await createMember()];
    const subjectId = nextSubject();
    for (const m of [a, b]) {
      await awardPoints({ userId: m.id, action: "initiative_posted", subjectType: "initiative-test", subjectId, key: `ini:${subjectId}:${m.id}`, occurredAt: "2026-02-02T15:00:00.000Z" });
    }
    expect(await reverseSubjectPoints({ subjectType: "initiative-test", subjectId, reason: "Iniciativa retirada." })).toBe(2);
    expect(await reverseSubjectPoints({ subjectType: "initiative-test", subjectId, reason: "Iniciativa retirada." })).toBe(0);
    expect([await ledgerSum(a.id), await ledgerSum(b.id)]).toEqual([0, 0]);
  });

  test("DIFOCA's manual adjustment needs a reason and shows in the member's history", async () => {
    const difoca = await createMember({ role: "difoca", iged: null });
    const member = await createMember();
    await expect(adjustPoints({ userId: member.id, points: 15, reason: "  ", actorId: difoca.id })).rejects.toThrow();
    await adjustPoints({ userId: member.id, points: 15, reason: "Organizó la pasantía de Pasco.", actorId: difoca.id });
    await adjustPoints({ userId: member.id, points: -5, reason: "Puntos duplicados por error.", actorId: difoca.id });
    const history = await loadMemberPoints(member.id, { id: member.id, role: "gestor" }, Number(new Date().toISOString().slice(0, 4)));
    expect(history.total).toBe(10);
    expect(history.entries.map((e) => [e.label, e.points, e.reason, e.kind])).toEqual([
      ["Ajuste manual de DIFOCA", -5, "Puntos duplicados por error.", "adjustment"],
      ["Ajuste manual de DIFOCA", 15, "Organizó la pasantía de Pasco.", "adjustment"],
    ]);
  });
});

describe("rule changes and recomputing a period", () => {
  test("a rule change applies from its date on; recomputing a period corrects it exactly once", async () => {
    const difoca = await createMember({ role: "difoca", iged: null });
    const member = await createMember();
    // initiative_posted is worth 10 (cap 3). Two in 2021, before the change.
    for (const [i, day] of ["2021-06-01", "2021-06-02"].entries()) {
      await awardPoints({ userId: member.id, action: "initiative_posted", subjectType: "initiative", subjectId: nextSubject(), key: `old:${member.id}:${i}`, occurredAt: `${day}T15:00:00.000Z` });
    }
    const rule = (await listPointRules()).find((r) => r.action === "initiative_posted")!;
    expect(await updatePointRule({ action: "initiative_posted", points: 25, dailyCap: rule.dailyCap, active: true, actorId: difoca.id })).toBe(true);
    expect(await updatePointRule({ action: "initiative_posted", points: 25, dailyCap: rule.dailyCap, active: true, actorId: difoca.id })).toBe(false);
    expect((await listPointRuleChanges())[0]).toMatchObject({ action: "initiative_posted", points: 25, changedByName: difoca.name });

    // From now on it is worth 25; what was earned before keeps its 10.
    await awardPoints({ userId: member.id, action: "initiative_posted", subjectType: "initiative", subjectId: nextSubject(), key: `new:${member.id}` });
    expect(await pointsOf(member.id, "initiative_posted")).toBe(10 + 10 + 25);

    // DIFOCA recomputes June 2021: the two old awards get +15 each, once.
    expect(await recomputePeriod({ from: "2021-06-01", to: "2021-06-30", actorId: difoca.id })).toEqual({ rows: 2, members: 1 });
    expect(await recomputePeriod({ from: "2021-06-01", to: "2021-06-30", actorId: difoca.id })).toEqual({ rows: 0, members: 0 });
    expect(await pointsOf(member.id, "initiative_posted")).toBe(25 * 3);
    expect(await getMemberPoints(member.id, 2021)).toMatchObject({ yearPoints: 50 });
    const corrections = (await listLedgerForMember(member.id)).filter((e) => e.kind === "recompute");
    expect(corrections).toHaveLength(2);
    expect(corrections[0]?.reason).toMatch(/^Recálculo del periodo del 1 de junio de 2021 al 30 de junio de 2021/);

    // A reversal after a recompute takes back everything the award is worth now.
    expect(await reversePoints({ key: `old:${member.id}:0`, reason: "Iniciativa retirada." })).toMatchObject({ reversed: true, points: -25 });

    // The rule goes down again: a new recompute corrects the remaining old award (not the reversed one).
    await updatePointRule({ action: "initiative_posted", points: 10, dailyCap: rule.dailyCap, active: true, actorId: difoca.id });
    expect(await recomputePeriod({ from: "2021-06-01", to: "2021-06-30", actorId: difoca.id })).toEqual({ rows: 1, members: 1 });
    expect(await getMemberPoints(member.id, 2021)).toMatchObject({ yearPoints: 10 });
  });
});

describe("wired to practices and feedback", () => {
  test("publishing gives the team points; moving up and down gives and takes the stage points", async () => {
    const practice = await makePractice();
    const colleague = await createMember();
    await addTeamMember({ practiceId: practice.id, userId: colleague.id });
    const difoca = await createMember({ role: "difoca", iged: null });
    await submitPractice({ practiceId: practice.id, actorId: practice.authorId });
    await publishPractice({ practiceId: practice.id, actorId: difoca.id });
    // Publishing again is refused by the practice's status, and the key would refuse the points anyway.
    expect(await publishPractice({ practiceId: practice.id, actorId: difoca.id })).toBe(false);

    const team = [practice.authorId, colleague.id];
    const stagePoints = async (userId: number) =>
      (await pointsOf(userId, "practice_promoted_intermedio")) + (await pointsOf(userId, "practice_promoted_avanzado"));
    for (const userId of team) expect(await pointsOf(userId, "practice_published")).toBe(50);
    expect(await pointsOf(difoca.id, "practice_published")).toBe(0);

    const [entry] = (await listLedgerForMember(practice.authorId)).filter((e) => e.action === "practice_published");
    expect(entry).toMatchObject({ label: "Práctica publicada (para cada miembro del equipo)", points: 50, link: `/practicas/${practice.slug}`, subjectTitle: practice.title });

    await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "intermedio", note: "Asesoría recibida." });
    for (const userId of team) expect(await stagePoints(userId)).toBe(80);
    await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "avanzado", note: "Consolidada." });
    for (const userId of team) expect(await stagePoints(userId)).toBe(80 + 150);

    await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "inicial", note: "Los resultados no se sostuvieron." });
    for (const userId of team) {
      expect(await stagePoints(userId)).toBe(0);
      expect(await pointsOf(userId, "practice_published")).toBe(50);
    }
    const reversal = (await listLedgerForMember(colleague.id)).find((e) => e.kind === "reversal");
    expect(reversal?.reason).toMatch(/^La práctica dejó el estadio (intermedio|avanzado): Los resultados no se sostuvieron\.$/);

    // Reaching a stage again earns it again; skipping a stage earns both.
    await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "avanzado", note: "Recuperó sus resultados." });
    for (const userId of team) expect(await stagePoints(userId)).toBe(80 + 150);
    await changePracticeStage({ practiceId: practice.id, actorId: difoca.id, toStage: "intermedio", note: "Falta financiamiento." });
    for (const userId of team) expect(await stagePoints(userId)).toBe(80);
  });

  test("an expert earns points for feedback, except on a practice of their own team", async () => {
    const practice = await makePractice({ publish: true });
    const expert = await createMember({ role: "experto", iged: null });
    const teamExpert = await createMember({ role: "experto", iged: null });
    await addTeamMember({ practiceId: practice.id, userId: teamExpert.id });
    const feedback = { practiceId: practice.id, keyAspects: "Sólida.", opportunities: ["Ampliar"], recommendations: ["Institucionalizar"], givenOn: "2026-04-23" };
    const feedbackId = await giveFeedback({ ...feedback, authorId: expert.id });
    await giveFeedback({ ...feedback, authorId: teamExpert.id });
    expect(await pointsOf(expert.id, "feedback_given")).toBe(30);
    expect(await pointsOf(teamExpert.id, "feedback_given")).toBe(0);
    const [entry] = await listLedgerForMember(expert.id);
    expect(entry).toMatchObject({ action: "feedback_given", link: `/practicas/${practice.slug}` });
    expect(feedbackId).toBeGreaterThan(0);
  });
});

describe("the totals check", () => {
  test("finds no difference after all of the above, and finds a corrupted total", async () => {
    expect((await checkLedgerTotals()).differences).toEqual([]);
    const member = await createMember({ name: "Miembro Descuadrado" });
    await awardPoints({ userId: member.id, action: "advisory_attended", subjectType: "advisory", subjectId: nextSubject(), key: `check:${member.id}`, occurredAt: "2026-07-01T15:00:00.000Z" });
    await getDb().updateTable("memberPoints").set({ total: 999 }).where("userId", "=", member.id).execute();
    await getDb().updateTable("memberPointsYearly").set({ points: 1 }).where("userId", "=", member.id).execute();
    const { differences, members } = await checkLedgerTotals();
    expect(members).toBeGreaterThan(5);
    expect(differences).toEqual([
      { userId: member.id, name: "Miembro Descuadrado", year: null, ledger: 20, stored: 999 },
      { userId: member.id, name: "Miembro Descuadrado", year: 2026, ledger: 20, stored: 1 },
    ]);
  });
});

describe("why I have these points", () => {
  test("a badge's points link to its credential", async () => {
    const { createBadge, awardBadge } = await import("~/models/badge.server");
    const { listLedgerForMember } = await import("~/models/points.server");
    const { createMember: makeMember } = await import("../../tests/factories/members");
    const member = await makeMember();
    const badge = await createBadge({ name: `Insignia de historial ${Date.now()}`, description: "Prueba", criteria: "Prueba", level: "bronce", kind: "manual", rule: null, createdBy: null });
    if (!badge.ok) throw new Error("badge");
    const award = await awardBadge({ badgeId: badge.id, userId: member.id, awardedBy: null, reason: "Prueba" });
    if (!award.awarded) throw new Error("award");
    const [entry] = await listLedgerForMember(member.id);
    expect(entry).toMatchObject({ action: "badge_awarded", link: `/credenciales/${award.credentialId}`, subjectTitle: expect.stringMatching(/^Insignia de historial/) });
  });
});

describe("who reads a member's history", () => {
  test("others see no hidden wall content, no reasons of reversals or adjustments and no advisory topics; the member and DIFOCA see all", async () => {
    const difoca = await createMember({ role: "difoca", iged: null });
    const member = await createMember({ iged: "UGEL Huaraz" });
    const visitorAccount = await createMember();
    const shown = await makeChallenge({ authorId: member.id, title: "Brechas de conectividad en escuelas rurales" });
    const hidden = await makeChallenge({ authorId: member.id, title: "Desafío con datos de una estudiante" });
    await hideWallPost({ postId: hidden.id, actorId: difoca.id, reason: "Incluye el nombre de una menor." });
    // A contribution hidden on a visible challenge, and one on a challenge hidden later.
    const other = await makeChallenge({ title: "Rotación de directores" });
    const hiddenReply = await addWallReply({ postId: other.id, authorId: member.id, body: "Un aporte con un dato personal del director." });
    const laterHidden = await makeChallenge({ title: "Desafío que DIFOCA ocultará" });
    const replyOnHidden = await addWallReply({ postId: laterHidden.id, authorId: member.id, body: "Aporte a un desafío que se ocultará." });
    if (!hiddenReply.ok || !replyOnHidden.ok) throw new Error("reply");
    await hideWallReply({ replyId: hiddenReply.id, actorId: difoca.id, reason: "Dato personal del director." });
    await hideWallPost({ postId: laterHidden.id, actorId: difoca.id, reason: "Contenido ofensivo." });
    await adjustPoints({ userId: member.id, points: 5, reason: "Apoyo en el taller de Huaraz.", actorId: difoca.id });
    const practice = await makePractice({ publish: true, authorId: member.id });
    const advisory = await heldAdvisory({ practiceId: practice.id, requestedBy: member.id, topic: "Conflicto con la directora de la IE" });

    const secret = /datos de una estudiante|nombre de una menor|Dato personal|ocultará|Contenido ofensivo|Apoyo en el taller|Conflicto con la directora|ocultad/;
    const year = Number(new Date().toISOString().slice(0, 4));
    for (const viewer of [null, { id: visitorAccount.id, role: "gestor" }, { id: visitorAccount.id, role: "experto" }]) {
      const { entries } = await loadMemberPoints(member.id, viewer, year);
      expect(JSON.stringify(entries)).not.toMatch(secret);
      expect(entries.some((e) => e.link === `/asesorias/${advisory.id}`)).toBe(false);
      expect(entries.some((e) => e.link?.startsWith(`/desafios/${hidden.id}`) || e.link?.startsWith(`/desafios/${laterHidden.id}`) || e.link?.includes(`-${hiddenReply.id}`))).toBe(false);
      expect(entries.find((e) => e.action === "advisory_attended")).toMatchObject({ label: "Asistencia a una asesoría", subjectTitle: null, link: null });
      expect(entries.filter((e) => e.kind === "reversal").every((e) => e.reason === null)).toBe(true);
      expect(entries.find((e) => e.kind === "adjustment")).toMatchObject({ points: 5, reason: null });
      // What is public stays: the visible challenge and its link.
      expect(entries).toContainEqual(expect.objectContaining({ subjectTitle: "Brechas de conectividad en escuelas rurales", link: `/desafios/${shown.id}` }));
    }
    for (const viewer of [{ id: member.id, role: "gestor" }, { id: difoca.id, role: "difoca" }]) {
      const { entries } = await loadMemberPoints(member.id, viewer, year);
      expect(entries).toContainEqual(expect.objectContaining({ kind: "reversal", reason: "Publicación ocultada por DIFOCA: Incluye el nombre de una menor.", subjectTitle: "Desafío con datos de una estudiante" }));
      expect(entries).toContainEqual(expect.objectContaining({ kind: "reversal", reason: "Aporte ocultado por DIFOCA: Dato personal del director.", link: `/desafios/${other.id}#aporte-${hiddenReply.id}` }));
      expect(entries).toContainEqual(expect.objectContaining({ subjectTitle: "Desafío que DIFOCA ocultará", link: `/desafios/${laterHidden.id}#aporte-${replyOnHidden.id}` }));
      expect(entries).toContainEqual(expect.objectContaining({ kind: "adjustment", reason: "Apoyo en el taller de Huaraz." }));
      expect(entries).toContainEqual(expect.objectContaining({ action: "advisory_attended", subjectTitle: "Conflicto con la directora de la IE", link: `/asesorias/${advisory.id}` }));
    }
    // Read again after the member's own view was kept (ADR 016): a visitor still gets the public one.
    for (const viewer of [null, { id: visitorAccount.id, role: "gestor" }]) {
      expect(JSON.stringify((await loadMemberPoints(member.id, viewer, year)).entries)).not.toMatch(secret);
    }
  });
});
