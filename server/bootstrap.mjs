// What `npm start` and `npm test` need before they run, using only Node's own modules (the
// dependencies may not be installed yet): install dependencies, build when sources changed.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Runs a command in the project folder, showing its output; stops the process if it fails.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, allowFailure?: boolean, capture?: boolean }} [options]
 * @returns {{ status: number, stdout: string }}
 */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: options.capture ? ["inherit", "pipe", "inherit"] : "inherit",
    env: options.env ?? process.env,
    encoding: "utf8",
  });
  if (result.status !== 0 && !options.allowFailure) {
    if (result.stdout) process.stdout.write(result.stdout);
    console.error(`\nFalló: ${command} ${args.join(" ")}`);
    process.exit(result.status ?? 1);
  }
  return { status: result.status ?? 1, stdout: result.stdout ?? "" };
}

/** @param {string} text */
function sha(text) {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * Installs dependencies when node_modules is missing or older than package-lock.json or the
 * patches of patches/ (applied by patch-package after every install, ADR 015).
 */
export function ensureDependencies() {
  const lock = path.join(root, "package-lock.json");
  const stamp = path.join(root, "node_modules", ".cop-lock-hash");
  const patches = listFiles("patches").map((file) => readFileSync(path.join(root, file), "utf8"));
  const wanted = sha([readFileSync(lock, "utf8"), ...patches].join("\n"));
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === wanted) return;
  console.log("Instalando dependencias (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
  writeFileSync(stamp, wanted);
}

const BUILD_INPUTS = ["app", "remix.config.js", "package-lock.json", "tsconfig.json", "db", "public"];

/**
 * @param {string} entry
 * @returns {string[]}
 */
function listFiles(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [entry];
  const files = [];
  for (const name of readdirSync(full).sort()) {
    if (entry === "public" && name === "build") continue;
    files.push(...listFiles(path.join(entry, name)));
  }
  return files;
}

/** A fingerprint of everything the build depends on. */
export function sourceFingerprint() {
  const hash = createHash("sha256");
  for (const file of BUILD_INPUTS.flatMap(listFiles)) {
    hash.update(file);
    hash.update(readFileSync(path.join(root, file)));
  }
  return hash.digest("hex");
}

/** Builds the production bundle when it is missing or its sources changed since it was made. */
export function ensureBuild() {
  const stamp = path.join(root, "build", ".source-hash");
  const fingerprint = sourceFingerprint();
  const built = existsSync(path.join(root, "build", "index.js")) && existsSync(stamp);
  if (built && readFileSync(stamp, "utf8") === fingerprint) return false;
  console.log("Compilando la aplicación (remix build)…");
  run("npx", ["remix", "build"], { env: { ...process.env, NODE_ENV: "production" } });
  writeFileSync(stamp, fingerprint);
  return true;
}
