/**
 * Export the catalog of an administrator's agencies (XLSX or CSV) and import it back: upsert by
 * code, idempotent (a row equal to the stored procedure is "unchanged"), with a dry run that
 * reports what would be created, updated and rejected (line number and reason) without writing.
 */
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import * as policy from './procedures.policy.js';
import { type ColumnKey, COLUMNS, fromRow, HEADERS, mapHeader, NUMERIC_COLUMNS, type RowContext, toRow } from './procedures.columns.js';
import { presentDetail, type ProcedureDetail } from './procedures.presenter.js';
import * as repo from './procedures.repo.js';
import { fold, readSheet, writeCsv, writeXlsx } from './procedures.sheet.js';
import { contentKey, inputKey, type Resolved, resolveInput, writeNewProcedure, writeProcedureUpdate } from './procedures.write.js';
import type { Principal } from '../../platform/principal.js';

export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

function groupBy<T extends { procedureId: string }>(items: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const it of items) map.set(it.procedureId, [...(map.get(it.procedureId) ?? []), it]);
  return map;
}

async function detailsOf(db: AppContext['db'], rows: repo.ProcedureRow[]): Promise<ProcedureDetail[]> {
  const ids = rows.map((r) => r.id);
  const docs = groupBy(await repo.documentsOf(db, ids));
  const steps = groupBy(await repo.stepsOf(db, ids));
  return rows.map((r) => presentDetail(r, docs.get(r.id) ?? [], steps.get(r.id) ?? []));
}

export async function exportProcedures(
  ctx: AppContext,
  p: Principal | null,
  format: 'xlsx' | 'csv',
): Promise<{ body: Buffer; contentType: string; filename: string }> {
  const { agencyIds } = policy.procedureAdminScope(p);
  const details = await detailsOf(ctx.db, await repo.listForExport(ctx.db, agencyIds));
  const table = details.map(toRow);
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'csv') return { body: writeCsv(HEADERS, table), contentType: 'text/csv; charset=utf-8', filename: `thu-tuc-hanh-chinh-${stamp}.csv` };
  const body = await writeXlsx(
    'Thủ tục hành chính',
    HEADERS,
    table,
    COLUMNS.map((c) => c.width),
    NUMERIC_COLUMNS,
  );
  return { body, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `thu-tuc-hanh-chinh-${stamp}.xlsx` };
}

type Plan = { line: number; kind: 'create'; resolved: Resolved } | { line: number; kind: 'update'; id: string; version: number; resolved: Resolved };

export interface ImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  rejected: { line: number; code: string | null; reason: string }[];
}

/** `readFile` runs after the policy check, so nobody else gets to upload. */
export async function importProcedures(
  ctx: AppContext,
  p: Principal | null,
  readFile: () => Promise<{ filename: string; data: Buffer }>,
  dryRun: boolean,
): Promise<ImportReport> {
  const { principal, agencyIds } = policy.procedureAdminScope(p);
  const file = await readFile();
  let sheet;
  try {
    sheet = await readSheet(file.filename, file.data);
  } catch {
    throw AppError.validation('file', 'Không đọc được tệp: hãy dùng tệp .xlsx hoặc .csv (UTF-8).');
  }
  const keys = mapHeader(sheet.header);
  for (const required of ['code', 'name'] as const) {
    if (!keys.includes(required)) throw AppError.validation('file', `Thiếu cột "${COLUMNS.find((c) => c.key === required)!.header}" ở dòng tiêu đề.`);
  }
  if (sheet.rows.length > MAX_IMPORT_ROWS) throw AppError.validation('file', `Tệp có quá ${MAX_IMPORT_ROWS} dòng.`);

  const fieldRows = await repo.allFields(ctx.db);
  const fieldCodes = new Set(fieldRows.map((f) => f.code));
  const rowCtx: RowContext = { fields: new Map(), agencyNames: new Map() };
  for (const f of fieldRows) {
    rowCtx.fields.set(f.code, f.code);
    rowCtx.fields.set(fold(f.code), f.code);
    rowCtx.fields.set(fold(f.name), f.code);
  }
  for (const a of await repo.agenciesByIds(ctx.db, agencyIds)) rowCtx.agencyNames.set(fold(a.name), a.code);

  const codeColumn = keys.indexOf('code');
  const existingRows = await repo.findRowsByCodes(ctx.db, sheet.rows.map((r) => (r.cells[codeColumn] ?? '').trim()).filter(Boolean));
  const existingDetails = await detailsOf(ctx.db, existingRows);

  const report: ImportReport = { dryRun, created: 0, updated: 0, unchanged: 0, rejected: [] };
  const plans: Plan[] = [];
  const seen = new Set<string>();
  for (const row of sheet.rows) {
    const get = (k: ColumnKey) => {
      const i = keys.indexOf(k);
      return i >= 0 ? (row.cells[i] ?? '') : '';
    };
    const code = get('code').trim() || null;
    const reject = (reason: string) => report.rejected.push({ line: row.line, code, reason });
    const { input, reasons } = fromRow(get, rowCtx);
    if (!input) {
      reject(reasons.join('; '));
      continue;
    }
    let resolved: Resolved;
    try {
      resolved = await resolveInput(ctx.db, input, agencyIds, fieldCodes);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      reject(e.code === 'NOT_FOUND' ? `Cơ quan ${input.agencyCode} không thuộc phạm vi bạn quản lý` : e.message);
      continue;
    }
    const key = `${resolved.agency.provinceCode}|${input.code}`;
    if (seen.has(key)) {
      reject(`Mã thủ tục ${input.code} lặp lại trong tệp`);
      continue;
    }
    seen.add(key);
    const idx = existingRows.findIndex((r) => r.code === input.code && r.provinceCode === resolved.agency.provinceCode);
    if (idx < 0) {
      plans.push({ line: row.line, kind: 'create', resolved });
      report.created++;
      continue;
    }
    const existing = existingRows[idx];
    if (!agencyIds.includes(existing.agencyId)) {
      reject(`Thủ tục ${input.code} thuộc cơ quan khác`);
      continue;
    }
    if (contentKey(existingDetails[idx]) === inputKey(resolved.input)) {
      report.unchanged++;
      continue;
    }
    plans.push({ line: row.line, kind: 'update', id: existing.id, version: existing.version, resolved });
    report.updated++;
  }

  if (!dryRun && plans.length) {
    await ctx.db.transaction(async (tx) => {
      for (const plan of plans) {
        if (plan.kind === 'create') await writeNewProcedure(tx, principal, plan.resolved, { action: 'procedure.import.create' });
        else await writeProcedureUpdate(tx, principal, plan.id, plan.version, plan.resolved, { reactivate: true, action: 'procedure.import.update' });
      }
    });
  }
  return report;
}
