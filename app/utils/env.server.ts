// Settings read from the environment, and the secrets the platform keeps outside the repository.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { databasePath } from "../../db/connection";

/** Where secrets live: SECRETS_DIR, or the folder of the database (data/ by default, never committed). */
export function secretsDir(): string {
  if (process.env.SECRETS_DIR) return resolve(process.env.SECRETS_DIR);
  const db = databasePath();
  return db.endsWith(":memory:") ? resolve("data") : dirname(db);
}

/** A secret from the environment, or one made on first use and kept in the secrets folder. */
export function persistentSecret(name: string, envVar: string): string {
  const fromEnv = process.env[envVar];
  if (fromEnv) return fromEnv;
  const file = join(secretsDir(), `${name}.secret`);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    // Another process made it first: use theirs.
    return readFileSync(file, "utf8").trim();
  }
}

let cookieSecret: string | undefined;
export function getCookieSecret(): string {
  cookieSecret ??= persistentSecret("cookie", "SESSION_SECRET");
  return cookieSecret;
}
