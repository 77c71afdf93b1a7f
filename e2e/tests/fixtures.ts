// Shared helpers: the server's URL as baseURL, signing in and out, switching language,
// navigating through the sidebar (a drawer on phones), and full-page screenshots.
import { expect, test as base, type Page } from '@playwright/test';

export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    await use(process.env.FORECOURT_URL);
  },
});

export { expect };

export const PASSWORD = 'forecourt-demo';
export type Device = 'desktop' | 'phone';
export type Lang = 'zh-CN' | 'en' | 'zh-TW';

export const PHONE = {
  viewport: { width: 375, height: 812 },
  isMobile: true,
  hasTouch: true,
} as const;

export async function fillLogin(page: Page, username: string, password: string) {
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByTestId('login-submit').click();
}

export async function login(page: Page, username: string, password = PASSWORD) {
  await page.goto('/login');
  await fillLogin(page, username, password);
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

export async function switchLanguage(page: Page, lang: Lang) {
  await page.getByTestId('language-switcher').click();
  await page.getByTestId(`locale-${lang}`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Opens a page from the sidebar, or from the drawer at phone width. */
export async function openFromMenu(page: Page, device: Device, label: string) {
  if (device === 'phone') {
    await page.getByTestId('open-nav').click();
    await expect(page.locator('.nav-drawer .side-menu')).toBeVisible();
  }
  await page.locator('.side-menu').getByText(label, { exact: true }).click();
  if (device === 'phone') await expect(page.locator('.nav-drawer .ant-drawer-content')).toBeHidden();
}

export async function signOut(page: Page, label: string) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: label }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Waits for the page to settle (no spinners, no pending requests), then saves a full-page screenshot. */
export async function shot(page: Page, name: string, { fullPage = true } = {}) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await expect(page.locator('.ant-skeleton')).toHaveCount(0);
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  // No focus rings left over from the last click.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, 0); // and no hover effects
  await page.waitForTimeout(350); // let antd's transitions finish
  await page.screenshot({
    path: `screenshots/${name}.png`,
    fullPage,
    animations: 'disabled',
    // Toasts come and go; they would only cover the page.
    style: '.ant-message { display: none !important; }',
  });
}

/** Picks an option of an antd Select opened by clicking `trigger`. */
export async function pick(page: Page, trigger: ReturnType<Page['locator']>, option: string) {
  const open = page.locator('.ant-select-dropdown:visible');
  await expect(open).toHaveCount(0);
  await trigger.click();
  await open.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await expect(open).toHaveCount(0);
}

/** The CSRF token of the page's session, for changing things through the API behind the UI's back. */
export async function csrfOf(page: Page): Promise<string> {
  const me = await page.request.get('/api/v1/me');
  expect(me.ok()).toBeTruthy();
  return (await me.json()).csrf_token as string;
}
