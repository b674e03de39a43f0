// Sign-in under attack: a thousand guesses are throttled and cost a bounded number of password
// hashes, and nothing in the answer (status, text, headers, cost) tells whether an e-mail has an account.
// The hashes are counted on argon2 itself, so the decoy hash of an unknown e-mail counts too.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { deactivateMember } from "~/models/user.server";
import { action as signInAction } from "~/routes/ingresar";
import { action as registerAction } from "~/routes/registro";
import { ACCOUNT_POLICY, ADDRESS_POLICY } from "~/utils/rate-limit.server";
import { createMember } from "../factories/members";
import { formRequest, respond } from "../setup/requests";

// Counters outside the mocked module, so that they survive a fresh import of it.
const argon2Calls = vi.hoisted(() => ({ hash: 0, verify: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...real,
    hash: (...args: Parameters<typeof real.hash>) => {
      argon2Calls.hash++;
      return real.hash(...args);
    },
    verify: (...args: Parameters<typeof real.verify>) => {
      argon2Calls.verify++;
      return real.verify(...args);
    },
  };
});

const verifications = () => argon2Calls.verify;
const hashings = () => argon2Calls.hash;
const resetCounts = () => Object.assign(argon2Calls, { hash: 0, verify: 0 });

const GUESSES = 1000;
const THROTTLED = /^Hubo demasiados intentos de ingreso\. Espera \d+ (segundos?|minutos?) y vuelve a intentarlo\.$/;
const WRONG_CREDENTIALS = "El correo o la contraseña no son correctos.";

// Each test gets its own block of addresses, so that one test's throttling never reaches another.
let block = 0;
let nextHost = 0;
function freshAddress(): string {
  nextHost += 1;
  return `10.${block}.${Math.floor(nextHost / 250)}.${nextHost % 250}`;
}

function signIn(fields: { email: string; password: string }, clientAddress: string) {
  const context = { cspNonce: "test", clientAddress };
  return respond(() => signInAction({ request: formRequest("/ingresar", { ...fields, redirectTo: "/" }), params: {}, context }));
}

/** Everything a client can observe of an answer, with the e-mail it typed (echoed back) left out. */
async function observable(response: Response) {
  const body = await response.json();
  return {
    status: response.status,
    headers: [...response.headers].filter(([name]) => name !== "content-length"),
    body: { ...body, values: { ...body.values, email: "<el correo escrito>" } },
  };
}

/** What one request costs: its answer and the argon2 work it caused. */
async function costOf(run: () => Promise<Response>) {
  const [v, h] = [verifications(), hashings()];
  const response = await run();
  return { response, verifications: verifications() - v, hashings: hashings() - h };
}

beforeEach(() => {
  block += 1;
  nextHost = 0;
  // The clock stands still unless a test moves it: the throttle's waits never run out by themselves
  // while a thousand guesses are made, so the counts below are exact.
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-01T15:00:00Z") });
  resetCounts();
});
afterEach(() => {
  vi.useRealTimers();
});

// A thousand requests take a few seconds alone, and much longer on a busy machine.
describe("a thousand wrong guesses", { timeout: 180_000 }, () => {
  test("against one account from one address: after the free attempts every answer is the Spanish 429, and only those attempts cost a hash", async () => {
    const member = await createMember();
    resetCounts(); // making the member hashed its password
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < GUESSES; i++) {
      const response = await signIn({ email: member.email, password: `adivinanza-${i}` }, address);
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
        expect((await response.json()).errors.form).toMatch(THROTTLED);
      } else {
        expect((await response.json()).errors.form).toBe(WRONG_CREDENTIALS);
      }
    }
    const allowed = ACCOUNT_POLICY.freeAttempts + 1;
    expect(statuses.slice(0, allowed)).toEqual(Array(allowed).fill(400));
    expect(statuses.slice(allowed).every((status) => status === 429)).toBe(true);
    expect(verifications()).toBe(allowed);
    expect(hashings()).toBe(0);

    // The right password is refused too while the account waits, and costs nothing.
    const right = await costOf(() => signIn({ email: member.email, password: member.password }, freshAddress()));
    expect(right.response.status).toBe(429);
    expect(right.response.headers.get("Set-Cookie") ?? "").not.toMatch(/cop_sesion=[^;]/);
    expect((await right.response.json()).errors.form).toMatch(THROTTLED);
    expect(right.verifications).toBe(0);
  });

  test("against one account from a thousand addresses: the account's own count stops them all the same", async () => {
    const member = await createMember();
    let refused = 0;
    for (let i = 0; i < GUESSES; i++) {
      const response = await signIn({ email: member.email, password: `adivinanza-${i}` }, freshAddress());
      if (response.status === 429) refused++;
      else expect(response.status).toBe(400);
    }
    const allowed = ACCOUNT_POLICY.freeAttempts + 1;
    expect(refused).toBe(GUESSES - allowed);
    expect(verifications()).toBe(allowed);

    const right = await costOf(() => signIn({ email: member.email, password: member.password }, freshAddress()));
    expect(right.response.status).toBe(429);
    expect(right.verifications).toBe(0);
  });

  test("from one address against a thousand accounts, known and unknown: the address's count stops them", async () => {
    const members = await Promise.all(Array.from({ length: 5 }, () => createMember()));
    const address = freshAddress();
    let refused = 0;
    for (let i = 0; i < GUESSES; i++) {
      // Every fiftieth guess is at a real account; the rest are e-mails nobody has.
      const email = i % 50 === 0 ? members[(i / 50) % members.length]!.email : `persona${i}@ugel-desconocida.pe`;
      const response = await signIn({ email, password: `adivinanza-${i}` }, address);
      if (response.status === 429) {
        refused++;
        expect((await response.json()).errors.form).toMatch(THROTTLED);
      } else {
        expect(response.status).toBe(400);
      }
    }
    const allowed = ADDRESS_POLICY.freeAttempts + 1;
    expect(refused).toBe(GUESSES - allowed);
    // Unknown e-mails cost their decoy hash like known ones: exactly one verification per allowed attempt.
    expect(verifications()).toBe(allowed);

    // A member's right password from that address waits as well, without a hash.
    const right = await costOf(() => signIn({ email: members[1]!.email, password: members[1]!.password }, address));
    expect(right.response.status).toBe(429);
    expect(right.verifications).toBe(0);
  });

  test("spread over an hour, as a patient attacker would, they cost fewer than twenty hashes", async () => {
    const member = await createMember();
    const start = Date.now();
    let allowed = 0;
    for (let i = 0; i < GUESSES; i++) {
      vi.setSystemTime(start + i * 3600); // one guess every 3.6 seconds, from changing addresses
      const response = await signIn({ email: member.email, password: `adivinanza-${i}` }, freshAddress());
      if (response.status !== 429) allowed++;
    }
    // 6 free attempts, then waits of 2, 4, 8 ... 512 s and 15 min: 17 attempts fit in the hour.
    expect(allowed).toBeLessThan(20);
    expect(verifications()).toBe(allowed);
  });
});

