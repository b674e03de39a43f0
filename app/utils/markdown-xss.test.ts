// The whole XSS corpus through the one markdown renderer: whatever a member writes, the HTML that
// reaches a page holds only harmless tags, no script, no event handler, no inline style and no URL
// that runs code. The browser suite (tests/e2e/xss.spec.ts) shows the same payloads on real pages.
import { Parser } from "htmlparser2";
import { describe, expect, test } from "vitest";
import { markdownToText, renderMarkdown } from "~/utils/markdown.server";
import { XSS_PAYLOADS, XSS_SINK } from "../../tests/security/xss-payloads";

// What members' markdown may become; anything else in the output is a leak.
const HARMLESS_TAGS = new Set([
  "p", "br", "hr", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li",
  "h2", "h3", "h4", "h5", "h6", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
]);
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "background", "poster", "data", "cite"]);
const FORBIDDEN_ATTRIBUTES = new Set(["style", "srcdoc", "formaction", "action", "srcset", "background"]);

interface Element {
  name: string;
  attribs: Record<string, string>;
}

/** Every element of an HTML fragment, with its attributes decoded as a browser would. */
function elementsOf(html: string): Element[] {
  const elements: Element[] = [];
  const parser = new Parser({ onopentag: (name, attribs) => elements.push({ name, attribs }) }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.write(html);
  parser.end();
  return elements;
}

const PAGE = new URL("https://comunidad.example/practicas/una-practica");

/** Where a browser would go: the WHATWG URL parser, which Node shares with Chromium's rules. */
function resolve(url: string): URL | null {
  try {
    return new URL(url, PAGE);
  } catch {
    return null;
  }
}

/** Why an element is dangerous, or null when it is harmless. */
function dangerIn(element: Element): string | null {
  if (!HARMLESS_TAGS.has(element.name)) return `etiqueta <${element.name}>`;
  for (const [attribute, value] of Object.entries(element.attribs)) {
    if (attribute.startsWith("on")) return `manejador ${attribute}`;
    if (FORBIDDEN_ATTRIBUTES.has(attribute)) return `atributo ${attribute}`;
    if (URL_ATTRIBUTES.has(attribute)) {
      const protocol = resolve(value)?.protocol;
      if (protocol !== undefined && !["http:", "https:", "mailto:", "tel:"].includes(protocol)) return `${attribute}=${value}`;
    }
  }
  // A page loads only its own images (img-src 'self'): a remote one would break the CSP and tell a third party who reads.
  if (element.name === "img" && resolve(element.attribs.src ?? "")?.origin !== PAGE.origin) return `imagen externa ${element.attribs.src}`;
  return null;
}

describe("the markdown renderer against the XSS corpus", () => {
  test("the corpus holds at least 100 distinct payloads", () => {
    expect(new Set(XSS_PAYLOADS.map((p) => p.payload)).size).toBeGreaterThanOrEqual(100);
  });

  test.each(XSS_PAYLOADS.map((p) => [p.name, p.payload] as const))("%s renders as harmless HTML", (_name, payload) => {
    const html = renderMarkdown(payload);
    const dangers = elementsOf(html).map(dangerIn).filter((d) => d !== null);
    expect(dangers, html).toEqual([]);
    expect(html.toLowerCase()).not.toMatch(/<script|<style|<iframe|<svg|<math|<object|<embed|<base|<meta|<link|<form/);
  });

  test("all payloads in one text render as harmless HTML", () => {
    const html = renderMarkdown(XSS_PAYLOADS.map((p) => p.payload).join("\n\n"));
    expect(elementsOf(html).map(dangerIn).filter((d) => d !== null)).toEqual([]);
  });

  test("HTML inside a code span or a code block stays visible text", () => {
    expect(renderMarkdown(`\`<script>${XSS_SINK}</script>\``)).toContain(`<code>&lt;script&gt;${XSS_SINK}&lt;/script&gt;</code>`);
    expect(renderMarkdown("```html\n<img src=x onerror=alert(1)>\n```")).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  test("a script tag written as text shows its words, not a script", () => {
    expect(renderMarkdown("&lt;script&gt;alert(1)&lt;/script&gt;")).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  test("a remote image becomes a link to it, so the page loads nothing from elsewhere", () => {
    const html = renderMarkdown("![Mapa de la UGEL](https://ejemplo.pe/mapa.png)");
    expect(elementsOf(html).find((e) => e.name === "img")).toBeUndefined();
    expect(html).toContain('<a href="https://ejemplo.pe/mapa.png" rel="noopener noreferrer" target="_blank">Mapa de la UGEL</a>');
  });

  test("an image of the platform itself is still shown", () => {
    expect(renderMarkdown("![Logo](/logo.png)")).toContain('<img src="/logo.png" alt="Logo" />');
  });
});
