import { test, expect, signIn } from './fixtures';

const NAME = '[prod] checkout-api p99 latency above 800ms';

// Journey: mute a group for 1 h with the preview, see it muted in the list and
// the detail, unmute it (with the warning about a non-OK group).
test('mutes one group for an hour with a preview, then unmutes it', async ({ page }) => {
  await signIn(page, 'responder');
  await page.goto('/monitors/1000012');
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  const groups = page.getByRole('table', { name: 'Groups' });

  await page.getByRole('button', { name: 'Mute group env:prod,host:web-2' }).click();
  const dialog = page.getByRole('dialog', { name: `Mute ${NAME}` });
  await expect(dialog.getByRole('radio', { name: 'One group' })).toBeChecked();
  await expect(dialog.getByText('env:prod AND host:web-2')).toBeVisible();

  // The preview lists exactly the one group the scope matches, with its state.
  await expect(dialog.getByRole('heading', { name: 'Preview: mutes 1 of 4 groups' })).toBeVisible();
  const preview = dialog.getByRole('list', { name: 'Groups this mute matches' });
  await expect(preview.getByRole('listitem')).toHaveCount(1);
  await expect(preview).toContainText('env:prod,host:web-2');
  await expect(preview).toContainText('Alert');

  await dialog.getByRole('radio', { name: '1 hour' }).check();
  await dialog.getByRole('textbox', { name: /Reason/ }).fill('Replacing web-2 NIC, CHG-4411');
  await dialog.getByRole('button', { name: 'Mute 1 group for 1 hour' }).click();
  await expect(dialog).toBeHidden();

  // The detail shows the group muted for about an hour, and the downtime.
  const web2 = groups.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^env:prod,host:web-2/ }) });
  await expect(web2).toContainText(/in (59|60)m|in 1h/);
  const web1 = groups.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^env:prod,host:web-1/ }) });
  await expect(web1).not.toContainText(/in \d+m/);
  await expect(page.getByText('Replacing web-2 NIC, CHG-4411')).toBeVisible();

  // The list marks it as partly muted.
  await page.goto('/monitors?q=checkout-api%20p99');
  const row = page.getByRole('table', { name: 'Monitors', exact: true }).getByRole('row').filter({ has: page.getByRole('link', { name: NAME }) });
  await expect(row).toContainText('1 group muted');

  // Unmute, with the warning that web-2 is in Alert and will notify at once.
  await row.getByRole('link', { name: NAME }).click();
  await page.getByRole('button', { name: 'Unmute…' }).click();
  const unmute = page.getByRole('dialog', { name: `Unmute ${NAME}` });
  await expect(unmute.getByRole('alert')).toContainText('env:prod,host:web-2');
  await expect(unmute.getByRole('alert')).toContainText(/not OK will notify at once/);
  await unmute.getByRole('button', { name: /^Unmute/ }).last().click();
  const done = page.getByRole('dialog', { name: `Unmuted ${NAME}` });
  await expect(done.getByText('Cancelled 1 downtime.')).toBeVisible();
  await done.getByRole('button', { name: 'Close' }).first().click();

  await expect(web2).not.toContainText(/in (59|60)m|in 1h/);
  await page.goto('/monitors?q=checkout-api%20p99');
  await expect(row).not.toContainText('muted');
});
