import type { Db } from '../store/db';
import type { CheckRunInput } from './check-run-input';

/** Runs kept per check and host; older ones are deleted as new ones arrive. */
export const RUNS_KEPT_PER_CHECK_HOST = 100;
/** Transitions kept per monitor group. */
export const TRANSITIONS_KEPT_PER_GROUP = 500;
/** Notification log rows kept in all. */
export const NOTIFICATIONS_KEPT = 20_000;

export interface CheckRunRow extends CheckRunInput {
  id: number;
  received_us: number;
}

interface CheckRunDbRow {
  id: number;
  check_name: string;
  host_name: string;
  status: 0 | 1 | 2 | 3;
  tags: string;
  message: string | null;
  timestamp_s: number;
  received_us: number;
}

function runFromDb(r: CheckRunDbRow): CheckRunRow {
  return {
    id: r.id,
    check: r.check_name,
    host_name: r.host_name,
    status: r.status,
    tags: JSON.parse(r.tags) as string[],
    message: r.message,
    timestamp: r.timestamp_s,
    received_us: r.received_us,
  };
}

export interface GroupTransitionRow {
  seq: number;
  monitor_id: number;
  group_name: string;
  from_status: string | null;
  to_status: string;
  at_ms: number;
}

export interface NotificationRow {
  id: number;
  at_ms: number;
  monitor_id: number;
  monitor_name: string;
  group_name: string;
  from_status: string | null;
  to_status: string;
  transition: string;
  handle: string;
  outcome: 'delivered' | 'failed' | 'suppressed';
  downtime_id: string | null;
  receiver_status: number | null;
  message: string;
  detail: string | null;
}

export interface NotificationFilter {
  monitorId?: number;
  handle?: string;
  outcome?: string;
}

/**
 * The service check tables: runs, each live group's last run, group
 * transitions and the notification log. Retention is bounded everywhere.
 */
export class CheckStore {
  private readonly insertRunStmt;
  private readonly pruneRunsStmt;

  constructor(private readonly db: Db) {
    this.insertRunStmt = db.prepare(
      `INSERT INTO check_runs (check_name, host_name, status, tags, message, timestamp_s, received_us)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.pruneRunsStmt = db.prepare(
      `DELETE FROM check_runs WHERE check_name = ? AND host_name = ? AND id NOT IN (
         SELECT id FROM check_runs WHERE check_name = ? AND host_name = ? ORDER BY timestamp_s DESC, id DESC LIMIT ${RUNS_KEPT_PER_CHECK_HOST})`,
    );
  }

  /** Stores runs (call inside a transaction) and trims each check and host to the newest runs. */
  insertRuns(runs: readonly CheckRunInput[], receivedUs: number): void {
    const touched = new Set<string>();
    for (const r of runs) {
      this.insertRunStmt.run(r.check, r.host_name, r.status, JSON.stringify(r.tags), r.message, r.timestamp, receivedUs);
      touched.add(JSON.stringify([r.check, r.host_name]));
    }
    for (const key of touched) {
      const [check, host] = JSON.parse(key) as [string, string];
      this.pruneRunsStmt.run(check, host, check, host);
    }
  }

  /** Runs of one check (of one host when given), newest first (by timestamp, then arrival). */
  runsOf(check: string, host?: string, limit = 5000): CheckRunRow[] {
    const rows =
      host === undefined
        ? this.db
            .prepare('SELECT * FROM check_runs WHERE check_name = ? ORDER BY timestamp_s DESC, id DESC LIMIT ?')
            .all(check, limit)
        : this.db
            .prepare('SELECT * FROM check_runs WHERE check_name = ? AND host_name = ? ORDER BY timestamp_s DESC, id DESC LIMIT ?')
            .all(check, host, limit);
    return (rows as CheckRunDbRow[]).map(runFromDb);
  }

  /** The latest run of every check and host, ordered by check then host. */
  latestPerCheckHost(limit = 2000): CheckRunRow[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM (
           SELECT *, ROW_NUMBER() OVER (PARTITION BY check_name, host_name ORDER BY timestamp_s DESC, id DESC) AS rn FROM check_runs
         ) WHERE rn = 1 ORDER BY check_name, host_name LIMIT ?`,
      )
      .all(limit) as CheckRunDbRow[];
    return rows.map(runFromDb);
  }

  // ---------- live groups ----------

