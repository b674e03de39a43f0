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

/** Only same-site paths are followed after sign-in, never another host. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
