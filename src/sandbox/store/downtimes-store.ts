import type { Recurrence } from '../../contract/recurrence';
import type { Db } from './db';
import type { DowntimeRow } from './types';

interface DowntimeDbRow
  extends Omit<
    DowntimeRow,
    'monitor_tags' | 'notify_end_states' | 'notify_end_types' | 'mute_first_recovery_notification' | 'recurrences'
  > {
  seq: number;
  monitor_tags: string | null;
  notify_end_states: string;
  notify_end_types: string;
  mute_first_recovery_notification: number;
  recurrences: string | null;
}

function fromDb(r: DowntimeDbRow): DowntimeRow {
  const { seq: _seq, ...rest } = r;
  return {
    ...rest,
    monitor_tags: r.monitor_tags === null ? null : (JSON.parse(r.monitor_tags) as string[]),
    notify_end_states: JSON.parse(r.notify_end_states) as string[],
    notify_end_types: JSON.parse(r.notify_end_types) as string[],
    mute_first_recovery_notification: r.mute_first_recovery_notification === 1,
    recurrences: r.recurrences === null ? null : (JSON.parse(r.recurrences) as Recurrence[]),
  };
}

function toDb(d: DowntimeRow): Record<string, unknown> {
  return {
    ...d,
    monitor_tags: d.monitor_tags === null ? null : JSON.stringify(d.monitor_tags),
    notify_end_states: JSON.stringify(d.notify_end_states),
    notify_end_types: JSON.stringify(d.notify_end_types),
    mute_first_recovery_notification: d.mute_first_recovery_notification ? 1 : 0,
    recurrences: d.recurrences === null ? null : JSON.stringify(d.recurrences),
  };
}

export class DowntimesStore {
  constructor(private readonly db: Db) {}

  insert(d: DowntimeRow): void {
    this.db
      .prepare(
        `INSERT INTO downtimes (id, monitor_id, monitor_tags, scope, start_us, end_us, recurrences, timezone, message, display_timezone,
           notify_end_states, notify_end_types, mute_first_recovery_notification, canceled_us, created_us, modified_us, created_by,
           end_handled_us)
         VALUES (@id, @monitor_id, @monitor_tags, @scope, @start_us, @end_us, @recurrences, @timezone, @message, @display_timezone,
           @notify_end_states, @notify_end_types, @mute_first_recovery_notification, @canceled_us, @created_us, @modified_us, @created_by,
           @end_handled_us)`,
      )
      .run(toDb(d));
  }

  /** Saves what a PATCH may change (not end_handled_us, which only the engine moves). */
  update(d: DowntimeRow): void {
    this.db
      .prepare(
        `UPDATE downtimes SET monitor_id=@monitor_id, monitor_tags=@monitor_tags, scope=@scope, start_us=@start_us,
           end_us=@end_us, recurrences=@recurrences, timezone=@timezone, message=@message, display_timezone=@display_timezone,
           notify_end_states=@notify_end_states, notify_end_types=@notify_end_types,
           mute_first_recovery_notification=@mute_first_recovery_notification, canceled_us=@canceled_us, modified_us=@modified_us
         WHERE id=@id`,
      )
      .run(toDb(d));
  }

  get(id: string): DowntimeRow | undefined {
    const r = this.db.prepare('SELECT * FROM downtimes WHERE id = ?').get(id.toLowerCase()) as DowntimeDbRow | undefined;
    return r ? fromDb(r) : undefined;
  }

  /** Every downtime, oldest first. */
  list(): DowntimeRow[] {
    return (this.db.prepare('SELECT * FROM downtimes ORDER BY seq').all() as DowntimeDbRow[]).map(fromDb);
  }

  /**
   * Downtimes not cancelled and not over at `nowUs`, oldest first: one-off ones active or
   * scheduled, and every recurring one (whether its rules still have an occurrence is for
   * the caller to work out).
   */
  listLive(nowUs: number): DowntimeRow[] {
    return (
      this.db
        .prepare('SELECT * FROM downtimes WHERE canceled_us IS NULL AND (end_us IS NULL OR end_us > ?) ORDER BY seq')
        .all(nowUs) as DowntimeDbRow[]
    ).map(fromDb);
  }

  /**
   * Downtimes that may still have an end for the engine to handle, oldest first: all but those
   * whose cancellation, or one-off end, is already handled.
   */
  listEndCandidates(): DowntimeRow[] {
    return (
      this.db
        .prepare(
          `SELECT * FROM downtimes WHERE end_handled_us IS NULL OR NOT (
             (canceled_us IS NOT NULL AND end_handled_us >= canceled_us)
             OR (recurrences IS NULL AND end_us IS NOT NULL AND end_handled_us >= end_us))
           ORDER BY seq`,
        )
        .all() as DowntimeDbRow[]
    ).map(fromDb);
  }

  /** Records that the engine has handled this downtime's ends up to `us`. */
  markEndHandled(id: string, us: number): void {
    this.db.prepare('UPDATE downtimes SET end_handled_us = ? WHERE id = ?').run(us, id);
  }

  cancel(id: string, nowUs: number): void {
    this.db.prepare('UPDATE downtimes SET canceled_us = ?, modified_us = ? WHERE id = ?').run(nowUs, nowUs, id);
  }
}
