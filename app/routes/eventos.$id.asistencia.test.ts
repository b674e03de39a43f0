import { describe, expect, test } from "vitest";
import { createBadge, listMemberBadges } from "~/models/badge.server";
import { checkInWithCode, createEvent, getEvent, getRegistration, registerForEvent, setAttendanceCode, type EventFields } from "~/models/event.server";
import { getMemberPoints } from "~/models/points.server";
import { action, loader } from "~/routes/eventos.$id.asistencia";
import { todayInLima } from "~/utils/dates";
import { readToast } from "~/utils/toast.server";
import { createMember } from "../../tests/factories/members";
import { context, formRequest, getRequest, respond, sessionCookieFor } from "../../tests/setup/requests";

const DAY = 24 * 3600_000;
const dayIn = (days: number) => todayInLima(new Date(Date.now() + days * DAY));
const longAgo = () => new Date(Date.now() - 30 * DAY).toISOString();

let serial = 0;
async function makeEvent(fields: Partial<EventFields> = {}) {
  const difoca = await createMember({ role: "difoca", iged: null });
  serial += 1;
  const startsOn = fields.startsOn ?? dayIn(-1);
  const event = await createEvent({
    type: "intercambio",
    title: `Intercambio de prueba ${serial}`,
    summary: "Un intercambio para las pruebas.",
    startsOn,
    endsOn: fields.endsOn ?? startsOn,
    startTime: "09:00",
    endTime: "17:00",
    macroregionId: null,
    hostRegionId: null,
    modality: "presencial",
    place: "Auditorio",
    meetingUrl: null,
    agenda: "",
    capacity: null,
    invitedRegionIds: [],
    ...fields,
    createdBy: difoca.id,
  });
  return { id: event.id, difoca };
}

async function registered(eventId: number, count: number) {
  const members = [];
  for (let i = 0; i < count; i++) {
    const member = await createMember({ iged: "UGEL Nasca" });
    await registerForEvent({ eventId, userId: member.id, at: longAgo() });
    members.push(member);
  }
  return members;
}

const path = (id: number) => `/eventos/${id}/asistencia`;
const load = async (id: number, userId: number) => respond(async () => loader({ request: getRequest(path(id), await sessionCookieFor(userId)), params: { id: String(id) }, context }));

/** Posts a form; `attended` may repeat, as checkboxes do, and `listed` names the rows shown (the ticked ones unless told). */
async function post(id: number, userId: number, fields: Record<string, string>, attended: number[] = [], listed: number[] = attended) {
  const cookie = await sessionCookieFor(userId);
  const body = await formRequest(path(id), fields, cookie).formData();
  for (const userId of attended) body.append("attended", String(userId));
  for (const userId of listed) body.append("listed", String(userId));
  return respond(() => action({ request: new Request(`http://localhost:3000${path(id)}`, { method: "POST", body, headers: { Cookie: cookie } }), params: { id: String(id) }, context }));
}

/** The flash message a redirect carries. */
async function toastOf(response: Response): Promise<string | undefined> {
  const cookie = response.headers.get("Set-Cookie")?.split(";")[0];
  const { toast } = await readToast(new Request("http://localhost:3000/", { headers: cookie ? { Cookie: cookie } : {} }));
  return toast?.message;
}

const points = async (userId: number) => (await getMemberPoints(userId, new Date().getFullYear())).total;

