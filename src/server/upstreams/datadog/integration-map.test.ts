import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  AwsAccountSchema,
  CustomVariableSchema,
  PagerDutyServiceSchema,
  SlackChannelSchema,
  WebhookSchema,
  WebhookTestResultSchema,
} from '../../../contract/integrations';
import { DEFAULT_WEBHOOK_PAYLOAD } from '../../../contract/webhook-template';
import {
  awsWrite,
  legacyToWebhook,
  maskedServiceKey,
  maskSensitiveHeaders,
  readCustomHeaders,
  toAwsAccount,
  toCustomVariable,
  toPagerDutyService,
  toSlackChannel,
  toWebhook,
  toWebhookTestResult,
  webhookCreateWrite,
  webhookUpdateWrite,
  writeCustomHeaders,
} from './integration-map';
import {
  RawAwsAccountListSchema,
  RawAwsCreateResponseSchema,
  RawCustomVariableSchema,
  RawLegacyPagerDutySchema,
  RawLegacySlackSchema,
  RawLegacyWebhooksSchema,
  RawPagerDutyServiceSchema,
  RawSlackChannelListSchema,
  RawSlackChannelSchema,
  RawWebhookSchema,
  RawWebhookTestResultSchema,
} from './integration-schemas';

/** Every recorded integration body through the raw schema, the mapper and the contract (DESIGN.md). */
const DIR = path.resolve(process.cwd(), '../shared/conformance/datadog');
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(DIR, file), 'utf8'));

describe('recorded integration bodies', () => {
  it('reads the AWS list and the create answer', () => {
    const list = RawAwsAccountListSchema.parse(read('aws.list.SPEC_EXAMPLE.response.json'));
    expect((list.accounts ?? []).map((a) => AwsAccountSchema.parse(toAwsAccount(a)))).toEqual([
      {
        accountId: '123456789012',
        roleName: 'DatadogAWSIntegrationRole',
        filterTags: ['$KEY:$VALUE'],
        hostTags: ['$KEY:$VALUE'],
        namespaceRules: { auto_scaling: false },
      },
    ]);
    expect(RawAwsCreateResponseSchema.parse(read('aws.create.response.json')).external_id).toBe('acb8f6b8a844443dbb726d07dcb1a870');
  });

  it('reads every Slack channel body', () => {
    const list = RawSlackChannelListSchema.parse(read('slack.channels.list.SPEC_EXAMPLE.response.json'));
    expect(list.map((c) => SlackChannelSchema.parse(toSlackChannel(c, 'main', 1)))).toEqual([
      {
        name: '#test-channel',
        display: { message: true, notified: true, snapshot: true, tags: true, muteButtons: false },
        handle: '@slack-test-channel',
      },
    ]);
    for (const f of ['slack.channels.get.SPEC_EXAMPLE.response.json', 'slack.channels.create.SPEC_EXAMPLE.response.json', 'slack.channels.update.SPEC_EXAMPLE.response.json']) {
      expect(toSlackChannel(RawSlackChannelSchema.parse(read(f)), 'ops', 2).handle).toBe('@slack-ops-test-channel');
    }
  });

  it('reads the PagerDuty service bodies (no key in them: null)', () => {
    for (const f of ['pagerduty.services.get.SPEC_EXAMPLE.response.json', 'pagerduty.services.create.SPEC_EXAMPLE.response.json']) {
      expect(PagerDutyServiceSchema.parse(toPagerDutyService(RawPagerDutyServiceSchema.parse(read(f))))).toEqual({
        name: 'test-service',
        serviceKey: null,
        handle: '@pagerduty-test-service',
      });
    }
  });

  it('reads the webhook bodies: Datadog’s filled-in default payload is null, custom_headers null is none', () => {
    for (const f of ['webhooks.create.response.json', 'webhooks.get.response.json', 'webhooks.update.response.json']) {
      const raw = RawWebhookSchema.parse(read(f));
      const { webhook, headersUnreadable } = toWebhook(raw);
      expect(WebhookSchema.parse(webhook)).toMatchObject({ payload: null, customHeaders: {}, encodeAs: 'json', handle: `@webhook-${raw.name}` });
      expect(headersUnreadable).toBe(false);
    }
  });

  it('reads the custom variable bodies; a secret one has no value and reads as the mask', () => {
    expect(CustomVariableSchema.parse(toCustomVariable(RawCustomVariableSchema.parse(read('webhooks.custom_variables.create.response.json'))))).toEqual({
      name: 'TESTCREATEACUSTOMVARIABLERETURNSOKRESPONSE1652349031',
      isSecret: true,
      value: '******',
    });
    expect(toCustomVariable(RawCustomVariableSchema.parse(read('webhooks.custom_variables.update.response.json')))).toEqual({
      name: 'TESTUPDATEACUSTOMVARIABLERETURNSOKRESPONSE1652349056',
      isSecret: false,
      value: 'variable-updated',
    });
  });
});

