import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectExact, expectShape, rec } from './testing/recorded';
import { createTempSandbox, type TempSandbox } from './testing/temp-sandbox';

/**
 * The Datadog integration endpoints against the recorded bodies in
 * ../shared/conformance/datadog (aws.*, slack.*, pagerduty.*, webhooks.*).
 * SPEC_EXAMPLE files are the spec's examples, not recordings: for those the
 * shape is compared, and the values the spec example shows as defaults too.
 */
let t: TempSandbox;
beforeAll(() => {
  t = createTempSandbox({ seed: 'empty' });
});
afterAll(() => t.dispose());

describe('conformance: AWS v1', () => {
  it('create (recorded request): 200 {external_id}, 32 hex', async () => {
    const r = await t.call('POST', '/api/v1/integration/aws', rec('aws.create.request.json'));
    expectShape('aws.create.response.json', r, 200);
    expect(Object.keys(r.body)).toEqual(Object.keys(rec('aws.create.response.json')));
    expect(r.body.external_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('list (spec example shape), with every recorded field kept', async () => {
    const r = await t.call('GET', '/api/v1/integration/aws?account_id=171234183000');
    expectShape('aws.list.SPEC_EXAMPLE.response.json', r, 200);
    const { account_id: _id, ...sent } = rec('aws.create.request.json');
    expect(r.body.accounts[0]).toMatchObject(sent);
  });

  it('update (recorded request, account in the query): 200 {}', async () => {
    const req = rec('aws.update.request.json');
    await t.call('POST', '/api/v1/integration/aws', { account_id: req.account_id, role_name: req.role_name });
    const r = await t.call('PUT', `/api/v1/integration/aws?account_id=${req.account_id}&role_name=${req.role_name}`, req);
    expectExact('aws.update.response.json', r, 200);
    expect((await t.call('GET', `/api/v1/integration/aws?account_id=${req.account_id}`)).body.accounts[0]).toEqual(req);
  });

  it('delete (JSON body): 200 {}, then the recorded 400 for the second delete', async () => {
    const req = rec('aws.delete.request.json');
    await t.call('POST', '/api/v1/integration/aws', req);
    expectExact('aws.delete.response.json', await t.call('DELETE', '/api/v1/integration/aws', req), 200);
    expectExact('aws.delete.400.response.json', await t.call('DELETE', '/api/v1/integration/aws', rec('aws.delete.400.request.json')), 400);
  });
});

describe('conformance: Slack v1 (spec examples)', () => {
  const base = '/api/v1/integration/slack/configuration/accounts/test-account/channels';
  beforeAll(async () => {
    await t.call('POST', '/api/v1/integration/slack', { service_hooks: [{ account: 'test-account', url: 'https://hooks.slack.com/services/T/B/conformance' }] });
  });

  it('create, get, list, update, delete', async () => {
    const created = await t.call('POST', base, { ...rec('slack.channels.create.SPEC_EXAMPLE.request.json'), name: '#test-channel' });
    expectExact('slack.channels.create.SPEC_EXAMPLE.response.json', created, 200);
    expectExact('slack.channels.get.SPEC_EXAMPLE.response.json', await t.call('GET', `${base}/%23test-channel`), 200);
    expectExact('slack.channels.list.SPEC_EXAMPLE.response.json', await t.call('GET', base), 200);
    const updated = await t.call('PATCH', `${base}/test-channel`, { ...rec('slack.channels.update.SPEC_EXAMPLE.request.json'), name: '#test-channel' });
    expectExact('slack.channels.update.SPEC_EXAMPLE.response.json', updated, 200);
    const del = await t.call('DELETE', `${base}/%23test-channel`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
  });

  it('a channel created from the minimal body gets the spec defaults', async () => {
    const r = await t.call('POST', base, { name: '#test-channel' });
    expectExact('slack.channels.create.SPEC_EXAMPLE.response.json', r, 200);
    await t.call('DELETE', `${base}/test-channel`);
  });
});

describe('conformance: PagerDuty v1 (spec examples)', () => {
  const base = '/api/v1/integration/pagerduty/configuration/services';

  it('create 201, get, update 200, delete 204', async () => {
    const req = rec('pagerduty.services.create.SPEC_EXAMPLE.request.json');
    const created = await t.call('POST', base, { ...req, service_name: 'test-service' });
    expectExact('pagerduty.services.create.SPEC_EXAMPLE.response.json', created, 201);
    expect(created.text).not.toContain(req.service_key);
    const got = await t.call('GET', `${base}/test-service`);
    expectExact('pagerduty.services.get.SPEC_EXAMPLE.response.json', got, 200);
    const upd = await t.call('PUT', `${base}/test-service`, rec('pagerduty.services.update.SPEC_EXAMPLE.request.json'));
    expect(upd.status).toBe(200);
    expect(upd.text).not.toContain(rec('pagerduty.services.update.SPEC_EXAMPLE.request.json').service_key);
    const del = await t.call('DELETE', `${base}/test-service`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
  });
});

describe('conformance: Webhooks v1', () => {
  const hooks = '/api/v1/integration/webhooks/configuration/webhooks';
  const vars = '/api/v1/integration/webhooks/configuration/custom-variables';

  it('create (recorded): 201 with the recorded defaults, exactly', async () => {
    expectExact('webhooks.create.response.json', await t.call('POST', hooks, rec('webhooks.create.request.json')), 201);
  });

  it('get (recorded)', async () => {
    const recorded = rec('webhooks.get.response.json');
    await t.call('POST', hooks, { name: recorded.name, url: recorded.url });
    expectExact('webhooks.get.response.json', await t.call('GET', `${hooks}/${recorded.name}`), 200);
  });

  it('update (recorded request): 200 with the whole webhook', async () => {
    const recorded = rec('webhooks.update.response.json');
    await t.call('POST', hooks, { name: recorded.name, url: 'https://example.com/webhook' });
    expectExact('webhooks.update.response.json', await t.call('PUT', `${hooks}/${recorded.name}`, rec('webhooks.update.request.json')), 200);
  });

  it('delete: 200 {}, then the recorded 404', async () => {
    const name = rec('webhooks.create.request.json').name;
    expectExact('webhooks.delete.response.json', await t.call('DELETE', `${hooks}/${name}`), 200);
    expectExact('webhooks.delete.404.response.json', await t.call('DELETE', `${hooks}/${name}`), 404);
  });

  it('custom variables: create a secret one (no value back), update a plain one, the recorded 404', async () => {
    const created = await t.call('POST', vars, rec('webhooks.custom_variables.create.request.json'));
    expectExact('webhooks.custom_variables.create.response.json', created, 201);
    const updatedRec = rec('webhooks.custom_variables.update.response.json');
    await t.call('POST', vars, { name: updatedRec.name, value: 'before', is_secret: false });
    const updated = await t.call('PUT', `${vars}/${updatedRec.name}`, rec('webhooks.custom_variables.update.request.json'));
    expectExact('webhooks.custom_variables.update.response.json', updated, 200);
    await t.call('DELETE', `${vars}/${updatedRec.name}`);
    expectExact('webhooks.custom_variables.delete.404.response.json', await t.call('DELETE', `${vars}/${updatedRec.name}`), 404);
  });
});
