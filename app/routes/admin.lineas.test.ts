import { describe, expect, test } from "vitest";
import { listAuditForTarget } from "~/models/audit.server";
import { getPracticeDetail } from "~/models/practice.server";
import { listThematicLines, listThematicLinesForAdmin } from "~/models/thematic-line.server";
import { action, loader } from "~/routes/admin.lineas";
import { createMember } from "../../tests/factories/members";
import { makePractice } from "../../tests/factories/practices";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

async function asDifoca() {
  const difoca = await createMember({ role: "difoca", iged: null });
  return { difoca, cookie: await sessionCookieFor(difoca.id) };
}

function post(fields: Record<string, string>, cookie: string) {
  return respond(() => action({ request: formRequest("/admin/lineas", fields, cookie), params: {}, context }));
}

async function lineNamed(name: string) {
  const found = (await listThematicLinesForAdmin()).find((l) => l.name === name);
  if (!found) throw new Error(`No existe la línea ${name}`);
  return found;
}

describe("/admin/lineas", () => {
  test("a gestor or an expert gets 403 on the page and on every action, and nothing changes", async () => {
    const line = await lineNamed("Acceso y cobertura");
    const before = await listThematicLinesForAdmin();
    for (const role of ["gestor", "experto"] as const) {
      const someone = await createMember({ role, iged: role === "gestor" ? undefined : null });
      const cookie = await sessionCookieFor(someone.id);
      expect((await respond(() => loader({ request: getRequest("/admin/lineas", cookie), params: {}, context }))).status).toBe(403);
      const attempts: Record<string, string>[] = [
        { intent: "create", name: "Gestión escolar", position: "1" },
        { intent: "update", lineId: String(line.id), name: "Acceso", position: "0" },
        { intent: "deactivate", lineId: String(line.id) },
      ];
      for (const fields of attempts) {
        expect((await post(fields, cookie)).status).toBe(403);
      }
    }
    expect(await listThematicLinesForAdmin()).toEqual(before);
    expect(await listAuditForTarget("thematic_line", line.id)).toEqual([]);
  });

  test("DIFOCA sees every line with its order, state and how many practices use it", async () => {
    const { cookie } = await asDifoca();
    await makePractice({ line: "Evaluación y uso de evidencia" });
    const response = await respond(() => loader({ request: getRequest("/admin/lineas", cookie), params: {}, context }));
    expect(response.status).toBe(200);
    const { lines } = await response.json();
    expect(lines).toHaveLength(8);
    expect(lines.find((l: { name: string }) => l.name === "Evaluación y uso de evidencia")).toMatchObject({ active: true, practiceCount: 1 });
  });

  test("adds a line (at the end unless an order is given), unique whatever the capitals", async () => {
    const { difoca, cookie } = await asDifoca();
    const last = Math.max(...(await listThematicLinesForAdmin()).map((l) => l.position));
    expect((await post({ intent: "create", name: "Gestión de la información", position: "" }, cookie)).status).toBe(302);
    const created = await lineNamed("Gestión de la información");
    expect(created).toMatchObject({ position: last + 1, active: true, slug: "gestion-de-la-informacion", practiceCount: 0 });
    expect((await listThematicLines()).at(-1)?.name).toBe("Gestión de la información");
    const [entry] = await listAuditForTarget("thematic_line", created.id);
    expect(entry).toMatchObject({ action: "thematic_line.created", actorId: difoca.id, details: { after: { name: "Gestión de la información" } } });

    const duplicate = await post({ intent: "create", name: "ACCESO Y COBERTURA", position: "3" }, cookie);
    expect(duplicate.status).toBe(400);
    const body = await duplicate.json();
    expect(body.errors).toEqual({ name: "Ya existe una línea temática con ese nombre." });
    expect(body.values).toMatchObject({ name: "ACCESO Y COBERTURA", position: "3" });
  });

  test("renaming a line or changing its order keeps its practices attached", async () => {
    const { difoca, cookie } = await asDifoca();
    await post({ intent: "create", name: "Participación de las familias", position: "20" }, cookie);
    const line = await lineNamed("Participación de las familias");
    const practice = await makePractice({ thematicLineId: line.id });

    const renamed = await post({ intent: "update", lineId: String(line.id), name: "Participación de familias y comunidad", position: "2" }, cookie);
    expect(renamed.status).toBe(302);
    expect(await getPracticeDetail(practice.slug)).toMatchObject({ thematicLineId: line.id, thematicLineName: "Participación de familias y comunidad" });
    // The slug stays, so shared catalog links keep working.
    expect(await lineNamed("Participación de familias y comunidad")).toMatchObject({ id: line.id, slug: line.slug, position: 2, practiceCount: 1 });
    const [entry] = await listAuditForTarget("thematic_line", line.id);
    expect(entry).toMatchObject({
      action: "thematic_line.updated",
      actorId: difoca.id,
      details: { before: { name: "Participación de las familias", position: 20 }, after: { name: "Participación de familias y comunidad", position: 2 } },
    });

    // A new line may take the old name; it gets a slug of its own.
    expect((await post({ intent: "create", name: "Participación de las familias" }, cookie)).status).toBe(302);
    expect((await lineNamed("Participación de las familias")).slug).toBe("participacion-de-las-familias-2");
  });

  test("a deactivated line is no longer offered but stays on its practices, and can be activated again", async () => {
    const { difoca, cookie } = await asDifoca();
    const line = await lineNamed("Convivencia y bienestar socioemocional");
    const practice = await makePractice({ thematicLineId: line.id });

    expect((await post({ intent: "deactivate", lineId: String(line.id) }, cookie)).status).toBe(302);
    expect((await listThematicLines()).map((l) => l.id)).not.toContain(line.id);
    expect((await listThematicLines({ includeInactive: true })).find((l) => l.id === line.id)).toMatchObject({ active: false });
    expect(await getPracticeDetail(practice.slug)).toMatchObject({ thematicLineId: line.id, thematicLineName: line.name });
    expect((await listAuditForTarget("thematic_line", line.id))[0]).toMatchObject({ action: "thematic_line.deactivated", actorId: difoca.id });

    expect((await post({ intent: "activate", lineId: String(line.id) }, cookie)).status).toBe(302);
    expect((await listThematicLines()).map((l) => l.id)).toContain(line.id);
    expect((await listAuditForTarget("thematic_line", line.id))[0]).toMatchObject({ action: "thematic_line.activated" });
  });

  test("bad input is a 400 with Spanish messages, never a 500", async () => {
    const { cookie } = await asDifoca();
    const line = await lineNamed("Acceso y cobertura");
    const id = String(line.id);
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ intent: "create", name: " ", position: "1" }, { name: "Escribe el nombre de la línea temática." }],
      [{ intent: "create", name: "L".repeat(121), position: "1" }, { name: "El nombre puede tener hasta 120 caracteres." }],
      [{ intent: "create", name: "Línea\u0000nueva", position: "1" }, { name: "El texto tiene caracteres no válidos." }],
      [{ intent: "create", name: "Línea nueva", position: "-1" }, { position: "Escribe el orden como un número entre 0 y 999." }],
      [{ intent: "update", lineId: id, name: "Acceso", position: "1000" }, { position: "Escribe el orden como un número entre 0 y 999." }],
      [{ intent: "update", lineId: id, name: "Acceso", position: "" }, { position: "Escribe el orden como un número entre 0 y 999." }],
      [{ intent: "update", lineId: id, name: "Gestión del riesgo de desastres", position: "1" }, { name: "Ya existe una línea temática con ese nombre." }],
      [{ intent: "update", lineId: "99999", name: "Acceso", position: "1" }, { form: "Esa línea temática no existe." }],
      [{ intent: "deactivate", lineId: "99999" }, { form: "Esa línea temática no existe." }],
      [{ intent: "deactivate", lineId: "\u0000" }, { lineId: "Elige una línea temática de la lista." }],
      [{ intent: "eliminar", lineId: id }, { intent: "La acción no es válida." }],
    ];
    for (const [fields, errors] of cases) {
      const response = await post(fields, cookie);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect((await response.json()).errors, JSON.stringify(fields)).toEqual(errors);
    }
    expect(await lineNamed("Acceso y cobertura")).toMatchObject({ id: line.id, active: true, position: line.position });
    expect(await listAuditForTarget("thematic_line", line.id)).toEqual([]);
  });
});