describe("no user enumeration", () => {
  test("an unknown e-mail, a wrong password and a deactivated account get the same answer, at the same cost", async () => {
    const member = await createMember();
    const former = await createMember();
    await deactivateMember({ memberId: former.id, actorId: null, reason: "Dejó la UGEL" });

    const wrong = await costOf(() => signIn({ email: member.email, password: "no-es-la-clave-1" }, freshAddress()));
    const unknown = await costOf(() => signIn({ email: "nadie.aqui@ugel-inexistente.pe", password: "no-es-la-clave-1" }, freshAddress()));
    const deactivated = await costOf(() => signIn({ email: former.email, password: "no-es-la-clave-1" }, freshAddress()));

    const answer = await observable(wrong.response);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual({ form: WRONG_CREDENTIALS });
    expect(answer.headers.some(([name]) => name === "set-cookie")).toBe(false);
    expect(await observable(unknown.response)).toEqual(answer);
    expect(await observable(deactivated.response)).toEqual(answer);

    // The timing check that does not depend on the machine: each answer costs exactly one argon2
    // verification and no other hash (the decoy for unknown e-mails is made when the module loads).
    for (const cost of [wrong, unknown, deactivated]) expect({ verifications: cost.verifications, hashings: cost.hashings }).toEqual({ verifications: 1, hashings: 0 });
  });

  test("the very first unknown e-mail costs no extra hash either", async () => {
    // A fresh copy of the modules, as in a server that just started.
    vi.resetModules();
    const { action } = await import("~/routes/ingresar");
    resetCounts();
    const first = await costOf(() =>
      respond(() =>
        action({ request: formRequest("/ingresar", { email: "primera.vez@ugel-inexistente.pe", password: "no-es-la-clave-1" }), params: {}, context: { cspNonce: "test", clientAddress: freshAddress() } }),
      ),
    );
    expect(first.response.status).toBe(400);
    expect({ verifications: first.verifications, hashings: first.hashings }).toEqual({ verifications: 1, hashings: 0 });
  });

  test("an unknown e-mail is throttled exactly like a known one", async () => {
    const member = await createMember();
    const run = async (email: string) => {
      const answers = [];
      for (let i = 0; i < 10; i++) answers.push(await observable(await signIn({ email, password: `adivinanza-${i}` }, freshAddress())));
      return answers;
    };
    expect(await run("nadie.mas@ugel-inexistente.pe")).toEqual(await run(member.email));
  });

  test("only someone who knows the password learns that an account is deactivated", async () => {
    const former = await createMember();
    await deactivateMember({ memberId: former.id, actorId: null, reason: "Dejó la UGEL" });
    const response = await signIn({ email: former.email, password: former.password }, freshAddress());
    expect(response.status).toBe(400);
    expect(response.headers.get("Set-Cookie") ?? "").not.toMatch(/cop_sesion=[^;]/);
    expect((await response.json()).errors.form).toMatch(/^Tu cuenta está desactivada/);
  });

  test("registration says an e-mail already has an account (the product needs it to send the person to sign in), and nothing more", async () => {
    const member = await createMember();
    const former = await createMember();
    await deactivateMember({ memberId: former.id, actorId: null, reason: "Dejó la UGEL" });
    const register = (email: string) =>
      respond(() =>
        registerAction({
          request: formRequest("/registro", { name: "Persona Curiosa", email, password: "una frase larga y segura", igedId: "1", position: "Especialista" }),
          params: {},
          context: { cspNonce: "test", clientAddress: freshAddress() },
        }),
      );
    const active = await observable(await register(member.email));
    const deactivated = await observable(await register(former.email));
    expect(active.status).toBe(400);
    expect(active.body.errors).toEqual({ email: "Ya existe una cuenta con ese correo. Ingresa con tu contraseña." });
    // Whether the account is active, its role or name are not told.
    expect(deactivated).toEqual(active);
    expect(JSON.stringify(active.body)).not.toContain(member.name);
  });
});
