import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobPosition } from '../db/schema/index.js';
import { type Harness, makeAgencyTree, startHarness } from '../test/harness.js';
import { AppError } from './errors.js';
import { orVersionConflict, updateVersioned, versionConflict } from './versioned.js';

describe('optimistic-version updates', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  const newPosition = async () => {
    const { root } = await makeAgencyTree(h);
    const [p] = await h.database.db.insert(jobPosition).values({ agencyId: root.id, name: 'Chuyên viên', quota: 3 }).returning();
    return p;
  };

  it('writes only while the row has the version read, and moves the version by one', async () => {
    const p = await newPosition();
    const won = await updateVersioned(h.ctx.db, jobPosition, p.id, 1, { quota: 4 });
    expect(won).toMatchObject({ id: p.id, quota: 4, version: 2 });
    // a second writer that read version 1 loses, and its change is not written
    expect(await updateVersioned(h.ctx.db, jobPosition, p.id, 1, { quota: 9 })).toBeUndefined();
    const [now] = await h.database.db.select().from(jobPosition).where(eq(jobPosition.id, p.id));
    expect(now).toMatchObject({ quota: 4, version: 2 });
  });

  it('takes an extra condition and chosen columns', async () => {
    const p = await newPosition();
    expect(await updateVersioned(h.ctx.db, jobPosition, p.id, 1, { quota: 5 }, { where: sql`${jobPosition.quota} > 10` })).toBeUndefined();
    expect(
      await updateVersioned<typeof jobPosition, { version: number }>(
        h.ctx.db,
        jobPosition,
        p.id,
        1,
        { quota: 5, updatedAt: sql`now()` },
        { columns: { version: jobPosition.version } },
      ),
    ).toEqual({ version: 2 });
  });

  it('turns a lost race into 409 VERSION_CONFLICT with the message given', () => {
    expect(orVersionConflict({ id: 'x' }, 'm')).toEqual({ id: 'x' });
    let caught: unknown;
    try {
      orVersionConflict(undefined, 'Hồ sơ vừa được người khác cập nhật; hãy tải lại.');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ code: 'VERSION_CONFLICT', status: 409, message: 'Hồ sơ vừa được người khác cập nhật; hãy tải lại.' });
    expect(versionConflict('m')).toMatchObject({ code: 'VERSION_CONFLICT', status: 409 });
  });
});
