/**
 * Screenshots of the built web app (dist/web) with a mocked API (page.route), so the UI can be
 * reviewed without the server. Run: npx vite build && npx tsx e2e/screens.ts [outDir]
 * Uses the system Chromium (/usr/bin/chromium); never downloads a browser.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page, type Route } from 'playwright-core';
import { preview } from 'vite';

const OUT = resolve(process.argv[2] ?? 'e2e/artifacts/screens');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The policy the server sends; violations show up as console errors and fail the run. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'";

type Json = Record<string, unknown>;

/** A small in-memory fake of the API contract, one per browser page. */
function fakeApi() {
  let isSignedIn = false;
  const session = {
    user: {
      id: 'u-admin',
      username: 'admin',
      displayName: 'Nguyễn Thị Thanh Hương',
      roles: [
        { role: 'admin', agencyCode: 'H13' },
        { role: 'leader', agencyCode: 'H13.05' },
      ],
    },
    csrfToken: 'csrf-demo-token',
  };
  const units = [
    { code: '02', level: 'province', type: 'tinh', name: 'Tuyên Quang', parentCode: null, validFrom: '2025-07-01', validTo: null },
    { code: '00691', level: 'commune', type: 'phuong', name: 'Phường Hà Giang 1', parentCode: '02', validFrom: '2025-07-01', validTo: null },
    { code: '00694', level: 'commune', type: 'phuong', name: 'Phường Hà Giang 2', parentCode: '02', validFrom: '2025-07-01', validTo: null },
    { code: '00715', level: 'commune', type: 'xa', name: 'Xã Ngọc Đường', parentCode: '02', validFrom: '2025-07-01', validTo: null },
    { code: '024', level: 'district', type: 'thanh_pho', name: 'Thành phố Hà Giang', parentCode: '02', validFrom: null, validTo: '2025-06-30' },
  ];
  const agencies = [
    { code: 'H13', name: 'Ủy ban nhân dân tỉnh Tuyên Quang', parentCode: null, adminUnitCode: '02', provinceCode: '02' },
    { code: 'H13.05', name: 'Sở Nội vụ', parentCode: 'H13', adminUnitCode: '02', provinceCode: '02' },
    { code: 'H13.30', name: 'Trung tâm Phục vụ hành chính công tỉnh', parentCode: 'H13', adminUnitCode: '02', provinceCode: '02' },
    { code: 'H13.60.01', name: 'Ủy ban nhân dân phường Hà Giang 1', parentCode: 'H13', adminUnitCode: '00691', provinceCode: '02' },
  ];
  const orgUnits = [
    { id: 'ou1', name: 'Phòng Công chức, viên chức', kind: 'phong', parentId: null },
    { id: 'ou2', name: 'Phòng Cải cách hành chính', kind: 'phong', parentId: null },
    { id: 'ou3', name: 'Tổ kiểm tra công vụ', kind: 'to', parentId: 'ou2' },
  ];
  const users = [
    {
      id: 'u-admin',
      username: 'admin',
      displayName: 'Nguyễn Thị Thanh Hương',
      kind: 'official',
      isActive: true,
      roles: [{ id: 'r1', role: 'admin', agencyCode: 'H13', unitId: null }],
    },
    {
      id: 'u2',
      username: 'motcua',
      displayName: 'Lò Văn Đức',
      kind: 'official',
      isActive: true,
      roles: [{ id: 'r2', role: 'counter_officer', agencyCode: 'H13.30', unitId: null }],
    },
    {
      id: 'u3',
      username: 'xuly',
      displayName: 'Hoàng Thị Ánh',
      kind: 'official',
      isActive: true,
      roles: [
        { id: 'r3', role: 'processing_officer', agencyCode: 'H13.05', unitId: 'ou1' },
        { id: 'r4', role: 'leader', agencyCode: 'H13.05', unitId: null },
      ],
    },
    { id: 'u4', username: 'congdan', displayName: 'Vàng Seo Páo', kind: 'citizen', isActive: false, roles: [] },
  ];
  const tokens = [
    {
      id: 't1',
      name: 'Cổng dịch vụ công quốc gia',
      role: 'counter_officer',
      agencyCode: 'H13.30',
      prefix: 'cv_live_8f2a',
      createdAt: '2026-03-02T02:15:00Z',
      lastUsedAt: '2026-11-20T08:01:00Z',
      revokedAt: null,
      expiresAt: '2027-03-02T02:15:00Z',
    },
    {
      id: 't2',
      name: 'Phần mềm một cửa cũ',
      role: 'processing_officer',
      agencyCode: 'H13.05',
      prefix: 'cv_live_11bd',
      createdAt: '2025-01-10T01:00:00Z',
      lastUsedAt: null,
      revokedAt: '2026-06-30T10:00:00Z',
      expiresAt: '2026-01-10T01:00:00Z',
    },
  ];
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/gi, 'd')
      .toLowerCase();
  const search = <T extends Json>(items: T[], q: string | null) =>
    q ? items.filter((i) => Object.values(i).some((v) => typeof v === 'string' && fold(v).includes(fold(q)))) : items;
  const problem = (status: number, code: string, detail: string, errors?: { field: string; message: string }[]) => ({
    status,
    body: { type: 'about:blank', title: detail, status, code, detail, requestId: 'req-demo-42', errors },
  });

  return async function handle(route: Route) {
    const req = route.request();
    const url = new URL(req.url());
    const path = url.pathname.replace('/api/v1', '');
    const method = req.method();
    const body = (req.postDataJSON() ?? {}) as Json;
    let res: { status: number; body?: unknown };
    if (path === '/meta')
      res = { status: 200, body: { name: 'Công Vụ', version: '0.1.0', demo: true, demoAccounts: ['admin', 'motcua', 'xuly', 'lanhdao', 'congdan'] } };
    else if (path === '/auth/me') res = isSignedIn ? { status: 200, body: session } : problem(401, 'unauthenticated', 'Chưa đăng nhập');
    else if (path === '/auth/login') {
      if (body.password === 'sai') res = problem(401, 'invalid_credentials', 'Invalid credentials');
      else {
        isSignedIn = true;
        res = { status: 200, body: session };
      }
    } else if (path === '/auth/logout') {
      isSignedIn = false;
      res = { status: 204 };
    } else if (!isSignedIn) res = problem(401, 'unauthenticated', 'Chưa đăng nhập');
    else if (method !== 'GET' && req.headers()['x-csrf-token'] !== session.csrfToken) res = problem(403, 'csrf', 'CSRF token missing');
    else if (path === '/admin/administrative-units' && method === 'GET') {
      const level = url.searchParams.get('level');
      res = { status: 200, body: { items: search(units, url.searchParams.get('q')).filter((u) => !level || u.level === level), nextCursor: 'c2' } };
    } else if (path === '/admin/agencies' && method === 'GET')
      res = { status: 200, body: { items: search(agencies, url.searchParams.get('q')), nextCursor: null } };
    else if (path === '/admin/agencies' && method === 'POST') {
      if (agencies.some((a) => a.code === body.code))
        res = problem(409, 'conflict', 'Mã định danh đã tồn tại', [{ field: '/code', message: 'Mã định danh đã được dùng cho cơ quan khác' }]);
      else res = { status: 201, body: { ...body, provinceCode: '02' } };
    } else if (/^\/admin\/agencies\/[^/]+\/units$/.test(path))
      res = method === 'GET' ? { status: 200, body: { items: orgUnits } } : { status: 201, body: { id: `ou${Date.now()}`, ...body } };
    else if (path === '/admin/users' && method === 'GET') res = { status: 200, body: { items: search(users, url.searchParams.get('q')), nextCursor: null } };
    else if (/^\/admin\/users\/[^/]+\/roles$/.test(path)) res = { status: 201, body: { id: `r${Date.now()}`, unitId: null, ...body } };
    else if (/^\/admin\/users\/[^/]+\/roles\/[^/]+$/.test(path)) res = { status: 204 };
    else if (path === '/admin/tokens' && method === 'GET') res = { status: 200, body: { items: tokens } };
    else if (path === '/admin/tokens' && method === 'POST')
      res = {
        status: 201,
        body: {
          id: 't9',
          token: 'cv_live_4b7e_Zq8v1mX0pK3rT6yWc2nH9dLs5fGj',
          prefix: 'cv_live_4b7e',
          createdAt: new Date().toISOString(),
          lastUsedAt: null,
          revokedAt: null,
          expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString(),
          ...body,
        },
      };
    else if (/^\/admin\/tokens\/[^/]+\/revoke$/.test(path)) res = { status: 200, body: { ...tokens[0], revokedAt: new Date().toISOString() } };
    else res = problem(404, 'not_found', 'Not found');

    await route.fulfill({
      status: res.status,
      contentType: res.status >= 400 ? 'application/problem+json' : 'application/json',
      body: res.status === 204 ? '' : JSON.stringify(res.body),
    });
  };
}

