import { assert, type Journey, newPage, shot, signIn, submitLogin } from '../lib.js';

const ACCOUNTS = ['admin', 'motcua', 'chuyenvien', 'lanhdao', 'thanhtra', 'noivu', 'kiemtoan', 'congdan'];

export const journeys: Journey[] = [
  {
    name: 'every demo role signs in, sees its home, and signs out',
    async run({ url, browser }) {
      for (const username of ACCOUNTS) {
        const { page, errors } = await newPage(browser);
        await signIn(page, url, username);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await shot(page, `home-${username}`);
        await page
          .getByRole('button', { name: /Đăng xuất/ })
          .first()
          .click();
        await page.waitForURL(/\/login/);
        assert(errors.length === 0, `${username}: console errors: ${errors.join(' | ')}`);
        await page.context().close();
      }
    },
  },
  {
    name: 'a wrong password is explained on the page',
    async run({ url, browser }) {
      const { page } = await newPage(browser);
      await submitLogin(page, url, 'admin', 'sai-mat-khau');
      await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng').first().waitFor();
      await shot(page, 'login-wrong-password');
      await page.context().close();
    },
  },
  {
    name: 'the language switches to English and stays after a reload',
    async run({ url, browser }) {
      const { page, errors } = await newPage(browser);
      await signIn(page, url, 'noivu');
      await page.getByRole('button', { name: 'English' }).click();
      await page
        .getByRole('button', { name: /Sign out/ })
        .first()
        .waitFor();
      await page.reload();
      await page
        .getByRole('button', { name: /Sign out/ })
        .first()
        .waitFor();
      assert((await page.getAttribute('html', 'lang')) === 'en', 'html lang should be en');
      await shot(page, 'home-noivu-en');
      await page.getByRole('button', { name: 'Tiếng Việt' }).click();
      await page
        .getByRole('button', { name: /Đăng xuất/ })
        .first()
        .waitFor();
      assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
      await page.context().close();
    },
  },
  {
    name: 'a 360 px phone: login and the menu work',
    async run({ url, browser }) {
      const { page, errors } = await newPage(browser, { width: 360, height: 740 });
      await signIn(page, url, 'admin');
      await shot(page, 'phone-home-admin');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 1, `page scrolls sideways by ${overflow}px on a phone`);
      assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
      await page.context().close();
    },
  },
];
