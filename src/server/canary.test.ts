import { bootstrapAdmin } from './auth/bootstrap-admin';
import { NOW, rawDowntime, rawMonitor, UUID_A } from './testing/fixtures';
import { type Answer, CANARY, sessionCookieOf, setup, testPasswords } from './testing/test-app';

/**
 * SECURITY 1, 4, 5 (config endpoints), 34: canary secrets (the Datadog keys, the
 * admin password, a user's password and a reset one) run through every kind
 * of flow with the logger at debug; no form of any of them appears in a log
 * line, a response (body or header) or an audit record.
 */
const ADMIN_PASSWORD = 'canary-admin-password-3f9a0c71';
const USER_PASSWORD = 'canary-user-password-b7d2e640';
const RESET_PASSWORD = 'canary-reset-password-5e1c99aa';

const forms = (secret: string) => [
  secret,
  encodeURIComponent(secret),
  Buffer.from(secret).toString('base64'),
  Buffer.from(secret).toString('base64').replace(/=+$/, ''),
  Buffer.from(secret).toString('base64url'),
];
const CANARIES = [CANARY.apiKey, CANARY.appKey, ADMIN_PASSWORD, USER_PASSWORD, RESET_PASSWORD].flatMap(forms);

describe('canary secrets', () => {
  it('appear in no log line (debug level), response or audit record, whatever happens', async () => {
    const t = setup({ as: null, timeoutMs: 150 });
    expect(t.config.logLevel).toBe('debug');
    await bootstrapAdmin({ store: t.store, passwords: testPasswords, adminPassword: ADMIN_PASSWORD, now: () => NOW });
    // Datadog echoing our keys back (it never sees a watchdeck password, so it cannot echo one).
    const echo = { errors: [`key ${CANARY.apiKey}`, Buffer.from(CANARY.appKey).toString('base64'), encodeURIComponent(CANARY.appKey)] };
    t.fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1, { message: `key ${CANARY.apiKey}` })] });
    t.fake.on('GET', '/api/v1/monitor/2', { status: 500, body: echo });
    t.fake.on('GET', '/api/v1/monitor/3', { status: 403, body: echo });
    t.fake.on('GET', '/api/v1/monitor/4', { stall: true });
    t.fake.on('GET', '/api/v2/downtime', { body: { data: [] } });
    t.fake.on('POST', '/api/v2/downtime', { body: { data: rawDowntime(UUID_A) } });
    t.fake.on('DELETE', /.*/, { status: 400, body: echo });

    const answers: Answer[] = [];
    const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const answer = await t.callAs(null, method, path, body, headers);
      answers.push(answer);
      return answer;
    };
    await send('POST', '/api/session', { username: 'admin', password: `${ADMIN_PASSWORD}-wrong` });
    const admin = sessionCookieOf((await send('POST', '/api/session', { username: 'admin', password: ADMIN_PASSWORD })).res) as string;
    const as = (method: string, path: string, body?: unknown) => send(method, path, body, { Cookie: admin });
    await as('POST', '/api/users', { username: 'carol', password: USER_PASSWORD, role: 'responder' });
    await as('POST', '/api/users', { username: 'carol', password: USER_PASSWORD, role: 'responder' });
    await as('POST', '/api/users', { username: 'Bad Name', password: USER_PASSWORD, role: 'responder' });
    const carol = sessionCookieOf((await send('POST', '/api/session', { username: 'carol', password: USER_PASSWORD })).res) as string;
    await send('POST', '/api/session', { username: 'carol', password: USER_PASSWORD, extra: USER_PASSWORD });
    await send('POST', '/api/session', { username: USER_PASSWORD, password: USER_PASSWORD });
    await send('POST', '/api/monitors/1/mute', { end: NOW + 60_000, reason: 'deploy' }, { Cookie: carol });
    await as('PATCH', '/api/users/carol', { password: RESET_PASSWORD });
    await as('PATCH', '/api/users/carol', { password: 'short' });
    for (const path of ['/api/monitors', '/api/monitors/2', '/api/monitors/3', '/api/monitors/4', '/api/config', '/api/openapi.json', '/api/users', '/api/audit', '/api/audit.csv', '/api/session']) {
      await as('GET', path);
    }
    await as('DELETE', `/api/downtimes/${UUID_A}`);
    await as('POST', '/api/monitors/1/mute', `{"end":${NOW + 60_000},"reason":"x"`);
    await as('DELETE', '/api/session');

    expect(answers.length).toBeGreaterThan(20);
    expect(answers.map((a) => a.status)).toEqual(expect.arrayContaining([200, 201, 204, 400, 401, 409, 502, 504]));
    const logs = t.logs.join('\n');
    expect(logs).toContain('"msg":"audit"');
    expect(logs).toContain('"msg":"request refused"');
    const records = JSON.stringify(t.store.audit.query({ limit: 500 }));
    for (const form of CANARIES) {
      expect(logs.includes(form), `log holds ${form}`).toBe(false);
      expect(records.includes(form), `audit holds ${form}`).toBe(false);
      for (const answer of answers) {
        const headers = [...answer.res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n');
        expect(answer.text.includes(form) || headers.includes(form), `a response holds ${form}`).toBe(false);
      }
    }
  });
});
