// The customer pages (issue 4): a new customer whose phone is already on file gets a duplicate
// warning and can still be saved; the search finds them; the 360° page shows them. At desktop
// and at phone width.
import {
  apiAs,
  expect,
  freshMobile,
  freshName,
  login,
  PHONE_390,
  shot,
  test,
  type Device,
} from './fixtures';
import type { APIRequest, Page } from '@playwright/test';

async function customerRound(
  page: Page,
  playwright: { request: APIRequest },
  device: Device,
) {
  // Someone already has this phone.
  const manager = await apiAs(playwright, 'hz-sales-manager');
  const phone = freshMobile();
  const existing = freshName('慕容');
  await manager.send('POST', '/api/v1/customers', { name: existing, phones: [{ number: phone }] });

  const name = freshName('东方');
  await login(page, 'hz-sales-manager');
  await page.goto('/customers');
  await page.getByTestId('new-customer').click();
  await expect(page.getByTestId('customer-form')).toBeVisible();
  await page.getByTestId('field-name').fill(name);
  await page.getByTestId('field-phone-0').fill(phone);
  const first = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/customers') && r.request().method() === 'POST',
  );
  await page.getByTestId('save-customer').click();
  expect((await first).status()).toBe(409);
  const warning = page.getByTestId('duplicate-alert');
  await expect(warning).toBeVisible();
  await expect(warning.getByTestId('duplicate-candidate').first()).toContainText(existing);
  await shot(page, `zh-CN-${device}-customer-duplicate`);

  const created = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/customers') && r.request().method() === 'POST',
  );
  await warning.getByTestId('create-anyway').click();
  expect((await created).status()).toBe(201);
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('customer-name')).toHaveText(name);
  const url = page.url();

  // The search box finds the new customer by name.
  await page.goto('/customers');
  await page.getByTestId('customers-search').fill(name);
  await expect(page).toHaveURL(/q=/);
  const row = page.getByTestId('customer-row').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await shot(page, `zh-CN-${device}-customer-search`);
  await row.getByRole('link', { name }).click();
  await expect(page).toHaveURL(url);
  await expect(page.getByTestId('customer-name')).toHaveText(name);
  await expect(page.getByTestId('customer-phone').first()).toContainText(phone.slice(-4));
  await shot(page, `zh-CN-${device}-customer-360`);
}

test('a new customer with a known phone is warned about, saved, found and shown', async ({
  page,
  playwright,
}) => {
  test.setTimeout(120_000);
  await customerRound(page, playwright, 'desktop');
});

test.describe('at phone width', () => {
  test.use(PHONE_390);
  test('the same on a phone', async ({ page, playwright }) => {
    test.setTimeout(120_000);
    await customerRound(page, playwright, 'phone');
  });
});
