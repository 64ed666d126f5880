import { integrationPaths } from '../../../contract/api-paths';
import { CustomVariableSchema, WebhookSchema, WebhooksOverviewSchema, WebhookTestResultSchema } from '../../../contract/integrations';
import { maskSecret, SECRET_MASK } from '../../../contract/secrets';
import { DEFAULT_WEBHOOK_PAYLOAD } from '../../../contract/webhook-template';
import { INTEGRATION_CANARIES, NOW } from '../../testing/fixtures';
import { apiError } from '../../testing/test-app';
import { DD, rawWebhook, sent, setupAdmin } from './integration-test-kit';

const SECRET = INTEGRATION_CANARIES.secretVariable;
const HOOK = `${DD.hooks}/deploy-bot`;
const payload = '{"title": "$EVENT_TITLE", "token": "$API_TOKEN", "n": 1}';
const input = {
  name: 'deploy-bot',
  url: 'https://hooks.example.com/services/T000/B000/secretpath',
  payload,
  customHeaders: { 'X-Team': 'web', Authorization: 'Bearer $API_TOKEN' },
  encodeAs: 'json',
};

describe('GET /api/integrations/webhooks', () => {
  it('lists every webhook from the 2018 body (complete) and the custom variables added here, secret values masked', async () => {
    const { call, fake, store } = setupAdmin();
    store.integrationNames.add('custom_variable', 'API_TOKEN', 'someone', NOW);
    store.integrationNames.add('custom_variable', 'REGION', 'someone', NOW);
    store.integrationNames.add('custom_variable', 'GONE', 'someone', NOW);
    fake.on('GET', DD.legacyWebhooks, {
      body: {
        hooks: [
          { name: 'deploy-bot', url: 'https://a.example/h', use_custom_payload: 'true', custom_payload: payload, encode_as_form: 'false', headers: '{"X-Team":"web"}' },
          { name: 'plain', url: 'https://b.example/h', use_custom_payload: 'false', custom_payload: null, encode_as: 'form', headers: null },
        ],
      },
    });
    // Datadog leaves a secret's value out; one that sends it anyway is masked all the same.
    fake.on('GET', `${DD.variables}/API_TOKEN`, { body: { name: 'API_TOKEN', is_secret: true, value: SECRET } });
    fake.on('GET', `${DD.variables}/REGION`, { body: { name: 'REGION', is_secret: false, value: 'eu-west-1' } });
    fake.on('GET', `${DD.variables}/GONE`, { status: 404, body: { errors: ['Custom variable does not exist'] } });
    const answer = await call('GET', integrationPaths.webhooks);
    expect(answer.status).toBe(200);
    expect(WebhooksOverviewSchema.parse(answer.json)).toEqual({
      webhooks: [
        { name: 'deploy-bot', url: 'https://a.example/h', payload, customHeaders: { 'X-Team': 'web' }, encodeAs: 'json', handle: '@webhook-deploy-bot' },
        { name: 'plain', url: 'https://b.example/h', payload: null, customHeaders: {}, encodeAs: 'form', handle: '@webhook-plain' },
      ],
      customVariables: [
        { name: 'API_TOKEN', isSecret: true, value: '******' },
        { name: 'REGION', isSecret: false, value: 'eu-west-1' },
      ],
      listing: 'complete',
      lastChange: null,
    });
    expect(fake.requests.map((r) => r.path).sort()).toEqual([
      DD.legacyWebhooks,
      `${DD.variables}/API_TOKEN`,
      `${DD.variables}/GONE`,
      `${DD.variables}/REGION`,
    ]);
  });

  it('falls back to the webhooks added here, each by name (partial), when the 2018 body is missing', async () => {
    const { call, fake, store } = setupAdmin();
    store.integrationNames.add('webhook', 'deploy-bot', 'someone', NOW);
    store.integrationNames.add('webhook', 'gone', 'someone', NOW);
    fake.on('GET', DD.legacyWebhooks, { status: 404, body: { errors: ['Not found'] } });
    fake.on('GET', HOOK, { body: rawWebhook('deploy-bot', { custom_headers: '{"X-Team":"web"}', payload: DEFAULT_WEBHOOK_PAYLOAD }) });
    fake.on('GET', `${DD.hooks}/gone`, { status: 404, body: { errors: ['Webhook does not exist'] } });
    const body = WebhooksOverviewSchema.parse((await call('GET', integrationPaths.webhooks)).json);
    expect(body).toMatchObject({
      webhooks: [{ name: 'deploy-bot', url: 'https://hooks.example.com/deploy-bot', payload: null, customHeaders: { 'X-Team': 'web' }, encodeAs: 'json' }],
      customVariables: [],
      listing: 'partial',
    });
  });

  it('shows custom headers that are not JSON as none, and says so in the log without their value', async () => {
    const { call, fake, logs } = setupAdmin();
    fake.on('GET', DD.legacyWebhooks, { body: { hooks: [{ name: 'odd', url: 'https://c.example', headers: 'Authorization: Bearer tok-12345678' }] } });
    const body = WebhooksOverviewSchema.parse((await call('GET', integrationPaths.webhooks)).json);
    expect(body.webhooks[0]?.customHeaders).toEqual({});
    const line = logs.find((l) => l.includes('webhook custom headers'));
    expect(line).toContain('"webhook":"odd"');
    expect(logs.join('\n')).not.toContain('tok-12345678');
  });
});

