import { integrationPaths } from '../../../contract/api-paths';
import type { WebhookUpdate } from '../../../contract/integrations';
import { apiRequest } from '../../../lib/api-client';
import { useIntegrationMutation } from './use-integration-mutation';

export interface UpdateWebhookVariables {
  name: string;
  body: WebhookUpdate;
}

export function updateWebhook({ name, body }: UpdateWebhookVariables) {
  return apiRequest(integrationPaths.webhook(name), { method: 'PUT', body });
}

/** PUT /api/integrations/webhooks/:name: only the fields that changed. */
export function useUpdateWebhook() {
  return useIntegrationMutation({
    kind: 'webhooks',
    mutationFn: updateWebhook,
    success: ({ name }) => `Webhook ${name} saved`,
  });
}
