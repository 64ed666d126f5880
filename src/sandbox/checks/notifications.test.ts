import { afterEach, describe, expect, it } from 'vitest';
import { closedPort, type TestReceiver } from '../lib/webhook-test-receiver';
import { DEMO_ANCHORS } from '../seed/anchors';
import { DEMO_INTEGRATIONS } from '../seed/demo-integrations';
import { APP_OK, bridgeTo, harness, HOOKS, receiverFor, VARS, type CheckHarness } from '../testing/check-helpers';
import { TEST_NOW_MS, type Json } from '../testing/temp-sandbox';

const MIN = 60_000;
const open: CheckHarness[] = [];
const receivers: TestReceiver[] = [];
function make(...args: Parameters<typeof harness>): CheckHarness {
  const h = harness(...args);
  open.push(h);
  return h;
}
async function receiver(h: CheckHarness, ...args: Parameters<typeof receiverFor> extends [unknown, ...infer R] ? R : never): Promise<TestReceiver> {
  const r = await receiverFor(h.t, ...args);
  receivers.push(r);
  return r;
}
afterEach(async () => {
  while (open.length) open.pop()!.t.dispose();
  while (receivers.length) await receivers.pop()!.close();
});

const ALERT_MSG = 'app.ok is CRITICAL on app-1: connection refused @webhook-ops-bridge @slack-ops-alerts';
const RECOVERY_MSG = 'app.ok recovered on app-1 @webhook-ops-bridge @slack-ops-alerts';

function byHandle(log: Json[], handle: string): Json[] {
  return log.filter((n) => n.handle === handle);
}

