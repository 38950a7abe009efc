import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, login, makeAgencyTree, makeUser, startHarness, type TestAgency, uid } from '../../test/harness.js';
import { lyingBomb, zerosBomb } from '../../test/zip-fixtures.js';
import { DEMO_FIELDS, DEMO_PROCEDURES, findProcedureByCode } from './index.js';
import { MAX_IMPORT_BYTES } from './procedures.import.js';
import { checkBudgets } from './procedures.write.js';

let h: Harness;
let tree: { root: TestAgency; child: TestAgency };
let admin: Client;
beforeAll(async () => {
  h = await startHarness();
  tree = await makeAgencyTree(h);
  admin = await login(h, (await makeUser(h, 'admin', tree.root.id)).username);
});
afterAll(() => h.close());

const newCode = () => `1.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}.T${uid(3)}`;
function procedureBody(agencyCode: string, over: Record<string, unknown> = {}) {
  return {
    code: newCode(),
    name: 'Đăng ký khai sinh',
    fieldCode: 'HO_TICH',
    agencyCode,
    onlineLevel: 'full',
    timeLimit: { amount: 3, unit: 'working_days' },
    fees: [{ name: 'Lệ phí', amount: 15000, note: null }],
    resultType: 'both',
    legalBasis: 'Luật Hộ tịch 2014',
    ruleVersion: '2025.1',
    effectiveFrom: '2025-07-01',
    documents: [
      { name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 },
      { name: 'Giấy chứng sinh', originals: 1, copies: 0, isRequired: true },
    ],
    steps: [
      { code: 'receive', name: 'Tiếp nhận', handlingAgency: 'receiving', budget: 0.5 },
      { code: 'appraise', name: 'Thẩm định', handlingAgency: 'competent', budget: 2 },
      { code: 'return', name: 'Trả kết quả', handlingAgency: 'receiving', budget: 0.5 },
    ],
    ...over,
  };
}

async function create(client: Client, body: ReturnType<typeof procedureBody>) {
  const res = await client.request({ method: 'POST', url: '/api/v1/procedures', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function multipart(filename: string, content: Buffer | string) {
  const boundary = `----congvu${uid()}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('public catalog', () => {
  it('finds a procedure without accents and by code prefix, with no sign-in', async () => {
    const tag = uid(3);
    const p = await create(admin, procedureBody(tree.child.code, { name: `Đăng ký khai sinh lưu động ${tag}` }));
    const byName = await h.app.inject({ method: 'GET', url: `/api/v1/procedures?q=${encodeURIComponent(`dang ky khai sinh luu dong ${tag.toLowerCase()}`)}` });
    expect(byName.statusCode).toBe(200);
    expect(byName.json().items).toEqual([
      expect.objectContaining({
        code: p.code,
        agencyCode: tree.child.code,
        field: 'HO_TICH',
        onlineLevel: 'full',
        timeLimit: { amount: 3, unit: 'working_days' },
        fee: 15000,
      }),
    ]);
    const byCode = (await h.app.inject({ method: 'GET', url: `/api/v1/procedures?q=${p.code.slice(0, p.code.length - 2)}` })).json();
    expect(byCode.items.map((i: { code: string }) => i.code)).toContain(p.code);
    const byAgency = (await h.app.inject({ method: 'GET', url: `/api/v1/procedures?agency=${tree.child.code}&field=HO_TICH&limit=100` })).json();
    expect(byAgency.items.map((i: { code: string }) => i.code)).toContain(p.code);
    const fields = (await h.app.inject({ method: 'GET', url: '/api/v1/procedure-fields' })).json();
    expect(fields.items).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'HO_TICH', name: 'Hộ tịch' })]));
    const agencies = (await h.app.inject({ method: 'GET', url: '/api/v1/procedure-agencies' })).json();
    expect(agencies.items).toEqual(expect.arrayContaining([expect.objectContaining({ code: tree.child.code })]));
  });

  it('paginates by unaccented name with a keyset cursor, without overlap', async () => {
    const tag = uid(3);
    // Đ sorts with D (unaccented), not after Z; equal unaccented names tie-break by id only
    for (const n of ['Ê', 'A', 'Đ', 'B', 'C']) await create(admin, procedureBody(tree.child.code, { name: `Phân trang ${tag} ${n}` }));
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const res = await h.app.inject({ method: 'GET', url: `/api/v1/procedures?q=phan%20trang%20${tag}&limit=2${cursor ? `&cursor=${cursor}` : ''}` });
      const page = res.json() as { items: { name: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.name.slice(-1)));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(['A', 'B', 'C', 'Đ', 'Ê']);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/procedures?cursor=WyJ4Il0' })).statusCode).toBe(400);
  });

  it('shows the detail with documents, steps, fees and legal basis; a deactivated one is gone', async () => {
    const p = await create(admin, procedureBody(tree.child.code));
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/procedures/${p.code}` });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({
      code: p.code,
      legalBasis: 'Luật Hộ tịch 2014',
      resultType: 'both',
      version: 1,
      fees: [{ name: 'Lệ phí', amount: 15000, note: null }],
    });
    expect(d.documents.map((x: { name: string; originals: number }) => [x.name, x.originals])).toEqual([
      ['Tờ khai đăng ký khai sinh', 1],
      ['Giấy chứng sinh', 1],
    ]);
    expect(d.steps.map((s: { code: string; budget: number }) => [s.code, s.budget])).toEqual([
      ['receive', 0.5],
      ['appraise', 2],
      ['return', 0.5],
    ]);
    const off = await admin.request({ method: 'POST', url: `/api/v1/procedures/${p.code}/deactivate` });
    expect(off.statusCode, off.body).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/procedures/${p.code}` })).statusCode).toBe(404);
    const audit = await h.database.rows<{ action: string }>(
      sql`select action from audit_event where stream = ${`agency:${tree.child.code}`} and entity_id = ${d.id ?? (await findProcedureByCode(h.database.db, p.code))!.id} order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['procedure.create', 'procedure.deactivate']);
  });

  it('exposes the procedure to other modules with ids', async () => {
    const p = await create(admin, procedureBody(tree.child.code));
    const found = await findProcedureByCode(h.database.db, p.code);
    expect(found).toMatchObject({
      code: p.code,
      agencyId: tree.child.id,
      agencyCode: tree.child.code,
      timeLimit: { amount: 3, unit: 'working_days' },
      ruleVersion: '2025.1',
      version: 1,
      isActive: true,
    });
    expect(found!.documents[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(found!.steps.map((s) => s.handlingAgencyKind)).toEqual(['receiving', 'competent', 'receiving']);
    expect(await findProcedureByCode(h.database.db, '9.999999.NONE')).toBeUndefined();
  });
});

