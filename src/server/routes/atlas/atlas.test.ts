import { integrationPaths } from '../../../contract/api-paths';
import {
  ATLAS_FIELDS,
  ATLAS_TYPES,
  AtlasIntegrationSchema,
  AtlasIntegrationsResponseSchema,
  AtlasProjectsResponseSchema,
  redactAtlasValue,
  type AtlasType,
} from '../../../contract/atlas';
import { SECRET_MASK } from '../../../contract/secrets';
import {
  ATLAS_CANARY,
  ATLAS_SECRET_CANARIES,
  PROJECT_A,
  PROJECT_A_NAME,
  PROJECT_B,
  PROJECT_B_NAME,
  rotated,
  SECRET_FIELDS,
  setupAtlas,
  validAtlasInput,
} from '../../testing/atlas-fixtures';
import { NOW } from '../../testing/fixtures';
import { apiError, setup } from '../../testing/test-app';
import { ATLAS_NOT_CONFIGURED } from '../../upstreams/atlas/errors';

const PROJECTS = integrationPaths.atlasProjects;
const PROJECT = integrationPaths.atlasProject(PROJECT_A);
const one = (type: string, project = PROJECT_A) => integrationPaths.atlasIntegration(project, type);
const spec = (type: AtlasType, field: string) => ATLAS_FIELDS[type].find((f) => f.name === field) as (typeof ATLAS_FIELDS)[AtlasType][number];
const maskOf = (type: AtlasType, field: string, value: string) => redactAtlasValue(spec(type, field), value);
const lastAudit = (t: ReturnType<typeof setupAtlas>) => t.store.audit.query({ limit: 1 })[0];

