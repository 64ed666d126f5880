import { DEFAULT_END_SETTINGS, NOTIFY_END_STATES, NOTIFY_END_TYPES, type EndSettings, type WindowSchedule } from '../../../contract/maintenance';
import { type Schedule } from '../../../contract/maintenance-schedule';
import type { Downtime, GroupState, MonitorDetail, MonitorSummary, MuteSummary, Person } from '../../../contract/monitors';
import { formatWallTime, parseWallTime, recurrenceAt, wallTimeAt, type Recurrence } from '../../../contract/recurrence';
import { groupTags, isMatchAll, matchesScope } from '../../../contract/scope';
import { statusSeverity } from '../../../contract/states';
import type {
  RawDowntime,
  RawDowntimeAttributes,
  RawDowntimeSchedule,
  RawEndSettingsWrite,
  RawIncluded,
  RawMatchingDowntime,
  RawMonitor,
  RawOnceScheduleWrite,
  RawRecurrence,
  RawRecurringScheduleWrite,
} from './schemas';

/**
 * Raw Datadog -> contract. Pure functions; `now` is passed in so tests can
 * freeze time. Unknown statuses and types pass through as data.
 */

export function isoToMs(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

export function secondsToMs(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value * 1000) : null;
}

function intOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

function person(p: { name?: unknown; handle?: unknown; email?: unknown } | null | undefined): Person | null {
  if (!p) return null;
  const s = (v: unknown) => (typeof v === 'string' ? v : null);
  return { name: s(p.name), handle: s(p.handle), email: s(p.email) };
}

/** A group as the mappers read it: the detail's full group state, or the list's name and status only. */
export interface GroupInput {
  name?: string | null;
  status?: string | null;
  last_triggered_ts?: number | null;
  last_notified_ts?: number | null;
  last_resolved_ts?: number | null;
  last_nodata_ts?: number | null;
}

/** A downtime of `matching_downtimes` as the mappers read it. */
export interface MatchingDowntimeInput {
  start?: number | null;
  end?: number | null;
  active?: boolean | null;
  scope?: RawMatchingDowntime['scope'];
  groups?: string[] | null;
}

/**
 * A monitor as the summary reads it: one monitor's full answer (RawMonitor, the detail) or the
 * list's slim one (RawListMonitor, list-schemas.ts); both fit.
 */
export interface MonitorInput {
  id: number;
  name?: string | null;
  type?: string | null;
  query?: string | null;
  message?: string | null;
  tags?: string[] | null;
  priority?: number | null;
  multi?: boolean | null;
  overall_state?: string | null;
  overall_state_modified?: string | null;
  created?: string | null;
  modified?: string | null;
  created_at?: number | null;
  creator?: { name?: unknown; handle?: unknown; email?: unknown } | null;
  state?: { groups?: Record<string, GroupInput> | readonly GroupInput[] | null } | null;
  matching_downtimes?: readonly MatchingDowntimeInput[] | null;
}

/** Visits each group of `state.groups` (Datadog keys them by group name; a list is accepted too), in order. */
function forEachGroup(raw: MonitorInput, visit: (name: string, group: GroupInput) => void): void {
  const groups = raw.state?.groups;
  if (!groups) return;
  if (Array.isArray(groups)) {
    for (const group of groups as readonly GroupInput[]) visit(group.name ?? '', group);
    return;
  }
  for (const [key, group] of Object.entries(groups)) visit(group.name ?? key, group);
}

/** The monitor's groups from `state.groups`, which Datadog keys by group name. */
export function rawGroups(raw: MonitorInput): { name: string; group: GroupInput }[] {
  const out: { name: string; group: GroupInput }[] = [];
  forEachGroup(raw, (name, group) => out.push({ name, group }));
  return out;
}

/** An active downtime from `matching_downtimes`, reduced to what muting needs. */
interface ActiveMute {
  matchAll: boolean;
  scope: string | null;
  groups: string[] | null;
  endAt: number | null;
}

function scopeText(scope: RawMatchingDowntime['scope']): string | null {
  if (typeof scope === 'string') return scope;
  if (Array.isArray(scope) && scope.length > 0) return scope.join(' AND '); // v1: a list of terms, all required
  return null;
}

