// The service desk (售后): the advisor on a phone (390 px) works the due list — cars coming due
// predicted from their own mileage — books one into a workshop day within capacity, sees it on
// the appointments board and opens the day's repair orders; the service manager's workshop
// settings on the desktop; the same pages in English.
import {
  expect,
  login,
  openFromMenu,
  PHONE_390,
  shot,
  switchLanguage,
  test,
} from "./fixtures";

/** The next day the workshop works (Monday to Saturday), as `YYYY-MM-DD` in China. */
function nextWorkingDay(): string {
  const now = new Date(Date.now() + 8 * 3600 * 1000);
  const day = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1),
  );
  if (day.getUTCDay() === 0) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

test.describe("on a phone", () => {
  test.use(PHONE_390);

  test("the advisor books a car from the due list and sees the day", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await login(page, "hz-advisor");
    await openFromMenu(page, "phone", "保养到期");
    await expect(page.getByTestId("due-row").first()).toBeVisible();
    await shot(page, "zh-CN-phone-service-due");

    const booked = await page.getByTestId("due-booked").count();
    await page.getByTestId("due-book").first().click();
    await expect(page.getByTestId("booking-car")).toBeVisible();
    await page
      .locator('.ant-drawer input[id$="job"]')
      .fill("常规保养（机油、机滤）");
    const day = page.getByTestId("booking-day");
    await day.click();
    await day.fill(nextWorkingDay());
    await day.press("Enter");
    await shot(page, "zh-CN-phone-service-booking");
    await page.getByTestId("booking-submit").click();
    const full = page.getByTestId("capacity-full");
    if (await full.isVisible().catch(() => false)) {
      await page.getByTestId("book-next-free").click();
      await page.getByTestId("booking-submit").click();
    }
    await expect(page.getByTestId("booking-submit")).toBeHidden();
    await expect(page.getByTestId("due-booked")).toHaveCount(booked + 1);

    await openFromMenu(page, "phone", "预约看板");
    await expect(page.getByTestId("capacity-strip")).toBeVisible();
    await shot(page, "zh-CN-phone-service-appointments");

    await openFromMenu(page, "phone", "维修工单");
    await expect(page.getByTestId("repair-order-card").first()).toBeVisible();
    await page.getByTestId("repair-order-card").first().click();
    await expect(page.getByTestId("repair-order-bill")).toBeVisible();
    await shot(page, "zh-CN-phone-repair-order");

    await switchLanguage(page, "en");
    await openFromMenu(page, "phone", "Service due");
    await expect(page.getByTestId("due-row").first()).toBeVisible();
    await shot(page, "en-phone-service-due");
    await switchLanguage(page, "zh-CN");
  });
});

test("the service manager sets the workshop up", async ({ page }) => {
  await login(page, "hz-service-manager");
  await openFromMenu(page, "desktop", "车间设置");
  await expect(page.getByTestId("service-settings")).toBeVisible();
  await expect(page.getByText("标准保养").first()).toBeVisible();
  await shot(page, "zh-CN-desktop-service-settings");
  await openFromMenu(page, "desktop", "维修工单");
  await expect(page.locator(".ant-table-row").first()).toBeVisible();
  await shot(page, "zh-CN-desktop-repair-orders");
  await switchLanguage(page, "en");
  await openFromMenu(page, "desktop", "Workshop settings");
  await expect(page.getByTestId("service-settings")).toBeVisible();
  await shot(page, "en-desktop-service-settings");
  // The language is the user's own: give the next spec its Chinese back.
  await switchLanguage(page, "zh-CN");
});
