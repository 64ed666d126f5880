import { test, expect, signIn, setUpstreamFault } from './fixtures';

// Journey: bulk-mute every monitor with team:search, then see the per-monitor results.
test('bulk-mutes every monitor of a team and shows a result per monitor', async ({ page }) => {
  await signIn(page, 'responder');
  await page.goto('/monitors?tag=team:search');
  const table = page.getByRole('table', { name: 'Monitors', exact: true });
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const n = await rows.count();
  expect(n).toBeGreaterThanOrEqual(6);
  for (let i = 0; i < n; i++) await expect(rows.nth(i)).toContainText('team:search');

  // Shift-click selects a range; then select everything the filter matches.
  await table.getByRole('checkbox').nth(1).click();
  await table.getByRole('checkbox').nth(3).click({ modifiers: ['Shift'] });
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bar).toContainText('3 selected');
  await bar.getByRole('button', { name: `Select all ${n} matching this filter` }).click();
  await expect(bar).toContainText(`${n} selected`);

  await bar.getByRole('button', { name: 'Mute…' }).click();
  const dialog = page.getByRole('dialog', { name: `Mute ${n} monitors` });
  await expect(dialog.getByRole('heading', { name: `These ${n} monitors will be muted` })).toBeVisible();
  await dialog.getByRole('radio', { name: '4 hours' }).check();
  await dialog.getByRole('textbox', { name: /Reason/ }).fill('Search cluster upgrade, CHG-5120');
  await dialog.getByRole('button', { name: `Mute ${n} monitors for 4 hours` }).click();

  // The dialog becomes the results view once every request has answered.
  const done = page.getByRole('dialog', { name: 'Bulk mute results' });
  const results = done.getByRole('list', { name: 'Results per monitor' });
  await expect(done.getByText(`All ${n} monitors muted`)).toBeVisible();
  await expect(results.getByRole('listitem')).toHaveCount(n);
  await expect(results.getByRole('listitem').filter({ hasText: 'Muted' })).toHaveCount(n);
  await expect(done.getByRole('progressbar', { name: 'Bulk mute progress' })).toHaveAttribute('aria-valuenow', String(n));
  await done.getByRole('button', { name: 'Close' }).last().click();
  await expect(done).toBeHidden();

  // Every row now says it is muted, with the time left.
  for (let i = 0; i < n; i++) await expect(rows.nth(i)).toContainText(/Muted · (3h 5\d|4h 0)m left|Muted · 4h left/);
});

test('a partial failure is shown per monitor and only the failed ones are retried', async ({ page, request }) => {
  await signIn(page, 'responder');
  await page.goto('/monitors?tag=team:search');
  const table = page.getByRole('table', { name: 'Monitors', exact: true });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await table.getByRole('checkbox', { name: 'Select all shown monitors' }).check();
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await bar.getByRole('button', { name: 'Mute…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Mute \d+ monitors$/ });

  // Datadog fails every call: every monitor fails, with its reason.
  await dialog.getByRole('textbox', { name: /Reason/ }).fill('Search reindex, CHG-5121');
  await setUpstreamFault(request, 500);
  await dialog.getByRole('button', { name: /^Mute \d+ monitors for 1 hour$/ }).click();
  const done = page.getByRole('dialog', { name: 'Bulk mute results' });
  await expect(done.getByText(/^0 muted, \d+ failed$/)).toBeVisible();
  const failures = done.getByRole('list', { name: 'Results per monitor' }).getByRole('listitem');
  await expect(failures.first()).toContainText(/upstream_error|Datadog/);
  const retry = done.getByRole('button', { name: /^Retry failed \(\d+\)$/ });
  await expect(retry).toBeVisible();

  // Datadog recovers: retrying the failed ones mutes them all.
  await setUpstreamFault(request, null);
  await retry.click();
  await expect(done.getByText(/^All \d+ monitors muted$/)).toBeVisible();
  await expect(done.getByRole('button', { name: /Retry failed/ })).toHaveCount(0);
});
