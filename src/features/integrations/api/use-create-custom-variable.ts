import { integrationPaths } from '../../../contract/api-paths';
import type { CustomVariableInput } from '../../../contract/integrations';
import { apiRequest } from '../../../lib/api-client';
import { useIntegrationMutation } from './use-integration-mutation';

export function createCustomVariable(body: CustomVariableInput) {
  return apiRequest(integrationPaths.customVariables, { method: 'POST', body });
}

/** POST /api/integrations/webhook-variables: a $NAME for payloads, URLs and headers; a secret one reads back masked. */
export function useCreateCustomVariable() {
  return useIntegrationMutation({
    kind: 'webhooks',
    mutationFn: createCustomVariable,
    success: (body) => `Variable ${body.name} added`,
  });
}
