// The sales manager's desk: a card dragged to another stage stays there (and the API agrees), the
// funnel draws, and the morning report shows exactly the API's numbers.
import { apiAs, expect, freshMobile, freshName, login, shot, test } from './fixtures';

test('the manager drags a deal to the next stage and it stays there', async ({ page, playwright }) => {
  test.setTimeout(120_000);
  const manager = await apiAs(playwright, 'hz-sales-manager');
  // A deal of the manager's own, so the board can be narrowed to it whatever the demo holds.
  const visit = await manager.send('POST', '/api/v1/receptions', {
    customer: { name: freshName('司马'), phones: [{ number: freshMobile() }] },
    consultant_id: manager.userId,
    party_size: 2,
    models: [{ text: '比亚迪 汉 EV' }],
    test_drive: true,
    grade: 'H',
  });
  const stages: { id: string; key: string; kind: string; active: boolean }[] = await manager.get(
    '/api/v1/pipeline-stages',
  );
  const open = stages.filter((s) => s.kind === 'open' && s.active);
  const [from, to] = [open[0], open[1]];
  expect(from && to).toBeTruthy();
  const deal = await manager.send('POST', `/api/v1/leads/${visit.lead.id}/opportunity`, {
    stage_id: from!.id,
    amount_fen: 18_980_000,
    competitors: ['特斯拉 Model 3'],
  });

  await login(page, 'hz-sales-manager');
  await page.goto(`/opportunities?owner=${manager.userId}`);
  const card = page.locator(`[data-testid="opportunity-card"][data-id="${deal.id}"]`);
  await expect(page.getByTestId(`stage-column-${from!.key}`).locator(card)).toBeVisible();
  await shot(page, 'zh-CN-desktop-pipeline');

  const moved = page.waitForResponse((r) => r.url().endsWith(`/opportunities/${deal.id}/stage`));
  await card.dragTo(page.getByTestId(`stage-column-${to!.key}`));
  expect((await moved).ok()).toBeTruthy();
  await expect(page.getByTestId(`stage-column-${to!.key}`).locator(card)).toBeVisible();

  await page.reload();
  await expect(page.getByTestId(`stage-column-${to!.key}`).locator(card)).toBeVisible();
  await expect(page.getByTestId(`stage-column-${from!.key}`).locator(card)).toHaveCount(0);
  const after = await manager.get(`/api/v1/opportunities/${deal.id}`);
  expect(after.stage.key).toBe(to!.key);
  expect(after.history.length).toBeGreaterThanOrEqual(2);

  // The funnel of the period, drawn by ECharts.
  await page.getByTestId('tab-funnel').click();
  await expect(page).toHaveURL(/tab=funnel/);
  await expect(page.getByTestId('funnel-chart').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('funnel-table').locator('tbody tr.ant-table-row').first()).toBeVisible();
  await shot(page, 'zh-CN-desktop-funnel');
});

const FIGURES = [
  'new_leads',
  'visits',
  'test_drives',
  'grade_upgrades',
  'orders',
  'deliveries',
  'lost',
  'overdue_follow_ups',
] as const;

test('the morning report shows the API’s numbers', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, 'hz-sales-manager');
  for (const period of ['today', 'week', 'month'] as const) {
    const loaded = page.waitForResponse(
      (r) => r.url().includes('/api/v1/sales/report') && r.url().includes(`period=${period}`),
    );
    await page.goto(period === 'today' ? '/sales/report' : `/sales/report?period=${period}`);
    await loaded;
    await expect(page.getByTestId('report')).toBeVisible();
    await page.waitForLoadState('networkidle');
    const api = await (await page.request.get(`/api/v1/sales/report?period=${period}`)).json();

    for (const key of FIGURES) {
      const shown = page.getByTestId(`kpi-${key}`).getByTestId('kpi-value');
      await expect(shown, `${period} ${key}`).toHaveText(api.totals[key].toLocaleString('en-US'));
    }
    await expect(page.getByTestId('report-range')).toContainText(api.first_day);
    // Per consultant: every row the API has, with the same figures.
    const rows = page.getByTestId('consultant-row');
    await expect(rows).toHaveCount(api.consultants.length);
    for (const row of api.consultants) {
      const shown = rows.filter({ has: page.getByText(row.user.display_name, { exact: true }) });
      for (const key of FIGURES) {
        await expect(shown.locator(`[data-figure="${key}"]`), `${row.user.display_name} ${key}`).toHaveText(
          row.figures[key].toLocaleString('en-US'),
        );
      }
    }
    if (period === 'month') {
      await expect(page.getByTestId('chart-sources').locator('canvas')).toBeVisible();
      await expect(page.getByTestId('chart-steps').locator('canvas')).toBeVisible();
      await shot(page, 'zh-CN-desktop-sales-report');
    }
  }
});
