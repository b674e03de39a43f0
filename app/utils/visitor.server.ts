// Who is visiting, for counting a practice's visits once per visitor per day: a member by their
// id, anyone else by a random token in a long-lived cookie. Crawlers are not counted.
import { randomBytes } from "node:crypto";
import { isbot } from "isbot";
import type { CurrentUser } from "~/utils/auth.server";

const COOKIE = "cop_visitante";

export function visitorOf(request: Request, user: CurrentUser | null): { visitor: string | null; setCookie: string | null } {
  if (isbot(request.headers.get("user-agent") ?? "")) return { visitor: null, setCookie: null };
  if (user) return { visitor: `m:${user.id}`, setCookie: null };
  const existing = /(?:^|;\s*)cop_visitante=([A-Za-z0-9_-]{16,64})/.exec(request.headers.get("Cookie") ?? "")?.[1];
  if (existing) return { visitor: `a:${existing}`, setCookie: null };
  const token = randomBytes(16).toString("base64url");
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  return { visitor: `a:${token}`, setCookie: `${COOKIE}=${token}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax${secure}` };
}
