import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { agencyStream, appendAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { decodeKey, searchTerm, toPage } from '../../platform/pagination.js';
import { actorOf, type Principal } from '../../platform/principal.js';
import { versionConflict } from '../../platform/versioned.js';
import { org } from '../org/index.js';
import { vnToday } from '../../../shared/vn-time.js';
import { importOfficials, type ImportResult } from './workforce.import-run.js';
import { assertNotSelf } from '../../platform/self-review.js';
import * as policy from './workforce.policy.js';
import { presentCandidate, presentImportJob, presentOfficial, presentOfficialItem, presentPosition } from './workforce.presenter.js';
import * as history from './workforce.history.repo.js';
import * as repo from './workforce.repo.js';
import { joinName, STREAMLINING_DEFERRAL_CODES, STREAMLINING_GROUP_CODES, STREAMLINING_RULES, vietnameseSortKey } from './workforce.rules.js';
import { computeStats, computeStatsToday, statsWorkbook } from './workforce.stats.js';

type P = Principal | null;
const clean = (v: string | null | undefined): string | null => (v === undefined || v === null ? null : v.normalize('NFC').trim() || null);

/** The subtree to work on: the agency named (if in scope, else 404) or the caller's own. */
async function subtreeFor(ctx: AppContext, scope: policy.Scope, agencyCode: string | undefined): Promise<{ root: repo.AgencyRef; ids: string[] }> {
  const root = agencyCode
    ? await org.findAgencyByCode(ctx.db, agencyCode)
    : await org.findAgencyById(ctx.db, policy.defaultRoot(scope) ?? '00000000-0000-0000-0000-000000000000');
  policy.requireInScope(scope, root?.id, 'Cơ quan');
  const ids = (await org.subtreeIds(ctx.db, root!.id)).filter((id) => scope.agencyIds.has(id));
  return { root: root!, ids };
}

// ── Officials ───────────────────────────────────────────────────────────────────────────────────
export async function listOfficials(
  ctx: AppContext,
  p: P,
  a: { q?: string; cursor?: string; limit?: number; agency?: string; category?: string; status?: string },
) {
  const scope = policy.readScope(p);
  const { ids } = a.agency ? await subtreeFor(ctx, scope, a.agency) : { ids: [...scope.agencyIds] };
  const limit = a.limit ?? 50;
  const after = decodeKey<[string, string]>(a.cursor, ['text', 'uuid']);
  const rows = await repo.listOfficials(ctx.db, { agencyIds: ids, term: searchTerm(a.q), category: a.category, status: a.status, after, limit });
  return toPage(rows, limit, presentOfficialItem, (r) => [r.sortKey, r.id]);
}

export async function officialInScope(db: DbOrTx, scope: policy.Scope, id: string) {
  const row = await repo.findOfficial(db, id);
  policy.requireInScope(scope, row?.agencyId, 'Cán bộ');
  return row!;
}

export async function fullOfficial(db: DbOrTx, principal: Principal, row: repo.OfficialListRow) {
  const canSee = policy.canSeeIdentifiers(principal, row.agencyId);
  const account = row.userId ? ((await repo.findAccountById(db, row.userId)) ?? null) : null;
  return presentOfficial(row, canSee, { assignments: await repo.assignmentsOf(db, row.id), training: await repo.trainingOf(db, row.id), account });
}

/** The record; HR sees identifiers and that read is written to access_log. */
export async function getOfficial(ctx: AppContext, p: P, id: string) {
  const scope = policy.readScope(p);
  const row = await officialInScope(ctx.db, scope, id);
  const out = await fullOfficial(ctx.db, scope.principal, row);
  if (!out.identifiersMasked) {
    await repo.logAccess(ctx.db, {
      actorId: scope.principal.userId,
      actorLabel: scope.principal.label,
      agencyId: row.agencyId,
      entityType: 'official',
      entityId: row.id,
      purpose: 'workforce.official.view',
      fields: 3,
    });
  }
  return out;
}

type CreateBody = {
  code: string;
  familyName: string;
  middleName?: string;
  givenName: string;
  dateOfBirth: string;
  gender: string;
  ethnicity?: string;
  category: string;
  agencyCode: string;
  orgUnitId?: string;
  positionId?: string;
  rank?: string | null;
  leadershipTitle?: string | null;
  isPartyMember?: boolean;
  politicalTheory?: string;
  professionalDegree?: string;
  professionalField?: string | null;
  stateManagement?: string | null;
  itLevel?: string | null;
  foreignLanguage?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  email?: string | null;
  joinedAt?: string;
};

async function checkPlacement(db: DbOrTx, agencyId: string, orgUnitId: string | null | undefined, positionId: string | null | undefined) {
  if (orgUnitId && !(await repo.orgUnitsOf(db, [agencyId])).some((u) => u.id === orgUnitId))
    throw AppError.validation('orgUnitId', 'Phòng/bộ phận không thuộc cơ quan đã chọn.');
  if (positionId && (await repo.findPosition(db, positionId))?.agencyId !== agencyId)
    throw AppError.validation('positionId', 'Vị trí việc làm không thuộc cơ quan đã chọn.');
}

export async function createOfficial(ctx: AppContext, p: P, b: CreateBody) {
  const scope = policy.manageScope(p);
  const ag = await org.findAgencyByCode(ctx.db, b.agencyCode);
  policy.requireInScope(scope, ag?.id, 'Cơ quan');
  await checkPlacement(ctx.db, ag!.id, b.orgUnitId, b.positionId);
  const name = {
    familyName: b.familyName.normalize('NFC').trim(),
    middleName: (b.middleName ?? '').normalize('NFC').trim(),
    givenName: b.givenName.normalize('NFC').trim(),
  };
  if ((await repo.existingCodes(ctx.db, ag!.provinceCode, [b.code])).size)
    throw new AppError('ALREADY_EXISTS', `Mã cán bộ ${b.code} đã tồn tại.`, { errors: [{ field: 'code', message: 'already exists' }] });
  const id = await ctx.db.transaction(async (tx) => {
    const [w] = await repo.upsertOfficials(
      tx,
      [
        {
          code: b.code,
          provinceCode: ag!.provinceCode,
          agencyId: ag!.id,
          orgUnitId: b.orgUnitId ?? null,
          ...name,
          fullName: joinName(name),
          sortKey: vietnameseSortKey(name),
          dateOfBirth: b.dateOfBirth,
          gender: b.gender,
          ethnicity: clean(b.ethnicity) ?? 'Kinh',
          category: b.category,
          positionId: b.positionId ?? null,
          rank: clean(b.rank),
          leadershipTitle: clean(b.leadershipTitle),
          isPartyMember: b.isPartyMember ?? false,
          politicalTheory: b.politicalTheory ?? 'none',
          professionalDegree: b.professionalDegree ?? 'khac',
          professionalField: clean(b.professionalField),
          stateManagement: clean(b.stateManagement),
          itLevel: clean(b.itLevel),
          foreignLanguage: clean(b.foreignLanguage),
          idNumber: b.idNumber ?? null,
          phone: b.phone ?? null,
          email: b.email ?? null,
          joinedAt: b.joinedAt ?? null,
        },
      ],
      [ag!.id],
    );
    if (!w?.inserted) throw new AppError('ALREADY_EXISTS', `Mã cán bộ ${b.code} đã tồn tại.`);
    const today = vnToday();
    await repo.syncAssignments(tx, [w.id], today);
    await history.syncHistory(tx, [w.id], today);
    await history.refreshStats(tx, [ag!.id]);
    await appendAudit(tx, {
      stream: agencyStream(ag!.code),
      actor: actorOf(scope.principal),
      action: 'official.create',
      entityType: 'official',
      entityId: w.id,
      provinceCode: ag!.provinceCode,
      data: { code: b.code, fullName: joinName(name), category: b.category },
    });
    return w.id;
  });
  return fullOfficial(ctx.db, scope.principal, (await repo.findOfficial(ctx.db, id))!);
}

type UpdateBody = Omit<Partial<CreateBody>, 'code' | 'dateOfBirth' | 'idNumber' | 'orgUnitId' | 'positionId'> & {
  version: number;
  status?: string;
  leftAt?: string;
  note?: string;
  orgUnitId?: string | null;
  positionId?: string | null;
};

/** Edit, move (agency/unit/position → a new assignment from today) or retire (closes the assignment). */
export async function updateOfficial(ctx: AppContext, p: P, id: string, b: UpdateBody) {
  const scope = policy.manageScope(p);
  const row = await officialInScope(ctx.db, scope, id);
  let target = { id: row.agencyId, code: row.agencyCode };
  if (b.agencyCode && b.agencyCode !== row.agencyCode) {
    const ag = await org.findAgencyByCode(ctx.db, b.agencyCode);
    policy.requireInScope(scope, ag?.id, 'Cơ quan');
    target = { id: ag!.id, code: ag!.code };
  }
  const moved = target.id !== row.agencyId;
  const orgUnitId = b.orgUnitId !== undefined ? b.orgUnitId : moved ? null : row.orgUnitId;
  const positionId = b.positionId !== undefined ? b.positionId : moved ? null : row.positionId;
  await checkPlacement(ctx.db, target.id, orgUnitId, positionId);
  const today = vnToday();
  const set = {
    agencyId: target.id,
    orgUnitId,
    positionId,
    ...(b.category !== undefined && { category: b.category }),
    ...(b.rank !== undefined && { rank: clean(b.rank) }),
    ...(b.leadershipTitle !== undefined && { leadershipTitle: clean(b.leadershipTitle) }),
    ...(b.isPartyMember !== undefined && { isPartyMember: b.isPartyMember }),
    ...(b.politicalTheory !== undefined && { politicalTheory: b.politicalTheory }),
    ...(b.professionalDegree !== undefined && { professionalDegree: b.professionalDegree }),
    ...(b.professionalField !== undefined && { professionalField: clean(b.professionalField) }),
    ...(b.stateManagement !== undefined && { stateManagement: clean(b.stateManagement) }),
    ...(b.itLevel !== undefined && { itLevel: clean(b.itLevel) }),
    ...(b.foreignLanguage !== undefined && { foreignLanguage: clean(b.foreignLanguage) }),
    ...(b.phone !== undefined && { phone: b.phone }),
    ...(b.email !== undefined && { email: b.email }),
    ...(b.status !== undefined && { status: b.status, leftAt: b.status === 'active' ? null : (b.leftAt ?? today) }),
  };
  await ctx.db.transaction(async (tx) => {
    const before = await history.openAgenciesOf(tx, [id]);
    if (!(await repo.updateOfficial(tx, id, b.version, set))) throw versionConflict('Hồ sơ đã được người khác cập nhật; hãy tải lại.');
    if (b.status && b.status !== 'active') await repo.closeAssignment(tx, id, b.leftAt ?? today);
    else await repo.syncAssignments(tx, [id], today);
    await history.syncHistory(tx, [id], today);
    await history.refreshStats(tx, [...before, target.id]);
    const changed = Object.fromEntries(Object.entries(set).filter(([k]) => !['phone', 'email'].includes(k)));
    await appendAudit(tx, {
      stream: agencyStream(target.code),
      actor: actorOf(scope.principal),
      action: moved ? 'official.move' : 'official.update',
      entityType: 'official',
      entityId: id,
      provinceCode: row.provinceCode,
      data: { code: row.code, from: row.agencyCode, ...changed, note: b.note ?? null },
    });
  });
  return fullOfficial(ctx.db, scope.principal, (await repo.findOfficial(ctx.db, id))!);
}

export async function addTraining(
  ctx: AppContext,
  p: P,
  id: string,
  b: { kind: string; title: string; institution?: string | null; fromDate?: string; toDate?: string; certificate?: string | null },
) {
  const scope = policy.manageScope(p);
  const row = await officialInScope(ctx.db, scope, id);
  await ctx.db.transaction(async (tx) => {
    const t = await repo.insertTraining(tx, {
      officialId: id,
      kind: b.kind,
      title: b.title.normalize('NFC').trim(),
      institution: clean(b.institution),
      fromDate: b.fromDate ?? null,
      toDate: b.toDate ?? null,
      certificate: clean(b.certificate),
    });
    await appendAudit(tx, {
      stream: agencyStream(row.agencyCode),
      actor: actorOf(scope.principal),
      action: 'official.training.add',
      entityType: 'official',
      entityId: id,
      provinceCode: row.provinceCode,
      data: { trainingId: t.id, kind: t.kind, title: t.title },
    });
  });
  return fullOfficial(ctx.db, scope.principal, (await repo.findOfficial(ctx.db, id))!);
}

// ── Import ──────────────────────────────────────────────────────────────────────────────────────
/** `read` (the upload) runs after the policy check, so nobody else gets to upload. */
export async function importFile(
  ctx: AppContext,
  p: P,
  f: { read: () => Promise<{ fileName: string; data: Buffer }>; dryRun: boolean; jobId?: string },
): Promise<ImportResult> {
  const scope = policy.manageScope(p);
  const jobAgency = policy.defaultRoot(scope)!;
  const { fileName, data } = await f.read();
  return importOfficials(ctx.db, {
    fileName,
    data,
    dryRun: f.dryRun,
    scope: scope.agencyIds,
    actor: actorOf(scope.principal),
    job: { id: f.jobId ?? randomUUID(), agencyId: jobAgency },
  });
}

export async function getImportJob(ctx: AppContext, p: P, id: string) {
  const scope = policy.manageScope(p);
  const job = await repo.findImportJob(ctx.db, id);
  if (!job || (job.createdBy !== scope.principal.userId && !scope.agencyIds.has(job.agencyId))) throw AppError.notFound('Lượt nhập');
  return presentImportJob(job);
}

// ── Statistics ──────────────────────────────────────────────────────────────────────────────────
/** Today: the maintained aggregate; any other date: the scan over assignments and history. */
function statsOn(db: DbOrTx, root: repo.AgencyRef, date: string | undefined) {
  const today = vnToday();
  return !date || date === today ? computeStatsToday(db, root, today) : computeStats(db, root, date);
}

export async function stats(ctx: AppContext, p: P, q: { agency?: string; date?: string }) {
  const scope = policy.readScope(p);
  const { root } = await subtreeFor(ctx, scope, q.agency);
  return statsOn(ctx.db, root, q.date);
}

export async function statsXlsx(ctx: AppContext, p: P, q: { agency?: string; date?: string }) {
  const scope = policy.readScope(p);
  const { root } = await subtreeFor(ctx, scope, q.agency);
  const s = await statsOn(ctx.db, root, q.date);
  return { fileName: `thong-ke-can-bo-${root.code}-${s.date}.xlsx`, data: await statsWorkbook(s, root.name) };
}

// ── Job positions and headcount ─────────────────────────────────────────────────────────────────
export async function listPositions(ctx: AppContext, p: P, q: { agency?: string }) {
  const scope = policy.readScope(p);
  const { ids } = await subtreeFor(ctx, scope, q.agency);
  return { items: (await repo.positionsOf(ctx.db, ids)).map(presentPosition) };
}

async function positionRow(ctx: AppContext, id: string) {
  return (await repo.positionsOf(ctx.db, [(await repo.findPosition(ctx.db, id))!.agencyId])).find((x) => x.id === id)!;
}

export async function createPosition(ctx: AppContext, p: P, b: { agencyCode: string; orgUnitId?: string; name: string; quota?: number | null }) {
  const scope = policy.manageScope(p);
  const ag = await org.findAgencyByCode(ctx.db, b.agencyCode);
  policy.requireInScope(scope, ag?.id, 'Cơ quan');
  await checkPlacement(ctx.db, ag!.id, b.orgUnitId, null);
  const id = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertPosition(tx, {
      agencyId: ag!.id,
      orgUnitId: b.orgUnitId ?? null,
      name: b.name.normalize('NFC').trim(),
      quota: b.quota ?? null,
    });
    if (!row) throw new AppError('ALREADY_EXISTS', `Vị trí việc làm "${b.name}" đã có.`);
    await appendAudit(tx, {
      stream: agencyStream(ag!.code),
      actor: actorOf(scope.principal),
      action: 'job_position.create',
      entityType: 'job_position',
      entityId: row.id,
      provinceCode: ag!.provinceCode,
      data: { name: row.name, quota: row.quota },
    });
    return row.id;
  });
  return presentPosition(await positionRow(ctx, id));
}

