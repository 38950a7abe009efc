import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, login, makeAgencyTree, makeNationalAgency, makeUser, startHarness } from '../../test/harness.js';
import { officialYears } from './holidays.js';
import { computeDue } from './index.js';

let h: Harness;
let admin: Client;
let calendarAdmin: Client;
let childAdmin: Client;
let officer: Client;
beforeAll(async () => {
  h = await startHarness();
  const tree = await makeAgencyTree(h);
  admin = await login(h, (await makeUser(h, 'admin', tree.root.id)).username);
  calendarAdmin = await login(h, (await makeUser(h, 'calendar_admin', (await makeNationalAgency(h)).id)).username);
  childAdmin = await login(h, (await makeUser(h, 'admin', tree.child.id)).username);
  officer = await login(h, (await makeUser(h, 'processing_officer', tree.root.id)).username);
});
afterAll(() => h.close());

const get = (url: string) => h.app.inject({ method: 'GET', url });
const fieldOf = (res: { json(): { errors?: { field: string }[] } }) => res.json().errors?.[0]?.field;

/** A random Monday–Friday of June, July, October or November 2031–2099: far from any holiday, unique per run. */
function freeWeekday(): string {
  const months = [6, 7, 10, 11];
  const d = new Date(Date.UTC(2031 + Math.floor(Math.random() * 69), months[Math.floor(Math.random() * 4)] - 1, 3 + Math.floor(Math.random() * 20)));
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe('lunar and solar conversions (public)', () => {
  it('converts Tết Bính Ngọ both ways', async () => {
    const res = await get('/api/v1/calendar/lunar?date=2026-02-17');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ date: '2026-02-17', lunar: { day: 1, month: 1, year: 2026, leap: false }, yearName: 'Bính Ngọ' });
    expect((await get('/api/v1/calendar/solar?year=2026&month=1&day=1')).json()).toEqual({ date: '2026-02-17' });
    expect((await get('/api/v1/calendar/solar?year=2023&month=2&day=1&leap=true')).json()).toEqual({ date: '2023-03-22' });
  });

  it('names the field of a bad or nonexistent date', async () => {
    for (const [url, field] of [
      ['/api/v1/calendar/lunar?date=2026-02-30', 'querystring.date'],
      ['/api/v1/calendar/lunar?date=hôm-nay', 'querystring.date'],
      ['/api/v1/calendar/lunar', 'querystring.date'],
      ['/api/v1/calendar/solar?year=2026&month=1&day=1&leap=true', 'querystring.leap'],
      ['/api/v1/calendar/solar?year=2026&month=13&day=1', 'querystring.month'],
      ['/api/v1/calendar/solar?year=2026&month=12&day=30', 'querystring.day'],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fieldOf(res), url).toBe(field);
    }
  });
});

