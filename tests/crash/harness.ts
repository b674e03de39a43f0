// What the crash-safety tests share: the production server as a child process, members signed in
// through sessions made in the database, a mixed write load sent as real form posts, and the
// checks that a database file holds every write that was answered as saved.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { createDatabase } from "../../db/connection";
import { describeDifference } from "../../db/check-points";
import { checkLedgerTotals } from "~/models/points.server";
import { getIgedByName } from "~/models/iged.server";
import { createMember } from "../factories/members";
import { makeChallenge } from "../factories/walls";
import { sessionCookieFor } from "../setup/requests";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// ---------------------------------------------------------------------------------------------
// Randomness that can be replayed: every run prints its seed; CRASH_SEED repeats a run.

export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedFromEnvironment(): number {
  const fromEnv = Number(process.env.CRASH_SEED);
  return Number.isSafeInteger(fromEnv) && fromEnv > 0 ? fromEnv : Math.floor(Math.random() * 2 ** 31) + 1;
}

// ---------------------------------------------------------------------------------------------
// The production server, as `npm run serve` starts it

/**
 * A port from 3500–3599 that nothing listens on, so that two runs of the suite on one machine
 * do not collide.
 */
export async function freePort(): Promise<number> {
  const first = 3500 + Math.floor(Math.random() * 100);
  for (let i = 0; i < 100; i += 1) {
    const port = 3500 + ((first - 3500 + i) % 100);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error("No free port between 3500 and 3599");
}

export interface ServerProcess {
  port: number;
  child: ChildProcess;
  /** Resolves once the server listens (its start-up line), with the milliseconds it took. */
  ready: Promise<number>;
  exited: Promise<void>;
  /** What the server wrote on stderr, for failure messages. */
  errors: () => string;
}

export function startServerProcess(options: { port: number; databasePath: string; secretsDir: string }): ServerProcess {
  const started = performance.now();
  const child = spawn(process.execPath, ["server/index.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      // One process: SIGKILL must take the whole server down (a cluster's primary would leave its workers).
      WEB_CONCURRENCY: "1",
      PORT: String(options.port),
      HOST: "127.0.0.1",
      DATABASE_PATH: options.databasePath,
      SECRETS_DIR: options.secretsDir,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = once(child, "exit").then(() => undefined);
  const ready = new Promise<number>((resolve, reject) => {
    let stdout = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (stdout.includes(`http://localhost:${options.port}`)) resolve(performance.now() - started);
    });
    void exited.then(() => reject(new Error(`The server on port ${options.port} exited before listening:\n${stderr}`)));
  });
  ready.catch(() => undefined);
  return { port: options.port, child, ready, exited, errors: () => stderr };
}

/** Runs `npm run <script> -- <args>` in the project and gathers what it printed. */
export async function runScript(script: string, args: string[], env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  const child = spawn("npm", ["run", "--silent", script, "--", ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const [status] = (await once(child, "exit")) as [number | null];
  return { status, output };
}

export async function killServer(server: ServerProcess, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  await server.exited;
}

// ---------------------------------------------------------------------------------------------
// Members and what the load writes about

export interface Client {
  userId: number;
  cookie: string;
}

export interface World {
  clients: Client[];
  igedId: number;
  /** Challenges known to exist, with their authors. */
  challenges: { id: number; authorId: number }[];
  /** Contributions known to exist. */
  replies: { id: number; postId: number; authorId: number; postAuthorId: number }[];
}

/** Gestores of one UGEL, each with a session and a challenge of their own to gather contributions. */
export async function prepareWorld(members: number): Promise<World> {
  const iged = await getIgedByName("UGEL Huaraz");
  if (!iged) throw new Error("UGEL Huaraz is missing from the reference data");
  const world: World = { clients: [], igedId: iged.id, challenges: [], replies: [] };
  for (let i = 0; i < members; i += 1) {
    const member = await createMember({ iged: "UGEL Huaraz" });
    world.clients.push({ userId: member.id, cookie: await sessionCookieFor(member.id) });
    const challenge = await makeChallenge({ authorId: member.id, iged: "UGEL Huaraz" });
    world.challenges.push({ id: challenge.id, authorId: member.id });
  }
  return world;
}

/** A write the server answered as saved, and what identifies it in the database. */
export type Acknowledged =
  | { kind: "challenge"; id: number; authorId: number; marker: string }
  | { kind: "contribution"; id: number; postId: number; authorId: number; marker: string }
  | { kind: "practice"; slug: string; authorId: number; marker: string }
  | { kind: "reaction"; replyId: number; userId: number }
  | { kind: "useful"; replyId: number; actorId: number };

export function describeWrite(write: Acknowledged): string {
  switch (write.kind) {
    case "challenge":
      return `challenge ${write.id} (${write.marker})`;
    case "contribution":
      return `contribution ${write.id} to challenge ${write.postId} (${write.marker})`;
    case "practice":
      return `practice draft /practicas/${write.slug} (${write.marker})`;
    case "reaction":
      return `«me sirve» of member ${write.userId} on contribution ${write.replyId}`;
    case "useful":
      return `contribution ${write.replyId} marked useful by member ${write.actorId}`;
  }
}

export interface LoadResult {
  acknowledged: Acknowledged[];
  /** Requests that never got an answer (the server died under them). */
  unanswered: number;
  /** Answers that were neither a success nor a connection cut: always a defect. */
  unexpected: string[];
}

let markerCounter = 0;
const marker = (tag: string) => `${tag}-${Date.now().toString(36)}-${(markerCounter += 1)}`;

function form(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(fields);
}

/**
 * One member's next write, chosen at random among the platform's busiest: a challenge, a
 * contribution, a practice draft, «me sirve» on someone's contribution, and marking a contribution
 * to their own challenge as useful (which gives its author points with no daily cap).
 */
function nextWrite(world: World, client: Client, random: () => number) {
  // Only called on lists known not to be empty.
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const roll = random();
  const othersReplies = world.replies.filter((r) => r.authorId !== client.userId);
  const usefulCandidates = othersReplies.filter((r) => r.postAuthorId === client.userId);
  if (roll < 0.1) {
    const m = marker("desafio");
    return {
      path: "/desafios/nuevo",
      body: form({ title: `Desafío de carga ${m}`, body: `Describimos el desafío ${m}: qué pasa, a quiénes afecta y qué intentamos.`, igedId: String(world.igedId) }),
      accept: (location: string): Acknowledged | null => {
        const id = /^\/desafios\/(\d+)$/.exec(location)?.[1];
        return id ? { kind: "challenge", id: Number(id), authorId: client.userId, marker: m } : null;
      },
    };
  }
  if (roll < 0.2) {
    const m = marker("practica");
    return {
      path: "/practicas/nueva",
      body: form({ title: `Práctica de carga ${m}`, leadIgedId: String(world.igedId), summary: "Un borrador escrito durante la prueba de caídas." }),
      accept: (location: string): Acknowledged | null => {
        const slug = /^\/practicas\/([^/?#]+)$/.exec(location)?.[1];
        return slug ? { kind: "practice", slug, authorId: client.userId, marker: m } : null;
      },
    };
  }
  if (roll < 0.4 && othersReplies.length > 0) {
    const reply = pick(othersReplies);
    return {
      path: `/desafios/${reply.postId}?index`,
      body: form({ intent: "react-reply", replyId: String(reply.id) }),
      accept: (location: string): Acknowledged | null =>
        location.endsWith(`#aporte-${reply.id}`) ? { kind: "reaction", replyId: reply.id, userId: client.userId } : null,
    };
  }
  if (roll < 0.55 && usefulCandidates.length > 0) {
    const reply = pick(usefulCandidates);
    return {
      path: `/desafios/${reply.postId}?index`,
      body: form({ intent: "useful", replyId: String(reply.id) }),
      accept: (location: string): Acknowledged | null =>
        location.endsWith(`#aporte-${reply.id}`) ? { kind: "useful", replyId: reply.id, actorId: client.userId } : null,
    };
  }
  const challenge = pick(world.challenges);
  const m = marker("aporte");
  return {
    path: `/desafios/${challenge.id}?index`,
    body: form({ intent: "reply", body: `Un aporte ${m}: en nuestra UGEL lo resolvimos con reuniones quincenales.` }),
    accept: (location: string): Acknowledged | null => {
      const id = new RegExp(`^/desafios/${challenge.id}#aporte-(\\d+)$`).exec(location)?.[1];
      return id ? { kind: "contribution", id: Number(id), postId: challenge.id, authorId: client.userId, marker: m } : null;
    },
  };
}

/**
 * Several members write at once, as fast as the server answers, until `stopped()` says so (no new
 * request starts after that). Successes are recorded, and what they made becomes a target for
 * later writes; a request with no answer is one the server died under.
 */
export async function runWriteLoad(options: {
  world: World;
  port: number;
  random: () => number;
  stopped: () => boolean;
  /** Called on every answer the server gives. */
  onAnswer?: () => void;
  /** Called on every write answered as saved, as soon as it is. */
  onAcknowledged?: (write: Acknowledged) => void;
}): Promise<LoadResult> {
  const { world, port, random, stopped } = options;
  const base = `http://127.0.0.1:${port}`;
  const result: LoadResult = { acknowledged: [], unanswered: 0, unexpected: [] };

  async function client(member: Client) {
    while (!stopped()) {
      const write = nextWrite(world, member, random);
      let response: Response;
      try {
        response = await fetch(`${base}${write.path}`, {
          method: "POST",
          body: write.body,
          redirect: "manual",
          headers: { Cookie: member.cookie, Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        options.onAnswer?.();
      } catch {
        // No answer: the write may or may not have happened, and nobody was told it was saved.
        result.unanswered += 1;
        // A server that died on its own would otherwise be hammered in a tight loop.
        if (!stopped()) await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      const location = response.headers.get("location") ?? "";
      const acknowledged = response.status === 302 ? write.accept(location) : null;
      if (!acknowledged) {
        result.unexpected.push(`POST ${write.path} → ${response.status} ${location}`);
        continue;
      }
      result.acknowledged.push(acknowledged);
      options.onAcknowledged?.(acknowledged);
      if (acknowledged.kind === "challenge") world.challenges.push({ id: acknowledged.id, authorId: member.userId });
      if (acknowledged.kind === "contribution") {
        const post = world.challenges.find((c) => c.id === acknowledged.postId)!;
        world.replies.push({ id: acknowledged.id, postId: acknowledged.postId, authorId: member.userId, postAuthorId: post.authorId });
      }
    }
  }

  await Promise.all(world.clients.map(client));
  return result;
}

// ---------------------------------------------------------------------------------------------
// What a database file must show after a crash or a restore

export interface DatabaseCheck {
  integrity: string[];
  /** Acknowledged writes that are not in the database. */
  missing: string[];
  /** Points totals that differ from the ledger, in the words of `npm run points:check`. */
  pointDifferences: string[];
  /** Half-done writes: stored counters or points that disagree with the rows they count. */
  halfDone: string[];
  counts: Record<string, number>;
}

/** Opens the database file, checks it against the acknowledged writes, and closes it. */
export async function checkDatabase(file: string, acknowledged: Acknowledged[]): Promise<DatabaseCheck> {
  const db = createDatabase(file);
  try {
    // CamelCasePlugin renames the pragma's column too.
    const integrity = (await sql<{ integrityCheck: string }>`pragma integrity_check`.execute(db)).rows.map((r) => r.integrityCheck);

    const [posts, replies, practices, reactions, usefulAwards] = await Promise.all([
      db.selectFrom("wallPosts").select(["id", "title", "authorId", "replyCount", "reactionCount"]).execute(),
      db.selectFrom("wallReplies").select(["id", "postId", "authorId", "body", "usefulAt", "reactionCount"]).execute(),
      db.selectFrom("practices").select(["slug", "title", "createdBy"]).execute(),
      db.selectFrom("wallReplyReactions").select(["replyId", "userId"]).execute(),
      db
        .selectFrom("pointsLedger")
        .select(["subjectId", "userId"])
        .where("action", "=", "contribution_useful")
        .where("reversesId", "is", null)
        .execute(),
    ]);
    const postById = new Map(posts.map((p) => [p.id, p]));
    const replyById = new Map(replies.map((r) => [r.id, r]));
    const practiceBySlug = new Map(practices.map((p) => [p.slug, p]));
    const reactionKeys = new Set(reactions.map((r) => `${r.replyId}:${r.userId}`));
    const usefulAwarded = new Set(usefulAwards.map((a) => a.subjectId));

    const missing: string[] = [];
    for (const write of acknowledged) {
      let present: boolean;
      switch (write.kind) {
        case "challenge": {
          const post = postById.get(write.id);
          present = !!post && post.authorId === write.authorId && post.title.includes(write.marker);
          break;
        }
        case "contribution": {
          const reply = replyById.get(write.id);
          present = !!reply && reply.postId === write.postId && reply.authorId === write.authorId && reply.body.includes(write.marker);
          break;
        }
        case "practice": {
          const practice = practiceBySlug.get(write.slug);
          present = !!practice && practice.createdBy === write.authorId && practice.title.includes(write.marker);
          break;
        }
        case "reaction":
          present = reactionKeys.has(`${write.replyId}:${write.userId}`);
          break;
        case "useful":
          present = replyById.get(write.replyId)?.usefulAt != null && usefulAwarded.has(write.replyId);
          break;
      }
      if (!present) missing.push(describeWrite(write));
    }

    const halfDone: string[] = [];
    const repliesPerPost = new Map<number, number>();
    for (const r of replies) repliesPerPost.set(r.postId, (repliesPerPost.get(r.postId) ?? 0) + 1);
    for (const p of posts) {
      const n = repliesPerPost.get(p.id) ?? 0;
      if (p.replyCount !== n) halfDone.push(`challenge ${p.id} counts ${p.replyCount} contributions but has ${n}`);
    }
    const reactionsPerReply = new Map<number, number>();
    for (const r of reactions) reactionsPerReply.set(r.replyId, (reactionsPerReply.get(r.replyId) ?? 0) + 1);
    for (const r of replies) {
      const n = reactionsPerReply.get(r.id) ?? 0;
      if (r.reactionCount !== n) halfDone.push(`contribution ${r.id} counts ${r.reactionCount} «me sirve» but has ${n}`);
      // Points exist exactly when the event that earned them does.
      if ((r.usefulAt !== null) !== usefulAwarded.has(r.id)) {
        halfDone.push(`contribution ${r.id} is ${r.usefulAt !== null ? "" : "not "}marked useful but its points are ${usefulAwarded.has(r.id) ? "" : "not "}in the ledger`);
      }
    }
    const orphanPoints = await db
      .selectFrom("pointsLedger")
      .select(["id", "subjectType", "subjectId"])
      .where((eb) =>
        eb.or([
          eb.and([eb("subjectType", "=", "wall_reply"), eb.not(eb.exists(eb.selectFrom("wallReplies").select("id").whereRef("wallReplies.id", "=", "pointsLedger.subjectId")))]),
          eb.and([eb("subjectType", "=", "wall_post"), eb.not(eb.exists(eb.selectFrom("wallPosts").select("id").whereRef("wallPosts.id", "=", "pointsLedger.subjectId")))]),
        ]),
      )
      .execute();
    for (const row of orphanPoints) halfDone.push(`ledger row ${row.id} gives points for ${row.subjectType} ${row.subjectId}, which does not exist`);

    const { differences } = await checkLedgerTotals(db);
    const counts = {
      wallPosts: posts.length,
      wallReplies: replies.length,
      practices: practices.length,
      wallReplyReactions: reactions.length,
      pointsLedger: Number((await db.selectFrom("pointsLedger").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n),
    };
    return { integrity, missing, pointDifferences: differences.map(describeDifference), halfDone, counts };
  } finally {
    await db.destroy();
  }
}
