import { afterEach, describe, expect, test, vi } from "vitest";
import { countSessions } from "~/models/session.server";
import { deactivateMember } from "~/models/user.server";
import { getUser, lucia, SESSION_ABSOLUTE_DAYS, SESSION_IDLE_DAYS, signOut, validateSessionId } from "~/utils/auth.server";
import { createMember } from "../../tests/factories/members";
import { getRequest, sessionCookieFor } from "../../tests/setup/requests";

const DAY = 24 * 3600 * 1000;

afterEach(() => {
  vi.useRealTimers();
});

describe("the Kysely session adapter", () => {
  test("stores a session and returns it with its member", async () => {
    const member = await createMember({ name: "Ana Torres" });
    const session = await lucia.createSession(member.id, { createdAt: new Date() });
    const user = await validateSessionId(session.id);
    expect(user).toMatchObject({ id: member.id, name: "Ana Torres", role: "gestor" });
  });

  test("an unknown session id is no session", async () => {
    expect(await validateSessionId("no-existe")).toBeNull();
  });

  test("lists and deletes a member's sessions", async () => {
    const member = await createMember();
    await lucia.createSession(member.id, { createdAt: new Date() });
    await lucia.createSession(member.id, { createdAt: new Date() });
    expect(await lucia.getUserSessions(member.id)).toHaveLength(2);
    await lucia.invalidateUserSessions(member.id);
    expect(await countSessions(member.id)).toBe(0);
  });
});

describe("session lifetime", () => {
  test("ends after the idle period without use", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-01T12:00:00Z"));
    const member = await createMember();
    const session = await lucia.createSession(member.id, { createdAt: new Date() });
    vi.setSystemTime(new Date(Date.parse("2026-01-01T12:00:00Z") + (SESSION_IDLE_DAYS + 1) * DAY));
    expect(await validateSessionId(session.id)).toBeNull();
  });

  test("slides while in use, but never past the absolute lifetime", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.parse("2026-02-01T12:00:00Z");
    vi.setSystemTime(new Date(start));
    const member = await createMember();
    const session = await lucia.createSession(member.id, { createdAt: new Date() });
    // Used every 10 days: the idle timeout (14 days) never passes...
    for (const day of [10, 20]) {
      vi.setSystemTime(new Date(start + day * DAY));
      expect(await validateSessionId(session.id)).not.toBeNull();
    }
    // ...but on day 31 the absolute lifetime (30 days) has.
    vi.setSystemTime(new Date(start + (SESSION_ABSOLUTE_DAYS + 1) * DAY));
    expect(await validateSessionId(session.id)).toBeNull();
    expect(await countSessions(member.id)).toBe(0);
  });

  test("deactivating a member ends their sessions at once", async () => {
    const member = await createMember();
    const cookie = await sessionCookieFor(member.id);
    expect(await getUser(getRequest("/", cookie))).not.toBeNull();
    await deactivateMember({ memberId: member.id, actorId: null, reason: "Prueba" });
    expect(await getUser(getRequest("/", cookie))).toBeNull();
    expect(await countSessions(member.id)).toBe(0);
  });

  test("signing out ends the session and clears the cookie", async () => {
    const member = await createMember();
    const cookie = await sessionCookieFor(member.id);
    const response = await signOut(getRequest("/salir", cookie), "/");
    expect(response.headers.get("Set-Cookie")).toMatch(/cop_sesion=;.*Max-Age=0/);
    expect(await getUser(getRequest("/", cookie))).toBeNull();
  });
});
