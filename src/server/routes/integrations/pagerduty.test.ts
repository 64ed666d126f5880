import { integrationPaths } from '../../../contract/api-paths';
import { PagerDutyOverviewSchema, PagerDutyServiceSchema } from '../../../contract/integrations';
import { maskSecret } from '../../../contract/secrets';
import { INTEGRATION_CANARIES, NOW } from '../../testing/fixtures';
import { findLeaks } from '../../testing/secret-scan';
import { apiError } from '../../testing/test-app';
import { DD, sent, setupAdmin } from './integration-test-kit';

const KEY = INTEGRATION_CANARIES.pagerDutyKey;
const NEW_KEY = INTEGRATION_CANARIES.pagerDutyKeyRotated;
const ONE = integrationPaths.pagerdutyService('checkout-db');

describe('GET /api/integrations/pagerduty', () => {
  it('lists every service from the 2018 body (complete), keys masked whatever Datadog sent', async () => {
    const { call, fake } = setupAdmin();
    fake.on('GET', DD.legacyPagerDuty, {
      body: {
        services: [
          { service_name: 'checkout-db', service_key: '******7890' },
          // A Datadog that sends the key itself: the BFF masks it.
          { service_name: 'search', service_key: KEY },
          { service_name: 'no-key' },
        ],
        subdomain: 'acme',
        api_token: '******abcd',
      },
    });
    const answer = await call('GET', integrationPaths.pagerduty);
    expect(answer.status).toBe(200);
    expect(PagerDutyOverviewSchema.parse(answer.json)).toEqual({
      services: [
        { name: 'checkout-db', serviceKey: '******7890', handle: '@pagerduty-checkout-db' },
        { name: 'search', serviceKey: maskSecret(KEY), handle: '@pagerduty-search' },
        { name: 'no-key', serviceKey: null, handle: '@pagerduty-no-key' },
      ],
      listing: 'complete',
      lastChange: null,
    });
    expect(answer.text).not.toContain(KEY);
    expect(fake.requests.map((r) => r.path)).toEqual([DD.legacyPagerDuty]);
  });

  it.each([
    ['404', { status: 404, body: { errors: ['Not found'] } }],
    ['400', { status: 400, body: { errors: ['Invalid path'] } }],
  ])('falls back to the services added here, each asked for by name (partial), when the 2018 body answers %s', async (_s, reply) => {
    const { call, fake, store } = setupAdmin();
    for (const name of ['checkout-db', 'gone', 'search']) store.integrationNames.add('pagerduty_service', name, 'someone', NOW);
    fake.on('GET', DD.legacyPagerDuty, reply);
    fake.on('GET', `${DD.services}/checkout-db`, { body: { service_name: 'checkout-db' } });
    fake.on('GET', `${DD.services}/search`, { body: { service_name: 'search' } });
    fake.on('GET', `${DD.services}/gone`, { status: 404, body: { errors: ["PagerDuty service 'gone' does not exist in integration"] } });
    const body = PagerDutyOverviewSchema.parse((await call('GET', integrationPaths.pagerduty)).json);
    expect(body).toEqual({
      services: [
        { name: 'checkout-db', serviceKey: null, handle: '@pagerduty-checkout-db' },
        { name: 'search', serviceKey: null, handle: '@pagerduty-search' },
      ],
      listing: 'partial',
      lastChange: null,
    });
    expect(fake.requests.map((r) => r.path).sort()).toEqual([DD.legacyPagerDuty, `${DD.services}/checkout-db`, `${DD.services}/gone`, `${DD.services}/search`]);
  });

  it('reads the local Datadog’s "not configured" 404 as a complete, empty listing', async () => {
    const { call, fake, store } = setupAdmin();
    store.integrationNames.add('pagerduty_service', 'old', 'someone', NOW);
    fake.on('GET', DD.legacyPagerDuty, { status: 404, body: { errors: ['The pagerduty integration is not configured'] } });
    expect(PagerDutyOverviewSchema.parse((await call('GET', integrationPaths.pagerduty)).json)).toMatchObject({ services: [], listing: 'complete' });
    expect(fake.requests).toHaveLength(1);
  });

  it('fails on a 5xx from the listing (no fallback for an outage)', async () => {
    const { call, fake, store } = setupAdmin();
    store.integrationNames.add('pagerduty_service', 'a', 'someone', NOW);
    fake.on('GET', DD.legacyPagerDuty, { status: 500 });
    expect((await call('GET', integrationPaths.pagerduty)).status).toBe(502);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('POST /api/integrations/pagerduty', () => {
  it('sends the key to Datadog only, answers 201 with its mask, and audits the mask', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('POST', DD.services, { status: 201, body: { service_name: 'checkout-db' } });
    const answer = await call('POST', integrationPaths.pagerduty, { name: 'checkout-db', serviceKey: KEY });
    expect(answer.status).toBe(201);
    expect(PagerDutyServiceSchema.parse(answer.json)).toEqual({ name: 'checkout-db', serviceKey: maskSecret(KEY), handle: '@pagerduty-checkout-db' });
    expect(maskSecret(KEY)).toBe(`******${KEY.slice(-4)}`);
    expect(sent(fake)).toEqual([['POST', DD.services, { service_name: 'checkout-db', service_key: KEY }]]);
    expect(store.integrationNames.list('pagerduty_service')).toEqual(['checkout-db']);
    const record = store.audit.query({ limit: 1 })[0];
    expect(record).toMatchObject({
      action: 'integration.pagerduty.create',
      target: 'pagerduty:checkout-db',
      status: 201,
      detail: `serviceKey set (now ${maskSecret(KEY)})`,
    });
    expect(JSON.stringify(record)).not.toContain(KEY);
  });

  it('answers a taken name with 409 conflict and remembers nothing', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('POST', DD.services, { status: 409, body: { errors: ["PagerDuty service 'checkout-db' already exists in integration"] } });
    const answer = await call('POST', integrationPaths.pagerduty, { name: 'checkout-db', serviceKey: KEY });
    expect([answer.status, apiError(answer).code]).toEqual([409, 'conflict']);
    expect(store.integrationNames.list('pagerduty_service')).toEqual([]);
  });

  it.each([
    ['no key', { name: 'db' }, ['serviceKey']],
    ['an empty key', { name: 'db', serviceKey: '   ' }, ['serviceKey']],
    ['the mask instead of a key', { name: 'db', serviceKey: '******7890' }, ['serviceKey']],
    ['a bad name', { name: 'has space', serviceKey: KEY }, ['name']],
    ['a key over 200 characters', { name: 'db', serviceKey: 'k'.repeat(201) }, ['serviceKey']],
  ])('rejects %s with 400 and nothing upstream', async (_n, body, fields) => {
    const { call, fake } = setupAdmin();
    const answer = await call('POST', integrationPaths.pagerduty, body);
    expect([answer.status, Object.keys(apiError(answer).fields ?? {})]).toEqual([400, fields]);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('PUT /api/integrations/pagerduty/:name', () => {
  it.each([
    ['the unchanged mask', { serviceKey: '******7890' }],
    ['no key', {}],
    ['an empty key', { serviceKey: '' }],
  ])('with %s sends nothing to Datadog, answers 200 and audits "no change"', async (_n, body) => {
    const { call, fake, store } = setupAdmin();
    const answer = await call('PUT', ONE, body);
    expect(answer.status).toBe(200);
    expect(PagerDutyServiceSchema.parse(answer.json)).toEqual({ name: 'checkout-db', serviceKey: null, handle: '@pagerduty-checkout-db' });
    expect(fake.requests).toHaveLength(0);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'integration.pagerduty.update', target: 'pagerduty:checkout-db', detail: 'no change', status: 200 });
  });

  it('rotates the key: only {service_key} goes to Datadog; the answer and the audit show the new mask', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('PUT', `${DD.services}/checkout-db`, { body: {} });
    const answer = await call('PUT', ONE, { serviceKey: NEW_KEY });
    expect(answer.status).toBe(200);
    expect(PagerDutyServiceSchema.parse(answer.json)).toEqual({ name: 'checkout-db', serviceKey: maskSecret(NEW_KEY), handle: '@pagerduty-checkout-db' });
    expect(sent(fake)).toEqual([['PUT', `${DD.services}/checkout-db`, { service_key: NEW_KEY }]]);
    expect(store.audit.query({ limit: 1 })[0]?.detail).toBe(`serviceKey rotated (now ${maskSecret(NEW_KEY)})`);
  });

  it('writes no form of a key to the log (debug level), created or rotated', async () => {
    const { call, fake, logs } = setupAdmin();
    fake.on('POST', DD.services, { status: 201, body: { service_name: 'checkout-db' } });
    fake.on('PUT', `${DD.services}/checkout-db`, { status: 400, body: { errors: ['bad key'] } });
    await call('POST', integrationPaths.pagerduty, { name: 'checkout-db', serviceKey: KEY });
    await call('PUT', ONE, { serviceKey: NEW_KEY });
    await call('POST', integrationPaths.pagerduty, { name: 'checkout-db', serviceKey: KEY, extra: NEW_KEY });
    expect(logs.some((l) => l.includes('"msg":"audit"'))).toBe(true);
    expect(findLeaks([{ label: 'logs', body: logs.join('\n'), headers: '' }], [KEY, NEW_KEY])).toEqual([]);
  });

  it('answers a service Datadog does not have with 404', async () => {
    const { call, fake } = setupAdmin();
    fake.on('PUT', `${DD.services}/checkout-db`, { status: 404, body: { errors: ["PagerDuty service 'checkout-db' does not exist in integration"] } });
    const answer = await call('PUT', ONE, { serviceKey: NEW_KEY });
    expect([answer.status, apiError(answer).code]).toEqual([404, 'not_found']);
  });

  it('answers a Datadog that does not answer with 504, the change unconfirmed', async () => {
    const { call, fake } = setupAdmin({ timeoutMs: 100 });
    fake.on('PUT', `${DD.services}/checkout-db`, { stall: true });
    const answer = await call('PUT', ONE, { serviceKey: NEW_KEY });
    expect([answer.status, apiError(answer).code]).toEqual([504, 'upstream_timeout']);
    expect(apiError(answer).message).toContain('not confirmed');
  });

  it('rejects a bad name in the path and unknown fields with 400 and nothing upstream', async () => {
    const { call, fake } = setupAdmin();
    expect((await call('PUT', '/api/integrations/pagerduty/bad%20name', { serviceKey: NEW_KEY })).status).toBe(400);
    expect((await call('PUT', ONE, { serviceKey: NEW_KEY, name: 'other' })).status).toBe(400);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('DELETE /api/integrations/pagerduty/:name', () => {
  it('removes the service and forgets its name', async () => {
    const { call, fake, store } = setupAdmin();
    store.integrationNames.add('pagerduty_service', 'checkout-db', 'someone', NOW);
    fake.on('DELETE', `${DD.services}/checkout-db`, { status: 204 });
    const answer = await call('DELETE', ONE);
    expect(answer.status).toBe(204);
    expect(sent(fake)).toEqual([['DELETE', `${DD.services}/checkout-db`, undefined]]);
    expect(store.integrationNames.list('pagerduty_service')).toEqual([]);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'integration.pagerduty.delete', target: 'pagerduty:checkout-db', status: 204 });
  });

  it('forgets a name Datadog no longer has, and answers 404', async () => {
    const { call, fake, store } = setupAdmin();
    store.integrationNames.add('pagerduty_service', 'checkout-db', 'someone', NOW);
    fake.on('DELETE', `${DD.services}/checkout-db`, { status: 404, body: { errors: ["PagerDuty service 'checkout-db' does not exist in integration"] } });
    expect((await call('DELETE', ONE)).status).toBe(404);
    expect(store.integrationNames.list('pagerduty_service')).toEqual([]);
  });

  it('keeps the name when Datadog fails', async () => {
    const { call, fake, store } = setupAdmin();
    store.integrationNames.add('pagerduty_service', 'checkout-db', 'someone', NOW);
    fake.on('DELETE', `${DD.services}/checkout-db`, { status: 500 });
    expect((await call('DELETE', ONE)).status).toBe(502);
    expect(store.integrationNames.list('pagerduty_service')).toEqual(['checkout-db']);
  });
});
