import { test, expect, signIn } from './fixtures';

// Issue 7 journey: triage the monitor list from the keyboard. j moves, x and shift+x select,
// m mutes with the last-used duration (still confirmed), u unmutes after a warning, ? lists the keys.
test('j/k, x and shift+x select from the keyboard; m mutes with the last-used duration; u unmutes', async ({ page }) => {
  await signIn(page, 'responder');
  await page.goto('/monitors?tag=team:search');
  const table = page.getByRole('table', { name: 'Monitors', exact: true });
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const bar = page.getByRole('region', { name: 'Bulk actions' });

  // j to the first row, x selects it; j j then shift+x selects the range to the third row.
  await page.keyboard.press('j');
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await page.keyboard.press('j');
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press('Shift+X');
  await expect(bar).toContainText('3 selected');

  // m opens the bulk mute dialog: nothing is sent until it is confirmed. Mute for 4 hours.
  await page.keyboard.press('m');
  let dialog = page.getByRole('dialog', { name: 'Mute 3 monitors' });
  await expect(dialog.getByRole('textbox', { name: /Reason/ })).toBeFocused();
  await dialog.getByRole('radio', { name: '4 hours' }).check();
  await dialog.getByRole('textbox', { name: /Reason/ }).fill('Search cluster upgrade, CHG-7004');
  await dialog.getByRole('button', { name: 'Mute 3 monitors for 4 hours' }).click();
  const done = page.getByRole('dialog', { name: 'Bulk mute results' });
  await expect(done.getByText('All 3 monitors muted')).toBeVisible();
  await done.getByRole('button', { name: 'Close' }).last().click();

  // Two rows further down, m preselects the last-used duration.
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(rows.nth(4)).toBeFocused();
  await page.keyboard.press('m');
  dialog = page.getByRole('dialog', { name: 'Mute 1 monitor' });
  await expect(dialog.getByRole('radio', { name: '4 hours' })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // u on the first three: the confirm lists them as muted, then unmutes them.
  for (let i = 0; i < 4; i++) await page.keyboard.press('k');
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('Shift+X');
  await expect(bar).toContainText('3 selected');
  await page.keyboard.press('u');
  const unmute = page.getByRole('dialog', { name: 'Unmute 3 monitors' });
  await unmute.getByRole('button', { name: 'Unmute 3 monitors' }).click();
  const unmuted = page.getByRole('dialog', { name: 'Bulk unmute results' });
  await expect(unmuted.getByRole('list', { name: 'Results per monitor' }).getByRole('listitem')).toHaveCount(3);
  await unmuted.getByRole('button', { name: 'Close' }).last().click();
  for (let i = 0; i < 3; i++) await expect(rows.nth(i)).not.toContainText(/Muted · 4h/);

  // ? lists the keys; typing in the search box is not a shortcut.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await page.keyboard.type('jx');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(bar).toBeHidden();
});

// The mute dialog's code loads on demand. When that download fails, m says so instead of doing
// nothing, and once the network is back the next m opens the dialog.
test('m when the mute dialog cannot be downloaded: a notice, and the next m opens it', async ({ page }) => {
  await signIn(page, 'responder');
  let blocked = true;
  await page.route(/\/assets\/bulk-mute-dialog-[^/]+\.js$/, (route) => (blocked ? route.abort('internetdisconnected') : route.fallback()));
  await page.goto('/monitors?tag=team:search');
  const rows = page.getByRole('table', { name: 'Monitors', exact: true }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();

  await page.keyboard.press('j');
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press('m');
  await expect(page.getByText("Couldn't open the dialog: its code did not load.")).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  blocked = false;
  await rows.nth(0).focus();
  await page.keyboard.press('m');
  const dialog = page.getByRole('dialog', { name: 'Mute 1 monitor' });
  await expect(dialog.getByRole('textbox', { name: /Reason/ })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
});
