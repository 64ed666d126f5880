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
import { defineRoute, type FieldErrors } from '../define-route';

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

const READ_ERRORS = [400, 404, 429, 502, 504];
const WRITE_ERRORS = [400, 403, 404, 413, 415, 429, 502, 504];

export const listMonitorsRoute = defineRoute({
  method: 'get',
  path: '/api/monitors',
  operationId: 'listMonitors',
  summary: 'Every monitor with its group counts and mute state',
  tags: ['monitors'],
  responses: { 200: { description: 'All monitors', schema: MonitorListResponseSchema } },
  errors: READ_ERRORS,
});

export const getMonitorRoute = defineRoute({
  method: 'get',
  path: '/api/monitors/:id',
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
  operationId: 'muteMonitor',
  summary: 'Mute the monitor, or the groups a scope matches, until a time or indefinitely (creates a downtime)',
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
});

export const unmuteMonitorRoute = defineRoute({
  method: 'post',
  path: '/api/monitors/:id/unmute',
  operationId: 'unmuteMonitor',
  summary:
    "Cancel this monitor's downtimes for one scope (or all); downtimes that also mute other monitors are skipped",
  tags: ['monitors'],
  params: StrictMonitorIdParams,
  body: UnmuteRequestSchema,
  responses: { 200: { description: 'What was cancelled and what was left alone', schema: UnmuteResponseSchema } },
  errors: WRITE_ERRORS,
});
