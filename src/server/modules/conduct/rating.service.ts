import type { AppContext } from '../../context.js';
import { agencyStream, appendAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, type Principal } from '../../platform/principal.js';
import { orVersionConflict } from '../../platform/versioned.js';
import { assertNotSelf, selfReviewReason } from '../../platform/self-review.js';
import * as casesRepo from './cases.repo.js';
import * as policy from './conduct.policy.js';
import { presentRating } from './conduct.presenter.js';
import { FORM_LABELS, type DisciplineForm } from './discipline.rules.js';
import { baseSalaryOn, bonusAmount, checkTitle, TITLE_RULES } from './emulation.rules.js';
import * as officials from './officials.repo.js';
import { excellentQuota, failureReason, type Grade, GRADE_LABELS, gradeFor, isAtLeast, ratingRegimeFor, totalScore } from './rating.rules.js';
import * as repo from './rating.repo.js';

type P = Principal | null;
interface Assessment {
  general?: number;
  task?: number;
  grade?: Grade;
  comment?: string;
  version: number;
}

export async function openRating(ctx: AppContext, p: P, body: { officialId: string; year: number }) {
  const o = await officials.findOfficial(ctx.db, body.officialId);
  if (!o) throw AppError.notFound('Cán bộ');
  const principal = policy.requireIn(p, o.agencyId, policy.REVIEW, 'Cán bộ');
  const regime = ratingRegimeFor(body.year);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertRating(tx, { agencyId: o.agencyId, officialId: o.id, year: body.year, regime: regime.code });
    if (!row) throw new AppError('ALREADY_EXISTS', `Đã có phiếu đánh giá năm ${body.year} của cán bộ này.`);
    await appendAudit(tx, {
      stream: agencyStream(o.agencyCode),
      actor: actorOf(principal),
      action: 'conduct.rating.open',
      entityType: 'annual_rating',
      entityId: row.id,
      provinceCode: o.provinceCode,
      data: { officialId: o.id, year: body.year, regime: regime.code },
    });
    return presentRating({ ...row, agencyCode: o.agencyCode, officialName: o.fullName, officialUserId: o.userId, provinceCode: o.provinceCode });
  });
}

function validateScores(year: number, a: Assessment): void {
  const regime = ratingRegimeFor(year);
  if (regime.usesPoints) {
    if (a.general === undefined || a.task === undefined)
      throw AppError.validation(
        a.general === undefined ? 'general' : 'task',
        `Theo ${regime.legalReference} cần chấm điểm tiêu chí chung (tối đa ${regime.maxGeneral}) và kết quả nhiệm vụ (tối đa ${regime.maxTask}).`,
      );
    if (a.general > regime.maxGeneral) throw AppError.validation('general', `Điểm tiêu chí chung tối đa ${regime.maxGeneral}.`);
    if (a.task > regime.maxTask) throw AppError.validation('task', `Điểm kết quả thực hiện nhiệm vụ tối đa ${regime.maxTask}.`);
  } else if (!a.grade) throw AppError.validation('grade', `Theo ${regime.legalReference} cần chọn mức xếp loại.`);
}

const num = (n: number | undefined) => (n === undefined ? null : String(n));
const proposal = (year: number, a: Assessment): Grade =>
  ratingRegimeFor(year).usesPoints ? gradeFor(year, { score: totalScore(a.general!, a.task!) }) : a.grade!;

async function change(
  ctx: AppContext,
  principal: Principal,
  row: repo.RatingRow,
  version: number,
  from: string[],
  set: Parameters<typeof repo.updateRating>[4],
  action: string,
  data: Record<string, unknown>,
) {
  if (!from.includes(row.status)) throw AppError.rule('RATING_STATE', `Phiếu đánh giá đang ở bước "${row.status}", không thể thực hiện thao tác này.`);
  return ctx.db.transaction(async (tx) => {
    const updated = orVersionConflict(await repo.updateRating(tx, row.id, version, from, set), 'Phiếu đánh giá vừa được người khác cập nhật; hãy tải lại.');
    await appendAudit(tx, {
      stream: agencyStream(row.agencyCode),
      actor: actorOf(principal),
      action,
      entityType: 'annual_rating',
      entityId: row.id,
      provinceCode: row.provinceCode,
      data,
    });
    return presentRating({
      ...updated,
      agencyCode: row.agencyCode,
      officialName: row.officialName,
      officialUserId: row.officialUserId,
      provinceCode: row.provinceCode,
    });
  });
}

