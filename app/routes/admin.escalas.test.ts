import { describe, expect, test } from "vitest";
import { listAuditForTarget } from "~/models/audit.server";
import { listTiers, updateTiers } from "~/models/tier.server";
import { action, loader } from "~/routes/admin.escalas";
import { createMember } from "../../tests/factories/members";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

async function settings(change: (fields: Record<string, string>, ids: number[]) => void) {
  const tiers = await listTiers();
  const fields: Record<string, string> = {};
  for (const t of tiers) {
    fields[`name-${t.id}`] = t.name;
    fields[`minPoints-${t.id}`] = String(t.minPoints);
    fields[`description-${t.id}`] = t.description;
    if (t.requirements.length > 0) fields[`requiresAdvanced-${t.id}`] = "si";
  }
  change(fields, tiers.map((t) => t.id));
  return fields;
}

describe("/admin/escalas", () => {
  test("a gestor gets 403 on the page and on its action", async () => {
    const gestor = await createMember();
    const cookie = await sessionCookieFor(gestor.id);
    expect((await respond(() => loader({ request: getRequest("/admin/escalas", cookie), params: {}, context }))).status).toBe(403);
    const fields = await settings((f, [, destacado]) => (f[`minPoints-${destacado}`] = "1"));
    expect((await respond(() => action({ request: formRequest("/admin/escalas", fields, cookie), params: {}, context }))).status).toBe(403);
    expect((await listTiers())[1]!.minPoints).toBe(300);
  });

  test("thresholds that do not grow are a 400 with a Spanish message by the field, and nothing is saved", async () => {
    const difoca = await createMember({ role: "difoca", iged: null });
    const cookie = await sessionCookieFor(difoca.id);
    const before = await listTiers();
    const fields = await settings((f, [, destacado, transformador]) => {
      f[`minPoints-${destacado}`] = "900";
      f[`minPoints-${transformador}`] = "800";
      f[`name-${transformador}`] = "";
    });
    const response = await respond(() => action({ request: formRequest("/admin/escalas", fields, cookie), params: {}, context }));
    expect(response.status).toBe(400);
    const body = await response.json();
    const transformador = before[2]!.id;
    expect(body.errors).toEqual({
      [`minPoints-${transformador}`]: "Cada escala debe pedir más puntos que la anterior.",
      [`name-${transformador}`]: "Escribe el nombre de la escala.",
    });
    expect(body.values[`minPoints-${before[1]!.id}`]).toBe("900");
    expect(await listTiers()).toEqual(before);

    const notANumber = await settings((f, [participativo]) => (f[`minPoints-${participativo}`] = "mil"));
    const response2 = await respond(() => action({ request: formRequest("/admin/escalas", notANumber, cookie), params: {}, context }));
    expect(response2.status).toBe(400);
    expect((await response2.json()).errors[`minPoints-${before[0]!.id}`]).toBe("Escribe un número entero de puntos, sin decimales.");
  });

  test("DIFOCA edits names, thresholds, descriptions and the requirement", async () => {
    const difoca = await createMember({ role: "difoca", iged: null });
    const cookie = await sessionCookieFor(difoca.id);
    const before = await listTiers();
    try {
      const page = await respond(() => loader({ request: getRequest("/admin/escalas", cookie), params: {}, context }));
      expect((await page.json()).tiers.map((t: { requiresAdvanced: boolean }) => t.requiresAdvanced)).toEqual([false, false, true]);

      const fields = await settings((f, [, destacado, transformador]) => {
        f[`minPoints-${destacado}`] = "250";
        f[`description-${destacado}`] = "Aporta con constancia.";
        f[`minPoints-${transformador}`] = "1000";
        delete f[`requiresAdvanced-${transformador}`];
        f[`requiresAdvanced-${destacado}`] = "si";
      });
      const response = await respond(() => action({ request: formRequest("/admin/escalas", fields, cookie), params: {}, context }));
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/admin/escalas");
      const after = await listTiers();
      expect(after.map((t) => [t.name, t.minPoints, t.requirements.length])).toEqual([
        ["Gestor participativo", 0, 0],
        ["Gestor destacado", 250, 1],
        ["Gestor transformador", 1000, 0],
      ]);
      expect(after[1]!.description).toBe("Aporta con constancia.");
      const [entry] = await listAuditForTarget("tier", after[1]!.id);
      expect(entry).toMatchObject({ action: "tier.updated", actorId: difoca.id });
    } finally {
      await updateTiers(before, null);
    }
  });
});
