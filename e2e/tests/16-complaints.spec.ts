// Complaints (投诉) on a phone (390 px): the call centre records a customer's complaint about
// their car, the service manager assigns it to the advisor, the advisor answers the customer,
// logs an action (a first try meets a change made meanwhile and the page reloads and says so)
// and resolves it with what was agreed, and the call centre verifies it by calling the customer
// back, which closes it. Then the SLA board and the care settings in English and Traditional
// Chinese, and the settings as the admin who may change them on the desktop.
import type { Page } from "@playwright/test";
import {
  apiAs,
  expect,
  login,
  openFromMenu,
  PHONE_390,
  pick,
  shot,
  switchLanguage,
  test,
} from "./fixtures";

interface Vehicle {
  id: string;
  plate: string | null;
  owner_customer_id: string | null;
}

/** Signs whoever is in out (cookies only) and the next user in. */
async function signInAs(page: Page, username: string) {
  await page.context().clearCookies();
  await login(page, username);
}

test.describe("on a phone", () => {
  test.use(PHONE_390);

  test("a complaint goes from the call centre through the workshop to a verified close", async ({
    page,
    playwright,
  }) => {
    test.setTimeout(240_000);
    // A customer with a car and a phone the call centre sees whole.
    const agent = await apiAs(playwright, "hz-renewal");
    const cars = (await agent.get("/api/v1/vehicles?limit=50"))
      .items as Vehicle[];
    const car = cars.find((v) => v.plate && v.owner_customer_id);
    expect(car, "a demo car with a plate and an owner").toBeTruthy();
    const customer = await agent.get(
      `/api/v1/customers/${car!.owner_customer_id}`,
    );
    const phone = (
      customer.phones as { number: string; is_primary: boolean }[]
    )[0]?.number;
    expect(phone, "the owner's phone").toMatch(/^1\d{10}$/);
    const summary = `保养后发动机异响 ${Date.now() % 100000}`;

    // The call centre records it from the desk.
    await login(page, "hz-renewal");
    await openFromMenu(page, "phone", "投诉处理");
    await expect(page.getByTestId("complaint-filters")).toBeVisible();
    await page.getByTestId("complaint-new").click();
    await page.getByTestId("complaint-customer").click();
    await page.keyboard.type(phone!);
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option")
      .filter({ hasText: customer.name })
      .first()
      .click();
    await pick(page, page.getByTestId("complaint-car"), car!.plate!);
    await pick(page, page.getByTestId("complaint-category"), "维修质量");
    await page
      .getByTestId("complaint-severity")
      .getByText("严重", { exact: true })
      .click();
    await page.getByTestId("complaint-summary").fill(summary);
    await page
      .getByTestId("complaint-details")
      .fill("客户来电：保养后第二天发动机有异响。\n要求免费检查并给出说法。");
    await shot(page, "zh-CN-phone-complaint-new");
    await page.getByTestId("complaint-new-submit").click();
    await expect(page).toHaveURL(/\/complaints\/[0-9a-f-]{36}$/);
    const url = page.url();
    await expect(page.getByTestId("complaint-status")).toHaveText("已录入");
    await expect(page.getByTestId("complaint-sla")).toBeVisible();
    await expect(page.getByTestId("complaint-car-link")).toHaveText(
      car!.plate!,
    );
    const number = (
      await page.getByTestId("complaint-number").innerText()
    ).trim();
    expect(number).toMatch(/^TS\d{10}$/);
    // The call centre may not assign it.
    await expect(page.getByTestId("complaint-assign")).toHaveCount(0);

    // The service manager gives it to the advisor.
    await signInAs(page, "hz-service-manager");
    await page.goto(url);
    await page.getByTestId("complaint-assign").click();
    // The list is long and only its visible part is drawn: type to find the advisor.
    await page.getByTestId("complaint-assign-handler").click();
    await page.keyboard.type("郑强");
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option")
      .filter({ hasText: "郑强" })
      .first()
      .click();
    await page.getByTestId("complaint-assign-submit").click();
    await expect(page.getByTestId("complaint-status")).toHaveText("已分配");
    await expect(page.getByTestId("complaint-handler-name")).toHaveText("郑强");

    // The advisor finds it among their own and answers the customer.
    await signInAs(page, "hz-advisor");
    await openFromMenu(page, "phone", "投诉处理");
    await page.getByTestId("complaint-filter-mine").click();
    const card = page.locator(
      `[data-testid="complaint-card"][data-number="${number}"]`,
    );
    await expect(card).toBeVisible();
    await expect(card).toContainText(summary);
    await shot(page, "zh-CN-phone-complaints");
    await card.getByTestId("complaint-link").click();
    await expect(page).toHaveURL(url);
    await page.getByTestId("complaint-respond").click();
    await page
      .getByTestId("complaint-notes-input")
      .fill("已致电客户致歉，约明天上午到店检查。");
    await page.getByTestId("complaint-respond-submit").click();
    await expect(page.getByTestId("complaint-status")).toHaveText("处理中");

    // Meanwhile the same complaint changes behind the page: its next step meets a stale
    // version, and the page reloads it and says so.
    const advisor = await apiAs(playwright, "hz-advisor");
    const id = url.split("/").pop()!;
    const now = await advisor.get(`/api/v1/complaints/${id}`);
    await advisor.send("POST", `/api/v1/complaints/${id}/actions`, {
      version: now.complaint.version,
      notes: "已预约技师明早检查",
    });
    await page.getByTestId("complaint-action").click();
    await page
      .getByTestId("complaint-notes-input")
      .fill("检查发动机，更换机油");
    await page.getByTestId("complaint-action-submit").click();
    await expect(page.getByTestId("complaint-reloaded")).toBeVisible();
    await expect(page.getByTestId("complaint-steps")).toContainText(
      "已预约技师明早检查",
    );
    await page.getByTestId("complaint-action").click();
    await page
      .getByTestId("complaint-notes-input")
      .fill("检查发动机，更换机油");
    await page.getByTestId("complaint-action-submit").click();
    await expect(page.getByTestId("complaint-steps")).toContainText(
      "检查发动机，更换机油",
    );

    await page.getByTestId("complaint-resolve").click();
    await page
      .getByTestId("complaint-agreement-input")
      .fill("免费更换机油并赠送一次保养，客户同意。");
    await page.getByTestId("complaint-resolve-submit").click();
    await expect(page.getByTestId("complaint-status")).toHaveText("待验证");
    await expect(page.getByTestId("complaint-verify")).toHaveCount(0);
    await shot(page, "zh-CN-phone-complaint-resolved");

    // The call centre calls the customer back: satisfied, so it closes.
    await signInAs(page, "hz-renewal");
    await page.goto(url);
    await expect(page.getByTestId("complaint-phone")).toHaveAttribute(
      "href",
      /^tel:1\d{10}$/,
    );
    await page.getByTestId("complaint-verify").click();
    await expect(page.getByTestId("complaint-verify-yes")).toBeVisible();
    await page
      .getByTestId("complaint-notes-input")
      .fill("客户表示满意，异响已消除。");
    await page.getByTestId("complaint-verify-submit").click();
    await expect(page.getByTestId("complaint-status")).toContainText("关闭");
    await expect(
      page.locator('[data-testid="complaint-step"][data-kind="closed"]'),
    ).toBeVisible();
    await expect(page.getByTestId("complaint-reopen")).toBeVisible();
    await shot(page, "zh-CN-phone-complaint-closed");

    // The customer's 360° timeline tells the story and leads back to the complaint.
    await page.getByTestId("complaint-customer-link").click();
    const closedEntry = page.locator(
      '[data-testid="timeline-entry"][data-kind="complaint.closed"]',
    );
    await expect(closedEntry.first()).toContainText(number);
    await expect(closedEntry.first()).toContainText("投诉回访满意，关闭");
    await shot(page, "zh-CN-phone-customer-complaint-timeline");
    await closedEntry.first().getByRole("link").click();
    await expect(page).toHaveURL(url);

    // The SLA board and the settings, in English and in Traditional Chinese.
    await signInAs(page, "hz-service-manager");
    await switchLanguage(page, "en");
    await openFromMenu(page, "phone", "SLA board");
    await expect(page.getByTestId("board-count-breached")).toBeVisible();
    await shot(page, "en-phone-complaints-board");
    await openFromMenu(page, "phone", "Care settings");
    await expect(page.getByTestId("care-targets")).toContainText(
      "Any source (default)",
    );
    await expect(page.getByTestId("care-read-only")).toBeVisible();
    await shot(page, "en-phone-care-settings");
    await page.goto(url);
    await expect(page.getByTestId("complaint-status")).toHaveText("Closed");
    await shot(page, "en-phone-complaint");
    await switchLanguage(page, "zh-TW");
    await openFromMenu(page, "phone", "時效看板");
    await expect(page.getByTestId("board-count-on_track")).toBeVisible();
    await shot(page, "zh-TW-phone-complaints-board");
    await openFromMenu(page, "phone", "客訴設定");
    await expect(page.getByTestId("care-targets")).toContainText(
      "所有來源（預設）",
    );
    await shot(page, "zh-TW-phone-care-settings");
    // The language is the user's own: give the next spec its Chinese back.
    await switchLanguage(page, "zh-CN");
  });
});

