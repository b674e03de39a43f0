// The files of public/ are served by their own paths only; every other path goes on to the pages.
import express from "express";
import { mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain JavaScript module of the server, typed through JSDoc.
import { publicFiles } from "./index.mjs";

describe("the public files", () => {
  let origin = "";
  let close = () => {};

  beforeAll(async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "cop-public-"));
    writeFileSync(path.join(folder, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
    const app = express();
    app.use(publicFiles(folder));
    app.use((_req, res) => void res.status(200).type("text/plain").send("página"));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it("serves a file of public/ with an hour of cache", async () => {
    const response = await fetch(`${origin}/favicon.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("image/svg+xml");
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(await response.text()).toContain("<svg");
  });

  it("hands every other path to the pages, including one below a file's name", async () => {
    for (const pathname of ["/", "/practicas", "/favicon.svg/otra", "/FAVICON.SVG"]) {
      const response = await fetch(`${origin}${pathname}`);
      expect(await response.text(), pathname).toBe("página");
    }
  });
});
