/**
 * The public lookup's settings: the check each province asks for, and the province of a desk.
 * Both are kept a minute in process (as the names of `publicNames`), so the hot lookup stays one
 * statement: a province's new choice reaches the other servers within a minute.
 */
import { type DbOrTx, queryPrepared } from '../../db/client.js';
import { provinceLookupSetting } from '../../db/schema/index.js';

export const LOOKUP_CHECKS = ['phone_tail', 'check_code'] as const;
export type LookupCheck = (typeof LOOKUP_CHECKS)[number];
export const DEFAULT_LOOKUP_CHECK: LookupCheck = 'phone_tail';

const TTL_MS = 60_000;
const checkCache = new Map<string, { check: LookupCheck; until: number }>();
const deskProvinceCache = new Map<string, { provinceCode: string | null; until: number }>();

const asCheck = (v: string | undefined): LookupCheck => (v === 'check_code' ? 'check_code' : DEFAULT_LOOKUP_CHECK);

/** The check the province asks for (a minute's cache; no row → the phone's last four digits). */
export async function lookupCheckOf(db: DbOrTx, provinceCode: string): Promise<LookupCheck> {
  const now = Date.now();
  const hit = checkCache.get(provinceCode);
  if (hit && hit.until > now) return hit.check;
  const [row] = await queryPrepared<{ lookup_check: string }>(db, 'select lookup_check from province_lookup_setting where province_code = $1::text', [
    provinceCode,
  ]);
  const check = asCheck(row?.lookup_check);
  if (checkCache.size > 1000) checkCache.clear();
  checkCache.set(provinceCode, { check, until: now + TTL_MS });
  return check;
}

/** The province of an agency by its code, or null (a minute's cache, unknown codes included). */
export async function provinceOfAgencyCode(db: DbOrTx, agencyCode: string): Promise<string | null> {
  const now = Date.now();
  const hit = deskProvinceCache.get(agencyCode);
  if (hit && hit.until > now) return hit.provinceCode;
  const [row] = await queryPrepared<{ province_code: string }>(db, 'select province_code from agency where code = $1::text', [agencyCode]);
  if (deskProvinceCache.size > 20_000) deskProvinceCache.clear();
  deskProvinceCache.set(agencyCode, { provinceCode: row?.province_code ?? null, until: now + TTL_MS });
  return row?.province_code ?? null;
}

/** Set a province's check; this server forgets its cached value at once. */
export async function saveLookupCheck(tx: DbOrTx, provinceCode: string, check: LookupCheck, userId: string | null): Promise<void> {
  await tx
    .insert(provinceLookupSetting)
    .values({ provinceCode, lookupCheck: check, updatedBy: userId })
    .onConflictDoUpdate({ target: provinceLookupSetting.provinceCode, set: { lookupCheck: check, updatedBy: userId, updatedAt: new Date() } });
  checkCache.delete(provinceCode);
}