export async function setQuota(ctx: AppContext, p: P, id: string, b: { version: number; quota: number | null }) {
  const scope = policy.manageScope(p);
  const pos = await repo.findPosition(ctx.db, id);
  policy.requireInScope(scope, pos?.agencyId, 'Vị trí việc làm');
  const ag = (await org.findAgencyById(ctx.db, pos!.agencyId))!;
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.setQuota(tx, id, b.version, b.quota))) throw versionConflict('Biên chế đã được người khác cập nhật; hãy tải lại.');
    await appendAudit(tx, {
      stream: agencyStream(ag.code),
      actor: actorOf(scope.principal),
      action: 'job_position.quota',
      entityType: 'job_position',
      entityId: id,
      provinceCode: ag.provinceCode,
      data: { from: pos!.quota, to: b.quota },
    });
  });
  return presentPosition(await positionRow(ctx, id));
}

// ── Streamlining (Decree 154/2025) ──────────────────────────────────────────────────────────────
export async function listCandidates(ctx: AppContext, p: P, q: { agency?: string; status?: string }) {
  const scope = policy.reviewScope(p);
  const { ids } = await subtreeFor(ctx, scope, q.agency);
  return {
    items: (await repo.listCandidates(ctx.db, ids, q.status)).map(presentCandidate),
    rules: STREAMLINING_RULES as unknown as {
      id: string;
      legalReference: string;
      effectiveFrom: string;
      groups: { code: string; label: string }[];
      deferrals: { code: string; label: string }[];
    },
  };
}

