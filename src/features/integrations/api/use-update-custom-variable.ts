import { integrationPaths } from '../../../contract/api-paths';
import type { CustomVariableUpdate } from '../../../contract/integrations';
import { apiRequest } from '../../../lib/api-client';
import { useIntegrationMutation } from './use-integration-mutation';

export interface UpdateCustomVariableVariables {
  name: string;
  body: CustomVariableUpdate;
}

export function updateCustomVariable({ name, body }: UpdateCustomVariableVariables) {
  return apiRequest(integrationPaths.customVariable(name), { method: 'PUT', body });
}

/** PUT /api/integrations/webhook-variables/:name: a new value (omitted keeps the stored one) or secrecy. */
export function useUpdateCustomVariable() {
  return useIntegrationMutation({
    kind: 'webhooks',
    mutationFn: updateCustomVariable,
    success: ({ name }) => `Variable ${name} saved`,
  });
}
