import { PHONE, test } from './fixtures';
import { adminTour } from './tour';

test.use(PHONE);

test('an administrator manages users, roles and tokens at phone width', async ({ page }) => {
  test.setTimeout(300_000);
  await adminTour(page, 'phone');
});
