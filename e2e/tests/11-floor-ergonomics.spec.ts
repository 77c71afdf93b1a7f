// What a day on the showroom floor asked of the pages: the leads list searches by name or phone
// and by the day a lead came in, keeps its tags on one line and offers the row's actions; phone
// numbers in clear are one tap from a call; a new page opens at its top; test-drive cars are
// named with their model and a booking's time starts near now; the role grid's column headers
// are distinct and stay in view while the resources scroll by.
import {
  apiAs,
  expect,
  freshMobile,
  freshName,
  login,
  PHONE_390,
  shot,
  test,
  type ApiSession,
} from './fixtures';

/** Today in Shanghai, "YYYY-MM-DD". */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** Minutes since midnight on the Shanghai wall clock. */
function shanghaiMinutes(at: Date): number {
  const [h, m] = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(at)
    .split(':')
    .map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

async function walkIn(consultant: ApiSession, name: string, phone: string) {
  const outcome = await consultant.send('POST', '/api/v1/receptions', {
    customer: { name, phones: [{ number: phone }] },
    party_size: 1,
    models: [{ text: '途观L' }],
    test_drive: false,
    grade: 'H',
  });
  return outcome.lead.id as string;
}

test('the leads list searches, filters by creation day and acts on a row', async ({
  page,
  playwright,
}) => {
  test.setTimeout(120_000);
  const consultant = await apiAs(playwright, 'hz-consultant');
  const name = freshName('司马');
  const phone = freshMobile();
  const leadId = await walkIn(consultant, name, phone);

  await login(page, 'hz-consultant');
  await page.goto('/leads');
  await page.getByTestId('leads-search').fill(name);
  await expect(page).toHaveURL(/q=/);
  const rows = page.getByTestId('lead-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(name);
  // The grade and status tags keep to one line.
  const status = rows.first().locator('.ant-tag').last();
  expect((await status.boundingBox())?.height ?? 99).toBeLessThan(28);
  await shot(page, 'zh-CN-desktop-leads-search');

  // By the phone's last four digits, within the day it came in.
  await page.goto(`/leads?q=${phone.slice(-4)}&from=${today()}&to=${today()}`);
  await expect(rows.filter({ hasText: name })).toHaveCount(1);
  await page.goto(`/leads?q=${phone.slice(-4)}&from=2000-01-01&to=2000-01-31`);
  await expect(
    page.getByText('没有符合筛选条件的线索').or(page.locator('.ant-empty')),
  ).toBeVisible();
  await expect(rows).toHaveCount(0);

  // The row's actions: log a follow-up without leaving the list.
  await page.goto(`/leads?q=${encodeURIComponent(name)}`);
  await rows.first().getByTestId('row-follow-up').click();
  await expect(page.getByTestId('follow-up-form')).toBeVisible();
  await expect(page).toHaveURL(/\/leads\?/);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('follow-up-form')).toBeHidden();
  await rows.first().getByTestId('row-open').click();
  await expect(page).toHaveURL(new RegExp(`/leads/${leadId}$`));

  // The same list in English: the search box and the actions column speak English.
  await page.goto('/leads');
  await page.getByTestId('language-switcher').click();
  await page.getByTestId('locale-en').click();
  await expect(page.getByTestId('leads-search')).toHaveAttribute('placeholder', /phone/);
  await expect(page.locator('.ant-table-thead')).toContainText('Actions');
  await shot(page, 'en-desktop-leads');
  await page.getByTestId('language-switcher').click();
  await page.getByTestId('locale-zh-CN').click();
});

test('on a phone: a number in clear is a call, and the walk-in form opens at its top', async ({
  browser,
  playwright,
}) => {
  test.setTimeout(120_000);
  const consultant = await apiAs(playwright, 'hz-consultant');
  const name = freshName('欧阳');
  const phone = freshMobile();
  const leadId = await walkIn(consultant, name, phone);

  const context = await browser.newContext({
    baseURL: process.env.FORECOURT_URL,
    ...PHONE_390,
  });
  const page = await context.newPage();
  await login(page, 'hz-consultant');
  await page.goto(`/leads/${leadId}`);
  const call = page.getByTestId('tel-link').first();
  await expect(call).toHaveAttribute('href', `tel:${phone}`);
  await shot(page, 'zh-CN-phone-lead-call');

  // Far down the list, the menu's walk-in form still opens at its top.
  await page.goto('/leads');
  await expect(page.getByTestId('lead-row').first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await page.getByTestId('open-nav').click();
  await page.locator('.nav-drawer .side-menu').getByText('展厅接待', { exact: true }).click();
  await expect(page.getByTestId('reception-form')).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await context.close();
});

test('a booking names cars with their model and starts near now', async ({ page, playwright }) => {
  test.setTimeout(120_000);
  const manager = await apiAs(playwright, 'hz-sales-manager');
  const cars = (await manager.get('/api/v1/test-drive-cars')) as {
    label: string;
    name: string;
    car: { name: string } | null;
  }[];
  const withModel = cars.find((c) => c.car);
  expect(withModel, 'the demo fleet has cars of catalog series').toBeTruthy();
  expect(withModel?.label).toContain(withModel?.car?.name ?? '?');
  expect(withModel?.label).toContain(withModel?.name ?? '?');

  await login(page, 'hz-sales-manager');
  await page.goto('/test-drives');
  await expect(
    page.getByTestId('fleet-row').filter({ hasText: withModel?.label ?? '' }),
  ).toHaveCount(1);
  const before = shanghaiMinutes(new Date());
  await page.getByTestId('new-booking').click();
  const form = page.getByTestId('booking-form');
  await expect(form).toBeVisible();
  const start = await form.getByTestId('booking-start').inputValue();
  const [h, m] = start.split(':').map(Number);
  const picked = (h ?? 0) * 60 + (m ?? 0);
  // The next quarter hour (a day boundary wraps to 00:00).
  expect((picked - before + 24 * 60) % (24 * 60)).toBeLessThanOrEqual(16);
  await form.getByTestId('booking-car').click();
  await expect(
    page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({
      hasText: withModel?.label ?? '',
    }),
  ).toHaveCount(1);
  await shot(page, 'zh-CN-desktop-booking-near-now', { fullPage: false });
  await page.keyboard.press('Escape');
});

test('the role grid keeps its distinct column headers in view', async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, 'hz-admin');
  await page.goto('/admin/roles/sales_consultant');
  const grid = page.getByTestId('permission-grid');
  await expect(grid).toBeVisible();
  const headers = await grid.locator('thead').first().locator('th').allInnerTexts();
  const named = headers.map((h) => h.trim()).filter(Boolean);
  expect(new Set(named).size).toBe(named.length);
  await page.evaluate(() => window.scrollTo(0, 900));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  const header = grid.locator('.ant-table-sticky-holder, .ant-table-header').first();
  const box = await header.boundingBox();
  expect(box?.y ?? -1).toBeGreaterThanOrEqual(50);
  expect(box?.y ?? 999).toBeLessThanOrEqual(62);
  await shot(page, 'zh-CN-desktop-role-grid-scrolled', { fullPage: false });
});

