// The work engine in the browser: a consultant's overdue task on my work, the conflict warning
// when two activities overlap, dragging an activity to another time in the calendar, asking to
// cancel a pushed task, and a discount request the manager approves from my work — after which
// the consultant's bell has the news. At desktop width and at 390 px.
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { csrfOf, expect, login, shot, test, type Lang } from './fixtures';

const TZ = 'Asia/Shanghai';
const PHONE_390 = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** "YYYY-MM-DD" and "HH:mm" of an instant in the dealer's time zone. */
function local(at: Date): { date: string; time: string } {
  const text = at.toLocaleString('sv-SE', { timeZone: TZ }); // 2026-11-22 15:04:05
  return { date: text.slice(0, 10), time: text.slice(11, 16) };
}

/** The UTC instant of a wall-clock time in the dealer's zone (Shanghai has no DST). */
function instant(date: string, time: string): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString().replace('.000Z', 'Z');
}

function daysFromNow(days: number): string {
  return local(new Date(Date.now() + days * 86_400_000)).date;
}

const stamp = Date.now().toString(36).slice(-5);

async function createActivity(page: Page, body: Record<string, unknown>) {
  const response = await page.request.post('/api/v1/activities', {
    data: { allow_overlap: true, ...body },
    headers: { 'x-csrf-token': await csrfOf(page) },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; version: number };
}

async function getActivity(request: APIRequestContext, id: string) {
  const response = await request.get(`/api/v1/activities/${id}`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as { starts_at: string; ends_at: string; status: string };
}

/** Types a date-time into an antd DatePicker (by its field id) and confirms it. */
async function typeDateTime(page: Page, id: string, value: string) {
  const input = page.locator(`input#${id}`);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
}

/** Drags a calendar block onto a time of a day column (dropping over other blocks too). */
async function dragToTime(page: Page, block: Locator, date: string, time: string) {
  const column = page.locator(`[data-testid="cal-day-column"][data-date="${date}"]`);
  const slot = column.locator(`[data-testid="cal-slot"][data-time="${date}T${time}"]`);
  const [columnBox, slotBox] = [await column.boundingBox(), await slot.boundingBox()];
  if (!columnBox || !slotBox) throw new Error(`no slot ${date} ${time}`);
  await block.dragTo(column, {
    targetPosition: { x: 8, y: slotBox.y - columnBox.y + slotBox.height / 2 },
  });
}

/** Switches the language and waits until it is saved as the user's own (it outlives the page). */
async function useLanguage(page: Page, lang: Lang) {
  if ((await page.locator('html').getAttribute('lang')) === lang) return;
  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH',
  );
  await page.getByTestId('language-switcher').click();
  await page.getByTestId(`locale-${lang}`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await saved;
}

async function chooseKind(page: Page, label: string) {
  await expect(page.getByTestId('activity-form')).toBeVisible();
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: label })
    .first();
  await expect(async () => {
    if (!(await option.isVisible())) {
      await page
        .locator('.ant-select')
        .filter({ has: page.locator('#kind') })
        .click();
    }
    await option.click({ timeout: 2_000 });
    await expect(page.locator('.ant-select').filter({ has: page.locator('#kind') })).toContainText(
      label,
      { timeout: 1_000 },
    );
  }).toPass({ timeout: 15_000 });
}

