import fs from 'node:fs';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { WEBHOOK_SAMPLE_VALUES } from '../../contract/webhook-template';
import { integrationDeps } from '../lib/integration-context';
import { closedPort, startTestReceiver, type TestReceiver } from '../lib/webhook-test-receiver';
import { openDb } from '../store/db';
import { WebhooksStore } from '../store/integrations-webhooks-store';
import { createTempSandbox, disposedAfterEach, makeTempDir, type TempSandbox } from '../testing/temp-sandbox';
import { registerWebhookTestRoute } from './integration-webhook-test';

const make = disposedAfterEach(createTempSandbox);
const receivers: TestReceiver[] = [];
async function receiver(...args: Parameters<typeof startTestReceiver>): Promise<TestReceiver> {
  const r = await startTestReceiver(...args);
  receivers.push(r);
  return r;
}
afterEach(async () => {
  while (receivers.length) await receivers.pop()!.close();
});

const HOOKS = '/api/v1/integration/webhooks/configuration/webhooks';
const VARS = '/api/v1/integration/webhooks/configuration/custom-variables';
const SECRET = 'canary-bridge-token-c4f81a';
const S = WEBHOOK_SAMPLE_VALUES;

async function withHook(t: TempSandbox, url: string, extra: Record<string, unknown> = {}): Promise<void> {
  await t.call('POST', VARS, { name: 'BRIDGE_TOKEN', value: SECRET, is_secret: true });
  await t.call('POST', VARS, { name: 'TEAM', value: 'payments', is_secret: false });
  const r = await t.call('POST', HOOKS, {
    name: 'local',
    url: `${url}/incoming`,
    custom_headers: JSON.stringify({ 'X-Bridge-Token': '$BRIDGE_TOKEN', 'X-Team': '$TEAM' }),
    payload: '{"title": "$EVENT_TITLE", "team": "$TEAM", "token": "$BRIDGE_TOKEN", "id": "$ID", "unknown": "$NOT_A_VARIABLE"}',
    ...extra,
  });
  expect(r.status).toBe(201);
}

