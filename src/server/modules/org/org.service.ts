import type { AppContext } from '../../context.js';
import { agencyStream, appendAudit, SYSTEM_STREAM } from '../../platform/audit.js';
import { randomToken, sha256 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { decodeKey, searchTerm, toPage } from '../../platform/pagination.js';
import { actorOf, NATIONAL_CODE, type Principal, type Role } from '../../platform/principal.js';
import { forgetApiToken, hashPassword } from '../auth/index.js';
import * as policy from './org.policy.js';
import { TOKEN_DEFAULT_DAYS } from './org.schemas.js';
import { presentAdminUnit, presentAgency, presentOrgUnit, presentToken, presentUser } from './org.presenter.js';
import * as repo from './org.repo.js';
import { presentUsers, userForAdmin } from './org.accounts.service.js';

type P = Principal | null;
interface PageArgs {
  q?: string;
  cursor?: string;
  limit?: number;
}

const CODE_LENGTH = { province: 2, district: 3, commune: 5 } as const;

// ── Administrative units ───────────────────────────────────────────────────────────────────────
/** The provinces (and the national level) for everyone; districts and communes of the caller's provinces only. */
export async function listAdminUnits(ctx: AppContext, p: P, a: PageArgs & { level?: string; parentCode?: string }) {
  const principal = policy.canReadReference(p);
  const provinces = policy.referenceProvinces(principal);
  const limit = a.limit ?? 50;
  const [after] = decodeKey<[string]>(a.cursor, ['text']) ?? [];
  const rows = await repo.listAdminUnits(ctx.db, {
    term: searchTerm(a.q),
    level: a.level,
    parentCode: a.parentCode,
    after,
    limit,
    provinces: provinces === 'all' ? undefined : [...provinces],
  });
  return toPage(rows, limit, presentAdminUnit, (r) => [r.code]);
}

export async function createAdminUnit(
  ctx: AppContext,
  p: P,
  body: {
    code: string;
    level: keyof typeof CODE_LENGTH;
    type: string;
    name: string;
    parentCode?: string;
    validFrom?: string;
    validTo?: string;
    predecessorCodes?: string[];
  },
) {
  // A province is added nationally; a district or commune by its own province (or nationally).
  let provinceCode = body.code;
  let by: { principal: Principal; agencyCode: string };
  if (body.level === 'province') by = policy.requireNationalAdmin(p);
  else {
    if (!body.parentCode) throw AppError.validation('parentCode', 'Đơn vị cấp xã/huyện phải thuộc một tỉnh.');
    const parentUnit = await repo.findAdminUnit(ctx.db, body.parentCode);
    if (!parentUnit || parentUnit.provinceCode === NATIONAL_CODE) throw AppError.validation('parentCode', `Không có đơn vị hành chính mã ${body.parentCode}.`);
    provinceCode = parentUnit.provinceCode;
    by = policy.requireProvinceAdmin(p, provinceCode);
  }
  const { principal } = by;
  if (body.code.length !== CODE_LENGTH[body.level]) throw AppError.validation('code', `Mã đơn vị cấp ${body.level} phải có ${CODE_LENGTH[body.level]} chữ số.`);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertAdminUnit(tx, {
      code: body.code,
      level: body.level,
      type: body.type,
      name: body.name.normalize('NFC').trim(),
      parentCode: body.level === 'province' ? null : body.parentCode,
      provinceCode,
      validFrom: body.validFrom ?? '2025-07-01',
      validTo: body.validTo ?? null,
      predecessorCodes: body.predecessorCodes ?? [],
    });
    if (!row) throw new AppError('ALREADY_EXISTS', `Mã đơn vị hành chính ${body.code} đã tồn tại.`, { errors: [{ field: 'code', message: 'already exists' }] });
    await appendAudit(tx, {
      stream: agencyStream(by.agencyCode),
      actor: actorOf(principal),
      action: 'admin_unit.create',
      entityType: 'administrative_unit',
      entityId: row.code,
      provinceCode,
      data: presentAdminUnit(row),
    });
    return presentAdminUnit(row);
  });
}

// ── Agencies and internal units ────────────────────────────────────────────────────────────────
export async function listAgencies(ctx: AppContext, p: P, a: PageArgs) {
  const { agencyIds } = policy.adminScope(p);
  const limit = a.limit ?? 50;
  const [after] = decodeKey<[string]>(a.cursor, ['text']) ?? [];
  const rows = await repo.listAgencies(ctx.db, { scope: agencyIds, term: searchTerm(a.q), after, limit });
  return toPage(rows, limit, presentAgency, (r) => [r.code]);
}

