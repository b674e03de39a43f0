// Batched inserts through Kysely: rows are typed against db/schema.ts (a renamed column fails the
// typecheck, not the benchmark), buffered per table and written as multi-row INSERTs of up to
// ~30,000 bound values, which is what makes millions of rows take seconds instead of hours.
import type { Insertable } from "kysely";
import type { DB } from "../../db/connection";
import type { Database } from "../../db/schema";

type Table = keyof Database;

/** SQLite's default limit is 32,766 bound values per statement. */
const MAX_VALUES = 30_000;
const MAX_ROWS = 2_000;

export class BulkWriter {
  private buffers = new Map<Table, Record<string, unknown>[]>();
  readonly written = new Map<Table, number>();

  constructor(private db: DB) {}

  /**
   * Writes through `trx` while `work` runs, then flushes. The connection is single: a write through
   * the plain handle while a transaction holds it would wait forever.
   */
  async within<T>(trx: DB, work: () => Promise<T>): Promise<T> {
    const previous = this.db;
    this.db = trx;
    try {
      const result = await work();
      await this.flush();
      return result;
    } finally {
      this.db = previous;
    }
  }

  /**
   * Queues a row. Every row of a table must name the same columns (SQLite has no DEFAULT in a
   * multi-row VALUES), so optional columns are spelled out as null.
   */
  add<T extends Table>(table: T, row: Insertable<Database[T]>): void {
    let buffer = this.buffers.get(table);
    if (!buffer) this.buffers.set(table, (buffer = []));
    buffer.push(row as Record<string, unknown>);
  }

  /** Writes the tables whose buffer holds at least one full batch (call it now and then in long loops). */
  async drain(): Promise<void> {
    for (const [table, rows] of this.buffers) {
      if (rows.length >= this.batchSize(rows)) await this.flushTable(table, false);
    }
  }

  /** Writes everything queued. */
  async flush(): Promise<void> {
    for (const table of [...this.buffers.keys()]) await this.flushTable(table, true);
  }

  count(table: Table): number {
    return this.written.get(table) ?? 0;
  }

  private batchSize(rows: Record<string, unknown>[]): number {
    const columns = Object.keys(rows[0] ?? {}).length || 1;
    return Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_VALUES / columns)));
  }

  private async flushTable(table: Table, all: boolean): Promise<void> {
    const rows = this.buffers.get(table);
    if (!rows || rows.length === 0) return;
    const size = this.batchSize(rows);
    let start = 0;
    while (rows.length - start >= size || (all && start < rows.length)) {
      const batch = rows.slice(start, start + size);
      // The row type was checked in add(); Kysely cannot follow a table name held in a variable.
      await this.db.insertInto(table).values(batch as never).execute();
      start += batch.length;
      this.written.set(table, this.count(table) + batch.length);
    }
    this.buffers.set(table, rows.slice(start));
  }
}
