import { integrationPaths } from '../../../contract/api-paths';
import { AwsAccountListSchema, AwsAccountSchema, AwsCreateResponseSchema } from '../../../contract/integrations';
import { apiError } from '../../testing/test-app';
import { ACCOUNT_ID, DD, rawAwsAccount, ROLE, sent, setupAdmin } from './integration-test-kit';

const ONE = integrationPaths.awsAccount(ACCOUNT_ID, ROLE);
const input = {
  accountId: ACCOUNT_ID,
  roleName: ROLE,
  filterTags: ['env:prod', 'service:checkout'],
  hostTags: ['team:web'],
  namespaceRules: { ec2: true, lambda: false },
};

describe('GET /api/integrations/aws', () => {
  it('lists the accounts from Datadog’s v1 list', async () => {
    const { call, fake } = setupAdmin();
    fake.on('GET', DD.aws, { body: { accounts: [rawAwsAccount(), { role_name: 'no-id' }, rawAwsAccount('210987654321', { role_name: null })] } });
    const answer = await call('GET', integrationPaths.aws);
    expect(answer.status).toBe(200);
    expect(AwsAccountListSchema.parse(answer.json)).toEqual({
      accounts: [
        { accountId: ACCOUNT_ID, roleName: ROLE, filterTags: ['env:prod'], hostTags: ['team:web'], namespaceRules: { auto_scaling: false } },
        { accountId: '210987654321', roleName: '', filterTags: ['env:prod'], hostTags: ['team:web'], namespaceRules: { auto_scaling: false } },
      ],
      lastChange: null,
    });
    expect(fake.requests.map((r) => [r.method, r.path, r.query])).toEqual([['GET', DD.aws, {}]]);
  });

  it.each([
    ['a 500', { status: 500, body: { errors: ['boom'] } }, 502, 'upstream_error'],
    ['a 403 for our key', { status: 403, body: { errors: ['Forbidden'] } }, 502, 'upstream_auth'],
    ['a 429', { status: 429, headers: { 'X-RateLimit-Reset': '7' }, body: { errors: ['slow down'] } }, 429, 'rate_limited'],
    ['an unreadable answer', { body: 'not json' }, 502, 'upstream_error'],
  ])('answers %s from Datadog as %i %s', async (_name, reply, status, code) => {
    const { call, fake } = setupAdmin();
    fake.on('GET', DD.aws, reply);
    const answer = await call('GET', integrationPaths.aws);
    expect([answer.status, apiError(answer).code]).toEqual([status, code]);
    expect(answer.text).not.toContain('boom');
  });

  it('answers a Datadog that does not answer with 504', async () => {
    const { call, fake } = setupAdmin({ timeoutMs: 100 });
    fake.on('GET', DD.aws, { stall: true });
    const answer = await call('GET', integrationPaths.aws);
    expect([answer.status, apiError(answer).code]).toEqual([504, 'upstream_timeout']);
    expect(fake.aborted).toHaveLength(1);
  });
});

