import { describe, expect, it } from 'vitest';
import { DEMO_INTEGRATIONS } from '../seed/demo-integrations';
import { createTempSandbox, disposedAfterEach } from '../testing/temp-sandbox';

const make = disposedAfterEach(createTempSandbox);

const PATH = '/api/v1/integration/aws';
const account = (id: string, extra: Record<string, unknown> = {}) => ({ account_id: id, role_name: 'DatadogAWSIntegrationRole', ...extra });

describe('GET /api/v1/integration/aws', () => {
  it('lists the demo account with every field it was given and the list defaults', async () => {
    const t = make();
    const r = await t.call('GET', PATH);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ accounts: [{ ...DEMO_INTEGRATIONS.aws }] });
    expect(r.text).not.toContain('external_id');
  });

  it('is empty for an empty org, and filters by account_id and role_name', async () => {
    const t = make({ seed: 'empty' });
    expect((await t.call('GET', PATH)).body).toEqual({ accounts: [] });
    await t.call('POST', PATH, account('111111111111'));
    await t.call('POST', PATH, account('222222222222', { role_name: 'Other' }));
    const one = await t.call('GET', `${PATH}?account_id=222222222222`);
    expect(one.body.accounts.map((a: { account_id: string }) => a.account_id)).toEqual(['222222222222']);
    expect((await t.call('GET', `${PATH}?role_name=Other`)).body.accounts).toHaveLength(1);
    expect((await t.call('GET', `${PATH}?account_id=333333333333`)).body.accounts).toEqual([]);
  });
});

describe('POST /api/v1/integration/aws', () => {
  it('creates an account: 200 {external_id} (32 random hex); the whole validated object is kept', async () => {
    const t = make({ seed: 'empty' });
    const body = account('171234183000', {
      filter_tags: ['$KEY:$VALUE'],
      host_tags: ['team:payments'],
      account_specific_namespace_rules: { auto_scaling: false },
      excluded_regions: ['us-east-1', 'us-west-2'],
      metrics_collection_enabled: false,
      cspm_resource_collection_enabled: true,
      extended_resource_collection_enabled: true,
    });
    const r = await t.call('POST', PATH, body);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(['external_id']);
    expect(r.body.external_id).toMatch(/^[0-9a-f]{32}$/);
    const second = await t.call('POST', PATH, account('171234183001'));
    expect(second.body.external_id).toMatch(/^[0-9a-f]{32}$/);
    expect(second.body.external_id).not.toBe(r.body.external_id);
    const list = (await t.call('GET', PATH)).body.accounts;
    expect(list[0]).toEqual(body);
    expect(list[1]).toEqual({ ...account('171234183001'), filter_tags: [], host_tags: [], account_specific_namespace_rules: {} });
  });

  it('409 for an account that is already there', async () => {
    const t = make();
    const r = await t.call('POST', PATH, account(DEMO_INTEGRATIONS.aws.account_id));
    expect(r.status).toBe(409);
    expect(r.body).toEqual({ errors: ['AWS account 123456789012 already exists in integration'] });
  });

  it.each([
    ['no account_id', { role_name: 'R' }, "'account_id' is a required property"],
    ['a short account_id', { account_id: '12345', role_name: 'R' }, "Invalid account_id '12345': an AWS account ID is 12 digits"],
    ['a numeric account_id', { account_id: 123456789012, role_name: 'R' }, "123456789012 is not of type 'string'"],
    ['no role_name', { account_id: '123456789013' }, "'role_name' is a required property"],
    ['an empty role_name', { account_id: '123456789013', role_name: '' }, "'role_name' is a required property"],
    ['a role name with spaces', { account_id: '123456789013', role_name: 'my role' }, "Invalid role_name 'my role'"],
    ['tags that are not a list', { ...account('123456789013'), host_tags: 'env:prod' }, "'env:prod' is not of type 'array'"],
    ['a namespace rule that is not a boolean', { ...account('123456789013'), account_specific_namespace_rules: { ec2: 'no' } }, "'no' is not of type 'boolean'"],
    ['an unknown field', { ...account('123456789013'), colour: 'blue' }, "Additional properties are not allowed ('colour' was unexpected)"],
    ['access keys', { account_id: '123456789013', access_key_id: 'AKIA', secret_access_key: 'x' }, 'Access-key AWS accounts are not supported'],
  ])('400 for %s', async (_n, body, message) => {
    const t = make({ seed: 'empty' });
    const r = await t.call('POST', PATH, body);
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toContain(message);
    expect((await t.call('GET', PATH)).body.accounts).toEqual([]);
  });
});

