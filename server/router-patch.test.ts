// The patch of @remix-run/router (patches/, ADR 015) keeps each routes array's ranked branches and
// each compiled path pattern. It must be what the server loads, and it must match exactly what the
// unpatched router matches, on the first call and on every call after.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
// The browser's build (ESM) is left as published: the reference to compare with.
import { matchRoutes as referenceMatchRoutes, type AgnosticRouteObject } from "../node_modules/@remix-run/router/dist/router.js";

const require = createRequire(import.meta.url);
// What Node's `require` gives the server runtime: the CommonJS build, patched.
const patched = require("@remix-run/router") as typeof import("@remix-run/router");

function routes(): AgnosticRouteObject[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "index", index: true },
        {
          id: "practicas",
          path: "practicas",
          children: [
            { id: "practicas-index", index: true },
            { id: "practica", path: ":slug", children: [{ id: "practica-index", index: true }, { id: "historial", path: "historial" }] },
            { id: "nueva", path: "nueva" },
          ],
        },
        { id: "evento", path: "eventos/:slug/:tab?" },
        { id: "credencial", path: "credenciales/:id" },
        { id: "evidencia", path: "evidencias/*" },
        { id: "Mayusculas", path: "Sensible", caseSensitive: true },
        { id: "pathless", children: [{ id: "cuenta", path: "cuenta/seguridad" }] },
        { id: "ranking", path: "ranking" },
        { id: "mapa-region", path: ":region/mapa" },
        { id: "splat", path: "*" },
      ],
    },
  ];
}

const PATHS = [
  "/",
  "/practicas",
  "/practicas/",
  "/practicas/nueva",
  "/practicas/una-practica",
  "/practicas/una-practica/historial",
  "/practicas/una%20pr%C3%A1ctica",
  "/eventos/encuentro-2026",
  "/eventos/encuentro-2026/informe",
  "/credenciales/42",
  "/evidencias/3/archivo.pdf",
  "/Sensible",
  "/sensible",
  "/cuenta/seguridad",
  "/no/existe/aqui",
  // Paths tried only against the branches of their first segment: its case, its encoding, empty
  // segments, and dynamic routes ranked among the static ones.
  "/PRACTICAS/Nueva",
  "/Practicas/una-practica/HISTORIAL",
  "/%70racticas/nueva",
  "//practicas",
  "/practicas//nueva",
  "/SENSIBLE",
  "/cuenta",
  "/ranking",
  "/Ranking/",
  "/ranking/mapa",
  "/cusco/mapa",
  "/eventos",
];

const shape = (matches: ReturnType<typeof referenceMatchRoutes>) =>
  matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase })) ?? null;

describe("the patched route matching", () => {
  it("is the build the server loads", () => {
    const source = readFileSync(require.resolve("@remix-run/router"), "utf8");
    expect(source).toContain("function rankedBranchesOf(routes)");
    expect(source).toContain("function groupBranchesByFirstSegment(branches)");
    expect(source).toContain("const compiledPaths = new Map()");
  });

  it("matches every path as the published router does, on the first call and on later ones", () => {
    const tree = routes();
    for (let round = 0; round < 3; round++) {
      for (const path of PATHS) {
        expect(shape(patched.matchRoutes(tree, path)), `${path} (vuelta ${round + 1})`).toEqual(shape(referenceMatchRoutes(routes(), path)));
      }
    }
  });

  it("finds the matches on each routes array's own route objects", () => {
    const first = routes();
    const second = routes();
    expect(patched.matchRoutes(first, "/credenciales/7")!.at(-1)!.route).toBe(first[0]!.children![3]);
    expect(patched.matchRoutes(second, "/credenciales/7")!.at(-1)!.route).toBe(second[0]!.children![3]);
  });

  it("matches a path pattern the same with and without its cached regular expression", () => {
    for (let i = 0; i < 2; i++) {
      expect(patched.matchPath({ path: "/practicas/:slug", end: true }, "/practicas/abc")?.params).toEqual({ slug: "abc" });
      expect(patched.matchPath({ path: "/practicas/:slug", end: false }, "/practicas/abc/historial")?.pathnameBase).toBe("/practicas/abc");
      expect(patched.matchPath({ path: "/practicas/:slug", end: true }, "/practicas/abc/historial")).toBeNull();
    }
  });
});
