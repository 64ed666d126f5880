import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { integrationPaths } from '../contract/api-paths';
import { AtlasIntegrationSchema, AtlasIntegrationsResponseSchema, AtlasProjectsResponseSchema } from '../contract/atlas';
import { AuditListResponseSchema } from '../contract/auth';
import { maskSecret } from '../contract/secrets';
// The BFF against the real in-process local Atlas, through the digest handshake, as embedded mode runs it.
import { createSandbox, type Sandbox } from '../sandbox/create-sandbox';
import { createApp } from './app';
import { createLogger } from './lib/logger';
import { openStore, type BffStore } from './store/open-store';
import { seedSessions, testConfig, testPasswords } from './testing/test-app';
import { createAtlasClient } from './upstreams/atlas/client';
import { createDatadogClient } from './upstreams/datadog/client';

const DD_KEYS = { apiKey: 'atlas-it-dd-api-key-0123456789abcdef', appKey: 'atlas-it-dd-app-key-0123456789abcdef0123' };
const ATLAS_KEYS = { publicKey: 'atlas-it-public', privateKey: 'atlas-it-private-3c9d0e6a-1b2f-4a5e' };
const BASE = 'http://local-datadog.invalid';
const SERVICE_KEY = 'it-pagerduty-service-key-11112222';
const ROTATED_KEY = 'it-pagerduty-service-key-33334444';

