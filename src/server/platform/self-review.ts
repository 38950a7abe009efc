/**
 * Nobody judges their own case. Every step that judges a person's record — reviewing a violation,
 * each step of a discipline case, resolving a complaint against its decision, rating, inspecting,
 * scoring (and the citizen cases to come) — calls `assertNotSelf` with the user account of the
 * official concerned and the accounts of those who filed the record. The official concerned is
 * the user linked to the official's row in the workforce register (`official.user_id`).
 */
import { AppError } from './errors.js';
import type { Principal } from './principal.js';

export type SelfReviewReason = 'official_concerned' | 'filer';

/** Whom a judging step is about: the official's user account and the accounts that filed the record. */
export interface ReviewSubject {
  officialUserId: string | null;
  filerIds?: readonly (string | null | undefined)[];
}

/** Why the caller may not judge this record, or null when he may (a token without a user is nobody's case). */
export function selfReviewReason(p: Pick<Principal, 'userId'>, s: ReviewSubject): SelfReviewReason | null {
  if (!p.userId) return null;
  if (s.officialUserId === p.userId) return 'official_concerned';
  if (s.filerIds?.includes(p.userId)) return 'filer';
  return null;
}

const MESSAGES: Record<SelfReviewReason, string> = {
  official_concerned: 'Không ai tự xem xét việc của mình: bạn là cán bộ được nói đến trong hồ sơ này nên không thể xem xét, quyết định bước này.',
  filer: 'Không ai tự xem xét việc của mình: bạn là người đã ghi nhận, phản ánh hồ sơ này nên không thể xem xét, quyết định bước này.',
};

/** 403 SELF_REVIEW (with `reason`) when the caller is the official concerned or one who filed the record. */
export function assertNotSelf(p: Pick<Principal, 'userId'>, s: ReviewSubject): void {
  const reason = selfReviewReason(p, s);
  if (reason) throw new AppError('SELF_REVIEW', MESSAGES[reason], { extra: { reason } });
}
