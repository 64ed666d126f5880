import { test, expect, signIn } from './fixtures';

// Journey: open the list, filter by status through the URL, open a monitor.
test('filters the list by status from the URL and opens a monitor', async ({ page }) => {
  await signIn(page, 'viewer');
  await page.goto('/monitors?status=Alert');

  const table = page.getByRole('table', { name: 'Monitors', exact: true });
  await expect(table).toBeVisible();
  const facet = page.getByRole('group', { name: 'Filter by status' }).getByRole('button', { name: /^Alert:/ });
  await expect(facet).toHaveAttribute('aria-pressed', 'true');

  // Every row shown is in Alert, and there is at least the checkout latency monitor.
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(3);
  const headers = await table.getByRole('columnheader').allTextContents();
  const statusColumn = headers.findIndex((h) => /^status/i.test(h.trim()));
  expect(statusColumn).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < count; i++) {
    await expect(rows.nth(i).locator(':scope > td, :scope > th').nth(statusColumn)).toHaveText(/^\W*Alert$/);
  }

  // Adding a second facet writes it to the URL too.
  await page.getByRole('group', { name: 'Filter by status' }).getByRole('button', { name: /^Warn:/ }).click();
  await expect(page).toHaveURL(/status=Alert/);
  await expect(page).toHaveURL(/status=Warn/);

  // Free text narrows the list and is kept in the URL; "/" focuses it.
  await page.keyboard.press('/');
  await page.keyboard.type('checkout-api p99');
  await expect(page).toHaveURL(/q=checkout-api/);
  const link = table.getByRole('link', { name: '[prod] checkout-api p99 latency above 800ms' });
  await expect(link).toBeVisible();
  await expect(rows).toHaveCount(1);

  await link.click();
  await expect(page).toHaveURL(/\/monitors\/1000012/);
  await expect(page.getByRole('heading', { level: 1, name: '[prod] checkout-api p99 latency above 800ms' })).toBeVisible();
  const groups = page.getByRole('table', { name: 'Groups' });
  await expect(groups.getByRole('rowheader')).toHaveCount(4);
  await expect(groups.getByRole('rowheader', { name: /^env:prod,host:web-2/ })).toBeVisible();

  // The back link keeps the list's filters.
  await page.getByRole('link', { name: '← Monitors' }).click();
  await expect(page).toHaveURL(/status=Alert/);
  await expect(page).toHaveURL(/q=checkout-api/);
});

// Journey: search as you type; the URL takes the text after a pause, one history entry per search,
// and Back and Forward step between searches with the box and the rows in step.
test('a search is one history entry: Back returns to the list before it, Forward to the search', async ({ page }) => {
  await signIn(page, 'viewer');
  await page.goto('/monitors?status=Alert');
  const table = page.getByRole('table', { name: 'Monitors', exact: true });
  const rows = table.locator('tbody tr');
  const box = page.getByRole('searchbox', { name: /^search/i });
  await expect(rows.first()).toBeVisible();
  const allAlert = await rows.count();
  expect(allAlert).toBeGreaterThan(1);

  await box.click();
  await page.keyboard.type('checkout');
  await expect(page).toHaveURL(/[?&]q=checkout(&|$)/);
  // Typing on replaces the search's entry instead of adding one per pause.
  await page.keyboard.type('-api p99');
  await expect(page).toHaveURL(/[?&]q=checkout-api(\+|%20)p99(&|$)/);
  await expect(rows).toHaveCount(1);
  await expect(table.getByRole('link', { name: '[prod] checkout-api p99 latency above 800ms' })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/monitors\?status=Alert$/);
  await expect(box).toHaveValue('');
  await expect(rows).toHaveCount(allAlert);

  await page.goForward();
  await expect(page).toHaveURL(/[?&]q=checkout-api(\+|%20)p99(&|$)/);
  await expect(box).toHaveValue('checkout-api p99');
  await expect(rows).toHaveCount(1);
});
