import type { AppContext } from '../../context.js';
import { agencyStream, appendAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, type Principal } from '../../platform/principal.js';
import { assertNotSelf } from '../../platform/self-review.js';
import { isValidStorageKey } from '../../platform/storage.js';
import { org } from '../org/index.js';
import * as repo from './cases.repo.js';
import { CHECKLIST_ITEMS, type ChecklistItem } from './code.data.js';
import * as codeRepo from './code.repo.js';
import * as policy from './conduct.policy.js';
import { presentFinding, presentInspection } from './conduct.presenter.js';
import { vnDate, vnToday } from '../../../shared/vn-time.js';
import * as officials from './officials.repo.js';
import { reportViolation } from './violations.service.js';

type P = Principal | null;

const CHECKLIST_LABELS: Record<ChecklistItem, string> = {
  attire: 'Trang phục',
  name_card: 'Đeo thẻ công chức',
  punctuality: 'Chấp hành giờ làm việc',
  smoking: 'Hút thuốc lá',
  alcohol: 'Đồ uống có cồn',
  personal_devices: 'Thiết bị cá nhân',
  desk: 'Bàn làm việc',
  attitude: 'Thái độ giao tiếp',
};

/** The checklist for an agency: each item with the rules in force that back it. */
export async function checklist(ctx: AppContext, p: P, agencyCode: string) {
  const target = await org.findAgencyByCode(ctx.db, agencyCode);
  if (!target) throw AppError.notFound('Cơ quan');
  policy.requireIn(p, target.id, policy.READ, 'Cơ quan');
  const sets = await codeRepo.setsInForce(ctx.db, await org.ancestorIds(ctx.db, target.id), vnToday());
  const rules = (
    await Promise.all(
      sets.map(async (s) => (await codeRepo.rulesOf(ctx.db, s.id)).map((r) => ({ ...r, setCode: s.code, setTitle: s.title, isSample: s.isSample }))),
    )
  ).flat();
  return {
    items: CHECKLIST_ITEMS.map((item) => ({
      item,
      label: CHECKLIST_LABELS[item],
      rules: rules
        .filter((r) => r.checklistItem === item)
        .map((r) => ({ id: r.id, ruleSetCode: r.setCode, ruleSetTitle: r.setTitle, isSample: r.isSample, chapter: r.chapter, number: r.number, text: r.text })),
    })),
  };
}

export async function createInspection(
  ctx: AppContext,
  p: P,
  body: { agencyCode: string; kind: 'planned' | 'unannounced'; inspectedAt: string; note?: string },
) {
  const target = await org.findAgencyByCode(ctx.db, body.agencyCode);
  if (!target) throw AppError.validation('agencyCode', `Không có cơ quan mã ${body.agencyCode}.`);
  const principal = policy.requireIn(p, target.id, policy.INSPECT, 'Cơ quan');
  const at = new Date(body.inspectedAt);
  if (at.getTime() > Date.now() + 60_000) throw AppError.validation('inspectedAt', 'Thời điểm kiểm tra không được ở tương lai.');
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertInspection(tx, {
      agencyId: target.id,
      provinceCode: target.provinceCode,
      kind: body.kind,
      inspectedAt: at,
      inspectorId: principal.userId,
      note: body.note?.normalize('NFC').trim() ?? null,
    });
    await appendAudit(tx, {
      stream: agencyStream(target.code),
      actor: actorOf(principal),
      action: 'conduct.inspection.create',
      entityType: 'inspection',
      entityId: row.id,
      provinceCode: target.provinceCode,
      data: { kind: row.kind, inspectedAt: at.toISOString() },
    });
    return presentInspection({ ...row, agencyCode: target.code }, []);
  });
}

export async function listInspections(ctx: AppContext, p: P) {
  const { agencyIds } = policy.scopeOf(p, policy.READ);
  return { items: (await repo.listInspections(ctx.db, agencyIds, 200)).map((i) => presentInspection(i, null)) };
}

export async function getInspection(ctx: AppContext, p: P, id: string) {
  const row = await repo.findInspection(ctx.db, id);
  if (!row) throw AppError.notFound('Cuộc kiểm tra');
  policy.requireIn(p, row.agencyId, policy.READ, 'Cuộc kiểm tra');
  return presentInspection(row, await repo.findingsOf(ctx.db, { inspectionId: id }));
}

/** One finding; a non-compliant one reports a violation (source: inspection) linked to it. */
export async function addFinding(
  ctx: AppContext,
  p: P,
  inspectionId: string,
  body: { officialId: string; checklistItem: ChecklistItem; isCompliant: boolean; ruleId?: string; note?: string; photoKeys?: string[] },
) {
  const ins = await repo.findInspection(ctx.db, inspectionId);
  if (!ins) throw AppError.notFound('Cuộc kiểm tra');
  const principal = policy.requireIn(p, ins.agencyId, policy.INSPECT, 'Cuộc kiểm tra');
  const o = await officials.findOfficial(ctx.db, body.officialId);
  if (!o || !(await org.subtreeIds(ctx.db, ins.agencyId)).includes(o.agencyId))
    throw AppError.validation('officialId', 'Cán bộ không thuộc cơ quan được kiểm tra.');
  assertNotSelf(principal, { officialUserId: o.userId }); // an inspector does not judge his own compliance
  const rule = body.ruleId ? await codeRepo.findRule(ctx.db, body.ruleId) : undefined;
  if (body.ruleId && !rule) throw AppError.validation('ruleId', 'Không có quy tắc này.');
  for (const [i, key] of (body.photoKeys ?? []).entries()) if (!isValidStorageKey(key)) throw AppError.validation(`photoKeys.${i}`, 'Khóa ảnh không hợp lệ.');
  const note = body.note?.normalize('NFC').trim() ?? null;
  return ctx.db.transaction(async (tx) => {
    const finding = await repo.insertFinding(tx, {
      inspectionId,
      officialId: o.id,
      checklistItem: body.checklistItem,
      ruleId: rule?.id ?? null,
      isCompliant: body.isCompliant,
      note,
      photoKeys: body.photoKeys ?? [],
    });
    await appendAudit(tx, {
      stream: agencyStream(ins.agencyCode),
      actor: actorOf(principal),
      action: 'conduct.inspection.finding',
      entityType: 'inspection_finding',
      entityId: finding.id,
      provinceCode: ins.provinceCode,
      data: { inspectionId, officialId: o.id, item: body.checklistItem, isCompliant: body.isCompliant },
    });
    let violationId: string | null = null;
    if (!body.isCompliant) {
      const v = await reportViolation(tx, actorOf(principal), o, {
        source: 'inspection',
        ruleId: rule?.id ?? null,
        occurredOn: vnDate(ins.inspectedAt),
        description: `${CHECKLIST_LABELS[body.checklistItem]}: ${note ?? 'không đạt khi kiểm tra'}`,
        evidence: { inspectionId, findingId: finding.id, photoKeys: body.photoKeys ?? [], inspectedAt: ins.inspectedAt.toISOString() },
        reportedBy: principal.userId,
      });
      await repo.linkFinding(tx, finding.id, v.id);
      violationId = v.id;
    }
    return presentFinding({ ...finding, violationId, officialName: o.fullName });
  });
}
