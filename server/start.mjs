// `npm start`: installs what is missing, prepares the database (migrations, reference data and,
// on an empty database, the demo), builds when needed and serves the production build.
import { ensureBuild, ensureDependencies, run } from "./bootstrap.mjs";

process.env.NODE_ENV = "production";
ensureDependencies();
// Migrations and the demo seed are TypeScript; tsx runs them. What it prints (the demo
// accounts) is shown again below the address, where a person looks for it.
console.log("Preparando la base de datos…");
const { stdout: databaseReport } = run("npx", ["tsx", "db/seed.ts"], { capture: true });
ensureBuild();

const { runCluster, startServer, stopOnSignals, webConcurrency } = await import("./index.mjs");
const processes = webConcurrency();
if (processes > 1) {
  // Each worker runs server/index.mjs itself; the database and the build are ready by now.
  const cluster = (await import("node:cluster")).default;
  cluster.setupPrimary({ exec: new URL("./index.mjs", import.meta.url).pathname });
  console.log(`\n${databaseReport.trim()}`);
  console.log(`\nLa plataforma está lista en http://localhost:${process.env.PORT || 3000} (${processes} procesos)`);
  runCluster(processes);
} else {
  const server = await startServer();
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : process.env.PORT;
  console.log(`\n${databaseReport.trim()}`);
  console.log(`\nLa plataforma está lista en http://localhost:${port}`);
  stopOnSignals(server);
}
