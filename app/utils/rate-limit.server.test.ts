import { describe, expect, test } from "vitest";
import { getRateLimit } from "~/models/rate-limit.server";
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  delayAfterAttempt,
  describeWait,
  forgetAttempts,
  registerAttempt,
  signInKeys,
} from "~/utils/rate-limit.server";

const at = (iso: string) => new Date(iso);

describe("delays", () => {
  test("start after the free attempts and double up to the cap, never locking for good", () => {
    expect(delayAfterAttempt(5, ACCOUNT_POLICY)).toBe(0);
    expect(delayAfterAttempt(6, ACCOUNT_POLICY)).toBe(2);
    expect(delayAfterAttempt(7, ACCOUNT_POLICY)).toBe(4);
    expect(delayAfterAttempt(10, ACCOUNT_POLICY)).toBe(32);
    expect(delayAfterAttempt(1000, ACCOUNT_POLICY)).toBe(15 * 60);
    expect(delayAfterAttempt(20, ADDRESS_POLICY)).toBe(0);
  });

  test("are described in Spanish", () => {
    expect(describeWait(1)).toBe("1 segundo");
    expect(describeWait(45)).toBe("45 segundos");
    expect(describeWait(61)).toBe("1 minuto");
    expect(describeWait(900)).toBe("15 minutos");
  });
});

describe("sign-in throttling", () => {
  test("allows five attempts on an account, then makes the next one wait", async () => {
    const keys = signInKeys("limite1@ejemplo.pe", "10.0.0.1");
    const now = at("2026-11-22T10:00:00Z");
    for (let i = 0; i < 5; i++) expect(await registerAttempt(keys, now)).toEqual({ allowed: true });
    // The sixth is counted and sets a wait of 2 s; the seventh, within it, is refused.
    expect(await registerAttempt(keys, now)).toEqual({ allowed: true });
    expect(await registerAttempt(keys, now)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    // After the wait the next attempt goes through and the wait doubles.
    const later = at("2026-11-22T10:00:03Z");
    expect(await registerAttempt(keys, later)).toEqual({ allowed: true });
    expect(await registerAttempt(keys, later)).toEqual({ allowed: false, retryAfterSeconds: 4 });
  });

  test("blocks by address across many accounts", async () => {
    const now = at("2026-11-22T11:00:00Z");
    let refused = 0;
    for (let i = 0; i < 25; i++) {
      const decision = await registerAttempt(signInKeys(`cuenta${i}@ejemplo.pe`, "10.0.0.2"), now);
      if (!decision.allowed) refused++;
    }
    expect(refused).toBe(25 - 21);
  });

  test("a burst of simultaneous guesses costs at most a few password checks", async () => {
    const keys = signInKeys("rafaga@ejemplo.pe", "10.0.0.3");
    const now = at("2026-11-22T12:00:00Z");
    const decisions = await Promise.all(Array.from({ length: 200 }, () => registerAttempt(keys, now)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(6);
  });

  test("a successful sign-in clears the account and gives the address its attempt back", async () => {
    const keys = signInKeys("exito@ejemplo.pe", "10.0.0.4");
    const now = at("2026-11-22T13:00:00Z");
    for (let i = 0; i < 3; i++) await registerAttempt(keys, now);
    await forgetAttempts(keys, now);
    expect(await getRateLimit(keys[0]!.key)).toBeUndefined();
    expect((await getRateLimit(keys[1]!.key))?.failures).toBe(2);
  });

  test("forgets old failures after a day", async () => {
    const keys = signInKeys("olvido@ejemplo.pe", "10.0.0.5");
    const day1 = at("2026-11-20T08:00:00Z");
    for (let i = 0; i < 6; i++) await registerAttempt(keys, day1);
    const day2 = at("2026-11-21T09:00:00Z");
    expect(await registerAttempt(keys, day2)).toEqual({ allowed: true });
    expect((await getRateLimit(keys[0]!.key))?.failures).toBe(1);
  });
});
