import { integrationPaths } from '../../../contract/api-paths';
import { api } from '../../../lib/api-client';
import { useIntegrationMutation } from './use-integration-mutation';

export function deleteWebhook(name: string) {
  return api.delete(integrationPaths.webhook(name));
}

/** DELETE /api/integrations/webhooks/:name: its @-handle stops working. */
export function useDeleteWebhook() {
  return useIntegrationMutation({
    kind: 'webhooks',
    mutationFn: deleteWebhook,
    success: (name) => `Webhook ${name} deleted`,
  });
}
