import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MAX_NAMES_PER_KIND } from './integration-names-store';
import { openStore, STORE_FILE } from './open-store';
import { STORE_SCHEMA_VERSION } from './schema';

const AT = Date.UTC(2026, 8, 1, 12);

describe('integration names watchdeck added', () => {
  it('remembers names per kind, once each, in name order, and forgets them', () => {
    const store = openStore(':memory:');
    const names = store.integrationNames;
    names.add('webhook', 'zeta', 'ana', AT);
    names.add('webhook', 'alpha', 'ana', AT);
    names.add('webhook', 'alpha', 'bob', AT + 1);
    names.add('pagerduty_service', 'alpha', 'ana', AT);
    expect(names.list('webhook')).toEqual(['alpha', 'zeta']);
    expect(names.list('pagerduty_service')).toEqual(['alpha']);
    expect(names.list('slack_account')).toEqual([]);
    names.remove('webhook', 'alpha');
    names.remove('webhook', 'never-there');
    expect(names.list('webhook')).toEqual(['zeta']);
    expect(names.list('pagerduty_service')).toEqual(['alpha']);
    store.close();
  });

  it('refuses an unknown kind and reads back at most a bounded number of names', () => {
    const store = openStore(':memory:');
    expect(() => store.integrationNames.add('nope' as never, 'x', 'ana', AT)).toThrow();
    for (let i = 0; i < MAX_NAMES_PER_KIND + 5; i++) store.integrationNames.add('custom_variable', `V${String(i).padStart(4, '0')}`, 'ana', AT);
    expect(store.integrationNames.list('custom_variable')).toHaveLength(MAX_NAMES_PER_KIND);
    store.close();
  });

  it('adds the table to a version 2 file, which keeps its data', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'watchdeck-names-'));
    try {
      const first = openStore({ dataDir: dir });
      first.users.create({ username: 'alice', role: 'admin', passwordHash: 'h', createdAt: AT });
      first.close();
      const raw = new Database(path.join(dir, STORE_FILE));
      raw.exec('DROP TABLE integration_names');
      raw.pragma('user_version = 2');
      raw.close();
      const store = openStore({ dataDir: dir });
      store.integrationNames.add('slack_account', 'main', 'alice', AT);
      expect(store.integrationNames.list('slack_account')).toEqual(['main']);
      expect(store.users.get('alice')?.role).toBe('admin');
      store.close();
      const check = new Database(path.join(dir, STORE_FILE));
      expect(check.pragma('user_version', { simple: true })).toBe(STORE_SCHEMA_VERSION);
      check.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the newest audit record of an action prefix', () => {
  it('finds the newest allowed one, leaving out the excepted actions and other prefixes', () => {
    const store = openStore(':memory:');
    const base = { actor: 'ana', role: 'admin', status: 200, upstreamStatus: 200, requestId: 'r', detail: null, target: 't' };
    const add = (time: number, action: string, outcome = 'allowed') => store.audit.append({ ...base, time, action, outcome });
    expect(store.audit.newestByActionPrefix({ actionPrefix: 'integration.webhooks.', outcome: 'allowed' })).toBeNull();
    add(AT, 'integration.webhooks.create');
    add(AT + 1, 'integration.webhooks.variable.update');
    add(AT + 2, 'integration.webhooks.create', 'invalid');
    add(AT + 3, 'integration.webhooks.test');
    add(AT + 4, 'integration.webhooksX.create');
    add(AT + 5, 'integration.pagerduty.create');
    expect(store.audit.newestByActionPrefix({ actionPrefix: 'integration.webhooks.', outcome: 'allowed', except: ['integration.webhooks.test'] })).toMatchObject({
      time: AT + 1,
      action: 'integration.webhooks.variable.update',
    });
    expect(store.audit.newestByActionPrefix({ actionPrefix: 'integration.webhooks.', outcome: 'allowed' })?.action).toBe('integration.webhooks.test');
    expect(store.audit.newestByActionPrefix({ actionPrefix: 'integration.aws.', outcome: 'allowed' })).toBeNull();
    store.close();
  });

  it('treats % and _ in the prefix as plain characters', () => {
    const store = openStore(':memory:');
    store.audit.append({ actor: 'a', role: null, status: 200, upstreamStatus: null, requestId: 'r', detail: null, target: 't', time: AT, action: 'integrationXaws.create', outcome: 'allowed' });
    expect(store.audit.newestByActionPrefix({ actionPrefix: 'integration_aws', outcome: 'allowed' })).toBeNull();
    expect(store.audit.newestByActionPrefix({ actionPrefix: '%', outcome: 'allowed' })).toBeNull();
    // A plain prefix: case-sensitive, unlike LIKE.
    expect(store.audit.newestByActionPrefix({ actionPrefix: 'INTEGRATIONXAWS.', outcome: 'allowed' })).toBeNull();
    expect(store.audit.newestByActionPrefix({ actionPrefix: 'integrationXaws.', outcome: 'allowed' })?.action).toBe('integrationXaws.create');
    store.close();
  });
});
