import type { Page } from '@playwright/test';
import { test, expect, signIn } from './fixtures';

/** The demo org's first Atlas project (src/sandbox/atlas/demo-atlas.ts). */
const CHECKOUT_PROD = '5f1a2b3c4d5e6f7a8b9c0d1e';

/** Every /api answer the page received, as text, to prove no secret ever came back. */
function recordApiResponses(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', async (res) => {
    if (!res.url().includes('/api/')) return;
    try {
      bodies.push(`${JSON.stringify(await res.allHeaders())}\n${await res.text()}`);
    } catch {
      // A redirect or an aborted request has no body.
    }
  });
  return bodies;
}

function card(page: Page, label: string) {
  return page.getByRole('region', { name: label, exact: true });
}

test('configure Atlas PagerDuty and Microsoft Teams, see them redacted after a reload, rotate a key and find the audit record', async ({
  page,
}) => {
  const pdKey = 'e2e-pd-key-9f3b7c2d1111';
  const teamsUrl = 'https://contoso.webhook.office.com/webhookb2/e2e-teams-7d41a9c2ffee';
  const rotatedKey = 'e2e-pd-rotated-0c5e8a4b2222';
  const bodies = recordApiResponses(page);
  await signIn(page, 'admin');

  await page.goto('/integrations');
  await page.getByRole('link', { name: /Atlas/ }).first().click();
  await expect(page.getByRole('heading', { name: 'MongoDB Atlas' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Project' }).selectOption({ label: 'checkout-prod' });
  await expect(page).toHaveURL(new RegExp(`project=${CHECKOUT_PROD}`));

  const pd = card(page, 'PagerDuty');
  await expect(pd).toContainText('Not configured');
  await pd.getByRole('button', { name: 'Configure PagerDuty' }).click();
  await pd.getByLabel('Service key', { exact: true }).fill(pdKey);
  await pd.getByRole('button', { name: 'Save PagerDuty' }).click();
  await expect(pd.getByText('Configured', { exact: true })).toBeVisible();

  const teams = card(page, 'Microsoft Teams');
  await teams.getByRole('button', { name: 'Configure Microsoft Teams' }).click();
  await teams.getByLabel('Incoming webhook URL', { exact: true }).fill(teamsUrl);
  await teams.getByRole('button', { name: 'Save Microsoft Teams' }).click();
  await expect(teams.getByText('Configured', { exact: true })).toBeVisible();

  // After a reload both read back masked: the last 4 characters, never the value.
  await page.reload();
  await expect(card(page, 'PagerDuty')).toContainText('******1111');
  await expect(card(page, 'Microsoft Teams')).toContainText('https://contoso.webhook.office.com/******ffee');
  await expect(page.locator('body')).not.toContainText(pdKey);
  await expect(page.locator('body')).not.toContainText('e2e-teams-7d41a9c2ffee');

  // Rotate the PagerDuty key.
  await card(page, 'PagerDuty').getByRole('button', { name: 'Edit PagerDuty' }).click();
  await expect(card(page, 'PagerDuty').getByRole('group', { name: 'Service key' })).toContainText('******1111');
  await card(page, 'PagerDuty').getByRole('button', { name: 'Replace Service key' }).click();
  await card(page, 'PagerDuty').getByLabel('Service key', { exact: true }).fill(rotatedKey);
  await card(page, 'PagerDuty').getByRole('button', { name: 'Save PagerDuty' }).click();
  await expect(card(page, 'PagerDuty')).toContainText('******2222');

  // The audit log says which secret was rotated, shown only as its mask.
  await page.goto('/admin/audit');
  const first = page.getByRole('table', { name: 'Audit log' }).locator('tbody tr').first();
  await expect(first).toContainText('integration.atlas.update');
  await expect(first).toContainText(`atlas:${CHECKOUT_PROD}:PAGER_DUTY`);
  await expect(first).toContainText('serviceKey rotated');
  await expect(first).toContainText('******2222');

  // No answer the browser received held a secret, in any form.
  const forms = [pdKey, rotatedKey, teamsUrl, 'e2e-teams-7d41a9c2ffee'].flatMap((s) => [
    s,
    encodeURIComponent(s),
    Buffer.from(s).toString('base64'),
  ]);
  expect(bodies.length).toBeGreaterThan(5);
  for (const body of bodies) for (const form of forms) expect(body).not.toContain(form);
});

test('a second create of the same Atlas type is offered as an edit, never a silent overwrite', async ({ page, admin }) => {
  await signIn(page, 'admin');
  await page.goto(`/integrations/atlas?project=${CHECKOUT_PROD}`);
  const pd = card(page, 'PagerDuty');
  await pd.getByRole('button', { name: 'Configure PagerDuty' }).click();
  await pd.getByLabel('Service key', { exact: true }).fill('e2e-late-key-44447777');

  // Meanwhile another admin configures it.
  const other = await admin.post(`/api/integrations/atlas/projects/${CHECKOUT_PROD}/PAGER_DUTY`, {
    data: { serviceKey: 'e2e-first-key-00005555' },
  });
  expect(other.status(), await other.text()).toBe(201);

  await pd.getByRole('button', { name: 'Save PagerDuty' }).click();
  await expect(pd.getByRole('alert')).toContainText('PagerDuty was configured meanwhile — review it and edit');
  await expect(pd.getByRole('group', { name: 'Service key' })).toContainText('Configured: ******5555');
  await expect(pd.getByRole('button', { name: 'Save PagerDuty' })).toBeVisible();

  // The first admin's key is still the stored one.
  const read = await admin.get(`/api/integrations/atlas/projects/${CHECKOUT_PROD}`);
  const { integrations } = (await read.json()) as { integrations: { type: string; values: Record<string, unknown> }[] };
  expect(integrations.find((i) => i.type === 'PAGER_DUTY')?.values.serviceKey).toBe('******5555');

  // Reloaded, the configured type opens for editing only.
  await page.reload();
  await expect(card(page, 'PagerDuty').getByRole('button', { name: 'Edit PagerDuty' })).toBeVisible();
  await expect(card(page, 'PagerDuty').getByRole('button', { name: 'Configure PagerDuty' })).toHaveCount(0);
});

test('bad Atlas input gets a field error in the form and a 400 from the BFF, and nothing is stored', async ({ page, admin }) => {
  await signIn(page, 'admin');
  await page.goto(`/integrations/atlas?project=${CHECKOUT_PROD}`);
  const teams = card(page, 'Microsoft Teams');
  await teams.getByRole('button', { name: 'Configure Microsoft Teams' }).click();
  let sent = 0;
  page.on('request', (req) => {
    if (req.method() !== 'GET' && req.url().includes('/api/integrations/atlas/')) sent += 1;
  });
  await teams.getByLabel('Incoming webhook URL', { exact: true }).fill('teams.example.com/hook');
  await teams.getByRole('button', { name: 'Save Microsoft Teams' }).click();
  await expect(teams.getByText(/must be a full http:\/\/ or https:\/\/ URL/)).toBeVisible();
  expect(sent).toBe(0);

  // The BFF refuses the same mistakes with field errors.
  const badRegion = await admin.post(`/api/integrations/atlas/projects/${CHECKOUT_PROD}/OPS_GENIE`, {
    data: { apiKey: 'e2e-opsgenie-key-12345678', region: 'APAC' },
  });
  expect(badRegion.status()).toBe(400);
  expect(((await badRegion.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty('region');
  const missing = await admin.post(`/api/integrations/atlas/projects/${CHECKOUT_PROD}/NEW_RELIC`, {
    data: { licenseKey: 'e2e-license-12345678' },
  });
  expect(missing.status()).toBe(400);
  const fields = ((await missing.json()) as { error: { fields: Record<string, string[]> } }).error.fields;
  expect(Object.keys(fields)).toEqual(expect.arrayContaining(['accountId', 'writeToken', 'readToken']));

  const read = await admin.get(`/api/integrations/atlas/projects/${CHECKOUT_PROD}`);
  const { integrations } = (await read.json()) as { integrations: { type: string }[] };
  expect(integrations.map((i) => i.type)).not.toEqual(expect.arrayContaining(['OPS_GENIE']));
  expect(integrations.map((i) => i.type)).not.toContain('NEW_RELIC');
  expect(integrations.map((i) => i.type)).not.toContain('MICROSOFT_TEAMS');
});
