// The patches of @remix-run/react and react-router-dom (patches/, ADR 015) keep a build's server
// routes and their data routes from one page to the next, instead of building ~115 routes anew
// for each page. A page must render exactly as without them: the reference below defeats the
// kept routes by giving each render a manifest of its own, which is what the published code did.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
// What Node's `require` gives the server: the CommonJS builds, patched. The route components use
// the same builds, so that they read the contexts the server renders.
const React = require("react") as typeof import("react");
const { renderToString } = require("react-dom/server") as typeof import("react-dom/server");
const remix = require("@remix-run/react") as typeof import("@remix-run/react");
const { createStaticHandler } = require("@remix-run/router") as typeof import("@remix-run/router");

const h = React.createElement;

type Manifest = Record<string, { id: string; parentId?: string; path?: string; index?: boolean; hasLoader: boolean }>;

const MANIFEST: Manifest = {
  root: { id: "root", path: "", hasLoader: true },
  "routes/_index": { id: "routes/_index", parentId: "root", index: true, hasLoader: false },
  "routes/perfil.$id": { id: "routes/perfil.$id", parentId: "root", path: "perfil/:id", hasLoader: true },
  "routes/perfil.$id_.puntos": { id: "routes/perfil.$id_.puntos", parentId: "root", path: "perfil/:id/puntos", hasLoader: true },
  "routes/practicas": { id: "routes/practicas", parentId: "root", path: "practicas", hasLoader: false },
  "routes/practicas._index": { id: "routes/practicas._index", parentId: "routes/practicas", index: true, hasLoader: false },
  "routes/practicas.$slug": { id: "routes/practicas.$slug", parentId: "routes/practicas", path: ":slug", hasLoader: true },
};

function Root() {
  const { site } = remix.useLoaderData() as { site: string };
  return h("div", null, h("header", null, site, " ", h(remix.Link, { to: "/practicas" }, "Prácticas")), h("main", null, h(remix.Outlet)));
}

function modules(index: () => React.ReactElement = () => h("p", null, "Inicio")) {
  return {
    root: { default: Root },
    "routes/_index": { default: index },
    "routes/perfil.$id": {
      default: () => {
        const { name } = remix.useLoaderData() as { name: string };
        return h("section", null, h("h1", null, name), h(remix.Link, { to: "puntos" }, "Ver todo el historial de puntos"));
      },
    },
    "routes/perfil.$id_.puntos": {
      default: () => h("h1", null, `Historial de puntos de ${(remix.useLoaderData() as { name: string }).name}`),
    },
    "routes/practicas": { default: () => h("div", { className: "practicas" }, h(remix.Outlet)) },
    "routes/practicas._index": { default: () => h("p", null, "Catálogo") },
    "routes/practicas.$slug": {
      default: () => {
        const { slug } = remix.useParams();
        return h("article", null, slug, " ", h(remix.Link, { to: "..", relative: "path" }, "Volver"));
      },
    },
  } as Record<string, { default: () => React.ReactElement }>;
}

// The same routes for the static handler, with loaders, as the server runtime builds them.
function handlerRoutes() {
  const children = (parentId: string): any[] =>
    Object.values(MANIFEST)
      .filter((r) => r.parentId === parentId)
      .map((r) => ({
        id: r.id,
        path: r.path,
        index: r.index,
        loader: r.hasLoader ? ({ params }: { params: Record<string, string> }) => ({ name: `Miembro ${params.id}`, slug: params.slug }) : undefined,
        children: r.index ? undefined : children(r.id),
      }));
  return [{ id: "root", path: "", loader: () => ({ site: "Comunidad" }), children: children("root") }];
}
const handler = createStaticHandler(handlerRoutes());
// One object for the whole build, as the server runtime passes it.
const FUTURE = { v3_fetcherPersist: false, v3_relativeSplatPath: false, v3_throwAbortReason: false, v3_routeConfig: false, v3_singleFetch: false, v3_lazyRouteDiscovery: false, unstable_optimizeDeps: false };

async function render(url: string, manifestRoutes: Manifest, routeModules: ReturnType<typeof modules>): Promise<string> {
  const context = await handler.query(new Request(`http://localhost${url}`));
  if (context instanceof Response) throw new Error(`${url} answered ${context.status}`);
  const entryContext = {
    manifest: { routes: manifestRoutes, entry: { module: "/build/entry.client.js", imports: [] }, url: "/build/manifest.js", version: "1" },
    routeModules,
    staticHandlerContext: context,
    future: FUTURE,
    isSpaMode: false,
    serverHandoffString: "{}",
    criticalCss: undefined,
    serializeError: (error: Error) => ({ message: error.message }),
    renderMeta: {},
  };
  return renderToString(h(remix.RemixServer, { context: entryContext as never, url: `http://localhost${url}` }));
}

const URLS = ["/", "/perfil/7", "/perfil/7/puntos", "/perfil/8", "/practicas", "/practicas/escuelas-seguras", "/practicas/otra"];

describe("the patched server render", () => {
  it("is the build the server loads", () => {
    expect(readFileSync(require.resolve("@remix-run/react/dist/server.js"), "utf8")).toContain("function serverRoutesOf(");
    expect(readFileSync(require.resolve("react-router-dom/server"), "utf8")).toContain("function dataRoutesOf(routes)");
  });

  it("renders every page as without kept routes, on the first render and on later ones", async () => {
    const routeModules = modules();
    for (let round = 0; round < 3; round++) {
      for (const url of URLS) {
        const kept = await render(url, MANIFEST, routeModules);
        const fresh = await render(url, { ...MANIFEST }, routeModules);
        expect(kept, `${url} (vuelta ${round + 1})`).toBe(fresh);
      }
    }
    const profile = await render("/perfil/7", MANIFEST, routeModules);
    expect(profile).toContain("<h1>Miembro 7</h1>");
    expect(profile).toContain('<a data-discover="true" href="/perfil/7/puntos">Ver todo el historial de puntos</a>');
    expect(await render("/practicas/otra", MANIFEST, routeModules)).toContain('<article>otra<!-- --> <a data-discover="true" href="/practicas">Volver</a></article>');
  });

  it("follows a route module that changed (a rebuild in development)", async () => {
    expect(await render("/", MANIFEST, modules())).toContain("<p>Inicio</p>");
    expect(await render("/", MANIFEST, modules(() => h("p", null, "Inicio cambiado")))).toContain("<p>Inicio cambiado</p>");
  });
});
