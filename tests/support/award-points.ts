// A second process for the ledger's concurrency test: awards the same keys many times at once
// against the database in DATABASE_PATH, after waiting for its sibling process to be ready.
//   tsx tests/support/award-points.ts <userId> <key,key,...> <timesPerKey> <barrierDir> <name>
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { awardPoints } from "~/models/points.server";
import { closeDb, getDb } from "~/utils/db.server";

const [userIdArg, keysArg, timesArg, barrierDir, name] = process.argv.slice(2);
if (!userIdArg || !keysArg || !timesArg || !barrierDir || !name) {
  console.error("usage: award-points.ts <userId> <keys> <times> <barrierDir> <name>");
  process.exit(2);
}

async function waitForSiblings(): Promise<void> {
  await getDb().selectFrom("pointRules").select("action").limit(1).execute(); // open the database before the start line
  writeFileSync(join(barrierDir!, `${name}.ready`), "");
  const deadline = Date.now() + 30_000;
  while (readdirSync(barrierDir!).filter((f) => f.endsWith(".ready")).length < 2) {
    if (Date.now() > deadline || !existsSync(barrierDir!)) throw new Error("the sibling process never came");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function main() {
  await waitForSiblings();
  const userId = Number(userIdArg);
  const keys = keysArg!.split(",");
  const attempts = keys.flatMap((key) => Array.from({ length: Number(timesArg) }, () => key));
  const results = await Promise.all(
    attempts.map((key, i) =>
      awardPoints({ userId, action: "practice_published", subjectType: "practice", subjectId: 900_000 + keys.indexOf(key), key }).catch(
        (error: Error) => ({ awarded: false, reason: `error: ${error.message} (${i})` }),
      ),
    ),
  );
  const summary: Record<string, number> = {};
  for (const r of results) {
    const label = r.awarded ? "awarded" : r.reason;
    summary[label] = (summary[label] ?? 0) + 1;
  }
  console.log(JSON.stringify(summary));
  await closeDb();
}

main().catch(async (error) => {
  console.error(error);
  await closeDb();
  process.exit(1);
});
