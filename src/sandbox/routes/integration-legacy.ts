import type { Context, Hono } from 'hono';
import type { IntegrationDeps } from '../lib/integration-context';
import { applyLegacyPagerDuty, parseLegacyPagerDuty } from '../lib/integration-legacy-pagerduty';
import { applyLegacySlack, parseLegacySlack } from '../lib/integration-legacy-slack';
import { applyLegacyWebhooks, parseLegacyWebhooks } from '../lib/integration-legacy-webhooks';
import { renderLegacyPagerDuty, renderLegacySlack, renderLegacyWebhooks } from '../lib/integration-views';
import { notFound } from '../lib/errors';
import { readJson } from '../lib/json-body';

/** What GET answers when an integration has nothing configured (as the 2018 API did: a 404). */
export const notConfigured = (integration: string) => `The ${integration} integration is not configured`;

interface Legacy<T> {
  path: string;
  name: string;
  parse(body: unknown): T;
  apply(input: T, mode: 'add' | 'replace'): void;
  configured(): boolean;
  render(): Record<string, unknown>;
  clear(): void;
}

function register<T>(app: Hono, l: Legacy<T>): void {
  const write = (mode: 'add' | 'replace') => async (c: Context) => {
    l.apply(l.parse(await readJson(c)), mode);
    return c.body(null, 204);
  };
  app.get(l.path, (c) => {
    if (!l.configured()) throw notFound(notConfigured(l.name));
    return c.json(l.render());
  });
  // The 2018 docs: POST adds to the configuration, PUT replaces it.
  app.post(l.path, write('add'));
  app.put(l.path, write('replace'));
  app.delete(l.path, (c) => {
    l.clear();
    return c.body(null, 204);
  });
}

/**
 * The 2018 integration endpoints (/api/v1/integration/{slack,pagerduty,webhooks}),
 * answering from the same rows as the v1 configuration endpoints. Secrets read
 * back masked; a mask written back keeps the stored secret.
 */
export function registerLegacyIntegrationRoutes(app: Hono, deps: IntegrationDeps): void {
  const { slack, pagerduty, webhooks } = deps;
  register(app, {
    path: '/api/v1/integration/slack',
    name: 'slack',
    parse: parseLegacySlack,
    apply: (input, mode) => applyLegacySlack(deps, input, mode),
    configured: () => slack.countAccounts() > 0,
    render: () => renderLegacySlack(slack.listAccounts(), slack.listChannels()),
    clear: () => slack.deleteAllAccounts(),
  });
  register(app, {
    path: '/api/v1/integration/pagerduty',
    name: 'pagerduty',
    parse: parseLegacyPagerDuty,
    apply: (input, mode) => applyLegacyPagerDuty(deps, input, mode),
    configured: () => pagerduty.listServices().length > 0 || pagerduty.getSettings() !== undefined,
    render: () => renderLegacyPagerDuty(pagerduty.listServices(), pagerduty.getSettings()),
    clear: () => pagerduty.deleteAll(),
  });
  register(app, {
    path: '/api/v1/integration/webhooks',
    name: 'webhooks',
    parse: parseLegacyWebhooks,
    apply: (input, mode) => applyLegacyWebhooks(deps, input, mode),
    configured: () => webhooks.list().length > 0,
    render: () => renderLegacyWebhooks(webhooks.list()),
    clear: () =>
      deps.db.transaction(() => {
        webhooks.deleteAll();
        webhooks.deleteAllVariables();
      })(),
  });
}
