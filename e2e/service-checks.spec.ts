import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, signIn, CSRF } from './fixtures';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

const NAME = '[prod] app.ok service check';
const HOST = 'e2e-app-9';
const GROUP = `host:${HOST}`;

let receiver: WebhookReceiver | null = null;
test.afterEach(async () => {
  await receiver?.close();
  receiver = null;
});

/** Waits until the local Datadog has sent every queued notification. */
async function deliveriesDone(request: APIRequestContext): Promise<void> {
  const res = await request.post('/api/_test/idle', { headers: CSRF });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

async function submitCheck(page: Page, status: 'OK' | 'CRITICAL', message: string): Promise<void> {
  await page.goto('/service-checks');
  const form = page.getByRole('form', { name: /Submit a service check/ });
  await form.getByRole('textbox', { name: 'Check', exact: true }).fill('app.ok');
  await form.getByRole('textbox', { name: 'Host', exact: true }).fill(HOST);
  const tags = form.getByRole('textbox', { name: 'Tags', exact: true });
  if ((await form.getByRole('button', { name: /Remove env:prod/ }).count()) === 0) {
    await tags.fill('env:prod');
    await tags.press('Enter');
  }
  await form.getByRole('group', { name: 'Status' }).getByRole('radio', { name: status, exact: true }).check();
  await form.getByRole('textbox', { name: 'Message', exact: true }).fill(message);
  await form.getByRole('button', { name: 'Submit check' }).click();
  await expect(page.getByText(new RegExp(`${status} for app.ok on ${HOST} submitted`)).first()).toBeVisible();
}

async function monitorId(admin: APIRequestContext): Promise<number> {
  const res = await admin.get('/api/monitors');
  expect(res.status(), await res.text()).toBe(200);
  const body = (await res.json()) as { monitors: { id: number; name: string }[] };
  const found = body.monitors.find((m) => m.name === NAME);
  expect(found, 'the seeded app.ok monitor').toBeTruthy();
  return found!.id;
}

test('a CRITICAL check alerts and notifies the webhook once, OK recovers, a mute suppresses, and unmute warns', async ({
  page,
  admin,
  request,
}) => {
  receiver = await startWebhookReceiver();
  // The seeded monitor's message mentions @webhook-ops-bridge: point that webhook at our receiver.
  const put = await admin.put('/api/integrations/webhooks/ops-bridge', { data: { url: receiver.url } });
  expect(put.status(), await put.text()).toBe(200);
  const id = await monitorId(admin);
  await signIn(page, 'responder');

  // CRITICAL: the group turns Alert, and the receiver gets exactly one POST with the rendered message.
  await submitCheck(page, 'CRITICAL', 'connection refused on :8443');
  await deliveriesDone(request);
  await page.goto(`/monitors?q=${encodeURIComponent('app.ok service check')}`);
  const row = page.getByRole('table', { name: 'Monitors', exact: true }).getByRole('row').filter({ has: page.getByRole('link', { name: NAME }) });
  await expect(row).toContainText('Alert');
  await page.goto(`/monitors/${id}`);
  const groups = page.getByRole('table', { name: 'Groups' });
  const group = groups.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${GROUP}`) }) });
  await expect(group).toContainText('Alert');
  expect(receiver.received).toHaveLength(1);
  expect(receiver.received[0]?.body).toContain(`app.ok is CRITICAL on ${HOST}: connection refused on :8443`);

  // OK: the group recovers, with one more POST.
  await submitCheck(page, 'OK', '');
  await deliveriesDone(request);
  expect(receiver.received).toHaveLength(2);
  expect(receiver.received[1]?.body).toContain(`app.ok recovered on ${HOST}`);
  await page.goto(`/monitors/${id}`);
  await expect(group).toContainText('OK');
  await expect(page.getByRole('region', { name: 'Status history' })).toBeVisible();

  // Mute that group for 1 h, then CRITICAL again: nothing reaches the receiver.
  await page.getByRole('button', { name: `Mute group ${GROUP}` }).click();
  const dialog = page.getByRole('dialog', { name: `Mute ${NAME}` });
  await dialog.getByRole('radio', { name: '1 hour' }).check();
  await dialog.getByRole('textbox', { name: /Reason/ }).fill('Restarting app-9, CHG-5120');
  await dialog.getByRole('button', { name: 'Mute 1 group for 1 hour' }).click();
  await expect(dialog).toBeHidden();
  await submitCheck(page, 'CRITICAL', 'still refused');
  await deliveriesDone(request);
  expect(receiver.received).toHaveLength(2);

  // The log shows the delivery as suppressed by that downtime.
  await page.goto(`/notifications?monitor=${id}&outcome=suppressed`);
  const log = page.getByRole('table', { name: 'Notification log' });
  const suppressed = log.getByRole('row').filter({ hasText: '@webhook-ops-bridge' }).first();
  await expect(suppressed).toContainText(GROUP);
  await expect(suppressed.getByRole('link', { name: /Suppressed by downtime/ })).toBeVisible();

  // Unmute: the warning lists that group, now in Alert, as one that will notify.
  await page.goto(`/monitors/${id}`);
  await page.getByRole('button', { name: 'Unmute…' }).click();
  const unmute = page.getByRole('dialog', { name: `Unmute ${NAME}` });
  await expect(unmute.getByRole('alert')).toContainText(GROUP);
  await expect(unmute.getByRole('alert')).toContainText(/not OK will notify at once/);
});