describe("/eventos/:id/asistencia", () => {
  test("only DIFOCA opens it or posts to it", async () => {
    const { id } = await makeEvent();
    const [member] = await registered(id, 1);
    const expert = await createMember({ role: "experto", iged: null });
    for (const userId of [member!.id, expert.id]) {
      expect((await load(id, userId)).status).toBe(403);
      expect((await post(id, userId, { intent: "attendance" }, [member!.id])).status).toBe(403);
    }
    expect(await getRegistration(id, member!.id)).toMatchObject({ attended: 0 });
  });

  test("DIFOCA sees the list and saves who attended: points once, taken back when un-ticked", async () => {
    const { id, difoca } = await makeEvent();
    const [a, b] = await registered(id, 2);
    const page = await (await load(id, difoca.id)).json();
    expect(page.registrations).toHaveLength(2);
    expect(page.registrations[0]).toMatchObject({ igedName: "UGEL Nasca", regionName: "Ica", statusLabel: "Inscrito", attended: false, sourceLabel: null });

    const saved = await post(id, difoca.id, { intent: "attendance" }, [a!.id]);
    expect(saved.status).toBe(302);
    expect(await toastOf(saved)).toBe("Se guardó la asistencia: 1 asistente.");
    expect(await points(a!.id)).toBe(25);
    expect(await points(b!.id)).toBe(0);
    const after = await (await load(id, difoca.id)).json();
    expect(after.registrations.find((r: { userId: number }) => r.userId === a!.id)).toMatchObject({ attended: true, sourceLabel: "Marcada por DIFOCA" });

    await post(id, difoca.id, { intent: "attendance" }, [a!.id, b!.id]);
    expect(await points(a!.id)).toBe(25);
    expect(await points(b!.id)).toBe(25);
    await post(id, difoca.id, { intent: "attendance" }, [b!.id], [a!.id, b!.id]);
    expect(await points(a!.id)).toBe(0);

    const stranger = await createMember();
    const forged = await post(id, difoca.id, { intent: "attendance" }, [stranger.id]);
    expect(forged.status).toBe(400);
    expect((await forged.json()).errors.attended).toBe("Marca solo a personas de la lista.");
  });

  test("a list loaded before someone checked in with the code does not take their attendance away", async () => {
    const { id, difoca } = await makeEvent({ startsOn: dayIn(0) });
    const [ticked, late] = await registered(id, 2);
    const page = await (await load(id, difoca.id)).json();
    expect(page.registrations.map((r: { userId: number }) => r.userId).sort()).toEqual([ticked!.id, late!.id].sort());
    // While the page is open, `late` types the day's code.
    const code = await setAttendanceCode({ eventId: id, enabled: true });
    expect(await checkInWithCode({ eventId: id, userId: late!.id, code: code! })).toEqual({ ok: true });
    expect(await points(late!.id)).toBe(25);

    // The page's form: every row listed, `late` unticked because the box was drawn before the check-in.
    const saved = await post(id, difoca.id, { intent: "attendance" }, [ticked!.id], [ticked!.id, late!.id]);
    expect(saved.status).toBe(302);
    expect(await toastOf(saved)).toBe("Se guardó la asistencia: 2 asistentes.");
    expect(await getRegistration(id, late!.id)).toMatchObject({ attended: 1, attendanceSource: "codigo" });
    expect(await points(late!.id)).toBe(25);
    expect(await points(ticked!.id)).toBe(25);

    // A forged row is refused like a forged tick.
    const forged = await post(id, difoca.id, { intent: "attendance" }, [], [999_999]);
    expect(forged.status).toBe(400);
  });

  test("ticking before the event starts is refused with a 400", async () => {
    const { id, difoca } = await makeEvent({ startsOn: dayIn(5) });
    const [member] = await registered(id, 1);
    const response = await post(id, difoca.id, { intent: "attendance" }, [member!.id]);
    expect(response.status).toBe(400);
    expect((await response.json()).errors.attended).toBe("El evento aún no empieza: la asistencia se registra desde su primer día.");
    expect(await points(member!.id)).toBe(0);
  });

  test("someone who came without registering is added by e-mail", async () => {
    const { id, difoca } = await makeEvent();
    const [registeredMember] = await registered(id, 1);
    await post(id, difoca.id, { intent: "attendance" }, [registeredMember!.id]);
    const walkIn = await createMember({ name: "Luis Ramos" });

    const unknown = await post(id, difoca.id, { intent: "add-attendee", email: "nadie@ejemplo.pe" });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors.email).toBe("No hay ninguna cuenta con ese correo.");

    const added = await post(id, difoca.id, { intent: "add-attendee", email: walkIn.email.toUpperCase() });
    expect(added.status).toBe(302);
    expect(await toastOf(added)).toBe("Se registró la asistencia de Luis Ramos.");
    expect(await getRegistration(id, walkIn.id)).toMatchObject({ attended: 1 });
    // The ones already ticked stay ticked.
    expect(await getRegistration(id, registeredMember!.id)).toMatchObject({ attended: 1 });
    expect(await points(walkIn.id)).toBe(25);
  });

  test("the day's code is turned on, shown to DIFOCA, and off", async () => {
    const { id, difoca } = await makeEvent({ startsOn: dayIn(0) });
    expect((await post(id, difoca.id, { intent: "code-on" })).status).toBe(302);
    const code = (await getEvent(id))?.attendanceCode;
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    expect((await (await load(id, difoca.id)).json()).event.code).toBe(code);
    expect((await post(id, difoca.id, { intent: "code-off" })).status).toBe(302);
    expect((await getEvent(id))?.attendanceCode).toBeNull();

    const past = await makeEvent({ startsOn: dayIn(-3) });
    const refused = await post(past.id, past.difoca.id, { intent: "code-on" });
    expect(refused.status).toBe(400);
    expect((await getEvent(past.id))?.attendanceCode).toBeNull();
  });

  test("one badge for every attendee at once, and not twice", async () => {
    const { id, difoca } = await makeEvent();
    const [a, b, absent] = await registered(id, 3);
    await post(id, difoca.id, { intent: "attendance" }, [a!.id, b!.id]);
    const badge = await createBadge({
      name: "Participante del I Intercambio Centro",
      description: "Participó en el intercambio de la macrorregión Centro.",
      criteria: "Asistir al intercambio macrorregional.",
      level: "bronce",
      kind: "manual",
      rule: null,
      createdBy: difoca.id,
    });
    if (!badge.ok) throw new Error("badge");
    const page = await (await load(id, difoca.id)).json();
    expect(page.badges).toContainEqual({ id: badge.id, name: "Participante del I Intercambio Centro" });

    const missingReason = await post(id, difoca.id, { intent: "badge", badgeId: String(badge.id), reason: "" });
    expect(missingReason.status).toBe(400);
    expect((await missingReason.json()).errors.reason).toBe("Escribe el motivo.");

    const awarded = await post(id, difoca.id, { intent: "badge", badgeId: String(badge.id), reason: "Asistió al I Intercambio." });
    expect(awarded.status).toBe(302);
    expect(await toastOf(awarded)).toBe("Se otorgó la insignia a 2 asistentes.");
    for (const m of [a!, b!]) expect((await listMemberBadges(m.id)).map((x) => x.badgeId)).toEqual([badge.id]);
    expect(await listMemberBadges(absent!.id)).toEqual([]);

    const again = await post(id, difoca.id, { intent: "badge", badgeId: String(badge.id), reason: "Asistió al I Intercambio." });
    expect(await toastOf(again)).toBe("Se otorgó la insignia a 0 asistentes (2 ya la tenían).");
    expect(await listMemberBadges(a!.id)).toHaveLength(1);

    const unknown = await post(id, difoca.id, { intent: "badge", badgeId: "999999", reason: "Asistió." });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors.badgeId).toBe("Elige una insignia manual activa de la lista.");
  });
});
