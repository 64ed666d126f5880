import type { z } from 'zod';
import {
  isSensitiveHeader,
  pagerDutyHandle,
  slackHandle,
  webhookHandle,
  type AwsAccount,
  type AwsAccountInputSchema,
  type CustomVariable,
  type PagerDutyService,
  type SlackChannel,
  type SlackDisplay,
  type Webhook,
  type WebhookInputSchema,
  type WebhookTestResult,
  type WebhookUpdateSchema,
} from '../../../contract/integrations';
import { maskSecret, SECRET_MASK } from '../../../contract/secrets';
import { DEFAULT_WEBHOOK_PAYLOAD } from '../../../contract/webhook-template';
import type {
  RawAwsAccount,
  RawAwsAccountWrite,
  RawCustomVariable,
  RawLegacyHook,
  RawPagerDutyService,
  RawSlackChannel,
  RawSlackDisplayWrite,
  RawWebhook,
  RawWebhookTestResult,
  RawWebhookWrite,
} from './integration-schemas';

/**
 * Raw Datadog integration bodies <-> the contract. Pure. Secrets leave only
 * masked: a PagerDuty service key and a sensitive webhook header's value as
 * `******` + its last 4 characters, a secret custom variable as `******`.
 */

type AwsInput = z.output<typeof AwsAccountInputSchema>;
type WebhookInput = z.output<typeof WebhookInputSchema>;
type WebhookUpdate = z.output<typeof WebhookUpdateSchema>;

// ---------- AWS ----------

export function toAwsAccount(raw: RawAwsAccount): AwsAccount {
  return {
    accountId: raw.account_id,
    // An access-key account (no role) has no role name.
    roleName: raw.role_name ?? '',
    filterTags: raw.filter_tags ?? [],
    hostTags: raw.host_tags ?? [],
    namespaceRules: raw.account_specific_namespace_rules ?? {},
  };
}

/**
 * The full v1 body for an account. `current` (on an update) keeps the fields
 * watchdeck does not edit (regions, collection switches) as they are;
 * the account's key and the fields it edits come from the input.
 */
export function awsWrite(input: AwsInput, current?: RawAwsAccount): RawAwsAccountWrite {
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(current ?? {})) {
    // Never carry an access key pair into a role-based account's body.
    if (k !== 'access_key_id' && k !== 'secret_access_key' && v !== null && v !== undefined) kept[k] = v;
  }
  return {
    ...kept,
    account_id: input.accountId,
    role_name: input.roleName,
    filter_tags: input.filterTags,
    host_tags: input.hostTags,
    account_specific_namespace_rules: input.namespaceRules,
  };
}

// ---------- Slack ----------

const DISPLAY_DEFAULTS: SlackDisplay = { message: true, notified: true, snapshot: true, tags: true, muteButtons: false };

export function toSlackChannel(raw: RawSlackChannel, account: string, accountCount: number): SlackChannel {
  const d = raw.display;
  const name = raw.name.startsWith('#') ? raw.name : `#${raw.name}`;
  return {
    name,
    display: {
      message: d?.message ?? DISPLAY_DEFAULTS.message,
      notified: d?.notified ?? DISPLAY_DEFAULTS.notified,
      snapshot: d?.snapshot ?? DISPLAY_DEFAULTS.snapshot,
      tags: d?.tags ?? DISPLAY_DEFAULTS.tags,
      muteButtons: d?.mute_buttons ?? DISPLAY_DEFAULTS.muteButtons,
    },
    handle: slackHandle(account, name, accountCount),
  };
}

export function slackDisplayWrite(d: SlackDisplay): RawSlackDisplayWrite {
  return { message: d.message, notified: d.notified, snapshot: d.snapshot, tags: d.tags, mute_buttons: d.muteButtons };
}

// ---------- PagerDuty ----------

/** A mask another server made: only asterisks and at most 4 trailing characters. */
const UPSTREAM_MASK = /^\*{4,}([^*]{0,4})$/;

/**
 * What a read shows of a service key: Datadog's own mask (in our spelling)
 * when it sent one, our mask of whatever else it sent, null when it sent none.
 * Never the key.
 */
export function maskedServiceKey(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const m = UPSTREAM_MASK.exec(raw);
  if (m) return SECRET_MASK + (m[1] ?? '');
  return maskSecret(raw);
}

export function toPagerDutyService(raw: RawPagerDutyService): PagerDutyService {
  return { name: raw.service_name, serviceKey: maskedServiceKey(raw.service_key), handle: pagerDutyHandle(raw.service_name) };
}

// ---------- Webhooks ----------

