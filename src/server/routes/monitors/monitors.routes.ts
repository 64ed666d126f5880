import { z } from 'zod';
import {
  DowntimeSchema,
  MonitorDetailSchema,
  type MonitorIdParamSchema,
  MonitorListResponseSchema,
  MuteRequestSchema,
  UnmuteRequestSchema,
  UnmuteResponseSchema,
} from '../../../contract/monitors';
import { parseScope } from '../../../contract/scope';
import { defineRoute, type AuthorizeContext, type FieldErrors } from '../define-route';
import { READ_ERRORS, WRITE_ERRORS } from '../route-errors';

/**
 * Path ids are digits only: stricter than the contract's MonitorIdParamSchema
 * (which coerces, so "1e3", "0x10" or " 7" would pass), same output type.
 */
export const StrictMonitorIdParams = z.strictObject({
  id: z
    .string()
    .regex(/^[0-9]{1,16}$/, 'must be a monitor id (digits only)')
    .transform(Number)
    .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)),
}) satisfies z.ZodType<z.output<typeof MonitorIdParamSchema>, { id: string }>;

const monitorTarget = (p: Record<string, string>) => `monitor:${p.id ?? ''}`;

/** A responder may mute for at most WATCHDECK_MAX_MUTE_HOURS; longer and indefinite mutes are for admins. */
export function muteLimit(end: number | null, { actor, config, now }: AuthorizeContext): string | null {
  if (!actor || actor.role === 'admin') return null;
  const hours = config.maxMuteHours;
  if (end === null) return `Only an admin can mute indefinitely; ask an admin to do it, or mute for up to ${hours} hours`;
  if (end - now > hours * 3_600_000) return `Muting for longer than ${hours} hours needs an admin; ask an admin to do it`;
  return null;
}

export const listMonitorsRoute = defineRoute({
  method: 'get',
  path: '/api/monitors',
  minRole: 'viewer',
  action: 'monitor.list',
  operationId: 'listMonitors',
  summary: 'Every monitor with its group counts and mute state',
  tags: ['monitors'],
  responses: {
    200: { description: 'All monitors (br or gzip when accepted, with an ETag)', schema: MonitorListResponseSchema },
    304: { description: 'Not modified: If-None-Match names the current list' },
  },
  errors: READ_ERRORS,
});

export const getMonitorRoute = defineRoute({
  method: 'get',
  path: '/api/monitors/:id',
  minRole: 'viewer',
  action: 'monitor.get',
  target: monitorTarget,
  operationId: 'getMonitor',
  summary: 'One monitor with its groups and the downtimes that target it',
  tags: ['monitors'],
  params: StrictMonitorIdParams,
  responses: { 200: { description: 'The monitor', schema: MonitorDetailSchema } },
  errors: READ_ERRORS,
});

export const muteMonitorRoute = defineRoute({
  method: 'post',
  path: '/api/monitors/:id/mute',
  minRole: 'responder',
  action: 'monitor.mute',
  target: monitorTarget,
  operationId: 'muteMonitor',
  summary:
    'Mute the monitor, or the groups a scope matches, until a time (creates a downtime for this one monitor). A reason is required; longer than maxMuteHours or indefinitely is admin-only',
  tags: ['monitors'],
  params: StrictMonitorIdParams,
  body: MuteRequestSchema,
  responses: { 200: { description: 'The downtime created', schema: DowntimeSchema } },
  errors: WRITE_ERRORS,
  check: ({ body }, now) => {
    const fields: FieldErrors = {};
    if (body.end !== null && body.end <= now) fields.end = ['The end must be in the future'];
    const scope = parseScope(body.scope);
    if (!scope.ok) fields.scope = [scope.error];
    return fields;
  },
  authorize: ({ body }, ctx) => muteLimit(body.end, ctx),
  auditDetail: ({ body }) =>
    `scope=${body.scope} end=${body.end === null ? 'indefinite' : new Date(body.end).toISOString()} reason=${body.reason}`,
});

export const unmuteMonitorRoute = defineRoute({
  method: 'post',
  path: '/api/monitors/:id/unmute',
  minRole: 'responder',
  action: 'monitor.unmute',
  target: monitorTarget,
  operationId: 'unmuteMonitor',
  summary:
    "Cancel this monitor's downtimes for one scope (or all); downtimes that also mute other monitors are skipped",
  tags: ['monitors'],
  params: StrictMonitorIdParams,
  body: UnmuteRequestSchema,
  responses: { 200: { description: 'What was cancelled and what was left alone', schema: UnmuteResponseSchema } },
  errors: WRITE_ERRORS,
  auditDetail: ({ body }) => (body.all ? 'all scopes' : `scope=${body.scope ?? ''}`),
});
