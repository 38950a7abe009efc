/** Form templates of a procedure's documents: the administrator uploads, anyone downloads (both databases). */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, login, makeAgencyTree, makeUser, startHarness, type TestAgency, uid } from '../../test/harness.js';
import { pdfText } from '../../test/pdf-tools.js';
import { buildZip, WORKBOOK_PARTS } from '../../test/zip-fixtures.js';
import { renderBirthRegistrationForm } from './templates.demo.js';
import { TEMPLATE_MAX_BYTES } from './templates.service.js';

let h: Harness;
let tree: { root: TestAgency; child: TestAgency };
let admin: Client;
let otherAdmin: Client;
let citizen: Client;
beforeAll(async () => {
  h = await startHarness();
  tree = await makeAgencyTree(h);
  admin = await login(h, (await makeUser(h, 'admin', tree.root.id)).username);
  otherAdmin = await login(h, (await makeUser(h, 'admin', (await makeAgencyTree(h)).root.id)).username);
  citizen = await login(h, (await makeUser(h, 'citizen', tree.root.id)).username);
});
afterAll(() => h.close());

async function newProcedure(): Promise<{ code: string; documents: { id: string; name: string; templateFile: unknown }[] }> {
  const res = await admin.request({
    method: 'POST',
    url: '/api/v1/procedures',
    payload: {
      code: `1.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}.T${uid(3)}`,
      name: 'Đăng ký khai sinh',
      fieldCode: 'HO_TICH',
      agencyCode: tree.child.code,
      onlineLevel: 'full',
      timeLimit: { amount: 1, unit: 'working_days' },
      fees: [],
      resultType: 'both',
      legalBasis: 'Luật Hộ tịch 2014',
      ruleVersion: '2025.1',
      effectiveFrom: '2025-07-01',
      documents: [
        { name: 'Tờ khai đăng ký khai sinh (theo mẫu)', originals: 1, copies: 0 },
        { name: 'Giấy chứng sinh', originals: 1, copies: 0 },
      ],
      steps: [{ code: 'receive', name: 'Tiếp nhận và giải quyết', handlingAgency: 'receiving', budget: 1 }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function multipart(filename: string, content: Buffer, field = 'file') {
  const boundary = `----congvu${uid()}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (c: Client, code: string, documentId: string, name: string, content: Buffer) =>
  c.request({ method: 'POST', url: `/api/v1/procedures/${code}/documents/${documentId}/template`, ...multipart(name, content) });
const docx = () => buildZip([WORKBOOK_PARTS[0], { name: 'word/document.xml', data: Buffer.from(`<w:document>${uid()}</w:document>`) }]);

describe('form templates', () => {
  it('the administrator uploads a PDF; the procedure page offers it and anyone downloads it with its type and name', async () => {
    const p = await newProcedure();
    const [form] = p.documents;
    expect(form.templateFile).toBeNull();
    const pdf = await renderBirthRegistrationForm();
    const res = await upload(admin, p.code, form.id, 'Tờ khai đăng ký khai sinh.pdf', pdf);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().templateFile).toMatchObject({
      url: `/api/v1/procedure-templates/${form.id}`,
      fileName: 'Tờ khai đăng ký khai sinh.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
    });

    const detail = (await h.app.inject({ method: 'GET', url: `/api/v1/procedures/${p.code}` })).json();
    expect(detail.documents[0].templateFile.url).toBe(`/api/v1/procedure-templates/${form.id}`);
    expect(detail.documents[1].templateFile).toBeNull();

    const file = await h.app.inject({ method: 'GET', url: detail.documents[0].templateFile.url }); // no session
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Tờ khai đăng ký khai sinh.pdf')}`);
    expect(file.headers['content-disposition']).toContain('filename="To khai dang ky khai sinh.pdf"');
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect(await pdfText(file.rawPayload)).toContain('TỜ KHAI ĐĂNG KÝ KHAI SINH');

    const audit = await h.database.rows<{ action: string }>(sql`select action from audit_event where entity_id = ${form.id} order by seq desc limit 1`);
    expect(audit[0]?.action).toBe('procedure.template.upload');
  });

  it('a .docx replaces it (judged by the bytes); a wrong kind is 415, too large 413, and removing it ends the download', async () => {
    const p = await newProcedure();
    const [form] = p.documents;
    expect((await upload(admin, p.code, form.id, 'mau.pdf', Buffer.from('%PDF-1.4 first'))).statusCode).toBe(200);
    const word = docx();
    const replaced = await upload(admin, p.code, form.id, 'mau.docx', word);
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().templateFile).toMatchObject({
      fileName: 'mau.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const file = await h.app.inject({ method: 'GET', url: `/api/v1/procedure-templates/${form.id}` });
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.rawPayload.equals(word)).toBe(true);

    const exe = await upload(admin, p.code, form.id, 'mau.pdf', Buffer.from('MZ\x90\x00 not a document'));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().errors[0].field).toBe('file');
    const big = await upload(admin, p.code, form.id, 'mau.pdf', Buffer.concat([Buffer.from('%PDF-1.4 '), Buffer.alloc(TEMPLATE_MAX_BYTES)]));
    expect(big.statusCode).toBe(413);

    const removed = await admin.request({ method: 'DELETE', url: `/api/v1/procedures/${p.code}/documents/${form.id}/template` });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().templateFile).toBeNull();
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/procedure-templates/${form.id}` })).statusCode).toBe(404);
    expect((await admin.request({ method: 'DELETE', url: `/api/v1/procedures/${p.code}/documents/${form.id}/template` })).statusCode).toBe(404);
  });

  it('only the procedure’s administrator uploads: another agency’s admin gets 404, a citizen 403, a stranger’s document 404', async () => {
    const p = await newProcedure();
    const other = await newProcedure();
    const pdf = Buffer.from('%PDF-1.4 x');
    expect((await upload(otherAdmin, p.code, p.documents[0].id, 'a.pdf', pdf)).statusCode).toBe(404);
    expect((await upload(citizen, p.code, p.documents[0].id, 'a.pdf', pdf)).statusCode).toBe(403);
    expect((await upload(admin, p.code, other.documents[0].id, 'a.pdf', pdf)).statusCode).toBe(404);
    const anonymous = await h.app.inject({
      method: 'POST',
      url: `/api/v1/procedures/${p.code}/documents/${p.documents[0].id}/template`,
      ...multipart('a.pdf', pdf),
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/procedure-templates/${p.documents[0].id}` })).statusCode).toBe(404);
  });

  it('a withdrawn procedure’s template is no longer served', async () => {
    const p = await newProcedure();
    expect((await upload(admin, p.code, p.documents[0].id, 'a.pdf', Buffer.from('%PDF-1.4 y'))).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/procedure-templates/${p.documents[0].id}` })).statusCode).toBe(200);
    expect((await admin.request({ method: 'POST', url: `/api/v1/procedures/${p.code}/deactivate` })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/procedure-templates/${p.documents[0].id}` })).statusCode).toBe(404);
  });
});