describe('POST .../webhooks/{name}/test (sandbox only)', () => {
  it('sends one real POST with the rendered payload (secrets substituted) and headers; echoes nothing secret', async () => {
    const r = await receiver((req) => ({ status: 200, body: `got ${req.body}` }));
    const t = make();
    await withHook(t, r.url);
    const res = await t.call('POST', `${HOOKS}/local/test`, {});
    expect(res.status).toBe(200);

    expect(r.requests).toHaveLength(1);
    const got = r.requests[0]!;
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/incoming');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['x-bridge-token']).toBe(SECRET);
    expect(got.headers['x-team']).toBe('payments');
    expect(JSON.parse(got.body)).toEqual({ title: S.EVENT_TITLE, team: 'payments', token: SECRET, id: S.ID, unknown: '$NOT_A_VARIABLE' });

    expect(res.body).toEqual({ ok: true, status: 200, body: expect.any(String), duration_ms: expect.any(Number), attempts: 1, sent: expect.any(String) });
    expect(JSON.parse(res.body.sent)).toEqual({ title: S.EVENT_TITLE, team: 'payments', token: '******', id: S.ID, unknown: '$NOT_A_VARIABLE' });
    // The receiver echoed the secret; the answer shows it masked.
    expect(res.body.body).toBe(`got ${res.body.sent}`);
    expect(res.text).not.toContain(SECRET);
  });

  it('the default payload for a webhook without one; an empty body works too', async () => {
    const r = await receiver();
    const t = make();
    await t.call('POST', HOOKS, { name: 'plain', url: r.url });
    const res = await t.call('POST', `${HOOKS}/plain/test`);
    expect(res.status).toBe(200);
    expect(JSON.parse(r.requests[0]!.body)).toEqual({
      body: S.EVENT_MSG,
      last_updated: S.LAST_UPDATED,
      event_type: S.EVENT_TYPE,
      title: S.EVENT_TITLE,
      date: S.DATE,
      org: { id: S.ORG_ID, name: S.ORG_NAME },
      id: S.ID,
    });
    expect(res.body.sent).toBe(r.requests[0]!.body);
  });

  it('form encoding: the payload fields URL-encoded, with the form content type', async () => {
    const r = await receiver(() => ({ status: 204 }));
    const t = make();
    await withHook(t, r.url, { encode_as: 'form' });
    const res = await t.call('POST', `${HOOKS}/local/test`, {});
    expect(res.body).toMatchObject({ ok: true, status: 204, body: '', attempts: 1 });
    const got = r.requests[0]!;
    expect(got.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const fields = Object.fromEntries(new URLSearchParams(got.body));
    expect(fields).toEqual({ title: S.EVENT_TITLE, team: 'payments', token: SECRET, id: S.ID, unknown: '$NOT_A_VARIABLE' });
    expect(Object.fromEntries(new URLSearchParams(res.body.sent)).token).toBe('******');
    expect(res.text).not.toContain(SECRET);
  });

  it('a 500 receiver is retried (3 attempts) and reported', async () => {
    const r = await receiver(() => ({ status: 500, body: 'receiver broke' }));
    const t = make();
    await withHook(t, r.url);
    const res = await t.call('POST', `${HOOKS}/local/test`, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, status: 500, body: 'receiver broke', attempts: 3 });
    expect(r.requests).toHaveLength(3);
    expect(new Set(r.requests.map((q) => q.body)).size).toBe(1);
  });

  it('an unreachable receiver: status null and the error as body', async () => {
    const port = await closedPort();
    const t = make();
    await withHook(t, `http://127.0.0.1:${port}`);
    const res = await t.call('POST', `${HOOKS}/local/test`, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, status: null, attempts: 3 });
    expect(res.body.body).toContain('ECONNREFUSED');
    expect(res.text).not.toContain(SECRET);
  });

  it('404 for a missing webhook, 400 for a body with fields, 403 without keys', async () => {
    const t = make();
    const missing = await t.call('POST', `${HOOKS}/nope/test`, {});
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: ['Webhook does not exist'] });
    const extra = await t.call('POST', `${HOOKS}/ops-bridge/test`, { url: 'http://elsewhere' });
    expect(extra.status).toBe(400);
    expect((await t.call('POST', `${HOOKS}/ops-bridge/test`, {}, { 'DD-API-KEY': 'nope' })).status).toBe(403);
  });
});

describe('the test delivery’s deadline', () => {
  it('a stalled receiver: the route answers its own result within the deadline, never hanging past it', async () => {
    const r = await receiver(() => 'hang');
    const dir = makeTempDir();
    const { db } = openDb(dir);
    try {
      new WebhooksStore(db).insert({ name: 'stalled', url: `${r.url}/hook`, payload: null, custom_headers: null, encode_as: 'json', created_us: 0, modified_us: 0 });
      const app = new Hono();
      // Small, injected times: 200 ms per attempt, 450 ms in all (as 5 s and 8 s do for real).
      registerWebhookTestRoute(app, integrationDeps({ db, nowUs: () => 0 }), { timeoutMs: 200, deadlineMs: 450, minAttemptMs: 100, backoffMs: () => 20 });
      const started = Date.now();
      const res = await app.request(`${HOOKS}/stalled/test`, { method: 'POST' });
      const elapsed = Date.now() - started;
      expect(res.status).toBe(200);
      const body = (await res.json()) as { ok: boolean; status: number | null; attempts: number; body: string; duration_ms: number };
      expect(body).toMatchObject({ ok: false, status: null, attempts: 2 });
      expect(body.body).toMatch(/^Timed out after \d+ ms$/);
      expect(body.duration_ms).toBeLessThanOrEqual(450 + 100);
      expect(elapsed).toBeLessThan(450 + 300);
      expect(r.requests).toHaveLength(2);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
