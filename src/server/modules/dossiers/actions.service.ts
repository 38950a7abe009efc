/**
 * One function per action on a dossier. Each computes what changes (and refuses with a stable
 * code when an integrity rule says no); `runTransition` does the state, authority and version
 * checks and writes everything in one transaction.
 */
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { UUID_PATTERN } from '../../platform/pagination.js';
import { agencyScope, hasRole } from '../../platform/principal.js';
import { keepFilesIfCommitted } from '../../platform/storage.js';
import type { CatalogProcedure } from '../procedures/index.js';
import { org } from '../org/index.js';
import { type CollectorInput, collectorFrom, collectorNote } from './dossier.collector.js';
import { addWorkingDays } from './dossier.deadline.js';
import { forwardTargets } from './dossier.forwarding.js';
import { ruleSetAt, ruleSetById } from './dossier.rules.js';
import { type DossierAction, supplementStageFrom } from './dossier.state.js';
import { type ActionInput, computeDossierDue, handoff, leadersAndOfficer, type P, type Plan, procedureOf, runTransition } from './dossiers.service.js';
import { checkDocuments, type DocumentInput, dossierFiles, type StageFile } from './intake.service.js';

export interface ActionBody {
  expectedVersion?: number;
  note?: string;
  reason?: string;
  reasons?: string[];
  items?: { procedureDocumentId: string; reason: string }[];
  documents?: DocumentInput[];
  assignee?: string;
  to?: string;
  toAgencyCode?: string;
  newDueAt?: string;
  collector?: CollectorInput;
}

const text = (s: string | undefined): string => (s ?? '').normalize('NFC').trim();

function requireReason(body: ActionBody, field = 'reason'): string {
  const r = text(body.reason);
  if (!r) throw AppError.validation(field, 'Hãy nêu lý do.');
  return r;
}

/** A user by id or username who holds one of `roles` in one of `agencyIds`, else a 400 on `field`. */
async function colleague(ctx: AppContext, who: string, roles: string[], agencyIds: string[], field: string) {
  const found = UUID_PATTERN.test(who) ? { id: who } : await org.findUserByUsername(ctx.db, who);
  const u = found ? await org.findUser(ctx.db, found.id) : undefined;
  const grants = u ? await org.rolesOfUser(ctx.db, u.id) : [];
  if (!u || !grants.some((g) => roles.includes(g.role) && agencyIds.includes(g.agencyId)))
    throw AppError.validation(field, 'Người nhận không phải cán bộ của cơ quan đang xử lý hồ sơ.');
  return u;
}

type Planner = (ctx: AppContext, i: ActionInput, body: ActionBody, proc: CatalogProcedure, stageFile: StageFile) => Promise<Plan>;

