// A car coming due, reminded, is booked for today from the due list and arrives: the advisor,
// on a phone beside the car (390 px), takes it in from the appointments board, which opens its
// repair order with the odometer; adds the labour
// and a part from the price list, has a technician clock on and off, sends it through the
// quality check, hands it back with the payment, and sees on the car's page that the repair is
// in its history and its next service has moved on. The order in English and Traditional
// Chinese on the desktop.
import {
  apiAs,
  expect,
  login,
  openFromMenu,
  PHONE_390,
  shot,
  switchLanguage,
  test,
} from "./fixtures";

/** Today in China, as `YYYY-MM-DD`, and its weekday (0 Monday … 6 Sunday). */
function todayInChina(): { day: string; weekday: number } {
  const now = new Date(Date.now() + 8 * 3600 * 1000);
  return {
    day: now.toISOString().slice(0, 10),
    weekday: (now.getUTCDay() + 6) % 7,
  };
}

interface Due {
  vehicle_id: string;
  due_on: string;
  car: { plate: string | null; mileage_km: number | null } | null;
  reminded: boolean;
  booked: unknown;
}

test.describe("on a phone", () => {
  test.use(PHONE_390);

  test("a booked car is taken in, repaired, handed back and its next service moves on", async ({
    page,
    playwright,
  }) => {
    test.setTimeout(180_000);
    const { day, weekday } = todayInChina();
    // The workshop works today (a Sunday run opens it), and a car due for service is booked.
    const manager = await apiAs(playwright, "hz-service-manager");
    const settings = await manager.get("/api/v1/service/settings");
    if (!settings.working_days[weekday]) {
      const working_days = [...settings.working_days];
      working_days[weekday] = true;
      await manager.send("PATCH", "/api/v1/service/settings", {
        working_days,
        version: settings.version,
      });
    }
    const advisorApi = await apiAs(playwright, "hz-advisor");
    const dues = (await advisorApi.get("/api/v1/service-dues?limit=20"))
      .items as Due[];
    const free = dues.filter((d) => !d.booked && d.car?.plate);
    // Prefer a car whose reminder went out (the demo reminds those within a week).
    const due = free.find((d) => d.reminded) ?? free[0];
    expect(due, "a car due for service without a booking").toBeTruthy();
    const plate = due!.car!.plate!;
    const odometer = (due!.car!.mileage_km ?? 20_000) + 1_200;

    // The advisor finds it on the due list and books it in for today.
    await login(page, "hz-advisor");
    await openFromMenu(page, "phone", "保养到期");
    const dueRow = page.getByTestId("due-row").filter({ hasText: plate });
    await expect(dueRow).toBeVisible();
    if (due!.reminded) await expect(dueRow).toContainText("已提醒");
    await dueRow.getByTestId("due-book").click();
    await expect(page.getByTestId("booking-car")).toContainText(plate);
    await page
      .locator('.ant-drawer input[id$="job"]')
      .fill("常规保养（机油、机滤）");
    const bookingDay = page.getByTestId("booking-day");
    await bookingDay.click();
    await bookingDay.fill(day);
    await bookingDay.press("Enter");
    await page.getByTestId("booking-submit").click();
    await expect(page.getByTestId("booking-submit")).toBeHidden();
    await expect(dueRow.getByTestId("due-booked")).toBeVisible();

    await openFromMenu(page, "phone", "预约看板");
    const row = page.getByTestId("appointment-row").filter({ hasText: plate });
    await expect(row).toBeVisible();
    await row.getByTestId("appointment-receive").click();
    await expect(
      page.getByTestId("repair-order-from-appointment"),
    ).toContainText(plate);
    await page.getByTestId("repair-order-odometer").fill(String(odometer));
    await shot(page, "zh-CN-phone-repair-order-receive");
    await page.getByTestId("repair-order-open-submit").click();
    await expect(page).toHaveURL(/\/repair-orders\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("repair-order-status")).toHaveText("已开单");

    // The labour (1.5 h at the dealer's rate) and the oil filter from the price list.
    await page.getByTestId("labour-code").fill("BY10");
    await page.getByTestId("labour-description").fill("常规保养：更换机油机滤");
    await page.locator('input[id="hours"]').fill("1.5");
    await page.getByTestId("labour-add").click();
    await expect(page.getByTestId("labour-line")).toHaveCount(1);
    await page.getByTestId("part-search").click();
    await page.keyboard.type("06L115562B");
    await page
      .locator(".ant-select-item-option")
      .filter({ hasText: "机油滤清器" })
      .click();
    await page.getByTestId("part-add").click();
    await expect(page.getByTestId("part-line")).toHaveCount(1);
    await expect(page.getByTestId("repair-order-bill")).not.toHaveText("¥0.00");

    // A technician clocks on (the order is then being worked on), off, and the job is done.
    await page.getByTestId("repair-order-technician").click();
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option")
      .first()
      .click();
    await page.getByTestId("labour-clock-on").click();
    await expect(page.getByTestId("repair-order-status")).toHaveText("维修中");
    await shot(page, "zh-CN-phone-repair-order-working");
    await page.getByTestId("labour-clock-off").click();
    await page.getByTestId("labour-done").click();
    await expect(page.getByTestId("labour-line")).toContainText("已完工");

    // Quality check, ready, and the pickup with the odometer and the payment.
    await page.getByTestId("repair-order-move-quality_check").click();
    await expect(page.getByTestId("repair-order-status")).toHaveText("质检中");
    await page.getByTestId("repair-order-move-ready").click();
    await expect(page.getByTestId("repair-order-status")).toHaveText("待交车");
    await page.getByTestId("repair-order-pickup").click();
    await shot(page, "zh-CN-phone-repair-order-pickup");
    await page.getByTestId("pickup-submit").click();
    await expect(page.getByTestId("repair-order-status")).toHaveText("已交车");
    const orderUrl = page.url();

    // The car's page: the repair in its history, and the next service after the old due day.
    await page.getByTestId("repair-order-car-link").click();
    await expect(page.getByTestId("vehicle-service")).toBeVisible();
    await expect(
      page.getByTestId("vehicle-repair-order").first(),
    ).toContainText("已交车");
    await expect(page.getByTestId("vehicle-service-due-on")).not.toHaveText(
      due!.due_on,
    );
    const nextDue = (
      await page.getByTestId("vehicle-service-due-on").innerText()
    ).trim();
    expect(
      nextDue > due!.due_on,
      `${nextDue} after ${due!.due_on}`,
    ).toBeTruthy();
    await shot(page, "zh-CN-phone-vehicle-service");

    // The same order read in English and in Traditional Chinese, on the desktop width.
    await page.setViewportSize({ width: 1366, height: 860 });
    await page.goto(orderUrl);
    await switchLanguage(page, "en");
    await expect(page.getByTestId("repair-order-status")).toHaveText(
      "Picked up",
    );
    await shot(page, "en-desktop-repair-order");
    await switchLanguage(page, "zh-TW");
    await expect(page.getByTestId("repair-order-status")).toHaveText("已交車");
    await shot(page, "zh-TW-desktop-repair-order");
    // The language is the user's own: give the next spec its Chinese back.
    await switchLanguage(page, "zh-CN");
  });
});
