// The administrator's round, run at desktop and at phone width: sign in, create a user, give a
// role, find the audit event, look at every admin page in Chinese and in English, sign out.
import type { Page } from '@playwright/test';
import {
  expect,
  login,
  openFromMenu,
  pick,
  shot,
  signOut,
  switchLanguage,
  type Device,
} from './fixtures';

const ZH = {
  users: '用户管理',
  roles: '角色权限',
  org: '团队与部门',
  dealer: '门店设置',
  tokens: 'API 令牌',
  audit: '操作日志',
  workbench: '工作台',
};
const EN = {
  users: 'Users',
  roles: 'Roles & permissions',
  org: 'Teams & departments',
  dealer: 'Dealer settings',
  tokens: 'API tokens',
  audit: 'Audit log',
  workbench: 'Workbench',
};

function heading(page: Page, name: string) {
  return page.locator('.page-header-title').filter({ hasText: name });
}

async function createToken(page: Page, name: string, createLabel: string, scopeLabel: string) {
  await page.getByTestId('new-token').click();
  const modal = page.locator('.ant-modal-content');
  await expect(modal).toBeVisible();
  await modal.getByTestId('token-name').fill(name);
  await pick(page, modal.getByTestId('grant-user:read'), scopeLabel);
  await modal.getByRole('button', { name: createLabel }).click();
  await expect(page.getByTestId('token-once')).toBeVisible();
  const token = (await page.getByTestId('token-value').textContent())?.trim() ?? '';
  expect(token.length).toBeGreaterThan(20);
  return token;
}

