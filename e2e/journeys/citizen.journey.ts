/**
 * The citizen's portal: the signed-out public home (a 360 px phone, then a desktop), the online
 * form pre-filled from the account, a form template downloaded from the procedure page, and the
 * bell: after the desk asks for a supplement, one unread notification that opens the dossier.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { assert, DEMO_PASSWORD, type Journey, newPage, shot, signIn } from '../lib.js';

const BIRTH = '1.001193'; // Đăng ký khai sinh: full online, its "Tờ khai" has a form template in the demo
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** No sideways scroll: the page is no wider than the phone. */
async function fitsWidth(page: Page, width: number): Promise<void> {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(scroll <= width, `the page scrolls sideways at ${width}px (scrollWidth ${scroll})`);
}

/** A member of staff acting through the API (signed in with a request context of his own). */
async function staffApi(browser: Browser, url: string, username: string) {
  const context = await browser.newContext();
  const login = await context.request.post(`${url}/api/v1/auth/login`, { data: { username, password: DEMO_PASSWORD } });
  assert(login.ok(), `API sign-in of ${username}: ${login.status()}`);
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  return {
    context,
    post: async (path: string, data: unknown) => {
      const res = await context.request.post(`${url}/api/v1${path}`, { data, headers: { 'x-csrf-token': csrf } });
      assert(res.ok(), `POST ${path} as ${username}: ${res.status()} ${await res.text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    },
  };
}

export const journeys: Journey[] = [
  {
    name: 'citizen: the signed-out public home on a 360 px phone and on a desktop',
    async run({ url, browser }) {
      const phone = await newPage(browser, { width: 360, height: 780 });
      await phone.page.goto(`${url}/`);
      await phone.page.getByRole('heading', { level: 1, name: 'Thủ tục hành chính nhanh, minh bạch, mọi lúc' }).waitFor();
      assert(new URL(phone.page.url()).pathname === '/', `signed out, / went to ${phone.page.url()} instead of the public home`);
      await phone.page.locator('.ph-field').first().waitFor(); // the fields of the catalog
      await fitsWidth(phone.page, 360);
      await shot(phone.page, 'citizen-01-public-home-360');
      // look up a dossier from the home: the code is upper-cased and opens the lookup page
      await phone.page.getByLabel('Mã hồ sơ').fill('000.00.31.h57-261207-0001');
      await phone.page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
      await phone.page.waitForURL(/\/tra-cuu\/000\.00\.31\.H57-261207-0001$/);
      assert(phone.errors.length === 0, `console errors: ${phone.errors.join(' | ')}`);
      await phone.page.context().close();

      const desk = await newPage(browser);
      await desk.page.goto(`${url}/`);
      await desk.page.getByRole('heading', { level: 1 }).waitFor();
      await desk.page.locator('.ph-field').first().waitFor();
      await shot(desk.page, 'citizen-02-public-home-desktop');
      await desk.page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' }).fill('khai sinh');
      await desk.page.getByRole('button', { name: 'Tìm kiếm' }).click();
      await desk.page.waitForURL(/\/thu-tuc\?q=khai%20sinh/);
      await desk.page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).waitFor();
      // the other links of the home: calendar, rating and sign-in
      await desk.page.goto(`${url}/`);
      for (const name of ['Lịch làm việc', 'Đánh giá sự hài lòng', 'Đăng nhập']) await desk.page.getByRole('link', { name }).first().waitFor({ timeout: 5000 });
      await desk.page.getByRole('link', { name: /Lịch làm việc/ }).click();
      await desk.page.waitForURL(/\/lich$/);
      assert(desk.errors.length === 0, `console errors: ${desk.errors.join(' | ')}`);
      await desk.page.context().close();
    },
  },
  {
    name: 'citizen: pre-filled form, template download, and the bell after a supplement request',
    async run({ url, browser }) {
      const { page, errors } = await newPage(browser);
      await signIn(page, url, 'congdan');
      // signed in, the home is the role home, not the public one
      await page.getByRole('heading', { level: 1, name: /Đỗ Văn An/ }).waitFor();

      // 1. The procedure page offers the form to download.
      await page.goto(`${url}/thu-tuc/${BIRTH}`);
      const link = page.getByRole('link', { name: /Tải mẫu/ });
      await link.waitFor();
      await link.scrollIntoViewIfNeeded();
      await shot(page, 'citizen-03-procedure-template');
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const saved = await download.path();
      assert(saved && fs.readFileSync(saved).subarray(0, 5).toString() === '%PDF-', 'the template is not a PDF');
      assert(download.suggestedFilename() === 'To-khai-dang-ky-khai-sinh.pdf', `template file name: ${download.suggestedFilename()}`);

      // 2. The online form starts with the account's name, ID number and phone.
      await page.goto(`${url}/nop-ho-so/${BIRTH}`);
      const form = page.locator('form.dossier-form');
      const value = (name: string) => form.locator(`input[name=${name}]`).inputValue();
      await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('input[name=fullName]')?.value ?? '') !== '');
      assert((await value('fullName')) === 'Đỗ Văn An', `full name: ${await value('fullName')}`);
      assert((await value('idNumber')) === '008090001234', `ID number: ${await value('idNumber')}`);
      assert((await value('phone')) === '0912345678', `phone: ${await value('phone')}`);
      await shot(page, 'citizen-04-prefilled-form');
      await form.locator('input[name=address]').fill('Tổ 3, phường Hà Giang 1, tỉnh Tuyên Quang');
      const files = form.locator('input[type=file]');
      for (let i = 0; i < (await files.count()); i++)
        await files.nth(i).setInputFiles({ name: `giay-to-${i + 1}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      await form.getByRole('button', { name: 'Nộp hồ sơ' }).click();
      const done = page.locator('.dossier-done');
      await done.waitFor();
      const code = /([0-9A-Z.]+-\d{6}-\d{4})/.exec((await done.textContent()) ?? '')?.[1];
      assert(code, 'no dossier code after submitting');

      // 3. The submission's own message is read; the bell is empty of unread.
      const bell = page.locator('.bell-btn');
      await page.goto(`${url}/`);
      await page.locator('[data-testid=bell-count]').waitFor();
      await bell.click();
      await page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
      await page.locator('[data-testid=bell-count]').waitFor({ state: 'detached' });
      await bell.click();

      // 4. The desk asks for a supplement (through the API).
      const motcua = await staffApi(browser, url, 'motcua');
      const detail = (await (await motcua.context.request.get(`${url}/api/v1/procedures/${BIRTH}?province=08`)).json()) as { documents: { id: string }[] };
      await motcua.post(`/dossiers/${code}/actions/request-supplement`, {
        items: [{ procedureDocumentId: detail.documents[1].id, reason: 'Giấy chứng sinh chụp mờ, không đọc được họ tên người mẹ' }],
      });
      await motcua.context.close();

      // 5. One unread in the bell; it links to the dossier.
      await page.goto(`${url}/nop-ho-so`);
      const count = page.locator('[data-testid=bell-count]');
      await count.waitFor();
      assert((await count.textContent()) === '1', `bell shows ${await count.textContent()} unread, expected 1`);
      assert((await bell.getAttribute('aria-label')) === 'Thông báo, 1 chưa đọc', `bell label: ${await bell.getAttribute('aria-label')}`);
      await bell.click();
      const item = page.locator('.bell-item.is-unread');
      await item.waitFor();
      assert((await item.count()) === 1, `${await item.count()} unread items`);
      assert(((await item.textContent()) ?? '').includes('Yêu cầu bổ sung'), `unread item: ${await item.textContent()}`);
      await shot(page, 'citizen-05-bell-open');
      await item.getByRole('button').click();
      await page.waitForURL(new RegExp(`/dossiers/${code.replace(/\./g, '\\.')}$`));
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await count.waitFor({ state: 'detached' });
      await shot(page, 'citizen-06-dossier-from-bell');

      // 6. The bell on a phone: the panel fits the screen.
      await page.setViewportSize({ width: 360, height: 780 });
      await bell.click();
      await page.locator('.bell-panel').waitFor();
      await fitsWidth(page, 360);
      await shot(page, 'citizen-07-bell-360');
      assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
      await page.context().close();
    },
  },
  {
    name: 'citizen: the administrator uploads a form template that the procedure page then offers',
    async run({ url, browser }) {
      const { page, errors } = await newPage(browser);
      await signIn(page, url, 'admin');
      await page.goto(`${url}/admin/procedures`);
      const row = page.locator('tr', { hasText: 'Đăng ký kết hôn' }).first();
      await row.getByRole('link', { name: 'Mẫu đơn' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mẫu đơn, tờ khai của thủ tục' }).waitFor();
      const doc = page.locator('tr', { hasText: 'Tờ khai đăng ký kết hôn (theo mẫu)' });
      await doc.locator('input[type=file]').setInputFiles({ name: 'To-khai-dang-ky-ket-hon.pdf', mimeType: 'application/pdf', buffer: PDF });
      await doc.getByRole('button', { name: 'Tải lên' }).click();
      await page.getByText('Đã lưu tệp mẫu To-khai-dang-ky-ket-hon.pdf.').waitFor();
      await doc.getByRole('link', { name: 'To-khai-dang-ky-ket-hon.pdf' }).waitFor();
      await shot(page, 'citizen-08-admin-templates');
      // a wrong kind is refused with the field's message
      await doc.locator('input[type=file]').setInputFiles({ name: 'anh.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
      await doc.getByRole('button', { name: 'Thay tệp' }).click();
      await doc.locator('.alert--error').waitFor();
      await shot(page, 'citizen-09-admin-template-refused');
      await page.goto(`${url}/thu-tuc/1.000894`);
      await page.getByRole('link', { name: /Tải mẫu/ }).waitFor();
      assert(errors.filter((e) => !/status of 415/.test(e)).length === 0, `console errors: ${errors.join(' | ')}`);
      await page.context().close();
    },
  },
];