export async function flagCandidate(ctx: AppContext, p: P, b: { officialId: string; groupCode: string; reason: string; deferralCode?: string }) {
  const scope = policy.reviewScope(p);
  const row = await officialInScope(ctx.db, scope, b.officialId);
  if (!STREAMLINING_GROUP_CODES.includes(b.groupCode))
    throw AppError.validation('groupCode', `Nhóm "${b.groupCode}" không có trong ${STREAMLINING_RULES.legalReference}.`);
  if (b.deferralCode && !STREAMLINING_DEFERRAL_CODES.includes(b.deferralCode))
    throw AppError.validation('deferralCode', `Trường hợp chưa xem xét "${b.deferralCode}" không hợp lệ.`);
  if (row.status !== 'active') throw AppError.rule('OFFICIAL_NOT_ACTIVE', 'Chỉ xem xét tinh giản đối với người đang công tác.');
  const id = await ctx.db.transaction(async (tx) => {
    const c = await repo.insertCandidate(tx, {
      officialId: row.id,
      agencyId: row.agencyId,
      ruleSet: STREAMLINING_RULES.id,
      groupCode: b.groupCode,
      reason: b.reason.normalize('NFC').trim(),
      deferralCode: b.deferralCode ?? null,
      status: b.deferralCode ? 'deferred' : 'pending',
      flaggedBy: scope.principal.userId,
    });
    await appendAudit(tx, {
      stream: agencyStream(row.agencyCode),
      actor: actorOf(scope.principal),
      action: 'streamlining.flag',
      entityType: 'streamlining_candidate',
      entityId: c.id,
      provinceCode: row.provinceCode,
      data: { officialCode: row.code, groupCode: c.groupCode, deferralCode: c.deferralCode },
    });
    return c.id;
  });
  return presentCandidate((await repo.findCandidate(ctx.db, id))!);
}

