import { describe, expect, it } from 'vitest';
import { DEFAULT_WEBHOOK_PAYLOAD } from '../../contract/webhook-template';
import { DEMO_INTEGRATIONS } from '../seed/demo-integrations';
import { createTempSandbox, disposedAfterEach, type Json } from '../testing/temp-sandbox';

const make = disposedAfterEach(createTempSandbox);

const SLACK = '/api/v1/integration/slack';
const PD = '/api/v1/integration/pagerduty';
const HOOKS = '/api/v1/integration/webhooks';
const channelsOf = (account: string) => `/api/v1/integration/slack/configuration/accounts/${account}/channels`;
const HOOK_URL = 'https://hooks.slack.com/services/T1/B1/canary-slack-hook-93b2';
const channelNames = (b: Json) => b.channels.map((c: Json) => `${c.account}/${c.channel_name}`);

describe('2018 /api/v1/integration/slack', () => {
  it('GET shows the demo account (hook URL masked) and the same channels as the v1 configuration', async () => {
    const t = make();
    const r = await t.call('GET', SLACK);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      service_hooks: [{ account: 'watchdeck-demo', url: 'https://hooks.slack.com/******hook' }],
      channels: DEMO_INTEGRATIONS.slack.channels.map((c) => ({ channel_name: c, transfer_all_user_comments: false, account: 'watchdeck-demo' })),
    });
    expect(r.text).not.toContain(DEMO_INTEGRATIONS.slack.serviceHookUrl);
    const v1 = await t.call('GET', channelsOf('watchdeck-demo'));
    expect(v1.body.map((c: Json) => c.name)).toEqual(r.body.channels.map((c: Json) => c.channel_name));
  });

  it('POST adds: a new account shows up as a v1 configuration account, with its channels; 204', async () => {
    const t = make();
    const r = await t.call('POST', SLACK, {
      service_hooks: [{ account: 'Main_Account', url: HOOK_URL }],
      channels: [
        { channel_name: '#private', transfer_all_user_comments: 'true', account: 'Main_Account' },
        { channel_name: 'heresachannel', account: 'Main_Account' },
      ],
    });
    expect(r.status).toBe(204);
    const v1 = await t.call('GET', channelsOf('Main_Account'));
    expect(v1.status).toBe(200);
    expect(v1.body).toEqual([
      { name: '#private', display: { message: true, mute_buttons: false, notified: true, snapshot: true, tags: true } },
      { name: '#heresachannel', display: { message: true, mute_buttons: false, notified: true, snapshot: true, tags: true } },
    ]);
    const legacy = await t.call('GET', SLACK);
    expect(channelNames(legacy.body)).toEqual([
      'watchdeck-demo/#ops-alerts',
      'watchdeck-demo/#checkout-oncall',
      'watchdeck-demo/#payments-oncall',
      'Main_Account/#private',
      'Main_Account/#heresachannel',
    ]);
    expect(legacy.body.channels[3].transfer_all_user_comments).toBe(true);
    expect(legacy.text).not.toContain(HOOK_URL);
    expect(legacy.body.service_hooks[1]).toEqual({ account: 'Main_Account', url: 'https://hooks.slack.com/******93b2' });
  });

  it('a channel added through v1 shows up in the 2018 body, and one deleted there is gone from both', async () => {
    const t = make();
    await t.call('POST', channelsOf('watchdeck-demo'), { name: '#sre' });
    expect(channelNames((await t.call('GET', SLACK)).body)).toContain('watchdeck-demo/#sre');
    await t.call('PUT', SLACK, { channels: [{ channel_name: '#sre', account: 'watchdeck-demo' }] });
    expect((await t.call('GET', channelsOf('watchdeck-demo'))).body.map((c: Json) => c.name)).toEqual(['#sre']);
  });

  it('PUT replaces what it lists: other accounts (and their channels) and other channels go; display settings of kept channels stay', async () => {
    const t = make();
    await t.call('PATCH', `${channelsOf('watchdeck-demo')}/ops-alerts`, { display: { tags: false } });
    await t.call('POST', SLACK, { service_hooks: [{ account: 'doghouse', url: HOOK_URL }], channels: [{ channel_name: '#dogs', account: 'doghouse' }] });
    const r = await t.call('PUT', SLACK, {
      service_hooks: [{ account: 'watchdeck-demo', url: '******hook' }],
      channels: [{ channel_name: '#ops-alerts', transfer_all_user_comments: false, account: 'watchdeck-demo' }],
    });
    expect(r.status).toBe(204);
    const legacy = (await t.call('GET', SLACK)).body;
    expect(legacy.service_hooks).toEqual([{ account: 'watchdeck-demo', url: 'https://hooks.slack.com/******hook' }]);
    expect(channelNames(legacy)).toEqual(['watchdeck-demo/#ops-alerts']);
    expect((await t.call('GET', channelsOf('doghouse'))).status).toBe(404);
    expect((await t.call('GET', `${channelsOf('watchdeck-demo')}/ops-alerts`)).body.display.tags).toBe(false);
  });

  it('400s: a channel of an unknown account, a masked URL for a new account, bad types; nothing is half-applied', async () => {
    const t = make();
    const before = (await t.call('GET', SLACK)).body;
    const cases: [Json, string][] = [
      [{ channels: [{ channel_name: '#x', account: 'nobody' }] }, "Slack account 'nobody' does not exist in integration"],
      [{ service_hooks: [{ account: 'new', url: '******abcd' }] }, 'send the service hook URL itself, not its mask'],
      // A hook URL is a secret: the message does not quote it.
      [{ service_hooks: [{ account: 'new', url: 'ftp://x' }] }, 'Invalid url: must be an http:// or https:// URL'],
      [{ service_hooks: [{ account: 'new' }] }, "'url' is a required property"],
      [{ channels: [{ channel_name: '#x', account: 'watchdeck-demo', transfer_all_user_comments: 'maybe' }] }, "'maybe' is not of type 'boolean'"],
      [{ channels: 'all' }, "'all' is not of type 'array'"],
      [{ service_hooks: [{ account: 'ok', url: HOOK_URL }], channels: [{ channel_name: '#x', account: 'ghost' }] }, "Slack account 'ghost'"],
      [{ webhooks: [] }, "Additional properties are not allowed ('webhooks' was unexpected)"],
    ];
    for (const [body, message] of cases) {
      const r = await t.call('POST', SLACK, body);
      expect(r.status, message).toBe(400);
      expect(r.body.errors[0]).toContain(message);
    }
    expect((await t.call('GET', SLACK)).body).toEqual(before);
  });

  it('DELETE removes the whole integration (204); GET then answers 404 and the v1 account is gone', async () => {
    const t = make();
    const r = await t.call('DELETE', SLACK);
    expect(r.status).toBe(204);
    const got = await t.call('GET', SLACK);
    expect(got.status).toBe(404);
    expect(got.body).toEqual({ errors: ['The slack integration is not configured'] });
    expect((await t.call('GET', channelsOf('watchdeck-demo'))).status).toBe(404);
  });
});

