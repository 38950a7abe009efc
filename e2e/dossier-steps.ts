/** Steps the dossier journeys share: sign in as a demo account, take an action on a dossier's page, read its state. */
import type { Browser, Page } from 'playwright-core';
import { assert, newPage, signIn } from './lib.js';

export async function as(browser: Browser, url: string, username: string): Promise<{ page: Page; errors: string[] }> {
  const s = await newPage(browser);
  await signIn(s.page, url, username);
  return s;
}

/** Open the dossier, press the action, fill its form, send, and wait for the page to reload. */
/** Pick, don't type: search a picker (combobox) by a person's or agency's name and pick the first match. */
export async function pick(form: ReturnType<Page['locator']>, id: string, text: string): Promise<void> {
  await form.locator(`#${id}`).fill(text);
  await form.getByRole('option').filter({ hasText: text }).first().click();
}

export async function act(page: Page, url: string, code: string, label: string, fill?: (form: ReturnType<Page['locator']>) => Promise<void>): Promise<void> {
  await page.goto(`${url}/dossiers/${code}`);
  await page.locator('.dossier-actions .toolbar').getByRole('button', { name: label, exact: true }).click();
  const form = page.locator('form.dossier-action-form');
  await form.waitFor();
  if (fill) await fill(form);
  await form.locator('button[type=submit]').click();
  try {
    await form.waitFor({ state: 'detached', timeout: 10_000 });
  } catch {
    const alert = await page
      .locator('.alert--error')
      .first()
      .textContent()
      .catch(() => null);
    throw new Error(`${label} on ${code} failed: ${alert ?? 'no answer'}`);
  }
}

export interface DossierState {
  status: string;
  dueAt: string | null;
  receivedAt: string | null;
  closedAt: string | null;
  receivingAgency: { code: string };
  competentAgency: { code: string };
  assignedTo: { name: string } | null;
  collector: { kind: string; fullName: string; idNumber: string; authorisation: string | null } | null;
}

export async function status(page: Page, url: string, code: string): Promise<DossierState> {
  const res = await page.request.get(`${url}/api/v1/dossiers/${code}`);
  assert(res.ok(), `GET dossier ${code}: ${res.status()}`);
  return (await res.json()) as DossierState;
}
