// Signing in: the login page in both languages, a wrong password, a locked account.
import { expect, fillLogin, PHONE, shot, switchLanguage, test } from './fixtures';

test('wrong password and locked account are explained in the chosen language', async ({
  page,
  playwright,
  baseURL,
}) => {
  // Start from an unlocked account, also when this test is retried.
  const admin = await playwright.request.newContext({ baseURL });
  const signedIn = await admin.post('/api/v1/auth/login', {
    data: { username: 'hz-admin', password: 'forecourt-demo' },
  });
  const { csrf_token: csrf } = await signedIn.json();
  const found = await (await admin.get('/api/v1/users?q=hz-finance')).json();
  const unlocked = await admin.post(`/api/v1/users/${found.items[0].id}/unlock`, {
    headers: { 'x-csrf-token': csrf },
  });
  expect(unlocked.ok()).toBeTruthy();
  await admin.dispose();

  await page.goto('/login');
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await shot(page, 'zh-CN-desktop-login');

  await fillLogin(page, 'hz-finance', 'not-the-password');
  await expect(page.getByTestId('login-error')).toHaveText('用户名或密码错误。');
  await shot(page, 'zh-CN-desktop-login-wrong-password');

  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await fillLogin(page, 'hz-finance', 'still-not-it');
  await expect(page.getByTestId('login-error')).toHaveText('Wrong username or password.');
  await shot(page, 'en-desktop-login');

  // Five failures in a row lock the account for 15 minutes.
  for (let attempt = 3; attempt <= 5; attempt += 1) {
    await fillLogin(page, 'hz-finance', `wrong-${attempt}`);
    await expect(page.getByTestId('login-error')).toBeVisible();
  }
  await fillLogin(page, 'hz-finance', 'forecourt-demo');
  await expect(page.getByTestId('login-error')).toContainText('This account is locked');
  await expect(page.getByTestId('login-error')).toContainText('15 minutes');
  await shot(page, 'en-desktop-login-locked');

  await switchLanguage(page, 'zh-CN');
  await fillLogin(page, 'hz-finance', 'forecourt-demo');
  await expect(page.getByTestId('login-error')).toHaveText(
    '账号因多次密码错误已被锁定，请 15 分钟后再试，或联系管理员解锁。',
  );
  await shot(page, 'zh-CN-desktop-login-locked');
  await expect(page).toHaveURL(/\/login/);
});

test.describe('at phone width', () => {
  test.use(PHONE);

  test('the login page fits a phone', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
    await expect(page.locator('.login-hero')).toBeHidden();
    await shot(page, 'zh-CN-phone-login');
    await switchLanguage(page, 'en');
    await fillLogin(page, 'nobody-here', 'whatever-1');
    await expect(page.getByTestId('login-error')).toHaveText('Wrong username or password.');
    await shot(page, 'en-phone-login');
    await switchLanguage(page, 'zh-CN');
  });
});
