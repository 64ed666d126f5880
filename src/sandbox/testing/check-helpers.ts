import fs from 'node:fs';
import { startTestReceiver, type Respond, type TestReceiver } from '../lib/webhook-test-receiver';
import type { SandboxOptions } from '../create-sandbox';
import { DEMO_ANCHORS } from '../seed/anchors';
import { createTempSandbox, type CallResult, type Json, type TempSandbox } from './temp-sandbox';

/** For tests of service checks: a sandbox, and helpers to submit runs and read what they did. */

export const HOOKS = '/api/v1/integration/webhooks/configuration/webhooks';
export const VARS = '/api/v1/integration/webhooks/configuration/custom-variables';
export const APP_OK = DEMO_ANCHORS.appOkCheck;

/** Only 127.0.0.1 is reachable from tests: the demo webhook's example.com URL never leaves the machine. */
const localFetch: typeof fetch = (input, init) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  if (url.hostname !== '127.0.0.1') return Promise.reject(new TypeError('fetch failed', { cause: new Error(`blocked in tests: ${url.host}`) }));
  return fetch(input, init);
};

/** Fast retries, short timeouts, local receivers only: what tests want from webhook deliveries. */
export const FAST_DELIVERY: NonNullable<SandboxOptions['webhookDelivery']> = { timeoutMs: 1500, retries: 2, backoffMs: () => 0, fetch: localFetch };

export interface RunSpec {
  check?: string;
  host_name: string;
  status: 0 | 1 | 2 | 3;
  tags?: string[];
  message?: string;
  timestamp?: number;
}

export interface CheckHarness {
  t: TempSandbox;
  /** POSTs runs (app.ok with env:prod by default) and waits for the notifications they cause. */
  submit(...runs: RunSpec[]): Promise<CallResult>;
  /** The monitor's group statuses. */
  statuses(monitorId?: number): Promise<Record<string, string>>;
  groups(monitorId?: number): Promise<Record<string, Json>>;
  notifications(query?: string): Promise<Json[]>;
  /** Moves the fake clock, ticks, and waits for the notifications. */
  advanceAndTick(ms: number): Promise<void>;
}

export function harness(over: Partial<SandboxOptions> = {}): CheckHarness {
  const t = createTempSandbox({ webhookDelivery: FAST_DELIVERY, ...over });
  const h: CheckHarness = {
    t,
    async submit(...runs) {
      const body = runs.map((r) => ({ check: APP_OK.check, tags: [APP_OK.runTag], ...r }));
      const res = await t.call('POST', '/api/v1/check_run', body);
      await t.sandbox.idle();
      return res;
    },
    async groups(monitorId = APP_OK.id) {
      return (await t.call('GET', `/api/v1/monitor/${monitorId}?group_states=all`)).body.state.groups;
    },
    async statuses(monitorId = APP_OK.id) {
      const groups = await h.groups(monitorId);
      return Object.fromEntries(Object.entries(groups).map(([name, g]: [string, Json]) => [name, g.status]));
    },
    async notifications(query = '') {
      return (await t.call('GET', `/api/sandbox/notifications?per_page=200${query}`)).body.notifications;
    },
    async advanceAndTick(ms) {
      t.clock.advance(ms);
      t.sandbox.tick();
      await t.sandbox.idle();
    },
  };
  return h;
}

/** Points the demo ops-bridge webhook at a local receiver (keeping its payload and headers). */
export async function bridgeTo(t: TempSandbox, url: string): Promise<void> {
  const r = await t.call('PUT', `${HOOKS}/${APP_OK.webhook}`, { url });
  if (r.status !== 200) throw new Error(`could not repoint the webhook: ${r.status} ${r.text}`);
}

export async function receiverFor(t: TempSandbox, respond?: Respond): Promise<TestReceiver> {
  const r = await startTestReceiver(respond);
  await bridgeTo(t, `${r.url}/ops-bridge`);
  return r;
}

/**
 * Harnesses, receivers and data dirs a test file opens, closed after each test: call once at
 * the top of a file (it registers the afterEach).
 */
export function trackedHarnesses(afterEachHook: (fn: () => Promise<void>) => void): {
  make: (...args: Parameters<typeof harness>) => CheckHarness;
  receiver: (h: CheckHarness) => Promise<TestReceiver>;
  keepDir: (dir: string) => void;
} {
  const open: CheckHarness[] = [];
  const receivers: TestReceiver[] = [];
  const dirs: string[] = [];
  afterEachHook(async () => {
    while (open.length) open.pop()!.t.dispose();
    while (receivers.length) await receivers.pop()!.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  return {
    make: (...args) => {
      const h = harness(...args);
      open.push(h);
      return h;
    },
    receiver: async (h) => {
      const r = await receiverFor(h.t);
      receivers.push(r);
      return r;
    },
    keepDir: (dir) => dirs.push(dir),
  };
}
