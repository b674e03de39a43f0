// A corpus of cross-site scripting payloads, taken from the lists attackers and testers use:
// the OWASP XSS Filter Evasion Cheat Sheet, PortSwigger's XSS cheat sheet and html5sec.org, plus
// markdown-specific variants (links, autolinks, reference links, images, code spans).
//
// Every payload that manages to run calls the same sink, so a browser test notices it even when
// dialogs are blocked: it opens an alert, sets window.__xss and requests a URL containing
// XSS_MARKER. Payloads that load something instead of running script (iframes, objects, meta
// refresh, base, stylesheets) point at the marker too. The sink has no quotes and no spaces so that
// it fits in any attribute or URL.

/** The part of every marker URL; a request whose URL contains it means a payload got through. */
export const XSS_MARKER = "xss-hit";

/** The script every payload tries to run: a dialog, a global and a request to the marker. */
export const XSS_SINK = `alert(1),window.__xss=1,fetch(/${XSS_MARKER}/.source)`;

const JS = XSS_SINK;
const MARKER_URL = `/${XSS_MARKER}`;

export type XssCategory =
  | "script"
  | "event-handler"
  | "url-scheme"
  | "markdown"
  | "svg-mathml"
  | "broken-markup"
  | "breakout"
  | "embedding"
  | "css"
  | "encoded";

export interface XssPayload {
  /** A short name, for the test's messages. */
  name: string;
  category: XssCategory;
  payload: string;
}

const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
/** Every character as a decimal HTML entity, the way filter-evasion lists write it. */
const decimalEntities = (text: string, pad = 0) => [...text].map((c) => `&#${String(c.codePointAt(0)).padStart(pad, "0")};`).join("");
const hexEntities = (text: string, semicolon = true) => [...text].map((c) => `&#x${c.codePointAt(0)!.toString(16)}${semicolon ? ";" : ""}`).join("");
/** JavaScript with every character as a \uXXXX escape inside a string, run by eval-free Function-less tricks. */
const fromCharCodes = (text: string) => [...text].map((c) => c.charCodeAt(0)).join(",");

const scriptHtml = `<script>${JS}</script>`;

