// A separate process for the advisory concurrency test: asks for one advisory slot against the
// database in DATABASE_PATH, on its own connection, at the moment its sibling process does.
//   tsx tests/support/request-advisory.ts <request as JSON> <barrierDir> <name>
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { requestAdvisory, type AdvisoryRequest } from "~/models/advisory.server";
import { closeDb, getDb } from "~/utils/db.server";

const [requestArg, barrierDir, name] = process.argv.slice(2);
if (!requestArg || !barrierDir || !name) {
  console.error("usage: request-advisory.ts <request JSON> <barrierDir> <name>");
  process.exit(2);
}

async function waitForSibling(): Promise<void> {
  await getDb().selectFrom("advisories").select("id").limit(1).execute(); // open the database before the start line
  writeFileSync(join(barrierDir!, `${name}.ready`), "");
  const deadline = Date.now() + 30_000;
  while (readdirSync(barrierDir!).filter((f) => f.endsWith(".ready")).length < 2) {
    if (Date.now() > deadline || !existsSync(barrierDir!)) throw new Error("the sibling process never came");
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function main() {
  const request = JSON.parse(requestArg!) as AdvisoryRequest;
  await waitForSibling();
  const result = await requestAdvisory(request);
  console.log(JSON.stringify(result));
  await closeDb();
}

main().catch(async (error) => {
  console.error(error);
  await closeDb();
  process.exit(1);
});
