// The evidence of a practice: uploaded files (kept by uploads.server.ts) and links.
import type { PracticeStatus } from "../../db/schema";
import { nowIso } from "~/utils/dates";
import { cachedAggregate } from "~/utils/cache.server";
import { getDb, type DB } from "~/utils/db.server";
import { isWebUrl } from "~/utils/evidence-validation.server";
import { deleteStoredUpload, storeUpload } from "~/utils/uploads.server";

export type EvidenceKind = "archivo" | "enlace";

export interface EvidenceItem {
  id: number;
  kind: EvidenceKind;
  title: string;
  url: string | null;
  fileName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
  createdAt: string;
  uploadedBy: number;
  uploaderName: string;
}

export type AddEvidenceResult = { ok: true; id: number } | { ok: false; error: string };

/** Kept in memory until the data changes, like every read of a practice's public page (ADR 016). */
export function listEvidence(practiceId: number, db: DB = getDb()): Promise<EvidenceItem[]> {
  return cachedAggregate(`practice-evidence:${practiceId}`, () => readEvidence(practiceId, db), db);
}

/** A practice's evidence, oldest first, with who added each one. */
async function readEvidence(practiceId: number, db: DB): Promise<EvidenceItem[]> {
  return db
    .selectFrom("practiceEvidence")
    .innerJoin("users", "users.id", "practiceEvidence.uploadedBy")
    .select([
      "practiceEvidence.id",
      "practiceEvidence.kind",
      "practiceEvidence.title",
      "practiceEvidence.url",
      "practiceEvidence.fileName",
      "practiceEvidence.mimeType",
      "practiceEvidence.sizeBytes",
      "practiceEvidence.createdAt",
      "practiceEvidence.uploadedBy",
      "users.name as uploaderName",
    ])
    .where("practiceEvidence.practiceId", "=", practiceId)
    .orderBy("practiceEvidence.createdAt")
    .orderBy("practiceEvidence.id")
    .execute();
}

/**
 * Stores an uploaded file and records it as evidence. The title must already be validated
 * (evidenceTitleField); the file is checked here. A file whose row could not be written is
 * removed again, so no file stays on disk without its row.
 */
export async function addFileEvidence(
  input: { practiceId: number; uploadedBy: number; title: string; file: FormDataEntryValue | null | undefined },
  db: DB = getDb(),
): Promise<AddEvidenceResult> {
  const stored = await storeUpload(input.file);
  if (!stored.ok) return stored;
  try {
    const row = await db
      .insertInto("practiceEvidence")
      .values({
        practiceId: input.practiceId,
        kind: "archivo",
        title: input.title,
        url: null,
        fileName: stored.fileName,
        storedName: stored.storedName,
        mimeType: stored.mime,
        sizeBytes: stored.size,
        uploadedBy: input.uploadedBy,
        createdAt: nowIso(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { ok: true, id: row.id };
  } catch (error) {
    await deleteStoredUpload(stored.storedName);
    throw error;
  }
}

/** Records a link (a video, a shared folder). The title must already be validated (evidenceTitleField). */
export async function addLinkEvidence(
  input: { practiceId: number; uploadedBy: number; title: string; url: string },
  db: DB = getDb(),
): Promise<AddEvidenceResult> {
  const url = input.url.trim();
  // Checked here too: whatever form calls this, the link ends up in an href on a public page.
  if (!isWebUrl(url)) return { ok: false, error: "Escribe un enlace que empiece con https:// o http://." };
  const row = await db
    .insertInto("practiceEvidence")
    .values({
      practiceId: input.practiceId,
      kind: "enlace",
      title: input.title,
      url,
      fileName: null,
      storedName: null,
      mimeType: null,
      sizeBytes: null,
      uploadedBy: input.uploadedBy,
      createdAt: nowIso(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { ok: true, id: row.id };
}

export interface EvidenceWithPractice {
  id: number;
  practiceId: number;
  practiceStatus: PracticeStatus;
  kind: EvidenceKind;
  title: string;
  url: string | null;
  fileName: string | null;
  storedName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
}

/** One evidence with its practice's status, which decides who may see it. */
export async function getEvidence(id: number, db: DB = getDb()): Promise<EvidenceWithPractice | undefined> {
  return db
    .selectFrom("practiceEvidence")
    .innerJoin("practices", "practices.id", "practiceEvidence.practiceId")
    .select([
      "practiceEvidence.id",
      "practiceEvidence.practiceId",
      "practices.status as practiceStatus",
      "practiceEvidence.kind",
      "practiceEvidence.title",
      "practiceEvidence.url",
      "practiceEvidence.fileName",
      "practiceEvidence.storedName",
      "practiceEvidence.mimeType",
      "practiceEvidence.sizeBytes",
    ])
    .where("practiceEvidence.id", "=", id)
    .executeTakeFirst();
}

/**
 * Deletes one evidence of one practice (an id of another practice deletes nothing), then its
 * file. The row goes first: a file without a row is only wasted space, a row without its file
 * would be a broken link. Answers whether something was deleted.
 */
/**
 * Deletes a piece of evidence and its file. Evidence that a pending promotion request relies on
 * stays until DIFOCA decides: the team cannot pull it from under the request.
 */
export async function deleteEvidence(
  input: { evidenceId: number; practiceId: number },
  db: DB = getDb(),
): Promise<"deleted" | "not_found" | "in_pending_request"> {
  const inUse = await db
    .selectFrom("promotionRequestItems")
    .innerJoin("promotionRequests", "promotionRequests.id", "promotionRequestItems.requestId")
    .select("promotionRequestItems.requestId")
    .where("promotionRequestItems.evidenceId", "=", input.evidenceId)
    .where("promotionRequests.status", "=", "pendiente")
    .executeTakeFirst();
  if (inUse) return "in_pending_request";
  const row = await db
    .deleteFrom("practiceEvidence")
    .where("id", "=", input.evidenceId)
    .where("practiceId", "=", input.practiceId)
    .returning("storedName")
    .executeTakeFirst();
  if (!row) return "not_found";
  if (row.storedName) await deleteStoredUpload(row.storedName);
  return "deleted";
}
