import { z } from 'zod';
import {
  AWS_ACCOUNT_ID_PATTERN,
  AWS_ROLE_NAME_PATTERN,
  AwsAccountInputSchema,
  AwsAccountListSchema,
  AwsAccountSchema,
  AwsCreateResponseSchema,
  CustomVariableInputSchema,
  CustomVariableSchema,
  CustomVariableUpdateSchema,
  IntegrationsOverviewSchema,
  PAGERDUTY_SERVICE_PATTERN,
  PagerDutyOverviewSchema,
  PagerDutyServiceInputSchema,
  PagerDutyServiceSchema,
  PagerDutyServiceUpdateSchema,
  SLACK_ACCOUNT_PATTERN,
  SLACK_CHANNEL_PATTERN,
  SlackAccountInputSchema,
  SlackAccountSchema,
  SlackChannelInputSchema,
  SlackChannelSchema,
  SlackChannelUpdateSchema,
  SlackOverviewSchema,
  WEBHOOK_NAME_PATTERN,
  WebhookInputSchema,
  WebhookSchema,
  WebhooksOverviewSchema,
  WebhookTestResultSchema,
  WebhookUpdateSchema,
} from '../../../contract/integrations';
import { maskUrl } from '../../../contract/secrets';
import { CUSTOM_VARIABLE_NAME_PATTERN } from '../../../contract/webhook-template';
import { defineRoute, fieldErrors } from '../define-route';
import { CONFLICT_WRITE_ERRORS as WRITE_ERRORS, READ_ERRORS } from '../route-errors';
import { tags, WEBHOOK_TEST_ACTION } from './integration-common';
import { sensitiveHeaderNotes } from './webhook-headers';

/**
 * The Datadog integrations (issue 5): AWS, Slack, PagerDuty, Webhooks and
 * their custom variables. Every route is admin-only (SECURITY 14). Bodies
 * and path parameters are checked against the contract before any upstream
 * call. Audit details are one line and never carry a secret (at most its mask).
 */

// ---------- path parameters ----------

const AwsKeyParams = z.strictObject({
  accountId: z.string().regex(AWS_ACCOUNT_ID_PATTERN, 'An AWS account id is 12 digits'),
  roleName: z.string().regex(AWS_ROLE_NAME_PATTERN, 'A role name is 1–64 letters, digits or + = , . @ _ -'),
});
const SlackAccountParams = z.strictObject({
  account: z.string().regex(SLACK_ACCOUNT_PATTERN, 'A Slack account name is letters, digits, . _ or - (at most 100)'),
});
/** The channel comes without its "#" (a "#" sent anyway is accepted); handlers see it with one. */
const SlackChannelParams = SlackAccountParams.extend({
  channel: z
    .string()
    .regex(SLACK_CHANNEL_PATTERN, 'A channel name is lower-case letters, digits, - or _ (at most 80)')
    .transform((v) => (v.startsWith('#') ? v : `#${v}`)),
});
const PagerDutyParams = z.strictObject({
  name: z.string().regex(PAGERDUTY_SERVICE_PATTERN, 'A service name is letters, digits, . _ or - (at most 100)'),
});
const WebhookParams = z.strictObject({
  name: z.string().regex(WEBHOOK_NAME_PATTERN, 'A webhook name is letters, digits, _ or - (at most 100)'),
});
const VariableParams = z.strictObject({
  name: z.string().max(100).regex(CUSTOM_VARIABLE_NAME_PATTERN, 'Upper-case letters, digits and _, starting with a letter'),
});

const slackChannelTarget = (p: Record<string, string>) => `slack:${p.account ?? ''}/#${(p.channel ?? '').replace(/^#/, '')}`;

// ---------- overview ----------

export const overviewRoute = defineRoute({
  method: 'get',
  path: '/api/integrations',
  minRole: 'admin',
  action: 'integration.overview',
  operationId: 'getIntegrationsOverview',
  summary: 'One tile per Datadog integration (AWS, Slack, PagerDuty, Webhooks); a tile whose read failed carries its error',
  tags,
  responses: { 200: { description: 'The tiles', schema: IntegrationsOverviewSchema } },
  errors: READ_ERRORS,
});

// ---------- AWS ----------

const awsDetail = (b: z.output<typeof AwsAccountInputSchema>) => {
  const off = Object.entries(b.namespaceRules)
    .filter(([, on]) => !on)
    .map(([ns]) => ns)
    .sort();
  return `role=${b.roleName}; filterTags=${b.filterTags.length}; hostTags=${b.hostTags.length}; namespacesOff=${off.join(',') || 'none'}`;
};

