import { mutesFor, type PreparedDowntime } from '../lib/downtime-matching';
import type { Db } from '../store/db';
import type { MonitorRow } from '../store/types';
import type { PlannedNotification } from './notifier';

/**
 * mute_first_recovery_notification, per downtime window and monitor group (`downtime_recovery_mutes`).
 * A window that ends with a covered group not OK leaves it 'pending': its next recovery is not
 * delivered. A group that recovers while the window mutes it is 'spent': that recovery was the
 * first one (and was suppressed by the mute anyway), so nothing is pending when the window ends.
 */
export class RecoveryMutes {
  constructor(private readonly db: Db) {}

  markSpent(downtimeId: string, windowStartUs: number, monitorId: number, group: string, atMs: number): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO downtime_recovery_mutes (downtime_id, window_start_us, monitor_id, group_name, state, at_ms)
         VALUES (?, ?, ?, ?, 'spent', ?)`,
      )
      .run(downtimeId, windowStartUs, monitorId, group, atMs);
  }

  isSpent(downtimeId: string, windowStartUs: number, monitorId: number, group: string): boolean {
    return (
      this.db
        .prepare(
          `SELECT 1 FROM downtime_recovery_mutes
           WHERE downtime_id = ? AND window_start_us = ? AND monitor_id = ? AND group_name = ? AND state = 'spent'`,
        )
        .get(downtimeId, windowStartUs, monitorId, group) !== undefined
    );
  }

  /** Forgets the 'spent' marks of a downtime's windows up to the one that just ended. */
  clearSpent(downtimeId: string, uptoWindowStartUs: number): void {
    this.db
      .prepare("DELETE FROM downtime_recovery_mutes WHERE downtime_id = ? AND state = 'spent' AND window_start_us <= ?")
      .run(downtimeId, uptoWindowStartUs);
  }

  addPending(downtimeId: string, windowStartUs: number, monitorId: number, group: string, atMs: number): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO downtime_recovery_mutes (downtime_id, window_start_us, monitor_id, group_name, state, at_ms)
         VALUES (?, ?, ?, ?, 'pending', ?)`,
      )
      .run(downtimeId, windowStartUs, monitorId, group, atMs);
  }

  /** Removes what is pending for a group (it has recovered); the downtime that left it pending first, or null. */
  takePending(monitorId: number, group: string): string | null {
    const row = this.db
      .prepare(
        `SELECT downtime_id FROM downtime_recovery_mutes WHERE monitor_id = ? AND group_name = ? AND state = 'pending'
         ORDER BY at_ms, window_start_us LIMIT 1`,
      )
      .get(monitorId, group) as { downtime_id: string } | undefined;
    if (!row) return null;
    this.db.prepare("DELETE FROM downtime_recovery_mutes WHERE monitor_id = ? AND group_name = ? AND state = 'pending'").run(monitorId, group);
    return row.downtime_id;
  }
}

/**
 * A group's recovery (→ OK): each downtime muting it now with mute_first_recovery_notification has
 * its flag spent for this window; a downtime that ended with the group not OK suppresses this
 * recovery (unless a mute already does), naming that downtime.
 */
export function applyFirstRecovery(
  recovery: RecoveryMutes,
  monitor: Pick<MonitorRow, 'id' | 'tags'>,
  group: string,
  planned: PlannedNotification,
  active: readonly PreparedDowntime[],
  nowMs: number,
): void {
  for (const { downtime } of mutesFor(monitor, [{ name: group }], active)) {
    if (downtime.row.mute_first_recovery_notification) recovery.markSpent(downtime.row.id, downtime.window.startUs, monitor.id, group, nowMs);
  }
  const pending = recovery.takePending(monitor.id, group);
  if (pending && !planned.suppression) {
    planned.suppression = { downtimeId: pending, detail: `first recovery after downtime ${pending} ended (mute_first_recovery_notification)` };
  }
}
