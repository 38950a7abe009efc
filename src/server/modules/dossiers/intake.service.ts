/**
 * Intake (tiếp nhận): at the counter, by post (counter officer) or online (citizen). The
 * completeness check against the procedure's list ends in receive (Mẫu 01), supplement (Mẫu 02)
 * or refuse (Mẫu 03). The dossier code comes from the receiving agency's daily counter, taken in
 * the intake transaction, so a rolled-back intake leaves no gap (Circular 01/2018 Art. 19).
 */
import { randomUUID } from 'node:crypto';
import { vnDate } from '../../../shared/vn-time.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { KeyedBatcher } from '../../platform/batcher.js';
import { AppError } from '../../platform/errors.js';
import { agencyScope, hasRole, type Principal } from '../../platform/principal.js';
import { createLocalStorage, inspectAttachment, keepFilesIfCommitted, type LocalFileStorage, type PutOptions } from '../../platform/storage.js';
import { calendarState } from '../calendar/index.js';
import { type CatalogProcedure, findProcedureByCode, provincesWithProcedure } from '../procedures/index.js';
import { org } from '../org/index.js';
import * as policy from './dossiers.policy.js';
import { presentCreated } from './dossiers.presenter.js';
import * as repo from './dossiers.repo.js';
import { computeDossierDue, handoff, type P, type Plan, type SideEffectsOptions, stepRecords } from './dossiers.service.js';

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
  const day = vnDate(at);
  return { day, yymmdd: day.slice(2).replaceAll('-', '') };
}

/** `<desk code>-<YYMMDD>-`: the code without its sequence number. */
export const dossierCodePrefix = (agencyCode: string, yymmdd: string): string => `${agencyCode}-${yymmdd}-`;

/** Stages a file for the write under way (platform/storage.ts `keepFilesIfCommitted`). */
export type StageFile = (key: string, bytes: Uint8Array, opts?: PutOptions) => Promise<void>;

/** The files folder (`<data dir>/files`), shared with the other modules' uploads. */
export const dossierFiles = (ctx: AppContext): LocalFileStorage => createLocalStorage({ dataDir: ctx.config.dataDir });

/** Documents on the procedure's list, with files staged (kept only if the dossier's write commits); anything else is refused. */
export async function checkDocuments(proc: CatalogProcedure, docs: DocumentInput[], stage: 'intake' | 'supplement', stageFile: StageFile) {
  const onList = new Map(proc.documents.map((x) => [x.id, x]));
  const rows = [];
  for (const [i, doc] of docs.entries()) {
    const listed = onList.get(doc.procedureDocumentId);
    if (!listed)
      throw AppError.rule('DOCUMENT_NOT_ON_LIST', 'Giấy tờ không có trong thành phần hồ sơ của thủ tục.', { field: `documents[${i}].procedureDocumentId` });
    let file: { storageKey: string; sha256: string; mime: string; size: number } | undefined;
    if (doc.attachment) {
      const bytes = Buffer.from(doc.attachment.contentBase64, 'base64');
      const checked = inspectAttachment(bytes, `documents[${i}].attachment.contentBase64`);
      await stageFile(checked.key, bytes, { contentType: checked.type });
      file = { storageKey: checked.key, sha256: checked.sha256, mime: checked.type, size: checked.size };
    }
    rows.push({
      procedureDocumentId: listed.id,
      name: listed.name,
      form: doc.form ?? (doc.attachment ? 'electronic' : 'original'),
      quantity: doc.quantity ?? 1,
      stage,
      ...file,
    });
  }
  return rows;
}

interface Desk {
  id: string;
  code: string;
  provinceCode: string;
}

/** The counter officer's desk: the one named (within their grants' reach), else their first; read from the grant when it is one. */
async function counterDesk(ctx: AppContext, principal: Principal, named: string | undefined): Promise<Desk> {
  const grants = principal.grants.filter((g) => g.role === 'counter_officer');
  const code = named ?? grants[0].agencyCode;
  const own = grants.find((g) => g.agencyCode === code);
  if (own) return { id: own.agencyId, code: own.agencyCode, provinceCode: own.provinceCode };
  const a = await org.findAgencyByCode(ctx.db, code);
  if (!a || !agencyScope(principal, 'counter_officer').has(a.id))
    throw AppError.validation('receivingAgencyCode', 'Bạn không làm việc tại bộ phận một cửa này.');
  return a;
}

