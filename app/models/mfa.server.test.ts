import { afterEach, describe, expect, test, vi } from "vitest";
import { listAuditForTarget } from "~/models/audit.server";
import { countRecoveryCodesLeft, getMfaStatus, resetMemberMfa } from "~/models/mfa.server";
import { countSessions } from "~/models/session.server";
import { checkSecondFactor } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import {
  currentTotpCode,
  decryptSecret,
  encryptSecret,
  generateRecoveryCodes,
  generateTotpSecret,
  matchTotpStep,
  normalizeRecoveryCode,
  timeStep,
  totpUri,
} from "~/utils/totp.server";
import { createMember } from "../../tests/factories/members";
import { sessionCookieFor } from "../../tests/setup/requests";
import { codeAt, enableMfaFor } from "../../tests/support/mfa";

const T0 = Date.parse("2026-11-22T15:00:10Z");
let address = 0;
const check = (userId: number, code: string, allowRecoveryCode = true) => {
  address += 1;
  return checkSecondFactor({ userId, code, clientAddress: `198.51.100.${address}`, allowRecoveryCode });
};

afterEach(() => {
  vi.useRealTimers();
});

describe("TOTP codes", () => {
  test("follow RFC 6238: SHA-1, 6 digits, 30-second steps (the RFC's own test vector)", () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s gives 94287082 (8 digits), so 287082.
    const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(currentTotpCode(secret, 59_000)).toBe("287082");
    expect(totpUri(secret, "ana@ugel.pe")).toMatch(/^otpauth:\/\/totp\/.+ana%40ugel\.pe\?.*secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ/);
    expect(totpUri(secret, "ana@ugel.pe")).toMatch(/algorithm=SHA1&digits=6&period=30/);
  });

  test("accept the code of the step before and after, but not two steps away", () => {
    const secret = generateTotpSecret();
    const now = T0;
    expect(matchTotpStep(secret, codeAt(secret, 0, now), now)).toBe(timeStep(now));
    expect(matchTotpStep(secret, codeAt(secret, -1, now), now)).toBe(timeStep(now) - 1);
    expect(matchTotpStep(secret, codeAt(secret, 1, now), now)).toBe(timeStep(now) + 1);
    const farCodes = [codeAt(secret, -2, now), codeAt(secret, 2, now)].filter(
      (c) => ![-1, 0, 1].some((d) => codeAt(secret, d, now) === c),
    );
    for (const code of farCodes) expect(matchTotpStep(secret, code, now)).toBeNull();
    expect(matchTotpStep(secret, "12345", now)).toBeNull();
    expect(matchTotpStep(secret, "abcdef", now)).toBeNull();
  });

  test("a code is accepted once: the same code again, or an older one, is refused (replay)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const member = await createMember();
    const { secret } = await enableMfaFor(member.id);
    vi.setSystemTime(T0 + 60_000);
    const fresh = codeAt(secret);
    expect(await check(member.id, fresh)).toEqual({ ok: true, usedRecoveryCode: false });
    expect(await check(member.id, fresh)).toEqual({ ok: false, reason: "invalid" });
    // The previous step's code is still inside the window, but older than the one used.
    expect(await check(member.id, codeAt(secret, -1))).toEqual({ ok: false, reason: "invalid" });
    vi.setSystemTime(T0 + 90_000);
    expect(await check(member.id, codeAt(secret))).toEqual({ ok: true, usedRecoveryCode: false });
  });

  test("the code that turned MFA on cannot be used to sign in", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const member = await createMember();
    const { secret } = await enableMfaFor(member.id);
    expect(await check(member.id, codeAt(secret))).toEqual({ ok: false, reason: "invalid" });
  });

  test("the secret is stored encrypted: the database alone does not give the codes", async () => {
    const member = await createMember();
    const { secret } = await enableMfaFor(member.id);
    const row = await getDb().selectFrom("users").select("totpSecret").where("id", "=", member.id).executeTakeFirstOrThrow();
    expect(row.totpSecret).not.toContain(secret);
    expect(row.totpSecret).toMatch(/^v1\./);
    expect(decryptSecret(row.totpSecret!)).toBe(secret);
    // Encrypting twice gives two different texts (a fresh IV each time).
    expect(encryptSecret(secret)).not.toBe(encryptSecret(secret));
    expect(() => decryptSecret(row.totpSecret!.replace(/.$/, (c) => (c === "A" ? "B" : "A")))).toThrow();
  });
});