export interface ReadHeaders {
  headers: Record<string, string>;
  /** The stored value was not a JSON object: shown as no headers (and noted in the log by the caller). */
  unreadable: boolean;
}

/** Datadog's custom_headers (JSON text, or an object) -> a header record; anything else reads as none. */
export function readCustomHeaders(raw: string | Record<string, unknown> | null | undefined): ReadHeaders {
  if (raw === null || raw === undefined || raw === '') return { headers: {}, unreadable: false };
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return { headers: {}, unreadable: true };
    }
  }
  if (value === null) return { headers: {}, unreadable: false };
  if (typeof value !== 'object' || Array.isArray(value)) return { headers: {}, unreadable: true };
  const entries = Object.entries(value as Record<string, unknown>);
  const headers = Object.fromEntries(
    entries.flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : typeof v === 'number' || typeof v === 'boolean' ? [[k, String(v)]] : [])),
  ) as Record<string, string>;
  return { headers, unreadable: Object.keys(headers).length !== entries.length };
}

/** What a read shows of custom headers: a sensitive header's value (contract isSensitiveHeader) as its mask, never the value. */
export function maskSensitiveHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(headers)) out[name] = isSensitiveHeader(name) ? maskSecret(value) : value;
  return out;
}

/** A header record -> what Datadog stores: JSON text, or null for none. */
export function writeCustomHeaders(headers: Record<string, string>): string | null {
  return Object.keys(headers).length > 0 ? JSON.stringify(headers) : null;
}

/** Datadog fills its default payload in; the contract says null for it. */
const payloadOf = (payload: string | null | undefined): string | null =>
  payload === null || payload === undefined || payload === '' || payload === DEFAULT_WEBHOOK_PAYLOAD ? null : payload;

const encodingOf = (encodeAs: string | null | undefined, form?: boolean | null): string => encodeAs ?? (form ? 'form' : 'json');

export function toWebhook(raw: RawWebhook): { webhook: Webhook; headersUnreadable: boolean } {
  const { headers, unreadable } = readCustomHeaders(raw.custom_headers);
  return {
    webhook: {
      name: raw.name,
      url: raw.url ?? '',
      payload: payloadOf(raw.payload),
      customHeaders: maskSensitiveHeaders(headers),
      encodeAs: encodingOf(raw.encode_as),
      handle: webhookHandle(raw.name),
    },
    headersUnreadable: unreadable,
  };
}

/** One hook of the 2018 listing. */
export function legacyToWebhook(raw: RawLegacyHook): { webhook: Webhook; headersUnreadable: boolean } {
  const { headers, unreadable } = readCustomHeaders(raw.headers);
  return {
    webhook: {
      name: raw.name,
      url: raw.url ?? '',
      payload: raw.use_custom_payload === false ? null : payloadOf(raw.custom_payload),
      customHeaders: maskSensitiveHeaders(headers),
      encodeAs: encodingOf(raw.encode_as, raw.encode_as_form),
      handle: webhookHandle(raw.name),
    },
    headersUnreadable: unreadable,
  };
}

/** POST body: a null payload and no headers are left out (Datadog's defaults). */
export function webhookCreateWrite(input: WebhookInput): RawWebhookWrite {
  const headers = writeCustomHeaders(input.customHeaders);
  return {
    name: input.name,
    url: input.url,
    ...(input.payload !== null ? { payload: input.payload } : {}),
    ...(headers !== null ? { custom_headers: headers } : {}),
    encode_as: input.encodeAs,
  };
}

/** PUT body: only the fields given; a null payload goes back to Datadog's default, {} clears the headers. */
export function webhookUpdateWrite(input: WebhookUpdate): RawWebhookWrite {
  return {
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(input.payload !== undefined ? { payload: input.payload } : {}),
    ...(input.customHeaders !== undefined ? { custom_headers: writeCustomHeaders(input.customHeaders) } : {}),
    ...(input.encodeAs !== undefined ? { encode_as: input.encodeAs } : {}),
  };
}

/** A secret variable reads back as the mask, whatever Datadog sent. */
export function toCustomVariable(raw: RawCustomVariable): CustomVariable {
  const isSecret = raw.is_secret === true;
  return { name: raw.name, isSecret, value: isSecret ? SECRET_MASK : (raw.value ?? null) };
}

export function toWebhookTestResult(raw: RawWebhookTestResult): WebhookTestResult {
  return {
    ok: raw.ok,
    status: typeof raw.status === 'number' && Number.isInteger(raw.status) ? raw.status : null,
    body: raw.body,
    durationMs: raw.duration_ms ?? 0,
    sent: raw.sent,
  };
}