test('a consultant plans work: an overdue task, a conflict, a drag in the calendar', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await login(page, 'hz-consultant');
  await useLanguage(page, 'zh-CN');

  // The workbench leads to my work.
  await expect(page.getByTestId('my-work-card')).toBeVisible();
  await page.getByTestId('workbench-my-work').click();
  await expect(page).toHaveURL(/\/my-work$/);

  // A task due yesterday is overdue, in red.
  const overdueSubject = `E2E 逾期任务 ${stamp}`;
  await page.getByTestId('new-activity').click();
  await chooseKind(page, '任务');
  await page.getByTestId('activity-subject').fill(overdueSubject);
  await typeDateTime(page, 'due_at', `${daysFromNow(-1)} 10:00`);
  await page.getByTestId('activity-save').click();
  const overdueRow = page
    .getByTestId('overdue-list')
    .getByTestId('work-activity')
    .filter({ hasText: overdueSubject });
  await expect(overdueRow).toBeVisible();
  await expect(overdueRow).toHaveAttribute('data-overdue', 'true');
  await expect(overdueRow.locator('.my-work-item-subject')).toHaveCSS('color', 'rgb(207, 19, 34)');
  await shot(page, 'zh-CN-desktop-my-work');

  // Two meetings at overlapping times: the second one warns and names the first.
  // A day with nothing else planned (a rerun on the same database picks another).
  const day = daysFromNow(15 + (Date.now() % 30));
  const first = await createActivity(page, {
    kind: 'meeting',
    subject: `E2E 晨会 ${stamp}`,
    starts_at: instant(day, '09:00'),
    ends_at: instant(day, '10:00'),
  });
  await page.goto(`/calendar?mode=week&date=${day}`);
  await expect(page.locator(`[data-activity-id="${first.id}"]`)).toBeVisible();
  await page.getByTestId('new-activity').click();
  await chooseKind(page, '会议');
  const overlapSubject = `E2E 客户洽谈 ${stamp}`;
  await page.getByTestId('activity-subject').fill(overlapSubject);
  await typeDateTime(page, 'starts_at', `${day} 09:30`);
  await typeDateTime(page, 'ends_at', `${day} 10:30`);
  await page.getByTestId('activity-save').click();
  const warning = page.getByTestId('schedule-conflict');
  await expect(warning).toBeVisible();
  await expect(
    warning.getByTestId('conflict-item').filter({ hasText: `E2E 晨会 ${stamp}` }),
  ).toBeVisible();
  await shot(page, 'zh-CN-desktop-calendar-conflict', { fullPage: false });
  await warning.getByTestId('save-anyway').click();
  await expect(warning).toBeHidden();
  const second = page.getByTestId('cal-block').filter({ hasText: overlapSubject });
  await expect(second).toBeVisible();

  // Drag the first meeting to 14:00 the same day: the API has the new time.
  const block = page.locator(`[data-testid="cal-block"][data-activity-id="${first.id}"]`);
  await dragToTime(page, block, day, '14:00');
  await expect(page.locator('.ant-message')).toContainText('已改期');
  await expect
    .poll(async () => (await getActivity(page.request, first.id)).starts_at)
    .toBe(instant(day, '14:00'));
  expect((await getActivity(page.request, first.id)).ends_at).toBe(instant(day, '15:00'));

  // Dragging the second meeting onto the first one's new time warns the same way.
  await dragToTime(page, second, day, '14:30');
  await expect(page.getByTestId('schedule-conflict')).toBeVisible();
  await expect(page.getByTestId('schedule-conflict')).toContainText(`E2E 晨会 ${stamp}`);
  await page.getByTestId('save-anyway').click();
  await expect(page.getByTestId('schedule-conflict')).toBeHidden();
  await shot(page, 'zh-CN-desktop-calendar-week');

  // The month view, and the subscription link shown once.
  await page.getByTestId('cal-mode').getByText('月', { exact: true }).click();
  await expect(page.getByTestId('cal-month')).toBeVisible();
  await page.getByTestId('feed-open').click();
  await page.getByTestId('feed-create').click();
  await expect(page.getByTestId('feed-url')).toContainText('/ical/');
  const url = (await page.getByTestId('feed-url').textContent()) ?? '';
  const feed = await page.request.get(url.trim());
  expect(feed.ok()).toBeTruthy();
  expect(await feed.text()).toContain('BEGIN:VCALENDAR');
  await expect(page.getByTestId('feed-status')).toContainText('已订阅');
  // Reopened, the dialog tells when a calendar last synced (the URL is not shown again).
  await page.keyboard.press('Escape');
  await page.getByTestId('feed-open').click();
  await expect(page.getByTestId('feed-status')).toContainText('最近同步');
  await expect(page.getByTestId('feed-url')).toBeHidden();
  await shot(page, 'zh-CN-desktop-calendar-feed');
});