describe('POST /api/integrations/webhooks', () => {
  it('creates the webhook with its headers as JSON text and its payload, answers 201 with the @-handle', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('POST', DD.hooks, (req) => ({ status: 201, body: req.body }));
    const answer = await call('POST', integrationPaths.webhooks, input);
    expect(answer.status).toBe(201);
    // Authorization is a sensitive header: its value reads back masked.
    expect(WebhookSchema.parse(answer.json)).toEqual({
      ...input,
      customHeaders: { 'X-Team': 'web', Authorization: maskSecret('Bearer $API_TOKEN') },
      handle: '@webhook-deploy-bot',
    });
    expect(sent(fake)).toEqual([
      [
        'POST',
        DD.hooks,
        {
          name: 'deploy-bot',
          url: input.url,
          payload,
          custom_headers: JSON.stringify(input.customHeaders),
          encode_as: 'json',
        },
      ],
    ]);
    expect(store.integrationNames.list('webhook')).toEqual(['deploy-bot']);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({
      action: 'integration.webhooks.create',
      target: 'webhook:deploy-bot',
      status: 201,
      detail: 'url=https://hooks.example.com/******path; encodeAs=json; payload=custom; headers=Authorization,X-Team; Authorization set',
    });
  });

  it('leaves a default payload and no headers to Datadog’s defaults', async () => {
    const { call, fake } = setupAdmin();
    fake.on('POST', DD.hooks, { status: 201, body: rawWebhook('plain', { payload: DEFAULT_WEBHOOK_PAYLOAD }) });
    const answer = await call('POST', integrationPaths.webhooks, { name: 'plain', url: 'https://hooks.example.com/plain' });
    expect(WebhookSchema.parse(answer.json)).toMatchObject({ payload: null, customHeaders: {}, encodeAs: 'json' });
    expect(fake.requests[0]?.body).toEqual({ name: 'plain', url: 'https://hooks.example.com/plain', encode_as: 'json' });
  });

  it('answers a taken name with 409 conflict', async () => {
    const { call, fake } = setupAdmin();
    fake.on('POST', DD.hooks, { status: 409, body: { errors: ['Webhook already exists'] } });
    const answer = await call('POST', integrationPaths.webhooks, input);
    expect([answer.status, apiError(answer).code, apiError(answer).fields]).toEqual([409, 'conflict', { name: ['Webhook already exists'] }]);
  });

  it.each([
    ['a malformed URL', { ...input, url: 'not a url' }, ['url']],
    ['a non-http URL', { ...input, url: 'ftp://x.example/h' }, ['url']],
    ['no URL', { name: 'x' }, ['url']],
    ['a bad encode_as', { ...input, encodeAs: 'xml' }, ['encodeAs']],
    ['a payload that is not JSON', { ...input, payload: '{"a": $EVENT_TITLE' }, ['payload']],
    ['a header name with a space', { ...input, customHeaders: { 'X Team': 'web' } }, ['customHeaders.X Team']],
    ['a two-line header value', { ...input, customHeaders: { 'X-Team': 'a\r\nX-Evil: 1' } }, ['customHeaders.X-Team']],
    ['a bad name', { ...input, name: 'deploy bot' }, ['name']],
    ['a snake_case field', { ...input, encode_as: 'json' }, ['encode_as']],
  ])('rejects %s with 400, the field, and nothing upstream', async (_n, body, fields) => {
    const { call, fake } = setupAdmin();
    const answer = await call('POST', integrationPaths.webhooks, body);
    expect([answer.status, Object.keys(apiError(answer).fields ?? {})]).toEqual([400, fields]);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('PUT /api/integrations/webhooks/:name', () => {
  it('sends only the fields given; a null payload goes back to the default and {} removes the headers', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('PUT', HOOK, { body: rawWebhook('deploy-bot', { url: 'https://new.example/h', payload: DEFAULT_WEBHOOK_PAYLOAD, custom_headers: null }) });
    const answer = await call('PUT', integrationPaths.webhook('deploy-bot'), { url: 'https://new.example/h', payload: null, customHeaders: {} });
    expect(answer.status).toBe(200);
    expect(WebhookSchema.parse(answer.json)).toEqual({
      name: 'deploy-bot',
      url: 'https://new.example/h',
      payload: null,
      customHeaders: {},
      encodeAs: 'json',
      handle: '@webhook-deploy-bot',
    });
    expect(sent(fake)).toEqual([['PUT', HOOK, { url: 'https://new.example/h', payload: null, custom_headers: null }]]);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({
      action: 'integration.webhooks.update',
      target: 'webhook:deploy-bot',
      detail: 'url=https://new.example/******; payload=default; headers=none',
    });
  });

  it('changes the encoding alone', async () => {
    const { call, fake } = setupAdmin();
    fake.on('PUT', HOOK, { body: rawWebhook('deploy-bot', { encode_as: 'form' }) });
    expect(WebhookSchema.parse((await call('PUT', integrationPaths.webhook('deploy-bot'), { encodeAs: 'form' })).json).encodeAs).toBe('form');
    expect(fake.requests[0]?.body).toEqual({ encode_as: 'form' });
  });

  it('answers a webhook Datadog does not have with 404 and its words', async () => {
    const { call, fake } = setupAdmin();
    fake.on('PUT', HOOK, { status: 404, body: { errors: ['Webhook does not exist'] } });
    const answer = await call('PUT', integrationPaths.webhook('deploy-bot'), { encodeAs: 'form' });
    expect([answer.status, apiError(answer).upstream]).toEqual([404, ['Webhook does not exist']]);
  });

  it('rejects nothing to change, a bad URL and a bad name with 400 and nothing upstream', async () => {
    const { call, fake } = setupAdmin();
    const empty = await call('PUT', integrationPaths.webhook('deploy-bot'), {});
    expect(apiError(empty).fields).toEqual({ body: ['Nothing to change'] });
    expect((await call('PUT', integrationPaths.webhook('deploy-bot'), { url: 'javascript:alert(1)' })).status).toBe(400);
    expect((await call('PUT', '/api/integrations/webhooks/bad%20name', { encodeAs: 'form' })).status).toBe(400);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('sensitive custom headers (write-only, SECURITY 2 and 3)', () => {
  const AUTH = INTEGRATION_CANARIES.webhookAuthorization;
  const ROTATED = INTEGRATION_CANARIES.webhookAuthorizationRotated;
  const API_KEY = INTEGRATION_CANARIES.webhookApiKey;
  const STORED = { Authorization: AUTH, 'X-Api-Key': API_KEY, 'X-Team': 'web' };
  const storedHook = () => rawWebhook('deploy-bot', { custom_headers: JSON.stringify(STORED) });
  /** Datadog's PUT answers the whole webhook: here, what it was sent. */
  const echoPut = (fake: ReturnType<typeof setupAdmin>['fake']) =>
    fake.on('PUT', HOOK, (req) => ({ body: rawWebhook('deploy-bot', req.body as Record<string, unknown>) }));
  const sentHeaders = (fake: ReturnType<typeof setupAdmin>['fake']) =>
    JSON.parse((fake.calls('PUT', HOOK)[0]?.body as { custom_headers: string }).custom_headers) as Record<string, string>;

  it('reads show a sensitive header’s value as its mask, other headers as they are (2018 listing and by name)', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('GET', DD.legacyWebhooks, { body: { hooks: [{ name: 'deploy-bot', url: 'https://a.example/h', headers: JSON.stringify(STORED) }] } });
    const listed = await call('GET', integrationPaths.webhooks);
    const masked = { Authorization: maskSecret(AUTH), 'X-Api-Key': maskSecret(API_KEY), 'X-Team': 'web' };
    expect(WebhooksOverviewSchema.parse(listed.json).webhooks[0]?.customHeaders).toEqual(masked);

    store.integrationNames.add('webhook', 'deploy-bot', 'someone', NOW);
    fake.reset();
    fake.on('GET', DD.legacyWebhooks, { status: 404, body: { errors: ['Not found'] } });
    fake.on('GET', HOOK, { body: storedHook() });
    const partial = await call('GET', integrationPaths.webhooks);
    expect(WebhooksOverviewSchema.parse(partial.json).webhooks[0]?.customHeaders).toEqual(masked);
    for (const answer of [listed, partial]) {
      expect(answer.text).not.toContain(AUTH);
      expect(answer.text).not.toContain(API_KEY);
    }
  });

  it('a PUT that sends the masks back keeps the exact stored values upstream; the answer is masked', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('GET', HOOK, { body: storedHook() });
    echoPut(fake);
    const read = { Authorization: maskSecret(AUTH), 'X-Api-Key': maskSecret(API_KEY), 'X-Team': 'platform' };
    const answer = await call('PUT', integrationPaths.webhook('deploy-bot'), { customHeaders: read });
    expect(answer.status).toBe(200);
    expect(sent(fake).map(([method, path]) => [method, path])).toEqual([
      ['GET', HOOK],
      ['PUT', HOOK],
    ]);
    expect(sentHeaders(fake)).toEqual({ Authorization: AUTH, 'X-Api-Key': API_KEY, 'X-Team': 'platform' });
    expect(JSON.stringify(fake.calls('PUT')[0]?.body)).not.toContain(SECRET_MASK);
    expect(WebhookSchema.parse(answer.json).customHeaders).toEqual(read);
    // Nothing was rotated: the audit names the headers only.
    expect(store.audit.query({ limit: 1 })[0]?.detail).toBe('headers=Authorization,X-Api-Key,X-Team');
  });

  it('finds the stored value when the mask comes back under the name in another case', async () => {
    const { call, fake } = setupAdmin();
    fake.on('GET', HOOK, { body: storedHook() });
    echoPut(fake);
    await call('PUT', integrationPaths.webhook('deploy-bot'), { customHeaders: { authorization: maskSecret(AUTH) } });
    expect(sentHeaders(fake)).toEqual({ authorization: AUTH });
  });

  it('a new value replaces the stored one; the audit names the header as rotated, never a value', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('GET', HOOK, { body: storedHook() });
    echoPut(fake);
    const answer = await call('PUT', integrationPaths.webhook('deploy-bot'), {
      customHeaders: { Authorization: ROTATED, 'X-Api-Key': maskSecret(API_KEY), 'X-Session-Token': 'tok-new-1234567890' },
    });
    expect(answer.status).toBe(200);
    expect(sentHeaders(fake)).toEqual({ Authorization: ROTATED, 'X-Api-Key': API_KEY, 'X-Session-Token': 'tok-new-1234567890' });
    expect(WebhookSchema.parse(answer.json).customHeaders).toEqual({
      Authorization: maskSecret(ROTATED),
      'X-Api-Key': maskSecret(API_KEY),
      'X-Session-Token': maskSecret('tok-new-1234567890'),
    });
    const record = store.audit.query({ limit: 1 })[0];
    expect(record?.detail).toBe('headers=Authorization,X-Api-Key,X-Session-Token; Authorization rotated; X-Session-Token set');
    for (const value of [AUTH, ROTATED, API_KEY, 'tok-new-1234567890']) expect(JSON.stringify(record)).not.toContain(value);
  });

  it('a mask for a header that is not stored is 400 on that header, and nothing is written', async () => {
    const { call, fake } = setupAdmin();
    fake.on('GET', HOOK, { body: storedHook() });
    const answer = await call('PUT', integrationPaths.webhook('deploy-bot'), {
      customHeaders: { Authorization: maskSecret(AUTH), 'X-Other-Token': '******7890' },
    });
    expect([answer.status, apiError(answer).fields]).toEqual([400, { 'customHeaders.X-Other-Token': ['Enter the header value itself, not its mask'] }]);
    expect(fake.calls('PUT')).toHaveLength(0);
  });

  it('a mask on create is 400 on that header, and nothing is sent', async () => {
    const { call, fake } = setupAdmin();
    const answer = await call('POST', integrationPaths.webhooks, { ...input, customHeaders: { Authorization: maskSecret(AUTH) } });
    expect([answer.status, apiError(answer).fields]).toEqual([400, { 'customHeaders.Authorization': ['Enter the header value itself, not its mask'] }]);
    expect(fake.requests).toHaveLength(0);
  });

  it('without a mask or a sensitive header, the PUT goes alone (no read first)', async () => {
    const { call, fake } = setupAdmin();
    echoPut(fake);
    await call('PUT', integrationPaths.webhook('deploy-bot'), { customHeaders: { 'X-Team': 'platform' } });
    expect(sent(fake)).toEqual([['PUT', HOOK, { custom_headers: '{"X-Team":"platform"}' }]]);
  });

  it('creates with a sensitive header: the value goes to Datadog only, the answer and audit show the mask and the name', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('POST', DD.hooks, (req) => ({ status: 201, body: req.body }));
    const answer = await call('POST', integrationPaths.webhooks, { name: 'deploy-bot', url: 'https://hooks.example.com/x', customHeaders: { 'X-Api-Key': API_KEY } });
    expect(answer.status).toBe(201);
    expect(JSON.parse((fake.requests[0]?.body as { custom_headers: string }).custom_headers)).toEqual({ 'X-Api-Key': API_KEY });
    expect(WebhookSchema.parse(answer.json).customHeaders).toEqual({ 'X-Api-Key': maskSecret(API_KEY) });
    const record = store.audit.query({ limit: 1 })[0];
    expect(record?.detail).toContain('headers=X-Api-Key; X-Api-Key set');
    expect(JSON.stringify(record)).not.toContain(API_KEY);
  });
});

describe('DELETE /api/integrations/webhooks/:name', () => {
  it('removes the webhook (Datadog answers 200 {}), forgets its name, answers 204', async () => {
    const { call, fake, store } = setupAdmin();
    store.integrationNames.add('webhook', 'deploy-bot', 'someone', NOW);
    fake.on('DELETE', HOOK, { body: {} });
    const answer = await call('DELETE', integrationPaths.webhook('deploy-bot'));
    expect(answer.status).toBe(204);
    expect(sent(fake)).toEqual([['DELETE', HOOK, undefined]]);
    expect(store.integrationNames.list('webhook')).toEqual([]);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'integration.webhooks.delete', target: 'webhook:deploy-bot', status: 204 });
  });

  it('answers the recorded 404 with 404', async () => {
    const { call, fake } = setupAdmin();
    fake.on('DELETE', HOOK, { status: 404, body: { errors: ['Webhook does not exist'] } });
    const answer = await call('DELETE', integrationPaths.webhook('deploy-bot'));
    expect([answer.status, apiError(answer).code, apiError(answer).upstream]).toEqual([404, 'not_found', ['Webhook does not exist']]);
  });
});