describe('notifying on transitions', () => {
  it('POSTs exactly once per transition to the webhook, with the rendered message, its template and its custom headers', async () => {
    const h = make();
    const r = await receiver(h);
    await h.submit({ host_name: 'app-1', status: 2, message: 'connection refused' });
    expect(r.requests).toHaveLength(1);
    const got = r.requests[0]!;
    expect(got.url).toBe('/ops-bridge');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['x-watchdeck-source']).toBe('datadog');
    expect(JSON.parse(got.body)).toEqual({
      title: `[Triggered on {host:app-1}] ${APP_OK.name}`,
      body: ALERT_MSG,
      priority: 'P3',
      link: `https://app.datadoghq.com/monitors/${APP_OK.id}`,
      tags: 'env:prod,service:app,team:platform,host:app-1',
      bridge_env: DEMO_INTEGRATIONS.customVariable.value,
    });

    // The same status again: nothing more.
    await h.submit({ host_name: 'app-1', status: 2, message: 'still refused' });
    expect(r.requests).toHaveLength(1);

    h.t.clock.advance(MIN);
    await h.submit({ host_name: 'app-1', status: 0 });
    expect(r.requests).toHaveLength(2);
    expect(JSON.parse(r.requests[1]!.body)).toMatchObject({ title: `[Recovered on {host:app-1}] ${APP_OK.name}`, body: RECOVERY_MSG });

    const log = await h.notifications();
    expect(log.map((n) => [n.transition, n.handle, n.outcome])).toEqual([
      ['Alert → OK', '@slack-ops-alerts', 'delivered'],
      ['Alert → OK', '@webhook-ops-bridge', 'delivered'],
      ['OK → Alert', '@slack-ops-alerts', 'delivered'],
      ['OK → Alert', '@webhook-ops-bridge', 'delivered'],
    ]);
    expect(log[3]).toEqual({
      id: 1,
      at: TEST_NOW_MS,
      monitor_id: APP_OK.id,
      monitor_name: APP_OK.name,
      group: 'host:app-1',
      from_status: 'OK',
      to_status: 'Alert',
      from: 'OK',
      to: 'Alert',
      transition: 'OK → Alert',
      handle: '@webhook-ops-bridge',
      outcome: 'delivered',
      downtime_id: null,
      receiver_status: 200,
      message: ALERT_MSG,
      detail: 'HTTP 200 after 1 attempt',
    });
    expect(log[2]).toMatchObject({ receiver_status: null, detail: 'recorded: the local Datadog does not call slack' });
  });

  it('fills every Datadog variable from the event, custom variables too (secrets sent, never logged)', async () => {
    const h = make();
    const r = await receiver(h);
    await h.t.call('POST', VARS, { name: 'BRIDGE_TOKEN', value: 'secret-token-9f8e7d', is_secret: true });
    const payload =
      '{"id":"$ID","t":"$ALERT_TRANSITION","host":"$HOSTNAME","alert":"$ALERT_ID","status":"$ALERT_STATUS","scope":"$ALERT_SCOPE","date":"$DATE","updated":"$LAST_UPDATED","org":"$ORG_ID","org_name":"$ORG_NAME","type":"$ALERT_TYPE","metric":"$ALERT_METRIC","token":"$BRIDGE_TOKEN","text":"$TEXT_ONLY_MSG","user":"$USER"}';
    await h.t.call('PUT', `${HOOKS}/${APP_OK.webhook}`, { payload, custom_headers: '{"Authorization": "Bearer $BRIDGE_TOKEN"}' });
    await h.submit({ host_name: 'app-1', status: 2, message: 'connection "refused"' });
    const body = JSON.parse(r.requests[0]!.body);
    expect(body).toEqual({
      id: expect.stringMatching(/^\d{19}$/),
      t: 'Triggered',
      host: 'app-1',
      alert: String(APP_OK.id),
      status: 'app.ok over host:app-1 was CRITICAL',
      scope: 'host:app-1',
      date: String(TEST_NOW_MS),
      updated: String(TEST_NOW_MS),
      org: String(DEMO_ANCHORS.orgId),
      org_name: 'Demo Org',
      type: 'error',
      metric: 'app.ok',
      token: 'secret-token-9f8e7d',
      text: 'app.ok is CRITICAL on app-1: connection "refused"',
      user: '',
    });
    expect(r.requests[0]!.headers.authorization).toBe('Bearer secret-token-9f8e7d');
    const log = await h.t.call('GET', '/api/sandbox/notifications');
    expect(log.text).not.toContain('secret-token-9f8e7d');
  });

  it('renders the message in context: WARNING, UNKNOWN (no section), No Data transitions', async () => {
    const h = make();
    const r = await receiver(h);
    const m = (await h.t.call('GET', `/api/v1/monitor/${APP_OK.id}`)).body;
    await h.t.call('PUT', `/api/v1/monitor/${APP_OK.id}`, { options: { ...m.options, notify_no_data: true, no_data_timeframe: 5 } });
    await h.submit({ host_name: 'app-2', status: 1, message: 'slow' });
    await h.submit({ host_name: 'app-2', status: 3 });
    await h.advanceAndTick(6 * MIN);
    h.t.clock.advance(MIN);
    await h.submit({ host_name: 'app-2', status: 0 });
    const bodies = r.requests.map((q) => JSON.parse(q.body));
    expect(bodies.map((b) => [b.title, b.body])).toEqual([
      [`[Warn on {host:app-2}] ${APP_OK.name}`, 'app.ok is WARNING on app-2 @webhook-ops-bridge @slack-ops-alerts'],
      [`[Unknown on {host:app-2}] ${APP_OK.name}`, '@webhook-ops-bridge @slack-ops-alerts'],
      [`[No Data on {host:app-2}] ${APP_OK.name}`, '@webhook-ops-bridge @slack-ops-alerts'],
      [`[Recovered on {host:app-2}] ${APP_OK.name}`, 'app.ok recovered on app-2 @webhook-ops-bridge @slack-ops-alerts'],
    ]);
    // app-1 never saw a run: it is not live, so it does not go No Data.
    expect(await h.statuses()).toEqual({ 'host:app-1': 'OK', 'host:app-2': 'OK' });
  });

  it('a handle inside a section that does not apply is not notified', async () => {
    const h = make();
    const r = await receiver(h);
    const m = await h.t.call('POST', '/api/v1/monitor', {
      name: 'only alerts page',
      type: 'service check',
      query: '"svc.up".over("*").by("host").last(1).count_by_status()',
      message: '{{#is_alert}}down @webhook-ops-bridge{{/is_alert}}{{^is_alert}}fine{{/is_alert}} @slack-ops-alerts',
      options: {},
    });
    await h.submit({ check: 'svc.up', host_name: 'h1', status: 2, tags: [] });
    await h.submit({ check: 'svc.up', host_name: 'h1', status: 0, tags: [] });
    expect(r.requests).toHaveLength(1);
    const log = await h.notifications(`&monitor_id=${m.body.id}`);
    // Newest first: the recovery's Slack row, then the alert's rows in the message's order, reversed.
    expect(log.map((n) => [n.transition, n.handle])).toEqual([
      ['Alert → OK', '@slack-ops-alerts'],
      ['(new) → Alert', '@slack-ops-alerts'],
      ['(new) → Alert', '@webhook-ops-bridge'],
    ]);
  });

  it('pagerduty, teams and opsgenie handles are recorded as delivered', async () => {
    const h = make();
    const m = await h.t.call('POST', '/api/v1/monitor', {
      name: 'many handles',
      type: 'service check',
      query: '"svc.up".over("*").by("host").last(1).count_by_status()',
      message: 'down @pagerduty-platform-primary @teams-ops @opsgenie-infra',
      options: {},
    });
    await h.submit({ check: 'svc.up', host_name: 'h1', status: 2, tags: [] });
    const log = await h.notifications(`&monitor_id=${m.body.id}`);
    expect(log.map((n) => [n.handle, n.outcome, n.detail]).reverse()).toEqual([
      ['@pagerduty-platform-primary', 'delivered', 'recorded: the local Datadog does not call pagerduty'],
      ['@teams-ops', 'delivered', 'recorded: the local Datadog does not call teams'],
      ['@opsgenie-infra', 'delivered', 'recorded: the local Datadog does not call opsgenie'],
    ]);
  });
});

