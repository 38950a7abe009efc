/** Shapes of the JSON the server returns (API contract v1). */

import type { Role } from '../../shared/roles';

export { isRole, ROLES } from '../../shared/roles';
export type { Role } from '../../shared/roles';

export interface SessionRole {
  role: Role;
  agencyCode: string | null;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: SessionRole[];
}

export interface SessionResponse {
  user: SessionUser;
  /** null for API-token callers; a cookie session always has one. */
  csrfToken: string | null;
}

export interface Meta {
  name: string;
  version: string;
  demo: boolean;
  demoAccounts?: string[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const UNIT_LEVELS = ['province', 'commune', 'district'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export interface AdministrativeUnit {
  code: string;
  level: UnitLevel;
  type: string;
  name: string;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface Agency {
  code: string;
  name: string;
  parentCode: string | null;
  adminUnitCode: string;
  provinceCode: string | null;
}

export const AGENCY_UNIT_KINDS = ['phong', 'bo_phan', 'to'] as const;
export type AgencyUnitKind = (typeof AGENCY_UNIT_KINDS)[number];

export interface AgencyUnit {
  id: string;
  name: string;
  kind: AgencyUnitKind;
  parentId: string | null;
}

export interface RoleAssignment {
  id: string;
  role: Role;
  agencyCode: string | null;
  unitId: string | null;
}

export type UserKind = 'official' | 'citizen';

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  kind: UserKind;
  isActive: boolean;
  roles: RoleAssignment[];
}

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  agencyCode: string | null;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Refused from then on (401 TOKEN_EXPIRED). */
  expiresAt: string;
}

export interface CreatedApiToken extends ApiToken {
  /** The secret, returned once at creation and never again. */
  token: string;
}