test("the admin keeps the care calendar and targets", async ({ page }) => {
  await login(page, "hz-admin");
  await openFromMenu(page, "desktop", "投诉设置");
  await expect(page.getByTestId("care-working-time-save")).toBeVisible();
  // A holiday a few years ahead, added and removed again.
  await page.getByTestId("care-day-name").fill("国庆节");
  await page.getByTestId("care-day-date").click();
  await page.getByTestId("care-day-date").fill("2031-10-01");
  // Enter takes the typed day and adds it with its name.
  await page.getByTestId("care-day-date").press("Enter");
  const day = page.getByTestId("care-day").filter({ hasText: "2031-10-01" });
  await expect(day).toContainText("国庆节");
  await shot(page, "zh-CN-desktop-care-settings");
  await day.getByTestId("care-day-remove").click();
  await page.locator(".ant-popconfirm .ant-btn-primary").click();
  await expect(day).toHaveCount(0);
  await openFromMenu(page, "desktop", "时效看板");
  await expect(page.getByTestId("board-count-at_risk")).toBeVisible();
  await shot(page, "zh-CN-desktop-complaints-board");
  await openFromMenu(page, "desktop", "投诉处理");
  await expect(page.getByTestId("complaint-list")).toBeVisible();
  await shot(page, "zh-CN-desktop-complaints");
});
