import { z } from 'zod';
import { isMasked, MaskedSecretSchema, secretInput } from './secrets';
import { CUSTOM_VARIABLE_NAME_PATTERN, payloadTemplateError } from './webhook-template';

/**
 * The BFF-to-SPA wire for the Datadog integrations (AWS, Slack, PagerDuty,
 * Webhooks). Every route is admin-only. Names are camelCase here; the BFF maps
 * them to Datadog's snake_case. The same schemas validate the SPA's forms and
 * the BFF's routes, so a field error reads the same in both.
 */

// ---------- shared field rules ----------

/** `key:value` or a bare tag; no spaces or commas (Datadog splits on them). */
export const TAG_PATTERN = /^[^\s,]{1,200}$/;
export const TagListSchema = z.array(z.string().trim().regex(TAG_PATTERN, 'Tags have no spaces or commas, at most 200 characters')).max(100);

/** http(s) URL, as Datadog accepts for webhooks and Atlas accepts for its URL fields. */
export const httpUrl = (label = 'URL') =>
  z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .max(2000)
    .refine((v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
      } catch {
        return false;
      }
    }, `${label} must be a full http:// or https:// URL`);

/** A timestamp (epoch ms) of the last change made through watchdeck, from its audit log. */
export const LastChangeSchema = z
  .looseObject({ at: z.number(), by: z.string(), action: z.string() })
  .nullable();
export type LastChange = z.infer<typeof LastChangeSchema>;

// ---------- AWS ----------

export const AWS_ACCOUNT_ID_PATTERN = /^\d{12}$/;
/** IAM role names: letters, digits and + = , . @ _ - (at most 64). */
export const AWS_ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;

/** A few of the namespaces Datadog collects; the form offers these as switches. */
export const AWS_NAMESPACES = [
  'api_gateway',
  'application_elb',
  'auto_scaling',
  'cloudfront',
  'dynamodb',
  'ec2',
  'ecs',
  'elasticache',
  'elb',
  'lambda',
  'network_elb',
  'rds',
  's3',
  'sns',
  'sqs',
] as const;

export const AwsAccountSchema = z.looseObject({
  accountId: z.string(),
  roleName: z.string(),
  filterTags: z.array(z.string()),
  hostTags: z.array(z.string()),
  /** Namespace -> collected (false turns a namespace off). */
  namespaceRules: z.record(z.string(), z.boolean()),
});
export type AwsAccount = z.infer<typeof AwsAccountSchema>;

export const AwsAccountInputSchema = z.strictObject({
  accountId: z.string().trim().regex(AWS_ACCOUNT_ID_PATTERN, 'An AWS account id is 12 digits'),
  roleName: z.string().trim().regex(AWS_ROLE_NAME_PATTERN, 'A role name is 1–64 letters, digits or + = , . @ _ -'),
  filterTags: TagListSchema.default([]),
  hostTags: TagListSchema.default([]),
  namespaceRules: z.record(z.string().regex(/^[a-z0-9_]{1,64}$/), z.boolean()).default({}),
});
export type AwsAccountInput = z.input<typeof AwsAccountInputSchema>;

export const AwsAccountListSchema = z.looseObject({
  accounts: z.array(AwsAccountSchema),
  lastChange: LastChangeSchema,
});
export type AwsAccountList = z.infer<typeof AwsAccountListSchema>;

/** Datadog's AWS account id, used in the trust policy the user pastes into IAM. */
export const DATADOG_AWS_ACCOUNT_ID = '464622532012';

export const AwsCreateResponseSchema = z.looseObject({
  account: AwsAccountSchema,
  externalId: z.string(),
});
export type AwsCreateResponse = z.infer<typeof AwsCreateResponseSchema>;

/** The IAM trust policy that lets Datadog assume the role with this external id. */
export function awsTrustPolicy(externalId: string, datadogAccountId = DATADOG_AWS_ACCOUNT_ID): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${datadogAccountId}:root` },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': externalId } },
        },
      ],
    },
    null,
    2,
  );
}

// ---------- Slack ----------

/** Slack channel names: lower case letters, digits, - and _, at most 80. Stored with a leading #. */
export const SLACK_CHANNEL_PATTERN = /^#?[a-z0-9][a-z0-9_-]{0,79}$/;
export const SLACK_ACCOUNT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

export const SlackDisplaySchema = z.strictObject({
  message: z.boolean().default(true),
  notified: z.boolean().default(true),
  snapshot: z.boolean().default(true),
  tags: z.boolean().default(true),
  muteButtons: z.boolean().default(false),
});
export type SlackDisplay = z.output<typeof SlackDisplaySchema>;

export const SlackChannelSchema = z.looseObject({
  /** With its leading "#". */
  name: z.string(),
  display: z.looseObject({
    message: z.boolean(),
    notified: z.boolean(),
    snapshot: z.boolean(),
    tags: z.boolean(),
    muteButtons: z.boolean(),
  }),
  handle: z.string(),
});
export type SlackChannel = z.infer<typeof SlackChannelSchema>;

export const SlackChannelInputSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .regex(SLACK_CHANNEL_PATTERN, 'A channel name is lower-case letters, digits, - or _ (at most 80)')
    .transform((v) => (v.startsWith('#') ? v : `#${v}`)),
  display: SlackDisplaySchema.default({ message: true, notified: true, snapshot: true, tags: true, muteButtons: false }),
});
export type SlackChannelInput = z.input<typeof SlackChannelInputSchema>;

