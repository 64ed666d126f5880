import { setup, type SetupOptions } from '../../testing/test-app';

/** Shared by the integration route tests: Datadog's paths, raw bodies, and the test app signed in as an admin. */

export const DD = {
  aws: '/api/v1/integration/aws',
  legacySlack: '/api/v1/integration/slack',
  channels: (account: string) => `/api/v1/integration/slack/configuration/accounts/${account}/channels`,
  legacyPagerDuty: '/api/v1/integration/pagerduty',
  services: '/api/v1/integration/pagerduty/configuration/services',
  legacyWebhooks: '/api/v1/integration/webhooks',
  hooks: '/api/v1/integration/webhooks/configuration/webhooks',
  variables: '/api/v1/integration/webhooks/configuration/custom-variables',
} as const;

export const ACCOUNT_ID = '123456789012';
export const ROLE = 'DatadogAWSIntegrationRole';

type Json = Record<string, unknown>;

export const rawAwsAccount = (accountId = ACCOUNT_ID, extra: Json = {}): Json => ({
  account_id: accountId,
  role_name: ROLE,
  filter_tags: ['env:prod'],
  host_tags: ['team:web'],
  account_specific_namespace_rules: { auto_scaling: false },
  excluded_regions: ['us-east-1'],
  metrics_collection_enabled: true,
  ...extra,
});

export const rawChannel = (name: string, display: Json = {}): Json => ({
  name,
  display: { message: true, mute_buttons: false, notified: true, snapshot: true, tags: true, ...display },
});

export const rawWebhook = (name: string, extra: Json = {}): Json => ({
  name,
  url: `https://hooks.example.com/${name}`,
  encode_as: 'json',
  custom_headers: null,
  payload: '{"text":"$EVENT_TITLE"}',
  ...extra,
});

/** The test app, called as an admin unless said otherwise. */
export function setupAdmin(options: SetupOptions = {}) {
  return setup({ as: 'admin', ...options });
}

/** Method, path and body of every request Datadog got. */
export const sent = (fake: ReturnType<typeof setup>['fake']) => fake.requests.map((r) => [r.method, r.path, r.body]);
