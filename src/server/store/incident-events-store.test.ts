import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { NewIncidentEvent } from './incident-events-store';
import { openStore, STORE_FILE } from './open-store';
import { STORE_SCHEMA_VERSION } from './schema';

const AT = Date.UTC(2026, 8, 1, 12);
const event = (o: Partial<NewIncidentEvent> = {}): NewIncidentEvent => ({
  incidentId: 'inc-1',
  at: AT,
  kind: 'note',
  actor: 'alice',
  summary: 'Note',
  detail: 'rolled back',
  from: null,
  to: null,
  ref: null,
  ...o,
});

describe('incident events in the BFF store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'watchdeck-events-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps them in watchdeck.sqlite across a restart', () => {
    const store = openStore({ dataDir: dir });
    const ids = store.incidentEvents.append([event(), event({ kind: 'severity', from: 'SEV-2', to: 'SEV-1', detail: null, at: AT + 1 })]);
    expect(ids).toHaveLength(2);
    store.close();
    const again = openStore({ dataDir: dir });
    expect(again.incidentEvents.list('inc-1')).toEqual([
      { id: ids[0], ...event() },
      { id: ids[1], ...event({ kind: 'severity', from: 'SEV-2', to: 'SEV-1', detail: null, at: AT + 1 }) },
    ]);
    again.close();
  });

  it('lists one incident’s events by time, ties in the order they were recorded', () => {
    const store = openStore(':memory:');
    store.incidentEvents.append([event({ at: AT + 5, summary: 'late' }), event({ at: AT, summary: 'a' }), event({ incidentId: 'other' })]);
    store.incidentEvents.append([event({ at: AT, summary: 'b' })]);
    expect(store.incidentEvents.list('inc-1').map((e) => e.summary)).toEqual(['a', 'b', 'late']);
    expect(store.incidentEvents.deleteFor('inc-1')).toBe(3);
    expect(store.incidentEvents.list('inc-1')).toEqual([]);
    expect(store.incidentEvents.list('other')).toHaveLength(1);
    store.close();
  });

  it('writes a batch all or nothing', () => {
    const store = openStore(':memory:');
    const bad = { ...event(), kind: null } as unknown as NewIncidentEvent;
    expect(() => store.incidentEvents.append([event(), bad])).toThrow();
    expect(store.incidentEvents.list('inc-1')).toEqual([]);
    store.close();
  });

  it('adds the table to a version 1 file and marks it the current version', () => {
    const file = path.join(dir, STORE_FILE);
    const v1 = new Database(file);
    v1.exec('CREATE TABLE users (username TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, last_login_at INTEGER) STRICT');
    v1.pragma('user_version = 1');
    v1.close();
    const store = openStore({ dataDir: dir });
    store.incidentEvents.append([event()]);
    expect(store.incidentEvents.list('inc-1')).toHaveLength(1);
    store.close();
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(STORE_SCHEMA_VERSION);
    expect(STORE_SCHEMA_VERSION).toBe(5);
    raw.close();
  });
});

describe('audit records between two times', () => {
  it('finds allowed mutes and unmutes in the window, oldest first, keeping the newest when capped', () => {
    const store = openStore(':memory:');
    const base = { actor: 'bob', role: 'responder', status: 200, upstreamStatus: 200, requestId: 'r', detail: null };
    const add = (time: number, action: string, outcome = 'allowed') => store.audit.append({ ...base, time, action, target: `monitor:${time}`, outcome });
    add(AT - 1, 'monitor.mute');
    add(AT, 'monitor.mute');
    add(AT + 1, 'monitor.unmute');
    add(AT + 2, 'monitor.mute', 'denied');
    add(AT + 3, 'user.create');
    add(AT + 4, 'downtime.cancel');
    add(AT + 5, 'monitor.mute');
    const actions = ['monitor.mute', 'monitor.unmute', 'downtime.cancel'];
    const found = store.audit.actionsBetween({ actions, outcome: 'allowed', from: AT, to: AT + 4, limit: 10 });
    expect(found.map((r) => [r.time, r.action])).toEqual([
      [AT, 'monitor.mute'],
      [AT + 1, 'monitor.unmute'],
      [AT + 4, 'downtime.cancel'],
    ]);
    expect(store.audit.actionsBetween({ actions, outcome: 'allowed', from: AT, to: AT + 4, limit: 2 }).map((r) => r.time)).toEqual([AT + 1, AT + 4]);
    expect(store.audit.actionsBetween({ actions: [], outcome: 'allowed', from: 0, to: AT * 2, limit: 10 })).toEqual([]);
    store.close();
  });
});
