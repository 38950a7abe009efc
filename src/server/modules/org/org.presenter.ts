import type { AdminUnitRow, AgencyRow, TokenRow, UserRow } from './org.repo.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const presentAdminUnit = (r: AdminUnitRow) => ({
  code: r.code,
  level: r.level,
  type: r.type,
  name: r.name,
  parentCode: r.parentCode,
  provinceCode: r.provinceCode,
  validFrom: r.validFrom,
  validTo: r.validTo,
  predecessorCodes: r.predecessorCodes,
});

export const presentAgency = (r: AgencyRow) => ({
  code: r.code,
  name: r.name,
  parentCode: r.parentCode,
  adminUnitCode: r.adminUnitCode,
  provinceCode: r.provinceCode,
});

export const presentOrgUnit = (r: { id: string; name: string; kind: string; parentId: string | null }) => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  parentId: r.parentId,
});

export const presentUser = (u: UserRow, roles: { id: string; role: string; agencyCode: string; agencyName: string; unitId: string | null }[]) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  kind: u.kind,
  isActive: u.isActive,
  email: u.email,
  phone: u.phone,
  roles: roles.map((r) => ({ id: r.id, role: r.role, agencyCode: r.agencyCode, agencyName: r.agencyName, unitId: r.unitId })),
});

export const presentToken = (t: TokenRow) => ({
  id: t.id,
  name: t.name,
  role: t.role,
  agencyCode: t.agencyCode,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: iso(t.lastUsedAt),
  revokedAt: iso(t.revokedAt),
  expiresAt: t.expiresAt.toISOString(),
});