describe('AWS writes', () => {
  const input = { accountId: '123456789012', roleName: 'DatadogRole', filterTags: ['env:prod'], hostTags: ['team:web'], namespaceRules: { ec2: false } };

  it('sends the v1 body', () => {
    expect(awsWrite(input)).toEqual({
      account_id: '123456789012',
      role_name: 'DatadogRole',
      filter_tags: ['env:prod'],
      host_tags: ['team:web'],
      account_specific_namespace_rules: { ec2: false },
    });
  });

  it('keeps the fields watchdeck does not edit from the current account, but never an access key', () => {
    const current = RawAwsAccountListSchema.parse({
      accounts: [{ account_id: '123456789012', role_name: 'DatadogRole', excluded_regions: ['us-east-1'], metrics_collection_enabled: false, access_key_id: 'AKIA0', filter_tags: ['old'] }],
    }).accounts?.[0];
    expect(awsWrite(input, current)).toEqual({
      account_id: '123456789012',
      role_name: 'DatadogRole',
      excluded_regions: ['us-east-1'],
      metrics_collection_enabled: false,
      filter_tags: ['env:prod'],
      host_tags: ['team:web'],
      account_specific_namespace_rules: { ec2: false },
    });
  });

  it('drops list items without an account id and non-boolean namespace rules', () => {
    const list = RawAwsAccountListSchema.parse({ accounts: [{ role_name: 'x' }, { account_id: '1', account_specific_namespace_rules: { a: true, b: 'no' }, filter_tags: ['t', 3] }] });
    expect((list.accounts ?? []).map(toAwsAccount)).toEqual([{ accountId: '1', roleName: '', filterTags: ['t'], hostTags: [], namespaceRules: { a: true } }]);
  });
});

describe('PagerDuty keys never leave in the clear', () => {
  it.each([
    ['******7890', '******7890'],
    ['****7890', '******7890'],
    ['******', '******'],
    ['a-raw-service-key-1234', '******1234'],
    ['short', '******'],
    ['xx******the-rest-of-a-key', '******-key'],
    [null, null],
    ['', null],
  ])('%s reads as %s', (raw, shown) => {
    expect(maskedServiceKey(raw)).toBe(shown);
  });

  it('masks a raw key in the 2018 listing', () => {
    const legacy = RawLegacyPagerDutySchema.parse({ services: [{ service_name: 'db', service_key: 'abcdefgh12345678' }, { nope: 1 }], subdomain: 'acme', api_token: '******wxyz' });
    expect((legacy.services ?? []).map(toPagerDutyService)).toEqual([{ name: 'db', serviceKey: '******5678', handle: '@pagerduty-db' }]);
  });
});

