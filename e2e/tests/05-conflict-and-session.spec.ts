// Concurrent edits and expired sessions.
import { csrfOf, expect, login, shot, test } from './fixtures';

test('saving over someone else’s change shows the conflict and reloads', async ({ page }) => {
  await login(page, 'hz-admin');
  await page.goto('/admin/users?q=hz-assistant');
  await page.getByText('hz-assistant', { exact: true }).click();
  await expect(page.getByTestId('field-display-name')).toHaveValue('赵敏');
  const userId = page.url().split('/').pop() ?? '';

  // Someone else renames the user meanwhile.
  const current = await (await page.request.get(`/api/v1/users/${userId}`)).json();
  const patched = await page.request.patch(`/api/v1/users/${userId}`, {
    headers: { 'x-csrf-token': await csrfOf(page) },
    data: { version: current.version, display_name: '赵敏华' },
  });
  expect(patched.ok()).toBeTruthy();

  await page.getByTestId('field-display-name').fill('赵敏敏');
  await page.getByTestId('save-user').click();
  const alert = page.getByTestId('conflict-alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('该记录已被其他人修改');
  await shot(page, 'zh-CN-desktop-conflict');

  await alert.getByRole('button', { name: '重新加载' }).click();
  await expect(alert).toBeHidden();
  await expect(page.getByTestId('field-display-name')).toHaveValue('赵敏华');
});

test('an expired session goes to login and comes back to the same page', async ({ page, context }) => {
  await login(page, 'hz-sales-manager');
  await page.goto('/admin/roles');
  await expect(page.locator('.page-header-title')).toHaveText('角色权限');
  await context.clearCookies();

  await page.locator('.side-menu').getByText('用户管理', { exact: true }).click();
  await expect(page).toHaveURL(/\/login\?from=%2Fadmin%2Fusers/);
  await expect(page.getByTestId('session-expired')).toBeVisible();
  await page.locator('#username').fill('hz-sales-manager');
  await page.locator('#password').fill('forecourt-demo');
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.locator('.page-header-title')).toHaveText('用户管理');
  // A sales manager sees colleagues but may not create users.
  await expect(page.getByTestId('new-user')).toHaveCount(0);
});

test('a group analyst switches dealer and sees the other dealer read-only', async ({ page }) => {
  await login(page, 'hz-analyst');
  await expect(page.getByTestId('dealer-switcher')).toContainText('杭州西湖汽车4S店');
  // The header re-renders while the workbench loads; pick the store again until it sticks.
  await expect(async () => {
    if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) {
      await page.getByTestId('dealer-switcher').click();
    }
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '宁波海曙汽车4S店' })
      .click({ timeout: 3_000 });
    await expect(page.getByTestId('dealer-switcher')).toContainText('宁波海曙汽车4S店', { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('workbench-hero')).toContainText('宁波海曙汽车4S店');
  await page.goto('/admin/users');
  await expect(page.getByText('nb-consultant', { exact: true })).toBeVisible();
  await expect(page.getByTestId('new-user')).toHaveCount(0);
  await shot(page, 'zh-CN-desktop-group-analyst');
});
