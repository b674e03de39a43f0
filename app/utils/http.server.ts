// Expected failures, thrown from loaders and actions and shown by the error boundaries in Spanish.
import { json } from "@remix-run/node";

export function forbidden(message = "No tienes permiso para ver esta página o hacer esta acción."): Response {
  return json({ message }, { status: 403, statusText: "Forbidden" });
}

export function notFound(message = "No encontramos lo que buscas."): Response {
  return json({ message }, { status: 404, statusText: "Not Found" });
}

export function badRequest<T>(data: T, init?: ResponseInit) {
  return json(data, { ...init, status: 400 });
}

/**
 * Only paths of this site are followed after sign-in or an action, never another host. Browsers
 * drop tabs and line breaks from an address ("/\t/evil" becomes "//evil") and read "\" as "/",
 * so any of those characters makes the path unsafe.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.length > 2000) return fallback;
  if (/[\u0000-\u0020\u007F\\]/.test(to)) return fallback;
  try {
    const url = new URL(to, "http://cop.local");
    if (url.origin !== "http://cop.local") return fallback;
  } catch {
    return fallback;
  }
  return to;
}

/**
 * True when the browser already holds the version `etag` names (If-None-Match, compared weakly as
 * RFC 9110 asks: `W/"x"` matches `"x"`; a list or `*` too): the answer is a 304 without a body.
 */
export function browserHasVersion(request: Request, etag: string): boolean {
  const header = request.headers.get("If-None-Match");
  if (!header) return false;
  const wanted = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => {
    const held = tag.trim().replace(/^W\//, "");
    return held === "*" || held === wanted;
  });
}
