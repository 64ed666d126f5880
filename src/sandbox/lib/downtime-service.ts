import type { DowntimeRow } from '../store/types';
import type { SandboxDeps } from './context';
import {
  DEFAULT_NOTIFY_END_STATES,
  DEFAULT_NOTIFY_END_TYPES,
  type DowntimeAttributesInput,
} from './downtime-input';
import { badRequest } from './errors';

export const SCHEDULE_ORDER_ERROR = 'Invalid schedule: the end must be after the start';

function checkMonitorTarget(deps: SandboxDeps, input: DowntimeAttributesInput): void {
  const target = input.monitor_identifier;
  if (target && 'monitor_id' in target && !deps.monitors.exists(target.monitor_id)) {
    throw badRequest(`Monitor with id ${target.monitor_id} not found`);
  }
}

/** Builds and stores a new downtime from validated attributes. */
export function createDowntime(deps: SandboxDeps, input: DowntimeAttributesInput): DowntimeRow {
  checkMonitorTarget(deps, input);
  const now = deps.nowUs();
  const start = input.start ?? now;
  const end = input.end ?? null;
  if (end !== null && end <= start) throw badRequest(SCHEDULE_ORDER_ERROR);
  const target = input.monitor_identifier!;
  const row: DowntimeRow = {
    id: deps.newUuid(),
    monitor_id: 'monitor_id' in target ? target.monitor_id : null,
    monitor_tags: 'monitor_tags' in target ? target.monitor_tags : null,
    scope: input.scope!,
    start_us: start,
    end_us: end,
    message: input.message ?? null,
    display_timezone: input.display_timezone ?? 'UTC',
    notify_end_states: input.notify_end_states ?? DEFAULT_NOTIFY_END_STATES,
    notify_end_types: input.notify_end_types ?? DEFAULT_NOTIFY_END_TYPES,
    mute_first_recovery_notification: input.mute_first_recovery_notification ?? false,
    canceled_us: null,
    created_us: now,
    modified_us: now,
    created_by: deps.ownerUserId(),
  };
  deps.downtimes.insert(row);
  return row;
}

/** Applies a validated PATCH to a stored downtime and saves it. */
export function updateDowntime(deps: SandboxDeps, existing: DowntimeRow, input: DowntimeAttributesInput): DowntimeRow {
  if (existing.canceled_us !== null) throw badRequest('Cannot update a canceled downtime');
  checkMonitorTarget(deps, input);
  const now = deps.nowUs();
  const next: DowntimeRow = { ...existing, modified_us: now };
  if (input.monitor_identifier) {
    const t = input.monitor_identifier;
    next.monitor_id = 'monitor_id' in t ? t.monitor_id : null;
    next.monitor_tags = 'monitor_tags' in t ? t.monitor_tags : null;
  }
  if (input.scope !== undefined) next.scope = input.scope;
  if (input.start !== undefined) next.start_us = input.start ?? now;
  if (input.end !== undefined) next.end_us = input.end;
  if (input.message !== undefined) next.message = input.message;
  if (input.display_timezone !== undefined) next.display_timezone = input.display_timezone;
  if (input.notify_end_states !== undefined) next.notify_end_states = input.notify_end_states;
  if (input.notify_end_types !== undefined) next.notify_end_types = input.notify_end_types;
  if (input.mute_first_recovery_notification !== undefined) {
    next.mute_first_recovery_notification = input.mute_first_recovery_notification;
  }
  if (next.end_us !== null && next.end_us <= next.start_us) throw badRequest(SCHEDULE_ORDER_ERROR);
  deps.downtimes.update(next);
  return next;
}
