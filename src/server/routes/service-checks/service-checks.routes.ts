import {
  CHECK_STATUS_LABELS,
  checkTimestampError,
  MonitorHistoryQuerySchema,
  MonitorHistoryResponseSchema,
  NotificationListResponseSchema,
  NotificationQuerySchema,
  RecentChecksResponseSchema,
  ServiceCheckSubmitResponseSchema,
  ServiceCheckSubmitSchema,
} from '../../../contract/service-checks';
import { defineRoute } from '../define-route';
import { StrictMonitorIdParams } from '../monitors/monitors.routes';
import { READ_ERRORS, WRITE_ERRORS } from '../route-errors';

/**
 * Service checks (issue 6): a responder submits a check run (Datadog's
 * `POST /api/v1/check_run`); anyone signed in reads the recent results, the
 * local Datadog's notification log and a monitor's group history.
 */
const tags = ['service-checks'];

/** At most this many tags are named in an audit detail; the rest are counted. */
export const AUDIT_TAGS_SHOWN = 20;

export function submitAuditDetail(status: 0 | 1 | 2 | 3, checkTags: readonly string[]): string {
  const shown = checkTags.slice(0, AUDIT_TAGS_SHOWN).join(',');
  const more = checkTags.length > AUDIT_TAGS_SHOWN ? ` (+${checkTags.length - AUDIT_TAGS_SHOWN} more)` : '';
  return `status=${status} (${CHECK_STATUS_LABELS[status]}); tags=${shown || 'none'}${more}`;
}

export const submitCheckRoute = defineRoute({
  method: 'post',
  path: '/api/service-checks',
  minRole: 'responder',
  action: 'service_check.submit',
  operationId: 'submitServiceCheck',
  summary:
    'Submit a service check run (202). At most 10 minutes old and not in the future; the message (at most 500 characters) of an OK run is dropped, as Datadog does',
  tags,
  body: ServiceCheckSubmitSchema,
  responses: { 202: { description: 'Datadog accepted the run', schema: ServiceCheckSubmitResponseSchema } },
  errors: WRITE_ERRORS,
  auditDetail: ({ body }) => submitAuditDetail(body.status, body.tags),
  check: ({ body }, now) => {
    const problem = checkTimestampError(body.timestamp, now);
    return problem ? { timestamp: [problem] } : null;
  },
});

export const recentChecksRoute = defineRoute({
  method: 'get',
  path: '/api/service-checks/recent',
  minRole: 'viewer',
  action: 'service_check.recent',
  operationId: 'listRecentServiceChecks',
  summary:
    'The latest result per check and host: from the local Datadog in embedded mode, else the runs submitted through watchdeck (Datadog cannot list runs)',
  tags,
  responses: { 200: { description: 'The latest results', schema: RecentChecksResponseSchema } },
  errors: READ_ERRORS,
});

export const listNotificationsRoute = defineRoute({
  method: 'get',
  path: '/api/notifications',
  minRole: 'viewer',
  action: 'notification.list',
  operationId: 'listNotifications',
  summary:
    "The local Datadog's notification log, newest first, filtered by monitor, handle and outcome (page is 0-based). Embedded mode only; 404 elsewhere",
  tags,
  query: NotificationQuerySchema,
  responses: { 200: { description: 'One page of notifications', schema: NotificationListResponseSchema } },
  errors: READ_ERRORS,
});

export const monitorHistoryRoute = defineRoute({
  method: 'get',
  path: '/api/monitors/:id/history',
  minRole: 'viewer',
  action: 'monitor.history',
  target: (p) => `monitor:${p.id ?? ''}`,
  operationId: 'getMonitorHistory',
  summary:
    "A monitor's group transitions and mute periods since `from` (default 24 h ago). Embedded mode only; elsewhere available is false with nothing in it",
  tags: ['monitors'],
  params: StrictMonitorIdParams,
  query: MonitorHistoryQuerySchema,
  responses: { 200: { description: 'The group history', schema: MonitorHistoryResponseSchema } },
  errors: READ_ERRORS,
});
