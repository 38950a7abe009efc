/**
 * The rules of writing a procedure, shared by the API (create/update) and the spreadsheet import:
 * resolve codes to rows, check the step budgets, write the procedure with its documents and steps,
 * leave a version snapshot and an audit entry, all on the caller's transaction.
 */
import type { Static } from 'typebox';
import type { DbOrTx } from '../../db/client.js';
import { agencyStream, appendAudit } from '../../platform/audit.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { actorOf, type Principal } from '../../platform/principal.js';
import { versionConflict } from '../../platform/versioned.js';
import { presentDetail, type ProcedureDetail } from './procedures.presenter.js';
import * as repo from './procedures.repo.js';
import { templatesOf } from './templates.repo.js';
import type { CreateProcedure } from './procedures.schemas.js';

export type ProcedureInput = Static<typeof CreateProcedure>;

export interface Resolved {
  input: ProcedureInput;
  agency: repo.AgencyRef;
  stepAgencyIds: (string | null)[];
}

const clean = (s: string): string => s.normalize('NFC').trim();
const cleanOpt = (s: string | null | undefined): string | null => (s === null || s === undefined || clean(s) === '' ? null : clean(s));
const hundredths = (n: number): number => Math.round(n * 100);

/** NFC, trimmed text, optional fields as null. */
export function normalizeInput(i: ProcedureInput): ProcedureInput {
  return {
    ...i,
    code: i.code.trim(),
    name: clean(i.name),
    legalBasis: clean(i.legalBasis),
    ruleVersion: clean(i.ruleVersion),
    fees: i.fees.map((f) => ({ name: clean(f.name), amount: f.amount, note: cleanOpt(f.note) })),
    documents: i.documents.map((d) => ({
      ...d,
      id: d.id,
      name: clean(d.name),
      isRequired: d.isRequired ?? true,
      templateName: cleanOpt(d.templateName),
      templateUrl: cleanOpt(d.templateUrl),
      note: cleanOpt(d.note),
    })),
    steps: i.steps.map((s) => ({ ...s, name: clean(s.name), agencyCode: s.handlingAgency === 'other' ? (s.agencyCode ?? null) : null })),
  };
}

/** Step budgets (same unit as the limit) must add up exactly to the time limit. */
export function checkBudgets(i: ProcedureInput): void {
  if (i.timeLimit.unit === 'same_day' && i.timeLimit.amount !== 1) {
    throw AppError.validation('timeLimit.amount', 'Thủ tục giải quyết trong ngày có thời hạn là 1 (ngày); thời gian các bước là phần của ngày đó.');
  }
  const sum = i.steps.reduce((s, st) => s + hundredths(st.budget), 0);
  if (sum !== hundredths(i.timeLimit.amount)) {
    const message = `Tổng thời gian các bước (${sum / 100}) phải bằng thời hạn giải quyết (${i.timeLimit.amount}).`;
    throw new AppError('STEP_BUDGETS_MISMATCH', message, {
      status: 422,
      errors: [{ field: 'steps', message }],
      extra: { stepsTotal: sum / 100, timeLimit: i.timeLimit.amount },
    });
  }
}

/**
 * Resolve the field, the competent agency (must be in `scope`, else 404) and step agencies.
 * Throws AppError; the import turns the message into a rejected line.
 */
export async function resolveInput(db: DbOrTx, raw: ProcedureInput, scope: string[], fieldCodes?: Set<string>): Promise<Resolved> {
  const input = normalizeInput(raw);
  const fields = fieldCodes ?? new Set((await repo.allFields(db)).map((f) => f.code));
  if (!fields.has(input.fieldCode)) throw AppError.validation('fieldCode', `Không có lĩnh vực mã ${input.fieldCode}.`);
  const agencies = await repo.agenciesByCode(db, [input.agencyCode, ...input.steps.map((s) => s.agencyCode ?? '').filter(Boolean)]);
  const competent = agencies.get(input.agencyCode);
  if (!competent) throw AppError.validation('agencyCode', `Không có cơ quan mã ${input.agencyCode}.`);
  if (!scope.includes(competent.id)) throw AppError.notFound('Cơ quan');
  const errors: FieldError[] = [];
  const stepAgencyIds = input.steps.map((s, n) => {
    if (s.handlingAgency !== 'other') return null;
    const found = s.agencyCode ? agencies.get(s.agencyCode) : undefined;
    if (!found)
      errors.push({
        field: `steps.${n}.agencyCode`,
        message: s.agencyCode ? `Không có cơ quan mã ${s.agencyCode}.` : 'Bước do cơ quan khác xử lý phải ghi mã cơ quan.',
      });
    return found?.id ?? null;
  });
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors[0].message, { errors });
  checkBudgets(input);
  return { input, agency: competent, stepAgencyIds };
}

