/**
 * A commune-level dossier end to end: a birth registration ("Đăng ký khai sinh", owned by the
 * People's Committee of Hà Giang 1 ward) received at the provincial Public Administrative Service
 * Center's counter (Decree 118/2025: any desk of the province receives any of its procedures; the
 * dossier goes to the competent ward), assigned by the ward's leader, appraised by the ward's
 * civil-status officer, approved by the leader, and returned the same day at the centre to a person
 * the applicant authorised (her ID number first mistyped, the field says what is wrong), who then
 * rates the service on the counter's screen. The journey reads no due hour.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { vnDate } from '../../src/shared/vn-time.js';
import { act, as, pick, status } from '../dossier-steps.js';
import { ARTIFACTS, assert, type Journey, shot } from '../lib.js';

const BIRTH = '1.001193'; // Đăng ký khai sinh, UBND phường Hà Giang 1, same day
const CENTRE = '000.00.31.H57';
const WARD = '000.01.20.H57';

export const journeys: Journey[] = [
  {
    name: 'commune: birth registration received at the provincial centre → processed at the ward → returned the same day to an authorised person → rated',
    async run({ url, browser }) {
      // 1. The centre's counter receives the dossier, every document checked.
      const desk = await as(browser, url, 'motcua');
      await desk.page.goto(`${url}/counter/intake`);
      const form = desk.page.locator('form.dossier-form');
      // Pick, don't type: search the procedure by name without diacritics and pick it.
      await form.locator('#procedure-picker').fill('khai sinh');
      await form.getByRole('option').filter({ hasText: BIRTH }).first().click();
      await form.locator('input[name=fullName]').waitFor();
      await form.locator('input[name=fullName]').fill('Hoàng Thị Lụa');
      await form.locator('input[name=idNumber]').fill('008196004321');
      await form.locator('input[name=phone]').fill('0915246813');
      await form.locator('input[name=address]').fill('Tổ 7, phường Hà Giang 1, tỉnh Tuyên Quang');
      for (const box of await form.locator('.dossier-checklist input[type=checkbox]').all()) await box.check();
      await shot(desk.page, 'commune-01-centre-intake');
      await form.getByRole('button', { name: 'Ghi nhận' }).click();
      const done = desk.page.locator('.dossier-done');
      await done.waitFor();
      const code = /([0-9A-Z.]+-\d{6}-\d{4})/.exec((await done.textContent()) ?? '')?.[1];
      assert(code, 'no dossier code shown after intake');
      const received = await status(desk.page, url, code);
      assert(received.status === 'received', `expected received, got ${received.status}`);
      assert(
        received.receivingAgency.code === CENTRE && received.competentAgency.code === WARD,
        `desk ${received.receivingAgency.code} → ${received.competentAgency.code}`,
      );
      assert(code.startsWith(`${CENTRE}-`), `the code is the centre's: ${code}`);
      await shot(desk.page, 'commune-02-received');

      // 2. The ward's leader finds it waiting and assigns it to the ward's civil-status officer.
      const leader = await as(browser, url, 'lanhdao.hagiang1');
      await leader.page.goto(`${url}/dashboard/unit`);
      await leader.page.getByText(code).first().waitFor();
      await shot(leader.page, 'commune-03-ward-leader-queue');
      await act(leader.page, url, code, 'Phân công', (f) => pick(f, 'assignee', 'La Thị Huyền'));
      assert((await status(leader.page, url, code)).assignedTo?.name === 'La Thị Huyền', 'not assigned to the ward officer');

      // 3. The officer appraises it and sends it to the leader, who approves; the result goes back to the centre.
      const officer = await as(browser, url, 'congchuc.hagiang1');
      await officer.page.goto(`${url}/work/dossiers`);
      await officer.page.getByText(code).first().waitFor();
      await shot(officer.page, 'commune-04-ward-officer-queue');
      await act(officer.page, url, code, 'Chuyển xử lý', (f) => pick(f, 'to', 'Nông Văn Quý'));
      await act(leader.page, url, code, 'Phê duyệt', (f) => f.locator('input[name=note]').fill('Đồng ý cấp Giấy khai sinh'));
      await shot(leader.page, 'commune-05-approved');
      await act(officer.page, url, code, 'Chuyển kết quả');
      assert((await status(officer.page, url, code)).status === 'result_ready', 'the result is not ready at the desk');

      // 4. At the centre, an authorised person collects it; a mistyped ID number is refused on its field.
      await desk.page.goto(`${url}/dossiers/${code}`);
      await desk.page.locator('.dossier-actions .toolbar').getByRole('button', { name: 'Trả kết quả', exact: true }).click();
      const ret = desk.page.locator('form.dossier-action-form');
      await ret.getByLabel('Người được ủy quyền nhận').check();
      await ret.getByLabel('Họ và tên người được ủy quyền').fill('Hoàng Văn Thạch');
      await ret.getByLabel('Số CCCD của người được ủy quyền').fill('00809100765');
      await ret.getByLabel('Giấy ủy quyền hoặc quan hệ với người nộp hồ sơ').fill('Chồng của người nộp hồ sơ (xuất trình Giấy chứng nhận kết hôn)');
      await ret.locator('button[type=submit]').click();
      const idError = ret.locator('#collector-idNumber-error');
      await idError.waitFor();
      assert((await idError.textContent()) === 'Số CCCD của người được ủy quyền gồm 12 chữ số.', `ID number message: ${await idError.textContent()}`);
      await shot(desk.page, 'commune-06-return-id-refused');
      await ret.getByLabel('Số CCCD của người được ủy quyền').fill('008091007654');
      await shot(desk.page, 'commune-07-return-authorised');
      await ret.locator('button[type=submit]').click();
      await ret.waitFor({ state: 'detached' });
      const returned = await status(desk.page, url, code);
      assert(returned.status === 'returned', `not returned: ${returned.status}`);
      assert(vnDate(new Date(returned.closedAt!)) === vnDate(new Date(returned.receivedAt!)), 'not returned on the day it was received');
      assert(returned.collector?.kind === 'authorised' && returned.collector.idNumber === '008091007654', 'collector not recorded');
      await desk.page.locator('.dossier-collector-record').getByText('Hoàng Văn Thạch').waitFor();
      await shot(desk.page, 'commune-08-returned-collector');

      // The control sheet (Mẫu 05) names the person who collected it.
      const sheet = await desk.page.request.get(`${url}/api/v1/dossiers/${code}/control-sheet.pdf`);
      assert(sheet.ok(), 'control sheet not served');
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const sheetPath = path.join(ARTIFACTS, 'commune-control-sheet.pdf');
      fs.writeFileSync(sheetPath, await sheet.body());
      spawnSync('pdftoppm', ['-png', '-r', '80', sheetPath, path.join(ARTIFACTS, 'commune-09-control-sheet')]); // for people to look at, when poppler is there

      // 5. The return screen offers the counter's rating; the person who collected it rates on that screen.
      await desk.page.getByRole('link', { name: 'Mở màn hình đánh giá' }).click();
      await desk.page.waitForURL((u) => u.pathname.startsWith('/danh-gia/'));
      await desk.page.locator('input[name=verify]').fill('6813');
      await desk.page.getByLabel('Rất hài lòng').check();
      await desk.page.getByLabel('Tốt', { exact: true }).check();
      await shot(desk.page, 'commune-10-counter-rating');
      await desk.page.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await desk.page.getByText('Cảm ơn ông/bà đã đánh giá.').waitFor();
      await desk.page.goto(`${url}/dossiers/${code}`);
      await desk.page.locator('.dossier-collector-record').waitFor();
      assert((await desk.page.getByRole('link', { name: 'Mở màn hình đánh giá' }).count()) === 0, 'the rating is still offered after the rating');
      await shot(desk.page, 'commune-11-rated');

      for (const s of [desk, leader, officer]) {
        assert(s.errors.length === 0, `console errors: ${s.errors.join(' | ')}`);
        await s.page.context().close();
      }
    },
  },
];
