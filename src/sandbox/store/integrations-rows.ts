/**
 * Datadog integration rows as the sandbox's code sees them (JSON columns
 * parsed, booleans real, times in epoch µs). Secret fields (Slack hook URLs,
 * PagerDuty service keys and API token, secret custom variable values) are
 * held here in plain text and must only ever leave through a mask.
 */

/** A v1 AWS account: the whole validated request object lives in `config`. */
export interface AwsAccountRow {
  account_id: string;
  role_name: string;
  external_id: string;
  /** Every field the client sent (account_id and role_name included), as validated. */
  config: Record<string, unknown>;
  created_us: number;
  modified_us: number;
}

export interface SlackAccountRow {
  name: string;
  /** The Slack service hook URL: a secret. */
  service_hook_url: string | null;
  created_us: number;
  modified_us: number;
}

export interface SlackDisplay {
  message: boolean;
  mute_buttons: boolean;
  notified: boolean;
  snapshot: boolean;
  tags: boolean;
}

export interface SlackChannelRow {
  account: string;
  /** With its leading "#". */
  name: string;
  display: SlackDisplay;
  /** The 2018 body's flag; the v1 configuration endpoints do not show it. */
  transfer_all_user_comments: boolean;
  created_us: number;
  modified_us: number;
}

export interface PagerDutyServiceRow {
  service_name: string;
  /** A secret. */
  service_key: string;
  created_us: number;
  modified_us: number;
}

/** The account-wide part of the 2018 PagerDuty body; at most one row. */
export interface PagerDutySettingsRow {
  subdomain: string | null;
  schedules: string[];
  /** A secret. */
  api_token: string | null;
  modified_us: number;
}

export type WebhookEncoding = 'json' | 'form';

export interface WebhookRow {
  name: string;
  url: string;
  /** The template as sent; null means Datadog's default payload. */
  payload: string | null;
  /** JSON text of an object of header names to values, as Datadog keeps it; null for none. */
  custom_headers: string | null;
  encode_as: WebhookEncoding;
  created_us: number;
  modified_us: number;
}

export interface CustomVariableRow {
  name: string;
  /** A secret when is_secret. */
  value: string;
  is_secret: boolean;
  created_us: number;
  modified_us: number;
}
