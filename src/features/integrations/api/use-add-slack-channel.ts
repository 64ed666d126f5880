import { integrationPaths } from '../../../contract/api-paths';
import type { SlackChannelInput } from '../../../contract/integrations';
import { apiRequest } from '../../../lib/api-client';
import { useIntegrationMutation } from './use-integration-mutation';

export interface AddSlackChannelVariables {
  account: string;
  body: SlackChannelInput;
}

export function addSlackChannel({ account, body }: AddSlackChannelVariables) {
  return apiRequest(integrationPaths.slackChannels(account), { method: 'POST', body });
}

/** POST /api/integrations/slack/accounts/:account/channels: a channel and what its messages show. */
export function useAddSlackChannel() {
  return useIntegrationMutation({
    kind: 'slack',
    mutationFn: addSlackChannel,
    success: ({ account, body }) => `Channel ${body.name} added to ${account}`,
  });
}