describe('failed deliveries', () => {
  it('a 500 receiver is retried (bounded) and logged failed with its status', async () => {
    const h = make();
    const r = await receiver(h, () => ({ status: 500, body: 'bridge is down' }));
    await h.submit({ host_name: 'app-1', status: 2 });
    expect(r.requests).toHaveLength(3);
    const [hook] = byHandle(await h.notifications(), '@webhook-ops-bridge');
    expect(hook).toMatchObject({ outcome: 'failed', receiver_status: 500, detail: 'HTTP 500 after 3 attempts: bridge is down' });
  });

  it('a 4xx is final: one attempt', async () => {
    const h = make();
    const r = await receiver(h, () => ({ status: 404 }));
    await h.submit({ host_name: 'app-1', status: 2 });
    expect(r.requests).toHaveLength(1);
    expect(byHandle(await h.notifications(), '@webhook-ops-bridge')[0]).toMatchObject({ outcome: 'failed', receiver_status: 404 });
  });

  it('an unreachable receiver is logged failed with no status', async () => {
    const h = make();
    await bridgeTo(h.t, `http://127.0.0.1:${await closedPort()}/hook`);
    await h.submit({ host_name: 'app-1', status: 2 });
    const [hook] = byHandle(await h.notifications(), '@webhook-ops-bridge');
    expect(hook).toMatchObject({ outcome: 'failed', receiver_status: null, detail: expect.stringMatching(/^unreachable after 3 attempts: /) });
  });

  it('a receiver that hangs times out', async () => {
    const h = make({ webhookDelivery: { timeoutMs: 100, retries: 1, backoffMs: () => 0 } });
    const r = await receiver(h, () => 'hang');
    await h.submit({ host_name: 'app-1', status: 2 });
    expect(r.requests).toHaveLength(2);
    expect(byHandle(await h.notifications(), '@webhook-ops-bridge')[0]).toMatchObject({
      outcome: 'failed',
      receiver_status: null,
      detail: 'unreachable after 2 attempts: Timed out after 100 ms',
    });
  });

  it('a delivery still running at reset() writes nothing into the fresh log', async () => {
    const h = make({ webhookDelivery: { timeoutMs: 200, retries: 0, backoffMs: () => 0 } });
    const r = await receiver(h, () => 'hang');
    await h.t.call('POST', '/api/v1/check_run', [{ check: 'app.ok', host_name: 'app-1', status: 2, tags: ['env:prod'] }]);
    await expect.poll(() => r.requests.length).toBe(1);
    h.t.sandbox.reset();
    await h.t.sandbox.idle();
    expect((await h.t.call('GET', '/api/sandbox/notifications')).body.total).toBe(0);
  });

  it('an unknown webhook name fails with "no such webhook"', async () => {
    const h = make();
    await h.t.call('DELETE', `${HOOKS}/${APP_OK.webhook}`);
    await h.submit({ host_name: 'app-1', status: 2 });
    expect(byHandle(await h.notifications(), '@webhook-ops-bridge')[0]).toMatchObject({ outcome: 'failed', receiver_status: null, detail: 'no such webhook' });
  });

  it('deliveries run after the 202, in order', async () => {
    const h = make();
    const r = await receiver(h);
    const res = await h.t.call('POST', '/api/v1/check_run', [
      { check: 'app.ok', host_name: 'app-1', status: 2, tags: ['env:prod'] },
      { check: 'app.ok', host_name: 'app-2', status: 2, tags: ['env:prod'] },
    ]);
    expect(res.status).toBe(202);
    expect(r.requests).toHaveLength(0);
    await h.t.sandbox.idle();
    expect(r.requests.map((q) => JSON.parse(q.body).title)).toEqual([
      `[Triggered on {host:app-1}] ${APP_OK.name}`,
      `[Triggered on {host:app-2}] ${APP_OK.name}`,
    ]);
  });
});

