import { rawMonitor } from '../../testing/fixtures';
import { addUser, apiError, setup } from '../../testing/test-app';

function withControls() {
  const reset = vi.fn();
  const setUpstreamFault = vi.fn();
  const idle = vi.fn(async () => {});
  const t = setup({ config: { mode: 'embedded', upstream: null, testControls: true }, testControls: { reset, setUpstreamFault, idle } });
  return { ...t, reset, setUpstreamFault, idle };
}

describe('test controls', () => {
  it('do not exist without testControls', async () => {
    const { call } = setup();
    for (const path of ['/api/_test/reset', '/api/_test/upstream-fault', '/api/_test/idle', '/api/_test/slack-workspaces', '/api/_test/maintenance-tick']) {
      const answer = await call('POST', path, { status: null });
      expect(answer.status).toBe(404);
      expect(apiError(answer).code).toBe('not_found');
    }
  });

  it('do not exist outside embedded mode, even when given', async () => {
    const { call } = setup({ testControls: { reset: vi.fn(), setUpstreamFault: vi.fn() } });
    expect((await call('POST', '/api/_test/reset')).status).toBe(404);
  });

  it('POST /api/_test/reset reseeds the sandbox and clears the caches', async () => {
    const { call, fake, reset } = withControls();
    fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1)] });
    await call('GET', '/api/monitors');
    const answer = await call('POST', '/api/_test/reset');
    expect(answer.status).toBe(204);
    expect(reset).toHaveBeenCalledTimes(1);
    await call('GET', '/api/monitors');
    expect(fake.calls('GET', '/api/v1/monitor')).toHaveLength(2);
  });

  it('POST /api/_test/upstream-fault sets and clears the fault, and the next read goes upstream', async () => {
    const { call, fake, setUpstreamFault } = withControls();
    fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1)] });
    await call('GET', '/api/monitors');
    expect((await call('POST', '/api/_test/upstream-fault', { status: 503 })).status).toBe(204);
    await call('GET', '/api/monitors');
    expect((await call('POST', '/api/_test/upstream-fault', { status: null })).status).toBe(204);
    await call('GET', '/api/monitors');
    expect(setUpstreamFault.mock.calls).toEqual([[503], [null]]);
    expect(fake.calls('GET', '/api/v1/monitor')).toHaveLength(3);
  });

  it('POST /api/_test/idle answers once the sandbox has delivered every queued notification, and makes cached reads old', async () => {
    let finish = () => {};
    const idle = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const t = setup({ config: { mode: 'embedded', upstream: null, testControls: true }, testControls: { reset: vi.fn(), setUpstreamFault: vi.fn(), idle } });
    t.fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1)] });
    await t.call('GET', '/api/monitors');
    let answered = false;
    const pending = t.callAs(null, 'POST', '/api/_test/idle').then((a) => {
      answered = true;
      return a;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([answered, idle.mock.calls.length]).toEqual([false, 1]);
    finish();
    expect((await pending).status).toBe(204);
    await t.call('GET', '/api/monitors');
    expect(t.fake.calls('GET', '/api/v1/monitor')).toHaveLength(2);
  });

  it('POST /api/_test/maintenance-tick runs one pass of the until-recovered watcher and answers what it did', async () => {
    const { callAs, fake } = withControls();
    const answer = await callAs(null, 'POST', '/api/_test/maintenance-tick');
    expect(answer.status).toBe(200);
    // Nothing is watched: the pass reads nothing (routes/maintenance/until-recovered.test.ts covers the rest).
    expect(answer.json).toEqual({ checked: 0, extended: [], ended: [], stopped: [], failed: [] });
    expect(fake.requests).toHaveLength(0);
  });

  it('POST /api/_test/slack-workspaces connects the workspaces given (or none) and makes cached reads old', async () => {
    const setSlackWorkspaces = vi.fn(async () => {});
    const t = setup({
      config: { mode: 'embedded', upstream: null, testControls: true },
      testControls: { reset: vi.fn(), setUpstreamFault: vi.fn(), setSlackWorkspaces },
    });
    t.fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1)] });
    await t.call('GET', '/api/monitors');
    expect((await t.callAs(null, 'POST', '/api/_test/slack-workspaces', { accounts: ['acme', 'T-Acme.main'] })).status).toBe(204);
    expect((await t.callAs(null, 'POST', '/api/_test/slack-workspaces', { accounts: [] })).status).toBe(204);
    for (const body of [{}, { accounts: ['has space'] }, { accounts: 'acme' }]) {
      expect((await t.callAs(null, 'POST', '/api/_test/slack-workspaces', body)).status).toBe(400);
    }
    expect(setSlackWorkspaces.mock.calls).toEqual([[['acme', 'T-Acme.main']], [[]]]);
    await t.call('GET', '/api/monitors');
    expect(t.fake.calls('GET', '/api/v1/monitor')).toHaveLength(2);
  });

  it('validate the fault body', async () => {
    const { call, setUpstreamFault } = withControls();
    for (const body of [{}, { status: 200 }, { status: '500' }, { status: 500, extra: 1 }]) {
      expect((await call('POST', '/api/_test/upstream-fault', body)).status).toBe(400);
    }
    expect(setUpstreamFault).not.toHaveBeenCalled();
  });

  it('are public: no session needed, and kept out of openapi.json (see openapi.test.ts)', async () => {
    const { callAs, reset } = withControls();
    expect((await callAs(null, 'POST', '/api/_test/reset')).status).toBe(204);
    expect(reset).toHaveBeenCalledTimes(1);
  });

  it('reset clears the sign-in throttles and nothing else of the BFF store', async () => {
    const { callAs, store } = withControls();
    await addUser(store, 'alice', 'viewer', 'alice-password-0001');
    for (let i = 0; i < 5; i++) await callAs(null, 'POST', '/api/session', { username: 'alice', password: 'wrong-password-00' });
    expect((await callAs(null, 'POST', '/api/session', { username: 'alice', password: 'alice-password-0001' })).status).toBe(429);
    const before = { users: store.users.list().length, sessions: store.sessions.countForUser('test-admin'), audit: store.audit.count() };
    expect((await callAs(null, 'POST', '/api/_test/reset')).status).toBe(204);
    expect(store.users.list().length).toBe(before.users);
    expect(store.sessions.countForUser('test-admin')).toBe(before.sessions);
    expect(store.audit.count()).toBe(before.audit + 1);
    expect((await callAs('admin', 'GET', '/api/session')).status).toBe(200);
    expect((await callAs(null, 'POST', '/api/session', { username: 'alice', password: 'alice-password-0001' })).status).toBe(200);
  });

  it('need the CSRF header like every change', async () => {
    const { call, reset } = withControls();
    expect((await call('POST', '/api/_test/reset', undefined, { 'X-CSRF': '' })).status).toBe(403);
    expect(reset).not.toHaveBeenCalled();
  });
});