const PLANNERS: Record<DossierAction, Planner> = {
  async receive(ctx, { d, principal, now }, body, proc) {
    const due = await computeDossierDue(ctx, proc, now);
    return {
      set: {
        receivedAt: now,
        receivedBy: principal.userId,
        ...due,
        originalDueAt: due.dueAt,
        currentStep: 'assign',
        stepStartedAt: now,
        currentAgencyId: d.competentAgencyId,
      },
      handoff: await handoff(ctx, proc, { stepStartedAt: d.submittedAt }, now, {
        step: 'receive',
        fromAgencyId: d.receivingAgencyId,
        fromUserId: principal.userId,
        toAgencyId: d.competentAgencyId,
      }),
      data: { note: text(body.note) || undefined },
      applicantSubject: 'Giấy tiếp nhận hồ sơ',
    };
  },

  async 'request-supplement'(ctx, { d, now }, body, proc) {
    const items = body.items ?? [];
    if (!items.length) throw AppError.validation('items', 'Hãy liệt kê giấy tờ cần bổ sung và lý do.');
    const listed = items.map((it, i) => {
      const doc = proc.documents.find((x) => x.id === it.procedureDocumentId);
      if (!doc)
        throw AppError.rule('DOCUMENT_NOT_ON_LIST', 'Không được yêu cầu giấy tờ ngoài thành phần hồ sơ của thủ tục.', {
          field: `items[${i}].procedureDocumentId`,
        });
      if (!text(it.reason)) throw AppError.validation(`items[${i}].reason`, 'Hãy nêu lý do cần bổ sung.');
      return { procedureDocumentId: doc.id, name: doc.name, reason: text(it.reason) };
    });
    const stage = supplementStageFrom(d.status as 'received');
    const rules = ruleSetById(d.dueRule?.ruleSet);
    if (stage === 'intake' ? d.supplementIntakeAt : d.supplementAppraisalAt) {
      throw AppError.rule('SUPPLEMENT_ALREADY_REQUESTED', 'Hồ sơ chỉ được yêu cầu bổ sung một lần ở mỗi giai đoạn.', { stage });
    }
    if (stage === 'appraisal') {
      const closesAt = await addWorkingDays(ctx.db, ctx.database, d.provinceCode, d.receivedAt ?? now, rules.appraisalSupplementWindowDays);
      if (now > closesAt)
        throw AppError.rule(
          'SUPPLEMENT_WINDOW_CLOSED',
          `Chỉ được yêu cầu bổ sung trong ${rules.appraisalSupplementWindowDays} ngày làm việc kể từ khi tiếp nhận.`,
          { closedAt: closesAt.toISOString() },
        );
    }
    return {
      set: {
        ...(stage === 'intake' ? { supplementIntakeAt: now } : { supplementAppraisalAt: now }),
        supplementItems: listed,
        pauses: [...d.pauses, { from: now.toISOString(), to: null, stage }],
      },
      data: { stage, items: listed },
      applicantSubject: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
      applicantExtra: `Cần bổ sung: ${listed.map((x) => `${x.name} (${x.reason})`).join('; ')}.`,
    };
  },

  async 'submit-supplement'(ctx, { d, now }, body, proc, stageFile) {
    const documents = await checkDocuments(proc, body.documents ?? [], 'supplement', stageFile);
    const open = d.pauses.findLast((x) => !x.to);
    const stage = open?.stage ?? 'intake';
    const pauses = d.pauses.map((x) => (x === open ? { ...x, to: now.toISOString() } : x));
    let due;
    if (stage === 'intake' || !d.receivedAt) {
      due = { ...(await computeDossierDue(ctx, proc, now)), receivedAt: now };
    } else if (ruleSetById(d.dueRule?.ruleSet).appraisalSupplementClock === 'restart') {
      due = await computeDossierDue(ctx, proc, now); // Decree 61/2018 Art. 19.4: the time limit restarts.
    } else {
      const appraisal = pauses.filter((x) => x.stage === 'appraisal' && x.to).map((x) => ({ from: new Date(x.from), to: new Date(x.to!) }));
      due = await computeDossierDue(ctx, proc, d.receivedAt, appraisal);
    }
    const wasReceived = !!d.receivedAt && stage === 'appraisal';
    return {
      set: {
        ...due,
        ...(d.apologyIssuedAt ? {} : { originalDueAt: due.dueAt }),
        pauses,
        supplementItems: [],
        ...(wasReceived ? {} : { currentStep: 'assign', stepStartedAt: now, currentAgencyId: d.competentAgencyId, receivedBy: d.receivedBy }),
      },
      documents,
      ...(wasReceived
        ? {}
        : {
            handoff: await handoff(ctx, proc, { stepStartedAt: d.submittedAt }, now, {
              step: 'receive',
              fromAgencyId: d.receivingAgencyId,
              toAgencyId: d.competentAgencyId,
            }),
          }),
      data: { stage, documents: documents.map((x) => x.name) },
      applicantSubject: 'Đã nhận hồ sơ bổ sung',
    };
  },

  async assign(ctx, { d, principal, now }, body, proc) {
    const isLeader = hasRole(principal, 'leader') && agencyScope(principal, 'leader').has(d.currentAgencyId);
    const who = body.assignee ?? principal.userId ?? '';
    if (!isLeader && who !== principal.userId && who !== principal.username) throw AppError.forbidden('Chỉ lãnh đạo được phân công hồ sơ cho người khác.');
    const target = await colleague(ctx, who, ['processing_officer', 'leader'], [d.currentAgencyId, d.competentAgencyId], 'assignee');
    return {
      set: { assignedTo: target.id, currentStep: 'appraise', stepStartedAt: now },
      handoff: await handoff(ctx, proc, d, now, {
        step: d.currentStep === 'assign' ? 'assign' : d.currentStep,
        fromAgencyId: d.currentAgencyId,
        fromUserId: principal.userId,
        toAgencyId: d.currentAgencyId,
        toUserId: target.id,
      }),
      data: { assignee: target.displayName, note: text(body.note) || undefined },
      applicantSubject: 'Hồ sơ đang được giải quyết',
      staff: { users: [target], subject: `Hồ sơ ${d.code} được giao cho bạn`, body: `${proc.name}. Hạn: ${d.dueAt?.toISOString() ?? ''}` },
    };
  },

  async forward(ctx, { d, principal, now }, body, proc) {
    if (body.toAgencyCode) {
      const target = await org.findAgencyByCode(ctx.db, body.toAgencyCode);
      if (!target || target.provinceCode !== d.provinceCode) throw AppError.validation('toAgencyCode', 'Không có cơ quan này trong tỉnh.');
      if (!forwardTargets(proc, d).some((t) => t.agencyId === target.id)) {
        throw AppError.rule(
          'AGENCY_NOT_IN_PROCEDURE',
          `${target.name} (${target.code}) không tham gia giải quyết thủ tục "${proc.name}": chỉ chuyển được hồ sơ đến các cơ quan mà quy trình của thủ tục nêu tên.`,
          {
            field: 'toAgencyCode',
            agencyCode: target.code,
          },
        );
      }
      const isBack = target.id === d.competentAgencyId;
      return {
        set: { currentAgencyId: target.id, currentStep: isBack ? 'appraise' : 'interagency', stepStartedAt: now },
        handoff: await handoff(ctx, proc, d, now, {
          step: d.currentStep,
          fromAgencyId: d.currentAgencyId,
          fromUserId: principal.userId,
          toAgencyId: target.id,
          note: text(body.note) || undefined,
        }),
        data: { toAgency: target.code, note: text(body.note) || undefined },
        applicantSubject: 'Hồ sơ được chuyển cơ quan phối hợp',
      };
    }
    if (!body.to) throw AppError.validation('to', 'Hãy chọn người hoặc cơ quan nhận hồ sơ.');
    const target = await colleague(ctx, body.to, ['processing_officer', 'leader'], [d.currentAgencyId, d.competentAgencyId], 'to');
    const toLeader = (await org.rolesOfUser(ctx.db, target.id)).some((g) => g.role === 'leader');
    return {
      set: { currentStep: toLeader ? 'approve' : 'appraise', stepStartedAt: now, ...(toLeader ? {} : { assignedTo: target.id }) },
      handoff: await handoff(ctx, proc, d, now, {
        step: d.currentStep,
        fromAgencyId: d.currentAgencyId,
        fromUserId: principal.userId,
        toAgencyId: d.currentAgencyId,
        toUserId: target.id,
        note: text(body.note) || undefined,
      }),
      data: { to: target.displayName, note: text(body.note) || undefined },
      staff: { users: [target], subject: `Hồ sơ ${d.code} chuyển đến bạn`, body: proc.name },
    };
  },

  async approve(ctx, { d, principal, now, to }, body, proc) {
    const financial = to === 'awaiting_payment';
    return {
      set: { currentStep: financial ? 'financial' : 'approved', stepStartedAt: now },
      handoff: await handoff(ctx, proc, d, now, {
        step: d.currentStep,
        fromAgencyId: d.currentAgencyId,
        fromUserId: principal.userId,
        toAgencyId: d.competentAgencyId,
        note: text(body.note) || undefined,
      }),
      data: { note: text(body.note) || undefined },
      applicantSubject: financial ? 'Thông báo nghĩa vụ tài chính' : 'Hồ sơ đã được phê duyệt',
      applicantExtra: financial ? `Số tiền phải nộp: ${d.feesDue.toLocaleString('vi-VN')} đồng.` : undefined,
    };
  },

  async 'confirm-payment'(ctx, { d, principal, now }, body, proc) {
    return {
      set: { feesPaidAt: now, currentStep: 'approved', stepStartedAt: now },
      handoff: await handoff(ctx, proc, d, now, {
        step: 'financial',
        fromAgencyId: d.currentAgencyId,
        fromUserId: principal.userId,
        toAgencyId: d.competentAgencyId,
        note: text(body.note) || undefined,
      }),
      data: { amount: d.feesDue },
      applicantSubject: 'Đã xác nhận nộp phí, lệ phí',
    };
  },

  async complete(ctx, { d, principal, now }, body, proc) {
    return {
      set: { currentStep: 'return', stepStartedAt: now, currentAgencyId: d.receivingAgencyId, isLate: d.isLate || (!!d.dueAt && now > d.dueAt) },
      handoff: await handoff(ctx, proc, d, now, {
        step: 'approve',
        fromAgencyId: d.competentAgencyId,
        fromUserId: principal.userId,
        toAgencyId: d.receivingAgencyId,
        note: text(body.note) || undefined,
      }),
      data: { note: text(body.note) || undefined },
      applicantSubject: 'Hồ sơ đã có kết quả',
    };
  },

  async return(ctx, { d, principal, now }, body, proc) {
    const collector = collectorFrom(d.applicant, body.collector);
    return {
      set: { closedAt: now, currentStep: 'returned' },
      handoff: await handoff(ctx, proc, d, now, {
        step: 'return',
        fromAgencyId: d.receivingAgencyId,
        fromUserId: principal.userId,
        note: collectorNote(collector),
      }),
      data: { note: text(body.note) || undefined, collectedBy: collector.kind },
      eventData: { collector },
      applicantSubject: 'Đã trả kết quả',
      applicantExtra: 'Mời ông/bà đánh giá mức độ hài lòng.',
    };
  },

  async refuse(_ctx, { now }, body) {
    const reasons = [...(body.reasons ?? []), ...(body.reason ? [body.reason] : [])].map((r) => text(r)).filter(Boolean);
    if (!reasons.length) throw AppError.validation('reasons', 'Phiếu từ chối phải nêu rõ lý do.');
    return {
      set: { refusalReasons: reasons, closedAt: now },
      data: { reasons },
      applicantSubject: 'Từ chối giải quyết hồ sơ',
      applicantExtra: `Lý do: ${reasons.join('; ')}.`,
    };
  },

  async apologize(ctx, { d, now }, body) {
    const reason = requireReason(body);
    const newDueAt = body.newDueAt ? new Date(body.newDueAt) : undefined;
    if (!newDueAt || Number.isNaN(newDueAt.getTime())) throw AppError.validation('newDueAt', 'Hãy nêu ngày hẹn trả kết quả mới.');
    const rules = ruleSetAt(now);
    if (d.apologyIssuedAt) throw AppError.rule('APOLOGY_ALREADY_ISSUED', `Hồ sơ chỉ được hẹn lại ngày trả kết quả ${rules.maxReschedules} lần.`);
    if (!d.dueAt) throw AppError.rule('INVALID_TRANSITION', 'Hồ sơ chưa có ngày hẹn trả kết quả.');
    if (newDueAt <= d.dueAt) throw AppError.validation('newDueAt', 'Ngày hẹn mới phải sau ngày hẹn cũ.');
    const latest = await addWorkingDays(ctx.db, ctx.database, d.provinceCode, now, rules.apologyLeadWorkingDays);
    if (latest > d.dueAt)
      throw AppError.rule('APOLOGY_TOO_LATE', `Phiếu xin lỗi phải được gửi chậm nhất ${rules.apologyLeadWorkingDays} ngày làm việc trước hạn trả kết quả.`, {
        dueAt: d.dueAt.toISOString(),
      });
    return {
      set: { apologyIssuedAt: now, apologyReason: reason, dueAt: newDueAt, originalDueAt: d.originalDueAt ?? d.dueAt },
      data: { reason, oldDueAt: d.dueAt.toISOString(), newDueAt: newDueAt.toISOString() },
      applicantSubject: 'Thư xin lỗi và hẹn lại ngày trả kết quả',
      applicantExtra: `Lý do: ${reason}.`,
    };
  },

  async withdraw(_ctx, { now }, body) {
    return { set: { closedAt: now }, data: { reason: text(body.reason) || undefined }, applicantSubject: 'Đã rút hồ sơ' };
  },

  async stop(ctx, { d, now }, body) {
    const reason = requireReason(body);
    return {
      set: { closedAt: now },
      data: { reason },
      applicantSubject: 'Dừng giải quyết hồ sơ',
      applicantExtra: `Lý do: ${reason}.`,
      staff: { users: await leadersAndOfficer(ctx.db, d), subject: `Hồ sơ ${d.code} dừng giải quyết`, body: reason },
    };
  },
};

export async function performAction(ctx: AppContext, p: P, code: string, action: DossierAction, body: ActionBody) {
  // Files attached to the step are kept only when the transition commits.
  return keepFilesIfCommitted(dossierFiles(ctx), (stageFile) =>
    runTransition(ctx, p, code, action, body.expectedVersion, async (input) => PLANNERS[action](ctx, input, body, await procedureOf(ctx, input.d), stageFile)),
  );
}
