// Counters behind sign-in throttling. The policy (how many tries, how long to wait) lives in
// app/utils/rate-limit.server.ts; this module only reads and writes the counters.
import { getDb, writeTransaction, type DB } from "~/utils/db.server";

export interface RateLimitState {
  failures: number;
  blockedUntil: string | null;
  updatedAt: string;
}

export async function getRateLimit(key: string, db: DB = getDb()): Promise<RateLimitState | undefined> {
  return db.selectFrom("rateLimits").select(["failures", "blockedUntil", "updatedAt"]).where("key", "=", key).executeTakeFirst();
}

/**
 * Reads the counters of `keys`, lets `decide` compute their next state, and writes it, all in one
 * write transaction so that two simultaneous attempts cannot both see the old count.
 */
export async function updateRateLimits<T>(
  keys: string[],
  decide: (states: Map<string, RateLimitState | undefined>) => { result: T; next: Map<string, RateLimitState> },
  db: DB = getDb(),
): Promise<T> {
  return writeTransaction(db, async (trx) => {
    const rows = await trx
      .selectFrom("rateLimits")
      .select(["key", "failures", "blockedUntil", "updatedAt"])
      .where("key", "in", keys)
      .execute();
    const states = new Map<string, RateLimitState | undefined>(keys.map((k) => [k, undefined]));
    for (const row of rows) states.set(row.key, row);
    const { result, next } = decide(states);
    for (const [key, state] of next) {
      await trx
        .insertInto("rateLimits")
        .values({ key, ...state })
        .onConflict((oc) => oc.column("key").doUpdateSet(state))
        .execute();
    }
    return result;
  });
}

export async function clearRateLimit(key: string, db: DB = getDb()): Promise<void> {
  await db.deleteFrom("rateLimits").where("key", "=", key).execute();
}