test('a notice the system wrote reads in each reader language', async ({ page, playwright }) => {
  test.setTimeout(120_000);
  const manager = await apiAs(playwright, 'hz-sales-manager');
  const consultant = await apiAs(playwright, 'hz-consultant');
  const name = freshName('皇甫');
  // The manager receives a walk-in, then hands the lead to the consultant, who is told.
  const outcome = await manager.send('POST', '/api/v1/receptions', {
    customer: { name, phones: [{ number: freshMobile() }] },
    party_size: 1,
    models: [{ text: '途观L' }],
    test_drive: false,
    grade: 'A',
  });
  await manager.send('POST', `/api/v1/leads/${outcome.lead.id}/assign`, {
    version: outcome.lead.version,
    owner_id: consultant.userId,
  });

  await login(page, 'hz-consultant');
  const expected: [string, string, RegExp][] = [
    ['zh-TW', `新線索：${name}`, /新线索/],
    ['en', `New lead: ${name}`, /新线索|新線索/],
    ['zh-CN', `新线索：${name}`, /新線索|New lead/],
  ];
  for (const [lang, title, other] of expected) {
    if ((await page.locator('html').getAttribute('lang')) !== lang) {
      await page.getByTestId('language-switcher').click();
      await page.getByTestId(`locale-${lang}`).click();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
    }
    await page.goto('/my-work');
    await page.getByTestId('notification-bell').click();
    const item = page.getByTestId('bell-item').filter({ hasText: name });
    await expect(item.first()).toContainText(title);
    await expect(item.first()).not.toContainText(other);
    if (lang === 'zh-TW') await shot(page, 'zh-TW-desktop-bell', { fullPage: false });
    await page.keyboard.press('Escape');
  }
});
