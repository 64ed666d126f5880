import { integrationPaths } from '../../../contract/api-paths';
import { api } from '../../../lib/api-client';
import { useIntegrationMutation } from './use-integration-mutation';

export function deleteCustomVariable(name: string) {
  return api.delete(integrationPaths.customVariable(name));
}

/** DELETE /api/integrations/webhook-variables/:name: payloads that use $NAME send it as written. */
export function useDeleteCustomVariable() {
  return useIntegrationMutation({
    kind: 'webhooks',
    mutationFn: deleteCustomVariable,
    success: (name) => `Variable ${name} deleted`,
  });
}