describe('POST /api/integrations/aws', () => {
  it('adds the account and answers 201 with the external id for the trust policy', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('POST', DD.aws, { body: { external_id: 'acb8f6b8a844443dbb726d07dcb1a870' } });
    const answer = await call('POST', integrationPaths.aws, { ...input, filterTags: [' env:prod ', 'service:checkout'] });
    expect(answer.status).toBe(201);
    expect(AwsCreateResponseSchema.parse(answer.json)).toEqual({ account: input, externalId: 'acb8f6b8a844443dbb726d07dcb1a870' });
    expect(sent(fake)).toEqual([
      [
        'POST',
        DD.aws,
        {
          account_id: ACCOUNT_ID,
          role_name: ROLE,
          filter_tags: ['env:prod', 'service:checkout'],
          host_tags: ['team:web'],
          account_specific_namespace_rules: { ec2: true, lambda: false },
        },
      ],
    ]);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({
      action: 'integration.aws.create',
      target: `aws:${ACCOUNT_ID}`,
      outcome: 'allowed',
      status: 201,
      detail: `role=${ROLE}; filterTags=2; hostTags=1; namespacesOff=lambda`,
    });
  });

  it('fills the optional lists in', async () => {
    const { call, fake } = setupAdmin();
    fake.on('POST', DD.aws, { body: { external_id: 'x1' } });
    const answer = await call('POST', integrationPaths.aws, { accountId: ACCOUNT_ID, roleName: ROLE });
    expect(AwsCreateResponseSchema.parse(answer.json).account).toEqual({ accountId: ACCOUNT_ID, roleName: ROLE, filterTags: [], hostTags: [], namespaceRules: {} });
    expect(fake.requests[0]?.body).toEqual({ account_id: ACCOUNT_ID, role_name: ROLE, filter_tags: [], host_tags: [], account_specific_namespace_rules: {} });
  });

  it('answers an account Datadog has already with 409 conflict', async () => {
    const { call, fake } = setupAdmin();
    fake.on('POST', DD.aws, { status: 409, body: { errors: [`AWS account ${ACCOUNT_ID} already exists in integration`] } });
    const answer = await call('POST', integrationPaths.aws, input);
    expect([answer.status, apiError(answer).code, apiError(answer).fields]).toEqual([
      409,
      'conflict',
      { accountId: [`AWS account ${ACCOUNT_ID} already exists in integration`] },
    ]);
  });

  it.each([
    ['a bad account id', { ...input, accountId: '12345' }, ['accountId']],
    ['a role name with a space', { ...input, roleName: 'Datadog Role' }, ['roleName']],
    ['no role name', { accountId: ACCOUNT_ID }, ['roleName']],
    ['a tag with a space', { ...input, hostTags: ['team web'] }, ['hostTags.0']],
    ['a tag with a comma', { ...input, filterTags: ['a,b'] }, ['filterTags.0']],
    ['an unknown field', { ...input, access_key_id: 'AKIA' }, ['access_key_id']],
    ['a bad namespace rule', { ...input, namespaceRules: { ec2: 'yes' } }, ['namespaceRules.ec2']],
  ])('rejects %s with 400, the field, and nothing upstream', async (_name, body, fields) => {
    const { call, fake } = setupAdmin();
    const answer = await call('POST', integrationPaths.aws, body);
    expect([answer.status, apiError(answer).code, Object.keys(apiError(answer).fields ?? {})]).toEqual([400, 'validation_failed', fields]);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('PUT /api/integrations/aws/:accountId/:roleName', () => {
  it('reads the account, then replaces it with the fields watchdeck does not edit kept', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('GET', DD.aws, { body: { accounts: [rawAwsAccount()] } });
    fake.on('PUT', DD.aws, { body: {} });
    const answer = await call('PUT', ONE, input);
    expect(answer.status).toBe(200);
    expect(AwsAccountSchema.parse(answer.json)).toEqual(input);
    expect(fake.requests.map((r) => [r.method, r.path, r.query, r.body])).toEqual([
      ['GET', DD.aws, { account_id: ACCOUNT_ID, role_name: ROLE }, undefined],
      [
        'PUT',
        DD.aws,
        { account_id: ACCOUNT_ID, role_name: ROLE },
        {
          account_id: ACCOUNT_ID,
          role_name: ROLE,
          excluded_regions: ['us-east-1'],
          metrics_collection_enabled: true,
          filter_tags: ['env:prod', 'service:checkout'],
          host_tags: ['team:web'],
          account_specific_namespace_rules: { ec2: true, lambda: false },
        },
      ],
    ]);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'integration.aws.update', target: `aws:${ACCOUNT_ID}`, status: 200 });
  });

  it('answers 404 when Datadog does not list the account with that role, and changes nothing', async () => {
    const { call, fake } = setupAdmin();
    fake.on('GET', DD.aws, { body: { accounts: [rawAwsAccount(ACCOUNT_ID, { role_name: 'OtherRole' })] } });
    const answer = await call('PUT', ONE, input);
    expect([answer.status, apiError(answer).code]).toEqual([404, 'not_found']);
    expect(fake.calls('PUT')).toHaveLength(0);
  });

  it('maps Datadog’s 400 "does not exist" on the PUT itself to 404', async () => {
    const { call, fake } = setupAdmin();
    fake.on('GET', DD.aws, { body: { accounts: [rawAwsAccount()] } });
    fake.on('PUT', DD.aws, { status: 400, body: { errors: [`AWS account ${ACCOUNT_ID} does not exist in integration`] } });
    const answer = await call('PUT', ONE, input);
    expect([answer.status, apiError(answer).message]).toEqual([404, `AWS account ${ACCOUNT_ID} does not exist in integration`]);
  });

  it('rejects a bad account id or role in the path, and a partial body, with 400 and nothing upstream', async () => {
    const { call, fake } = setupAdmin();
    const bad = await call('PUT', integrationPaths.awsAccount('1234', ROLE), input);
    expect(Object.keys(apiError(bad).fields ?? {})).toEqual(['params.accountId']);
    expect((await call('PUT', integrationPaths.awsAccount(ACCOUNT_ID, 'bad role!'), input)).status).toBe(400);
    expect((await call('PUT', ONE, { filterTags: [] })).status).toBe(400);
    expect(fake.requests).toHaveLength(0);
  });

  it('fails closed on a 5xx from the PUT: 502, and the change is said to be unconfirmed', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('GET', DD.aws, { body: { accounts: [rawAwsAccount()] } });
    fake.on('PUT', DD.aws, { status: 503 });
    const answer = await call('PUT', ONE, input);
    expect([answer.status, apiError(answer).code]).toEqual([502, 'upstream_error']);
    expect(apiError(answer).message).toContain('not confirmed');
    expect(fake.calls('PUT')).toHaveLength(1);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'integration.aws.update', outcome: 'failed', upstreamStatus: 503 });
  });
});

