// Sign-in throttling, per account and per client address, with growing delays and no
// permanent lockout. Every attempt is counted before the password is checked, so that a burst of
// guesses costs at most a few password hashes: a blocked attempt is refused without hashing.
import { clearRateLimit, updateRateLimits, type RateLimitState } from "~/models/rate-limit.server";

export interface ThrottlePolicy {
  /** Attempts allowed before delays start. */
  freeAttempts: number;
  /** Longest wait, in seconds. */
  maxDelaySeconds: number;
  /** After this long without attempts the count starts again. */
  forgetAfterSeconds: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { freeAttempts: 5, maxDelaySeconds: 15 * 60, forgetAfterSeconds: 24 * 3600 };
export const ADDRESS_POLICY: ThrottlePolicy = { freeAttempts: 20, maxDelaySeconds: 15 * 60, forgetAfterSeconds: 24 * 3600 };

/** Seconds to wait after the n-th attempt: 0 within the free attempts, then 2, 4, 8 ... up to the cap. */
export function delayAfterAttempt(attempt: number, policy: ThrottlePolicy): number {
  const over = attempt - policy.freeAttempts;
  if (over <= 0) return 0;
  return Math.min(2 ** over, policy.maxDelaySeconds);
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

// Registrations per client address: generous enough for a UGEL office or a national event behind
// one address, tight enough that probing which e-mails have an account stays slow.
export const SIGN_UP_POLICY: ThrottlePolicy = { freeAttempts: 30, maxDelaySeconds: 15 * 60, forgetAfterSeconds: 3600 };

export function signUpKeys(clientAddress: string): ThrottleKey[] {
  return [{ key: `signup:address:${clientAddress}`, policy: SIGN_UP_POLICY }];
}

export function signInKeys(email: string, clientAddress: string): ThrottleKey[] {
  return [
    { key: `signin:account:${email.trim().toLowerCase()}`, policy: ACCOUNT_POLICY },
    { key: `signin:address:${clientAddress}`, policy: ADDRESS_POLICY },
  ];
}

/** Counts one attempt on every key, or refuses it when any key is still waiting. */
export async function registerAttempt(keys: ThrottleKey[], now: Date = new Date()): Promise<ThrottleDecision> {
  return updateRateLimits<ThrottleDecision>(
    keys.map((k) => k.key),
    (states) => {
      const nowMs = now.getTime();
      let wait = 0;
      for (const { key } of keys) {
        const blockedUntil = states.get(key)?.blockedUntil;
        if (blockedUntil) wait = Math.max(wait, Math.ceil((Date.parse(blockedUntil) - nowMs) / 1000));
      }
      if (wait > 0) return { result: { allowed: false, retryAfterSeconds: wait }, next: new Map() };

      const next = new Map<string, RateLimitState>();
      for (const { key, policy } of keys) {
        const state = states.get(key);
        const stale = !state || nowMs - Date.parse(state.updatedAt) > policy.forgetAfterSeconds * 1000;
        const attempt = (stale ? 0 : state.failures) + 1;
        const delay = delayAfterAttempt(attempt, policy);
        next.set(key, {
          failures: attempt,
          blockedUntil: delay > 0 ? new Date(nowMs + delay * 1000).toISOString() : null,
          updatedAt: now.toISOString(),
        });
      }
      return { result: { allowed: true }, next };
    },
  );
}

/**
 * A successful sign-in was not a failure: the account's count starts again, and the address's
 * count gives back the attempt (many colleagues may sign in from one office address).
 */
export async function forgetAttempts(keys: ThrottleKey[], now: Date = new Date()): Promise<void> {
  const [account, ...others] = keys;
  if (account) await clearRateLimit(account.key);
  if (others.length === 0) return;
  await updateRateLimits(
    others.map((k) => k.key),
    (states) => {
      const next = new Map<string, RateLimitState>();
      for (const { key, policy } of others) {
        const state = states.get(key);
        if (!state) continue;
        const failures = Math.max(0, state.failures - 1);
        next.set(key, {
          failures,
          blockedUntil: delayAfterAttempt(failures, policy) > 0 ? state.blockedUntil : null,
          updatedAt: now.toISOString(),
        });
      }
      return { result: undefined, next };
    },
  );
}

/** "2 minutos", "45 segundos" */
export function describeWait(seconds: number): string {
  if (seconds >= 120) return `${Math.ceil(seconds / 60)} minutos`;
  if (seconds >= 60) return "1 minuto";
  return seconds === 1 ? "1 segundo" : `${seconds} segundos`;
}
