// What the benchmark reads from the bench database before the server starts: real ids for the
// read pages, signed-in members for the write mix (sessions written straight into the database,
// as the test fixtures do) and the row counts reported with the results.
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const WRITERS = 60;

/** @param {string} databasePath */
export function prepareBenchData(databasePath) {
  const db = new Database(databasePath);
  db.pragma("busy_timeout = 5000");
  try {
    const counts = {};
    for (const table of ["users", "practices", "wall_posts", "wall_replies", "wall_reply_reactions", "points_ledger", "advisories", "transfers", "events", "practice_visits", "notifications"]) {
      counts[table] = db.prepare(`select count(*) as n from ${table}`).get().n;
    }

    const practices = db
      .prepare(`select p.slug, p.title, r.slug as region from practices p join regions r on r.id = p.region_id where p.status = 'publicada' order by random() limit 20`)
      .all();
    if (practices.length === 0) throw new Error("La base no tiene prácticas publicadas.");
    // A word of each practice's own title, with its region: the filtered search finds at least that practice.
    const searches = practices.map((p) => {
      const words = p.title.split(/[^\p{L}]+/u).filter((w) => w.length >= 6);
      const term = (words.sort((a, b) => b.length - a.length)[0] ?? p.title.split(/\s+/)[0]).toLowerCase();
      return { q: term, region: p.region };
    });
    const profiles = db.prepare(`select id from users where active = 1 and role in ('gestor', 'experto') order by random() limit 20`).all().map((u) => u.id);
    const regions = db.prepare(`select slug from regions order by id`).all().map((r) => r.slug);

    // Writers: active gestores, each with a fresh session.
    const writers = db
      .prepare(`select id from users where active = 1 and role = 'gestor' and iged_id is not null order by random() limit ${WRITERS}`)
      .all()
      .map((u) => u.id);
    if (writers.length === 0) throw new Error("La base no tiene gestores activos.");
    const now = new Date();
    const expires = new Date(now.getTime() + 14 * 24 * 3600 * 1000);
    const insertSession = db.prepare(`insert into sessions (id, user_id, expires_at, created_at) values (?, ?, ?, ?)`);
    const cookies = new Map();
    for (const userId of writers) {
      const id = randomBytes(20).toString("hex");
      insertSession.run(id, userId, expires.toISOString(), now.toISOString());
      cookies.set(userId, `cop_sesion=${id}`);
    }

    const challenges = db
      .prepare(`select id from wall_posts where kind = 'challenge' and hidden_at is null order by random() limit 200`)
      .all()
      .map((p) => p.id);
    if (challenges.length === 0) throw new Error("La base no tiene desafíos visibles.");
    // "Me sirve" pairs that are not marked yet, so every reaction is a real insert.
    const replies = db
      .prepare(
        `select wr.id, wr.post_id as postId, wr.author_id as authorId from wall_replies wr join wall_posts wp on wp.id = wr.post_id
         where wp.kind = 'challenge' and wp.hidden_at is null and wr.hidden_at is null order by random() limit 20000`,
      )
      .all();
    const marked = new Set(
      db
        .prepare(`select reply_id || ':' || user_id as k from wall_reply_reactions where user_id in (${writers.map(() => "?").join(",")})`)
        .all(...writers)
        .map((r) => r.k),
    );
    const reactions = [];
    for (let round = 0; round < writers.length && reactions.length < 60_000; round++) {
      for (let j = 0; j < replies.length && reactions.length < 60_000; j++) {
        const reply = replies[j];
        const userId = writers[(j + round) % writers.length];
        if (reply.authorId === userId || marked.has(`${reply.id}:${userId}`)) continue;
        marked.add(`${reply.id}:${userId}`);
        reactions.push({ replyId: reply.id, postId: reply.postId, userId });
      }
    }

    return {
      counts,
      reads: {
        practices: practices.map((p) => p.slug),
        searches,
        profiles,
        regions,
      },
      writes: { writers, cookies, challenges, reactions },
    };
  } finally {
    db.close();
  }
}

/** Headers of a returning visitor (a browser with its visitor cookie), from a pool of 500. */
export function visitorHeaders() {
  const tokens = Array.from({ length: 500 }, () => randomBytes(16).toString("base64url"));
  let i = 0;
  return () => ({ "user-agent": BROWSER, cookie: `cop_visitante=${tokens[i++ % tokens.length]}`, "accept-encoding": "gzip" });
}

export { BROWSER };