/** Only the options given change; no defaults here, so an edit never resets the others. */
export const SlackChannelUpdateSchema = z.strictObject({
  display: z
    .strictObject({
      message: z.boolean(),
      notified: z.boolean(),
      snapshot: z.boolean(),
      tags: z.boolean(),
      muteButtons: z.boolean(),
    })
    .partial(),
});
export type SlackChannelUpdate = z.input<typeof SlackChannelUpdateSchema>;

export const SlackAccountInputSchema = z.strictObject({
  name: z.string().trim().regex(SLACK_ACCOUNT_PATTERN, 'A Slack account name is letters, digits, . _ or - (at most 100)'),
});
export type SlackAccountInput = z.input<typeof SlackAccountInputSchema>;

export const SlackAccountSchema = z.looseObject({
  name: z.string(),
  channels: z.array(SlackChannelSchema),
  /** Set when Datadog could not list this account's channels (unknown account, say). */
  error: z.string().nullable(),
  /**
   * Who lists the account: Datadog itself (its 2018 listing, where a site still serves it), or only
   * watchdeck, because an admin added it here. Only an account watchdeck lists, with no channels,
   * can be taken off the list here (DELETE); Datadog's own are disconnected in Datadog.
   */
  listedBy: z.enum(['datadog', 'watchdeck']),
});
export type SlackAccount = z.infer<typeof SlackAccountSchema>;

export const SlackOverviewSchema = z.looseObject({
  accounts: z.array(SlackAccountSchema),
  lastChange: LastChangeSchema,
});
export type SlackOverview = z.infer<typeof SlackOverviewSchema>;

// ---------- PagerDuty ----------

export const PAGERDUTY_SERVICE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

export const PagerDutyServiceSchema = z.looseObject({
  name: z.string(),
  /** `******` + last 4 when known; `******` when Datadog does not say; never the key. */
  serviceKey: MaskedSecretSchema,
  handle: z.string(),
});
export type PagerDutyService = z.infer<typeof PagerDutyServiceSchema>;

export const PagerDutyServiceInputSchema = z.strictObject({
  name: z.string().trim().regex(PAGERDUTY_SERVICE_PATTERN, 'A service name is letters, digits, . _ or - (at most 100)'),
  serviceKey: secretInput('The service key', 200)
    .trim()
    .min(1, 'A service key is required')
    .refine((v) => !isMasked(v), 'Enter the service key itself, not its mask'),
});
export type PagerDutyServiceInput = z.input<typeof PagerDutyServiceInputSchema>;

/** Rotate a service key; omitted or the mask read back keeps the stored key. */
export const PagerDutyServiceUpdateSchema = z.strictObject({
  serviceKey: secretInput('The service key', 200).trim().optional(),
});
export type PagerDutyServiceUpdate = z.input<typeof PagerDutyServiceUpdateSchema>;

export const PagerDutyOverviewSchema = z.looseObject({
  services: z.array(PagerDutyServiceSchema),
  /** complete: Datadog listed every service; partial: only the ones watchdeck knows by name. */
  listing: z.enum(['complete', 'partial']).or(z.string()),
  lastChange: LastChangeSchema,
});
export type PagerDutyOverview = z.infer<typeof PagerDutyOverviewSchema>;

// ---------- Webhooks ----------

export const WEBHOOK_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
/** RFC 9110 token characters. */
export const HEADER_NAME_PATTERN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

/**
 * Header names whose values are credentials (Authorization, X-Api-Key, a token,
 * a cookie...). Their values are write-only like any secret: reads show the
 * mask, and an update that sends the mask back keeps the stored value.
 */
const SENSITIVE_HEADER = /(authorization|auth|token|secret|password|passwd|api[-_]?key|cookie|signature|credential|session)/i;
export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_HEADER.test(name);
}

export const WebhookSchema = z.looseObject({
  name: z.string(),
  url: z.string(),
  /** The template; null means Datadog's default payload. */
  payload: z.string().nullable(),
  /** Values of sensitive headers (isSensitiveHeader) are masked. */
  customHeaders: z.record(z.string(), z.string()),
  encodeAs: z.enum(['json', 'form']).or(z.string()),
  handle: z.string(),
});
export type Webhook = z.infer<typeof WebhookSchema>;

const headerName = z.string().regex(HEADER_NAME_PATTERN, 'A header name is letters, digits and - (no spaces)');
const headerValue = z
  .string()
  .max(2000)
  .refine((v) => !/[\r\n]/.test(v), 'A header value is one line');

