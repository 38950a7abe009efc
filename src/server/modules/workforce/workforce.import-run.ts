/**
 * Running an import: resolve agencies, units and positions, then write in batches of 1,000 rows,
 * one transaction per batch (upsert + assignment and attribute history + the touched agencies'
 * statistics aggregate + audit), and report progress in
 * `import_job` after each committed batch. A failure leaves earlier batches committed; re-running
 * the same file is idempotent (upsert on the province's Mã cán bộ) and completes it.
 */
import type { Db } from '../../db/client.js';
import { agencyStream, appendAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/principal.js';
import { vnToday } from '../../../shared/vn-time.js';
import { org } from '../org/index.js';
import { fold, joinName, vietnameseSortKey } from './workforce.rules.js';
import { type ParsedOfficial, readSheet, type Rejection, SheetError, validateRows } from './workforce.import.js';
import * as history from './workforce.history.repo.js';
import * as repo from './workforce.repo.js';

export const BATCH_SIZE = 1000;

export interface ImportResult {
  jobId: string | null;
  dryRun: boolean;
  total: number;
  imported: number;
  updated: number;
  rejected: Rejection[];
}

export interface ImportArgs {
  fileName: string;
  data: Buffer;
  dryRun: boolean;
  /** Agencies the caller manages; null = every agency (command line). */
  scope: Set<string> | null;
  actor: Actor;
  job?: { id: string; agencyId: string };
  /** The first day of new assignments (moves); default today in Vietnam. */
  today?: string;
}

export async function importOfficials(db: Db, a: ImportArgs): Promise<ImportResult> {
  const today = a.today ?? vnToday();
  if (a.job) {
    const isNew = await repo.insertImportJob(db, {
      id: a.job.id,
      agencyId: a.job.agencyId,
      createdBy: a.actor.userId,
      fileName: a.fileName,
      isDryRun: a.dryRun,
    });
    if (!isNew) throw new AppError('ALREADY_EXISTS', 'Mã lượt nhập đã được dùng.');
  }
  try {
    const result = await runImport(db, a, today);
    if (a.job)
      await repo.updateImportJob(db, a.job.id, {
        status: 'done',
        total: result.total,
        processed: result.total,
        imported: result.imported,
        updated: result.updated,
        rejected: result.rejected,
        finishedAt: new Date(),
      });
    return result;
  } catch (err) {
    if (a.job) await repo.updateImportJob(db, a.job.id, { status: 'failed', error: err instanceof Error ? err.message : String(err), finishedAt: new Date() });
    if (err instanceof SheetError) throw AppError.validation('file', err.message);
    throw err;
  }
}

async function runImport(db: Db, a: ImportArgs, today: string): Promise<ImportResult> {
  const raw = await readSheet(a.fileName, a.data);
  const { good, rejected } = validateRows(raw);
  const jobId = a.job?.id ?? null;
  if (jobId) await repo.updateImportJob(db, jobId, { total: raw.length, processed: rejected.length });

  // Agencies by identifier code or exact name, inside the caller's scope only.
  const agencies = a.scope ? await org.agenciesByIds(db, [...a.scope]) : await org.allAgencies(db);
  const byCode = new Map(agencies.map((x) => [x.code.toUpperCase(), x]));
  const byName = new Map(agencies.map((x) => [x.name.normalize('NFC').toLowerCase(), x]));
  const units = await repo.orgUnitsOf(
    db,
    agencies.map((x) => x.id),
  );
  const unitOf = new Map(units.map((u) => [`${u.agencyId}|${fold(u.name)}`, u.id]));

  type Resolved = ParsedOfficial & { agency: repo.AgencyRef; orgUnitId: string | null };
  const resolved: Resolved[] = [];
  for (const r of good) {
    const ag = byCode.get(r.agencyRef.toUpperCase()) ?? byName.get(r.agencyRef.toLowerCase());
    if (!ag) {
      rejected.push({ line: r.line, reason: `Không tìm thấy đơn vị "${r.agencyRef}" (mã định danh hoặc tên chính xác) trong phạm vi quản lý.` });
      continue;
    }
    const orgUnitId = r.orgUnitName ? unitOf.get(`${ag.id}|${fold(r.orgUnitName)}`) : null;
    if (orgUnitId === undefined) {
      rejected.push({ line: r.line, reason: `Đơn vị ${ag.name} không có phòng/bộ phận "${r.orgUnitName}".` });
      continue;
    }
    resolved.push({ ...r, agency: ag, orgUnitId });
  }

  // Codes already in the register: updates if ours, refused if another agency's.
  const existing = new Map<string, string>();
  for (const province of new Set(resolved.map((r) => r.agency.provinceCode))) {
    const codes = resolved.filter((r) => r.agency.provinceCode === province).map((r) => r.code);
    for (const [code, agencyId] of await repo.existingCodes(db, province, codes)) existing.set(`${province}|${code}`, agencyId);
  }
  const rows: Resolved[] = [];
  let updates = 0;
  for (const r of resolved) {
    const owner = existing.get(`${r.agency.provinceCode}|${r.code}`);
    if (owner && a.scope && !a.scope.has(owner)) {
      rejected.push({ line: r.line, reason: `Mã cán bộ ${r.code} đã được dùng cho một người ngoài phạm vi quản lý.` });
      continue;
    }
    if (owner) updates++;
    rows.push(r);
  }
  rejected.sort((x, y) => x.line - y.line);
  if (a.dryRun) return { jobId, dryRun: true, total: raw.length, imported: rows.length - updates, updated: updates, rejected };

  const positions = await repo.ensurePositions(
    db,
    uniqueBy(
      rows.filter((r) => r.positionName).map((r) => ({ agencyId: r.agency.id, orgUnitId: r.orgUnitId, name: r.positionName! })),
      (w) => `${w.agencyId}|${w.orgUnitId}|${w.name}`,
    ),
  );
  const positionOf = new Map(positions.map((p) => [`${p.agencyId}|${p.orgUnitId}|${p.name}`, p.id]));
  const scopeIds = a.scope ? [...a.scope] : agencies.map((x) => x.id);
  let imported = 0;
  let updated = 0;
  let processed = rejected.length;
  for (let i = 0; i < rows.length; i += BATCH_SIZE) {
    const batch = rows.slice(i, i + BATCH_SIZE);
    const res = await db.transaction(async (tx) => {
      const before = await history.openAgenciesOfCodes(
        tx,
        batch.map((r) => ({ provinceCode: r.agency.provinceCode, code: r.code })),
      );
      const written = await repo.upsertOfficials(
        tx,
        batch.map((r) => ({
          code: r.code,
          provinceCode: r.agency.provinceCode,
          agencyId: r.agency.id,
          orgUnitId: r.orgUnitId,
          familyName: r.familyName,
          middleName: r.middleName,
          givenName: r.givenName,
          fullName: joinName(r),
          sortKey: vietnameseSortKey(r),
          dateOfBirth: r.dateOfBirth,
          gender: r.gender,
          ethnicity: r.ethnicity,
          category: r.category,
          positionId: r.positionName ? (positionOf.get(`${r.agency.id}|${r.orgUnitId}|${r.positionName}`) ?? null) : null,
          rank: r.rank,
          leadershipTitle: r.leadershipTitle,
          isPartyMember: r.isPartyMember,
          politicalTheory: r.politicalTheory,
          professionalDegree: r.professionalDegree,
          professionalField: r.professionalField,
          stateManagement: r.stateManagement,
          itLevel: r.itLevel,
          foreignLanguage: r.foreignLanguage,
          idNumber: r.idNumber,
          phone: r.phone,
          email: r.email,
          joinedAt: r.joinedAt,
        })),
        scopeIds,
      );
      await repo.syncAssignments(
        tx,
        written.map((w) => w.id),
        today,
      );
      await history.syncHistory(
        tx,
        written.map((w) => w.id),
        today,
      );
      // The touched agencies' aggregate rows, recounted from their officials: cheap and always exact.
      await history.refreshStats(tx, [...before, ...batch.map((r) => r.agency.id)]);
      const byAgency = new Map<string, { agency: repo.AgencyRef; created: string[]; updated: string[] }>();
      const writtenCodes = new Map(written.map((w) => [w.code, w]));
      for (const r of batch) {
        const w = writtenCodes.get(r.code);
        if (!w) continue;
        const entry = byAgency.get(r.agency.id) ?? { agency: r.agency, created: [], updated: [] };
        (w.inserted ? entry.created : entry.updated).push(r.code);
        byAgency.set(r.agency.id, entry);
      }
      for (const e of byAgency.values()) {
        await appendAudit(tx, {
          stream: agencyStream(e.agency.code),
          actor: a.actor,
          action: 'official.import',
          entityType: 'official_import',
          entityId: jobId ?? a.fileName,
          provinceCode: e.agency.provinceCode,
          data: { fileName: a.fileName, created: e.created, updated: e.updated },
        });
      }
      return written;
    });
    imported += res.filter((w) => w.inserted).length;
    updated += res.filter((w) => !w.inserted).length;
    const done = new Set(res.map((w) => w.code));
    for (const r of batch)
      if (!done.has(r.code)) rejected.push({ line: r.line, reason: `Mã cán bộ ${r.code} đã được dùng cho một người ngoài phạm vi quản lý.` });
    processed += batch.length;
    if (jobId) await repo.updateImportJob(db, jobId, { processed, imported, updated });
  }
  rejected.sort((x, y) => x.line - y.line);
  return { jobId, dryRun: false, total: raw.length, imported, updated, rejected };
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const m = new Map<string, T>();
  for (const i of items) if (!m.has(key(i))) m.set(key(i), i);
  return [...m.values()];
}
