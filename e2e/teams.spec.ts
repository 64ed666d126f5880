import { test, expect, signIn } from './fixtures';

test('create a team, add a member, rename it, assign it to an incident, and delete it after confirming', async ({ page }) => {
  await signIn(page, 'admin');
  const suffix = String(Date.now()).slice(-6);
  const name = `Edge Proxy ${suffix}`;
  const handle = `edge-proxy-${suffix}`;

  await page.goto('/teams');
  await page.getByRole('button', { name: 'New team' }).click();
  const create = page.getByRole('dialog');
  await create.getByLabel('Name').fill(name);
  await expect(create.getByLabel('Handle')).toHaveValue(handle);
  await create.getByRole('button', { name: /^Create/ }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  // Add a member from the people picker.
  await page.getByRole('button', { name: 'Add member' }).click();
  const add = page.getByRole('dialog');
  await add.getByRole('combobox').first().selectOption({ index: 1 });
  await add.getByRole('button', { name: /^Add/ }).click();
  const members = page.getByRole('table', { name: 'Members' });
  await expect(members.locator('tbody tr')).toHaveCount(1);

  // Rename it.
  await page.getByRole('button', { name: 'Edit team' }).click();
  const edit = page.getByRole('dialog');
  await edit.getByLabel('Name').fill(`${name} (renamed)`);
  await edit.getByRole('button', { name: /^Save/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${name} (renamed)` })).toBeVisible();

  // Assign it to an open incident.
  await page.goto('/incidents?state=active');
  await page.getByRole('table', { name: 'Incidents', exact: true }).locator('tbody tr a').first().click();
  await page.getByRole('button', { name: /Teams/ }).click();
  await page.getByRole('checkbox', { name: handle }).check();
  await page.getByRole('button', { name: /^Save teams/ }).click();
  await expect(page.getByText(handle).first()).toBeVisible();

  // Delete it, after a confirmation that names it.
  await page.goto('/teams');
  await page.getByRole('link', { name: `${name} (renamed)` }).click();
  await page.getByRole('button', { name: 'Delete team…' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText(`${name} (renamed)`);
  await confirm.getByRole('button', { name: /^Delete/ }).click();
  await expect(page).toHaveURL(/\/teams(\?|$)/);
  await expect(page.getByRole('link', { name: `${name} (renamed)` })).toHaveCount(0);
});
