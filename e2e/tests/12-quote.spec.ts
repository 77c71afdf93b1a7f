// The deal desk on a phone (390 px): a consultant quotes an opportunity with a discount over the
// dealer's limit, asks for approval, the sales manager approves, the customer accepts and the
// consultant signs the contract with a 定金; the total shown is the server's, and the quote
// prints on A4 with the dealer's name and the on-the-road price.
import {
  apiAs,
  expect,
  freshMobile,
  freshName,
  login,
  PHONE_390,
  shot,
  switchLanguage,
  test,
} from './fixtures';

test.use(PHONE_390);

/** Fen as the app shows money: ¥1,234.56. */
function money(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

test('a consultant quotes with a discount over the limit, gets it approved and signs the order', async ({
  page,
  playwright,
}) => {
  test.setTimeout(240_000);
  const manager = await apiAs(playwright, 'hz-sales-manager');
  const consultant = await apiAs(playwright, 'hz-consultant');

  // The dealer's limit: a consultant may give at most ¥5,000 off.
  const settings = await manager.get('/api/v1/deal-settings');
  await manager.send('PUT', '/api/v1/deal-settings', {
    ...settings,
    max_discount_fen: 500_000,
    max_discount_bp: null,
  });

  // A trim the configurator prices (one the demo has quoted), and a fresh deal for it.
  const demoQuotes = await manager.get('/api/v1/quotes?limit=20');
  const modelId: string = demoQuotes.items[0].model_id;
  const visit = await consultant.send('POST', '/api/v1/receptions', {
    customer: { name: freshName('上官'), phones: [{ number: freshMobile() }] },
    consultant_id: consultant.userId,
    party_size: 1,
    models: [{ model_id: modelId }],
    test_drive: false,
    grade: 'H',
  });
  const deal = await manager.send('POST', `/api/v1/leads/${visit.lead.id}/opportunity`, {
    amount_fen: 20_000_000,
    competitors: [],
  });

  // From the lead, the consultant opens the quote builder.
  await login(page, 'hz-consultant');
  await page.goto(`/leads/${visit.lead.id}`);
  await page.getByTestId('new-quote').first().click();
  await expect(page).toHaveURL(new RegExp(`/quotes/new\\?opportunity=${deal.id}`));
  await expect(page.getByTestId('save-quote')).toBeEnabled();

  // The colour, one option of each group that needs one, fees and a ¥8,000 discount.
  const colour = page.getByTestId('quote-colour').locator('.ant-radio-wrapper');
  if ((await colour.count()) > 0) await colour.first().click();
  const groups = page.getByTestId('quote-group-exclusive');
  for (let i = 0; i < (await groups.count()); i += 1) {
    await groups.nth(i).locator('.ant-radio-wrapper').first().click();
  }
  await page.getByTestId('quote-insurance').fill('5200');
  await page.getByTestId('quote-fees').fill('1500');
  await page.getByTestId('quote-discount').fill('8000');
  await shot(page, 'zh-CN-phone-quote-builder');

  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/quotes') && r.request().method() === 'POST',
  );
  await page.getByTestId('save-quote').click();
  const response = await saved;
  expect(response.status()).toBe(201);
  const quote = await response.json();
  expect(quote.needs_approval).toBe(true);
  await expect(page).toHaveURL(new RegExp(`/quotes/${quote.id}$`));
  await expect(page.getByTestId('quote-total')).toContainText(money(quote.total_fen));
  await expect(page.getByTestId('quote-line')).toHaveCount(quote.lines.length);
  await expect(page.getByTestId('needs-approval')).toContainText('优惠超出您的权限');
  await shot(page, 'zh-CN-phone-quote-needs-approval');

  await page.getByTestId('request-approval').click();
  await expect(page.getByTestId('quote-status').first()).toHaveText('待审批');

  // The sales manager approves it.
  const waiting = await manager.get('/api/v1/approvals?box=waiting');
  const request = waiting.items.find(
    (r: { kind: string; status: string; payload: { number?: string } }) =>
      r.kind === 'quote.discount' && r.status === 'pending' && r.payload.number === quote.number,
  );
  expect(request, 'the pending quote approval').toBeTruthy();
  await manager.send('POST', `/api/v1/approvals/${request.id}/approve`, {
    version: request.version,
  });

  // The customer accepts; the consultant signs the contract with a ¥5,000 定金.
  await page.reload();
  await expect(page.getByTestId('quote-status').first()).toHaveText('已批准');
  await page.getByTestId('accept-quote').click();
  await expect(page.getByTestId('quote-status').first()).toHaveText('已接受');
  await page.getByTestId('sign-order').click();
  await page.getByTestId('deposit-amount').fill('5000');
  const ordered = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/orders') && r.request().method() === 'POST',
  );
  await page.getByTestId('confirm-sign').click();
  const order = await (await ordered).json();
  expect(order.contract_no).toBeTruthy();
  await expect(page.getByTestId('order-made')).toBeVisible();
  await shot(page, 'zh-CN-phone-quote-signed');

  // The printed quote: the dealer, the total, on A4.
  await page.getByTestId('print-quote').click();
  await expect(page).toHaveURL(new RegExp(`/quotes/${quote.id}/print$`));
  await expect(page.getByTestId('print-dealer')).not.toBeEmpty();
  await expect(page.getByTestId('print-total')).toHaveText(money(quote.total_fen));
  await expect(page.getByTestId('print-button')).toBeVisible();
  await shot(page, 'zh-CN-phone-quote-print');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.length).toBeGreaterThan(1000);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  // The same pages on a desktop, and in English.
  await page.setViewportSize({ width: 1366, height: 860 });
  await page.goto(`/quotes/${quote.id}`);
  await expect(page.getByTestId('quote-total')).toContainText(money(quote.total_fen));
  await shot(page, 'zh-CN-desktop-quote');
  await switchLanguage(page, 'en');
  await expect(page.getByTestId('quote-total')).toContainText('On-the-road price');
  await shot(page, 'en-desktop-quote');
  await page.goto('/quotes');
  await expect(page.getByText(quote.number)).toBeVisible();
  await shot(page, 'en-desktop-my-quotes');
  await page.goto(`/quotes/new?opportunity=${deal.id}`);
  await expect(page.getByTestId('save-quote')).toBeEnabled();
  await shot(page, 'en-desktop-quote-builder');
  await page.goto(`/quotes/${quote.id}/print`);
  await expect(page.getByTestId('print-total')).toHaveText(money(quote.total_fen));
  await shot(page, 'en-desktop-quote-print');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/quotes/${quote.id}`);
  await expect(page.getByTestId('quote-total')).toContainText('On-the-road price');
  await shot(page, 'en-phone-quote');
  await page.setViewportSize({ width: 1366, height: 860 });
  await switchLanguage(page, 'zh-CN');
});
