import type { Hono } from 'hono';
import type { IntegrationDeps } from '../lib/integration-context';
import { objectBody, onlyKeys } from '../lib/integration-fields';
import { readJson } from '../lib/json-body';
import { deliverWebhook, type WebhookDeliveryOptions } from '../lib/webhook-delivery';
import { renderWebhookRequest, scrubSecrets } from '../lib/webhook-render';
import { getWebhookOr404 } from './integration-webhooks';

/**
 * The test delivery answers within this, retries included, so the BFF (whose
 * upstream timeout is 10 s by default) always gets the sandbox's own answer
 * rather than a 504 of its own: per attempt min(5 s, time left), and no retry
 * with too little time left (3 x 5 s plus backoff would be about 15.6 s).
 */
export const WEBHOOK_TEST_DEADLINE_MS = 8000;

/**
 * Sandbox only (Datadog has no such endpoint): sends one test delivery of a
 * webhook, rendered with sample event values and the custom variables, to its
 * real URL, and reports what came back. Secret variable values are sent but
 * never echoed: `sent`, `body` and error messages show them as `******`.
 */
export function registerWebhookTestRoute(app: Hono, deps: IntegrationDeps, options: Partial<WebhookDeliveryOptions> = {}): void {
  const delivery: Partial<WebhookDeliveryOptions> = { deadlineMs: WEBHOOK_TEST_DEADLINE_MS, ...options };
  app.post('/api/v1/integration/webhooks/configuration/webhooks/:name/test', async (c) => {
    const w = getWebhookOr404(deps, c.req.param('name'));
    const body = await readJson(c);
    if (body !== undefined) onlyKeys(objectBody(body), []);
    const rendered = renderWebhookRequest(w, deps.webhooks.listVariables());
    const result = await deliverWebhook(rendered.request, delivery);
    return c.json({ ...result, body: scrubSecrets(result.body, rendered.secrets), sent: rendered.sent });
  });
}
