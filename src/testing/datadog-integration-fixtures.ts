import type {
  AwsAccount,
  AwsAccountList,
  IntegrationsOverview,
  IntegrationTile,
  PagerDutyOverview,
  SlackOverview,
  Webhook,
  WebhooksOverview,
} from '../contract/integrations';
import { FIXTURE_NOW } from './monitor-fixtures';

const MINUTE = 60_000;

/** The Datadog tiles of GET /api/integrations: AWS not configured, Slack and Webhooks configured, PagerDuty errored. */
export function overviewResponse(overrides: Partial<IntegrationsOverview> = {}, tiles: Partial<Record<string, Partial<IntegrationTile>>> = {}): IntegrationsOverview {
  const base: IntegrationTile[] = [
    { kind: 'aws', configured: false, count: 0, lastChange: null, handles: [], error: null },
    {
      kind: 'slack',
      configured: true,
      count: 2,
      lastChange: { at: FIXTURE_NOW - 3 * MINUTE, by: 'root-admin', action: 'integration.slack.channel.create' },
      handles: ['@slack-alerts', '@slack-ops'],
      error: null,
    },
    { kind: 'pagerduty', configured: false, count: 0, lastChange: null, handles: [], error: 'Datadog answered 502 Bad Gateway' },
    {
      kind: 'webhooks',
      configured: true,
      count: 1,
      lastChange: { at: FIXTURE_NOW - 2 * 60 * MINUTE, by: 'alice-admin', action: 'integration.webhook.create' },
      handles: ['@webhook-ops-hook'],
      error: null,
    },
  ];
  return {
    tiles: base.map((t) => ({ ...t, ...tiles[t.kind] })),
    webhookTestAvailable: true,
    ...overrides,
  };
}

export function buildAwsAccount(overrides: Partial<AwsAccount> = {}): AwsAccount {
  return {
    accountId: '123456789012',
    roleName: 'DatadogIntegrationRole',
    filterTags: ['env:prod'],
    hostTags: ['account:prod'],
    namespaceRules: { sqs: false },
    ...overrides,
  };
}

export function awsList(accounts: AwsAccount[] = [buildAwsAccount()]): AwsAccountList {
  return { accounts, lastChange: { at: FIXTURE_NOW - 10 * MINUTE, by: 'root-admin', action: 'integration.aws.create' } };
}

export function slackOverview(overrides: Partial<SlackOverview> = {}): SlackOverview {
  return {
    accounts: [
      {
        name: 'acme',
        error: null,
        listedBy: 'datadog',
        channels: [
          {
            name: '#alerts',
            display: { message: true, notified: true, snapshot: true, tags: true, muteButtons: false },
            handle: '@slack-alerts',
          },
        ],
      },
    ],
    lastChange: null,
    ...overrides,
  };
}

export function pagerDutyOverview(overrides: Partial<PagerDutyOverview> = {}): PagerDutyOverview {
  return {
    services: [{ name: 'payments', serviceKey: '******7f3a', handle: '@pagerduty-payments' }],
    listing: 'complete',
    lastChange: null,
    ...overrides,
  };
}

export function buildWebhook(overrides: Partial<Webhook> = {}): Webhook {
  const name = overrides.name ?? 'ops-hook';
  return {
    name,
    url: 'https://hooks.example.com/ops',
    payload: null,
    customHeaders: { 'X-Team': 'ops' },
    encodeAs: 'json',
    handle: `@webhook-${name}`,
    ...overrides,
  };
}

export function webhooksOverview(overrides: Partial<WebhooksOverview> = {}): WebhooksOverview {
  return {
    webhooks: [buildWebhook()],
    customVariables: [
      { name: 'TEAM', isSecret: false, value: 'payments' },
      { name: 'API_TOKEN', isSecret: true, value: '******' },
    ],
    listing: 'complete',
    lastChange: null,
    ...overrides,
  };
}