describe('PUT /api/v1/integration/aws?account_id=&role_name=', () => {
  it('replaces the account (200 {}); the external id stays; it may move to a new account id', async () => {
    const t = make({ seed: 'empty' });
    await t.call('POST', PATH, account('171234183400', { host_tags: ['a:b'], excluded_regions: ['us-east-1'] }));
    const r = await t.call('PUT', `${PATH}?account_id=171234183400&role_name=DatadogAWSIntegrationRole`, {
      filter_tags: ['env:prod'],
      metrics_collection_enabled: true,
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({});
    expect((await t.call('GET', PATH)).body.accounts).toEqual([
      { ...account('171234183400'), filter_tags: ['env:prod'], host_tags: [], account_specific_namespace_rules: {}, metrics_collection_enabled: true },
    ]);
    const moved = await t.call('PUT', `${PATH}?account_id=171234183400&role_name=DatadogAWSIntegrationRole`, account('171234183499'));
    expect(moved.status).toBe(200);
    expect((await t.call('GET', PATH)).body.accounts.map((a: { account_id: string }) => a.account_id)).toEqual(['171234183499']);
  });

  it('400 (recorded message) for an unknown account or a role that does not match; 400 for missing query parameters', async () => {
    const t = make();
    const unknown = await t.call('PUT', `${PATH}?account_id=171234183200&role_name=DatadogAWSIntegrationRole`, account('171234183200'));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ errors: ['AWS account 171234183200 does not exist in integration'] });
    const wrongRole = await t.call('PUT', `${PATH}?account_id=123456789012&role_name=SomeoneElse`, {});
    expect(wrongRole.body).toEqual({ errors: ['AWS account 123456789012 does not exist in integration'] });
    const noQuery = await t.call('PUT', PATH, account('123456789012'));
    expect(noQuery.status).toBe(400);
    expect(noQuery.body).toEqual({ errors: ["'account_id' is a required property"] });
  });

  it('409 when moving onto an account id that is taken; 400 for a bad body, and nothing changes', async () => {
    const t = make();
    await t.call('POST', PATH, account('171234183400'));
    const clash = await t.call('PUT', `${PATH}?account_id=171234183400&role_name=DatadogAWSIntegrationRole`, account('123456789012'));
    expect(clash.status).toBe(409);
    const bad = await t.call('PUT', `${PATH}?account_id=171234183400&role_name=DatadogAWSIntegrationRole`, { host_tags: [1] });
    expect(bad.status).toBe(400);
    expect((await t.call('GET', `${PATH}?account_id=171234183400`)).body.accounts[0].host_tags).toEqual([]);
  });
});

describe('DELETE /api/v1/integration/aws', () => {
  it('takes a JSON body {account_id, role_name}: 200 {}, then the recorded 400', async () => {
    const t = make();
    const key = { account_id: '123456789012', role_name: 'DatadogAWSIntegrationRole' };
    const r = await t.call('DELETE', PATH, key);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({});
    expect((await t.call('GET', PATH)).body.accounts).toEqual([]);
    const again = await t.call('DELETE', PATH, key);
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ errors: ['AWS account 123456789012 does not exist in integration'] });
  });

  it('400 without a body, with a bad account id, or with another role name', async () => {
    const t = make();
    expect((await t.call('DELETE', PATH)).status).toBe(400);
    expect((await t.call('DELETE', PATH, { account_id: 'abc', role_name: 'R' })).body.errors[0]).toContain('an AWS account ID is 12 digits');
    const wrongRole = await t.call('DELETE', PATH, { account_id: '123456789012', role_name: 'Other' });
    expect(wrongRole.body).toEqual({ errors: ['AWS account 123456789012 does not exist in integration'] });
    expect((await t.call('GET', PATH)).body.accounts).toHaveLength(1);
  });

  it('needs both Datadog keys', async () => {
    const t = make();
    const r = await t.call('GET', PATH, undefined, { 'DD-APPLICATION-KEY': 'wrong' });
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ errors: ['API key required'] });
  });
});
