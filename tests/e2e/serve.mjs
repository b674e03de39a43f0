// The server the browser journeys talk to: a fresh database with the demo data, then the
// production build (tests/run.mjs builds it first).
import { rmSync } from "node:fs";
import path from "node:path";
import { root, run } from "../../server/bootstrap.mjs";

const databasePath = process.env.DATABASE_PATH ?? path.join(root, "data/e2e/cop.db");
rmSync(path.dirname(databasePath), { recursive: true, force: true });
run("npx", ["tsx", "db/seed.ts"], { env: { ...process.env, DATABASE_PATH: databasePath } });
const { startServer } = await import("../../server/index.mjs");
await startServer({ port: Number(process.env.PORT ?? 3100), host: "127.0.0.1" });
