// Write transactions between two connections, as between two server processes: one waits for the
// other's write lock without blocking its process, and writes as soon as the lock is free.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import SQLite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDatabase, openSqlite, writeTransaction, type DB } from "./connection";

let dir: string;
let db: DB;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "cop-connection-"));
  db = createDatabase(path.join(dir, "test.db"));
  await sql`create table notes (id integer primary key, text text not null)`.execute(db);
});

afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe("writeTransaction", () => {
  it("waits for another connection's write without blocking the process, then writes", async () => {
    const other = openSqlite(path.join(dir, "test.db"));
    other.exec("begin immediate");
    other.prepare("insert into notes (text) values ('del otro proceso')").run();

    let ticks = 0;
    const ticker = setInterval(() => ticks++, 2);
    let settled = false;
    const write = writeTransaction(db, async (trx) => {
      await sql`insert into notes (text) values ('de este proceso')`.execute(trx);
      return "guardado";
    }).finally(() => {
      settled = true;
    });
    // The process goes on running timers while the write waits. SQLite's own busy handler would
    // hold the whole process asleep for five seconds and then fail with SQLITE_BUSY.
    while (ticks < 5) await new Promise((resolve) => setTimeout(resolve, 5));
    clearInterval(ticker);
    expect(settled).toBe(false);
    const reader = openSqlite(path.join(dir, "test.db"));
    expect(reader.prepare("select count(*) from notes").pluck().get()).toBe(0);
    reader.close();

    other.exec("commit");
    await expect(write).resolves.toBe("guardado");
    other.close();

    const texts = (await sql<{ text: string }>`select text from notes order by id`.execute(db)).rows.map((r) => r.text);
    expect(texts).toEqual(["del otro proceso", "de este proceso"]);
  });

  it("leaves statements outside a transaction waiting for locks as before", async () => {
    const timeout = (await sql<{ timeout: number }>`pragma busy_timeout`.execute(db)).rows[0]!;
    expect(Object.values(timeout)[0]).toBe(5000);
    await writeTransaction(db, async (trx) => {
      await sql`insert into notes (text) values ('uno')`.execute(trx);
    });
    const after = (await sql<{ timeout: number }>`pragma busy_timeout`.execute(db)).rows[0]!;
    expect(Object.values(after)[0]).toBe(5000);
  });
});

describe("the prepared statements a connection keeps", () => {
  it("are prepared once per query text and reused, with each call's own parameters", async () => {
    const prepare = vi.spyOn(SQLite.prototype, "prepare");
    const read = (text: string) => db.selectFrom("notes" as never).select("id" as never).where("text" as never, "=", text as never).execute();
    await sql`insert into notes (text) values ('uno'), ('dos')`.execute(db);
    prepare.mockClear();
    expect(await read("uno")).toEqual([{ id: 1 }]);
    expect(await read("dos")).toEqual([{ id: 2 }]);
    expect(await read("tres")).toEqual([]);
    expect(prepare).toHaveBeenCalledTimes(1);
    prepare.mockRestore();
  });

  it("follow a change of the table's columns", async () => {
    await sql`insert into notes (text) values ('uno')`.execute(db);
    expect((await sql`select * from notes`.execute(db)).rows).toEqual([{ id: 1, text: "uno" }]);
    await sql`alter table notes add column region text`.execute(db);
    expect((await sql`select * from notes`.execute(db)).rows).toEqual([{ id: 1, text: "uno", region: null }]);
  });
});
