import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INTEGRATIONS } from '../seed/demo-integrations';
import { startTestReceiver, type TestReceiver } from '../lib/webhook-test-receiver';
import { createTempSandbox, type CallResult, type TempSandbox } from '../testing/temp-sandbox';

/**
 * SECURITY.md 1-3 for the local Datadog's integrations: no answer of any
 * integration route (2xx or error) carries a stored secret, raw, URL-encoded
 * or base64, in its body or headers; a mask written back keeps the secret.
 */

const SLACK_HOOK = 'https://hooks.slack.com/services/TCANARY/BCANARY/canary-slack-hook-secret-1a2b3c';
const PD_KEY_V1 = 'canary-pd-key-v1-secret-4d5e6f';
const PD_KEY_2018 = 'canary-pd-key-2018-secret-7a8b9c';
const PD_TOKEN = 'canary-pd-api-token-secret-0d1e2f';
const VAR_SECRET = 'canary-custom-variable-secret-3a4b5c';

const CANARIES = [
  SLACK_HOOK,
  PD_KEY_V1,
  PD_KEY_2018,
  PD_TOKEN,
  VAR_SECRET,
  DEMO_INTEGRATIONS.slack.serviceHookUrl,
  ...DEMO_INTEGRATIONS.pagerduty.services.map((s) => s.service_key),
];

function forms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')];
}

