import { z } from 'zod';
import { TAG_PATTERN } from './integrations';

/**
 * Service checks (issue 6): the BFF-to-SPA wire for submitting a check run
 * (Datadog `POST /api/v1/check_run`), the recent results, the notification
 * log of the local Datadog, and a monitor's group history. Timestamps are epoch ms.
 */

/** Datadog's service check statuses, as numbers on the wire. */
export const CHECK_STATUSES = [0, 1, 2, 3] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];
export const CHECK_STATUS_LABELS: Record<CheckStatus, 'OK' | 'WARNING' | 'CRITICAL' | 'UNKNOWN'> = {
  0: 'OK',
  1: 'WARNING',
  2: 'CRITICAL',
  3: 'UNKNOWN',
};

/** Datadog cuts a message at this many characters, and drops the message of an OK check. */
export const CHECK_MESSAGE_MAX = 500;
/** Datadog refuses a run older than this, or one in the future. */
export const CHECK_MAX_AGE_MS = 10 * 60_000;
/** Leeway for clocks that differ a little between the browser, the BFF and Datadog. */
export const CHECK_FUTURE_SKEW_MS = 60_000;

export const CHECK_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,199}$/;
export const HOST_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,254}$/;

export const ServiceCheckSubmitSchema = z.strictObject({
  check: z.string().trim().regex(CHECK_NAME_PATTERN, 'A check name starts with a letter: letters, digits, . _ or - (at most 200)'),
  host: z.string().trim().regex(HOST_NAME_PATTERN, 'A host name is letters, digits, . _ : or - (at most 255)'),
  status: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], { error: 'The status is 0 (OK), 1 (WARNING), 2 (CRITICAL) or 3 (UNKNOWN)' }),
  tags: z.array(z.string().trim().regex(TAG_PATTERN, 'Tags have no spaces or commas, at most 200 characters')).max(100).default([]),
  message: z.string().max(CHECK_MESSAGE_MAX, `At most ${CHECK_MESSAGE_MAX} characters`).optional(),
  /** Epoch ms; omitted means now. Checked against the clock by the BFF (at most 10 minutes old, not in the future). */
  timestamp: z.number().int().positive().optional(),
});
export type ServiceCheckSubmit = z.input<typeof ServiceCheckSubmitSchema>;

/** Why a timestamp is refused, or null; `now` is epoch ms. Shared by the form and the BFF. */
export function checkTimestampError(timestamp: number | undefined, now: number): string | null {
  if (timestamp === undefined) return null;
  if (timestamp < now - CHECK_MAX_AGE_MS) return 'Datadog refuses a result more than 10 minutes old';
  if (timestamp > now + CHECK_FUTURE_SKEW_MS) return 'The time is in the future';
  return null;
}

export const ServiceCheckSubmitResponseSchema = z.looseObject({
  accepted: z.boolean(),
  /** True when the message was dropped because the status is OK (Datadog does that). */
  messageDropped: z.boolean(),
});
export type ServiceCheckSubmitResponse = z.infer<typeof ServiceCheckSubmitResponseSchema>;

export const CheckResultSchema = z.looseObject({
  check: z.string(),
  host: z.string(),
  status: z.number().int(),
  tags: z.array(z.string()),
  message: z.string().nullable(),
  at: z.number(),
  /** Who submitted it through watchdeck, when known. */
  by: z.string().nullable(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

/** The latest result per check and host (a status grid). */
export const RecentChecksResponseSchema = z.looseObject({
  results: z.array(CheckResultSchema),
  /** "local": read from the local Datadog; "watchdeck": only what was submitted through watchdeck (Datadog cannot list runs). */
  source: z.enum(['local', 'watchdeck']).or(z.string()),
});
export type RecentChecksResponse = z.infer<typeof RecentChecksResponseSchema>;

// ---------- notification log (embedded mode) ----------

export const NOTIFICATION_OUTCOMES = ['delivered', 'failed', 'suppressed'] as const;
export type NotificationOutcome = (typeof NOTIFICATION_OUTCOMES)[number];

export const NotificationSchema = z.looseObject({
  id: z.number().int(),
  at: z.number(),
  monitorId: z.number().int(),
  monitorName: z.string(),
  group: z.string(),
  /** e.g. "OK → Alert", "Alert → OK", "Alert (renotify)". */
  transition: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  /** The @-handle, e.g. "@webhook-ops-bridge". */
  handle: z.string(),
  outcome: z.enum(NOTIFICATION_OUTCOMES).or(z.string()),
  /** Suppressed: the downtime that muted the group. */
  downtimeId: z.string().nullable(),
  /** Webhooks: the receiver's HTTP status (null when unreachable or not a webhook). */
  receiverStatus: z.number().int().nullable(),
  /** The rendered message (template variables filled in). */
  message: z.string(),
  /** Why it failed, or what was recorded. */
  detail: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationQuerySchema = z.strictObject({
  monitorId: z.coerce.number().int().positive().optional(),
  handle: z.string().trim().max(200).optional(),
  outcome: z.enum(NOTIFICATION_OUTCOMES).optional(),
  /** 0-based page. */
  page: z.coerce.number().int().min(0).default(0),
  size: z.coerce.number().int().min(1).max(200).default(50),
});
export type NotificationQuery = z.input<typeof NotificationQuerySchema>;

export const NotificationListResponseSchema = z.looseObject({
  notifications: z.array(NotificationSchema),
  total: z.number().int(),
  page: z.number().int(),
  size: z.number().int(),
});
export type NotificationListResponse = z.infer<typeof NotificationListResponseSchema>;

// ---------- a monitor's group history ----------

export const GroupTransitionSchema = z.looseObject({
  group: z.string(),
  at: z.number(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
});
export type GroupTransition = z.infer<typeof GroupTransitionSchema>;

export const MutePeriodSchema = z.looseObject({
  downtimeId: z.string(),
  scope: z.string(),
  start: z.number(),
  /** null: still active with no end. */
  end: z.number().nullable(),
  /** The groups of this monitor it covered. */
  groups: z.array(z.string()),
});
export type MutePeriod = z.infer<typeof MutePeriodSchema>;

export const MonitorHistoryQuerySchema = z.strictObject({
  /** Window start, epoch ms; default 24 h before now. */
  from: z.coerce.number().int().nonnegative().optional(),
});

export const MonitorHistoryResponseSchema = z.looseObject({
  from: z.number(),
  to: z.number(),
  /** Each group's status at `from` (or null when it did not exist yet). */
  initial: z.record(z.string(), z.string().nullable()),
  transitions: z.array(GroupTransitionSchema),
  mutes: z.array(MutePeriodSchema),
  /** False outside embedded mode: Datadog offers no transition history through the endpoints watchdeck calls. */
  available: z.boolean(),
});
export type MonitorHistoryResponse = z.infer<typeof MonitorHistoryResponseSchema>;
