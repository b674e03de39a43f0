// Verifiable badges: every award can be taken away as an Open Badges 3.0 credential
// (an OpenBadgeCredential, W3C Verifiable Credentials data model 2.0) signed by the platform as a
// VC-JWT (compact JWS, EdDSA over Ed25519). The key pair is made on first use and kept in the
// secrets folder (never in the repository); its public half is published at /emisor/jwks.json.
//
// This module builds, signs and verifies; it runs no queries. The award's facts come from
// app/models/badge.server.ts, and whether an award was revoked is always read from the database at
// verification time (a signature proves what was issued, not that it still stands).
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type KeyLike } from "jose";
import { badgeImagePath, badgePath, credentialPath } from "~/utils/badge-labels";
import { keepFileOnce, secretsDir } from "~/utils/env.server";

export const ISSUER_NAME = "Comunidad de Práctica de Gestión Educativa — MINEDU/DIFOCA";
export const ISSUER_DESCRIPTION =
  "Comunidad de Práctica de Gestión Educativa del Ministerio de Educación del Perú, a cargo de la Dirección de Fortalecimiento de Capacidades (DIFOCA). Reconoce con insignias los aportes de los servidores públicos de las DRE/GRE, UGEL y gobiernos locales.";
export const CREDENTIAL_CONTEXT = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"] as const;
export const JWT_TYPE = "vc+jwt";
const ALGORITHM = "EdDSA";
const KEY_FILE = "credenciales-ed25519.jwk.json";
/** A pasted JWT longer than this is not one of ours (ours are a few kilobytes). */
export const MAX_JWT_LENGTH = 20_000;

// ---------------------------------------------------------------------------------------------
// Where the platform lives, as written in its credentials

/**
 * The origin written into credentials: PUBLIC_URL when set (a deployment should set it, so the
 * issuer's id never depends on the Host header a client sent), else the request's own origin.
 */
export function issuerOrigin(request: Request): string {
  const configured = process.env.PUBLIC_URL?.trim().replace(/\/+$/, "");
  if (configured && /^https?:\/\/[^/]+$/.test(configured)) return configured;
  return new URL(request.url).origin;
}

export function issuerId(origin: string): string {
  return `${origin}/emisor`;
}

/** The issuer's Profile (Open Badges 3.0), served at /emisor and embedded in every credential. */
export function issuerProfile(origin: string) {
  return {
    "@context": [...CREDENTIAL_CONTEXT],
    id: issuerId(origin),
    type: ["Profile"],
    name: ISSUER_NAME,
    url: origin,
    description: ISSUER_DESCRIPTION,
  };
}

// ---------------------------------------------------------------------------------------------
// The key pair

interface SigningKey {
  privateKey: KeyLike | Uint8Array;
  publicKey: KeyLike | Uint8Array;
  publicJwk: JWK;
  kid: string;
}

const keys = new Map<string, Promise<SigningKey>>();

async function loadOrCreateKey(file: string): Promise<SigningKey> {
  let jwk: JWK;
  if (existsSync(file)) {
    jwk = JSON.parse(readFileSync(file, "utf8")) as JWK;
  } else {
    const pair = await generateKeyPair(ALGORITHM, { crv: "Ed25519", extractable: true });
    // Never overwrites a key: when another process made one first, every process signs with theirs.
    jwk = JSON.parse(keepFileOnce(file, JSON.stringify(await exportJWK(pair.privateKey)))) as JWK;
  }
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || !jwk.d || !jwk.x) throw new Error(`The credential key in ${file} is not an Ed25519 private key`);
  const publicJwk: JWK = { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    privateKey: await importJWK(jwk, ALGORITHM),
    publicKey: await importJWK(publicJwk, ALGORITHM),
    publicJwk: { ...publicJwk, kid, alg: ALGORITHM, use: "sig" },
    kid,
  };
}

/** The platform's signing key, made on first use and kept in the secrets folder. */
export function signingKey(): Promise<SigningKey> {
  const file = join(secretsDir(), KEY_FILE);
  let pending = keys.get(file);
  if (!pending) {
    pending = loadOrCreateKey(file);
    pending.catch(() => keys.delete(file));
    keys.set(file, pending);
  }
  return pending;
}

/** The public keys verifiers need (a JWK Set), served at /emisor/jwks.json. */
export async function publicJwks(): Promise<{ keys: JWK[] }> {
  const key = await signingKey();
  return { keys: [key.publicJwk] };
}

// ---------------------------------------------------------------------------------------------
// The credential

/** What a credential says about one award; read by badge.server.ts's getAwardByCredentialId. */
export interface CredentialAward {
  credentialId: string;
  awardedAt: string;
  reason: string;
  evidenceUrl: string | null;
  recipientEmail: string;
  badge: { slug: string; name: string; description: string; criteria: string };
}

