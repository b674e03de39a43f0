// The production server: Express in front of the Remix build, with compression, static files,
// security headers and the cross-origin check. `npm start` prepares everything and runs this.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { refuseCrossOriginWrites, refuseLargeBodies, securityHeaders } from "./security.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

/** @param {{ port?: number, host?: string }} [options] */
export async function startServer(options = {}) {
  const build = await import(pathToFileURL(path.join(root, "build/index.js")).href);
  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);

  app.use(compression());
  app.use(securityHeaders);
  // Fingerprinted assets never change; everything else in public/ may.
  app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
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

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  process.env.NODE_ENV ??= "production";
  const server = await startServer();
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : process.env.PORT;
  console.log(`Comunidad de Práctica de Gestión Educativa en http://localhost:${port}`);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => server.close(() => process.exit(0)));
  }
}
