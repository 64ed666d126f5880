import { recurrenceError, type Recurrence } from '../../contract/recurrence';
import type { DowntimeRow } from '../store/types';
import type { SandboxDeps } from './context';
import {
  DEFAULT_NOTIFY_END_STATES,
  DEFAULT_NOTIFY_END_TYPES,
  type DowntimeAttributesInput,
  type RecurringScheduleInput,
} from './downtime-input';
import { recurrencesStartUs, wallNow } from './downtime-schedule';
import { badRequest } from './errors';

export const SCHEDULE_ORDER_ERROR = 'Invalid schedule: the end must be after the start';
export const RECURRENCES_REQUIRED = "Invalid schedule: 'recurrences' is required for a recurring downtime";

function checkMonitorTarget(deps: SandboxDeps, input: DowntimeAttributesInput): void {
  const target = input.monitor_identifier;
  if (target && 'monitor_id' in target && !deps.monitors.exists(target.monitor_id)) {
    throw badRequest(`Monitor with id ${target.monitor_id} not found`);
  }
}

/** A recurring schedule as stored: rules with their starts filled in (now, in the timezone) and checked. */
interface RecurringSchedule {
  recurrences: Recurrence[];
  timezone: string;
}

/**
 * Completes a recurring schedule from the input and what is stored (a PATCH may give only the
 * timezone, or only the rules), and checks every rule with the contract's `recurrenceError`.
 */
function resolveRecurring(
  input: RecurringScheduleInput,
  stored: { recurrences: Recurrence[] | null; timezone: string | null },
  nowUs: number,
): RecurringSchedule {
  const timezone = input.timezone ?? stored.timezone ?? 'UTC';
  const given = input.recurrences ?? stored.recurrences;
  if (!given) throw badRequest(RECURRENCES_REQUIRED);
  const recurrences = given.map((r) => ({ rrule: r.rrule, duration: r.duration, start: r.start ?? wallNow(nowUs, timezone) }));
  recurrences.forEach((rec, i) => {
    const problem = recurrenceError(rec, timezone);
    if (!problem) return;
    const at = problem.field === 'timezone' ? 'schedule.timezone' : `schedule.recurrences[${i}].${problem.field}`;
    throw badRequest(`Invalid ${at}: ${problem.message}`);
  });
  return { recurrences, timezone };
}

/** Makes the row recurring: the rules decide when it mutes; start_us is their earliest start, end_us unused. */
function applyRecurring(row: DowntimeRow, schedule: RecurringSchedule): void {
  row.recurrences = schedule.recurrences;
  row.timezone = schedule.timezone;
  row.start_us = recurrencesStartUs(schedule.recurrences, schedule.timezone);
  row.end_us = null;
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
    recurrences: null,
    timezone: null,
    message: input.message ?? null,
    display_timezone: input.display_timezone ?? 'UTC',
    notify_end_states: input.notify_end_states ?? DEFAULT_NOTIFY_END_STATES,
    notify_end_types: input.notify_end_types ?? DEFAULT_NOTIFY_END_TYPES,
    mute_first_recovery_notification: input.mute_first_recovery_notification ?? false,
    canceled_us: null,
    created_us: now,
    modified_us: now,
    created_by: deps.ownerUserId(),
    end_handled_us: null,
  };
  if (input.recurring) applyRecurring(row, resolveRecurring(input.recurring, { recurrences: null, timezone: null }, now));
  deps.downtimes.insert(row);
  return row;
}

/**
 * The schedule part of a PATCH. Recurrences or a timezone make (or keep) it recurring; a start or
 * an end makes it one-off, starting now unless a start is given; otherwise it is left alone.
 */
function applySchedule(next: DowntimeRow, input: DowntimeAttributesInput, now: number): void {
  if (input.recurring) {
    if (!next.recurrences && !input.recurring.recurrences) throw badRequest(RECURRENCES_REQUIRED);
    applyRecurring(next, resolveRecurring(input.recurring, next, now));
    return;
  }
  if (input.start === undefined && input.end === undefined) return;
  if (next.recurrences) {
    next.recurrences = null;
    next.timezone = null;
    next.start_us = input.start ?? now;
    next.end_us = input.end ?? null;
  } else {
    if (input.start !== undefined) next.start_us = input.start ?? now;
    if (input.end !== undefined) next.end_us = input.end;
  }
  if (next.end_us !== null && next.end_us <= next.start_us) throw badRequest(SCHEDULE_ORDER_ERROR);
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
  applySchedule(next, input, now);
  if (input.message !== undefined) next.message = input.message;
  if (input.display_timezone !== undefined) next.display_timezone = input.display_timezone;
  if (input.notify_end_states !== undefined) next.notify_end_states = input.notify_end_states;
  if (input.notify_end_types !== undefined) next.notify_end_types = input.notify_end_types;
  if (input.mute_first_recovery_notification !== undefined) {
    next.mute_first_recovery_notification = input.mute_first_recovery_notification;
  }
  deps.downtimes.update(next);
  return next;
}