test('a pushed task needs approval to cancel; a discount is approved and the requester told', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const consultant = await (
    await browser.newContext({ baseURL: process.env.FORECOURT_URL })
  ).newPage();
  await login(consultant, 'hz-consultant');
  await useLanguage(consultant, 'zh-CN');

  // A pushed task: cancelling it asks the manager.
  const pushedSubject = `E2E 推送任务 ${stamp}`;
  const pushed = await createActivity(consultant, {
    kind: 'task',
    subject: pushedSubject,
    due_at: instant(daysFromNow(2), '18:00'),
    cancel_needs_approval: true,
  });
  await consultant.goto(`/activities/${pushed.id}`);
  await consultant.getByTestId('activity-cancel').click();
  await expect(consultant.locator('.ant-modal')).toContainText('取消需要上级审批');
  await consultant.getByTestId('cancel-reason').fill('客户已改约');
  await consultant.getByTestId('cancel-confirm').click();
  await expect(consultant.locator('.ant-message')).toContainText('取消申请已提交给上级审批');
  await expect(consultant.getByTestId('activity-detail')).toContainText('取消待审批');

  // A discount request from the approvals page.
  const title = `E2E 额外优惠 ${stamp}`;
  await consultant.goto('/approvals?box=mine');
  await consultant.getByTestId('new-approval').click();
  await consultant.getByTestId('approval-title').fill(title);
  await consultant.getByTestId('approval-amount').fill('3000');
  await consultant.getByTestId('approval-reason').fill('老客户转介绍');
  await consultant.getByTestId('approval-submit').click();
  await expect(consultant.getByTestId('approval-row').filter({ hasText: title })).toBeVisible();
  const unreadBefore = Number(
    (
      (await (await consultant.request.get('/api/v1/notifications/unread-count')).json()) as {
        unread: number;
      }
    ).unread,
  );

  // The manager, at phone width, finds both on my work and approves the discount there.
  const phone = await browser.newContext({ baseURL: process.env.FORECOURT_URL, ...PHONE_390 });
  const manager = await phone.newPage();
  await login(manager, 'hz-sales-manager');
  await useLanguage(manager, 'zh-CN');
  await manager.goto('/my-work');
  const card = manager.getByTestId('waiting-approval').filter({ hasText: title });
  await expect(card).toBeVisible();
  await expect(
    manager.getByTestId('waiting-approval').filter({ hasText: pushedSubject }),
  ).toBeVisible();
  await shot(manager, 'zh-CN-phone-my-work-manager');
  // Rejecting needs a comment.
  await card.getByTestId('approval-reject').click();
  await expect(card).toContainText('驳回时请填写原因');
  await card.getByTestId('approval-comment').fill('同意，下不为例');
  await card.getByTestId('approval-approve').click();
  await expect(manager.getByTestId('waiting-approval').filter({ hasText: title })).toHaveCount(0);
  await manager.goto('/approvals?box=all');
  await expect(manager.getByTestId('approval-row').filter({ hasText: title })).toContainText(
    '已批准',
  );
  await shot(manager, 'zh-CN-phone-approvals');

  // The consultant's bell shows the news; opening it leads to the request.
  await consultant.goto('/my-work');
  await expect
    .poll(async () =>
      Number(
        (
          (await (await consultant.request.get('/api/v1/notifications/unread-count')).json()) as {
            unread: number;
          }
        ).unread,
      ),
    )
    .toBeGreaterThan(unreadBefore);
  await consultant.reload();
  await expect(consultant.getByTestId('bell-count')).toContainText(/\d/);
  await consultant.getByTestId('notification-bell').click();
  const notice = consultant.getByTestId('bell-item').filter({ hasText: `已批准：${title}` });
  await expect(notice).toBeVisible();
  await shot(consultant, 'zh-CN-desktop-bell', { fullPage: false });
  await notice.click();
  await expect(consultant).toHaveURL(/\/approvals\/[0-9a-f-]+$/);
  await expect(consultant.getByTestId('approval-detail')).toContainText('已批准');
  await expect(consultant.getByTestId('approval-detail')).toContainText('¥3,000.00');
  await phone.close();
});

