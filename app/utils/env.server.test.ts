// The secrets the platform makes on first use (the session cookie's, the MFA key, the credentials'
// signing key) must be the same for every process that serves, even when they start together.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { keepFileOnce } from "~/utils/env.server";

const folders: string[] = [];
function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "cop-secretos-"));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("keepFileOnce", () => {
  it("writes a new file readable only by its owner, and keeps the first content afterwards", () => {
    const folder = freshFolder();
    const file = join(folder, "anidada", "cookie.secret");
    expect(keepFileOnce(file, "primero")).toBe("primero");
    expect(keepFileOnce(file, "segundo")).toBe("primero");
    expect(readFileSync(file, "utf8")).toBe("primero");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Nothing written aside is left behind.
    expect(readdirSync(join(folder, "anidada"))).toEqual(["cookie.secret"]);
  });
});

describe("persistentSecret", () => {
  it("gives every process the same secret when they all start at once", async () => {
    const folder = freshFolder();
    // Each process loads the module first, then waits for the same instant to ask for the secret.
    const start = Date.now() + 6_000;
    const script = `
      const { persistentSecret } = await import("./app/utils/env.server.ts");
      await new Promise((resolve) => setTimeout(resolve, ${start} - Date.now()));
      process.stdout.write(persistentSecret("carrera", "COP_TEST_SIN_VARIABLE"));
    `;
    const run = promisify(execFile);
    const outputs = await Promise.all(
      Array.from({ length: 6 }, () =>
        run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
          env: { ...process.env, SECRETS_DIR: folder, COP_TEST_SIN_VARIABLE: "" },
        }),
      ),
    );
    const secrets = new Set(outputs.map((o) => o.stdout));
    expect(secrets.size).toBe(1);
    const [secret] = secrets;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(join(folder, "carrera.secret"), "utf8")).toBe(secret);
    expect(readdirSync(folder)).toEqual(["carrera.secret"]);
  }, 60_000);
});