describe('holidays (public)', () => {
  it.each([2024, 2025, 2026])('%i equals the official schedule', async (year) => {
    const res = await get(`/api/v1/calendar/holidays?year=${year}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year, provisional: false });
    expect(body.days.map((d: { date: string; kind: string }) => `${d.date} ${d.kind}`)).toEqual(officialYears[year].days.map((d) => `${d.date} ${d.kind}`));
    for (const d of body.days) expect(Object.keys(d)).toEqual(expect.arrayContaining(['date', 'kind', 'name', 'source']));
  });

  it('Sunday 26/04/2026 gives Monday 27/04 off; Saturday 10/01/2026 is worked', async () => {
    const days: { date: string; kind: string }[] = (await get('/api/v1/calendar/holidays?year=2026')).json().days;
    expect(days).toContainEqual(expect.objectContaining({ date: '2026-04-27', kind: 'day_off' }));
    expect(days).toContainEqual(expect.objectContaining({ date: '2026-01-10', kind: 'working_day' }));
    expect(days.find((d) => d.date === '2026-04-26')).toBeUndefined();
  });

  it('a year without a decision is provisional; a bad year is named', async () => {
    expect((await get('/api/v1/calendar/holidays?year=2099')).json().provisional).toBe(true);
    const bad = await get('/api/v1/calendar/holidays?year=1800');
    expect(bad.statusCode).toBe(400);
    expect(fieldOf(bad)).toBe('querystring.year');
  });

  it('serves an RFC 5545 feed: CRLF, one VEVENT per day off, escaped and folded', async () => {
    const res = await get('/api/v1/calendar/holidays.ics?year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const text = res.body;
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const off = officialYears[2026].days.filter((d) => d.kind === 'day_off');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(off.length);
    expect(text).toContain('DTSTART;VALUE=DATE:20260427\r\n');
    expect(text).toContain('UID:2026-04-27-day-off@congvu.gov.vn\r\n');
    expect(text).toMatch(/DTSTAMP:\d{8}T\d{6}Z\r\n/);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:Ngày Chiến thắng (30/4)');
    expect(unfolded).toContain('Bộ luật Lao động 2019 (45/2019/QH14)\\, Điều 112');
    expect(unfolded).toMatch(/DESCRIPTION:[^\r]*\\;/);
  });

  it('a month carries lunar dates and marks days off and make-up days', async () => {
    const feb = (await get('/api/v1/calendar/month?year=2026&month=2')).json();
    expect(feb.days).toHaveLength(28);
    const tet = feb.days.find((d: { date: string }) => d.date === '2026-02-17');
    expect(tet).toMatchObject({ weekday: 2, isWorking: false, lunar: { day: 1, month: 1 }, holiday: { kind: 'day_off' } });
    const jan = (await get('/api/v1/calendar/month?year=2026&month=1')).json();
    expect(jan.days[9]).toMatchObject({ date: '2026-01-10', isWorking: true, holiday: { kind: 'working_day' } });
  });
});

describe('deadlines (public)', () => {
  it('received 20/11/2019 08:37 + 25 working days → 25/12/2019 08:37', async () => {
    const res = await get('/api/v1/calendar/deadline?from=2019-11-20T08:37:00%2B07:00&amount=25&unit=working_days');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().due).toBe('2019-12-25T08:37:00+07:00');
    expect(res.json().calendarVersion).toMatch(/^wc-2000-2100-[0-9a-f]{16}\.r\d+\.\d+$/);
    const utc = (await get('/api/v1/calendar/deadline?from=2019-11-20T01:37:00Z&amount=25&unit=working_days')).json();
    expect(utc.due).toBe('2019-12-25T08:37:00+07:00');
  });

  it('working hours and calendar days', async () => {
    expect((await get('/api/v1/calendar/deadline?from=2026-04-24T16:00:00%2B07:00&amount=2&unit=working_hours')).json().due).toBe('2026-04-28T09:00:00+07:00');
    expect((await get('/api/v1/calendar/deadline?from=2026-04-20T10:00:00%2B07:00&amount=5&unit=calendar_days')).json().due).toBe(
      '2026-04-28T23:59:59.999+07:00',
    );
  });

  it('names the bad parameter', async () => {
    for (const [qs, field] of [
      ['from=2019-11-20T08:37:00&amount=25&unit=working_days', 'querystring.from'],
      ['from=2019-02-30T08:37:00%2B07:00&amount=25&unit=working_days', 'querystring.from'],
      ['from=1990-01-02T08:00:00Z&amount=2&unit=working_days', 'querystring.from'],
      ['from=2019-11-20T08:37:00Z&amount=-1&unit=working_days', 'querystring.amount'],
      ['from=2019-11-20T08:37:00Z&amount=1.5&unit=working_days', 'querystring.amount'],
      ['from=2019-11-20T08:37:00Z&amount=abc&unit=working_days', 'querystring.amount'],
      ['from=2019-11-20T08:37:00Z&amount=3&unit=weeks', 'querystring.unit'],
      ['amount=3&unit=working_days', 'querystring.from'],
    ] as const) {
      const res = await get(`/api/v1/calendar/deadline?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(fieldOf(res), qs).toBe(field);
    }
  });
});

