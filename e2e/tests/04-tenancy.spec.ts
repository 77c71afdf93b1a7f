// Dealers are separate: a user of NB01 never sees HZ01's users, not even by URL.
import { expect, login, shot, test } from './fixtures';

test("an NB01 administrator cannot see HZ01's users", async ({ page, playwright, baseURL }) => {
  const hz = await playwright.request.newContext({ baseURL });
  const signedIn = await hz.post('/api/v1/auth/login', {
    data: { username: 'hz-admin', password: 'forecourt-demo' },
  });
  expect(signedIn.ok()).toBeTruthy();
  const found = await (await hz.get('/api/v1/users?q=hz-consultant')).json();
  const hzUserId = found.items[0].id as string;
  expect(hzUserId).toBeTruthy();
  await hz.dispose();

  await login(page, 'nb-admin');
  await expect(page.getByTestId('current-dealer')).toContainText('宁波海曙汽车4S店');
  await page.goto('/admin/users');
  await expect(page.getByText('nb-consultant', { exact: true })).toBeVisible();
  await expect(page.getByText(/^hz-/)).toHaveCount(0);

  await page.getByTestId('users-search').fill('hz-');
  await expect(page.getByText('没有符合条件的用户')).toBeVisible();

  await page.goto(`/admin/users/${hzUserId}`);
  await expect(page.getByText('用户不存在')).toBeVisible();
  await expect(page.getByText('张伟')).toHaveCount(0);
  await shot(page, 'zh-CN-desktop-other-dealer-not-found');
});
