import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalStorage } from '../../platform/storage.js';
import { type Client, type Harness, login, makeAgencyTree, makeUser, startHarness, type TestAgency, uid } from '../../test/harness.js';
import { makeOfficial } from './conduct.test-helpers.js';
import { PHOTO_MAX_BYTES } from './finding-photos.service.js';
import { seedConductReference } from './index.js';

let h: Harness;
let mine: { root: TestAgency; child: TestAgency };
let theirs: { root: TestAgency; child: TestAgency };
let thanhtra: Client, noivu: Client, lanhdao: Client, canbo: Client, other: Client, theirInspector: Client, theirNoivu: Client;
let officialId: string;
let officialCode: string;

beforeAll(async () => {
  h = await startHarness({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'congvu-conduct-')) });
  await seedConductReference(h.database.db);
  mine = await makeAgencyTree(h);
  theirs = await makeAgencyTree(h);
  thanhtra = await login(h, (await makeUser(h, 'inspector', mine.root.id)).username);
  noivu = await login(h, (await makeUser(h, 'home_affairs', mine.root.id)).username);
  lanhdao = await login(h, (await makeUser(h, 'leader', mine.child.id)).username);
  const u = await makeUser(h, 'processing_officer', mine.child.id);
  canbo = await login(h, u.username);
  const o = await makeOfficial(h, mine.child.id, { userId: u.id });
  officialId = o.id;
  officialCode = (await h.database.rows<{ code: string }>(sql`select code from official where id = ${o.id}`))[0].code;
  other = await login(h, (await makeUser(h, 'processing_officer', mine.child.id)).username);
  theirInspector = await login(h, (await makeUser(h, 'inspector', theirs.root.id)).username);
  theirNoivu = await login(h, (await makeUser(h, 'home_affairs', theirs.root.id)).username);
});
afterAll(() => h.close());

const post = (c: Client, url: string, payload: object) => c.request({ method: 'POST', url: `/api/v1/conduct${url}`, payload });
const get = (c: Client, url: string) => c.request({ method: 'GET', url: `/api/v1/conduct${url}` });

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`IHDR fake png ${uid()}`)]);
const PDF = Buffer.from(`%PDF-1.7\n% not a photo ${uid()}\n`);

