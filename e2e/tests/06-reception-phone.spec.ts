// On a phone held in one hand (390 px): a consultant registers a walk-in, sees the lead with its
// grade and next follow-up, logs a follow-up that warms the grade, marks the lead lost (reason
// and competitor required), and the manager approves the loss.
import {
  apiAs,
  expect,
  freshMobile,
  freshName,
  login,
  openFromMenu,
  PHONE_390,
  shot,
  test,
} from './fixtures';

test.use(PHONE_390);

/** "2024-05-01 18:00" in the dealer's zone, as the app shows it. */
function shanghai(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

test('a consultant registers a walk-in, follows up and loses the lead; the manager approves', async ({
  page,
  browser,
  playwright,
}) => {
  test.setTimeout(180_000);
  // The dealer wants the manager to approve losses (the default; set it in case it changed).
  const manager = await apiAs(playwright, 'hz-sales-manager');
  const settings = await manager.get('/api/v1/sales/settings');
  if (!settings.lost_needs_approval) {
    await manager.send('PATCH', '/api/v1/sales/settings', {
      version: settings.version,
      lost_needs_approval: true,
    });
  }

  const name = freshName();
  const mobile = freshMobile();
  await login(page, 'hz-consultant');
  await openFromMenu(page, 'phone', '展厅接待');
  await expect(page.getByTestId('reception-form')).toBeVisible();
  await shot(page, 'zh-CN-phone-reception');

  // The quick form: name, mobile, one more person (the spouse), a car, a test drive, grade A.
  await page.getByTestId('reception-name').fill(name);
  await page.getByTestId('reception-phone').fill(mobile);
  await page.getByTestId('party-size-more').click();
  await expect(page.getByTestId('party-size-value')).toHaveText('2 人');
  await page.getByTestId('companion-spouse').click();
  await page.getByTestId('reception-series').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await page.keyboard.press('Escape');
  await page.getByTestId('reception-test-drive-yes').click();
  await page.getByTestId('reception-grade-A').click();
  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/receptions') && r.request().method() === 'POST',
  );
  await page.getByTestId('reception-submit').click();
  const outcome = await (await saved).json();
  expect(outcome.lead.grade).toBe('A');
  expect(outcome.lead.next_follow_up_at).toBeTruthy();
  const nextFollowUp = shanghai(outcome.lead.next_follow_up_at);

  // The result: the lead, its grade and when to call next.
  const done = page.getByTestId('reception-done');
  await expect(done).toContainText(`已登记 ${name}`);
  await expect(page.getByTestId('done-grade')).toHaveAttribute('data-grade', 'A');
  await expect(page.getByTestId('done-next-follow-up')).toHaveText(nextFollowUp);
  await shot(page, 'zh-CN-phone-reception-done');

  await page.getByTestId('done-open-lead').click();
  await expect(page).toHaveURL(new RegExp(`/leads/${outcome.lead.id}$`));
  await expect(page.getByTestId('lead-name')).toHaveText(name);
  await expect(page.getByTestId('lead-grade')).toHaveAttribute('data-grade', 'A');
  await expect(page.getByTestId('lead-next-follow-up')).toContainText(nextFollowUp);
  await expect(page.getByTestId('lead-status')).toHaveAttribute('data-status', 'open');
  await shot(page, 'zh-CN-phone-lead');

  // A follow-up call: the customer will buy within the week — A becomes H.
  await page.getByTestId('log-follow-up').click();
  const drawer = page.locator('.follow-up-drawer');
  await expect(drawer.getByTestId('follow-up-form')).toBeVisible();
  await drawer.getByTestId('follow-up-summary').fill('客户确认周六带家人来签约，关心置换补贴');
  await drawer.getByTestId('follow-up-grade-H').click();
  await drawer.getByTestId('follow-up-next-step').fill('周六上午到店签约');
  await shot(page, 'zh-CN-phone-follow-up', { fullPage: false });
  const followed = page.waitForResponse((r) => r.url().endsWith('/follow-ups') && r.ok());
  await drawer.getByTestId('follow-up-save').click();
  await followed;
  await expect(drawer).toBeHidden();
  await expect(page.getByTestId('lead-grade')).toHaveAttribute('data-grade', 'H');
  const history = page.getByTestId('grade-history');
  await expect(history.getByTestId('grade-change').first()).toContainText('跟进');
  await expect(history.getByTestId('upgrade-mark').first()).toBeVisible();

  // Lost after all: the dialog wants a reason, then the competitor bought instead.
  await page.getByTestId('mark-lost').click();
  const dialog = page.locator('.ant-modal-content').filter({ has: page.getByTestId('lost-form') });
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('lost-submit').click();
  await expect(dialog.getByText('此项必填')).toBeVisible();
  await dialog.getByTestId('lost-reason').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '购买竞品' })
    .click();
  await dialog.getByTestId('lost-submit').click();
  await expect(dialog.getByText('请填写客户购买的品牌')).toBeVisible();
  await dialog.getByTestId('lost-brand').fill('丰田');
  await dialog.getByTestId('lost-model').fill('凯美瑞');
  const lost = page.waitForResponse((r) => r.url().endsWith('/lost'));
  await dialog.getByTestId('lost-submit').click();
  expect((await lost).ok()).toBeTruthy();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('lead-status')).toHaveAttribute('data-status', 'lost_pending');
  await expect(page.getByTestId('lost-pending')).toContainText('等待经理审批');
  // A consultant cannot decide their own loss.
  await expect(page.getByTestId('approve-loss')).toHaveCount(0);
  await shot(page, 'zh-CN-phone-lost-pending');

  // The manager, on their phone too, approves it.
  const context = await browser.newContext({ ...PHONE_390, baseURL: process.env.FORECOURT_URL });
  const managerPage = await context.newPage();
  await login(managerPage, 'hz-sales-manager');
  await managerPage.goto(`/leads/${outcome.lead.id}`);
  await expect(managerPage.getByTestId('lost-pending')).toBeVisible();
  const decided = managerPage.waitForResponse((r) => r.url().endsWith('/lost-decision'));
  await managerPage.getByTestId('approve-loss').click();
  expect((await decided).ok()).toBeTruthy();
  await expect(managerPage.getByTestId('lead-status')).toHaveAttribute('data-status', 'lost');
  await expect(managerPage.getByTestId('lead-grade')).toHaveAttribute('data-grade', 'F');
  await expect(managerPage.getByTestId('lost-reason-shown')).toHaveText('购买竞品');
  await shot(managerPage, 'zh-CN-phone-lost-approved');
  const lead = await manager.get(`/api/v1/leads/${outcome.lead.id}`);
  expect(lead.lead.status).toBe('lost');
  expect(lead.lead.lost.competitor_brand).toBe('丰田');
  await context.close();
});
