import type { EndSettings, MaintenanceWindow, WindowSchedule } from '../../contract/maintenance';
import type { Person } from '../../contract/monitors';
import { FINISHED_DOWNTIME, isoToMs, toEndSettings, toWindowSchedule } from '../upstreams/datadog/map';
import type { RawDowntime } from '../upstreams/datadog/schemas';
import { parseWindowMessage, type ParsedMessage } from './maintenance-message';

/**
 * Datadog downtimes -> maintenance windows. A window planned in watchdeck is every downtime whose
 * message carries its marker (one per picked monitor, one for the monitor tags); any other
 * downtime is a window of its own, keyed by the downtime id, with `planned: false`.
 */
export type Creator = Person & { disabled?: boolean };

/** One downtime, reduced to what a window needs. */
export interface DowntimePart {
  id: string;
  status: string;
  scope: string;
  monitorId: number | null;
  monitorTags: string[] | null;
  schedule: WindowSchedule;
  message: ParsedMessage;
  /** The message as Datadog has it, to put back word for word. */
  rawMessage: string | null;
  endSettings: EndSettings;
  displayTimezone: string;
  createdAt: number | null;
  modifiedAt: number | null;
  canceledAt: number | null;
  /** Datadog's creator (from `include=created_by`). */
  creator: Creator | null;
}

export interface WindowRecord {
  window: MaintenanceWindow;
  /** Its downtimes: picked monitors by id, then the tag downtime. */
  parts: DowntimePart[];
}

export interface WindowContext {
  now: number;
  /** Datadog users from `included`, by id. */
  users: ReadonlyMap<string, Person>;
  /** Datadog users marked disabled, by id. */
  disabledUserIds: ReadonlySet<string>;
  /** Whether a watchdeck user is disabled; undefined when the BFF does not know them. */
  watchdeckUserDisabled: (username: string) => boolean | undefined;
  /** Windows kept alive until their groups recover. */
  watched: ReadonlySet<string>;
  /** A monitor's name by id, for the picked monitors (undefined when unknown). */
  monitorName: (id: number) => string | undefined;
}

/** Ended and canceled windows stay in the list this long. */
export const FINISHED_KEPT_MS = 31 * 86_400_000;

export const isFinished = (status: string) => FINISHED_DOWNTIME.has(status);
const isCanceled = (status: string) => status === 'canceled' || status === 'cancelled';

const intOrNull = (v: number | null | undefined) => (typeof v === 'number' && Number.isInteger(v) ? v : null);

export function toPart(raw: RawDowntime, ctx: Pick<WindowContext, 'now' | 'users' | 'disabledUserIds'>): DowntimePart {
  const a = raw.attributes;
  const createdAt = isoToMs(a?.created);
  const creatorId = raw.relationships?.created_by?.data?.id;
  const person = creatorId === undefined ? undefined : ctx.users.get(String(creatorId));
  return {
    id: raw.id,
    status: a?.status ?? 'unknown',
    scope: a?.scope ?? '*',
    monitorId: intOrNull(a?.monitor_identifier?.monitor_id),
    monitorTags: a?.monitor_identifier?.monitor_tags ?? null,
    schedule: toWindowSchedule(a?.schedule, createdAt ?? ctx.now, ctx.now),
    message: parseWindowMessage(a?.message),
    rawMessage: a?.message ?? null,
    endSettings: toEndSettings(a),
    displayTimezone: a?.display_timezone || 'UTC',
    createdAt,
    modifiedAt: isoToMs(a?.modified),
    canceledAt: isoToMs(a?.canceled),
    creator: person ? { ...person, ...(ctx.disabledUserIds.has(String(creatorId)) ? { disabled: true } : {}) } : null,
  };
}

