// Builds the benchmark's database: the project's migrations and reference data, then a national
// community's worth of synthetic history (members in the 26 regions, practices at every stage with
// expert feedback, both walls, advisories, transfers, events, points and badges), deterministic for
// a seed. Reference data, badges, the search index and the points check go through the platform's
// own functions; the volume goes through typed batched inserts (BulkWriter) and an in-memory copy
// of the points rules (PointsBook), in bulk load mode (db/connection.ts).
import { rmSync, statSync } from "node:fs";
import type { Insertable } from "kysely";
import type { AdvisoryStatus, EventType, Stage, TransferStage, TransferStatus, WallPostTable, WallStatus } from "../../db/schema";
import { beginBulkLoad, createDatabase, endBulkLoad, writeTransaction, type DB } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { loadReferenceData } from "../../db/reference";
import { createMembers, type BulkMemberSeed } from "../../tests/factories/members";
import { rebuildMemberActivity } from "~/models/activity.server";
import { createBadge, enableAutomaticBadges, type BadgeRule } from "~/models/badge.server";
import { listIgedOptions } from "~/models/iged.server";
import { listCriteria } from "~/models/maturity.server";
import { checkLedgerTotals } from "~/models/points.server";
import { listRegions } from "~/models/region.server";
import { listThematicLines } from "~/models/thematic-line.server";
import { recountWallPosts } from "~/models/wall.server";
import { hashPassword } from "~/utils/password.server";
import { ensureSearchIndex } from "~/utils/search.server";
import { slugify } from "~/utils/slug";
import { REPORT_REASONS, WALLS } from "~/utils/wall-labels";
import { BulkWriter } from "./bulk";
import { limaDay, PointsBook } from "./points";
import { Random } from "./random";
import * as W from "./words";

/**
 * Every generated account signs in with this password (one argon2 hash, reused: hashing 10,000
 * would take minutes). The benchmark's signed-in write mix uses it.
 */
export const BENCH_PASSWORD = "banco-de-pruebas-2026";
export const DEFAULT_BENCH_DB = "bench/.data/bench.db";

/** The sizes at scale 1, as issue 9 asks. */
export const FULL_SCALE = {
  members: 10_000,
  experts: 150,
  difoca: 10,
  practices: 5_000,
  wallPosts: 50_000,
  replies: 200_000,
  ledger: 1_000_000,
  advisories: 2_000,
  transfers: 300,
  events: 200,
} as const;

export type Sizes = { [K in keyof typeof FULL_SCALE]: number };

export function sizesFor(scale: number): Sizes {
  const at = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  return {
    members: at(FULL_SCALE.members, 60),
    experts: at(FULL_SCALE.experts, 6),
    difoca: at(FULL_SCALE.difoca, 2),
    practices: at(FULL_SCALE.practices, 40),
    wallPosts: at(FULL_SCALE.wallPosts, 40),
    replies: at(FULL_SCALE.replies, 100),
    ledger: at(FULL_SCALE.ledger, 1_000),
    advisories: at(FULL_SCALE.advisories, 20),
    transfers: at(FULL_SCALE.transfers, 12),
    // The national calendar does not shrink with the community: below scale 1 there are still 200
    // events, so each member attends as many as at full scale and the ledger (a third of it
    // attendance) stays proportional to the scale instead of to its square.
    events: at(FULL_SCALE.events, FULL_SCALE.events),
  };
}

export interface GenerateOptions {
  file: string;
  scale?: number;
  seed?: number;
  /** The day the history ends (today by default); it starts on January 6 of the previous year. */
  until?: Date;
  log?: (line: string) => void;
}

export interface GenerateSummary {
  file: string;
  sizes: Sizes;
  counts: Record<string, number>;
  ledgerByAction: Record<string, number>;
  totalsMatchLedger: boolean;
  ledgerDifferences: number;
  elapsedSeconds: number;
  phases: { name: string; seconds: number }[];
  sizeBytes: number;
  password: string;
  accounts: { role: string; email: string }[];
}

const DAY = 24 * 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface Member {
  id: number;
  role: "gestor" | "experto" | "difoca";
  igedId: number | null;
  regionId: number | null;
  active: boolean;
  name: string;
  createdAt: number;
}

interface Practice {
  id: number;
  slug: string;
  title: string;
  regionId: number;
  leadIgedId: number;
  status: "borrador" | "en_revision" | "publicada" | "archivada";
  stage: Stage;
  team: number[];
  publishedAt: number | null;
  topic: string;
}

const TABLES_TO_COUNT = [
  "users", "practices", "practiceTeam", "practiceEvents", "practiceFeedback", "feedbackItems", "practiceEvidence", "practiceVisits",
  "promotionRequests", "wallPosts", "wallReplies", "wallPostReactions", "wallReplyReactions", "wallFollows", "wallReports",
  "pointsLedger", "memberPoints", "memberPointsYearly", "badgeAwards", "notifications", "advisories", "advisoryEvents",
  "advisorAvailability", "transfers", "transferSteps", "events", "eventRegistrations",
] as const;

