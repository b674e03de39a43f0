// First-load JavaScript of a page: every script and module preload the HTML names, fetched the
// way a browser fetches them (Accept-Encoding: gzip, through the server's compression) and
// counted in bytes on the wire.
import http from "node:http";

/** @param {string} url @returns {Promise<{ status: number, wireBytes: number, encoding: string | null, body: Buffer }>} */
function fetchRaw(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "Accept-Encoding": "gzip", ...headers } }, (res) => {
        const chunks = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, wireBytes: body.length, encoding: res.headers["content-encoding"] ?? null, body });
        });
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

/** @param {string} html */
export function scriptUrls(html) {
  const urls = new Set();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) urls.add(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(match[0]);
    if (href) urls.add(href[1]);
  }
  // The inline module script imports the entry and route modules by URL as well.
  for (const match of html.matchAll(/import[^"']*["'](\/build\/[^"']+\.js)["']/g)) urls.add(match[1]);
  return [...urls];
}

/**
 * @param {string} origin
 * @param {string} path
 * @param {Record<string, string>} headers
 */
export async function firstLoadJs(origin, path, headers = {}) {
  const page = await fetchRaw(`${origin}${path}`, headers);
  const { gunzipSync } = await import("node:zlib");
  const html = (page.encoding === "gzip" ? gunzipSync(page.body) : page.body).toString("utf8");
  const urls = scriptUrls(html);
  let wire = 0;
  let raw = 0;
  const encodings = new Set();
  for (const url of urls) {
    const asset = await fetchRaw(new URL(url, origin).href);
    if (asset.status !== 200) throw new Error(`${url} respondió ${asset.status}`);
    wire += asset.wireBytes;
    raw += asset.encoding === "gzip" ? gunzipSync(asset.body).length : asset.body.length;
    encodings.add(asset.encoding ?? "identity");
  }
  return {
    files: urls.length,
    gzipKb: Math.round((wire / 1024) * 10) / 10,
    rawKb: Math.round((raw / 1024) * 10) / 10,
    encoding: [...encodings].join(","),
    htmlGzipKb: Math.round((page.wireBytes / 1024) * 10) / 10,
  };
}