describe('the national calendar administrator edits a year', () => {
  it('adding a day off moves deadlines and the calendar version; removing it restores them; both audited', async () => {
    const date = freeWeekday();
    const year = Number(date.slice(0, 4));
    const from = `${date}T09:00:00+07:00`;
    const before = (await get(`/api/v1/calendar/deadline?from=${encodeURIComponent(from)}&amount=1&unit=working_days`)).json();

    const added = await calendarAdmin.request({
      method: 'POST',
      url: '/api/v1/calendar/overrides',
      payload: { date, kind: 'day_off', name: 'Nghỉ thử nghiệm, đột xuất', source: 'Quyết định 1/QĐ-TTg; thử nghiệm' },
    });
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json().id as string;
    const holidays = (await get(`/api/v1/calendar/holidays?year=${year}`)).json();
    expect(holidays.days).toContainEqual(expect.objectContaining({ date, kind: 'day_off', overrideId: id, source: 'Quyết định 1/QĐ-TTg; thử nghiệm' }));
    const after = (await get(`/api/v1/calendar/deadline?from=${encodeURIComponent(from)}&amount=1&unit=working_days`)).json();
    expect(after.calendarVersion).not.toBe(before.calendarVersion);
    expect(after.due > before.due).toBe(true);
    const viaIndex = await computeDue(h.ctx, { from: new Date(from), amount: 1, unit: 'working_days', province: null });
    expect(viaIndex.due.getTime()).toBe(new Date(after.due).getTime());
    const detail = (await get(`/api/v1/calendar/years/${year}`)).json();
    expect(detail.overrides).toContainEqual(expect.objectContaining({ id, date }));
    expect(detail.version).toBeGreaterThan(0);

    const dup = await calendarAdmin.request({
      method: 'POST',
      url: '/api/v1/calendar/overrides',
      payload: { date, kind: 'day_off', name: 'Trùng', source: 'x' },
    });
    expect(dup.statusCode).toBe(409);
    expect(fieldOf(dup)).toBe('date');

    expect((await calendarAdmin.request({ method: 'DELETE', url: `/api/v1/calendar/overrides/${id}` })).statusCode).toBe(204);
    expect((await calendarAdmin.request({ method: 'DELETE', url: `/api/v1/calendar/overrides/${id}` })).statusCode).toBe(404);
    const restored = (await get(`/api/v1/calendar/deadline?from=${encodeURIComponent(from)}&amount=1&unit=working_days`)).json();
    expect(restored.due).toBe(before.due);
    expect(restored.calendarVersion).not.toBe(after.calendarVersion);
    expect((await get(`/api/v1/calendar/holidays?year=${year}`)).json().days.map((d: { date: string }) => d.date)).not.toContain(date);

    const audit = await h.database.rows<{ action: string }>(
      sql`select action from audit_event where entity_type = 'calendar_override' and entity_id = ${id} order by occurred_at`,
    );
    expect(audit.map((a) => a.action)).toEqual(['calendar.override.add', 'calendar.override.remove']);
  });

  it('refuses an override without effect, naming the field', async () => {
    const res = await calendarAdmin.request({
      method: 'POST',
      url: '/api/v1/calendar/overrides',
      payload: { date: '2026-04-27', kind: 'day_off', name: 'x', source: 'y' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('CALENDAR_OVERRIDE_NO_EFFECT');
    expect(fieldOf(res)).toBe('kind');
    const bad = await calendarAdmin.request({
      method: 'POST',
      url: '/api/v1/calendar/overrides',
      payload: { date: '2031-02-30', kind: 'day_off', name: 'x', source: 'y' },
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldOf(bad)).toBe('date');
  });

  it('confirms a provisional year as official with its legal reference, audited', async () => {
    const year = 2031 + Math.floor(Math.random() * 69);
    const before = (await get(`/api/v1/calendar/years/${year}`)).json();
    const ref = `Thông báo ${Math.floor(Math.random() * 1e6)}/TB-VPCP về lịch nghỉ năm ${year}`;
    const res = await calendarAdmin.request({
      method: 'POST',
      url: `/api/v1/calendar/years/${year}/confirm`,
      payload: { legalReference: ref, expectedVersion: before.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year, status: 'official', legalReference: ref, version: before.version + 1 });
    expect((await get(`/api/v1/calendar/holidays?year=${year}`)).json()).toMatchObject({ provisional: false, legalReference: ref });
    const stale = await calendarAdmin.request({
      method: 'POST',
      url: `/api/v1/calendar/years/${year}/confirm`,
      payload: { legalReference: ref, expectedVersion: before.version },
    });
    expect(stale.statusCode).toBe(409);
    const audit = await h.database.rows<{ action: string }>(
      sql`select action from audit_event where entity_type = 'calendar_year' and entity_id = ${String(year)} and data->'after'->>'legalReference' = ${ref}`,
    );
    expect(audit).toEqual([{ action: 'calendar.year.confirm' }]);
  });

  it('refuses a province administrator (403), other staff (403) and anonymous callers (401)', async () => {
    const payload = { date: freeWeekday(), kind: 'day_off', name: 'x', source: 'y' };
    const tree = await makeAgencyTree(h);
    // the role held on a province's agency is no national role
    const provinceCalendarAdmin = await login(h, (await makeUser(h, 'calendar_admin', tree.root.id)).username);
    for (const client of [admin, officer, childAdmin, provinceCalendarAdmin]) {
      expect((await client.request({ method: 'POST', url: '/api/v1/calendar/overrides', payload })).statusCode).toBe(403);
      expect((await client.request({ method: 'POST', url: '/api/v1/calendar/years/2099/confirm', payload: { legalReference: 'x' } })).statusCode).toBe(403);
      expect((await client.request({ method: 'DELETE', url: '/api/v1/calendar/overrides/1' })).statusCode).toBe(403);
    }
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/calendar/overrides', payload })).statusCode).toBe(401);
  });
});

describe("a province's local days off", () => {
  const deadlineIn = async (province: string | null, from: string) =>
    (await get(`/api/v1/calendar/deadline?from=${encodeURIComponent(from)}&amount=1&unit=working_days${province ? `&province=${province}` : ''}`)).json() as {
      due: string;
      calendarVersion: string;
    };

  it("move that province's deadlines only; only its top-level administrator edits them, audited in its stream", async () => {
    const a = await makeAgencyTree(h, '92');
    const b = await makeAgencyTree(h, '96');
    const adminA = await login(h, (await makeUser(h, 'admin', a.root.id)).username);
    const adminB = await login(h, (await makeUser(h, 'admin', b.root.id)).username);
    const childAdminA = await login(h, (await makeUser(h, 'admin', a.child.id)).username);
    const date = freeWeekday();
    const from = `${date}T09:00:00+07:00`;
    const [beforeA, beforeB, beforeNational] = [await deadlineIn('92', from), await deadlineIn('96', from), await deadlineIn(null, from)];
    expect(beforeA.due).toBe(beforeNational.due);

    const payload = { date, name: 'Nghỉ phòng chống bão', source: 'Quyết định 1/QĐ-UBND; thử nghiệm' };
    for (const client of [adminB, childAdminA, calendarAdmin, officer]) {
      expect((await client.request({ method: 'POST', url: '/api/v1/calendar/provinces/92/days-off', payload })).statusCode).toBe(403);
    }
    const added = await adminA.request({ method: 'POST', url: '/api/v1/calendar/provinces/92/days-off', payload });
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json().id as string;
    expect(added.json()).toMatchObject({ provinceCode: '92', kind: 'day_off', date });

    const [afterA, afterB, afterNational] = [await deadlineIn('92', from), await deadlineIn('96', from), await deadlineIn(null, from)];
    expect(afterA.due > beforeA.due).toBe(true);
    expect(afterA.calendarVersion).not.toBe(beforeA.calendarVersion);
    expect(afterB).toEqual(beforeB);
    expect(afterNational).toEqual(beforeNational);
    const viaIndex = await computeDue(h.ctx, { from: new Date(from), amount: 1, unit: 'working_days', province: '92' });
    expect(viaIndex.due.getTime()).toBe(new Date(afterA.due).getTime());
    const year = Number(date.slice(0, 4));
    expect((await get(`/api/v1/calendar/holidays?year=${year}&province=92`)).json().days).toContainEqual(
      expect.objectContaining({ date, overrideId: id, provinceCode: '92' }),
    );
    expect((await get(`/api/v1/calendar/holidays?year=${year}&province=96`)).json().days.map((d: { date: string }) => d.date)).not.toContain(date);
    expect((await get(`/api/v1/calendar/years/${year}?province=92`)).json().overrides).toContainEqual(expect.objectContaining({ id, provinceCode: '92' }));

    // the national route neither sees nor removes a local day; another province's administrator cannot
    expect((await calendarAdmin.request({ method: 'DELETE', url: `/api/v1/calendar/overrides/${id}` })).statusCode).toBe(404);
    expect((await adminB.request({ method: 'DELETE', url: `/api/v1/calendar/provinces/96/days-off/${id}` })).statusCode).toBe(404);
    expect((await adminA.request({ method: 'DELETE', url: `/api/v1/calendar/provinces/92/days-off/${id}` })).statusCode).toBe(204);
    expect((await deadlineIn('92', from)).due).toBe(beforeA.due);

    const audit = await h.database.rows<{ action: string; stream: string }>(
      sql`select action, stream from audit_event where entity_type = 'calendar_override' and entity_id = ${id} order by seq`,
    );
    expect(audit).toEqual([
      { action: 'calendar.local_day_off.add', stream: `agency:${a.root.code}` },
      { action: 'calendar.local_day_off.remove', stream: `agency:${a.root.code}` },
    ]);
  });

  it('refuses a local day that is already a day off nationally', async () => {
    const a = await makeAgencyTree(h, '92');
    const adminA = await login(h, (await makeUser(h, 'admin', a.root.id)).username);
    const res = await adminA.request({
      method: 'POST',
      url: '/api/v1/calendar/provinces/92/days-off',
      payload: { date: '2026-09-02', name: 'x', source: 'y' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('CALENDAR_OVERRIDE_NO_EFFECT');
    expect(fieldOf(res)).toBe('date');
  });
});
