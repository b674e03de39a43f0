import { describe, expect, test } from "vitest";
import { markdownToText, renderMarkdown } from "~/utils/markdown.server";

describe("renderMarkdown", () => {
  test("renders what members write: lists, emphasis, links, tables", () => {
    const html = renderMarkdown("**Resultados**\n\n- 118 estudiantes\n- 02 convenios\n\n[Informe](https://www.gob.pe/minedu)");
    expect(html).toContain("<strong>Resultados</strong>");
    expect(html).toContain("<li>118 estudiantes</li>");
    expect(html).toContain('<a href="https://www.gob.pe/minedu" rel="noopener noreferrer" target="_blank">Informe</a>');
  });

  test.each([
    ["<script>alert(1)</script>hola", "<script"],
    ['<img src="x" onerror="alert(1)">', "onerror"],
    ["[clic](javascript:alert(1))", "javascript:"],
    ["[clic](JaVaScRiPt:alert(1))", "javascript:"],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "data:"],
    ['<iframe src="https://evil.example"></iframe>', "<iframe"],
    ['<svg onload="alert(1)"><circle/></svg>', "onload"],
    ['<div style="background:url(javascript:alert(1))">x</div>', "style="],
    ["<object data='x.swf'></object>", "<object"],
    ['<form action="https://evil.example"><input></form>', "<form"],
  ])("removes the dangerous part of %s", (markdown, forbidden) => {
    expect(renderMarkdown(markdown).toLowerCase()).not.toContain(forbidden.toLowerCase());
  });

  test("keeps the text around removed markup", () => {
    expect(renderMarkdown("<script>alert(1)</script>Texto seguro")).toContain("Texto seguro");
  });

  test("turns a member's top heading into a section heading", () => {
    expect(renderMarkdown("# Problema").trim()).toBe("<h2>Problema</h2>");
  });
});

describe("markdownToText", () => {
  test("gives the plain text for summaries", () => {
    expect(markdownToText("**Gestión** del _riesgo_\n\n- uno\n- dos<script>x()</script>")).toBe("Gestión del riesgo uno dos");
    // Plain text is for React to escape: no HTML entities left in it.
    expect(markdownToText("Escuelas & familias: 5 > 3 y \"lectura\" de l'aula; &amp;lt;")).toBe("Escuelas & familias: 5 > 3 y \"lectura\" de l'aula; &lt;");
  });
});

describe("rendering the same text again", () => {
  test("gives the same safe HTML, also once many other texts were rendered in between", () => {
    const text = "**Hola** <script>alert(1)</script> [enlace](javascript:alert(1))";
    const first = renderMarkdown(text);
    for (let i = 0; i < 600; i++) renderMarkdown(`texto ${i}`);
    expect(renderMarkdown(text)).toBe(first);
    expect(first).toContain("<strong>Hola</strong>");
    expect(first).not.toContain("<script");
    expect(first).not.toContain("javascript:");
  });
});
