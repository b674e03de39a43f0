import { describe, expect, test } from "vitest";
import { countUnread, notify } from "~/models/notification.server";
import { action, loader } from "~/routes/notificaciones";
import { createMember } from "../../tests/factories/members";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

describe("/notificaciones", () => {
  test("a member sees only their own notifications, newest first", async () => {
    const ana = await createMember();
    const beto = await createMember();
    await notify([
      { userId: ana.id, type: "test", title: "Primera para Ana" },
      { userId: beto.id, type: "test", title: "Para Beto" },
    ]);
    await notify({ userId: ana.id, type: "test", title: "Segunda para Ana", link: "/practicas" });
    const response = await respond(() => loader({ request: getRequest("/notificaciones", undefined), params: {}, context }));
    expect(response.status).toBe(302);
    const cookie = await sessionCookieFor(ana.id);
    const page = await (await respond(() => loader({ request: getRequest("/notificaciones", cookie), params: {}, context }))).json();
    expect(page.notifications.map((n: { title: string }) => n.title)).toEqual(["Segunda para Ana", "Primera para Ana"]);
  });

  test("opening one marks it read and follows its link; others' notifications cannot be touched", async () => {
    const ana = await createMember();
    const beto = await createMember();
    await notify({ userId: ana.id, type: "test", title: "Insignia", link: "/insignias" });
    await notify({ userId: beto.id, type: "test", title: "De Beto" });
    const cookie = await sessionCookieFor(ana.id);
    const [mine] = (await (await respond(() => loader({ request: getRequest("/notificaciones", cookie), params: {}, context }))).json()).notifications;
    const opened = await respond(() => action({ request: formRequest("/notificaciones", { intent: "read", notificationId: String(mine.id), next: "/insignias" }, cookie), params: {}, context }));
    expect(opened.headers.get("Location")).toBe("/insignias");
    expect(await countUnread(ana.id)).toBe(0);

    const betoCookie = await sessionCookieFor(beto.id);
    await respond(() => action({ request: formRequest("/notificaciones", { intent: "read", notificationId: String(mine.id) }, betoCookie), params: {}, context }));
    expect(await countUnread(beto.id)).toBe(1);
  });

  test("mark all as read, and a bad intent is a 400", async () => {
    const ana = await createMember();
    await notify([
      { userId: ana.id, type: "test", title: "Una" },
      { userId: ana.id, type: "test", title: "Dos" },
    ]);
    const cookie = await sessionCookieFor(ana.id);
    await respond(() => action({ request: formRequest("/notificaciones", { intent: "read-all" }, cookie), params: {}, context }));
    expect(await countUnread(ana.id)).toBe(0);
    const bad = await respond(() => action({ request: formRequest("/notificaciones", { intent: "borrar" }, cookie), params: {}, context }));
    expect(bad.status).toBe(400);
  });

  test("a link to another site is never followed", async () => {
    const ana = await createMember();
    await notify({ userId: ana.id, type: "test", title: "Rara", link: "https://evil.example/x" });
    const cookie = await sessionCookieFor(ana.id);
    const [n] = (await (await respond(() => loader({ request: getRequest("/notificaciones", cookie), params: {}, context }))).json()).notifications;
    expect(n.link).toBeNull();
    const opened = await respond(() => action({ request: formRequest("/notificaciones", { intent: "read", notificationId: String(n.id), next: "https://evil.example/x" }, cookie), params: {}, context }));
    expect(opened.headers.get("Location")).toBe("/notificaciones");
  });
});
