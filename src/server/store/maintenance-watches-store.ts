import type { Database } from 'better-sqlite3';

/**
 * "Extend until recovered": a maintenance window watchdeck keeps alive in 30-minute steps until
 * the groups that would have notified at its end are OK again (or gone). Kept in the BFF's file so
 * a restart does not silently drop a promise made to the person who asked. Never a secret.
 */
export interface WatchedGroup {
  monitorId: number;
  group: string;
}

export interface MaintenanceWatch {
  windowId: string;
  /** The groups that would have notified when the watch began. */
  groups: WatchedGroup[];
  createdBy: string;
  createdAt: number;
  /** The window is never kept past this (epoch ms); null: no cap (an admin asked). */
  capAt: number | null;
}

interface RawWatch {
  window_id: string;
  groups: string;
  created_by: string;
  created_at: number;
  cap_at: number | null;
}

function readGroups(text: string): WatchedGroup[] {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (g): g is WatchedGroup =>
        typeof g === 'object' && g !== null && typeof (g as WatchedGroup).monitorId === 'number' && typeof (g as WatchedGroup).group === 'string',
    );
  } catch {
    return [];
  }
}

const fromRaw = (r: RawWatch): MaintenanceWatch => ({
  windowId: r.window_id,
  groups: readGroups(r.groups),
  createdBy: r.created_by,
  createdAt: r.created_at,
  capAt: r.cap_at,
});

export class MaintenanceWatchesStore {
  constructor(private readonly db: Database) {}

  /** Starts watching a window, or replaces its watch (asking again restarts it with today's groups). */
  put(w: MaintenanceWatch): void {
    const groups = JSON.stringify(w.groups.map((g) => ({ monitorId: g.monitorId, group: g.group })));
    this.db
      .prepare(
        `INSERT INTO maintenance_watches (window_id, groups, created_by, created_at, cap_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (window_id) DO UPDATE SET groups = excluded.groups, created_by = excluded.created_by,
           created_at = excluded.created_at, cap_at = excluded.cap_at`,
      )
      .run(w.windowId, groups, w.createdBy, w.createdAt, w.capAt);
  }

  get(windowId: string): MaintenanceWatch | null {
    const row = this.db.prepare('SELECT * FROM maintenance_watches WHERE window_id = ?').get(windowId) as RawWatch | undefined;
    return row ? fromRaw(row) : null;
  }

  /** Every watch, oldest first. */
  list(): MaintenanceWatch[] {
    return (this.db.prepare('SELECT * FROM maintenance_watches ORDER BY created_at, window_id').all() as RawWatch[]).map(fromRaw);
  }

  /** The watched window ids (cheap: for marking windows in a list). */
  windowIds(): Set<string> {
    const rows = this.db.prepare('SELECT window_id FROM maintenance_watches').all() as { window_id: string }[];
    return new Set(rows.map((r) => r.window_id));
  }

  /** True when there was a watch to drop. */
  remove(windowId: string): boolean {
    return this.db.prepare('DELETE FROM maintenance_watches WHERE window_id = ?').run(windowId).changes === 1;
  }
}
