/**
 * Intake (tiếp nhận): at the counter, by post (counter officer) or online (citizen). The
 * completeness check against the procedure's list ends in receive (Mẫu 01), supplement (Mẫu 02)
 * or refuse (Mẫu 03). The dossier code comes from the receiving agency's daily counter, taken in
 * the intake transaction, so a rolled-back intake leaves no gap (Circular 01/2018 Art. 19).
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { agencyScope, hasRole, type Principal } from '../../platform/principal.js';
import { createLocalStorage, type FileStorage, inspectAttachment } from '../../platform/storage.js';
import { type CatalogProcedure, findProcedureByCode } from '../procedures/index.js';
import * as policy from './dossiers.policy.js';
import { presentCreated } from './dossiers.presenter.js';
import * as repo from './dossiers.repo.js';
import { computeDossierDue, handoff, type P, type Plan, type SideEffectsOptions, writeOutboxAndAudit, writeRecords } from './dossiers.service.js';

export interface DocumentInput {
  procedureDocumentId: string;
  form?: 'original' | 'certified_copy' | 'copy' | 'electronic';
  quantity?: number;
  attachment?: { fileName: string; contentBase64: string };
}

export interface IntakeBody {
  procedureCode: string;
  channel: 'counter' | 'online' | 'postal';
  receivingAgencyCode?: string;
  applicant: { fullName: string; idNumber: string; phone: string; email?: string | null; address: string };
  documents: DocumentInput[];
  decision?: 'receive' | 'supplement' | 'refuse';
  missing?: { procedureDocumentId: string; reason: string }[];
  refusalReasons?: string[];
}

/** YYMMDD of the instant in Asia/Ho_Chi_Minh, and the ISO day of the counter. */
export function vnDay(at: Date): { yymmdd: string; day: string } {
  const day = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  return { day, yymmdd: day.slice(2).replaceAll('-', '') };
}

/** Prefix of the code a dossier carries inside its intake transaction only (never committed). */
const PROVISIONAL_CODE = 'provisional:';

/** `<desk code>-<YYMMDD>-`: the code without its sequence number. */
export const dossierCodePrefix = (agencyCode: string, yymmdd: string): string => `${agencyCode}-${yymmdd}-`;

export const formatDossierCode = (agencyCode: string, yymmdd: string, seq: number): string => `${dossierCodePrefix(agencyCode, yymmdd)}${String(seq).padStart(4, '0')}`;

/** Documents on the procedure's list, with files stored; anything else is refused. */
export async function checkDocuments(ctx: AppContext, proc: CatalogProcedure, docs: DocumentInput[], stage: 'intake' | 'supplement') {
  const onList = new Map(proc.documents.map((x) => [x.id, x]));
  const rows = [];
  for (const [i, doc] of docs.entries()) {
    const listed = onList.get(doc.procedureDocumentId);
    if (!listed) throw AppError.rule('DOCUMENT_NOT_ON_LIST', 'Giấy tờ không có trong thành phần hồ sơ của thủ tục.', { field: `documents[${i}].procedureDocumentId` });
    let file: { storageKey: string; sha256: string; mime: string; size: number } | undefined;
    if (doc.attachment) {
      const bytes = Buffer.from(doc.attachment.contentBase64, 'base64');
      const checked = inspectAttachment(bytes);
      const storage: FileStorage = createLocalStorage({ dataDir: ctx.config.dataDir });
      await storage.put(checked.key, bytes, { contentType: checked.type });
      file = { storageKey: checked.key, sha256: checked.sha256, mime: checked.type, size: checked.size };
    }
    rows.push({ procedureDocumentId: listed.id, name: listed.name, form: doc.form ?? (doc.attachment ? 'electronic' : 'original'), quantity: doc.quantity ?? 1, stage, ...file });
  }
  return rows;
}

