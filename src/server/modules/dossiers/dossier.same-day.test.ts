/**
 * Same-day procedures (issue 12 §1): due at the close of the receipt's working day; received at or
 * after the cut-off (15:00, Decree 61/2018 Art. 18, a rule value), at the close of the next one.
 * Worked examples on the built-in calendar (08:00–12:00, 13:00–17:00), then the same through the
 * database's calendar and an intake, on both databases.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/harness.js';
import { pdfText } from '../../test/pdf-tools.js';
import { computeSameDayDeadline } from '../calendar/index.js';
import { dossierDueDate } from './dossier.deadline.js';
import { ruleSetAt } from './dossier.rules.js';
import { makeWorld, receive, type World } from './dossiers.test-support.js';

const at = (local: string) => new Date(`${local}+07:00`);
const due = (from: string, pauses?: { from: string; to: string }[]) =>
  computeSameDayDeadline({ from: at(from), cutoff: '15:00', pauses: pauses?.map((p) => ({ from: at(p.from), to: at(p.to) })) });

describe('same-day deadline, worked examples (pure calendar)', () => {
  it('received Tuesday 09:10 → due 17:00 that day', () => {
    expect(due('2026-12-08T09:10')).toMatchObject({ due: at('2026-12-08T17:00'), isAfterCutoff: false });
  });
  it('received Tuesday 15:20 (after the cut-off) → due 17:00 on Wednesday', () => {
    expect(due('2026-12-08T15:20')).toMatchObject({ due: at('2026-12-09T17:00'), isAfterCutoff: true });
  });
  it('received at 15:00 sharp counts as after the cut-off; 14:59 does not', () => {
    expect(due('2026-12-08T15:00')).toMatchObject({ due: at('2026-12-09T17:00'), isAfterCutoff: true });
    expect(due('2026-12-08T14:59')).toMatchObject({ due: at('2026-12-08T17:00'), isAfterCutoff: false });
  });
  it('received Friday 15:30 → due Monday 17:00', () => {
    expect(due('2026-12-11T15:30')).toMatchObject({ due: at('2026-12-14T17:00'), isAfterCutoff: true });
  });
  it('a holiday in between: Wednesday 29/04/2026 15:30 → Monday 04/05 (30/04 and 01/05 are days off)', () => {
    expect(due('2026-04-29T15:30')).toMatchObject({ due: at('2026-05-04T17:00'), isAfterCutoff: true });
    expect(due('2026-04-29T10:00')).toMatchObject({ due: at('2026-04-29T17:00'), isAfterCutoff: false });
  });
  it('outside office hours the receipt counts from the next opening: Tuesday 18:00 or Saturday → the next working day, before the cut-off', () => {
    expect(due('2026-12-08T18:00')).toMatchObject({ due: at('2026-12-09T17:00'), isAfterCutoff: false });
    expect(due('2026-12-12T10:00')).toMatchObject({ due: at('2026-12-14T17:00'), isAfterCutoff: false });
    expect(due('2026-12-09T07:30')).toMatchObject({ due: at('2026-12-09T17:00'), isAfterCutoff: false });
  });
  it('a pause (waiting for a supplement) adds the office time it covers', () => {
    // Paused 10:00 Tuesday → 10:00 Wednesday: 8 office hours, so the close moves a working day.
    expect(due('2026-12-08T09:10', [{ from: '2026-12-08T10:00', to: '2026-12-09T10:00' }])).toMatchObject({ due: at('2026-12-09T17:00') });
  });
});

describe('same-day deadline through the database', () => {
  let h: Harness;
  let w: World;
  beforeAll(async () => {
    h = await startHarness();
    w = await makeWorld(h);
  }, 180_000);
  afterAll(() => h.close());

  it('reads the cut-off from the rule set in force, with its legal reference', async () => {
    const rule = ruleSetAt(at('2026-12-08T09:00')).sameDayCutoff;
    expect(rule.clock).toBe('15:00');
    expect(rule.legalReference).toContain('61/2018/NĐ-CP Điều 18');
    const before = await dossierDueDate(h.ctx, { from: at('2026-12-08T09:10'), amount: 1, unit: 'same_day', province: '08' });
    expect(before).toMatchObject({ due: at('2026-12-08T17:00'), sameDay: { cutoff: '15:00', isAfterCutoff: false, legalReference: rule.legalReference } });
    const after = await dossierDueDate(h.ctx, { from: at('2026-12-11T15:30'), amount: 1, unit: 'same_day', province: '08' });
    expect(after).toMatchObject({ due: at('2026-12-14T17:00'), sameDay: { isAfterCutoff: true } });
    expect(after.calendarVersion).toEqual(expect.any(String));
  });

  it('an intake of a same-day procedure is due at a close, and the receipt (Mẫu 01) says which day', async () => {
    await h.database.db.execute(sql`update procedure set limit_amount = '1', limit_unit = 'same_day' where code = ${w.feeProcedureCode}`);
    const code = await receive(h, w, w.feeProcedureCode);
    const d = (await w.counter.request({ method: 'GET', url: `/api/v1/dossiers/${code}` })).json();
    const expected = computeSameDayDeadline({ from: new Date(d.receivedAt), cutoff: '15:00' });
    expect(d.dueRule).toMatchObject({ unit: 'same_day', sameDay: { cutoff: '15:00', isAfterCutoff: expected.isAfterCutoff } });
    expect(new Date(d.dueAt).getTime()).toBe(expected.due.getTime());
    const text = (await pdfText((await w.counter.request({ method: 'GET', url: `/api/v1/dossiers/${code}/receipt.pdf` })).rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain(expected.isAfterCutoff ? 'Trong ngày (nhận sau 15 giờ)' : 'Trong ngày (nhận trước 15 giờ)');
    expect(text).not.toContain('8 giờ làm việc');
  });
});
