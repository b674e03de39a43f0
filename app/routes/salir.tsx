import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signOut } from "~/utils/auth.server";
import { toastCookie } from "~/utils/toast.server";

// Signing out changes state, so it only happens by POST; a plain visit goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const headers = new Headers();
  headers.append("Set-Cookie", await toastCookie(request, { type: "info", message: "Cerraste tu sesión." }));
  return signOut(request, "/", headers);
}
