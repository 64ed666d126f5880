import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore, STORE_FILE } from './open-store';

const AT = Date.UTC(2026, 8, 1, 12);

describe('the BFF store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'watchdeck-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps its own file in WATCHDECK_DATA_DIR, in WAL mode with synchronous=FULL, and survives a reopen', () => {
    const store = openStore({ dataDir: dir });
    expect(store.location).toBe(path.join(dir, STORE_FILE));
    expect(STORE_FILE).toBe('watchdeck.sqlite');
    store.users.create({ username: 'alice', role: 'admin', passwordHash: 'h', createdAt: AT });
    store.close();
    expect(existsSync(path.join(dir, 'sandbox.sqlite'))).toBe(false);

    const raw = new Database(path.join(dir, STORE_FILE));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    const again = openStore({ dataDir: dir });
    expect(again.users.get('alice')).toMatchObject({ username: 'alice', role: 'admin', disabled: false });
    again.close();
  });

  it('sets synchronous=FULL on every connection it opens', () => {
    const store = openStore({ dataDir: dir });
    const db = (store.users as unknown as { db: Database.Database }).db;
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    store.close();
  });

  it('has an in-memory mode for tests that leaves no file', () => {
    const store = openStore(':memory:');
    expect(store.location).toBe(':memory:');
    expect(store.users.create({ username: 'bob', role: 'viewer', passwordHash: 'h', createdAt: AT })).toBe(true);
    expect(store.users.create({ username: 'bob', role: 'admin', passwordHash: 'h', createdAt: AT })).toBe(false);
    expect(store.users.get('bob')?.role).toBe('viewer');
    store.close();
  });

  it('updates users and counts enabled admins', () => {
    const store = openStore(':memory:');
    store.users.create({ username: 'a1', role: 'admin', passwordHash: 'h', createdAt: AT });
    store.users.create({ username: 'a2', role: 'admin', passwordHash: 'h', createdAt: AT });
    expect(store.users.countEnabledAdmins()).toBe(2);
    store.users.update('a2', { disabled: true });
    expect(store.users.countEnabledAdmins()).toBe(1);
    store.users.update('a1', { role: 'viewer', passwordHash: 'h2' });
    expect(store.users.get('a1')).toMatchObject({ role: 'viewer', passwordHash: 'h2' });
    expect(store.users.countEnabledAdmins()).toBe(0);
    store.close();
  });

  it('drops a user’s sessions with the user, and expired ones on request', () => {
    const store = openStore(':memory:');
    store.users.create({ username: 'a', role: 'viewer', passwordHash: 'h', createdAt: AT });
    store.sessions.insert({ idHash: 'h1', username: 'a', createdAt: AT, lastSeenAt: AT, expiresAt: AT + 1000 });
    store.sessions.insert({ idHash: 'h2', username: 'a', createdAt: AT, lastSeenAt: AT + 500, expiresAt: AT + 5000 });
    expect(store.sessions.deleteExpired(AT + 1000, 10_000)).toBe(1);
    expect(store.sessions.get('h1')).toBeNull();
    expect(store.sessions.deleteForUser('a', 'h2')).toBe(0);
    expect(store.sessions.deleteForUser('a')).toBe(1);
    store.close();
  });

  it('filters the audit log and pages it newest first', () => {
    const store = openStore(':memory:');
    const base = { role: 'responder', outcome: 'allowed', status: 200, upstreamStatus: 200, requestId: 'r', detail: null };
    for (let i = 0; i < 5; i++) {
      store.audit.append({ ...base, time: AT + i, actor: i % 2 ? 'alice' : 'bob', action: 'monitor.mute', target: `monitor:${i}` });
    }
    store.audit.append({ ...base, time: AT + 9, actor: 'carol_x%', action: 'user.create', target: 'user:dave', outcome: 'denied' });
    expect(store.audit.query({ limit: 10 }).map((r) => r.id)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(store.audit.query({ limit: 10, actor: 'ALI' }).map((r) => r.actor)).toEqual(['alice', 'alice']);
    expect(store.audit.query({ limit: 10, outcome: 'denied' }).map((r) => r.id)).toEqual([6]);
    expect(store.audit.query({ limit: 10, from: AT + 1, to: AT + 3 }).map((r) => r.id)).toEqual([4, 3, 2]);
    expect(store.audit.query({ limit: 2, before: 4 }).map((r) => r.id)).toEqual([3, 2]);
    // LIKE wildcards in a filter are literal.
    expect(store.audit.query({ limit: 10, actor: '_x%' }).map((r) => r.id)).toEqual([6]);
    expect(store.audit.query({ limit: 10, actor: '%' }).map((r) => r.id)).toEqual([6]);
    expect(store.audit.query({ limit: 10, target: 'monitor:3' })[0]).toMatchObject({ target: 'monitor:3', upstreamStatus: 200 });
    store.close();
  });
});