/** A desk a citizen names: a one-stop desk (an agency where counter officers work), nothing else. */
async function namedOneStopDesk(ctx: AppContext, code: string): Promise<Desk> {
  const a = await repo.findOneStopDesk(ctx.db, code);
  if (!a) throw AppError.rule('NOT_A_ONE_STOP_DESK', `${code} không phải bộ phận một cửa tiếp nhận hồ sơ.`, { field: 'receivingAgencyCode' });
  return a;
}

/**
 * Online without a named desk: the one-stop of the procedure's receive step, else the provincial
 * centre (Decree 118/2025: it receives every procedure of the province), else the competent agency.
 */
async function defaultOnlineDesk(ctx: AppContext, proc: CatalogProcedure): Promise<Desk> {
  const center = await repo.findProvincialCenter(ctx.db, proc.provinceCode);
  const code = proc.steps.find((s) => s.code === 'receive')?.agencyCode ?? center?.code ?? proc.agencyCode;
  const a = await org.findAgencyByCode(ctx.db, code);
  if (!a) throw AppError.validation('receivingAgencyCode', `Không có cơ quan mã ${code}.`);
  return a;
}

/**
 * Where a citizen may submit a procedure online: the one-stop desks of every province whose catalog
 * has it, and the desk used when none is named (only when one province has it: otherwise the
 * citizen must choose, see RECEIVING_AGENCY_REQUIRED).
 */
export async function onlineDesks(ctx: AppContext, procedureCode: string) {
  const provinces = await provincesWithProcedure(ctx.db, procedureCode);
  if (!provinces.length) throw AppError.notFound('Thủ tục');
  const items = await repo.listOneStopDesks(ctx.db, provinces);
  const proc = provinces.length === 1 ? await findProcedureByCode(ctx.db, procedureCode, provinces[0]) : undefined;
  const fallback = proc ? (await defaultOnlineDesk(ctx, proc)).code : null;
  return { items, suggestedCode: items.some((d) => d.code === fallback) ? fallback : null };
}

/** The province whose catalog applies: the desk's, else the only one that has the procedure. */
async function provinceOf(ctx: AppContext, desk: Desk | undefined, procedureCode: string): Promise<string | undefined> {
  if (desk) return desk.provinceCode;
  const provinces = await provincesWithProcedure(ctx.db, procedureCode);
  if (provinces.length > 1)
    throw AppError.rule('RECEIVING_AGENCY_REQUIRED', 'Thủ tục này có ở nhiều tỉnh: hãy chọn bộ phận một cửa nơi nộp hồ sơ.', { field: 'receivingAgencyCode' });
  return provinces[0];
}

export async function intakeDossier(ctx: AppContext, p: P, body: IntakeBody) {
  const principal = policy.requireIntake(p, body.channel);
  const isCitizen = !hasRole(principal, 'counter_officer');
  const named = isCitizen
    ? body.receivingAgencyCode
      ? await namedOneStopDesk(ctx, body.receivingAgencyCode)
      : undefined
    : await counterDesk(ctx, principal, body.receivingAgencyCode);
  const province = await provinceOf(ctx, named, body.procedureCode);
  // The procedure and the calendar come from caches unchecked; the intake statement checks them and
  // writes nothing when either has changed, and the intake runs again on fresh reads.
  // A refusal found on cached data is confirmed on fresh data before it is given. Fresh reads are
  // tried twice: an administrator's edit can land between a read and the statement.
  // Attached files are kept only when the intake is written.
  return keepFilesIfCommitted(dossierFiles(ctx), async (stageFile) => {
    for (const fresh of [false, true, true]) {
      try {
        const created = await intakeOnce(ctx, principal, body, { isCitizen, named, province, fresh, stageFile });
        if (created) return created;
      } catch (err) {
        if (fresh || !(err instanceof AppError)) throw err;
      }
    }
    throw new AppError('VERSION_CONFLICT', 'Danh mục thủ tục hoặc lịch làm việc vừa thay đổi; hãy gửi lại hồ sơ.');
  });
}

