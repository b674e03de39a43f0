import { statSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeProtectedHeader } from "jose";
import { describe, expect, test } from "vitest";
import { secretsDir } from "~/utils/env.server";
import { buildCredential, publicJwks, recipientIdentity, signCredential, verifyCredentialJwt, type CredentialAward } from "~/utils/credentials.server";

const ORIGIN = "https://cop.minedu.gob.pe";
const award: CredentialAward = {
  credentialId: "6f1c2d3e-4a5b-4c6d-8e7f-901234567890",
  awardedAt: "2026-04-24T22:00:00.000Z",
  reason: "Presentó su práctica en el I Intercambio de la Macrorregión Centro.",
  evidenceUrl: "https://www.gob.pe/minedu",
  recipientEmail: "Rayda.Hermitano@ejemplo.pe",
  badge: { slug: "ponente", name: "Ponente", description: "Reconoce a quienes presentaron.", criteria: "Presentar una práctica." },
};

/** Changes one character of the payload part, keeping it valid base64url. */
function tamper(jwt: string): string {
  const [header, payload, signature] = jwt.split(".");
  const json = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8"));
  json.credentialSubject.achievement.name = "Referente";
  return [header, Buffer.from(JSON.stringify(json)).toString("base64url"), signature].join(".");
}

describe("verifiable credentials", () => {
  test("an award becomes an OpenBadgeCredential with the issuer, the achievement, a hashed recipient and the evidence", () => {
    const credential = buildCredential(award, ORIGIN);
    expect(credential["@context"]).toEqual(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]);
    expect(credential.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(credential.id).toBe(`${ORIGIN}/credenciales/${award.credentialId}`);
    expect(credential.issuer).toMatchObject({ id: `${ORIGIN}/emisor`, type: ["Profile"], name: "Comunidad de Práctica de Gestión Educativa — MINEDU/DIFOCA" });
    expect(credential.validFrom).toBe(award.awardedAt);
    expect(credential.credentialSubject.achievement).toMatchObject({
      id: `${ORIGIN}/insignias/ponente`,
      type: ["Achievement"],
      name: "Ponente",
      criteria: { narrative: "Presentar una práctica." },
      image: { id: `${ORIGIN}/insignias/ponente/imagen.svg`, type: "Image" },
    });
    expect(credential.evidence).toEqual([{ type: ["Evidence"], narrative: award.reason, id: award.evidenceUrl }]);
    const [identity] = credential.credentialSubject.identifier;
    expect(identity).toEqual(recipientIdentity("rayda.hermitano@ejemplo.pe", award.credentialId));
    expect(identity!.identityHash).toMatch(/^sha256\$[0-9a-f]{64}$/);
    expect(JSON.stringify(credential)).not.toContain("hermitano");
  });

  test("a signed credential verifies with the platform's key, and fails when tampered with", async () => {
    const { jwt, credential } = await signCredential(award, ORIGIN);
    const header = decodeProtectedHeader(jwt);
    expect(header).toMatchObject({ alg: "EdDSA", typ: "vc+jwt" });
    const { keys } = await publicJwks();
    expect(header.kid).toBe(keys[0]!.kid);

    const good = await verifyCredentialJwt(jwt);
    expect(good.valid).toBe(true);
    if (good.valid) {
      expect(good.payload).toMatchObject({ id: credential.id, iss: `${ORIGIN}/emisor`, jti: credential.id, type: ["VerifiableCredential", "OpenBadgeCredential"] });
    }

    const bad = await verifyCredentialJwt(tamper(jwt));
    expect(bad).toEqual({ valid: false, error: expect.stringMatching(/alterada/) });
    expect((await verifyCredentialJwt("no es un jwt")).valid).toBe(false);
  });

  test("the key pair lives in the secrets folder, readable only by its owner, and only its public half is published", async () => {
    await signCredential(award, ORIGIN);
    const file = join(secretsDir(), "credenciales-ed25519.jwk.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ kty: "OKP", crv: "Ed25519" });
    const { keys } = await publicJwks();
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toHaveProperty("d");
    expect(keys[0]).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", use: "sig" });
  });
});
