import { z } from 'zod';

/**
 * Raw Datadog integration shapes (v1 configuration endpoints and the 2018
 * integration bodies), as recorded in ../shared/conformance/datadog/
 * {aws,slack,pagerduty,webhooks}.* and described in DIFFERENCES.md 4. Loose:
 * unknown fields kept, a field of the wrong type becomes null; only the key
 * of each item (an account id, a channel, service or webhook name) is required.
 * Secret fields are parsed only so the mappers can mask them; no raw secret
 * is passed on.
 */

const str = z.string().nullish().catch(null);
const num = z.number().nullish().catch(null);
const bool = z.boolean().nullish().catch(null);
/** The 2018 bodies wrote booleans as strings ("true") too. */
const boolish = z
  .union([z.boolean(), z.string().transform((v) => v.trim().toLowerCase() === 'true')])
  .nullish()
  .catch(null);
const strList = z
  .array(z.unknown())
  .transform((list) => list.filter((v): v is string => typeof v === 'string'))
  .nullish()
  .catch(null);

// ---------- AWS (v1, deprecated) ----------

export const RawAwsAccountSchema = z.looseObject({
  account_id: z.string(),
  role_name: str,
  access_key_id: str,
  filter_tags: strList,
  host_tags: strList,
  account_specific_namespace_rules: z
    .record(z.string(), z.unknown())
    .transform((rules) => Object.fromEntries(Object.entries(rules).filter((e): e is [string, boolean] => typeof e[1] === 'boolean')))
    .nullish()
    .catch(null),
});
export type RawAwsAccount = z.infer<typeof RawAwsAccountSchema>;

/** GET /api/v1/integration/aws: `{accounts:[...]}`; an item without an account id is dropped. */
export const RawAwsAccountListSchema = z.looseObject({
  accounts: z
    .array(z.unknown())
    .transform((items) => items.flatMap((i) => {
      const parsed = RawAwsAccountSchema.safeParse(i);
      return parsed.success ? [parsed.data] : [];
    }))
    .nullish()
    .catch(null),
});
export type RawAwsAccountList = z.infer<typeof RawAwsAccountListSchema>;

/** POST /api/v1/integration/aws answers `{external_id}` (aws.create.response.json). */
export const RawAwsCreateResponseSchema = z.looseObject({ external_id: z.string() });
export type RawAwsCreateResponse = z.infer<typeof RawAwsCreateResponseSchema>;

/** What we send to create or replace a role-based account. Fields watchdeck does not edit ride along from the current account. */
export interface RawAwsAccountWrite {
  account_id: string;
  role_name: string;
  filter_tags: string[];
  host_tags: string[];
  account_specific_namespace_rules: Record<string, boolean>;
  [other: string]: unknown;
}

/** DELETE /api/v1/integration/aws takes its key as a JSON body (aws.delete.request.json). */
export interface RawAwsAccountKey {
  account_id: string;
  role_name: string;
}

// ---------- Slack ----------

export const RawSlackDisplaySchema = z.looseObject({
  message: bool,
  notified: bool,
  snapshot: bool,
  tags: bool,
  mute_buttons: bool,
});

/** `{name:"#x", display:{message,mute_buttons,notified,snapshot,tags}}` (slack.channels.*). */
export const RawSlackChannelSchema = z.looseObject({
  name: z.string(),
  display: RawSlackDisplaySchema.nullish().catch(null),
});
export type RawSlackChannel = z.infer<typeof RawSlackChannelSchema>;

export const RawSlackChannelListSchema = z.array(RawSlackChannelSchema);

/** What we send for a channel's display (all five switches). */
export interface RawSlackDisplayWrite {
  message: boolean;
  notified: boolean;
  snapshot: boolean;
  tags: boolean;
  mute_buttons: boolean;
}

export interface RawSlackChannelCreate {
  name: string;
  display: RawSlackDisplayWrite;
}

/** The 2018 GET /api/v1/integration/slack: `{service_hooks:[{account,url}], channels:[...]}`; hook URLs are not read. */
export const RawLegacySlackSchema = z.looseObject({
  service_hooks: z
    .array(z.looseObject({ account: str }).nullable().catch(null))
    .nullish()
    .catch(null),
});
export type RawLegacySlack = z.infer<typeof RawLegacySlackSchema>;

// ---------- PagerDuty ----------

/** GET/POST .../services[/{name}] answer `{service_name}`; a 2018 listing item may add a (masked) `service_key`. */
export const RawPagerDutyServiceSchema = z.looseObject({
  service_name: z.string(),
  service_key: str,
});
export type RawPagerDutyService = z.infer<typeof RawPagerDutyServiceSchema>;

/** The 2018 GET /api/v1/integration/pagerduty: `{services:[{service_name, service_key}], subdomain, schedules, api_token}`. */
export const RawLegacyPagerDutySchema = z.looseObject({
  services: z
    .array(z.unknown())
    .transform((items) => items.flatMap((i) => {
      const parsed = RawPagerDutyServiceSchema.safeParse(i);
      return parsed.success ? [parsed.data] : [];
    }))
    .nullish()
    .catch(null),
});
export type RawLegacyPagerDuty = z.infer<typeof RawLegacyPagerDutySchema>;

// ---------- Webhooks ----------

/** Datadog keeps custom headers as JSON text; an object (from other servers) is read too. */
const rawHeaders = z.union([z.string(), z.record(z.string(), z.unknown())]).nullish().catch(null);

/** webhooks.{create,get,update}.response.json. */
export const RawWebhookSchema = z.looseObject({
  name: z.string(),
  url: str,
  payload: str,
  custom_headers: rawHeaders,
  encode_as: str,
});
export type RawWebhook = z.infer<typeof RawWebhookSchema>;

/** One hook of the 2018 GET /api/v1/integration/webhooks. */
export const RawLegacyHookSchema = z.looseObject({
  name: z.string(),
  url: str,
  use_custom_payload: boolish,
  custom_payload: str,
  encode_as: str,
  encode_as_form: boolish,
  headers: rawHeaders,
});
export type RawLegacyHook = z.infer<typeof RawLegacyHookSchema>;

export const RawLegacyWebhooksSchema = z.looseObject({
  hooks: z
    .array(z.unknown())
    .transform((items) => items.flatMap((i) => {
      const parsed = RawLegacyHookSchema.safeParse(i);
      return parsed.success ? [parsed.data] : [];
    }))
    .nullish()
    .catch(null),
});
export type RawLegacyWebhooks = z.infer<typeof RawLegacyWebhooksSchema>;

/** What we send to create (name and url required) or change a webhook. */
export interface RawWebhookWrite {
  name?: string;
  url?: string;
  /** null: Datadog's default payload. */
  payload?: string | null;
  /** JSON text of the header object; null: none. */
  custom_headers?: string | null;
  encode_as?: 'json' | 'form';
}

/** A custom variable; a secret one comes without `value` (webhooks.custom_variables.create.response.json). */
export const RawCustomVariableSchema = z.looseObject({
  name: z.string(),
  is_secret: bool,
  value: str,
});
export type RawCustomVariable = z.infer<typeof RawCustomVariableSchema>;

export interface RawCustomVariableWrite {
  name?: string;
  value?: string;
  is_secret?: boolean;
}

/** The local Datadog's test delivery (no such endpoint in Datadog). */
export const RawWebhookTestResultSchema = z.looseObject({
  ok: z.boolean(),
  status: num,
  body: z.string().catch(''),
  duration_ms: num,
  attempts: num,
  sent: z.string().catch(''),
});
export type RawWebhookTestResult = z.infer<typeof RawWebhookTestResultSchema>;