/** The comparable content of a procedure: equal strings mean an import changes nothing. */
interface Comparable {
  name: string;
  field: string;
  agencyCode: string;
  onlineLevel: string;
  timeLimit: { amount: number; unit: string };
  fees: { name: string; amount: number; note?: string | null }[];
  resultType: string;
  legalBasis: string;
  ruleVersion: string;
  effectiveFrom: string;
  isActive?: boolean;
  documents: {
    name: string;
    originals: number;
    copies: number;
    isRequired?: boolean;
    templateName?: string | null;
    templateUrl?: string | null;
    note?: string | null;
  }[];
  steps: { code: string; name: string; handlingAgency: string; agencyCode?: string | null; budget: number }[];
}

export function contentKey(d: Comparable): string {
  return JSON.stringify([
    d.name,
    d.field,
    d.agencyCode,
    d.onlineLevel,
    hundredths(d.timeLimit.amount),
    d.timeLimit.unit,
    d.resultType,
    d.legalBasis,
    d.ruleVersion,
    d.effectiveFrom,
    d.isActive ?? true,
    d.fees.map((f) => [f.name, f.amount, f.note ?? null]),
    d.documents.map((x) => [x.name, x.originals, x.copies, x.isRequired ?? true, x.templateName ?? null, x.templateUrl ?? null, x.note ?? null]),
    d.steps.map((x) => [x.code, x.name, x.handlingAgency, x.agencyCode ?? null, hundredths(x.budget)]),
  ]);
}

export const inputKey = (i: ProcedureInput): string =>
  contentKey({
    ...i,
    field: i.fieldCode,
    documents: i.documents.map((d) => ({
      ...d,
      id: d.id,
      isRequired: d.isRequired ?? true,
      templateName: d.templateName ?? null,
      templateUrl: d.templateUrl ?? null,
      note: d.note ?? null,
    })),
    fees: i.fees.map((f) => ({ ...f, note: f.note ?? null })),
  });

export async function loadDetail(db: DbOrTx, id: string): Promise<ProcedureDetail> {
  const row = await repo.findProcedureRowById(db, id);
  if (!row) throw AppError.notFound('Thủ tục hành chính');
  const docs = await repo.documentsOf(db, [id]);
  return presentDetail(
    row,
    docs,
    await repo.stepsOf(db, [id]),
    await templatesOf(
      db,
      docs.map((d) => d.id),
    ),
  );
}

const procedureColumns = (r: Resolved) => ({
  name: r.input.name,
  fieldCode: r.input.fieldCode,
  agencyId: r.agency.id,
  onlineLevel: r.input.onlineLevel,
  limitAmount: String(r.input.timeLimit.amount),
  limitUnit: r.input.timeLimit.unit,
  fees: r.input.fees.map((f) => ({ name: f.name, amount: f.amount, note: f.note ?? null })),
  resultType: r.input.resultType,
  legalBasis: r.input.legalBasis,
  ruleVersion: r.input.ruleVersion,
  effectiveFrom: r.input.effectiveFrom,
});

