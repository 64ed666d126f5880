import { z } from 'zod';
import { CleanupRequestSchema, CleanupResponseSchema, DEFAULT_LONG_ACTIVE_DAYS, EndSettingsPatchSchema, ExtendRequestSchema, HygieneResponseSchema, MaintenanceWindowSchema, PreviewResponseSchema, WindowDetailResponseSchema, WindowListResponseSchema } from '../../../contract/maintenance';
import { PlanRequestSchema } from '../../../contract/maintenance-schedule';
import { parseScope } from '../../../contract/scope';
import { windowTarget } from '../../lib/maintenance-audit';
import { planAuditDetail } from '../../lib/maintenance-plan';
import { defineRoute, type FieldErrors } from '../define-route';
import { CONFLICT_WRITE_ERRORS, READ_ERRORS, WRITE_ERRORS } from '../route-errors';

/**
 * Maintenance planning (issue 7). A window is one or more Datadog downtimes planned together
 * (see lib/maintenance-windows.ts). Anyone signed in reads windows, previews and the hygiene
 * report; responders plan and change windows within the guardrails; admins go past them (with a
 * reason or the typed confirmation) and clean up in bulk.
 */
const tags = ['maintenance'];

/** A window id: watchdeck's (a UUID) or a Datadog downtime id. */
export const WindowIdParams = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, 'must be a window id'),
});

const target = (p: Record<string, string>) => windowTarget(p.id ?? '');

/** A scope the contract's parser refuses is a field error, like the mute route's. */
function scopeFields({ body }: { body: { scope: string } }): FieldErrors | null {
  const parsed = parseScope(body.scope);
  return parsed.ok ? null : { scope: [parsed.error] };
}

export const HygieneQuerySchema = z.strictObject({
  longActiveDays: z
    .string()
    .regex(/^[0-9]{1,3}$/, 'a whole number of days, 1 to 365')
    .transform(Number)
    .pipe(z.number().int().min(1, 'at least 1 day').max(365, 'at most 365 days'))
    .default(DEFAULT_LONG_ACTIVE_DAYS),
});

export const EndWindowResponseSchema = z.looseObject({
  /** The downtimes canceled. */
  canceled: z.array(z.string()),
});

export const listWindowsRoute = defineRoute({
  method: 'get',
  path: '/api/maintenance/windows',
  minRole: 'viewer',
  action: 'maintenance.list',
  operationId: 'listMaintenanceWindows',
  summary: 'Scheduled and active maintenance windows, and those ended or canceled in the last 31 days; live windows first',
  tags,
  responses: { 200: { description: 'The windows', schema: WindowListResponseSchema } },
  errors: READ_ERRORS,
});

export const getWindowRoute = defineRoute({
  method: 'get',
  path: '/api/maintenance/windows/:id',
  minRole: 'viewer',
  action: 'maintenance.get',
  target,
  operationId: 'getMaintenanceWindow',
  summary: 'One maintenance window, with every monitor × group it covers now',
  tags,
  params: WindowIdParams,
  responses: { 200: { description: 'The window and its preview', schema: WindowDetailResponseSchema } },
  errors: READ_ERRORS,
});

export const previewWindowRoute = defineRoute({
  method: 'post',
  path: '/api/maintenance/preview',
  minRole: 'viewer',
  action: 'maintenance.preview',
  operationId: 'previewMaintenanceWindow',
  summary:
    'What a planned window would cover now (every monitor × group, with its state and what matched) and what the guardrails say for you. Changes nothing',
  tags,
  body: PlanRequestSchema,
  responses: { 200: { description: 'The preview', schema: PreviewResponseSchema } },
  errors: WRITE_ERRORS,
  check: scopeFields,
});

export const planWindowRoute = defineRoute({
  method: 'post',
  path: '/api/maintenance/windows',
  minRole: 'responder',
  action: 'maintenance.plan',
  operationId: 'planMaintenanceWindow',
  summary:
    'Plan a window: one downtime per picked monitor plus one for the monitor tags. Longer than maxMuteHours or indefinite needs an admin and a reason; muting everything needs an admin and the typed confirmation',
  tags,
  body: PlanRequestSchema,
  responses: { 201: { description: 'The window planned', schema: MaintenanceWindowSchema } },
  errors: WRITE_ERRORS,
  check: scopeFields,
  auditDetail: ({ body }) => planAuditDetail(body),
});

