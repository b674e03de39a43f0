import { describe, expect, test } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "~/utils/password.server";

describe("password policy", () => {
  test("refuses passwords shorter than 10 characters", () => {
    expect(passwordProblem("corta123")).toBe("La contraseña debe tener al menos 10 caracteres.");
  });

  test("refuses passwords longer than 128 characters", () => {
    expect(passwordProblem("a".repeat(129))).toBe("La contraseña no puede tener más de 128 caracteres.");
  });

  test("counts characters, not bytes, so accented letters are one each", () => {
    expect(passwordProblem("ñandú-ñandú")).toBeNull();
    expect(passwordProblem("ñ".repeat(128))).toBeNull();
  });

  test.each(["password1234", "1234567890", "qwertyuiop", "contraseña123", "Minedu2025"])(
    "refuses the common password %s",
    (password) => {
      expect(passwordProblem(password)).toBe("Esa contraseña es muy común y fácil de adivinar. Elige otra.");
    },
  );

  test("refuses a password equal to the email", () => {
    expect(passwordProblem("ana.perez@ugel.pe", "Ana.Perez@ugel.pe")).toBe("La contraseña no puede ser igual a tu correo electrónico.");
  });

  test("has no composition rules: a long phrase in lower case is fine", () => {
    expect(passwordProblem("la lectura abre caminos en nasca")).toBeNull();
  });
});

describe("password hashing", () => {
  test("uses argon2id with the OWASP parameters and verifies only the right password", async () => {
    const hash = await hashPassword("la lectura abre caminos");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "la lectura abre caminos")).toBe(true);
    expect(await verifyPassword(hash, "la lectura abre camino")).toBe(false);
  });

  test("a malformed hash never verifies", async () => {
    expect(await verifyPassword("not-a-hash", "cualquier-cosa")).toBe(false);
  });
});