async function writeChildren(tx: DbOrTx, procedureId: string, r: Resolved): Promise<void> {
  const oldDocs = await repo.documentsOf(tx, [procedureId]);
  const used = new Set<string>();
  const newDocs = [];
  for (const [position, d] of r.input.documents.entries()) {
    const match = oldDocs.find((o) => !used.has(o.id) && (d.id ? o.id === d.id : o.name === d.name));
    const values = {
      position,
      name: d.name,
      originals: d.originals,
      copies: d.copies,
      isRequired: d.isRequired ?? true,
      templateName: d.templateName ?? null,
      templateUrl: d.templateUrl ?? null,
      note: d.note ?? null,
    };
    if (match) {
      used.add(match.id);
      await repo.updateDocument(tx, match.id, values);
    } else newDocs.push({ procedureId, ...values });
  }
  await repo.insertDocuments(tx, newDocs);
  await repo.retireDocuments(
    tx,
    oldDocs.filter((o) => !used.has(o.id)).map((o) => o.id),
  );

  const oldSteps = await repo.stepsOf(tx, [procedureId]);
  const usedSteps = new Set<string>();
  const newSteps = [];
  for (const [position, s] of r.input.steps.entries()) {
    const match = oldSteps.find((o) => !usedSteps.has(o.id) && o.code === s.code && o.name === s.name);
    const values = {
      position,
      code: s.code,
      name: s.name,
      handlingAgencyKind: s.handlingAgency,
      agencyId: r.stepAgencyIds[position],
      budget: String(s.budget),
    };
    if (match) {
      usedSteps.add(match.id);
      await repo.updateStep(tx, match.id, values);
    } else newSteps.push({ procedureId, ...values });
  }
  await repo.insertSteps(tx, newSteps);
  await repo.retireSteps(
    tx,
    oldSteps.filter((o) => !usedSteps.has(o.id)).map((o) => o.id),
  );
}

async function recordVersion(tx: DbOrTx, principal: Principal | null, id: string, action: string): Promise<ProcedureDetail> {
  const detail = await loadDetail(tx, id);
  await repo.insertVersion(tx, {
    procedureId: id,
    version: detail.version,
    ruleVersion: detail.ruleVersion,
    effectiveFrom: detail.effectiveFrom,
    snapshot: detail,
    createdBy: principal?.userId ?? null,
  });
  await appendAudit(tx, {
    stream: agencyStream(detail.agencyCode),
    actor: principal ? actorOf(principal) : { userId: null, label: 'system' },
    action,
    entityType: 'procedure',
    entityId: id,
    provinceCode: detail.provinceCode,
    data: { code: detail.code, name: detail.name, version: detail.version, ruleVersion: detail.ruleVersion, isActive: detail.isActive },
  });
  return detail;
}

export async function writeNewProcedure(
  tx: DbOrTx,
  principal: Principal | null,
  r: Resolved,
  opts: { isDemo?: boolean; action?: string } = {},
): Promise<ProcedureDetail> {
  const id = await repo.insertProcedure(tx, { code: r.input.code, provinceCode: r.agency.provinceCode, ...procedureColumns(r), isDemo: opts.isDemo ?? false });
  if (!id) throw new AppError('ALREADY_EXISTS', `Mã thủ tục ${r.input.code} đã tồn tại.`, { errors: [{ field: 'code', message: 'already exists' }] });
  await writeChildren(tx, id, r);
  return recordVersion(tx, principal, id, opts.action ?? 'procedure.create');
}

export async function writeProcedureUpdate(
  tx: DbOrTx,
  principal: Principal | null,
  id: string,
  version: number,
  r: Resolved,
  opts: { reactivate?: boolean; action?: string } = {},
): Promise<ProcedureDetail> {
  const next = await repo.updateProcedure(tx, id, version, { ...procedureColumns(r), ...(opts.reactivate ? { isActive: true } : {}) });
  if (next === undefined)
    throw versionConflict('Thủ tục đã được người khác sửa; hãy tải lại và thử lại.', { errors: [{ field: 'version', message: 'stale version' }] });
  await writeChildren(tx, id, r);
  return recordVersion(tx, principal, id, opts.action ?? 'procedure.update');
}

export async function writeDeactivation(tx: DbOrTx, principal: Principal, id: string, version: number): Promise<ProcedureDetail> {
  const next = await repo.updateProcedure(tx, id, version, { isActive: false });
  if (next === undefined) throw versionConflict('Thủ tục đã được người khác sửa; hãy tải lại và thử lại.');
  return recordVersion(tx, principal, id, 'procedure.deactivate');
}
