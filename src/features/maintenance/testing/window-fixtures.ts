import { DEFAULT_END_SETTINGS, type MaintenanceWindow, type PreviewGroup, type PreviewResponse, type WindowListResponse } from '../../../contract/maintenance';
import { FIXTURE_NOW } from '../../../testing/monitor-fixtures';

/** Test data for the maintenance pages. "Now" is FIXTURE_NOW: 2025-06-03 12:00 UTC, a Tuesday. */
export const NOW = FIXTURE_NOW;
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export function buildWindow(overrides: Partial<MaintenanceWindow> = {}): MaintenanceWindow {
  return {
    id: 'mw-1',
    downtimeIds: ['dt-1'],
    planned: true,
    reason: 'Database failover',
    ticket: 'https://jira.example.com/browse/OPS-42',
    targets: { monitorIds: [101], monitorTags: [], monitorNames: { '101': 'Checkout API' } },
    scope: 'env:prod',
    schedule: { kind: 'once', start: NOW - HOUR, end: NOW + 2 * HOUR },
    status: 'active',
    endSettings: { ...DEFAULT_END_SETTINGS },
    displayTimezone: 'UTC',
    creator: { name: 'alice', handle: 'alice', email: null },
    createdAt: NOW - HOUR,
    modifiedAt: NOW - HOUR,
    ...overrides,
  };
}

/** Saturdays 02:00-04:00 Europe/Berlin, for team:payments; its next occurrence is Sat 7 Jun. */
export function weeklyWindow(overrides: Partial<MaintenanceWindow> = {}): MaintenanceWindow {
  return buildWindow({
    id: 'mw-weekly',
    reason: 'Payments DB patching',
    targets: { monitorIds: [], monitorTags: ['team:payments'] },
    scope: '*',
    schedule: {
      kind: 'recurring',
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      duration: '2h',
      start: '2025-05-31T02:00',
      timezone: 'Europe/Berlin',
      current: { start: Date.UTC(2025, 5, 7, 0, 0), end: Date.UTC(2025, 5, 7, 2, 0) },
    },
    status: 'scheduled',
    displayTimezone: 'Europe/Berlin',
    ...overrides,
  });
}

export function group(monitorId: number, monitorName: string, name: string, state: string, extra: Partial<PreviewGroup> = {}): PreviewGroup {
  return { monitorId, monitorName, group: name, state, matchedBy: { picked: true, monitorTags: [] }, scopeTags: ['env:prod'], ...extra };
}

/** Checkout API: one group in Alert, one OK; Payments worker: Warn; Search: No Data. */
export const GROUPS: PreviewGroup[] = [
  group(101, 'Checkout API', 'env:prod,host:web-1', 'Alert'),
  group(101, 'Checkout API', 'env:prod,host:web-2', 'OK'),
  group(102, 'Payments worker', 'env:prod', 'Warn', { matchedBy: { picked: false, monitorTags: ['team:payments'] } }),
  group(103, 'Search indexer', 'env:prod,region:eu', 'No Data'),
];

export function previewOf(groups: PreviewGroup[] = GROUPS, overrides: Partial<PreviewResponse> = {}): PreviewResponse {
  return {
    groups,
    monitorCount: new Set(groups.map((g) => g.monitorId)).size,
    futureMonitorCount: 0,
    mutesEverything: false,
    truncated: false,
    guardrails: { problems: [] },
    fetchedAt: NOW,
    stale: false,
    ...overrides,
  };
}

export function windowList(windows: MaintenanceWindow[], overrides: Partial<WindowListResponse> = {}): WindowListResponse {
  return { windows, fetchedAt: NOW, stale: false, ...overrides };
}
