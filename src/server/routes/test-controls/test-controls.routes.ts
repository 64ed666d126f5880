import { z } from 'zod';
import { SLACK_ACCOUNT_PATTERN } from '../../../contract/integrations';
import { defineRoute } from '../define-route';

/** Only registered in embedded mode with WATCHDECK_TEST_CONTROLS=1; never in openapi.json. */
export const resetRoute = defineRoute({
  method: 'post',
  path: '/api/_test/reset',
  minRole: 'public',
  action: 'test.reset',
  operationId: 'testReset',
  summary: 'Reseed the embedded sandbox, clear the BFF caches and the login throttles (users, sessions and audit stay)',
  tags: ['test'],
  hidden: true,
  responses: { 204: { description: 'Reset' } },
  errors: [403],
});

export const idleRoute = defineRoute({
  method: 'post',
  path: '/api/_test/idle',
  minRole: 'public',
  action: 'test.idle',
  operationId: 'testIdle',
  summary: 'Answer once the embedded sandbox has delivered and logged every queued monitor notification',
  tags: ['test'],
  hidden: true,
  responses: { 204: { description: 'Nothing left to deliver' } },
  errors: [403],
});

export const upstreamFaultRoute = defineRoute({
  method: 'post',
  path: '/api/_test/upstream-fault',
  minRole: 'public',
  action: 'test.upstream_fault',
  operationId: 'testUpstreamFault',
  summary: 'Make every upstream call fail with this status, or clear the fault with null',
  tags: ['test'],
  hidden: true,
  body: z.strictObject({ status: z.number().int().min(400).max(599).nullable() }),
  responses: { 204: { description: 'Fault set or cleared' } },
  errors: [400, 403, 415],
});

export const slackWorkspacesRoute = defineRoute({
  method: 'post',
  path: '/api/_test/slack-workspaces',
  minRole: 'public',
  action: 'test.slack_workspaces',
  operationId: 'testSlackWorkspaces',
  summary: 'Connect exactly these Slack workspaces in the local Datadog, as an admin would in Datadog; an empty list disconnects them all',
  tags: ['test'],
  hidden: true,
  body: z.strictObject({ accounts: z.array(z.string().regex(SLACK_ACCOUNT_PATTERN)).max(20) }),
  responses: { 204: { description: 'Connected as given' } },
  errors: [400, 403, 415],
});

export const MaintenanceTickResponseSchema = z.looseObject({
  checked: z.number().int(),
  extended: z.array(z.string()),
  ended: z.array(z.string()),
  stopped: z.array(z.string()),
  failed: z.array(z.string()),
});

export const maintenanceTickRoute = defineRoute({
  method: 'post',
  path: '/api/_test/maintenance-tick',
  minRole: 'public',
  action: 'test.maintenance_tick',
  operationId: 'testMaintenanceTick',
  summary: 'Run the until-recovered watcher once now (it also runs every minute), and answer what it did',
  tags: ['test'],
  hidden: true,
  responses: { 200: { description: 'What the pass did', schema: MaintenanceTickResponseSchema } },
  errors: [403, 502, 504],
});
