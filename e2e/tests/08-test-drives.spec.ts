// Booking a test-drive car, and a second booking over the same time showing who has the car.
import { apiAs, expect, freshMobile, freshName, login, shot, test } from './fixtures';
import type { Page } from '@playwright/test';

/** Tomorrow in Shanghai, "YYYY-MM-DD": a day whose hours are all still ahead. */
function tomorrow(): string {
  const day = new Date(Date.now() + 24 * 3600 * 1000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(day);
}

async function book(page: Page, customer: string, car: string, start: string) {
  await page.getByTestId('new-booking').click();
  const form = page.getByTestId('booking-form');
  await expect(form).toBeVisible();
  await form.getByTestId('booking-customer').click();
  await page.keyboard.type(customer);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: customer })
    .click();
  await form.getByTestId('booking-car').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: car })
    .click();
  const time = form.getByTestId('booking-start');
  await time.click();
  await time.fill(start);
  await time.press('Enter');
  await expect(time).toHaveValue(start);
}

test('a car is booked once; an overlapping booking shows the clash', async ({ page, playwright }) => {
  test.setTimeout(120_000);
  const manager = await apiAs(playwright, 'hz-sales-manager');
  const stamp = Date.now().toString(36).slice(-5).toUpperCase();
  const car = `E2E试驾车 ${stamp}`;
  await manager.send('POST', '/api/v1/test-drive-cars', { name: car, plate: `浙A${String(Date.now()).slice(-5)}` });
  const first = freshName('诸葛');
  const second = freshName('上官');
  for (const name of [first, second]) {
    await manager.send('POST', '/api/v1/customers', {
      name,
      phones: [{ number: freshMobile() }],
      source: 'walk_in',
    });
  }

  await login(page, 'hz-sales-manager');
  const day = tomorrow();
  await page.goto(`/test-drives?date=${day}`);
  const row = page.getByTestId('fleet-row').filter({ hasText: car });
  await expect(row).toBeVisible();

  await book(page, first, car, '10:00');
  await page.getByTestId('booking-licence').fill('11010519491231002X');
  const booked = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/test-drives') && r.request().method() === 'POST',
  );
  await page.getByTestId('booking-submit').click();
  expect((await booked).status()).toBe(201);
  await expect(page.getByTestId('booking-form')).toBeHidden();
  await expect(row.getByTestId('booking-bar').filter({ hasText: first })).toBeVisible();
  await shot(page, 'zh-CN-desktop-test-drives');

  // Half an hour later on the same car: refused, and the form says who has it.
  await book(page, second, car, '10:30');
  const refused = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/test-drives') && r.request().method() === 'POST',
  );
  await page.getByTestId('booking-submit').click();
  const answer = await refused;
  expect(answer.status()).toBe(409);
  expect((await answer.json()).code).toBe('schedule_conflict');
  const clash = page.getByTestId('booking-conflict');
  await expect(clash).toContainText('这辆车在该时段已被预约');
  await expect(clash).toContainText('10:00–10:45');
  await expect(clash).toContainText(first);
  await shot(page, 'zh-CN-desktop-test-drive-conflict', { fullPage: false });

  // Only the first booking holds the car.
  const from = new Date(`${day}T00:00:00+08:00`).toISOString();
  const to = new Date(`${day}T23:59:59+08:00`).toISOString();
  const bookings: { car: { name: string }; customer?: { name: string }; status: string }[] =
    await manager.get(`/api/v1/test-drives?from=${from}&to=${to}`);
  const onCar = bookings.filter((b) => b.car.name === car && b.status === 'booked');
  expect(onCar.map((b) => b.customer?.name)).toEqual([first]);
});