export async function generateBenchData(options: GenerateOptions): Promise<GenerateSummary> {
  const scale = options.scale ?? 1;
  if (!(scale > 0)) throw new Error("The scale must be a positive number");
  const sizes = sizesFor(scale);
  const log = options.log ?? (() => {});
  const r = new Random(options.seed ?? 2026);
  const untilDay = new Date(options.until ?? new Date());
  untilDay.setUTCHours(0, 0, 0, 0);
  const END = untilDay.getTime() - 6 * 3600_000; // the evening before, in Lima
  const START = Date.UTC(untilDay.getUTCFullYear() - 1, 0, 6, 13);
  const between = (from: number, to: number) => from + Math.floor(r.next() * Math.max(1, to - from));
  const started = Date.now();
  const phases: { name: string; seconds: number }[] = [];

  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${options.file}${suffix}`, { force: true });
  await migrateToLatest(options.file);
  const db = createDatabase(options.file);
  try {
    let phaseStart = Date.now();
    let phaseCpu = process.cpuUsage();
    // CPU time next to the wall time: on a shared machine the difference is time spent waiting.
    const phase = (name: string, detail: string) => {
      const seconds = (Date.now() - phaseStart) / 1000;
      const cpu = process.cpuUsage(phaseCpu);
      phases.push({ name, seconds });
      log(`✔ ${name.padEnd(26)} ${detail} (${seconds.toFixed(1)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; total ${((Date.now() - started) / 1000).toFixed(1)} s)`);
      phaseStart = Date.now();
      phaseCpu = process.cpuUsage();
    };
    const progress = (label: string, done: number, total: number) => {
      const step = Math.max(1, Math.floor(total / 10));
      if (done > 0 && (done % step === 0 || done === total)) log(`  ${label}: ${Math.round((done / total) * 100)} % (${done.toLocaleString("es-PE")} de ${total.toLocaleString("es-PE")})`);
    };

    await loadReferenceData(db);
    await beginBulkLoad(db);
    const writer = new BulkWriter(db);
    const book = new PointsBook(writer);
    await book.load(db);
    const igeds = await listIgedOptions(db);
    const regions = await listRegions(db);
    const lines = await listThematicLines({}, db);
    const criteria = await listCriteria({}, db);
    phase("Migraciones y referencia", `${regions.length} regiones, ${igeds.length} IGED, ${lines.length} líneas temáticas`);

    // ---------------------------------------------------------------------------------------
    // Members
    const members: Member[] = [];
    await writeTransaction(db, async (trx) => {
      const passwordHash = await hashPassword(BENCH_PASSWORD);
      const igedWeights = igeds.map((i) => [i, i.type === "gobierno_local" ? 0.4 : i.type === "dre" ? 1.5 : 1] as const);
      const dres = igeds.filter((i) => i.type === "dre");
      const seeds: BulkMemberSeed[] = [];
      const used = new Set<string>();
      for (let n = 0; n < sizes.members; n++) {
        const role = n < sizes.difoca ? "difoca" : n < sizes.difoca + sizes.experts ? "experto" : "gestor";
        const iged = role === "gestor" ? r.weighted(igedWeights) : role === "experto" && r.chance(0.5) ? r.pick(dres) : null;
        const first = r.pick(W.FIRST_NAMES);
        const last1 = r.pick(W.LAST_NAMES);
        const last2 = r.pick(W.LAST_NAMES);
        const name = `${first} ${last1} ${last2}`;
        let email = `${slugify(first)}.${slugify(last1)}${slugify(last2).slice(0, 1)}@${role === "difoca" ? "minedu.gob.pe" : role === "experto" ? "expertos.pe" : "educacion.pe"}`;
        for (let k = 2; used.has(email); k++) email = email.replace(/(\d*)@/, `${k}@`);
        used.add(email);
        // Most members joined before the history starts; the rest keep arriving during it.
        const createdAt = r.chance(0.7) ? between(START - 400 * DAY, START) : between(START, END - 20 * DAY);
        const active = role !== "gestor" || !r.chance(0.02);
        const position = role === "difoca" ? r.pick(W.DIFOCA_POSITIONS) : role === "experto" ? r.pick(W.EXPERT_POSITIONS) : r.pick(W.GESTOR_POSITIONS);
        seeds.push({
          name, email, role, igedId: iged?.id ?? null, position, active,
          createdAt: iso(createdAt),
          deactivatedAt: active ? null : iso(between(createdAt, END)),
          lastLoginAt: r.chance(0.7) ? iso(between(Math.max(createdAt, END - 120 * DAY), END)) : null,
        });
        members.push({ id: n + 1, role, igedId: iged?.id ?? null, regionId: iged?.regionId ?? null, active, name, createdAt });
      }
      await createMembers(seeds, passwordHash, 1, trx);
    });
    const gestores = members.filter((m) => m.role === "gestor");
    const activeGestores = gestores.filter((m) => m.active);
    const experts = members.filter((m) => m.role === "experto");
    const difoca = members.filter((m) => m.role === "difoca");
    const activeMembers = members.filter((m) => m.active && m.role !== "difoca");
    const gestoresByRegion = new Map<number, Member[]>();
    for (const g of activeGestores) {
      const list = gestoresByRegion.get(g.regionId!) ?? [];
      list.push(g);
      gestoresByRegion.set(g.regionId!, list);
    }
    const memberById = new Map(members.map((m) => [m.id, m]));
    const isActive = (id: number) => memberById.get(id)?.active === true;
    const notify = (userId: number, type: string, title: string, link: string | null, at: number, body = "") => {
      writer.add("notifications", { userId, type, title, body, link, createdAt: iso(at), readAt: at < END - 14 * DAY || r.chance(0.3) ? iso(Math.min(END, at + r.int(1, 10) * DAY)) : null });
    };
    phase("Miembros", `${members.length.toLocaleString("es-PE")} (${gestores.length} gestores, ${experts.length} expertos, ${difoca.length} DIFOCA, ${members.length - members.filter((m) => m.active).length} desactivados)`);

    // ---------------------------------------------------------------------------------------
    // Practices, their history, feedback, evidence and visits
    const practices: Practice[] = [];
    const lineTopics = lines.map((l) => ({ line: l, topics: W.TOPICS[l.slug] ?? [l.name.toLowerCase()] }));
    const igedsByRegion = new Map<number, typeof igeds>();
    for (const i of igeds) igedsByRegion.set(i.regionId, [...(igedsByRegion.get(i.regionId) ?? []), i]);
    const igedById = new Map(igeds.map((i) => [i.id, i]));
    await writeTransaction(db, async (trx) => writer.within(trx, async () => {
      const slugs = new Set<string>();
      let feedbackId = 0;
      let requestId = 0;
      for (let p = 1; p <= sizes.practices; p++) {
        const author = r.pick(activeGestores);
        const lead = igedById.get(author.igedId!)!;
        const { line, topics } = r.pick(lineTopics);
        const topic = r.pick(topics);
        const title = W.practiceTitle(r, topic, lead.name);
        const base = slugify(title).slice(0, 80).replace(/-+$/, "") || "practica";
        let slug = base;
        for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
        slugs.add(slug);
        // The first ones go through every status and stage, so that even a tiny scale has them all.
        const forced = FIRST_PRACTICES[p - 1];
        const status = forced?.[0] ?? r.weighted([["borrador", 12], ["en_revision", 8], ["publicada", 72], ["archivada", 8]] as const);
        const isPublic = status === "publicada" || status === "archivada";
        const stage: Stage = forced?.[1] ?? (isPublic ? r.weighted([["inicial", 52], ["intermedio", 30], ["avanzado", 18]] as const) : "inicial");
        const createdAt = between(Math.max(START, author.createdAt), END - 40 * DAY);
        // Each step some days after the previous one; a history that would end after today is
        // compressed to fit between the practice's creation and today.
        const gaps = [
          status === "borrador" && r.chance(0.7) ? null : r.int(2, 20),
          isPublic ? r.int(2, 25) : null,
          stage !== "inicial" ? r.int(20, 120) : null,
          stage === "avanzado" ? r.int(20, 150) : null,
          status === "archivada" ? r.int(5, 60) : null,
        ];
        const span = gaps.reduce<number>((sum, g) => sum + (g ?? 0), 0) * DAY;
        const fit = span > END - createdAt ? (END - createdAt) / span : 1;
        let clock = createdAt;
        const times = gaps.map((g) => (g === null ? null : (clock += Math.floor(g * DAY * fit))));
        const [submittedAt, publishedAt, promotedIntermedio, promotedAvanzado, archivedAt] = [0, 1, 2, 3, 4].map((i) => times[i] ?? null) as [number | null, number | null, number | null, number | null, number | null];
        const stageChangedAt = promotedAvanzado ?? promotedIntermedio ?? publishedAt ?? null;
        const peers = gestoresByRegion.get(lead.regionId)!.filter((g) => g.id !== author.id);
        const team = [author.id, ...r.sample(peers, r.weighted([[0, 25], [1, 35], [2, 28], [3, 12]] as const)).map((g) => g.id)];
        const texts = W.practiceTexts(r, topic, lead.name);
        const updatedAt = Math.max(createdAt, submittedAt ?? 0, stageChangedAt ?? 0, archivedAt ?? 0);
        const visitCount = isPublic ? r.skewed(stage === "avanzado" ? 40 : 14) : 0;
        writer.add("practices", {
          id: p, slug, title, ...texts, thematicLineId: line.id, regionId: lead.regionId, leadIgedId: lead.id,
          startYear: r.int(2018, 2025), vigente: r.chance(0.85) ? 1 : 0, status, stage,
          reviewNote: status === "borrador" && submittedAt !== null ? "Precisen los resultados con cifras y la fuente de los datos." : null,
          visitCount, createdBy: author.id, createdAt: iso(createdAt), updatedAt: iso(updatedAt), submittedAt: submittedAt === null ? null : iso(submittedAt),
          publishedAt: publishedAt === null ? null : iso(publishedAt), stageChangedAt: stageChangedAt === null ? null : iso(stageChangedAt),
        });
        practices.push({ id: p, slug, title, regionId: lead.regionId, leadIgedId: lead.id, status, stage, team, publishedAt, topic });
        const sameRegion = igedsByRegion.get(lead.regionId)!.filter((i) => i.id !== lead.id);
        for (const other of r.sample(sameRegion, r.weighted([[0, 60], [1, 30], [2, 10]] as const))) writer.add("practiceIgeds", { practiceId: p, igedId: other.id });
        team.forEach((userId, k) => writer.add("practiceTeam", { practiceId: p, userId, addedAt: iso(createdAt + k * 3600_000) }));
        writer.add("practiceContacts", { practiceId: p, name: memberById.get(author.id)!.name, role: "Responsable de la práctica", email: null, phone: r.chance(0.5) ? `9${r.int(10_000_000, 99_999_999)}` : null, position: 0 });

        // History: created, submitted (a returned round for some), published, stage moves, archived.
        const event = (type: "created" | "submitted" | "returned" | "published" | "promotion_requested" | "promoted" | "archived", at: number, actorId: number, fromStage: Stage | null = null, toStage: Stage | null = null, note = "") =>
          writer.add("practiceEvents", { practiceId: p, type, fromStage, toStage, actorId, note, createdAt: iso(at) });
        event("created", createdAt, author.id);
        const reviewer = r.pick(difoca).id;
        if (submittedAt !== null) {
          event("submitted", submittedAt, author.id);
          if (status === "borrador") event("returned", submittedAt + 2 * DAY, reviewer, null, null, "Precisen los resultados con cifras y la fuente de los datos.");
        }
        if (publishedAt !== null) {
          event("published", publishedAt, reviewer, null, "inicial");
          for (const userId of team) {
            book.award({ userId, action: "practice_published", subjectType: "practice", subjectId: p, key: `practice_published:${p}:${userId}`, at: publishedAt, actorId: reviewer });
            notify(userId, "practice_published", `DIFOCA publicó tu práctica «${title}» en el catálogo`, `/practicas/${slug}`, publishedAt);
          }
          for (const [target, at] of [["intermedio", promotedIntermedio], ["avanzado", promotedAvanzado]] as const) {
            if (at === null) continue;
            const from: Stage = target === "intermedio" ? "inicial" : "intermedio";
            const requestedAt = at - r.int(3, 15) * DAY;
            requestId += 1;
            writer.add("promotionRequests", { id: requestId, practiceId: p, targetStage: target, status: "aprobada", requestedBy: author.id, requestedAt: iso(requestedAt), decidedBy: reviewer, decidedAt: iso(at), decisionNote: "Cumple los criterios del estadio." });
            for (const c of criteria.filter((c) => c.targetStage === target && c.active)) writer.add("promotionRequestItems", { requestId, criterionId: c.id, note: "Ver evidencias adjuntas.", evidenceId: null });
            event("promotion_requested", requestedAt, author.id, from, target);
            event("promoted", at, reviewer, from, target, "Cumple los criterios del estadio.");
            for (const userId of team) {
              book.award({ userId, action: `practice_promoted_${target}`, subjectType: "practice", subjectId: p, key: `practice_promoted_${target}:${p}:${userId}`, at, actorId: reviewer });
              notify(userId, "practice_promoted", `«${title}» pasó al estadio ${target}`, `/practicas/${slug}#ruta`, at);
            }
          }
          if (status === "publicada" && stage !== "avanzado" && r.chance(0.08)) {
            requestId += 1;
            const target = stage === "inicial" ? "intermedio" : "avanzado";
            writer.add("promotionRequests", { id: requestId, practiceId: p, targetStage: target, status: "pendiente", requestedBy: author.id, requestedAt: iso(END - r.int(1, 20) * DAY), decidedBy: null, decidedAt: null, decisionNote: null });
          }
          if (archivedAt !== null) event("archived", archivedAt, reviewer, null, null, "La práctica dejó de implementarse.");

          // Several experts' feedback, each with opportunities and recommendations.
          const nFeedback = stage === "inicial" ? r.int(1, 3) : r.int(2, 5);
          for (const expert of r.sample(experts.filter((e) => e.active), nFeedback)) {
            feedbackId += 1;
            const at = Math.min(END, publishedAt + r.int(3, 200) * DAY);
            writer.add("practiceFeedback", { id: feedbackId, practiceId: p, authorId: expert.id, keyAspects: r.pick(W.FEEDBACK_KEY_ASPECTS), givenOn: limaDay(at), eventId: null, createdAt: iso(at) });
            let position = 0;
            for (const [kind, texts] of [["oportunidad", W.FEEDBACK_OPPORTUNITIES], ["recomendacion", W.FEEDBACK_RECOMMENDATIONS]] as const) {
              for (const text of r.sample(texts, r.int(1, 2))) {
                const addressed = r.chance(0.4);
                writer.add("feedbackItems", { feedbackId, kind, position: position++, text, addressedAt: addressed ? iso(Math.min(END, at + 10 * DAY)) : null, addressedBy: addressed ? author.id : null, addressedNote: addressed ? "Lo incorporamos en la nueva versión." : null });
              }
            }
            book.award({ userId: expert.id, action: "feedback_given", subjectType: "feedback", subjectId: feedbackId, key: `feedback_given:${feedbackId}:${expert.id}`, at, owners: team });
            notify(author.id, "feedback_received", `${expert.name} dejó una retroalimentación en «${title}»`, `/practicas/${slug}#retroalimentacion`, at);
          }
          for (let e = 0, n = r.int(0, 3); e < n; e++) {
            writer.add("practiceEvidence", { practiceId: p, kind: "enlace", title: r.pick(["Resolución directoral", "Informe de resultados", "Plan de trabajo", "Tablero de seguimiento"]), url: `https://www.gob.pe/institucion/minedu/informes-publicaciones/${p}${e}`, fileName: null, storedName: null, mimeType: null, sizeBytes: null, uploadedBy: r.pick(team), createdAt: iso(publishedAt + e * DAY) });
          }
          // Visits: once per visitor and day, as recordVisit counts them.
          const seen = new Set<string>();
          for (let v = 0; v < visitCount; v++) {
            const day = limaDay(between(publishedAt, END));
            const visitor = r.chance(0.6) ? `m:${r.int(1, members.length)}` : `a:${r.uuid().replace(/-/g, "")}`;
            const key = `${day}|${visitor}`;
            if (seen.has(key)) {
              v -= 1;
              continue;
            }
            seen.add(key);
            writer.add("practiceVisits", { practiceId: p, visitor, day });
          }
        }
        if (p % 500 === 0) await writer.drain();
        progress("Prácticas", p, sizes.practices);
      }
      await writer.flush();
    }));
    phase("Prácticas", `${practices.length.toLocaleString("es-PE")} prácticas, ${writer.count("practiceFeedback").toLocaleString("es-PE")} retroalimentaciones, ${writer.count("practiceVisits").toLocaleString("es-PE")} visitas`);

    // ---------------------------------------------------------------------------------------
    // Walls: challenges and initiatives, replies, useful marks, reactions, follows, reports
    await writeTransaction(db, async (trx) => writer.within(trx, async () => {
      const posts: { id: number; kind: "challenge" | "initiative"; authorId: number; createdAt: number; hidden: boolean; topic: string }[] = [];
      // Posts are written last: their stored counts (visible replies, reactions, last activity) are known then.
      const postRows: Insertable<WallPostTable>[] = [];
      const drafts = practices.filter((p) => p.status === "borrador");
      for (let id = 1; id <= sizes.wallPosts; id++) {
        const kind = id <= 6 ? (id <= 3 ? "challenge" : "initiative") : r.chance(0.6) ? "challenge" : "initiative";
        const status: WallStatus = id <= 6 ? WALLS[kind].statuses[(id - 1) % 3]! :
          kind === "challenge"
            ? r.weighted([["abierto", 55], ["en_acompanamiento", 20], ["resuelto", 25]] as const)
            : r.weighted([["en_curso", 75], ["en_acompanamiento", 20], ["convertida", 5]] as const);
        // A converted initiative became a draft practice of its author.
        const convertedTo = status === "convertida" ? r.pick(drafts) : null;
        const author = convertedTo ? memberById.get(convertedTo.team[0]!)! : r.chance(0.92) ? r.pick(activeGestores) : r.pick(experts);
        const iged = author.igedId !== null ? igedById.get(author.igedId)! : null;
        const regionId = iged?.regionId ?? r.pick(regions).id;
        const { line, topics } = r.pick(lineTopics);
        const topic = r.pick(topics);
        const place = iged?.name ?? regions.find((x) => x.id === regionId)!.name;
        const createdAt = convertedTo ? between(START, END - 60 * DAY) : between(Math.max(START, author.createdAt), END - DAY);
        const accompanied = status === "en_acompanamiento";
        const hidden = !convertedTo && id > 6 && r.chance(0.004);
        const difocaId = r.pick(difoca).id;
        postRows.push({
          id, kind,
          title: kind === "challenge" ? W.challengeTitle(r, topic) : W.initiativeTitle(r, topic, place),
          summary: kind === "initiative" ? `Compartimos cómo trabajamos ${topic} en ${place}.` : "",
          body: W.postBody(r, topic, place),
          links: kind === "initiative" && r.chance(0.3) ? JSON.stringify([`https://www.ugel.gob.pe/iniciativas/${id}`]) : "[]",
          thematicLineId: r.chance(0.85) ? line.id : null, regionId, igedId: iged?.id ?? null, status, authorId: author.id,
          accompaniedBy: accompanied ? difocaId : null, accompaniedAt: accompanied ? iso(createdAt + r.int(1, 20) * DAY) : null, practiceId: convertedTo?.id ?? null,
          // Counts and last activity are set below, once the replies exist.
          replyCount: 0, reactionCount: 0, lastActivityAt: iso(createdAt),
          hiddenAt: hidden ? iso(createdAt + DAY) : null, hiddenBy: hidden ? difocaId : null, hiddenReason: hidden ? "Contenido ajeno a la comunidad." : null,
          createdAt: iso(createdAt), updatedAt: iso(createdAt),
        });
        for (const tag of r.sample(W.TAGS, r.int(0, 3))) writer.add("wallPostTags", { postId: id, tag });
        writer.add("wallFollows", { postId: id, userId: author.id, createdAt: iso(createdAt) });
        const action = kind === "challenge" ? "challenge_posted" : "initiative_posted";
        const award = book.award({ userId: author.id, action, subjectType: "wall_post", subjectId: id, key: `${action}:${id}`, at: createdAt });
        if (hidden && award) book.reverse(award, "DIFOCA ocultó la publicación: Contenido ajeno a la comunidad.", difocaId);
        posts.push({ id, kind, authorId: author.id, createdAt, hidden, topic });
        if (id % 2000 === 0) await writer.drain();
        progress("Publicaciones", id, sizes.wallPosts);
      }

      // Replies: a long tail (most posts a few, some many); none on hidden posts.
      const visiblePosts = posts.filter((p) => !p.hidden);
      const weights = visiblePosts.map(() => 0.2 + -Math.log(1 - r.next()));
      const cumulative: number[] = [];
      let sum = 0;
      for (const w of weights) cumulative.push((sum += w));
      const pickPost = () => {
        const x = r.next() * sum;
        let lo = 0;
        let hi = cumulative.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cumulative[mid]! < x) lo = mid + 1;
          else hi = mid;
        }
        return visiblePosts[lo]!;
      };
      const replyCount = new Map<number, number>();
      const lastActivity = new Map<number, number>();
      const followed = new Set<string>();
      for (let id = 1; id <= sizes.replies; id++) {
        const post = pickPost();
        const author = r.pick(activeMembers);
        const createdAt = Math.min(END, post.createdAt + Math.floor(r.skewed(12 * DAY)) + 3600_000);
        const hidden = r.chance(0.003);
        const useful = post.kind === "challenge" && author.id !== post.authorId && !hidden && r.chance(0.25);
        const reactions = hidden ? [] : r.sample(activeMembers, r.skewed(0.8)).filter((m) => m.id !== author.id);
        writer.add("wallReplies", {
          id, postId: post.id, authorId: author.id, body: W.replyBody(r, post.topic),
          usefulAt: useful ? iso(Math.min(END, createdAt + r.int(1, 5) * DAY)) : null, reactionCount: reactions.length,
          hiddenAt: hidden ? iso(createdAt + DAY) : null, hiddenBy: hidden ? difoca[0]!.id : null, hiddenReason: hidden ? "Lenguaje ofensivo." : null,
          createdAt: iso(createdAt), updatedAt: iso(createdAt),
        });
        for (const m of reactions) writer.add("wallReplyReactions", { replyId: id, userId: m.id, createdAt: iso(createdAt + 3600_000) });
        if (!hidden) {
          replyCount.set(post.id, (replyCount.get(post.id) ?? 0) + 1);
          lastActivity.set(post.id, Math.max(lastActivity.get(post.id) ?? 0, createdAt));
        }
        const action = post.kind === "challenge" ? "challenge_contribution" : "comment";
        const award = book.award({ userId: author.id, action, subjectType: "wall_reply", subjectId: id, key: `${action}:${id}`, at: createdAt, owners: [post.authorId] });
        if (hidden && award) book.reverse(award, "DIFOCA ocultó el aporte: Lenguaje ofensivo.", difoca[0]!.id);
        if (useful) {
          const at = Math.min(END, createdAt + 2 * DAY);
          book.award({ userId: author.id, action: "contribution_useful", subjectType: "wall_reply", subjectId: id, key: `contribution_useful:${id}`, at, actorId: post.authorId });
          notify(author.id, "contribution_useful", "Tu aporte a un desafío fue marcado como útil", `/desafios/${post.id}#aporte-${id}`, at);
        }
        if (author.id !== post.authorId) {
          notify(post.authorId, post.kind === "challenge" ? "challenge_contribution" : "initiative_comment", post.kind === "challenge" ? `Nuevo aporte de ${author.name} a tu desafío` : `${author.name} comentó tu iniciativa`, `/${post.kind === "challenge" ? "desafios" : "iniciativas"}/${post.id}#${post.kind === "challenge" ? "aporte" : "comentario"}-${id}`, createdAt);
        }
        const fk = `${post.id}|${author.id}`;
        if (author.id !== post.authorId && !followed.has(fk)) {
          followed.add(fk);
          writer.add("wallFollows", { postId: post.id, userId: author.id, createdAt: iso(createdAt) });
        }
        if (id % 5000 === 0) await writer.drain();
        progress("Aportes y comentarios", id, sizes.replies);
      }

      // Reactions to posts, and a few reports (most already resolved).
      for (const post of visiblePosts) {
        const reactors = r.sample(activeMembers, r.skewed(2.5)).filter((m) => m.id !== post.authorId);
        for (const m of reactors) writer.add("wallPostReactions", { postId: post.id, userId: m.id, createdAt: iso(Math.min(END, post.createdAt + r.int(1, 30) * 3600_000)) });
        if (r.chance(0.004)) {
          const reporter = r.pick(activeMembers);
          if (reporter.id !== post.authorId) {
            const resolved = r.chance(0.7);
            writer.add("wallReports", { postId: post.id, replyId: null, reporterId: reporter.id, reason: r.pick(REPORT_REASONS), details: "", createdAt: iso(post.createdAt + DAY), resolvedAt: resolved ? iso(post.createdAt + 3 * DAY) : null, resolvedBy: resolved ? difoca[0]!.id : null, resolution: resolved ? "dismissed" : null, resolutionNote: resolved ? "No contraviene las normas de la comunidad." : null });
          }
        }
        const row = postRows[post.id - 1]!;
        row.replyCount = replyCount.get(post.id) ?? 0;
        row.reactionCount = reactors.length;
        row.lastActivityAt = iso(lastActivity.get(post.id) ?? post.createdAt);
      }
      for (const row of postRows) writer.add("wallPosts", row);
      await writer.flush();
      // Bulk rows skip createWallPost, which keeps each wall's count of visible posts.
      await recountWallPosts(trx);
    }));
    phase("Muros", `${writer.count("wallPosts").toLocaleString("es-PE")} publicaciones, ${writer.count("wallReplies").toLocaleString("es-PE")} aportes y comentarios, ${writer.count("wallPostReactions") + writer.count("wallReplyReactions")} reacciones`);

    // ---------------------------------------------------------------------------------------
    // Transfers of advanced practices to IGEDs of other regions
    const transfers: { id: number; practice: Practice; receivingIgedId: number; participants: number[]; createdAt: number }[] = [];
    await writeTransaction(db, async (trx) => writer.within(trx, async () => {
      const advanced = practices.filter((p) => p.status === "publicada" && p.stage === "avanzado");
      const open = new Set<string>();
      const STAGES: TransferStage[] = ["solicitud", "acuerdo", "adaptacion", "implementacion", "evaluacion", "institucionalizada"];
      let stepId = 0;
      let attempts = 0;
      for (let id = 1; id <= sizes.transfers && advanced.length > 0 && attempts < sizes.transfers * 20; id++, attempts++) {
        const practice = r.pick(advanced);
        const receivers = activeGestores.filter((g) => g.regionId !== practice.regionId);
        const requester = r.pick(receivers);
        const receivingIgedId = requester.igedId!;
        const status: TransferStatus = id <= TRANSFER_STATUSES.length ? TRANSFER_STATUSES[id - 1]! : r.weighted([["pendiente", 10], ["en_curso", 40], ["suspendida", 8], ["completada", 20], ["rechazada", 10], ["cerrada", 12]] as const);
        const key = `${practice.id}|${receivingIgedId}`;
        const isOpen = status === "pendiente" || status === "en_curso" || status === "suspendida";
        if (isOpen && open.has(key)) {
          id -= 1;
          continue;
        }
        if (isOpen) open.add(key);
        const reached = status === "completada" ? 5 : status === "pendiente" || status === "rechazada" ? 0 : r.int(1, 4);
        const stage = STAGES[reached]!;
        const createdAt = between(Math.max(START, practice.publishedAt ?? START), END - 60 * DAY);
        const colleagues = r.sample((gestoresByRegion.get(requester.regionId!) ?? []).filter((g) => g.igedId === receivingIgedId && g.id !== requester.id), r.int(0, 2));
        const receiving = [requester.id, ...colleagues.map((c) => c.id)];
        const source = practice.team.filter(isActive);
        const actor = r.pick(difoca).id;
        let at = createdAt;
        const steps: { type: "requested" | "accepted" | "declined" | "advanced" | "suspended" | "closed"; from: TransferStage | null; to: TransferStage | null; at: number; actorId: number }[] = [
          { type: "requested", from: null, to: "solicitud", at, actorId: requester.id },
        ];
        if (status === "rechazada") steps.push({ type: "declined", from: null, to: null, at: (at += r.int(2, 15) * DAY), actorId: actor });
        else if (status !== "pendiente") {
          steps.push({ type: "accepted", from: null, to: null, at: (at += r.int(2, 15) * DAY), actorId: actor });
          for (let s = 1; s <= reached; s++) steps.push({ type: "advanced", from: STAGES[s - 1]!, to: STAGES[s]!, at: (at += r.int(10, 60) * DAY), actorId: s === 5 ? actor : requester.id });
          if (status === "suspendida") steps.push({ type: "suspended", from: null, to: null, at: (at += r.int(5, 20) * DAY), actorId: actor });
          if (status === "cerrada") steps.push({ type: "closed", from: null, to: null, at: (at += r.int(5, 20) * DAY), actorId: actor });
        }
        const lastAt = Math.min(at, END);
        const ended = status === "completada" || status === "cerrada" || status === "rechazada";
        writer.add("transfers", {
          id, practiceId: practice.id, sourceIgedId: practice.leadIgedId, sourceRegionId: practice.regionId, receivingIgedId, receivingRegionId: requester.regionId!,
          requestedBy: requester.id, reason: `Queremos adaptar la práctica a nuestra realidad: ${practice.topic} es una prioridad de nuestro PEI.`,
          context: `La ${igedById.get(receivingIgedId)!.name} atiende a instituciones educativas rurales con problemas parecidos.`,
          stage, status, statusReason: status === "rechazada" ? "La práctica no se ajusta al contexto de la IGED receptora." : status === "suspendida" ? "Cambio de autoridades en la IGED." : status === "cerrada" ? "La IGED receptora decidió no continuar." : null,
          createdAt: iso(createdAt), updatedAt: iso(lastAt), completedAt: status === "completada" ? iso(lastAt) : null, endedAt: ended ? iso(lastAt) : null,
        });
        for (const userId of source) writer.add("transferParticipants", { transferId: id, userId, side: "source", addedAt: iso(createdAt) });
        for (const userId of receiving) writer.add("transferParticipants", { transferId: id, userId, side: "receiving", addedAt: iso(createdAt) });
        for (const step of steps) {
          stepId += 1;
          const stepAt = Math.min(step.at, END);
          writer.add("transferSteps", { id: stepId, transferId: id, type: step.type, fromStage: step.from, toStage: step.to, note: step.type === "advanced" ? `Se completó la etapa de ${step.from}.` : "", occurredOn: limaDay(stepAt), actorId: step.actorId, createdAt: iso(stepAt) });
          if (step.type === "advanced" && r.chance(0.5)) {
            writer.add("transferEvidence", { transferId: id, stepId, stage: step.to!, kind: "enlace", title: "Acta de la reunión de trabajo", url: `https://www.gob.pe/transferencias/${id}/${stepId}`, fileName: null, storedName: null, mimeType: null, sizeBytes: null, uploadedBy: step.actorId, createdAt: iso(stepAt) });
          }
        }
        if (status === "completada") {
          const occurredAt = new Date(`${limaDay(lastAt)}T12:00:00.000-05:00`).getTime();
          for (const [side, action] of [[source, "transfer_completed_source"], [receiving, "transfer_completed_receiver"]] as const) {
            for (const userId of side) {
              book.award({ userId, action, subjectType: "transfer", subjectId: id, key: `${action}:${id}:${userId}`, at: occurredAt, actorId: actor });
              notify(userId, "transfer_completed", `La transferencia de «${practice.title}» se completó`, `/transferencias/${id}`, lastAt);
            }
          }
        }
        transfers.push({ id, practice, receivingIgedId, participants: [...source, ...receiving], createdAt });
      }
      await writer.flush();
    }));
    phase("Transferencias", `${writer.count("transfers")} transferencias, ${writer.count("transferSteps").toLocaleString("es-PE")} pasos`);

    // ---------------------------------------------------------------------------------------
    // Advisories, with the advisors' availability
    await writeTransaction(db, async (trx) => writer.within(trx, async () => {
      const advisors = experts.filter((e) => e.active);
      for (const advisor of advisors) {
        for (const weekday of r.sample([1, 2, 3, 4, 5], r.int(1, 3))) {
          const startHour = r.int(8, 15);
          writer.add("advisorAvailability", { advisorId: advisor.id, kind: "weekly", weekday, date: null, startTime: `${String(startHour).padStart(2, "0")}:00`, endTime: `${String(startHour + r.int(2, 4)).padStart(2, "0")}:00`, sessionMinutes: r.pick([45, 60, 90]), timeZone: "America/Lima", createdAt: iso(START) });
        }
        if (r.chance(0.3)) writer.add("advisorDaysOff", { advisorId: advisor.id, date: limaDay(END + r.int(3, 40) * DAY), note: "Vacaciones" });
      }
      const published = practices.filter((p) => p.status === "publicada" && p.team.some(isActive));
      let eventId = 0;
      for (let id = 1; id <= sizes.advisories; id++) {
        const transfer = r.chance(0.15) && transfers.length > 0 ? r.pick(transfers) : null;
        const practice = transfer?.practice ?? r.pick(published);
        const team = practice.team.filter(isActive);
        const requester = team.length > 0 ? r.pick(team) : practice.team[0]!;
        const status: AdvisoryStatus = id <= ADVISORY_STATUSES.length ? ADVISORY_STATUSES[id - 1]! : r.weighted([["solicitada", 10], ["propuesta", 5], ["confirmada", 15], ["realizada", 50], ["cancelada", 12], ["no_realizada", 8]] as const);
        const createdAt = between(Math.max(START, practice.publishedAt ?? START), END - 20 * DAY);
        const future = status === "confirmada" || status === "propuesta";
        const startsAt = status === "solicitada" ? null : future ? END + r.int(2, 40) * DAY + r.int(0, 5) * 3600_000 : Math.min(END - DAY, createdAt + r.int(5, 30) * DAY);
        const advisorId = status === "solicitada" ? null : r.pick(advisors).id;
        const topic = r.pick(W.ADVISORY_TOPICS);
        const modality = r.chance(0.8) ? "virtual" : "presencial";
        const updatedAt = startsAt === null ? createdAt : Math.min(END, startsAt + DAY);
        writer.add("advisories", {
          id, type: transfer ? "transferencia" : "personalizada", practiceId: practice.id, requestedBy: requester, topic, needs: "Orientación para fortalecer la práctica y documentar sus resultados.",
          modality, advisorId, status, startsAt: startsAt === null ? null : iso(startsAt), endsAt: startsAt === null ? null : iso(startsAt + 3600_000), timeZone: "America/Lima",
          meetingUrl: modality === "virtual" && startsAt !== null ? `https://meet.minedu.gob.pe/asesoria-${id}` : null, place: modality === "presencial" && startsAt !== null ? "Sede de la UGEL" : null,
          cancelReason: status === "cancelada" ? "El equipo no podía en esa fecha." : null, seriesTitle: null, transferId: transfer?.id ?? null,
          createdAt: iso(createdAt), updatedAt: iso(updatedAt),
        });
        const history: [string, number, number | null][] = [["requested", createdAt, requester]];
        if (startsAt !== null) history.push([status === "propuesta" ? "proposed" : "confirmed", createdAt + DAY, advisorId]);
        if (status === "cancelada") history.push(["cancelled", createdAt + 2 * DAY, requester]);
        if (status === "realizada") history.push(["minutes_recorded", startsAt! + 2 * 3600_000, advisorId]);
        if (status === "no_realizada") history.push(["not_held", startsAt! + 2 * 3600_000, advisorId]);
        for (const [type, at, actorId] of history) {
          eventId += 1;
          writer.add("advisoryEvents", { id: eventId, advisoryId: id, type, actorId, note: "", startsAt: startsAt === null ? null : iso(startsAt), createdAt: iso(Math.min(at, END)) });
        }
        if (status === "realizada" || status === "no_realizada") {
          const attendees = r.sample(team, r.int(1, Math.max(1, team.length)));
          for (const userId of team) {
            const attended = status === "realizada" && attendees.includes(userId);
            writer.add("advisoryAttendees", { advisoryId: id, userId, attended: attended ? 1 : 0 });
            if (attended) book.award({ userId, action: "advisory_attended", subjectType: "advisory", subjectId: id, key: `advisory_attended:${id}:${userId}`, at: startsAt!, actorId: advisorId });
          }
        }
        if (status === "realizada") {
          const recordedAt = iso(startsAt! + 2 * 3600_000);
          writer.add("advisoryMinutes", { advisoryId: id, summary: "Se revisaron la estrategia y los indicadores de resultado.", agreements: "- Completar la línea de base\n- Enviar el informe de resultados", recordedBy: advisorId!, recordedAt, updatedAt: recordedAt });
          for (let c = 0, n = r.int(0, 2); c < n; c++) {
            const due = startsAt! + r.int(7, 45) * DAY;
            const done = due < END && r.chance(0.6);
            writer.add("advisoryCommitments", { advisoryId: id, description: r.pick(["Completar la línea de base", "Enviar el informe de resultados", "Presentar la resolución directoral"]), responsibleId: requester, responsibleName: memberById.get(requester)!.name, dueDate: limaDay(due), doneAt: done ? iso(due - DAY) : null, doneBy: done ? requester : null, createdAt: recordedAt });
          }
          notify(requester, "advisory_minutes", `Se registró el acta de la asesoría «${topic}»`, `/asesorias/${id}`, startsAt! + 2 * 3600_000);
        }
        progress("Asesorías", id, sizes.advisories);
      }
      await writer.flush();
    }));
    phase("Asesorías", `${writer.count("advisories").toLocaleString("es-PE")} asesorías, ${writer.count("advisorAvailability")} horarios de ${experts.length} asesores`);

    // ---------------------------------------------------------------------------------------
    // Badges: created and enabled through the badge model, which gives each to every member who
    // already qualifies (with its points and one notification each), exactly as on the platform.
    await book.flushTotals(db, iso(END));
    await writeTransaction(db, async (trx) => {
      const ids: number[] = [];
      for (const badge of BADGES) {
        const result = await createBadge({ ...badge, createdBy: difoca[0]!.id }, trx);
        if (!result.ok) throw new Error(`Badge ${badge.name}: ${JSON.stringify(result.errors)}`);
        ids.push(result.id);
      }
      await enableAutomaticBadges(ids, difoca[0]!.id, trx);
    });
    await book.load(db);
    const afterBadges = await countRows(db, "pointsLedger");
    phase("Insignias", `${(await countRows(db, "badgeAwards")).toLocaleString("es-PE")} insignias otorgadas`);

    // ---------------------------------------------------------------------------------------
    // Events: the rest of the ledger comes from attendance (national webinars are large).
    await writeTransaction(db, async (trx) => writer.within(trx, async () => {
      const macroregions = [...new Map(regions.map((x) => [x.macroregionId, x])).values()];
      const published = practices.filter((p) => p.status === "publicada");
      const eventSlugs = new Set<string>();
      const planned: { id: number; type: EventType; startsOn: string; at: number; capacity: number | null; past: boolean; appeal: number; regionIds: number[] | null }[] = [];
      for (let id = 1; id <= sizes.events; id++) {
        const type: EventType = id <= 4 ? (["intercambio", "webinar", "taller", "pasantia"] as const)[id - 1]! : r.weighted([["intercambio", 12], ["webinar", 65], ["taller", 15], ["pasantia", 8]] as const);
        const past = r.chance(0.9);
        const at = past ? between(START, END - 2 * DAY) : between(END + 2 * DAY, END + 90 * DAY);
        const startsOn = limaDay(at);
        const days = type === "intercambio" || type === "pasantia" ? 2 : 1;
        const macro = type === "intercambio" || type === "taller" ? r.pick(macroregions) : null;
        const host = macro ? r.pick(regions.filter((x) => x.macroregionId === macro.macroregionId)) : null;
        const title = `${r.pick(W.EVENT_TITLES[type])}${macro ? ` — Macrorregión ${macro.macroregionName}` : ""} ${startsOn.slice(0, 4)}`;
        const base = slugify(`${title} ${startsOn}`).slice(0, 90);
        let slug = base;
        for (let n = 2; eventSlugs.has(slug); n++) slug = `${base}-${n}`;
        eventSlugs.add(slug);
        const modality = type === "webinar" ? "virtual" : type === "intercambio" ? r.pick(["presencial", "mixta"] as const) : "presencial";
        const capacity = type === "webinar" ? null : type === "intercambio" ? r.int(150, 400) : r.int(30, 80);
        writer.add("events", {
          id, slug, type, title, summary: `Un espacio para compartir experiencias de gestión educativa entre ${macro ? `las regiones de la Macrorregión ${macro.macroregionName}` : "todas las regiones"}.`,
          startsOn, endsOn: limaDay(at + (days - 1) * DAY), startTime: type === "webinar" ? "16:00" : "09:00", endTime: type === "webinar" ? "18:00" : "17:00",
          macroregionId: macro?.macroregionId ?? null, hostRegionId: host?.id ?? null, modality, place: modality === "virtual" ? "" : `Auditorio de la DRE ${host?.name ?? "Lima Metropolitana"}`,
          meetingUrl: modality === "presencial" ? null : `https://meet.minedu.gob.pe/evento-${id}`, agenda: "- 09:00 Bienvenida\n- 09:30 Presentación de prácticas\n- 12:00 Diálogo con expertos",
          capacity, attendanceCode: null, status: "publicado", createdBy: r.pick(difoca).id, createdAt: iso(Math.max(START - 20 * DAY, at - 30 * DAY)), updatedAt: iso(Math.max(START - 20 * DAY, at - 30 * DAY)),
        });
        const regionIds = macro ? regions.filter((x) => x.macroregionId === macro.macroregionId).map((x) => x.id) : null;
        for (const regionId of regionIds ?? []) writer.add("eventRegions", { eventId: id, regionId });
        if (type === "intercambio") {
          const candidates = published.filter((p) => regionIds?.includes(p.regionId) && (p.publishedAt ?? 0) < at);
          r.sample(candidates, r.int(4, 8)).forEach((p, position) => {
            const commentator = r.pick(experts.filter((e) => e.active));
            writer.add("eventPractices", { eventId: id, practiceId: p.id, commentatorId: commentator.id, position });
          });
        }
        planned.push({ id, type, startsOn, at: new Date(`${startsOn}T${type === "webinar" ? "16" : "09"}:00:00.000-05:00`).getTime(), capacity, past, appeal: 0.6 + 0.8 * r.next(), regionIds });
      }

      // Attendance brings the ledger to its size: every past event draws about the same share of
      // the members who could attend it (already registered, in its macroregion), more or less by
      // its appeal and never beyond its capacity; what a full room cannot take goes to the others.
      const remaining = Math.max(0, sizes.ledger - afterBadges);
      const eligibleFor = planned.map((event) => activeMembers.filter((m) => m.createdAt < event.at && (event.regionIds === null || m.regionId === null || event.regionIds.includes(m.regionId))));
      const shares = shareAttendance(
        planned.map((event, k) => ({ eligible: event.past ? eligibleFor[k]!.length : 0, capacity: event.capacity, appeal: event.appeal })),
        remaining,
      );
      let registrations = 0;
      let attendances = 0;
      for (const [n, event] of planned.entries()) {
        const eligible = eligibleFor[n]!;
        const wanted = event.past ? shares[n]! : r.int(10, 200);
        const attendees = r.sample(eligible, event.past ? wanted : 0);
        const attending = new Set(attendees.map((m) => m.id));
        const extra = r.sample(eligible.filter((m) => !attending.has(m.id)), Math.min(Math.round(attendees.length * 0.15) + (event.past ? 0 : wanted), eligible.length - attending.size));
        const registeredAt = iso(event.at - r.int(3, 20) * DAY);
        for (const m of attendees) {
          writer.add("eventRegistrations", { eventId: event.id, userId: m.id, status: "inscrito", attended: 1, attendanceSource: r.chance(0.6) ? "codigo" : "lista", registeredAt, updatedAt: iso(event.at) });
          book.award({ userId: m.id, action: "event_attended", subjectType: "event", subjectId: event.id, key: `event_attended:${event.id}:${m.id}`, at: event.at });
          attendances += 1;
        }
        let seats = event.capacity === null ? Number.MAX_SAFE_INTEGER : event.capacity - attendees.length;
        for (const m of extra) {
          const status = r.chance(0.1) ? "cancelado" : seats > 0 ? "inscrito" : "en_espera";
          if (status === "inscrito") seats -= 1;
          writer.add("eventRegistrations", { eventId: event.id, userId: m.id, status, attended: 0, attendanceSource: null, registeredAt, updatedAt: registeredAt });
        }
        registrations += attendees.length + extra.length;
        for (const m of r.sample(attendees, Math.min(attendees.length, 5))) {
          writer.add("eventTestimonials", { eventId: event.id, userId: m.id, text: "Aprendí mucho de las experiencias de otras regiones; vamos a adaptar dos estrategias en nuestra UGEL.", hiddenAt: null, createdAt: iso(event.at + DAY) });
        }
        await writer.drain();
        progress("Eventos", n + 1, planned.length);
      }
      await writer.flush();
      log(`  ${registrations.toLocaleString("es-PE")} inscripciones, ${attendances.toLocaleString("es-PE")} asistencias`);
      if (attendances < remaining) log(`  Aviso: los eventos no tienen cupo para ${(remaining - attendances).toLocaleString("es-PE")} asistencias más; el libro de puntos queda por debajo de ${sizes.ledger.toLocaleString("es-PE")} filas.`);
    }));
    await book.flushTotals(db, iso(END));
    phase("Eventos", `${writer.count("events")} eventos, ${writer.count("eventRegistrations").toLocaleString("es-PE")} inscripciones`);

    // ---------------------------------------------------------------------------------------
    // The search index, through the search module (it fills the tables it creates).
    await writeTransaction(db, (trx) => ensureSearchIndex(trx));
    phase("Índice de búsqueda", "prácticas públicas y publicaciones de los muros");

    // The stored months of activity of each member (the panel's active members), from everything
    // written in bulk above, in one INSERT…SELECT through the activity model.
    const activityMonths = await writeTransaction(db, (trx) => rebuildMemberActivity(trx));
    phase("Meses de actividad", `${activityMonths.toLocaleString("es-PE")} pares miembro-mes`);

    await endBulkLoad(db);
    const check = await checkLedgerTotals(db);
    phase("Verificación", `claves foráneas, ANALYZE; totales = libro: ${check.differences.length === 0 ? "sí" : `NO (${check.differences.length} diferencias)`}`);

    const counts: Record<string, number> = {};
    for (const table of TABLES_TO_COUNT) counts[table] = await countRows(db, table);
    const accounts: { role: string; email: string }[] = [];
    for (const role of ["gestor", "experto", "difoca"] as const) {
      const rows = await db.selectFrom("users").select("email").where("role", "=", role).where("active", "=", 1).orderBy("id").limit(2).execute();
      for (const row of rows) accounts.push({ role, email: row.email });
    }
    return {
      file: options.file,
      sizes,
      counts,
      ledgerByAction: Object.fromEntries([...book.byAction].sort((a, b) => b[1] - a[1])),
      totalsMatchLedger: check.differences.length === 0,
      ledgerDifferences: check.differences.length,
      elapsedSeconds: (Date.now() - started) / 1000,
      phases,
      sizeBytes: statSync(options.file).size,
      password: BENCH_PASSWORD,
      accounts,
    };
  } finally {
    await db.destroy();
  }
}

