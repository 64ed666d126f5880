import { test, expect, setUpstreamFault, signIn } from './fixtures';

// Journey: with the upstream failing, the list stays on screen behind a stale banner.
test('keeps the list on screen behind a stale banner while Datadog fails', async ({ page, request }) => {
  await signIn(page, 'viewer');
  await page.goto('/monitors');
  const table = page.getByRole('table', { name: 'Monitors', exact: true });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  const before = await table.locator('tbody tr').count();
  await expect(page.getByText(/Updated \d+ s ago/)).toBeVisible();

  await setUpstreamFault(request, 503);
  // Setting a fault makes the BFF's cached copies old, so the refresh reaches the failing upstream.
  await page.getByRole('button', { name: 'Refresh' }).click();

  const banner = page.getByRole('status').filter({ hasText: /showing data from/ });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("Can't reach Datadog");
  await expect(table.locator('tbody tr')).toHaveCount(before);
  await expect(table.getByRole('link', { name: '[prod] checkout-api p99 latency above 800ms' })).toBeVisible();

  // Datadog is back: the next refresh clears the banner.
  await setUpstreamFault(request, null);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(banner).toBeHidden();
  await expect(table.locator('tbody tr')).toHaveCount(before);
});
