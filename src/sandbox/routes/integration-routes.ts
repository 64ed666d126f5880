import type { Hono } from 'hono';
import type { SandboxDeps } from '../lib/context';
import { integrationDeps } from '../lib/integration-context';
import type { WebhookDeliveryOptions } from '../lib/webhook-delivery';
import { registerAwsIntegrationRoutes } from './integration-aws';
import { registerLegacyIntegrationRoutes } from './integration-legacy';
import { registerPagerDutyIntegrationRoutes } from './integration-pagerduty';
import { registerSlackIntegrationRoutes } from './integration-slack';
import { registerWebhookTestRoute } from './integration-webhook-test';
import { registerWebhookIntegrationRoutes } from './integration-webhooks';

export interface IntegrationRouteOptions {
  /** For the sandbox-only test delivery: fetch, timeouts, retries, deadline (defaults: global fetch, 5 s, 2 retries, 8 s in all). */
  delivery?: Partial<WebhookDeliveryOptions>;
}

/** Every Datadog integration endpoint: AWS, Slack, PagerDuty, Webhooks, their 2018 bodies and the test delivery. */
export function registerIntegrationRoutes(app: Hono, deps: SandboxDeps, o: IntegrationRouteOptions = {}): void {
  const d = integrationDeps(deps);
  registerAwsIntegrationRoutes(app, d);
  registerSlackIntegrationRoutes(app, d);
  registerPagerDutyIntegrationRoutes(app, d);
  registerWebhookTestRoute(app, d, o.delivery);
  registerWebhookIntegrationRoutes(app, d);
  registerLegacyIntegrationRoutes(app, d);
}