describe('webhook headers, payloads and encodings', () => {
  it.each([
    ['{"X-Token":"abc","X-Num":5}', { headers: { 'X-Token': 'abc', 'X-Num': '5' }, unreadable: false }],
    [{ 'X-A': 'b' }, { headers: { 'X-A': 'b' }, unreadable: false }],
    ['null', { headers: {}, unreadable: false }],
    [null, { headers: {}, unreadable: false }],
    ['', { headers: {}, unreadable: false }],
    ['not json', { headers: {}, unreadable: true }],
    ['["a"]', { headers: {}, unreadable: true }],
    ['{"X-A":"b","X-Obj":{"c":1}}', { headers: { 'X-A': 'b' }, unreadable: true }],
  ])('reads custom headers %j', (raw, want) => {
    expect(readCustomHeaders(raw as never)).toEqual(want);
  });

  it('masks the value of a sensitive header (a credential) on every read, and keeps a "__proto__" header a plain name', () => {
    const raw = '{"Authorization":"Bearer abcdefgh1234","x-api-key":"short","X-Team":"web","__proto__":"p"}';
    const masked = maskSensitiveHeaders(readCustomHeaders(raw).headers);
    expect(JSON.stringify(masked)).toBe('{"Authorization":"******1234","x-api-key":"******","X-Team":"web","__proto__":"p"}');
    expect(JSON.stringify(toWebhook({ name: 'a', custom_headers: raw }).webhook.customHeaders)).toBe(JSON.stringify(masked));
    expect(legacyToWebhook({ name: 'a', headers: raw }).webhook.customHeaders.Authorization).toBe('******1234');
    expect(JSON.stringify(maskSensitiveHeaders({ 'X-Session-Id': 'sess-0123456789', 'X-Request-Id': 'r-1' }))).toBe('{"X-Session-Id":"******6789","X-Request-Id":"r-1"}');
  });

  it('writes headers as JSON text, none as null', () => {
    expect(writeCustomHeaders({ 'X-A': 'b "c"' })).toBe('{"X-A":"b \\"c\\""}');
    expect(writeCustomHeaders({})).toBeNull();
  });

  it('reads a 2018 hook: string booleans, form encoding, headers as text', () => {
    const legacy = RawLegacyWebhooksSchema.parse({
      hooks: [
        { name: 'a', url: 'https://a.example', use_custom_payload: 'true', custom_payload: '{"x":1}', encode_as_form: 'true', headers: '{"X-A":"1"}' },
        { name: 'b', url: 'https://b.example', use_custom_payload: false, custom_payload: '{"x":1}', encode_as: 'json', headers: null },
        { name: 'c', url: 'https://c.example', custom_payload: DEFAULT_WEBHOOK_PAYLOAD },
      ],
    });
    expect((legacy.hooks ?? []).map((h) => legacyToWebhook(h).webhook)).toEqual([
      { name: 'a', url: 'https://a.example', payload: '{"x":1}', customHeaders: { 'X-A': '1' }, encodeAs: 'form', handle: '@webhook-a' },
      { name: 'b', url: 'https://b.example', payload: null, customHeaders: {}, encodeAs: 'json', handle: '@webhook-b' },
      { name: 'c', url: 'https://c.example', payload: null, customHeaders: {}, encodeAs: 'json', handle: '@webhook-c' },
    ]);
  });

  it('leaves a default payload and no headers out of a create, and sends only the given fields on an update', () => {
    expect(webhookCreateWrite({ name: 'n', url: 'https://x.example/h', payload: null, customHeaders: {}, encodeAs: 'json' })).toEqual({
      name: 'n',
      url: 'https://x.example/h',
      encode_as: 'json',
    });
    expect(webhookUpdateWrite({ payload: null, customHeaders: {} })).toEqual({ payload: null, custom_headers: null });
    expect(webhookUpdateWrite({ encodeAs: 'form' })).toEqual({ encode_as: 'form' });
  });
});

describe('custom variables and test deliveries', () => {
  it('shows a secret variable as the mask even if Datadog sent its value', () => {
    expect(toCustomVariable(RawCustomVariableSchema.parse({ name: 'TOKEN', is_secret: true, value: 'leaked-value' }))).toEqual({
      name: 'TOKEN',
      isSecret: true,
      value: '******',
    });
  });

  it('maps the local Datadog’s test delivery answer', () => {
    const raw = RawWebhookTestResultSchema.parse({ ok: false, status: null, body: 'connect ECONNREFUSED', duration_ms: 12, attempts: 3, sent: '{}' });
    expect(WebhookTestResultSchema.parse(toWebhookTestResult(raw))).toEqual({ ok: false, status: null, body: 'connect ECONNREFUSED', durationMs: 12, sent: '{}' });
  });

  it('reads the 2018 Slack body’s accounts, tolerating junk items', () => {
    expect(RawLegacySlackSchema.parse({ service_hooks: [{ account: 'main', url: '******abcd' }, 7, { url: 'x' }] }).service_hooks).toEqual([
      { account: 'main', url: '******abcd' },
      null,
      { url: 'x' },
    ]);
  });
});
