import { setup } from '../testing/test-app';
import { openApiPath } from './openapi';
import { routeTable } from './route-table';

type Doc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, { type?: string; properties?: Record<string, unknown> }>;
    securitySchemes: Record<string, { type: string; in: string; name: string }>;
  };
};
type Operation = {
  operationId: string;
  summary: string;
  'x-min-role': string;
  security: Record<string, string[]>[];
  parameters: { name: string; in: string; required: boolean; schema: object }[];
  requestBody?: { content: { 'application/json': { schema: { properties?: Record<string, unknown> } } } };
  responses: Record<string, { description: string; content?: Record<string, { schema: { $ref?: string } }> }>;
};

async function fetchDoc(testControls = false): Promise<Doc> {
  const { call } = setup(
    testControls ? { config: { mode: 'embedded', upstream: null }, testControls: { reset() {}, setUpstreamFault() {} } } : {},
  );
  const answer = await call('GET', '/api/openapi.json');
  expect(answer.status).toBe(200);
  return answer.json as Doc;
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document with the ApiError schema', async () => {
    const doc = await fetchDoc();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'watchdeck BFF', version: expect.any(String) });
    expect(doc.components.schemas.ApiError?.properties).toHaveProperty('error');
  });

  it('lists every route of the table, and only those', async () => {
    const doc = await fetchDoc();
    const listed = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    const table = routeTable({ testControls: false }).map((r) => `${r.spec.method} ${openApiPath(r.spec.path)}`);
    expect(listed.sort()).toEqual(table.sort());
    expect(listed).toEqual(
      expect.arrayContaining([
        'get /api/healthz',
        'get /api/config',
        'get /api/openapi.json',
        'get /api/monitors',
        'get /api/monitors/{id}',
        'post /api/monitors/{id}/mute',
        'post /api/monitors/{id}/unmute',
        'delete /api/downtimes/{id}',
        'post /api/session',
        'get /api/session',
        'delete /api/session',
        'get /api/users',
        'post /api/users',
        'patch /api/users/{username}',
        'get /api/audit',
        'get /api/audit.csv',
        'get /api/maintenance/windows',
        'post /api/maintenance/windows',
        'get /api/maintenance/windows/{id}',
        'post /api/maintenance/windows/{id}/extend',
        'post /api/maintenance/windows/{id}/end',
        'put /api/maintenance/windows/{id}/end-settings',
        'post /api/maintenance/windows/{id}/until-recovered',
        'post /api/maintenance/preview',
        'get /api/maintenance/hygiene',
        'post /api/maintenance/cleanup',
      ]),
    );
  });

  it('states each operation’s lowest role from the same policy table, and the cookie and CSRF schemes', async () => {
    const doc = await fetchDoc();
    for (const { spec } of routeTable({ testControls: false })) {
      const op = doc.paths[openApiPath(spec.path)]?.[spec.method] as Operation;
      expect([spec.method, spec.path, op['x-min-role']]).toEqual([spec.method, spec.path, spec.minRole]);
      const schemes = op.security.flatMap((s) => Object.keys(s)).sort();
      const want = [...(spec.minRole === 'public' ? [] : ['session']), ...(spec.path === '/api/healthz' ? [] : ['csrf'])].sort();
      expect([spec.path, schemes]).toEqual([spec.path, want]);
    }
    expect(doc.paths['/api/monitors/{id}/mute']?.post?.['x-min-role']).toBe('responder');
    expect(doc.paths['/api/users']?.post?.['x-min-role']).toBe('admin');
    expect(doc.paths['/api/monitors']?.get?.['x-min-role']).toBe('viewer');
    expect(doc.paths['/api/maintenance/windows']?.post?.['x-min-role']).toBe('responder');
    expect(doc.paths['/api/maintenance/preview']?.post?.['x-min-role']).toBe('viewer');
    expect(doc.paths['/api/maintenance/cleanup']?.post?.['x-min-role']).toBe('admin');
    expect(doc.components.securitySchemes).toEqual({
      session: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: '__Host-watchdeck_session' }),
      csrf: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-CSRF' }),
    });
  });

  it('describes the CSV export as text/csv', async () => {
    const doc = await fetchDoc();
    expect(Object.keys(doc.paths['/api/audit.csv']?.get?.responses['200']?.content ?? {})).toEqual(['text/csv']);
  });

  it('never lists the test controls, even when they are on', async () => {
    const doc = await fetchDoc(true);
    expect(Object.keys(doc.paths).filter((p) => p.includes('_test'))).toEqual([]);
  });

  it('describes parameters, bodies and responses', async () => {
    const doc = await fetchDoc();
    const mute = doc.paths['/api/monitors/{id}/mute']?.post as Operation;
    expect(mute.operationId).toBe('muteMonitor');
    expect(mute.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: expect.objectContaining({ type: 'string', pattern: '^[0-9]{1,16}$' }) },
    ]);
    expect(Object.keys(mute.requestBody?.content['application/json'].schema.properties ?? {}).sort()).toEqual([
      'end',
      'reason',
      'scope',
    ]);
    expect(mute.responses['200']?.content?.['application/json']?.schema).toHaveProperty('properties');
    expect(mute.responses['400']?.content?.['application/json']?.schema.$ref).toBe('#/components/schemas/ApiError');
    expect(mute.responses.default).toBeDefined();
    const del = doc.paths['/api/downtimes/{id}']?.delete as Operation;
    expect(del.responses['204']).toEqual({ description: expect.any(String) });
    for (const ops of Object.values(doc.paths)) {
      for (const op of Object.values(ops)) {
        expect(op.summary.length).toBeGreaterThan(0);
        expect(Object.keys(op.responses).some((s) => s.startsWith('2'))).toBe(true);
      }
    }
  });
});
