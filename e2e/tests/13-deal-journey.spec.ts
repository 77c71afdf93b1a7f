// The whole sale on a phone (390 px): a walk-in, an opportunity and an accepted quote (its discount
// over the consultant's limit approved by the manager) are prepared through the API; then in the
// UI finance records the 定金 and the balance, the consultant allocates a car with the picker,
// finance issues the invoice, the consultant ticks the checklists and hands the car over. The
// receivable goes to ¥0.00, the order reads delivered, and the customer's vehicles list the VIN.
import type { Browser, Page } from '@playwright/test';
import {
  apiAs,
  type ApiSession,
  expect,
  freshMobile,
  freshName,
  login,
  PHONE_390,
  pick,
  shot,
  switchLanguage,
  test,
} from './fixtures';

test.use(PHONE_390);

/** A valid VIN (ISO 3779 check digit in the 9th place) ending in six random digits. */
function freshVin(): string {
  const serial = `${Math.floor(Math.random() * 1e6)}`.padStart(6, '0');
  const v = `LSVAU2180N2${serial}`.split('');
  const translit = (c: string) => {
    if (/\d/.test(c)) return Number(c);
    const map: Record<string, number> = {
      A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
      S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
    };
    return map[c] ?? 0;
  };
  const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
  const sum = v.reduce((s, c, i) => s + translit(c) * weights[i]!, 0);
  const r = sum % 11;
  v[8] = r === 10 ? 'X' : String(r);
  return v.join('');
}