export const listAwsRoute = defineRoute({
  method: 'get',
  path: '/api/integrations/aws',
  minRole: 'admin',
  action: 'integration.aws.list',
  operationId: 'listAwsAccounts',
  summary: 'The AWS accounts of Datadog’s AWS integration (v1, role delegation)',
  tags,
  responses: { 200: { description: 'The accounts', schema: AwsAccountListSchema } },
  errors: READ_ERRORS,
});

export const createAwsRoute = defineRoute({
  method: 'post',
  path: '/api/integrations/aws',
  minRole: 'admin',
  action: 'integration.aws.create',
  operationId: 'createAwsAccount',
  summary: 'Add an AWS account; the answer carries the external id for the IAM trust policy',
  tags,
  body: AwsAccountInputSchema,
  responses: { 201: { description: 'The account and its external id', schema: AwsCreateResponseSchema } },
  errors: WRITE_ERRORS,
  auditDetail: ({ body }) => awsDetail(body),
});

export const updateAwsRoute = defineRoute({
  method: 'put',
  path: '/api/integrations/aws/:accountId/:roleName',
  minRole: 'admin',
  action: 'integration.aws.update',
  target: (p) => `aws:${p.accountId ?? ''}`,
  operationId: 'updateAwsAccount',
  summary: 'Replace an AWS account’s tags and namespace rules (the fields watchdeck does not edit are kept)',
  tags,
  params: AwsKeyParams,
  body: AwsAccountInputSchema,
  responses: { 200: { description: 'The account as changed', schema: AwsAccountSchema } },
  errors: WRITE_ERRORS,
  auditDetail: ({ params, body }) =>
    `${body.accountId !== params.accountId || body.roleName !== params.roleName ? `now ${body.accountId}/${body.roleName}; ` : ''}${awsDetail(body)}`,
});

export const deleteAwsRoute = defineRoute({
  method: 'delete',
  path: '/api/integrations/aws/:accountId/:roleName',
  minRole: 'admin',
  action: 'integration.aws.delete',
  target: (p) => `aws:${p.accountId ?? ''}`,
  operationId: 'deleteAwsAccount',
  summary: 'Remove an AWS account from the integration (404 when Datadog does not have it)',
  tags,
  params: AwsKeyParams,
  responses: { 204: { description: 'Removed' } },
  errors: READ_ERRORS,
  auditDetail: ({ params }) => `role=${params.roleName}`,
});

// ---------- Slack ----------

export const slackOverviewRoute = defineRoute({
  method: 'get',
  path: '/api/integrations/slack',
  minRole: 'admin',
  action: 'integration.slack.list',
  operationId: 'getSlackIntegration',
  summary: 'Slack accounts (found in Datadog, or added here) with their channels; an account Datadog could not list carries its error',
  tags,
  responses: { 200: { description: 'The accounts', schema: SlackOverviewSchema } },
  errors: READ_ERRORS,
});

export const addSlackAccountRoute = defineRoute({
  method: 'post',
  path: '/api/integrations/slack/accounts',
  minRole: 'admin',
  action: 'integration.slack.account.add',
  operationId: 'addSlackAccount',
  summary: 'Show a Slack account connected in Datadog here; checked by listing its channels (404 when Datadog does not know it)',
  tags,
  body: SlackAccountInputSchema,
  responses: { 201: { description: 'The account with its channels', schema: SlackAccountSchema } },
  errors: WRITE_ERRORS,
});

export const removeSlackAccountRoute = defineRoute({
  method: 'delete',
  path: '/api/integrations/slack/accounts/:account',
  minRole: 'admin',
  action: 'integration.slack.account.remove',
  target: (p) => `slack:${p.account ?? ''}`,
  operationId: 'removeSlackAccount',
  summary:
    'Take a Slack account added here off the list (Datadog is not changed). 409 when Datadog lists it itself or it still has channels; 404 when watchdeck does not list it',
  tags,
  params: SlackAccountParams,
  responses: { 204: { description: 'Off the list' } },
  errors: WRITE_ERRORS,
});

