import { test, expect, signIn, USERS } from './fixtures';

test('the audit page shows the mute just made', async ({ page, browser, baseURL }) => {
  await signIn(page, 'admin');

  // A responder mutes one group.
  const theirs = await browser.newContext({ baseURL });
  const responder = await theirs.newPage();
  await signIn(responder, 'responder');
  await responder.goto('/monitors/1000012');
  await responder.getByRole('button', { name: 'Mute group env:prod,host:web-2' }).click();
  const dialog = responder.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /Reason/ }).fill('NIC swap on web-2, CHG-7781');
  await dialog.getByRole('button', { name: 'Mute 1 group for 1 hour' }).click();
  await expect(dialog).toBeHidden();
  await theirs.close();

  // The admin finds it at the top of the audit log, with who, what and why.
  await page.goto('/monitors');
  await page.getByRole('link', { name: 'Audit' }).click();
  await expect(page).toHaveURL(/\/admin\/audit/);
  const table = page.getByRole('table', { name: 'Audit log' });
  const first = table.locator('tbody tr').first();
  await expect(first).toContainText(USERS.responder);
  await expect(first).toContainText('monitor.mute');
  await expect(first).toContainText('monitor:1000012');
  await expect(first).toContainText('allowed');
  await expect(first).toContainText('NIC swap on web-2');

  // Filtering by actor keeps it, and the filter is in the URL.
  await page.getByLabel('Actor').fill(USERS.responder);
  await page.getByLabel('Actor').press('Enter');
  await expect(page).toHaveURL(new RegExp(`actor=${USERS.responder}`));
  await expect(table.locator('tbody tr').first()).toContainText('monitor.mute');
});
