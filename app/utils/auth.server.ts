// Accounts and sessions: sign-in with throttling, Lucia sessions with an idle timeout and an
// absolute lifetime, and the getUser/requireUser helpers every loader and action starts with.
import { redirect } from "@remix-run/node";
import { Cookie, Lucia, TimeSpan } from "lucia";
import type { Role } from "../../db/schema";
import { KyselySessionAdapter } from "~/models/session.server";
import { getIged } from "~/models/iged.server";
import { createMember, EmailTakenError, getSignInCredentials, isEmailTaken, recordSignIn } from "~/models/user.server";
import { hashPassword, verifyDecoyPassword, verifyPassword } from "~/utils/password.server";
import { forgetAttempts, registerAttempt, signInKeys } from "~/utils/rate-limit.server";

/** A session ends after this long without use... */
export const SESSION_IDLE_DAYS = 14;
/** ...and in any case this long after sign-in (Lucia's sessions would otherwise slide forever). */
export const SESSION_ABSOLUTE_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

export const lucia = new Lucia(new KyselySessionAdapter(), {
  sessionExpiresIn: new TimeSpan(SESSION_IDLE_DAYS, "d"),
  sessionCookie: { name: "cop_sesion", attributes: { sameSite: "lax", secure: false } },
  getSessionAttributes: (attributes) => ({ createdAt: attributes.createdAt }),
  getUserAttributes: (attributes) => ({
    name: attributes.name,
    email: attributes.email,
    role: attributes.role,
    igedId: attributes.igedId,
  }),
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    UserId: number;
    DatabaseSessionAttributes: { createdAt: Date };
    DatabaseUserAttributes: { name: string; email: string; role: Role; igedId: number | null };
  }
}

export interface CurrentUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  igedId: number | null;
}

/** Validates a session id: idle timeout (Lucia) and absolute lifetime (here). */
export async function validateSessionId(sessionId: string, now = Date.now()): Promise<CurrentUser | null> {
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session) return null;
  if (session.createdAt.getTime() + SESSION_ABSOLUTE_DAYS * DAY_MS <= now) {
    await lucia.invalidateSession(session.id);
    return null;
  }
  return { id: user.id, name: user.name, email: user.email, role: user.role, igedId: user.igedId };
}

function sessionIdFrom(request: Request): string | null {
  return lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
}

// Loaders of one page run in parallel with the same Request: validate its session once.
const userByRequest = new WeakMap<Request, Promise<CurrentUser | null>>();

export function getUser(request: Request): Promise<CurrentUser | null> {
  let pending = userByRequest.get(request);
  if (!pending) {
    const sessionId = sessionIdFrom(request);
    pending = sessionId ? validateSessionId(sessionId) : Promise.resolve(null);
    userByRequest.set(request, pending);
  }
  return pending;
}

export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    throw redirect(`/ingresar?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

export async function requireAnonymous(request: Request): Promise<void> {
  if (await getUser(request)) throw redirect("/");
}

export function isSecureRequest(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

function sessionCookie(request: Request, sessionId: string): string {
  return new Cookie(lucia.sessionCookieName, sessionId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: isSecureRequest(request),
    maxAge: SESSION_ABSOLUTE_DAYS * 24 * 3600,
  }).serialize();
}

function blankSessionCookie(request: Request): string {
  return new Cookie(lucia.sessionCookieName, "", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: isSecureRequest(request),
    maxAge: 0,
  }).serialize();
}

export type SignInResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "inactive" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks an email and password. Every attempt is counted before the password is hashed; an
 * unknown email costs the same hash as a known one, and gets the same answer as a wrong password.
 */
export async function authenticate(input: { email: string; password: string; clientAddress: string }): Promise<SignInResult> {
  const keys = signInKeys(input.email, input.clientAddress);
  const decision = await registerAttempt(keys);
  if (!decision.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: decision.retryAfterSeconds };

  const credentials = await getSignInCredentials(input.email);
  if (!credentials) {
    await verifyDecoyPassword(input.password);
    return { ok: false, reason: "invalid" };
  }
  if (!(await verifyPassword(credentials.passwordHash, input.password))) return { ok: false, reason: "invalid" };
  // Only someone who knows the password learns that the account is deactivated.
  if (credentials.active !== 1) return { ok: false, reason: "inactive" };
  await forgetAttempts(keys);
  await recordSignIn(credentials.id);
  return { ok: true, userId: credentials.id };
}

/** Starts a new session (never reusing one from before sign-in) and redirects with its cookie. */
export async function createUserSession(request: Request, userId: number, redirectTo: string, headers = new Headers()) {
  const previous = sessionIdFrom(request);
  if (previous) await lucia.invalidateSession(previous);
  const session = await lucia.createSession(userId, { createdAt: new Date() });
  headers.append("Set-Cookie", sessionCookie(request, session.id));
  return redirect(redirectTo, { headers });
}

export async function signOut(request: Request, redirectTo: string, headers = new Headers()) {
  const sessionId = sessionIdFrom(request);
  if (sessionId) await lucia.invalidateSession(sessionId);
  headers.append("Set-Cookie", blankSessionCookie(request));
  return redirect(redirectTo, { headers });
}

export type RegistrationResult = { ok: true; userId: number } | { ok: false; errors: Record<string, string> };

/**
 * Creates an account from validated fields: the one way accounts are made, by the registration
 * form, the user:create command and the demo data.
 */
export async function registerMember(input: {
  name: string;
  email: string;
  password: string;
  role: Role;
  igedId: number | null;
  position: string;
}): Promise<RegistrationResult> {
  if (input.igedId !== null && !(await getIged(input.igedId))) {
    return { ok: false, errors: { igedId: "Elige tu IGED de la lista." } };
  }
  if (await isEmailTaken(input.email)) {
    return { ok: false, errors: { email: "Ya existe una cuenta con ese correo. Ingresa con tu contraseña." } };
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const userId = await createMember({ ...input, passwordHash });
    return { ok: true, userId };
  } catch (error) {
    // Two registrations with the same email at the same moment: the second one lands here.
    if (error instanceof EmailTakenError) {
      return { ok: false, errors: { email: "Ya existe una cuenta con ese correo. Ingresa con tu contraseña." } };
    }
    throw error;
  }
}