const displayDetail = (d: Record<string, boolean | undefined>) =>
  Object.entries(d)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`)
    .sort()
    .join(',');

export const createSlackChannelRoute = defineRoute({
  method: 'post',
  path: '/api/integrations/slack/accounts/:account/channels',
  minRole: 'admin',
  action: 'integration.slack.channel.create',
  target: (p) => `slack:${p.account ?? ''}`,
  operationId: 'createSlackChannel',
  summary: 'Add a channel to a Slack account (409 conflict when it is there already)',
  tags,
  params: SlackAccountParams,
  body: SlackChannelInputSchema,
  responses: { 201: { description: 'The channel', schema: SlackChannelSchema } },
  errors: WRITE_ERRORS,
  auditDetail: ({ body }) => `display: ${displayDetail(body.display)}`,
});

export const updateSlackChannelRoute = defineRoute({
  method: 'patch',
  path: '/api/integrations/slack/accounts/:account/channels/:channel',
  minRole: 'admin',
  action: 'integration.slack.channel.update',
  target: slackChannelTarget,
  operationId: 'updateSlackChannel',
  summary: 'Change what a channel’s notifications show',
  tags,
  params: SlackChannelParams,
  body: SlackChannelUpdateSchema,
  responses: { 200: { description: 'The channel as changed', schema: SlackChannelSchema } },
  errors: WRITE_ERRORS,
  check: ({ body }) => {
    if (Object.keys(body.display).length > 0) return null;
    const fields = fieldErrors();
    fields.display = ['Nothing to change'];
    return fields;
  },
  auditDetail: ({ body }) => `display: ${displayDetail(body.display)}`,
});

export const deleteSlackChannelRoute = defineRoute({
  method: 'delete',
  path: '/api/integrations/slack/accounts/:account/channels/:channel',
  minRole: 'admin',
  action: 'integration.slack.channel.delete',
  target: slackChannelTarget,
  operationId: 'deleteSlackChannel',
  summary: 'Remove a channel from a Slack account',
  tags,
  params: SlackChannelParams,
  responses: { 204: { description: 'Removed' } },
  errors: READ_ERRORS,
});

// ---------- PagerDuty ----------

export const pagerDutyOverviewRoute = defineRoute({
  method: 'get',
  path: '/api/integrations/pagerduty',
  minRole: 'admin',
  action: 'integration.pagerduty.list',
  operationId: 'getPagerDutyIntegration',
  summary: 'PagerDuty services with their masked keys (listing "partial": only the ones added here, when Datadog cannot list them)',
  tags,
  responses: { 200: { description: 'The services', schema: PagerDutyOverviewSchema } },
  errors: READ_ERRORS,
});

export const createPagerDutyRoute = defineRoute({
  method: 'post',
  path: '/api/integrations/pagerduty',
  minRole: 'admin',
  action: 'integration.pagerduty.create',
  operationId: 'createPagerDutyService',
  summary: 'Add a PagerDuty service with its key (write-only: it reads back masked)',
  tags,
  body: PagerDutyServiceInputSchema,
  responses: { 201: { description: 'The service, key masked', schema: PagerDutyServiceSchema } },
  errors: WRITE_ERRORS,
});

export const updatePagerDutyRoute = defineRoute({
  method: 'put',
  path: '/api/integrations/pagerduty/:name',
  minRole: 'admin',
  action: 'integration.pagerduty.update',
  target: (p) => `pagerduty:${p.name ?? ''}`,
  operationId: 'updatePagerDutyService',
  summary: 'Rotate a service key; the key omitted or its mask sent back keeps it (and nothing goes to Datadog)',
  tags,
  params: PagerDutyParams,
  body: PagerDutyServiceUpdateSchema,
  responses: { 200: { description: 'The service, key masked (null when unchanged and unknown)', schema: PagerDutyServiceSchema } },
  errors: WRITE_ERRORS,
});

export const deletePagerDutyRoute = defineRoute({
  method: 'delete',
  path: '/api/integrations/pagerduty/:name',
  minRole: 'admin',
  action: 'integration.pagerduty.delete',
  target: (p) => `pagerduty:${p.name ?? ''}`,
  operationId: 'deletePagerDutyService',
  summary: 'Remove a PagerDuty service',
  tags,
  params: PagerDutyParams,
  responses: { 204: { description: 'Removed' } },
  errors: READ_ERRORS,
});

// ---------- Webhooks ----------

const headerNames = (h: Record<string, string>) => Object.keys(h).sort().join(',') || 'none';

export const webhooksOverviewRoute = defineRoute({
  method: 'get',
  path: '/api/integrations/webhooks',
  minRole: 'admin',
  action: 'integration.webhooks.list',
  operationId: 'getWebhooksIntegration',
  summary: 'Webhooks and the custom variables added here (secret values, and sensitive header values, masked)',
  tags,
  responses: { 200: { description: 'Webhooks and variables', schema: WebhooksOverviewSchema } },
  errors: READ_ERRORS,
});

export const createWebhookRoute = defineRoute({
  method: 'post',
  path: '/api/integrations/webhooks',
  minRole: 'admin',
  action: 'integration.webhooks.create',
  operationId: 'createWebhook',
  summary: 'Add a webhook (payload null: Datadog’s default payload); 409 conflict when the name is taken',
  tags,
  body: WebhookInputSchema,
  responses: { 201: { description: 'The webhook', schema: WebhookSchema } },
  errors: WRITE_ERRORS,
  // URLs may hold a token in their path or query: the audit keeps scheme and host only; sensitive headers are named, never their values.
  auditDetail: ({ body }) =>
    [
      `url=${maskUrl(body.url)}; encodeAs=${body.encodeAs}; payload=${body.payload === null ? 'default' : 'custom'}; headers=${headerNames(body.customHeaders)}`,
      ...sensitiveHeaderNotes(body.customHeaders, null),
    ].join('; '),
});

export const updateWebhookRoute = defineRoute({
  method: 'put',
  path: '/api/integrations/webhooks/:name',
  minRole: 'admin',
  action: 'integration.webhooks.update',
  target: (p) => `webhook:${p.name ?? ''}`,
  operationId: 'updateWebhook',
  summary:
    'Change a webhook: only the fields given (payload null: back to Datadog’s default; customHeaders {} removes them). A header value sent as its mask keeps the stored value; a mask for a header that is not stored is 400',
  tags,
  params: WebhookParams,
  body: WebhookUpdateSchema,
  responses: { 200: { description: 'The webhook as changed', schema: WebhookSchema } },
  errors: WRITE_ERRORS,
  check: ({ body }) => {
    if (Object.keys(body).length > 0) return null;
    const fields = fieldErrors();
    fields.body = ['Nothing to change'];
    return fields;
  },
  auditDetail: ({ body }) =>
    [
      body.url !== undefined ? `url=${maskUrl(body.url)}` : null,
      body.encodeAs !== undefined ? `encodeAs=${body.encodeAs}` : null,
      body.payload !== undefined ? `payload=${body.payload === null ? 'default' : 'custom'}` : null,
      body.customHeaders !== undefined ? `headers=${headerNames(body.customHeaders)}` : null,
    ]
      .filter((p) => p !== null)
      .join('; '),
});

export const deleteWebhookRoute = defineRoute({
  method: 'delete',
  path: '/api/integrations/webhooks/:name',
  minRole: 'admin',
  action: 'integration.webhooks.delete',
  target: (p) => `webhook:${p.name ?? ''}`,
  operationId: 'deleteWebhook',
  summary: 'Remove a webhook',
  tags,
  params: WebhookParams,
  responses: { 204: { description: 'Removed' } },
  errors: READ_ERRORS,
});

export const testWebhookRoute = defineRoute({
  method: 'post',
  path: '/api/integrations/webhooks/:name/test',
  minRole: 'admin',
  action: WEBHOOK_TEST_ACTION,
  target: (p) => `webhook:${p.name ?? ''}`,
  operationId: 'testWebhook',
  summary: 'Send one test delivery with sample values (embedded mode only: the local Datadog sends it; 404 otherwise)',
  tags,
  params: WebhookParams,
  responses: { 200: { description: 'What the receiver answered', schema: WebhookTestResultSchema } },
  errors: READ_ERRORS,
});

// ---------- custom variables ----------

export const createVariableRoute = defineRoute({
  method: 'post',
  path: '/api/integrations/webhook-variables',
  minRole: 'admin',
  action: 'integration.webhooks.variable.create',
  operationId: 'createWebhookVariable',
  summary: 'Add a custom variable for webhook payloads ($NAME); a secret one never reads back',
  tags,
  body: CustomVariableInputSchema,
  responses: { 201: { description: 'The variable (a secret value masked)', schema: CustomVariableSchema } },
  errors: WRITE_ERRORS,
});

export const updateVariableRoute = defineRoute({
  method: 'put',
  path: '/api/integrations/webhook-variables/:name',
  minRole: 'admin',
  action: 'integration.webhooks.variable.update',
  target: (p) => `webhook-variable:${p.name ?? ''}`,
  operationId: 'updateWebhookVariable',
  summary: 'Change a custom variable; the value omitted or its mask sent back keeps it. A secret becomes plain only with a new value',
  tags,
  params: VariableParams,
  body: CustomVariableUpdateSchema,
  responses: { 200: { description: 'The variable (a secret value masked)', schema: CustomVariableSchema } },
  errors: WRITE_ERRORS,
});

export const deleteVariableRoute = defineRoute({
  method: 'delete',
  path: '/api/integrations/webhook-variables/:name',
  minRole: 'admin',
  action: 'integration.webhooks.variable.delete',
  target: (p) => `webhook-variable:${p.name ?? ''}`,
  operationId: 'deleteWebhookVariable',
  summary: 'Remove a custom variable',
  tags,
  params: VariableParams,
  responses: { 204: { description: 'Removed' } },
  errors: READ_ERRORS,
});
