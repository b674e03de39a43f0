// Two patches of what a page's loaders cost (patches/, ADR 015): @remix-run/router keeps the JSON
// text of each response `json()` makes and parses it back directly; @remix-run/server-runtime
// passes a loader's request on as it is when stripping Remix's own parameters changes nothing.
// Each must be what the server loads and must give loaders and pages exactly what the published
// code gives them.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
// The ESM builds are left as published: the references to compare with.
import { createStaticHandler as referenceStaticHandler, json as referenceJson } from "../node_modules/@remix-run/router/dist/router.js";
import {
  callRouteAction as referenceCallRouteAction,
  callRouteLoader as referenceCallRouteLoader,
} from "../node_modules/@remix-run/server-runtime/dist/esm/data.js";

const require = createRequire(import.meta.url);
// What Node's `require` gives the server: the CommonJS builds, patched.
const router = require("@remix-run/router") as typeof import("@remix-run/router");
const data = require("@remix-run/server-runtime/dist/data.js") as {
  callRouteLoader: typeof referenceCallRouteLoader;
  callRouteAction: typeof referenceCallRouteAction;
};

const PAYLOADS: unknown[] = [
  { title: "Gestión pedagógica en Huancavelica", stage: "intermedio", count: 3 },
  { text: "comillas \" y barras \\ y </script><script>alert(1)</script>", emoji: "📚👩🏽‍🏫", surrogate: "\ud800 solo" },
  { when: new Date("2026-11-23T10:00:00Z"), missing: undefined, notANumber: Number.NaN, negativeZero: -0, big: 1e21 },
  [1, "dos", null, { tres: [3, [3.5]] }, undefined, () => 1],
  { custom: { toJSON: () => ({ shown: "como JSON" }) } },
  "solo un texto",
  42,
  null,
  undefined,
];

async function loaderDataThrough(
  createStaticHandler: typeof referenceStaticHandler,
  json: typeof referenceJson,
  payload: unknown,
) {
  let response: Response | undefined;
  const handler = createStaticHandler([
    {
      id: "page",
      path: "/",
      loader: () => {
        response = json(payload);
        return response;
      },
    },
  ]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected response");
  return { loaderData: context.loaderData.page as unknown, errors: context.errors, bodyUsed: response?.bodyUsed };
}

describe("the loader data kept as JSON text (patched @remix-run/router)", () => {
  it("is the build the server loads", () => {
    const source = readFileSync(require.resolve("@remix-run/router"), "utf8");
    expect(source).toContain("keptJsonTexts");
  });

  it("gives a page the same data as the published router, without reading the response's body", async () => {
    for (const payload of PAYLOADS) {
      const patched = await loaderDataThrough(router.createStaticHandler, router.json, payload);
      const reference = await loaderDataThrough(referenceStaticHandler, referenceJson, payload);
      expect(patched.loaderData, JSON.stringify(payload)).toStrictEqual(reference.loaderData);
      expect(patched.errors).toStrictEqual(reference.errors);
      // The published router reads the body; the patched one parses the kept text. A payload
      // without JSON (undefined) has no body at all in either.
      expect(reference.bodyUsed).toBe(payload !== undefined);
      expect(patched.bodyUsed).toBe(false);
    }
  });

  it("gives every loader its own copy of the data", async () => {
    const payload = { items: [{ id: 1 }] };
    const first = await loaderDataThrough(router.createStaticHandler, router.json, payload);
    const second = await loaderDataThrough(router.createStaticHandler, router.json, payload);
    expect(first.loaderData).toStrictEqual(payload);
    expect(first.loaderData).not.toBe(second.loaderData);
    expect(first.loaderData).not.toBe(payload);
  });

  it("still reads a response json() did not make, and refuses one whose body was already read", async () => {
    const made = new Response(JSON.stringify({ hecho: "a mano" }), { headers: { "Content-Type": "application/json" } });
    const handler = router.createStaticHandler([{ id: "page", path: "/", loader: () => made }]);
    const context = await handler.query(new Request("http://localhost/"));
    if (context instanceof Response) throw new Error("unexpected response");
    expect(context.loaderData.page).toStrictEqual({ hecho: "a mano" });

    // A loader that read its own response's body: an error in the published router, so here too.
    for (const [createStaticHandler, json] of [
      [router.createStaticHandler, router.json],
      [referenceStaticHandler, referenceJson],
    ] as const) {
      const used = json({ leido: true });
      await used.text();
      const context = await createStaticHandler([{ id: "page", path: "/", loader: () => used }]).query(new Request("http://localhost/"));
      if (context instanceof Response) throw new Error("unexpected response");
      expect(context.loaderData.page).toBeUndefined();
      expect(context.errors?.page).toBeInstanceOf(TypeError);
    }
  });
});

const URLS = [
  "http://localhost/",
  "http://localhost/practicas?region=cusco&q=gesti%C3%B3n",
  "http://localhost/practicas?q=a%20b",
  "http://localhost/practicas?q=a+b&",
  "http://localhost/ranking?",
  "http://localhost/desafios?index",
  "http://localhost/desafios?index&estado=abierto",
  "http://localhost/desafios?index=1&index&_data=routes%2Fdesafios._index",
  "http://localhost/perfil/12?_data=routes%2Fperfil.%24id",
  "http://localhost/buscar?indexado=si&data=no",
];

describe("a loader's request passed on as it is (patched @remix-run/server-runtime)", () => {
  it("is the build the server loads", () => {
    const source = readFileSync(require.resolve("@remix-run/server-runtime/dist/data.js"), "utf8");
    expect(source).toContain("if (url.href === request.url) return request;");
  });

  it("gives loaders the same address, method and headers as the published runtime", async () => {
    for (const url of URLS) {
      const seen: Request[] = [];
      const loader = ({ request }: { request: Request }) => {
        seen.push(request);
        return null;
      };
      const request = new Request(url, { headers: { cookie: "cop_visitante=abc" } });
      await referenceCallRouteLoader({ loader, params: {}, request, routeId: "page", loadContext: {}, singleFetch: false });
      await data.callRouteLoader({ loader, params: {}, request, routeId: "page", loadContext: {}, singleFetch: false });
      const [reference, patched] = seen;
      expect(patched.url, url).toBe(reference.url);
      expect(patched.method).toBe(reference.method);
      expect(patched.headers.get("cookie")).toBe("cop_visitante=abc");
      // The same request when nothing of its address changed; a stripped copy otherwise.
      expect(patched === request, url).toBe(reference.url === url);
    }
  });

  it("gives actions the same address and the same form", async () => {
    for (const url of ["http://localhost/desafios/3", "http://localhost/desafios/3?index", "http://localhost/desafios/3?_data=x&orden=1"]) {
      const seen: { url: string; form: [string, FormDataEntryValue][] }[] = [];
      const action = async ({ request }: { request: Request }) => {
        seen.push({ url: request.url, form: [...(await request.formData()).entries()] });
        return null;
      };
      const body = () => new URLSearchParams({ intent: "react", texto: "Me sirve ✓" });
      for (const call of [referenceCallRouteAction, data.callRouteAction]) {
        await call({ action, params: {}, request: new Request(url, { method: "POST", body: body() }), routeId: "page", loadContext: {}, singleFetch: false });
      }
      expect(seen[1]).toStrictEqual(seen[0]);
      expect(seen[1].form).toStrictEqual([
        ["intent", "react"],
        ["texto", "Me sirve ✓"],
      ]);
    }
  });
});
