import { describe, expect, test } from "vitest";
// @ts-expect-error: a plain JavaScript module of the server, typed through JSDoc.
import { contentSecurityPolicy, createNonce, isBodyTooLarge, isCrossOriginWrite, isUploadedFilePath } from "./security.mjs";

describe("cross-origin writes", () => {
  const host = "cop.minedu.gob.pe";
  test.each([
    [{ method: "POST", secFetchSite: "cross-site", host }, true],
    [{ method: "POST", secFetchSite: "same-site", host }, true],
    [{ method: "POST", secFetchSite: "same-origin", host }, false],
    [{ method: "POST", secFetchSite: "none", host }, false],
    [{ method: "POST", origin: "https://evil.example", host }, true],
    [{ method: "POST", origin: "null", host }, true],
    [{ method: "POST", origin: `https://${host}`, host }, false],
    [{ method: "DELETE", origin: "https://evil.example", host }, true],
    [{ method: "GET", secFetchSite: "cross-site", host }, false],
    [{ method: "POST", referer: "https://evil.example/formulario", host }, true],
    [{ method: "POST", referer: `https://${host}/ingresar`, host }, false],
    [{ method: "POST", origin: `https://${host}`, referer: "https://evil.example/", host }, false],
    [{ method: "POST", host }, false],
  ])("%o refused: %s", (request, refused) => {
    expect(isCrossOriginWrite(request)).toBe(refused);
  });
});

describe("content security policy", () => {
  test("allows scripts only with this response's nonce and forbids framing", () => {
    const nonce = createNonce();
    const policy = contentSecurityPolicy(nonce);
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-inline");
    expect(createNonce()).not.toBe(nonce);
  });
});

describe("uploaded files", () => {
  test("keep their own sandbox policy instead of the pages' one", () => {
    expect(isUploadedFilePath("/evidencias/12")).toBe(true);
    expect(isUploadedFilePath("/transferencias/3/evidencias/7")).toBe(true);
    expect(isUploadedFilePath("/transferencias/3")).toBe(false);
    expect(isUploadedFilePath("/transferencias/3/evidencias/7/../../x")).toBe(false);
    expect(isUploadedFilePath("/practicas/evidencias")).toBe(false);
  });
});

describe("request bodies", () => {
  test.each([
    [{ method: "POST", contentLength: "2048", contentType: "application/x-www-form-urlencoded" }, false],
    [{ method: "POST", contentLength: String(2 * 1024 * 1024), contentType: "application/x-www-form-urlencoded" }, true],
    [{ method: "POST", contentLength: String(5 * 1024 * 1024), contentType: "multipart/form-data; boundary=x" }, false],
    [{ method: "POST", contentLength: String(50 * 1024 * 1024), contentType: "multipart/form-data; boundary=x" }, true],
    [{ method: "POST", contentLength: "abc", contentType: "text/plain" }, true],
    [{ method: "GET", contentLength: String(50 * 1024 * 1024) }, false],
  ])("%o too large: %s", (request, tooLarge) => {
    expect(isBodyTooLarge(request)).toBe(tooLarge);
  });
});
