// The production server: Express in front of the Remix build, with compression, static files,
// security headers and the cross-origin check. `npm start` prepares everything and runs this.
// WEB_CONCURRENCY=N serves with N processes on one port (node:cluster); the default is one.
import { createRequestHandler } from "@remix-run/express";
import cluster from "node:cluster";
import { readdirSync } from "node:fs";
import compression from "compression";
import express from "express";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { refuseCrossOriginWrites, refuseLargeBodies, securityHeaders } from "./security.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

const buildUrl = pathToFileURL(path.join(root, "build/index.js")).href;

/** @param {{ port?: number, host?: string }} [options] */
export async function startServer(options = {}) {
  const build = await import(buildUrl);
  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);

  app.use(compression());
  app.use(securityHeaders);
  // Fingerprinted assets never change; everything else in public/ may.
  app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
  app.use(publicFiles(path.join(root, "public")));
  app.use(refuseCrossOriginWrites);
  app.use(refuseLargeBodies);
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV ?? "production",
      getLoadContext: (req, res) => ({
        cspNonce: String(res.locals.cspNonce),
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "desconocida",
      }),
    }),
  );

  const port = options.port ?? Number(process.env.PORT || 3000);
  const host = options.host ?? process.env.HOST ?? "0.0.0.0";
  return new Promise((resolve) => {
    const server = app.listen(port, host, () => resolve(server));
  });
}

/**
 * The files at the top of public/ (the favicon), served as they are. Only their own paths go to
 * the disk: every page would otherwise cost a failed `stat` of public/<its path> first.
 * @param {string} folder
 */
export function publicFiles(folder) {
  const names = new Set(readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => `/${entry.name}`));
  const serve = express.static(folder, { maxAge: "1h" });
  /** @type {import("express").RequestHandler} */
  return (req, res, next) => (names.has(req.path) ? serve(req, res, next) : next());
}

/**
 * How many processes serve: WEB_CONCURRENCY (a positive integer), 1 when unset. SQLite in WAL
 * mode lets every process read at once; writers queue on the write lock (busy_timeout).
 * @returns {number}
 */
export function webConcurrency() {
  const wanted = Number.parseInt(process.env.WEB_CONCURRENCY ?? "", 10);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : 1;
}

/**
 * Serves with `count` worker processes sharing one port (node:cluster); the primary only watches
 * them, starts a new one when one dies and stops them all on SIGINT/SIGTERM.
 * @param {number} count
 */
export function runCluster(count) {
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`El proceso ${worker.process.pid} terminó (${signal ?? code}); se inicia otro.`);
    cluster.fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      if (workers.length === 0) process.exit(0);
      for (const worker of workers) worker?.process.kill("SIGTERM");
    });
  }
}

/**
 * On SIGINT/SIGTERM: stops taking requests, lets the running ones finish, then lets the build write
 * what it still keeps in memory (a practice's latest visits) and close the database. Requests
 * still running after 10 s are cut short rather than holding the stop forever.
 * @param {import("node:http").Server} server
 */
export function stopOnSignals(server) {
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      server.close(async () => {
        try {
          const build = await import(buildUrl);
          await build.entry.module.beforeShutdown?.();
        } catch (error) {
          console.error("No se pudo cerrar la base de datos al detener el servidor:", error);
        }
        process.exit(0);
      });
      setTimeout(() => process.exit(0), 10_000).unref();
    });
  }
}

/** Starts one server process and closes it cleanly on SIGINT/SIGTERM. */
async function serveOne() {
  const server = await startServer();
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : process.env.PORT;
  if (cluster.isPrimary) console.log(`Comunidad de Práctica de Gestión Educativa en http://localhost:${port}`);
  else if (cluster.worker?.id === 1) console.log(`Comunidad de Práctica de Gestión Educativa en http://localhost:${port} (${webConcurrency()} procesos)`);
  stopOnSignals(server);
  // A worker whose primary is gone (killed) has no one to answer to: it leaves too.
  if (cluster.isWorker) process.once("disconnect", () => process.exit(0));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  process.env.NODE_ENV ??= "production";
  const processes = webConcurrency();
  if (processes > 1 && cluster.isPrimary) runCluster(processes);
  else await serveOne();
}
