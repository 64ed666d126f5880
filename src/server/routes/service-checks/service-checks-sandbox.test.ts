import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiPaths, serviceCheckPaths } from '../../../contract/api-paths';
import { DowntimeSchema, MonitorDetailSchema } from '../../../contract/monitors';
import {
  MonitorHistoryResponseSchema,
  NotificationListResponseSchema,
  RecentChecksResponseSchema,
  ServiceCheckSubmitResponseSchema,
} from '../../../contract/service-checks';
// The real local Datadog behind the BFF, as embedded mode runs it.
import { createSandbox, type Sandbox } from '../../../sandbox/create-sandbox';
import { startTestReceiver, type TestReceiver } from '../../../sandbox/lib/webhook-test-receiver';
import { DEMO_ANCHORS } from '../../../sandbox/seed/anchors';
import { FAST_DELIVERY } from '../../../sandbox/testing/check-helpers';
import { createApp } from '../../app';
import { silentLogger } from '../../lib/logger';
import { openStore, type BffStore } from '../../store/open-store';
import { recordResponse } from '../../testing/response-recorder';
import { seedSessions, testConfig, testPasswords, TEST_USERS } from '../../testing/test-app';
import { createDatadogClient } from '../../upstreams/datadog/client';

const KEYS = { apiKey: 'checks-api-key-0123456789abcdef', appKey: 'checks-app-key-0123456789abcdef0123456' };
const BASE = 'http://local-datadog.invalid';
const APP_OK = DEMO_ANCHORS.appOkCheck;

