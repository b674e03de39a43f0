// A practice's visits, counted in batches. A visitor's first visit of the day to a published
// practice adds one to its count. Written at once, each new visitor cost the page a write
// transaction and moved the database's data version, so every process read the practices' pages
// and lists again instead of keeping them (ADR 016). The visits wait in memory instead and are
// written together, at most a second later or when 500 are waiting, and whenever the database
// closes (the server stopping). A process killed outright loses at most that second of visits:
// a visit count measures interest; no member's work is in it.
import { hasVisit, recordVisit, recordVisits, type PracticeVisit } from "~/models/practice.server";
import { beforeClose, getDb, type DB } from "~/utils/db.server";

export const FLUSH_AFTER_MS = 1_000;
export const FLUSH_AT = 500;

interface Queue {
  waiting: Map<string, PracticeVisit>;
  writing: Map<string, PracticeVisit>;
  timer: NodeJS.Timeout | null;
  flushed: Promise<void>;
}

// One queue per database handle: two databases in one process (tests) never mix their visits.
const queues = new Map<DB, Queue>();

function queueOf(db: DB): Queue {
  let queue = queues.get(db);
  if (!queue) {
    queue = { waiting: new Map(), writing: new Map(), timer: null, flushed: Promise.resolve() };
    queues.set(db, queue);
  }
  return queue;
}

const keyOf = (visit: PracticeVisit) => `${visit.practiceId} ${visit.day} ${visit.visitor}`;

/**
 * Counts a visit once per visitor, practice and day. True when it is the visitor's first that
 * day, so that the page can show the count with it before the batch is written.
 */
export async function countVisit(visit: PracticeVisit, db: DB = getDb()): Promise<boolean> {
  const key = keyOf(visit);
  const queue = queueOf(db);
  if (queue.waiting.has(key) || queue.writing.has(key)) return false;
  if (await hasVisit(visit, db)) return false;
  // Another request of the same visitor may have queued it while this one read.
  if (queue.waiting.has(key) || queue.writing.has(key)) return false;
  queue.waiting.set(key, { practiceId: visit.practiceId, visitor: visit.visitor, day: visit.day });
  if (queue.waiting.size >= FLUSH_AT) void flushVisits(db);
  else queue.timer ??= setTimeout(() => void flushVisits(db), FLUSH_AFTER_MS).unref();
  return true;
}

/** Writes the visits waiting for `db` (for every handle when none is given), and waits for them. */
export async function flushVisits(db?: DB): Promise<void> {
  if (!db) {
    await Promise.all([...queues.keys()].map((handle) => flushVisits(handle)));
    return;
  }
  const queue = queues.get(db);
  if (!queue) return;
  if (queue.timer) clearTimeout(queue.timer);
  queue.timer = null;
  // One batch at a time: the next waits for the one being written.
  queue.flushed = queue.flushed.then(async () => {
    if (queue.waiting.size === 0) return;
    queue.writing = queue.waiting;
    queue.waiting = new Map();
    try {
      await writeBatch([...queue.writing.values()], db);
    } finally {
      queue.writing = new Map();
      if (queue.waiting.size === 0 && queue.timer === null) queues.delete(db);
    }
  });
  await queue.flushed;
}

async function writeBatch(visits: PracticeVisit[], db: DB): Promise<void> {
  try {
    await recordVisits(visits, db);
  } catch (batchError) {
    // One visit that cannot be written (its practice deleted meanwhile) must not cost the others.
    let lost = 0;
    for (const visit of visits) {
      try {
        await recordVisit(visit, db);
      } catch {
        lost++;
      }
    }
    if (lost > 0) console.error(`No se pudieron guardar ${lost} de ${visits.length} visitas a prácticas:`, batchError);
  }
}

beforeClose((db) => flushVisits(db));