async function load(ctx: AppContext, id: string) {
  const row = await repo.findRating(ctx.db, id);
  if (!row) throw AppError.notFound('Phiếu đánh giá');
  return row;
}

/** Step 1: the official's self-assessment. */
export async function selfAssess(ctx: AppContext, p: P, id: string, a: Assessment) {
  const row = await load(ctx, id);
  const principal = policy.requireSelf(p, row.officialUserId, 'Phiếu đánh giá');
  validateScores(row.year, a);
  const grade = proposal(row.year, a);
  return change(
    ctx,
    principal,
    row,
    a.version,
    ['self'],
    { selfGeneral: num(a.general), selfTask: num(a.task), selfGrade: grade, selfComment: a.comment?.normalize('NFC').trim() ?? null, status: 'manager' },
    'conduct.rating.self',
    { general: a.general ?? null, task: a.task ?? null, grade },
  );
}

/** Step 2: the manager's assessment (a leader of the official's agency subtree). */
export async function managerAssess(ctx: AppContext, p: P, id: string, a: Assessment) {
  const row = await load(ctx, id);
  const principal = policy.requireIn(p, row.agencyId, ['leader'], 'Phiếu đánh giá');
  assertNotSelf(principal, { officialUserId: row.officialUserId });
  validateScores(row.year, a);
  const grade = proposal(row.year, a);
  return change(
    ctx,
    principal,
    row,
    a.version,
    ['manager'],
    {
      managerGeneral: num(a.general),
      managerTask: num(a.task),
      managerGrade: grade,
      managerComment: a.comment?.normalize('NFC').trim() ?? null,
      managerId: principal.userId,
      status: 'decision',
    },
    'conduct.rating.manager',
    { general: a.general ?? null, task: a.task ?? null, grade },
  );
}

/** The facts the grade depends on: discipline decided in the year (duty-related or not). */
async function disciplineFacts(ctx: AppContext, officialId: string, year: number) {
  const cases = await casesRepo.decidedCasesInYear(ctx.db, officialId, year);
  return cases.map((c) => ({
    id: c.id,
    form: c.decisionForm as DisciplineForm,
    isDutyRelated: c.isDutyRelated,
    decidedAt: c.decidedAt!.toISOString(),
    decisionNumber: c.decisionNumber,
  }));
}

/**
 * Step 3: the decision. The grade follows the regime of the year; discipline forces "Không hoàn
 * thành"; "Xuất sắc" is capped by the quota among the agency's decided ratings of the year.
 */
