import type { Send } from './http';
import {
  RawAwsAccountListSchema,
  RawAwsCreateResponseSchema,
  RawCustomVariableSchema,
  RawLegacyPagerDutySchema,
  RawLegacySlackSchema,
  RawLegacyWebhooksSchema,
  RawPagerDutyServiceSchema,
  RawSlackChannelListSchema,
  RawSlackChannelSchema,
  RawWebhookSchema,
  RawWebhookTestResultSchema,
  type RawAwsAccountKey,
  type RawAwsAccountList,
  type RawAwsAccountWrite,
  type RawAwsCreateResponse,
  type RawCustomVariable,
  type RawCustomVariableWrite,
  type RawLegacyPagerDuty,
  type RawLegacySlack,
  type RawLegacyWebhooks,
  type RawPagerDutyService,
  type RawSlackChannel,
  type RawSlackChannelCreate,
  type RawSlackDisplayWrite,
  type RawWebhook,
  type RawWebhookTestResult,
  type RawWebhookWrite,
} from './integration-schemas';

/**
 * Datadog v1 integration calls (AWS, Slack, PagerDuty, Webhooks), the 2018
 * listings, and the local Datadog's test delivery: fixed methods and path
 * templates, every name encoded into its own path segment.
 */
export interface IntegrationCalls {
  listAwsAccounts(key?: RawAwsAccountKey): Promise<RawAwsAccountList>;
  createAwsAccount(body: RawAwsAccountWrite): Promise<RawAwsCreateResponse>;
  updateAwsAccount(key: RawAwsAccountKey, body: RawAwsAccountWrite): Promise<void>;
  deleteAwsAccount(key: RawAwsAccountKey): Promise<void>;

  /** The 2018 body; a real Datadog may answer 404. */
  getLegacySlack(): Promise<RawLegacySlack>;
  listSlackChannels(account: string): Promise<RawSlackChannel[]>;
  getSlackChannel(account: string, channel: string): Promise<RawSlackChannel>;
  createSlackChannel(account: string, body: RawSlackChannelCreate): Promise<RawSlackChannel>;
  updateSlackChannel(account: string, channel: string, body: { display: RawSlackDisplayWrite }): Promise<RawSlackChannel>;
  deleteSlackChannel(account: string, channel: string): Promise<void>;

  /** The 2018 body; a real Datadog may answer 404 or 400. */
  getLegacyPagerDuty(): Promise<RawLegacyPagerDuty>;
  getPagerDutyService(name: string): Promise<RawPagerDutyService>;
  createPagerDutyService(body: { service_name: string; service_key: string }): Promise<RawPagerDutyService>;
  updatePagerDutyService(name: string, body: { service_key: string }): Promise<void>;
  deletePagerDutyService(name: string): Promise<void>;

  /** The 2018 body; a real Datadog may answer 404 or 400. */
  getLegacyWebhooks(): Promise<RawLegacyWebhooks>;
  getWebhook(name: string): Promise<RawWebhook>;
  createWebhook(body: RawWebhookWrite): Promise<RawWebhook>;
  updateWebhook(name: string, body: RawWebhookWrite): Promise<RawWebhook>;
  deleteWebhook(name: string): Promise<void>;
  /** The local Datadog only. */
  testWebhook(name: string): Promise<RawWebhookTestResult>;

  getCustomVariable(name: string): Promise<RawCustomVariable>;
  createCustomVariable(body: RawCustomVariableWrite): Promise<RawCustomVariable>;
  updateCustomVariable(name: string, body: RawCustomVariableWrite): Promise<RawCustomVariable>;
  deleteCustomVariable(name: string): Promise<void>;
}

