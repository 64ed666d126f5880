import { type Role, roleAtLeast } from '../../contract/auth';
import { NOW, UUID_A, UUID_B, UUID_C } from '../testing/fixtures';
import { expectNoSecrets, setup, TEST_USERS, type TestCaller } from '../testing/test-app';
import { routeTable } from './route-table';

/**
 * SECURITY 13/14/17: the policy table (each route's minRole) against every
 * caller: anonymous, each role, and a disabled user (whose role is admin).
 * A deny is 401 (no usable session) or 403 (role), reaches no upstream, and a
 * denied change still writes exactly one audit record.
 */
const CALLERS: TestCaller[] = [null, 'viewer', 'responder', 'admin', 'disabled'];

const PARAMS: Record<string, Record<string, string>> = {
  '/api/monitors/:id': { id: '42' },
  '/api/monitors/:id/mute': { id: '42' },
  '/api/monitors/:id/unmute': { id: '42' },
  '/api/monitors/:id/history': { id: '42' },
  '/api/downtimes/:id': { id: UUID_A },
  '/api/users/:username': { username: TEST_USERS.viewer },
  '/api/incidents/:id': { id: UUID_A },
  '/api/incidents/:id/resolve': { id: UUID_A },
  '/api/incidents/:id/notes': { id: UUID_A },
  '/api/incidents/:id/timeline': { id: UUID_A },
  '/api/incidents/:id/todos': { id: UUID_A },
  '/api/incidents/:id/todos/:todoId': { id: UUID_A, todoId: UUID_B },
  '/api/teams/:id': { id: UUID_C },
  '/api/teams/:id/members': { id: UUID_C },
  '/api/teams/:id/members/:userId': { id: UUID_C, userId: 'user-1' },
  '/api/integrations/aws/:accountId/:roleName': { accountId: '123456789012', roleName: 'DatadogAWSIntegrationRole' },
  '/api/integrations/slack/accounts/:account': { account: 'main' },
  '/api/integrations/slack/accounts/:account/channels': { account: 'main' },
  '/api/integrations/slack/accounts/:account/channels/:channel': { account: 'main', channel: 'alerts' },
  '/api/integrations/pagerduty/:name': { name: 'matrix-service' },
  '/api/integrations/webhooks/:name': { name: 'matrix-hook' },
  '/api/integrations/webhooks/:name/test': { name: 'matrix-hook' },
  '/api/integrations/webhook-variables/:name': { name: 'MATRIX_VAR' },
  '/api/integrations/atlas/projects/:projectId': { projectId: '5f1a2b3c4d5e6f7a8b9c0d1e' },
  '/api/integrations/atlas/projects/:projectId/:type': { projectId: '5f1a2b3c4d5e6f7a8b9c0d1e', type: 'PAGER_DUTY' },
  '/api/maintenance/windows/:id': { id: UUID_A },
  '/api/maintenance/windows/:id/extend': { id: UUID_A },
  '/api/maintenance/windows/:id/end': { id: UUID_A },
  '/api/maintenance/windows/:id/end-settings': { id: UUID_A },
  '/api/maintenance/windows/:id/until-recovered': { id: UUID_A },
};

/** A plan within every guardrail for a responder (so only the role decides). */
const MATRIX_PLAN = {
  targets: { monitorIds: [42], monitorTags: [] },
  scope: '*',
  schedule: { kind: 'once', start: null, end: NOW + 3_600_000 },
  reason: 'matrix',
};

