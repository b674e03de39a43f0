// Role names as people read them. Shared by server and browser code.
import type { Role } from "../../db/schema";

export const ROLES = ["gestor", "experto", "difoca"] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  gestor: "Gestor",
  experto: "Experto",
  difoca: "Especialista DIFOCA",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