/**
 * How many members attend each event so that together they make `wanted` attendances: the same
 * share λ of each event's eligible members scaled by its appeal (λ found by bisection), capped by
 * its capacity and by who is eligible. When every room is full the total falls short of `wanted`.
 */
export function shareAttendance(events: readonly { eligible: number; capacity: number | null; appeal: number }[], wanted: number): number[] {
  const room = events.map((e) => Math.min(e.eligible, e.capacity ?? Number.MAX_SAFE_INTEGER));
  const at = (lambda: number) => events.map((e, k) => Math.min(room[k]!, Math.floor(lambda * e.appeal * e.eligible)));
  const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
  if (sum(room) <= wanted) return room;
  let lo = 0;
  let hi = 1 / Math.min(...events.map((e) => e.appeal).filter((a) => a > 0));
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (sum(at(mid)) >= wanted) hi = mid;
    else lo = mid;
  }
  // At `hi` the total reaches `wanted`, perhaps by a few more (several counts step up together):
  // those are taken from the largest events.
  const counts = at(hi);
  let extra = sum(counts) - wanted;
  const largest = counts.map((_, k) => k).sort((a, b) => counts[b]! - counts[a]!);
  for (let i = 0; extra > 0; i = (i + 1) % largest.length) {
    const k = largest[i]!;
    if (counts[k]! > 0) {
      counts[k] = counts[k]! - 1;
      extra -= 1;
    }
  }
  return counts;
}

