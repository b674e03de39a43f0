import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { documentBody } from "./document-compression.server";

const page = `<!DOCTYPE html><html lang="es-PE"><body>${"<p>Práctica de gestión educativa en la UGEL.</p>".repeat(40)}</body></html>`;

function answer(acceptEncoding: string | null, html = page, headers = new Headers()) {
  const request = new Request("http://localhost/practicas", { headers: acceptEncoding === null ? {} : { "accept-encoding": acceptEncoding } });
  return { body: documentBody(request, html, headers), headers };
}

describe("a page's body", () => {
  it("is gzip-compressed for a browser that accepts it, and decompresses to the same page", () => {
    const { body, headers } = answer("gzip, deflate, br, zstd");
    expect(headers.get("Content-Encoding")).toBe("gzip");
    expect(headers.get("Vary")).toBe("Accept-Encoding");
    expect(Buffer.isBuffer(body)).toBe(true);
    expect((body as Buffer).length).toBeLessThan(Buffer.byteLength(page) / 4);
    expect(gunzipSync(body as Buffer).toString("utf8")).toBe(page);
  });

  it("is the text itself when the request does not accept gzip, or refuses it", () => {
    for (const accept of [null, "", "identity", "br", "gzip;q=0, identity", "deflate"]) {
      const { body, headers } = answer(accept);
      expect(body, String(accept)).toBe(page);
      expect(headers.get("Content-Encoding"), String(accept)).toBeNull();
      // A cache must still tell the two answers apart.
      expect(headers.get("Vary"), String(accept)).toBe("Accept-Encoding");
    }
  });

  it("leaves a small page, or one already encoded, as it is", () => {
    expect(answer("gzip", "<!DOCTYPE html><p>Hola</p>").body).toBe("<!DOCTYPE html><p>Hola</p>");
    const { body, headers } = answer("gzip", page, new Headers({ "Content-Encoding": "identity" }));
    expect(body).toBe(page);
    expect(headers.get("Content-Encoding")).toBe("identity");
  });
});
