// Expensive aggregates (the panel's figures, the home page's highlights) kept in memory by each
// server process and computed again as soon as the database's data version moves, so they are
// never staler than the data (ADR 013). Requests that arrive while a figure is being computed
// share that computation.
import { dataVersion } from "../../db/connection";
import { getDb, type DB } from "~/utils/db.server";

const entries = new Map<string, { version: string; value: Promise<unknown> }>();

/**
 * The value of `compute` for `key`, from memory while no data changed since it was computed.
 * `key` must name everything else the value depends on (the year asked, today's date…).
 */
export function cachedAggregate<T>(key: string, compute: () => Promise<T>, db: DB = getDb()): Promise<T> {
  // Read before computing: a write that lands during the computation moves the version, so the
  // value stored under the old one is never served for newer data.
  const version = dataVersion(db);
  if (version === null) return compute();
  const hit = entries.get(key);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const value = compute();
  entries.set(key, { version, value });
  // A failed computation is not kept: the next request tries again.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}