describe('administration', () => {
  it('refuses step budgets that do not add up to the time limit (422, naming the field)', async () => {
    const body = procedureBody(tree.child.code);
    body.steps[1].budget = 5;
    const res = await admin.request({ method: 'POST', url: '/api/v1/procedures', payload: body });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'STEP_BUDGETS_MISMATCH', errors: [{ field: 'steps' }] });
  });

  it('updates with an optimistic version: history row, kept document ids, and 409 for the stale writer', async () => {
    const p = await create(admin, procedureBody(tree.child.code));
    const { code, ...rest } = procedureBody(tree.child.code);
    void code;
    const change = {
      ...rest,
      timeLimit: { amount: 5, unit: 'working_days' },
      steps: [...rest.steps.slice(0, 1), { ...rest.steps[1], budget: 4 }, rest.steps[2]],
      version: 1,
    };
    const ok = await admin.request({ method: 'PUT', url: `/api/v1/procedures/${p.code}`, payload: change });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, timeLimit: { amount: 5 } });
    expect(ok.json().documents.map((d: { id: string }) => d.id)).toEqual(p.documents.map((d: { id: string }) => d.id));
    const stale = await admin.request({ method: 'PUT', url: `/api/v1/procedures/${p.code}`, payload: change });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const versions = (await admin.request({ method: 'GET', url: `/api/v1/procedures/${p.code}/versions` })).json();
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it("another agency's admin gets 404; a non-admin gets 403; anonymous 401", async () => {
    const p = await create(admin, procedureBody(tree.child.code));
    const other = await makeAgencyTree(h);
    const otherAdmin = await login(h, (await makeUser(h, 'admin', other.root.id)).username);
    const { code, ...rest } = procedureBody(tree.child.code);
    void code;
    expect((await otherAdmin.request({ method: 'PUT', url: `/api/v1/procedures/${p.code}`, payload: { ...rest, version: 1 } })).statusCode).toBe(404);
    expect((await otherAdmin.request({ method: 'POST', url: `/api/v1/procedures/${p.code}/deactivate` })).statusCode).toBe(404);
    expect((await otherAdmin.request({ method: 'POST', url: '/api/v1/procedures', payload: procedureBody(tree.child.code) })).statusCode).toBe(404);
    const officer = await login(h, (await makeUser(h, 'processing_officer', tree.child.id)).username);
    expect((await officer.request({ method: 'POST', url: '/api/v1/procedures', payload: procedureBody(tree.child.code) })).statusCode).toBe(403);
    expect((await officer.request({ method: 'GET', url: '/api/v1/procedures/export.csv' })).statusCode).toBe(403);
    expect((await officer.request({ method: 'POST', url: '/api/v1/procedures/import?dryRun=true', ...multipart('a.csv', 'x') })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/procedures', payload: procedureBody(tree.child.code) })).statusCode).toBe(401);
  });
});

