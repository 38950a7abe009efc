import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { assertNotSelf, selfReviewReason } from './self-review.js';

describe('nobody judges their own case', () => {
  const official = '11111111-1111-4111-8111-111111111111';
  const filer = '22222222-2222-4222-8222-222222222222';
  const other = '33333333-3333-4333-8333-333333333333';

  it('names the official concerned first, then the filer; anyone else and a token without a user may judge', () => {
    expect(selfReviewReason({ userId: official }, { officialUserId: official, filerIds: [official] })).toBe('official_concerned');
    expect(selfReviewReason({ userId: filer }, { officialUserId: official, filerIds: [null, filer] })).toBe('filer');
    expect(selfReviewReason({ userId: other }, { officialUserId: official, filerIds: [filer] })).toBeNull();
    expect(selfReviewReason({ userId: null }, { officialUserId: null, filerIds: [null] })).toBeNull();
    expect(selfReviewReason({ userId: other }, { officialUserId: null })).toBeNull(); // a record not linked to an account
  });

  it('refuses with 403 SELF_REVIEW and the reason in the problem body', () => {
    const thrown = (() => {
      try {
        assertNotSelf({ userId: filer }, { officialUserId: official, filerIds: [filer] });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'SELF_REVIEW', status: 403, extra: { reason: 'filer' } });
    expect(() => assertNotSelf({ userId: other }, { officialUserId: official, filerIds: [filer] })).not.toThrow();
  });
});