describe('2018 /api/v1/integration/pagerduty', () => {
  const KEY = 'canary-pd-service-key-5e21';
  const TOKEN = 'canary-pd-api-token-77aa';

  it('GET shows the same services as the v1 configuration, keys masked', async () => {
    const t = make();
    const r = await t.call('GET', PD);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      services: [
        { service_name: 'payments-primary', service_key: '******0001' },
        { service_name: 'platform-primary', service_key: '******0002' },
      ],
      subdomain: null,
      schedules: [],
      api_token: null,
    });
    for (const s of DEMO_INTEGRATIONS.pagerduty.services) expect(r.text).not.toContain(s.service_key);
  });

  it('POST adds services and schedules; v1 sees the services; PUT overrides only the parts it has', async () => {
    const t = make();
    const add = await t.call('POST', PD, {
      services: [{ service_name: 'search-primary', service_key: KEY }],
      subdomain: 'watchdeck',
      schedules: ['https://watchdeck.pagerduty.com/schedules#P1'],
      api_token: TOKEN,
    });
    expect(add.status).toBe(204);
    expect((await t.call('GET', '/api/v1/integration/pagerduty/configuration/services/search-primary')).body).toEqual({ service_name: 'search-primary' });
    await t.call('POST', PD, { schedules: ['https://watchdeck.pagerduty.com/schedules#P2', 'https://watchdeck.pagerduty.com/schedules#P1'] });
    let got = (await t.call('GET', PD)).body;
    expect(got.schedules).toEqual(['https://watchdeck.pagerduty.com/schedules#P1', 'https://watchdeck.pagerduty.com/schedules#P2']);
    expect(got.api_token).toBe('******77aa');
    expect(got.services.map((s: Json) => s.service_name)).toEqual(['payments-primary', 'platform-primary', 'search-primary']);

    // As the 2018 docs' example: PUT with only subdomain, schedules and api_token overrides those and keeps the services.
    const put = await t.call('PUT', PD, { subdomain: 'wd2', schedules: ['https://wd2.pagerduty.com/schedules#P9'], api_token: '******77aa' });
    expect(put.status).toBe(204);
    got = (await t.call('GET', PD)).body;
    expect(got).toMatchObject({ subdomain: 'wd2', schedules: ['https://wd2.pagerduty.com/schedules#P9'], api_token: '******77aa' });
    expect(got.services).toHaveLength(3);

    const replaced = await t.call('PUT', PD, { services: [{ service_name: 'platform-primary', service_key: '******0002' }] });
    expect(replaced.status).toBe(204);
    got = await t.call('GET', PD);
    expect(got.body.services).toEqual([{ service_name: 'platform-primary', service_key: '******0002' }]);
    expect((await t.call('GET', '/api/v1/integration/pagerduty/configuration/services/payments-primary')).status).toBe(404);
    expect(got.text).not.toContain(KEY);
    expect(got.text).not.toContain(TOKEN);
  });

  it('a service made through v1 shows up here; 400s change nothing', async () => {
    const t = make();
    await t.call('POST', '/api/v1/integration/pagerduty/configuration/services', { service_name: 'data-primary', service_key: KEY });
    expect((await t.call('GET', PD)).body.services.map((s: Json) => s.service_name)).toContain('data-primary');
    const before = (await t.call('GET', PD)).body;
    for (const [body, message] of [
      [{ services: [{ service_name: 'new-one', service_key: '******abcd' }] }, 'send the key itself, not its mask'],
      [{ services: [{ service_name: 'x' }] }, "'service_key' is a required property"],
      [{ schedules: 'P1' }, "'P1' is not of type 'array'"],
      [{ subdomain: 3 }, "3 is not of type 'string'"],
      [{ services: [{ service_name: 'ok', service_key: KEY }, { service_name: 'bad', service_key: '******' }] }, "service 'bad'"],
    ] as const) {
      const r = await t.call('PUT', PD, body);
      expect(r.status, message).toBe(400);
      expect(r.body.errors[0]).toContain(message);
      expect(r.text).not.toContain(KEY);
    }
    expect((await t.call('GET', PD)).body).toEqual(before);
  });

  it('DELETE removes services and settings; GET is then a 404', async () => {
    const t = make();
    await t.call('POST', PD, { subdomain: 'x', api_token: TOKEN });
    expect((await t.call('DELETE', PD)).status).toBe(204);
    const got = await t.call('GET', PD);
    expect(got.status).toBe(404);
    expect(got.body).toEqual({ errors: ['The pagerduty integration is not configured'] });
    expect((await t.call('GET', '/api/v1/integration/pagerduty/configuration/services/payments-primary')).status).toBe(404);
  });
});

