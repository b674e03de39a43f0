// The cryptography of multi-factor sign-in (ADR 012): TOTP codes (RFC 6238: SHA-1, 6 digits, 30 s,
// one step either side), the QR code an authenticator app scans, the secret's encryption at rest,
// and the recovery codes with their keyed hashes. Nothing here touches the database.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { persistentSecret } from "~/utils/env.server";

export const TOTP_ISSUER = "CoP Gestión Educativa";
const TOTP_PERIOD_SECONDS = 30;
const TOTP_DIGITS = 6;
/** A code of the previous or the next 30-second step is accepted too (clocks of phones drift). */
const TOTP_WINDOW = 1;

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/i/l: easy to read aloud and to type from paper. 31 symbols, 12 of them: ~59 bits.
const RECOVERY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
const RECOVERY_GROUPS = 3;
const RECOVERY_GROUP_LENGTH = 4;

// A key of its own rather than the cookie secret: rotating the cookie secret signs everyone out,
// it must not also make every authenticator app useless.
let masterKey: Buffer | undefined;
function deriveKey(purpose: string): Buffer {
  masterKey ??= Buffer.from(persistentSecret("mfa", "MFA_SECRET_KEY"), "utf8");
  return Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), `cop-mfa:${purpose}`, 32));
}

/** A new random TOTP secret (160 bits, as RFC 4226 recommends), in base32 as apps expect it. */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The secret as stored: AES-256-GCM under the MFA key, "v1.<iv>.<tag>.<ciphertext>" in base64url. */
export function encryptSecret(base32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey("totp-secret"), iv);
  const ciphertext = Buffer.concat([cipher.update(base32, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !ciphertext) throw new Error("Unknown TOTP secret format");
  const decipher = createDecipheriv("aes-256-gcm", deriveKey("totp-secret"), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

function totpFor(base32: string, label = "") {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    secret: Secret.fromBase32(base32),
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  });
}

export function timeStep(now: number = Date.now()): number {
  return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
}

/** Spaces and dashes people type or paste are ignored; anything but six digits is not a code. */
export function normalizeTotpCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * The time step a code belongs to, when it is valid now (this step or one either side); null
 * otherwise. The caller refuses a step that is not newer than the last one accepted (replay).
 */
export function matchTotpStep(base32: string, code: string, now: number = Date.now()): number | null {
  const token = normalizeTotpCode(code);
  if (!token) return null;
  const delta = totpFor(base32).validate({ token, timestamp: now, window: TOTP_WINDOW });
  return delta === null ? null : timeStep(now) + delta;
}

/** The code an authenticator app would show (for tests and the demo). */
export function currentTotpCode(base32: string, now: number = Date.now()): string {
  return totpFor(base32).generate({ timestamp: now });
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(base32: string, accountLabel: string): string {
  return totpFor(base32, accountLabel).toString();
}

/** The QR code of the otpauth:// address, as an SVG data: URL for an <img> (CSP allows data: images). */
export async function totpQrCodeDataUrl(base32: string, accountLabel: string): Promise<string> {
  const svg = await QRCode.toString(totpUri(base32, accountLabel), { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}

/** The secret in groups of four, easier to type into an app by hand. */
export function formatSecretForTyping(base32: string): string {
  return base32.replace(/(.{4})/g, "$1 ").trim();
}

/** Ten new recovery codes, as shown to the member: "k7m2-p9qx-4rtz". */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const groups: string[] = [];
    for (let g = 0; g < RECOVERY_GROUPS; g++) {
      let group = "";
      for (let i = 0; i < RECOVERY_GROUP_LENGTH; i++) group += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
      groups.push(group);
    }
    return groups.join("-");
  });
}

/** A recovery code as typed: case, spaces and dashes do not matter. Null when it cannot be one. */
export function normalizeRecoveryCode(input: string): string | null {
  const compact = input.toLowerCase().replace(/[\s-]/g, "");
  const length = RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH;
  if (compact.length !== length || [...compact].some((c) => !RECOVERY_ALPHABET.includes(c))) return null;
  return compact;
}

/**
 * The stored form of a recovery code: HMAC-SHA-256 under the MFA key, bound to the member. The
 * codes are random (~59 bits), so a slow password hash adds nothing against guessing online (which
 * is throttled), and the key means a copy of the database alone cannot be brute-forced offline.
 * A keyed hash can be looked up directly, instead of running ten argon2 hashes per attempt.
 */
export function hashRecoveryCode(userId: number, normalizedCode: string): string {
  return createHmac("sha256", deriveKey("recovery-codes")).update(`${userId}:${normalizedCode}`).digest("base64url");
}

/** A random token for a pending sign-in step, and the hash the database keeps of it. */
export function newChallengeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashChallengeToken(token) };
}

export function hashChallengeToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}