const BODIES: Record<string, unknown> = {
  'post /api/session': { username: 'nobody', password: 'not-a-password' },
  'post /api/monitors/:id/mute': { scope: '*', end: NOW + 3_600_000, reason: 'matrix' },
  'post /api/monitors/:id/unmute': { all: true },
  'post /api/users': { username: 'matrix-user', password: 'matrix-password-123', role: 'viewer' },
  'patch /api/users/:username': { role: 'viewer' },
  'post /api/_test/upstream-fault': { status: null },
  'post /api/_test/slack-workspaces': { accounts: [] },
  'post /api/incidents': { title: 'Checkout down', severity: 'SEV-2', customerImpacted: false },
  'patch /api/incidents/:id': { severity: 'SEV-1' },
  'post /api/incidents/:id/notes': { content: 'matrix note' },
  'post /api/incidents/:id/todos': { content: 'matrix todo' },
  'patch /api/incidents/:id/todos/:todoId': { completed: true },
  'post /api/teams': { name: 'Matrix', handle: 'matrix' },
  'patch /api/teams/:id': { name: 'Matrix 2' },
  'post /api/teams/:id/members': { userId: 'user-1' },
  'post /api/integrations/aws': { accountId: '123456789012', roleName: 'DatadogAWSIntegrationRole' },
  'put /api/integrations/aws/:accountId/:roleName': { accountId: '123456789012', roleName: 'DatadogAWSIntegrationRole' },
  'post /api/integrations/slack/accounts': { name: 'main' },
  'post /api/integrations/slack/accounts/:account/channels': { name: 'alerts' },
  'patch /api/integrations/slack/accounts/:account/channels/:channel': { display: { tags: false } },
  'post /api/integrations/pagerduty': { name: 'matrix-service', serviceKey: 'matrix-pd-key-1234' },
  'put /api/integrations/pagerduty/:name': { serviceKey: 'matrix-pd-key-5678' },
  'post /api/integrations/webhooks': { name: 'matrix-hook', url: 'https://hooks.example.com/matrix' },
  'put /api/integrations/webhooks/:name': { encodeAs: 'form' },
  'post /api/integrations/webhook-variables': { name: 'MATRIX_VAR', value: 'matrix' },
  'put /api/integrations/webhook-variables/:name': { value: 'matrix-2' },
  'post /api/integrations/atlas/projects/:projectId/:type': { serviceKey: 'matrix-service-key-1234' },
  'put /api/integrations/atlas/projects/:projectId/:type': { serviceKey: 'matrix-service-key-5678' },
  'post /api/service-checks': { check: 'app.ok', host: 'matrix-host', status: 2, tags: ['env:prod'] },
  'post /api/maintenance/preview': MATRIX_PLAN,
  'post /api/maintenance/windows': MATRIX_PLAN,
  'post /api/maintenance/windows/:id/extend': { minutes: 30 },
  'put /api/maintenance/windows/:id/end-settings': {
    endSettings: { notifyEndStates: ['alert'], notifyEndTypes: ['expired'], muteFirstRecovery: false },
  },
  'post /api/maintenance/cleanup': { windowIds: [UUID_A] },
};

const table = routeTable({ testControls: true });
const controls = { reset: () => {}, setUpstreamFault: () => {}, idle: async () => {} };

function concrete(path: string): string {
  const params = PARAMS[path] ?? {};
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`policy matrix: no example for ${name} in ${path}; add one`);
    return value;
  });
}

/** What the table says: null = allowed, else the deny status. */
function expected(minRole: string, path: string, method: string, caller: TestCaller): 401 | 403 | null {
  const sessionRoute = path === '/api/session' && method !== 'post';
  if (minRole === 'public' && !sessionRoute) return null;
  if (caller === null || caller === 'disabled') return 401;
  if (minRole === 'public') return null;
  return roleAtLeast(caller, minRole as Role) ? null : 403;
}

describe('policy matrix: every caller x every (method, route)', () => {
  it('covers the whole table, test controls included', () => {
    expect(table.length).toBeGreaterThanOrEqual(16);
    for (const { spec } of table) expect(() => concrete(spec.path)).not.toThrow();
  });

  const cells = table.flatMap(({ spec }) =>
    CALLERS.map((caller) => [spec.method.toUpperCase(), spec.path, spec.minRole, caller ?? 'anonymous'] as const),
  );

  it.each(cells)('%s %s (min %s) as %s', async (method, path, minRole, callerName) => {
    const caller = callerName === 'anonymous' ? null : (callerName as TestCaller);
    const { callAs, fake, store } = setup({
      config: { mode: 'embedded', upstream: null, testControls: true },
      testControls: controls,
    });
    const before = store.audit.count();
    const answer = await callAs(caller, method, concrete(path), BODIES[`${method.toLowerCase()} ${path}`]);
    const want = expected(minRole, path, method.toLowerCase(), caller);
    const code = (answer.json as { error?: { code?: string } } | undefined)?.error?.code;
    if (want === null) {
      expect(answer.status).not.toBe(403);
      expect(code).not.toBe('unauthorized');
    } else {
      expect([answer.status, code]).toEqual([want, want === 401 ? 'unauthorized' : 'forbidden']);
      expect(fake.requests).toHaveLength(0);
      expect(answer.res.headers.get('location')).toBeNull();
    }
    expectNoSecrets(answer);
    const audited = store.audit.count() - before;
    expect(audited).toBe(method === 'GET' ? 0 : 1);
    if (want !== null && method !== 'GET') expect(store.audit.query({ limit: 1 })[0]?.outcome).toBe('denied');
  });
});