describe('DELETE /api/integrations/aws/:accountId/:roleName', () => {
  it('removes the account with its key in a JSON body, and answers 204', async () => {
    const { call, fake, store } = setupAdmin();
    fake.on('DELETE', DD.aws, { body: {} });
    const answer = await call('DELETE', ONE);
    expect([answer.status, answer.text]).toEqual([204, '']);
    expect(sent(fake)).toEqual([['DELETE', DD.aws, { account_id: ACCOUNT_ID, role_name: ROLE }]]);
    expect(fake.requests[0]?.headers['content-type']).toBe('application/json');
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'integration.aws.delete', target: `aws:${ACCOUNT_ID}`, detail: `role=${ROLE}`, status: 204 });
  });

  it('answers the recorded 400 "does not exist" with 404 not_found and Datadog’s words', async () => {
    const { call, fake } = setupAdmin();
    fake.on('DELETE', DD.aws, { status: 400, body: { errors: [`AWS account ${ACCOUNT_ID} does not exist in integration`] } });
    const answer = await call('DELETE', ONE);
    expect(answer.status).toBe(404);
    expect(apiError(answer)).toMatchObject({
      code: 'not_found',
      message: `AWS account ${ACCOUNT_ID} does not exist in integration`,
      upstream: [`AWS account ${ACCOUNT_ID} does not exist in integration`],
    });
  });

  it('passes another 400 on as upstream_rejected', async () => {
    const { call, fake } = setupAdmin();
    fake.on('DELETE', DD.aws, { status: 400, body: { errors: ['role_name is malformed'] } });
    const answer = await call('DELETE', ONE);
    expect([answer.status, apiError(answer).code, apiError(answer).upstream]).toEqual([400, 'upstream_rejected', ['role_name is malformed']]);
  });
});