describe('POST /api/integrations/webhooks/:name/test', () => {
  it('is 404 without the local Datadog, and nothing goes upstream', async () => {
    const { call, fake } = setupAdmin();
    const answer = await call('POST', integrationPaths.webhookTest('deploy-bot'));
    expect([answer.status, apiError(answer).code, apiError(answer).message]).toEqual([404, 'not_found', 'Test deliveries need the local Datadog']);
    expect(fake.requests).toHaveLength(0);
  });

  it('asks the local Datadog for one delivery and answers what the receiver said', async () => {
    const { call, fake, store } = setupAdmin({ config: { mode: 'embedded', upstream: null } });
    fake.on('POST', `${HOOK}/test`, { body: { ok: true, status: 202, body: 'accepted', duration_ms: 41, attempts: 1, sent: '{"title":"x"}' } });
    const answer = await call('POST', integrationPaths.webhookTest('deploy-bot'));
    expect(answer.status).toBe(200);
    expect(WebhookTestResultSchema.parse(answer.json)).toEqual({ ok: true, status: 202, body: 'accepted', durationMs: 41, sent: '{"title":"x"}' });
    expect(sent(fake)).toEqual([['POST', `${HOOK}/test`, undefined]]);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({
      action: 'integration.webhooks.test',
      target: 'webhook:deploy-bot',
      detail: 'ok=true; status=202; 41 ms',
    });
  });

  it('answers a receiver that could not be reached as a result, not an error', async () => {
    const { call, fake } = setupAdmin({ config: { mode: 'embedded', upstream: null } });
    fake.on('POST', `${HOOK}/test`, { body: { ok: false, status: null, body: 'connect ECONNREFUSED 127.0.0.1:9', duration_ms: 3, attempts: 3, sent: '{}' } });
    const answer = await call('POST', integrationPaths.webhookTest('deploy-bot'));
    expect([answer.status, (answer.json as { ok: boolean; status: unknown }).status]).toEqual([200, null]);
  });

  it('answers a webhook the local Datadog does not have with 404', async () => {
    const { call, fake } = setupAdmin({ config: { mode: 'embedded', upstream: null } });
    fake.on('POST', `${HOOK}/test`, { status: 404, body: { errors: ['Webhook does not exist'] } });
    expect((await call('POST', integrationPaths.webhookTest('deploy-bot'))).status).toBe(404);
  });
});

