// Transfers (transferencia y escalamiento): an advanced practice adopted by an IGED of another
// region. A member of the receiving IGED asks, DIFOCA accepts or declines, and the people of both
// sides move it through its stages with dated notes and evidence until DIFOCA validates it as
// institutionalized; completing it earns points for both teams. Every move is kept.
import { sql, type SqlBool } from "kysely";
import type { TransferStage, TransferStatus } from "../../db/schema";
import type { NotificationType } from "~/utils/notification-types";
import { notify } from "~/models/notification.server";
import { awardPoints } from "~/models/points.server";
import { activeTeamIds } from "~/models/practice.server";
import { listActiveDifocaIds } from "~/models/user.server";
import { nowIso, todayInLima, limaYearBounds } from "~/utils/dates";
import { cachedAggregate } from "~/utils/cache.server";
import { getDb, writeTransaction, type DB } from "~/utils/db.server";
import { isWebUrl } from "~/utils/evidence-validation.server";
import { deleteStoredUpload, storeUpload } from "~/utils/uploads.server";
import { DIFOCA_STAGES, nextTransferStage, OPEN_TRANSFER_STATUSES, TRANSFER_STAGE_LABELS } from "~/utils/transfer-labels";

export type { TransferStage, TransferStatus } from "../../db/schema";

/** Why a transfer action was refused; the route turns it into a status and a Spanish message. */
export type TransferRefusal =
  | "not_found"
  | "not_advanced" // only practices in stage avanzado can be requested
  | "not_public" // the practice is not published
  | "own_iged" // an IGED cannot request its own practice
  | "already_open" // one open transfer per practice and receiving IGED
  | "not_allowed" // not a responsible person of the transfer nor DIFOCA
  | "difoca_only" // the last two stages are validated by DIFOCA
  | "wrong_stage" // not the next stage
  | "wrong_status" // e.g. moving a suspended or declined transfer
  | "bad_date" // in the future, or before the previous step
  | "not_member" // the person to add is not an active member
  | "wrong_side" // a responsible person manages only their own side's people
  | "last_participant" // each side keeps at least one responsible person
  | "difoca_participant" // DIFOCA follows every transfer: it is never one of its responsible people
  | "already_participant" // the person is already responsible for the transfer
  | "not_source_member" // the source side holds the practice's team and people of its IGEDs
  | "not_receiving_member" // the receiving side holds people of the receiving IGED
  | "contact_required"; // DIFOCA asking on behalf of an IGED names its responsible person there

export type TransferResult<T = object> = ({ ok: true } & T) | { ok: false; reason: TransferRefusal };

const refuse = (reason: TransferRefusal) => ({ ok: false, reason }) as const;

async function isDifoca(userId: number, db: DB): Promise<boolean> {
  const row = await db.selectFrom("users").select("role").where("id", "=", userId).executeTakeFirst();
  return row?.role === "difoca";
}

async function participantIds(transferId: number, db: DB, side?: "source" | "receiving"): Promise<number[]> {
  let query = db
    .selectFrom("transferParticipants")
    .innerJoin("users", "users.id", "transferParticipants.userId")
    .select("users.id")
    .where("transferParticipants.transferId", "=", transferId)
    .where("users.active", "=", 1);
  if (side) query = query.where("transferParticipants.side", "=", side);
  const rows = await query.orderBy("transferParticipants.addedAt").execute();
  return rows.map((r) => r.id);
}

/** Whether a member may move the transfer: one of its responsible people, or DIFOCA. */
export async function canMoveTransfer(transferId: number, userId: number, db: DB = getDb()): Promise<boolean> {
  if (await isDifoca(userId, db)) return true;
  return (await participantIds(transferId, db)).includes(userId);
}

async function loadTransfer(id: number, db: DB) {
  return db
    .selectFrom("transfers")
    .innerJoin("practices", "practices.id", "transfers.practiceId")
    .innerJoin("igeds as receiving", "receiving.id", "transfers.receivingIgedId")
    .select([
      "transfers.id",
      "transfers.practiceId",
      "transfers.stage",
      "transfers.status",
      "transfers.requestedBy",
      "transfers.createdAt",
      "transfers.sourceIgedId",
      "transfers.receivingIgedId",
      "practices.leadIgedId",
      "practices.title as practiceTitle",
      "receiving.name as receivingIgedName",
    ])
    .where("transfers.id", "=", id)
    .executeTakeFirst();
}

async function tellEveryone(transferId: number, except: number | null, message: { type: NotificationType; title: string; body?: string }, db: DB, alsoDifoca = false) {
  const ids = new Set(await participantIds(transferId, db));
  if (alsoDifoca) for (const id of await listActiveDifocaIds(db)) ids.add(id);
  if (except !== null) ids.delete(except);
  await notify(
    [...ids].map((userId) => ({ userId, type: message.type, title: message.title, body: message.body ?? "", link: `/transferencias/${transferId}` })),
    db,
  );
}

async function lastStepDate(transferId: number, db: DB): Promise<string | null> {
  const row = await db
    .selectFrom("transferSteps")
    .select((eb) => eb.fn.max("occurredOn").as("last"))
    .where("transferId", "=", transferId)
    // Notes (such as a change of responsible people) are written the day they happen; a stage
    // reached earlier may still be recorded after them.
    .where("type", "!=", "note")
    .executeTakeFirst();
  return (row?.last as string | null | undefined) ?? null;
}