/**
 * The recipient as a salted hash of their email (Open Badges' IdentityObject): whoever knows the
 * address can check it, nobody can read it. The salt is derived from the credential id, so the same
 * award always yields the same credential, and two credentials of one member do not share a hash.
 */
export function recipientIdentity(email: string, credentialId: string) {
  const salt = createHash("sha256").update(`cop-insignias:${credentialId}`).digest("hex").slice(0, 32);
  const hash = createHash("sha256").update(`${email.trim().toLowerCase()}${salt}`).digest("hex");
  return { type: "IdentityObject", identityHash: `sha256$${hash}`, identityType: "emailAddress", hashed: true, salt };
}

export function buildCredential(award: CredentialAward, origin: string) {
  const { badge } = award;
  const evidence: Record<string, unknown> = { type: ["Evidence"], narrative: award.reason || "Insignia otorgada por la Comunidad de Práctica de Gestión Educativa." };
  if (award.evidenceUrl) evidence.id = award.evidenceUrl;
  const { "@context": _context, ...issuer } = issuerProfile(origin);
  return {
    "@context": [...CREDENTIAL_CONTEXT],
    id: `${origin}${credentialPath(award.credentialId)}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: badge.name,
    issuer,
    validFrom: award.awardedAt,
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [recipientIdentity(award.recipientEmail, award.credentialId)],
      achievement: {
        id: `${origin}${badgePath(badge.slug)}`,
        type: ["Achievement"],
        name: badge.name,
        description: badge.description,
        criteria: { narrative: badge.criteria },
        image: { id: `${origin}${badgeImagePath(badge.slug)}`, type: "Image" },
      },
    },
    evidence: [evidence],
    // The public verification page answers whether the award still stands. The type is the
    // platform's own: a verifier that does not know it reads the page a person would read.
    // (Publishing a 1EdTech revocation list or a Bitstring Status List is the standard way; open.)
    credentialStatus: { id: `${origin}${credentialPath(award.credentialId)}`, type: "PublicVerificationPage" },
  };
}

export type OpenBadgeCredential = ReturnType<typeof buildCredential>;

/**
 * Signs an award's credential as a VC-JWT: the payload is the credential itself (VC-JOSE-COSE,
 * Open Badges 3.0 §8.2) with the registered claims iss, jti and nbf mirroring issuer.id, id and
 * validFrom. The header names the key (kid) and carries its public half (jwk) for outside verifiers.
 */
export async function signCredential(award: CredentialAward, origin: string): Promise<{ credential: OpenBadgeCredential; jwt: string }> {
  const key = await signingKey();
  const credential = buildCredential(award, origin);
  const { kid: _kid, alg: _alg, use: _use, ...headerJwk } = key.publicJwk;
  const jwt = await new SignJWT({ ...credential })
    .setProtectedHeader({ alg: ALGORITHM, typ: JWT_TYPE, kid: key.kid, jwk: headerJwk })
    .setIssuer(credential.issuer.id)
    .setJti(credential.id)
    .setNotBefore(Math.floor(new Date(award.awardedAt).getTime() / 1000))
    .sign(key.privateKey);
  return { credential, jwt };
}

export type CredentialVerification =
  | { valid: true; payload: Record<string, unknown> & { id?: unknown } }
  | { valid: false; error: string };

/**
 * Checks a VC-JWT against the platform's key: its signature, algorithm and type. It says nothing
 * about revocation, which the caller reads from the database by the credential's id.
 */
export async function verifyCredentialJwt(jwt: string): Promise<CredentialVerification> {
  const token = jwt.trim();
  if (!token) return { valid: false, error: "Pega el texto de la credencial (JWT)." };
  if (token.length > MAX_JWT_LENGTH || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) {
    return { valid: false, error: "Ese texto no es una credencial firmada (JWT) de esta plataforma." };
  }
  const key = await signingKey();
  try {
    const { payload } = await jwtVerify(token, key.publicKey, { algorithms: [ALGORITHM], typ: JWT_TYPE });
    const types = payload.type;
    if (!Array.isArray(types) || !types.includes("OpenBadgeCredential")) {
      return { valid: false, error: "La firma es de esta plataforma, pero el contenido no es una insignia (OpenBadgeCredential)." };
    }
    return { valid: true, payload };
  } catch {
    return { valid: false, error: "La firma no corresponde a la clave de esta plataforma: la credencial fue alterada o la emitió otra entidad." };
  }
}

/** The credential's public id (the part after /credenciales/), if the URL is shaped like ours. */
export function credentialIdFromUrl(id: unknown): string | null {
  if (typeof id !== "string") return null;
  const match = /\/credenciales\/([0-9a-f-]{36})$/.exec(id);
  return match?.[1] ?? null;
}