/** Picked monitors by id first (ascending), then tag downtimes; ids break ties. */
function partOrder(a: DowntimePart, b: DowntimePart): number {
  const ma = a.monitorId ?? Number.MAX_SAFE_INTEGER;
  const mb = b.monitorId ?? Number.MAX_SAFE_INTEGER;
  return ma - mb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Active if any downtime is; else scheduled if any is; else canceled when all are; else ended. */
export function windowStatus(parts: readonly DowntimePart[]): string {
  const statuses = parts.map((p) => p.status);
  if (statuses.includes('active')) return 'active';
  if (statuses.includes('scheduled')) return 'scheduled';
  if (statuses.length > 0 && statuses.every(isCanceled)) return 'canceled';
  if (statuses.some((s) => s === 'ended' || isCanceled(s))) return 'ended';
  return statuses[0] ?? 'unknown';
}

/** The downtimes that still mute or will: the ones an action changes. */
export const liveParts = (record: WindowRecord): DowntimePart[] => record.parts.filter((p) => !isFinished(p.status));

/** A one-off window mutes from its earliest start to its latest end (null: one of them has none). */
function windowSchedule(parts: readonly DowntimePart[]): WindowSchedule {
  const live = parts.filter((p) => !isFinished(p.status));
  const from = live.length > 0 ? live : parts;
  const first = from[0]!.schedule;
  if (first.kind !== 'once') return first;
  const onces = from.flatMap((p) => (p.schedule.kind === 'once' ? [p.schedule] : []));
  const ends = onces.map((s) => s.end);
  return {
    kind: 'once',
    start: Math.min(...onces.map((s) => s.start)),
    end: ends.includes(null) ? null : Math.max(...(ends as number[])),
  };
}

function creatorOf(first: DowntimePart, ctx: WindowContext): Creator | null {
  const username = first.message.username;
  if (username === null) return first.creator;
  const disabled = ctx.watchdeckUserDisabled(username);
  return { name: username, handle: username, email: null, ...(disabled === undefined ? {} : { disabled }) };
}

const minOf = (values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? Math.min(...known) : null;
};
const maxOf = (values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? Math.max(...known) : null;
};

export function buildWindow(id: string, unordered: readonly DowntimePart[], ctx: WindowContext): WindowRecord {
  const parts = [...unordered].sort(partOrder);
  const first = parts[0]!;
  const monitorIds = [...new Set(parts.flatMap((p) => (p.monitorId === null ? [] : [p.monitorId])))];
  const monitorTags = [...new Set(parts.flatMap((p) => p.monitorTags ?? []))];
  const monitorNames: Record<string, string> = {};
  for (const mid of monitorIds) {
    const name = ctx.monitorName(mid);
    if (name !== undefined) monitorNames[String(mid)] = name;
  }
  const window: MaintenanceWindow = {
    id,
    downtimeIds: parts.map((p) => p.id),
    planned: first.message.windowId !== null,
    reason: first.message.reason,
    ticket: first.message.ticket,
    targets: { monitorIds, monitorTags, monitorNames },
    scope: first.scope,
    schedule: windowSchedule(parts),
    status: windowStatus(parts),
    endSettings: first.endSettings,
    displayTimezone: first.displayTimezone,
    creator: creatorOf(first, ctx),
    createdAt: minOf(parts.map((p) => p.createdAt)),
    modifiedAt: maxOf(parts.map((p) => p.modifiedAt)),
    untilRecovered: ctx.watched.has(id),
  };
  return { window, parts };
}

/** Every window in these downtimes, in no particular order. */
export function groupWindows(raws: readonly RawDowntime[], ctx: WindowContext): WindowRecord[] {
  const byWindow = new Map<string, DowntimePart[]>();
  for (const raw of raws) {
    const part = toPart(raw, ctx);
    const key = part.message.windowId ?? part.id;
    const list = byWindow.get(key);
    if (list) list.push(part);
    else byWindow.set(key, [part]);
  }
  return [...byWindow.entries()].map(([id, parts]) => buildWindow(id, parts, ctx));
}

/** When the window stopped muting: its cancellation, else its end, else its last change. */
export function finishedAt(record: WindowRecord): number | null {
  const { window, parts } = record;
  if (isCanceled(window.status)) return maxOf(parts.map((p) => p.canceledAt ?? p.modifiedAt));
  const end = window.schedule.kind === 'once' ? window.schedule.end : (window.schedule.current?.end ?? null);
  return end ?? window.modifiedAt;
}

/** Live windows, and those that finished in the last 31 days (when we cannot tell when, they stay). */
export function isListed(record: WindowRecord, now: number): boolean {
  if (!isFinished(record.window.status)) return true;
  const at = finishedAt(record);
  return at === null || at >= now - FINISHED_KEPT_MS;
}

/** Where the window stands now: the start of the occurrence in progress, or of the next one. */
export function currentStart(window: MaintenanceWindow): number | null {
  return window.schedule.kind === 'once' ? window.schedule.start : (window.schedule.current?.start ?? null);
}

const RANK: Record<string, number> = { active: 0, scheduled: 1 };

/**
 * Newest relevant first: active windows (the latest to start first), then scheduled ones (the
 * soonest to start first), then the rest (the latest to finish first).
 */
export function compareWindows(a: WindowRecord, b: WindowRecord): number {
  const ra = RANK[a.window.status] ?? 2;
  const rb = RANK[b.window.status] ?? 2;
  if (ra !== rb) return ra - rb;
  const far = Number.MAX_SAFE_INTEGER;
  if (ra === 0) return (currentStart(b.window) ?? 0) - (currentStart(a.window) ?? 0);
  if (ra === 1) return (currentStart(a.window) ?? far) - (currentStart(b.window) ?? far);
  return (finishedAt(b) ?? 0) - (finishedAt(a) ?? 0);
}

/** The one-off end an extension adds to; null for a recurring or indefinite window. */
export function onceEnd(window: MaintenanceWindow): { start: number; end: number } | null {
  if (window.schedule.kind !== 'once' || window.schedule.end === null) return null;
  return { start: window.schedule.start, end: window.schedule.end };
}
