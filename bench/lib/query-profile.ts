// Which queries a page runs and how long each takes, measured in-process (no HTTP, no other load),
// on the production build (remix build first):
//   DATABASE_PATH=/tmp/copy.db npx tsx bench/lib/query-profile.ts [page…]
// Each page's loader runs (root loader included) a few times after a warm-up; every statement
// SQLite prepares is timed. The guide for the benchmark's fixes (ADR 013), not part of the run.
import SQLite from "better-sqlite3";
import path from "node:path";
import { pathToFileURL } from "node:url";

type Timed = { sql: string; full: string; args: unknown[]; ms: number; count: number };
const timings = new Map<string, Timed>();
let recording = false;

const originalPrepare = SQLite.prototype.prepare;
SQLite.prototype.prepare = function prepare(this: SQLite.Database, source: string) {
  const statement = originalPrepare.call(this, source) as SQLite.Statement;
  for (const method of ["all", "get", "run", "iterate"] as const) {
    const original = statement[method] as (...args: unknown[]) => unknown;
    (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      const start = performance.now();
      try {
        return original.apply(statement, args);
      } finally {
        if (recording) {
          const key = source.replace(/\s+/g, " ").slice(0, 220);
          const entry = timings.get(key) ?? { sql: key, full: source, args, ms: 0, count: 0 };
          entry.ms += performance.now() - start;
          entry.count++;
          timings.set(key, entry);
        }
      }
    };
  }
  return statement;
} as typeof SQLite.prototype.prepare;

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36";
const context = { cspNonce: "x", clientAddress: "127.0.0.1" };

async function main() {
  const db = new SQLite(process.env.DATABASE_PATH!, { readonly: true });
  // PRACTICE=<slug> profiles that practice's page instead of an arbitrary published one.
  const slug = process.env.PRACTICE ?? (db.prepare("select slug from practices where status = 'publicada' limit 1 offset 7").get() as { slug: string }).slug;
  const practice = db.prepare("select p.title, r.slug as region from practices p join regions r on r.id = p.region_id where p.slug = ?").get(slug) as { title: string; region: string };
  const term = practice.title.split(/[^\p{L}]+/u).filter((w) => w.length >= 6).sort((a, b) => b.length - a.length)[0]?.toLowerCase() ?? "gestion";
  const member = (db.prepare("select user_id as id from member_points order by total desc limit 1 offset 20").get() as { id: number }).id;
  db.close();

  type Loader = (args: never) => Promise<unknown>;
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as { routes: Record<string, { module: { loader: Loader } }> };
  const route = (id: string) => build.routes[id].module;
  const pages: Record<string, { path: string; id: string; params?: Record<string, string> }> = {
    bench: { path: "/bench", id: "routes/bench" },
    inicio: { path: "/", id: "routes/_index" },
    practicas: { path: `/practicas?region=${practice.region}&q=${encodeURIComponent(term)}`, id: "routes/practicas._index" },
    practica: { path: `/practicas/${slug}`, id: "routes/practicas.$slug._index", params: { slug } },
    desafios: { path: "/desafios", id: "routes/desafios._index" },
    ranking: { path: `/ranking?region=${practice.region}`, id: "routes/ranking._index" },
    perfil: { path: `/perfil/${member}`, id: "routes/perfil.$id", params: { id: String(member) } },
    panel: { path: "/panel", id: "routes/panel" },
  };
  const wanted = process.argv.slice(2);
  process.env.BENCH = "1";
  for (const [name, page] of Object.entries(pages)) {
    if (wanted.length && !wanted.includes(name)) continue;
    const run = async () => {
      const request = new Request(`http://localhost${page.path}`, { headers: { "user-agent": BROWSER, cookie: "cop_visitante=profilerprofilerprofiler" } });
      const args = { request, params: page.params ?? {}, context } as never;
      await Promise.all([route("root").loader(args), route(page.id).loader(args)]);
    };
    await run();
    timings.clear();
    recording = true;
    const runs = 5;
    const start = performance.now();
    for (let i = 0; i < runs; i++) await run();
    const total = (performance.now() - start) / runs;
    recording = false;
    const statements = [...timings.values()].sort((a, b) => b.ms - a.ms);
    const queries = statements.reduce((n, s) => n + s.count, 0) / runs;
    const sqlMs = statements.reduce((n, s) => n + s.ms, 0) / runs;
    console.log(`\n${name} ${page.path}: ${total.toFixed(1)} ms per load, ${queries} queries, ${sqlMs.toFixed(1)} ms in SQLite`);
    for (const s of statements.slice(0, 6)) {
      console.log(`  ${(s.ms / runs).toFixed(2).padStart(7)} ms ×${s.count / runs}  ${s.sql}`);
      // EXPLAIN=1: the plan of the statements that take more than a millisecond.
      if (process.env.EXPLAIN && s.ms / runs > 1) {
        const plan = new SQLite(process.env.DATABASE_PATH!, { readonly: true });
        const rows = plan.prepare(`explain query plan ${s.full}`).all(...(s.args as unknown[])) as { detail: string }[];
        for (const row of rows) console.log(`            ${row.detail}`);
        plan.close();
      }
    }
  }
}

await main();
