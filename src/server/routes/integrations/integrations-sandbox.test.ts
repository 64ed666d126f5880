import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { integrationPaths } from '../../../contract/api-paths';
import {
  AwsAccountListSchema,
  AwsCreateResponseSchema,
  awsTrustPolicy,
  CustomVariableSchema,
  IntegrationsOverviewSchema,
  PagerDutyOverviewSchema,
  PagerDutyServiceSchema,
  SlackChannelSchema,
  SlackOverviewSchema,
  WebhookSchema,
  WebhooksOverviewSchema,
  WebhookTestResultSchema,
} from '../../../contract/integrations';
import { maskSecret } from '../../../contract/secrets';
// The real local Datadog behind the BFF, as embedded mode runs it.
import { createSandbox, type Sandbox } from '../../../sandbox/create-sandbox';
import { WEBHOOK_TEST_DEADLINE_MS } from '../../../sandbox/routes/integration-webhook-test';
import { createApp } from '../../app';
import { parseEnv } from '../../env';
import { silentLogger } from '../../lib/logger';
import { openStore, type BffStore } from '../../store/open-store';
import { INTEGRATION_CANARIES } from '../../testing/fixtures';
import { recordResponse } from '../../testing/response-recorder';
import { findLeaks } from '../../testing/secret-scan';
import { seedSessions, testConfig, testPasswords } from '../../testing/test-app';
import { createDatadogClient } from '../../upstreams/datadog/client';

const KEYS = { apiKey: 'integrations-api-key-0123456789abcdef', appKey: 'integrations-app-key-0123456789abcdef0123' };
const PD_KEY = INTEGRATION_CANARIES.pagerDutyKey;
const SECRET = INTEGRATION_CANARIES.secretVariable;

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

