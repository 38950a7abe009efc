// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App';
import { AuthProvider } from '../../lib/auth';
import { I18nProvider } from '../../lib/i18n';
import { ADMIN_SESSION, mockFetch } from '../../test/fetch-mock';

function renderLogin() {
  window.history.replaceState(null, '', '/login');
  return render(
    <I18nProvider initialLang="vi">
      <AuthProvider>
        <App />
      </AuthProvider>
    </I18nProvider>,
  );
}

const anonymous = (demo: boolean, loginStatus = 401) =>
  mockFetch((c) => {
    if (c.url === '/api/v1/meta') return { status: 200, body: { name: 'Công Vụ', version: '0.1.0', demo, demoAccounts: ['admin', 'motcua'] } };
    if (c.url === '/api/v1/auth/me') return { status: 401, body: { title: 'Unauthorized', status: 401, code: 'unauthenticated' } };
    if (c.url === '/api/v1/auth/login') {
      if (loginStatus === 200) return { status: 200, body: ADMIN_SESSION };
      return { status: loginStatus, body: { title: 'x', status: loginStatus, code: 'x', requestId: 'req-1' } };
    }
    return undefined;
  });

describe('LoginPage', () => {
  beforeEach(() => window.localStorage.clear());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows field validation messages next to empty fields and does not call the server', async () => {
    const { calls } = anonymous(false);
    renderLogin();
    const submit = await screen.findByRole('button', { name: 'Đăng nhập' });
    act(() => {
      fireEvent.click(submit);
    });
    expect(await screen.findByText('Vui lòng nhập tên đăng nhập.')).toBeTruthy();
    expect(screen.getByText('Vui lòng nhập mật khẩu.')).toBeTruthy();
    const username = screen.getByLabelText('Tên đăng nhập');
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(username.getAttribute('aria-describedby')).toContain('login-username-error');
    expect(calls.some((c) => c.url === '/api/v1/auth/login')).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(username));
  });

  it('shows the fixed message on 401', async () => {
    anonymous(false, 401);
    renderLogin();
    fireEvent.change(await screen.findByLabelText('Tên đăng nhập'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'wrong-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByText('Tên đăng nhập hoặc mật khẩu không đúng')).toBeTruthy();
    expect(screen.getByText('Mã yêu cầu: req-1')).toBeTruthy();
  });

  it('shows the lock-out message on 429', async () => {
    anonymous(false, 429);
    renderLogin();
    fireEvent.change(await screen.findByLabelText('Tên đăng nhập'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByText(/đăng nhập sai quá nhiều lần/)).toBeTruthy();
  });

  it('lists demo accounts only when /meta says demo', async () => {
    anonymous(true);
    renderLogin();
    expect(await screen.findByText('Tài khoản dùng thử')).toBeTruthy();
    expect(screen.getByText('motcua')).toBeTruthy();
    cleanup();
    vi.unstubAllGlobals();

    anonymous(false);
    renderLogin();
    await screen.findByRole('button', { name: 'Đăng nhập' });
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText('Tài khoản dùng thử')).toBeNull();
  });

  it('signs in and lands on the admin home with the layout', async () => {
    anonymous(false, 200);
    renderLogin();
    fireEvent.change(await screen.findByLabelText('Tên đăng nhập'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'correct-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Xin chào, Nguyễn Văn An' })).toBeTruthy();
    expect(window.location.pathname).toBe('/');
    expect(screen.getByRole('navigation', { name: 'Điều hướng chính' })).toBeTruthy();
    expect(screen.getAllByText('Mã truy cập API').length).toBeGreaterThan(0);
  });
});