/** The refusal names each missing document: one field error per document (`documents.<id>`), its name in the message. */
function incomplete(missing: { procedureDocumentId: string; name: string }[]): AppError {
  return new AppError('DOSSIER_INCOMPLETE', `Hồ sơ còn thiếu giấy tờ bắt buộc: ${missing.map((m) => m.name).join('; ')}.`, {
    status: 422,
    errors: missing.map((m) => ({ field: `documents.${m.procedureDocumentId}`, message: `Còn thiếu giấy tờ bắt buộc: ${m.name}.` })),
    extra: { missing: missing.map((m) => ({ procedureDocumentId: m.procedureDocumentId, name: m.name })) },
  });
}

interface IntakeContext {
  isCitizen: boolean;
  named: Desk | undefined;
  province: string | undefined;
  fresh: boolean;
  stageFile: StageFile;
}

async function intakeOnce(ctx: AppContext, principal: Principal, body: IntakeBody, { isCitizen, named, province, fresh, stageFile }: IntakeContext) {
  const proc = province ? await findProcedureByCode(ctx.db, body.procedureCode, province, { unchecked: !fresh }) : undefined;
  if (!proc || !proc.isActive) throw AppError.validation('procedureCode', `Không có thủ tục mã ${body.procedureCode}.`);
  if (isCitizen && proc.onlineLevel === 'none') throw AppError.rule('ONLINE_NOT_AVAILABLE', 'Thủ tục này không tiếp nhận hồ sơ trực tuyến.');
  const desk = named ?? (await defaultOnlineDesk(ctx, proc));
  // Decree 118/2025: any procedure of the province is received at any one-stop desk of the province.
  if (desk.provinceCode !== proc.provinceCode) throw AppError.rule('PROCEDURE_OUT_OF_PROVINCE', 'Thủ tục không thuộc tỉnh của bộ phận tiếp nhận.');
  const documents = await checkDocuments(proc, body.documents, 'intake', stageFile);
  const given = new Set(documents.map((x) => x.procedureDocumentId));
  const missing = proc.documents
    .filter((x) => x.isRequired && !given.has(x.id))
    .map((x) => ({ procedureDocumentId: x.id, name: x.name, reason: 'Chưa nộp giấy tờ này.' }));
  for (const m of body.missing ?? []) {
    const listed = proc.documents.find((x) => x.id === m.procedureDocumentId);
    if (!listed) throw AppError.rule('DOCUMENT_NOT_ON_LIST', 'Không được yêu cầu giấy tờ ngoài thành phần hồ sơ của thủ tục.');
    const same = missing.find((x) => x.procedureDocumentId === listed.id);
    if (same) same.reason = m.reason.normalize('NFC');
    else missing.push({ procedureDocumentId: listed.id, name: listed.name, reason: m.reason.normalize('NFC') });
  }
  const decision = isCitizen ? 'submit' : (body.decision ?? (missing.length ? 'supplement' : 'receive'));
  if ((decision === 'receive' || decision === 'submit') && missing.length) {
    throw incomplete(missing);
  }
  if (decision === 'supplement' && !missing.length) throw AppError.validation('missing', 'Hãy nêu giấy tờ cần bổ sung và lý do.');
  const reasons = (body.refusalReasons ?? []).map((r) => r.normalize('NFC').trim()).filter(Boolean);
  if (decision === 'refuse' && !reasons.length) throw AppError.validation('refusalReasons', 'Phiếu từ chối phải nêu rõ lý do.');

  const now = new Date();
  const status = decision === 'submit' ? 'submitted' : decision === 'receive' ? 'received' : decision === 'supplement' ? 'supplement_requested' : 'refused';
  // One calendar read for the step's deadlines (the due date and the receive step's budget).
  const timed = status === 'received' ? { ...ctx, state: await calendarState(ctx, { unchecked: !fresh, province: proc.provinceCode }) } : ctx;
  const due = status === 'received' ? await computeDossierDue(timed, proc, now) : undefined;
  const a = body.applicant;
  const applicant = {
    fullName: a.fullName.normalize('NFC').trim(),
    idNumber: a.idNumber.trim(),
    phone: a.phone.replace(/\s+/g, ''),
    email: a.email?.trim() || null,
    address: a.address.normalize('NFC').trim(),
  };
  const plan: Plan = {
    data: { channel: body.channel, decision, missing: missing.map((m) => m.name), reasons, ...(status === 'supplement_requested' ? { items: missing } : {}) },
    documents,
    applicantSubject:
      status === 'submitted'
        ? 'Đã nộp hồ sơ trực tuyến'
        : status === 'received'
          ? 'Giấy tiếp nhận hồ sơ'
          : status === 'refused'
            ? 'Từ chối tiếp nhận hồ sơ'
            : 'Yêu cầu bổ sung hồ sơ',
  };
  if (status === 'received') {
    plan.handoff = await handoff(timed, proc, { stepStartedAt: now }, now, {
      step: 'receive',
      fromAgencyId: desk.id,
      fromUserId: principal.userId,
      toAgencyId: proc.agencyId,
    });
  }
  const { yymmdd, day } = vnDay(now);
  const prefix = dossierCodePrefix(desk.code, yymmdd);
  const effects: SideEffectsOptions = {
    action: status === 'submitted' ? 'submit' : 'intake',
    fromStatus: null,
    principal,
    plan,
    auditAgency: desk.code,
    now,
    publicBaseUrl: ctx.config.publicBaseUrl,
  };
  const row = {
    id: randomUUID(),
    code: `${prefix}${repo.PENDING_SEQ}`,
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
    dueAt: due?.dueAt ?? null,
    originalDueAt: due?.dueAt ?? null,
    dueCalendarVersion: due?.dueCalendarVersion ?? null,
    dueRule: due?.dueRule ?? null,
    supplementIntakeAt: status === 'supplement_requested' ? now : null,
    supplementItems: status === 'supplement_requested' ? missing : [],
    pauses: status === 'supplement_requested' ? [{ from: now.toISOString(), to: null, stage: 'intake' as const }] : [],
    refusalReasons: reasons,
    currentStep: status === 'received' ? 'assign' : 'receive',
    stepStartedAt: now,
    feesDue: Math.round(proc.fees.reduce((s, f) => s + f.amount, 0)),
    closedAt: status === 'refused' ? now : null,
    version: 1,
  } satisfies Pick<repo.DossierInsert, (typeof repo.NEW_DOSSIER_COLUMNS)[number] | 'code'>;
  // One statement, no explicit transaction, batched with the desk's other intakes of the moment:
  // the dossier, its records and its audit entry, numbered by the desk's daily counter.
  const guard = {
    procedureId: proc.id,
    procedureVersion: proc.version,
    calendarStamp: 'state' in timed ? { province: proc.provinceCode, stamp: timed.state.stamp } : null,
  };
  const code = await intakeWriter(ctx.db).submit(`${desk.id}/${prefix}`, {
    counter: { agencyId: desk.id, day, prefix },
    dossier: { row, records: stepRecords(row, effects), guard },
  });
  return code === undefined ? undefined : presentCreated({ ...row, code });
}

