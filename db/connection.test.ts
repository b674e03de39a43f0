// Write transactions between two connections, as between two server processes: one waits for the
// other's write lock without blocking its process, and writes as soon as the lock is free.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CamelCasePlugin, Kysely, SqliteDialect, sql, type Compilable } from "kysely";
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

describe("camelCase names", () => {
  // The plugin as Kysely ships it: the reference the connection's SQL must match.
  let reference: Kysely<any>;
  beforeEach(() => {
    reference = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(":memory:") }), plugins: [new CamelCasePlugin()] });
  });
  afterEach(() => reference.destroy());

  const queries: ((db: Kysely<any>) => Compilable)[] = [
    (k) =>
      k
        .selectFrom("wallPosts as post")
        .innerJoin("users as author", "author.id", "post.authorId")
        .leftJoin("thematicLines", "thematicLines.id", "post.thematicLineId")
        .select(["post.id", "post.replyCount", "author.fullName as authorName", "thematicLines.name as lineName"])
        .select((eb) => [eb.fn.count<number>("post.id").as("totalCount"), eb.ref("post.createdAt").as("publishedAt")])
        .where("post.hiddenAt", "is", null)
        .where((eb) => eb.or([eb("post.regionId", "=", 3), eb.exists(eb.selectFrom("wallFollows").whereRef("wallFollows.postId", "=", "post.id").select("wallFollows.userId"))]))
        .groupBy("post.id")
        .having((eb) => eb.fn.count("post.id"), ">", 1)
        .orderBy("post.lastActivityAt", "desc")
        .limit(10),
    (k) => k.with("recentPosts", (w) => w.selectFrom("wallPosts").selectAll().where("createdAt", ">", "2026-01-01")).selectFrom("recentPosts").selectAll("recentPosts"),
    (k) => k.insertInto("wallReplies").values({ postId: 1, authorId: 2, body: "Aporte", createdAt: "2026-11-23" }).onConflict((oc) => oc.columns(["postId", "authorId"]).doNothing()).returning(["id", "createdAt"]),
    (k) => k.updateTable("wallPosts").set((eb) => ({ replyCount: eb("replyCount", "+", 1), lastActivityAt: "2026-11-23" })).where("id", "=", 1),
    (k) => k.deleteFrom("wallFollows").where("postId", "=", 1).where("userId", "in", [1, 2, 3]),
    (k) => k.selectFrom("users").select(sql<string>`upper(${sql.ref("users.fullName")})`.as("upperName")).where(sql.ref("users.igedId"), "=", 4),
  ];

  it("reach the SQL in snake_case exactly as Kysely's plugin writes them", () => {
    for (const query of queries) {
      const expected = query(reference).compile();
      const actual = query(db as unknown as Kysely<any>).compile();
      expect(actual.sql).toBe(expected.sql);
      expect(actual.parameters).toEqual(expected.parameters);
    }
    expect(queries[0]!(db as unknown as Kysely<any>).compile().sql).toContain('"author"."full_name" as "author_name"');
  });

  it("come back from a row in camelCase", async () => {
    await sql`create table wall_follows (post_id integer, user_id integer, created_at text)`.execute(db);
    const k = db as unknown as Kysely<any>;
    await k.insertInto("wallFollows").values({ postId: 1, userId: 2, createdAt: "2026-11-23" }).execute();
    expect(await k.selectFrom("wallFollows").select(["postId", "userId as followerId"]).execute()).toEqual([{ postId: 1, followerId: 2 }]);
  });

  it("are parsed once and shared between queries (patches/kysely), as frozen nodes", () => {
    const k = db as unknown as Kysely<any>;
    const selection = () => (k.selectFrom("users").select("users.fullName as name").toOperationNode() as any).selections[0].selection;
    const from = () => (k.selectFrom("users as u").selectAll().toOperationNode() as any).from.froms[0];
    expect(selection()).toBe(selection());
    expect(from()).toBe(from());
    expect(Object.isFrozen(selection())).toBe(true);
    expect(() => {
      "use strict";
      selection().alias = null;
    }).toThrow(TypeError);
  });
});