export async function createAgency(ctx: AppContext, p: P, body: { code: string; name: string; parentCode?: string; adminUnitCode: string }) {
  let principal: Principal;
  let parentId: string | null = null;
  if (body.parentCode) {
    const parentAgency = await repo.findAgencyByCode(ctx.db, body.parentCode);
    if (!parentAgency) throw AppError.validation('parentCode', `Không có cơ quan mã ${body.parentCode}.`);
    principal = policy.requireAdminOf(p, parentAgency.id, 'Cơ quan cấp trên');
    parentId = parentAgency.id;
  } else {
    principal = policy.requireNationalAdmin(p).principal;
  }
  const unit = await repo.findAdminUnit(ctx.db, body.adminUnitCode);
  if (!unit) throw AppError.validation('adminUnitCode', `Không có đơn vị hành chính mã ${body.adminUnitCode}.`);
  // An agency sits in its parent's province: a grant's reach never crosses a province.
  const parentProvince = body.parentCode ? (await repo.findAgencyByCode(ctx.db, body.parentCode))?.provinceCode : undefined;
  if (parentProvince && parentProvince !== unit.provinceCode)
    throw AppError.validation('adminUnitCode', 'Đơn vị hành chính phải thuộc cùng tỉnh với cơ quan cấp trên.');
  return ctx.db.transaction(async (tx) => {
    const created = await repo.insertAgency(tx, {
      code: body.code,
      name: body.name.normalize('NFC').trim(),
      parentId,
      adminUnitCode: unit.code,
      provinceCode: unit.provinceCode,
    });
    if (!created) throw new AppError('ALREADY_EXISTS', `Mã định danh ${body.code} đã được dùng.`, { errors: [{ field: 'code', message: 'already exists' }] });
    const row = (await repo.findAgencyByCode(tx, body.code))!;
    await appendAudit(tx, {
      stream: agencyStream(row.code),
      actor: actorOf(principal),
      action: 'agency.create',
      entityType: 'agency',
      entityId: row.id,
      provinceCode: row.provinceCode,
      data: presentAgency(row),
    });
    return presentAgency(row);
  });
}

async function agencyForAdmin(ctx: AppContext, p: P, code: string) {
  const a = await repo.findAgencyByCode(ctx.db, code);
  if (!a) throw AppError.notFound('Cơ quan');
  return { agency: a, principal: policy.requireAdminOf(p, a.id, 'Cơ quan') };
}

export async function listOrgUnits(ctx: AppContext, p: P, agencyCode: string) {
  const { agency } = await agencyForAdmin(ctx, p, agencyCode);
  return { items: (await repo.listOrgUnits(ctx.db, agency.id)).map(presentOrgUnit) };
}

export async function createOrgUnit(ctx: AppContext, p: P, agencyCode: string, body: { name: string; kind: string; parentId?: string }) {
  const { agency, principal } = await agencyForAdmin(ctx, p, agencyCode);
  if (body.parentId) {
    const parentUnit = await repo.findOrgUnit(ctx.db, body.parentId);
    if (!parentUnit || parentUnit.agencyId !== agency.id) throw AppError.validation('parentId', 'Đơn vị cấp trên không thuộc cơ quan này.');
  }
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertOrgUnit(tx, {
      agencyId: agency.id,
      name: body.name.normalize('NFC').trim(),
      kind: body.kind,
      parentId: body.parentId ?? null,
    });
    await appendAudit(tx, {
      stream: agencyStream(agency.code),
      actor: actorOf(principal),
      action: 'org_unit.create',
      entityType: 'org_unit',
      entityId: row.id,
      provinceCode: agency.provinceCode,
      data: presentOrgUnit(row),
    });
    return presentOrgUnit(row);
  });
}

// ── Users and role assignments ─────────────────────────────────────────────────────────────────
export async function createUser(
  ctx: AppContext,
  p: P,
  body: { username: string; displayName: string; password: string; kind: string; email?: string; phone?: string },
) {
  const { principal } = policy.adminScope(p);
  const home = principal.grants.find((g) => g.role === 'admin');
  const homeAgencyId = home?.agencyId ?? null;
  const passwordHash = await hashPassword(body.password);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertUser(tx, {
      username: body.username,
      displayName: body.displayName.normalize('NFC').trim(),
      passwordHash,
      kind: body.kind,
      email: body.email ?? null,
      phone: body.phone ?? null,
      homeAgencyId,
    });
    if (!row)
      throw new AppError('ALREADY_EXISTS', `Tên đăng nhập ${body.username} đã tồn tại.`, { errors: [{ field: 'username', message: 'already exists' }] });
    await appendAudit(tx, {
      stream: home ? agencyStream(home.agencyCode) : SYSTEM_STREAM,
      actor: actorOf(principal),
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      provinceCode: home?.provinceCode ?? null,
      data: { username: row.username, kind: row.kind },
    });
    return presentUser(row, []);
  });
}

