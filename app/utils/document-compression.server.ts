// A rendered page is compressed here, in one synchronous call, when the browser accepts gzip.
// The page is a whole string by then (entry.server.tsx renders it in one piece), and handing it to
// the compression middleware instead cost a zlib stream per page: its set-up and its trips to the
// thread pool took ~0.3 ms more CPU than `gzipSync` on the same text (0.41 against 0.14 ms for a
// small page, 0.74 against 0.47 ms for /desafios; ADR 015). The middleware still compresses everything else (data
// requests, resource routes, assets), and leaves a response that is already encoded as it is.
import Negotiator from "negotiator";
import { gzipSync } from "node:zlib";

/** Below this size gzip's own header and trailer are not worth it (the middleware's threshold). */
const MIN_BYTES = 1024;

/**
 * The body to answer a page with: gzip-compressed when the request accepts gzip (and prefers it
 * to no encoding), the text as it is otherwise. Sets Content-Encoding and Vary to match.
 */
export function documentBody(request: Request, html: string, headers: Headers): BodyInit {
  headers.append("Vary", "Accept-Encoding");
  if (html.length < MIN_BYTES || headers.has("Content-Encoding")) return html;
  const accepted = new Negotiator({ headers: { "accept-encoding": request.headers.get("accept-encoding") ?? undefined } });
  if (accepted.encoding(["gzip", "identity"]) !== "gzip") return html;
  headers.set("Content-Encoding", "gzip");
  return gzipSync(html);
}
