import { describe, expect, test } from "vitest";
import { browserHasVersion, safeRedirectPath } from "~/utils/http.server";

describe("safeRedirectPath", () => {
  test.each(["/", "/perfil/3", "/admin/usuarios?q=ana&rol=gestor", "/practicas/escuela#retroalimentacion"])("keeps the site's own path %s", (path) => {
    expect(safeRedirectPath(path)).toBe(path);
  });

  test.each([
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\t\\evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "perfil/3",
    "/ /evil.example",
    "",
  ])("refuses %j", (path) => {
    expect(safeRedirectPath(path)).toBe("/");
  });

  test("refuses what is not text", () => {
    expect(safeRedirectPath(new Blob(["/x"]) as unknown as File)).toBe("/");
    expect(safeRedirectPath(null, "/notificaciones")).toBe("/notificaciones");
  });
});

describe("browserHasVersion", () => {
  const asking = (ifNoneMatch?: string) => new Request("http://localhost/x", { headers: ifNoneMatch === undefined ? {} : { "If-None-Match": ifNoneMatch } });

  test.each(['"abc"', 'W/"abc"', '"old", "abc"', '"old",W/"abc"', "*"])("a browser that sent %s holds the version", (header) => {
    expect(browserHasVersion(asking(header), '"abc"')).toBe(true);
  });

  test.each([undefined, "", '"old"', '"abcd"', "abc"])("a browser that sent %s does not", (header) => {
    expect(browserHasVersion(asking(header), '"abc"')).toBe(false);
  });
});
