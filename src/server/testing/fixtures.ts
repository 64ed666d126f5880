/** Raw Datadog bodies for tests, shaped like the recordings in ../shared/conformance/datadog/. */

export const NOW = Date.parse('2026-09-01T12:00:00.000Z');
export const nowSeconds = (offsetSeconds = 0) => Math.floor(NOW / 1000) + offsetSeconds;
export const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

type Json = Record<string, unknown>;

export function rawGroup(name: string, status: string, extra: Json = {}): Json {
  return {
    name,
    status,
    last_triggered_ts: status === 'OK' ? null : nowSeconds(-600),
    last_notified_ts: null,
    last_resolved_ts: null,
    last_nodata_ts: null,
    ...extra,
  };
}

export function rawMonitor(id: number, extra: Json = {}): Json {
  return {
    id,
    org_id: 321813,
    type: 'query alert',
    name: `Monitor ${id}`,
    message: 'Page @oncall',
    tags: ['env:prod', 'team:web'],
    query: 'avg(last_5m):avg:system.cpu.user{*} by {host} > 90',
    options: { thresholds: { critical: 90 }, silenced: {} },
    multi: true,
    created_at: NOW - 86_400_000,
    created: iso(NOW - 86_400_000),
    modified: iso(NOW - 3_600_000),
    deleted: null,
    restricted_roles: null,
    priority: 2,
    overall_state_modified: iso(NOW - 600_000),
    overall_state: 'Alert',
    creator: { name: 'Ada', handle: 'ada@example.com', email: 'ada@example.com', id: 1 },
    state: {
      groups: {
        'host:web-1': rawGroup('host:web-1', 'Alert'),
        'host:web-2': rawGroup('host:web-2', 'OK'),
        'host:web-3': rawGroup('host:web-3', 'OK'),
      },
    },
    matching_downtimes: [],
    ...extra,
  };
}

export function rawDowntime(id: string, attributes: Json = {}, extra: Json = {}): Json {
  return {
    type: 'downtime',
    id,
    attributes: {
      scope: '*',
      status: 'active',
      message: 'maintenance',
      display_timezone: 'UTC',
      created: iso(NOW - 60_000),
      modified: iso(NOW - 60_000),
      canceled: null,
      monitor_identifier: { monitor_id: 1 },
      schedule: { start: iso(NOW - 60_000), end: iso(NOW + 3_600_000) },
      notify_end_states: ['alert', 'no data', 'warn'],
      notify_end_types: ['expired'],
      mute_first_recovery_notification: false,
      ...attributes,
    },
    relationships: {
      created_by: { data: { type: 'users', id: 'user-1' } },
      monitor: { data: null },
    },
    ...extra,
  };
}

export const rawUser = (id: string, name: string) => ({
  type: 'users',
  id,
  attributes: { name, handle: `${name.toLowerCase()}@example.com`, email: `${name.toLowerCase()}@example.com` },
});

export const UUID_A = '845e9a1e-0187-11ee-817a-da7ad0900002';
export const UUID_B = '85428b34-0187-11ee-bb05-da7ad0900002';
export const UUID_C = 'b4613732-f84d-11ed-a766-da7ad0900002';

/**
 * Stored integration secrets, for the whole-suite scan (secret-scan.ts): a
 * quote, +, /, =, &, ?, %, a space and non-ASCII letters, so every encoded
 * form differs; at least 8 characters, so a mask shows their last 4.
 */
export const INTEGRATION_CANARIES = {
  pagerDutyKey: 'pd-canary+Key/0x9f&q=7?ü"z %41~1A2b',
  pagerDutyKeyRotated: 'pd-rotated/CANARY+&k=v?ß" %2F9zXy',
  secretVariable: 'var secret/+=&?%20"ä<canary>7Qw',
  /** Values of sensitive webhook headers (Authorization, X-Api-Key): one line, ASCII, so a real HTTP request can carry them. */
  webhookAuthorization: 'Bearer wh-canary+Tok/=&?"q %2F9xQz',
  webhookAuthorizationRotated: 'Bearer wh-rotated/+k=&?"b %3Dk2Lp~',
  webhookApiKey: 'wh-apikey/CANARY+&k=v?" %41zR7w',
} as const;