describe('integrations through the BFF against the local Datadog', () => {
  let dir: string;
  let sandbox: Sandbox;
  let store: BffStore;
  let app: ReturnType<typeof createApp>;
  let cookie: string;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];
  const answers: { text: string; headers: string }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'watchdeck-integrations-'));
    sandbox = createSandbox({ dataDir: dir, seed: 'empty', ...KEYS });
    const datadog = createDatadogClient({ baseUrl: 'http://local-datadog.invalid', ...KEYS, fetch: (req) => sandbox.fetch(req), timeoutMs: 15_000 });
    const config = testConfig({ mode: 'embedded', upstream: null });
    store = openStore(':memory:');
    cookie = seedSessions(store, config, Date.now).admin;
    app = createApp({ config, datadog, logger: silentLogger, staticDir: null, store, passwords: testPasswords });
    // A webhook receiver that echoes what it got (a secret variable in it must come back masked).
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(202, { 'Content-Type': 'text/plain' }).end(`got ${body}`);
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    store.close();
    sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function call(method: string, p: string, body?: unknown) {
    const res = await app.request(p, {
      method,
      headers: { 'X-CSRF': '1', Cookie: cookie, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    recordResponse(`${method} ${p}`, res, text);
    answers.push({ text, headers: [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n') });
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
  }

  it('creates a webhook with custom headers and a payload, and lists it with its @-handle', async () => {
    const webhook = {
      name: 'deploy-bot',
      url: receiverUrl,
      payload: '{"title": "$EVENT_TITLE", "token": "$DEPLOY_TOKEN"}',
      customHeaders: { 'X-Team': 'web', 'X-Token': '$DEPLOY_TOKEN' },
      encodeAs: 'json',
    };
    // X-Token is a sensitive header: its value reads back masked.
    const shown = { ...webhook, customHeaders: { 'X-Team': 'web', 'X-Token': maskSecret('$DEPLOY_TOKEN') }, handle: '@webhook-deploy-bot' };
    const created = await call('POST', integrationPaths.webhooks, webhook);
    expect(created.status).toBe(201);
    expect(WebhookSchema.parse(created.json)).toEqual(shown);

    const variable = await call('POST', integrationPaths.customVariables, { name: 'DEPLOY_TOKEN', value: SECRET, isSecret: true });
    expect([variable.status, CustomVariableSchema.parse(variable.json)]).toEqual([201, { name: 'DEPLOY_TOKEN', isSecret: true, value: '******' }]);

    const list = WebhooksOverviewSchema.parse((await call('GET', integrationPaths.webhooks)).json);
    expect(list.listing).toBe('complete');
    expect(list.webhooks).toEqual([shown]);
    expect(list.customVariables).toEqual([{ name: 'DEPLOY_TOKEN', isSecret: true, value: '******' }]);
    expect(list.lastChange).toMatchObject({ action: 'integration.webhooks.variable.create' });

    const changed = await call('PUT', integrationPaths.webhook('deploy-bot'), { payload: null, customHeaders: { 'X-Team': 'platform' } });
    expect(WebhookSchema.parse(changed.json)).toMatchObject({ payload: null, customHeaders: { 'X-Team': 'platform' } });
  });

  it('sends a test delivery through the local Datadog: the receiver gets the secret, the answer only its mask', async () => {
    await call('PUT', integrationPaths.webhook('deploy-bot'), {
      payload: '{"title": "$EVENT_TITLE", "token": "$DEPLOY_TOKEN"}',
      customHeaders: { 'X-Team': 'web' },
    });
    const answer = await call('POST', integrationPaths.webhookTest('deploy-bot'));
    expect(answer.status).toBe(200);
    const result = WebhookTestResultSchema.parse(answer.json);
    expect(result).toMatchObject({ ok: true, status: 202 });
    expect(JSON.parse(result.sent)).toMatchObject({ token: '******' });
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]?.body ?? '{}')).toMatchObject({ token: SECRET });
    expect(received[0]?.headers['x-team']).toBe('web');
    expect(result.body).toContain('******');
  });

  it('keeps a sensitive header’s stored value when its mask comes back: the receiver gets the value, reads only the mask', async () => {
    const key = INTEGRATION_CANARIES.webhookApiKey;
    const set = await call('PUT', integrationPaths.webhook('deploy-bot'), { customHeaders: { 'X-Team': 'web', 'X-Api-Key': key } });
    expect(WebhookSchema.parse(set.json).customHeaders).toEqual({ 'X-Team': 'web', 'X-Api-Key': maskSecret(key) });
    // The form sends back what it read: the mask, and a changed plain header.
    const kept = await call('PUT', integrationPaths.webhook('deploy-bot'), { customHeaders: { 'X-Team': 'platform', 'X-Api-Key': maskSecret(key) } });
    expect(kept.status).toBe(200);
    expect(WebhookSchema.parse(kept.json).customHeaders).toEqual({ 'X-Team': 'platform', 'X-Api-Key': maskSecret(key) });
    const listed = WebhooksOverviewSchema.parse((await call('GET', integrationPaths.webhooks)).json);
    expect(listed.webhooks[0]?.customHeaders).toEqual({ 'X-Team': 'platform', 'X-Api-Key': maskSecret(key) });

    received.length = 0;
    expect((await call('POST', integrationPaths.webhookTest('deploy-bot'))).status).toBe(200);
    expect(received[0]?.headers['x-api-key']).toBe(key);
    expect(received[0]?.headers['x-team']).toBe('platform');
  });

  it('creates a PagerDuty service and shows only the mask of its key', async () => {
    const created = await call('POST', integrationPaths.pagerduty, { name: 'checkout-db', serviceKey: PD_KEY });
    expect([created.status, PagerDutyServiceSchema.parse(created.json)]).toEqual([
      201,
      { name: 'checkout-db', serviceKey: maskSecret(PD_KEY), handle: '@pagerduty-checkout-db' },
    ]);
    const list = PagerDutyOverviewSchema.parse((await call('GET', integrationPaths.pagerduty)).json);
    expect(list).toMatchObject({ listing: 'complete', services: [{ name: 'checkout-db', serviceKey: maskSecret(PD_KEY), handle: '@pagerduty-checkout-db' }] });

    // The mask sent back changes nothing; a new key rotates it.
    expect((await call('PUT', integrationPaths.pagerdutyService('checkout-db'), { serviceKey: maskSecret(PD_KEY) })).status).toBe(200);
    const rotated = INTEGRATION_CANARIES.pagerDutyKeyRotated;
    expect(PagerDutyServiceSchema.parse((await call('PUT', integrationPaths.pagerdutyService('checkout-db'), { serviceKey: rotated })).json).serviceKey).toBe(maskSecret(rotated));
    const after = PagerDutyOverviewSchema.parse((await call('GET', integrationPaths.pagerduty)).json);
    expect(after.services[0]?.serviceKey).toBe(maskSecret(rotated));
  });

  it('adds an AWS account and answers its external id; the list and the trust policy agree', async () => {
    const created = await call('POST', integrationPaths.aws, { accountId: '123456789012', roleName: 'DatadogAWSIntegrationRole', hostTags: ['team:web'] });
    expect(created.status).toBe(201);
    const { account, externalId } = AwsCreateResponseSchema.parse(created.json);
    expect(externalId).toMatch(/^[0-9a-f]{32}$/);
    expect(account).toEqual({ accountId: '123456789012', roleName: 'DatadogAWSIntegrationRole', filterTags: [], hostTags: ['team:web'], namespaceRules: {} });
    expect(awsTrustPolicy(externalId)).toContain(externalId);
    const list = AwsAccountListSchema.parse((await call('GET', integrationPaths.aws)).json);
    expect(list.accounts).toEqual([account]);

    const updated = await call('PUT', integrationPaths.awsAccount('123456789012', 'DatadogAWSIntegrationRole'), { ...account, filterTags: ['env:prod'] });
    expect(updated.status).toBe(200);
    expect(AwsAccountListSchema.parse((await call('GET', integrationPaths.aws)).json).accounts[0]?.filterTags).toEqual(['env:prod']);

    expect((await call('DELETE', integrationPaths.awsAccount('123456789012', 'DatadogAWSIntegrationRole'))).status).toBe(204);
    const again = await call('DELETE', integrationPaths.awsAccount('123456789012', 'DatadogAWSIntegrationRole'));
    expect([again.status, (again.json as { error: { message: string } }).error.message]).toEqual([404, 'AWS account 123456789012 does not exist in integration']);
  });

  it('answers a Slack account the local Datadog does not have with 404', async () => {
    const answer = await call('POST', integrationPaths.slackAccounts, { name: 'nobody' });
    expect(answer.status).toBe(404);
    expect(SlackOverviewSchema.parse((await call('GET', integrationPaths.slack)).json).accounts).toEqual([]);
  });

  it('finds a Slack account connected in Datadog, adds a channel and changes one switch of it', async () => {
    // Connected in Datadog (the local one's 2018 endpoint), as an admin would in Datadog's UI.
    const hook = await sandbox.fetch(
      new Request('http://local-datadog.invalid/api/v1/integration/slack', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'DD-API-KEY': KEYS.apiKey, 'DD-APPLICATION-KEY': KEYS.appKey },
        body: JSON.stringify({ service_hooks: [{ account: 'acme', url: 'https://hooks.slack.com/services/T0/B0/canaryhookpath' }] }),
      }),
    );
    expect(hook.status).toBe(204);
    const added = await call('POST', integrationPaths.slackAccounts, { name: 'acme' });
    expect([added.status, added.json]).toEqual([201, { name: 'acme', channels: [], error: null, listedBy: 'datadog' }]);
    const channel = await call('POST', integrationPaths.slackChannels('acme'), { name: 'alerts', display: { tags: false } });
    expect(SlackChannelSchema.parse(channel.json)).toEqual({
      name: '#alerts',
      display: { message: true, notified: true, snapshot: true, tags: false, muteButtons: false },
      handle: '@slack-alerts',
    });
    const changed = await call('PATCH', integrationPaths.slackChannel('acme', 'alerts'), { display: { snapshot: false } });
    expect(SlackChannelSchema.parse(changed.json).display).toEqual({ message: true, notified: true, snapshot: false, tags: false, muteButtons: false });
    const overview = SlackOverviewSchema.parse((await call('GET', integrationPaths.slack)).json);
    expect(overview.accounts).toEqual([{ name: 'acme', channels: [SlackChannelSchema.parse(changed.json)], error: null, listedBy: 'datadog' }]);
    expect(JSON.stringify(overview)).not.toContain('canaryhookpath');
    expect((await call('DELETE', integrationPaths.slackChannel('acme', '#alerts'))).status).toBe(204);
    // Datadog lists it itself: it cannot be taken off the list here.
    expect((await call('DELETE', integrationPaths.slackAccount('acme'))).status).toBe(409);
    // Disconnected in Datadog: the name added here stays, with Datadog's 404, until it is taken off.
    const disconnect = await sandbox.fetch(
      new Request('http://local-datadog.invalid/api/v1/integration/slack', {
        method: 'DELETE',
        headers: { 'DD-API-KEY': KEYS.apiKey, 'DD-APPLICATION-KEY': KEYS.appKey },
      }),
    );
    expect(disconnect.status).toBe(204);
    const orphaned = SlackOverviewSchema.parse((await call('GET', integrationPaths.slack)).json).accounts;
    expect(orphaned.map((a) => [a.name, a.listedBy, a.error !== null])).toEqual([['acme', 'watchdeck', true]]);
    expect((await call('DELETE', integrationPaths.slackAccount('acme'))).status).toBe(204);
    expect(SlackOverviewSchema.parse((await call('GET', integrationPaths.slack)).json).accounts).toEqual([]);
  });

  it('shows the four tiles from the local Datadog', async () => {
    const overview = IntegrationsOverviewSchema.parse((await call('GET', integrationPaths.overview)).json);
    expect(overview.webhookTestAvailable).toBe(true);
    expect(overview.tiles.map((t) => [t.kind, t.count, t.error])).toEqual([
      ['aws', 0, null],
      ['slack', 0, null],
      ['pagerduty', 1, null],
      ['webhooks', 1, null],
    ]);
    expect(overview.tiles.find((t) => t.kind === 'webhooks')?.handles).toEqual(['@webhook-deploy-bot']);
  });

  it('gets the local Datadog’s own answer to a test delivery: its deadline is within the default upstream timeout', () => {
    expect(WEBHOOK_TEST_DEADLINE_MS).toBeLessThanOrEqual(parseEnv({}).timeoutMs - 1000);
  });

  it('never answered with a stored secret', () => {
    expect(findLeaks(answers.map((a) => ({ label: 'answer', body: a.text, headers: a.headers })), Object.values(INTEGRATION_CANARIES))).toEqual([]);
  });
});
