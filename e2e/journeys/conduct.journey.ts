/**
 * Conduct: an inspection finding becomes a violation, the official answers in writing, the leader
 * confirms, Home Affairs opens a discipline case (an abolished form is refused), decides, and the
 * annual rating of the year reflects it ("Không hoàn thành nhiệm vụ").
 */
import type { Browser, Page } from 'playwright-core';
import { assert, type Journey, newPage, shot, signIn } from '../lib.js';

async function as(browser: Browser, url: string, username: string): Promise<{ page: Page; errors: string[] }> {
  const session = await newPage(browser);
  await signIn(session.page, url, username);
  return session;
}

/** Console errors other than the refusals the journey provokes on purpose (422). */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 422/.test(e));

/** A 1×1 PNG. */
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export const journeys: Journey[] = [
  {
    name: 'conduct: inspection finding → violation → written answer → discipline decision → annual rating',
    async run({ url, browser }) {
      // 1. The inspector records a failed checklist item for the demo official.
      const inspector = await as(browser, url, 'thanhtra');
      let page = inspector.page;
      await page.goto(`${url}/conduct/inspections`);
      // The inspected agency is picked by its name or code, within the inspector's reach.
      await page.locator('#cd-agency').fill('000.00.16.H57');
      await page.getByRole('option').filter({ hasText: '000.00.16.H57' }).first().click();
      const option = page.locator('#cd-official option', { hasText: 'Ngô Thị Thu' });
      await option.waitFor({ state: 'attached' });
      await page.selectOption('#cd-official', (await option.getAttribute('value'))!);
      await page.selectOption('#cd-item', 'name_card');
      const rule = page.locator('#cd-rule option').nth(1);
      await rule.waitFor({ state: 'attached' });
      await page.selectOption('#cd-rule', (await rule.getAttribute('value'))!);
      await page.getByLabel('Ghi chú').fill('Không đeo thẻ công chức khi tiếp công dân');
      await page.getByRole('button', { name: 'Ghi nhận' }).click();
      const link = page.getByRole('link', { name: 'Mở vi phạm' });
      await link.waitFor();
      // A photo of the finding, checked by content on the server.
      await page.locator('input[type="file"][accept^="image"]').first().setInputFiles({ name: 'the-cong-chuc.png', mimeType: 'image/png', buffer: TINY_PNG });
      await page.locator('.cd-thumbs img').first().waitFor();
      const violationPath = (await link.getAttribute('href'))!;
      await shot(page, 'conduct-1-inspection-finding');
      assert(unexpected(inspector.errors).length === 0, `inspector: ${inspector.errors.join(' | ')}`);
      await page.context().close();

      // 2. The official commits to the code and answers in writing.
      const official = await as(browser, url, 'canbo');
      page = official.page;
      await page.goto(`${url}/conduct/me`);
      const ack = page.getByRole('button', { name: /Tôi đã đọc và cam kết/ }).first();
      await ack.waitFor();
      await ack.click();
      await page
        .getByText(/Đã cam kết lúc/)
        .first()
        .waitFor();
      await page
        .getByRole('link', { name: /Không đeo thẻ/ })
        .first()
        .waitFor();
      await shot(page, 'conduct-2-my-record');
      await page
        .getByRole('link', { name: /Không đeo thẻ/ })
        .first()
        .click();
      await page.getByLabel('Giải trình bằng văn bản').fill('Hôm đó tôi để quên thẻ ở nhà. Tôi xin rút kinh nghiệm.');
      await page.getByRole('button', { name: 'Gửi giải trình' }).click();
      await page.getByTestId('violation-status').filter({ hasText: 'Đã giải trình' }).waitFor();
      await shot(page, 'conduct-3-written-answer');
      assert(unexpected(official.errors).length === 0, `official: ${official.errors.join(' | ')}`);
      await page.context().close();

      // 3. The leader confirms it as duty-related.
      const leader = await as(browser, url, 'lanhdao');
      page = leader.page;
      await page.goto(`${url}${violationPath}`);
      await page.getByLabel('Vi phạm liên quan đến thực hiện chức trách, nhiệm vụ').check();
      await page.getByRole('button', { name: 'Xác nhận vi phạm' }).click();
      await page.getByTestId('violation-status').filter({ hasText: 'Đã xác nhận' }).waitFor();
      await shot(page, 'conduct-4-confirmed');

      // 4. Home Affairs opens the case; "hạ bậc lương" is refused (abolished by Decree 172/2025); reprimand is decided.
      const homeAffairs = await as(browser, url, 'noivu');
      const ha = homeAffairs.page;
      await ha.goto(`${url}${violationPath}`);
      await ha.getByRole('button', { name: 'Mở vụ việc kỷ luật' }).click();
      await ha.waitForURL(/\/conduct\/discipline\//);
      await ha.getByText('Nghị định 172/2025/NĐ-CP', { exact: true }).first().waitFor();
      await ha.selectOption('#cd-form', 'ha_bac_luong');
      await ha.getByLabel('Số quyết định').fill('15/QĐ-STP');
      await ha.getByRole('button', { name: 'Ra quyết định' }).click();
      await ha
        .getByText(/đã bị bãi bỏ/)
        .first()
        .waitFor();
      await shot(ha, 'conduct-5-abolished-form-refused');
      await ha.selectOption('#cd-form', 'khien_trach');
      await ha.getByRole('button', { name: 'Ra quyết định' }).click();
      await ha.getByTestId('case-decision').filter({ hasText: 'Khiển trách' }).waitFor();
      await shot(ha, 'conduct-6-discipline-decided');

      // 5. The annual rating: opened by the leader, self-assessed, assessed, decided.
      await page.goto(`${url}/conduct/annual-rating`);
      const person = page.locator('#cd-rating-official option', { hasText: 'Ngô Thị Thu' });
      await person.waitFor({ state: 'attached' });
      await page.selectOption('#cd-rating-official', (await person.getAttribute('value'))!);
      await page.getByRole('button', { name: 'Mở phiếu đánh giá' }).click();
      await page.waitForURL(/\/conduct\/ratings\//);
      const ratingPath = new URL(page.url()).pathname;

      const again = await as(browser, url, 'canbo');
      await again.page.goto(`${url}${ratingPath}`);
      await again.page.locator('#cd-self-general').fill('29');
      await again.page.locator('#cd-self-task').fill('66');
      await again.page.getByRole('button', { name: 'Tự đánh giá' }).click();
      await again.page.getByText('Chờ lãnh đạo đánh giá').first().waitFor();
      await again.page.context().close();

      await page.goto(`${url}${ratingPath}`);
      await page.locator('#cd-mgr-general').fill('30');
      await page.locator('#cd-mgr-task').fill('65');
      await page.getByRole('button', { name: 'Lãnh đạo đánh giá' }).click();
      await page.getByText('Chờ quyết định').first().waitFor();
      assert(unexpected(leader.errors).length === 0, `leader: ${leader.errors.join(' | ')}`);
      await page.context().close();

      await ha.goto(`${url}${ratingPath}`);
      await ha.getByRole('button', { name: 'Quyết định xếp loại' }).click();
      await ha.getByTestId('final-grade').filter({ hasText: 'Không hoàn thành nhiệm vụ' }).waitFor();
      await ha.getByText('Khiển trách — 15/QĐ-STP').first().waitFor();
      await shot(ha, 'conduct-7-rating-reflects-discipline');
      assert(unexpected(homeAffairs.errors).length === 0, `home affairs: ${homeAffairs.errors.join(' | ')}`);
      await ha.context().close();
    },
  },
  {
    name: 'conduct: the code of conduct and the emulation campaign are readable',
    async run({ url, browser }) {
      const { page, errors } = await as(browser, url, 'noivu');
      await page.goto(`${url}/conduct/office-culture`);
      await page.getByText('MẪU').first().waitFor();
      await page.getByRole('button', { name: 'Xem' }).first().click();
      await page.locator('.cd-rules li').first().waitFor();
      await shot(page, 'conduct-code-of-conduct');
      await page.goto(`${url}/conduct/emulation`);
      await page
        .getByText(/thi đua thực hiện văn hóa công sở/)
        .first()
        .waitFor();
      await page.getByText('Lao động tiên tiến').first().waitFor();
      await shot(page, 'conduct-emulation');
      assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
      await page.context().close();
    },
  },
];