async function shot(page: Page, name: string, fullPage = true) {
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage });
  console.log(`${OUT}/${name}.png`);
}

async function signIn(page: Page) {
  await page.getByLabel(/Tên đăng nhập|Username/).fill('admin');
  await page.getByLabel(/^(Mật khẩu|Password)$/).fill('demo');
  await page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/ }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const server = await preview({
    configFile: resolve('vite.config.ts'),
    preview: { port: 4179, strictPort: false, proxy: {}, headers: { 'Content-Security-Policy': CSP } },
  });
  const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? 'http://127.0.0.1:4179';
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const errors: string[] = [];
  try {
    const open = async (width: number, height: number) => {
      const context = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
      const page = await context.newPage();
      // expected 401/409 answers of the fake API log "Failed to load resource"; anything else counts
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.route('**/api/**', fakeApi());
      return page;
    };

    // desktop
    const page = await open(1280, 820);
    await page.goto(`${base}/admin/users`);
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await shot(page, 'login-vi');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await shot(page, 'login-vi-validation');
    await page.getByRole('button', { name: 'English' }).click();
    await shot(page, 'login-en');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill('sai');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Incorrect username or password').waitFor();
    await shot(page, 'login-en-401');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await signIn(page); // lands on ?next=/admin/users
    await page.getByRole('cell', { name: 'Lò Văn Đức', exact: true }).waitFor();
    await page.getByRole('button', { name: /Vai trò.*Hoàng Thị Ánh/ }).click();
    await shot(page, 'admin-users-roles');
    await page.getByRole('button', { name: /Thu hồi.*Lãnh đạo/ }).click();
    await shot(page, 'admin-users-remove-confirm', false);
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Trang chủ' }).click();
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    await shot(page, 'admin-home');
    await page.getByRole('link', { name: 'Đơn vị hành chính' }).first().click();
    await page.getByRole('cell', { name: 'Xã Ngọc Đường', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Thêm mới' }).click();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await shot(page, 'admin-units-validation');
    await page.getByRole('link', { name: 'Cơ quan' }).click();
    await page.getByRole('button', { name: /Phòng, ban.*Sở Nội vụ/ }).click();
    await page.locator('.tree-item').nth(2).waitFor();
    await page.getByRole('button', { name: 'Thêm mới' }).click();
    await page.getByLabel('Mã định danh điện tử').fill('h13.05');
    await page.getByLabel('Tên cơ quan').fill('Sở Nội vụ');
    await page.getByLabel('Mã đơn vị hành chính').fill('02');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Mã định danh đã được dùng cho cơ quan khác').waitFor();
    await shot(page, 'admin-agencies-409');
    await page.getByRole('link', { name: 'Mã truy cập API' }).click();
    await page.getByRole('button', { name: 'Thêm mới' }).click();
    await page.getByLabel('Tên gợi nhớ').fill('Hệ thống quản lý văn bản');
    await page.getByLabel('Mã cơ quan').fill('h13.05');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Mã truy cập mới đã được tạo', { exact: false }).waitFor();
    await shot(page, 'admin-tokens-created');
    await page.getByRole('button', { name: /Thu hồi.*Cổng dịch vụ công quốc gia/ }).click();
    await shot(page, 'admin-tokens-revoke-confirm', false);
    await page.goto(`${base}/khong-ton-tai`);
    await page.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();
    await shot(page, 'not-found');

    // phone, 360 px
    const phone = await open(360, 740);
    await phone.goto(`${base}/login`);
    await phone.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await shot(phone, 'phone-360-login');
    await signIn(phone);
    await shot(phone, 'phone-360-home');
    await phone.getByRole('button', { name: 'Danh mục' }).click();
    await shot(phone, 'phone-360-menu-open', false);
    await phone.getByRole('link', { name: 'Người dùng', exact: true }).click();
    await phone.getByText('Lò Văn Đức', { exact: true }).waitFor();
    await shot(phone, 'phone-360-users');
    await phone.reload();
    await phone.getByText('Lò Văn Đức', { exact: true }).waitFor();
    await phone.keyboard.press('Tab');
    await shot(phone, 'phone-360-skip-link-focus', false);
    await phone.keyboard.press('Enter');
    await phone.keyboard.press('Tab');
    await shot(phone, 'phone-360-after-skip-tab', false);
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
  }
  if (errors.length) {
    console.error('browser errors:\n' + errors.join('\n'));
    process.exitCode = 1;
  }
}

await main();
