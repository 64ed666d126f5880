import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { MaintenanceWatch } from './maintenance-watches-store';
import { openStore, STORE_FILE } from './open-store';
import { STORE_SCHEMA_VERSION } from './schema';

const AT = Date.UTC(2026, 8, 1, 12);
const watch = (windowId: string, extra: Partial<MaintenanceWatch> = {}): MaintenanceWatch => ({
  windowId,
  groups: [{ monitorId: 1, group: 'host:web-1' }],
  createdBy: 'ana',
  createdAt: AT,
  capAt: AT + 3_600_000,
  ...extra,
});

describe('maintenance watches', () => {
  it('keeps a watch per window, replaces it when asked again, and drops it', () => {
    const store = openStore(':memory:');
    const watches = store.maintenanceWatches;
    watches.put(watch('w-1'));
    watches.put(watch('w-2', { createdAt: AT + 1, capAt: null, groups: [] }));
    expect(watches.list().map((w) => w.windowId)).toEqual(['w-1', 'w-2']);
    expect(watches.get('w-2')).toEqual({ windowId: 'w-2', groups: [], createdBy: 'ana', createdAt: AT + 1, capAt: null });
    watches.put(watch('w-1', { createdBy: 'bob', groups: [{ monitorId: 2, group: 'env:prod' }] }));
    expect(watches.get('w-1')).toMatchObject({ createdBy: 'bob', groups: [{ monitorId: 2, group: 'env:prod' }] });
    expect([...watches.windowIds()].sort()).toEqual(['w-1', 'w-2']);
    expect(watches.remove('w-1')).toBe(true);
    expect(watches.remove('w-1')).toBe(false);
    expect(watches.get('w-1')).toBeNull();
    store.close();
  });

  it('reads a damaged group list as empty instead of failing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'watchdeck-watches-'));
    try {
      const first = openStore({ dataDir: dir });
      first.maintenanceWatches.put(watch('w-1'));
      first.close();
      const raw = new Database(path.join(dir, STORE_FILE));
      raw.prepare("UPDATE maintenance_watches SET groups = 'not json'").run();
      raw.close();
      const store = openStore({ dataDir: dir });
      expect(store.maintenanceWatches.get('w-1')?.groups).toEqual([]);
      store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('adds the table to a version 4 file, which keeps its data', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'watchdeck-watches-'));
    try {
      const first = openStore({ dataDir: dir });
      first.integrationNames.add('webhook', 'hook', 'ana', AT);
      first.close();
      const raw = new Database(path.join(dir, STORE_FILE));
      raw.exec('DROP TABLE maintenance_watches');
      raw.pragma('user_version = 4');
      raw.close();
      const store = openStore({ dataDir: dir });
      store.maintenanceWatches.put(watch('w-1'));
      expect(store.maintenanceWatches.list()).toHaveLength(1);
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
