import type {
  CheckResult,
  MonitorHistoryResponse,
  Notification,
  NotificationListResponse,
  RecentChecksResponse,
} from '../contract/service-checks';
import { FIXTURE_NOW } from './monitor-fixtures';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function buildCheckResult(overrides: Partial<CheckResult> & Pick<CheckResult, 'check' | 'host' | 'status'>): CheckResult {
  return { tags: [], message: null, at: FIXTURE_NOW - 2 * MINUTE, by: 'alice', ...overrides };
}

/** GET /api/service-checks/recent. */
export function recentChecks(results: CheckResult[] = [], source: RecentChecksResponse['source'] = 'watchdeck'): RecentChecksResponse {
  return { results, source };
}

/** Two checks over two hosts, one cell empty (app.ok on db-1). */
export const recentResults: CheckResult[] = [
  buildCheckResult({ check: 'app.ok', host: 'app-1', status: 2, message: 'connection refused on :8080', tags: ['env:prod'], at: FIXTURE_NOW - 3 * MINUTE }),
  buildCheckResult({ check: 'app.ok', host: 'app-2', status: 0, at: FIXTURE_NOW - 30_000 }),
  buildCheckResult({ check: 'db.can_connect', host: 'app-1', status: 1, message: 'slow handshake', at: FIXTURE_NOW - 8 * MINUTE }),
  buildCheckResult({ check: 'db.can_connect', host: 'db-1', status: 3, at: FIXTURE_NOW - HOUR }),
];

export const DOWNTIME_ID = '5f2c9a1e-7b3d-4c8e-9f10-a2b3c4d5e6f7';

export function buildNotification(id: number, overrides: Partial<Notification> = {}): Notification {
  return {
    id,
    at: FIXTURE_NOW - id * MINUTE,
    monitorId: 1,
    monitorName: 'High CPU on web tier',
    group: 'env:prod,host:web-1',
    transition: 'OK → Alert',
    fromStatus: 'OK',
    toStatus: 'Alert',
    handle: '@webhook-ops-bridge',
    outcome: 'delivered',
    downtimeId: null,
    receiverStatus: 200,
    message: 'CPU is high on web-1.\nSee the runbook.',
    detail: null,
    ...overrides,
  };
}

export const notifications: Notification[] = [
  buildNotification(1),
  buildNotification(2, { outcome: 'suppressed', downtimeId: DOWNTIME_ID, receiverStatus: null, handle: '@slack-ops' }),
  buildNotification(3, { outcome: 'failed', receiverStatus: 503, detail: 'The receiver answered 503 after 3 tries' }),
];

/** GET /api/notifications: one page. */
export function notificationList(list: Notification[] = notifications, page = { page: 0, size: 50, total: list.length }): NotificationListResponse {
  return { notifications: list, ...page };
}

/**
 * GET /api/monitors/1/history over the 24 h before FIXTURE_NOW:
 * web-1 OK, Alert from 2 h ago to 1 h ago, OK, then Alert again for the last 30 min,
 * muted by a downtime from 90 min ago with no end; web-2 Warn all along; web-3 appeared 6 h ago in OK.
 */
export function monitorHistory(overrides: Partial<MonitorHistoryResponse> = {}): MonitorHistoryResponse {
  return {
    from: FIXTURE_NOW - 24 * HOUR,
    to: FIXTURE_NOW,
    initial: { 'env:prod,host:web-1': 'OK', 'env:prod,host:web-2': 'Warn', 'env:prod,host:web-3': null },
    transitions: [
      { group: 'env:prod,host:web-1', at: FIXTURE_NOW - 2 * HOUR, fromStatus: 'OK', toStatus: 'Alert' },
      { group: 'env:prod,host:web-1', at: FIXTURE_NOW - HOUR, fromStatus: 'Alert', toStatus: 'OK' },
      { group: 'env:prod,host:web-1', at: FIXTURE_NOW - 30 * MINUTE, fromStatus: 'OK', toStatus: 'Alert' },
      { group: 'env:prod,host:web-3', at: FIXTURE_NOW - 6 * HOUR, fromStatus: null, toStatus: 'OK' },
    ],
    mutes: [{ downtimeId: DOWNTIME_ID, scope: 'host:web-1', start: FIXTURE_NOW - 90 * MINUTE, end: null, groups: ['env:prod,host:web-1'] }],
    available: true,
    ...overrides,
  };
}

/** Outside embedded mode: no history to show. */
export function unavailableHistory(): MonitorHistoryResponse {
  return { from: FIXTURE_NOW - 24 * HOUR, to: FIXTURE_NOW, initial: {}, transitions: [], mutes: [], available: false };
}
