import { describe, expect, test } from "vitest";
import { findPasswordReset, issuePasswordReset, redeemPasswordReset } from "~/models/password-reset.server";
import { getDb } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { hashChallengeToken, newChallengeToken } from "~/utils/totp.server";
import { createMember } from "../../tests/factories/members";

const inADay = () => new Date(Date.now() + 24 * 3600_000);

describe("password reset links", () => {
  test("only the hash of the token is stored, with who issued it and why", async () => {
    const member = await createMember();
    const difoca = await createMember({ role: "difoca", iged: null });
    const { token, tokenHash } = newChallengeToken();
    await issuePasswordReset({ tokenHash, memberId: member.id, issuedBy: difoca.id, reason: "Pedido por oficio", expiresAt: inADay() });
    const rows = await getDb().selectFrom("passwordResets").selectAll().where("userId", "=", member.id).execute();
    expect(rows).toEqual([expect.objectContaining({ tokenHash: hashChallengeToken(token), issuedBy: difoca.id, reason: "Pedido por oficio", usedAt: null })]);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await findPasswordReset(hashChallengeToken(token))).toMatchObject({ userId: member.id, state: "valid" });
    expect(await findPasswordReset(hashChallengeToken("otro"))).toBeUndefined();
  });

  test("two requests with the same link at the same moment: only one sets the password", async () => {
    const member = await createMember();
    const difoca = await createMember({ role: "difoca", iged: null });
    const { tokenHash } = newChallengeToken();
    await issuePasswordReset({ tokenHash, memberId: member.id, issuedBy: difoca.id, reason: "Pedido por oficio", expiresAt: inADay() });
    const [a, b] = await Promise.all([
      redeemPasswordReset({ tokenHash, passwordHash: await hashPassword("primera frase larga") }),
      redeemPasswordReset({ tokenHash, passwordHash: await hashPassword("segunda frase larga") }),
    ]);
    expect([a, b].filter((r) => r !== null)).toEqual([{ userId: member.id }]);
    expect(await findPasswordReset(tokenHash)).toMatchObject({ state: "used" });
  });

  test("a link past its expiry, or replaced by a newer one, sets nothing", async () => {
    const member = await createMember();
    const difoca = await createMember({ role: "difoca", iged: null });
    const old = newChallengeToken();
    await issuePasswordReset({ tokenHash: old.tokenHash, memberId: member.id, issuedBy: difoca.id, reason: "Primero", expiresAt: inADay() });
    const expiring = newChallengeToken();
    await issuePasswordReset({ tokenHash: expiring.tokenHash, memberId: member.id, issuedBy: difoca.id, reason: "Segundo", expiresAt: inADay() });
    expect(await findPasswordReset(old.tokenHash)).toMatchObject({ state: "revoked" });
    expect(await redeemPasswordReset({ tokenHash: old.tokenHash, passwordHash: "x" })).toBeNull();

    const later = new Date(Date.now() + 25 * 3600_000);
    expect(await findPasswordReset(expiring.tokenHash, later)).toMatchObject({ state: "expired" });
    expect(await redeemPasswordReset({ tokenHash: expiring.tokenHash, passwordHash: "x", now: later })).toBeNull();
    expect(await findPasswordReset(expiring.tokenHash)).toMatchObject({ state: "valid" });
  });
});