describe('renotify_interval', () => {
  async function renotifying(h: CheckHarness, interval: number): Promise<void> {
    const m = (await h.t.call('GET', `/api/v1/monitor/${APP_OK.id}`)).body;
    await h.t.call('PUT', `/api/v1/monitor/${APP_OK.id}`, { options: { ...m.options, renotify_interval: interval } });
  }

  it('renotifies a group still in Alert once the interval has passed, on tick', async () => {
    const h = make();
    const r = await receiver(h);
    await renotifying(h, 30);
    await h.submit({ host_name: 'app-1', status: 2, message: 'refused' });
    await h.advanceAndTick(29 * MIN);
    expect(r.requests).toHaveLength(1);
    await h.advanceAndTick(MIN);
    expect(r.requests).toHaveLength(2);
    expect(JSON.parse(r.requests[1]!.body)).toMatchObject({ title: `[Re-Triggered on {host:app-1}] ${APP_OK.name}`, body: ALERT_MSG.replace('connection refused', 'refused') });
    const [latest] = byHandle(await h.notifications(), '@webhook-ops-bridge');
    expect(latest).toMatchObject({ transition: 'Alert (renotify)', from_status: 'Alert', to_status: 'Alert', at: TEST_NOW_MS + 30 * MIN });
    expect((await h.groups())['host:app-1'].last_notified_ts).toBe((TEST_NOW_MS + 30 * MIN) / 1000);
    // Not again before another interval.
    await h.advanceAndTick(10 * MIN);
    expect(r.requests).toHaveLength(2);
  });

  it('renotifies on a new run too, and never for OK or with an interval of 0', async () => {
    const h = make();
    const r = await receiver(h);
    await renotifying(h, 10);
    await h.submit({ host_name: 'app-1', status: 2 }, { host_name: 'app-2', status: 0 });
    h.t.clock.advance(11 * MIN);
    await h.submit({ host_name: 'app-1', status: 2 }, { host_name: 'app-2', status: 0 });
    expect(r.requests.map((q) => JSON.parse(q.body).title)).toEqual([
      `[Triggered on {host:app-1}] ${APP_OK.name}`,
      `[Re-Triggered on {host:app-1}] ${APP_OK.name}`,
    ]);
    await renotifying(h, 0);
    await h.advanceAndTick(60 * MIN);
    expect(r.requests).toHaveLength(2);
  });
});

