import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { maintenancePaths } from '../../../contract/api-paths';
import {
  HygieneResponseSchema,
  MaintenanceWindowSchema,
  PreviewResponseSchema,
  WindowDetailResponseSchema,
  WindowListResponseSchema,
} from '../../../contract/maintenance';
// The real local Datadog behind the BFF, as embedded mode runs it.
import { createSandbox, type Sandbox } from '../../../sandbox/create-sandbox';
import { DEMO_ANCHORS } from '../../../sandbox/seed/anchors';
import { createApp } from '../../app';
import { silentLogger } from '../../lib/logger';
import { openStore, type BffStore } from '../../store/open-store';
import { recordResponse } from '../../testing/response-recorder';
import { seedSessions, testConfig, testPasswords } from '../../testing/test-app';
import { createDatadogClient } from '../../upstreams/datadog/client';

const KEYS = { apiKey: 'maint-api-key-0123456789abcdef', appKey: 'maint-app-key-0123456789abcdef0123456' };
const BASE = 'http://local-datadog.invalid';
const LATENCY = DEMO_ANCHORS.checkoutLatency;
const MINUTE = 60_000;

/** One-off windows end to end through the BFF and the local Datadog: what the SPA's journeys rely on. */
describe('maintenance windows through the BFF against the local Datadog', () => {
  let dir: string;
  let sandbox: Sandbox;
  let store: BffStore;
  let app: ReturnType<typeof createApp>;
  let cookies: ReturnType<typeof seedSessions>;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'watchdeck-maintenance-'));
    sandbox = createSandbox({ dataDir: dir, seed: 'demo', ...KEYS });
    const datadog = createDatadogClient({ baseUrl: BASE, ...KEYS, fetch: (req) => sandbox.fetch(req), timeoutMs: 15_000 });
    const config = testConfig({ mode: 'embedded', upstream: null });
    store = openStore(':memory:');
    cookies = seedSessions(store, config, Date.now);
    app = createApp({ config, datadog, logger: silentLogger, staticDir: null, store, passwords: testPasswords });
  });

  afterAll(() => {
    store.close();
    sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function call(method: string, url: string, body?: unknown, as: keyof typeof cookies = 'responder') {
    const res = await app.request(url, {
      method,
      headers: { 'X-CSRF': '1', Cookie: cookies[as], ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    recordResponse(`${method} ${url}`, res, text);
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
  }

  it('previews, plans, shows, extends, sets end settings, watches and ends a window', async () => {
    const end = Date.now() + 60 * MINUTE;
    const body = {
      targets: { monitorIds: [LATENCY.id], monitorTags: [] },
      scope: 'env:prod',
      schedule: { kind: 'once', start: null, end },
      reason: 'Checkout deploy',
      ticket: 'https://jira.example.com/browse/OPS-7',
    };

    const preview = PreviewResponseSchema.parse((await call('POST', maintenancePaths.preview, body, 'viewer')).json);
    expect(preview.groups.map((g) => g.group).sort()).toEqual([...LATENCY.groups].sort());
    expect(preview.groups.find((g) => g.group === LATENCY.alertGroup)?.state).toBe('Alert');

    const created = await call('POST', maintenancePaths.windows, body);
    expect(created.status).toBe(201);
    const window = MaintenanceWindowSchema.parse(created.json);
    expect(window).toMatchObject({ planned: true, status: 'active', reason: 'Checkout deploy', ticket: body.ticket, downtimeIds: [expect.any(String)] });

    const list = WindowListResponseSchema.parse((await call('GET', maintenancePaths.windows, undefined, 'viewer')).json);
    expect(list.windows.some((w) => w.id === window.id)).toBe(true);
    const detail = WindowDetailResponseSchema.parse((await call('GET', maintenancePaths.window(window.id), undefined, 'viewer')).json);
    expect(detail.preview.groups.map((g) => g.group).sort()).toEqual([...LATENCY.groups].sort());

    const extended = MaintenanceWindowSchema.parse((await call('POST', maintenancePaths.extend(window.id), { minutes: 30 })).json);
    const before = window.schedule.kind === 'once' ? window.schedule.end : null;
    expect(extended.schedule).toMatchObject({ kind: 'once', end: (before ?? 0) + 30 * MINUTE });

    const settings = { notifyEndStates: ['alert'], notifyEndTypes: ['expired', 'canceled'], muteFirstRecovery: true };
    const set = MaintenanceWindowSchema.parse((await call('PUT', maintenancePaths.endSettings(window.id), { endSettings: settings })).json);
    expect(set.endSettings).toEqual(settings);

    const watched = await call('POST', maintenancePaths.untilRecovered(window.id));
    expect([watched.status, (watched.json as { untilRecovered: boolean }).untilRecovered]).toEqual([200, true]);
    expect(store.maintenanceWatches.get(window.id)?.groups).toEqual([{ monitorId: LATENCY.id, group: LATENCY.alertGroup }]);

    const ended = await call('POST', maintenancePaths.end(window.id));
    expect(ended).toEqual({ status: 200, json: { canceled: window.downtimeIds } });
    const after = WindowListResponseSchema.parse((await call('GET', maintenancePaths.windows, undefined, 'viewer')).json);
    expect(after.windows.find((w) => w.id === window.id)?.status).toBe('canceled');
    expect(store.maintenanceWatches.list()).toEqual([]);
  });

  it('plans a weekly Saturday 02:00-04:00 window in Berlin; it cannot be extended, only ended', async () => {
    const created = await call('POST', maintenancePaths.windows, {
      targets: { monitorIds: [], monitorTags: ['team:payments'] },
      scope: '*',
      schedule: { kind: 'recurring', rrule: 'FREQ=WEEKLY;BYDAY=SA', duration: '2h', start: '2026-01-03T02:00', timezone: 'Europe/Berlin' },
      reason: 'Weekly patching',
    });
    expect(created.status).toBe(201);
    const window = MaintenanceWindowSchema.parse(created.json);
    expect(window.schedule).toMatchObject({ kind: 'recurring', rrule: 'FREQ=WEEKLY;BYDAY=SA', duration: '2h', timezone: 'Europe/Berlin' });
    const current = window.schedule.kind === 'recurring' ? window.schedule.current : null;
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    expect(local.format(current!.start)).toBe('Sat 02:00');
    expect(current!.end - current!.start).toBe(120 * MINUTE);
    const extend = await call('POST', maintenancePaths.extend(window.id), { minutes: 30 });
    expect(extend.status).toBe(400);
    expect((await call('POST', maintenancePaths.end(window.id))).status).toBe(200);
  });

  it('finds a window that matches nothing, and an admin cleans it up', async () => {
    const created = await call('POST', maintenancePaths.windows, {
      targets: { monitorIds: [], monitorTags: ['team:nobody-here'] },
      scope: '*',
      schedule: { kind: 'once', start: null, end: Date.now() + 60 * MINUTE },
      reason: 'Forgotten',
    });
    const window = MaintenanceWindowSchema.parse(created.json);
    const hygiene = HygieneResponseSchema.parse((await call('GET', maintenancePaths.hygiene, undefined, 'viewer')).json);
    expect(hygiene.findings.find((f) => f.window.id === window.id)?.kinds).toEqual(['matches_nothing']);
    const cleanup = await call('POST', maintenancePaths.cleanup, { windowIds: [window.id] }, 'admin');
    expect(cleanup).toEqual({ status: 200, json: { canceled: [window.id], failed: [] } });
    const again = HygieneResponseSchema.parse((await call('GET', maintenancePaths.hygiene, undefined, 'viewer')).json);
    expect(again.findings.some((f) => f.window.id === window.id)).toBe(false);
  });
});
