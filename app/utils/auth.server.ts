// Accounts and sessions: sign-in with throttling, the second factor (TOTP or a recovery code,
// required for DIFOCA), Lucia sessions with an idle timeout and an absolute lifetime, the
// getUser/requireUser helpers every loader and action starts with, and the member's own account
// security: password change, their sessions, and DIFOCA's one-time reset links (ADR 014).
import { createHash } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { Cookie, Lucia, TimeSpan } from "lucia";
import type { Role } from "../../db/schema";
import { findPasswordReset, issuePasswordReset, redeemPasswordReset, type PasswordResetState } from "~/models/password-reset.server";
import { deleteMemberSession, deleteOtherMemberSessions, KyselySessionAdapter, listMemberSessions } from "~/models/session.server";
import { getIged } from "~/models/iged.server";
import {
  claimTotpStep,
  countRecoveryCodesLeft,
  createMfaChallenge,
  deleteMfaChallenge,
  disableMfa,
  enableMfa,
  getEnrolment,
  getMfaChallenge,
  getTotpCredentials,
  recordChallengeFailure,
  replaceRecoveryCodes,
  useRecoveryCode,
  type MfaChallengePurpose,
} from "~/models/mfa.server";
import { changeMemberPassword, createMember, EmailTakenError, getSignInCredentials, isEmailTaken, recordSignIn } from "~/models/user.server";
import { hashPassword, passwordProblem, verifyDecoyPassword, verifyPassword } from "~/utils/password.server";
import { ACCOUNT_POLICY, ADDRESS_POLICY, forgetAttempts, registerAttempt, signInKeys, type ThrottleKey } from "~/utils/rate-limit.server";
import {
  decryptSecret,
  encryptSecret,
  formatSecretForTyping,
  generateRecoveryCodes,
  generateTotpSecret,
  hashChallengeToken,
  hashRecoveryCode,
  matchTotpStep,
  newChallengeToken,
  normalizeRecoveryCode,
  normalizeTotpCode,
  totpQrCodeDataUrl,
} from "~/utils/totp.server";

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
  | { ok: true; userId: number; role: Role; mfaEnabled: boolean }
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
  return { ok: true, userId: credentials.id, role: credentials.role, mfaEnabled: credentials.mfaEnabledAt !== null };
}

/**
 * Starts a new session (never reusing one from before sign-in) and adds its cookie to `headers`.
 * Only the sign-in flow below and registration call it: a correct password alone is not enough
 * when the member has MFA on or is DIFOCA.
 */
export async function startSession(request: Request, userId: number, headers = new Headers()): Promise<Headers> {
  const previous = sessionIdFrom(request);
  if (previous) await lucia.invalidateSession(previous);
  const session = await lucia.createSession(userId, { createdAt: new Date() });
  await recordSignIn(userId);
  headers.append("Set-Cookie", sessionCookie(request, session.id));
  return headers;
}