describe("recovery codes", () => {
  test("are ten readable codes in groups of four, unique, and only their hashes are kept", async () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}$/);
    const member = await createMember();
    const { recoveryCodes } = await enableMfaFor(member.id);
    const stored = await getDb().selectFrom("recoveryCodes").select("codeHash").where("userId", "=", member.id).execute();
    expect(stored).toHaveLength(10);
    const storedText = JSON.stringify(stored);
    for (const code of recoveryCodes) {
      expect(storedText).not.toContain(code);
      expect(storedText).not.toContain(normalizeRecoveryCode(code)!);
    }
  });

  test("each one works once, typed in capitals or without dashes, and the count goes down", async () => {
    const member = await createMember();
    const { recoveryCodes } = await enableMfaFor(member.id);
    const [first, second] = recoveryCodes as [string, string];
    expect(await check(member.id, first.toUpperCase())).toEqual({ ok: true, usedRecoveryCode: true });
    expect(await check(member.id, first)).toEqual({ ok: false, reason: "invalid" });
    expect(await check(member.id, ` ${second.replaceAll("-", " ")} `)).toEqual({ ok: true, usedRecoveryCode: true });
    expect(await countRecoveryCodesLeft(member.id)).toBe(8);
  });

  test("another member's recovery code does not work", async () => {
    const [ana, beto] = [await createMember(), await createMember()];
    const anaCodes = (await enableMfaFor(ana.id)).recoveryCodes;
    await enableMfaFor(beto.id);
    expect(await check(beto.id, anaCodes[0]!)).toEqual({ ok: false, reason: "invalid" });
    expect(await countRecoveryCodesLeft(ana.id)).toBe(10);
  });

  test("are refused where only the app's code is allowed", async () => {
    const member = await createMember();
    const { recoveryCodes } = await enableMfaFor(member.id);
    expect(await check(member.id, recoveryCodes[0]!, false)).toEqual({ ok: false, reason: "invalid" });
    expect(await countRecoveryCodesLeft(member.id)).toBe(10);
  });
});

describe("checking codes", () => {
  test("is throttled per member: after 5 wrong codes the next one must wait, even from other addresses", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    const member = await createMember();
    const { secret } = await enableMfaFor(member.id);
    vi.setSystemTime(T0 + 60_000);
    for (let i = 0; i < 5; i++) expect((await check(member.id, "000000")).ok).toBe(false);
    const sixth = await check(member.id, "000000");
    expect(sixth).toEqual({ ok: false, reason: "invalid" });
    // The sixth failure set a wait: even the right code is now refused without being checked.
    const blocked = await check(member.id, codeAt(secret));
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    expect(blocked.ok === false && blocked.reason === "throttled" && blocked.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe("a DIFOCA reset of a member's MFA", () => {
  test("removes the secret and codes, ends every session of the member, and is audited with its reason", async () => {
    const [member, difoca] = [await createMember(), await createMember({ role: "difoca", iged: null })];
    await enableMfaFor(member.id);
    await sessionCookieFor(member.id);
    await sessionCookieFor(member.id);
    expect(await countSessions(member.id)).toBe(2);

    expect(await resetMemberMfa({ memberId: member.id, actorId: difoca.id, reason: "Perdió su teléfono" })).toBe(true);
    expect(await getMfaStatus(member.id)).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0 });
    expect(await countSessions(member.id)).toBe(0);
    const [entry] = await listAuditForTarget("user", member.id);
    expect(entry).toMatchObject({ action: "user.mfa_reset", actorId: difoca.id, details: { reason: "Perdió su teléfono" } });
    // Nothing left to reset.
    expect(await resetMemberMfa({ memberId: member.id, actorId: difoca.id, reason: "Otra vez" })).toBe(false);
  });
});
