import { integrationPaths } from '../../../contract/api-paths';
import { api } from '../../../lib/api-client';
import { useIntegrationMutation } from './use-integration-mutation';

export function deleteAwsAccount({ accountId, roleName }: { accountId: string; roleName: string }) {
  return api.delete(integrationPaths.awsAccount(accountId, roleName));
}

/** DELETE /api/integrations/aws/:accountId/:roleName: Datadog stops collecting from that account. */
export function useDeleteAwsAccount() {
  return useIntegrationMutation({
    kind: 'aws',
    mutationFn: deleteAwsAccount,
    success: ({ accountId }) => `AWS account ${accountId} removed`,
  });
}
