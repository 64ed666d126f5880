import { integrationPaths } from '../../../contract/api-paths';
import type { SlackAccountInput } from '../../../contract/integrations';
import { apiRequest } from '../../../lib/api-client';
import { useIntegrationMutation } from './use-integration-mutation';

export function addSlackAccount(body: SlackAccountInput) {
  return apiRequest(integrationPaths.slackAccounts, { method: 'POST', body });
}

/** POST /api/integrations/slack/accounts: a Slack workspace (account) whose channels monitors can post to. */
export function useAddSlackAccount() {
  return useIntegrationMutation({
    kind: 'slack',
    mutationFn: addSlackAccount,
    success: (body) => `Slack account ${body.name} added`,
  });
}
