import { describe, expect, test } from "vitest";
import { countNotifications, countUnread, notify, type NotificationInput } from "~/models/notification.server";
import { getDb } from "~/utils/db.server";
import { createMember, createMembers } from "../../tests/factories/members";

describe("notify", () => {
  test("tells 6,000 members at once, more than one SQL statement can carry (a badge enabled over past activity)", async () => {
    // 6,000 notices × 6 columns = 36,000 values: beyond SQLite's 32,766 per statement, so this
    // fails unless notify writes in slices.
    const db = getDb();
    const first = await createMember();
    const createdAt = new Date().toISOString();
    const ids = await createMembers(
      Array.from({ length: 6000 }, (_, i) => ({
        name: `Gestora Masiva ${i}`,
        email: `gestora.masiva.${i}@ejemplo.pe`,
        role: "gestor" as const,
        igedId: null,
        position: "Especialista en Educación",
        active: true,
        createdAt,
        deactivatedAt: null,
        lastLoginAt: null,
      })),
      "hash-que-no-se-usa",
      first.id + 1,
      db,
    );
    const notices: NotificationInput[] = ids.map((userId) => ({ userId, type: "badge_awarded", title: "Recibiste la insignia «Referente»", link: `/perfil/${userId}` }));

    await notify(notices);

    const { n } = await db
      .selectFrom("notifications")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("userId", "in", ids)
      .where("type", "=", "badge_awarded")
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(6000);
    expect(await countUnread(ids[0]!)).toBe(1);
    expect(await countNotifications(ids.at(-1)!)).toBe(1);
  });

  test("writes nothing when there is no one to tell", async () => {
    const before = await getDb().selectFrom("notifications").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    await notify([]);
    const after = await getDb().selectFrom("notifications").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