async function receivingAgency(ctx: AppContext, principal: Principal, body: IntakeBody, proc: CatalogProcedure) {
  if (hasRole(principal, 'counter_officer')) {
    const desks = principal.grants.filter((g) => g.role === 'counter_officer');
    const code = body.receivingAgencyCode ?? desks[0].agencyCode;
    const a = await repo.findAgencyByCode(ctx.db, code);
    if (!a || !agencyScope(principal, 'counter_officer').has(a.id)) throw AppError.validation('receivingAgencyCode', 'Bạn không làm việc tại bộ phận một cửa này.');
    return a;
  }
  // Online: the desk named, else the one-stop of the procedure's receive step, else the provincial
  // centre (Decree 118/2025: it receives every procedure of the province), else the competent agency.
  const center = await repo.findProvincialCenter(ctx.db, proc.provinceCode);
  const code = body.receivingAgencyCode ?? proc.steps.find((s) => s.code === 'receive')?.agencyCode ?? center?.code ?? proc.agencyCode;
  const a = await repo.findAgencyByCode(ctx.db, code);
  if (!a) throw AppError.validation('receivingAgencyCode', `Không có cơ quan mã ${code}.`);
  return a;
}

export async function intakeDossier(ctx: AppContext, p: P, body: IntakeBody) {
  const principal = policy.requireIntake(p, body.channel);
  const isCitizen = !hasRole(principal, 'counter_officer');
  const hint = body.receivingAgencyCode ? await repo.findAgencyByCode(ctx.db, body.receivingAgencyCode) : undefined;
  const proc = await findProcedureByCode(ctx.db, body.procedureCode, hint?.provinceCode ?? (isCitizen ? undefined : await deskProvince(ctx, principal)));
  if (!proc || !proc.isActive) throw AppError.validation('procedureCode', `Không có thủ tục mã ${body.procedureCode}.`);
  if (isCitizen && proc.onlineLevel === 'none') throw AppError.rule('ONLINE_NOT_AVAILABLE', 'Thủ tục này không tiếp nhận hồ sơ trực tuyến.');
  const desk = await receivingAgency(ctx, principal, body, proc);
  // Decree 118/2025: any procedure of the province is received at any one-stop desk of the province.
  if (desk.provinceCode !== proc.provinceCode) throw AppError.rule('PROCEDURE_OUT_OF_PROVINCE', 'Thủ tục không thuộc tỉnh của bộ phận tiếp nhận.');
  const documents = await checkDocuments(ctx, proc, body.documents, 'intake');
  const given = new Set(documents.map((x) => x.procedureDocumentId));
  const missing = proc.documents.filter((x) => x.isRequired && !given.has(x.id)).map((x) => ({ procedureDocumentId: x.id, name: x.name, reason: 'Chưa nộp giấy tờ này.' }));
  for (const m of body.missing ?? []) {
    const listed = proc.documents.find((x) => x.id === m.procedureDocumentId);
    if (!listed) throw AppError.rule('DOCUMENT_NOT_ON_LIST', 'Không được yêu cầu giấy tờ ngoài thành phần hồ sơ của thủ tục.');
    const same = missing.find((x) => x.procedureDocumentId === listed.id);
    if (same) same.reason = m.reason.normalize('NFC');
    else missing.push({ procedureDocumentId: listed.id, name: listed.name, reason: m.reason.normalize('NFC') });
  }
  const decision = isCitizen ? 'submit' : (body.decision ?? (missing.length ? 'supplement' : 'receive'));
  if ((decision === 'receive' || decision === 'submit') && missing.length) {
    throw AppError.rule('DOSSIER_INCOMPLETE', 'Hồ sơ còn thiếu giấy tờ bắt buộc.', { missing: missing.map((m) => m.name) });
  }
  if (decision === 'supplement' && !missing.length) throw AppError.validation('missing', 'Hãy nêu giấy tờ cần bổ sung và lý do.');
  const reasons = (body.refusalReasons ?? []).map((r) => r.normalize('NFC').trim()).filter(Boolean);
  if (decision === 'refuse' && !reasons.length) throw AppError.validation('refusalReasons', 'Phiếu từ chối phải nêu rõ lý do.');

  const now = new Date();
  const status = decision === 'submit' ? 'submitted' : decision === 'receive' ? 'received' : decision === 'supplement' ? 'supplement_requested' : 'refused';
  const due = status === 'received' ? await computeDossierDue(ctx, proc, now) : undefined;
  const a = body.applicant;
  const applicant = { fullName: a.fullName.normalize('NFC').trim(), idNumber: a.idNumber.trim(), phone: a.phone.replace(/\s+/g, ''), email: a.email?.trim() || null, address: a.address.normalize('NFC').trim() };
  const plan: Plan = {
    data: { channel: body.channel, decision, missing: missing.map((m) => m.name), reasons, ...(status === 'supplement_requested' ? { items: missing } : {}) },
    documents,
    applicantSubject: status === 'submitted' ? 'Đã nộp hồ sơ trực tuyến' : status === 'received' ? 'Giấy tiếp nhận hồ sơ' : status === 'refused' ? 'Từ chối tiếp nhận hồ sơ' : 'Yêu cầu bổ sung hồ sơ',
  };
  if (status === 'received') {
    plan.handoff = await handoff(ctx, proc, { stepStartedAt: now }, now, { step: 'receive', fromAgencyId: desk.id, fromUserId: principal.userId, toAgencyId: proc.agencyId });
  }
  const { yymmdd, day } = vnDay(now);
  const effects: SideEffectsOptions = { action: status === 'submitted' ? 'submit' : 'intake', fromStatus: null, principal, plan, auditAgency: desk.code, now, publicBaseUrl: ctx.config.publicBaseUrl };
  // The desk's daily counter and audit stream head are the only contended rows: they are locked
  // by the LAST statements of the transaction, after every row that does not need the code. The
  // provisional code is unique and never committed (the transaction sets the real one or rolls back).
  return ctx.db.transaction(async (tx) => {
    const draft = await repo.insertDossier(tx, {
      code: `${PROVISIONAL_CODE}${randomUUID()}`,
      provinceCode: proc.provinceCode,
      procedureId: proc.id,
      procedureVersion: proc.version,
      receivingAgencyId: desk.id,
      competentAgencyId: proc.agencyId,
      currentAgencyId: status === 'received' ? proc.agencyId : desk.id,
      channel: body.channel,
      status,
      applicant,
      phoneTail: applicant.phone.slice(-4),
      applicantUserId: isCitizen ? principal.userId : null,
      receivedBy: status === 'received' ? principal.userId : null,
      submittedAt: now,
      receivedAt: status === 'received' ? now : null,
      ...(due ? { dueAt: due.dueAt, originalDueAt: due.dueAt, dueCalendarVersion: due.dueCalendarVersion, dueRule: due.dueRule } : {}),
      supplementIntakeAt: status === 'supplement_requested' ? now : null,
      supplementItems: status === 'supplement_requested' ? missing : [],
      pauses: status === 'supplement_requested' ? [{ from: now.toISOString(), to: null, stage: 'intake' }] : [],
      refusalReasons: reasons,
      currentStep: status === 'received' ? 'assign' : 'receive',
      stepStartedAt: now,
      feesDue: Math.round(proc.fees.reduce((s, f) => s + f.amount, 0)),
      closedAt: status === 'refused' ? now : null,
    });
    await writeRecords(tx, draft, effects);
    const row = { ...draft, code: await repo.assignCode(tx, draft.id, desk.id, day, dossierCodePrefix(desk.code, yymmdd)) };
    await writeOutboxAndAudit(tx, row, effects);
    return presentCreated(row);
  });
}

async function deskProvince(ctx: AppContext, principal: Principal): Promise<string | undefined> {
  const desk = principal.grants.find((g) => g.role === 'counter_officer');
  return desk ? (await repo.findAgencyByCode(ctx.db, desk.agencyCode))?.provinceCode : undefined;
}
