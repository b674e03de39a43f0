// Turns MFA on for a member the way the security page does (a pending secret confirmed with a
// code of the app), for tests that need a member with a second factor.
import { getEnrolment } from "~/models/mfa.server";
import { confirmEnrolment, startEnrolment } from "~/utils/auth.server";
import { currentTotpCode, decryptSecret } from "~/utils/totp.server";

export async function enableMfaFor(userId: number, now = Date.now()): Promise<{ secret: string; recoveryCodes: string[] }> {
  await startEnrolment(userId);
  const enrolment = await getEnrolment(userId);
  const secret = decryptSecret(enrolment!.pendingSecret!);
  const result = await confirmEnrolment({ user: { id: userId }, code: currentTotpCode(secret, now), currentCode: null, clientAddress: "203.0.113.250" });
  if (!result.ok) throw new Error(`MFA could not be enabled: ${result.reason}`);
  return { secret, recoveryCodes: result.recoveryCodes };
}

/** The code the member's app shows `steps` periods of 30 seconds from now. */
export function codeAt(secret: string, steps = 0, now = Date.now()): string {
  return currentTotpCode(secret, now + steps * 30_000);
}
