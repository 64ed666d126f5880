import { test, expect, signIn, CSRF, USERS, USER_PASSWORD } from './fixtures';

test('signing in returns you to the deep link you asked for', async ({ page }) => {
  await page.goto('/monitors/1000012?gq=web-2');
  await expect(page).toHaveURL(/\/login\?returnTo=/);
  await page.getByLabel('Username').fill(USERS.responder);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(/wrong username or password/i);

  await page.getByLabel('Password').fill(USER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/monitors\/1000012\?gq=web-2$/);
  await expect(page.getByRole('heading', { level: 1, name: '[prod] checkout-api p99 latency above 800ms' })).toBeVisible();
  await expect(page.getByText(`${USERS.responder} · responder`)).toBeVisible();

  // Signing out ends the session: the next page load asks to sign in again.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/monitors');
  await expect(page).toHaveURL(/\/login\?returnTo=/);
});

test('a viewer sees no mute controls, and a forged mute still gets 403', async ({ page }) => {
  await signIn(page, 'viewer');
  await page.goto('/monitors/1000012');
  await expect(page.getByRole('heading', { level: 1, name: '[prod] checkout-api p99 latency above 800ms' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Groups' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Mute/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Unmute/ })).toHaveCount(0);

  await page.goto('/monitors');
  await expect(page.getByRole('table', { name: 'Monitors', exact: true }).locator('tbody tr').first()).toBeVisible();
  await expect(page.getByRole('checkbox')).toHaveCount(0);

  // The same request the SPA would send, from the viewer's own browser session.
  const forged = await page.request.post('/api/monitors/1000012/mute', {
    headers: CSRF,
    data: { scope: '*', end: Date.now() + 3_600_000, reason: 'forged by a viewer' },
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.code).toBe('forbidden');

  // Nothing was muted.
  const detail = await page.request.get('/api/monitors/1000012', { headers: CSRF });
  expect((await detail.json()).mute.state).toBe('none');
});

test('an admin disables a user, and that user’s next click lands on the login page', async ({ page, browser, baseURL }) => {
  // The responder is at work in their own browser.
  const theirs = await browser.newContext({ baseURL });
  const responder = await theirs.newPage();
  await signIn(responder, 'responder');
  await responder.goto('/monitors');
  await expect(responder.getByRole('table', { name: 'Monitors', exact: true }).locator('tbody tr').first()).toBeVisible();

  // The admin disables them from the Users page.
  await signIn(page, 'admin');
  await page.goto('/monitors');
  await page.getByRole('link', { name: 'Users' }).click();
  const users = page.getByRole('table', { name: 'Users' });
  const row = users.getByRole('row').filter({ hasText: USERS.responder });
  await row.getByRole('button', { name: `Disable ${USERS.responder}` }).click();
  const confirm = page.getByRole('dialog');
  await confirm.getByRole('button', { name: /^Disable/ }).click();
  await expect(row).toContainText('Disabled');

  // Their very next click: the session is refused, and they are asked to sign in.
  await responder.getByRole('link', { name: '[prod] checkout-api p99 latency above 800ms' }).click();
  await expect(responder).toHaveURL(/\/login\?returnTo=/);
  await theirs.close();
});
