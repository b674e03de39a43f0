// The one place markdown becomes HTML. marked's output is not safe by itself (it passes raw HTML
// through), so every rendering is sanitized here with an allow-list: no scripts, no event
// handlers, no javascript: or data: URLs, no iframes; links leave with rel="noopener noreferrer".
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const marked = new Marked({ gfm: true, breaks: true, async: false });

const ALLOWED_TAGS = [
  "p", "br", "hr", "strong", "em", "del", "s", "code", "pre", "blockquote",
  "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "a", "img",
  "table", "thead", "tbody", "tr", "th", "td",
];

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ["href", "title", "rel", "target"],
    img: ["src", "alt", "title"],
    th: ["align"],
    td: ["align"],
    ol: ["start"],
    code: ["class"],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  // A top-level heading belongs to the page, not to a member's text.
  transformTags: {
    h1: "h2",
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: "noopener noreferrer", ...(isExternal(attribs.href) ? { target: "_blank" } : {}) },
    }),
    // Pages load images only from the platform (CSP img-src 'self'): a remote image would be
    // blocked as a CSP violation and would tell its host who reads the page, so it becomes a link.
    img: (tagName, attribs) =>
      isRemote(attribs.src)
        ? { tagName: "a", attribs: { href: attribs.src ?? "", rel: "noopener noreferrer", ...(isExternal(attribs.src) ? { target: "_blank" } : {}) }, text: attribs.alt || attribs.src || "" }
        : { tagName, attribs },
  },
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "svg", "math", "template"],
};

function isExternal(href: string | undefined): boolean {
  return typeof href === "string" && /^https?:\/\//i.test(href);
}

/** True for a URL with a scheme or a host of its own, i.e. anything but a path on the platform. */
function isRemote(src: string | undefined): boolean {
  // Browsers ignore leading spaces and control characters and tabs or newlines anywhere in a URL.
  // eslint-disable-next-line no-control-regex
  const url = (src ?? "").replace(/^[\u0000-\u0020]+/, "").replace(/[\t\n\r]/g, "");
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || /^[\\/]{2}/.test(url);
}

// Rendering is a pure function of the text and costs about a millisecond per field, so the most
// recently rendered texts are kept (a practice page renders the same fields for every visitor, a
// wall's first page the same excerpts). One store per kind of output.
const CACHE_SIZE = 500;
const CACHE_MAX_LENGTH = 20_000;
const asHtml = new Map<string, string>();
const asText = new Map<string, string>();

function remembered(store: Map<string, string>, source: string, compute: (source: string) => string): string {
  const cached = store.get(source);
  if (cached !== undefined) {
    // Move to the newest end, so the oldest text is the one dropped.
    store.delete(source);
    store.set(source, cached);
    return cached;
  }
  const output = compute(source);
  if (source.length <= CACHE_MAX_LENGTH) {
    store.set(source, output);
    if (store.size > CACHE_SIZE) store.delete(store.keys().next().value as string);
  }
  return output;
}

/** Markdown written by a member, as safe HTML. */
export function renderMarkdown(markdown: string): string {
  return remembered(asHtml, markdown ?? "", (source) => sanitizeHtml(marked.parse(source) as string, SANITIZE_OPTIONS));
}

/**
 * Plain text of a markdown text, for summaries and search snippets. sanitize-html escapes the text
 * it keeps (for HTML); React escapes again, so the entities are decoded here, `&amp;` last so that
 * a literal "&amp;lt;" stays "&lt;".
 */
export function markdownToText(markdown: string): string {
  return remembered(asText, markdown ?? "", (source) =>
    sanitizeHtml(marked.parse(source) as string, { allowedTags: [], allowedAttributes: {}, nonTextTags: SANITIZE_OPTIONS.nonTextTags })
      .replace(/\s+/g, " ")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&")
      .trim(),
  );
}
