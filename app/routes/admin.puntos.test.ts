import { describe, expect, test } from "vitest";
import { getMemberPoints, listLedgerForMember, listPointRuleChanges, listPointRules } from "~/models/points.server";
import { action, loader } from "~/routes/admin.puntos";
import { todayInLima } from "~/utils/dates";
import { createMember } from "../../tests/factories/members";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

async function asDifoca() {
  const difoca = await createMember({ role: "difoca", iged: null, name: "Especialista de Puntos" });
  return { difoca, cookie: await sessionCookieFor(difoca.id) };
}

const post = (cookie: string, fields: Record<string, string>) => respond(() => action({ request: formRequest("/admin/puntos", fields, cookie), params: {}, context }));

/** The rules form as the page sends it, with some values changed. */
async function rulesForm(changes: Record<string, string | null> = {}) {
  const fields: Record<string, string> = { intent: "rules" };
  for (const rule of await listPointRules()) {
    fields[`points-${rule.action}`] = String(rule.points);
    fields[`dailyCap-${rule.action}`] = rule.dailyCap === null ? "" : String(rule.dailyCap);
    if (rule.active) fields[`active-${rule.action}`] = "on";
  }
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete fields[name];
    else fields[name] = value;
  }
  return fields;
}

describe("/admin/puntos", () => {
  test("a gestor and an expert get 403 on the page and on its actions", async () => {
    for (const role of ["gestor", "experto"] as const) {
      const someone = await createMember({ role, iged: role === "gestor" ? undefined : null });
      const cookie = await sessionCookieFor(someone.id);
      expect((await respond(() => loader({ request: getRequest("/admin/puntos", cookie), params: {}, context }))).status).toBe(403);
      const response = await post(cookie, { intent: "adjust", email: someone.email, points: "500", reason: "Me los merezco." });
      expect(response.status).toBe(403);
      expect((await getMemberPoints(someone.id, 2026)).total).toBe(0);
    }
  });

  test("someone signed out is sent to sign in", async () => {
    const response = await respond(() => loader({ request: getRequest("/admin/puntos"), params: {}, context }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/ingresar/);
  });

  test("DIFOCA sees the rules and their history", async () => {
    const { cookie } = await asDifoca();
    const response = await respond(() => loader({ request: getRequest("/admin/puntos", cookie), params: {}, context }));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.rules.find((r: { action: string }) => r.action === "practice_published")).toMatchObject({ points: 50, dailyCap: null, active: true });
    expect(data.changes.length).toBeGreaterThanOrEqual(14);
  });

  test("a manual adjustment needs a reason, a member and a whole non-zero number", async () => {
    const { cookie } = await asDifoca();
    const member = await createMember();
    const noReason = await post(cookie, { intent: "adjust", email: member.email, points: "20", reason: "   " });
    expect(noReason.status).toBe(400);
    const body = await noReason.json();
    expect(body.errors.reason).toBe("Escribe el motivo del ajuste.");
    expect(body.values).toMatchObject({ email: member.email, points: "20" });

    const bad = await post(cookie, { intent: "adjust", email: "nadie@ejemplo.pe", points: "0", reason: "x" });
    expect((await bad.json()).errors.points).toBe("El ajuste no puede ser de 0 puntos.");
    const tooMuch = await post(cookie, { intent: "adjust", email: member.email, points: "10001", reason: "x" });
    expect((await tooMuch.json()).errors.points).toMatch(/^El ajuste debe estar entre/);
    const notANumber = await post(cookie, { intent: "adjust", email: member.email, points: "2.5", reason: "x" });
    expect((await notANumber.json()).errors.points).toBe("Escribe un número entero de puntos, por ejemplo 20 o -20.");
    const unknown = await post(cookie, { intent: "adjust", email: "nadie@ejemplo.pe", points: "5", reason: "Apoyo en el taller." });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors.email).toBe("No hay ningún miembro con ese correo.");
    expect((await getMemberPoints(member.id, 2026)).total).toBe(0);

    const ok = await post(cookie, { intent: "adjust", email: member.email.toUpperCase(), points: "-15", reason: "Puntos otorgados por error." });
    expect(ok.status).toBe(302);
    const [entry] = await listLedgerForMember(member.id);
    expect(entry).toMatchObject({ kind: "adjustment", points: -15, reason: "Puntos otorgados por error." });
  });

  test("saves changed rules only, keeps their history, and answers bad values with Spanish messages", async () => {
    const { difoca, cookie } = await asDifoca();
    const invalid = await post(cookie, await rulesForm({ "points-comment": "-3", "dailyCap-comment": "0", "points-challenge_posted": "" }));
    expect(invalid.status).toBe(400);
    const { errors, values } = await invalid.json();
    expect(errors).toEqual({
      "points-comment": `Los puntos deben estar entre 0 y ${(10_000).toLocaleString("es-PE")}.`,
      "dailyCap-comment": `El tope diario debe estar entre 1 y ${(1_000).toLocaleString("es-PE")}, o vacío si no tiene tope.`,
      "points-challenge_posted": "Escribe los puntos de esta acción.",
    });
    expect(values["points-comment"]).toBe("-3");

    const before = (await listPointRuleChanges()).length;
    const saved = await post(cookie, await rulesForm({ "points-comment": "3", "dailyCap-comment": "", "active-contribution_useful": null }));
    expect(saved.status).toBe(302);
    const rules = await listPointRules();
    expect(rules.find((r) => r.action === "comment")).toMatchObject({ points: 3, dailyCap: null, active: true });
    expect(rules.find((r) => r.action === "contribution_useful")).toMatchObject({ active: false });
    const changes = await listPointRuleChanges();
    expect(changes.length).toBe(before + 2);
    expect(changes.slice(0, 2).map((c) => c.changedByName)).toEqual([difoca.name, difoca.name]);
  });

  test("a recompute needs a real period, not in the future", async () => {
    const { cookie } = await asDifoca();
    const reversed = await post(cookie, { intent: "recompute", from: "2026-02-10", to: "2026-02-01" });
    expect(reversed.status).toBe(400);
    expect((await reversed.json()).errors.to).toBe("La fecha final no puede ser anterior a la inicial.");
    const future = await post(cookie, { intent: "recompute", from: "2020-01-01", to: "2999-01-01" });
    expect((await future.json()).errors.to).toBe("La fecha no puede ser futura.");
    const notADate = await post(cookie, { intent: "recompute", from: "2026-02-30", to: "" });
    expect(await notADate.json()).toMatchObject({ errors: { from: "Escribe una fecha válida (día, mes y año).", to: "Indica hasta qué fecha recalcular." } });
    const ok = await post(cookie, { intent: "recompute", from: "2019-01-01", to: todayInLima() });
    expect(ok.status).toBe(302);
  });

  test("an unknown intent is a 400 with a Spanish message", async () => {
    const { cookie } = await asDifoca();
    const response = await post(cookie, { intent: "borrar" });
    expect(response.status).toBe(400);
    expect((await response.json()).errors.form).toBe("La acción no es válida.");
  });
});
