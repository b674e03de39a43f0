// Expensive aggregates (the panel's figures, the home page's highlights) and the reference lists
// nearly every page reads (regions, macroregions, thematic lines, tiers, ranking years), kept in
// memory by each server process and computed again as soon as the database's data version moves,
// so they are never staler than the data (ADR 013, 015). Requests that arrive while a value is
// being computed share that computation. A kept value is shared by every request that reads it,
// so it is frozen: a caller that tried to change it would fail loudly, not corrupt the others.
import { dataVersion } from "../../db/connection";
import { getDb, type DB } from "~/utils/db.server";

type Entry = { version: string; value: Promise<unknown> };

/**
 * Values kept per database handle. Some keys name one member, practice or search among thousands
 * (a ranking's page, a practice's public record): the least recently read are forgotten first.
 */
export const MAX_KEPT_VALUES = 2_000;
// One store per database handle: two databases in one process (tests) never share a value.
const stores = new WeakMap<DB, Map<string, Entry>>();

/**
 * The value of `compute` for `key`, from memory while no data changed since it was computed.
 * `key` must name everything else the value depends on (the year asked, today's date…).
 */
export function cachedAggregate<T>(key: string, compute: () => Promise<T>, db: DB = getDb()): Promise<T> {
  // Read before computing: a write that lands during the computation moves the version, so the
  // value stored under the old one is never served for newer data.
  const version = dataVersion(db);
  if (version === null) return compute();
  const entries = stores.get(db) ?? new Map<string, Entry>();
  stores.set(db, entries);
  const hit = entries.get(key);
  if (hit) {
    // Most recently read last: the first entry is the one to forget.
    entries.delete(key);
    if (hit.version === version) {
      entries.set(key, hit);
      return hit.value as Promise<T>;
    }
  }
  const value = compute().then(deepFreeze);
  entries.set(key, { version, value });
  if (entries.size > MAX_KEPT_VALUES) entries.delete(entries.keys().next().value!);
  // A failed computation is not kept: the next request tries again.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