export function activeMutes(raw: MonitorInput, now: number): ActiveMute[] {
  const out: ActiveMute[] = [];
  for (const d of raw.matching_downtimes ?? []) {
    const startAt = secondsToMs(d.start);
    const endAt = secondsToMs(d.end);
    if (d.active === false) continue;
    if (startAt !== null && startAt > now) continue;
    if (endAt !== null && endAt <= now) continue;
    const scope = scopeText(d.scope);
    out.push({ matchAll: scope !== null && isMatchAll(scope), scope, groups: d.groups ?? null, endAt });
  }
  return out;
}

function mutes(mute: ActiveMute, groupName: string): boolean {
  if (mute.matchAll) return true;
  if (mute.groups) return mute.groups.includes(groupName) || mute.groups.includes('*');
  return mute.scope !== null && matchesScope(mute.scope, groupTags(groupName));
}

/** Latest end among these mutes; null when any of them is indefinite. */
function latestEnd(list: ActiveMute[]): number | null {
  if (list.length === 0 || list.some((m) => m.endAt === null)) return null;
  return Math.max(...list.map((m) => m.endAt as number));
}

/** Whether a group is muted, and until when. */
type GroupMute = Pick<GroupState, 'muted' | 'mutedUntil'>;

function groupMute(name: string, active: ActiveMute[]): GroupMute {
  const muting = active.filter((m) => mutes(m, name));
  return { muted: muting.length > 0, mutedUntil: muting.length > 0 ? latestEnd(muting) : null };
}

function toGroupState(name: string, g: GroupInput, active: ActiveMute[]): GroupState {
  return {
    name,
    status: g.status ?? 'Unknown',
    tags: groupTags(name),
    lastTriggeredAt: secondsToMs(g.last_triggered_ts),
    lastResolvedAt: secondsToMs(g.last_resolved_ts),
    lastNodataAt: secondsToMs(g.last_nodata_ts),
    lastNotifiedAt: secondsToMs(g.last_notified_ts),
    ...groupMute(name, active),
  };
}

function muteSummary(groups: readonly GroupMute[], active: ActiveMute[]): MuteSummary {
  const whole = active.filter((m) => m.matchAll);
  const muted = groups.filter((g) => g.muted);
  // Without group states (no group_states param, or a server that omits them), count the groups the downtimes name.
  const mutedGroups =
    groups.length > 0 ? muted.length : new Set(active.flatMap((m) => m.groups ?? []).filter((g) => g !== '*')).size;
  if (whole.length > 0) {
    return { state: 'all', endsAt: latestEnd(whole), mutedGroups, downtimes: active.length };
  }
  if (mutedGroups > 0) {
    const ends = muted.map((g) => g.mutedUntil).filter((e): e is number => e !== null);
    const fromMutes = active.map((m) => m.endAt).filter((e): e is number => e !== null);
    const candidates = groups.length > 0 ? ends : fromMutes;
    return {
      state: 'partial',
      endsAt: candidates.length > 0 ? Math.min(...candidates) : null,
      mutedGroups,
      downtimes: active.length,
    };
  }
  return { state: 'none', endsAt: null, mutedGroups: 0, downtimes: active.length };
}

function sortGroups(groups: GroupState[]): GroupState[] {
  return groups.sort((a, b) => statusSeverity(a.status) - statusSeverity(b.status) || a.name.localeCompare(b.name));
}

function monitorGroups(raw: MonitorInput, active: ActiveMute[]): GroupState[] {
  const groups: GroupState[] = [];
  forEachGroup(raw, (name, group) => groups.push(toGroupState(name, group, active)));
  return sortGroups(groups);
}