async function countRows(db: DB, table: (typeof TABLES_TO_COUNT)[number]): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

const FIRST_PRACTICES: readonly (readonly [Practice["status"], Stage])[] = [
  ["borrador", "inicial"], ["en_revision", "inicial"], ["publicada", "inicial"], ["publicada", "intermedio"], ["publicada", "avanzado"], ["archivada", "intermedio"],
];
const TRANSFER_STATUSES: readonly TransferStatus[] = ["pendiente", "en_curso", "suspendida", "completada", "rechazada", "cerrada"];
const ADVISORY_STATUSES: readonly AdvisoryStatus[] = ["solicitada", "propuesta", "confirmada", "realizada", "cancelada", "no_realizada"];

const BADGES: { name: string; level: "bronce" | "plata" | "oro"; kind: "automatica" | "manual"; description: string; criteria: string; rule: BadgeRule | null }[] = [
  { name: "Primera práctica publicada", level: "bronce", kind: "automatica", description: "Reconoce a quienes publicaron su primera buena práctica de gestión educativa.", criteria: "Formar parte del equipo de una buena práctica publicada.", rule: { type: "action_count", action: "practice_published", threshold: 1 } },
  { name: "Referente", level: "oro", kind: "automatica", description: "Reconoce a los equipos cuya práctica llegó al estadio avanzado.", criteria: "Formar parte del equipo de una práctica en estadio avanzado.", rule: { type: "action_count", action: "practice_promoted_avanzado", threshold: 1 } },
  { name: "Voz experta", level: "plata", kind: "automatica", description: "Reconoce a quienes acompañan a otros equipos con retroalimentación estructurada.", criteria: "Dar retroalimentación de experto a tres prácticas.", rule: { type: "action_count", action: "feedback_given", threshold: 3 } },
  { name: "Colaborador de desafíos", level: "plata", kind: "automatica", description: "Reconoce a quienes ayudan a resolver los desafíos de sus colegas.", criteria: "Hacer diez aportes en el muro de desafíos.", rule: { type: "action_count", action: "challenge_contribution", threshold: 10 } },
  { name: "Transferencia lograda", level: "oro", kind: "automatica", description: "Reconoce a los equipos cuya práctica fue adoptada por una IGED de otra región.", criteria: "Formar parte del equipo de una práctica cuya transferencia se completó.", rule: { type: "action_count", action: "transfer_completed_source", threshold: 1 } },
  { name: "Mentor de la red", level: "oro", kind: "manual", description: "Reconoce a quienes acompañan a otros equipos de manera sostenida.", criteria: "DIFOCA la otorga a quien acompañó a varios equipos durante el año.", rule: null },
];
