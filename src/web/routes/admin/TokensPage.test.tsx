// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../lib/api';
import { I18nProvider } from '../../lib/i18n';
import { mockFetch } from '../../test/fetch-mock';
import { TokensPage } from './TokensPage';

const existing = {
  id: 't1',
  name: 'Cổng dịch vụ công',
  role: 'counter_officer',
  agencyCode: 'H13.30',
  prefix: 'cv_8f2a',
  createdAt: '2026-03-02T02:15:00Z',
  lastUsedAt: null,
  revokedAt: null,
  expiresAt: '2027-03-02T02:15:00Z',
};
describe('TokensPage', () => {
  beforeEach(() => setCsrfToken('csrf-xyz'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows a new token once, then revokes a token after confirmation', async () => {
    const { calls } = mockFetch((c) => {
      if (c.url === '/api/v1/admin/tokens' && c.method === 'GET') return { status: 200, body: { items: [existing] } };
      if (c.url === '/api/v1/admin/tokens' && c.method === 'POST')
        return { status: 201, body: { ...existing, id: 't2', name: 'Văn bản', prefix: 'cv_4b7e', token: 'cv_4b7e_SECRET' } };
      if (c.url === '/api/v1/admin/tokens/t1/revoke') return { status: 200, body: { ...existing, revokedAt: '2026-11-28T00:00:00Z' } };
      return undefined;
    });
    render(
      <I18nProvider initialLang="vi">
        <TokensPage />
      </I18nProvider>,
    );
    await screen.findByText('Cổng dịch vụ công');

    fireEvent.click(screen.getByRole('button', { name: 'Thêm mới' }));
    fireEvent.change(screen.getByLabelText('Tên gợi nhớ'), { target: { value: 'Văn bản' } });
    fireEvent.change(screen.getByLabelText(/^Mã cơ quan/), { target: { value: 'h13.05' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    const secret = (await screen.findByLabelText('Mã truy cập')) as HTMLInputElement;
    expect(secret.value).toBe('cv_4b7e_SECRET');
    expect(screen.getByText(/sẽ không được hiển thị lại/)).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ name: 'Văn bản', role: 'processing_officer', agencyCode: 'H13.05', expiresInDays: 365 });
    fireEvent.click(screen.getByRole('button', { name: 'Tôi đã lưu mã' }));
    expect(screen.queryByDisplayValue('cv_4b7e_SECRET')).toBeNull();
    expect(document.body.textContent).not.toContain('SECRET');

    fireEvent.click(screen.getByRole('button', { name: /Thu hồi.*Cổng dịch vụ công/ }));
    const dialog = screen.getByRole('alertdialog');
    expect(calls.some((c) => c.url.endsWith('/revoke'))).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Thu hồi' }));
    expect(await screen.findByText('Đã thu hồi mã “Cổng dịch vụ công”.')).toBeTruthy();
    const revoke = calls.find((c) => c.url.endsWith('/revoke'))!;
    expect(revoke.method).toBe('POST');
    expect(revoke.headers['x-csrf-token']).toBe('csrf-xyz');
  });

  it('shows expiry and last use, marks an expired token, and sends the lifetime chosen at creation', async () => {
    const used = { ...existing, id: 't3', name: 'Phần mềm một cửa', lastUsedAt: '2026-11-20T08:30:00Z', expiresAt: '2099-01-01T00:00:00Z' };
    const old = { ...existing, id: 't4', name: 'Kiosk cũ', expiresAt: '2020-01-01T00:00:00Z' };
    const { calls } = mockFetch((c) => {
      if (c.url === '/api/v1/admin/tokens' && c.method === 'GET') return { status: 200, body: { items: [used, old] } };
      if (c.url === '/api/v1/admin/tokens' && c.method === 'POST')
        return { status: 201, body: { ...existing, id: 't5', name: 'Ba tháng', token: 'cv_x_SECRET' } };
      return undefined;
    });
    render(
      <I18nProvider initialLang="vi">
        <TokensPage />
      </I18nProvider>,
    );
    const usedRow = (await screen.findByText('Phần mềm một cửa')).closest('tr')!;
    expect(within(usedRow).getByText('Đang hiệu lực')).toBeTruthy();
    expect(within(usedRow).getByText('Hết hạn 01/01/2099')).toBeTruthy();
    expect(usedRow.querySelector('[data-label="Lần dùng gần nhất"]')!.textContent).toMatch(/20\/11\/2026/);
    const oldRow = screen.getByText('Kiosk cũ').closest('tr')!;
    expect(within(oldRow).getByText('Đã hết hạn')).toBeTruthy();
    expect(within(oldRow).getByText('Hết hạn 01/01/2020')).toBeTruthy();
    expect(within(oldRow).getByText('Chưa sử dụng')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Thêm mới' }));
    const expiry = screen.getByLabelText(/^Thời hạn/) as HTMLSelectElement;
    expect(expiry.value).toBe('365');
    fireEvent.change(screen.getByLabelText('Tên gợi nhớ'), { target: { value: 'Ba tháng' } });
    fireEvent.change(screen.getByLabelText(/^Mã cơ quan/), { target: { value: 'H13.05' } });
    fireEvent.change(expiry, { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await screen.findByLabelText('Mã truy cập');
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({ expiresInDays: 90 });
  });
});
