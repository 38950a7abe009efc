import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, makeAgencyTree, makeUser, startHarness } from '../../test/harness.js';
import { org } from './index.js';

describe('org query API (what other modules may ask of org)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('finds agencies by code and id, and walks the tree both ways', async () => {
    const { root, child } = await makeAgencyTree(h, '01');
    const db = h.ctx.db;
    expect(await org.findAgencyByCode(db, child.code)).toMatchObject({ id: child.id, code: child.code, provinceCode: '01', parentId: root.id });
    expect((await org.findAgencyById(db, root.id))?.parentId).toBeNull();
    expect(await org.findAgencyByCode(db, 'KHONG.CO')).toBeUndefined();
    expect((await org.subtreeIds(db, root.id)).sort()).toEqual([root.id, child.id].sort());
    expect(await org.subtreeIds(db, child.id)).toEqual([child.id]);
    expect(await org.ancestorIds(db, child.id)).toEqual([child.id, root.id]);
    expect((await org.agenciesByIds(db, [child.id, root.id])).map((a) => a.code)).toEqual([root.code, child.code].sort());
    expect(await org.agenciesByIds(db, [])).toEqual([]);
  });

  it('finds users by id and by user name (any case), and who holds a role in an agency', async () => {
    const { root, child } = await makeAgencyTree(h, '01');
    const leader = await makeUser(h, 'leader', root.id);
    await makeUser(h, 'processing_officer', root.id);
    await makeUser(h, 'leader', child.id);
    const db = h.ctx.db;
    expect(await org.findUser(db, leader.id)).toMatchObject({ id: leader.id, username: leader.username });
    expect((await org.findUserByUsername(db, leader.username.toUpperCase()))?.id).toBe(leader.id);
    expect((await org.usersWithRole(db, root.id, ['leader'])).map((u) => u.id)).toEqual([leader.id]);
    expect(await org.rolesOfUser(db, leader.id)).toEqual([{ role: 'leader', agencyId: root.id }]);
  });
});