describe('service checks through the BFF against the local Datadog', () => {
  let dir: string;
  let sandbox: Sandbox;
  let store: BffStore;
  let app: ReturnType<typeof createApp>;
  let cookies: ReturnType<typeof seedSessions>;
  let receiver: TestReceiver;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'watchdeck-checks-'));
    sandbox = createSandbox({ dataDir: dir, seed: 'demo', ...KEYS, webhookDelivery: FAST_DELIVERY });
    const datadog = createDatadogClient({ baseUrl: BASE, ...KEYS, fetch: (req) => sandbox.fetch(req), timeoutMs: 15_000 });
    const config = testConfig({ mode: 'embedded', upstream: null, testControls: true });
    store = openStore(':memory:');
    cookies = seedSessions(store, config, Date.now);
    const testControls = { reset: () => sandbox.reset(), setUpstreamFault: () => {}, idle: () => sandbox.idle(), setSlackWorkspaces: async () => {} };
    app = createApp({ config, datadog, logger: silentLogger, staticDir: null, store, passwords: testPasswords, testControls });
    // The demo ops-bridge webhook, pointed at a receiver on 127.0.0.1 (its payload and headers kept).
    receiver = await startTestReceiver();
    const repoint = await sandbox.fetch(
      new Request(`${BASE}/api/v1/integration/webhooks/configuration/webhooks/${APP_OK.webhook}`, {
        method: 'PUT',
        headers: { 'DD-API-KEY': KEYS.apiKey, 'DD-APPLICATION-KEY': KEYS.appKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({ url: `${receiver.url}/ops-bridge` }),
      }),
    );
    expect(repoint.status).toBe(200);
  });

  afterAll(async () => {
    await receiver.close();
    store.close();
    sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function call(method: string, p: string, body?: unknown, as: 'viewer' | 'responder' = 'responder') {
    const res = await app.request(p, {
      method,
      headers: { 'X-CSRF': '1', Cookie: cookies[as], ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    recordResponse(`${method} ${p}`, res, text);
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
  }

  async function groupStatuses(): Promise<Record<string, string>> {
    const answer = await call('GET', apiPaths.monitor(APP_OK.id), undefined, 'viewer');
    expect(answer.status).toBe(200);
    return Object.fromEntries(MonitorDetailSchema.parse(answer.json).groups.map((g) => [g.name, g.status]));
  }

  const notificationsOf = async () => {
    const answer = await call('GET', `${serviceCheckPaths.notifications}?monitorId=${APP_OK.id}`, undefined, 'viewer');
    expect(answer.status).toBe(200);
    return NotificationListResponseSchema.parse(answer.json);
  };

  it('a CRITICAL run turns the group Alert, notifies its handles once, and shows in the log, the history and the recent results', async () => {
    expect(await groupStatuses()).toEqual({ 'host:app-1': 'OK', 'host:app-2': 'OK' });
    const submitted = Date.now() - 5000;
    const answer = await call('POST', serviceCheckPaths.submit, {
      check: APP_OK.check,
      host: 'app-1',
      status: 2,
      tags: [APP_OK.runTag],
      message: 'disk full',
      timestamp: submitted,
    });
    expect([answer.status, ServiceCheckSubmitResponseSchema.parse(answer.json)]).toEqual([202, { accepted: true, messageDropped: false }]);
    expect((await call('POST', '/api/_test/idle')).status).toBe(204);

    expect(await groupStatuses()).toEqual({ 'host:app-1': 'Alert', 'host:app-2': 'OK' });
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]?.body).toContain('app.ok is CRITICAL on app-1');

    const log = await notificationsOf();
    expect(log.total).toBe(2);
    expect(log.notifications.map((n) => [n.handle, n.outcome, n.group, n.fromStatus, n.toStatus, n.receiverStatus, n.downtimeId]).sort()).toEqual([
      ['@slack-ops-alerts', 'delivered', 'host:app-1', 'OK', 'Alert', null, null],
      ['@webhook-ops-bridge', 'delivered', 'host:app-1', 'OK', 'Alert', 200, null],
    ]);
    for (const n of log.notifications) {
      expect(n).toMatchObject({ monitorId: APP_OK.id, monitorName: APP_OK.name });
      expect(n.message).toContain('app.ok is CRITICAL on app-1');
    }

    const historyAnswer = await call('GET', serviceCheckPaths.monitorHistory(APP_OK.id), undefined, 'viewer');
    const history = MonitorHistoryResponseSchema.parse(historyAnswer.json);
    expect(history.available).toBe(true);
    expect(history.initial).toMatchObject({ 'host:app-1': 'OK', 'host:app-2': 'OK' });
    expect(history.transitions).toEqual([{ group: 'host:app-1', at: expect.any(Number), fromStatus: 'OK', toStatus: 'Alert' }]);
    expect(history.mutes).toEqual([]);

    const recent = RecentChecksResponseSchema.parse((await call('GET', serviceCheckPaths.recent, undefined, 'viewer')).json);
    expect(recent.source).toBe('local');
    expect(recent.results.find((r) => r.check === APP_OK.check && r.host === 'app-1')).toEqual({
      check: APP_OK.check,
      host: 'app-1',
      status: 2,
      tags: [APP_OK.runTag],
      message: 'disk full',
      at: Math.floor(submitted / 1000) * 1000,
      by: TEST_USERS.responder,
    });
  });

  it('with the group muted, the recovery delivers nothing and is logged as suppressed by that downtime', async () => {
    const muted = await call('POST', apiPaths.mute(APP_OK.id), { scope: 'host:app-1', end: Date.now() + 3_600_000, reason: 'maintenance' });
    expect(muted.status).toBe(200);
    const downtime = DowntimeSchema.parse(muted.json);

    const answer = await call('POST', serviceCheckPaths.submit, { check: APP_OK.check, host: 'app-1', status: 0, tags: [APP_OK.runTag], message: 'ok again' });
    expect([answer.status, answer.json]).toEqual([202, { accepted: true, messageDropped: true }]);
    await sandbox.idle();

    expect(await groupStatuses()).toMatchObject({ 'host:app-1': 'OK' });
    expect(receiver.requests).toHaveLength(1);

    const log = await notificationsOf();
    expect(log.total).toBe(4);
    const suppressed = await call('GET', `${serviceCheckPaths.notifications}?monitorId=${APP_OK.id}&outcome=suppressed`, undefined, 'viewer');
    const rows = NotificationListResponseSchema.parse(suppressed.json).notifications;
    expect(rows.map((n) => [n.handle, n.fromStatus, n.toStatus, n.downtimeId, n.receiverStatus]).sort()).toEqual([
      ['@slack-ops-alerts', 'Alert', 'OK', downtime.id, null],
      ['@webhook-ops-bridge', 'Alert', 'OK', downtime.id, null],
    ]);

    const history = MonitorHistoryResponseSchema.parse((await call('GET', serviceCheckPaths.monitorHistory(APP_OK.id), undefined, 'viewer')).json);
    expect(history.transitions.map((t) => [t.group, t.fromStatus, t.toStatus])).toEqual([
      ['host:app-1', 'OK', 'Alert'],
      ['host:app-1', 'Alert', 'OK'],
    ]);
    expect(history.mutes).toEqual([{ downtimeId: downtime.id, scope: 'host:app-1', start: expect.any(Number), end: downtime.endAt, groups: ['host:app-1'] }]);

    const recent = RecentChecksResponseSchema.parse((await call('GET', serviceCheckPaths.recent, undefined, 'viewer')).json);
    expect(recent.results.find((r) => r.host === 'app-1')).toMatchObject({ status: 0, message: null, by: TEST_USERS.responder });
  });

  it('refuses a viewer, and a stale run, before the local Datadog hears of it', async () => {
    const before = (await notificationsOf()).total;
    const run = { check: APP_OK.check, host: 'app-2', status: 2, tags: [APP_OK.runTag] };
    expect((await call('POST', serviceCheckPaths.submit, run, 'viewer')).status).toBe(403);
    expect((await call('POST', serviceCheckPaths.submit, { ...run, timestamp: Date.now() - 11 * 60_000 })).status).toBe(400);
    await sandbox.idle();
    expect(await groupStatuses()).toMatchObject({ 'host:app-2': 'OK' });
    expect((await notificationsOf()).total).toBe(before);
  });
});
