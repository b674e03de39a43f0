import { describe, expect, test } from "vitest";
import { listCriteria } from "~/models/maturity.server";
import { action, loader } from "~/routes/admin.criterios";
import { createMember } from "../../tests/factories/members";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

describe("/admin/criterios", () => {
  test("only DIFOCA edits the criteria", async () => {
    for (const role of ["gestor", "experto"] as const) {
      const someone = await createMember({ role, iged: role === "gestor" ? undefined : null });
      const cookie = await sessionCookieFor(someone.id);
      expect((await respond(() => loader({ request: getRequest("/admin/criterios", cookie), params: {}, context }))).status).toBe(403);
      const post = formRequest("/admin/criterios", { intent: "create", title: "X", targetStage: "avanzado", position: "1", active: "on" }, cookie);
      expect((await respond(() => action({ request: post, params: {}, context }))).status).toBe(403);
    }
  });

  test("DIFOCA adds a criterion, edits one and deactivates it", async () => {
    const difoca = await createMember({ role: "difoca", iged: null });
    const cookie = await sessionCookieFor(difoca.id);
    const created = await respond(() =>
      action({
        request: formRequest("/admin/criterios", { intent: "create", title: "Sistematización publicada", description: "Un reporte de sistematización.", targetStage: "avanzado", position: "9", active: "on" }, cookie),
        params: {},
        context,
      }),
    );
    expect(created.status).toBe(302);
    const criterion = (await listCriteria()).find((c) => c.title === "Sistematización publicada");
    expect(criterion).toMatchObject({ targetStage: "avanzado", position: 9, active: true, checkRule: null });

    const bad = await respond(() =>
      action({ request: formRequest("/admin/criterios", { intent: "update", criterionId: String(criterion!.id), title: "", targetStage: "final", position: "-1" }, cookie), params: {}, context }),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual({
      title: "Escribe el nombre del criterio.",
      targetStage: "Elige el estadio al que corresponde el criterio.",
      position: "Escribe el orden como un número entre 0 y 999.",
    });

    // An unchecked checkbox is not sent: the criterion is deactivated.
    await respond(() =>
      action({ request: formRequest("/admin/criterios", { intent: "update", criterionId: String(criterion!.id), title: "Sistematización difundida", description: "", targetStage: "avanzado", position: "10" }, cookie), params: {}, context }),
    );
    expect((await listCriteria()).some((c) => c.id === criterion!.id)).toBe(false);
    expect((await listCriteria({ includeInactive: true })).find((c) => c.id === criterion!.id)).toMatchObject({ title: "Sistematización difundida", active: false, position: 10 });
  });
});
