// An auditor reads the audit log in each language: words instead of keys, records by name
// linking to their pages, times in the dealer's zone (the browser here runs in UTC). The morning
// meeting opens yesterday's report; the highlighted quick range follows the picked date; the
// report downloads as Excel. At desktop width and at 390 px.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, login, PHONE_390, shot, switchLanguage, test, type Lang } from './fixtures';

const ZONE = 'Asia/Shanghai';

/** "2026-11-02 09:00:05" in the dealer's zone. */
function local(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

function todayIn(zone: string, offsetDays = 0): string {
  const now = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(now);
}

/** Raw keys, hashes and UTC instants that must never reach the page. */
const RAW = [
  /\b[a-z]+_[a-z_]+\b/, // walk_in, due_at, stage_changed
  /\b[a-z]+\.[a-z_]+\b/, // activity.reassigned
  /#[0-9a-f]{6}\b/, // #939c96
  /\d{4}-\d{2}-\d{2}T\d{2}:/, // 2026-11-02T01:00:00Z
  /未知|Unknown/,
];

async function expectReadable(page: Page) {
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toBeVisible();
  const texts = await rows.allInnerTexts();
  expect(texts.length).toBeGreaterThan(5);
  for (const row of texts) {
    // E-mail addresses are data, not keys; so are the {{placeholders}} staff type into a
    // message template's text.
    const text = row.replace(/\S+@\S+/g, '').replace(/\{\{\s*[a-z_]+\s*\}\}/g, '');
    for (const raw of RAW) expect(text, `${raw} in\n${text}`).not.toMatch(raw);
  }
}

test.describe('the audit log', () => {
  // The browser's own zone is UTC: times on the page must still be the dealer's.
  test.use({ timezoneId: 'UTC' });

  test('reads in every language with names and local times', async ({ page }) => {
    test.setTimeout(150_000);
    await login(page, 'hz-admin');
    await page.goto('/admin/audit');
    await expectReadable(page);
    const api = await (await page.request.get('/api/v1/audit-events?limit=30')).json();

    // Times in Shanghai, though the browser runs in UTC.
    const some = api.items[5];
    await expect(
      page.getByTestId('audit-row').filter({ hasText: local(some.occurred_at) }).first(),
    ).toBeVisible();
    // A customer's event names the customer and links to their page.
    await page.goto('/admin/audit?entity_type=customer');
    await expectReadable(page);
    const customers = await (
      await page.request.get('/api/v1/audit-events?entity_type=customer&limit=10')
    ).json();
    const named = customers.items.find((e: { entity?: unknown }) => e.entity);
    expect(named, 'a customer event with a name').toBeTruthy();
    await expect(
      page
        .getByTestId('audit-target')
        .getByRole('link', { name: named.entity.name, exact: true })
        .first(),
    ).toHaveAttribute('href', `/customers/${named.entity.id}`);
    // A lead's events name its customer.
    await page.goto('/admin/audit?entity_type=lead');
    await expectReadable(page);
    await expect(page.getByTestId('audit-target').locator('a[href^="/leads/"]').first()).toBeVisible();
    await shot(page, 'zh-CN-desktop-audit');

    for (const lang of ['zh-TW', 'en'] as Lang[]) {
      await switchLanguage(page, lang);
      await page.goto('/admin/audit');
      await expectReadable(page);
      await shot(page, `${lang}-desktop-audit`);
    }
    await switchLanguage(page, 'zh-CN');
  });

  test('reads at 390 px', async ({ browser }) => {
    const context = await browser.newContext({
      ...PHONE_390,
      timezoneId: 'UTC',
      baseURL: process.env.FORECOURT_URL,
    });
    const page = await context.newPage();
    await login(page, 'hz-admin');
    await page.goto('/admin/audit');
    await expectReadable(page);
    await shot(page, 'zh-CN-phone-audit', { fullPage: false });
    await switchLanguage(page, 'en');
    await page.goto('/admin/audit');
    await expectReadable(page);
    await shot(page, 'en-phone-audit', { fullPage: false });
    await switchLanguage(page, 'zh-CN');
    await context.close();
  });
});

async function openPreset(page: Page, preset: string) {
  const loaded = page.waitForResponse(
    (r) => r.url().includes('/api/v1/sales/report?') && r.url().includes(`period=${preset}`),
  );
  await page.getByTestId(`report-preset-${preset}`).click();
  return (await loaded).json();
}

const selected = (page: Page) => page.getByTestId('report-period').locator('.ant-segmented-item-selected');

test.describe('the morning report', () => {
  test('opens yesterday, follows the picked date and exports Excel', async ({ page }) => {
    test.setTimeout(120_000);
    await login(page, 'hz-sales-manager');
    await page.goto('/sales/report');
    await expect(page.getByTestId('report')).toBeVisible();
    await expect(selected(page)).toHaveText('今日');

    const yesterday = await openPreset(page, 'yesterday');
    expect(yesterday.first_day).toBe(todayIn(ZONE, -1));
    expect(yesterday.last_day).toBe(yesterday.first_day);
    await expect(page.getByTestId('report-range')).toContainText(yesterday.first_day);
    await expect(page.getByTestId('kpi-new_leads').getByTestId('kpi-value')).toHaveText(
      yesterday.totals.new_leads.toLocaleString('en-US'),
    );
    await expect(selected(page)).toHaveText('昨日');
    // Only consultants are listed as consultants.
    const consultants = await page.request.get('/api/v1/users?role=sales_consultant&limit=100');
    const names = new Set(
      ((await consultants.json()).items as { display_name: string }[]).map((u) => u.display_name),
    );
    for (const name of await page.getByTestId('consultant-name').allInnerTexts()) {
      expect(names.has(name), name).toBe(true);
    }
    await shot(page, 'zh-CN-desktop-report-yesterday');

    // Another day: no quick range is highlighted — "today" above all.
    const older = todayIn(ZONE, -10);
    const picked = page.waitForResponse((r) => r.url().includes(`date=${older}`));
    const input = page.locator('input[data-testid="report-date"], [data-testid="report-date"] input');
    await input.click();
    await input.fill(older);
    await page.keyboard.press('Enter');
    await picked;
    await expect(page.getByTestId('report-range')).toContainText(older);
    await expect(selected(page)).toHaveCount(0);

    // Last week by button, then the export of what is shown.
    await openPreset(page, 'last_week');
    await expect(selected(page)).toHaveText('上周');
    const download = page.waitForEvent('download');
    await page.getByTestId('report-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^sales-report-.*\.xlsx$/);
    const bytes = readFileSync((await file.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    await switchLanguage(page, 'en');
    await openPreset(page, 'yesterday');
    await expect(selected(page)).toHaveText('Yesterday');
    await shot(page, 'en-desktop-report-yesterday');
    await switchLanguage(page, 'zh-CN');
  });

  test('quick ranges and the export at 390 px', async ({ browser }) => {
    const context = await browser.newContext({ ...PHONE_390, baseURL: process.env.FORECOURT_URL });
    const page = await context.newPage();
    await login(page, 'hz-sales-manager');
    await page.goto('/sales/report');
    await expect(page.getByTestId('report')).toBeVisible();
    await openPreset(page, 'yesterday');
    await expect(selected(page)).toHaveText('昨日');
    const download = page.waitForEvent('download');
    await page.getByTestId('report-export').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await shot(page, 'zh-CN-phone-report', { fullPage: false });
    await context.close();
  });

  test('the funnel draws empty stages small and counts one cohort', async ({ page }) => {
    await login(page, 'hz-sales-manager');
    await page.goto('/opportunities?tab=funnel');
    await expect(page.getByTestId('funnel-chart').locator('canvas')).toBeVisible();
    await expect(page.getByTestId('funnel-chart')).toContainText('只数本期新增的商机');
    await shot(page, 'zh-CN-desktop-funnel-cohort');
  });
});
