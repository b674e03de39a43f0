import type { NotificationType } from "~/utils/notification-types";
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
      { userId: ana.id, type: "badge_awarded", title: "Primera para Ana" },
      { userId: beto.id, type: "badge_awarded", title: "Para Beto" },
    ]);
    await notify({ userId: ana.id, type: "badge_awarded", title: "Segunda para Ana", link: "/practicas" });
    const response = await respond(() => loader({ request: getRequest("/notificaciones", undefined), params: {}, context }));
    expect(response.status).toBe(302);
    const cookie = await sessionCookieFor(ana.id);
    const page = await (await respond(() => loader({ request: getRequest("/notificaciones", cookie), params: {}, context }))).json();
    expect(page.notifications.map((n: { title: string }) => n.title)).toEqual(["Segunda para Ana", "Primera para Ana"]);
  });

  test("opening one marks it read and follows its link; others' notifications cannot be touched", async () => {
    const ana = await createMember();
    const beto = await createMember();
    await notify({ userId: ana.id, type: "badge_awarded", title: "Insignia", link: "/insignias" });
    await notify({ userId: beto.id, type: "badge_awarded", title: "De Beto" });
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
      { userId: ana.id, type: "badge_awarded", title: "Una" },
      { userId: ana.id, type: "badge_awarded", title: "Dos" },
    ]);
    const cookie = await sessionCookieFor(ana.id);
    await respond(() => action({ request: formRequest("/notificaciones", { intent: "read-all" }, cookie), params: {}, context }));
    expect(await countUnread(ana.id)).toBe(0);
    const bad = await respond(() => action({ request: formRequest("/notificaciones", { intent: "borrar" }, cookie), params: {}, context }));
    expect(bad.status).toBe(400);
  });

  test("a link to another site is never followed", async () => {
    const ana = await createMember();
    await notify({ userId: ana.id, type: "badge_awarded", title: "Rara", link: "https://evil.example/x" });
    const cookie = await sessionCookieFor(ana.id);
    const [n] = (await (await respond(() => loader({ request: getRequest("/notificaciones", cookie), params: {}, context }))).json()).notifications;
    expect(n.link).toBeNull();
    const opened = await respond(() => action({ request: formRequest("/notificaciones", { intent: "read", notificationId: String(n.id), next: "https://evil.example/x" }, cookie), params: {}, context }));
    expect(opened.headers.get("Location")).toBe("/notificaciones");
  });

  test("thirty to a page, newest first, with the other pages a link away", async () => {
    const ana = await createMember();
    for (let i = 1; i <= 31; i += 1) await notify({ userId: ana.id, type: "badge_awarded", title: `Aviso ${i}` });
    const cookie = await sessionCookieFor(ana.id);
    const first = await (await respond(() => loader({ request: getRequest("/notificaciones", cookie), params: {}, context }))).json();
    expect(first.notifications).toHaveLength(30);
    expect(first.notifications[0]).toMatchObject({ title: "Aviso 31", typeLabel: "Insignia recibida" });
    expect(first).toMatchObject({ page: 1, pages: 2, unread: 31 });
    const second = await (await respond(() => loader({ request: getRequest("/notificaciones?pagina=2", cookie), params: {}, context }))).json();
    expect(second.notifications.map((n: { title: string }) => n.title)).toEqual(["Aviso 1"]);
    const beyond = await (await respond(() => loader({ request: getRequest("/notificaciones?pagina=9", cookie), params: {}, context }))).json();
    expect(beyond.page).toBe(2);
  });

  test("«Solo no leídas» leaves out what was read, and marking one read keeps the member on that view", async () => {
    const ana = await createMember();
    await notify([
      { userId: ana.id, type: "challenge_contribution", title: "Aporte de Beto" },
      { userId: ana.id, type: "contribution_useful", title: "Tu aporte fue útil" },
      // A row of a type that is no longer in the registry (the compiler refuses new unregistered ones).
      { userId: ana.id, type: "algo_nuevo" as unknown as NotificationType, title: "Sin tipo registrado" },
    ]);
    const cookie = await sessionCookieFor(ana.id);
    const all = await (await respond(() => loader({ request: getRequest("/notificaciones", cookie), params: {}, context }))).json();
    const useful = all.notifications.find((n: { title: string }) => n.title === "Tu aporte fue útil");
    expect(useful.typeLabel).toBe("Aporte útil");
    expect(all.notifications.find((n: { title: string }) => n.title === "Sin tipo registrado").typeLabel).toBe("Aviso");

    const read = await respond(() =>
      action({ request: formRequest("/notificaciones", { intent: "read", notificationId: String(useful.id), next: "/notificaciones?estado=no-leidas" }, cookie), params: {}, context }),
    );
    expect(read.headers.get("Location")).toBe("/notificaciones?estado=no-leidas");
    const unread = await (await respond(() => loader({ request: getRequest("/notificaciones?estado=no-leidas", cookie), params: {}, context }))).json();
    expect(unread.unreadOnly).toBe(true);
    expect(unread.notifications.map((n: { title: string }) => n.title).sort()).toEqual(["Aporte de Beto", "Sin tipo registrado"]);
    expect(unread.unread).toBe(2);
    const everything = await (await respond(() => loader({ request: getRequest("/notificaciones", cookie), params: {}, context }))).json();
    expect(everything.notifications).toHaveLength(3);
  });
});
