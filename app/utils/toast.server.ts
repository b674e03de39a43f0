// Flash messages shown once after an action ("Se guardaron los cambios"), carried by a signed cookie.
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { getCookieSecret } from "~/utils/env.server";

export interface Toast {
  type: "success" | "error" | "info";
  message: string;
}

type ToastData = { toast: Toast };
let storage: ReturnType<typeof createCookieSessionStorage<ToastData, ToastData>> | undefined;
function toastStorage() {
  storage ??= createCookieSessionStorage<ToastData, ToastData>({
    cookie: { name: "cop_aviso", path: "/", httpOnly: true, sameSite: "lax", secrets: [getCookieSecret()] },
  });
  return storage;
}

const secure = (request: Request) => new URL(request.url).protocol === "https:";

export async function toastCookie(request: Request, toast: Toast): Promise<string> {
  const session = await toastStorage().getSession(request.headers.get("Cookie"));
  session.flash("toast", toast);
  return toastStorage().commitSession(session, { secure: secure(request) });
}

export async function redirectWithToast(request: Request, to: string, toast: Toast, headers = new Headers()) {
  headers.append("Set-Cookie", await toastCookie(request, toast));
  return redirect(to, { headers });
}

/** The pending toast, if any, and the header that clears it. */
export async function readToast(request: Request): Promise<{ toast: Toast | null; headers: Headers }> {
  const session = await toastStorage().getSession(request.headers.get("Cookie"));
  const toast = session.get("toast") ?? null;
  const headers = new Headers();
  if (toast) headers.append("Set-Cookie", await toastStorage().commitSession(session, { secure: secure(request) }));
  return { toast, headers };
}
