import { describe, expect, it } from 'vitest';
import { AtlasTestClient, createAtlasSandbox } from '../testing/digest-client';
import { disposedAfterEach, TEST_NOW_MS } from '../testing/temp-sandbox';
import { ATLAS_DEMO } from './demo-atlas';

const make = disposedAfterEach(createAtlasSandbox, (s) => s.t);

const P = ATLAS_DEMO.projects;
const V2 = 'application/vnd.atlas.2023-01-01+json';
const daysAgo = (d: number) => new Date(TEST_NOW_MS - d * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const checkoutProd = {
  id: P.checkoutProd.id,
  name: 'checkout-prod',
  orgId: ATLAS_DEMO.orgId,
  clusterCount: 3,
  created: daysAgo(420),
  links: [],
};
const analyticsStaging = {
  id: P.analyticsStaging.id,
  name: 'analytics-staging',
  orgId: ATLAS_DEMO.orgId,
  clusterCount: 1,
  created: daysAgo(180),
  links: [],
};

describe('GET /api/atlas/v2/groups', () => {
  it('lists the two demo projects', async () => {
    const { atlas } = make();
    const r = await atlas.call('GET', '/api/atlas/v2/groups');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe(V2);
    expect(r.body).toEqual({ links: [], results: [checkoutProd, analyticsStaging], totalCount: 2 });
    for (const p of r.body.results) expect(p.id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('pages with pageNum/itemsPerPage and drops totalCount with includeCount=false', async () => {
    const { atlas } = make();
    const p2 = await atlas.call('GET', '/api/atlas/v2/groups?pageNum=2&itemsPerPage=1');
    expect(p2.body).toEqual({ links: [], results: [analyticsStaging], totalCount: 2 });
    const past = await atlas.call('GET', '/api/atlas/v2/groups?pageNum=3&itemsPerPage=1&includeCount=false');
    expect(past.body).toEqual({ links: [], results: [] });
  });

  it('an empty seed has no projects', async () => {
    const { atlas } = make({ seed: 'empty' });
    expect((await atlas.call('GET', '/api/atlas/v2/groups')).body).toEqual({ links: [], results: [], totalCount: 0 });
  });
});

describe('GET /api/atlas/v2/groups/{groupId}', () => {
  it('gets one project; upper-case hex is the same id', async () => {
    const { atlas } = make();
    expect((await atlas.call('GET', `/api/atlas/v2/groups/${P.analyticsStaging.id}`)).body).toEqual(analyticsStaging);
    expect((await atlas.call('GET', `/api/atlas/v2/groups/${P.checkoutProd.id.toUpperCase()}`)).body).toEqual(checkoutProd);
  });

  it('404 GROUP_NOT_FOUND for an unknown id, 400 INVALID_GROUP_ID for a malformed one', async () => {
    const { atlas } = make();
    const missing = '0123456789abcdef01234567';
    const nf = await atlas.call('GET', `/api/atlas/v2/groups/${missing}`);
    expect(nf.status).toBe(404);
    expect(nf.headers.get('content-type')).toBe(V2);
    expect(nf.body).toEqual({ detail: `No group with ID ${missing} exists.`, error: 404, errorCode: 'GROUP_NOT_FOUND', parameters: [missing], reason: 'Not Found' });
    for (const bad of ['checkout-prod', '5f1a2b3c4d5e6f7a8b9c0d1', '5f1a2b3c4d5e6f7a8b9c0d1eX', 'zf1a2b3c4d5e6f7a8b9c0d1e']) {
      const r = await atlas.call('GET', `/api/atlas/v2/groups/${bad}`);
      expect(r.status, bad).toBe(400);
      expect(r.body).toEqual({ detail: `Invalid group ID ${bad}.`, error: 400, errorCode: 'INVALID_GROUP_ID', parameters: [bad], reason: 'Bad Request' });
    }
  });
});

describe('versions, content types and query flags', () => {
  it('v2 accepts the 2023-01-01 media type, application/json, */* or no Accept; answers in the v2 media type', async () => {
    const { t } = make();
    for (const accept of [V2, 'application/json', '*/*', 'text/html, application/json;q=0.9', '']) {
      const r = await new AtlasTestClient(t.sandbox.fetch, undefined, undefined, accept).call('GET', '/api/atlas/v2/groups');
      expect(r.status, accept).toBe(200);
      expect(r.headers.get('content-type')).toBe(V2);
    }
  });

  it('v2 answers 406 for another version date or only non-JSON types', async () => {
    const { t } = make();
    for (const accept of ['application/vnd.atlas.2099-01-01+json', 'text/html']) {
      const r = await new AtlasTestClient(t.sandbox.fetch, undefined, undefined, accept).call('GET', '/api/atlas/v2/groups');
      expect(r.status, accept).toBe(406);
      expect(r.body).toMatchObject({ error: 406, errorCode: 'INVALID_VERSION_DATE', reason: 'Not Acceptable', parameters: [accept] });
    }
  });

  it('v1.0 serves the same projects as application/json', async () => {
    const { atlas } = make();
    for (const path of ['/groups', `/groups/${P.checkoutProd.id}`, '/groups?itemsPerPage=1&pageNum=2', '/groups/0123456789abcdef01234567', '/groups/nope']) {
      const v2 = await atlas.call('GET', `/api/atlas/v2${path}`);
      const v1 = await atlas.call('GET', `/api/atlas/v1.0${path}`, undefined, { accept: 'application/json' });
      expect(v1.status, path).toBe(v2.status);
      expect(v1.body, path).toEqual(v2.body);
      expect(v1.headers.get('content-type')).toBe('application/json');
    }
  });

  it('envelope=true wraps answers and errors as {status, content} with HTTP 200; pretty=true indents', async () => {
    const { atlas } = make();
    const list = await atlas.call('GET', '/api/atlas/v2/groups?envelope=true&itemsPerPage=1');
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ status: 200, content: { links: [], results: [checkoutProd], totalCount: 2 } });
    const missing = await atlas.call('GET', '/api/atlas/v2/groups/0123456789abcdef01234567?envelope=true');
    expect(missing.status).toBe(200);
    expect(missing.body).toMatchObject({ status: 404, content: { error: 404, errorCode: 'GROUP_NOT_FOUND' } });
    const pretty = await atlas.call('GET', `/api/atlas/v2/groups/${P.checkoutProd.id}?pretty=true`);
    expect(pretty.text).toBe(JSON.stringify(checkoutProd, null, 2));
  });

  it.each([
    ['pageNum=0', 'pageNum'],
    ['pageNum=-1', 'pageNum'],
    ['pageNum=x', 'pageNum'],
    ['itemsPerPage=0', 'itemsPerPage'],
    ['itemsPerPage=501', 'itemsPerPage'],
    ['itemsPerPage=1.5', 'itemsPerPage'],
    ['includeCount=yes', 'includeCount'],
    ['envelope=1', 'envelope'],
    ['pretty=maybe', 'pretty'],
  ])('400 INVALID_QUERY_PARAMETER for %s', async (query, name) => {
    const { atlas } = make();
    const r = await atlas.call('GET', `/api/atlas/v2/groups?${query}`);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 400, errorCode: 'INVALID_QUERY_PARAMETER', reason: 'Bad Request' });
    expect(r.body.parameters[0]).toBe(name);
    expect(r.body.detail).toContain(name);
  });

  it('itemsPerPage=500 is allowed', async () => {
    const { atlas } = make();
    expect((await atlas.call('GET', '/api/atlas/v2/groups?itemsPerPage=500')).status).toBe(200);
  });

  it('unknown Atlas paths are 404 RESOURCE_NOT_FOUND; other methods on known ones are 405 with Allow', async () => {
    const { atlas } = make();
    const nf = await atlas.call('GET', '/api/atlas/v2/clusters');
    expect(nf.status).toBe(404);
    expect(nf.body).toEqual({
      detail: 'Cannot find resource /api/atlas/v2/clusters.',
      error: 404,
      errorCode: 'RESOURCE_NOT_FOUND',
      parameters: ['/api/atlas/v2/clusters'],
      reason: 'Not Found',
    });
    const na = await atlas.call('POST', '/api/atlas/v2/groups', { name: 'new' });
    expect(na.status).toBe(405);
    expect(na.headers.get('allow')).toBe('GET');
    expect(na.body).toMatchObject({ error: 405, errorCode: 'METHOD_NOT_ALLOWED', reason: 'Method Not Allowed' });
    const patch = await atlas.call('PATCH', `/api/atlas/v1.0/groups/${P.checkoutProd.id}/integrations/SLACK`, {});
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('GET, POST, PUT, DELETE');
    expect(patch.headers.get('content-type')).toBe('application/json');
  });
});
