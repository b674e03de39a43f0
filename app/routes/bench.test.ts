import { afterEach, describe, expect, test, vi } from "vitest";
import { context, getRequest, respond } from "../../tests/setup/requests";

// Counts every use of the database handle, to show the ceiling page never reaches for it.
const uses = vi.hoisted(() => ({ count: 0 }));
vi.mock("~/utils/db.server", async (importOriginal) => {
  const original = await importOriginal<typeof import("~/utils/db.server")>();
  return {
    ...original,
    getDb: () => {
      uses.count++;
      return original.getDb();
    },
  };
});

const { loader } = await import("./bench");
const { loader: rootLoader } = await import("../root");

afterEach(() => {
  delete process.env.BENCH;
});

describe("the load benchmark's ceiling page", () => {
  test("does not exist unless the server runs for the benchmark", async () => {
    const response = await respond(() => loader());
    expect(response.status).toBe(404);
  });

  test("renders for a visitor without touching the database, root layout included", async () => {
    process.env.BENCH = "1";
    uses.count = 0;
    const request = getRequest("/bench");
    const [page, root] = await Promise.all([respond(() => loader()), respond(() => rootLoader({ request, params: {}, context }))]);
    expect(page.status).toBe(200);
    expect(await page.json()).toEqual({ title: "Página de referencia de la prueba de carga" });
    expect(await root.json()).toMatchObject({ user: null });
    expect(uses.count).toBe(0);
  });
});
