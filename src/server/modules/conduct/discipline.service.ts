import type { AppContext } from '../../context.js';
import { agencyStream, appendAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, type Principal } from '../../platform/principal.js';
import { orVersionConflict } from '../../platform/versioned.js';
import { assertNotSelf, type ReviewSubject, selfReviewReason } from '../../platform/self-review.js';
import { computeDue } from '../calendar/index.js';
import * as repo from './cases.repo.js';
import * as policy from './conduct.policy.js';
import { presentCase } from './conduct.presenter.js';
import { vnDate, vnToday } from '../../../shared/vn-time.js';
import {
  allowedForms,
  checkForm,
  type DisciplineForm,
  handlingDays,
  HANDLING_PERIOD,
  isLimitationExpired,
  isWaitingReasonAllowed,
  limitationUntil,
  type NoLimitationCase,
  type OfficialCategory,
  regimeByCode,
  regimeFor,
  type Severity,
  type WaitingReason,
} from './discipline.rules.js';
import * as officials from './officials.repo.js';

type P = Principal | null;

const vnDay = (d: string | null) => (d ? d.split('-').reverse().join('/') : '');
const calendarCtx = (ctx: AppContext) => ({ db: ctx.db, database: ctx.database });

/** The handling period from the calendar module (of the official's province), not counting the waiting periods. */
async function handlingDue(ctx: AppContext, province: string, openedAt: Date, isComplex: boolean, pauses: { from: string; to: string }[]) {
  return computeDue(calendarCtx(ctx), {
    from: openedAt,
    amount: handlingDays(isComplex),
    unit: HANDLING_PERIOD.unit,
    pauses: pauses.map((x) => ({ from: new Date(x.from), to: new Date(x.to) })),
    province,
  });
}

export async function openCase(
  ctx: AppContext,
  p: P,
  body: { violationIds: string[]; severity: Severity; isComplex?: boolean; actDate?: string; noLimitation?: NoLimitationCase },
) {
  const ids = [...new Set(body.violationIds.map((id) => id.toLowerCase()))];
  const violations = await repo.findViolations(ctx.db, ids);
  if (violations.length !== ids.length) throw AppError.notFound('Vi phạm');
  const first = violations[0];
  const principal = policy.requireIn(p, first.agencyId, policy.MANAGE, 'Vi phạm');
  for (const v of violations) assertNotSelf(principal, { officialUserId: v.officialUserId, filerIds: [v.reportedBy] });
  if (violations.some((v) => v.officialId !== first.officialId)) throw AppError.validation('violationIds', 'Các vi phạm phải của cùng một cán bộ.');
  const unconfirmed = violations.find((v) => v.status !== 'confirmed');
  if (unconfirmed) throw AppError.rule('VIOLATION_NOT_CONFIRMED', 'Chỉ xem xét kỷ luật đối với vi phạm đã được xác nhận.', { violationId: unconfirmed.id });
  if ((await repo.violationsInCases(ctx.db, ids)).length) throw AppError.rule('VIOLATION_ALREADY_IN_CASE', 'Vi phạm đã được đưa vào một vụ việc kỷ luật khác.');
  const o = (await officials.findOfficial(ctx.db, first.officialId))!;
  const category = officials.disciplineCategory(o.category) as OfficialCategory | null;
  if (!category)
    throw AppError.rule('DISCIPLINE_NOT_APPLICABLE', 'Người lao động hợp đồng không áp dụng các hình thức kỷ luật của cán bộ, công chức, viên chức.');
  const today = vnToday();
  const actDate = body.actDate ?? violations.map((v) => v.occurredOn).sort()[0];
  if (actDate > today) throw AppError.validation('actDate', 'Ngày có hành vi vi phạm không được ở tương lai.');
  const regime = regimeFor(category, actDate);
  const limitation = limitationUntil({ actDate, severity: body.severity, handledOn: today, noLimitation: body.noLimitation ?? null });
  if (isLimitationExpired(limitation.until, today)) {
    throw AppError.rule(
      'DISCIPLINE_LIMITATION_EXPIRED',
      `Đã hết thời hiệu xử lý kỷ luật (đến hết ngày ${vnDay(limitation.until)}, ${limitation.rule.legalReference}).`,
      { limitationUntil: limitation.until, rule: limitation.rule.code },
    );
  }
  const openedAt = new Date();
  const due = await handlingDue(ctx, o.provinceCode, openedAt, body.isComplex ?? false, []);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertCase(tx, {
      agencyId: o.agencyId,
      provinceCode: o.provinceCode,
      officialId: o.id,
      violationIds: ids,
      actDate,
      regime: regime.code,
      category,
      isLeader: !!o.leadershipTitle,
      severity: body.severity,
      isComplex: body.isComplex ?? false,
      isDutyRelated: violations.some((v) => v.isDutyRelated),
      openedAt,
      handlingDue: due.due,
      calendarVersion: due.calendarVersion,
      limitationUntil: limitation.until,
      limitationRule: limitation.rule.code,
      createdBy: principal.userId,
    });
    await appendAudit(tx, {
      stream: agencyStream(o.agencyCode),
      actor: actorOf(principal),
      action: 'conduct.discipline.open',
      entityType: 'discipline_case',
      entityId: row.id,
      provinceCode: o.provinceCode,
      data: {
        officialId: o.id,
        violationIds: ids,
        regime: regime.code,
        actDate,
        handlingDue: due.due.toISOString(),
        calendarVersion: due.calendarVersion,
        limitationUntil: limitation.until,
      },
    });
    return present({ ...row, agencyCode: o.agencyCode, officialName: o.fullName, officialUserId: o.userId });
  });
}

