import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CheckSubmissionsStore, type NewCheckSubmission } from './check-submissions-store';
import { openStore, STORE_FILE } from './open-store';
import { STORE_SCHEMA_VERSION } from './schema';

const AT = Date.UTC(2026, 8, 1, 12);
const run = (over: Partial<NewCheckSubmission> = {}): NewCheckSubmission => ({
  check: 'app.ok',
  host: 'app-1',
  status: 2,
  tags: ['env:prod'],
  message: 'down',
  at: AT,
  by: 'ana',
  ...over,
});

describe('service check runs submitted through watchdeck', () => {
  it('keeps every field, newest first', () => {
    const store = openStore(':memory:');
    const first = store.checkSubmissions.add(run());
    const second = store.checkSubmissions.add(run({ status: 0, message: null, tags: [], at: AT + 1, by: 'bob' }));
    expect(second).toBeGreaterThan(first);
    expect(store.checkSubmissions.list()).toEqual([
      { id: second, check: 'app.ok', host: 'app-1', status: 0, tags: [], message: null, at: AT + 1, by: 'bob' },
      { id: first, check: 'app.ok', host: 'app-1', status: 2, tags: ['env:prod'], message: 'down', at: AT, by: 'ana' },
    ]);
    store.close();
  });

  it('gives the newest run per check and host by run time, in check then host order', () => {
    const store = openStore(':memory:');
    store.checkSubmissions.add(run({ host: 'b', at: AT + 10, status: 1 }));
    store.checkSubmissions.add(run({ host: 'b', at: AT, status: 2 }));
    store.checkSubmissions.add(run({ host: 'a', at: AT, status: 3 }));
    store.checkSubmissions.add(run({ host: 'a', at: AT, status: 0 }));
    store.checkSubmissions.add(run({ check: 'db.up', host: 'a', at: AT - 5 }));
    expect(store.checkSubmissions.latestPerCheckHost().map((s) => [s.check, s.host, s.status])).toEqual([
      ['app.ok', 'a', 0],
      ['app.ok', 'b', 1],
      ['db.up', 'a', 2],
    ]);
    store.close();
  });

  it('keeps only the newest rows', () => {
    const db = new Database(':memory:');
    db.exec(
      'CREATE TABLE check_submissions (id INTEGER PRIMARY KEY AUTOINCREMENT, check_name TEXT NOT NULL, host_name TEXT NOT NULL, status INTEGER NOT NULL, tags TEXT NOT NULL, message TEXT, at INTEGER NOT NULL, submitted_by TEXT NOT NULL) STRICT',
    );
    const small = new CheckSubmissionsStore(db, 3);
    for (let i = 0; i < 5; i++) small.add(run({ host: `h-${i}` }));
    expect(small.list().map((s) => s.host)).toEqual(['h-4', 'h-3', 'h-2']);
    expect(small.count()).toBe(3);
    db.close();
  });

  it('refuses a status outside 0-3', () => {
    const store = openStore(':memory:');
    expect(() => store.checkSubmissions.add(run({ status: 7 as never }))).toThrow();
    expect(store.checkSubmissions.count()).toBe(0);
    store.close();
  });

  it('adds the table to a version 3 file, which keeps its data', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'watchdeck-checks-'));
    try {
      const first = openStore({ dataDir: dir });
      first.integrationNames.add('webhook', 'hook', 'ana', AT);
      first.close();
      const raw = new Database(path.join(dir, STORE_FILE));
      raw.exec('DROP TABLE check_submissions');
      raw.pragma('user_version = 3');
      raw.close();
      const store = openStore({ dataDir: dir });
      store.checkSubmissions.add(run());
      expect(store.checkSubmissions.count()).toBe(1);
      expect(store.integrationNames.list('webhook')).toEqual(['hook']);
      store.close();
      const check = new Database(path.join(dir, STORE_FILE));
      expect(check.pragma('user_version', { simple: true })).toBe(STORE_SCHEMA_VERSION);
      expect(STORE_SCHEMA_VERSION).toBe(5);
      check.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
