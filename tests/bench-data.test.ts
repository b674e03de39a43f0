// `npm run bench:data` at a small scale: the sizes follow the scale, every status and stage is
// there, the stored points equal the ledger, search finds the generated practices and the
// documented password opens the generated accounts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DB } from "../db/connection";
import { BENCH_PASSWORD, FULL_SCALE, generateBenchData, shareAttendance, type GenerateSummary } from "../bench/lib/generate";
import { listCatalog } from "~/models/practice.server";
import { checkLedgerTotals } from "~/models/points.server";
import { getSignInCredentials } from "~/models/user.server";
import { verifyPassword } from "~/utils/password.server";

const SCALE = 0.02;
const dir = mkdtempSync(join(tmpdir(), "bench-data-"));
const file = join(dir, "bench.db");
let summary: GenerateSummary;
let db: DB;

beforeAll(async () => {
  summary = await generateBenchData({ file, scale: SCALE, seed: 7, until: new Date("2026-11-20T12:00:00Z") });
  db = createDatabase(file);
}, 600_000);

afterAll(async () => {
  await db?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

async function distinct(table: "practices" | "transfers" | "advisories" | "wallPosts" | "events", column: "status" | "type"): Promise<string[]> {
  const rows = await db.selectFrom(table).select(sql.ref<string>(column).as("v")).distinct().execute();
  return rows.map((r) => r.v).sort();
}

describe("the benchmark's synthetic database at scale 0.02", () => {
  it("has the issue's sizes multiplied by the scale", () => {
    expect(summary.counts.users).toBe(FULL_SCALE.members * SCALE);
    expect(summary.counts.practices).toBe(FULL_SCALE.practices * SCALE);
    expect(summary.counts.wallPosts).toBe(FULL_SCALE.wallPosts * SCALE);
    expect(summary.counts.wallReplies).toBe(FULL_SCALE.replies * SCALE);
    expect(summary.counts.advisories).toBe(FULL_SCALE.advisories * SCALE);
    // Transfers have a floor, so that a small scale still has every status; the events are the
    // national calendar, the same 200 below scale 1.
    expect(summary.counts.transfers).toBe(Math.max(12, FULL_SCALE.transfers * SCALE));
    expect(summary.counts.events).toBe(FULL_SCALE.events);
  });

  it("has a point ledger of the issue's million rows multiplied by the scale", () => {
    const target = FULL_SCALE.ledger * SCALE;
    expect(summary.counts.pointsLedger).toBeGreaterThanOrEqual(target);
    expect(summary.counts.pointsLedger).toBeLessThanOrEqual(target * 1.05);
    // Attendance fills what the rest of the activity leaves, but does not make the whole ledger.
    expect(summary.ledgerByAction.event_attended).toBeLessThan(target * 0.75);
  });

  it("spreads the members over the 26 regions, with experts, DIFOCA and deactivated accounts", async () => {
    const regions = await db.selectFrom("users").innerJoin("igeds", "igeds.id", "users.igedId").select("igeds.regionId").distinct().execute();
    expect(regions.length).toBe(26);
    const roles = await db.selectFrom("users").select(["role", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("role").execute();
    expect(Object.fromEntries(roles.map((r) => [r.role, Number(r.n)]))).toEqual({ difoca: 2, experto: 6, gestor: 192 });
    expect(await db.selectFrom("users").select("id").where("active", "=", 0).execute()).not.toHaveLength(0);
  });

  it("has practices at every status and stage, with feedback, team and history", async () => {
    expect(await distinct("practices", "status")).toEqual(["archivada", "borrador", "en_revision", "publicada"]);
    const published = await db.selectFrom("practices").select("stage").distinct().where("status", "=", "publicada").execute();
    expect(published.map((p) => p.stage).sort()).toEqual(["avanzado", "inicial", "intermedio"]);
    const withoutFeedback = await db
      .selectFrom("practices")
      .select("id")
      .where("status", "=", "publicada")
      .where((eb) => eb.not(eb.exists(eb.selectFrom("practiceFeedback").select("id").whereRef("practiceFeedback.practiceId", "=", "practices.id"))))
      .execute();
    expect(withoutFeedback).toEqual([]);
    expect(summary.counts.practiceEvents).toBeGreaterThan(summary.counts.practices!);
  });

  it("has both walls at every status, transfers at every status and advisories at every status", async () => {
    expect(await distinct("wallPosts", "status")).toEqual(["abierto", "convertida", "en_acompanamiento", "en_curso", "resuelto"]);
    expect(await distinct("transfers", "status")).toEqual(["cerrada", "completada", "en_curso", "pendiente", "rechazada", "suspendida"]);
    expect(await distinct("advisories", "status")).toEqual(["cancelada", "confirmada", "no_realizada", "propuesta", "realizada", "solicitada"]);
    expect(await distinct("events", "type")).toEqual(["intercambio", "pasantia", "taller", "webinar"]);
  });

  it("keeps each wall's stored count of visible posts per region equal to its posts", async () => {
    const stored = await db.selectFrom("wallPostCounts").select(["kind", "regionId", "visible"]).where("visible", "!=", 0).orderBy("kind").orderBy("regionId").execute();
    const counted = await db
      .selectFrom("wallPosts")
      .select(["kind", "regionId", (eb) => eb.fn.countAll<number>().as("visible")])
      .where("hiddenAt", "is", null)
      .groupBy(["kind", "regionId"])
      .orderBy("kind")
      .orderBy("regionId")
      .execute();
    expect(stored).toEqual(counted.map((r) => ({ ...r, visible: Number(r.visible) })));
    expect(stored.length).toBeGreaterThan(26);
  });

  it("keeps the posts' stored reply counts equal to their visible replies", async () => {
    const wrong = await db
      .selectFrom("wallPosts")
      .select("id")
      .where((eb) =>
        eb(
          "replyCount",
          "!=",
          eb.selectFrom("wallReplies").select((e) => e.fn.countAll<number>().as("n")).whereRef("wallReplies.postId", "=", "wallPosts.id").where("wallReplies.hiddenAt", "is", null),
        ),
      )
      .execute();
    expect(wrong).toEqual([]);
  });

  it("keeps every member's stored points equal to the ledger, with points for each kind of activity", async () => {
    expect(summary.totalsMatchLedger).toBe(true);
    const { members, differences } = await checkLedgerTotals(db);
    expect(differences).toEqual([]);
    expect(members).toBeGreaterThan(100);
    // Every stored total carries the region of the member's IGED (the ranking by region reads it).
    for (const table of ["memberPoints", "memberPointsYearly"] as const) {
      const misplaced = await db
        .selectFrom(table)
        .innerJoin("users", "users.id", `${table}.userId`)
        .leftJoin("igeds", "igeds.id", "users.igedId")
        .select(`${table}.userId`)
        .where((eb) => eb(`${table}.regionId`, "is distinct from", eb.ref("igeds.regionId")))
        .where("users.igedId", "is not", null)
        .execute();
      expect(misplaced).toEqual([]);
    }
    const actions = await db.selectFrom("pointsLedger").select("action").distinct().execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["practice_published", "practice_promoted_intermedio", "practice_promoted_avanzado", "feedback_given", "challenge_posted", "initiative_posted", "challenge_contribution", "comment", "contribution_useful", "advisory_attended", "event_attended", "transfer_completed_source", "badge_awarded"]),
    );
    const years = await db.selectFrom("memberPointsYearly").select("year").distinct().orderBy("year").execute();
    // The history runs from January 2025 to the 20th of November 2026; nothing is dated after it
    // except badges given on the day of the generation (the badge model dates them now).
    expect(years.map((y) => y.year)).toEqual(expect.arrayContaining([2025, 2026]));
    const late = await db.selectFrom("pointsLedger").select("id").where("occurredAt", ">", "2026-11-20T12:00:00Z").where("action", "!=", "badge_awarded").execute();
    expect(late).toEqual([]);
  });

  it("finds a generated practice by a word of its title through the catalog's search", async () => {
    const practice = await db.selectFrom("practices").select(["id", "title"]).where("status", "=", "publicada").orderBy("id").executeTakeFirstOrThrow();
    const word = practice.title.split(" ").filter((w) => w.length > 6).at(-1)!;
    const { items } = await listCatalog({ query: word, pageSize: 100 }, db);
    expect(items.map((i) => i.id)).toContain(practice.id);
  });

  it("lets every generated account sign in with the documented bench password", async () => {
    const email = summary.accounts.find((a) => a.role === "gestor")!.email;
    const credentials = await getSignInCredentials(email, db);
    expect(await verifyPassword(credentials!.passwordHash, BENCH_PASSWORD)).toBe(true);
    const hashes = await db.selectFrom("users").select("passwordHash").distinct().execute();
    expect(hashes).toHaveLength(1);
  });
});

describe("sharing the attendance the ledger needs among the events", () => {
  it("gives each event the same share of its eligible members, weighed by its appeal, to the exact total", () => {
    const counts = shareAttendance([{ eligible: 1000, capacity: null, appeal: 1 }, { eligible: 1000, capacity: null, appeal: 0.5 }, { eligible: 500, capacity: null, appeal: 1 }], 1000);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(counts[0]).toBeGreaterThan(counts[1]!);
    expect(Math.abs(counts[0]! - 2 * counts[2]!)).toBeLessThanOrEqual(2);
  });

  it("never fills an event beyond its capacity and hands what it cannot take to the events with room", () => {
    const counts = shareAttendance([{ eligible: 1000, capacity: 50, appeal: 1 }, { eligible: 1000, capacity: null, appeal: 1 }], 900);
    expect(counts).toEqual([50, 850]);
  });

  it("fills every room when the events cannot hold the total", () => {
    expect(shareAttendance([{ eligible: 300, capacity: 100, appeal: 1 }, { eligible: 200, capacity: null, appeal: 1 }, { eligible: 0, capacity: null, appeal: 1 }], 10_000)).toEqual([100, 200, 0]);
  });
});
