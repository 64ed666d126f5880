import { createRedactor, type Redactor } from '../../lib/redact';
import { checkCalls, type CheckCalls } from './check-calls';
import { createHttp, type FetchLike } from './http';
import { incidentCalls, type IncidentCalls } from './incident-calls';
import { integrationCalls, type IntegrationCalls } from './integration-calls';
import { JsonItems } from '../http-common';
import { parseListItem, readListMonitor, type RawListMonitor } from './list-schemas';
import {
  RawDowntimeListSchema,
  RawDowntimeMatchListSchema,
  RawDowntimeOneSchema,
  RawMonitorSchema,
  type RawDowntimeCreate,
  type RawDowntimeList,
  type RawDowntimeMatchList,
  type RawDowntimeOne,
  type RawDowntimeUpdate,
  type RawMonitor,
} from './schemas';
import { teamCalls, type TeamCalls } from './team-calls';

/**
 * The Datadog calls the BFF makes: an allowlist of fixed methods and path
 * templates on one base URL. Ids are encoded into the path; the caller cannot
 * choose a host, a header or another path.
 */
export type { FetchLike };

export interface DatadogClientOptions {
  baseUrl: string;
  apiKey: string;
  appKey: string;
  fetch: FetchLike;
  timeoutMs: number;
  /** GET retries on 5xx/network errors (default 2). */
  retries?: number;
  retryBaseMs?: number;
  now?: () => number;
  /** Longest a mutation waits for Datadog's rate-limit window to reset (default 30 s). */
  maxPaceMs?: number;
  /** Waits while pacing (tests pass a fake clock's). */
  sleep?: (ms: number) => Promise<void>;
}

export interface DatadogClient extends IncidentCalls, TeamCalls, IntegrationCalls, CheckCalls {
  /**
   * A page of the monitor list: each monitor, slimmed to what the list and maintenance read
   * (list-schemas.ts), is handed to `visit` as it arrives; answers how many there were.
   */
  readMonitorsPage(page: number, pageSize: number, visit: (monitor: RawListMonitor) => void): Promise<number>;
  getMonitor(id: number): Promise<RawMonitor>;
  listDowntimesPage(offset: number, limit: number): Promise<RawDowntimeList>;
  getDowntime(id: string): Promise<RawDowntimeOne>;
  createDowntime(body: RawDowntimeCreate): Promise<RawDowntimeOne>;
  /** PATCH: changes only the attributes sent (a schedule's end, the end settings, the message). */
  updateDowntime(id: string, body: RawDowntimeUpdate): Promise<RawDowntimeOne>;
  cancelDowntime(id: string): Promise<void>;
  monitorDowntimeMatches(id: number, offset: number, limit: number): Promise<RawDowntimeMatchList>;
  /** Scrubs this client's keys out of a text. */
  redact: Redactor;
}

const seg = (value: string | number) => encodeURIComponent(String(value));

export function createDatadogClient(options: DatadogClientOptions): DatadogClient {
  const redact = createRedactor([options.apiKey, options.appKey]);
  const send = createHttp({
    ...options,
    redact,
    retries: options.retries ?? 2,
    retryBaseMs: options.retryBaseMs ?? 100,
    now: options.now ?? Date.now,
  });
  const withGroups = { group_states: 'all', with_downtimes: true };

  return {
    redact,
    ...incidentCalls(send),
    ...teamCalls(send),
    ...integrationCalls(send),
    ...checkCalls(send),
    readMonitorsPage: (page, pageSize, visit) =>
      send({
        method: 'GET',
        template: '/api/v1/monitor',
        path: '/api/v1/monitor',
        query: { ...withGroups, page, page_size: pageSize },
        // About 4.5 MB of JSON per page: slimmed monitor by monitor as it arrives, never held whole (state.groups read without making it an object: parseListItem).
        schema: new JsonItems(readListMonitor, visit, parseListItem),
      }),
    getMonitor: (id) =>
      send({
        method: 'GET',
        template: '/api/v1/monitor/{id}',
        path: `/api/v1/monitor/${seg(id)}`,
        query: withGroups,
        schema: RawMonitorSchema,
      }),
    listDowntimesPage: (offset, limit) =>
      send({
        method: 'GET',
        template: '/api/v2/downtime',
        path: '/api/v2/downtime',
        // Not current_only: Datadog's current_only leaves out scheduled downtimes, which the detail page shows.
        query: { include: 'created_by', 'page[limit]': limit, 'page[offset]': offset },
        schema: RawDowntimeListSchema,
      }),
    getDowntime: (id) =>
      send({ method: 'GET', template: '/api/v2/downtime/{id}', path: `/api/v2/downtime/${seg(id)}`, schema: RawDowntimeOneSchema }),
    createDowntime: (body) =>
      send({ method: 'POST', template: '/api/v2/downtime', path: '/api/v2/downtime', body, schema: RawDowntimeOneSchema }),
    updateDowntime: (id, body) =>
      send({
        method: 'PATCH',
        template: '/api/v2/downtime/{id}',
        path: `/api/v2/downtime/${seg(id)}`,
        body,
        schema: RawDowntimeOneSchema,
      }),
    cancelDowntime: (id) =>
      send({ method: 'DELETE', template: '/api/v2/downtime/{id}', path: `/api/v2/downtime/${seg(id)}`, schema: null }),
    monitorDowntimeMatches: (id, offset, limit) =>
      send({
        method: 'GET',
        template: '/api/v2/monitor/{id}/downtime_matches',
        path: `/api/v2/monitor/${seg(id)}/downtime_matches`,
        query: { 'page[limit]': limit, 'page[offset]': offset },
        schema: RawDowntimeMatchListSchema,
      }),
  };
}
