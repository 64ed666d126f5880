import type { z } from 'zod';
import type {
  CheckResult,
  GroupTransition,
  MonitorHistoryResponse,
  MutePeriod,
  Notification,
  NotificationListResponse,
  ServiceCheckSubmitSchema,
} from '../../../contract/service-checks';
import type {
  RawCheckRun,
  RawCheckRunWrite,
  RawGroupTransition,
  RawLatestCheckRuns,
  RawMonitorTransitions,
  RawMute,
  RawNotification,
  RawNotificationList,
} from './check-schemas';

/**
 * Service checks between the contract (epoch ms, camelCase) and the raw
 * bodies (epoch seconds for runs, snake_case). Pure.
 */

type Submit = z.output<typeof ServiceCheckSubmitSchema>;

/** Datadog drops the message of an OK run; an empty message is no message. */
export function keptMessage(status: number, message: string | undefined): string | null {
  if (status === 0 || message === undefined || message === '') return null;
  return message;
}

/** True when a message was given but Datadog will drop it (an OK run). */
export const messageDropped = (submit: Pick<Submit, 'status' | 'message'>): boolean =>
  submit.status === 0 && submit.message !== undefined && submit.message !== '';

/** Epoch ms -> the epoch seconds Datadog takes. */
export const toSeconds = (ms: number): number => Math.floor(ms / 1000);

/**
 * One run for `POST /api/v1/check_run`: the time always sent (the one given,
 * or `nowMs`), in seconds; no message when Datadog would drop it anyway.
 */
export function checkRunWrite(submit: Submit, nowMs: number): RawCheckRunWrite {
  const message = keptMessage(submit.status, submit.message);
  return {
    check: submit.check,
    host_name: submit.host,
    status: submit.status,
    tags: submit.tags,
    timestamp: toSeconds(submit.timestamp ?? nowMs),
    ...(message !== null ? { message } : {}),
  };
}

export function toCheckResult(raw: RawCheckRun, by: string | null): CheckResult {
  return {
    check: raw.check,
    host: raw.host_name,
    status: raw.status,
    tags: raw.tags ?? [],
    message: raw.message ?? null,
    at: raw.timestamp * 1000,
    by,
  };
}

/** The readable runs of `/api/sandbox/check_runs/latest`. */
export const latestRuns = (raw: RawLatestCheckRuns): RawCheckRun[] => raw.runs.filter((r): r is RawCheckRun => r !== null);

export function toNotification(raw: RawNotification): Notification {
  const fromStatus = raw.from_status ?? raw.from ?? null;
  const toStatus = raw.to_status ?? raw.to ?? '';
  return {
    id: raw.id,
    at: raw.at,
    monitorId: raw.monitor_id,
    monitorName: raw.monitor_name ?? '',
    group: raw.group ?? '',
    transition: raw.transition ?? `${fromStatus ?? '—'} → ${toStatus}`,
    fromStatus,
    toStatus,
    handle: raw.handle ?? '',
    outcome: raw.outcome ?? '',
    downtimeId: raw.downtime_id ?? null,
    receiverStatus: raw.receiver_status !== null && raw.receiver_status !== undefined ? Math.trunc(raw.receiver_status) : null,
    message: raw.message ?? '',
    detail: raw.detail ?? null,
  };
}

export function toNotificationList(raw: RawNotificationList, page: { page: number; size: number }): NotificationListResponse {
  const notifications = raw.notifications.flatMap((n) => (n ? [toNotification(n)] : []));
  return {
    notifications,
    total: raw.total !== null && raw.total !== undefined ? Math.trunc(raw.total) : notifications.length,
    page: page.page,
    size: page.size,
  };
}

const toTransition = (t: RawGroupTransition): GroupTransition => ({
  group: t.group,
  at: t.at,
  fromStatus: t.from ?? null,
  toStatus: t.to,
});

const toMute = (m: RawMute): MutePeriod => ({
  downtimeId: m.downtime_id,
  scope: m.scope ?? '*',
  start: m.start,
  end: m.end ?? null,
  groups: m.groups ?? [],
});

/** The local Datadog's transitions of one monitor, oldest first, with the mutes over the window. */
export function toMonitorHistory(raw: RawMonitorTransitions, window: { from: number; to: number }): MonitorHistoryResponse {
  const transitions = (raw.transitions ?? []).flatMap((t) => (t ? [toTransition(t)] : []));
  transitions.sort((a, b) => a.at - b.at);
  return {
    from: raw.from_ms ?? window.from,
    to: raw.to_ms ?? window.to,
    initial: { ...(raw.initial ?? {}) },
    transitions,
    mutes: (raw.mutes ?? []).flatMap((m) => (m ? [toMute(m)] : [])),
    available: true,
  };
}

/** Outside embedded mode: Datadog offers no group history through the endpoints watchdeck calls. */
export const unavailableHistory = (window: { from: number; to: number }): MonitorHistoryResponse => ({
  from: window.from,
  to: window.to,
  initial: {},
  transitions: [],
  mutes: [],
  available: false,
});
