import { describe, expect, test } from "vitest";
import { can, PERMISSIONS, requirePermission } from "~/utils/permissions.server";
import { createMember } from "../../tests/factories/members";
import { getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

describe("who may manage members", () => {
  test.each([
    ["gestor", false],
    ["experto", false],
    ["difoca", true],
  ] as const)("a %s: %s", (role, allowed) => {
    expect(can({ role }, "users.manage")).toBe(allowed);
  });

  test("a visitor may do nothing that needs a permission", () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can(null, permission)).toBe(false);
    }
  });
});

describe("requirePermission", () => {
  test("sends a visitor to sign in, and back afterwards", async () => {
    const response = await respond(() => requirePermission(getRequest("/admin/usuarios?q=ana"), "users.manage"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/ingresar?redirectTo=%2Fadmin%2Fusuarios%3Fq%3Dana");
  });

  test("answers 403 with a Spanish message to a gestor", async () => {
    const gestor = await createMember({ role: "gestor" });
    const cookie = await sessionCookieFor(gestor.id);
    const response = await respond(() => requirePermission(getRequest("/admin/usuarios", cookie), "users.manage"));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: "No tienes permiso para ver esta página o hacer esta acción." });
  });

  test("lets a DIFOCA specialist through", async () => {
    const difoca = await createMember({ role: "difoca", iged: null });
    const user = await requirePermission(getRequest("/admin/usuarios", await sessionCookieFor(difoca.id)), "users.manage");
    expect(user.id).toBe(difoca.id);
  });
});
