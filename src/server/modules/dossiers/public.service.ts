/**
 * The public side: lookup by code + the check the province asks for (the last four digits of the
 * applicant's phone, or the receipt's 6-character check code) or the signed token of a printed
 * document, the applicant's one rating, document verification, and the satisfaction statistics for
 * staff. A wrong check answers exactly like an unknown code (docs/public-lookup.md).
 */
import type { AppContext } from '../../context.js';
import { verifyDocumentToken, FORM_NUMBER_BY_KIND } from '../../platform/doc-signing.js';
import { AppError } from '../../platform/errors.js';
import { safeEqual } from '../../platform/crypto.js';
import { agencyStream, appendAudit } from '../../platform/audit.js';
import { actorOf } from '../../platform/principal.js';
import { classifyStepTiming } from './documents/index.js';
import { presentPublicJson } from './dossiers.presenter.js';
import * as policy from './dossiers.policy.js';
import * as repo from './dossiers.repo.js';
import { DEFAULT_LOOKUP_CHECK, type LookupCheck, lookupCheckOf, provinceOfAgencyCode, saveLookupCheck } from './lookup.repo.js';
import type { P } from './dossiers.service.js';

const notFound = (): AppError => AppError.notFound('Hồ sơ');

type Check = { verify?: string; token?: string };

/** The receipt's check code as typed: case, spaces and dashes ignored; O read as 0, I and L as 1 (Crockford). */
function normalizeCheckCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
const CHECK_CODE = /^[0-9A-HJKMNP-TV-Z]{6}$/;

/** What an unknown code is compared with, so that it costs what a known one does. */
const NOBODY = { phoneTail: '\u0000'.repeat(4), checkCode: '\u0000'.repeat(6) };

/**
 * How the check passes, if it does: a valid document token of this code (`token`, which the lock
 * does not stop: it proves the paper is in hand), or the check the province asks for (`check`):
 * the receipt's check code, or, where the province has not chosen it, the phone's last four digits.
 */
function passes(ctx: AppContext, code: string, d: { phoneTail: string; checkCode: string }, check: LookupCheck, q: Check): 'token' | 'check' | null {
  const claims = q.token ? verifyDocumentToken(ctx.config.secret, q.token) : null;
  if (claims && claims.dossierCode === code) return 'token';
  const typed = q.verify ?? '';
  const byCode = normalizeCheckCode(typed);
  if (CHECK_CODE.test(byCode) && safeEqual(byCode, d.checkCode)) return 'check';
  if (check === 'phone_tail' && /^[0-9]{4}$/.test(typed) && safeEqual(typed, d.phoneTail)) return 'check';
  return null;
}

/**
 * The public gate of the lookup and the rating: the dossier's lookup row when the check passes;
 * otherwise the refusal is counted against the code and the same 404 goes out. An unknown code, a
 * wrong check and a locked code take this one path: one read, one write, one answer (no early
 * return that would tell a guesser which codes exist, by the answer or by its time). Wrong checks
 * are counted per code in the database, so rotating addresses does not multiply the guesses.
 */
async function gate(ctx: AppContext, code: string, q: Check): Promise<repo.PublicDossierRow> {
  const d = await repo.findPublicDossier(ctx.db, code);
  // Read from the desk in the code, for a known code as for an unknown one (both cached by desk and province).
  const { check } = await lookupCheckForCode(ctx, code);
  const via = passes(ctx, code, d ?? NOBODY, check, q);
  // A code under attack answers 404 even to the right check, so guessing gains nothing; the QR token passes.
  if (d && (via === 'token' || (via === 'check' && !d.isLookupLocked))) return d;
  await repo.recordLookupFailure(ctx.db, code);
  throw notFound();
}

/** One prepared statement on the dossier row (names and the desk's province's check from caches); checked, then presented as JSON text. */
export async function lookup(ctx: AppContext, code: string, q: Check) {
  const d = await gate(ctx, code, q);
  return presentPublicJson(d, await repo.publicNames(ctx.db, [d.procedureId, d.receivingAgencyId, d.competentAgencyId]));
}

/** The dossier, when the public check passes (for the rating). */
async function verifiedDossier(ctx: AppContext, code: string, check: Check): Promise<repo.DossierRow> {
  await gate(ctx, code, check);
  const d = await repo.findDossierByCode(ctx.db, code);
  if (!d) throw notFound();
  return d;
}

/**
 * Which check the lookup form asks for with this code: read from the desk in the code (public
 * data), never from the dossier, so it says nothing about whether the dossier exists.
 */
export async function lookupCheckForCode(ctx: AppContext, code: string): Promise<{ check: LookupCheck }> {
  const deskCode = code.replace(/-[0-9]{6}-[0-9]{4,6}$/, '');
  const provinceCode = await provinceOfAgencyCode(ctx.db, deskCode);
  return { check: provinceCode ? await lookupCheckOf(ctx.db, provinceCode) : DEFAULT_LOOKUP_CHECK };
}

