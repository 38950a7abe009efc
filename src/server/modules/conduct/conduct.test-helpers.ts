import { official } from '../../db/schema/index.js';
import { type Harness, uid } from '../../test/harness.js';
import { vietnameseSortKey } from '../workforce/index.js';

/** An official row for tests (the workforce register), optionally linked to a user account. */
export async function makeOfficial(
  h: Harness,
  agencyId: string,
  opts: { userId?: string; category?: string; leadershipTitle?: string; givenName?: string } = {},
): Promise<{ id: string }> {
  const name = { familyName: 'Trần', middleName: 'Thị', givenName: opts.givenName ?? `Thử${uid(2)}` };
  const [row] = await h.database.db
    .insert(official)
    .values({
      code: `T${uid(5)}`,
      provinceCode: '08',
      agencyId,
      ...name,
      fullName: `${name.familyName} ${name.middleName} ${name.givenName}`,
      sortKey: vietnameseSortKey(name),
      dateOfBirth: '1988-01-01',
      gender: 'nu',
      category: opts.category ?? 'cong_chuc',
      leadershipTitle: opts.leadershipTitle ?? null,
      userId: opts.userId ?? null,
    })
    .returning({ id: official.id });
  return row;
}
