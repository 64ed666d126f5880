import { integrationPaths } from '../../../contract/api-paths';
import { AwsCreateResponseSchema, type AwsAccountInput } from '../../../contract/integrations';
import { api } from '../../../lib/api-client';
import { useIntegrationMutation } from './use-integration-mutation';

export function createAwsAccount(body: AwsAccountInput) {
  return api.post(integrationPaths.aws, body, AwsCreateResponseSchema);
}

/** POST /api/integrations/aws: 201 with the account and the external id its IAM trust policy needs. */
export function useCreateAwsAccount() {
  return useIntegrationMutation({
    kind: 'aws',
    mutationFn: createAwsAccount,
    success: (body) => `AWS account ${body.accountId} added`,
  });
}