describe('2018 /api/v1/integration/webhooks', () => {
  it('GET lists the same webhooks as the v1 configuration', async () => {
    const t = make();
    const r = await t.call('GET', HOOKS);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      hooks: [
        {
          name: 'ops-bridge',
          url: DEMO_INTEGRATIONS.webhook.url,
          use_custom_payload: true,
          custom_payload: DEMO_INTEGRATIONS.webhook.payload,
          encode_as: 'json',
          encode_as_form: false,
          headers: DEMO_INTEGRATIONS.webhook.customHeaders,
        },
      ],
    });
  });

  it('POST adds hooks (string booleans, encode_as_form, headers); v1 serves them with its defaults', async () => {
    const t = make();
    const r = await t.call('POST', HOOKS, {
      hooks: [
        { name: 'somehook', url: 'http://requestb.in/v1srg7v1', use_custom_payload: 'false', custom_payload: '', encode_as_form: 'false', headers: '' },
        { name: 'formhook', url: 'https://e.com/f', use_custom_payload: 'true', custom_payload: '{"a": "$ID"}', encode_as_form: 'true', headers: '{"X-T": "1"}' },
      ],
    });
    expect(r.status).toBe(204);
    expect((await t.call('GET', '/api/v1/integration/webhooks/configuration/webhooks/somehook')).body).toEqual({
      name: 'somehook',
      url: 'http://requestb.in/v1srg7v1',
      encode_as: 'json',
      custom_headers: null,
      payload: DEFAULT_WEBHOOK_PAYLOAD,
    });
    expect((await t.call('GET', '/api/v1/integration/webhooks/configuration/webhooks/formhook')).body).toEqual({
      name: 'formhook',
      url: 'https://e.com/f',
      encode_as: 'form',
      custom_headers: '{"X-T": "1"}',
      payload: '{"a": "$ID"}',
    });
    // POST of an existing hook keeps what the entry leaves out.
    await t.call('POST', HOOKS, { hooks: [{ name: 'formhook', url: 'https://e.com/g' }] });
    expect((await t.call('GET', '/api/v1/integration/webhooks/configuration/webhooks/formhook')).body).toMatchObject({
      url: 'https://e.com/g',
      encode_as: 'form',
      payload: '{"a": "$ID"}',
    });
  });

  it('PUT replaces the list: unlisted hooks go, listed ones are rewritten from their entry', async () => {
    const t = make();
    await t.call('POST', '/api/v1/integration/webhooks/configuration/webhooks', { name: 'extra', url: 'https://e.com/x' });
    const r = await t.call('PUT', HOOKS, { hooks: [{ name: 'ops-bridge', url: 'https://e.com/new' }] });
    expect(r.status).toBe(204);
    const hooks = (await t.call('GET', HOOKS)).body.hooks;
    expect(hooks).toEqual([
      { name: 'ops-bridge', url: 'https://e.com/new', use_custom_payload: false, custom_payload: null, encode_as: 'json', encode_as_form: false, headers: null },
    ]);
    expect((await t.call('GET', '/api/v1/integration/webhooks/configuration/webhooks/extra')).status).toBe(404);
  });

  it('400s: no hooks, a new hook without url, a custom payload flag without a payload, bad encodings', async () => {
    const t = make();
    for (const [body, message] of [
      [{}, "'hooks' is a required property"],
      [{ hooks: [{ name: 'new' }] }, "'url' is a required property"],
      [{ hooks: [{ name: 'new', url: 'https://e.com', use_custom_payload: true }] }, 'custom_payload is required when use_custom_payload is true'],
      [{ hooks: [{ name: 'new', url: 'https://e.com', encode_as: 'xml' }] }, "'xml' is not one of ['json', 'form']"],
      [{ hooks: [{ name: 'new', url: 'https://e.com', encode_as_form: 'sometimes' }] }, "'sometimes' is not of type 'boolean'"],
      [{ hooks: [{ name: 'new', url: 'https://e.com', headers: 'nope' }] }, 'Invalid headers'],
    ] as const) {
      const r = await t.call('POST', HOOKS, body);
      expect(r.status, message).toBe(400);
      expect(r.body.errors[0]).toContain(message);
    }
    expect((await t.call('GET', HOOKS)).body.hooks).toHaveLength(1);
  });

  it('DELETE removes every webhook and custom variable; GET is then a 404', async () => {
    const t = make();
    expect((await t.call('DELETE', HOOKS)).status).toBe(204);
    expect((await t.call('GET', HOOKS)).body).toEqual({ errors: ['The webhooks integration is not configured'] });
    expect((await t.call('GET', '/api/v1/integration/webhooks/configuration/webhooks/ops-bridge')).status).toBe(404);
    expect((await t.call('GET', '/api/v1/integration/webhooks/configuration/custom-variables/OPS_BRIDGE_ENV')).status).toBe(404);
  });
});
