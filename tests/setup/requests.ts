// Builds the Requests a browser would send, for calling loaders and actions directly in tests.
import { lucia } from "~/utils/auth.server";

export const BASE = "http://localhost:3000";

export async function sessionCookieFor(userId: number): Promise<string> {
  const session = await lucia.createSession(userId, { createdAt: new Date() });
  return `${lucia.sessionCookieName}=${session.id}`;
}

export function formRequest(path: string, fields: Record<string, string | Blob>, cookie?: string): Request {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  return new Request(`${BASE}${path}`, { method: "POST", body, headers: cookie ? { Cookie: cookie } : {} });
}

export function getRequest(path: string, cookie?: string): Request {
  return new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

/** Runs a loader or action and returns its Response, whether it was returned or thrown. */
export async function respond(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    throw new Error("The route did not answer with a Response");
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export const context = { cspNonce: "test", clientAddress: "127.0.0.1" };
