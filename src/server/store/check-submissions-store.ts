import type { Database } from 'better-sqlite3';

/**
 * The service check runs submitted through watchdeck (since store version 4):
 * Datadog has no API to read runs back, so outside embedded mode this is the
 * only list of recent results, and in embedded mode it says who submitted a
 * run the local Datadog holds. Bounded: only the newest rows are kept.
 * Never a secret (a run's message is the submitter's text, kept as Datadog
 * keeps it: dropped for an OK run).
 */
export interface CheckSubmission {
  id: number;
  check: string;
  host: string;
  status: 0 | 1 | 2 | 3;
  tags: string[];
  /** null for an OK run, or when none was given. */
  message: string | null;
  /** The run's time, epoch ms. */
  at: number;
  /** The watchdeck user who submitted it. */
  by: string;
}

export type NewCheckSubmission = Omit<CheckSubmission, 'id'>;

/** Rows kept; older ones are deleted as new ones arrive. */
export const CHECK_SUBMISSIONS_KEPT = 1000;

interface RawSubmission {
  id: number;
  check_name: string;
  host_name: string;
  status: 0 | 1 | 2 | 3;
  tags: string;
  message: string | null;
  at: number;
  submitted_by: string;
}

function readTags(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

const fromRaw = (r: RawSubmission): CheckSubmission => ({
  id: r.id,
  check: r.check_name,
  host: r.host_name,
  status: r.status,
  tags: readTags(r.tags),
  message: r.message,
  at: r.at,
  by: r.submitted_by,
});

export class CheckSubmissionsStore {
  constructor(
    private readonly db: Database,
    private readonly kept = CHECK_SUBMISSIONS_KEPT,
  ) {}

  /** Records a run and trims the table to the newest `kept` rows, in one transaction; returns its id. */
  add(s: NewCheckSubmission): number {
    const run = this.db.transaction(() => {
      const result = this.db
        .prepare(
          `INSERT INTO check_submissions (check_name, host_name, status, tags, message, at, submitted_by)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(s.check, s.host, s.status, JSON.stringify(s.tags), s.message, s.at, s.by);
      const id = Number(result.lastInsertRowid);
      this.db.prepare('DELETE FROM check_submissions WHERE id <= ?').run(id - this.kept);
      return id;
    });
    return run();
  }

  /** The newest run per check and host (by run time, then by id), in check then host order. */
  latestPerCheckHost(): CheckSubmission[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM (
           SELECT *, ROW_NUMBER() OVER (PARTITION BY check_name, host_name ORDER BY at DESC, id DESC) AS rn
           FROM check_submissions
         ) WHERE rn = 1 ORDER BY check_name, host_name`,
      )
      .all() as RawSubmission[];
    return rows.map(fromRaw);
  }

  /** Every kept row, newest first. */
  list(): CheckSubmission[] {
    return (this.db.prepare('SELECT * FROM check_submissions ORDER BY id DESC').all() as RawSubmission[]).map(fromRaw);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM check_submissions').get() as { n: number }).n;
  }
}