const present = (row: repo.CaseRow) => {
  const regime = regimeByCode(row.regime)!;
  return presentCase(row, {
    regimeReference: regime.legalReference,
    allowedForms: [...allowedForms(row.category as OfficialCategory, row.isLeader, row.actDate)],
    isOverdue: row.status !== 'decided' && row.status !== 'closed' && row.handlingDue.getTime() < Date.now(),
  });
};

export async function listCases(ctx: AppContext, p: P, q: { mine?: boolean }) {
  if (q.mine) {
    const principal = policy.requireStaff(p);
    const me = principal.userId ? await officials.findOfficialByUser(ctx.db, principal.userId) : undefined;
    return { items: me ? (await repo.listCases(ctx.db, { officialId: me.id, limit: 200 })).map(present) : [] };
  }
  const { agencyIds } = policy.scopeOf(p, policy.READ);
  return { items: (await repo.listCases(ctx.db, { agencyIds, limit: 200 })).map(present) };
}

export async function getCase(ctx: AppContext, p: P, id: string) {
  const row = await repo.findCase(ctx.db, id);
  if (!row) throw AppError.notFound('Vụ việc kỷ luật');
  const principal = policy.requireReader(p, row, 'Vụ việc kỷ luật');
  const violations = await repo.findViolations(ctx.db, row.violationIds);
  return {
    ...present(row),
    selfReview: selfReviewReason(principal, caseSubject(row, violations)),
    violations: violations.map((v) => ({ id: v.id, occurredOn: v.occurredOn, description: v.description, status: v.status, source: v.source })),
  };
}

async function change(
  ctx: AppContext,
  principal: Principal,
  row: repo.CaseRow,
  version: number,
  from: string[],
  set: Parameters<typeof repo.updateCase>[4],
  action: string,
  data: Record<string, unknown>,
) {
  if (!from.includes(row.status)) throw AppError.rule('DISCIPLINE_CASE_STATE', `Vụ việc đang ở trạng thái "${row.status}", không thể thực hiện thao tác này.`);
  return ctx.db.transaction(async (tx) => {
    const updated = orVersionConflict(await repo.updateCase(tx, row.id, version, from, set), 'Vụ việc vừa được người khác cập nhật; hãy tải lại.');
    await appendAudit(tx, {
      stream: agencyStream(row.agencyCode),
      actor: actorOf(principal),
      action,
      entityType: 'discipline_case',
      entityId: row.id,
      provinceCode: row.provinceCode,
      data,
    });
    return present({ ...updated, agencyCode: row.agencyCode, officialName: row.officialName, officialUserId: row.officialUserId });
  });
}

/** A case is about its official and was filed by whoever reported its violations: none of them takes a step in it. */
const caseSubject = (row: repo.CaseRow, violations: repo.ViolationRow[]): ReviewSubject => ({
  officialUserId: row.officialUserId,
  filerIds: violations.map((v) => v.reportedBy),
});

/** Every staff step of a case: the role in the case's agency subtree, then nobody judges their own case. */
async function load(ctx: AppContext, p: P, id: string, roles = policy.MANAGE) {
  const row = await repo.findCase(ctx.db, id);
  if (!row) throw AppError.notFound('Vụ việc kỷ luật');
  const principal = policy.requireIn(p, row.agencyId, roles, 'Vụ việc kỷ luật');
  assertNotSelf(principal, caseSubject(row, await repo.findViolations(ctx.db, row.violationIds)));
  return { row, principal };
}

export async function addDocument(ctx: AppContext, p: P, id: string, body: { kind: string; title: string; storageKey?: string; version: number }) {
  const { row, principal } = await load(ctx, p, id);
  const doc = { kind: body.kind, title: body.title.normalize('NFC').trim(), storageKey: body.storageKey ?? null, addedAt: new Date().toISOString() };
  return change(ctx, principal, row, body.version, ['open', 'waiting'], { documents: [...row.documents, doc] }, 'conduct.discipline.document', doc);
}

