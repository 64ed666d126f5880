import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from './seed/anchors';
import { createTempSandbox, makeTempDir, TEST_API_KEY, TEST_APP_KEY, type TempSandbox } from './testing/temp-sandbox';

const open: TempSandbox[] = [];
function make(...args: Parameters<typeof createTempSandbox>): TempSandbox {
  const t = createTempSandbox(...args);
  open.push(t);
  return t;
}
afterEach(() => {
  while (open.length) open.pop()!.dispose();
});

const AUTH_BODY = { errors: ['API key required'] };

describe('auth', () => {
  it('GET /api/v1/validate needs the API key only', async () => {
    const t = make();
    const ok = await t.call('GET', '/api/v1/validate', undefined, { 'DD-APPLICATION-KEY': '' });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ valid: true });
    const bad = await t.call('GET', '/api/v1/validate', undefined, { 'DD-API-KEY': 'nope' });
    expect(bad.status).toBe(403);
    expect(bad.headers.get('content-type')).toMatch(/^application\/json/);
    expect(bad.body).toEqual(AUTH_BODY);
  });

  it.each([
    ['no keys', { 'DD-API-KEY': '', 'DD-APPLICATION-KEY': '' }],
    ['wrong api key', { 'DD-API-KEY': `${TEST_API_KEY}x` }],
    ['wrong app key', { 'DD-APPLICATION-KEY': 'nope' }],
    ['no app key', { 'DD-APPLICATION-KEY': '' }],
    ['keys swapped', { 'DD-API-KEY': TEST_APP_KEY, 'DD-APPLICATION-KEY': TEST_API_KEY }],
  ])('answers 403 with the recorded body: %s', async (_name, headers) => {
    const t = make();
    for (const p of ['/api/v1/monitor', '/api/v2/downtime', '/api/v1/nothing-here']) {
      const r = await t.call('GET', p, undefined, headers);
      expect(r.status).toBe(403);
      expect(r.body).toEqual(AUTH_BODY);
    }
  });

  it('compares header names case-insensitively', async () => {
    const t = make();
    const r = await t.sandbox.fetch(
      new Request('http://sandbox/api/v1/monitor?page=0&page_size=1', {
        headers: { 'dd-api-key': TEST_API_KEY, 'Dd-Application-Key': TEST_APP_KEY },
      }),
    );
    expect(r.status).toBe(200);
  });
});

describe('routing', () => {
  it('answers 404 {"errors":["Not found"]} for unknown routes', async () => {
    const t = make();
    for (const [method, p] of [
      ['GET', '/api/v1/nothing'],
      ['GET', '/api/v3/monitor'],
      ['PATCH', `/api/v1/monitor/${DEMO_ANCHORS.checkoutLatency.id}`],
      ['GET', '/elsewhere'],
    ] as const) {
      const r = await t.call(method, p);
      expect(r.status, `${method} ${p}`).toBe(404);
      expect(r.body).toEqual({ errors: ['Not found'] });
    }
  });
});

describe('setFault', () => {
  it('answers every /api/* request with the fault until cleared', async () => {
    const t = make();
    t.sandbox.setFault({ status: 429, body: { errors: ['Rate limit exceeded'] }, headers: { 'X-RateLimit-Reset': '7' } });
    const r = await t.call('GET', '/api/v1/monitor');
    expect(r.status).toBe(429);
    expect(r.body).toEqual({ errors: ['Rate limit exceeded'] });
    expect(r.headers.get('x-ratelimit-reset')).toBe('7');
    expect(r.headers.get('content-type')).toBe('application/json');
    // Even with bad keys: the fault stands in for the whole upstream.
    expect((await t.call('GET', '/api/v1/validate', undefined, { 'DD-API-KEY': 'x' })).status).toBe(429);
    t.sandbox.setFault({ status: 503 });
    const empty = await t.call('GET', '/api/v2/downtime');
    expect(empty.status).toBe(503);
    expect(empty.text).toBe('');
    t.sandbox.setFault(null);
    expect((await t.call('GET', '/api/v1/validate')).status).toBe(200);
  });

  it('waits delayMs before answering', async () => {
    const t = make();
    t.sandbox.setFault({ status: 500, body: 'upstream exploded', delayMs: 120 });
    const started = Date.now();
    const r = await t.call('GET', '/api/v1/monitor');
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(r.status).toBe(500);
    expect(r.text).toBe('upstream exploded');
  });
});

describe('persistence and seeding', () => {
  it('keeps data across restarts and seeds only once', async () => {
    const dataDir = makeTempDir();
    const first = createTempSandbox({ dataDir });
    const created = await first.call('POST', '/api/v1/monitor', {
      name: 'kept',
      type: 'query alert',
      query: 'avg(last_5m):avg:system.load.1{*} > 4',
    });
    await first.call('DELETE', `/api/v1/monitor/${DEMO_ANCHORS.checkoutLatency.id}?force=true`);
    first.sandbox.close();
    expect(fs.existsSync(path.join(dataDir, 'sandbox.sqlite'))).toBe(true);

    const second = make({ dataDir });
    expect((await second.call('GET', `/api/v1/monitor/${created.body.id}`)).body.name).toBe('kept');
    // Not reseeded: the deleted demo monitor stays deleted.
    expect((await second.call('GET', `/api/v1/monitor/${DEMO_ANCHORS.checkoutLatency.id}`)).status).toBe(404);
    // New ids keep increasing.
    const next = await second.call('POST', '/api/v1/monitor', { name: 'n', type: 'query alert', query: 'avg(last_5m):avg:a{*} > 1' });
    expect(next.body.id).toBe(created.body.id + 1);
  });

  it('reset() wipes and reseeds', async () => {
    const t = make();
    await t.call('DELETE', `/api/v2/downtime/${DEMO_ANCHORS.fullyMuted.downtimeId}`);
    await t.call('POST', '/api/v1/monitor', { name: 'gone', type: 'query alert', query: 'avg(last_5m):avg:a{*} > 1' });
    t.sandbox.reset();
    const list = await t.call('GET', '/api/v1/monitor');
    expect(list.body).toHaveLength(DEMO_ANCHORS.monitorCount);
    const d = await t.call('GET', `/api/v2/downtime/${DEMO_ANCHORS.fullyMuted.downtimeId}`);
    expect(d.body.data.attributes.status).toBe('active');
    const created = await t.call('POST', '/api/v1/monitor', { name: 'x', type: 'query alert', query: 'avg(last_5m):avg:a{*} > 1' });
    expect(created.body.id).toBe(DEMO_ANCHORS.firstMonitorId + DEMO_ANCHORS.monitorCount);
  });

  it('seed "empty" starts with no monitors and ids from 1000001', async () => {
    const t = make({ seed: 'empty' });
    expect((await t.call('GET', '/api/v1/monitor')).body).toEqual([]);
    expect((await t.call('GET', '/api/v2/downtime')).body.data).toEqual([]);
    const created = await t.call('POST', '/api/v1/monitor', { name: 'x', type: 'query alert', query: 'avg(last_5m):avg:a{*} > 1' });
    expect(created.body.id).toBe(1000001);
    expect(created.body.creator.handle).toBe(DEMO_ANCHORS.apiKeyOwner.handle);
  });

  it('uses WAL with synchronous=FULL', async () => {
    const t = make();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(t.dataDir, 'sandbox.sqlite'), { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
    expect(fs.existsSync(path.join(t.dataDir, 'sandbox.sqlite-wal'))).toBe(true);
  });

  it('close() is idempotent', () => {
    const t = make();
    t.sandbox.close();
    expect(() => t.sandbox.close()).not.toThrow();
  });
});
