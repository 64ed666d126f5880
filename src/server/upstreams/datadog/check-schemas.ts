import { z } from 'zod';

/**
 * Raw shapes for service checks (issue 6): Datadog's `POST /api/v1/check_run`
 * (service_checks.submit.* in ../shared/conformance/datadog/), and the local
 * Datadog's own reads under `/api/sandbox/*` (embedded mode only): the
 * notification log, a monitor's group transitions with its mutes, and the
 * latest run per check and host. Loose: unknown fields are kept, a field of the
 * wrong type becomes null, and a list item that cannot be read is dropped by
 * the mappers rather than failing the whole answer.
 */

const str = z.string().nullish().catch(null);
const num = z.number().nullish().catch(null);

/** One run as `POST /api/v1/check_run` takes it (the body is an array of these). Timestamp in epoch seconds. */
export interface RawCheckRunWrite {
  check: string;
  host_name: string;
  status: 0 | 1 | 2 | 3;
  tags: string[];
  timestamp: number;
  message?: string;
}

/** 202 `{"status":"ok"}`, sent as `content-type: text/json`. */
export const RawCheckRunAcceptedSchema = z.looseObject({ status: str });
export type RawCheckRunAccepted = z.infer<typeof RawCheckRunAcceptedSchema>;

// ---------- GET /api/sandbox/check_runs/latest ----------

export const RawCheckRunSchema = z.looseObject({
  check: z.string(),
  host_name: z.string(),
  status: z.number().int(),
  tags: z.array(z.string()).nullish().catch(null),
  message: str,
  /** Epoch seconds. */
  timestamp: z.number(),
});
export type RawCheckRun = z.infer<typeof RawCheckRunSchema>;

export const RawLatestCheckRunsSchema = z.looseObject({
  runs: z.array(RawCheckRunSchema.nullable().catch(null)),
});
export type RawLatestCheckRuns = z.infer<typeof RawLatestCheckRunsSchema>;

// ---------- GET /api/sandbox/notifications ----------

export const RawNotificationSchema = z.looseObject({
  id: z.number().int(),
  /** Epoch ms. */
  at: z.number(),
  monitor_id: z.number().int(),
  monitor_name: str,
  group: str,
  from_status: str,
  to_status: str,
  /** Short aliases of from_status / to_status. */
  from: str,
  to: str,
  transition: str,
  handle: str,
  outcome: str,
  downtime_id: str,
  receiver_status: num,
  message: str,
  detail: str,
});
export type RawNotification = z.infer<typeof RawNotificationSchema>;

export const RawNotificationListSchema = z.looseObject({
  notifications: z.array(RawNotificationSchema.nullable().catch(null)),
  total: num,
  page: num,
  per_page: num,
});
export type RawNotificationList = z.infer<typeof RawNotificationListSchema>;

/** The local Datadog's query parameters for the notification log (page is 0-based). */
export interface RawNotificationQuery {
  monitor_id?: number;
  handle?: string;
  outcome?: string;
  page: number;
  per_page: number;
}

// ---------- GET /api/sandbox/monitor/{id}/transitions ----------

export const RawGroupTransitionSchema = z.looseObject({
  group: z.string(),
  from: str,
  to: z.string(),
  /** Epoch ms. */
  at: z.number(),
});
export type RawGroupTransition = z.infer<typeof RawGroupTransitionSchema>;

export const RawMuteSchema = z.looseObject({
  downtime_id: z.string(),
  scope: str,
  /** Epoch ms. */
  start: z.number(),
  /** Epoch ms; null while it has no end. */
  end: num,
  status: str,
  groups: z.array(z.string()).nullish().catch(null),
});
export type RawMute = z.infer<typeof RawMuteSchema>;

export const RawMonitorTransitionsSchema = z.looseObject({
  monitor_id: num,
  from_ms: num,
  to_ms: num,
  initial: z.record(z.string(), z.string().nullable().catch(null)).nullish().catch(null),
  transitions: z.array(RawGroupTransitionSchema.nullable().catch(null)).nullish().catch(null),
  mutes: z.array(RawMuteSchema.nullable().catch(null)).nullish().catch(null),
});
export type RawMonitorTransitions = z.infer<typeof RawMonitorTransitionsSchema>;
