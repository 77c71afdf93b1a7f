import { test } from './fixtures';
import { adminTour } from './tour';

test('an administrator manages users, roles and tokens at desktop width', async ({ page }) => {
  test.setTimeout(300_000);
  await adminTour(page, 'desktop');
});
