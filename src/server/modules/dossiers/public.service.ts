/**
 * The public side: lookup by code + the last four digits of the applicant's phone (or the signed
 * token of a printed document), the applicant's one rating, document verification, and the
 * satisfaction statistics for staff. A wrong check answers exactly like an unknown code.
 */
import type { AppContext } from '../../context.js';
import { verifyDocumentToken, FORM_NUMBER_BY_KIND } from '../../platform/doc-signing.js';
import { AppError } from '../../platform/errors.js';
import { safeEqual } from '../../platform/crypto.js';
import { classifyStepTiming } from './documents/index.js';
import { presentPublicJson } from './dossiers.presenter.js';
import * as policy from './dossiers.policy.js';
import * as repo from './dossiers.repo.js';
import type { P } from './dossiers.service.js';

const notFound = (): AppError => AppError.notFound('Hồ sơ');

type Check = { verify?: string; token?: string };

/** The last four digits of the phone or a valid document token for this code. */
function passes(ctx: AppContext, d: { code: string; phoneTail: string }, check: Check): boolean {
  if (check.verify && /^[0-9]{4}$/.test(check.verify) && safeEqual(check.verify, d.phoneTail)) return true;
  const claims = check.token ? verifyDocumentToken(ctx.config.secret, check.token) : null;
  return !!claims && claims.dossierCode === d.code;
}

/**
 * The dossier when the check matches; the same 404 otherwise (no enumeration). Wrong checks are
 * counted per code in the database, so rotating addresses does not multiply the guesses.
 */
async function verifiedDossier(ctx: AppContext, code: string, check: Check): Promise<repo.DossierRow> {
  const d = await repo.findDossierByCode(ctx.db, code);
  if (!d) throw notFound();
  if (!passes(ctx, d, check)) {
    await repo.recordLookupFailure(ctx.db, d.code);
    throw notFound();
  }
  if (await repo.isLookupLocked(ctx.db, d.code)) throw notFound();
  return d;
}

/** One prepared statement on the dossier row (names from a cache); checked, then presented as JSON text. */
export async function lookup(ctx: AppContext, code: string, q: Check) {
  const d = await repo.findPublicDossier(ctx.db, code);
  if (!d) throw notFound();
  if (!passes(ctx, d, q)) {
    await repo.recordLookupFailure(ctx.db, d.code);
    throw notFound();
  }
  // A code under attack answers 404 even to the right check, so guessing gains nothing.
  if (d.isLookupLocked) throw notFound();
  return presentPublicJson(d, await repo.publicNames(ctx.db, [d.procedureId, d.receivingAgencyId, d.competentAgencyId]));
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
    if (ok) await repo.insertEvent(tx, { dossierId: d.id, provinceCode: d.provinceCode, action: 'rate', fromStatus: d.status, toStatus: d.status, actorId: null, actorLabel: 'applicant', data: { satisfaction: body.satisfaction }, occurredAt: createdAt });
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
