// Password hashing (argon2id, OWASP parameters) and the password policy: 10 to 128 characters,
// not a common password, no composition rules (NIST SP 800-63B).
import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

// @node-rs/argon2's Algorithm.Argon2id, spelled as a number because the const enum
// cannot be imported under isolatedModules.
const ARGON2ID = 2;
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// Passwords people in Peru's public sector are known to reuse, on top of the global list.
const LOCAL_COMMON = [
  "contraseña", "contrasena", "contraseña123", "contrasena123", "contraseña1234", "micontraseña",
  "peru123456", "peru2024", "peru2025", "peru2026", "perú123456", "lima123456", "minedu2024",
  "minedu2025", "minedu2026", "minedu123", "ugel123456", "educacion123", "educación123",
  "1234567890", "0123456789", "12345678910", "qwertyuiop", "asdfghjklñ", "administrador",
  "bienvenido", "bienvenido1", "teamo123456", "tequiero123", "password123", "password1234",
];

let commonPasswords: Set<string> | undefined;
function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(
    [...dictionary.passwords, ...LOCAL_COMMON].filter((p) => p.length >= PASSWORD_MIN).map((p) => p.toLowerCase()),
  );
  return commonPasswords.has(password.toLowerCase());
}

/** Returns the Spanish reason a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  const length = [...password].length;
  if (length === 0) return "Escribe una contraseña.";
  if (length < PASSWORD_MIN) return `La contraseña debe tener al menos ${PASSWORD_MIN} caracteres.`;
  if (length > PASSWORD_MAX) return `La contraseña no puede tener más de ${PASSWORD_MAX} caracteres.`;
  if (isCommonPassword(password)) return "Esa contraseña es muy común y fácil de adivinar. Elige otra.";
  if (email && password.toLowerCase() === email.trim().toLowerCase()) {
    return "La contraseña no puede ser igual a tu correo electrónico.";
  }
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash of a random password, verified when the email is unknown so that the answer costs one
// hash, as for a real account. It is made when the module loads: made on the first unknown email,
// that answer would cost two hashes and stand out.
const decoyHash: Promise<string> = hashPassword(randomBytes(32).toString("base64"));
export async function verifyDecoyPassword(password: string): Promise<false> {
  await verifyPassword(await decoyHash, password);
  return false;
}
