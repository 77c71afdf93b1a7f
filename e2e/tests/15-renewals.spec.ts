// Insurance renewals (续保): the renewal agent's call list on a phone (390 px) with tap-to-call
// numbers, a renewal worked on the phone (a call, an insurer's quote), and the manager's rate
// table on the desktop, in Chinese and in English.
import {
  expect,
  login,
  openFromMenu,
  PHONE_390,
  shot,
  switchLanguage,
  test,
} from "./fixtures";

test.describe("on a phone", () => {
  test.use(PHONE_390);

  test("the agent works the call list and logs a call and a quote", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await login(page, "hz-renewal");
    await openFromMenu(page, "phone", "续保名单");
    const cards = page.getByTestId("renewal-card");
    await expect(cards.first()).toBeVisible();
    await expect(cards.first().getByTestId("renewal-phone")).toHaveAttribute(
      "href",
      /^tel:1\d{10}$/,
    );
    await shot(page, "zh-CN-phone-renewals");

    await cards.first().getByRole("link").first().click();
    await expect(page.getByTestId("renewal-summary")).toBeVisible();
    const calls = page
      .getByTestId("renewal-calls")
      .locator(".ant-timeline-item");
    const before = await calls.count();
    await page.getByTestId("renewal-log-call").click();
    await page.locator(".ant-modal .ant-select").first().click();
    await page
      .locator(".ant-select-dropdown:visible")
      .getByText("未接通", { exact: true })
      .click();
    await page.locator(".ant-modal textarea").fill("无人接听，明天再打");
    await page.locator(".ant-modal .ant-btn-primary").click();
    await expect(calls).toHaveCount(before + 1);

    await page.getByTestId("renewal-add-quote").click();
    await page.locator(".ant-modal input").first().fill("中国人保");
    await page.locator(".ant-modal .ant-input-number input").fill("4380");
    await page.locator(".ant-modal .ant-btn-primary").click();
    await expect(page.getByTestId("renewal-quotes")).toContainText("中国人保");
    await shot(page, "zh-CN-phone-renewal");

    await switchLanguage(page, "en");
    await expect(page.getByTestId("renewal-log-call")).toHaveText("Log a call");
    await shot(page, "en-phone-renewal");
    await switchLanguage(page, "zh-CN");
  });
});

test("the manager reads the renewal rate", async ({ page }) => {
  await login(page, "hz-service-manager");
  await openFromMenu(page, "desktop", "续保率");
  const table = page.getByTestId("renewal-rate");
  await expect(table.locator(".ant-table-row").first()).toBeVisible();
  await expect(page.getByTestId("renewal-rate-total")).toHaveText(
    /\d+\.\d{2}%/,
  );
  await shot(page, "zh-CN-desktop-renewal-rate");
  await openFromMenu(page, "desktop", "续保名单");
  await expect(page.locator(".ant-table-row").first()).toBeVisible();
  await shot(page, "zh-CN-desktop-renewals");
  await switchLanguage(page, "en");
  await openFromMenu(page, "desktop", "Renewal rate");
  await expect(page.getByTestId("renewal-rate-total")).toHaveText(
    /\d+\.\d{2}%/,
  );
  await shot(page, "en-desktop-renewal-rate");
  // The language is the user's own: give the next spec its Chinese back.
  await switchLanguage(page, "zh-CN");
});
