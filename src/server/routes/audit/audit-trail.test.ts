import { AuditRecordSchema } from '../../../contract/auth';
import { NOW, rawDowntime, UUID_A } from '../../testing/fixtures';
import { addUser, CANARY, setup, TEST_USERS } from '../../testing/test-app';

/**
 * SECURITY 33-36: every change to /api, allowed or denied, writes exactly one
 * audit record (to the store) and one JSON line {"msg":"audit"} (to the log).
 */
const HOUR = 3_600_000;
const CANARY_PASSWORD = 'canary-user-password-51c0de';
const mute = { scope: 'host:web-1', end: NOW + HOUR, reason: 'NIC swap on web-1, CHG-7781' };

function audited(t: ReturnType<typeof setup>) {
  const lines = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'audit');
  return { records: t.store.audit.query({ limit: 100 }), lines };
}

describe('audit trail', () => {
  it('records an allowed mute: UTC time, actor, role, action, target, outcome, status, upstream status, request id, detail', async () => {
    const t = setup();
    t.fake.on('POST', '/api/v2/downtime', { body: { data: rawDowntime(UUID_A) } });
    const answer = await t.call('POST', '/api/monitors/1000012/mute', mute);
    expect(answer.status).toBe(200);
    const { records, lines } = audited(t);
    expect(records).toHaveLength(1);
    const record = AuditRecordSchema.parse(records[0]);
    expect(record).toEqual({
      id: 1,
      time: NOW,
      actor: TEST_USERS.responder,
      role: 'responder',
      action: 'monitor.mute',
      target: 'monitor:1000012',
      outcome: 'allowed',
      status: 200,
      upstreamStatus: 200,
      requestId: answer.res.headers.get('x-request-id'),
      detail: `scope=host:web-1 end=${new Date(NOW + HOUR).toISOString()} reason=NIC swap on web-1, CHG-7781`,
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'audit', auditId: 1, actor: TEST_USERS.responder, requestId: record.requestId });
    expect(lines[0]?.time).toBe(new Date(NOW).toISOString());
  });

  it('writes nothing for reads', async () => {
    const t = setup();
    await t.call('GET', '/api/healthz');
    await t.call('GET', '/api/session');
    await t.callAs(null, 'GET', '/api/monitors');
    expect(audited(t).records).toHaveLength(0);
  });

  it.each([
    ['no X-CSRF header', 'responder', 'POST', '/api/monitors/1/mute', mute, { 'X-CSRF': '' }, 403, 'denied', 'monitor.mute'],
    ['a foreign Origin', 'responder', 'POST', '/api/monitors/1/mute', mute, { Origin: 'https://evil.example' }, 403, 'denied', 'monitor.mute'],
    ['no session', null, 'POST', '/api/monitors/1/mute', mute, {}, 401, 'denied', 'monitor.mute'],
    ['a viewer', 'viewer', 'DELETE', `/api/downtimes/${UUID_A}`, undefined, {}, 403, 'denied', 'downtime.cancel'],
    ['a disabled user', 'disabled', 'POST', '/api/users', { username: 'x1', password: 'p'.repeat(12), role: 'admin' }, {}, 401, 'denied', 'user.create'],
    ['an invalid body', 'responder', 'POST', '/api/monitors/1/mute', { end: NOW - 1, reason: 'r' }, {}, 400, 'invalid', 'monitor.mute'],
    ['a body over 64 KB', 'responder', 'POST', '/api/monitors/1/mute', { ...mute, reason: 'x'.repeat(70_000) }, {}, 413, 'invalid', 'monitor.mute'],
    ['a non-JSON body', 'responder', 'POST', '/api/monitors/1/mute', 'scope=*', { 'Content-Type': 'text/plain' }, 415, 'invalid', 'monitor.mute'],
    ['an unknown path', 'admin', 'POST', '/api/v1/monitor', {}, {}, 404, 'invalid', 'http.post'],
    ['a wrong method', 'admin', 'PUT', '/api/monitors/1', {}, {}, 405, 'invalid', 'http.put'],
    ['a responder over the mute limit', 'responder', 'POST', '/api/monitors/1/mute', { ...mute, end: null }, {}, 403, 'denied', 'monitor.mute'],
  ] as const)('records exactly one denied or invalid change: %s', async (_name, caller, method, path, body, headers, status, outcome, action) => {
    const t = setup();
    const answer = await t.callAs(caller, method, path, body, headers);
    expect(answer.status).toBe(status);
    const { records, lines } = audited(t);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ status, outcome, action, upstreamStatus: null, requestId: answer.res.headers.get('x-request-id') });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe('warn');
    expect(t.fake.requests).toHaveLength(0);
  });

  it('logs refused reads at warn too: CSRF failure, 401, 403, validation (SECURITY 35)', async () => {
    const t = setup();
    await t.call('GET', '/api/monitors', undefined, { 'X-CSRF': '' });
    await t.callAs(null, 'GET', '/api/monitors');
    await t.callAs('viewer', 'GET', '/api/users');
    await t.call('GET', '/api/monitors?page=1');
    const refused = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request refused');
    expect(refused.map((l) => [l.level, l.status, l.code])).toEqual([
      ['warn', 403, 'forbidden'],
      ['warn', 401, 'unauthorized'],
      ['warn', 403, 'forbidden'],
      ['warn', 400, 'validation_failed'],
    ]);
  });

  it('records sign-in success and failure, and sign-out, without the password', async () => {
    const t = setup({ as: null });
    await addUser(t.store, 'alice', 'viewer', CANARY_PASSWORD);
    await t.callAs(null, 'POST', '/api/session', { username: 'alice', password: 'wrong-password-000' });
    const ok = await t.callAs(null, 'POST', '/api/session', { username: 'alice', password: CANARY_PASSWORD });
    const cookie = (ok.res.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
    await t.callAs(null, 'DELETE', '/api/session', undefined, { Cookie: cookie });
    const { records, lines } = audited(t);
    expect(records.map((r) => [r.action, r.actor, r.role, r.target, r.outcome, r.status])).toEqual([
      ['session.logout', 'alice', 'viewer', 'user:alice', 'allowed', 204],
      ['session.login', 'alice', 'viewer', 'user:alice', 'allowed', 200],
      ['session.login', 'anonymous', null, 'user:alice', 'denied', 401],
    ]);
    expect(lines.map((l) => l.level)).toEqual(['warn', 'info', 'info']);
    const all = JSON.stringify(records) + t.logs.join('\n');
    expect(all).not.toContain(CANARY_PASSWORD);
    expect(all).not.toContain('wrong-password-000');
  });

  it('marks an upstream failure "failed" with the upstream status, and our own 429 "denied"', async () => {
    const t = setup({ config: { userMutationsPerMinute: 1 } });
    t.fake.on('POST', '/api/v2/downtime', { status: 500, body: { errors: [`key ${CANARY.apiKey}`] } });
    expect((await t.call('POST', '/api/monitors/1/mute', mute)).status).toBe(502);
    expect((await t.call('POST', '/api/monitors/1/mute', mute)).status).toBe(429);
    const [limited, failed] = audited(t).records;
    expect(failed).toMatchObject({ outcome: 'failed', status: 502, upstreamStatus: 500 });
    expect(limited).toMatchObject({ outcome: 'denied', status: 429, upstreamStatus: null });
    expect(JSON.stringify(audited(t))).not.toContain(CANARY.apiKey);
  });

  it('cannot be forged with CR/LF or other control characters in any field', async () => {
    const t = setup();
    t.fake.on('POST', '/api/v2/downtime', { body: { data: rawDowntime(UUID_A) } });
    const forged = `deploy\r\n{"level":"info","msg":"audit","actor":"admin","action":"user.create"}\u2028x`;
    await t.call('POST', '/api/monitors/1/mute', { ...mute, reason: forged });
    await t.callAs('admin', 'POST', '/api/monitors%0d%0aX/mute', mute);
    const { records, lines } = audited(t);
    expect(records).toHaveLength(2);
    for (const r of records) {
      for (const value of Object.values(r)) {
        if (typeof value === 'string') expect(value).not.toMatch(/[\r\n\u2028\u2029]/);
      }
    }
    expect(records[1]?.detail).toContain('deploy\\u000d\\u000a{"level"');
    expect(lines).toHaveLength(2);
    for (const line of t.logs) expect(line).not.toMatch(/[\r\n\u2028\u2029]/);
  });

  it('holds no key, base URL or other configuration value', async () => {
    const t = setup();
    t.fake.on('POST', '/api/v2/downtime', { body: { data: rawDowntime(UUID_A) } });
    await t.call('POST', '/api/monitors/1/mute', mute);
    await t.call('POST', '/api/monitors/1/unmute', { all: true });
    const text = JSON.stringify(audited(t));
    for (const value of [CANARY.apiKey, CANARY.appKey, 'datadog.test', encodeURIComponent(CANARY.apiKey)]) expect(text).not.toContain(value);
  });
});
