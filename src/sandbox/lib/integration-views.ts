import { maskSecret, maskUrl } from '../../contract/secrets';
import { DEFAULT_WEBHOOK_PAYLOAD } from '../../contract/webhook-template';
import type {
  AwsAccountRow,
  CustomVariableRow,
  PagerDutyServiceRow,
  PagerDutySettingsRow,
  SlackAccountRow,
  SlackChannelRow,
  WebhookRow,
} from '../store/integrations-rows';

/**
 * How the integration rows read back. No view ever carries a secret in the
 * clear: service keys, the PagerDuty API token and Slack hook URLs are masked
 * (`******` + last 4), secret custom variables lose their value.
 */

/** One item of GET /api/v1/integration/aws: the stored object, with list defaults filled in. */
export function renderAwsAccount(a: AwsAccountRow): Record<string, unknown> {
  return { filter_tags: [], host_tags: [], account_specific_namespace_rules: {}, ...a.config };
}

export function renderSlackChannel(ch: SlackChannelRow): Record<string, unknown> {
  const d = ch.display;
  return {
    name: ch.name,
    display: { message: d.message, mute_buttons: d.mute_buttons, notified: d.notified, snapshot: d.snapshot, tags: d.tags },
  };
}

export function renderWebhook(w: WebhookRow): Record<string, unknown> {
  return {
    name: w.name,
    url: w.url,
    encode_as: w.encode_as,
    custom_headers: w.custom_headers,
    payload: w.payload ?? DEFAULT_WEBHOOK_PAYLOAD,
  };
}

/** A secret variable's value is left out, as Datadog does. */
export function renderCustomVariable(v: CustomVariableRow): Record<string, unknown> {
  return v.is_secret ? { name: v.name, is_secret: true } : { name: v.name, is_secret: false, value: v.value };
}

/** The 2018 GET /api/v1/integration/slack body; hook URLs are masked. */
export function renderLegacySlack(accounts: SlackAccountRow[], channels: SlackChannelRow[]): Record<string, unknown> {
  return {
    service_hooks: accounts.map((a) => ({ account: a.name, url: a.service_hook_url === null ? null : maskUrl(a.service_hook_url) })),
    channels: channels.map((ch) => ({
      channel_name: ch.name,
      transfer_all_user_comments: ch.transfer_all_user_comments,
      account: ch.account,
    })),
  };
}

/** The 2018 GET /api/v1/integration/pagerduty body; the keys and the token are masked. */
export function renderLegacyPagerDuty(services: PagerDutyServiceRow[], settings: PagerDutySettingsRow | undefined): Record<string, unknown> {
  return {
    services: services.map((s) => ({ service_name: s.service_name, service_key: maskSecret(s.service_key) })),
    subdomain: settings?.subdomain ?? null,
    schedules: settings?.schedules ?? [],
    api_token: settings?.api_token ? maskSecret(settings.api_token) : null,
  };
}

/** The 2018 GET /api/v1/integration/webhooks body. */
export function renderLegacyWebhooks(hooks: WebhookRow[]): Record<string, unknown> {
  return {
    hooks: hooks.map((w) => ({
      name: w.name,
      url: w.url,
      use_custom_payload: w.payload !== null,
      custom_payload: w.payload,
      encode_as: w.encode_as,
      encode_as_form: w.encode_as === 'form',
      headers: w.custom_headers,
    })),
  };
}