const corpus: [category: XssCategory, name: string, payload: string][] = [
  // Script tags in many casings and shapes
  ["script", "plain script", `<script>${JS}</script>`],
  ["script", "upper-case script", `<SCRIPT>${JS}</SCRIPT>`],
  ["script", "mixed-case script", `<ScRiPt>${JS}</sCrIpT>`],
  ["script", "script with src", `<script src=${MARKER_URL}.js></script>`],
  ["script", "script src without quotes or closing tag", `<SCRIPT SRC=${MARKER_URL}.js?<B>`],
  ["script", "script with a slash instead of space", `<script/xss src=${MARKER_URL}.js></script>`],
  ["script", "script with attributes", `<script type="text/javascript" defer>${JS}</script>`],
  ["script", "script with a module type", `<script type=module>${JS}</script>`],
  ["script", "script split by a nested script", `<scr<script>ipt>${JS}</scr</script>ipt>`],
  ["script", "script with extra open bracket", `<<SCRIPT>${JS}//<</SCRIPT>`],
  ["script", "script with a newline in the tag", `<script\n>${JS}</script\n>`],
  ["script", "script inside a paragraph of text", `Hola equipo ${scriptHtml} gracias`],
  ["script", "script with a data: src", `<script src="data:text/javascript,${JS}"></script>`],
  ["script", "script in an HTML comment trick", `<!--<script>-->${scriptHtml}<!--</script>-->`],
  ["script", "script after a closing title", `</title>${scriptHtml}`],
  ["script", "script after a closing textarea", `</textarea>${scriptHtml}`],

  // Event handlers on many elements
  ["event-handler", "img onerror", `<img src=x onerror=${JS}>`],
  ["event-handler", "img onerror quoted", `<img src="x" onerror="${JS}">`],
  ["event-handler", "IMG ONERROR upper case", `<IMG SRC=x ONERROR=${JS}>`],
  ["event-handler", "img onerror with slash separators", `<img/src=x/onerror=${JS}>`],
  ["event-handler", "img onerror with a tab", `<img src=x\tonerror=${JS}>`],
  ["event-handler", "img onload", `<img src="/favicon.ico" onload="${JS}">`],
  ["event-handler", "body onload", `<body onload=${JS}>`],
  ["event-handler", "body onpageshow", `<body onpageshow=${JS}>`],
  ["event-handler", "details ontoggle", `<details open ontoggle=${JS}>`],
  ["event-handler", "video source onerror", `<video><source onerror=${JS}></video>`],
  ["event-handler", "audio onerror", `<audio src=x onerror=${JS}>`],
  ["event-handler", "iframe onload", `<iframe onload=${JS}></iframe>`],
  ["event-handler", "input autofocus onfocus", `<input autofocus onfocus=${JS}>`],
  ["event-handler", "select autofocus onfocus", `<select autofocus onfocus=${JS}></select>`],
  ["event-handler", "textarea autofocus onfocus", `<textarea autofocus onfocus=${JS}></textarea>`],
  ["event-handler", "div onmouseover", `<div onmouseover="${JS}">pasa el cursor</div>`],
  ["event-handler", "a onclick", `<a href="#" onclick="${JS}">clic</a>`],
  ["event-handler", "p onpointerenter", `<p onpointerenter=${JS}>texto</p>`],
  ["event-handler", "marquee onstart", `<marquee onstart=${JS}>x</marquee>`],
  ["event-handler", "object onerror", `<object data=x onerror=${JS}></object>`],
  ["event-handler", "style onload", `<style onload=${JS}></style>`],
  ["event-handler", "custom element with onfocus and tabindex", `<xss id=x tabindex=1 onfocus=${JS} autofocus></xss>`],
  ["event-handler", "animation start handler", `<style>@keyframes x{}</style><b style="animation-name:x" onanimationstart="${JS}"></b>`],
  ["event-handler", "img onerror in a markdown list", `- uno\n- <img src=x onerror=${JS}>\n- tres`],
  ["event-handler", "img onerror inside a table cell", `| a | b |\n|---|---|\n| <img src=x onerror=${JS}> | x |`],

  // Dangerous URL schemes
  ["url-scheme", "a href javascript:", `<a href="javascript:${JS}">clic</a>`],
  ["url-scheme", "a href JAVASCRIPT: upper case", `<a href="JAVASCRIPT:${JS}">clic</a>`],
  ["url-scheme", "a href vbscript:", `<a href="vbscript:msgbox(1)">clic</a>`],
  ["url-scheme", "a href data:text/html base64", `<a href="data:text/html;base64,${base64(scriptHtml)}">clic</a>`],
  ["url-scheme", "a href data:text/html plain", `<a href="data:text/html,${scriptHtml}">clic</a>`],
  ["url-scheme", "img src javascript:", `<img src="javascript:${JS}">`],
  ["url-scheme", "iframe src javascript:", `<iframe src="javascript:${JS}"></iframe>`],
  ["url-scheme", "form action javascript:", `<form action="javascript:${JS}"><button>Enviar</button></form>`],
  ["url-scheme", "button formaction javascript:", `<form><button formaction="javascript:${JS}">Enviar</button></form>`],
  ["url-scheme", "a href with leading spaces", `<a href="   javascript:${JS}">clic</a>`],
  ["url-scheme", "a href with a control character", `<a href="\u0001javascript:${JS}">clic</a>`],
  ["url-scheme", "isindex action", `<isindex type=image src=1 onerror=${JS}>`],
  ["url-scheme", "a xlink:href in svg", `<svg><a xlink:href="javascript:${JS}"><text x="20" y="20">clic</text></a></svg>`],

  // Markdown syntax carrying scripts
  ["markdown", "markdown link javascript:", `[clic](javascript:${JS})`],
  ["markdown", "markdown link mixed-case JaVaScRiPt:", `[clic](JaVaScRiPt:${JS})`],
  ["markdown", "markdown link vbscript:", `[clic](vbscript:msgbox(1))`],
  ["markdown", "markdown link data:text/html", `[clic](data:text/html;base64,${base64(scriptHtml)})`],
  ["markdown", "markdown link with angle brackets", `[clic](<javascript:${JS}>)`],
  ["markdown", "markdown link with a title", `[clic](javascript:${JS} "título")`],
  ["markdown", "markdown autolink javascript:", `<javascript:${JS}>`],
  ["markdown", "markdown reference link", `[clic][ref]\n\n[ref]: javascript:${JS}`],
  ["markdown", "markdown image javascript:", `![x](javascript:${JS})`],
  ["markdown", "markdown image data:text/html", `![x](data:text/html;base64,${base64(scriptHtml)})`],
  ["markdown", "markdown image with an attribute breakout in the alt", `![x" onerror="${JS}](x)`],
  ["markdown", "markdown image with an attribute breakout in the url", `![x](x"onerror="${JS})`],
  ["markdown", "markdown image with an attribute breakout in the title", `![x](x "t\\" onerror=\\"${JS}")`],
  ["markdown", "markdown link with a breakout in the title", `[x](https://ejemplo.pe "a\\"onmouseover=\\"${JS}")`],
  ["markdown", "markdown link with an escaped scheme", `[clic](javascript&#58;${JS})`],
  ["markdown", "markdown link with a percent-encoded colon", `[clic](javascript%3A${JS})`],
  ["markdown", "markdown link wrapping an image link", `[![x](x)](javascript:${JS})`],
  ["markdown", "html in a code span stays text", `\`<script>${JS}</script>\``],
  ["markdown", "html in a fenced code block stays text", `\`\`\`html\n<img src=x onerror=${JS}>\n\`\`\``],
  ["markdown", "code block info string breakout", `\`\`\`"><img src=x onerror=${JS}>\nx\n\`\`\``],
  ["markdown", "html block after a heading", `# Título\n<div><img src=x onerror=${JS}></div>`],
  ["markdown", "markdown emphasis around a handler", `**<img src=x onerror=${JS}>**`],

  // SVG and MathML
  ["svg-mathml", "svg onload", `<svg onload=${JS}>`],
  ["svg-mathml", "svg/onload without space", `<svg/onload=${JS}>`],
  ["svg-mathml", "svg with a script", `<svg><script>${JS}</script></svg>`],
  ["svg-mathml", "svg script with an href", `<svg><script href="data:text/javascript,${JS}"/></svg>`],
  ["svg-mathml", "svg animate onbegin", `<svg><animate onbegin=${JS} attributeName=x dur=1s>`],
  ["svg-mathml", "svg set href to javascript:", `<svg><a><set attributeName=href to="javascript:${JS}"/><text x=20 y=20>clic</text></a></svg>`],
  ["svg-mathml", "svg animate values javascript:", `<svg><a><animate attributeName=href values="javascript:${JS}"/><text x=20 y=20>clic</text></a></svg>`],
  ["svg-mathml", "svg foreignObject with html", `<svg><foreignObject><iframe srcdoc="${scriptHtml.replace(/</g, "&lt;").replace(/>/g, "&gt;")}"></iframe></foreignObject></svg>`],
  ["svg-mathml", "svg image onerror", `<svg><image href=x onerror=${JS} /></svg>`],
  ["svg-mathml", "svg use with a data url", `<svg><use href="data:image/svg+xml;base64,${base64(`<svg id="x" xmlns="http://www.w3.org/2000/svg"><image href="1" onerror="${JS}"/></svg>`)}#x"></use></svg>`],
  ["svg-mathml", "svg style with cdata", `<svg><style><![CDATA[</style><img src=x onerror=${JS}>]]></svg>`],
  ["svg-mathml", "math with an href", `<math><mtext><a href="javascript:${JS}">clic</a></mtext></math>`],
  ["svg-mathml", "math maction", `<math href="javascript:${JS}"><mi>x</mi></math>`],
  ["svg-mathml", "math mglyph namespace confusion", `<math><mtext><table><mglyph><style><img src=x onerror=${JS}>`],

  // Broken and unclosed markup
  ["broken-markup", "unclosed img", `<img src=x onerror=${JS}`],
  ["broken-markup", "unclosed script", `<script>${JS}`],
  ["broken-markup", "half-open tag with a handler", `<img """><script>${JS}</script>">`],
  ["broken-markup", "comment closing inside an attribute", `<!--<img src="--><img src=x onerror=${JS}//">`],
  ["broken-markup", "cdata in html", `<![CDATA[<img src=x onerror=${JS}>]]>`],
  ["broken-markup", "processing instruction", `<?xml version="1.0"?><img src=x onerror=${JS}>`],
  ["broken-markup", "noscript closing inside an attribute", `<noscript><p title="</noscript><img src=x onerror=${JS}>">`],
  ["broken-markup", "template content", `<template><img src=x onerror=${JS}></template>`],
  ["broken-markup", "textarea closing early", `<textarea></textarea><img src=x onerror=${JS}>`],
  ["broken-markup", "title closing early", `<title><img src=x onerror=${JS}></title>`],
  ["broken-markup", "style closing early", `<style></style><img src=x onerror=${JS}>`],
  ["broken-markup", "xmp plaintext trick", `<xmp></xmp><img src=x onerror=${JS}>`],
  ["broken-markup", "nested quotes in attribute", `<a title="a'b"c" onmouseover=${JS}>x</a>`],
  ["broken-markup", "null byte in the tag name", `<scr\u0000ipt>${JS}</scr\u0000ipt>`],
  ["broken-markup", "dangling markup", `<img src='https://ejemplo.pe/?`],

  // Attribute and context breakouts, for fields that land in attributes or text
  ["breakout", "double-quote attribute breakout", `"><img src=x onerror=${JS}>`],
  ["breakout", "single-quote attribute breakout", `'><img src=x onerror=${JS}>`],
  ["breakout", "attribute breakout adding a handler", `" autofocus onfocus="${JS}`],
  ["breakout", "backtick attribute breakout", `\`><img src=x onerror=${JS}>`],
  ["breakout", "closing a script string", `</script><script>${JS}</script>`],
  ["breakout", "JSON breakout in inline data", `"}]</script><script>${JS}</script>`],
  ["breakout", "JavaScript string breakout", `';${JS}//`],
  ["breakout", "template literal breakout", "${" + JS + "}"],
  ["breakout", "closing a textarea and a form", `</textarea></form><img src=x onerror=${JS}>`],
  ["breakout", "closing an option and select", `</option></select><img src=x onerror=${JS}>`],

  // Embedding, navigation and page-changing tags
  ["embedding", "iframe src", `<iframe src="${MARKER_URL}"></iframe>`],
  ["embedding", "iframe srcdoc", `<iframe srcdoc="&lt;script&gt;${JS}&lt;/script&gt;"></iframe>`],
  ["embedding", "object data html", `<object data="data:text/html;base64,${base64(scriptHtml)}"></object>`],
  ["embedding", "embed src", `<embed src="${MARKER_URL}">`],
  ["embedding", "meta refresh to javascript:", `<meta http-equiv="refresh" content="0;url=javascript:${JS}">`],
  ["embedding", "meta refresh to the marker", `<meta http-equiv="refresh" content="0;url=${MARKER_URL}">`],
  ["embedding", "base href", `<base href="${MARKER_URL}/">`],
  ["embedding", "form action to the marker", `<form action="${MARKER_URL}"><input name=q value=x><button>Enviar</button></form>`],
  ["embedding", "link stylesheet", `<link rel=stylesheet href="${MARKER_URL}.css">`],
  ["embedding", "link import", `<link rel=import href="${MARKER_URL}.html">`],
  ["embedding", "frameset", `<frameset onload=${JS}><frame src="${MARKER_URL}"></frameset>`],
  ["embedding", "remote image in markdown (a tracking pixel)", `![x](https://xss.example${MARKER_URL}.png)`],
  ["embedding", "remote image in html", `<img src="https://xss.example${MARKER_URL}.png">`],
  ["embedding", "protocol-relative image", `<img src="//xss.example${MARKER_URL}.png">`],
  ["embedding", "portal and applet", `<portal src="${MARKER_URL}"></portal><applet code="${MARKER_URL}"></applet>`],

  // CSS
  ["css", "style attribute with expression()", `<div style="width:expression(${JS})">x</div>`],
  ["css", "style attribute with url(javascript:)", `<div style="background:url(javascript:${JS})">x</div>`],
  ["css", "style attribute with a marker background", `<p style="background-image:url(${MARKER_URL}.png)">x</p>`],
  ["css", "style element with @import", `<style>@import "${MARKER_URL}.css";</style>`],
  ["css", "style element with a behavior", `<style>body{behavior:url(${MARKER_URL}.htc)}</style>`],
  ["css", "style element hiding the page", `<style>*{display:none!important}</style>`],
  ["css", "escaped expression in a style attribute", `<img style="xss:expr/*xss*/ession(${JS})">`],

  // Encoded and obfuscated variants
  ["encoded", "javascript: with a tab entity", `<a href="jav&#x09;ascript:${JS}">clic</a>`],
  ["encoded", "javascript: with a newline entity", `<a href="jav&#x0A;ascript:${JS}">clic</a>`],
  ["encoded", "javascript: with a carriage-return entity", `<a href="jav&#x0D;ascript:${JS}">clic</a>`],
  ["encoded", "javascript: with a raw tab", `<a href="jav\tascript:${JS}">clic</a>`],
  ["encoded", "decimal entities", `<a href="${decimalEntities(`javascript:${JS}`)}">clic</a>`],
  ["encoded", "zero-padded decimal entities without semicolons", `<a href="${decimalEntities("javascript:", 7).replace(/;/g, "")}${JS}">clic</a>`],
  ["encoded", "hex entities", `<a href="${hexEntities(`javascript:${JS}`)}">clic</a>`],
  ["encoded", "hex entities without semicolons", `<a href="${hexEntities("javascript:", false)}${JS}">clic</a>`],
  ["encoded", "named colon entity", `<a href="javascript&colon;${JS}">clic</a>`],
  ["encoded", "named tab and newline entities", `<a href="java&Tab;script&NewLine;:${JS}">clic</a>`],
  ["encoded", "entity-encoded scheme in a markdown link", `[clic](${decimalEntities("javascript:")}${JS})`],
  ["encoded", "hex-entity scheme in a markdown link", `[clic](&#x6A;avascript:${JS})`],
  ["encoded", "entity-encoded script tags", `&lt;script&gt;${JS}&lt;/script&gt;`],
  ["encoded", "double-encoded script tags", `&amp;lt;script&amp;gt;${JS}&amp;lt;/script&amp;gt;`],
  ["encoded", "url-encoded script tags", `%3Cscript%3E${JS}%3C%2Fscript%3E`],
  ["encoded", "fullwidth angle brackets", `＜script＞${JS}＜/script＞`],
  ["encoded", "String.fromCharCode", `<img src=x onerror=eval(String.fromCharCode(${fromCharCodes(JS)}))>`],
  ["encoded", "unicode escapes in a handler", `<img src=x onerror="\\u0061lert(1),window.__xss=1">`],
  ["encoded", "entities inside a handler", `<img src=x onerror="${decimalEntities(JS)}">`],
  ["encoded", "zero-width space in the scheme", `[clic](java\u200Bscript:${JS})`],
  ["encoded", "zero-width joiner in the tag", `<scr\u200Dipt>${JS}</scr\u200Dipt>`],
  ["encoded", "right-to-left override around a tag", `\u202E<img src=x onerror=${JS}>\u202C`],
  ["encoded", "utf-7 script", `+ADw-script+AD4-${JS}+ADw-/script+AD4-`],
  ["encoded", "data: url with a charset and base64 in an iframe", `<iframe src="data:text/html;charset=utf-8;base64,${base64(scriptHtml)}"></iframe>`],
  ["encoded", "javascript: with a leading unicode space", `<a href="\u00A0javascript:${JS}">clic</a>`],
  ["encoded", "scheme split by a comment", `<a href="java<!-- -->script:${JS}">clic</a>`],
];

export const XSS_PAYLOADS: readonly XssPayload[] = corpus.map(([category, name, payload]) => ({ category, name, payload }));

/** The corpus cut into `size`-payload chunks, so that a few records carry all of it. */
export function chunkedPayloads(size: number): XssPayload[][] {
  const chunks: XssPayload[][] = [];
  for (let i = 0; i < XSS_PAYLOADS.length; i += size) chunks.push(XSS_PAYLOADS.slice(i, i + size));
  return chunks;
}

/** Payloads joined into one markdown text, each in its own paragraph, so that one cannot mask the next. */
export function asMarkdown(payloads: readonly XssPayload[]): string {
  return payloads.map((p) => p.payload).join("\n\n");
}

/** Payloads joined on one line, for plain-text fields (titles, names, tags). */
export function asLine(payloads: readonly XssPayload[]): string {
  return payloads.map((p) => p.payload.replace(/\s+/g, " ")).join(" ");
}