  /** Records that a group saw a run at `runS` (keeps the latest). */
  touchGroup(monitorId: number, name: string, runS: number): void {
    this.db
      .prepare(
        `INSERT INTO check_group_runs (monitor_id, name, last_run_s) VALUES (?, ?, ?)
         ON CONFLICT(monitor_id, name) DO UPDATE SET last_run_s = MAX(last_run_s, excluded.last_run_s)`,
      )
      .run(monitorId, name, runS);
  }

  /** The live groups of a monitor: name -> last run (epoch s). */
  liveGroups(monitorId: number): Map<string, number> {
    const rows = this.db.prepare('SELECT name, last_run_s FROM check_group_runs WHERE monitor_id = ?').all(monitorId) as {
      name: string;
      last_run_s: number;
    }[];
    return new Map(rows.map((r) => [r.name, r.last_run_s]));
  }

  /** Monitor ids that have at least one live group. */
  monitorsWithLiveGroups(): number[] {
    return (this.db.prepare('SELECT DISTINCT monitor_id FROM check_group_runs ORDER BY monitor_id').all() as { monitor_id: number }[]).map(
      (r) => r.monitor_id,
    );
  }

  // ---------- transitions ----------

  insertTransition(monitorId: number, group: string, from: string | null, to: string, atMs: number): void {
    this.db
      .prepare('INSERT INTO group_transitions (monitor_id, group_name, from_status, to_status, at_ms) VALUES (?, ?, ?, ?, ?)')
      .run(monitorId, group, from, to, atMs);
    this.db
      .prepare(
        `DELETE FROM group_transitions WHERE monitor_id = ? AND group_name = ? AND seq NOT IN (
           SELECT seq FROM group_transitions WHERE monitor_id = ? AND group_name = ? ORDER BY seq DESC LIMIT ${TRANSITIONS_KEPT_PER_GROUP})`,
      )
      .run(monitorId, group, monitorId, group);
  }

  /** A monitor's transitions, oldest first; `sinceMs` and `untilMs` bound `at_ms` (inclusive / exclusive). */
  transitionsOf(monitorId: number, sinceMs = 0, untilMs = Number.MAX_SAFE_INTEGER): GroupTransitionRow[] {
    return this.db
      .prepare('SELECT * FROM group_transitions WHERE monitor_id = ? AND at_ms >= ? AND at_ms < ? ORDER BY at_ms, seq')
      .all(monitorId, sinceMs, untilMs) as GroupTransitionRow[];
  }

  /** Per group, the last transition before `beforeMs`. */
  lastTransitionsBefore(monitorId: number, beforeMs: number): Map<string, GroupTransitionRow> {
    const rows = this.db
      .prepare(
        `SELECT * FROM (
           SELECT *, ROW_NUMBER() OVER (PARTITION BY group_name ORDER BY at_ms DESC, seq DESC) AS rn
           FROM group_transitions WHERE monitor_id = ? AND at_ms < ?
         ) WHERE rn = 1`,
      )
      .all(monitorId, beforeMs) as (GroupTransitionRow & { rn: number })[];
    return new Map(rows.map(({ rn: _rn, ...r }) => [r.group_name, r]));
  }

  // ---------- notification log ----------

  insertNotification(n: Omit<NotificationRow, 'id'>): number {
    const info = this.db
      .prepare(
        `INSERT INTO notification_log (at_ms, monitor_id, monitor_name, group_name, from_status, to_status, transition, handle,
           outcome, downtime_id, receiver_status, message, detail)
         VALUES (@at_ms, @monitor_id, @monitor_name, @group_name, @from_status, @to_status, @transition, @handle,
           @outcome, @downtime_id, @receiver_status, @message, @detail)`,
      )
      .run(n);
    const id = Number(info.lastInsertRowid);
    if (id % 500 === 0) this.db.prepare('DELETE FROM notification_log WHERE id <= ?').run(id - NOTIFICATIONS_KEPT);
    return id;
  }

  /** Newest first, with the total matching count. */
  listNotifications(f: NotificationFilter, offset: number, limit: number): { rows: NotificationRow[]; total: number } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.monitorId !== undefined) {
      where.push('monitor_id = ?');
      params.push(f.monitorId);
    }
    if (f.handle !== undefined) {
      where.push('lower(handle) = lower(?)');
      params.push(f.handle.startsWith('@') ? f.handle : `@${f.handle}`);
    }
    if (f.outcome !== undefined) {
      where.push('outcome = ?');
      params.push(f.outcome);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM notification_log ${clause}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT * FROM notification_log ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as NotificationRow[];
    return { rows, total };
  }
}