describe('BFF + local Atlas (embedded mode, HTTP Digest)', () => {
  let dir: string;
  let sandbox: Sandbox;
  let store: BffStore;
  let cookie: string;
  const logs: string[] = [];
  const statuses: number[] = [];

  const appWith = (keys: { publicKey: string; privateKey: string }) => {
    const datadog = createDatadogClient({ baseUrl: BASE, ...DD_KEYS, fetch: (req) => sandbox.fetch(req), timeoutMs: 10_000 });
    const atlas = createAtlasClient({
      baseUrl: BASE,
      ...keys,
      fetch: async (req) => {
        const res = await sandbox.fetch(req);
        statuses.push(res.status);
        return res;
      },
      timeoutMs: 10_000,
    });
    const redact = (text: string) => atlas.redact(datadog.redact(text));
    const logger = createLogger({ redact, level: 'debug', write: (line) => logs.push(line) });
    const config = testConfig({ mode: 'embedded', upstream: null });
    return createApp({ config, datadog, atlas, logger, staticDir: null, store, passwords: testPasswords });
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'watchdeck-atlas-'));
    sandbox = createSandbox({ dataDir: dir, seed: 'demo', ...DD_KEYS, atlasPublicKey: ATLAS_KEYS.publicKey, atlasPrivateKey: ATLAS_KEYS.privateKey });
    store = openStore(':memory:');
    cookie = seedSessions(store, testConfig(), Date.now).admin;
  });
  afterAll(() => {
    store.close();
    sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = async (app: ReturnType<typeof createApp>, method: string, p: string, body?: unknown) => {
    const res = await app.request(p, {
      method,
      headers: { 'X-CSRF': '1', Cookie: cookie, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, json: text ? (JSON.parse(text) as unknown) : undefined };
  };

  it('lists projects, creates PAGER_DUTY, reads it masked, keeps and rotates the key, and audits it', async () => {
    const app = appWith(ATLAS_KEYS);
    const list = await call(app, 'GET', integrationPaths.atlasProjects);
    expect(list.status).toBe(200);
    const projects = AtlasProjectsResponseSchema.parse(list.json);
    expect([projects.available, projects.error]).toEqual([true, null]);
    expect(projects.projects.length).toBeGreaterThan(0);
    // One challenge for the whole fan-out: later calls reuse the nonce.
    expect(statuses.filter((s) => s === 401)).toHaveLength(1);
    expect(statuses[0]).toBe(401);

    const project = projects.projects.find((p) => !(p.configuredTypes ?? []).includes('PAGER_DUTY'));
    expect(project).toBeDefined();
    const id = (project as { id: string }).id;
    const one = integrationPaths.atlasIntegration(id, 'PAGER_DUTY');

    const created = await call(app, 'POST', one, { serviceKey: SERVICE_KEY });
    expect(created.status).toBe(201);
    expect(AtlasIntegrationSchema.parse(created.json).values).toEqual({ serviceKey: maskSecret(SERVICE_KEY) });

    const read = AtlasIntegrationsResponseSchema.parse((await call(app, 'GET', integrationPaths.atlasProject(id))).json);
    const pd = read.integrations.find((i) => i.type === 'PAGER_DUTY');
    expect(pd?.values).toEqual({ serviceKey: '******2222' });
    expect(pd?.lastChange).toMatchObject({ by: 'test-admin', action: 'integration.atlas.create' });
    expect(read.project.configuredTypes).toContain('PAGER_DUTY');

    // The mask sent back keeps the key (the local Atlas refuses a mask, so a 200 means it was left out).
    const kept = await call(app, 'PUT', one, pd?.values);
    expect([kept.status, AtlasIntegrationSchema.parse(kept.json).values]).toEqual([200, { serviceKey: '******2222' }]);

    const rotated = await call(app, 'PUT', one, { serviceKey: ROTATED_KEY });
    expect([rotated.status, AtlasIntegrationSchema.parse(rotated.json).values]).toEqual([200, { serviceKey: '******4444' }]);

    const again = await call(app, 'POST', one, { serviceKey: SERVICE_KEY });
    expect([again.status, (again.json as { error: { code: string; message: string } }).error]).toMatchObject([
      409,
      { code: 'conflict', message: 'PagerDuty is already configured for this project; edit it instead' },
    ]);

    const audit = AuditListResponseSchema.parse((await call(app, 'GET', '/api/audit?action=integration.atlas')).json);
    expect(audit.records.map((r) => [r.action, r.target, r.outcome, r.detail])).toEqual([
      ['integration.atlas.create', `atlas:${id}:PAGER_DUTY`, 'invalid', 'serviceKey set (now ******2222); conflict: PagerDuty is already configured for this project; edit it instead'],
      ['integration.atlas.update', `atlas:${id}:PAGER_DUTY`, 'allowed', 'serviceKey rotated (now ******4444)'],
      ['integration.atlas.update', `atlas:${id}:PAGER_DUTY`, 'allowed', 'no changes'],
      ['integration.atlas.create', `atlas:${id}:PAGER_DUTY`, 'allowed', 'serviceKey set (now ******2222)'],
    ]);

    expect((await call(app, 'DELETE', one)).status).toBe(204);
    const after = AtlasIntegrationsResponseSchema.parse((await call(app, 'GET', integrationPaths.atlasProject(id))).json);
    expect(after.integrations.map((i) => i.type)).not.toContain('PAGER_DUTY');

    const everything = [JSON.stringify(audit), logs.join('\n')].join('\n');
    for (const secret of [SERVICE_KEY, ROTATED_KEY, ATLAS_KEYS.publicKey, ATLAS_KEYS.privateKey]) expect(everything).not.toContain(secret);
  });

  it('empties SLACK’s optional channel name with clear; the token is kept and the name can be set again', async () => {
    const app = appWith(ATLAS_KEYS);
    const slack = integrationPaths.atlasIntegration('5f1a2b3c4d5e6f7a8b9c0d1e', 'SLACK');
    const cleared = await call(app, 'PUT', slack, { clear: ['channelName'] });
    expect(cleared.status).toBe(200);
    expect(AtlasIntegrationSchema.parse(cleared.json).values).toEqual({ apiToken: '******5821', teamName: 'acme-eng', channelName: null });
    const set = await call(app, 'PUT', slack, { channelName: '#ops' });
    expect(AtlasIntegrationSchema.parse(set.json).values).toEqual({ apiToken: '******5821', teamName: 'acme-eng', channelName: '#ops' });
    const audit = AuditListResponseSchema.parse((await call(app, 'GET', '/api/audit?target=:SLACK')).json);
    expect(audit.records.map((r) => r.detail)).toEqual(['channelName (none) → "#ops"', 'channelName "#checkout-alerts" → (none)']);
  });

  it('answers 502 upstream_auth, after one retry, when the local Atlas refuses the key', async () => {
    const app = appWith({ publicKey: ATLAS_KEYS.publicKey, privateKey: 'not-the-private-key' });
    statuses.length = 0;
    const answer = await call(app, 'DELETE', integrationPaths.atlasIntegration('5f1a2b3c4d5e6f7a8b9c0d1e', 'SLACK'));
    expect([answer.status, (answer.json as { error: { code: string } }).error.code]).toEqual([502, 'upstream_auth']);
    expect(statuses).toEqual([401, 401]);
  });
});