describe('mutes suppress', () => {
  async function muteHost(h: CheckHarness, scope: string): Promise<string> {
    const r = await h.t.call('POST', '/api/v2/downtime', {
      data: { type: 'downtime', attributes: { scope, monitor_identifier: { monitor_id: APP_OK.id }, schedule: { end: new Date(h.t.clock.now + 60 * MIN).toISOString() } } },
    });
    expect(r.status).toBe(200);
    return r.body.data.id;
  }

  it('a downtime on host:app-1 suppresses app-1 (one row per handle, naming it); app-2 is still delivered', async () => {
    const h = make();
    const r = await receiver(h);
    const downtimeId = await muteHost(h, 'host:app-1');
    await h.submit({ host_name: 'app-1', status: 2, message: 'refused' }, { host_name: 'app-2', status: 2, message: 'refused' });
    expect(r.requests).toHaveLength(1);
    expect(JSON.parse(r.requests[0]!.body).title).toBe(`[Triggered on {host:app-2}] ${APP_OK.name}`);
    // The state still changes: muting silences, it does not freeze.
    expect(await h.statuses()).toEqual({ 'host:app-1': 'Alert', 'host:app-2': 'Alert' });

    const suppressed = await h.notifications('&outcome=suppressed');
    expect(suppressed.map((n) => [n.group, n.handle, n.downtime_id])).toEqual([
      ['host:app-1', '@slack-ops-alerts', downtimeId],
      ['host:app-1', '@webhook-ops-bridge', downtimeId],
    ]);
    expect(suppressed[0]).toMatchObject({ receiver_status: null, detail: `muted by downtime ${downtimeId} (scope host:app-1)`, transition: 'OK → Alert' });
    expect((await h.notifications('&outcome=delivered')).every((n) => n.group === 'host:app-2')).toBe(true);
    // Nobody was notified about app-1.
    expect((await h.groups())['host:app-1'].last_notified_ts).not.toBe(TEST_NOW_MS / 1000);
  });

  it('a legacy v1 mute of the whole monitor suppresses every group; after unmuting, it notifies again', async () => {
    const h = make();
    const r = await receiver(h);
    expect((await h.t.call('POST', `/api/v1/monitor/${APP_OK.id}/mute`, {})).status).toBe(200);
    await h.submit({ host_name: 'app-1', status: 2 });
    expect(r.requests).toHaveLength(0);
    expect((await h.notifications('&outcome=suppressed')).length).toBe(2);

    expect((await h.t.call('POST', `/api/v1/monitor/${APP_OK.id}/unmute`, {})).status).toBe(200);
    h.t.clock.advance(MIN);
    await h.submit({ host_name: 'app-1', status: 0 });
    expect(r.requests).toHaveLength(1);
    expect(JSON.parse(r.requests[0]!.body).title).toBe(`[Recovered on {host:app-1}] ${APP_OK.name}`);
  });

  it('a downtime by monitor tags suppresses too; an ended or scheduled one does not', async () => {
    const h = make();
    const r = await receiver(h);
    const byTag = await h.t.call('POST', '/api/v2/downtime', {
      data: { type: 'downtime', attributes: { scope: '*', monitor_identifier: { monitor_tags: ['service:app'] }, schedule: { end: new Date(h.t.clock.now + 10 * MIN).toISOString() } } },
    });
    await h.t.call('POST', '/api/v2/downtime', {
      data: {
        type: 'downtime',
        attributes: {
          scope: '*',
          monitor_identifier: { monitor_id: APP_OK.id },
          schedule: { start: new Date(h.t.clock.now + 60 * MIN).toISOString(), end: new Date(h.t.clock.now + 120 * MIN).toISOString() },
        },
      },
    });
    await h.submit({ host_name: 'app-1', status: 2 });
    expect(r.requests).toHaveLength(0);
    expect((await h.notifications('&outcome=suppressed'))[0].downtime_id).toBe(byTag.body.data.id);

    h.t.clock.advance(15 * MIN); // the tag downtime has ended; the scheduled one has not started
    await h.submit({ host_name: 'app-1', status: 0 });
    // Its end notifies app-1's Alert first (notify_end_types defaults to expired), then the recovery is delivered.
    expect(r.requests.map((q) => JSON.parse(q.body).title)).toEqual([
      `[Triggered on {host:app-1}] ${APP_OK.name}`,
      `[Recovered on {host:app-1}] ${APP_OK.name}`,
    ]);
  });

  it('no renotification while muted; it comes once the mute is over', async () => {
    const h = make();
    const r = await receiver(h);
    const m = (await h.t.call('GET', `/api/v1/monitor/${APP_OK.id}`)).body;
    await h.t.call('PUT', `/api/v1/monitor/${APP_OK.id}`, { options: { ...m.options, renotify_interval: 10 } });
    await h.submit({ host_name: 'app-1', status: 2 });
    expect(r.requests).toHaveLength(1);
    const downtimeId = await muteHost(h, 'host:app-1');
    await h.advanceAndTick(30 * MIN);
    expect(r.requests).toHaveLength(1);
    expect(await h.notifications('&outcome=suppressed')).toEqual([]);
    await h.t.call('DELETE', `/api/v2/downtime/${downtimeId}`);
    await h.advanceAndTick(MIN);
    expect(r.requests).toHaveLength(2);
    expect(JSON.parse(r.requests[1]!.body).title).toBe(`[Re-Triggered on {host:app-1}] ${APP_OK.name}`);
  });
});
