import type { DowntimeRow, MonitorRow, UserRow } from '../store/types';
import { downtimeStatus, isRecurring, occurrenceAt } from './downtime-schedule';
import { isoMicro, msToUs } from './time';

/**
 * `schedule`: `{end, start}` for a one-off downtime; `{recurrences, current_downtime, timezone}`
 * for a recurring one, where current_downtime is the occurrence in progress, else the next one,
 * and null once the rules have run out.
 */
export function renderSchedule(d: DowntimeRow, nowUs: number): Record<string, unknown> {
  if (!isRecurring(d)) return { end: d.end_us === null ? null : isoMicro(d.end_us), start: isoMicro(d.start_us) };
  const { current, next } = occurrenceAt(d, nowUs);
  const shown = current ?? next;
  return {
    recurrences: d.recurrences.map((r) => ({ rrule: r.rrule, duration: r.duration, start: r.start })),
    current_downtime: shown ? { start: isoMicro(msToUs(shown.start)), end: isoMicro(msToUs(shown.end)) } : null,
    timezone: d.timezone ?? 'UTC',
  };
}

export function renderDowntimeAttributes(d: DowntimeRow, nowUs: number): Record<string, unknown> {
  return {
    display_timezone: d.display_timezone,
    scope: d.scope,
    notify_end_states: d.notify_end_states,
    message: d.message,
    created: isoMicro(d.created_us),
    status: downtimeStatus(d, nowUs),
    modified: isoMicro(d.modified_us),
    canceled: d.canceled_us === null ? null : isoMicro(d.canceled_us),
    monitor_identifier: d.monitor_id !== null ? { monitor_id: d.monitor_id } : { monitor_tags: d.monitor_tags ?? [] },
    schedule: renderSchedule(d, nowUs),
    notify_end_types: d.notify_end_types,
    mute_first_recovery_notification: d.mute_first_recovery_notification,
  };
}

export function renderRelationships(d: DowntimeRow, creator: UserRow | undefined): Record<string, unknown> {
  return {
    monitor: { data: d.monitor_id === null ? null : { type: 'monitors', id: String(d.monitor_id) } },
    created_by: { data: creator ? { type: 'users', id: creator.uuid } : null },
  };
}

/** One downtime resource; relationships only when asked (create, update, or ?include=). */
export function renderDowntime(
  d: DowntimeRow,
  nowUs: number,
  creator: UserRow | undefined,
  withRelationships: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = { type: 'downtime', attributes: renderDowntimeAttributes(d, nowUs) };
  if (withRelationships) out.relationships = renderRelationships(d, creator);
  out.id = d.id;
  return out;
}

export function renderMonitorIncluded(m: Pick<MonitorRow, 'id' | 'name'>): Record<string, unknown> {
  return { type: 'monitors', id: m.id, attributes: { name: m.name } };
}