describe('GET /api/integrations/atlas/projects', () => {
  it('lists the projects with the types configured in each (one call per project)', async () => {
    const t = setupAtlas();
    t.atlasFake.setIntegration(PROJECT_A, 'WEBHOOK', { url: 'https://h.example.com/x-12345678' });
    t.atlasFake.setIntegration(PROJECT_A, 'PAGER_DUTY', { serviceKey: 'pd-1234567890' });
    const answer = await t.call('GET', PROJECTS);
    expect(answer.status).toBe(200);
    expect(AtlasProjectsResponseSchema.parse(answer.json)).toEqual({
      available: true,
      projects: [
        { id: PROJECT_A, name: PROJECT_A_NAME, configuredTypes: ['PAGER_DUTY', 'WEBHOOK'] },
        { id: PROJECT_B, name: PROJECT_B_NAME, configuredTypes: [] },
      ],
      lastChange: null,
      error: null,
      fetchedAt: NOW,
      stale: false,
    });
    expect(t.atlasFake.authorized().map((r) => [r.method, r.path]).sort()).toEqual([
      ['GET', '/api/atlas/v2/groups'],
      ['GET', `/api/atlas/v2/groups/${PROJECT_A}/integrations`],
      ['GET', `/api/atlas/v2/groups/${PROJECT_B}/integrations`],
    ]);
    expect(t.fake.requests).toHaveLength(0);
  });

  it('coalesces concurrent reads into one set of Atlas calls', async () => {
    const t = setupAtlas();
    const answers = await Promise.all([t.call('GET', PROJECTS), t.call('GET', PROJECTS), t.call('GET', PROJECTS)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(t.atlasFake.authorized()).toHaveLength(3);
  });

  it('names the last Atlas change made through watchdeck (a failed or refused one does not count)', async () => {
    const t = setupAtlas();
    expect((await t.callAs('admin', 'POST', one('PAGER_DUTY'), validAtlasInput('PAGER_DUTY'))).status).toBe(201);
    t.atlasFake.failNext({ status: 200, body: { type: 'PAGER_DUTY', serviceKey: '******7890' } }, { status: 500 });
    expect((await t.callAs('admin', 'PUT', one('PAGER_DUTY'), { serviceKey: 'pd-next-1234567890' })).status).toBe(502);
    expect((await t.callAs('admin', 'DELETE', one('SLACK'))).status).toBe(404);
    expect((await t.callAs('responder', 'DELETE', one('PAGER_DUTY'))).status).toBe(403);
    expect(t.store.audit.query({ limit: 10 }).map((r) => [r.action, r.outcome])).toEqual([
      ['integration.atlas.delete', 'denied'],
      ['integration.atlas.delete', 'invalid'],
      ['integration.atlas.update', 'failed'],
      ['integration.atlas.create', 'allowed'],
    ]);
    const body = AtlasProjectsResponseSchema.parse((await t.call('GET', PROJECTS)).json);
    expect(body.lastChange).toEqual({ at: NOW, by: 'test-admin', action: 'integration.atlas.create' });
    expect(body.projects[0]?.configuredTypes).toEqual(['PAGER_DUTY']);
  });

  it('says available:false, and calls nothing, when the BFF has no Atlas keys', async () => {
    const t = setup({ as: 'admin' });
    const answer = await t.call('GET', PROJECTS);
    expect([answer.status, answer.json]).toEqual([200, { available: false, projects: [], lastChange: null, error: null }]);
    expect(t.fake.requests).toHaveLength(0);
  });

  it('says why Atlas could not be read instead of failing the page (a refused key here)', async () => {
    const t = setupAtlas({ clientKeys: { publicKey: ATLAS_CANARY.publicKey, privateKey: 'not-the-key' } });
    const answer = await t.call('GET', PROJECTS);
    const body = AtlasProjectsResponseSchema.parse(answer.json);
    expect([answer.status, body.available, body.projects]).toEqual([200, true, []]);
    expect(body.error).toMatch(/^Atlas refused the BFF's API key/);
    expect(t.atlasFake.received.map((r) => r.status)).toEqual([401, 401]);
    expect(t.logs.join('\n')).toContain('"msg":"upstream failed"');
  });

  it('leaves configuredTypes out for a project the key may not read, and lists the rest', async () => {
    const t = setupAtlas();
    t.atlasFake.setIntegration(PROJECT_B, 'SLACK', validAtlasInput('SLACK'));
    t.atlasFake.forbidden.add(PROJECT_A);
    const answer = await t.call('GET', PROJECTS);
    expect(AtlasProjectsResponseSchema.parse(answer.json)).toMatchObject({
      error: null,
      projects: [
        { id: PROJECT_A, name: PROJECT_A_NAME },
        { id: PROJECT_B, name: PROJECT_B_NAME, configuredTypes: ['SLACK'] },
      ],
    });
    expect((answer.json as { projects: object[] }).projects[0]).not.toHaveProperty('configuredTypes');
  });

  it('fails as a whole, with the reason, when Atlas fails for a reason other than access', async () => {
    const t = setupAtlas();
    t.atlasFake.failNext({ status: 200, body: { results: [{ id: PROJECT_A, name: 'A' }], totalCount: 1 } }, { status: 500 });
    const body = AtlasProjectsResponseSchema.parse((await t.call('GET', PROJECTS)).json);
    expect([body.projects, body.error]).toEqual([[], 'Atlas failed (status 500).']);
  });
});

describe('GET /api/integrations/atlas/projects/:projectId', () => {
  it('answers the project and its integrations, secrets masked, each with its last change', async () => {
    const t = setupAtlas();
    t.atlasFake.setIntegration(PROJECT_A, 'DATADOG', { apiKey: ATLAS_SECRET_CANARIES.DATADOG.apiKey, region: 'EU' });
    t.atlasFake.setIntegration(PROJECT_A, 'PAGER_DUTY', { serviceKey: ATLAS_SECRET_CANARIES.PAGER_DUTY.serviceKey });
    expect((await t.call('PUT', one('PAGER_DUTY'), { serviceKey: 'pd-new-key-4321' })).status).toBe(200);
    const answer = await t.call('GET', PROJECT);
    expect(answer.status).toBe(200);
    expect(AtlasIntegrationsResponseSchema.parse(answer.json)).toEqual({
      project: { id: PROJECT_A, name: PROJECT_A_NAME, configuredTypes: ['PAGER_DUTY', 'DATADOG'] },
      integrations: [
        { type: 'PAGER_DUTY', values: { serviceKey: '******4321' }, lastChange: { at: NOW, by: 'test-admin', action: 'integration.atlas.update' } },
        { type: 'DATADOG', values: { apiKey: '******0002', region: 'EU' }, lastChange: null },
      ],
      fetchedAt: NOW,
      stale: false,
    });
    expect(t.atlasFake.authorized('GET').slice(-2).map((r) => r.path).sort()).toEqual([
      `/api/atlas/v2/groups/${PROJECT_A}`,
      `/api/atlas/v2/groups/${PROJECT_A}/integrations`,
    ]);
  });

  it('masks secrets Atlas sent back unmasked', async () => {
    const t = setupAtlas();
    for (const type of ATLAS_TYPES) t.atlasFake.setIntegration(PROJECT_A, type, validAtlasInput(type));
    t.atlasFake.leakSecrets = true;
    const answer = await t.call('GET', PROJECT);
    const body = AtlasIntegrationsResponseSchema.parse(answer.json);
    expect(body.integrations.map((i) => i.type)).toEqual([...ATLAS_TYPES]);
    for (const [type, field] of SECRET_FIELDS) {
      const secret = ATLAS_SECRET_CANARIES[type][field] as string;
      expect(answer.text).not.toContain(secret);
      expect(body.integrations.find((i) => i.type === type)?.values[field]).toBe(maskOf(type, field, secret));
    }
  });

  it('answers 404 for a project Atlas does not know', async () => {
    const t = setupAtlas();
    const answer = await t.call('GET', integrationPaths.atlasProject('0123456789abcdef01234567'));
    expect([answer.status, apiError(answer).code]).toEqual([404, 'not_found']);
  });

  it.each(['xyz', '5F1A2B3C4D5E6F7A8B9C0D1E', `${PROJECT_A}0`, PROJECT_A.slice(1), '..%2F..%2Forgs'])(
    'refuses the project id %s with 400 and sends nothing',
    async (id) => {
      const t = setupAtlas();
      const answer = await t.call('GET', `${PROJECTS}/${id}`);
      expect([answer.status, Object.keys(apiError(answer).fields ?? {})]).toEqual([400, ['params.projectId']]);
      expect(t.atlasFake.received).toHaveLength(0);
    },
  );

  it('answers 503 with a clear message when the BFF has no Atlas keys', async () => {
    const t = setup({ as: 'admin' });
    for (const [method, path, body] of [
      ['GET', PROJECT],
      ['POST', one('PAGER_DUTY'), validAtlasInput('PAGER_DUTY')],
      ['PUT', one('PAGER_DUTY'), { serviceKey: 'x-1234567890' }],
      ['DELETE', one('PAGER_DUTY')],
    ] as const) {
      const answer = await t.call(method, path, body);
      expect([method, answer.status, apiError(answer).code, apiError(answer).message]).toEqual([method, 503, 'upstream_error', ATLAS_NOT_CONFIGURED]);
    }
  });

  it('answers 502 upstream_auth for a refused key, and keeps the user signed in', async () => {
    const t = setupAtlas({ clientKeys: { publicKey: 'wrong', privateKey: ATLAS_CANARY.privateKey } });
    const answer = await t.call('GET', PROJECT);
    expect([answer.status, apiError(answer).code]).toEqual([502, 'upstream_auth']);
    expect(answer.res.headers.get('set-cookie')).toBeNull();
    expect((await t.call('GET', '/api/session')).status).toBe(200);
  });
});

describe('POST /api/integrations/atlas/projects/:projectId/:type', () => {
  it.each(ATLAS_TYPES)('creates %s: sends exactly the fields, answers masked, audits field names only', async (type) => {
    const t = setupAtlas();
    const input = validAtlasInput(type);
    const answer = await t.call('POST', one(type), input);
    expect(answer.status).toBe(201);
    const body = AtlasIntegrationSchema.parse(answer.json);
    expect(body.type).toBe(type);
    expect(body.lastChange).toEqual({ at: NOW, by: 'test-admin', action: 'integration.atlas.create' });
    const posts = t.atlasFake.authorized('POST');
    expect(posts.map((r) => [r.path, r.body])).toEqual([[`/api/atlas/v2/groups/${PROJECT_A}/integrations/${type}`, { type, ...input }]]);
    expect(t.atlasFake.stored(PROJECT_A, type)).toEqual(input);
    const record = lastAudit(t);
    expect(record).toMatchObject({ action: 'integration.atlas.create', target: `atlas:${PROJECT_A}:${type}`, outcome: 'allowed', status: 201, upstreamStatus: 200 });
    for (const [, field] of SECRET_FIELDS.filter(([ty]) => ty === type)) {
      const secret = ATLAS_SECRET_CANARIES[type][field] as string;
      expect(body.values[field]).toBe(maskOf(type, field, secret));
      // Each kind as it reads back: last 4, scheme and host, or nothing at all.
      expect(record?.detail).toContain(`${field} set (now ${maskOf(type, field, secret)})`);
      expect(answer.text).not.toContain(secret);
      expect(JSON.stringify(record)).not.toContain(secret);
      expect(t.logs.join('\n')).not.toContain(secret);
    }
  });

  it('answers an existing type with 409 conflict, saying to edit it instead', async () => {
    const t = setupAtlas();
    t.atlasFake.setIntegration(PROJECT_A, 'PAGER_DUTY', { serviceKey: 'old-1234567890' });
    const answer = await t.call('POST', one('PAGER_DUTY'), { serviceKey: 'new-1234567890' });
    expect([answer.status, apiError(answer).code, apiError(answer).message]).toEqual([
      409,
      'conflict',
      'PagerDuty is already configured for this project; edit it instead',
    ]);
    expect(t.atlasFake.stored(PROJECT_A, 'PAGER_DUTY')).toEqual({ serviceKey: 'old-1234567890' });
    expect(lastAudit(t)).toMatchObject({ action: 'integration.atlas.create', outcome: 'invalid', status: 409, upstreamStatus: 409 });
  });

  it('scrubs a secret Atlas echoes back in an error', async () => {
    const t = setupAtlas();
    const secret = ATLAS_SECRET_CANARIES.PAGER_DUTY.serviceKey;
    // Faults go to requests that pass the digest check, so the POST itself meets this one.
    t.atlasFake.failNext({ status: 400, body: { detail: `serviceKey ${secret} is not a PagerDuty key`, errorCode: 'INVALID_ATTRIBUTE' } });
    const answer = await t.call('POST', one('PAGER_DUTY'), { serviceKey: secret });
    expect([answer.status, apiError(answer).code, apiError(answer).upstream]).toEqual([
      400,
      'upstream_rejected',
      ['serviceKey [redacted] is not a PagerDuty key'],
    ]);
    expect(answer.text).not.toContain(secret);
  });

  it.each([
    ['a malformed URL', 'WEBHOOK', { url: 'not a url' }, ['url']],
    ['a URL that is not http(s)', 'MICROSOFT_TEAMS', { microsoftTeamsWebhookUrl: 'ftp://teams.example.com/x' }, ['microsoftTeamsWebhookUrl']],
    ['a missing required field', 'PAGER_DUTY', {}, ['serviceKey']],
    ['missing required fields', 'SLACK', { channelName: '#x' }, ['apiToken', 'teamName']],
    ['an unknown region', 'DATADOG', { apiKey: 'dd-1234567890', region: 'MARS' }, ['region']],
    ['a non-boolean switch', 'PROMETHEUS', { username: 'u', password: 'p', serviceDiscovery: 'http', enabled: 'yes' }, ['enabled']],
    ['an unknown field', 'PAGER_DUTY', { serviceKey: 'pd-1234567890', region: 'EU' }, ['region']],
    ['a read-only field', 'PROMETHEUS', { username: 'u', password: 'p', serviceDiscovery: 'http', enabled: true, scheme: 'http' }, ['scheme']],
    ['the mask instead of a secret', 'PAGER_DUTY', { serviceKey: '******7890' }, ['serviceKey']],
    ['clear on a create', 'WEBHOOK', { url: 'https://h.example.com/x', clear: ['secret'] }, ['clear']],
    ['a __proto__ key', 'PAGER_DUTY', '{"serviceKey":"pd-1234567890","__proto__":{"admin":true}}', ['__proto__']],
  ])('refuses %s with 400 field errors and sends nothing', async (_why, type, body, fields) => {
    const t = setupAtlas();
    const answer = await t.call('POST', one(type), body);
    expect([answer.status, apiError(answer).code]).toEqual([400, 'validation_failed']);
    expect(Object.keys(apiError(answer).fields ?? {}).sort()).toEqual(fields);
    expect(t.atlasFake.received).toHaveLength(0);
    expect(lastAudit(t)).toMatchObject({ action: 'integration.atlas.create', outcome: 'invalid', status: 400 });
  });

  it.each([
    ['an unknown type', one('PAGERDUTY'), ['params.type']],
    ['a lower-case type', one('pager_duty'), ['params.type']],
    ['a bad project id', one('PAGER_DUTY', 'not-a-project'), ['params.projectId']],
  ])('refuses %s with 400 before reading the body, and sends nothing', async (_why, path, fields) => {
    const t = setupAtlas();
    const answer = await t.call('POST', path, { serviceKey: 'pd-1234567890' });
    expect([answer.status, Object.keys(apiError(answer).fields ?? {})]).toEqual([400, fields]);
    expect(t.atlasFake.received).toHaveLength(0);
  });

  it('refuses a body that is not a JSON object', async () => {
    const t = setupAtlas();
    for (const body of ['[1,2]', '"text"', '{"serviceKey":']) expect((await t.call('POST', one('PAGER_DUTY'), body)).status).toBe(400);
    expect((await t.call('POST', one('PAGER_DUTY'), 'serviceKey=x', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect(t.atlasFake.received).toHaveLength(0);
  });
});

describe('PUT /api/integrations/atlas/projects/:projectId/:type (write-only secrets)', () => {
  const STORED = { apiKey: ATLAS_SECRET_CANARIES.DATADOG.apiKey, region: 'US' };

  function withDatadog() {
    const t = setupAtlas();
    t.atlasFake.setIntegration(PROJECT_A, 'DATADOG', STORED);
    return t;
  }
  const lastPut = (t: ReturnType<typeof setupAtlas>) => t.atlasFake.authorized('PUT').at(-1)?.body;

  it('an omitted secret is left out upstream and stays byte-identical; other fields change', async () => {
    const t = withDatadog();
    const answer = await t.call('PUT', one('DATADOG'), { region: 'EU' });
    expect(answer.status).toBe(200);
    expect(AtlasIntegrationSchema.parse(answer.json)).toEqual({
      type: 'DATADOG',
      values: { apiKey: '******0002', region: 'EU' },
      lastChange: { at: NOW, by: 'test-admin', action: 'integration.atlas.update' },
    });
    expect(t.atlasFake.authorized().map((r) => r.method)).toEqual(['GET', 'PUT']);
    expect(lastPut(t)).toEqual({ type: 'DATADOG', region: 'EU' });
    expect(t.atlasFake.stored(PROJECT_A, 'DATADOG')).toEqual({ apiKey: STORED.apiKey, region: 'EU' });
    expect(lastAudit(t)).toMatchObject({ action: 'integration.atlas.update', target: `atlas:${PROJECT_A}:DATADOG`, outcome: 'allowed', detail: 'region US → EU' });
  });

  it('the unchanged mask sent back is left out upstream too (a mask never travels)', async () => {
    const t = withDatadog();
    const read = AtlasIntegrationsResponseSchema.parse((await t.call('GET', PROJECT)).json);
    const values = read.integrations[0]?.values ?? {};
    expect((await t.call('PUT', one('DATADOG'), values)).status).toBe(200);
    expect(lastPut(t)).toEqual({ type: 'DATADOG', region: 'US' });
    expect(t.atlasFake.stored(PROJECT_A, 'DATADOG')).toEqual(STORED);
    expect(lastAudit(t)?.detail).toBe('no changes');
  });

  it('an empty secret keeps it as well', async () => {
    const t = withDatadog();
    expect((await t.call('PUT', one('DATADOG'), { apiKey: '' })).status).toBe(200);
    expect(lastPut(t)).toEqual({ type: 'DATADOG', region: 'US' });
    expect(t.atlasFake.stored(PROJECT_A, 'DATADOG')).toEqual(STORED);
  });

  it('a new value replaces the secret; the audit says rotated with the new mask only', async () => {
    const t = withDatadog();
    const answer = await t.call('PUT', one('DATADOG'), { apiKey: 'dd-new-key-1234567890', region: 'US3' });
    expect(AtlasIntegrationSchema.parse(answer.json).values).toEqual({ apiKey: '******7890', region: 'US3' });
    expect(lastPut(t)).toEqual({ type: 'DATADOG', apiKey: 'dd-new-key-1234567890', region: 'US3' });
    expect(t.atlasFake.stored(PROJECT_A, 'DATADOG')).toEqual({ apiKey: 'dd-new-key-1234567890', region: 'US3' });
    expect(lastAudit(t)?.detail).toBe('apiKey rotated (now ******7890); region US → US3');
  });

  it('clear removes an optional secret; the other secret is kept', async () => {
    const t = setupAtlas();
    const stored = { url: ATLAS_SECRET_CANARIES.WEBHOOK.url, secret: ATLAS_SECRET_CANARIES.WEBHOOK.secret };
    t.atlasFake.setIntegration(PROJECT_A, 'WEBHOOK', stored);
    const answer = await t.call('PUT', one('WEBHOOK'), { clear: ['secret'] });
    expect(AtlasIntegrationSchema.parse(answer.json).values).toEqual({ url: 'https://hooks.example.com/******0009', secret: null });
    expect(lastPut(t)).toEqual({ type: 'WEBHOOK', clear: ['secret'] });
    expect(t.atlasFake.stored(PROJECT_A, 'WEBHOOK')).toEqual({ url: stored.url });
    expect(lastAudit(t)?.detail).toBe('secret cleared');
  });

  it.each([
    ['SLACK', 'channelName', '"#alerts"'],
    ['VICTOR_OPS', 'routingKey', 'atlas-routing'],
  ] as const)('clear removes the optional text %s.%s; the secrets are kept and the audit names the old value', async (type, field, shown) => {
    const t = setupAtlas();
    const stored = validAtlasInput(type);
    t.atlasFake.setIntegration(PROJECT_A, type, stored);
    const answer = await t.call('PUT', one(type), { clear: [field] });
    expect(answer.status).toBe(200);
    expect(AtlasIntegrationSchema.parse(answer.json).values[field]).toBeNull();
    const { [field]: _gone, ...rest } = stored;
    const secrets = new Set(SECRET_FIELDS.filter(([ty]) => ty === type).map(([, f]) => f));
    expect(lastPut(t)).toEqual({ type, ...Object.fromEntries(Object.entries(rest).filter(([k]) => !secrets.has(k))), clear: [field] });
    expect(t.atlasFake.stored(PROJECT_A, type)).toEqual(rest);
    expect(lastAudit(t)?.detail).toBe(`${field} ${shown} → (none)`);
  });

  it('a fully masked secret never shows any of itself in the audit', async () => {
    const t = setupAtlas();
    t.atlasFake.setIntegration(PROJECT_A, 'WEBHOOK', { url: ATLAS_SECRET_CANARIES.WEBHOOK.url });
    expect((await t.call('PUT', one('WEBHOOK'), { secret: 'signing-secret-abcd' })).status).toBe(200);
    expect(lastAudit(t)?.detail).toBe('secret set (now ******)');
  });

  it.each([
    ['clear and a new value for the same field', 'WEBHOOK', { secret: 'new-secret-123456', clear: ['secret'] }, ['secret']],
    ['clear and a new text for the same field', 'SLACK', { channelName: '#ops', clear: ['channelName'] }, ['channelName']],
    ['clearing a required text', 'SLACK', { clear: ['teamName'] }, ['clear.0']],
    ['an empty optional text (it is removed with clear)', 'SLACK', { channelName: '' }, ['channelName']],
    ['clearing a required secret', 'WEBHOOK', { clear: ['url'] }, ['clear.0']],
    ['clearing on a type with no optional field', 'PAGER_DUTY', { clear: ['serviceKey'] }, ['clear']],
    ['clearing an enum', 'DATADOG', { clear: ['region'] }, ['clear']],
    ['a malformed URL', 'WEBHOOK', { url: 'http//broken' }, ['url']],
    ['an unknown region', 'DATADOG', { region: 'MARS' }, ['region']],
    ['an unknown field', 'DATADOG', { site: 'datadoghq.eu' }, ['site']],
  ])('refuses %s with 400 and sends nothing', async (_why, type, body, fields) => {
    const t = setupAtlas();
    t.atlasFake.setIntegration(PROJECT_A, type as AtlasType, validAtlasInput(type as AtlasType));
    const answer = await t.call('PUT', one(type), body);
    expect([answer.status, Object.keys(apiError(answer).fields ?? {}).sort()]).toEqual([400, fields]);
    expect(t.atlasFake.received).toHaveLength(0);
  });

  it('answers 404 for a type that is not configured, and PUTs nothing', async () => {
    const t = setupAtlas();
    const answer = await t.call('PUT', one('OPS_GENIE'), { region: 'EU' });
    expect([answer.status, apiError(answer).code, apiError(answer).message]).toEqual([404, 'not_found', 'Opsgenie is not configured for this project']);
    expect(t.atlasFake.authorized('PUT')).toHaveLength(0);
  });

  describe.each(SECRET_FIELDS)('%s.%s', (type, field) => {
    const secret = ATLAS_SECRET_CANARIES[type][field] as string;

    it('kept when omitted or sent as its mask: never upstream, byte-identical', async () => {
      const t = setupAtlas();
      const input = validAtlasInput(type);
      t.atlasFake.setIntegration(PROJECT_A, type, input);
      for (const body of [{}, { [field]: maskOf(type, field, secret) }]) {
        expect((await t.call('PUT', one(type), body)).status).toBe(200);
        const sent = lastPut(t) as Record<string, unknown>;
        expect(sent).not.toHaveProperty(field);
        expect(JSON.stringify(sent)).not.toContain(SECRET_MASK);
        expect(t.atlasFake.stored(PROJECT_A, type)?.[field]).toBe(secret);
      }
    });

    it('replaced by a new value; the answer and the audit show only its mask', async () => {
      const t = setupAtlas();
      t.atlasFake.setIntegration(PROJECT_A, type, validAtlasInput(type));
      const next = rotated(secret);
      const answer = await t.call('PUT', one(type), { [field]: next });
      expect(answer.status).toBe(200);
      expect((lastPut(t) as Record<string, unknown>)[field]).toBe(next);
      expect(t.atlasFake.stored(PROJECT_A, type)?.[field]).toBe(next);
      expect(AtlasIntegrationSchema.parse(answer.json).values[field]).toBe(maskOf(type, field, next));
      const record = lastAudit(t);
      expect(record?.detail).toContain(`${field} rotated (now ${maskOf(type, field, next)})`);
      if (spec(type, field).kind === 'secretFull') expect(record?.detail).toContain(`${field} rotated (now ${SECRET_MASK})`);
      for (const value of [secret, next]) {
        expect(answer.text).not.toContain(value);
        expect(JSON.stringify(record)).not.toContain(value);
        expect(t.logs.join('\n')).not.toContain(value);
      }
    });
  });
});

describe('DELETE /api/integrations/atlas/projects/:projectId/:type', () => {
  it('removes the integration and answers 204', async () => {
    const t = setupAtlas();
    t.atlasFake.setIntegration(PROJECT_A, 'SLACK', validAtlasInput('SLACK'));
    const answer = await t.call('DELETE', one('SLACK'));
    expect([answer.status, answer.text]).toEqual([204, '']);
    expect(t.atlasFake.authorized().map((r) => [r.method, r.path])).toEqual([['DELETE', `/api/atlas/v2/groups/${PROJECT_A}/integrations/SLACK`]]);
    expect(t.atlasFake.stored(PROJECT_A, 'SLACK')).toBeUndefined();
    expect(lastAudit(t)).toMatchObject({ action: 'integration.atlas.delete', target: `atlas:${PROJECT_A}:SLACK`, outcome: 'allowed', status: 204, detail: 'SLACK removed' });
  });

  it('answers 404 when the type is not configured', async () => {
    const t = setupAtlas();
    const answer = await t.call('DELETE', one('SLACK'));
    expect([answer.status, apiError(answer).message]).toEqual([404, 'Slack is not configured for this project']);
  });
});

describe('Atlas routes: roles and faults', () => {
  const ROUTES = [
    ['GET', PROJECTS, undefined],
    ['GET', PROJECT, undefined],
    ['POST', one('PAGER_DUTY'), { serviceKey: 'pd-1234567890' }],
    ['PUT', one('PAGER_DUTY'), { serviceKey: 'pd-1234567890' }],
    ['DELETE', one('PAGER_DUTY'), undefined],
  ] as const;

  it.each(ROUTES.flatMap(([method, path, body]) => (['viewer', 'responder'] as const).map((role) => [role, method, path, body] as const)))(
    'a %s gets 403 for %s %s, and Atlas hears nothing',
    async (role, method, path, body) => {
      const t = setupAtlas();
      t.atlasFake.setIntegration(PROJECT_A, 'PAGER_DUTY', { serviceKey: 'pd-1234567890' });
      const answer = await t.callAs(role, method, path, body);
      expect([answer.status, apiError(answer).code]).toEqual([403, 'forbidden']);
      expect(t.atlasFake.received).toHaveLength(0);
      expect(t.atlasFake.stored(PROJECT_A, 'PAGER_DUTY')).toEqual({ serviceKey: 'pd-1234567890' });
    },
  );

  it('passes a 429 on with Retry-After, and a mutation’s 5xx as 502 without retrying', async () => {
    const t = setupAtlas();
    t.atlasFake.failNext({ status: 429, headers: { 'Retry-After': '12' } });
    const limited = await t.call('DELETE', one('SLACK'));
    expect([limited.status, limited.res.headers.get('retry-after'), apiError(limited).retryAfter]).toEqual([429, '12', 12]);
    t.atlasFake.failNext({ status: 500, body: { detail: ATLAS_CANARY.privateKey } });
    const failed = await t.call('POST', one('SLACK'), validAtlasInput('SLACK'));
    expect([failed.status, apiError(failed).code]).toEqual([502, 'upstream_error']);
    expect(apiError(failed).message).toContain('not confirmed');
    expect(t.atlasFake.authorized('POST')).toHaveLength(1);
    expect(lastAudit(t)).toMatchObject({ outcome: 'failed', status: 502, upstreamStatus: 500 });
  });

  it('answers a stalled Atlas with 504 within the deadline', async () => {
    const t = setupAtlas({ timeoutMs: 150 });
    t.atlasFake.failNext({ status: 200, stall: true });
    const started = Date.now();
    const answer = await t.call('GET', PROJECT);
    expect([answer.status, apiError(answer).code]).toEqual([504, 'upstream_timeout']);
    expect(Date.now() - started).toBeLessThan(650);
  });
});
