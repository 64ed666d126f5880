import { createHash } from 'node:crypto';
import type { Db } from '../store/db';
import { AwsAccountsStore } from '../store/integrations-aws-store';
import { PagerDutyStore } from '../store/integrations-pagerduty-store';
import type { SlackDisplay } from '../store/integrations-rows';
import { SlackStore } from '../store/integrations-slack-store';
import { WebhooksStore } from '../store/integrations-webhooks-store';

const DAY_US = 86_400_000_000;

/** The demo org's Datadog integrations, as tests and the e2e suite rely on them. */
export const DEMO_INTEGRATIONS = {
  aws: {
    account_id: '123456789012',
    role_name: 'DatadogAWSIntegrationRole',
    filter_tags: ['env:prod', 'watchdeck:monitored'],
    host_tags: ['account:watchdeck-demo', 'env:prod'],
    account_specific_namespace_rules: { auto_scaling: false, opsworks: false },
    excluded_regions: ['ap-east-1', 'me-south-1'],
    metrics_collection_enabled: true,
  },
  slack: {
    account: 'watchdeck-demo',
    /** Fake, and never read back: the 2018 body shows it masked. */
    serviceHookUrl: 'https://hooks.slack.com/services/TDEMO0000/BDEMO0000/watchdeck-demo-not-a-real-hook',
    channels: ['#ops-alerts', '#checkout-oncall', '#payments-oncall'],
  },
  pagerduty: {
    /** Fake keys; never read back. */
    services: [
      { service_name: 'payments-primary', service_key: 'demo-pd-key-payments-0000000000000001' },
      { service_name: 'platform-primary', service_key: 'demo-pd-key-platform-0000000000000002' },
    ],
  },
  webhook: {
    name: 'ops-bridge',
    url: 'https://hooks.example.com/watchdeck/ops-bridge',
    customHeaders: '{"X-Watchdeck-Source": "datadog"}',
    payload:
      '{"title": "$EVENT_TITLE", "body": "$EVENT_MSG", "priority": "$ALERT_PRIORITY", "link": "$LINK", "tags": "$TAGS", "bridge_env": "$OPS_BRIDGE_ENV"}',
  },
  customVariable: { name: 'OPS_BRIDGE_ENV', value: 'demo', is_secret: false },
} as const;

const DEFAULT_DISPLAY: SlackDisplay = { message: true, mute_buttons: false, notified: true, snapshot: true, tags: true };

/** A stable external id for the demo account (32 hex characters, like Datadog's). */
function demoExternalId(accountId: string): string {
  return createHash('sha256').update(`watchdeck-demo-external-id:${accountId}`).digest('hex').slice(0, 32);
}

/** Inserts the demo AWS account, Slack account and channels, PagerDuty services, webhook and custom variable. */
export function seedDemoIntegrations(db: Db, nowUs: number): void {
  const D = DEMO_INTEGRATIONS;
  const created = nowUs - 120 * DAY_US;
  const { account_id, role_name } = D.aws;
  new AwsAccountsStore(db).insert({
    account_id,
    role_name,
    external_id: demoExternalId(account_id),
    config: JSON.parse(JSON.stringify(D.aws)) as Record<string, unknown>,
    created_us: created,
    modified_us: created,
  });

  const slack = new SlackStore(db);
  slack.upsertAccount({ name: D.slack.account, service_hook_url: D.slack.serviceHookUrl, created_us: created, modified_us: created });
  D.slack.channels.forEach((name, i) => {
    const at = created + (i + 1) * DAY_US;
    slack.insertChannel({
      account: D.slack.account,
      name,
      display: { ...DEFAULT_DISPLAY, mute_buttons: name === '#ops-alerts' },
      transfer_all_user_comments: false,
      created_us: at,
      modified_us: at,
    });
  });

  const pagerduty = new PagerDutyStore(db);
  for (const s of D.pagerduty.services) pagerduty.insertService({ ...s, created_us: created, modified_us: created });

  const webhooks = new WebhooksStore(db);
  webhooks.insert({
    name: D.webhook.name,
    url: D.webhook.url,
    payload: D.webhook.payload,
    custom_headers: D.webhook.customHeaders,
    encode_as: 'json',
    created_us: created,
    modified_us: created,
  });
  webhooks.insertVariable({ ...D.customVariable, created_us: created, modified_us: created });
}

/** True when no Datadog integration has any row (so an upgrade may seed the demo ones). */
export function integrationsEmpty(db: Db): boolean {
  const tables = ['dd_aws_accounts', 'dd_slack_accounts', 'dd_pagerduty_services', 'dd_pagerduty_settings', 'dd_webhooks', 'dd_webhook_custom_variables'];
  return tables.every((t) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n === 0);
}

/** For upgradeSeed: seeds the demo integrations once, in a transaction, only into empty tables. */
export function seedDemoIntegrationsIfEmpty(db: Db, nowUs: number): void {
  db.transaction(() => {
    if (integrationsEmpty(db)) seedDemoIntegrations(db, nowUs);
  })();
}
