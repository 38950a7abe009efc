/** What the demo gives a citizen: the account pre-fills the online form, the birth registration offers its form template. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, login, makeAgencyTree, makeUser, startHarness } from '../../test/harness.js';
import { pdfText } from '../../test/pdf-tools.js';
import { seedDemo } from './index.js';

let h: Harness;
const password = 'demo-password-for-tests';
beforeAll(async () => {
  h = await startHarness();
  await seedDemo(h.database.db, { ...h.config, demoPassword: password });
}, 120_000);
afterAll(() => h.close());

describe('the demo citizen', () => {
  it('"congdan" gets the name, ID number and phone the account holds; an account without an ID number gets it empty', async () => {
    const congdan = await login(h, 'congdan', password);
    const res = await congdan.request({ method: 'GET', url: '/api/v1/me/profile' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ fullName: 'Đỗ Văn An', idNumber: '008090001234', phone: '0912345678', email: null });
    const fresh = await makeUser(h, 'citizen', (await makeAgencyTree(h)).root.id);
    const other = (await (await login(h, fresh.username)).request({ method: 'GET', url: '/api/v1/me/profile' })).json();
    expect(other).toEqual({ fullName: `Người thử ${fresh.username}`, idNumber: null, phone: null, email: null });
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me/profile' })).statusCode).toBe(401);
  });

  it('"Đăng ký khai sinh" offers its "Tờ khai" as a PDF anyone downloads', async () => {
    const detail = (await h.app.inject({ method: 'GET', url: '/api/v1/procedures/1.001193?province=08' })).json();
    const form = detail.documents.find((d: { name: string }) => d.name === 'Tờ khai đăng ký khai sinh (theo mẫu)');
    expect(form.templateFile).toMatchObject({ fileName: 'To-khai-dang-ky-khai-sinh.pdf', contentType: 'application/pdf' });
    const file = await h.app.inject({ method: 'GET', url: form.templateFile.url });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(file.rawPayload);
    expect(text).toContain('TỜ KHAI ĐĂNG KÝ KHAI SINH');
    expect(text).toContain('Họ, chữ đệm, tên người yêu cầu');
  });
});
