// The points of the synthetic history, given by the same rules as awardPoints
// (app/models/points.server.ts) but in memory, so that a million ledger rows can be written in
// batches: the rule's points, no points for acting on one's own content, the daily cap counted per
// member, action and Lima day, one award per unique key, reversals that cancel an award in the
// year of the event, and the stored totals (all time and per year) added up as the rows are made.
// The generator then runs checkLedgerTotals, which recomputes the totals from the ledger in SQL.
import { sql } from "kysely";
import { listPointRules, syncTotalsRegion } from "~/models/points.server";
import type { DB } from "../../db/connection";
import type { BulkWriter } from "./bulk";

const LIMA_OFFSET_MS = 5 * 3600_000; // Peru: UTC−5 all year, no daylight saving time since 1994.

export function limaDay(ms: number): string {
  return new Date(ms - LIMA_OFFSET_MS).toISOString().slice(0, 10);
}

export interface Award {
  id: number;
  userId: number;
  action: string;
  points: number;
  subjectType: string;
  subjectId: number;
  key: string;
  at: number;
}

export class PointsBook {
  private rules = new Map<string, { points: number; dailyCap: number | null; active: boolean }>();
  private keys = new Set<string>();
  private dayCounts = new Map<string, number>();
  private totals = new Map<number, number>();
  private yearly = new Map<string, number>();
  private nextId = 1;
  rows = 0;
  readonly byAction = new Map<string, number>();

  constructor(private readonly writer: BulkWriter) {}

  /** Reads the rules and where the ledger's ids continue (rows written by the model functions). */
  async load(db: DB): Promise<void> {
    const rules = await listPointRules(db);
    this.rules = new Map(rules.map((r) => [r.action, { points: r.points, dailyCap: r.dailyCap, active: r.active }]));
    const { maxId } = await db
      .selectFrom("pointsLedger")
      .select(sql<number>`coalesce(max(id), 0)`.as("maxId"))
      .executeTakeFirstOrThrow();
    this.nextId = Number(maxId) + 1;
  }

  /** Gives the points of `action` as awardPoints would; returns the award, or null when the rules refuse it. */
  award(input: { userId: number; action: string; subjectType: string; subjectId: number; key: string; at: number; owners?: number[]; actorId?: number | null }): Award | null {
    const rule = this.rules.get(input.action);
    if (!rule) throw new Error(`Unknown point action: ${input.action}`);
    if (!rule.active || rule.points === 0) return null;
    if (input.owners?.includes(input.userId)) return null;
    if (this.keys.has(input.key)) return null;
    if (rule.dailyCap !== null) {
      const dayKey = `${input.userId}|${input.action}|${limaDay(input.at)}`;
      const n = this.dayCounts.get(dayKey) ?? 0;
      if (n >= rule.dailyCap) return null;
      this.dayCounts.set(dayKey, n + 1);
    }
    this.keys.add(input.key);
    const award: Award = { id: this.nextId++, userId: input.userId, action: input.action, points: rule.points, subjectType: input.subjectType, subjectId: input.subjectId, key: input.key, at: input.at };
    this.write(award, null, null, input.actorId ?? null);
    return award;
  }

  /** Takes an award back (hidden content), as reversePoints does: a row of the opposite sign, same year. */
  reverse(award: Award, reason: string, actorId: number | null): void {
    this.write({ ...award, id: this.nextId++, points: -award.points, key: `reverse:${award.key}` }, award.id, reason, actorId);
  }

  private write(row: Award, reversesId: number | null, reason: string | null, actorId: number | null): void {
    const occurredAt = new Date(row.at).toISOString();
    const year = Number(limaDay(row.at).slice(0, 4));
    this.writer.add("pointsLedger", {
      id: row.id,
      userId: row.userId,
      action: row.action,
      points: row.points,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      uniqueKey: row.key,
      reversesId,
      reason,
      actorId,
      occurredAt,
      year,
      createdAt: occurredAt,
      // Written when it happened, so an award and a reversal are both shown on that date.
      shownAt: occurredAt,
    });
    this.rows += 1;
    this.byAction.set(row.action, (this.byAction.get(row.action) ?? 0) + 1);
    this.totals.set(row.userId, (this.totals.get(row.userId) ?? 0) + row.points);
    const yk = `${row.userId}:${year}`;
    this.yearly.set(yk, (this.yearly.get(yk) ?? 0) + row.points);
  }

  /**
   * Adds what this book gave to the stored totals (adding, not replacing: rows the model functions
   * wrote in between already counted themselves), and starts again from zero.
   */
  async flushTotals(db: DB, now: string): Promise<void> {
    await this.writer.flush();
    const totals = [...this.totals];
    for (let i = 0; i < totals.length; i += 5000) {
      await db
        .insertInto("memberPoints")
        .values(totals.slice(i, i + 5000).map(([userId, total]) => ({ userId, total, updatedAt: now })))
        .onConflict((oc) => oc.column("userId").doUpdateSet((eb) => ({ total: eb("memberPoints.total", "+", eb.ref("excluded.total")), updatedAt: now })))
        .execute();
    }
    const yearly = [...this.yearly].map(([k, points]) => {
      const [userId, year] = k.split(":").map(Number) as [number, number];
      return { userId, year, points };
    });
    for (let i = 0; i < yearly.length; i += 5000) {
      await db
        .insertInto("memberPointsYearly")
        .values(yearly.slice(i, i + 5000))
        .onConflict((oc) => oc.columns(["userId", "year"]).doUpdateSet((eb) => ({ points: eb("memberPointsYearly.points", "+", eb.ref("excluded.points")) })))
        .execute();
    }
    // The totals written here carry no region: the region of every member's IGED, in one pass.
    await syncTotalsRegion(db, "everyone");
    this.totals.clear();
    this.yearly.clear();
  }
}