/** The check a province's public lookup asks for, as its administrator sees it. */
export async function getLookupCheck(ctx: AppContext, p: P, provinceCode: string) {
  policy.requireProvinceAdmin(p, provinceCode);
  return { provinceCode, check: await lookupCheckOf(ctx.db, provinceCode) };
}

/** A province's administrator chooses the check its public lookup asks for (audited). */
export async function setLookupCheck(ctx: AppContext, p: P, provinceCode: string, check: LookupCheck) {
  const { principal, agencyCode } = policy.requireProvinceAdmin(p, provinceCode);
  await ctx.db.transaction(async (tx) => {
    await saveLookupCheck(tx, provinceCode, check, principal.userId);
    await appendAudit(tx, {
      stream: agencyStream(agencyCode),
      actor: actorOf(principal),
      action: 'province.lookup_check',
      entityType: 'province',
      entityId: provinceCode,
      provinceCode,
      data: { check },
    });
  });
  return { provinceCode, check };
}

const SCORE_BY_COUNT = (n: number): number => (n === 0 ? 2 : n === 1 ? 1 : 0);
const ATTITUDE_SCORE = { good: 2, acceptable: 1, poor: 0 } as const;

export interface RatingBody {
  verify?: string;
  token?: string;
  satisfaction: 'very_satisfied' | 'satisfied' | 'unsatisfied';
  timesReturned: number;
  bodiesContacted: number;
  attitude: keyof typeof ATTITUDE_SCORE;
  comment?: string;
}

/** Circular 01/2018 Art. 13: indicators 1 (total time), 3 (times back), 4 (bodies), 7 (attitude), scored 2/1/0. */
export async function rateDossier(ctx: AppContext, code: string, body: RatingBody) {
  const d = await verifiedDossier(ctx, code, body);
  if (d.status !== 'returned') throw AppError.rule('RATING_NOT_OPEN', 'Chỉ đánh giá được sau khi đã trả kết quả.');
  const timing = d.closedAt && d.dueAt ? classifyStepTiming(d.closedAt, d.dueAt) : 'on_time';
  const scores = {
    totalTime: timing === 'early' ? 2 : timing === 'on_time' ? 1 : 0,
    timesReturned: SCORE_BY_COUNT(body.timesReturned),
    bodiesContacted: SCORE_BY_COUNT(body.bodiesContacted),
    attitude: ATTITUDE_SCORE[body.attitude],
  };
  const officerIds = await repo.handlersOf(ctx.db, d.id);
  const createdAt = new Date();
  const inserted = await ctx.db.transaction(async (tx) => {
    const ok = await repo.insertRating(tx, {
      dossierId: d.id,
      provinceCode: d.provinceCode,
      procedureId: d.procedureId,
      receivingAgencyId: d.receivingAgencyId,
      competentAgencyId: d.competentAgencyId,
      officerIds,
      satisfaction: body.satisfaction,
      timesReturned: body.timesReturned,
      bodiesContacted: body.bodiesContacted,
      attitude: body.attitude,
      scores,
      comment: body.comment?.normalize('NFC').trim() || null,
      createdAt,
    });
    if (ok)
      await repo.insertEvent(tx, {
        dossierId: d.id,
        provinceCode: d.provinceCode,
        action: 'rate',
        fromStatus: d.status,
        toStatus: d.status,
        actorId: null,
        actorLabel: 'applicant',
        data: { satisfaction: body.satisfaction },
        occurredAt: createdAt,
      });
    return ok;
  });
  if (!inserted) throw new AppError('ALREADY_RATED', 'Hồ sơ này đã được đánh giá.', { status: 409 });
  return { code: d.code, satisfaction: body.satisfaction, scores, createdAt: createdAt.toISOString() };
}

export async function satisfactionStats(ctx: AppContext, p: P, by: repo.StatsDimension) {
  const { agencyIds } = policy.requireStaff(p, [...policy.WORK_ROLES, 'inspector']);
  const rows = await repo.satisfactionStats(ctx.db, by, agencyIds);
  return {
    by,
    items: rows.map((r) => {
      const total = Number(r.total);
      const satisfied = Number(r.satisfied);
      return { key: r.key, label: r.label, total, satisfied, rate: total ? Math.round((satisfied / total) * 1000) / 10 : 0 };
    }),
  };
}

/** Verification of a printed document's code: a forged or altered token is not valid. */
export async function verifyDocument(ctx: AppContext, token: string) {
  const claims = verifyDocumentToken(ctx.config.secret, token);
  if (!claims) return { valid: false };
  const d = await repo.findDossierByCode(ctx.db, claims.dossierCode);
  if (!d) return { valid: false };
  return {
    valid: true,
    kind: claims.kind,
    formNo: FORM_NUMBER_BY_KIND[claims.kind],
    dossierCode: claims.dossierCode,
    issuedAt: claims.issuedAt.toISOString(),
    dueAt: claims.dueAt?.toISOString() ?? null,
    status: d.status,
  };
}