const webhookFields = {
  url: httpUrl('The URL'),
  payload: z
    .string()
    .max(10_000)
    .nullable()
    .default(null),
  // A new webhook has no stored value a mask could stand for.
  customHeaders: z.record(headerName, headerValue.refine((v) => !isMasked(v), 'Enter the header value itself, not its mask')).default({}),
  encodeAs: z.enum(['json', 'form'], { error: 'Encoding is json or form' }).default('json'),
};

function checkPayload(v: { payload?: string | null; encodeAs?: 'json' | 'form' }, ctx: z.RefinementCtx): void {
  if (v.payload && (v.encodeAs ?? 'json') === 'json') {
    const err = payloadTemplateError(v.payload);
    if (err) ctx.addIssue({ code: 'custom', path: ['payload'], message: err });
  }
}

export const WebhookInputSchema = z
  .strictObject({
    name: z.string().trim().regex(WEBHOOK_NAME_PATTERN, 'A webhook name is letters, digits, _ or - (at most 100)'),
    ...webhookFields,
  })
  .superRefine(checkPayload);
export type WebhookInput = z.input<typeof WebhookInputSchema>;

/**
 * Only the fields given change. `customHeaders` replaces them all; a value
 * sent as the mask read back keeps that header's stored value (a sensitive
 * header's value is write-only), and a mask for a header that is not stored
 * is refused.
 */
export const WebhookUpdateSchema = z
  .strictObject({
    url: webhookFields.url.optional(),
    payload: z.string().max(10_000).nullable().optional(),
    customHeaders: z.record(headerName, headerValue).optional(),
    encodeAs: z.enum(['json', 'form'], { error: 'Encoding is json or form' }).optional(),
  })
  .superRefine(checkPayload);
export type WebhookUpdate = z.input<typeof WebhookUpdateSchema>;

export const CustomVariableSchema = z.looseObject({
  name: z.string(),
  isSecret: z.boolean(),
  /** The value when not secret; the mask (`******`) when secret. */
  value: z.string().nullable(),
});
export type CustomVariable = z.infer<typeof CustomVariableSchema>;

export const CustomVariableInputSchema = z.strictObject({
  name: z.string().trim().regex(CUSTOM_VARIABLE_NAME_PATTERN, 'Upper-case letters, digits and _, starting with a letter'),
  value: z.string().min(1, 'A value is required').max(5000),
  isSecret: z.boolean().default(false),
});
export type CustomVariableInput = z.input<typeof CustomVariableInputSchema>;

/** Omitted value, or the mask read back, keeps the stored value. */
export const CustomVariableUpdateSchema = z.strictObject({
  value: z.string().max(5000).optional(),
  isSecret: z.boolean().optional(),
});
export type CustomVariableUpdate = z.input<typeof CustomVariableUpdateSchema>;

export const WebhooksOverviewSchema = z.looseObject({
  webhooks: z.array(WebhookSchema),
  customVariables: z.array(CustomVariableSchema),
  /** complete: Datadog listed every webhook; partial: only the ones watchdeck knows by name. */
  listing: z.enum(['complete', 'partial']).or(z.string()),
  lastChange: LastChangeSchema,
});
export type WebhooksOverview = z.infer<typeof WebhooksOverviewSchema>;

/** What a test delivery got back (embedded mode only: the local Datadog sends it). */
export const WebhookTestResultSchema = z.looseObject({
  ok: z.boolean(),
  /** The receiver's HTTP status; null when it could not be reached. */
  status: z.number().int().nullable(),
  /** The first 2,000 characters of the receiver's answer, or the network error. */
  body: z.string(),
  durationMs: z.number(),
  /** The payload that was sent. */
  sent: z.string(),
});
export type WebhookTestResult = z.infer<typeof WebhookTestResultSchema>;

// ---------- overview and @-handles ----------

export function slackHandle(account: string, channel: string, accountCount: number): string {
  const bare = channel.replace(/^#/, '');
  return accountCount > 1 ? `@slack-${account}-${bare}` : `@slack-${bare}`;
}
export const pagerDutyHandle = (service: string): string => `@pagerduty-${service}`;
export const webhookHandle = (name: string): string => `@webhook-${name}`;

/** The Datadog tiles of GET /api/integrations; the SPA adds the Atlas tile from GET atlas/projects. */
export const INTEGRATION_KINDS = ['aws', 'slack', 'pagerduty', 'webhooks'] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];

export const IntegrationTileSchema = z.looseObject({
  kind: z.enum(INTEGRATION_KINDS).or(z.string()),
  configured: z.boolean(),
  /** How many accounts, channels, services, webhooks or Atlas configurations. */
  count: z.number().int(),
  lastChange: LastChangeSchema,
  /** The @-handles this integration adds to monitor messages. */
  handles: z.array(z.string()),
  /** Set when this integration could not be read (upstream down, Atlas keys missing). */
  error: z.string().nullable(),
});
export type IntegrationTile = z.infer<typeof IntegrationTileSchema>;

export const IntegrationsOverviewSchema = z.looseObject({
  tiles: z.array(IntegrationTileSchema),
  /** True in embedded mode: the local Datadog can send a test webhook delivery. */
  webhookTestAvailable: z.boolean(),
});
export type IntegrationsOverview = z.infer<typeof IntegrationsOverviewSchema>;