export async function decideRating(ctx: AppContext, p: P, id: string, body: { version: number }) {
  const row = await load(ctx, id);
  const principal = policy.requireIn(p, row.agencyId, policy.REVIEW, 'Phiếu đánh giá');
  assertNotSelf(principal, { officialUserId: row.officialUserId });
  const regime = ratingRegimeFor(row.year);
  const disciplines = await disciplineFacts(ctx, row.officialId, row.year);
  const score = row.managerGeneral !== null && row.managerTask !== null ? totalScore(Number(row.managerGeneral), Number(row.managerTask)) : null;
  let grade = gradeFor(row.year, { score, proposed: row.managerGrade as Grade | null }, { disciplines });
  let reason = failureReason(regime, { disciplines });
  if (grade === 'xuat_sac') {
    const peers = (await repo.listRatings(ctx.db, { agencyIds: [row.agencyId], year: row.year })).filter((r) => r.status === 'decided' && r.id !== row.id);
    const goodOrBetter = peers.filter((r) => r.finalGrade && isAtLeast(r.finalGrade as Grade, 'tot')).length + 1;
    const used = peers.filter((r) => r.finalGrade === 'xuat_sac').length;
    if (used >= excellentQuota(goodOrBetter, regime.excellentQuota.ratio)) {
      grade = 'tot';
      reason = `Vượt tỷ lệ "Xuất sắc" ≤ ${regime.excellentQuota.ratio * 100}% số "Tốt" (${regime.excellentQuota.reference}).`;
    }
  }
  return change(
    ctx,
    principal,
    row,
    body.version,
    ['decision'],
    { finalGrade: grade, finalReason: reason, decidedBy: principal.userId, decidedAt: new Date(), status: 'decided' },
    'conduct.rating.decide',
    { grade, score, reason, disciplines: disciplines.map((d) => d.id) },
  );
}

export async function listRatings(ctx: AppContext, p: P, q: { year?: number; mine?: boolean }) {
  if (q.mine) {
    const principal = policy.requireStaff(p);
    const me = principal.userId ? await officials.findOfficialByUser(ctx.db, principal.userId) : undefined;
    return { items: me ? (await repo.listRatings(ctx.db, { officialId: me.id })).map(presentRating) : [] };
  }
  const { agencyIds } = policy.scopeOf(p, policy.READ);
  return { items: (await repo.listRatings(ctx.db, { agencyIds, year: q.year })).map(presentRating) };
}

/** The evidence panel: what the data says about the official's year, next to the rating. */
export async function evidencePanel(ctx: AppContext, officialId: string, year: number) {
  const [counts, disciplines] = await Promise.all([repo.evidenceCounts(ctx.db, officialId, year), disciplineFacts(ctx, officialId, year)]);
  const signals = counts.violations.filter((v) => v.source === 'signal');
  const rating = await repo.findRatingOf(ctx.db, officialId, year);
  const grade = (rating?.finalGrade ?? null) as Grade | null;
  const base = baseSalaryOn(`${year}-12-31`);
  return {
    attendance: counts.attendance,
    inspections: counts.findings,
    commitments: counts.commitments.map((c) => ({ campaign: c.campaign, acknowledgedAt: c.acknowledgedAt.toISOString() })),
    violations: counts.violations.map((v) => ({
      id: v.id,
      source: v.source,
      status: v.status,
      occurredOn: v.occurredOn,
      description: v.description,
      isDutyRelated: v.isDutyRelated,
    })),
    serviceSignals: signals.map((s) => ({
      id: s.id,
      status: s.status,
      kind: String((s.evidence as { signal?: { kind?: string } }).signal?.kind ?? ''),
      occurredOn: s.occurredOn,
    })),
    disciplines: disciplines.map((d) => ({ ...d, formLabel: FORM_LABELS[d.form] ?? d.form })),
    emulation: counts.emulation.map((e) => ({ campaign: e.campaign, criterion: e.criterion, points: Number(e.points) })),
    titles: TITLE_RULES.filter((t) => t.scope === 'individual').map((t) => ({
      code: t.code,
      label: t.label,
      ...checkTitle(t.code, { grade, isDisciplined: disciplines.length > 0 }),
      bonus: bonusAmount(t.code, base),
      isConfirmed: t.isConfirmed,
    })),
  };
}

export async function getRating(ctx: AppContext, p: P, id: string) {
  const row = await load(ctx, id);
  const principal = policy.requireReader(p, row, 'Phiếu đánh giá');
  const regime = ratingRegimeFor(row.year);
  return {
    ...presentRating(row),
    selfReview: selfReviewReason(principal, { officialUserId: row.officialUserId }),
    regimeReference: regime.legalReference,
    usesPoints: regime.usesPoints,
    gradeLabels: GRADE_LABELS,
    evidence: await evidencePanel(ctx, row.officialId, row.year),
  };
}
