// Every test file gets its own migrated database with the reference data, in a temporary folder.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "cop-test-"));
process.env.DATABASE_PATH = join(dir, "test.db");
process.env.SECRETS_DIR = dir;

beforeAll(async () => {
  const { prepareDatabase } = await import("../../db/migrate");
  await prepareDatabase(process.env.DATABASE_PATH);
});

afterAll(async () => {
  const { closeDb } = await import("~/utils/db.server");
  await closeDb();
  rmSync(dir, { recursive: true, force: true });
});
