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

/** At 390 px, the width of a common phone held in one hand. */
export const PHONE_390 = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
} as const;

export interface ApiSession {
  request: import('@playwright/test').APIRequestContext;
  csrf: string;
  userId: string;
  get: (path: string) => Promise<any>;
  send: (method: 'POST' | 'PATCH' | 'PUT', path: string, data: unknown) => Promise<any>;
}

/**
 * Signs a user in through the API, for preparing records behind the UI's back (a lead to work,
 * a car to book). Each call makes its own session.
 */
export async function apiAs(
  playwright: { request: import('@playwright/test').APIRequest },
  username: string,
): Promise<ApiSession> {
  const request = await playwright.request.newContext({ baseURL: process.env.FORECOURT_URL });
  const login = await request.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  expect(login.ok(), `login ${username}`).toBeTruthy();
  const body = await login.json();
  const csrf = body.csrf_token as string;
  const check = async (response: import('@playwright/test').APIResponse, what: string) => {
    if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
    return response.status() === 204 ? null : response.json();
  };
  return {
    request,
    csrf,
    userId: body.me.user.id as string,
    get: async (path) => check(await request.get(path), `GET ${path}`),
    send: async (method, path, data) =>
      check(
        await request.fetch(path, { method, data, headers: { 'x-csrf-token': csrf } }),
        `${method} ${path}`,
      ),
  };
}

/** A mobile number no demo customer has: 139 and eight digits from the clock and chance. */
export function freshMobile(): string {
  const digits = `${Date.now() % 1e7}`.padStart(7, '0') + Math.floor(Math.random() * 10);
  return `139${digits}`;
}

/** A Chinese name that is new in every run (the family name and two given characters). */
export function freshName(family = '欧阳'): string {
  const chars = '安宁思远嘉怡子涵浩然雨桐梓萱俊杰欣妍明轩诗琪';
  const pick = () => chars[Math.floor(Math.random() * chars.length)];
  return `${family}${pick()}${pick()}${pick()}`;
}