function expectNoSecret(label: string, r: CallResult): void {
  const headers = [...r.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n');
  for (const secret of CANARIES) {
    for (const f of forms(secret)) {
      expect(r.text.includes(f), `${label} body has ${secret}`).toBe(false);
      expect(headers.includes(f), `${label} headers have ${secret}`).toBe(false);
    }
  }
}

let t: TempSandbox;
let receiver: TestReceiver;
beforeAll(async () => {
  // The receiver echoes everything it got, headers included.
  receiver = await startTestReceiver((req) => ({ status: 200, body: JSON.stringify(req) }));
  t = createTempSandbox();
  const setup: [string, string, unknown][] = [
    ['POST', '/api/v1/integration/slack', { service_hooks: [{ account: 'canary', url: SLACK_HOOK }], channels: [{ channel_name: '#c', account: 'canary' }] }],
    ['POST', '/api/v1/integration/pagerduty/configuration/services', { service_name: 'canary-v1', service_key: PD_KEY_V1 }],
    ['POST', '/api/v1/integration/pagerduty', { services: [{ service_name: 'canary-2018', service_key: PD_KEY_2018 }], api_token: PD_TOKEN, subdomain: 'c' }],
    ['POST', '/api/v1/integration/webhooks/configuration/custom-variables', { name: 'CANARY', value: VAR_SECRET, is_secret: true }],
    [
      'POST',
      '/api/v1/integration/webhooks/configuration/webhooks',
      { name: 'canary-hook', url: `${receiver.url}/x`, custom_headers: '{"X-Token": "$CANARY"}', payload: '{"t": "$CANARY"}' },
    ],
  ];
  for (const [method, path, body] of setup) {
    const r = await t.call(method, path, body);
    expect(r.status, `${method} ${path}: ${r.text}`).toBeLessThan(300);
    expectNoSecret(`setup ${method} ${path}`, r);
  }
});
afterAll(async () => {
  t.dispose();
  await receiver.close();
});

const PD = '/api/v1/integration/pagerduty/configuration/services';
const VARS = '/api/v1/integration/webhooks/configuration/custom-variables';
const CALLS: [string, string, unknown?][] = [
  ['GET', '/api/v1/integration/slack'],
  ['GET', '/api/v1/integration/slack/configuration/accounts/canary/channels'],
  ['GET', '/api/v1/integration/slack/configuration/accounts/canary/channels/%23c'],
  ['PATCH', '/api/v1/integration/slack/configuration/accounts/canary/channels/c', { display: { tags: false } }],
  ['POST', '/api/v1/integration/slack', { service_hooks: [{ account: 'canary', url: '******3c' }] }],
  ['POST', '/api/v1/integration/slack', { service_hooks: [{ account: 'canary', url: `${SLACK_HOOK} bad` }] }],
  ['PUT', '/api/v1/integration/slack', { service_hooks: [{ account: 'canary', url: { href: SLACK_HOOK } }] }],
  ['POST', '/api/v1/integration/slack', { service_hooks: [{ account: 'other', url: `ftp://${SLACK_HOOK}` }] }],
  ['GET', `${PD}/canary-v1`],
  ['GET', `${PD}/canary-2018`],
  ['PUT', `${PD}/canary-v1`, { service_key: '******2f3a' }],
  ['PUT', `${PD}/canary-v1`, { service_key: PD_KEY_V1, extra: PD_KEY_V1 }],
  ['PUT', `${PD}/canary-v1`, { service_key: [PD_KEY_V1] }],
  ['POST', '/api/v1/integration/pagerduty', { services: [{ service_name: 'n', service_key: { k: PD_KEY_2018 } }] }],
  ['POST', PD, { service_name: 'canary-v1', service_key: PD_KEY_V1 }],
  ['POST', PD, { service_name: 'x/y', service_key: PD_KEY_V1 }],
  ['GET', '/api/v1/integration/pagerduty'],
  ['PUT', '/api/v1/integration/pagerduty', { api_token: '******2f', services: [{ service_name: 'canary-v1', service_key: '******6f' }] }],
  ['POST', '/api/v1/integration/pagerduty', { api_token: [PD_TOKEN] }],
  ['GET', '/api/v1/integration/pagerduty'],
  ['GET', `${VARS}/CANARY`],
  ['PUT', `${VARS}/CANARY`, { is_secret: true }],
  ['PUT', `${VARS}/CANARY`, { is_secret: false }],
  ['POST', VARS, { name: 'CANARY', value: VAR_SECRET, is_secret: true }],
  ['PUT', `${VARS}/CANARY`, { value: [VAR_SECRET] }],
  ['GET', '/api/v1/integration/webhooks'],
  ['GET', '/api/v1/integration/webhooks/configuration/webhooks/canary-hook'],
  ['POST', '/api/v1/integration/webhooks/configuration/webhooks/canary-hook/test', {}],
  ['GET', '/api/v1/integration/aws'],
  ['POST', '/api/v1/integration/aws', { account_id: 'x', role_name: PD_TOKEN }],
];

describe('no integration route answers with a stored secret', () => {
  it.each(CALLS.map((c, i) => [`${i}: ${c[0]} ${c[1]}`, c] as const))('%s', async (_label, [method, path, body]) => {
    const r = await t.call(method, path, body);
    expect(r.status).toBeLessThan(500);
    expectNoSecret(`${method} ${path}`, r);
  });

  it('the masks read back and written back left every secret byte-identical (the test delivery still sends them)', async () => {
    const before = receiver.requests.length;
    const r = await t.call('POST', '/api/v1/integration/webhooks/configuration/webhooks/canary-hook/test', {});
    expect(r.body.ok).toBe(true);
    const got = receiver.requests[before]!;
    expect(got.headers['x-token']).toBe(VAR_SECRET);
    expect(JSON.parse(got.body)).toEqual({ t: VAR_SECRET });
    const pd = (await t.call('GET', '/api/v1/integration/pagerduty')).body;
    expect(pd.api_token).toBe(`******${PD_TOKEN.slice(-4)}`);
    expect(pd.services).toEqual([{ service_name: 'canary-v1', service_key: `******${PD_KEY_V1.slice(-4)}` }]);
    const slack = (await t.call('GET', '/api/v1/integration/slack')).body;
    expect(slack.service_hooks.find((h: { account: string }) => h.account === 'canary').url).toBe(`https://hooks.slack.com/******${SLACK_HOOK.slice(-4)}`);
  });
});
