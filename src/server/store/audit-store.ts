import type { Database } from 'better-sqlite3';
import type { AuditRecord } from '../../contract/auth';

export type NewAuditRecord = Omit<AuditRecord, 'id'>;

export interface AuditFilter {
  actor?: string;
  action?: string;
  target?: string;
  outcome?: string;
  from?: number;
  to?: number;
  before?: number;
  limit: number;
}

interface RawAudit {
  id: number;
  time: number;
  actor: string;
  role: string | null;
  action: string;
  target: string;
  outcome: string;
  status: number;
  upstream_status: number | null;
  request_id: string;
  detail: string | null;
}

const fromRaw = (r: RawAudit): AuditRecord => ({
  id: r.id,
  time: r.time,
  actor: r.actor,
  role: r.role,
  action: r.action,
  target: r.target,
  outcome: r.outcome,
  status: r.status,
  upstreamStatus: r.upstream_status,
  requestId: r.request_id,
  detail: r.detail,
});

/** LIKE pattern for "contains", with the pattern characters escaped. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The audit log: append-only from the API (nothing updates or deletes a record). */
export class AuditStore {
  constructor(private readonly db: Database) {}

  append(r: NewAuditRecord): number {
    const result = this.db
      .prepare(
        `INSERT INTO audit (time, actor, role, action, target, outcome, status, upstream_status, request_id, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(r.time, r.actor, r.role, r.action, r.target, r.outcome, r.status, r.upstreamStatus, r.requestId, r.detail);
    return Number(result.lastInsertRowid);
  }

  /**
   * Newest first. actor, action and target match as case-insensitive substrings,
   * outcome exactly; from/to bound the time (inclusive); before pages by id.
   */
  query(f: AuditFilter): AuditRecord[] {
    const where: string[] = [];
    const values: (string | number)[] = [];
    const add = (clause: string, value: string | number) => {
      where.push(clause);
      values.push(value);
    };
    for (const column of ['actor', 'action', 'target'] as const) {
      const value = f[column];
      if (value) add(`${column} LIKE ? ESCAPE '\\'`, contains(value));
    }
    if (f.outcome) add('outcome = ?', f.outcome);
    if (f.from !== undefined) add('time >= ?', f.from);
    if (f.to !== undefined) add('time <= ?', f.to);
    if (f.before !== undefined) add('id < ?', f.before);
    const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...values, f.limit) as RawAudit[]).map(fromRaw);
  }

  /**
   * Records of these actions with this outcome between from and to
   * (inclusive), oldest first, at most `limit` (the newest are kept when there
   * are more). The timeline reads mutes and unmutes made while an incident was open.
   */
  actionsBetween(f: { actions: readonly string[]; outcome: string; from: number; to: number; limit: number }): AuditRecord[] {
    if (f.actions.length === 0) return [];
    const marks = f.actions.map(() => '?').join(', ');
    const rows = this.db
      .prepare(
        `SELECT * FROM audit WHERE action IN (${marks}) AND outcome = ? AND time >= ? AND time <= ?
         ORDER BY time DESC, id DESC LIMIT ?`,
      )
      .all(...f.actions, f.outcome, f.from, f.to, f.limit) as RawAudit[];
    return rows.reverse().map(fromRaw);
  }

  /**
   * "When was this last changed, and by whom": the newest record with this
   * outcome whose action starts with `actionPrefix` (a plain, case-sensitive
   * prefix: no wildcards), leaving out the actions in `except` (a webhook
   * test delivery changes nothing). newestPerTarget gives the newest one for
   * each target that starts with `targetPrefix`.
   */
  newestByActionPrefix(f: { actionPrefix: string; outcome: string; except?: readonly string[] }): AuditRecord | null {
    const except = f.except ?? [];
    const notIn = except.length > 0 ? `AND action NOT IN (${except.map(() => '?').join(', ')})` : '';
    const row = this.db
      .prepare(`SELECT * FROM audit WHERE substr(action, 1, ?) = ? AND outcome = ? ${notIn} ORDER BY id DESC LIMIT 1`)
      .get(f.actionPrefix.length, f.actionPrefix, f.outcome, ...except) as RawAudit | undefined;
    return row ? fromRaw(row) : null;
  }

  newestPerTarget(f: { actionPrefix: string; targetPrefix: string; outcome: string }): Map<string, AuditRecord> {
    const rows = this.db
      .prepare(
        `SELECT a.* FROM audit a JOIN (
           SELECT MAX(id) AS id FROM audit
           WHERE substr(action, 1, ?) = ? AND substr(target, 1, ?) = ? AND outcome = ?
           GROUP BY target
         ) newest ON a.id = newest.id`,
      )
      .all(f.actionPrefix.length, f.actionPrefix, f.targetPrefix.length, f.targetPrefix, f.outcome) as RawAudit[];
    return new Map(rows.map((r) => [r.target, fromRaw(r)]));
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n;
  }
}
