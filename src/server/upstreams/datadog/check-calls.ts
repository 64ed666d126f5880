import {
  RawCheckRunAcceptedSchema,
  RawLatestCheckRunsSchema,
  RawMonitorTransitionsSchema,
  RawNotificationListSchema,
  type RawCheckRunAccepted,
  type RawCheckRunWrite,
  type RawLatestCheckRuns,
  type RawMonitorTransitions,
  type RawNotificationList,
  type RawNotificationQuery,
} from './check-schemas';
import type { Send } from './http';

/**
 * Service check calls (issue 6): Datadog's `POST /api/v1/check_run`, and the
 * local Datadog's reads of what runs caused (embedded mode only; a real
 * Datadog has no such endpoints). Fixed methods and templates, ids encoded.
 */
export interface CheckCalls {
  /**
   * A JSON array of runs. Datadog answers 202 `{"status":"ok"}` with
   * `content-type: text/json`: the body is read as JSON whatever its type says.
   */
  submitCheckRuns(runs: RawCheckRunWrite[]): Promise<RawCheckRunAccepted>;
  /** The local Datadog only. */
  listNotifications(query: RawNotificationQuery): Promise<RawNotificationList>;
  /** The local Datadog only; `fromSeconds` is the window start (epoch s). */
  monitorTransitions(monitorId: number, fromSeconds: number): Promise<RawMonitorTransitions>;
  /** The local Datadog only: the newest run per check and host. */
  latestCheckRuns(): Promise<RawLatestCheckRuns>;
}

const seg = (value: number) => encodeURIComponent(String(value));

export function checkCalls(send: Send): CheckCalls {
  return {
    submitCheckRuns: (runs) =>
      send({ method: 'POST', template: '/api/v1/check_run', path: '/api/v1/check_run', body: runs, schema: RawCheckRunAcceptedSchema }),
    listNotifications: (q) =>
      send({
        method: 'GET',
        template: '/api/sandbox/notifications',
        path: '/api/sandbox/notifications',
        query: {
          ...(q.monitor_id !== undefined ? { monitor_id: q.monitor_id } : {}),
          ...(q.handle ? { handle: q.handle } : {}),
          ...(q.outcome ? { outcome: q.outcome } : {}),
          page: q.page,
          per_page: q.per_page,
        },
        schema: RawNotificationListSchema,
      }),
    monitorTransitions: (monitorId, fromSeconds) =>
      send({
        method: 'GET',
        template: '/api/sandbox/monitor/{id}/transitions',
        path: `/api/sandbox/monitor/${seg(monitorId)}/transitions`,
        query: { from: fromSeconds },
        schema: RawMonitorTransitionsSchema,
      }),
    latestCheckRuns: () =>
      send({
        method: 'GET',
        template: '/api/sandbox/check_runs/latest',
        path: '/api/sandbox/check_runs/latest',
        schema: RawLatestCheckRunsSchema,
      }),
  };
}
