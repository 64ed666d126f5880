import { DEFAULT_END_SETTINGS, type MaintenanceWindow, type WindowListResponse } from '../../../../contract/maintenance';

/** Test data for the maintenance calendar and hygiene report: a window as GET /api/maintenance/windows lists it. */
export function buildWindow(id: string, overrides: Partial<MaintenanceWindow> = {}): MaintenanceWindow {
  return {
    id,
    downtimeIds: [`dt-${id}`],
    planned: true,
    reason: `Window ${id}`,
    ticket: null,
    targets: { monitorIds: [], monitorTags: ['team:payments'] },
    scope: '*',
    schedule: { kind: 'once', start: Date.UTC(2026, 10, 28, 1), end: Date.UTC(2026, 10, 28, 3) },
    status: 'scheduled',
    endSettings: DEFAULT_END_SETTINGS,
    displayTimezone: 'Europe/Berlin',
    creator: { name: 'Alice', handle: 'alice', email: null },
    createdAt: Date.UTC(2026, 10, 1),
    modifiedAt: Date.UTC(2026, 10, 1),
    ...overrides,
  };
}

/** Every Saturday 02:00–04:00 in Europe/Berlin, from 3 October 2026. */
export function weeklySaturdayWindow(id = 'reindex', overrides: Partial<MaintenanceWindow> = {}): MaintenanceWindow {
  return buildWindow(id, {
    reason: 'Nightly search reindex',
    schedule: {
      kind: 'recurring',
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      duration: '2h',
      start: '2026-10-03T02:00',
      timezone: 'Europe/Berlin',
      current: null,
    },
    ...overrides,
  });
}

export function windowList(windows: MaintenanceWindow[], fetchedAt: number, stale = false): WindowListResponse {
  return { windows, fetchedAt, stale };
}