interface PendingIntake {
  counter: repo.DeskCounter;
  dossier: repo.NewDossier;
}

/**
 * Intakes at one desk (key: desk and day) wait for each other rather than for the counter's row
 * lock, and are written by one statement per batch (group commit, platform/batcher.ts).
 */
const intakeWriters = new WeakMap<Db, KeyedBatcher<PendingIntake, string | undefined>>();

function intakeWriter(db: Db): KeyedBatcher<PendingIntake, string | undefined> {
  let writer = intakeWriters.get(db);
  if (!writer) {
    writer = new KeyedBatcher((_key, items) => writeIntakeBatch(db, items));
    intakeWriters.set(db, writer);
  }
  return writer;
}

/**
 * A batch of intakes at one desk and day in one statement. If it writes nothing (a guard failed) or
 * fails, each intake runs alone, so each gets its own answer: its code, undefined when its own
 * guard failed (the intake then reads afresh), or its own error.
 */
export async function writeIntakeBatch(db: Db, items: readonly PendingIntake[]): Promise<PromiseSettledResult<string | undefined>[]> {
  const counter = items[0].counter;
  if (items.length > 1) {
    try {
      const codes = await repo.writeIntakes(
        db,
        counter,
        items.map((i) => i.dossier),
      );
      if (codes) return items.map((i) => ({ status: 'fulfilled', value: codes.get(i.dossier.row.id) }));
    } catch {
      // One intake's failure fails the batch; alone, it fails by itself and the others go through.
    }
  }
  const results: PromiseSettledResult<string | undefined>[] = [];
  for (const i of items) {
    try {
      results.push({ status: 'fulfilled', value: (await repo.writeIntakes(db, counter, [i.dossier]))?.get(i.dossier.row.id) });
    } catch (reason) {
      results.push({ status: 'rejected', reason });
    }
  }
  return results;
}
