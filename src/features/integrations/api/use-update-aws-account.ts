import { integrationPaths } from '../../../contract/api-paths';
import type { AwsAccountInput } from '../../../contract/integrations';
import { apiRequest } from '../../../lib/api-client';
import { useIntegrationMutation } from './use-integration-mutation';

export interface UpdateAwsAccountVariables {
  /** The account as it is stored (its path). */
  accountId: string;
  roleName: string;
  body: AwsAccountInput;
}

export function updateAwsAccount({ accountId, roleName, body }: UpdateAwsAccountVariables) {
  return apiRequest(integrationPaths.awsAccount(accountId, roleName), { method: 'PUT', body });
}

/** PUT /api/integrations/aws/:accountId/:roleName with the whole account (tags, namespaces, role name). */
export function useUpdateAwsAccount() {
  return useIntegrationMutation({
    kind: 'aws',
    mutationFn: updateAwsAccount,
    success: ({ accountId }) => `AWS account ${accountId} saved`,
  });
}
