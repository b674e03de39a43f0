// The database as the code sees it. Columns are snake_case in SQL and camelCase here
// (Kysely's CamelCasePlugin translates). Timestamps are ISO-8601 strings in UTC.
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export type Role = "gestor" | "experto" | "difoca";
export type IgedType = "dre" | "ugel" | "gobierno_local";

export interface MacroregionTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface RegionTable {
  id: Generated<number>;
  slug: string;
  name: string;
  macroregionId: number;
}

export interface IgedTable {
  id: Generated<number>;
  name: string;
  type: IgedType;
  regionId: number;
  createdAt: string;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  igedId: number | null;
  position: string;
  active: number;
  createdAt: string;
  updatedAt: string;
  deactivatedAt: string | null;
  lastLoginAt: string | null;
}

export interface SessionTable {
  id: string;
  userId: number;
  expiresAt: string;
  createdAt: string;
}

export interface RateLimitTable {
  key: string;
  failures: number;
  blockedUntil: string | null;
  updatedAt: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  actorId: number | null;
  action: string;
  targetType: string;
  targetId: number | null;
  details: string;
  createdAt: string;
}

export interface Database {
  macroregions: MacroregionTable;
  regions: RegionTable;
  igeds: IgedTable;
  users: UserTable;
  sessions: SessionTable;
  rateLimits: RateLimitTable;
  auditLog: AuditLogTable;
}

export type Macroregion = Selectable<MacroregionTable>;
export type Region = Selectable<RegionTable>;
export type Iged = Selectable<IgedTable>;
export type NewIged = Insertable<IgedTable>;
export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
