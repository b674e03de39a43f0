import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, test } from "vitest";
import { WallFeed, type WallFeedData } from "~/components/wall-feed";
import { WallPostForm, type WallPostFormValues } from "~/components/wall-post-form";

// Form and useNavigation need a data router; a static one renders them as the server does.
async function render(element: React.ReactNode, path = "/desafios") {
  const routes = [{ path: "*", element }];
  const { query, dataRoutes } = createStaticHandler(routes);
  const context = await query(new Request(`http://localhost${path}`));
  if (context instanceof Response) throw context;
  return renderToStaticMarkup(<StaticRouterProvider router={createStaticRouter(dataRoutes, context)} context={context} />);
}

const emptyFilters = { q: "", region: "", macrorregion: "", linea: "", estado: "", etiqueta: "", acompanados: false, orden: "" };

function feedData(overrides: Partial<WallFeedData> = {}): WallFeedData {
  return {
    kind: "challenge",
    filters: emptyFilters,
    options: { regions: [{ value: "cusco", label: "Cusco" }], macroregions: [{ value: "sur", label: "Sur" }], lines: [] },
    canParticipate: false,
    signInPath: "/ingresar?redirectTo=%2Fdesafios",
    result: {
      total: 12,
      page: 1,
      pages: 1,
      items: [
        {
          id: 7,
          title: "Rotación de especialistas",
          status: "en_acompanamiento",
          statusLabel: "En acompañamiento",
          accompanied: true,
          authorName: "Rosa Quispe",
          regionName: "Cusco",
          igedName: "DRE Cusco",
          thematicLineName: null,
          createdAt: "2026-05-04T15:00:00.000Z",
          date: "4 de mayo de 2026",
          excerpt: "Cada año cambia la mitad del equipo.",
          snippet: [
            { text: "La ", match: false },
            { text: "rotación", match: true },
          ],
          replyCount: 1,
          reactionCount: 2,
          tags: ["gestión del talento"],
        },
      ],
    },
    ...overrides,
  } as WallFeedData;
}

describe("WallFeed", () => {
  test("a visitor is invited to sign in; cards show status, accompaniment, counts, tags and highlights", async () => {
    const html = await render(<WallFeed data={feedData()} />);
    expect(html).toMatch(/<a [^>]*href="\/ingresar\?redirectTo=%2Fdesafios"[^>]*>Ingresa para publicar<\/a>/);
    expect(html).toContain("12 desafíos");
    expect(html).toMatch(/<a [^>]*href="\/desafios\/7"[^>]*>Rotación de especialistas<\/a>/);
    expect(html).toContain("Acompañado por DIFOCA");
    // Challenges take no "me interesa": no count that would always read 0.
    expect(html).toContain("1 aporte");
    expect(html).not.toContain("me interesa");
    expect(html).toContain("<mark>rotación</mark>");
    expect(html).toMatch(/href="\/desafios\?etiqueta=gesti%C3%B3n%20del%20talento"/);
  });

  test("an initiative's card counts its comments and its «me interesa»", async () => {
    const data = feedData();
    const html = await render(<WallFeed data={{ ...data, kind: "initiative", result: { ...data.result, items: data.result.items.map((i) => ({ ...i, replyCount: 3 })) } }} />, "/iniciativas");
    expect(html).toContain("3 comentarios · 2 me interesa");
  });

  test("a member gets the link to publish; an empty wall says what to do", async () => {
    const html = await render(<WallFeed data={feedData({ canParticipate: true, result: { total: 0, page: 1, pages: 1, items: [] } })} />);
    expect(html).toMatch(/<a [^>]*href="\/desafios\/nuevo"[^>]*>Publicar un desafío<\/a>/);
    expect(html).toContain("Todavía no hay desafíos en el muro.");
  });
});

describe("WallPostForm", () => {
  const values: WallPostFormValues = { title: "", summary: "", body: "", links: "", tags: "", thematicLineId: "", igedId: "", regionId: "" };
  const props = { values, lines: [], igeds: [{ id: 1, name: "DRE Cusco", regionName: "Cusco" }], regions: [{ id: 3, name: "Cusco" }], submitLabel: "Publicar" };

  test("a challenge asks for tags and no summary or links; an initiative the other way round", async () => {
    const challenge = await render(<WallPostForm kind="challenge" showRegion={false} {...props} />);
    expect(challenge).toContain("Describe el desafío");
    expect(challenge).toContain('name="tags"');
    expect(challenge).not.toContain('name="summary"');
    expect(challenge).not.toContain('name="regionId"');
    const initiative = await render(<WallPostForm kind="initiative" showRegion {...props} />);
    expect(initiative).toContain("¿Qué están probando?");
    expect(initiative).toContain('name="summary"');
    expect(initiative).toContain('name="links"');
    expect(initiative).toContain('name="regionId"');
    expect(initiative).not.toContain('name="tags"');
  });

  test("shows each error next to its field", async () => {
    const html = await render(<WallPostForm kind="challenge" showRegion={false} {...props} errors={{ title: "El título debe tener al menos 10 caracteres." }} />);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("El título debe tener al menos 10 caracteres.");
  });
});
