/**
 * The one-stop journey: a citizen submits online, the desk asks once for a supplement, the citizen
 * completes the dossier and gets a receipt, the Department of Justice processes it (assignment,
 * appraisal, an apology with a new date, approval, fees), the desk returns the result, and the
 * citizen rates the service at the kiosk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { act, as, pick, status } from '../dossier-steps.js';
import { ARTIFACTS, assert, type Journey, newPage, shot } from '../lib.js';

const PROCEDURE = '1.001978'; // Cấp Phiếu lý lịch tư pháp (Sở Tư pháp), full online, with a fee
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const file = (name: string) => ({ name, mimeType: 'application/pdf', buffer: PDF });

export const journeys: Journey[] = [
  {
    name: 'dossier: online submission → supplement → receipt → processing → apology → return → rating',
    async run({ url, browser }) {
      // 1. The citizen submits online with attachments.
      const citizen = await as(browser, url, 'congdan');
      await citizen.page.goto(`${url}/nop-ho-so/${PROCEDURE}`);
      const form = citizen.page.locator('form.dossier-form');
      await form.locator('input[name=fullName]').waitFor();
      await form.locator('input[name=fullName]').fill('Đỗ Văn An');
      await form.locator('input[name=idNumber]').fill('008090001234');
      await form.locator('input[name=phone]').fill('0912345678');
      await form.locator('input[name=email]').fill('doan@example.vn');
      await form.locator('input[name=address]').fill('Tổ 3, phường Hà Giang 1, tỉnh Tuyên Quang');
      // Decree 118/2025: any one-stop desk of the province; the default one is preselected.
      const desk0 = await form.locator('select[name=receivingAgencyCode]').inputValue();
      if (!desk0) throw new Error('no one-stop desk preselected for an online submission');
      const inputs = form.locator('input[type=file]');
      await inputs.nth(0).setInputFiles(file('to-khai.pdf'));
      await inputs.nth(1).setInputFiles(file('cccd.pdf'));
      await shot(citizen.page, 'dossier-01-online-form');
      await form.getByRole('button', { name: 'Nộp hồ sơ' }).click();
      const done = citizen.page.locator('.dossier-done');
      await done.waitFor();
      const code = /([0-9A-Z.]+-\d{6}-\d{4})/.exec((await done.textContent()) ?? '')?.[1];
      assert(code, 'no dossier code shown after submission');
      await shot(citizen.page, 'dossier-02-submitted');

      // 2. The desk (Trung tâm PVHCC) sees it waiting and asks once for a supplement.
      const desk = await as(browser, url, 'motcua');
      await desk.page.goto(`${url}/counter/results`);
      await desk.page.getByText(code).first().waitFor();
      await shot(desk.page, 'dossier-03-desk-queue');
      await act(desk.page, url, code, 'Yêu cầu bổ sung', async (f) => {
        await f.getByLabel(/Lý do cần bổ sung: Bản chụp Căn cước/).fill('Bản chụp mờ, không đọc được số định danh');
      });
      assert((await status(desk.page, url, code)).status === 'supplement_requested', 'supplement not requested');
      await shot(desk.page, 'dossier-04-supplement-requested');

      // 3. The citizen completes it; the dossier is received and the receipt prints.
      await act(citizen.page, url, code, 'Nộp bổ sung', async (f) => {
        await f.locator('input[type=file]').first().setInputFiles(file('cccd-ro.pdf'));
      });
      const received = await status(citizen.page, url, code);
      assert(received.status === 'received' && received.dueAt, `expected received with a due date, got ${received.status}`);
      await citizen.page.getByRole('link', { name: /In giấy tiếp nhận/ }).waitFor();
      await shot(citizen.page, 'dossier-05-received');
      const receipt = await desk.page.request.get(`${url}/api/v1/dossiers/${code}/receipt.pdf`);
      assert(receipt.ok() && receipt.headers()['content-type']?.includes('application/pdf'), 'receipt PDF not served');
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      fs.writeFileSync(path.join(ARTIFACTS, 'dossier-receipt.pdf'), await receipt.body());

      // 4. Processing at the Department of Justice, with an apology and a new date.
      const leader = await as(browser, url, 'lanhdao');
      await act(leader.page, url, code, 'Phân công', (f) => pick(f, 'assignee', 'Trần Văn Bình'));
      const officer = await as(browser, url, 'chuyenvien');
      await officer.page.goto(`${url}/work/dossiers`);
      await officer.page.getByText(code).first().waitFor();
      await shot(officer.page, 'dossier-06-officer-queue');
      await act(officer.page, url, code, 'Chuyển xử lý', (f) => pick(f, 'to', 'Lê Quang Dũng'));
      const due = new Date((await status(leader.page, url, code)).dueAt!);
      const newDue = new Date(due.getTime() + 3 * 86_400_000 + 7 * 3600_000).toISOString().slice(0, 16);
      await act(leader.page, url, code, 'Xin lỗi, hẹn lại', async (f) => {
        await f.locator('input[name=reason]').fill('Cần xác minh thông tin lý lịch tại địa phương khác');
        await f.locator('input[name=newDueAt]').fill(newDue);
      });
      await shot(leader.page, 'dossier-07-apology');
      await act(leader.page, url, code, 'Phê duyệt');
      assert((await status(leader.page, url, code)).status === 'awaiting_payment', 'the fee step should follow approval');
      await act(desk.page, url, code, 'Xác nhận đã nộp phí');
      await act(officer.page, url, code, 'Chuyển kết quả');
      await leader.page.goto(`${url}/dashboard/unit`);
      await leader.page.getByText(code).first().waitFor();
      await shot(leader.page, 'dossier-08-leader-overview');

      // 5. The desk returns the result.
      await act(desk.page, url, code, 'Trả kết quả', (f) => f.getByLabel('Người nộp hồ sơ nhận').check());
      assert((await status(desk.page, url, code)).status === 'returned', 'not returned');
      await desk.page.goto(`${url}/dossiers/${code}`);
      await shot(desk.page, 'dossier-09-returned');

      // 6. The citizen rates the service at the kiosk (no sign-in), then looks the dossier up.
      const kiosk = await newPage(browser);
      await kiosk.page.goto(`${url}/danh-gia/${code}`);
      await kiosk.page.locator('input[name=verify]').fill('5678');
      await kiosk.page.getByLabel('Rất hài lòng').check();
      await kiosk.page.locator('textarea[name=comment]').fill('Cán bộ hướng dẫn tận tình.');
      await shot(kiosk.page, 'dossier-10-rating');
      await kiosk.page.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await kiosk.page.getByText('Cảm ơn ông/bà đã đánh giá.').waitFor();
      await kiosk.page.goto(`${url}/tra-cuu/${code}`);
      await kiosk.page.locator('input[name=verify]').fill('5678');
      await kiosk.page.getByRole('button', { name: 'Tra cứu' }).click();
      await kiosk.page.getByText('Đã trả kết quả').first().waitFor();
      await shot(kiosk.page, 'dossier-11-public-lookup');

      for (const s of [citizen, desk, leader, officer, kiosk]) {
        assert(s.errors.length === 0, `console errors: ${s.errors.join(' | ')}`);
        await s.page.context().close();
      }
    },
  },
];