test('my work and the calendar at 390 px, in English', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: process.env.FORECOURT_URL, ...PHONE_390 });
  const page = await context.newPage();
  await login(page, 'hz-consultant');
  await useLanguage(page, 'en');
  await page.goto('/my-work');
  await expect(page.getByTestId('section-overdue')).toContainText('Overdue');
  await expect(page.getByTestId('notification-bell')).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await shot(page, 'en-phone-my-work');
  // Three calls in one hour stay readable on a phone: one full-width row each, in time order.
  const day = daysFromNow(3);
  const subjects = ['first', 'second', 'third'].map((n) => `E2E phone ${n} call ${stamp}`);
  for (const [i, subject] of subjects.entries()) {
    await createActivity(page, {
      kind: 'call',
      subject,
      starts_at: instant(day, `15:${String(i * 10).padStart(2, '0')}`),
      ends_at: instant(day, '16:00'),
    });
  }
  await page.goto(`/calendar?mode=day&date=${day}`);
  const agenda = page.getByTestId('cal-agenda');
  await expect(agenda).toBeVisible();
  const rows = agenda.getByTestId('cal-block').filter({ hasText: `call ${stamp}` });
  await expect(rows).toHaveCount(3);
  for (const [i, subject] of subjects.entries()) {
    const row = rows.nth(i);
    await expect(row).toContainText(subject);
    await expect(row).toContainText(`15:${String(i * 10).padStart(2, '0')}`);
    await expect(row).toContainText('Overlaps');
    const box = await row.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, 'en-phone-calendar');
  await rows.first().click();
  await expect(page.getByText(subjects[0] ?? '').last()).toBeVisible();
  await page.keyboard.press('Escape');
  // The subscription dialog says whether a link exists, in English, at phone width.
  await page.getByTestId('feed-open').click();
  await expect(page.getByTestId('feed-status')).toContainText(
    /Subscribed since|You have no subscription link/,
  );
  await shot(page, 'en-phone-calendar-feed');
  await page.locator('.ant-modal-close').click();
  await expect(page.getByTestId('feed-status')).toBeHidden();
  // Back to Chinese for the next tests.
  await useLanguage(page, 'zh-CN');
  await context.close();
});

test('the administrator sees jobs, messages, templates and work settings', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, 'hz-admin');
  await useLanguage(page, 'zh-CN');

  await page.goto('/admin/jobs');
  await expect(page.getByRole('tab', { name: '排队中' })).toBeVisible();
  await page.getByRole('tab', { name: '已完成' }).click();
  // Finished jobs of this store, or the empty state when none has run yet.
  await expect(page.getByTestId('job-row').first().or(page.getByText('没有这个状态的任务'))).toBeVisible();
  await shot(page, 'zh-CN-desktop-jobs');

  await page.goto('/admin/messages');
  await expect(page.getByRole('heading', { name: '消息发送记录' })).toBeVisible();
  await shot(page, 'zh-CN-desktop-messages');

  await page.goto('/admin/message-templates');
  const row = page
    .getByTestId('template-row')
    .filter({ hasText: '日程提醒' })
    .filter({ hasText: '短信' })
    .filter({ hasText: '简体中文' });
  await row.getByTestId('template-edit').click();
  const body = page.getByTestId('template-body');
  await body.fill('【杭州西湖】{{customer_name}}您好，您的预约「{{subject}}」将于 {{at}} 开始。');
  await page.getByTestId('template-save').click();
  await expect(row).toContainText('本店自定义');
  await shot(page, 'zh-CN-desktop-templates');

  await page.goto('/admin/work-settings');
  await page.locator('input#escalation_minutes').fill('90');
  await page.getByTestId('settings-save').click();
  await expect(page.locator('.ant-message')).toContainText('已保存');
  const settings = await (await page.request.get('/api/v1/work-settings')).json();
  expect(settings.escalation_minutes).toBe(90);
  await shot(page, 'zh-CN-desktop-work-settings');

  await useLanguage(page, 'en');
  await page.goto('/approvals?box=all');
  await expect(page.getByRole('tab', { name: 'All' })).toBeVisible();
  await shot(page, 'en-desktop-approvals');
  await page.goto('/admin/jobs');
  await shot(page, 'en-desktop-jobs');
  await useLanguage(page, 'zh-CN');
});
