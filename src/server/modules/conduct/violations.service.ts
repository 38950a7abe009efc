import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { agencyStream, appendAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { decodeKey, toPage } from '../../platform/pagination.js';
import { type Actor, actorOf, type Principal, systemActor } from '../../platform/principal.js';
import { orVersionConflict } from '../../platform/versioned.js';
import { assertNotSelf, selfReviewReason } from '../../platform/self-review.js';
import * as repo from './cases.repo.js';
import * as codeRepo from './code.repo.js';
import * as policy from './conduct.policy.js';
import { presentViolation } from './conduct.presenter.js';
import { vnToday } from '../../../shared/vn-time.js';
import * as officials from './officials.repo.js';

type P = Principal | null;
export type ViolationSource = 'inspection' | 'complaint' | 'citizen_rating' | 'signal' | 'attendance';

/** Insert a violation in `reported` state with its audit row; call inside the caller's transaction. */
export async function reportViolation(
  tx: DbOrTx,
  actor: Actor,
  o: officials.OfficialRef,
  v: {
    source: ViolationSource;
    ruleId?: string | null;
    occurredOn: string;
    description: string;
    evidence: Record<string, unknown>;
    isDutyRelated?: boolean;
    reportedBy?: string | null;
  },
) {
  const row = await repo.insertViolation(tx, {
    agencyId: o.agencyId,
    provinceCode: o.provinceCode,
    officialId: o.id,
    source: v.source,
    ruleId: v.ruleId ?? null,
    occurredOn: v.occurredOn,
    description: v.description.normalize('NFC').trim(),
    evidence: v.evidence,
    isDutyRelated: v.isDutyRelated ?? false,
    reportedBy: v.reportedBy ?? null,
  });
  await appendAudit(tx, {
    stream: agencyStream(o.agencyCode),
    actor,
    action: 'conduct.violation.report',
    entityType: 'violation',
    entityId: row.id,
    provinceCode: o.provinceCode,
    data: { officialId: o.id, source: v.source, ruleId: v.ruleId ?? null },
  });
  return row;
}

export interface SignalInput {
  officialId?: string;
  userId?: string;
  /** e.g. late_without_apology, second_supplement_request, unsatisfied_rating */
  kind: string;
  /** The module that computed it, e.g. 'dossiers'. */
  source: string;
  /** A reference to the evidence in the source module (dossier code, rating id…). */
  evidenceRef: string;
  occurredOn?: string;
}

/**
 * The entry point for service-data signals (dossiers: late without apology, second supplement
 * request, unsatisfied rating…). A signal only REPORTS a violation for a human to review; it never
 * confirms it, opens a case or touches a rating. Idempotent per (official, kind, evidenceRef).
 * Returns null when no official matches.
 */
export async function recordSignal(db: DbOrTx, s: SignalInput): Promise<{ violationId: string } | null> {
  const o = s.officialId ? await officials.findOfficial(db, s.officialId) : s.userId ? await officials.findOfficialByUser(db, s.userId) : undefined;
  if (!o) return null;
  const earlier = await repo.findSignalViolation(db, o.id, s.kind, s.evidenceRef);
  if (earlier) return { violationId: earlier.id }; // the same signal twice reports once
  const write = async (tx: DbOrTx) =>
    reportViolation(tx, { ...systemActor, label: `signal:${s.source}` }, o, {
      source: 'signal',
      occurredOn: s.occurredOn ?? vnToday(),
      description: `Tín hiệu từ dữ liệu dịch vụ (${s.source}): ${s.kind}`,
      evidence: { signal: { kind: s.kind, source: s.source, ref: s.evidenceRef } },
    });
  const row = await db.transaction(write);
  return { violationId: row.id };
}

export async function createViolation(
  ctx: AppContext,
  p: P,
  body: {
    officialId: string;
    source: 'complaint' | 'citizen_rating' | 'attendance';
    ruleId?: string;
    occurredOn: string;
    description: string;
    evidence?: Record<string, unknown>;
    isDutyRelated?: boolean;
  },
) {
  const o = await officials.findOfficial(ctx.db, body.officialId);
  if (!o) throw AppError.notFound('Cán bộ');
  const principal = policy.requireIn(p, o.agencyId, policy.REPORT, 'Cán bộ');
  if (body.ruleId && !(await codeRepo.findRule(ctx.db, body.ruleId))) throw AppError.validation('ruleId', 'Không có quy tắc này.');
  if (body.occurredOn > vnToday()) throw AppError.validation('occurredOn', 'Ngày vi phạm không được ở tương lai.');
  return ctx.db.transaction(async (tx) => {
    const row = await reportViolation(tx, actorOf(principal), o, { ...body, evidence: body.evidence ?? {}, reportedBy: principal.userId });
    return presentViolation({ ...row, agencyCode: o.agencyCode, officialName: o.fullName, officialUserId: o.userId });
  });
}

export async function listViolations(ctx: AppContext, p: P, q: { status?: string; mine?: boolean; cursor?: string; limit?: number }) {
  const limit = q.limit ?? 50;
  const before = decodeKey<[string, string]>(q.cursor, ['timestamp', 'uuid']);
  let filter: { agencyIds?: string[]; officialId?: string };
  if (q.mine) {
    const principal = policy.requireStaff(p);
    const me = principal.userId ? await officials.findOfficialByUser(ctx.db, principal.userId) : undefined;
    if (!me) return { items: [], nextCursor: null };
    filter = { officialId: me.id };
  } else filter = { agencyIds: policy.scopeOf(p, policy.READ).agencyIds };
  const rows = await repo.listViolations(ctx.db, { ...filter, status: q.status, before, limit });
  return toPage(rows, limit, presentViolation, (r) => [r.createdAt.toISOString(), r.id]);
}

export async function getViolation(ctx: AppContext, p: P, id: string) {
  const row = await repo.findViolation(ctx.db, id);
  if (!row) throw AppError.notFound('Vi phạm');
  const principal = policy.requireReader(p, row, 'Vi phạm');
  const rule = row.ruleId ? await codeRepo.findRule(ctx.db, row.ruleId) : undefined;
  return {
    ...presentViolation(row),
    rule: rule ? { id: rule.id, chapter: rule.chapter, number: rule.number, text: rule.text } : null,
    selfReview: selfReviewReason(principal, subjectOf(row)),
  };
}

/** Whom a violation is about and who filed it: neither may review it. */
const subjectOf = (row: repo.ViolationRow) => ({ officialUserId: row.officialUserId, filerIds: [row.reportedBy] });

async function transition(
  ctx: AppContext,
  principal: Principal,
  row: repo.ViolationRow,
  version: number,
  from: string[],
  set: Parameters<typeof repo.updateViolation>[4],
  action: string,
  data: Record<string, unknown>,
) {
  if (!from.includes(row.status)) throw AppError.rule('VIOLATION_STATE', `Vi phạm đang ở trạng thái "${row.status}", không thể thực hiện thao tác này.`);
  return ctx.db.transaction(async (tx) => {
    const updated = orVersionConflict(await repo.updateViolation(tx, row.id, version, from, set), 'Vi phạm vừa được người khác cập nhật; hãy tải lại.');
    await appendAudit(tx, {
      stream: agencyStream(row.agencyCode),
      actor: actorOf(principal),
      action,
      entityType: 'violation',
      entityId: row.id,
      provinceCode: row.provinceCode,
      data,
    });
    return presentViolation({ ...updated, agencyCode: row.agencyCode, officialName: row.officialName, officialUserId: row.officialUserId });
  });
}

/** The official's written answer (giải trình). */
export async function answerViolation(ctx: AppContext, p: P, id: string, body: { text: string; version: number }) {
  const row = await repo.findViolation(ctx.db, id);
  if (!row) throw AppError.notFound('Vi phạm');
  const principal = policy.requireSelf(p, row.officialUserId, 'Vi phạm');
  const text = body.text.normalize('NFC').trim();
  return transition(
    ctx,
    principal,
    row,
    body.version,
    ['reported'],
    { status: 'answered', answerText: text, answeredAt: new Date() },
    'conduct.violation.answer',
    { length: text.length },
  );
}

/** A reviewer confirms (after the written answer) or dismisses. */
export async function reviewViolation(
  ctx: AppContext,
  p: P,
  id: string,
  decision: 'confirm' | 'dismiss',
  body: { note?: string; isDutyRelated?: boolean; version: number },
) {
  const row = await repo.findViolation(ctx.db, id);
  if (!row) throw AppError.notFound('Vi phạm');
  const principal = policy.requireIn(p, row.agencyId, policy.REVIEW, 'Vi phạm');
  assertNotSelf(principal, subjectOf(row));
  if (decision === 'confirm' && row.status === 'reported')
    throw AppError.rule('VIOLATION_NOT_ANSWERED', 'Cán bộ chưa giải trình bằng văn bản; chỉ xác nhận vi phạm sau khi có giải trình.');
  const from = decision === 'confirm' ? ['answered'] : ['reported', 'answered'];
  const set = {
    status: decision === 'confirm' ? 'confirmed' : 'dismissed',
    reviewerId: principal.userId,
    reviewNote: body.note?.normalize('NFC').trim() ?? null,
    reviewedAt: new Date(),
    ...(body.isDutyRelated === undefined ? {} : { isDutyRelated: body.isDutyRelated }),
  };
  return transition(ctx, principal, row, body.version, from, set, `conduct.violation.${decision}`, {
    note: set.reviewNote,
    isDutyRelated: body.isDutyRelated ?? row.isDutyRelated,
  });
}
