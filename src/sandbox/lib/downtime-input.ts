import { isTimeZone } from '../../contract/recurrence';
import { parseScope } from '../../contract/scope';
import { additionalPropertyMessage, badRequest } from './errors';
import { isPlainObject } from './json-body';
import { notOfType, repr, required } from './schema-messages';
import { parseIsoUs } from './time';

export const NOTIFY_END_STATES = ['alert', 'no data', 'warn'] as const;
export const NOTIFY_END_TYPES = ['canceled', 'expired'] as const;
/** Defaults as the recordings show them. */
export const DEFAULT_NOTIFY_END_STATES = ['alert', 'no data', 'warn'];
export const DEFAULT_NOTIFY_END_TYPES = ['expired'];
export const MAX_MONITOR_TAGS = 32;
/** Datadog takes 1 to 5 recurrences in a schedule. */
export const MAX_RECURRENCES = 5;
export const MIXED_SCHEDULE =
  'Invalid schedule: give either start and end (a one-off downtime) or recurrences and a timezone (a recurring one), not both';
const SCHEDULE_KEYS = ['start', 'end', 'recurrences', 'timezone'];
const RECURRENCE_KEYS = ['rrule', 'duration', 'start'];

const ATTRIBUTES = new Set([
  'display_timezone',
  'message',
  'monitor_identifier',
  'mute_first_recovery_notification',
  'notify_end_states',
  'notify_end_types',
  'schedule',
  'scope',
]);

/** The parsed `attributes`; a key is present only when the body had it. */
export interface DowntimeAttributesInput {
  scope?: string;
  monitor_identifier?: { monitor_id: number } | { monitor_tags: string[] };
  /** undefined: not given; null: now. */
  start?: number | null;
  /** undefined: not given; null: indefinite. */
  end?: number | null;
  /** A recurring schedule; undefined when the body has none (then `start`/`end` may be given). */
  recurring?: RecurringScheduleInput;
  message?: string | null;
  display_timezone?: string;
  notify_end_states?: string[];
  notify_end_types?: string[];
  mute_first_recovery_notification?: boolean;
}

/** One recurrence as given: `start` undefined or null means "now" in the schedule's timezone. */
export interface RecurrenceInput {
  rrule: string;
  duration: string;
  start?: string | null;
}

/** `schedule: {recurrences, timezone}`; either may be missing in a PATCH (the stored one is kept). */
export interface RecurringScheduleInput {
  recurrences?: RecurrenceInput[];
  timezone?: string;
}

/** Unwraps {data:{type:"downtime", attributes, id?}}; returns attributes and data.id. */
export function unwrapDowntimeBody(body: unknown): { attributes: Record<string, unknown>; id: unknown } {
  if (!isPlainObject(body)) notOfType(body, 'object');
  for (const key of Object.keys(body)) if (key !== 'data') throw badRequest(additionalPropertyMessage(key));
  const data = body.data;
  if (data === undefined) required('data');
  if (!isPlainObject(data)) notOfType(data, 'object');
  for (const key of Object.keys(data)) {
    if (!['type', 'attributes', 'id'].includes(key)) throw badRequest(additionalPropertyMessage(key));
  }
  if (data.type === undefined) required('type');
  if (data.type !== 'downtime') throw badRequest(`${repr(data.type)} is not one of ['downtime']`);
  if (data.attributes === undefined) required('attributes');
  if (!isPlainObject(data.attributes)) notOfType(data.attributes, 'object');
  return { attributes: data.attributes, id: data.id };
}

function enumList(v: unknown, allowed: readonly string[]): string[] {
  if (!Array.isArray(v)) notOfType(v, 'array');
  for (const item of v) {
    if (typeof item !== 'string' || !allowed.includes(item)) {
      throw badRequest(`${repr(item)} is not one of [${allowed.map(repr).join(', ')}]`);
    }
  }
  return [...new Set(v as string[])];
}

function monitorIdentifier(v: unknown): { monitor_id: number } | { monitor_tags: string[] } {
  if (!isPlainObject(v)) notOfType(v, 'object');
  for (const key of Object.keys(v)) {
    if (key !== 'monitor_id' && key !== 'monitor_tags') throw badRequest(additionalPropertyMessage(key));
  }
  const hasId = v.monitor_id !== undefined;
  const hasTags = v.monitor_tags !== undefined;
  if (hasId === hasTags) throw badRequest('monitor_identifier must have exactly one of monitor_id or monitor_tags');
  if (hasId) {
    if (typeof v.monitor_id !== 'number' || !Number.isInteger(v.monitor_id)) notOfType(v.monitor_id, 'integer');
    return { monitor_id: v.monitor_id };
  }
  const tags = v.monitor_tags;
  if (!Array.isArray(tags)) notOfType(tags, 'array');
  if (tags.length === 0) throw badRequest('[] is too short');
  if (tags.length > MAX_MONITOR_TAGS) throw badRequest(`monitor_tags can have at most ${MAX_MONITOR_TAGS} tags`);
  for (const t of tags) {
    if (typeof t !== 'string') notOfType(t, 'string');
    if (t.trim() === '') throw badRequest('monitor_tags must not contain empty tags');
  }
  return { monitor_tags: tags as string[] };
}

