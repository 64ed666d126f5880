import { test, expect, setSlackWorkspaces, signIn } from './fixtures';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

let receiver: WebhookReceiver | null = null;
test.afterEach(async () => {
  await receiver?.close();
  receiver = null;
});

test('create a Datadog webhook with custom headers and a payload, find it listed with its @-handle, and send a test', async ({ page }) => {
  receiver = await startWebhookReceiver();
  const name = `e2e-bridge-${String(Date.now()).slice(-6)}`;
  await signIn(page, 'admin');

  await page.goto('/monitors');
  await page.getByRole('link', { name: 'Integrations' }).click();
  await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
  await page.getByRole('region', { name: 'Webhooks' }).getByRole('link', { name: 'Manage Webhooks' }).click();
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'New webhook' }).click();
  const dialog = page.getByRole('dialog', { name: 'New webhook' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await dialog.getByRole('textbox', { name: 'URL', exact: true }).fill(receiver.url);
  await dialog.getByRole('button', { name: 'Add header' }).click();
  await dialog.getByRole('textbox', { name: 'Header 1 key' }).fill('X-Team');
  await dialog.getByRole('textbox', { name: 'Header 1 value' }).fill('sre-oncall');
  await dialog.getByRole('textbox', { name: 'Payload', exact: true }).fill('{"text": "$EVENT_TITLE", "host": "$HOSTNAME", "link": "$LINK"}');
  // The preview renders the template with sample values.
  await expect(dialog.getByRole('region', { name: 'Preview with sample values' })).toContainText('"host": "web-2"');
  await dialog.getByRole('button', { name: 'Create webhook' }).click();
  await expect(dialog).toBeHidden();

  const listed = page.getByRole('region', { name, exact: true });
  await expect(listed).toContainText(`@webhook-${name}`);
  await expect(listed).toContainText('X-Team');

  // The local Datadog delivers a sample to the receiver, and the page shows its answer.
  await listed.getByRole('button', { name: 'Send test' }).click();
  await expect(listed).toContainText('200');
  await expect(listed).toContainText('"received":true');
  expect(receiver.received).toHaveLength(1);
  const [hit] = receiver.received;
  expect(hit?.method).toBe('POST');
  expect(hit?.headers['x-team']).toBe('sre-oncall');
  expect(JSON.parse(hit?.body ?? '{}')).toMatchObject({ host: 'web-2' });

  // The overview offers its handle, ready to copy.
  await page.goto('/integrations');
  const tile = page.getByRole('region', { name: 'Webhooks' });
  await expect(tile).toContainText(`@webhook-${name}`);
  await expect(tile.getByRole('button', { name: `Copy @webhook-${name}` })).toBeVisible();
});

test('add an AWS account, see its external id, and copy the IAM trust policy that names it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, 'admin');
  await page.goto('/integrations/aws');
  await expect(page.getByRole('heading', { name: 'AWS', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Add AWS account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an AWS account' });
  await dialog.getByRole('textbox', { name: 'Account ID', exact: true }).fill('210987654321');
  await dialog.getByRole('textbox', { name: 'Role name', exact: true }).fill('DatadogIntegrationE2E');
  await dialog.getByRole('textbox', { name: 'Filter tags', exact: true }).fill('env:prod');
  await dialog.getByRole('textbox', { name: 'Filter tags', exact: true }).press('Enter');
  await dialog.getByRole('button', { name: 'Add account' }).click();

  const next = page.getByRole('region', { name: 'Next step: create the role in AWS' });
  await expect(next).toBeVisible();
  const policyText = (await next.getByLabel('IAM trust policy').textContent()) ?? '';
  const policy = JSON.parse(policyText) as {
    Statement: { Condition: { StringEquals: Record<string, string> } }[];
  };
  const externalId = policy.Statement[0]?.Condition.StringEquals['sts:ExternalId'] ?? '';
  expect(externalId).toMatch(/^[0-9a-f]{32}$/);
  await expect(next).toContainText(externalId);

  await next.getByRole('button', { name: 'Copy trust policy' }).click();
  await expect(next.getByText('Copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(copied)).toEqual(policy);

  await expect(page.getByRole('table', { name: 'AWS accounts' }).getByRole('rowheader', { name: '210987654321' })).toBeVisible();
});

test('a malformed webhook URL gets a field error in the form, nothing is sent, and the BFF answers 400', async ({ page, admin }) => {
  await signIn(page, 'admin');
  await page.goto('/integrations/webhooks');
  let sent = 0;
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.url().includes('/api/integrations/webhooks')) sent += 1;
  });
  await page.getByRole('button', { name: 'New webhook' }).click();
  const dialog = page.getByRole('dialog', { name: 'New webhook' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('e2e-bad-url');
  await dialog.getByRole('textbox', { name: 'URL', exact: true }).fill('hooks.example.com/no-scheme');
  await dialog.getByRole('button', { name: 'Create webhook' }).click();
  await expect(dialog.getByText('The URL must be a full http:// or https:// URL')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'URL', exact: true })).toHaveAttribute('aria-invalid', 'true');
  // Nothing typed is lost.
  await expect(dialog.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('e2e-bad-url');
  expect(sent).toBe(0);

  const res = await admin.post('/api/integrations/webhooks', { data: { name: 'e2e-bad-url', url: 'hooks.example.com/no-scheme' } });
  expect(res.status()).toBe(400);
  expect(((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty('url');
  const missing = await admin.post('/api/integrations/pagerduty', { data: { name: 'e2e-no-key' } });
  expect(missing.status()).toBe(400);
  expect(((await missing.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty('serviceKey');

  const list = await admin.get('/api/integrations/webhooks');
  const { webhooks } = (await list.json()) as { webhooks: { name: string }[] };
  expect(webhooks.map((w) => w.name)).not.toContain('e2e-bad-url');
});

test('a Slack workspace disconnected in Datadog is taken off the list, after a confirmation that says Datadog is not changed', async ({ page, request }) => {
  const account = `e2e-ws-${String(Date.now()).slice(-6)}`;
  // Connected in the local Datadog, as an admin would in Datadog's Slack integration.
  await setSlackWorkspaces(request, [account]);
  await signIn(page, 'admin');
  await page.goto('/integrations/slack');
  await expect(page.getByRole('heading', { name: 'Slack', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Add Slack account' }).click();
  const add = page.getByRole('dialog', { name: 'Add a Slack account' });
  await add.getByRole('textbox', { name: 'Account name' }).fill(account);
  await add.getByRole('button', { name: 'Add account' }).click();
  await expect(add).toBeHidden();
  const section = page.getByRole('region', { name: account, exact: true });
  await expect(section).toContainText('0 channels');
  // Datadog lists it itself: nothing to take off here.
  await expect(section.getByRole('button', { name: `Take ${account} off the list…` })).toHaveCount(0);

  // Disconnected in Datadog: the name added here stays, with Datadog's answer, and can now go.
  await setSlackWorkspaces(request, []);
  await page.reload();
  await expect(section).toContainText(`Datadog could not list the channels of ${account}`);
  await section.getByRole('button', { name: `Take ${account} off the list…` }).click();
  const confirm = page.getByRole('dialog', { name: `Take ${account} off the list?` });
  await expect(confirm).toContainText('Nothing changes in Datadog or in Slack.');
  await confirm.getByRole('button', { name: `Take ${account} off` }).click();
  await expect(confirm).toBeHidden();
  await expect(section).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Slack', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: account, exact: true })).toHaveCount(0);
});
