import { test } from './fixtures';
import { adminTour } from './tour';

test('an administrator manages users, roles and tokens at desktop width', async ({ page }) => {
  await adminTour(page, 'desktop');
});
