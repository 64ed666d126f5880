import type { DowntimeRow, MonitorRow, UserRow } from '../store/types';
import { downtimeStatus } from './downtime-matching';
import { isoMicro } from './time';

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
    schedule: { end: d.end_us === null ? null : isoMicro(d.end_us), start: isoMicro(d.start_us) },
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
