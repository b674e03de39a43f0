// Members for tests and for the demo data: both go through registerMember, the one way
// accounts are made, so the demo shows exactly what the platform does.
import type { Role } from "../../db/schema";
import { getIgedByName, listIgedOptions } from "~/models/iged.server";
import { normalizeEmail } from "~/models/user.server";
import { registerMember } from "~/utils/auth.server";
import type { DB } from "~/utils/db.server";

export const TEST_PASSWORD = "clave-de-prueba-segura";

let counter = 0;

export interface MemberSeed {
  name?: string;
  email?: string;
  password?: string;
  role?: Role;
  /** An IGED by its exact name; gestores without one get the first IGED of the list. */
  iged?: string | null;
  position?: string;
}

export async function createMember(seed: MemberSeed = {}): Promise<{ id: number; email: string; password: string; name: string }> {
  counter += 1;
  const unique = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  const role = seed.role ?? "gestor";
  const name = seed.name ?? `Miembro de Prueba ${counter}`;
  const email = (seed.email ?? `miembro.${unique}@ejemplo.pe`).toLowerCase();
  const password = seed.password ?? TEST_PASSWORD;
  let igedId: number | null = null;
  if (seed.iged) {
    const iged = await getIgedByName(seed.iged);
    if (!iged) throw new Error(`No existe la IGED ${seed.iged}`);
    igedId = iged.id;
  } else if (seed.iged === undefined && role === "gestor") {
    igedId = (await listIgedOptions())[0]?.id ?? null;
  }
  const result = await registerMember({ name, email, password, role, igedId, position: seed.position ?? "Especialista en Educación" });
  if (!result.ok) throw new Error(`No se pudo crear ${email}: ${JSON.stringify(result.errors)}`);
  return { id: result.userId, email, password, name };
}

export interface BulkMemberSeed {
  name: string;
  email: string;
  role: Role;
  igedId: number | null;
  position: string;
  active: boolean;
  createdAt: string;
  deactivatedAt: string | null;
  lastLoginAt: string | null;
}

/**
 * Many members at once (the benchmark's 10,000), all with the same password hash: hashing each
 * password with argon2 would take minutes, and the accounts only need one known password.
 * Rows go in as given (normalized like createMember); ids follow in order from `firstId`.
 */
export async function createMembers(seeds: readonly BulkMemberSeed[], passwordHash: string, firstId: number, db: DB): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < seeds.length; i += 1000) {
    const batch = seeds.slice(i, i + 1000).map((seed, j) => {
      ids.push(firstId + i + j);
      return {
        id: firstId + i + j,
        email: normalizeEmail(seed.email),
        name: seed.name.trim(),
        passwordHash,
        role: seed.role,
        igedId: seed.igedId,
        position: seed.position.trim(),
        active: seed.active ? 1 : 0,
        createdAt: seed.createdAt,
        updatedAt: seed.deactivatedAt ?? seed.createdAt,
        deactivatedAt: seed.deactivatedAt,
        lastLoginAt: seed.lastLoginAt,
      };
    });
    await db.insertInto("users").values(batch).execute();
  }
  return ids;
}
