import { integrationPaths } from '../../../contract/api-paths';
import { api } from '../../../lib/api-client';
import { useIntegrationMutation } from './use-integration-mutation';

export function removeSlackAccount({ account }: { account: string }) {
  return api.delete(integrationPaths.slackAccount(account));
}

/**
 * DELETE /api/integrations/slack/accounts/:account: takes an account added here off the list.
 * Datadog is not changed; the BFF refuses (409) an account Datadog lists itself or one with channels.
 */
export function useRemoveSlackAccount() {
  return useIntegrationMutation({
    kind: 'slack',
    mutationFn: removeSlackAccount,
    success: ({ account }) => `Slack account ${account} taken off the list`,
  });
}