export const extendWindowRoute = defineRoute({
  method: 'post',
  path: '/api/maintenance/windows/:id/extend',
  minRole: 'responder',
  action: 'maintenance.extend',
  target,
  operationId: 'extendMaintenanceWindow',
  summary:
    'Move a one-off window’s end later by N minutes (added to its current end, never to now). Past maxMuteHours in total needs an admin and a reason; 409 once it has ended',
  tags,
  params: WindowIdParams,
  body: ExtendRequestSchema,
  responses: { 200: { description: 'The window with its new end', schema: MaintenanceWindowSchema } },
  errors: CONFLICT_WRITE_ERRORS,
});

export const endWindowRoute = defineRoute({
  method: 'post',
  path: '/api/maintenance/windows/:id/end',
  minRole: 'responder',
  action: 'maintenance.end',
  target,
  operationId: 'endMaintenanceWindow',
  summary: 'End a window now: cancel every downtime in it (its end settings decide who is notified)',
  tags,
  params: WindowIdParams,
  responses: { 200: { description: 'The downtimes canceled', schema: EndWindowResponseSchema } },
  errors: CONFLICT_WRITE_ERRORS,
});

export const windowEndSettingsRoute = defineRoute({
  method: 'put',
  path: '/api/maintenance/windows/:id/end-settings',
  minRole: 'responder',
  action: 'maintenance.end_settings',
  target,
  operationId: 'setMaintenanceWindowEndSettings',
  summary: 'Set which states notify when the window ends, on which kinds of end, and whether the first recovery is muted',
  tags,
  params: WindowIdParams,
  body: EndSettingsPatchSchema,
  responses: { 200: { description: 'The window with its new end settings', schema: MaintenanceWindowSchema } },
  errors: CONFLICT_WRITE_ERRORS,
  auditDetail: ({ body }) =>
    `states=${body.endSettings.notifyEndStates.join(',') || 'none'} types=${body.endSettings.notifyEndTypes.join(',') || 'none'} muteFirstRecovery=${body.endSettings.muteFirstRecovery}`,
});

export const untilRecoveredRoute = defineRoute({
  method: 'post',
  path: '/api/maintenance/windows/:id/until-recovered',
  minRole: 'responder',
  action: 'maintenance.until_recovered',
  target,
  operationId: 'extendMaintenanceWindowUntilRecovered',
  summary:
    'Keep an active one-off window alive in 30-minute steps until the groups that would notify at its end recover, then end it a minute later (a responder’s window never past maxMuteHours from now)',
  tags,
  params: WindowIdParams,
  responses: { 200: { description: 'The window, now watched', schema: MaintenanceWindowSchema } },
  errors: CONFLICT_WRITE_ERRORS,
});

export const hygieneRoute = defineRoute({
  method: 'get',
  path: '/api/maintenance/hygiene',
  minRole: 'viewer',
  action: 'maintenance.hygiene',
  operationId: 'getMaintenanceHygiene',
  summary:
    'Scheduled and active windows that match nothing, have been active longer than longActiveDays (default 7), never end without a reason or ticket, or were made by a disabled user',
  tags,
  query: HygieneQuerySchema,
  responses: { 200: { description: 'The findings', schema: HygieneResponseSchema } },
  errors: READ_ERRORS,
});

export const cleanupRoute = defineRoute({
  method: 'post',
  path: '/api/maintenance/cleanup',
  minRole: 'admin',
  action: 'maintenance.cleanup',
  operationId: 'cleanupMaintenanceWindows',
  summary: 'Cancel every downtime of each window given; answers which windows were canceled and which failed',
  tags,
  body: CleanupRequestSchema,
  responses: { 200: { description: 'Per-window results', schema: CleanupResponseSchema } },
  errors: WRITE_ERRORS,
  auditDetail: ({ body }) => `windows=${body.windowIds.length}`,
});
