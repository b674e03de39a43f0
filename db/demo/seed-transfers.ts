// Loads the demo transfers through the transfer model, so the demo shows exactly what the platform
// does: the request, DIFOCA's decision, each stage with its date, note and evidence links, a
// suspension and its resumption, and the completion that earns both teams their points and sets
// off the automatic badges. Every step is dated at its own moment (`at`), in order.
import { requestAdvisory } from "~/models/advisory.server";
import { getIgedByName } from "~/models/iged.server";
import { listAdvancedPractices } from "~/models/practice.server";
import {
  addTransferEvidence,
  advanceTransfer,
  changeTransferStatus,
  decideTransfer,
  listTransfers,
  requestTransfer,
  type TransferResult,
} from "~/models/transfer.server";
import { getMemberByEmail } from "~/models/user.server";
import { localToUtc } from "~/utils/advisory-slots";
import { TRANSFERS, type Actor, type LimaTime, type TransferSeed } from "./transfers";

/** A moment in Lima as an ISO instant, refused if it is not in the past. */
function lima(at: LimaTime, now: Date): string {
  const [date, time] = at.split(" ");
  const iso = date && time ? localToUtc(date, time) : null;
  if (!iso) throw new Error(`Demo: fecha no válida ${at}`);
  if (Date.parse(iso) >= now.getTime()) throw new Error(`Demo: ${at} debería estar en el pasado`);
  return iso;
}

async function memberId(email: string): Promise<number> {
  const member = await getMemberByEmail(email);
  if (!member) throw new Error(`Demo: no existe el miembro ${email}`);
  return member.id;
}

function check(result: TransferResult | { ok: false; reason: "evidence"; error: string }, what: string): void {
  if (!result.ok) throw new Error(`Demo: ${what} fue rechazado (${result.reason}${"error" in result ? `: ${result.error}` : ""})`);
}

async function seedTransfer(seed: TransferSeed, difocaId: number, advanced: Map<string, number>, now: Date): Promise<void> {
  const practiceId = advanced.get(seed.practice);
  if (practiceId === undefined) throw new Error(`Demo: «${seed.practice}» no es una práctica publicada en estadio avanzado`);
  const receiving = await getIgedByName(seed.receivingIged);
  if (!receiving) throw new Error(`Demo: no existe la IGED ${seed.receivingIged}`);
  const actor = (who: Actor) => (who === "difoca" ? Promise.resolve(difocaId) : memberId(who));
  const what = `la transferencia de «${seed.practice}» a ${seed.receivingIged}`;

  const requested = await requestTransfer({
    practiceId,
    requestedBy: await memberId(seed.requestedBy),
    receivingIgedId: receiving.id,
    reason: seed.reason,
    context: seed.context,
    at: lima(seed.requestedAt, now),
  });
  if (!requested.ok) throw new Error(`Demo: la solicitud de ${what} fue rechazada (${requested.reason})`);
  const transferId = requested.id;
  if (!seed.decision) return;

  const { decision } = seed;
  check(await decideTransfer({ transferId, actorId: difocaId, accept: decision.accept, reason: decision.note, at: lima(decision.at, now) }), `la decisión sobre ${what}`);

  for (const step of seed.steps ?? []) {
    const at = lima(step.at, now);
    const actorId = await actor(step.by);
    if (step.move === "suspend" || step.move === "resume") {
      check(await changeTransferStatus({ transferId, actorId, action: step.move, reason: step.note, at }), `${step.move} de ${what}`);
      continue;
    }
    const moved = await advanceTransfer({
      transferId,
      actorId,
      toStage: step.move,
      note: step.note,
      // The step's own day in Lima, the same moment as `at`.
      occurredOn: step.at.slice(0, 10),
      evidence: step.evidence ? { title: step.evidence.title, url: step.evidence.url } : null,
      at,
    });
    check(moved, `el paso a «${step.move}» de ${what}`);
  }

  for (const link of seed.moreEvidence ?? []) {
    check(await addTransferEvidence({ transferId, actorId: await memberId(link.by), title: link.title, url: link.url }), `la evidencia «${link.title}» de ${what}`);
  }

  if (seed.advisory) {
    const at = lima(seed.advisory.at, now);
    const asked = await requestAdvisory({
      practiceId,
      requestedBy: await memberId(seed.advisory.requestedBy),
      type: "transferencia",
      topic: seed.advisory.topic,
      needs: seed.advisory.needs,
      modality: "virtual",
      advisorId: null,
      startsAt: null,
      minutes: null,
      transferId,
      now: new Date(at),
      at,
    });
    if (!asked.ok) throw new Error(`Demo: la asesoría sobre ${what} fue rechazada (${asked.reason})`);
  }
}

/** Loads the demo transfers once: after the practices, badges and advisories, into a platform without transfers. */
export async function seedTransfers(difocaId: number, now: Date = new Date()): Promise<void> {
  if ((await listTransfers({ pageSize: 1 })).total > 0) return;
  const advanced = new Map((await listAdvancedPractices()).map((p) => [p.title, p.id]));
  // In the order they were asked for, so ids and histories read like the platform's past.
  const ordered = [...TRANSFERS].sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  for (const seed of ordered) await seedTransfer(seed, difocaId, advanced, now);
}