function multipart(filename: string, content: Buffer, contentType = 'image/jpeg') {
  const boundary = `----congvu${uid()}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (c: Client, findingId: string, filename: string, content: Buffer, type?: string) =>
  c.request({ method: 'POST', url: `/api/v1/conduct/findings/${findingId}/photos`, ...multipart(filename, content, type) });

async function newFinding(isCompliant: boolean): Promise<{ id: string; violationId: string | null }> {
  const ins = await post(thanhtra, '/inspections', { agencyCode: mine.child.code, kind: 'planned', inspectedAt: new Date().toISOString() });
  expect(ins.statusCode, ins.body).toBe(201);
  const f = await post(thanhtra, `/inspections/${ins.json().id}/findings`, { officialId, checklistItem: 'attire', isCompliant, note: 'Trang phục' });
  expect(f.statusCode, f.body).toBe(201);
  return f.json();
}

describe('finding photos', () => {
  it('accepts a PNG by its content, streams it back to those who may see the finding, and audits it', async () => {
    const f = await newFinding(false);
    const res = await upload(thanhtra, f.id, 'anh-the.png', PNG, 'image/png');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().photos).toEqual([
      expect.objectContaining({ n: 1, contentType: 'image/png', size: PNG.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);
    // Home Affairs may add one too; the same picture twice is kept once
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`jfif ${uid()}`)]);
    expect((await upload(noivu, f.id, 'x.bin', jpeg, 'application/octet-stream')).json().photos).toHaveLength(2);
    expect((await upload(noivu, f.id, 'again.png', PNG)).json().photos).toHaveLength(2);

    for (const reader of [thanhtra, noivu, lanhdao, canbo]) {
      const back = await get(reader, `/findings/${f.id}/photos/1`);
      expect(back.statusCode).toBe(200);
      expect(back.headers['content-type']).toBe('image/png');
      expect(back.rawPayload.equals(PNG)).toBe(true);
    }
    expect((await get(canbo, `/findings/${f.id}/photos/2`)).headers['content-type']).toBe('image/jpeg');
    expect((await get(canbo, `/findings/${f.id}/photos/3`)).statusCode).toBe(404);
    expect((await get(other, `/findings/${f.id}/photos/1`)).statusCode).toBe(404);
    // the official may see it but not add to it
    expect((await upload(canbo, f.id, 'me.png', PNG)).statusCode).toBe(403);

    // the violation the finding reported points at its photos
    const v = (await get(canbo, `/violations/${f.violationId}`)).json();
    expect(v.evidence).toMatchObject({ findingId: f.id, findingPhotos: 2 });
    const inspection = (await get(thanhtra, '/inspections')).json().items[0];
    expect((await get(thanhtra, `/inspections/${inspection.id}`)).json().findings[0].photos).toHaveLength(2);

    const [audit] = await h.database.rows<{ n: string }>(
      sql`select count(*) as n from audit_event where entity_id = ${f.id} and action = 'conduct.inspection.finding_photo'`,
    );
    expect(Number(audit.n)).toBe(2);
  });

  it('refuses a .jpg name with PDF bytes (415), a photo over the limit (413) and a non-multipart request', async () => {
    const f = await newFinding(true);
    const pdf = await upload(thanhtra, f.id, 'anh.jpg', PDF, 'image/jpeg');
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = await upload(thanhtra, f.id, 'big.png', Buffer.concat([PNG, Buffer.alloc(PHOTO_MAX_BYTES)]), 'image/png');
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', maxBytes: PHOTO_MAX_BYTES, errors: [{ field: 'file' }] });
    const json = await post(thanhtra, `/findings/${f.id}/photos`, { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect((await get(thanhtra, `/inspections/${(await get(thanhtra, '/inspections')).json().items[0].id}`)).json().findings[0].photos).toEqual([]);
  });

  it('a photo whose transaction fails leaves no file behind; the retry keeps it', async () => {
    const f = await newFinding(false);
    const photo = Buffer.concat([PNG, Buffer.from(uid(8))]);
    const key = `${createHash('sha256').update(photo).digest('hex')}.png`;
    const files = createLocalStorage({ dataDir: h.config.dataDir });
    const name = `h6_fail_${uid(4).toLowerCase()}`;
    await h.database.exec(`
      create function ${name}() returns trigger language plpgsql as $$ begin raise exception 'forced failure for the test'; end $$;
      create trigger ${name} before update on inspection_finding for each row when (new.id = '${f.id}') execute function ${name}();`);
    try {
      expect((await upload(thanhtra, f.id, 'a.png', photo, 'image/png')).statusCode).toBe(500);
    } finally {
      await h.database.exec(`drop trigger ${name} on inspection_finding; drop function ${name}();`);
    }
    expect(await files.exists(key)).toBe(false);
    expect(fs.existsSync(files.stagingDir) ? fs.readdirSync(files.stagingDir).filter((x) => x.endsWith(key)) : []).toEqual([]);
    expect((await upload(thanhtra, f.id, 'a.png', photo, 'image/png')).statusCode).toBe(201);
    expect(await files.exists(key)).toBe(true);
  });

  it('another agency gets 404, for upload and for viewing', async () => {
    const f = await newFinding(false);
    expect((await upload(thanhtra, f.id, 'a.png', PNG)).statusCode).toBe(201);
    const up = await upload(theirInspector, f.id, 'a.png', PNG);
    expect(up.statusCode).toBe(404);
    expect(up.json().code).toBe('NOT_FOUND');
    expect((await get(theirInspector, `/findings/${f.id}/photos/1`)).statusCode).toBe(404);
    expect((await get(theirNoivu, `/findings/${f.id}/photos/1`)).statusCode).toBe(404);
  });
});

describe('attendance report', () => {
  it('counts late arrivals, early departures and absences per official against office hours and the calendar', async () => {
    const csv = [
      'ma_can_bo,ngay,gio_vao,gio_ra',
      `${officialCode},2025-03-03,08:10,17:00`,
      `${officialCode},04/03/2025,08:00,16:30`,
      `${officialCode},2025-03-05,,`,
      `${officialCode},2025-03-08,08:00,17:00`,
      `${officialCode},2025-03-06,8h,17:00`,
      `KHONGCO,2025-03-06,08:00,17:00`,
    ].join('\n');
    const imported = await post(noivu, '/attendance/import', { agencyCode: mine.root.code, csv });
    expect(imported.json()).toMatchObject({ imported: 3, skippedNonWorkingDays: 1, rejected: [{ line: 6 }, { line: 7 }] });

    const res = await get(lanhdao, `/attendance/report?agencyCode=${mine.child.code}&month=2025-03`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.workingDays).toBe(21); // March 2025: weekdays, no public holiday
    const line = report.items.find((i: { officialId: string }) => i.officialId === officialId);
    expect(line).toMatchObject({
      present: 2,
      late: 1,
      lateMinutes: 10,
      early: 1,
      earlyMinutes: 30,
      absent: 19,
      unrecorded: 18,
      lateDates: ['2025-03-03'],
      earlyDates: ['2025-03-04'],
    });
    expect(line.absentDates).toContain('2025-03-05');

    expect((await get(theirNoivu, `/attendance/report?agencyCode=${mine.child.code}&month=2025-03`)).statusCode).toBe(404);
    expect((await get(canbo, `/attendance/report?agencyCode=${mine.child.code}&month=2025-03`)).statusCode).toBe(403);
    expect((await get(noivu, `/attendance/report?agencyCode=${mine.child.code}&month=2099-01`)).statusCode).toBe(400);
  });

  it('an official sees his own month and whether today is a working day', async () => {
    const mine_ = (await get(canbo, '/my/attendance?month=2025-03')).json();
    expect(mine_.official.id).toBe(officialId);
    expect(typeof mine_.isWorkingDay).toBe('boolean');
    expect(mine_.items.map((i: { workDate: string }) => i.workDate)).toEqual(['2025-03-03', '2025-03-04', '2025-03-05']);
    expect((await get(theirInspector, '/my/attendance')).json()).toMatchObject({ official: null, items: [] });
  });
});