const yuan = (fen: number) =>
  `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

interface Prepared {
  orderId: string;
  total: number;
  earnest: number;
  vin: string;
  customer: string;
}

/** Walk-in → opportunity → quote with a ¥8,000 discount → approved → accepted → order with a 定金. */
async function prepare(playwright: Parameters<typeof apiAs>[0]): Promise<Prepared> {
  // The login spec leaves hz-finance locked out (five wrong passwords): the admin lifts it.
  const admin = await apiAs(playwright, 'hz-admin');
  const finance = await admin.get('/api/v1/users?q=hz-finance');
  await admin.send('POST', `/api/v1/users/${finance.items[0].id}/unlock`, {});
  const consultant = await apiAs(playwright, 'hz-consultant');
  const manager = await apiAs(playwright, 'hz-sales-manager');
  // A trim the demo quotes, with options that satisfy its groups: copied from a demo quote.
  const quotes = await manager.get('/api/v1/quotes?limit=50');
  const model = (quotes.items as any[]).find((q) => q.model_id && q.colour);
  expect(model, 'a demo quote to copy the trim from').toBeTruthy();
  const ids = (kind: string) =>
    (model.lines as any[]).filter((l) => l.kind === kind && l.item_id).map((l) => l.item_id);

  const customer = freshName('上官');
  const visit = await consultant.send('POST', '/api/v1/receptions', {
    customer: { name: customer, phones: [{ number: freshMobile() }] },
    consultant_id: consultant.userId,
    party_size: 2,
    models: [{ text: model.model_name }],
    test_drive: false,
    grade: 'H',
  });
  const stages: any[] = await consultant.get('/api/v1/pipeline-stages');
  const stage = stages.find((s) => s.kind === 'open' && s.active);
  const deal = await consultant.send('POST', `/api/v1/leads/${visit.lead.id}/opportunity`, {
    stage_id: stage.id,
    amount_fen: model.total_fen,
  });
  let quote = await consultant.send('POST', '/api/v1/quotes', {
    opportunity_id: deal.id,
    model_id: model.model_id,
    colour: model.colour,
    option_ids: ids('option'),
    package_ids: ids('package'),
    accessory_ids: [],
    discount_fen: 800_000,
  });
  expect(quote.needs_approval, 'a ¥8,000 discount is over the consultant’s limit').toBe(true);
  quote = await consultant.send('POST', `/api/v1/quotes/${quote.id}/request-approval`, {
    version: quote.version,
  });
  const waiting = await manager.get('/api/v1/approvals?box=waiting');
  const request = (waiting.items as any[]).find(
    (r) => r.status === 'pending' && JSON.stringify(r).includes(quote.id),
  );
  expect(request, 'the discount’s approval request').toBeTruthy();
  await manager.send('POST', `/api/v1/approvals/${request.id}/approve`, {
    version: request.version,
  });
  quote = await consultant.get(`/api/v1/quotes/${quote.id}`);
  expect(quote.status).toBe('approved');
  quote = await consultant.send('POST', `/api/v1/quotes/${quote.id}/accept`, {
    version: quote.version,
  });
  const earnest = Math.floor(quote.total_fen / 10 / 100) * 100; // 10%, whole yuan
  const order = await consultant.send('POST', '/api/v1/orders', {
    quote_id: quote.id,
    deposit: { kind: 'earnest', amount_fen: earnest },
  });
  // A car of that trim and colour in stock, for the picker.
  const vin = freshVin();
  await manager.send('POST', '/api/v1/stock-units', {
    vin,
    catalog_model_id: model.model_id,
    colour: model.colour,
    status: 'in_stock',
    location: '展厅',
  });
  return { orderId: order.id, total: order.money.total_fen, earnest, vin, customer };
}

/** An input by its test id, whether antd put the id on the input or on its wrapper. */
const field = (page: Page, id: string) =>
  page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

async function as(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({
    ...PHONE_390,
    baseURL: process.env.FORECOURT_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await login(page, username);
  return page;
}

async function recordPayment(page: Page, purpose: string, amountYuan: number, receipt: string) {
  await page.getByTestId('order-pay').click();
  const dialog = page.locator('.ant-modal-content:visible');
  await pick(page, dialog.locator('.ant-form-item').filter({ has: page.locator('#purpose') }).locator('.ant-select-selector'), purpose);
  await dialog.locator('#amount').fill(String(amountYuan));
  await dialog.locator('#receipt_no').fill(receipt);
  const saved = page.waitForResponse((r) => r.url().endsWith('/payments') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  expect((await saved).ok()).toBeTruthy();
  await expect(dialog).toHaveCount(0);
}

let prepared: Prepared;

test('a sale from the 定金 to the handover, at 390 px', async ({ browser, playwright }) => {
  test.setTimeout(300_000);
  prepared = await prepare(playwright);
  const { orderId, total, earnest, vin } = prepared;
  const url = `/orders/${orderId}`;
  const receivable = (page: Page) => page.getByTestId('order-receivable-value');

  // Finance: the 定金, then the balance.
  const finance = await as(browser, 'hz-finance');
  await finance.goto(url);
  await expect(receivable(finance)).toHaveText(yuan(total));
  await shot(finance, 'zh-CN-phone-order-signed');
  await recordPayment(finance, '定金', earnest / 100, `DJ-${vin.slice(-6)}`);
  await expect(receivable(finance)).toHaveText(yuan(total - earnest));
  await shot(finance, 'zh-CN-phone-order-earnest-paid');
  await recordPayment(finance, '尾款', (total - earnest) / 100, `WK-${vin.slice(-6)}`);
  await expect(receivable(finance)).toHaveText(yuan(0));
  await shot(finance, 'zh-CN-phone-order-paid');

  // The consultant allocates the car with the picker, searching by its last six.
  const consultant = await as(browser, 'hz-consultant');
  await consultant.goto(url);
  const picker = consultant.getByTestId('allocation-picker');
  await expect(picker).toBeVisible();
  await shot(consultant, 'zh-CN-phone-order-picker');
  await field(consultant, 'allocation-search').fill(vin.slice(-6));
  await field(consultant, 'allocation-search').press('Enter');
  const unit = picker.getByTestId('allocation-unit').filter({ hasText: vin.slice(-6) });
  await expect(unit).toHaveCount(1);
  await shot(consultant, 'zh-CN-phone-order-picker-search');
  await unit.getByRole('button').click();
  await expect(consultant.getByTestId('order-vin')).toHaveText(vin);
  await shot(consultant, 'zh-CN-phone-order-allocated');

  // Finance issues the unified vehicle sales invoice.
  await finance.reload();
  await field(finance, 'order-invoice-no').fill(`JDC${vin.slice(-6)}`);
  await finance.getByTestId('order-invoice').click();
  await expect(finance.getByTestId('order-status')).toHaveText('已开票');
  await shot(finance, 'zh-CN-phone-order-invoiced');

  // The consultant ticks the PDI and handover checklists and hands the car over.
  await consultant.reload();
  for (const list of ['pdi', 'handover']) {
    const boxes = consultant.getByTestId(`checklist-${list}`).locator('input[type=checkbox]');
    await expect(boxes.first()).toBeEnabled();
    const n = await boxes.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const ticked = consultant.waitForResponse((r) => r.url().endsWith('/checklists'));
      // Controlled by the order: the box is ticked once the server has saved it.
      await boxes.nth(i).click();
      expect((await ticked).ok()).toBeTruthy();
      await expect(boxes.nth(i)).toBeChecked();
    }
  }
  await shot(consultant, 'zh-CN-phone-order-checklists');
  await field(consultant, 'order-odometer').fill('12');
  await consultant.getByTestId('order-deliver').click();
  await expect(consultant.getByTestId('order-status')).toHaveText('已交车');
  await expect(receivable(consultant)).toHaveText(yuan(0));
  await shot(consultant, 'zh-CN-phone-order-delivered');

  // The car is now the customer's.
  const api: ApiSession = await apiAs(playwright, 'hz-consultant');
  const vehicles = await api.get(`/api/v1/vehicles?q=${vin}`);
  expect(JSON.stringify(vehicles)).toContain(vin);

  // The lists finance and the consultant work from.
  await finance.goto('/finance');
  await shot(finance, 'zh-CN-phone-finance');
  await consultant.goto('/orders');
  await shot(consultant, 'zh-CN-phone-orders');
  await consultant.goto('/stock');
  await shot(consultant, 'zh-CN-phone-stock');
});

test('the same pages in English, on a phone and at a desk', async ({ page }) => {
  test.skip(!prepared, 'needs the sale above');
  await login(page, 'hz-finance');
  await switchLanguage(page, 'en');
  try {
    await page.goto(`/orders/${prepared.orderId}`);
    await expect(page.getByTestId('order-status')).toHaveText('Delivered');
    await shot(page, 'en-phone-order-delivered');
    await page.goto('/finance');
    await shot(page, 'en-phone-finance');
    await page.goto('/orders');
    await shot(page, 'en-phone-orders');
    await page.setViewportSize({ width: 1366, height: 860 });
    await page.goto(`/orders/${prepared.orderId}`);
    await shot(page, 'en-desktop-order-delivered');
    await page.goto('/finance');
    await shot(page, 'en-desktop-finance');
    await page.goto('/stock');
    await shot(page, 'en-desktop-stock');
  } finally {
    await switchLanguage(page, 'zh-CN');
  }
});