/** Discipline waits (chưa xem xét) in the cases the regime in force recognises; the wait is not counted. */
export async function startWaiting(ctx: AppContext, p: P, id: string, body: { reason: WaitingReason; version: number }) {
  const { row, principal } = await load(ctx, p, id);
  if (!isWaitingReasonAllowed(row.category as OfficialCategory, row.actDate, body.reason))
    throw AppError.rule(
      'WAITING_REASON_NOT_RECOGNISED',
      `Trường hợp này không thuộc các trường hợp chưa xem xét kỷ luật theo ${regimeByCode(row.regime)!.legalReference}.`,
    );
  return change(
    ctx,
    principal,
    row,
    body.version,
    ['open'],
    { status: 'waiting', waitingReason: body.reason, waitingSince: new Date() },
    'conduct.discipline.wait',
    { reason: body.reason },
  );
}

export async function resume(ctx: AppContext, p: P, id: string, body: { version: number }) {
  const { row, principal } = await load(ctx, p, id);
  if (row.status !== 'waiting' || !row.waitingSince) throw AppError.rule('DISCIPLINE_CASE_STATE', 'Vụ việc không ở trạng thái tạm chờ.');
  const pauses = [...row.pauses, { from: row.waitingSince.toISOString(), to: new Date().toISOString(), reason: row.waitingReason ?? '' }];
  const due = await handlingDue(ctx, row.provinceCode, row.openedAt, row.isComplex, pauses);
  return change(
    ctx,
    principal,
    row,
    body.version,
    ['waiting'],
    { status: 'open', waitingReason: null, waitingSince: null, pauses, handlingDue: due.due, calendarVersion: due.calendarVersion },
    'conduct.discipline.resume',
    { handlingDue: due.due.toISOString() },
  );
}

/** The decision: the form must be one the regime governing the act allows (abolished → 422). */
export async function decide(ctx: AppContext, p: P, id: string, body: { form: DisciplineForm; decisionNumber: string; version: number }) {
  const { row, principal } = await load(ctx, p, id, policy.REVIEW);
  if (row.status !== 'open') throw AppError.rule('DISCIPLINE_CASE_STATE', `Vụ việc đang ở trạng thái "${row.status}", không thể ra quyết định.`);
  const check = checkForm({ category: row.category as OfficialCategory, isLeader: row.isLeader, actDate: row.actDate, form: body.form });
  if (!check.ok) throw AppError.rule(check.code, check.message, { regime: check.regime.code, allowedForms: check.regime.forms });
  const today = vnToday();
  if (isLimitationExpired(row.limitationUntil, today))
    throw AppError.rule('DISCIPLINE_LIMITATION_EXPIRED', `Đã hết thời hiệu xử lý kỷ luật (đến hết ngày ${vnDay(row.limitationUntil)}).`);
  const decidedAt = new Date();
  return change(
    ctx,
    principal,
    row,
    body.version,
    ['open'],
    { status: 'decided', decisionForm: body.form, decisionNumber: body.decisionNumber.normalize('NFC').trim(), decidedAt, decidedBy: principal.userId },
    'conduct.discipline.decide',
    { form: body.form, decisionNumber: body.decisionNumber, decidedOn: vnDate(decidedAt), regime: row.regime },
  );
}

/** The official's complaint against the decision (Law on Complaints 2011). */
export async function fileComplaint(ctx: AppContext, p: P, id: string, body: { text: string; version: number }) {
  const row = await repo.findCase(ctx.db, id);
  if (!row) throw AppError.notFound('Vụ việc kỷ luật');
  const principal = policy.requireSelf(p, row.officialUserId, 'Vụ việc kỷ luật');
  if (row.complaintAt) throw AppError.rule('COMPLAINT_ALREADY_FILED', 'Đã có khiếu nại đối với quyết định này.');
  return change(
    ctx,
    principal,
    row,
    body.version,
    ['decided'],
    { complaintText: body.text.normalize('NFC').trim(), complaintAt: new Date(), complaintStatus: 'filed' },
    'conduct.discipline.complaint',
    { length: body.text.length },
  );
}

export async function resolveComplaint(ctx: AppContext, p: P, id: string, body: { outcome: 'upheld' | 'rejected'; version: number }) {
  const { row, principal } = await load(ctx, p, id, policy.REVIEW);
  if (row.complaintStatus !== 'filed') throw AppError.rule('COMPLAINT_STATE', 'Không có khiếu nại đang chờ giải quyết.');
  const set = body.outcome === 'upheld' ? { complaintStatus: 'upheld', status: 'closed' } : { complaintStatus: 'rejected' };
  return change(ctx, principal, row, body.version, ['decided'], set, 'conduct.discipline.complaint_resolve', { outcome: body.outcome });
}
