// HTTP-level protections applied to every response and request before Remix sees them:
// security headers with a per-request CSP nonce, and refusal of cross-origin writes (CSRF).
import { randomBytes } from "node:crypto";

/** @returns {string} */
export function createNonce() {
  return randomBytes(16).toString("base64");
}

/** @param {string} nonce */
export function contentSecurityPolicy(nonce) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * Paths that serve an uploaded file: a practice's evidence, a transfer's evidence.
 * @param {string} path
 */
export function isUploadedFilePath(path) {
  return path.startsWith("/evidencias/") || /^\/transferencias\/\d+\/evidencias\/\d+$/.test(path);
}

/**
 * Express middleware: a fresh nonce in res.locals.cspNonce and the security headers.
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 * @param {import("express").NextFunction} next
 */
export function securityHeaders(req, res, next) {
  const nonce = createNonce();
  res.locals.cspNonce = nonce;
  // Uploaded files carry their own, stricter policy (a sandbox), set by the route that serves them.
  if (!isUploadedFilePath(req.path)) res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True when a state-changing request comes from another site. Browsers send Sec-Fetch-Site
 * (all current ones) or at least Origin on every cross-origin POST; older ones, and some privacy
 * settings, send only the Referer, which is checked last. A request with none of them is not a
 * browser's, and cannot carry a victim's cookies by a forged form.
 * @param {{ method: string, secFetchSite?: string, origin?: string, referer?: string, host?: string }} request
 */
export function isCrossOriginWrite({ method, secFetchSite, origin, referer, host }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (secFetchSite) return secFetchSite !== "same-origin" && secFetchSite !== "none";
  if (origin) {
    if (origin === "null") return true;
    try {
      return new URL(origin).host !== host;
    } catch {
      return true;
    }
  }
  if (referer) {
    try {
      return new URL(referer).host !== host;
    } catch {
      return true;
    }
  }
  return false;
}

const REFUSAL_PAGE = `<!doctype html>
<html lang="es-PE"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Solicitud rechazada | Comunidad de Práctica de Gestión Educativa</title></head>
<body><main><h1>Solicitud rechazada</h1>
<p>Por seguridad, la plataforma solo acepta formularios enviados desde sus propias páginas.
Vuelve a la página anterior, recárgala y envía el formulario otra vez.</p>
<p><a href="/">Ir al inicio</a></p></main></body></html>`;

/**
 * Express middleware: answers 403 to cross-origin writes.
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 * @param {import("express").NextFunction} next
 */
export function refuseCrossOriginWrites(req, res, next) {
  const crossOrigin = isCrossOriginWrite({
    method: req.method,
    secFetchSite: req.get("sec-fetch-site"),
    origin: req.get("origin"),
    referer: req.get("referer"),
    host: req.get("x-forwarded-host") && req.app.get("trust proxy") ? req.get("x-forwarded-host") : req.get("host"),
  });
  if (!crossOrigin) return next();
  res.status(403).type("html").send(REFUSAL_PAGE);
}

const FORM_LIMIT = 1024 * 1024;
// Evidence files are up to 10 MB; the upload module enforces the exact limit per file.
const MULTIPART_LIMIT = 11 * 1024 * 1024;

/**
 * True when a request declares a body larger than any form of the platform needs, or sends one
 * without declaring its length (chunked): browsers always declare a form's length, and a body of
 * unknown length would reach the url-encoded form reader with no limit.
 * @param {{ method: string, contentLength?: string, contentType?: string, transferEncoding?: string }} request
 */
export function isBodyTooLarge({ method, contentLength, contentType, transferEncoding }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (!contentLength) return Boolean(transferEncoding);
  const length = Number(contentLength);
  if (!Number.isFinite(length)) return true;
  const limit = (contentType ?? "").toLowerCase().startsWith("multipart/form-data") ? MULTIPART_LIMIT : FORM_LIMIT;
  return length > limit;
}

const TOO_LARGE_PAGE = `<!doctype html>
<html lang="es-PE"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Envío demasiado grande | Comunidad de Práctica de Gestión Educativa</title></head>
<body><main><h1>Envío demasiado grande</h1>
<p>Lo que enviaste supera el tamaño que la plataforma acepta. Los archivos de evidencia pueden pesar hasta 10 MB.</p>
<p><a href="/">Ir al inicio</a></p></main></body></html>`;

/**
 * Express middleware: answers 413 before reading a body that is too large.
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 * @param {import("express").NextFunction} next
 */
export function refuseLargeBodies(req, res, next) {
  const request = {
    method: req.method,
    contentLength: req.get("content-length"),
    contentType: req.get("content-type"),
    transferEncoding: req.get("transfer-encoding"),
  };
  if (!isBodyTooLarge(request)) return next();
  res.status(413).set("Connection", "close").type("html").send(TOO_LARGE_PAGE);
}
