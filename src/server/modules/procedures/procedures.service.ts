import type { Static } from 'typebox';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, searchTerm, toPage } from '../../platform/pagination.js';
import type { Principal } from '../../platform/principal.js';
import * as policy from './procedures.policy.js';
import { type CatalogProcedure, presentAdminSummary, presentDetail, presentSummary, toCatalogProcedure } from './procedures.presenter.js';
import * as repo from './procedures.repo.js';
import { templatesOf } from './templates.repo.js';
import type { ProcedureQuery, UpdateProcedure } from './procedures.schemas.js';
import { type ProcedureInput, resolveInput, writeDeactivation, writeNewProcedure, writeProcedureUpdate } from './procedures.write.js';

type P = Principal | null;
type ListArgs = Static<typeof ProcedureQuery>;

function afterKey(cursor: string | undefined): [string, string] | undefined {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  if (key.length !== 2 || typeof key[0] !== 'string' || typeof key[1] !== 'string' || !/^[0-9a-f-]{36}$/.test(key[1]))
    throw AppError.validation('cursor', 'Con trỏ phân trang không hợp lệ.');
  return [key[0], key[1]];
}

// ── Public catalog ─────────────────────────────────────────────────────────────────────────────
/** Active procedures; accent-insensitive on the name, prefix on the code; sorted by unaccented name. */
export async function listProcedures(ctx: AppContext, a: ListArgs) {
  const limit = a.limit ?? 20;
  const rows = await repo.listProcedures(ctx.db, { term: searchTerm(a.q), fieldCode: a.field, agencyCode: a.agency, after: afterKey(a.cursor), limit });
  return toPage(rows, limit, presentSummary, (r) => [r.sortKey, r.id]);
}

export async function getProcedure(ctx: AppContext, code: string, provinceCode?: string) {
  const row = await repo.findProcedureRow(ctx.db, code, provinceCode);
  if (!row || !row.isActive) throw AppError.notFound('Thủ tục hành chính');
  const docs = await repo.documentsOf(ctx.db, [row.id]);
  return presentDetail(
    row,
    docs,
    await repo.stepsOf(ctx.db, [row.id]),
    await templatesOf(
      ctx.db,
      docs.map((d) => d.id),
    ),
  );
}

export async function listFields(ctx: AppContext) {
  return { items: await repo.listFields(ctx.db) };
}

export async function listCatalogAgencies(ctx: AppContext) {
  return { items: await repo.listCatalogAgencies(ctx.db) };
}

/** For other modules (dossiers): the procedure with ids, its limit, documents, fees and steps. */
/**
 * Active procedures by province and code, as intake reads them on every dossier. Each use checks the
 * entry against the procedure's version (one primary-key read; every catalog edit, retirement
 * included, makes a new version), or leaves that check to the caller's statement (`unchecked`), so a
 * cached entry is never used stale; a miss reads the three tables.
 */
const catalogCache = new Map<string, CatalogProcedure>();
const CATALOG_CACHE_MAX = 5000;

export async function findProcedureByCode(
  db: DbOrTx,
  code: string,
  provinceCode?: string,
  opts: { unchecked?: boolean } = {},
): Promise<CatalogProcedure | undefined> {
  const key = provinceCode ? `${provinceCode}|${code}` : undefined;
  const hit = key ? catalogCache.get(key) : undefined;
  // Unchecked: the caller checks `id` and `version` in the statement that uses the entry.
  if (hit && (opts.unchecked || (await repo.activeVersion(db, hit.id)) === hit.version)) return hit;
  const row = await repo.findProcedureRow(db, code, provinceCode);
  if (!row) return undefined;
  const proc = toCatalogProcedure(row, await repo.documentsOf(db, [row.id]), await repo.stepsOf(db, [row.id]));
  if (key && proc.isActive) {
    if (catalogCache.size >= CATALOG_CACHE_MAX) catalogCache.clear();
    catalogCache.set(key, proc);
  }
  return proc;
}

/** For other modules: the provinces that have an active procedure `code`. */
export const provincesWithProcedure = (db: DbOrTx, code: string): Promise<string[]> => repo.provincesWithProcedure(db, code);

export async function findProcedureById(db: DbOrTx, id: string): Promise<CatalogProcedure | undefined> {
  const row = await repo.findProcedureRowById(db, id);
  if (!row) return undefined;
  return toCatalogProcedure(row, await repo.documentsOf(db, [row.id]), await repo.stepsOf(db, [row.id]));
}

// ── Administration ─────────────────────────────────────────────────────────────────────────────
export async function listAdminProcedures(ctx: AppContext, p: P, a: ListArgs) {
  const { agencyIds } = policy.procedureAdminScope(p);
  const limit = a.limit ?? 20;
  const rows = await repo.listProcedures(ctx.db, {
    scope: agencyIds,
    includeInactive: true,
    term: searchTerm(a.q),
    fieldCode: a.field,
    agencyCode: a.agency,
    after: afterKey(a.cursor),
    limit,
  });
  return toPage(rows, limit, presentAdminSummary, (r) => [r.sortKey, r.id]);
}

export async function createProcedure(ctx: AppContext, p: P, body: ProcedureInput) {
  const { principal, agencyIds } = policy.procedureAdminScope(p);
  const resolved = await resolveInput(ctx.db, body, agencyIds);
  return ctx.db.transaction((tx) => writeNewProcedure(tx, principal, resolved));
}

/** A procedure the admin manages, else 404 (another agency's procedure is not revealed). */
export async function procedureForAdmin(ctx: AppContext, p: P, code: string) {
  const row = await repo.findProcedureRow(ctx.db, code, undefined, policy.procedureAdminScope(p).agencyIds);
  if (!row) throw AppError.notFound('Thủ tục hành chính');
  return { row, principal: policy.requireProcedureAdmin(p, row.agencyId) };
}

export async function updateProcedure(ctx: AppContext, p: P, code: string, body: Static<typeof UpdateProcedure>) {
  const { row, principal } = await procedureForAdmin(ctx, p, code);
  const { version, ...rest } = body;
  if (version !== row.version)
    throw new AppError('VERSION_CONFLICT', `Thủ tục đang ở phiên bản ${row.version}, không phải ${version}; hãy tải lại.`, {
      errors: [{ field: 'version', message: 'stale version' }],
      extra: { currentVersion: row.version },
    });
  const resolved = await resolveInput(ctx.db, { ...rest, code: row.code }, policy.procedureAdminScope(p).agencyIds);
  return ctx.db.transaction((tx) => writeProcedureUpdate(tx, principal, row.id, version, resolved));
}

export async function deactivateProcedure(ctx: AppContext, p: P, code: string) {
  const { row, principal } = await procedureForAdmin(ctx, p, code);
  if (!row.isActive) throw new AppError('CONFLICT', 'Thủ tục đã ngừng áp dụng.');
  return ctx.db.transaction((tx) => writeDeactivation(tx, principal, row.id, row.version));
}

export async function listVersions(ctx: AppContext, p: P, code: string) {
  const { row } = await procedureForAdmin(ctx, p, code);
  const versions = await repo.versionsOf(ctx.db, row.id);
  return {
    items: versions.map((v) => ({ version: v.version, ruleVersion: v.ruleVersion, effectiveFrom: v.effectiveFrom, createdAt: v.createdAt.toISOString() })),
  };
}
