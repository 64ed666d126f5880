import { describe, expect, it } from 'vitest';
import { createAtlasSandbox } from '../testing/digest-client';
import { disposedAfterEach, type Json } from '../testing/temp-sandbox';
import { ATLAS_DEMO } from './demo-atlas';

const make = disposedAfterEach(createAtlasSandbox, (s) => s.t);

const CP = ATLAS_DEMO.projects.checkoutProd.id;
const AS = ATLAS_DEMO.projects.analyticsStaging.id;
const base = (id: string, v = 'v2') => `/api/atlas/${v}/groups/${id}/integrations`;

const SLACK_VIEW = { id: '64b0c1d2e3f4a5b6c7d8e901', type: 'SLACK', apiToken: '******5821', teamName: 'acme-eng', channelName: '#checkout-alerts' };
const DATADOG_VIEW = { id: '64b0c1d2e3f4a5b6c7d8e902', type: 'DATADOG', apiKey: '******7890', region: 'US' };
const WEBHOOK_VIEW = { id: '64b0c1d2e3f4a5b6c7d8e903', type: 'WEBHOOK', url: 'https://hooks.example.com/******3c9e', secret: '******' };

const PD_KEY = 'pd-service-key-0123456789abcdef';

describe('GET /groups/{groupId}/integrations', () => {
  it('lists each project’s configured integrations, redacted', async () => {
    const { atlas } = make();
    const cp = await atlas.call('GET', base(CP));
    expect(cp.status).toBe(200);
    expect(cp.headers.get('content-type')).toBe('application/vnd.atlas.2023-01-01+json');
    expect(cp.body).toEqual({ links: [], results: [SLACK_VIEW, DATADOG_VIEW], totalCount: 2 });
    expect((await atlas.call('GET', base(AS))).body).toEqual({ links: [], results: [WEBHOOK_VIEW], totalCount: 1 });
  });

  it('honours pageNum, itemsPerPage, includeCount and envelope', async () => {
    const { atlas } = make();
    expect((await atlas.call('GET', `${base(CP)}?pageNum=2&itemsPerPage=1`)).body).toEqual({ links: [], results: [DATADOG_VIEW], totalCount: 2 });
    expect((await atlas.call('GET', `${base(CP)}?itemsPerPage=1&includeCount=false`)).body).toEqual({ links: [], results: [SLACK_VIEW] });
    expect((await atlas.call('GET', `${base(CP)}?pageNum=5`)).body).toEqual({ links: [], results: [], totalCount: 2 });
    const env = await atlas.call('GET', `${base(AS)}?envelope=true`);
    expect(env.status).toBe(200);
    expect(env.body).toEqual({ status: 200, content: { links: [], results: [WEBHOOK_VIEW], totalCount: 1 } });
    for (const q of ['itemsPerPage=501', 'pageNum=0', 'includeCount=nope', 'envelope=yes']) {
      const r = await atlas.call('GET', `${base(CP)}?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.errorCode).toBe('INVALID_QUERY_PARAMETER');
    }
  });

  it('404 for an unknown project, 400 for a malformed id', async () => {
    const { atlas } = make();
    expect((await atlas.call('GET', base('0123456789abcdef01234567'))).body.errorCode).toBe('GROUP_NOT_FOUND');
    expect((await atlas.call('GET', base('xyz'))).status).toBe(400);
  });
});

describe('GET /groups/{groupId}/integrations/{TYPE}', () => {
  it('gets one configuration; 404 when the type is not configured there', async () => {
    const { atlas } = make();
    expect((await atlas.call('GET', `${base(CP)}/DATADOG`)).body).toEqual(DATADOG_VIEW);
    const nf = await atlas.call('GET', `${base(AS)}/SLACK`);
    expect(nf.status).toBe(404);
    expect(nf.body).toEqual({
      detail: `No SLACK integration is configured for group ${AS}.`,
      error: 404,
      errorCode: 'INTEGRATION_NOT_FOUND',
      parameters: ['SLACK', AS],
      reason: 'Not Found',
    });
  });

  it.each(['slack', 'HIP_CHAT', 'EMAIL', 'PAGERDUTY'])('400 INVALID_ENUM_VALUE for the type %s, naming the valid ones', async (type) => {
    const { atlas } = make();
    for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
      const r = await atlas.call(method, `${base(CP)}/${type}`, method === 'POST' || method === 'PUT' ? {} : undefined);
      expect(r.status, method).toBe(400);
      expect(r.body.errorCode).toBe('INVALID_ENUM_VALUE');
      expect(r.body.parameters).toEqual([type]);
      expect(r.body.detail).toContain(`An invalid enumeration value ${type} was specified`);
      expect(r.body.detail).toContain('PAGER_DUTY, SLACK, DATADOG, NEW_RELIC, OPS_GENIE, VICTOR_OPS, FLOWDOCK, WEBHOOK, MICROSOFT_TEAMS, PROMETHEUS');
    }
  });
});

describe('POST /groups/{groupId}/integrations/{TYPE}', () => {
  it('creates a configuration and answers with the project’s integrations (200, redacted)', async () => {
    const { atlas, storedValues } = make();
    const r = await atlas.call('POST', `${base(CP)}/PAGER_DUTY`, { type: 'PAGER_DUTY', serviceKey: PD_KEY });
    expect(r.status).toBe(200);
    expect(r.body.totalCount).toBe(3);
    const pd = r.body.results[2];
    expect(pd).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), type: 'PAGER_DUTY', serviceKey: '******cdef' });
    expect(r.body.results.slice(0, 2)).toEqual([SLACK_VIEW, DATADOG_VIEW]);
    expect(storedValues(CP, 'PAGER_DUTY')).toEqual({ serviceKey: PD_KEY });
    expect((await atlas.call('GET', `${base(CP)}/PAGER_DUTY`)).body).toEqual(pd);
  });

  it('applies the defaults of omitted enums (DATADOG and OPS_GENIE region US)', async () => {
    const { atlas, storedValues } = make();
    await atlas.call('POST', `${base(AS)}/DATADOG`, { apiKey: 'dd-key-for-analytics-0001' });
    expect(storedValues(AS, 'DATADOG')).toEqual({ apiKey: 'dd-key-for-analytics-0001', region: 'US' });
    await atlas.call('POST', `${base(AS)}/OPS_GENIE`, { apiKey: 'og-key-for-analytics-0002', region: 'EU' });
    expect(storedValues(AS, 'OPS_GENIE')).toEqual({ apiKey: 'og-key-for-analytics-0002', region: 'EU' });
  });

  it('409 for a type the project has already; nothing changes', async () => {
    const { atlas, storedJson } = make();
    const before = storedJson(CP, 'SLACK');
    const r = await atlas.call('POST', `${base(CP)}/SLACK`, { apiToken: 'another-token-00000000', teamName: 'x' });
    expect(r.status).toBe(409);
    expect(r.body).toEqual({
      detail: `A SLACK integration is already configured for group ${CP}: change it with PUT.`,
      error: 409,
      errorCode: 'INTEGRATION_ALREADY_CONFIGURED',
      parameters: ['SLACK', CP],
      reason: 'Conflict',
    });
    expect(storedJson(CP, 'SLACK')).toBe(before);
    // The same type in another project is fine.
    expect((await atlas.call('POST', `${base(AS)}/SLACK`, { apiToken: 'another-token-00000000', teamName: 'x' })).status).toBe(200);
  });

  it('404 for an unknown project', async () => {
    const { atlas } = make();
    expect((await atlas.call('POST', `${base('0123456789abcdef01234567')}/PAGER_DUTY`, { serviceKey: PD_KEY })).status).toBe(404);
  });

  it.each([
    ['a missing required field', 'SLACK', { apiToken: 'slack-token-12345678' }, 'MISSING_ATTRIBUTE', 'teamName', 'The required attribute teamName was not specified.'],
    ['a missing secret', 'PAGER_DUTY', {}, 'MISSING_ATTRIBUTE', 'serviceKey', 'The required attribute serviceKey was not specified.'],
    ['an unknown field', 'PAGER_DUTY', { serviceKey: PD_KEY, serviceKye: 'x' }, 'INVALID_ATTRIBUTE', 'serviceKye', 'PAGER_DUTY has no such field (its fields: serviceKey)'],
    ['a bad DATADOG region', 'DATADOG', { apiKey: 'dd-key-12345678', region: 'AP1' }, 'INVALID_ATTRIBUTE', 'region', 'Region must be one of US, US3, US5, EU'],
    ['a bad OPS_GENIE region', 'OPS_GENIE', { apiKey: 'og-key-12345678', region: 'US3' }, 'INVALID_ATTRIBUTE', 'region', 'Region must be one of US, EU'],
    ['a bad serviceDiscovery', 'PROMETHEUS', { username: 'u', password: 'p4ssword', serviceDiscovery: 'dns', enabled: true }, 'INVALID_ATTRIBUTE', 'serviceDiscovery', 'must be one of file, http'],
    ['enabled as a string', 'PROMETHEUS', { username: 'u', password: 'p4ssword', serviceDiscovery: 'http', enabled: 'true' }, 'INVALID_ATTRIBUTE', 'enabled', 'Enabled is true or false'],
    ['the read-only scheme', 'PROMETHEUS', { username: 'u', password: 'p4ssword', serviceDiscovery: 'http', enabled: true, scheme: 'http' }, 'INVALID_ATTRIBUTE', 'scheme', 'read-only'],
    ['a non-http webhook URL', 'WEBHOOK', { url: 'ftp://hooks.example.com/x' }, 'INVALID_ATTRIBUTE', 'url', 'URL must be a full http:// or https:// URL'],
    ['a relative Teams URL', 'MICROSOFT_TEAMS', { microsoftTeamsWebhookUrl: '/webhook/abc' }, 'INVALID_ATTRIBUTE', 'microsoftTeamsWebhookUrl', 'must be a full http:// or https:// URL'],
    ['a mask as the secret', 'PAGER_DUTY', { serviceKey: '******cdef' }, 'INVALID_ATTRIBUTE', 'serviceKey', 'not its mask'],
    ['a blank required text', 'FLOWDOCK', { flowName: ' ', apiToken: 'fd-token-12345678', orgName: 'acme' }, 'INVALID_ATTRIBUTE', 'flowName', 'Flow name is required'],
    ['a type that differs from the path', 'PAGER_DUTY', { type: 'SLACK', serviceKey: PD_KEY }, 'INVALID_ATTRIBUTE', 'type', 'differs from the type in the path'],
    ['clear on a create', 'WEBHOOK', { url: 'https://h.example.com/x', clear: ['secret'] }, 'INVALID_ATTRIBUTE', 'clear', 'no such field'],
  ] as const)('400 for %s, naming the field', async (_n, type, body, code, field, message) => {
    const { atlas, storedJson } = make();
    const project = type === 'WEBHOOK' ? CP : AS;
    const r = await atlas.call('POST', `${base(project)}/${type}`, body);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 400, errorCode: code, parameters: [field], reason: 'Bad Request' });
    expect(r.body.detail).toContain(field);
    expect(r.body.detail).toContain(message);
    expect(storedJson(project, type)).toBeUndefined();
  });

  it('400 INVALID_JSON for a body that is not a JSON object', async () => {
    const { atlas } = make();
    for (const body of ['{"serviceKey":', '[]', '"x"', '']) {
      const r = await atlas.call('POST', `${base(CP)}/PAGER_DUTY`, body);
      expect(r.status, body).toBe(400);
      expect(r.body.errorCode).toBe('INVALID_JSON');
    }
  });
});

describe('PUT /groups/{groupId}/integrations/{TYPE}', () => {
  it('changes the given fields, keeps omitted ones, answers with the list', async () => {
    const { atlas, storedValues } = make();
    const r = await atlas.call('PUT', `${base(CP)}/SLACK`, { type: 'SLACK', channelName: '#checkout-oncall' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ links: [], results: [{ ...SLACK_VIEW, channelName: '#checkout-oncall' }, DATADOG_VIEW], totalCount: 2 });
    expect(storedValues(CP, 'SLACK')).toEqual({ ...ATLAS_DEMO.integrations[0].values, channelName: '#checkout-oncall' });
  });

  it('404 when the type is not configured; nothing is created', async () => {
    const { atlas, storedJson } = make();
    const r = await atlas.call('PUT', `${base(CP)}/PAGER_DUTY`, { serviceKey: PD_KEY });
    expect(r.status).toBe(404);
    expect(r.body.errorCode).toBe('INTEGRATION_NOT_FOUND');
    expect(storedJson(CP, 'PAGER_DUTY')).toBeUndefined();
  });

  it('400 for a bad value or an unknown field, and the stored values stay as they were', async () => {
    const { atlas, storedJson } = make();
    const before = storedJson(CP, 'DATADOG');
    for (const [body, field] of [
      [{ region: 'XX' }, 'region'],
      [{ apiKey: 'new-key-12345678', extra: 1 }, 'extra'],
      [{ region: null }, 'region'],
    ] as const) {
      const r = await atlas.call('PUT', `${base(CP)}/DATADOG`, body);
      expect(r.status).toBe(400);
      expect(r.body.parameters).toEqual([field]);
    }
    expect(storedJson(CP, 'DATADOG')).toBe(before);
  });
});

describe('DELETE /groups/{groupId}/integrations/{TYPE}', () => {
  it('204 with no body, then 404; the other integrations stay', async () => {
    const { atlas, storedJson } = make();
    const r = await atlas.call('DELETE', `${base(CP)}/SLACK`);
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    expect(storedJson(CP, 'SLACK')).toBeUndefined();
    expect((await atlas.call('DELETE', `${base(CP)}/SLACK`)).status).toBe(404);
    expect((await atlas.call('GET', base(CP))).body.results).toEqual([DATADOG_VIEW]);
    // Configurable again afterwards.
    expect((await atlas.call('POST', `${base(CP)}/SLACK`, { apiToken: 'fresh-token-00000000', teamName: 'acme' })).status).toBe(200);
  });

  it('with envelope=true: HTTP 200 {status: 204}', async () => {
    const { atlas } = make();
    const r = await atlas.call('DELETE', `${base(AS)}/WEBHOOK?envelope=true`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 204, content: {} });
  });
});

describe('v1.0 is the same resource', () => {
  it('reads and writes the same store with the same answers, as application/json', async () => {
    const { atlas } = make();
    const calls: [string, string, Json?][] = [
      ['GET', ''],
      ['GET', '/SLACK'],
      ['GET', '/PAGER_DUTY'],
      ['GET', '/NOPE'],
      ['GET', '?itemsPerPage=1&pageNum=2'],
    ];
    for (const [method, suffix, body] of calls) {
      const v2 = await atlas.call(method, `${base(CP)}${suffix}`, body);
      const v1 = await atlas.call(method, `${base(CP, 'v1.0')}${suffix}`, body, { accept: 'application/json' });
      expect(v1.status, suffix).toBe(v2.status);
      expect(v1.body, suffix).toEqual(v2.body);
      expect(v1.headers.get('content-type')).toBe('application/json');
    }
    const created = await atlas.call('POST', `${base(CP, 'v1.0')}/PAGER_DUTY`, { serviceKey: PD_KEY });
    expect(created.status).toBe(200);
    expect((await atlas.call('GET', base(CP))).body).toEqual(created.body);
    expect((await atlas.call('POST', `${base(CP)}/PAGER_DUTY`, { serviceKey: PD_KEY })).status).toBe(409);
    expect((await atlas.call('DELETE', `${base(CP, 'v1.0')}/PAGER_DUTY`)).status).toBe(204);
    expect((await atlas.call('GET', `${base(CP)}/PAGER_DUTY`)).status).toBe(404);
  });
});