/** Starts a new session and redirects with its cookie. */
export async function createUserSession(request: Request, userId: number, redirectTo: string, headers = new Headers()) {
  return redirect(redirectTo, { headers: await startSession(request, userId, headers) });
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

// ---------------------------------------------------------------------------------------------
// Multi-factor sign-in (ADR 012). After a correct password, a member with MFA on proves the second
// factor at /ingresar/verificacion, and a DIFOCA specialist without it sets it up at
// /ingresar/configurar-verificacion, before any session exists. What links the two steps is a
// random token in an HttpOnly cookie, whose hash is a challenge row: bound to the member, used once,
// ended after 10 minutes or 5 wrong codes. Codes are throttled per member and per address.

export const SIGN_IN_STEP_MINUTES = 10;
const ENROLMENT_MINUTES = 30;
export const MAX_CODE_FAILURES_PER_CHALLENGE = 5;
export const VERIFY_PATH = "/ingresar/verificacion";
export const SETUP_PATH = "/ingresar/configurar-verificacion";

/** DIFOCA accounts cannot sign in without a second factor, nor turn it off. */
export function requiresMfa(role: Role): boolean {
  return role === "difoca";
}

const challengeCookie = createCookie("cop_verificacion", {
  httpOnly: true,
  sameSite: "lax",
  path: "/ingresar",
  maxAge: SIGN_IN_STEP_MINUTES * 60,
});

function mfaKeys(userId: number, clientAddress: string): ThrottleKey[] {
  return [
    { key: `mfa:account:${userId}`, policy: ACCOUNT_POLICY },
    { key: `mfa:address:${clientAddress}`, policy: ADDRESS_POLICY },
  ];
}

async function clearChallengeCookie(request: Request): Promise<string> {
  return challengeCookie.serialize("", { maxAge: 0, secure: isSecureRequest(request) });
}

/**
 * What follows a correct password: a session, or the second step, or (DIFOCA without MFA) the
 * setup. `sessionHeaders` are added only when the session starts now (the welcome toast).
 */
export async function continueSignIn(
  request: Request,
  result: { userId: number; role: Role; mfaEnabled: boolean },
  redirectTo: string,
  sessionHeaders = new Headers(),
) {
  if (!result.mfaEnabled && !requiresMfa(result.role)) return createUserSession(request, result.userId, redirectTo, sessionHeaders);
  const purpose: MfaChallengePurpose = result.mfaEnabled ? "verify" : "setup";
  const { token, tokenHash } = newChallengeToken();
  await createMfaChallenge({
    tokenHash,
    userId: result.userId,
    purpose,
    pendingSecret: purpose === "setup" ? encryptSecret(generateTotpSecret()) : null,
    redirectTo,
    expiresAt: new Date(Date.now() + SIGN_IN_STEP_MINUTES * 60_000),
  });
  const headers = new Headers();
  headers.append("Set-Cookie", await challengeCookie.serialize(token, { secure: isSecureRequest(request) }));
  return redirect(purpose === "verify" ? VERIFY_PATH : SETUP_PATH, { headers });
}

/** The pending sign-in step of this browser, if it is still valid. */
export async function getSignInChallenge(request: Request, purpose: MfaChallengePurpose) {
  const token: unknown = await challengeCookie.parse(request.headers.get("Cookie"));
  if (typeof token !== "string" || token.length === 0 || token.length > 100) return null;
  return (await getMfaChallenge(hashChallengeToken(token), purpose)) ?? null;
}

export type CodeCheck =
  | { ok: true; usedRecoveryCode: boolean }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** The secret in clear; null when the MFA key changed (then only a DIFOCA reset helps, ADR 012). */
function readableSecret(encryptedSecret: string): string | null {
  try {
    return decryptSecret(encryptedSecret);
  } catch {
    return null;
  }
}

/** A current TOTP code of the member's app, never one accepted before. */
async function isCurrentTotpCode(userId: number, code: string): Promise<boolean> {
  const credentials = await getTotpCredentials(userId);
  const secret = credentials && readableSecret(credentials.encryptedSecret);
  if (!credentials || !secret) return false;
  const step = matchTotpStep(secret, code);
  if (step === null) return false;
  if (credentials.lastStep !== null && step <= credentials.lastStep) return false;
  return claimTotpStep(userId, step);
}

/**
 * Checks a member's second factor: the 6 digits of their app or (when allowed) one of their
 * recovery codes, which is then used up. Every check is counted before it is made.
 */
export async function checkSecondFactor(input: {
  userId: number;
  code: string;
  clientAddress: string;
  allowRecoveryCode: boolean;
}): Promise<CodeCheck> {
  const keys = mfaKeys(input.userId, input.clientAddress);
  const decision = await registerAttempt(keys);
  if (!decision.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: decision.retryAfterSeconds };
  const check = await verifySecondFactor(input.userId, input.code, input.allowRecoveryCode);
  if (check.ok) await forgetAttempts(keys);
  return check;
}

/** The check itself, for callers that counted the attempt already. */
async function verifySecondFactor(userId: number, code: string, allowRecoveryCode: boolean): Promise<CodeCheck> {
  if (normalizeTotpCode(code)) {
    return (await isCurrentTotpCode(userId, code)) ? { ok: true, usedRecoveryCode: false } : { ok: false, reason: "invalid" };
  }
  const recovery = allowRecoveryCode ? normalizeRecoveryCode(code) : null;
  if (recovery !== null && (await useRecoveryCode(userId, hashRecoveryCode(userId, recovery)))) return { ok: true, usedRecoveryCode: true };
  return { ok: false, reason: "invalid" };
}

export type SignInStepResult =
  | { ok: true; headers: Headers; redirectTo: string; recoveryCodesLeft: number | null }
  | { ok: false; reason: "expired" | "invalid" | "restart" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** A wrong code counts against the challenge; after too many, the password is asked again. */
async function failChallenge(tokenHash: string): Promise<"invalid" | "restart"> {
  if ((await recordChallengeFailure(tokenHash)) < MAX_CODE_FAILURES_PER_CHALLENGE) return "invalid";
  await deleteMfaChallenge(tokenHash);
  return "restart";
}

/** The second step of sign-in: a code (or a recovery code) and then, only then, a new session. */
export async function completeSignInStep(request: Request, input: { code: string; clientAddress: string }): Promise<SignInStepResult> {
  const challenge = await getSignInChallenge(request, "verify");
  if (!challenge) return { ok: false, reason: "expired" };
  const check = await checkSecondFactor({ userId: challenge.userId, code: input.code, clientAddress: input.clientAddress, allowRecoveryCode: true });
  if (!check.ok) {
    if (check.reason === "throttled") return check;
    return { ok: false, reason: await failChallenge(challenge.tokenHash) };
  }
  if (!(await deleteMfaChallenge(challenge.tokenHash))) return { ok: false, reason: "expired" };
  const headers = new Headers();
  headers.append("Set-Cookie", await clearChallengeCookie(request));
  await startSession(request, challenge.userId, headers);
  return {
    ok: true,
    headers,
    redirectTo: challenge.redirectTo,
    recoveryCodesLeft: check.usedRecoveryCode ? await countRecoveryCodesLeft(challenge.userId) : null,
  };
}

export interface NewSecretView {
  /** The secret in groups of four, for people who type it into their app. */
  secret: string;
  qrCode: string;
}

async function describeSecret(encryptedSecret: string, accountLabel: string): Promise<NewSecretView> {
  const secret = decryptSecret(encryptedSecret);
  return { secret: formatSecretForTyping(secret), qrCode: await totpQrCodeDataUrl(secret, accountLabel) };
}

/** What the setup page shows: the QR code and the secret of the pending setup. */
export async function describeSignInSetup(request: Request): Promise<(NewSecretView & { email: string }) | null> {
  const challenge = await getSignInChallenge(request, "setup");
  if (!challenge?.pendingSecret) return null;
  return { email: challenge.email, ...(await describeSecret(challenge.pendingSecret, challenge.email)) };
}

/** New recovery codes: the member sees them once; only their keyed hashes are kept. */
function newRecoveryCodes(userId: number): { codes: string[]; hashes: string[] } {
  const codes = generateRecoveryCodes();
  return { codes, hashes: codes.map((code) => hashRecoveryCode(userId, normalizeRecoveryCode(code)!)) };
}

/** Confirms a new secret with a code of the app; on success MFA is on and the codes are returned. */
async function confirmNewSecret(userId: number, encryptedSecret: string, code: string): Promise<string[] | null> {
  const step = matchTotpStep(decryptSecret(encryptedSecret), code);
  if (step === null) return null;
  const { codes, hashes } = newRecoveryCodes(userId);
  await enableMfa({ userId, encryptedSecret, confirmedStep: step, recoveryCodeHashes: hashes });
  return codes;
}

export type SetupResult =
  | { ok: true; headers: Headers; redirectTo: string; recoveryCodes: string[] }
  | { ok: false; reason: "expired" | "invalid" | "restart" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** The required setup of DIFOCA at sign-in: the first code turns MFA on, then the session starts. */
export async function completeSignInSetup(request: Request, input: { code: string; clientAddress: string }): Promise<SetupResult> {
  const challenge = await getSignInChallenge(request, "setup");
  if (!challenge?.pendingSecret) return { ok: false, reason: "expired" };
  const keys = mfaKeys(challenge.userId, input.clientAddress);
  const decision = await registerAttempt(keys);
  if (!decision.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: decision.retryAfterSeconds };
  if (matchTotpStep(decryptSecret(challenge.pendingSecret), input.code) === null) {
    return { ok: false, reason: await failChallenge(challenge.tokenHash) };
  }
  if (!(await deleteMfaChallenge(challenge.tokenHash))) return { ok: false, reason: "expired" };
  const recoveryCodes = await confirmNewSecret(challenge.userId, challenge.pendingSecret, input.code);
  if (!recoveryCodes) return { ok: false, reason: "expired" };
  await forgetAttempts(keys);
  const headers = new Headers();
  headers.append("Set-Cookie", await clearChallengeCookie(request));
  await startSession(request, challenge.userId, headers);
  return { ok: true, headers, redirectTo: challenge.redirectTo, recoveryCodes };
}

/** Starts (or restarts) setting up an authenticator app from the security page. */
export async function startEnrolment(userId: number): Promise<void> {
  await createMfaChallenge({
    tokenHash: newChallengeToken().tokenHash,
    userId,
    purpose: "enrol",
    pendingSecret: encryptSecret(generateTotpSecret()),
    redirectTo: "/cuenta/seguridad",
    expiresAt: new Date(Date.now() + ENROLMENT_MINUTES * 60_000),
  });
}

export async function describeEnrolment(user: Pick<CurrentUser, "id" | "email">): Promise<NewSecretView | null> {
  const enrolment = await getEnrolment(user.id);
  if (!enrolment?.pendingSecret) return null;
  return describeSecret(enrolment.pendingSecret, user.email);
}

export type EnrolmentResult =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; reason: "expired" | "invalid" | "current_invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Confirms the enrolment in progress with a code of the new app. A member who already has MFA
 * (moving to a new phone) also proves the current factor: a code of the old app or a recovery code.
 */
export async function confirmEnrolment(input: {
  user: Pick<CurrentUser, "id">;
  code: string;
  currentCode: string | null;
  clientAddress: string;
}): Promise<EnrolmentResult> {
  const enrolment = await getEnrolment(input.user.id);
  if (!enrolment?.pendingSecret) return { ok: false, reason: "expired" };
  const keys = mfaKeys(input.user.id, input.clientAddress);
  const decision = await registerAttempt(keys);
  if (!decision.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: decision.retryAfterSeconds };
  // The new code is checked first: it has no side effect, while the current one is used up.
  if (matchTotpStep(decryptSecret(enrolment.pendingSecret), input.code) === null) return { ok: false, reason: "invalid" };
  if ((await getTotpCredentials(input.user.id)) !== undefined) {
    const current = await verifySecondFactor(input.user.id, input.currentCode ?? "", true);
    if (!current.ok) return { ok: false, reason: "current_invalid" };
  }
  await forgetAttempts(keys);
  const recoveryCodes = await confirmNewSecret(input.user.id, enrolment.pendingSecret, input.code);
  return recoveryCodes ? { ok: true, recoveryCodes } : { ok: false, reason: "invalid" };
}

/** New recovery codes, after a current code of the app. */
export async function regenerateRecoveryCodes(input: { user: Pick<CurrentUser, "id">; code: string; clientAddress: string }) {
  const check = await checkSecondFactor({ userId: input.user.id, code: input.code, clientAddress: input.clientAddress, allowRecoveryCode: false });
  if (!check.ok) return check;
  const { codes, hashes } = newRecoveryCodes(input.user.id);
  await replaceRecoveryCodes(input.user.id, hashes);
  return { ok: true as const, recoveryCodes: codes };
}

export type DisableResult =
  | { ok: true }
  | { ok: false; reason: "required" | "password" | "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** Turns MFA off: the password and a current code; never for DIFOCA. Other sessions end. */
export async function turnOffMfa(input: {
  request: Request;
  user: Pick<CurrentUser, "id" | "email" | "role">;
  password: string;
  code: string;
  clientAddress: string;
}): Promise<DisableResult> {
  if (requiresMfa(input.user.role)) return { ok: false, reason: "required" };
  const keys = mfaKeys(input.user.id, input.clientAddress);
  const decision = await registerAttempt(keys);
  if (!decision.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: decision.retryAfterSeconds };
  // The password first: a wrong one must not use up a recovery code.
  const credentials = await getSignInCredentials(input.user.email);
  if (!credentials || !(await verifyPassword(credentials.passwordHash, input.password))) return { ok: false, reason: "password" };
  if (!(await verifySecondFactor(input.user.id, input.code, true)).ok) return { ok: false, reason: "invalid" };
  await forgetAttempts(keys);
  await disableMfa(input.user.id);
  await endOtherSessions(input.request, input.user.id);
  return { ok: true };
}

/** Ends every session of the member but the one of this request; returns how many ended. */
export async function endOtherSessions(request: Request, userId: number): Promise<number> {
  return deleteOtherMemberSessions({ userId, keepSessionId: sessionIdFrom(request) });
}

// ---------------------------------------------------------------------------------------------
// The member's own account security (ADR 014): changing the password, seeing and ending sessions,
// and the one-time reset link DIFOCA issues when a password is forgotten. Every check of a current
// password, wherever it is typed, counts against the same throttle as signing in (per account and
// per address), so a stolen session gives no extra guesses.

export type PasswordCheck = { ok: true } | { ok: false; reason: "password" } | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** The member types their current password again before a sensitive change. */
export async function confirmCurrentPassword(input: { user: Pick<CurrentUser, "email">; password: string; clientAddress: string }): Promise<PasswordCheck> {
  const keys = signInKeys(input.user.email, input.clientAddress);
  const decision = await registerAttempt(keys);
  if (!decision.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: decision.retryAfterSeconds };
  const credentials = await getSignInCredentials(input.user.email);
  if (!credentials || !(await verifyPassword(credentials.passwordHash, input.password))) return { ok: false, reason: "password" };
  await forgetAttempts(keys);
  return { ok: true };
}

export type PasswordChangeResult =
  | { ok: true; headers: Headers; otherSessionsEnded: number }
  | { ok: false; reason: "password" | "same" }
  | { ok: false; reason: "policy"; message: string }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Changes the member's password (the new one already passed the policy): the current password
 * first, then the new argon2 hash; every other session ends and this browser gets a new session id.
 */
export async function changeOwnPassword(input: {
  request: Request;
  user: Pick<CurrentUser, "id" | "email">;
  currentPassword: string;
  newPassword: string;
  clientAddress: string;
}): Promise<PasswordChangeResult> {
  const problem = passwordProblem(input.newPassword, input.user.email);
  if (problem) return { ok: false, reason: "policy", message: problem };
  const check = await confirmCurrentPassword({ user: input.user, password: input.currentPassword, clientAddress: input.clientAddress });
  if (!check.ok) return check;
  if (input.newPassword === input.currentPassword) return { ok: false, reason: "same" };
  const { sessionsEnded } = await changeMemberPassword({ memberId: input.user.id, passwordHash: await hashPassword(input.newPassword) });
  const session = await lucia.createSession(input.user.id, { createdAt: new Date() });
  const headers = new Headers();
  headers.append("Set-Cookie", sessionCookie(input.request, session.id));
  return { ok: true, headers, otherSessionsEnded: sessionsEnded };
}

/**
 * What the page shows of a session instead of its id: the id is the bearer secret and must not be
 * written into the page, so each row is named by a hash of it.
 */
function sessionHandle(sessionId: string): string {
  return createHash("sha256").update(`session:${sessionId}`).digest("base64url").slice(0, 22);
}

export interface SessionView {
  handle: string;
  createdAt: string;
  /** The earlier of the idle expiry and the absolute lifetime. */
  expiresAt: string;
  current: boolean;
}

/** The member's open sessions, this browser's marked. */
export async function describeOwnSessions(request: Request, user: Pick<CurrentUser, "id">, now = new Date()): Promise<SessionView[]> {
  const current = sessionIdFrom(request);
  return (await listMemberSessions(user.id, now)).flatMap((session) => {
    const absoluteEnd = Date.parse(session.createdAt) + SESSION_ABSOLUTE_DAYS * DAY_MS;
    if (absoluteEnd <= now.getTime()) return [];
    const expiresAt = new Date(Math.min(Date.parse(session.expiresAt), absoluteEnd)).toISOString();
    return [{ handle: sessionHandle(session.id), createdAt: session.createdAt, expiresAt, current: session.id === current }];
  });
}

/**
 * Ends one of the member's own sessions, named by its handle. Only the member's sessions are
 * looked at, so another member's session is "unknown". "current" means this browser's: the caller
 * signs it out.
 */
export async function endOwnSession(request: Request, user: Pick<CurrentUser, "id">, handle: string): Promise<"current" | "ended" | "unknown"> {
  const current = sessionIdFrom(request);
  const session = (await listMemberSessions(user.id)).find((s) => sessionHandle(s.id) === handle);
  if (!session) return "unknown";
  if (session.id === current) return "current";
  return (await deleteMemberSession({ userId: user.id, sessionId: session.id })) ? "ended" : "unknown";
}

/** A reset link works this long after DIFOCA issues it. */
export const PASSWORD_RESET_HOURS = 24;
export const RESET_PATH = "/restablecer";
const RESET_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Looking up reset links is throttled per address: nobody guesses tokens at speed. */
function resetKeys(clientAddress: string): ThrottleKey[] {
  return [{ key: `reset:address:${clientAddress}`, policy: ADDRESS_POLICY }];
}

/** DIFOCA issues a one-time link for a member; the path with the token is returned once, never stored. */
export async function issuePasswordResetLink(input: { memberId: number; actorId: number; reason: string }): Promise<{ path: string; expiresAt: Date }> {
  const { token, tokenHash } = newChallengeToken();
  const issuedAt = new Date();
  const expiresAt = new Date(issuedAt.getTime() + PASSWORD_RESET_HOURS * 3600_000);
  await issuePasswordReset({ tokenHash, memberId: input.memberId, issuedBy: input.actorId, reason: input.reason, expiresAt, issuedAt });
  return { path: `${RESET_PATH}/${token}`, expiresAt };
}

interface ResetLinkInfo {
  memberName: string;
  email: string;
  expiresAt: string;
}

export type ResetLinkLookup =
  | { state: "unknown" }
  | { state: "throttled"; retryAfterSeconds: number }
  | ({ state: "valid" } & ResetLinkInfo)
  | ({ state: Exclude<PasswordResetState, "valid"> } & ResetLinkInfo);

/** What a reset link is: unknown, used, expired, replaced or valid. Every lookup is counted. */
export async function lookUpPasswordResetLink(input: { token: string; clientAddress: string }): Promise<ResetLinkLookup> {
  const decision = await registerAttempt(resetKeys(input.clientAddress));
  if (!decision.allowed) return { state: "throttled", retryAfterSeconds: decision.retryAfterSeconds };
  if (!RESET_TOKEN_SHAPE.test(input.token)) return { state: "unknown" };
  const reset = await findPasswordReset(hashChallengeToken(input.token));
  if (!reset) return { state: "unknown" };
  const info: ResetLinkInfo = { memberName: reset.memberName, email: reset.email, expiresAt: reset.expiresAt };
  return reset.state === "valid" ? { state: "valid", ...info } : { state: reset.state, ...info };
}

export type ValidResetLink = Extract<ResetLinkLookup, { state: "valid" }>;

export type ResetWithLinkResult =
  | { ok: true }
  | { ok: false; reason: "used" }
  | { ok: false; reason: "policy"; message: string };

/**
 * Sets a new password through a reset link that was just looked up as valid (the new password
 * already passed the policy, but for the member's own email). The link is used up in the same
 * transaction that checks it again, every session of the member ends, and MFA stays as it is: the
 * next sign-in still asks for the code. No session starts here.
 */
export async function resetPasswordWithLink(input: { token: string; link: ValidResetLink; newPassword: string; clientAddress: string }): Promise<ResetWithLinkResult> {
  const problem = passwordProblem(input.newPassword, input.link.email);
  if (problem) return { ok: false, reason: "policy", message: problem };
  const redeemed = await redeemPasswordReset({ tokenHash: hashChallengeToken(input.token), passwordHash: await hashPassword(input.newPassword) });
  if (!redeemed) return { ok: false, reason: "used" };
  await forgetAttempts(resetKeys(input.clientAddress));
  // A member kept waiting by wrong guesses can sign in with the new password at once.
  await forgetAttempts(signInKeys(input.link.email, input.clientAddress));
  return { ok: true };
}