const seg = (value: string) => encodeURIComponent(value);
/** Slack channels go into paths without their "#". */
const channelSeg = (channel: string) => seg(channel.replace(/^#/, ''));

const AWS = '/api/v1/integration/aws';
const SLACK = '/api/v1/integration/slack';
const SLACK_CHANNELS = '/api/v1/integration/slack/configuration/accounts/{account_name}/channels';
const PAGERDUTY = '/api/v1/integration/pagerduty';
const PD_SERVICES = '/api/v1/integration/pagerduty/configuration/services';
const WEBHOOKS = '/api/v1/integration/webhooks';
const HOOKS = '/api/v1/integration/webhooks/configuration/webhooks';
const VARIABLES = '/api/v1/integration/webhooks/configuration/custom-variables';

const channelsPath = (account: string) => `/api/v1/integration/slack/configuration/accounts/${seg(account)}/channels`;

export function integrationCalls(send: Send): IntegrationCalls {
  return {
    listAwsAccounts: (key) =>
      send({
        method: 'GET',
        template: AWS,
        path: AWS,
        ...(key ? { query: { account_id: key.account_id, role_name: key.role_name } } : {}),
        schema: RawAwsAccountListSchema,
      }),
    createAwsAccount: (body) => send({ method: 'POST', template: AWS, path: AWS, body, schema: RawAwsCreateResponseSchema }),
    updateAwsAccount: (key, body) =>
      send({ method: 'PUT', template: AWS, path: AWS, query: { account_id: key.account_id, role_name: key.role_name }, body, schema: null }),
    deleteAwsAccount: (key) =>
      send({ method: 'DELETE', template: AWS, path: AWS, body: { account_id: key.account_id, role_name: key.role_name }, schema: null }),

    getLegacySlack: () => send({ method: 'GET', template: SLACK, path: SLACK, schema: RawLegacySlackSchema }),
    listSlackChannels: (account) =>
      send({ method: 'GET', template: SLACK_CHANNELS, path: channelsPath(account), schema: RawSlackChannelListSchema }),
    getSlackChannel: (account, channel) =>
      send({
        method: 'GET',
        template: `${SLACK_CHANNELS}/{channel_name}`,
        path: `${channelsPath(account)}/${channelSeg(channel)}`,
        schema: RawSlackChannelSchema,
      }),
    createSlackChannel: (account, body) =>
      send({ method: 'POST', template: SLACK_CHANNELS, path: channelsPath(account), body, schema: RawSlackChannelSchema }),
    updateSlackChannel: (account, channel, body) =>
      send({
        method: 'PATCH',
        template: `${SLACK_CHANNELS}/{channel_name}`,
        path: `${channelsPath(account)}/${channelSeg(channel)}`,
        body,
        schema: RawSlackChannelSchema,
      }),
    deleteSlackChannel: (account, channel) =>
      send({
        method: 'DELETE',
        template: `${SLACK_CHANNELS}/{channel_name}`,
        path: `${channelsPath(account)}/${channelSeg(channel)}`,
        schema: null,
      }),

    getLegacyPagerDuty: () => send({ method: 'GET', template: PAGERDUTY, path: PAGERDUTY, schema: RawLegacyPagerDutySchema }),
    getPagerDutyService: (name) =>
      send({ method: 'GET', template: `${PD_SERVICES}/{service_name}`, path: `${PD_SERVICES}/${seg(name)}`, schema: RawPagerDutyServiceSchema }),
    createPagerDutyService: (body) =>
      send({ method: 'POST', template: PD_SERVICES, path: PD_SERVICES, body, schema: RawPagerDutyServiceSchema }),
    updatePagerDutyService: (name, body) =>
      send({ method: 'PUT', template: `${PD_SERVICES}/{service_name}`, path: `${PD_SERVICES}/${seg(name)}`, body, schema: null }),
    deletePagerDutyService: (name) =>
      send({ method: 'DELETE', template: `${PD_SERVICES}/{service_name}`, path: `${PD_SERVICES}/${seg(name)}`, schema: null }),

    getLegacyWebhooks: () => send({ method: 'GET', template: WEBHOOKS, path: WEBHOOKS, schema: RawLegacyWebhooksSchema }),
    getWebhook: (name) =>
      send({ method: 'GET', template: `${HOOKS}/{webhook_name}`, path: `${HOOKS}/${seg(name)}`, schema: RawWebhookSchema }),
    createWebhook: (body) => send({ method: 'POST', template: HOOKS, path: HOOKS, body, schema: RawWebhookSchema }),
    updateWebhook: (name, body) =>
      send({ method: 'PUT', template: `${HOOKS}/{webhook_name}`, path: `${HOOKS}/${seg(name)}`, body, schema: RawWebhookSchema }),
    deleteWebhook: (name) =>
      send({ method: 'DELETE', template: `${HOOKS}/{webhook_name}`, path: `${HOOKS}/${seg(name)}`, schema: null }),
    testWebhook: (name) =>
      send({
        method: 'POST',
        template: `${HOOKS}/{webhook_name}/test`,
        path: `${HOOKS}/${seg(name)}/test`,
        schema: RawWebhookTestResultSchema,
      }),

    getCustomVariable: (name) =>
      send({ method: 'GET', template: `${VARIABLES}/{custom_variable_name}`, path: `${VARIABLES}/${seg(name)}`, schema: RawCustomVariableSchema }),
    createCustomVariable: (body) => send({ method: 'POST', template: VARIABLES, path: VARIABLES, body, schema: RawCustomVariableSchema }),
    updateCustomVariable: (name, body) =>
      send({
        method: 'PUT',
        template: `${VARIABLES}/{custom_variable_name}`,
        path: `${VARIABLES}/${seg(name)}`,
        body,
        schema: RawCustomVariableSchema,
      }),
    deleteCustomVariable: (name) =>
      send({ method: 'DELETE', template: `${VARIABLES}/{custom_variable_name}`, path: `${VARIABLES}/${seg(name)}`, schema: null }),
  };
}