function recurrence(v: unknown, i: number): RecurrenceInput {
  const at = `schedule.recurrences[${i}]`;
  if (!isPlainObject(v)) notOfType(v, 'object');
  for (const key of Object.keys(v)) if (!RECURRENCE_KEYS.includes(key)) throw badRequest(additionalPropertyMessage(key));
  for (const key of ['rrule', 'duration'] as const) {
    if (v[key] === undefined || v[key] === null) throw badRequest(`'${key}' is a required property of ${at}`);
    if (typeof v[key] !== 'string') notOfType(v[key], 'string');
  }
  if (v.start !== undefined && v.start !== null && typeof v.start !== 'string') notOfType(v.start, 'string');
  return {
    rrule: (v.rrule as string).trim(),
    duration: (v.duration as string).trim(),
    start: typeof v.start === 'string' ? v.start.trim() : null,
  };
}

/** `{recurrences, timezone}`: shapes only; the rules themselves are checked once the start is known. */
function recurringSchedule(s: Record<string, unknown>): RecurringScheduleInput {
  const out: RecurringScheduleInput = {};
  if (s.timezone !== undefined && s.timezone !== null) {
    if (typeof s.timezone !== 'string') notOfType(s.timezone, 'string');
    if (!isTimeZone(s.timezone.trim())) throw badRequest(`Invalid schedule.timezone: unknown timezone ${repr(s.timezone)}`);
    out.timezone = s.timezone.trim();
  }
  if (s.recurrences !== undefined && s.recurrences !== null) {
    const list = s.recurrences;
    if (!Array.isArray(list)) notOfType(list, 'array');
    if (list.length === 0 || list.length > MAX_RECURRENCES) {
      throw badRequest(`Invalid schedule.recurrences: give 1 to ${MAX_RECURRENCES} recurrences (got ${list.length})`);
    }
    out.recurrences = list.map(recurrence);
  }
  return out;
}

function time(v: unknown, name: string): number | null {
  if (v === null) return null;
  if (typeof v !== 'string') notOfType(v, 'string');
  const us = parseIsoUs(v);
  if (us === null) throw badRequest(`Invalid ${name}: ${repr(v)} is not an ISO-8601 date-time`);
  return us;
}

/** Validates the attributes of a create or a PATCH (unknown keys are refused like the real API). */
export function parseDowntimeAttributes(attrs: Record<string, unknown>, mode: 'create' | 'update'): DowntimeAttributesInput {
  for (const key of Object.keys(attrs)) if (!ATTRIBUTES.has(key)) throw badRequest(additionalPropertyMessage(key));
  const out: DowntimeAttributesInput = {};
  if (mode === 'create') {
    if (attrs.monitor_identifier === undefined) required('monitor_identifier');
    if (attrs.scope === undefined) required('scope');
  }
  if (attrs.monitor_identifier !== undefined) out.monitor_identifier = monitorIdentifier(attrs.monitor_identifier);
  if (attrs.scope !== undefined) {
    if (typeof attrs.scope !== 'string') notOfType(attrs.scope, 'string');
    const parsed = parseScope(attrs.scope);
    if (!parsed.ok) throw badRequest(parsed.error);
    out.scope = attrs.scope.trim();
  }
  if (attrs.schedule !== undefined && attrs.schedule !== null) {
    const s = attrs.schedule;
    if (!isPlainObject(s)) notOfType(s, 'object');
    for (const key of Object.keys(s)) {
      if (!SCHEDULE_KEYS.includes(key)) throw badRequest(additionalPropertyMessage(key));
    }
    const oneOff = 'start' in s || 'end' in s;
    const recurring = 'recurrences' in s || 'timezone' in s;
    if (oneOff && recurring) throw badRequest(MIXED_SCHEDULE);
    if (recurring) out.recurring = recurringSchedule(s);
    if ('start' in s) out.start = time(s.start, 'schedule.start');
    if ('end' in s) out.end = time(s.end, 'schedule.end');
  }
  if (attrs.message !== undefined) {
    if (attrs.message !== null && typeof attrs.message !== 'string') notOfType(attrs.message, 'string');
    out.message = attrs.message as string | null;
  }
  if (attrs.display_timezone !== undefined) {
    if (typeof attrs.display_timezone !== 'string') notOfType(attrs.display_timezone, 'string');
    if (!isTimeZone(attrs.display_timezone)) throw badRequest(`Invalid display_timezone: ${repr(attrs.display_timezone)}`);
    out.display_timezone = attrs.display_timezone;
  }
  if (attrs.notify_end_states !== undefined) out.notify_end_states = enumList(attrs.notify_end_states, NOTIFY_END_STATES);
  if (attrs.notify_end_types !== undefined) out.notify_end_types = enumList(attrs.notify_end_types, NOTIFY_END_TYPES);
  if (attrs.mute_first_recovery_notification !== undefined) {
    if (typeof attrs.mute_first_recovery_notification !== 'boolean') {
      notOfType(attrs.mute_first_recovery_notification, 'boolean');
    }
    out.mute_first_recovery_notification = attrs.mute_first_recovery_notification;
  }
  return out;
}
