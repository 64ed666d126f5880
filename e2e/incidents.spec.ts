import { test, expect, signIn } from './fixtures';

test('declare a SEV-2, raise it to SEV-1, add a note, resolve it, and see all four on the timeline in order', async ({ page }) => {
  await signIn(page, 'responder');
  await page.goto('/incidents');
  await page.getByRole('button', { name: 'Declare incident' }).click();

  const dialog = page.getByRole('dialog', { name: /Declare/ });
  const title = `Checkout errors after deploy ${Date.now()}`;
  // Bad input first: an empty title is refused in the browser, next to the field.
  await dialog.getByRole('button', { name: /^Declare/ }).click();
  await expect(dialog.getByText('A title is required')).toBeVisible();

  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Severity').selectOption('SEV-2');
  await dialog.getByRole('button', { name: /^Declare/ }).click();

  await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}/);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible();

  await page.getByLabel('Severity').selectOption('SEV-1');
  await expect(page.getByLabel('Severity')).toHaveValue('SEV-1');

  await page.getByLabel('Add a note').fill('Rolled back checkout-api to v412; error rate falling.');
  await page.getByRole('button', { name: 'Add note' }).click();

  await page.getByRole('button', { name: 'Resolve…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /^Resolve/ }).click();
  await expect(page.getByLabel('State')).toHaveValue('resolved');

  const timeline = page.getByRole('list', { name: 'Timeline' });
  const entries = timeline.getByRole('listitem');
  await expect(entries.filter({ hasText: 'Rolled back checkout-api' })).toHaveCount(1);
  const texts = await entries.allInnerTexts();
  const at = (re: RegExp) => texts.findIndex((t) => re.test(t));
  const declared = at(/declared/i);
  const severity = at(/SEV-2\s*→\s*SEV-1/);
  const note = at(/Rolled back checkout-api/);
  const resolved = at(/resolved/i);
  for (const i of [declared, severity, note, resolved]) expect(i).toBeGreaterThanOrEqual(0);
  // The timeline reads oldest first or newest first; either way the four are in order.
  const order = [declared, severity, note, resolved];
  const ascending = order.every((v, i) => i === 0 || v > order[i - 1]!);
  const descending = order.every((v, i) => i === 0 || v < order[i - 1]!);
  expect(ascending || descending, texts.join('\n---\n')).toBe(true);
});

test('filters incidents by state and severity through the URL', async ({ page }) => {
  await signIn(page, 'viewer');
  await page.goto('/incidents?state=active&severity=SEV-2');
  const table = page.getByRole('table', { name: 'Incidents', exact: true });
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const n = await rows.count();
  for (let i = 0; i < n; i++) {
    await expect(rows.nth(i)).toContainText('SEV-2');
    await expect(rows.nth(i)).toContainText(/active/i);
  }
  const facets = page.getByRole('group', { name: /state/i });
  await expect(facets.getByRole('button', { name: /^active/i })).toHaveAttribute('aria-pressed', 'true');

  // Widening to resolved through the facets writes it to the URL.
  await facets.getByRole('button', { name: /^resolved/i }).click();
  await expect(page).toHaveURL(/state=active/);
  await expect(page).toHaveURL(/state=resolved/);
  await expect(page).toHaveURL(/severity=SEV-2/);
});

// A responder renames an incident from its page: the heading changes, the timeline records the
// change, and the new title is what the upstream keeps (it survives a reload).
test('renames an incident: the heading, the timeline and a reload show the new title', async ({ page }) => {
  await signIn(page, 'responder');
  await page.goto('/incidents');
  await page.getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: /Declare/ });
  const stamp = Date.now();
  await dialog.getByLabel('Title').fill(`Search latency ${stamp}`);
  await dialog.getByRole('button', { name: /^Declare/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Search latency ${stamp}`) })).toBeVisible();

  await page.getByRole('button', { name: 'Rename' }).click();
  const field = page.getByRole('textbox', { name: 'Title' });
  await expect(field).toBeFocused();
  await field.fill(`Search p99 over 2 s after reindex ${stamp}`);
  await field.press('Enter');
  const renamed = page.getByRole('heading', { level: 1, name: new RegExp(`Search p99 over 2 s after reindex ${stamp}`) });
  await expect(renamed).toBeVisible();
  await expect(field).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Rename' })).toBeFocused();
  await expect(page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: 'Title changed to' })).toHaveCount(1);

  await page.reload();
  await expect(renamed).toBeVisible();
});
