// The service manager's report (售后报表) and warranty claims (索赔) on the demo's workshop: the
// cards and the advisors' table show the API's own numbers for this month and, switched to the
// last 90 days, the picked-up orders the demo played over the last six weeks (revenue, hours,
// warranty lines); the claims export downloads as Excel. In Chinese and English on a desktop,
// and at 390 px where the cards stack and the tables scroll sideways.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import {
  expect,
  login,
  openFromMenu,
  PHONE_390,
  shot,
  switchLanguage,
  test,
} from "./fixtures";

const ZONE = "Asia/Shanghai";

/** A day in the dealer's calendar, `offsetDays` from today: "2026-12-08". */
function dayIn(offsetDays = 0): string {
  const now = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(now);
}

/** Fen as the app shows money: 123456 → "¥1,234.56". */
function yuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString("en-US");
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, "0")}`;
}

interface Report {
  from: string;
  to: string;
  days: { repair_orders: number; picked_up: number; revenue_fen: number }[];
  advisors: { name?: string | null; revenue_fen: number; picked_up: number }[];
  payers: { payer: string; labour_fen: number; parts_fen: number }[];
  labour_sold_hours_centi: number;
  within_days: number;
}

const sum = (days: Report["days"], key: keyof Report["days"][number]) =>
  days.reduce((total, day) => total + day[key], 0);

/** The report the page asks for next (its own request), as JSON. */
function nextReport(page: Page): Promise<Report> {
  return page
    .waitForResponse(
      (r) => r.url().includes("/api/v1/service/report?") && r.ok(),
    )
    .then((r) => r.json());
}

const kpi = (page: Page, id: string) =>
  page.getByTestId(`kpi-${id}`).getByTestId("kpi-value");

/** The cards and the advisors' table show the report's numbers. */
async function expectFigures(page: Page, report: Report) {
  await expect(page.getByTestId("report-range")).toContainText(report.from);
  await expect(kpi(page, "repairOrders")).toHaveAttribute(
    "data-value",
    String(sum(report.days, "repair_orders")),
  );
  await expect(kpi(page, "pickedUp")).toHaveAttribute(
    "data-value",
    String(sum(report.days, "picked_up")),
  );
  await expect(kpi(page, "revenue")).toHaveText(
    yuan(sum(report.days, "revenue_fen")),
  );
  const rows = page.getByTestId("advisor-row");
  await expect(rows).toHaveCount(report.advisors.length);
  for (const [i, advisor] of report.advisors.entries()) {
    await expect(rows.nth(i).getByTestId("advisor-revenue")).toHaveText(
      yuan(advisor.revenue_fen),
    );
    if (advisor.name)
      await expect(rows.nth(i).getByTestId("advisor-name")).toHaveText(
        advisor.name,
      );
  }
}

test("the service manager reads the report and exports the warranty claims", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await login(page, "hz-service-manager");

  // This month up to today: the demo opened repair orders today.
  let loaded = nextReport(page);
  await openFromMenu(page, "desktop", "售后报表");
  const month = await loaded;
  expect(month.from).toBe(`${dayIn().slice(0, 8)}01`);
  expect(month.to).toBe(dayIn());
  expect(sum(month.days, "repair_orders")).toBeGreaterThan(0);
  await expectFigures(page, month);
  await expect(
    page.getByTestId("period-presets").locator(".ant-segmented-item-selected"),
  ).toHaveText("本月");
  await shot(page, "zh-CN-desktop-service-report");

  // The last 90 days hold the demo's six weeks of picked-up orders.
  loaded = nextReport(page);
  await page.getByTestId("period-preset-last90").click();
  const quarter = await loaded;
  expect(quarter.from).toBe(dayIn(-89));
  expect(sum(quarter.days, "picked_up")).toBeGreaterThanOrEqual(6);
  expect(sum(quarter.days, "revenue_fen")).toBeGreaterThan(0);
  expect(quarter.labour_sold_hours_centi).toBeGreaterThan(0);
  await expectFigures(page, quarter);
  await expect(kpi(page, "utilisation")).toHaveText(/^\d+(\.\d)?%$/);
  const warranty = quarter.payers.find((p) => p.payer === "warranty")!;
  expect(warranty.labour_fen + warranty.parts_fen).toBeGreaterThan(0);
  await expect(
    page.getByTestId("payer-table").locator('[data-payer="warranty"]'),
  ).toContainText(yuan(warranty.labour_fen + warranty.parts_fen));
  await page.getByTestId("by-day-table-tab").click();
  await expect(
    page.getByTestId("day-table").locator(".ant-table-row"),
  ).toHaveCount(90);
  await shot(page, "zh-CN-desktop-service-report-90-days");

  // A wider retention window is asked for once typed.
  loaded = nextReport(page);
  await page
    .locator(
      '[data-testid="within-days"] input, input[data-testid="within-days"]',
    )
    .fill("60");
  expect((await loaded).within_days).toBe(60);
  await expect(page.getByTestId("kpi-retention")).toContainText("60");

  // Warranty claims of the same 90 days: the demo's warranty labour and parts.
  await openFromMenu(page, "desktop", "保修索赔");
  // The claims page has replaced the report (both have period presets).
  await expect(page).toHaveURL(/\/service\/warranty-claims/);
  await expect(page.getByTestId("warranty-export")).toBeVisible();
  const claimsLoaded = page.waitForResponse(
    (r) =>
      r.url().includes("/api/v1/warranty-claims?") &&
      r.url().includes(`from=${dayIn(-89)}`),
  );
  await page.getByTestId("period-preset-last90").click();
  const claims = (await (await claimsLoaded).json()) as {
    lines: { number: string; repair_order_id: string }[];
    total_fen: number;
  };
  expect(claims.lines.length).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId("claim-row")).toHaveCount(claims.lines.length);
  await expect(page.getByTestId("warranty-total")).toContainText(
    yuan(claims.total_fen),
  );
  await expect(page.getByTestId("claim-order").first()).toHaveAttribute(
    "href",
    `/repair-orders/${claims.lines[0]!.repair_order_id}`,
  );
  await shot(page, "zh-CN-desktop-warranty-claims");

  const download = page.waitForEvent("download");
  await page.getByTestId("warranty-export").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(
    `warranty-claims-${dayIn(-89)}-${dayIn()}.xlsx`,
  );
  const bytes = readFileSync((await file.path())!);
  expect(bytes.length).toBeGreaterThan(1000);
  expect(bytes.subarray(0, 2).toString()).toBe("PK");

  // The order behind a claim opens from its number.
  await page.getByTestId("claim-order").first().click();
  await expect(page).toHaveURL(/\/repair-orders\/[0-9a-f-]+$/);

  // In English.
  await switchLanguage(page, "en");
  loaded = nextReport(page);
  await openFromMenu(page, "desktop", "Service report");
  await expectFigures(page, await loaded);
  await expect(page.getByTestId("kpi-cards")).toContainText(
    "Labour utilisation",
  );
  await shot(page, "en-desktop-service-report");
  await openFromMenu(page, "desktop", "Warranty claims");
  // The claims page has replaced the report (both have period presets).
  await expect(page).toHaveURL(/\/service\/warranty-claims/);
  await expect(page.getByTestId("warranty-export")).toBeVisible();
  await page.getByTestId("period-preset-last90").click();
  await expect(page.getByTestId("claim-row").first()).toBeVisible();
  await expect(page.getByTestId("warranty-export")).toHaveText("Export Excel");
  await shot(page, "en-desktop-warranty-claims");
  // The language is the user's own: give the next spec its Chinese back.
  await switchLanguage(page, "zh-CN");
});

test.describe("on a phone", () => {
  test.use(PHONE_390);

  test("the report stacks its cards and scrolls its tables at 390 px", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await login(page, "hz-service-manager");
    let loaded = nextReport(page);
    await openFromMenu(page, "phone", "售后报表");
    await expectFigures(page, await loaded);
    loaded = nextReport(page);
    await page.getByTestId("period-preset-last90").click();
    await expectFigures(page, await loaded);
    // Two cards a row, nothing wider than the screen but the tables' own scrolling.
    const cards = page.getByTestId("kpi-cards").locator(".kpi-card");
    const first = (await cards.nth(0).boundingBox())!;
    const third = (await cards.nth(2).boundingBox())!;
    expect(third.y).toBeGreaterThan(first.y + first.height - 1);
    expect(first.width).toBeLessThan(195);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, "zh-CN-phone-service-report");

    await openFromMenu(page, "phone", "保修索赔");
    // The claims page has replaced the report (both have period presets).
    await expect(page).toHaveURL(/\/service\/warranty-claims/);
    await expect(page.getByTestId("warranty-export")).toBeVisible();
    await page.getByTestId("period-preset-last90").click();
    await expect(page.getByTestId("claim-row").first()).toBeVisible();
    const stillFits = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(stillFits).toBeLessThanOrEqual(0);
    await shot(page, "zh-CN-phone-warranty-claims");

    await switchLanguage(page, "en");
    loaded = nextReport(page);
    await openFromMenu(page, "phone", "Service report");
    await expectFigures(page, await loaded);
    await shot(page, "en-phone-service-report");
    await switchLanguage(page, "zh-CN");
  });
});
