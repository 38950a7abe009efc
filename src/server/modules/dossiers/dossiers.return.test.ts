/** Returning the result: who collected it (the applicant, or an authorised person with CCCD and authorisation), and where it shows. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/harness.js';
import { pdfText } from '../../test/pdf-tools.js';
import { act, APPLICANT, makeWorld, receive, type World } from './dossiers.test-support.js';

let h: Harness;
let w: World;
beforeAll(async () => {
  h = await startHarness();
  w = await makeWorld(h);
}, 60_000);
afterAll(() => h.close());

/** A dossier whose result waits at the desk. */
async function resultReady(): Promise<string> {
  const code = await receive(h, w);
  await act(w.leader, code, 'assign', { assignee: w.officerId });
  await act(w.leader, code, 'forward', { to: w.leaderId });
  await act(w.leader, code, 'approve');
  expect((await act(w.officer, code, 'complete')).json()).toMatchObject({ status: 'result_ready' });
  return code;
}
const detail = async (code: string) => (await w.counter.request({ method: 'GET', url: `/api/v1/dossiers/${code}` })).json();
const AUTHORISED = {
  kind: 'authorised',
  fullName: '  Trần  Văn Hậu ',
  idNumber: '0081 9000 5678',
  authorisation: 'Giấy ủy quyền có chứng thực ngày 01/12/2026 (anh trai)',
};

describe('return: who collected the result', () => {
  it('records an authorised person with ID number and authorisation on the return step, the detail and the control sheet', async () => {
    const code = await resultReady();
    const res = await act(w.counter, code, 'return', { collector: AUTHORISED });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'returned' });
    const d = await detail(code);
    expect(d.collector).toEqual({
      kind: 'authorised',
      fullName: 'Trần Văn Hậu',
      idNumber: '008190005678',
      authorisation: 'Giấy ủy quyền có chứng thực ngày 01/12/2026 (anh trai)',
      at: d.closedAt,
    });
    // The applicant sees who collected his result too.
    expect((await w.officer.request({ method: 'GET', url: `/api/v1/dossiers/${code}` })).json().collector.fullName).toBe('Trần Văn Hậu');
    const [handoff] = await h.database.rows<{ note: string }>(
      sql`select h.note from dossier_handoff h join dossier d on d.id = h.dossier_id where d.code = ${code} and h.step = 'return'`,
    );
    expect(handoff.note).toBe('Trả kết quả cho người được ủy quyền: Trần Văn Hậu, CCCD 008190005678; Giấy ủy quyền có chứng thực ngày 01/12/2026 (anh trai)');
    const sheet = await w.counter.request({ method: 'GET', url: `/api/v1/dossiers/${code}/control-sheet.pdf` });
    expect(sheet.statusCode).toBe(200);
    const text = (await pdfText(sheet.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Nhận: Người được ủy quyền (Trần Văn Hậu, CCCD 008190005678)');
    // The audit chain records the kind, never the ID number; the public timeline shows neither.
    const [audit] = await h.database.rows<{ data: Record<string, unknown> }>(
      sql`select data from audit_event where entity_type = 'dossier' and entity_id = ${code} and action = 'dossier.return'`,
    );
    expect(audit.data).toMatchObject({ collectedBy: 'authorised' });
    expect(JSON.stringify(audit.data)).not.toContain('008190005678');
    const [pub] = await h.database.rows<{ timeline: string }>(sql`select public_timeline::text as timeline from dossier where code = ${code}`);
    expect(pub.timeline).not.toContain('Hậu');
  });

  it('records the applicant, as the dossier names him, when he collects it himself (and when the body says nothing)', async () => {
    for (const body of [{ collector: { kind: 'applicant' } }, {}]) {
      const code = await resultReady();
      expect((await act(w.counter, code, 'return', body)).statusCode).toBe(200);
      expect((await detail(code)).collector).toMatchObject({
        kind: 'applicant',
        fullName: APPLICANT.fullName,
        idNumber: APPLICANT.idNumber,
        authorisation: null,
      });
    }
  });

  it('refuses an ID number that is not 12 digits, naming the field in Vietnamese, and leaves the result waiting', async () => {
    const code = await resultReady();
    for (const idNumber of ['00819000567', '0081900056789', '00819000567A', '']) {
      const res = await act(w.counter, code, 'return', { collector: { ...AUTHORISED, idNumber } });
      expect(res.statusCode, idNumber).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json();
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.errors).toEqual([{ field: 'collector.idNumber', message: expect.stringMatching(/số CCCD .*12 chữ số/i) }]);
    }
    expect((await detail(code)).status).toBe('result_ready');
  });

  it('names every missing field of an authorised person at once', async () => {
    const code = await resultReady();
    const res = await act(w.counter, code, 'return', { collector: { kind: 'authorised', fullName: ' ', idNumber: '008190005678' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['collector.fullName', 'collector.authorisation']);
    expect(res.json().errors[1].message).toBe('Hãy nêu giấy ủy quyền hoặc quan hệ với người nộp hồ sơ.');
    const unknown = await act(w.counter, code, 'return', { collector: { kind: 'neighbour' } });
    expect(unknown.statusCode).toBe(400);
    expect((await detail(code)).collector).toBeNull();
  });
});