async function recordStep(
  input: { transferId: number; type: "requested" | "accepted" | "declined" | "advanced" | "suspended" | "resumed" | "closed" | "note"; fromStage?: TransferStage | null; toStage?: TransferStage | null; note?: string; occurredOn: string; actorId: number | null; at?: string },
  db: DB,
): Promise<number> {
  const row = await db
    .insertInto("transferSteps")
    .values({
      transferId: input.transferId,
      type: input.type,
      fromStage: input.fromStage ?? null,
      toStage: input.toStage ?? null,
      note: input.note ?? "",
      occurredOn: input.occurredOn,
      actorId: input.actorId,
      createdAt: input.at ?? nowIso(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

// ---------------------------------------------------------------------------------------------
// Requesting and deciding

/**
 * A member asks for an advanced practice to be transferred to an IGED (theirs, usually of another
 * region). The practice's team and the requester become the responsible people of each side.
 * DIFOCA may ask on behalf of an IGED: then it names `receivingContactId`, an active member of that
 * IGED who becomes the receiving side's responsible person (DIFOCA itself never is one).
 */
export async function requestTransfer(
  input: { practiceId: number; requestedBy: number; receivingIgedId: number; receivingContactId?: number | null; reason: string; context: string; at?: string },
  db: DB = getDb(),
): Promise<TransferResult<{ id: number }>> {
  return writeTransaction(db, async (trx) => {
    const practice = await trx
      .selectFrom("practices")
      .select(["id", "title", "stage", "status", "leadIgedId", "regionId"])
      .where("id", "=", input.practiceId)
      .executeTakeFirst();
    if (!practice) return refuse("not_found");
    if (practice.status !== "publicada") return refuse("not_public");
    if (practice.stage !== "avanzado") return refuse("not_advanced");
    const receiving = await trx.selectFrom("igeds").select(["id", "regionId", "name"]).where("id", "=", input.receivingIgedId).executeTakeFirst();
    if (!receiving) return refuse("not_found");
    const shares = await trx
      .selectFrom("practiceIgeds")
      .select("igedId")
      .where("practiceId", "=", practice.id)
      .where("igedId", "=", receiving.id)
      .executeTakeFirst();
    if (receiving.id === practice.leadIgedId || shares) return refuse("own_iged");
    const open = await trx
      .selectFrom("transfers")
      .select("id")
      .where("practiceId", "=", practice.id)
      .where("receivingIgedId", "=", receiving.id)
      .where("status", "in", OPEN_TRANSFER_STATUSES)
      .executeTakeFirst();
    if (open) return refuse("already_open");
    const byDifoca = await isDifoca(input.requestedBy, trx);
    let receiver = input.requestedBy;
    if (byDifoca) {
      if (!input.receivingContactId) return refuse("contact_required");
      if (!(await belongsToIged(input.receivingContactId, [receiving.id], trx))) return refuse("not_receiving_member");
      receiver = input.receivingContactId;
    }

    const at = input.at ?? nowIso();
    const { id } = await trx
      .insertInto("transfers")
      .values({
        practiceId: practice.id,
        sourceIgedId: practice.leadIgedId,
        sourceRegionId: practice.regionId,
        receivingIgedId: receiving.id,
        receivingRegionId: receiving.regionId,
        requestedBy: input.requestedBy,
        reason: input.reason,
        context: input.context,
        stage: "solicitud",
        status: "pendiente",
        statusReason: null,
        createdAt: at,
        updatedAt: at,
        completedAt: null,
        endedAt: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const team = await activeTeamIds(practice.id, trx);
    const participants = [
      ...team.map((userId) => ({ transferId: id, userId, side: "source" as const, addedAt: at })),
      ...(team.includes(receiver) ? [] : [{ transferId: id, userId: receiver, side: "receiving" as const, addedAt: at }]),
    ];
    if (participants.length > 0) await trx.insertInto("transferParticipants").values(participants).execute();
    await recordStep({ transferId: id, type: "requested", toStage: "solicitud", note: input.reason, occurredOn: todayInLima(new Date(at)), actorId: input.requestedBy, at }, trx);
    await tellEveryone(id, input.requestedBy, { type: "transfer_requested", title: `${receiving.name} solicitó la transferencia de «${practice.title}»` }, trx, true);
    return { ok: true, id } as const;
  });
}

/** DIFOCA accepts a request (the transfer starts) or declines it with a reason. */
export async function decideTransfer(input: { transferId: number; actorId: number; accept: boolean; reason: string; at?: string }, db: DB = getDb()): Promise<TransferResult> {
  return writeTransaction(db, async (trx) => {
    const transfer = await loadTransfer(input.transferId, trx);
    if (!transfer) return refuse("not_found");
    if (!(await isDifoca(input.actorId, trx))) return refuse("difoca_only");
    if (transfer.status !== "pendiente") return refuse("wrong_status");
    const at = input.at ?? nowIso();
    await trx
      .updateTable("transfers")
      .set({ status: input.accept ? "en_curso" : "rechazada", statusReason: input.accept ? null : input.reason, updatedAt: at, endedAt: input.accept ? null : at })
      .where("id", "=", transfer.id)
      .execute();
    await recordStep({ transferId: transfer.id, type: input.accept ? "accepted" : "declined", note: input.reason, occurredOn: todayInLima(new Date(at)), actorId: input.actorId, at }, trx);
    await tellEveryone(
      transfer.id,
      input.actorId,
      {
        type: input.accept ? "transfer_accepted" : "transfer_declined",
        title: input.accept
          ? `DIFOCA aceptó la transferencia de «${transfer.practiceTitle}» a ${transfer.receivingIgedName}`
          : `DIFOCA no aceptó la transferencia de «${transfer.practiceTitle}» a ${transfer.receivingIgedName}`,
        body: input.reason ? `${input.accept ? "Nota" : "Motivo"}: ${input.reason}` : "",
      },
      trx,
    );
    return { ok: true } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Moving through the stages

export interface EvidenceInput {
  title: string;
  file?: FormDataEntryValue | null;
  url?: string | null;
}

/**
 * Moves an ongoing transfer to its next stage, on a date, with a note and optional evidence. The
 * responsible people of either side move the first stages; DIFOCA validates evaluation and
 * institutionalization. Institutionalizing completes it: both teams earn their points.
 */
export async function advanceTransfer(
  input: { transferId: number; actorId: number; toStage: TransferStage; note: string; occurredOn: string; evidence?: EvidenceInput | null; at?: string },
  db: DB = getDb(),
): Promise<TransferResult<{ completed: boolean }> | { ok: false; reason: "evidence"; error: string }> {
  // A file is stored before the transaction (disk is not transactional) and removed if the move is refused.
  let stored: { storedName: string; fileName: string; mime: string; size: number } | null = null;
  if (input.evidence?.file) {
    const upload = await storeUpload(input.evidence.file);
    if (!upload.ok) return { ok: false, reason: "evidence", error: upload.error };
    stored = upload;
  }
  try {
    const result = await writeTransaction(db, async (trx): Promise<TransferResult<{ completed: boolean }>> => {
      const transfer = await loadTransfer(input.transferId, trx);
      if (!transfer) return refuse("not_found");
      if (!(await canMoveTransfer(transfer.id, input.actorId, trx))) return refuse("not_allowed");
      if (transfer.status !== "en_curso") return refuse("wrong_status");
      if (nextTransferStage(transfer.stage) !== input.toStage) return refuse("wrong_stage");
      if (DIFOCA_STAGES.includes(input.toStage) && !(await isDifoca(input.actorId, trx))) return refuse("difoca_only");
      const today = todayInLima();
      const last = await lastStepDate(transfer.id, trx);
      if (input.occurredOn > today || (last !== null && input.occurredOn < last)) return refuse("bad_date");

      const at = input.at ?? nowIso();
      const completed = input.toStage === "institucionalizada";
      await trx
        .updateTable("transfers")
        .set({ stage: input.toStage, status: completed ? "completada" : "en_curso", updatedAt: at, completedAt: completed ? at : null, endedAt: completed ? at : null })
        .where("id", "=", transfer.id)
        .execute();
      const stepId = await recordStep({ transferId: transfer.id, type: "advanced", fromStage: transfer.stage, toStage: input.toStage, note: input.note, occurredOn: input.occurredOn, actorId: input.actorId, at }, trx);
      if (input.evidence) await insertEvidence({ transferId: transfer.id, stepId, stage: input.toStage, uploadedBy: input.actorId, title: input.evidence.title, url: input.evidence.url ?? null, stored, at }, trx);

      if (completed) {
        const occurredAt = new Date(`${input.occurredOn}T12:00:00.000-05:00`).toISOString();
        for (const [side, action] of [["source", "transfer_completed_source"], ["receiving", "transfer_completed_receiver"]] as const) {
          for (const userId of await participantIds(transfer.id, trx, side)) {
            await awardPoints({ userId, action, subjectType: "transfer", subjectId: transfer.id, key: `${action}:${transfer.id}:${userId}`, occurredAt, actorId: input.actorId }, trx);
          }
        }
      }
      await tellEveryone(
        transfer.id,
        input.actorId,
        {
          type: completed ? "transfer_completed" : "transfer_advanced",
          title: completed
            ? `La transferencia de «${transfer.practiceTitle}» a ${transfer.receivingIgedName} se completó: la práctica quedó institucionalizada`
            : `La transferencia de «${transfer.practiceTitle}» a ${transfer.receivingIgedName} pasó a la etapa «${TRANSFER_STAGE_LABELS[input.toStage]}»`,
        },
        trx,
      );
      return { ok: true, completed } as const;
    });
    if (!result.ok && stored) await deleteStoredUpload(stored.storedName);
    return result;
  } catch (error) {
    if (stored) await deleteStoredUpload(stored.storedName);
    throw error;
  }
}

async function insertEvidence(
  input: { transferId: number; stepId: number | null; stage: TransferStage; uploadedBy: number; title: string; url: string | null; stored: { storedName: string; fileName: string; mime: string; size: number } | null; at: string },
  db: DB,
): Promise<number> {
  const row = await db
    .insertInto("transferEvidence")
    .values({
      transferId: input.transferId,
      stepId: input.stepId,
      stage: input.stage,
      kind: input.stored ? "archivo" : "enlace",
      title: input.title,
      url: input.stored ? null : input.url,
      fileName: input.stored?.fileName ?? null,
      storedName: input.stored?.storedName ?? null,
      mimeType: input.stored?.mime ?? null,
      sizeBytes: input.stored?.size ?? null,
      uploadedBy: input.uploadedBy,
      createdAt: input.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Adds evidence to the transfer's current stage (a file through the one upload handler, or a link). */
export async function addTransferEvidence(
  input: { transferId: number; actorId: number; title: string; file?: FormDataEntryValue | null; url?: string | null },
  db: DB = getDb(),
): Promise<TransferResult<{ id: number }> | { ok: false; reason: "evidence"; error: string }> {
  if (!(await canMoveTransfer(input.transferId, input.actorId, db))) return refuse("not_allowed");
  const transfer = await loadTransfer(input.transferId, db);
  if (!transfer) return refuse("not_found");
  if (input.file) {
    const stored = await storeUpload(input.file);
    if (!stored.ok) return { ok: false, reason: "evidence", error: stored.error };
    try {
      const id = await insertEvidence({ transferId: transfer.id, stepId: null, stage: transfer.stage, uploadedBy: input.actorId, title: input.title, url: null, stored, at: nowIso() }, db);
      return { ok: true, id };
    } catch (error) {
      await deleteStoredUpload(stored.storedName);
      throw error;
    }
  }
  const url = (input.url ?? "").trim();
  if (!isWebUrl(url)) return { ok: false, reason: "evidence", error: "Escribe un enlace que empiece con https:// o http://." };
  const id = await insertEvidence({ transferId: transfer.id, stepId: null, stage: transfer.stage, uploadedBy: input.actorId, title: input.title, url, stored: null, at: nowIso() }, db);
  return { ok: true, id };
}

/** Suspends (en_curso → suspendida), resumes (suspendida → en_curso) or closes (any open state → cerrada) with a reason. */
export async function changeTransferStatus(
  input: { transferId: number; actorId: number; action: "suspend" | "resume" | "close"; reason: string; at?: string },
  db: DB = getDb(),
): Promise<TransferResult> {
  return writeTransaction(db, async (trx) => {
    const transfer = await loadTransfer(input.transferId, trx);
    if (!transfer) return refuse("not_found");
    if (!(await canMoveTransfer(transfer.id, input.actorId, trx))) return refuse("not_allowed");
    const allowed: Record<typeof input.action, TransferStatus[]> = { suspend: ["en_curso"], resume: ["suspendida"], close: ["pendiente", "en_curso", "suspendida"] };
    if (!allowed[input.action].includes(transfer.status)) return refuse("wrong_status");
    const status: TransferStatus = input.action === "suspend" ? "suspendida" : input.action === "resume" ? "en_curso" : "cerrada";
    const at = input.at ?? nowIso();
    await trx
      .updateTable("transfers")
      .set({ status, statusReason: input.action === "resume" ? null : input.reason, updatedAt: at, endedAt: status === "cerrada" ? at : null })
      .where("id", "=", transfer.id)
      .execute();
    const type = input.action === "suspend" ? "suspended" : input.action === "resume" ? "resumed" : "closed";
    await recordStep({ transferId: transfer.id, type, note: input.reason, occurredOn: todayInLima(new Date(at)), actorId: input.actorId, at }, trx);
    const verb = input.action === "suspend" ? "se suspendió" : input.action === "resume" ? "se reanudó" : "se cerró";
    await tellEveryone(transfer.id, input.actorId, { type: `transfer_${type}`, title: `La transferencia de «${transfer.practiceTitle}» a ${transfer.receivingIgedName} ${verb}`, body: `Motivo: ${input.reason}` }, trx);
    return { ok: true } as const;
  });
}

type TransferSide = "source" | "receiving";

const SIDE_NAMES: Record<TransferSide, string> = { source: "del equipo de la práctica", receiving: "de la IGED receptora" };

/** Whether a user is an active member, not DIFOCA, of one of `igedIds`. */
async function belongsToIged(userId: number, igedIds: number[], db: DB): Promise<boolean> {
  if (igedIds.length === 0) return false;
  const row = await db
    .selectFrom("users")
    .select("id")
    .where("id", "=", userId)
    .where("active", "=", 1)
    .where("role", "!=", "difoca")
    .where("igedId", "in", igedIds)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Who may be responsible on a side: on the source side the practice's team and the people of the
 * IGED it came from or that lead or share it; on the receiving side the people of the receiving IGED.
 */
async function mayHoldSide(
  transfer: { practiceId: number; sourceIgedId: number; leadIgedId: number; receivingIgedId: number },
  userId: number,
  side: TransferSide,
  db: DB,
): Promise<boolean> {
  if (side === "receiving") return belongsToIged(userId, [transfer.receivingIgedId], db);
  if ((await activeTeamIds(transfer.practiceId, db)).includes(userId)) return true;
  const shared = await db.selectFrom("practiceIgeds").select("igedId").where("practiceId", "=", transfer.practiceId).execute();
  return belongsToIged(userId, [...new Set([transfer.sourceIgedId, transfer.leadIgedId, ...shared.map((r) => r.igedId)])], db);
}

/** The sides whose people `actorId` manages: DIFOCA both, a responsible person their own, anyone else none. */
async function managedSides(transferId: number, actorId: number, db: DB): Promise<TransferSide[]> {
  if (await isDifoca(actorId, db)) return ["source", "receiving"];
  const row = await db
    .selectFrom("transferParticipants")
    .innerJoin("users", "users.id", "transferParticipants.userId")
    .select("transferParticipants.side")
    .where("transferParticipants.transferId", "=", transferId)
    .where("transferParticipants.userId", "=", actorId)
    .where("users.active", "=", 1)
    .executeTakeFirst();
  return row ? [row.side] : [];
}

/**
 * Adds a responsible person to one side: DIFOCA to either, a responsible person to their own. The
 * person must belong to that side (see mayHoldSide); DIFOCA staff are never added. Kept in the history.
 */
export async function addTransferParticipant(
  input: { transferId: number; actorId: number; userId: number; side: TransferSide; at?: string },
  db: DB = getDb(),
): Promise<TransferResult> {
  return writeTransaction(db, async (trx) => {
    const transfer = await loadTransfer(input.transferId, trx);
    if (!transfer) return refuse("not_found");
    const sides = await managedSides(transfer.id, input.actorId, trx);
    if (sides.length === 0) return refuse("not_allowed");
    if (!sides.includes(input.side)) return refuse("wrong_side");
    const member = await trx.selectFrom("users").select(["id", "name", "role"]).where("id", "=", input.userId).where("active", "=", 1).executeTakeFirst();
    if (!member) return refuse("not_member");
    if (member.role === "difoca") return refuse("difoca_participant");
    const existing = await trx.selectFrom("transferParticipants").select("side").where("transferId", "=", transfer.id).where("userId", "=", member.id).executeTakeFirst();
    if (existing) return refuse("already_participant");
    if (!(await mayHoldSide(transfer, member.id, input.side, trx))) return refuse(input.side === "source" ? "not_source_member" : "not_receiving_member");
    const at = input.at ?? nowIso();
    await trx.insertInto("transferParticipants").values({ transferId: transfer.id, userId: member.id, side: input.side, addedAt: at }).execute();
    await recordStep({ transferId: transfer.id, type: "note", note: `Agregó a ${member.name} como responsable ${SIDE_NAMES[input.side]}.`, occurredOn: todayInLima(new Date(at)), actorId: input.actorId, at }, trx);
    if (member.id !== input.actorId) {
      await notify({ userId: member.id, type: "transfer_participant", title: `Ahora eres responsable de la transferencia de «${transfer.practiceTitle}» a ${transfer.receivingIgedName}`, link: `/transferencias/${transfer.id}` }, trx);
    }
    return { ok: true } as const;
  });
}

/** Takes a responsible person off: DIFOCA on either side, a responsible person on their own; never the last one of a side. */
export async function removeTransferParticipant(input: { transferId: number; actorId: number; userId: number; at?: string }, db: DB = getDb()): Promise<TransferResult> {
  return writeTransaction(db, async (trx) => {
    const transfer = await loadTransfer(input.transferId, trx);
    if (!transfer) return refuse("not_found");
    const sides = await managedSides(transfer.id, input.actorId, trx);
    if (sides.length === 0) return refuse("not_allowed");
    const person = await trx
      .selectFrom("transferParticipants")
      .innerJoin("users", "users.id", "transferParticipants.userId")
      .select(["users.id", "users.name", "transferParticipants.side"])
      .where("transferParticipants.transferId", "=", transfer.id)
      .where("transferParticipants.userId", "=", input.userId)
      .executeTakeFirst();
    if (!person) return refuse("not_member");
    if (!sides.includes(person.side)) return refuse("wrong_side");
    const others = (await participantIds(transfer.id, trx, person.side)).filter((id) => id !== person.id);
    if (others.length === 0) return refuse("last_participant");
    await trx.deleteFrom("transferParticipants").where("transferId", "=", transfer.id).where("userId", "=", person.id).execute();
    const at = input.at ?? nowIso();
    await recordStep({ transferId: transfer.id, type: "note", note: `Quitó a ${person.name} como responsable ${SIDE_NAMES[person.side]}.`, occurredOn: todayInLima(new Date(at)), actorId: input.actorId, at }, trx);
    return { ok: true } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface TransferFilters {
  sourceRegionSlug?: string;
  receivingRegionSlug?: string;
  stage?: TransferStage;
  status?: TransferStatus;
  practiceId?: number;
  year?: number;
  page?: number;
  pageSize?: number;
}

export interface TransferListItem {
  id: number;
  practiceId: number;
  practiceSlug: string;
  practiceTitle: string;
  sourceIgedName: string;
  sourceRegionName: string;
  sourceRegionSlug: string;
  receivingIgedName: string;
  receivingRegionName: string;
  receivingRegionSlug: string;
  stage: TransferStage;
  status: TransferStatus;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

/**
 * A transfer belongs to a year's list when it was open at some point of it: asked for before the
 * year's end and not ended (completed, closed or declined) before its start.
 */
export function transferOpenInYear(year: number) {
  const { start, end } = limaYearBounds(year);
  return sql<SqlBool>`(transfers.created_at < ${end} and (transfers.ended_at is null or transfers.ended_at >= ${start}))`;
}

/**
 * The one definition of a transfer process active in a year, for the dashboard, the map and the
 * exports: DIFOCA accepted it (a request pending, declined or withdrawn before acceptance is not a
 * process) and it was open at some point of the year.
 */
export function transferActiveInYear(year: number) {
  return sql<SqlBool>`(exists (select 1 from transfer_steps where transfer_steps.transfer_id = transfers.id and transfer_steps.type = 'accepted') and ${transferOpenInYear(year)})`;
}

function transferQuery(db: DB) {
  return db
    .selectFrom("transfers")
    .innerJoin("practices", "practices.id", "transfers.practiceId")
    .innerJoin("igeds as sourceIged", "sourceIged.id", "transfers.sourceIgedId")
    .innerJoin("regions as sourceRegion", "sourceRegion.id", "transfers.sourceRegionId")
    .innerJoin("igeds as receivingIged", "receivingIged.id", "transfers.receivingIgedId")
    .innerJoin("regions as receivingRegion", "receivingRegion.id", "transfers.receivingRegionId");
}

/** Every transfer (declined ones too), filtered, newest first. */
export async function listTransfers(filters: TransferFilters = {}, db: DB = getDb()) {
  const pageSize = filters.pageSize ?? 20;
  const page = Math.max(1, filters.page ?? 1);
  let query = transferQuery(db);
  if (filters.sourceRegionSlug) query = query.where("sourceRegion.slug", "=", filters.sourceRegionSlug);
  if (filters.receivingRegionSlug) query = query.where("receivingRegion.slug", "=", filters.receivingRegionSlug);
  if (filters.stage) query = query.where("transfers.stage", "=", filters.stage);
  if (filters.status) query = query.where("transfers.status", "=", filters.status);
  if (filters.practiceId) query = query.where("transfers.practiceId", "=", filters.practiceId);
  if (filters.year) query = query.where(transferOpenInYear(filters.year));
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const items = await query
    .select([
      "transfers.id",
      "transfers.practiceId",
      "practices.slug as practiceSlug",
      "practices.title as practiceTitle",
      "sourceIged.name as sourceIgedName",
      "sourceRegion.name as sourceRegionName",
      "sourceRegion.slug as sourceRegionSlug",
      "receivingIged.name as receivingIgedName",
      "receivingRegion.name as receivingRegionName",
      "receivingRegion.slug as receivingRegionSlug",
      "transfers.stage",
      "transfers.status",
      "transfers.createdAt",
      "transfers.updatedAt",
      "transfers.completedAt",
    ])
    .orderBy("transfers.updatedAt", "desc")
    .orderBy("transfers.id", "desc")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items: items as TransferListItem[], total: Number(total), page, pageSize, pages: Math.max(1, Math.ceil(Number(total) / pageSize)) };
}

/**
 * Flows between regions for the map: today, transfers under way or completed (declined and closed
 * ones left out); for a year, the processes active in it (one closed during the year counts).
 */
export async function transferFlows(filters: { year?: number } = {}, db: DB = getDb()) {
  const query = filters.year
    ? transferQuery(db).where(transferActiveInYear(filters.year))
    : transferQuery(db).where("transfers.status", "in", ["en_curso", "suspendida", "completada"]);
  const rows = await query
    .select([
      "sourceRegion.slug as from",
      "sourceRegion.name as fromName",
      "receivingRegion.slug as to",
      "receivingRegion.name as toName",
      (eb) => eb.fn.countAll<number>().as("count"),
      sql<number>`sum(case when transfers.status = 'completada' then 1 else 0 end)`.as("completed"),
    ])
    .groupBy(["sourceRegion.slug", "sourceRegion.name", "receivingRegion.slug", "receivingRegion.name"])
    .orderBy("count", "desc")
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count), completed: Number(r.completed) }));
}

export interface TransferDetail extends TransferListItem {
  endedAt: string | null;
  /** DIFOCA accepted the request at some point: until then its texts and evidence are for its people and DIFOCA. */
  accepted: boolean;
  reason: string;
  context: string;
  statusReason: string | null;
  requestedBy: { id: number; name: string };
  practiceStage: string;
  participants: { userId: number; name: string; position: string; igedName: string | null; side: "source" | "receiving" }[];
  steps: { id: number; type: string; fromStage: TransferStage | null; toStage: TransferStage | null; note: string; occurredOn: string; actorName: string | null; createdAt: string }[];
  evidence: { id: number; stepId: number | null; stage: TransferStage; kind: "archivo" | "enlace"; title: string; url: string | null; fileName: string | null; mimeType: string | null; sizeBytes: number | null; uploaderName: string; createdAt: string }[];
}

export async function getTransfer(id: number, db: DB = getDb()): Promise<TransferDetail | undefined> {
  const row = await transferQuery(db)
    .innerJoin("users as requester", "requester.id", "transfers.requestedBy")
    .select([
      "transfers.id",
      "transfers.practiceId",
      "practices.slug as practiceSlug",
      "practices.title as practiceTitle",
      "practices.stage as practiceStage",
      "sourceIged.name as sourceIgedName",
      "sourceRegion.name as sourceRegionName",
      "sourceRegion.slug as sourceRegionSlug",
      "receivingIged.name as receivingIgedName",
      "receivingRegion.name as receivingRegionName",
      "receivingRegion.slug as receivingRegionSlug",
      "transfers.stage",
      "transfers.status",
      "transfers.statusReason",
      "transfers.reason",
      "transfers.context",
      "transfers.createdAt",
      "transfers.updatedAt",
      "transfers.completedAt",
      "transfers.endedAt",
      "requester.id as requesterId",
      "requester.name as requesterName",
    ])
    .where("transfers.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [participants, steps, evidence] = await Promise.all([
    db
      .selectFrom("transferParticipants")
      .innerJoin("users", "users.id", "transferParticipants.userId")
      .leftJoin("igeds", "igeds.id", "users.igedId")
      .select(["users.id as userId", "users.name", "users.position", "igeds.name as igedName", "transferParticipants.side"])
      .where("transferParticipants.transferId", "=", id)
      .where("users.active", "=", 1)
      .orderBy("transferParticipants.side", "desc")
      .orderBy("transferParticipants.addedAt")
      .execute(),
    db
      .selectFrom("transferSteps")
      .leftJoin("users", "users.id", "transferSteps.actorId")
      .select(["transferSteps.id", "transferSteps.type", "transferSteps.fromStage", "transferSteps.toStage", "transferSteps.note", "transferSteps.occurredOn", "users.name as actorName", "transferSteps.createdAt"])
      .where("transferSteps.transferId", "=", id)
      .orderBy("transferSteps.occurredOn")
      .orderBy("transferSteps.id")
      .execute(),
    db
      .selectFrom("transferEvidence")
      .innerJoin("users", "users.id", "transferEvidence.uploadedBy")
      .select([
        "transferEvidence.id",
        "transferEvidence.stepId",
        "transferEvidence.stage",
        "transferEvidence.kind",
        "transferEvidence.title",
        "transferEvidence.url",
        "transferEvidence.fileName",
        "transferEvidence.mimeType",
        "transferEvidence.sizeBytes",
        "users.name as uploaderName",
        "transferEvidence.createdAt",
      ])
      .where("transferEvidence.transferId", "=", id)
      .orderBy("transferEvidence.createdAt")
      .execute(),
  ]);
  const { requesterId, requesterName, ...rest } = row;
  return { ...rest, accepted: steps.some((s) => s.type === "accepted"), requestedBy: { id: requesterId, name: requesterName }, participants, steps, evidence };
}

/** One evidence file or link of a transfer, for serving it. */
export async function getTransferEvidence(id: number, db: DB = getDb()) {
  return db
    .selectFrom("transferEvidence")
    .select(["id", "transferId", "kind", "title", "url", "fileName", "storedName", "mimeType", "sizeBytes"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Kept in memory until the data changes, like every read of a practice's public page (ADR 016). */
export function listTransfersOfPractice(practiceId: number, db: DB = getDb()): ReturnType<typeof readTransfersOfPractice> {
  return cachedAggregate(`practice-transfers:${practiceId}`, () => readTransfersOfPractice(practiceId, db), db);
}

/** Where a practice was adopted or is being adopted, for its page. */
async function readTransfersOfPractice(practiceId: number, db: DB) {
  return transferQuery(db)
    .select([
      "transfers.id",
      "receivingIged.name as receivingIgedName",
      "receivingRegion.name as receivingRegionName",
      "transfers.stage",
      "transfers.status",
      "transfers.completedAt",
    ])
    .where("transfers.practiceId", "=", practiceId)
    .where("transfers.status", "in", ["en_curso", "suspendida", "completada"])
    .orderBy("transfers.completedAt", "desc")
    .orderBy("transfers.createdAt", "desc")
    .execute();
}

/** Transfers a member takes part in (as a responsible person), for their list of pending work. */
export async function listTransfersOfMember(userId: number, db: DB = getDb()) {
  return transferQuery(db)
    .innerJoin("transferParticipants", "transferParticipants.transferId", "transfers.id")
    .select(["transfers.id", "practices.title as practiceTitle", "receivingIged.name as receivingIgedName", "transfers.stage", "transfers.status", "transferParticipants.side"])
    .where("transferParticipants.userId", "=", userId)
    .orderBy("transfers.updatedAt", "desc")
    .execute();
}

/** Of `userIds` (null: of every member), those who took part in a completed transfer (either side). */
export async function membersWithCompletedTransfer(userIds: number[] | null, db: DB = getDb()): Promise<Set<number>> {
  if (userIds?.length === 0) return new Set();
  let query = db
    .selectFrom("transferParticipants")
    .innerJoin("transfers", "transfers.id", "transferParticipants.transferId")
    .select("transferParticipants.userId")
    .distinct()
    .where("transfers.status", "=", "completada");
  if (userIds) query = query.where("transferParticipants.userId", "in", userIds);
  const rows = await query.execute();
  return new Set(rows.map((r) => r.userId));
}

/** Open transfers of a practice to pick from when asking for an advisory about transfer. */
export async function listOpenTransfersOfPractice(practiceId: number, db: DB = getDb()) {
  return transferQuery(db)
    .select(["transfers.id", "receivingIged.name as receivingIgedName", "transfers.stage"])
    .where("transfers.practiceId", "=", practiceId)
    .where("transfers.status", "in", ["en_curso", "suspendida"])
    .orderBy("transfers.createdAt", "desc")
    .execute();
}

/** Transfer processes active in a year (the dashboard reads this). */
export async function countTransfersInYear(year: number, db: DB = getDb()): Promise<{ active: number; completed: number }> {
  const { start, end } = limaYearBounds(year);
  const row = await db
    .selectFrom("transfers")
    .select([
      (eb) => eb.fn.countAll<number>().as("active"),
      sql<number>`sum(case when completed_at >= ${start} and completed_at < ${end} then 1 else 0 end)`.as("completed"),
    ])
    .where(transferActiveInYear(year))
    .executeTakeFirstOrThrow();
  return { active: Number(row.active), completed: Number(row.completed ?? 0) };
}


/**
 * The advisories about a transfer (asesorías sobre transferencia), soonest-undated first then newest;
 * cancelled ones left out. `viewerInvolved` says whether `viewerId` may open the advisory's own page
 * (its advisor, who asked for it, or the practice's team; DIFOCA may open any).
 */
export async function listAdvisoriesOfTransfer(transferId: number, viewerId: number | null = null, db: DB = getDb()) {
  const rows = await db
    .selectFrom("advisories")
    .leftJoin("users as advisor", "advisor.id", "advisories.advisorId")
    .select((eb) => [
      "advisories.id",
      "advisories.type",
      "advisories.status",
      "advisories.topic",
      "advisories.startsAt",
      "advisories.endsAt",
      "advisor.name as advisorName",
      viewerId === null
        ? sql<number>`0`.as("viewerInvolved")
        : eb
            .or([
              eb("advisories.advisorId", "=", viewerId),
              eb("advisories.requestedBy", "=", viewerId),
              eb.exists(
                eb.selectFrom("practiceTeam").select("practiceTeam.userId").whereRef("practiceTeam.practiceId", "=", "advisories.practiceId").where("practiceTeam.userId", "=", viewerId),
              ),
            ])
            .as("viewerInvolved"),
    ])
    .where("advisories.transferId", "=", transferId)
    .where("advisories.status", "!=", "cancelada")
    .orderBy(sql`advisories.starts_at is null`, "desc")
    .orderBy("advisories.startsAt", "desc")
    .orderBy("advisories.id", "desc")
    .execute();
  return rows.map((r) => ({ ...r, viewerInvolved: Boolean(r.viewerInvolved) }));
}

/** Requests waiting for DIFOCA's decision (the admin home and the list's callout). */
export async function countPendingTransfers(db: DB = getDb()): Promise<number> {
  const row = await db
    .selectFrom("transfers")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "pendiente")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Practices with at least one transfer (any status), for the list's practice filter. */
export async function listTransferredPractices(db: DB = getDb()) {
  return db
    .selectFrom("practices")
    .select(["practices.id", "practices.slug", "practices.title"])
    .where((eb) => eb.exists(eb.selectFrom("transfers").select("transfers.id").whereRef("transfers.practiceId", "=", "practices.id")))
    .orderBy("practices.title")
    .execute();
}

/**
 * The years that have transfers, newest first: from the year the first one was asked for to the
 * current one (a transfer stays active over the years until it ends). Empty when there are none.
 */
export async function listTransferYears(db: DB = getDb()): Promise<number[]> {
  const row = await db
    .selectFrom("transfers")
    .select((eb) => eb.fn.min("createdAt").as("first"))
    .executeTakeFirst();
  const first = (row?.first as string | null | undefined) ?? null;
  if (first === null) return [];
  const from = Number(todayInLima(new Date(first)).slice(0, 4));
  const to = Number(todayInLima().slice(0, 4));
  return Array.from({ length: Math.max(1, to - from + 1) }, (_, index) => Math.max(from, to) - index);
}

/**
 * Ongoing transfers a member can ask an advisory about: those they are responsible for, and those
 * of the practices whose team they are on.
 */
export async function listTransfersForAdvisory(userId: number, db: DB = getDb()) {
  return transferQuery(db)
    .select(["transfers.id", "transfers.practiceId", "practices.slug as practiceSlug", "practices.title as practiceTitle", "receivingIged.name as receivingIgedName"])
    .where("transfers.status", "in", ["en_curso", "suspendida"])
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom("transferParticipants").select("transferParticipants.userId").whereRef("transferParticipants.transferId", "=", "transfers.id").where("transferParticipants.userId", "=", userId)),
        eb.exists(eb.selectFrom("practiceTeam").select("practiceTeam.userId").whereRef("practiceTeam.practiceId", "=", "transfers.practiceId").where("practiceTeam.userId", "=", userId)),
      ]),
    )
    .orderBy("transfers.createdAt", "desc")
    .execute();
}
