/** Rows as the sandbox's code sees them (JSON columns parsed, booleans real). */
import type { Recurrence } from '../../contract/recurrence';

export interface UserRow {
  id: number;
  uuid: string;
  name: string | null;
  handle: string;
  email: string;
  title: string | null;
  created_us: number;
  modified_us: number;
}

export interface MonitorRow {
  id: number;
  org_id: number;
  type: string;
  name: string;
  message: string;
  query: string;
  tags: string[];
  options: Record<string, unknown>;
  multi: boolean;
  priority: number | null;
  restricted_roles: string[] | null;
  draft_status: string;
  creator_id: number;
  created_us: number;
  modified_us: number;
  overall_state_modified_us: number | null;
}

export interface GroupRow {
  monitor_id: number;
  name: string;
  status: string;
  last_triggered_ts: number;
  last_notified_ts: number;
  last_resolved_ts: number;
  last_nodata_ts: number;
}

export interface DowntimeRow {
  id: string;
  monitor_id: number | null;
  monitor_tags: string[] | null;
  scope: string;
  /** One-off: the start. Recurring: the earliest recurrence start, as an instant (for ordering and history). */
  start_us: number;
  /** One-off: the end, null for indefinite. Recurring: always null (the rules say when it ends). */
  end_us: number | null;
  /** Recurring: Datadog's `schedule.recurrences` (1 to 5); null for a one-off downtime. */
  recurrences: Recurrence[] | null;
  /** Recurring: the timezone the rules run in; null for a one-off downtime. */
  timezone: string | null;
  message: string | null;
  display_timezone: string;
  notify_end_states: string[];
  notify_end_types: string[];
  mute_first_recovery_notification: boolean;
  canceled_us: number | null;
  created_us: number;
  modified_us: number;
  created_by: number;
  /**
   * The check engine has handled every end of this downtime (expiry or cancellation) up to this
   * instant (epoch µs): end notifications are sent once. null: nothing yet (counts from created_us).
   */
  end_handled_us: number | null;
}