export async function adminTour(page: Page, device: Device) {
  const stamp = Date.now().toString(36);
  const tag = `${device}-${stamp}`;
  const username = `e2e-${tag}`;
  const roleKey = `appraiser_${device}_${stamp}`;
  const displayName = device === 'desktop' ? '陈思远' : '刘佳怡';

  await login(page, 'hz-admin');
  await switchLanguage(page, 'zh-CN');
  await expect(page.getByTestId('workbench-hero')).toContainText('杭州西湖汽车4S店');
  await expect(page.getByTestId('workbench-hero')).toContainText('管理员');
  if (device === 'phone') {
    await expect(page.locator('.app-sider')).toHaveCount(0);
    await page.getByTestId('open-nav').click();
    await expect(page.locator('.nav-drawer .side-menu')).toBeVisible();
    await shot(page, 'zh-CN-phone-menu-drawer', { fullPage: false });
    await page.locator('.nav-drawer .ant-drawer-mask').click({ position: { x: 340, y: 400 } });
    await expect(page.locator('.nav-drawer .ant-drawer-content')).toBeHidden();
  }
  await shot(page, `zh-CN-${device}-workbench`);

  // Users: the list, then a new user.
  await openFromMenu(page, device, ZH.users);
  await expect(heading(page, ZH.users)).toBeVisible();
  await expect(page.getByText('hz-consultant', { exact: true })).toBeVisible();
  await shot(page, `zh-CN-${device}-users`);

  await page.getByTestId('new-user').click();
  await expect(heading(page, '新建用户')).toBeVisible();
  await page.getByTestId('save-user').click();
  await expect(page.getByText('此项必填').first()).toBeVisible();
  await page.getByTestId('field-username').fill(username);
  await page.getByTestId('field-display-name').fill(displayName);
  await page.getByTestId('field-password').fill('Showroom-2024!');
  await pick(page, page.getByTestId('field-team'), '销售一组');
  await page.getByTestId('field-phone').fill('13812345678');
  await shot(page, `zh-CN-${device}-user-form`);
  await page.getByTestId('save-user').click();
  await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
  await expect(page.getByText(`已创建用户 ${displayName}`)).toBeVisible();
  const userUrl = page.url();

  // Give the new user a role.
  await expect(page.getByTestId('field-role')).toContainText('销售顾问');
  await pick(page, page.getByTestId('field-role'), '销售经理');
  await page.getByTestId('save-user').click();
  await expect(page.getByText(`已保存 ${displayName} 的资料`)).toBeVisible();
  await expect(page.getByTestId('field-role')).toContainText('销售经理');

  // The audit log shows both events, with the role change as before → after.
  await openFromMenu(page, device, ZH.audit);
  await expect(heading(page, ZH.audit)).toBeVisible();
  const changed = page.getByTestId('audit-row').filter({ hasText: '修改用户' }).filter({ hasText: displayName }).first();
  await expect(changed).toBeVisible();
  await expect(changed.locator('.diff-before')).toHaveText('销售顾问');
  await expect(changed.locator('.diff-after')).toHaveText('销售经理');
  const created = page.getByTestId('audit-row').filter({ hasText: '新建用户' }).filter({ hasText: username }).first();
  await expect(created).toBeVisible();
  await expect(created).toContainText('138****5678');
  await pick(page, page.getByTestId('audit-filter-entity'), '用户');
  await expect(page).toHaveURL(/entity_type=user/);
  await expect(page.getByTestId('audit-row').filter({ hasText: '新建团队' })).toHaveCount(0);
  await expect(changed).toBeVisible();
  await shot(page, `zh-CN-${device}-audit`);

  // Roles: the list, a new custom role with its permission grid.
  await openFromMenu(page, device, ZH.roles);
  await expect(heading(page, ZH.roles)).toBeVisible();
  await expect(page.getByText('集团分析师').first()).toBeVisible();
  await shot(page, `zh-CN-${device}-roles`);
  await page.getByTestId('new-role').click();
  await page.getByTestId('role-key').fill(roleKey);
  await page.getByTestId('role-name').fill(device === 'desktop' ? '二手车评估师' : '展厅接待');
  await pick(page, page.getByTestId('grant-user:read'), '本门店');
  await pick(page, page.getByTestId('grant-team:read'), '本团队');
  await pick(page, page.getByTestId('grant-audit:read'), '本人');
  await shot(page, `zh-CN-${device}-roles-grid`);
  await page.getByTestId('save-role').click();
  await expect(page).toHaveURL(new RegExp(`/admin/roles/${roleKey}$`));

  // Teams & departments, dealer settings.
  await openFromMenu(page, device, ZH.org);
  await expect(heading(page, ZH.org)).toBeVisible();
  await expect(page.getByText('销售一组').first()).toBeVisible();
  await shot(page, `zh-CN-${device}-teams`);

  await openFromMenu(page, device, ZH.dealer);
  await expect(page.getByTestId('dealer-name')).toHaveValue('杭州西湖汽车4S店');
  await shot(page, `zh-CN-${device}-dealer`);

  // API tokens: the secret is shown once, with a copy button.
  await openFromMenu(page, device, ZH.tokens);
  await expect(heading(page, ZH.tokens)).toBeVisible();
  const token = await createToken(page, `官网留资表单 ${device}`, '创 建', '本门店');
  await expect(page.getByTestId('token-once')).toContainText('关闭此提示后将无法再次查看完整令牌');
  await expect(page.getByRole('button', { name: /复\s?制/ })).toBeVisible();
  await shot(page, `zh-CN-${device}-api-tokens`);
  await page.reload();
  await expect(heading(page, ZH.tokens)).toBeVisible();
  await expect(page.getByText(`官网留资表单 ${device}`)).toBeVisible();
  await expect(page.getByText(token)).toHaveCount(0);

  // English: the same pages, in English.
  await switchLanguage(page, 'en');
  await expect(heading(page, EN.tokens)).toBeVisible();
  await expect(page.getByText('New token')).toBeVisible();
  await createToken(page, `Website form ${device}`, 'Create', 'Dealer');
  await expect(page.getByTestId('token-once')).toContainText('cannot be shown again');
  await shot(page, `en-${device}-api-tokens`);

  await openFromMenu(page, device, EN.workbench);
  await expect(page.getByTestId('workbench-hero')).toContainText(/Good|Working late/);
  await expect(page.getByTestId('workbench-hero')).toContainText('Administrator');
  await shot(page, `en-${device}-workbench`);

  await openFromMenu(page, device, EN.users);
  await expect(heading(page, EN.users)).toBeVisible();
  await expect(page.getByText('Sales consultant').first()).toBeVisible();
  await shot(page, `en-${device}-users`);
  await page.getByTestId('new-user').click();
  await page.getByTestId('save-user').click();
  await expect(page.getByText('Required').first()).toBeVisible();
  await shot(page, `en-${device}-user-form`);

  await page.goto(userUrl);
  await expect(page.getByTestId('field-role')).toContainText('Sales manager');
  await shot(page, `en-${device}-user-detail`);

  await openFromMenu(page, device, EN.roles);
  await page.getByText(device === 'desktop' ? '二手车评估师' : '展厅接待').first().click();
  await expect(page.getByTestId('permission-grid')).toBeVisible();
  await shot(page, `en-${device}-roles-grid`);

  await openFromMenu(page, device, EN.org);
  await expect(heading(page, EN.org)).toBeVisible();
  await shot(page, `en-${device}-teams`);

  await openFromMenu(page, device, EN.dealer);
  await expect(page.getByText('Time zone', { exact: true })).toBeVisible();
  await shot(page, `en-${device}-dealer`);

  await openFromMenu(page, device, EN.audit);
  const changedEn = page.getByTestId('audit-row').filter({ hasText: 'User changed' }).filter({ hasText: displayName }).first();
  await expect(changedEn.locator('.diff-before')).toHaveText('Sales consultant');
  await expect(changedEn.locator('.diff-after')).toHaveText('Sales manager');
  await pick(page, page.getByTestId('audit-filter-action'), 'User changed');
  await expect(page).toHaveURL(/action=user\.updated/);
  await expect(page.getByTestId('audit-row').filter({ hasText: 'User created' })).toHaveCount(0);
  await shot(page, `en-${device}-audit`);

  // The language is remembered for the user: a fresh page load stays in English.
  await page.reload();
  await expect(heading(page, EN.audit)).toBeVisible();

  // Back to Chinese (remembered too), then sign out.
  await switchLanguage(page, 'zh-CN');
  await expect(heading(page, ZH.audit)).toBeVisible();
  await signOut(page, '退出登录');
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
}
