import { ApiErrorBodySchema } from '../../../contract/errors';
import type { FakeReply } from '../../testing/fake-upstream';
import { NOW } from '../../testing/fixtures';
import { INCIDENT_ID, TEAM_ID, TODO_ID } from '../../testing/incident-fixtures';
import { apiError, CANARY, expectNoSecrets, secretForms, setup, type TestCaller } from '../../testing/test-app';

/** How Datadog failures reach the browser on every incident, people and team route (as upstream-errors.test.ts does for monitors). */
const ROUTES: [TestCaller, string, string, unknown?][] = [
  ['viewer', 'GET', '/api/incidents'],
  ['responder', 'POST', '/api/incidents', { title: 'x', severity: 'SEV-2', customerImpacted: false }],
  ['viewer', 'GET', `/api/incidents/${INCIDENT_ID}`],
  ['responder', 'PATCH', `/api/incidents/${INCIDENT_ID}`, { severity: 'SEV-1' }],
  ['responder', 'POST', `/api/incidents/${INCIDENT_ID}/resolve`],
  ['admin', 'DELETE', `/api/incidents/${INCIDENT_ID}`],
  ['responder', 'POST', `/api/incidents/${INCIDENT_ID}/notes`, { content: 'x' }],
  ['responder', 'POST', `/api/incidents/${INCIDENT_ID}/todos`, { content: 'x' }],
  ['responder', 'PATCH', `/api/incidents/${INCIDENT_ID}/todos/${TODO_ID}`, { completed: true }],
  ['viewer', 'GET', `/api/incidents/${INCIDENT_ID}/timeline`],
  ['viewer', 'GET', '/api/people'],
  ['viewer', 'GET', '/api/teams'],
  ['admin', 'POST', '/api/teams', { name: 'x', handle: 'x' }],
  ['viewer', 'GET', `/api/teams/${TEAM_ID}`],
  ['admin', 'PATCH', `/api/teams/${TEAM_ID}`, { name: 'x' }],
  ['admin', 'DELETE', `/api/teams/${TEAM_ID}`],
  ['admin', 'POST', `/api/teams/${TEAM_ID}/members`, { userId: 'u1' }],
  ['admin', 'DELETE', `/api/teams/${TEAM_ID}/members/u1`],
];

const echo = { errors: [`your key ${CANARY.apiKey} / ${CANARY.appKey}`, ...secretForms()] };
const jsonApi = { 'Content-Type': 'application/vnd.api+json' };

const CASES: [string, FakeReply, number, string][] = [
  ['404', { status: 404, body: { errors: ['incident not found'] } }, 404, 'not_found'],
  ['429', { status: 429, headers: { 'X-RateLimit-Reset': '17' }, body: { errors: ['Rate limit'] } }, 429, 'rate_limited'],
  ['500 echoing the key', { status: 500, body: echo }, 502, 'upstream_error'],
  ['401', { status: 401, body: { errors: ['Unauthorized'] } }, 502, 'upstream_auth'],
  ['403', { status: 403, body: { errors: ['API key required'] } }, 502, 'upstream_auth'],
  ['400 (JSON:API, echoing the key)', { status: 400, headers: jsonApi, body: { errors: [{ title: 'Bad Request', detail: `bad ${CANARY.apiKey}` }] } }, 400, 'upstream_rejected'],
  ['200 that is not JSON', { status: 200, body: '<html>maintenance</html>' }, 502, 'upstream_error'],
];

describe.each(ROUTES)('as %s, %s %s', (caller, method, path, body) => {
  // A delete reads no answer body (Datadog's is empty), so an unreadable one cannot fail it.
  const cases = method === 'DELETE' ? CASES.filter(([name]) => !name.startsWith('200')) : CASES;
  it.each(cases)('maps a Datadog %s', async (_name, reply, status, code) => {
    const { callAs, fake, logs } = setup({ now: () => NOW });
    for (const m of ['GET', 'POST', 'PATCH', 'DELETE']) fake.on(m, /.*/, reply);
    const answer = await callAs(caller, method, path, body);
    // The timeline and notes read the incident first; people and lists read once: every route fails the same way.
    expect([answer.status, apiError(answer).code]).toEqual([status, code]);
    ApiErrorBodySchema.parse(answer.json);
    if (status === 429) expect(answer.res.headers.get('retry-after')).toBe('17');
    if (status >= 500) expect(apiError(answer).upstream).toBeUndefined();
    if (status === 400) expect(apiError(answer).upstream).toEqual(['bad [redacted]']);
    expectNoSecrets(answer);
    for (const form of secretForms()) expect(logs.join('\n')).not.toContain(form);
  });

  it('answers 504 for a stalled Datadog within the timeout + 0.5 s', async () => {
    const { callAs, fake } = setup({ timeoutMs: 200 });
    for (const m of ['GET', 'POST', 'PATCH', 'DELETE']) fake.on(m, /.*/, { stall: true });
    const started = Date.now();
    const answer = await callAs(caller, method, path, body);
    expect(Date.now() - started).toBeLessThan(200 + 500);
    expect([answer.status, apiError(answer).code]).toEqual([504, 'upstream_timeout']);
    expect(fake.aborted.length).toBeGreaterThan(0);
  });
});

describe('changes that fail on the way', () => {
  it('say the change was not confirmed, and are never retried', async () => {
    const { call, fake } = setup({ retries: 2 });
    fake.on('GET', /.*/, { status: 503, body: {} });
    fake.on('POST', '/api/v2/incidents', { status: 503, body: {} });
    const answer = await call('POST', '/api/incidents', { title: 'x', severity: 'SEV-2', customerImpacted: false });
    expect(answer.status).toBe(502);
    expect(apiError(answer).message).toContain('not confirmed');
    expect(fake.calls('POST')).toHaveLength(1);
    await call('GET', '/api/incidents');
    expect(fake.calls('GET', '/api/v2/incidents/search')).toHaveLength(3);
  });
});