/** Home Affairs' decision on a flag: approved, rejected, or deferred (with the Decree's deferral case). */
export async function reviewCandidate(ctx: AppContext, p: P, id: string, b: { version: number; decision: string; note: string; deferralCode?: string }) {
  const scope = policy.reviewScope(p);
  const c = await repo.findCandidate(ctx.db, id);
  policy.requireInScope(scope, c?.c.agencyId, 'Đề xuất tinh giản');
  assertNotSelf(scope.principal, { officialUserId: c!.officialUserId, filerIds: [c!.c.flaggedBy] }); // nobody decides his own flag, nor one he raised
  if (b.decision === 'deferred' && !(b.deferralCode && STREAMLINING_DEFERRAL_CODES.includes(b.deferralCode)))
    throw AppError.validation('deferralCode', 'Hoãn xem xét phải nêu trường hợp theo Nghị định 154/2025.');
  if (c!.c.status === 'approved' || c!.c.status === 'rejected') throw new AppError('CONFLICT', 'Đề xuất đã có quyết định.');
  await ctx.db.transaction(async (tx) => {
    const ok = await repo.decideCandidate(tx, id, b.version, {
      status: b.decision,
      decisionNote: b.note.normalize('NFC').trim(),
      decidedBy: scope.principal.userId,
      deferralCode: b.decision === 'deferred' ? b.deferralCode! : c!.c.deferralCode,
    });
    if (!ok) throw versionConflict('Đề xuất đã được người khác cập nhật; hãy tải lại.');
    await appendAudit(tx, {
      stream: agencyStream(c!.agencyCode),
      actor: actorOf(scope.principal),
      action: 'streamlining.review',
      entityType: 'streamlining_candidate',
      entityId: id,
      data: { decision: b.decision, note: b.note, deferralCode: b.deferralCode ?? null },
    });
  });
  return presentCandidate((await repo.findCandidate(ctx.db, id))!);
}
