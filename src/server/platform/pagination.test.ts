import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, login, makeAgencyTree, makeUser, startHarness } from '../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('tampered pagination cursors', () => {
  it('answer 400 naming the cursor, never 500', async () => {
    const tree = await makeAgencyTree(h);
    const admin = await login(h, (await makeUser(h, 'admin', tree.root.id)).username);
    const officer = await login(h, (await makeUser(h, 'processing_officer', tree.child.id)).username);
    for (const raw of [['x', 'y'], [1, 2], [1], 'not-an-array']) {
      const cursor = Buffer.from(JSON.stringify(raw)).toString('base64url');
      for (const [client, url] of [
        [admin, `/api/v1/admin/agencies?cursor=${cursor}`],
        [admin, `/api/v1/admin/users?cursor=${cursor}`],
        [officer, `/api/v1/dossiers?cursor=${cursor}`],
      ] as const) {
        const res = await client.request({ method: 'GET', url });
        expect(res.statusCode, `${url} ${JSON.stringify(raw)}`).toBe(400);
        expect(res.json().errors[0].field).toBe('cursor');
      }
    }
  });
});
