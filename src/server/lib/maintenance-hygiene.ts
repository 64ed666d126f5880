import type { HygieneKind, HygieneResponse } from '../../contract/maintenance';
import type { MonitorIndex } from './maintenance-monitors';
import { previewTargets } from './maintenance-monitors';
import { currentStart, type WindowRecord } from './maintenance-windows';

/**
 * The hygiene report: scheduled and active windows that are probably forgotten or wrong.
 * - matches_nothing: no monitor × group is covered right now;
 * - long_active: active for more than N days;
 * - indefinite_no_reason: a one-off window with no end that lacks a reason or a ticket;
 * - disabled_creator: planned by a watchdeck user who is now disabled, or made by a Datadog user
 *   Datadog marks disabled.
 * Each finding says why in one plain sentence per kind.
 */
export type HygieneFinding = HygieneResponse['findings'][number];

const DAY_MS = 86_400_000;

function matchesNothing(record: WindowRecord, index: MonitorIndex): string | null {
  const { targets, scope } = record.window;
  // Counts only (limit 0): the report never needs the rows.
  const preview = previewTargets(index, { monitorIds: targets.monitorIds, monitorTags: targets.monitorTags }, scope, 0);
  return preview.monitorCount === 0 ? 'It matches no monitor or group right now.' : null;
}

function longActive(record: WindowRecord, now: number, days: number): string | null {
  const start = currentStart(record.window);
  if (record.window.status !== 'active' || start === null || now - start <= days * DAY_MS) return null;
  const active = Math.floor((now - start) / DAY_MS);
  return `It has been active for ${active} days, longer than ${days}.`;
}

function indefiniteNoReason(record: WindowRecord): string | null {
  const { schedule, reason, ticket } = record.window;
  if (schedule.kind !== 'once' || schedule.end !== null) return null;
  const missing = [!reason ? 'reason' : null, !ticket ? 'ticket' : null].filter((m) => m !== null);
  if (missing.length === 0) return null;
  return `It never ends, and has no ${missing.join(' or ')}.`;
}

function disabledCreator(record: WindowRecord): string | null {
  const creator = record.window.creator;
  if (creator?.disabled !== true) return null;
  const who = creator.name ?? creator.handle ?? creator.email ?? 'its creator';
  return `Its creator, ${who}, is disabled.`;
}

export function hygieneFinding(record: WindowRecord, index: MonitorIndex, now: number, longActiveDays: number): HygieneFinding | null {
  if (record.window.status !== 'active' && record.window.status !== 'scheduled') return null;
  const checks: [HygieneKind, string | null][] = [
    ['matches_nothing', matchesNothing(record, index)],
    ['long_active', longActive(record, now, longActiveDays)],
    ['indefinite_no_reason', indefiniteNoReason(record)],
    ['disabled_creator', disabledCreator(record)],
  ];
  const found = checks.filter((c): c is [HygieneKind, string] => c[1] !== null);
  if (found.length === 0) return null;
  return { window: record.window, kinds: found.map(([k]) => k), details: found.map(([, d]) => d) };
}

export function hygieneFindings(records: readonly WindowRecord[], index: MonitorIndex, now: number, longActiveDays: number): HygieneFinding[] {
  return records.flatMap((r) => {
    const finding = hygieneFinding(r, index, now, longActiveDays);
    return finding ? [finding] : [];
  });
}
