import { integrationPaths } from '../../../contract/api-paths';
import type { WebhookInput } from '../../../contract/integrations';
import { apiRequest } from '../../../lib/api-client';
import { useIntegrationMutation } from './use-integration-mutation';

export function createWebhook(body: WebhookInput) {
  return apiRequest(integrationPaths.webhooks, { method: 'POST', body });
}

/** POST /api/integrations/webhooks: name, URL, encoding, headers and payload template. */
export function useCreateWebhook() {
  return useIntegrationMutation({
    kind: 'webhooks',
    mutationFn: createWebhook,
    success: (body) => `Webhook ${body.name} created`,
  });
}