describe('custom variables', () => {
  const VAR = `${DD.variables}/API_TOKEN`;

  it('creates a secret variable: the value goes to Datadog only; the answer and the audit show a mask', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('POST', DD.variables, { status: 201, body: { name: 'API_TOKEN', is_secret: true } });
    const answer = await call('POST', integrationPaths.customVariables, { name: 'API_TOKEN', value: SECRET, isSecret: true });
    expect(answer.status).toBe(201);
    expect(CustomVariableSchema.parse(answer.json)).toEqual({ name: 'API_TOKEN', isSecret: true, value: '******' });
    expect(sent(fake)).toEqual([['POST', DD.variables, { name: 'API_TOKEN', value: SECRET, is_secret: true }]]);
    expect(store.integrationNames.list('custom_variable')).toEqual(['API_TOKEN']);
    const record = store.audit.query({ limit: 1 })[0];
    expect(record).toMatchObject({
      action: 'integration.webhooks.variable.create',
      target: 'webhook-variable:API_TOKEN',
      detail: `isSecret=true; value set (now ${maskSecret(SECRET)})`,
    });
    expect(JSON.stringify(record)).not.toContain(SECRET);
  });

  it('creates a plain variable (not secret by default) and shows its value', async () => {
    const { call, fake } = setupAdmin();
    fake.on('POST', DD.variables, { status: 201, body: { name: 'REGION', is_secret: false, value: 'eu-west-1' } });
    const answer = await call('POST', integrationPaths.customVariables, { name: 'REGION', value: 'eu-west-1' });
    expect(CustomVariableSchema.parse(answer.json)).toEqual({ name: 'REGION', isSecret: false, value: 'eu-west-1' });
    expect(fake.requests[0]?.body).toEqual({ name: 'REGION', value: 'eu-west-1', is_secret: false });
  });

  it.each([
    ['a lower-case name', { name: 'api_token', value: 'x' }, ['name']],
    ['no value', { name: 'API_TOKEN' }, ['value']],
    ['an empty value', { name: 'API_TOKEN', value: '' }, ['value']],
    ['a non-boolean isSecret', { name: 'API_TOKEN', value: 'x', isSecret: 'yes' }, ['isSecret']],
  ])('rejects %s with 400 and nothing upstream', async (_n, body, fields) => {
    const { call, fake } = setupAdmin();
    const answer = await call('POST', integrationPaths.customVariables, body);
    expect([answer.status, Object.keys(apiError(answer).fields ?? {})]).toEqual([400, fields]);
    expect(fake.requests).toHaveLength(0);
  });

  it('keeps the value when the mask comes back: only is_secret is sent', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('PUT', VAR, { body: { name: 'API_TOKEN', is_secret: true } });
    const answer = await call('PUT', integrationPaths.customVariable('API_TOKEN'), { value: '******', isSecret: true });
    expect(CustomVariableSchema.parse(answer.json)).toEqual({ name: 'API_TOKEN', isSecret: true, value: '******' });
    expect(sent(fake)).toEqual([['PUT', VAR, { is_secret: true }]]);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'integration.webhooks.variable.update', target: 'webhook-variable:API_TOKEN', detail: 'isSecret=true' });
  });

  it('rotates a value: the new one goes to Datadog, the audit shows its mask', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('PUT', VAR, { body: { name: 'API_TOKEN', is_secret: true } });
    const answer = await call('PUT', integrationPaths.customVariable('API_TOKEN'), { value: SECRET });
    expect(CustomVariableSchema.parse(answer.json).value).toBe('******');
    expect(sent(fake)).toEqual([['PUT', VAR, { value: SECRET }]]);
    expect(store.audit.query({ limit: 1 })[0]?.detail).toBe(`value rotated (now ${maskSecret(SECRET)})`);
  });

  it('with nothing to change sends no PUT and answers the variable as it is', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('GET', VAR, { body: { name: 'API_TOKEN', is_secret: true } });
    const answer = await call('PUT', integrationPaths.customVariable('API_TOKEN'), { value: '******' });
    expect(CustomVariableSchema.parse(answer.json)).toEqual({ name: 'API_TOKEN', isSecret: true, value: '******' });
    expect(sent(fake)).toEqual([['GET', VAR, undefined]]);
    expect(store.audit.query({ limit: 1 })[0]?.detail).toBe('no change');
  });

  it('never makes a secret readable: secret -> plain without a new value is 400 and no PUT', async () => {
    const { call, fake } = setupAdmin();
    fake.on('GET', VAR, { body: { name: 'API_TOKEN', is_secret: true } });
    const answer = await call('PUT', integrationPaths.customVariable('API_TOKEN'), { isSecret: false });
    expect([answer.status, apiError(answer).fields]).toEqual([400, { isSecret: ['A secret variable becomes non-secret only with a new value'] }]);
    expect(fake.calls('PUT')).toHaveLength(0);
  });

  it('turns a secret into a plain variable with a new value', async () => {
    const { call, fake } = setupAdmin();
    fake.on('PUT', VAR, { body: { name: 'API_TOKEN', is_secret: false, value: 'now-public' } });
    const answer = await call('PUT', integrationPaths.customVariable('API_TOKEN'), { value: 'now-public', isSecret: false });
    expect(CustomVariableSchema.parse(answer.json)).toEqual({ name: 'API_TOKEN', isSecret: false, value: 'now-public' });
    expect(sent(fake)).toEqual([['PUT', VAR, { value: 'now-public', is_secret: false }]]);
  });

  it('removes a variable and forgets its name; a missing one is 404', async () => {
    const { call, fake, store } = setupAdmin();
    store.integrationNames.add('custom_variable', 'API_TOKEN', 'someone', NOW);
    fake.enqueue({ body: {} }, { status: 404, body: { errors: ['Custom variable does not exist'] } });
    expect((await call('DELETE', integrationPaths.customVariable('API_TOKEN'))).status).toBe(204);
    expect(store.integrationNames.list('custom_variable')).toEqual([]);
    const again = await call('DELETE', integrationPaths.customVariable('API_TOKEN'));
    expect([again.status, apiError(again).upstream]).toEqual([404, ['Custom variable does not exist']]);
    expect(sent(fake)).toEqual([
      ['DELETE', VAR, undefined],
      ['DELETE', VAR, undefined],
    ]);
    expect(store.audit.query({ limit: 2 }).map((r) => [r.action, r.target, r.status])).toEqual([
      ['integration.webhooks.variable.delete', 'webhook-variable:API_TOKEN', 404],
      ['integration.webhooks.variable.delete', 'webhook-variable:API_TOKEN', 204],
    ]);
  });

  it('rejects a bad name in the path with 400 and nothing upstream', async () => {
    const { call, fake } = setupAdmin();
    expect((await call('PUT', '/api/integrations/webhook-variables/api-token', { value: 'x' })).status).toBe(400);
    expect((await call('DELETE', '/api/integrations/webhook-variables/1ABC')).status).toBe(400);
    expect(fake.requests).toHaveLength(0);
  });
});
