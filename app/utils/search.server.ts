// Full-text search of practices and of the walls' posts: the only module that knows it is SQLite
// FTS5. The practice index holds the plain text of title, summary, problem, strategy and results;
// the wall index a post's title, summary, body and tags; `unicode61 remove_diacritics 2`
// makes "gestion" find "gestión" and ignores case. Another database plugs in by replacing this file.
import { sql, type RawBuilder } from "kysely";
import { getDb, type DB } from "~/utils/db.server";
import { markdownToText } from "~/utils/markdown.server";

const MARK_START = "\u0002";
const MARK_END = "\u0003";

async function tableExists(name: string, db: DB): Promise<boolean> {
  const found = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = ${name}`.execute(db);
  return found.rows.length > 0;
}

/** Creates the indexes that do not exist yet and fills them (public practices, every wall post). */
export async function ensureSearchIndex(db: DB): Promise<void> {
  if (!(await tableExists("practices_fts", db))) {
    await sql`create virtual table practices_fts using fts5(
      title, summary, problem, strategy, results,
      tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
    const ids = await db.selectFrom("practices").select("id").where("status", "in", ["publicada", "archivada"]).execute();
    for (const { id } of ids) await indexPractice(id, db);
  }
  if (!(await tableExists("wall_posts_fts", db))) {
    await sql`create virtual table wall_posts_fts using fts5(
      title, summary, body, tags,
      tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
    const ids = await db.selectFrom("wallPosts").select("id").execute();
    for (const { id } of ids) await indexWallPost(id, db);
  }
}

/**
 * Puts a wall post's current text in the index. Hidden posts stay indexed: the feed leaves them
 * out, and restoring one needs no re-indexing.
 */
export async function indexWallPost(postId: number, db: DB = getDb()): Promise<void> {
  await sql`delete from wall_posts_fts where rowid = ${postId}`.execute(db);
  const post = await db.selectFrom("wallPosts").select(["title", "summary", "body"]).where("id", "=", postId).executeTakeFirst();
  if (!post) return;
  const tags = await db.selectFrom("wallPostTags").select("tag").where("postId", "=", postId).execute();
  await sql`insert into wall_posts_fts (rowid, title, summary, body, tags) values (
    ${postId}, ${post.title}, ${post.summary}, ${markdownToText(post.body)}, ${tags.map((t) => t.tag).join(" ")}
  )`.execute(db);
}

/** The wall posts that match a search, as a subquery to join on `wall_posts.id`: `id`, `rank`, `snippet`. */
export function wallPostMatches(matchQuery: string): RawBuilder<{ id: number; rank: number; snippet: string }> {
  return sql<{ id: number; rank: number; snippet: string }>`(
    select rowid as id,
      bm25(wall_posts_fts, 10.0, 4.0, 2.0, 6.0) as rank,
      snippet(wall_posts_fts, -1, ${MARK_START}, ${MARK_END}, '…', 24) as snippet
    from wall_posts_fts
    where wall_posts_fts match ${matchQuery}
  )`;
}

/** Puts a practice's current text in the index (or takes it out if it is not public). */
export async function indexPractice(practiceId: number, db: DB = getDb()): Promise<void> {
  await sql`delete from practices_fts where rowid = ${practiceId}`.execute(db);
  const practice = await db
    .selectFrom("practices")
    .select(["title", "summary", "problem", "strategy", "results", "status"])
    .where("id", "=", practiceId)
    .executeTakeFirst();
  if (!practice || (practice.status !== "publicada" && practice.status !== "archivada")) return;
  await sql`insert into practices_fts (rowid, title, summary, problem, strategy, results) values (
    ${practiceId}, ${practice.title}, ${practice.summary}, ${markdownToText(practice.problem)},
    ${markdownToText(practice.strategy)}, ${markdownToText(practice.results)}
  )`.execute(db);
}

/**
 * Turns what a person typed into an FTS5 query: every word must appear (as a prefix), and
 * nothing they type is read as query syntax. Returns null when there is nothing to search.
 */
export function toMatchQuery(input: string): string | null {
  const words = input
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(" ");
}

/**
 * The practices that match a search, as a subquery to join on `practices.id` (SQLite then runs
 * the FTS match first, before any other filter): columns `id`, `rank` (lower is better) and
 * `snippet` (with the matched words between \u0002 and \u0003).
 */
export function practiceMatches(matchQuery: string): RawBuilder<{ id: number; rank: number; snippet: string }> {
  return sql<{ id: number; rank: number; snippet: string }>`(
    select rowid as id,
      bm25(practices_fts, 10.0, 5.0, 2.0, 2.0, 2.0) as rank,
      snippet(practices_fts, -1, ${MARK_START}, ${MARK_END}, '…', 24) as snippet
    from practices_fts
    where practices_fts match ${matchQuery}
  )`;
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

/** Splits a snippet into plain and highlighted parts, to render with <mark> and no raw HTML. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const pattern = new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, "g");
  let last = 0;
  for (const m of snippet.matchAll(pattern)) {
    if (m.index! > last) parts.push({ text: snippet.slice(last, m.index), match: false });
    parts.push({ text: m[1] ?? "", match: true });
    last = m.index! + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), match: false });
  return parts;
}
