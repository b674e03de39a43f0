// Settings read from the environment, and the secrets the platform keeps outside the repository.
import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
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
  return keepFileOnce(file, randomBytes(32).toString("base64url")).trim();
}

/**
 * Writes `content` to `file` unless the file exists, and answers what the file holds: the
 * content given, or what another process wrote first. The file appears whole (written aside,
 * then linked into place) and is readable only by the platform's user: processes starting
 * together never read it half-written, nor overwrite each other's.
 */
export function keepFileOnce(file: string, content: string): string {
  mkdirSync(dirname(file), { recursive: true });
  const aside = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  writeFileSync(aside, content, { mode: 0o600, flag: "wx" });
  try {
    linkSync(aside, file);
    return content;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return readFileSync(file, "utf8");
  } finally {
    unlinkSync(aside);
  }
}

let cookieSecret: string | undefined;
export function getCookieSecret(): string {
  cookieSecret ??= persistentSecret("cookie", "SESSION_SECRET");
  return cookieSecret;
}
