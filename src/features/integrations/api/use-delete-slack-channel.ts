import { integrationPaths } from '../../../contract/api-paths';
import { api } from '../../../lib/api-client';
import { useIntegrationMutation } from './use-integration-mutation';

export function deleteSlackChannel({ account, channel }: { account: string; channel: string }) {
  return api.delete(integrationPaths.slackChannel(account, channel));
}

/** DELETE /api/integrations/slack/accounts/:account/channels/:channel: its @-handle stops working. */
export function useDeleteSlackChannel() {
  return useIntegrationMutation({
    kind: 'slack',
    mutationFn: deleteSlackChannel,
    success: ({ account, channel }) => `Channel ${channel} removed from ${account}`,
  });
}
