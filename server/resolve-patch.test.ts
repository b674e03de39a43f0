// The patch of react-router's production build (patches/, ADR 015) keeps, per matches array, the
// route pathnames a link resolves against and the paths it resolved. Every link must still point
// where the published code points it: the development build, left as published, is the reference.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const React = require("react") as typeof import("react");
const { renderToString } = require("react-dom/server") as typeof import("react-dom/server");
type ReactRouter = typeof import("react-router");
const PRODUCTION = "react-router/dist/umd/react-router.production.min.js";
const patched = require(PRODUCTION) as ReactRouter;
const reference = require("react-router/dist/umd/react-router.development.js") as ReactRouter;

const { createPath } = require("@remix-run/router") as typeof import("@remix-run/router");
const h = React.createElement;

// A static router, as on the server: a location and a navigator that only writes hrefs.
const navigator = {
  createHref: (to: import("react-router").To) => (typeof to === "string" ? to : createPath(to)),
  go() {},
  push() {},
  replace() {},
};

// Links a page holds: absolute, relative to the route and to the path, with a search or a hash,
// empty, and as objects; each one several times, as a page links the same place more than once.
const TARGETS: { to: import("react-router").To; relative?: "route" | "path" }[] = [
  { to: "/practicas" },
  { to: "/practicas?region=cusco&q=tutoria" },
  { to: "puntos" },
  { to: "puntos", relative: "path" },
  { to: ".." },
  { to: "..", relative: "path" },
  { to: "../../ranking#region" },
  { to: "." },
  { to: "" },
  { to: "?pagina=2" },
  { to: "#aportes" },
  { to: { pathname: "/desafios", search: "?estado=abierto" } },
  { to: { search: "?pagina=3" } },
  { to: { pathname: "historial", hash: "#cambios" } },
];

function page(router: ReactRouter, url: string): string {
  function Links() {
    const rows = [...TARGETS, ...TARGETS].map(({ to, relative }, i) => {
      const href = router.useHref(to, { relative });
      const path = router.useResolvedPath(to, { relative });
      return h("li", { key: i }, `${href} ${JSON.stringify(path)}`);
    });
    return h("ul", null, rows);
  }
  const layout = (name: string) => h("section", null, name, h(Links), h(router.Outlet));
  return renderToString(
    h(
      router.Router,
      { location: url, navigator, static: true },
      h(
        router.Routes,
        null,
        h(
          router.Route,
          { path: "/", element: layout("raíz") },
          h(router.Route, { index: true, element: h(Links) }),
          h(
            router.Route,
            { path: "perfil/:id", element: layout("perfil") },
            h(router.Route, { path: "puntos", element: h(Links) }),
            h(router.Route, { element: layout("sin ruta") }, h(router.Route, { path: "aportes/*", element: h(Links) })),
          ),
        ),
      ),
    ),
  );
}

describe("the patched link resolution", () => {
  it("is the build the server loads", () => {
    expect(readFileSync(require.resolve(PRODUCTION), "utf8")).toContain("function keptResolveTo(");
  });

  it("resolves every link as the published router does, at every depth, on every render", () => {
    for (const url of ["/", "/perfil/7", "/perfil/7/puntos", "/perfil/8/aportes/2026/mayo", "/perfil/7/?x=1#y"]) {
      const expected = page(reference, url);
      expect(expected).toContain("<li>");
      for (let round = 0; round < 2; round++) expect(page(patched, url), `${url} (vuelta ${round + 1})`).toBe(expected);
    }
    expect(page(patched, "/perfil/7/puntos")).toContain("<li>/perfil/7/puntos/puntos ");
  });
});