/** Groups per status, most severe first (an own key per status, whatever it is called). */
function countsByStatus(counts: ReadonlyMap<string, number>): Record<string, number> {
  const order = [...counts.keys()].sort((a, b) => statusSeverity(a) - statusSeverity(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(order.map((status) => [status, counts.get(status) as number]));
}

/** What the summary says about the groups: counts per status, how many, and the mute state. */
interface GroupSummary {
  counts: Record<string, number>;
  total: number;
  mute: MuteSummary;
}

function summaryFields(raw: MonitorInput, groups: GroupSummary): MonitorSummary {
  return {
    id: raw.id,
    name: raw.name ?? '',
    type: raw.type ?? '',
    query: raw.query ?? '',
    message: raw.message ?? '',
    tags: raw.tags ?? [],
    priority: intOrNull(raw.priority),
    overallState: raw.overall_state ?? 'Unknown',
    overallStateModifiedAt: isoToMs(raw.overall_state_modified),
    multi: raw.multi ?? groups.total > 1,
    creator: person(raw.creator),
    createdAt: intOrNull(raw.created_at) ?? isoToMs(raw.created),
    modifiedAt: isoToMs(raw.modified),
    groupCounts: groups.counts,
    mute: groups.mute,
  };
}

function groupSummary(groups: readonly GroupState[], active: ActiveMute[]): GroupSummary {
  const counts = new Map<string, number>();
  for (const g of groups) counts.set(g.status, (counts.get(g.status) ?? 0) + 1);
  return { counts: countsByStatus(counts), total: groups.length, mute: muteSummary(groups, active) };
}

/**
 * One row of the list. The list needs only counts and the mute state, not each group: at 10,000
 * monitors x 20 groups, building, tagging and sorting 200,000 group states per list body cost
 * most of its CPU and memory. A group's mute state is worked out only when a downtime is live.
 */
export function toMonitorSummary(raw: MonitorInput, now: number): MonitorSummary {
  const active = activeMutes(raw, now);
  const counts = new Map<string, number>();
  const mutedStates: GroupMute[] = [];
  let total = 0;
  forEachGroup(raw, (name, group) => {
    total++;
    const status = group.status ?? 'Unknown';
    counts.set(status, (counts.get(status) ?? 0) + 1);
    if (active.length > 0) mutedStates.push(groupMute(name, active));
  });
  return summaryFields(raw, { counts: countsByStatus(counts), total, mute: muteSummary(mutedStates, active) });
}

/** Users from a JSON:API `included` list, by id. */
export function includedUsers(included: readonly (RawIncluded | null)[] | null | undefined): Map<string, Person> {
  const users = new Map<string, Person>();
  for (const item of included ?? []) {
    const p = item && (item.type === 'users' || item.type === 'user') ? person(item.attributes) : null;
    if (item && p) users.set(item.id, p);
  }
  return users;
}

export function toDowntime(raw: RawDowntime, users: Map<string, Person> = new Map()): Downtime {
  const a = raw.attributes;
  const schedule = a?.schedule;
  const creatorId = raw.relationships?.created_by?.data?.id;
  const monitorId = intOrNull(a?.monitor_identifier?.monitor_id);
  return {
    id: raw.id,
    scope: a?.scope ?? '',
    monitorId,
    monitorTags: a?.monitor_identifier?.monitor_tags ?? null,
    status: a?.status ?? 'unknown',
    message: a?.message ?? null,
    startAt: isoToMs(schedule?.start ?? schedule?.current_downtime?.start),
    endAt: isoToMs(schedule?.end ?? schedule?.current_downtime?.end),
    createdAt: isoToMs(a?.created),
    creator: creatorId === undefined ? null : (users.get(String(creatorId)) ?? null),
    recurring: Array.isArray(schedule?.recurrences) && schedule.recurrences.length > 0,
  };
}

/** Does this downtime target the monitor: by its id, or by tags all on the monitor ("*" = every monitor)? */
export function targetsMonitor(d: Downtime, monitor: { id: number; tags: readonly string[] }): boolean {
  if (d.monitorId !== null) return d.monitorId === monitor.id;
  if (!d.monitorTags || d.monitorTags.length === 0) return false;
  const tags = new Set(monitor.tags.map((t) => t.toLowerCase()));
  return d.monitorTags.every((t) => t === '*' || tags.has(t.toLowerCase()));
}

/** Downtime statuses that no longer mute anything. */
export const FINISHED_DOWNTIME = new Set(['canceled', 'cancelled', 'ended']);

export function toMonitorDetail(
  raw: RawMonitor,
  downtimes: { data: RawDowntime[]; users: Map<string, Person> },
  at: { now: number; fetchedAt: number; stale: boolean },
): MonitorDetail {
  const active = activeMutes(raw, at.now);
  const groups = monitorGroups(raw, active);
  const summary = summaryFields(raw, groupSummary(groups, active));
  const current = downtimes.data
    .map((d) => toDowntime(d, downtimes.users))
    .filter((d) => !FINISHED_DOWNTIME.has(d.status) && targetsMonitor(d, summary))
    .map((d) => ({ ...d, groups: groups.filter((g) => matchesScope(d.scope, g.tags)).map((g) => g.name) }));
  return {
    ...summary,
    options: raw.options ?? {},
    groups,
    downtimes: current,
    fetchedAt: at.fetchedAt,
    stale: at.stale,
  };
}

// ---------------------------------------------------------------------------------------------
// Maintenance windows (issue 7): downtime schedules and end settings, both ways.

/** A recurrence start as "YYYY-MM-DDTHH:mm" when it reads as a wall-clock time (Datadog may add seconds). */
export function wallStart(value: string): string {
  const wall = parseWallTime(value);
  return wall ? formatWallTime(wall) : value.trim();
}

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Datadog's occurrence in progress, when it has not passed yet. */
function liveOccurrence(times: RawDowntimeSchedule['current_downtime'], now: number): { start: number; end: number } | null {
  const start = isoToMs(times?.start);
  const end = isoToMs(times?.end);
  return start !== null && end !== null && end > now ? { start, end } : null;
}

/** The occurrence in progress, else the next one, by the rule; null when it has run out or we cannot read it. */
function occurrenceByRule(rec: Recurrence, timezone: string, now: number): { start: number; end: number } | null {
  try {
    const at = recurrenceAt(rec, timezone, now);
    return at.current ?? at.next;
  } catch {
    // A rule our expander refuses (say FREQ=HOURLY, made in Datadog's UI) still shows, without a current occurrence.
    return null;
  }
}

/**
 * A downtime's schedule as the contract shows it: one-off {start, end} in ms, or the first
 * recurrence with its timezone and the occurrence in progress (else the next one).
 * `fallbackStart` (the creation time) stands in for a start Datadog left out.
 */
export function toWindowSchedule(schedule: RawDowntimeSchedule | null | undefined, fallbackStart: number, now: number): WindowSchedule {
  const rule = schedule?.recurrences?.find((r): r is RawRecurrence => r !== null && typeof r.rrule === 'string' && r.rrule !== '');
  if (rule) {
    const timezone = schedule?.timezone || 'UTC';
    const start = rule.start ? wallStart(rule.start) : formatWallTime(wallTimeAt(fallbackStart, timezone));
    const rec: Recurrence = { rrule: rule.rrule ?? '', duration: rule.duration ?? '', start };
    const current = liveOccurrence(schedule?.current_downtime, now) ?? occurrenceByRule(rec, timezone, now);
    return { kind: 'recurring', ...rec, timezone, current };
  }
  return {
    kind: 'once',
    start: isoToMs(schedule?.start ?? schedule?.current_downtime?.start) ?? fallbackStart,
    end: isoToMs(schedule?.end ?? schedule?.current_downtime?.end),
  };
}

/** The end settings of a downtime; a value we do not know is left out, an absent list is Datadog's default. */
export function toEndSettings(attrs: RawDowntimeAttributes | null | undefined): EndSettings {
  const states = attrs?.notify_end_states;
  const types = attrs?.notify_end_types;
  return {
    notifyEndStates: states ? NOTIFY_END_STATES.filter((s) => states.includes(s)) : [...DEFAULT_END_SETTINGS.notifyEndStates],
    notifyEndTypes: types ? NOTIFY_END_TYPES.filter((t) => types.includes(t)) : [...DEFAULT_END_SETTINGS.notifyEndTypes],
    muteFirstRecovery: attrs?.mute_first_recovery_notification ?? DEFAULT_END_SETTINGS.muteFirstRecovery,
  };
}

export function toRawEndSettings(settings: EndSettings): RawEndSettingsWrite {
  return {
    notify_end_states: [...settings.notifyEndStates],
    notify_end_types: [...settings.notifyEndTypes],
    mute_first_recovery_notification: settings.muteFirstRecovery,
  };
}

/**
 * A planned schedule as Datadog takes it. One-off: ISO times, no start meaning now, a null end
 * meaning indefinitely. Recurring: one rule (without an "RRULE:" prefix) and its timezone.
 */
export function toRawSchedule(schedule: Schedule): RawOnceScheduleWrite | RawRecurringScheduleWrite {
  if (schedule.kind === 'once') {
    const end = isoOrNull(schedule.end);
    return schedule.start === null ? { end } : { start: new Date(schedule.start).toISOString(), end };
  }
  return {
    recurrences: [
      { rrule: schedule.rrule.trim().replace(/^RRULE:/i, ''), duration: schedule.duration.trim(), start: wallStart(schedule.start) },
    ],
    timezone: schedule.timezone,
  };
}

/** Ids of the included users that Datadog marks disabled. */
export function disabledUserIds(included: readonly (RawIncluded | null)[] | null | undefined): Set<string> {
  const out = new Set<string>();
  for (const item of included ?? []) {
    if (item && (item.type === 'users' || item.type === 'user') && item.attributes?.disabled === true) out.add(item.id);
  }
  return out;
}
