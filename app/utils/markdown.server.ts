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
// recently rendered texts are kept (a practice page renders the same fields for every visitor).
const RENDERED_CACHE_SIZE = 500;
const RENDERED_CACHE_MAX_LENGTH = 20_000;
const rendered = new Map<string, string>();

/** Markdown written by a member, as safe HTML. */
export function renderMarkdown(markdown: string): string {
  const source = markdown ?? "";
  const cached = rendered.get(source);
  if (cached !== undefined) {
    // Move to the newest end, so the oldest text is the one dropped.
    rendered.delete(source);
    rendered.set(source, cached);
    return cached;
  }
  const html = sanitizeHtml(marked.parse(source) as string, SANITIZE_OPTIONS);
  if (source.length <= RENDERED_CACHE_MAX_LENGTH) {
    rendered.set(source, html);
    if (rendered.size > RENDERED_CACHE_SIZE) rendered.delete(rendered.keys().next().value as string);
  }
  return html;
}

/**
 * Plain text of a markdown text, for summaries and search snippets. sanitize-html escapes the text
 * it keeps (for HTML); React escapes again, so the entities are decoded here, `&amp;` last so that
 * a literal "&amp;lt;" stays "&lt;".
 */
export function markdownToText(markdown: string): string {
  const html = marked.parse(markdown ?? "") as string;
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: SANITIZE_OPTIONS.nonTextTags })
    .replace(/\s+/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();
}