describe('the same national code in two provinces', () => {
  it('each province administers its own copy, and the public detail can be asked for by province', async () => {
    const other = await makeAgencyTree(h, '01');
    const otherAdmin = await login(h, (await makeUser(h, 'admin', other.root.id)).username);
    const body = procedureBody(tree.child.code);
    await create(admin, body);
    await create(otherAdmin, { ...body, agencyCode: other.child.code, name: 'Đăng ký khai sinh (Hà Nội)' });
    const off = await otherAdmin.request({ method: 'POST', url: `/api/v1/procedures/${body.code}/deactivate` });
    expect(off.statusCode, off.body).toBe(200);
    const mineStill = (await h.app.inject({ method: 'GET', url: `/api/v1/procedures/${body.code}?province=08` })).json();
    expect(mineStill.name).toBe('Đăng ký khai sinh');
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/procedures/${body.code}?province=01` })).statusCode).toBe(404);
  });
});

describe('import and export', () => {
  it('a dry run reports bad rows with line numbers and reasons; the real run imports the good rows; re-import changes nothing', async () => {
    const t = await makeAgencyTree(h);
    const a = await login(h, (await makeUser(h, 'admin', t.root.id)).username);
    const good = newCode();
    const csv = [
      'Ma thu tuc;Ten thu tuc;Linh vuc;Ma co quan;Muc do DVC;Thoi han;Don vi thoi han;Le phi;Thanh phan ho so',
      `${good};Cấp bản sao trích lục;Hộ tịch;${t.child.code};Toàn trình;4;giờ làm việc;Phí: 8.000 đ;"Tờ khai — bản chính: 1; bản sao: 0\nCCCD — bản chính: 0; bản sao: 1; không bắt buộc"`,
      `${newCode()};;Hộ tịch;${t.child.code};Toàn trình;4;Ngày làm việc;;`,
      `${newCode()};Thủ tục A;Hộ tịch;KHONG.CO.THAT;Toàn trình;4;Ngày làm việc;;`,
      `${newCode()};Thủ tục B;Hộ tịch;${t.child.code};Toàn trình;4;tuần;;`,
      `${newCode()};Thủ tục C;Hộ tịch;${t.child.code};Toàn trình;bốn;Ngày làm việc;;`,
    ].join('\n');
    const dry = await a.request({ method: 'POST', url: '/api/v1/procedures/import?dryRun=true', ...multipart('danh-muc.csv', csv) });
    expect(dry.statusCode, dry.body).toBe(200);
    const report = dry.json();
    expect(report).toMatchObject({ dryRun: true, created: 1, updated: 0 });
    expect(report.rejected.map((r: { line: number }) => r.line)).toEqual([3, 4, 5, 6]);
    const reasons = report.rejected.map((r: { reason: string }) => r.reason);
    expect(reasons[0]).toMatch(/Thiếu tên thủ tục/);
    expect(reasons[1]).toMatch(/KHONG\.CO\.THAT/);
    expect(reasons[2]).toMatch(/Đơn vị thời hạn/);
    expect(reasons[3]).toMatch(/Thời hạn/);
    expect(await findProcedureByCode(h.database.db, good)).toBeUndefined();

    const real = (await a.request({ method: 'POST', url: '/api/v1/procedures/import?dryRun=false', ...multipart('danh-muc.csv', csv) })).json();
    expect(real).toMatchObject({ dryRun: false, created: 1, updated: 0 });
    const imported = (await findProcedureByCode(h.database.db, good))!;
    expect(imported).toMatchObject({ name: 'Cấp bản sao trích lục', timeLimit: { amount: 4, unit: 'working_hours' }, fees: [{ name: 'Phí', amount: 8000 }] });
    expect(imported.documents.map((d) => [d.name, d.originals, d.copies, d.isRequired])).toEqual([
      ['Tờ khai', 1, 0, true],
      ['CCCD', 0, 1, false],
    ]);
    expect(imported.steps.reduce((s, x) => s + x.budget, 0)).toBe(4);
    const again = (await a.request({ method: 'POST', url: '/api/v1/procedures/import?dryRun=false', ...multipart('danh-muc.csv', csv) })).json();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  for (const format of ['xlsx', 'csv'] as const) {
    it(`export ${format} → import is a round trip: nothing created, nothing rejected`, async () => {
      const t = await makeAgencyTree(h);
      const a = await login(h, (await makeUser(h, 'admin', t.root.id)).username);
      const body = procedureBody(t.child.code, {
        name: 'Thủ tục; có "ngoặc kép", dấu phẩy',
        fees: [{ name: 'Lệ phí: cấp', amount: 1200000, note: 'Miễn cho hộ nghèo; người có công' }],
      });
      body.documents.push({
        name: 'Bản vẽ - thiết kế',
        originals: 2,
        copies: 1,
        isRequired: false,
        templateName: 'Mẫu 01.docx',
        templateUrl: 'https://example.gov.vn/mau-01.docx',
        note: 'Ghi chú',
      } as never);
      await create(a, body);
      await create(
        a,
        procedureBody(t.root.code, {
          timeLimit: { amount: 1, unit: 'same_day' },
          steps: [
            { code: 'receive', name: 'Nhận', handlingAgency: 'receiving', budget: 0.25 },
            { code: 'interagency', name: 'Hỏi ý kiến', handlingAgency: 'other', agencyCode: t.child.code, budget: 0.75 },
          ],
        }),
      );
      const exp = await a.request({ method: 'GET', url: `/api/v1/procedures/export.${format}` });
      expect(exp.statusCode, exp.body).toBe(200);
      expect(exp.headers['content-disposition']).toContain(`.${format}`);
      if (format === 'csv') expect(exp.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const back = await a.request({ method: 'POST', url: '/api/v1/procedures/import?dryRun=false', ...multipart(`export.${format}`, exp.rawPayload) });
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: [] });
    });
  }
});

describe('import uploads that cannot take the server down', () => {
  const importFile = (name: string, content: Buffer) =>
    admin.request({ method: 'POST', url: '/api/v1/procedures/import?dryRun=true', ...multipart(name, content) });

  it('a file over the limit answers 413 naming the field and the limit', async () => {
    const res = await importFile('lon.csv', Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41));
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', maxBytes: MAX_IMPORT_BYTES, errors: [{ field: 'file' }] });
    expect(res.json().detail).toMatch(/5 MB/);
  });

  it('a zip bomb is refused from its central directory (413), a lying header at the cap (422), other bytes by content (415)', async () => {
    const bomb = await importFile('danh-muc.xlsx', zerosBomb(8));
    expect(bomb.statusCode, bomb.body).toBe(413);
    expect(bomb.json()).toMatchObject({ code: 'ARCHIVE_TOO_LARGE', errors: [{ field: 'file' }] });
    const lying = await importFile('danh-muc.xlsx', lyingBomb(4));
    expect(lying.statusCode, lying.body).toBe(422);
    expect(lying.json().code).toBe('ARCHIVE_INVALID');
    const png = await importFile('danh-muc.xlsx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    expect(png.statusCode).toBe(415);
    expect(png.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', errors: [{ field: 'file' }] });
  });
});

describe('demo catalog', () => {
  it('has at least 20 procedures across several agencies, 2–6 documents each, budgets adding up', () => {
    expect(DEMO_PROCEDURES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(DEMO_PROCEDURES.map((p) => p.agencyCode)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(DEMO_PROCEDURES.map((p) => p.code)).size).toBe(DEMO_PROCEDURES.length);
    for (const p of DEMO_PROCEDURES) {
      expect(p.documents.length, p.name).toBeGreaterThanOrEqual(2);
      expect(p.documents.length, p.name).toBeLessThanOrEqual(6);
      expect(() => checkBudgets(p), p.name).not.toThrow();
      expect(DEMO_FIELDS.map((f) => f.code)).toContain(p.fieldCode);
    }
  });
});
