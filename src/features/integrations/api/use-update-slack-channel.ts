import { integrationPaths } from '../../../contract/api-paths';
import type { SlackChannelUpdate } from '../../../contract/integrations';
import { apiRequest } from '../../../lib/api-client';
import { useIntegrationMutation } from './use-integration-mutation';

export interface UpdateSlackChannelVariables {
  account: string;
  /** With or without its "#". */
  channel: string;
  body: SlackChannelUpdate;
}

export function updateSlackChannel({ account, channel, body }: UpdateSlackChannelVariables) {
  return apiRequest(integrationPaths.slackChannel(account, channel), { method: 'PATCH', body });
}

/** PATCH /api/integrations/slack/accounts/:account/channels/:channel: the display options that changed. */
export function useUpdateSlackChannel() {
  return useIntegrationMutation({
    kind: 'slack',
    mutationFn: updateSlackChannel,
    success: ({ channel }) => `Channel ${channel} saved`,
  });
}