export async function assignRole(ctx: AppContext, p: P, userId: string, body: { role: Role; agencyCode: string; unitId?: string }) {
  const { user, principal } = await userForAdmin(ctx, p, userId);
  const target = await repo.findAgencyByCode(ctx.db, body.agencyCode);
  if (!target) throw AppError.validation('agencyCode', `Không có cơ quan mã ${body.agencyCode}.`);
  policy.requireAdminOf(p, target.id, 'Cơ quan');
  if (body.unitId) {
    const unit = await repo.findOrgUnit(ctx.db, body.unitId);
    if (!unit || unit.agencyId !== target.id) throw AppError.validation('unitId', 'Đơn vị không thuộc cơ quan đã chọn.');
  }
  if (policy.NATIONAL_ROLES.includes(body.role) && target.provinceCode !== NATIONAL_CODE)
    throw AppError.forbidden('Vai trò cấp quốc gia chỉ do quản trị viên cấp quốc gia giao, tại một cơ quan cấp quốc gia.');
  if (body.role === 'citizen' && user.kind !== 'citizen') throw AppError.validation('role', 'Vai trò công dân chỉ dành cho tài khoản công dân.');
  if (body.role !== 'citizen' && user.kind === 'citizen') throw AppError.validation('role', 'Tài khoản công dân không thể nhận vai trò cán bộ.');
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertRoleAssignment(tx, { userId: user.id, role: body.role, agencyId: target.id, orgUnitId: body.unitId ?? null });
    if (!row) throw new AppError('ALREADY_EXISTS', 'Người dùng đã có vai trò này tại cơ quan này.');
    await appendAudit(tx, {
      stream: agencyStream(target.code),
      actor: actorOf(principal),
      action: 'role.assign',
      entityType: 'user',
      entityId: user.id,
      provinceCode: target.provinceCode,
      data: { role: body.role, agencyCode: target.code, unitId: body.unitId ?? null },
    });
    return (await presentUsers(tx, [user]))[0];
  });
}

export async function removeRole(ctx: AppContext, p: P, userId: string, assignmentId: string) {
  const { user, principal, agencyIds } = await userForAdmin(ctx, p, userId);
  const assignment = await repo.findRoleAssignment(ctx.db, user.id, assignmentId);
  if (!assignment || !agencyIds.includes(assignment.agencyId)) throw AppError.notFound('Phân quyền');
  const roleAgency = (await repo.rolesOfUsers(ctx.db, [user.id])).find((r) => r.id === assignmentId);
  await ctx.db.transaction(async (tx) => {
    await repo.deleteRoleAssignment(tx, user.id, assignmentId);
    await appendAudit(tx, {
      stream: roleAgency ? agencyStream(roleAgency.agencyCode) : SYSTEM_STREAM,
      actor: actorOf(principal),
      action: 'role.remove',
      entityType: 'user',
      entityId: user.id,
      data: { assignmentId, role: assignment.role },
    });
  });
}

// ── API tokens ─────────────────────────────────────────────────────────────────────────────────
export async function listTokens(ctx: AppContext, p: P) {
  const { agencyIds } = policy.adminScope(p);
  return { items: (await repo.listTokens(ctx.db, agencyIds)).map(presentToken) };
}

export async function createToken(ctx: AppContext, p: P, body: { name: string; role: Role; agencyCode: string; expiresInDays?: number }) {
  const target = await repo.findAgencyByCode(ctx.db, body.agencyCode);
  if (!target) throw AppError.validation('agencyCode', `Không có cơ quan mã ${body.agencyCode}.`);
  const principal = policy.requireAdminOf(p, target.id, 'Cơ quan');
  if (body.role === 'admin' || policy.NATIONAL_ROLES.includes(body.role)) throw AppError.validation('role', 'Không cấp mã truy cập API với quyền quản trị.');
  const token = `cv_${randomToken(30)}`;
  return ctx.db.transaction(async (tx) => {
    const days = body.expiresInDays ?? TOKEN_DEFAULT_DAYS;
    const expiresAt = new Date(Date.now() + days * 86_400_000);
    const id = await repo.insertToken(tx, {
      name: body.name.normalize('NFC').trim(),
      tokenHash: sha256(token),
      prefix: token.slice(0, 10),
      role: body.role,
      agencyId: target.id,
      createdBy: principal.userId,
      expiresAt,
    });
    await appendAudit(tx, {
      stream: agencyStream(target.code),
      actor: actorOf(principal),
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: id,
      provinceCode: target.provinceCode,
      data: { name: body.name, role: body.role, expiresAt: expiresAt.toISOString() },
    });
    const row = (await repo.findToken(tx, id))!;
    return { ...presentToken(row), token };
  });
}

export async function revokeToken(ctx: AppContext, p: P, id: string) {
  const row = await repo.findToken(ctx.db, id);
  if (!row) throw AppError.notFound('Mã truy cập');
  const principal = policy.requireAdminOf(p, row.agencyId, 'Mã truy cập');
  await ctx.db.transaction(async (tx) => {
    await repo.revokeToken(tx, id);
    await appendAudit(tx, {
      stream: agencyStream(row.agencyCode),
      actor: actorOf(principal),
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: id,
      data: { name: row.name },
    });
  });
  forgetApiToken(ctx, id);
  return presentToken((await repo.findToken(ctx.db, id))!);
}
