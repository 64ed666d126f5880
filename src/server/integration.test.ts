import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DowntimeSchema,
  MonitorDetailSchema,
  MonitorListResponseSchema,
  UnmuteResponseSchema,
} from '../contract/monitors';
// The one test that puts the real sandbox behind the BFF, as embedded mode does.
import { createSandbox, type Sandbox } from '../sandbox/create-sandbox';
import { DEMO_ANCHORS } from '../sandbox/seed/anchors';
import { createApp } from './app';
import { silentLogger } from './lib/logger';
import { openStore, type BffStore } from './store/open-store';
import { seedSessions, testConfig, testPasswords, TEST_USERS } from './testing/test-app';
import { createDatadogClient } from './upstreams/datadog/client';

const KEYS = { apiKey: 'integration-api-key-0123456789abcdef', appKey: 'integration-app-key-0123456789abcdef0123' };

describe('BFF + sandbox (embedded mode)', () => {
  let dir: string;
  let sandbox: Sandbox;
  let app: ReturnType<typeof createApp>;
  let store: BffStore;
  let cookie: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'watchdeck-bff-'));
    sandbox = createSandbox({ dataDir: dir, seed: 'demo', ...KEYS });
    const datadog = createDatadogClient({
      baseUrl: 'http://local-datadog.invalid',
      ...KEYS,
      fetch: (req) => sandbox.fetch(req),
      timeoutMs: 10_000,
    });
    const config = testConfig({ mode: 'embedded', upstream: null });
    store = openStore(':memory:');
    cookie = seedSessions(store, config, Date.now).responder;
    app = createApp({ config, datadog, logger: silentLogger, staticDir: null, store, passwords: testPasswords });
  });
  afterAll(() => {
    store.close();
    sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (p: string) => {
    const res = await app.request(p, { headers: { 'X-CSRF': '1', Cookie: cookie } });
    expect(res.status).toBe(200);
    return res.json();
  };
  const post = async (p: string, body: unknown) => {
    const res = await app.request(p, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF': '1', Cookie: cookie },
      body: JSON.stringify(body),
    });
    const json = await res.json();
    expect([res.status, json]).toEqual([200, json]);
    return json;
  };

  it('lists, shows, mutes one group for an hour, and unmutes it', async () => {
    const list = MonitorListResponseSchema.parse(await get('/api/monitors'));
    expect(list.monitors.length).toBeGreaterThan(0);
    expect(list.stale).toBe(false);

    // A grouped monitor with at least two groups, nothing muted.
    let target: ReturnType<typeof MonitorDetailSchema.parse> | undefined;
    for (const m of list.monitors.filter((x) => x.multi && x.mute.state === 'none')) {
      const detail = MonitorDetailSchema.parse(await get(`/api/monitors/${m.id}`));
      if (detail.groups.length >= 2 && detail.groups.every((g) => !g.muted && g.tags.length > 0)) {
        target = detail;
        break;
      }
    }
    expect(target).toBeDefined();
    const monitor = target as NonNullable<typeof target>;
    const group = monitor.groups[0] as NonNullable<(typeof monitor.groups)[number]>;
    const scope = group.tags.join(' AND ');

    const end = Date.now() + 3_600_000;
    const downtime = DowntimeSchema.parse(
      await post(`/api/monitors/${monitor.id}/mute`, { scope, end, reason: 'integration test' }),
    );
    expect(downtime).toMatchObject({ monitorId: monitor.id, scope, message: `by ${TEST_USERS.responder} via watchdeck: integration test` });
    expect(Math.abs((downtime.endAt ?? 0) - end)).toBeLessThan(1000);

    const muted = MonitorDetailSchema.parse(await get(`/api/monitors/${monitor.id}`));
    const mutedGroup = muted.groups.find((g) => g.name === group.name);
    expect(mutedGroup?.muted).toBe(true);
    expect(Math.abs((mutedGroup?.mutedUntil ?? 0) - end)).toBeLessThan(1000);
    expect(muted.groups.filter((g) => g.muted)).toHaveLength(muted.groups.filter((g) => g.tags.every((t) => group.tags.includes(t))).length);
    expect(muted.mute.state).toBe('partial');
    expect(muted.downtimes.map((d) => d.id)).toContain(downtime.id);
    expect(muted.downtimes.find((d) => d.id === downtime.id)?.groups).toContain(group.name);

    const row = MonitorListResponseSchema.parse(await get('/api/monitors')).monitors.find((m) => m.id === monitor.id);
    expect(row?.mute).toMatchObject({ state: 'partial', downtimes: 1 });

    const unmuted = UnmuteResponseSchema.parse(await post(`/api/monitors/${monitor.id}/unmute`, { scope }));
    expect(unmuted).toEqual({ canceled: [downtime.id], skipped: [] });

    const after = MonitorDetailSchema.parse(await get(`/api/monitors/${monitor.id}`));
    expect(after.groups.some((g) => g.muted)).toBe(false);
    expect(after.mute.state).toBe('none');
    expect(after.downtimes.map((d) => d.id)).not.toContain(downtime.id);

    // One audit record per change, newest first, with the real upstream status.
    const [unmuteRecord, muteRecord] = store.audit.query({ limit: 2 });
    expect(muteRecord).toMatchObject({
      actor: TEST_USERS.responder,
      role: 'responder',
      action: 'monitor.mute',
      target: `monitor:${monitor.id}`,
      outcome: 'allowed',
      status: 200,
      upstreamStatus: 200,
    });
    expect(muteRecord?.detail).toContain('reason=integration test');
    expect(unmuteRecord).toMatchObject({ action: 'monitor.unmute', outcome: 'allowed', status: 200, upstreamStatus: 204 });
  });

  it('shows scheduled and indefinite downtimes on the detail, and leaves ended ones out', async () => {
    const { scheduled, indefinitelyMuted, ended } = DEMO_ANCHORS;
    const platform = MonitorDetailSchema.parse(await get(`/api/monitors/${scheduled.monitorIds[0]}`));
    const upcoming = platform.downtimes.find((d) => d.id === scheduled.downtimeId);
    expect(upcoming).toMatchObject({ status: 'scheduled', scope: scheduled.scope, monitorTags: [...scheduled.monitorTags] });
    expect(upcoming?.startAt ?? 0).toBeGreaterThan(Date.now());

    const forever = MonitorDetailSchema.parse(await get(`/api/monitors/${indefinitelyMuted.id}`));
    expect(forever.downtimes.find((d) => d.id === indefinitelyMuted.downtimeId)).toMatchObject({
      status: 'active',
      endAt: null,
      message: indefinitelyMuted.message,
    });

    const old = MonitorDetailSchema.parse(await get(`/api/monitors/${ended.monitorId}`));
    expect(old.downtimes.map((d) => d.id)).not.toContain(ended.downtimeId);
  });
});
